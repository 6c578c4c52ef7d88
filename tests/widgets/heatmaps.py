"""Reading heatmaps back out of a figure's SVG (see nnpress.widgets._heatmap): each colour
layer's grey mask, and the picture they paint with the light theme's colours of site.css."""

from __future__ import annotations

import base64
import re
import struct
import zlib

import numpy as np

from ..conftest import PROJECT

CHANNELS = {0: 1, 4: 2, 2: 3, 6: 4}  # PNG colour type -> channels


def decode_png(uri: str) -> np.ndarray:
    """A data-URI PNG as nnpress.bitmap writes it (one IDAT, filter 0) -> (h, w) or
    (h, w, channels) uint8, row 0 at the top."""
    raw = base64.b64decode(uri.removeprefix("data:image/png;base64,"))
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour_type = struct.unpack(">IIBB", raw[16:26])
    assert depth == 8
    channels = CHANNELS[colour_type]
    idat = raw[raw.index(b"IDAT") + 4 : raw.index(b"IEND") - 8]
    rows = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(height, 1 + width * channels)
    assert not rows[:, 0].any()  # no row filters
    pixels = rows[:, 1:].reshape(height, width, channels)
    return pixels[:, :, 0] if channels == 1 else pixels


def layers(svg: str, cls: str = "nn-heat", piece: int = 0) -> tuple[str, dict[str, np.ndarray]]:
    """A heatmap in `svg` (of the group of class `cls`, the `piece`-th of those it paints):
    the class of its colour underneath and, for each colour over it, its grey pixels
    (rows, cols) uint8 from that colour's mask."""
    group = re.search(rf'<g class="[^"]*\b{cls}\b[^"]*">(.*?)</g>', svg)[1]
    base = re.match(r'<path class="([^"]+)"', group)[1]
    masks = {}
    for layer, mask in re.findall(r'<path class="([^"]+)"[^>]*mask="url\(#([^)]+)\)"', group):
        images = re.search(rf'<mask id="{re.escape(mask)}">(.*?)</mask>', svg)[1]
        masks[layer] = decode_png(re.findall(r'href="([^"]+)"', images)[piece])
    return base, masks


def theme_colours() -> dict[str, np.ndarray]:
    """The light theme's heatmap colours, from site.css: class -> rgb (3,) float."""
    css = (PROJECT / "templates" / "static" / "site.css").read_text()
    root = css[css.index(":root {") : css.index("}", css.index(":root {"))]
    return {f"heat-{name}": np.array([int(value[i : i + 2], 16) for i in (0, 2, 4)], float)
            for name, value in re.findall(r"--heat-([\w-]+): #([0-9a-f]{6})", root)}


def painted(svg: str, cls: str = "nn-heat") -> np.ndarray:
    """The heatmap as the light theme paints it: (rows, cols, 3) rounded to uint8."""
    colours = theme_colours()
    base, masks = layers(svg, cls)
    shape = next(iter(masks.values())).shape
    rgb = np.broadcast_to(colours[base], (*shape, 3)).copy()
    for layer, grey in masks.items():
        alpha = grey[..., None] / 255.0
        rgb = rgb * (1 - alpha) + colours[layer] * alpha
    return np.rint(rgb).astype(np.uint8)
