"""The playground's pictures: data points, the prediction heatmap, the network with a
thumbnail of what each unit responds to, and the loss chart.

Pure functions of numpy arrays -> SVG text, so playground.py keeps only state and events.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import svg
from ..diagram import dense
from ..engine import Network
from ..i18n import t
from . import _heatmap
from ._training_chart import curve, nice_ceiling

SUBSCRIPTS = "\u2081\u2082"


def plot_frame(extent: float) -> svg.Frame:
    return svg.Frame((-extent, extent), (-extent, extent), width=300, height=300,
                     margin=(8, 8, 26, 30))


def points_svg(frame: svg.Frame, X: np.ndarray, y: np.ndarray, test: bool) -> str:
    """The data as dots: training points filled, test points outlined; class by colour."""
    x0, x1 = frame.x_range
    cx = frame.left + (np.clip(X[:, 0], x0, x1) - x0) / (x1 - x0) * (frame.right - frame.left)
    cy = frame.bottom - (np.clip(X[:, 1], x0, x1) - x0) / (x1 - x0) * (frame.bottom - frame.top)
    kind = "pg-test" if test else "pg-train"
    return "".join(
        f'<circle class="{kind} pg-c{c}" cx="{a:.1f}" cy="{b:.1f}" r="3.5"/>'
        for a, b, c in zip(cx.tolist(), cy.tolist(), y.tolist(), strict=True)
    )


def data_figure(frame: svg.Frame, train: tuple, test: tuple, label: str) -> str:
    body = [svg.axes(frame, "x\u2081", "x\u2082", count=3),
            points_svg(frame, *train, test=False), points_svg(frame, *test, test=True)]
    return svg.figure(frame, body, label).replace('class="nn-svg"', 'class="nn-svg pg-points"', 1)


def heatmap_figure(frame: svg.Frame, heat: _heatmap.Heat, label: str) -> str:
    box = (frame.left, frame.top, frame.right - frame.left, frame.bottom - frame.top)
    return svg.figure(frame, [_heatmap.paint([(heat, box)], "pg-heat")], label)


def unit_values(net: Network, grid: np.ndarray) -> list[list[np.ndarray]]:
    """For every hidden and output unit, its activation over `grid`, mapped into [-1, 1]."""
    trace = net.forward(grid)
    layers = []
    for act, a in zip(net.activations, trace.activations[1:], strict=True):
        # tanh is already in [-1, 1]; sigmoid's (0, 1) is stretched; relu is clipped at 1
        v = 2.0 * a - 1.0 if act == "sigmoid" else a
        layers.append([v[:, j] for j in range(v.shape[1])])
    return layers


def network_svg(net: Network, input_heats: Sequence[_heatmap.Heat], thumb_grid: np.ndarray,
                thumb: int) -> str:
    """The network: edges by weight size and sign, each node a picture of what it computes."""
    sizes = net.sizes
    names = ([t("inputs")] + [t("hidden {n}", n=i) for i in range(1, len(sizes) - 1)]
             + [t("output")])
    radius = min(15.0, 0.42 * (300 - 34) / max(sizes))  # nodes of a tall layer must not touch
    diagram = dense(sizes, net.weights, layer_names=names, width=360, height=300,
                    radius=round(radius, 1))
    heats = [list(input_heats)] + [
        [_heatmap.diverging(v, thumb, _heatmap.THUMB_STRENGTH) for v in layer]
        for layer in unit_values(net, thumb_grid)
    ]
    size = 2 * diagram.radius
    pieces = []
    for li, layer in enumerate(heats):
        for ni, heat in enumerate(layer):
            x, y = diagram.position(li, ni)
            pieces.append((heat, (x - size / 2, y - size / 2, size, size)))
    pictures = [_heatmap.paint(pieces, "pg-unit", circles=True)]  # one mask per colour
    for i in range(2):
        x, y = diagram.position(0, i)
        pictures.append(svg.label(x - diagram.radius - 4, y + 4, f"x{SUBSCRIPTS[i]}",
                                  "pg-input", "end"))
    shape = "-".join(str(s) for s in sizes)
    label = t("A {shape} network; line thickness shows each weight's size, colour its "
              "sign; each unit shows its output over the plane", shape=shape)
    return diagram.svg(label).removesuffix("</svg>") + "".join(pictures) + "</svg>"


def loss_figure(train: Sequence[float], test: Sequence[float], peak: float) -> str:
    """Train (solid) and test (dashed) loss after each epoch so far; `peak` is their max."""
    epochs = len(train) - 1
    frame = svg.Frame((0, nice_ceiling(max(epochs, 10))), (0, nice_ceiling(peak * 1.2)),
                      width=300, height=110, margin=(8, 10, 24, 38))
    stride = max(1, -(-len(train) // 200))
    body = [svg.axes(frame, t("epoch"), t("loss"), count=3), curve(frame, train, stride),
            curve(frame, test, stride, "curve pg-test-curve")]
    label = t("Loss over {n} epochs: train {train}, test {test}", n=epochs,
              train=f"{train[-1]:.3f}", test=f"{test[-1]:.3f}")
    return svg.figure(frame, body, label)
