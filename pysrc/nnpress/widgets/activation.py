"""Activation explorer: move x and watch f(x) travel along the curve.

Covers the sigmoid and ReLU explorers of the Titanic explainer (and tanh).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import svg
from ..controls import Slider
from ..engine.activations import get_activation
from ..i18n import t
from ..numerals import num
from ..params import choice, ranged
from ..widget import Widget

LO, HI = -20.0, 20.0  # the slider's range, as in the reference explainer


FORMULAS = {
    # name: (general form, form with the value substituted)
    "sigmoid": (
        "f(x) = 1 / (1 + e<sup>\u2212x</sup>)",
        lambda x: f"1 / (1 + e<sup>{num(-x, 2)}</sup>)",
    ),
    "relu": ("f(x) = max(0, x)", lambda x: f"max(0, {num(x, 2)})"),
    "tanh": (
        "f(x) = (e<sup>x</sup> \u2212 e<sup>\u2212x</sup>) / (e<sup>x</sup> + e<sup>\u2212x</sup>)",
        lambda x: f"tanh({num(x, 2)})",
    ),
}


@dataclass
class Params:
    function: str = choice("sigmoid", list(FORMULAS), "which activation to explore")
    x: float = ranged(0.0, LO, HI, "where the slider starts")


class ActivationExplorer(Widget):
    name = "activation"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        self.x = params.x
        self.f = get_activation(params.function)
        self.xs = np.linspace(LO, HI, 161)
        self.ys = self.f.fn(self.xs)
        lo, hi = float(self.ys.min()), float(self.ys.max())
        pad = (hi - lo) * 0.06
        self.frame = svg.Frame((LO, HI), (lo - pad, hi + pad))
        self._curve = svg.axes(self.frame, "x", "f(x)") + svg.polyline(
            self.frame, self.xs, self.ys
        )

    def value(self) -> float:
        return float(self.f.fn(np.array([self.x]))[0])

    def controls(self):
        return [Slider("x", "x", LO, HI, 0.01, self.x)]

    def on(self, control, value):
        if control == "x":
            self.x = float(np.clip(float(value), LO, HI))

    def slots(self):
        general, substituted = FORMULAS[self.params.function]
        y = self.value()
        formula = (
            f'<p class="nn-formula">{general}</p>'
            f'<p class="nn-formula">f({num(self.x, 2)}) = {substituted(self.x)} = '
            f'<output class="nn-result">{num(y, 4)}</output></p>'
        )
        plot = svg.figure(
            self.frame,
            [self._curve, svg.circle(self.frame, self.x, y, 6)],
            t("{name} curve with the point x = {x}, f(x) = {y}", name=t(self.params.function),
              x=f"{self.x:.2f}", y=f"{y:.4f}"),
        )
        return {"formula": formula, "plot": plot}

    def announce(self):
        return f"{self.params.function}({self.x:.2f}) = {self.value():.4f}"
