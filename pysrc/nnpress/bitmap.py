"""Small images inside SVG: an (h, w, 3) uint8 array -> a PNG data URI.

A heatmap drawn as SVG rects would be thousands of elements to build, send and lay out on
every frame; as one `<image>` it is a short string the browser scales up smoothly. PNG
needs only zlib and struct (both in Pyodide's standard library) and is a third the size
of an uncompressed bitmap.
"""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np


def png(rgb: np.ndarray) -> bytes:
    """A truecolour PNG of rgb (h, w, 3) uint8, row 0 at the top."""
    h, w, _ = rgb.shape
    raw = np.concatenate([np.zeros((h, 1), np.uint8), rgb.reshape(h, w * 3)], axis=1)

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw.tobytes(), 6)) + chunk(b"IEND", b""))


def png_data_uri(rgb: np.ndarray) -> str:
    return "data:image/png;base64," + base64.b64encode(png(rgb)).decode("ascii")
