"""Network-shape explorer: add or remove features (inputs) and classes (outputs).

A classifier has one input per feature and one output per class; every output score goes
through softmax, which turns the scores into probabilities that add up to 1. The figure
redraws the network and shows the probabilities it gives one example input, with example
weights (seeded, so every page shows the same ones).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..controls import Button
from ..diagram import Diagram, Edge, Node
from ..engine.activations import get_activation
from ..i18n import t
from ..numerals import num
from ..params import ParamError, ranged
from ..svg import fmt
from ..widget import Widget
from ._networks import splice, sub

MAX_FEATURES, MAX_CLASSES = 8, 6
# Example parameters for the largest network; a smaller one uses the top-left corner, so
# adding a feature keeps every weight already drawn.
_rng = np.random.default_rng(2)
WEIGHTS = np.round(_rng.standard_normal((MAX_CLASSES, MAX_FEATURES)), 1)  # (out, in)
BIASES = np.round(_rng.standard_normal(MAX_CLASSES) * 0.5, 1)  # (out,)
EXAMPLE = np.round(_rng.uniform(-1, 1, MAX_FEATURES), 1)  # one input, (in,)


@dataclass
class Params:
    features: int = ranged(2, 1, MAX_FEATURES, "inputs to start with")
    classes: int = ranged(2, 2, MAX_CLASSES, "outputs (classes) to start with")
    min_features: int = ranged(1, 1, MAX_FEATURES, "fewest inputs the reader may choose")
    max_features: int = ranged(MAX_FEATURES, 1, MAX_FEATURES, "most inputs")
    min_classes: int = ranged(2, 2, MAX_CLASSES, "fewest classes")
    max_classes: int = ranged(MAX_CLASSES, 2, MAX_CLASSES, "most classes")

    def check(self) -> None:
        for kind in ("features", "classes"):
            lo, hi = getattr(self, f"min_{kind}"), getattr(self, f"max_{kind}")
            value = getattr(self, kind)
            if lo > hi:
                raise ParamError(f"'min_{kind}' ({lo}) exceeds 'max_{kind}' ({hi})", f"min_{kind}")
            if not lo <= value <= hi:
                raise ParamError(f"'{kind}' must lie between {lo} and {hi}; got {value}", kind)


class NetworkShape(Widget):
    name = "network-shape"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        self.features = params.features
        self.classes = params.classes

    def controls(self):
        p = self.params
        return [
            Button("remove_feature", t("− feature"), enabled=self.features > p.min_features),
            Button("add_feature", t("+ feature"), enabled=self.features < p.max_features),
            Button("remove_class", t("− class"), enabled=self.classes > p.min_classes),
            Button("add_class", t("+ class"), enabled=self.classes < p.max_classes),
        ]

    def on(self, control, value):
        p = self.params
        if control == "add_feature":
            self.features = min(self.features + 1, p.max_features)
        elif control == "remove_feature":
            self.features = max(self.features - 1, p.min_features)
        elif control == "add_class":
            self.classes = min(self.classes + 1, p.max_classes)
        elif control == "remove_class":
            self.classes = max(self.classes - 1, p.min_classes)

    def parameter_count(self) -> int:
        return self.features * self.classes + self.classes

    def example(self):
        """(input (f,), scores (k,), probabilities (k,)) for the example input."""
        x = EXAMPLE[: self.features]
        z = WEIGHTS[: self.classes, : self.features] @ x + BIASES[: self.classes]
        return x, z, get_activation("softmax").fn(z)

    def slots(self):
        f, k = self.features, self.classes
        x, z, p = self.example()
        layers = [
            [Node(f"x{sub(i + 1)}", num(x[i], 1), "input") for i in range(f)],
            [Node(f"z{sub(j + 1)}", num(z[j], 2), "score") for j in range(k)],
            [Node(f"p{sub(j + 1)}", num(p[j], 2), "prob") for j in range(k)],
        ]
        edges = [
            Edge((0, i), (1, j), float(WEIGHTS[j, i])) for j in range(k) for i in range(f)
        ] + [Edge((1, j), (2, j), cls="nn-through") for j in range(k)]
        rows = max(f, k, 3)  # the figure grows with the taller layer: 44 px a node
        d = Diagram(layers, edges, width=460, height=34 + 44 * rows, radius=19,
                    layer_names=tuple(t(n) for n in ("features", "scores", "probabilities")))
        (x1, top), (x2, _) = d.position(1, 0), d.position(2, 0)
        bottom = d.position(1, k - 1)[1]
        mid_x, box_w = (x1 + x2) / 2, 30
        box = (
            f'<rect class="nn-softmax-box" x="{fmt(mid_x - box_w / 2)}" y="{fmt(top - 20)}" '
            f'width="{box_w}" height="{fmt(bottom - top + 40)}" rx="6"/>'
            f'<text class="nn-softmax-label" x="{fmt(mid_x)}" y="{fmt((top + bottom) / 2)}" '
            f'text-anchor="middle" dominant-baseline="central" '
            f'transform="rotate(-90 {fmt(mid_x)} {fmt((top + bottom) / 2)})">{t("softmax")}</text>'
        )
        label = t(
            "Network with {f} inputs fully connected to {k} output scores, each followed by "
            "softmax; probabilities {probs}" if f > 1 else
            "Network with {f} input fully connected to {k} output scores, each followed by "
            "softmax; probabilities {probs}", f=f, k=k,
            probs=t("list|, ").join(f"{v:.2f}" for v in p))
        figure = splice(d.svg(label), over=box)
        best = int(np.argmax(p))
        count = f'<output class="nn-result">{self.parameter_count()}</output>'
        summary = (
            '<p class="nn-formula">' + t(
                "{f} features → {k} classes: {f} × {k} weights + {k} biases = {n} parameters"
                if f > 1 else
                "{f} feature → {k} classes: {f} × {k} weights + {k} biases = {n} parameters",
                f=f, k=k, n=count) + "</p>"
            '<p class="nn-net-note">' + t(
                "Softmax turns the {k} scores into {k} probabilities that add up to 1. For the "
                "example input the most likely class is class {best} ({p} = {value}).", k=k,
                best=best + 1, p=f"p{sub(best + 1)}", value=num(p[best], 2)) + "</p>"
        )
        return {"net": figure, "summary": summary}

    def announce(self):
        f, k = self.features, self.classes
        return t("{f} features, {k} classes, {n} parameters" if f > 1 else
                 "{f} feature, {k} classes, {n} parameters", f=f, k=k, n=self.parameter_count())
