"""Shared by the network widgets (shape, softmax, prediction, feedforward, backprop).

A dense network drawn with the values flowing through it: node values inside the circles,
weights written on the edges, biases under the neurons. Drawing builds on `nnpress.diagram`;
the extra text (weights near their source, biases) is spliced into its SVG. Numbers are
written by `nnpress.numerals`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

import numpy as np

from ..diagram import Diagram, Edge, Node
from ..numerals import num
from ..svg import fmt

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(text: str | int) -> str:
    """x1 -> x₁: subscript digits."""
    return str(text).translate(_SUBSCRIPTS)


def finite(value: object, lo: float, hi: float) -> float | None:
    """A control's value as a float clipped to [lo, hi], or None if it is not a number."""
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not np.isfinite(v):
        return None
    return float(min(max(v, lo), hi))


def splice(svg: str, under: str = "", over: str = "") -> str:
    """Insert SVG drawn beneath (right after the opening tag) and above (before the end)."""
    start = svg.index(">") + 1
    end = svg.rindex("</svg>")
    return svg[:start] + under + svg[start:end] + over + svg[end:]


def text(x: float, y: float, content: str, cls: str, anchor: str = "middle") -> str:
    return (
        f'<text class="{cls}" x="{fmt(x)}" y="{fmt(y)}" text-anchor="{anchor}">'
        f"{escape(content)}</text>"
    )


def edge_point(d: Diagram, src: tuple[int, int], dst: tuple[int, int], t: float):
    """The point a fraction t along the visible part of an edge (between the circles)."""
    (x1, y1), (x2, y2) = d.position(*src), d.position(*dst)
    x1, x2 = x1 + d.radius, x2 - d.radius
    return x1 + t * (x2 - x1), y1 + t * (y2 - y1)


def edge_label_point(d: Diagram, src: tuple[int, int], dst: tuple[int, int], t: float,
                     gap: float = 5.0) -> tuple[float, float, str]:
    """Where an edge's label goes, clear of the other edges and labels: a level edge is
    labelled at its middle on the outer side (above in the top half, below in the bottom
    half); a sloping one a fraction t along, just off the line on the side that faces
    away from the level edges, growing rightwards (falling: above; rising: below)."""
    (x1, y1), (x2, y2) = d.position(*src), d.position(*dst)
    dx, dy = x2 - x1, y2 - y1
    if abs(dy) < 1e-9:
        x, y = edge_point(d, src, dst, 0.5)
        return (x, y - gap, "middle") if y < d.height / 2 else (x, y + gap + 9, "middle")
    x, y = edge_point(d, src, dst, t)
    length = math.hypot(dx, dy)
    nx, ny = dy / length, -dx / length  # a normal; made to point up-right (falling)
    if ny > 0:
        nx, ny = -nx, -ny
    if dy < 0:  # rising: the normal that points down-right, and room for the text's height
        nx, ny = abs(nx), abs(ny)
        return x + nx * gap, y + ny * gap + 9, "start"
    return x + nx * gap, y + ny * gap, "start"


def value_network(
    sizes: Sequence[int],
    weights: Sequence[np.ndarray],
    biases: Sequence[np.ndarray],
    activations: Sequence[np.ndarray],
    names: Sequence[Sequence[str]],
    label: str,
    weight_names: Sequence[Sequence[str]] | None = None,
    active_nodes: Sequence[tuple[int, int]] = (),
    active_edges: Sequence[tuple[int, int, int]] = (),
    active_bias: tuple[int, int] | None = None,
    digits: int = 4,
    weight_digits: int = 2,
    width: int = 460,
    height: int = 230,
) -> str:
    """A dense network with every value written on it.

    weights[l] is (out, in) as in the engine; activations[l] are the node values of layer l
    (inputs first). An active edge is (layer, i, j): weights[layer][i, j]. weight_names, if
    given, prefix each edge's number (w₁ = 1.00), in the same [layer][i * n_in + j] order.
    active_bias is (layer, i): biases[layer][i].
    """
    layers = [
        [
            Node(
                label=names[li][ni],
                value=num(float(activations[li][ni]), 2 if li == 0 else digits),
                cls=("neuron" if li else "input")
                + (" active" if (li, ni) in active_nodes else ""),
            )
            for ni in range(n)
        ]
        for li, n in enumerate(sizes)
    ]
    edges = []
    for li in range(len(sizes) - 1):
        for i in range(sizes[li + 1]):
            for j in range(sizes[li]):
                active = " active" if (li, i, j) in active_edges else ""
                edges.append(Edge((li, j), (li + 1, i), float(weights[li][i, j]), cls=active))
    d = Diagram(layers, edges, width=width, height=height, radius=24)
    over = []
    for li in range(len(sizes) - 1):
        for i in range(sizes[li + 1]):
            for j in range(sizes[li]):
                # Weights near their source, where crossing edges are still apart, and
                # beside the edge (on its upper side), never across it or another one.
                x, y, anchor = edge_label_point(d, (li, j), (li + 1, i), 0.4 if li else 0.22)
                w = num(float(weights[li][i, j]), weight_digits)
                if weight_names is not None:
                    w = f"{weight_names[li][i * sizes[li] + j]} = {w}"
                active = " active" if (li, i, j) in active_edges else ""
                over.append(text(x, y, w, "nn-weight" + active, anchor))
            x, y = d.position(li + 1, i)
            bias = num(float(biases[li][i]), weight_digits)
            active = " active" if active_bias == (li, i) else ""
            over.append(text(x, y + d.radius + 13, f"b = {bias}", "nn-bias" + active))
    return splice(d.svg(label), over="".join(over))
