"""Softmax calculator: type a score per class and read the probabilities.

p_i = e^(z_i) / sum_j e^(z_j): every score is exponentiated (so positive), then divided by
the total (so they add up to 1). The "Basics" examples: [2, 4] -> [0.1192, 0.8808];
[-1, 0, 1] -> [0.0900, 0.2447, 0.6652]; [1, 2, 4] -> [0.0420, 0.1142, 0.8438].
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .. import svg
from ..controls import NumberInput
from ..engine.activations import get_activation
from ..i18n import t
from ..numerals import MINUS, num, short
from ..params import ParamError
from ..widget import Widget
from ._networks import finite, sub, text

LIMIT = 50.0  # scores are kept within [-LIMIT, LIMIT]; e^50 is still an ordinary float
MIN_CLASSES, MAX_CLASSES = 2, 6


@dataclass
class Params:
    # one score (logit) per class, 2 to 6 of them
    scores: list[float] = field(default_factory=lambda: [2.0, 4.0])

    def check(self) -> None:
        if not MIN_CLASSES <= len(self.scores) <= MAX_CLASSES:
            raise ParamError(
                f"'scores' needs {MIN_CLASSES} to {MAX_CLASSES} numbers, got {len(self.scores)}",
                "scores",
            )
        if any(abs(s) > LIMIT for s in self.scores):
            raise ParamError(f"'scores' must lie within ±{LIMIT:g}", "scores")


def exp_text(v: float) -> str:
    """e^z spans many orders of magnitude: 4 decimals, scientific when huge or tiny."""
    if v >= 1e5 or 0 < v < 1e-3:
        return f"{v:.3e}".replace("-", MINUS)
    return num(v, 4)


class Softmax(Widget):
    name = "softmax"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        self.scores = np.array(params.scores, dtype=float)  # (k,)

    def probabilities(self) -> np.ndarray:
        return get_activation("softmax").fn(self.scores)  # (k,), sums to 1

    def controls(self):
        return [
            NumberInput(f"z{i + 1}", t("score {name}", name=f"z{sub(i + 1)}"), float(s), 0.1)
            for i, s in enumerate(self.scores)
        ]

    def on(self, control, value):
        v = finite(value, -LIMIT, LIMIT)
        if v is None or not control.startswith("z") or not control[1:].isdigit():
            return
        i = int(control[1:]) - 1
        if 0 <= i < len(self.scores):
            self.scores[i] = v

    def slots(self):
        p = self.probabilities()
        e = np.exp(self.scores)  # (k,)
        rows = "".join(
            f'<tr><th scope="row">{t("class {n}", n=i + 1)}</th><td>{num(z, 2)}</td>'
            f"<td>{exp_text(ez)}</td>"
            f'<td class="nn-prob">{num(pi, 4)}</td></tr>'
            for i, (z, ez, pi) in enumerate(zip(self.scores, e, p, strict=True))
        )
        table = (
            f'<table class="nn-net-table"><thead><tr><th scope="col">{t("class")}</th>'
            f'<th scope="col">{t("score z")}</th><th scope="col">e<sup>z</sup></th>'
            f'<th scope="col">{t("probability")}</th></tr></thead>'
            f"<tbody>{rows}</tbody><tfoot><tr><th scope=\"row\">{t('sum')}</th><td></td>"
            f"<td>{exp_text(float(e.sum()))}</td><td>{num(float(p.sum()), 4)}</td></tr>"
            "</tfoot></table>"
        )
        formula = (
            '<p class="nn-formula">p<sub>i</sub> = e<sup>z<sub>i</sub></sup> / '
            "Σ<sub>j</sub> e<sup>z<sub>j</sub></sup></p>"
        )
        return {"result": formula + table, "bars": self.bars(p)}

    def bars(self, p: np.ndarray) -> str:
        row, left, right = 28, 74, 300
        frame = svg.Frame((0, 1), (0, 1), width=360, height=row * len(p) + 8)
        parts = []
        for i, pi in enumerate(p):
            y = 4 + i * row
            w = (right - left) * float(pi)
            parts.append(
                f'<rect class="nn-bar-track" x="{left}" y="{y + 4}" '
                f'width="{right - left}" height="{row - 8}"/>'
                f'<rect class="nn-bar" x="{left}" y="{y + 4}" width="{svg.fmt(w)}" '
                f'height="{row - 8}"/>'
            )
            parts.append(text(left - 8, y + row / 2 + 4, t("class {n}", n=i + 1), "label", "end"))
            parts.append(text(right + 6, y + row / 2 + 4, num(float(pi), 4), "label", "start"))
        scores = ", ".join(short(s) for s in self.scores)
        probs = ", ".join(f"{pi:.4f}" for pi in p)
        return svg.figure(frame, parts, t("Softmax of scores {scores}: probabilities {probs}",
                                          scores=scores, probs=probs))

    def announce(self):
        scores = ", ".join(short(s) for s in self.scores)
        probs = ", ".join(f"{pi:.4f}" for pi in self.probabilities())
        return f"softmax({scores}) = ({probs})"
