"""Small images inside SVG: an (h, w) or (h, w, channels) uint8 array -> a PNG data URI.

A heatmap drawn as SVG rects would be thousands of elements to build, send and lay out on
every frame; as one `<image>` it is a short string the browser scales up smoothly. PNG
needs only zlib and struct (both in Pyodide's standard library) and is a third the size
of an uncompressed bitmap.

Heatmaps store grey levels only (how much of a colour shows, a third of the bytes) and take
their colours from the stylesheet (`widgets._heatmap`).
"""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np

# PNG colour type by channels: grey, grey + alpha, truecolour, truecolour + alpha.
COLOUR_TYPES = {1: 0, 2: 4, 3: 2, 4: 6}


def png(pixels: np.ndarray) -> bytes:
    """A PNG of pixels (h, w) or (h, w, channels) uint8, 1 to 4 channels, row 0 at the top."""
    h, w = pixels.shape[:2]
    channels = pixels.shape[2] if pixels.ndim == 3 else 1
    rows = pixels.reshape(h, w * channels)
    raw = np.concatenate([np.zeros((h, 1), np.uint8), rows], axis=1)  # filter 0 per row

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", w, h, 8, COLOUR_TYPES[channels], 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw.tobytes(), 6)) + chunk(b"IEND", b""))


def png_data_uri(pixels: np.ndarray) -> str:
    return "data:image/png;base64," + base64.b64encode(png(pixels)).decode("ascii")
