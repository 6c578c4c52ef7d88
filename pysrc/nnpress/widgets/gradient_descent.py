"""Gradient descent on the house line: let the gradient move weight and bias for you.

The "gradient descent" figure of the house-price explainer (REFERENCE §1): the sliders of
`regression` with finer steps, buttons for 1, 10 and 100 steps, the error after each step,
and a heatmap of the error over (weight, bias) with the path taken. Moving a slider by hand
starts a new path from there. Each parameter gets its own learning rate
(engine.linear.balanced_rates), since the error is far steeper along the weight.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import t
from ..numerals import num
from ..params import ParamError, choice, ranged
from ..widget import Widget
from ._house_descent import GD_BUTTONS, STEP_BUTTONS, Descent, Surface, error_chart, gd_buttons
from ._houses import HouseLine, Range, controls_html, readout, slider_ranges


@dataclass
class Params:
    houses: int = ranged(3, 3, 10, "how many of the ten houses, from the first")
    weight: float = ranged(0.18, doc="where the run starts (0.18: average price per sq ft)")
    bias: float = ranged(0.0, doc="where the run starts")
    weight_min: float = ranged(0.0, doc="weight slider and heatmap: lowest value")
    weight_max: float = ranged(0.4, doc="weight slider and heatmap: highest value")
    weight_step: float = ranged(0.0001, doc="weight slider: step")
    bias_min: float = ranged(0.0, doc="bias slider and heatmap: lowest value")
    bias_max: float = ranged(460.0, doc="bias slider and heatmap: highest value")
    bias_step: float = ranged(0.1, doc="bias slider: step")
    learning_rate: float | None = ranged(None, 0, doc="the weight's rate; null: balanced")
    bias_learning_rate: float | None = ranged(None, 0, doc="the bias's rate; null: balanced")
    error_scale: str = choice("log", ["log", "linear"], "y axis of the error-over-steps chart")
    show_heatmap: bool = True  # the error over (weight, bias), with the path taken
    show_chart: bool = True  # the points and the line
    show_diagram: bool = True  # x → × weight → + bias → y, with the current values
    show_table: bool = False  # predictions, differences, squares and their mean

    def ranges(self) -> tuple[Range, Range]:
        return slider_ranges(self)

    def check(self) -> None:
        w_range, b_range = self.ranges()
        w_range.check(self.weight, "weight")
        b_range.check(self.bias, "bias")
        for key in ("learning_rate", "bias_learning_rate"):
            if getattr(self, key) == 0:
                raise ParamError(f"'{key}' must be above 0 (or null for balanced rates)", key)


class GradientDescent(Widget):
    name = "gradient-descent"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        self.model = HouseLine(params.houses, params.weight, params.bias)
        self.w_range, self.b_range = params.ranges()
        m = self.model
        self.descent = Descent(m.area, m.price, params.weight, params.bias,
                               params.learning_rate, params.bias_learning_rate)
        self.surface = None
        if params.show_heatmap:  # once per parameter set: it does not change as the point moves
            self.surface = Surface(m.area, m.price, (params.weight_min, params.weight_max),
                                   (params.bias_min, params.bias_max),
                                   self.descent.best_w, self.descent.best_b)

    def controls(self):
        return [self.w_range.slider(self.model.w), self.b_range.slider(self.model.b),
                *gd_buttons()]

    def on(self, control, value):
        d, m = self.descent, self.model
        if control == "weight" and (w := self.w_range.parse(value)) is not None:
            d.start(w, m.b)
        elif control == "bias" and (b := self.b_range.parse(value)) is not None:
            d.start(m.w, b)
        elif control in STEP_BUTTONS:
            d.run(STEP_BUTTONS[control][1])
        elif control == "reset":
            d.start(self.params.weight, self.params.bias)
        elif control == "house":
            m.select(value)
        m.w, m.b = d.w, d.b

    def slots(self):
        m, d, wd, bd = self.model, self.descent, self.w_range.digits, self.b_range.digits
        values = [("weight", num(m.w, wd)), ("bias", num(m.b, bd))]
        out = {"readout": readout(values, d.error, d.steps)}
        if d.diverged:
            out["readout"] += ('<p class="nn-goal">' + t(
                "The error grew past all bounds: this learning rate is too large.") + "</p>")
        if self.params.show_chart:
            out["fit"] = m.chart(wd, bd)
        out["errors"] = error_chart(d.errors, d.best, self.params.error_scale)
        if self.surface is not None:
            out["surface"] = self.surface.html
            out["path"] = self.surface.overlay(d.path, wd, bd)
        if self.params.show_diagram:
            out["diagram"] = m.diagram(wd, bd)
        if self.params.show_table:
            out["table"] = m.table()
        return out

    def arrange(self, controls, slots):
        get = slots.get
        heatmap = (f'<div class="nn-house-map">{get("surface", "")}{get("path", "")}</div>'
                   if "surface" in slots else "")
        figures = get("fit", "") + heatmap + get("errors", "") + get("diagram", "")
        return (controls_html(controls, GD_BUTTONS) + slots["readout"]
                + f'<div class="nn-house-grid">{figures}</div>{get("table", "")}')

    def announce(self):
        d, m = self.descent, self.model
        return t("Error {error} after {n} steps, at weight {w}, bias {b}",
                 error=num(d.error, 2), n=d.steps, w=num(m.w, self.w_range.digits),
                 b=num(m.b, self.b_range.digits))
