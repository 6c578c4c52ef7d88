"""Heatmaps as tiny bitmaps: a grid of values -> colours -> a PNG data URI (`nnpress.bitmap`).

Colours are baked into the pixels, so they are the theme's colours written out here.
"""

from __future__ import annotations

import numpy as np

from .. import svg
from ..bitmap import png_data_uri

# The theme's class colours (site.css --warm and --accent) and the near-white between them.
NEGATIVE = (0xE0, 0x66, 0x2F)  # class 0, values toward -1
MIDDLE = (0xF7, 0xF7, 0xF5)  # 0: undecided
POSITIVE = (0x2F, 0x6F, 0xDE)  # class 1, values toward +1
STRENGTH = 0.62  # how far the extremes go toward the full colour, so points stay visible


def diverging_lut(strength: float = STRENGTH) -> np.ndarray:
    """256 colours (256, 3) uint8 from NEGATIVE through MIDDLE to POSITIVE, indexed by
    round((t + 1) / 2 * 255) for t in [-1, 1]."""
    t = np.linspace(-1.0, 1.0, 256)[:, None]  # (256, 1)
    mid, neg, pos = (np.array(c, dtype=float) for c in (MIDDLE, NEGATIVE, POSITIVE))
    towards = np.where(t < 0, neg, pos)  # (256, 3)
    rgb = mid + (towards - mid) * np.abs(t) * strength
    return np.round(rgb).astype(np.uint8)


LUT = diverging_lut()
THUMB_LUT = diverging_lut(0.9)  # small images need stronger colour to read


def grid_points(lo: float, hi: float, n: int) -> np.ndarray:
    """Pixel centres of an n x n grid over [lo, hi]^2, (n*n, 2), bottom row first."""
    centres = lo + (np.arange(n) + 0.5) * (hi - lo) / n  # (n,)
    xs, ys = np.meshgrid(centres, centres)  # ys grows with the row: bottom row first
    return np.column_stack([xs.ravel(), ys.ravel()])


def data_uri(values: np.ndarray, n: int, lut: np.ndarray = LUT) -> str:
    """values in [-1, 1] (n*n,) on `grid_points` order -> a PNG data URI."""
    t = np.clip(np.nan_to_num(values), -1.0, 1.0)
    index = np.rint((t + 1.0) * 127.5).astype(np.intp)  # (n*n,)
    rgb = lut[index].reshape(n, n, 3)
    return png_data_uri(rgb[::-1])  # grid_points' bottom row is the image's last


def image(x: float, y: float, width: float, height: float, uri: str, cls: str = "") -> str:
    """An SVG <image> stretched over a pixel box (scaled smoothly by the browser)."""
    klass = f' class="{cls}"' if cls else ""
    return (
        f'<image{klass} x="{svg.fmt(x)}" y="{svg.fmt(y)}" width="{svg.fmt(width)}" '
        f'height="{svg.fmt(height)}" preserveAspectRatio="none" href="{uri}"/>'
    )
