"""Two variables: price = weight 1 × area + weight 2 × bathrooms + bias, over all ten houses.

The "two variables" figure of the house-price explainer (REFERENCE §1): three sliders,
the gradient-descent buttons, the error after each step, a network with two inputs, and
(a plane being hard to draw) each house's predicted price against its actual price: a
perfect model puts every house on the diagonal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import svg
from ..engine import linear
from ..engine.datasets import house_arrays
from ..i18n import t
from ..numerals import num, plus
from ..params import choice, ranged
from ..widget import Widget
from ._house_descent import GD_BUTTONS, STEP_BUTTONS, Descent, error_chart, gd_buttons
from ._houses import Range, controls_html, house_table, neuron_diagram, readout

RANGES = (  # the reference's sliders
    Range("weight1", "weight 1 (area)", -0.4, 0.4, 0.0001),
    Range("weight2", "weight 2 (bathrooms)", -100.0, 200.0, 0.1),
    Range("bias", "bias", -100.0, 300.0, 0.1),
)


@dataclass
class Params:
    weight1: float = ranged(0.0, -0.4, 0.4, "where the run starts: the area's weight")
    weight2: float = ranged(0.0, -100.0, 200.0, "where the run starts: the bathrooms' weight")
    bias: float = ranged(0.0, -100.0, 300.0, "where the run starts")
    error_scale: str = choice("log", ["log", "linear"], "y axis of the error-over-steps chart")
    show_chart: bool = True  # predicted against actual price, house by house
    show_diagram: bool = True  # area and bathrooms → + bias → price, with current values
    show_table: bool = False  # predictions, differences, squares and their mean


class TwoVariable(Widget):
    name = "two-variable"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        self.area, self.baths, self.price = house_arrays()  # (10,) each
        self.X = np.column_stack([self.area, self.baths])  # (10, 2)
        self.start = ([params.weight1, params.weight2], params.bias)
        self.descent = Descent(self.X, self.price, *self.start)
        self.selected = 0  # the house the diagram traces
        hi = float(np.ceil(self.price.max() * 1.3 / 100) * 100)
        self.frame = svg.Frame((0.0, hi), (0.0, hi), 360, 250)
        self._axes = (svg.axes(self.frame, t("actual price ($1000)"), t("predicted"))
                      + svg.segment(self.frame, 0, 0, hi, hi, "nn-diagonal"))

    def values(self) -> list[float]:
        w, b = self.descent.w, self.descent.b
        return [float(w[0]), float(w[1]), b]

    def predictions(self) -> np.ndarray:
        return linear.predict(self.X, self.descent.w, self.descent.b)  # (10,)

    def controls(self):
        return [r.slider(v) for r, v in zip(RANGES, self.values(), strict=True)] + gd_buttons()

    def on(self, control, value):
        d = self.descent
        names = [r.name for r in RANGES]
        if control in names:
            i = names.index(control)
            v = RANGES[i].parse(value)
            if v is not None:
                values = self.values()
                values[i] = v
                d.start(values[:2], values[2])
        elif control in STEP_BUTTONS:
            d.run(STEP_BUTTONS[control][1])
        elif control == "reset":
            d.start(*self.start)
        elif control == "house":
            try:
                i = int(value)
            except (TypeError, ValueError):
                return
            if 0 <= i < len(self.price):
                self.selected = i

    def texts(self) -> list[str]:
        return [num(v, r.digits) for r, v in zip(RANGES, self.values(), strict=True)]

    def chart(self) -> str:
        f, pred = self.frame, self.predictions()
        parts = [self._axes]
        for y, p in zip(self.price, pred, strict=True):
            parts.append(svg.segment(f, y, f.clamp_y(p), y, y))
        for i, (y, p) in enumerate(zip(self.price, pred, strict=True)):
            on = i == self.selected and self.params.show_table
            parts.append(svg.circle(f, y, f.clamp_y(p), 6 if on else 5,
                                    "point nn-house-on" if on else "point"))
        label = t("Predicted against actual price for the ten houses; the diagonal is a "
                  "perfect prediction; error {error}", error=num(self.descent.error, 2))
        return svg.figure(f, parts, label)

    def diagram(self) -> str:
        i = self.selected
        w1, w2, b = self.values()
        t1, t2, tb = self.texts()
        x1, x2 = self.area[i], self.baths[i]
        formula = f"{x1:g} \u00d7 {t1} + {x2:g} \u00d7 {t2} {plus(b, RANGES[2].digits)}"
        return neuron_diagram([("area", f"{x1:g}"), ("baths", f"{x2:g}")],
                              [(w1, t1), (w2, t2)], tb, num(w1 * x1 + w2 * x2 + b, 2), formula)

    def slots(self):
        d = self.descent
        values = [(name, t) for name, t in
                  zip(("weight 1", "weight 2", "bias"), self.texts(), strict=True)]
        out = {"readout": readout(values, d.error, d.steps)}
        if self.params.show_chart:
            out["fit"] = self.chart()
        out["errors"] = error_chart(d.errors, d.best, self.params.error_scale)
        if self.params.show_diagram:
            out["diagram"] = self.diagram()
        if self.params.show_table:
            out["table"] = house_table([("Area (sq ft)", self.area), ("Bathrooms", self.baths)],
                                       self.price, self.predictions(), self.selected)
        return out

    def arrange(self, controls, slots):
        get = slots.get
        figures = get("fit", "") + get("errors", "") + get("diagram", "")
        return (controls_html(controls, GD_BUTTONS) + slots["readout"]
                + f'<div class="nn-house-grid">{figures}</div>{get("table", "")}')

    def announce(self):
        t1, t2, tb = self.texts()
        return t("Error {error} after {n} steps, at weight 1 {w1}, weight 2 {w2}, bias {b}",
                 error=num(self.descent.error, 2), n=self.descent.steps, w1=t1, w2=t2, b=tb)
