"""Tiny SVG drawing kit shared by every widget.

Figures are strings so that the same code can run under CPython at build time
and under Pyodide in the browser. Colours live in the site's CSS (classes such
as `curve`, `point`, `axis`), never here, so a theme can restyle every figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape

# The figure being drawn, for ids inside its SVG (see `ids_in`).
_figure: list[str] = ["nn"]


@contextmanager
def ids_in(figure_id: str) -> Iterator[None]:
    """Ids made inside the block (`local_id`) belong to the figure `figure_id`.

    A mask or an image referenced by id must be unique in the whole page, which holds
    several figures, perhaps the same figure twice; the figure's own id is what tells them
    apart. The figure is drawn at build time (`Widget.render_html`) and again in the page
    (`nnpress.browser`), both with its id, so both give the same ids.
    """
    _figure.append(figure_id)
    try:
        yield
    finally:
        _figure.pop()


def local_id(name: str) -> str:
    """`name` made unique in the page: the id of the figure being drawn, then the name."""
    return f"{_figure[-1]}-{name}"


def fmt(v: float) -> str:
    """Pixel coordinates rounded to 0.1 px: small, stable SVG text."""
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


@dataclass(frozen=True)
class Frame:
    """Maps data coordinates (x right, y up) onto an SVG viewport."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]
    width: int = 360
    height: int = 240
    margin: tuple[int, int, int, int] = (12, 12, 28, 40)  # top, right, bottom, left

    @property
    def left(self) -> float:
        return self.margin[3]

    @property
    def right(self) -> float:
        return self.width - self.margin[1]

    @property
    def top(self) -> float:
        return self.margin[0]

    @property
    def bottom(self) -> float:
        return self.height - self.margin[2]

    def px(self, x: float) -> float:
        x0, x1 = self.x_range
        return self.left + (x - x0) / (x1 - x0) * (self.right - self.left)

    def py(self, y: float) -> float:
        y0, y1 = self.y_range
        return self.bottom - (y - y0) / (y1 - y0) * (self.bottom - self.top)

    def clamp_y(self, y: float) -> float:
        lo, hi = sorted(self.y_range)
        return min(max(y, lo), hi)


def figure(frame: Frame, body: Iterable[str], label: str) -> str:
    """The outer <svg>: scalable, with a text alternative for screen readers."""
    return (
        f'<svg class="nn-svg" viewBox="0 0 {frame.width} {frame.height}" role="img" '
        f'aria-label="{escape(label)}">' + "".join(body) + "</svg>"
    )


def ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) covering [lo, hi]."""
    import math

    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(lo / step) * step
    out = []
    v = first
    while v <= hi + step * 1e-9:
        out.append(round(v, 10) + 0.0)
        v += step
    return out


def tick_label(v: float) -> str:
    return f"{v:g}"


def axes(frame: Frame, x_label: str = "", y_label: str = "", count: int = 5) -> str:
    """Axis lines through zero (or the frame edge), tick marks and labels."""
    parts = []
    x0 = frame.py(0) if min(frame.y_range) <= 0 <= max(frame.y_range) else frame.bottom
    y0 = frame.px(0) if min(frame.x_range) <= 0 <= max(frame.x_range) else frame.left
    parts.append(
        f'<line class="grid" x1="{fmt(frame.left)}" y1="{fmt(x0)}" '
        f'x2="{fmt(frame.right)}" y2="{fmt(x0)}"/>'
    )
    parts.append(
        f'<line class="grid" x1="{fmt(y0)}" y1="{fmt(frame.top)}" '
        f'x2="{fmt(y0)}" y2="{fmt(frame.bottom)}"/>'
    )
    parts.append(
        f'<path class="axis" d="M{fmt(frame.left)} {fmt(frame.top)}V{fmt(frame.bottom)}'
        f'H{fmt(frame.right)}"/>'
    )
    for v in ticks(*sorted(frame.x_range), count):
        x = frame.px(v)
        parts.append(
            f'<text class="tick" x="{fmt(x)}" y="{fmt(frame.bottom + 16)}" '
            f'text-anchor="middle">{tick_label(v)}</text>'
        )
    for v in ticks(*sorted(frame.y_range), count):
        y = frame.py(v)
        parts.append(
            f'<text class="tick" x="{fmt(frame.left - 6)}" y="{fmt(y + 4)}" '
            f'text-anchor="end">{tick_label(v)}</text>'
        )
    if x_label:
        parts.append(
            f'<text class="axis-label" x="{fmt(frame.right)}" y="{fmt(frame.bottom - 6)}" '
            f'text-anchor="end">{escape(x_label)}</text>'
        )
    if y_label:
        parts.append(
            f'<text class="axis-label" x="{fmt(frame.left + 6)}" y="{fmt(frame.top + 10)}">'
            f"{escape(y_label)}</text>"
        )
    return "".join(parts)


def polyline(frame: Frame, xs: Sequence[float], ys: Sequence[float], cls: str = "curve") -> str:
    pts = " ".join(f"{fmt(frame.px(x))},{fmt(frame.py(y))}" for x, y in zip(xs, ys, strict=True))
    return f'<polyline class="{cls}" points="{pts}"/>'


def circle(frame: Frame, x: float, y: float, r: float = 5, cls: str = "point") -> str:
    return f'<circle class="{cls}" cx="{fmt(frame.px(x))}" cy="{fmt(frame.py(y))}" r="{fmt(r)}"/>'


def segment(
    frame: Frame, x1: float, y1: float, x2: float, y2: float, cls: str = "segment"
) -> str:
    return (
        f'<line class="{cls}" x1="{fmt(frame.px(x1))}" y1="{fmt(frame.py(y1))}" '
        f'x2="{fmt(frame.px(x2))}" y2="{fmt(frame.py(y2))}"/>'
    )


def label(x: float, y: float, text: str, cls: str = "label", anchor: str = "start") -> str:
    """Text at pixel coordinates (not data coordinates)."""
    return (
        f'<text class="{cls}" x="{fmt(x)}" y="{fmt(y)}" text-anchor="{anchor}">'
        f"{escape(text)}</text>"
    )
