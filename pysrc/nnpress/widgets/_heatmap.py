"""Heatmaps whose colours are the stylesheet's: a grid of values -> small grey PNGs of how
much of each colour shows (`nnpress.bitmap`) -> SVG shapes painted by CSS classes through them.

Pixels carry intensity only. Each colour is a shape whose class gives its fill from a
custom property of site.css (`--heat-negative`, `--heat-middle`, `--heat-positive`,
`--heat-ramp-0` ... `-4`), laid over the colours below through a luminance <mask> holding
its grey image: a theme restyles a heatmap as it does a curve, and the dark theme needs no
filter. The colour underneath is the one the picture mostly is (the middle of a diverging
map), so the shapes' antialiased edges blend into it rather than into a strong colour.

A mask costs the browser a layer to paint every frame, so the heatmaps of one figure (the
playground's thumbnail of every unit) share them: one shape per colour for all of them,
masked by one mask holding all their images.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import svg
from ..bitmap import png_data_uri

STRENGTH = 0.62  # how far the extremes go toward the full colour, so points stay visible
THUMB_STRENGTH = 0.9  # small images need stronger colour to read
DIVERGING = ("heat-middle", "heat-negative", "heat-positive")  # 0 underneath, then -1, +1
RAMP = tuple(f"heat-ramp-{k}" for k in range(5))  # the sequential map's stops, low to high


@dataclass(frozen=True)
class Heat:
    """One heatmap's paint: the class of the colour underneath, and for each colour laid
    over it its class and its grey image (a data URI) of how much of it shows."""

    base: str
    layers: tuple[str, ...]
    uris: tuple[str, ...]


Box = tuple[float, float, float, float]  # x, y, width, height in the figure's pixels


def paint(pieces: Sequence[tuple[Heat, Box]], cls: str = "", circles: bool = False) -> str:
    """Heatmaps of one kind (the same colours), each over its box; with `circles`, each
    shows as the circle inscribed in its box. A mask's id is the figure being drawn's
    (`svg.ids_in`) and a hash of what it holds: two colours that show alike (all 0, say)
    share one mask. Unique in the page if a figure paints each set of heatmaps once."""
    heat = pieces[0][0]
    shape = "".join(_outline(box, circles) for _, box in pieces)
    masks, parts = [], [f'<path class="{heat.base}" d="{shape}"/>']
    for k, layer in enumerate(heat.layers):
        images = "".join(
            f'<image x="{svg.fmt(x)}" y="{svg.fmt(y)}" width="{svg.fmt(w)}" '
            f'height="{svg.fmt(h)}" preserveAspectRatio="none" href="{piece.uris[k]}"/>'
            for piece, (x, y, w, h) in pieces)
        key = svg.local_id(f"h{zlib.crc32(images.encode()):08x}")
        masks.append(f'<mask id="{key}">{images}</mask>')
        parts.append(f'<path class="{layer}" d="{shape}" mask="url(#{key})"/>')
    group = " ".join(["nn-heat", cls]).strip()
    return f'<defs>{"".join(dict.fromkeys(masks))}</defs><g class="{group}">{"".join(parts)}</g>'


def _outline(box: Box, circle: bool) -> str:
    x, y, w, h = box
    if circle:  # two half circles
        r = svg.fmt(w / 2)
        return (f"M{svg.fmt(x)} {svg.fmt(y + h / 2)}a{r} {r} 0 0 0 {svg.fmt(w)} 0"
                f"a{r} {r} 0 0 0 -{svg.fmt(w)} 0z")
    return f"M{svg.fmt(x)} {svg.fmt(y)}h{svg.fmt(w)}v{svg.fmt(h)}h-{svg.fmt(w)}z"


def layered(base: str, layers: Sequence[str], shows: Sequence[np.ndarray]) -> Heat:
    """shows[k] (rows, cols) in [0, 1], row 0 at the top: how much of layers[k] shows over
    the colours below it."""
    uris = tuple(png_data_uri(np.rint(np.clip(a, 0.0, 1.0) * 255).astype(np.uint8))
                 for a in shows)
    return Heat(base, tuple(layers), uris)


def diverging(values: np.ndarray, n: int, strength: float = STRENGTH) -> Heat:
    """values in [-1, 1] (n*n,) in `grid_points` order: negative toward --heat-negative,
    positive toward --heat-positive, 0 the middle colour; `strength` is how far +-1 go."""
    t = np.clip(np.nan_to_num(values), -1.0, 1.0).reshape(n, n)[::-1]  # top row first
    shows = [np.maximum(-t, 0.0) * strength, np.maximum(t, 0.0) * strength]
    return layered(DIVERGING[0], DIVERGING[1:], shows)


def sequential(t: np.ndarray) -> Heat:
    """t (rows, cols) in [0, 1], row 0 at the top: through the RAMP's stops, low to high."""
    position = np.clip(t, 0.0, 1.0) * (len(RAMP) - 1)
    shows = [position - k for k in range(len(RAMP) - 1)]  # stop k+1 over stop k
    return layered(RAMP[0], RAMP[1:], shows)


def grid_points(lo: float, hi: float, n: int) -> np.ndarray:
    """Pixel centres of an n x n grid over [lo, hi]^2, (n*n, 2), bottom row first."""
    centres = lo + (np.arange(n) + 0.5) * (hi - lo) / n  # (n,)
    xs, ys = np.meshgrid(centres, centres)  # ys grows with the row: bottom row first
    return np.column_stack([xs.ravel(), ys.ravel()])
