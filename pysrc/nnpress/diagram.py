"""Network diagrams: layers of nodes joined by weighted edges, as SVG.

Used by every widget that shows a network (from the one-weight house model to
the playground). Edge thickness follows |weight| and its class follows the
sign (`pos`/`neg`), so the CSS colours positive and negative weights apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from .svg import fmt


@dataclass
class Node:
    label: str = ""  # drawn inside or beside the node, e.g. "x₁" or "age"
    value: str = ""  # drawn under the label, e.g. "0.95"
    cls: str = ""  # extra CSS class, e.g. "active" to highlight


@dataclass
class Edge:
    src: tuple[int, int]  # (layer, index)
    dst: tuple[int, int]
    weight: float | None = None  # sets thickness and sign colour
    label: str = ""  # drawn at the middle of the edge
    cls: str = ""


@dataclass
class Diagram:
    layers: list[list[Node]]
    edges: list[Edge] = field(default_factory=list)
    width: int = 420
    height: int = 220
    radius: float = 17
    layer_names: Sequence[str] = ()

    def position(self, layer: int, index: int) -> tuple[float, float]:
        n_layers = len(self.layers)
        x = 50 + layer * (self.width - 100) / max(n_layers - 1, 1)
        n = len(self.layers[layer])
        top = 24 if self.layer_names else 10
        usable = self.height - top - 10
        y = top + usable * (index + 0.5) / n
        return x, y

    def svg(self, label: str) -> str:
        heaviest = max((abs(e.weight) for e in self.edges if e.weight is not None), default=1.0)
        parts = [
            f'<svg class="nn-svg nn-diagram" viewBox="0 0 {self.width} {self.height}" '
            f'role="img" aria-label="{escape(label)}">'
        ]
        for e in self.edges:
            (x1, y1), (x2, y2) = self.position(*e.src), self.position(*e.dst)
            width, sign = 1.5, ""
            if e.weight is not None:
                width = 0.6 + 5 * abs(e.weight) / (heaviest or 1.0)
                sign = " pos" if e.weight >= 0 else " neg"
            parts.append(
                f'<line class="edge{sign} {e.cls}" x1="{fmt(x1 + self.radius)}" y1="{fmt(y1)}" '
                f'x2="{fmt(x2 - self.radius)}" y2="{fmt(y2)}" stroke-width="{fmt(width)}"/>'
            )
            if e.label:
                parts.append(
                    f'<text class="edge-label" x="{fmt((x1 + x2) / 2)}" '
                    f'y="{fmt((y1 + y2) / 2 - 5)}" text-anchor="middle">{escape(e.label)}</text>'
                )
        for li, name in enumerate(self.layer_names):
            x, _ = self.position(li, 0)
            parts.append(
                f'<text class="layer-label" x="{fmt(x)}" y="12" text-anchor="middle">'
                f"{escape(name)}</text>"
            )
        for li, layer in enumerate(self.layers):
            for ni, node in enumerate(layer):
                x, y = self.position(li, ni)
                parts.append(
                    f'<g class="node {node.cls}"><circle cx="{fmt(x)}" cy="{fmt(y)}" '
                    f'r="{fmt(self.radius)}"/>'
                )
                if node.label:
                    dy = -3 if node.value else 4
                    parts.append(
                        f'<text x="{fmt(x)}" y="{fmt(y + dy)}" text-anchor="middle">'
                        f"{escape(node.label)}</text>"
                    )
                if node.value:
                    parts.append(
                        f'<text class="node-value" x="{fmt(x)}" y="{fmt(y + 10)}" '
                        f'text-anchor="middle">{escape(node.value)}</text>'
                    )
                parts.append("</g>")
        parts.append("</svg>")
        return "".join(parts)


def dense(
    sizes: Sequence[int],
    weights: Sequence[Sequence[Sequence[float]]] | None = None,
    labels: Sequence[Sequence[str]] | None = None,
    values: Sequence[Sequence[str]] | None = None,
    **kwargs,
) -> Diagram:
    """A fully connected network; weights[l][j][i] joins node i of layer l to node j of l+1."""
    layers = [
        [
            Node(
                label=labels[li][ni] if labels else "",
                value=values[li][ni] if values else "",
            )
            for ni in range(n)
        ]
        for li, n in enumerate(sizes)
    ]
    edges = [
        Edge((li, i), (li + 1, j), float(weights[li][j][i]) if weights is not None else None)
        for li in range(len(sizes) - 1)
        for j in range(sizes[li + 1])
        for i in range(sizes[li])
    ]
    return Diagram(layers, edges, **kwargs)
