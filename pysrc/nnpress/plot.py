"""Plots for authors: the built-in widgets' drawing kit behind a few friendly calls.

A live cell (```python live) shows a figure by ending with one of these, or by
passing it to `show()`:

    Plot(x_label="step", y_label="loss").line(steps, losses).point(5, 2.0)
    line_plot(xs, ys)                    # one curve
    scatter_plot(xs, ys, classes=labels) # points, coloured by class 0/1
    heatmap(values, (-3, 3), (-3, 3))    # a square grid of values in [-1, 1]
    network([2, 3, 1], weights)          # a layer diagram; weights[l] is (out, in)

Ranges follow the data unless given. The SVG is the same the widgets draw
(`nnpress.svg`, `nnpress.diagram`, `widgets._heatmap`), so a theme styles both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from . import diagram, svg

PAD = 0.06  # of the data's span, added around auto ranges


@dataclass
class _Layer:
    kind: str  # "line" | "points" | "image"
    xs: np.ndarray
    ys: np.ndarray
    cls: str = ""
    radius: float = 3.5
    classes: np.ndarray | None = None  # points: 0/1 per point, coloured apart
    image: np.ndarray | None = None  # image: (n, n) values in [-1, 1], bottom row first


@dataclass
class Plot:
    """Axes holding lines, points and heatmaps; `svg()` draws them."""

    x_label: str = ""
    y_label: str = ""
    x_range: tuple[float, float] | None = None  # default: the data's, padded
    y_range: tuple[float, float] | None = None
    width: int = 360  # SVG units; the figure scales to the column
    height: int = 240
    title: str = ""  # read out by screen readers
    layers: list[_Layer] = field(default_factory=list)

    def line(self, xs, ys, cls: str = "curve") -> Plot:
        self.layers.append(_Layer("line", _flat(xs), _flat(ys), cls))
        return self

    def scatter(self, xs, ys, classes=None, radius: float = 3.5, cls: str = "point") -> Plot:
        labels = None if classes is None else _flat(classes)
        self.layers.append(_Layer("points", _flat(xs), _flat(ys), cls, radius, labels))
        return self

    def point(self, x: float, y: float, radius: float = 6, cls: str = "point") -> Plot:
        return self.scatter([x], [y], radius=radius, cls=cls)

    def heatmap(self, values, x_range: tuple[float, float],
                y_range: tuple[float, float]) -> Plot:
        grid = np.asarray(values, dtype=float)
        if grid.ndim != 2 or grid.shape[0] != grid.shape[1]:
            raise ValueError(f"heatmap values must be a square (n, n) grid, got {grid.shape}")
        self.layers.append(_Layer("image", np.array(x_range, float), np.array(y_range, float),
                                  image=grid))
        return self

    def frame(self) -> svg.Frame:
        return svg.Frame(self.x_range or _span([layer.xs for layer in self.layers]),
                         self.y_range or _span([layer.ys for layer in self.layers]),
                         self.width, self.height)

    def svg(self) -> str:
        from .widgets import _heatmap  # here: nnpress.widgets imports the cell, which imports us

        frame = self.frame()
        pieces, body = [], []
        for layer in self.layers:
            if layer.kind == "image":
                x0, x1 = (frame.px(v) for v in layer.xs)
                y0, y1 = (frame.py(v) for v in layer.ys)
                heat = _heatmap.diverging(layer.image.ravel(), layer.image.shape[0])
                pieces.append((heat, (min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))))
        if pieces:
            body.append(_heatmap.paint(pieces))
        body.append(svg.axes(frame, self.x_label, self.y_label))
        for layer in self.layers:
            if layer.kind == "line":
                body.append(_polyline(frame, layer.xs, layer.ys, layer.cls))
            elif layer.kind == "points":
                for i, (x, y) in enumerate(zip(layer.xs, layer.ys, strict=True)):
                    cls = layer.cls
                    if layer.classes is not None:
                        cls += f" class{int(layer.classes[i] > 0.5)}"
                    body.append(svg.circle(frame, x, y, layer.radius, cls))
        return svg.figure(frame, body, self.describe())

    def describe(self) -> str:
        """The figure's text for screen readers: its title, else what it holds."""
        if self.title:
            return self.title
        kinds = {"line": "line", "points": "points", "image": "heatmap"}
        what = ", ".join(sorted({kinds[layer.kind] for layer in self.layers})) or "empty plot"
        axes = f" of {self.y_label} against {self.x_label}" if self.x_label and self.y_label else ""
        return f"Plot{axes}: {what}"


@dataclass
class Network:
    """A network diagram (see `nnpress.diagram`), shown like a plot."""

    picture: diagram.Diagram
    title: str = "Network diagram"

    def svg(self) -> str:
        return self.picture.svg(self.title)

    def describe(self) -> str:
        return self.title


def line_plot(xs, ys, x_label: str = "", y_label: str = "", **options) -> Plot:
    return Plot(x_label, y_label, **options).line(xs, ys)


def scatter_plot(xs, ys, classes=None, x_label: str = "", y_label: str = "",
                 **options) -> Plot:
    return Plot(x_label, y_label, **options).scatter(xs, ys, classes)


def heatmap(values, x_range=(0.0, 1.0), y_range=(0.0, 1.0), **options) -> Plot:
    """values (n, n) in [-1, 1], row 0 at the bottom: blue toward +1, orange toward -1
    (the theme's --heat-positive and --heat-negative)."""
    return Plot(x_range=x_range, y_range=y_range, **options).heatmap(values, x_range, y_range)


def network(sizes: Sequence[int], weights=None, labels=None, values=None,
            title: str = "") -> Network:
    """weights[l] has shape (sizes[l+1], sizes[l]), as `nnpress.engine` keeps them."""
    text = title or "Network with layers of " + ", ".join(str(n) for n in sizes) + " nodes"
    return Network(diagram.dense(sizes, weights, labels, values), text)


def _polyline(frame: svg.Frame, xs: np.ndarray, ys: np.ndarray, cls: str) -> str:
    """svg.polyline, computed with numpy: a 200-point curve is redrawn on every slider
    move, and formatting each coordinate through Python calls is most of a cell's time."""
    (x0, x1), (y0, y1) = frame.x_range, frame.y_range
    px = frame.left + (xs - x0) / (x1 - x0) * (frame.right - frame.left)
    py = frame.bottom - (ys - y0) / (y1 - y0) * (frame.bottom - frame.top)
    keep = np.isfinite(px) & np.isfinite(py)  # a gap (NaN) is skipped, not drawn at 0
    pairs = zip(px[keep].tolist(), py[keep].tolist(), strict=True)
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in pairs)
    return f'<polyline class="{cls}" points="{WHOLE.sub("", points)}"/>'


WHOLE = re.compile(r"\.0(?=[ ,]|$)")  # "12.0" -> "12", as svg.fmt writes it


def _flat(values) -> np.ndarray:
    return np.asarray(values, dtype=float).ravel()


def _span(arrays: list[np.ndarray]) -> tuple[float, float]:
    """The range of all finite values, padded; (0, 1) for none."""
    finite = [a[np.isfinite(a)] for a in arrays if a.size]
    values = np.concatenate(finite) if finite else np.array([])
    if values.size == 0:
        return (0.0, 1.0)
    lo, hi = float(values.min()), float(values.max())
    if hi == lo:
        return (lo - 1.0, hi + 1.0)
    pad = (hi - lo) * PAD
    return (lo - pad, hi + pad)
