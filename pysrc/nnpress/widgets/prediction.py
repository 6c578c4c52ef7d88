"""Titanic prediction calculator: point at a passenger, follow the numbers through the neuron.

The model of "The math": survival = sigmoid(age × w1 + sex × w2 + b), male 0 and female 1,
with the published weights w1 = -0.016852, w2 = 0.704039, b = -0.116309. A missing age is
shown as such; by default it propagates (NaN), so the prediction is "not survived", which is
how the published "accuracy 73.20%" was scored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..controls import slot_button
from ..diagram import Diagram, Edge, Node
from ..engine.network import Network
from ..engine.titanic import TITANIC_WEIGHTS
from ..i18n import t
from ..numerals import num, par
from ..params import ParamError, choice, ranged
from ..widget import Widget
from ._networks import edge_point, splice, text
from ._titanic import FIRST_TEN, MAX_ROWS, MISSING_AGE_FILL, passengers_from_rows

W_AGE, W_SEX, BIAS = TITANIC_WEIGHTS
# What the published weights score on passengers 601-891 (checked against the CSV in tests).
ACCURACY = {"nan": "213 of 291 = 73.20%", "impute": "215 of 291 = 73.88%"}
SEX_NAMES = ("male", "female")


def years(age: float) -> str:
    """Whole years as such (22); Kaggle's ages of infants and estimates keep decimals (0.42)."""
    return num(age, 0) if age == int(age) else num(age, 2)
OUTCOMES = ("did not survive", "outcome|survived")  # i18n keys: say them with t()
MISSING_NOTE = ("This passenger's age is missing from the data. The missing number spreads "
                "through the sum, so the model answers “not survived” (the published accuracy "
                "counts such passengers this way).")
CAPTION = "Point at a passenger, or move to one with Tab, to see the calculation."


@dataclass
class Params:
    w_age: float = ranged(W_AGE, -10, 10, "weight of age (w1)")
    w_sex: float = ranged(W_SEX, -10, 10, "weight of sex (w2), male 0, female 1")
    bias: float = ranged(BIAS, -10, 10, "bias (b)")
    # rows {name, age, sex, survived}; default: the first 10 rows of Kaggle's train.csv
    passengers: list[Any] | None = None
    selected: int = ranged(1, 1, MAX_ROWS, "the row shown first (1 = first row)")
    missing_age: str = choice("nan", ["nan", "impute"], "NaN propagates, or use the mean age")

    def check(self) -> None:
        rows = FIRST_TEN if self.passengers is None else passengers_from_rows(self.passengers)
        if self.selected > len(rows):
            raise ParamError(f"'selected' is {self.selected} but there are {len(rows)} rows",
                             "selected")  # fmt: skip


class NeuronDiagram(Diagram):
    """The layers of the neuron, with the long first gap the products are written in."""

    XS = (45, 290, 410, 520)  # inputs, sum, sigmoid, prediction

    def position(self, layer: int, index: int) -> tuple[float, float]:
        return self.XS[layer], super().position(layer, index)[1]


class Prediction(Widget):
    name = "prediction"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        p = params
        self.rows = FIRST_TEN if p.passengers is None else passengers_from_rows(p.passengers)
        self.selected = p.selected - 1  # 0-based row
        self.weights = (p.w_age, p.w_sex, p.bias)
        self.net = Network.from_params([[[p.w_age, p.w_sex]]], [[p.bias]], "sigmoid")
        ages = np.array([np.nan if r.age is None else r.age for r in self.rows])  # (n,)
        self.missing = np.isnan(ages)
        if p.missing_age == "impute":
            ages = np.where(self.missing, MISSING_AGE_FILL, ages)
        self.X = np.column_stack([ages, [r.sex for r in self.rows]])  # (n, 2)
        with np.errstate(invalid="ignore"):
            self.trace = self.net.forward(self.X)  # every row at once; NaN where age is NaN
        self.p = self.trace.output[:, 0]  # (n,)
        self.predicted = (self.p >= 0.5).astype(int)  # NaN >= 0.5 is False: not survived

    def on(self, control, value):
        if control in ("passenger", "passenger_row"):
            try:
                row = int(value) - 1
            except (TypeError, ValueError):
                return
            if 0 <= row < len(self.rows):
                self.selected = row

    def arrange(self, controls, slots):
        return "".join(slots.values())  # no controls: the table's rows are the controls

    def slots(self):
        return {"passengers": self.table(), "net": self.diagram(), "calculation": self.calc()}

    def age_text(self, i: int) -> str:
        age = self.X[i, 0]
        if not self.missing[i]:
            return years(age)
        return t("missing") if np.isnan(age) else t("{age} (mean)", age=num(age, 2))

    def table(self) -> str:
        head = "".join(f'<th scope="col">{t(h)}</th>'
                       for h in ("#", "passenger", "age", "sex", "survived", "ŷ"))
        rows = []
        for i, r in enumerate(self.rows):
            sel = i == self.selected
            cls = "nn-passenger" + " nn-selected" * sel + " nn-missing" * bool(self.missing[i])
            p = "NaN" if np.isnan(self.p[i]) else num(self.p[i], 4)
            actual = "—" if r.survived is None else t("yes" if r.survived else "no")
            # The row reports pointing (mouse); the button in it, focus and clicks (keyboard).
            rows.append(
                f'<tr class="{cls}" data-control="passenger_row" data-value="{i + 1}" data-hover>'
                f'<td>{i + 1}</td><td class="nn-name">'
                + slot_button("passenger", i + 1, r.name, "nn-row-button", sel)
                + f'</td><td class="nn-age">{self.age_text(i)}</td><td>{t(SEX_NAMES[r.sex])}</td>'
                f"<td>{actual}</td><td>{p}</td></tr>"
            )
        return (
            f'<div class="nn-scroll" tabindex="0" role="group" aria-label="{t("Passengers")}">'
            f'<table class="nn-net-table"><caption>{t(CAPTION)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )

    def diagram(self) -> str:
        i = self.selected
        age, sex = self.X[i]
        z, p = float(self.trace.zs[-1][i, 0]), float(self.p[i])
        nan = np.isnan(p)
        layers = [
            [Node(t("age"), "?" if np.isnan(age) else years(age),
                  "input" + " nn-missing" * bool(self.missing[i])),
             Node(t("sex"), num(sex, 0), "input"), Node(t("bias"), "1", "input")],
            [Node("Σ", "NaN" if nan else num(z, 4), "neuron active")],
            [Node("σ", "NaN" if nan else num(p, 4), "neuron active")],
            [Node("ŷ", str(self.predicted[i]), "neuron active")],
        ]  # fmt: skip
        edges = [Edge((0, k), (1, 0), w) for k, w in enumerate(self.weights)]
        edges += [Edge((1, 0), (2, 0), cls="active"), Edge((2, 0), (3, 0), cls="active")]
        d = NeuronDiagram(layers, edges, width=560, height=260, radius=25)
        over = []
        for k, (x, w) in enumerate(zip((age, sex, 1.0), self.weights, strict=True)):
            wx, wy = edge_point(d, (0, k), (1, 0), 0.2)
            over.append(text(wx, wy - 5, f"× {num(w, 6)}", "nn-weight"))
            # the products where the edges are still apart, not stacked at the Σ node
            px, py = edge_point(d, (0, k), (1, 0), 0.58)
            product = "NaN" if np.isnan(x) else num(x * w, 4)
            over.append(text(px, py - 5, f"= {product}", "nn-product"))
        for layer, caption in ((1, "z = sum"), (2, "sigmoid"), (3, OUTCOMES[self.predicted[i]])):
            x, y = d.position(layer, 0)
            if layer == 3:  # the verdict: its right end at the picture's edge, never past it
                over.append(text(d.width - 2, y + d.radius + 14, t(caption), "nn-bias", "end"))
            else:
                over.append(text(x, y + d.radius + 14, t(caption), "nn-bias"))
        x, y = edge_point(d, (2, 0), (3, 0), 0.5)
        over.append(text(x, y - 6, "≥ 0.5?", "nn-weight"))
        label = t(
            "Neuron for {name}: age {age} × {w1} + sex {sex} × {w2} + bias {b}, "
            "sigmoid gives {p}: {outcome}", name=self.rows[i].name, age=self.age_text(i),
            w1=f"{self.weights[0]:g}", sex=int(sex), w2=f"{self.weights[1]:g}",
            b=f"{self.weights[2]:g}", p="NaN" if nan else f"{p:.4f}",
            outcome=t(OUTCOMES[self.predicted[i]]))
        return splice(d.svg(label), over="".join(over))

    def calc(self) -> str:
        i, r = self.selected, self.rows[self.selected]
        age, sex = self.X[i]
        w1, w2, b = self.weights
        z, p = float(self.trace.zs[-1][i, 0]), float(self.p[i])
        a = "NaN" if np.isnan(age) else years(age)
        lines = [
            f'<p class="nn-formula">z = {t("age")} × w₁ + {t("sex")} × w₂ + b = '
            f"{a} × {par(w1, 6)} + "
            f"{num(sex, 0)} × {par(w2, 6)} + {par(b, 6)} = "
            f"{'NaN' if np.isnan(z) else num(z, 4)}</p>"
        ]
        if np.isnan(p):
            lines.append(
                f'<p class="nn-formula">ŷ = σ(NaN) = NaN, {t("and NaN ≥ 0.5 is false")}: '
                f'<output class="nn-result">{t(OUTCOMES[0])}</output></p>'
                f'<p class="nn-net-note">{t(MISSING_NOTE)}</p>'
            )
        else:
            verdict = "≥" if p >= 0.5 else "&lt;"
            lines.append(
                f'<p class="nn-formula">ŷ = σ(z) = 1 / (1 + e<sup>{num(-z, 4)}</sup>) = '
                f'<output class="nn-result">{num(p, 4)}</output> {verdict} 0.5: '
                f"{t(OUTCOMES[self.predicted[i]])}</p>"
            )
        if r.survived is not None:
            right = t("right ✓" if r.survived == self.predicted[i] else "wrong ✗")
            note = t("Actually {outcome}: the model is {right}.",
                     outcome=t(OUTCOMES[r.survived]), right=right)
            lines.append(f'<p class="nn-net-note">{note}</p>')
        if self.weights == TITANIC_WEIGHTS:
            note = t("These weights were trained on passengers 1–600; on passengers 601–891 "
                     "they are right {accuracy}.",
                     accuracy=t(ACCURACY[self.params.missing_age]))
            lines.append(f'<p class="nn-net-note">{note}</p>')
        return "".join(lines)

    def announce(self):
        i, r = self.selected, self.rows[self.selected]
        p = "NaN" if np.isnan(self.p[i]) else f"{self.p[i]:.4f}"
        return t("{name}, age {age}, {sex}: prediction {p}, {outcome}", name=r.name,
                 age=self.age_text(i), sex=t(SEX_NAMES[r.sex]), p=p,
                 outcome=t(OUTCOMES[self.predicted[i]]))
