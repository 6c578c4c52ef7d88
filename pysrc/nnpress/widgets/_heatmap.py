"""Heatmaps whose colours are the stylesheet's: a grid of values -> small grey PNGs of how
much of each colour shows (`nnpress.bitmap`) -> SVG rects painted by CSS classes through them.

Pixels carry intensity only. Each colour is a <rect> whose class gives its fill from a
custom property of site.css (`--heat-negative`, `--heat-middle`, `--heat-positive`,
`--heat-ramp-0` ... `-4`), laid over the colours below through a luminance <mask> holding
its grey image: a theme restyles a heatmap as it does a curve, and the dark theme needs no
filter. The colour underneath is the one the picture mostly is (the middle of a diverging
map), so the rects' antialiased edges blend into it rather than into a strong colour.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
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
    over it its class, its grey image (a data URI) and a name from that image's content.
    Ids are made when drawn (`defs`, `draw`), inside the figure being drawn (`svg.ids_in`):
    equal images in a figure share one mask."""

    base: str
    layers: tuple[str, ...]
    uris: tuple[str, ...]
    names: tuple[str, ...]

    def defs(self) -> str:
        """The masks `draw` refers to (write each once per figure: see `defs`)."""
        return "".join(
            f'<mask id="{svg.local_id(name)}" maskContentUnits="objectBoundingBox">'
            f'<image width="1" height="1" preserveAspectRatio="none" href="{uri}"/></mask>'
            for name, uri in zip(self.names, self.uris, strict=True))

    def draw(self, x: float, y: float, width: float, height: float, cls: str = "") -> str:
        """The rects, colour on colour, over a pixel box (the images scale smoothly)."""
        box = (f'x="{svg.fmt(x)}" y="{svg.fmt(y)}" width="{svg.fmt(width)}" '
               f'height="{svg.fmt(height)}"')
        rects = [f'<rect class="{self.base}" {box}/>'] + [
            f'<rect class="{layer}" {box} mask="url(#{svg.local_id(name)})"/>'
            for layer, name in zip(self.layers, self.names, strict=True)
        ]
        return f'<g class="{" ".join(["nn-heat", cls]).strip()}">{"".join(rects)}</g>'


def defs(heats: Iterable[Heat]) -> str:
    """One <defs> for a figure's heatmaps, each mask once."""
    return f"<defs>{''.join(dict.fromkeys(h.defs() for h in heats))}</defs>"


def layered(base: str, layers: Sequence[str], shows: Sequence[np.ndarray]) -> Heat:
    """shows[k] (rows, cols) in [0, 1], row 0 at the top: how much of layers[k] shows over
    the colours below it."""
    uris = tuple(png_data_uri(np.rint(np.clip(a, 0.0, 1.0) * 255).astype(np.uint8))
                 for a in shows)
    names = tuple(f"h{zlib.crc32(uri.encode()):08x}" for uri in uris)
    return Heat(base, tuple(layers), uris, names)


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
