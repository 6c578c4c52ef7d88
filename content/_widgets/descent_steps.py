"""Gradient descent on the bowl f(w) = w², drawn step by step.

A site-local widget: this file lives in content/_widgets/, beside the posts,
and uses nnpress's widget API exactly as the built-in widgets do.

    ```widget descent-steps
    lr: 0.3
    ```
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from nnpress import svg
from nnpress.controls import Slider
from nnpress.params import ranged
from nnpress.widget import Widget

START = 4.0  # where every descent begins
STEPS = 12  # how many steps are drawn


@dataclass
class Params:
    lr: float = ranged(0.3, 0.01, 1.1, "the learning rate the slider starts at")


def path(lr: float) -> np.ndarray:
    """w after 0..STEPS steps of w <- w - lr * f'(w), with f'(w) = 2w."""
    return START * (1 - 2 * lr) ** np.arange(STEPS + 1)  # (STEPS + 1,)


class DescentSteps(Widget):
    name = "descent-steps"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        self.lr = params.lr
        self.frame = svg.Frame((-6.0, 6.0), (-2.0, 38.0))
        ws = np.linspace(-6, 6, 121)
        self.bowl = svg.axes(self.frame, "w", "loss") + svg.polyline(self.frame, ws, ws ** 2)

    def controls(self):
        return [Slider("lr", "Learning rate", 0.01, 1.1, 0.01, self.lr)]

    def on(self, control, value):
        if control == "lr":
            self.lr = float(np.clip(float(value), 0.01, 1.1))

    def slots(self):
        ws = np.clip(path(self.lr), -6, 6)
        parts = [self.bowl]
        for a, b in zip(ws[:-1], ws[1:], strict=True):
            parts.append(svg.segment(self.frame, a, a ** 2, b, b ** 2))
        parts += [svg.circle(self.frame, w, w ** 2, 4) for w in ws]
        plot = svg.figure(self.frame, parts, f"{STEPS} steps of gradient descent with "
                          f"learning rate {self.lr:.2f}, ending at w = {path(self.lr)[-1]:.3g}")
        return {"plot": plot}

    def announce(self):
        return f"After {STEPS} steps w = {path(self.lr)[-1]:.3g}"
