"""Train it by hand: move the weight and bias until the line fits the houses.

The "train it by hand" figure of the house-price explainer (REFERENCE §1): the first houses
as points, the line price = weight × area + bias, each error as a dashed segment, a table of
predictions with the mean squared error, and the little network x → × weight → + bias → y.
`bias: null` (or `show_bias: false`) gives the one-weight model of the same explainer.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import t
from ..numerals import num
from ..params import ParamError, ranged
from ..widget import Widget
from ._houses import HouseLine, Range, controls_html, readout, slider_ranges


@dataclass
class Params:
    houses: int = ranged(3, 1, 10, "how many of the ten houses, from the first")
    weight: float = ranged(0.0, doc="where the weight slider starts")
    bias: float | None = ranged(0.0, doc="where the bias slider starts; null: no bias at all")
    weight_min: float = ranged(0.0, doc="weight slider: lowest value")
    weight_max: float = ranged(0.4, doc="weight slider: highest value")
    weight_step: float = ranged(0.001, doc="weight slider: step")
    bias_min: float = ranged(0.0, doc="bias slider: lowest value")
    bias_max: float = ranged(460.0, doc="bias slider: highest value")
    bias_step: float = ranged(1.0, doc="bias slider: step")
    show_bias: bool = True  # false: the bias stays at `bias`, with no slider
    goal: float | None = ranged(None, doc="a challenge: get the error under this (e.g. 799)")
    show_chart: bool = True  # the points, the line and the errors
    show_table: bool = True  # predictions, differences, squares and their mean
    show_diagram: bool = True  # x → × weight → + bias → y, with the current values

    def ranges(self) -> tuple[Range, Range]:
        return slider_ranges(self)

    def check(self) -> None:
        w_range, b_range = self.ranges()
        w_range.check(self.weight, "weight")
        if self.bias is not None and self.show_bias:
            b_range.check(self.bias, "bias")
        if self.goal is not None and self.goal <= 0:
            raise ParamError(f"'goal' must be above 0; got {self.goal:g}", "goal")


class Regression(Widget):
    name = "regression"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        self.model = HouseLine(params.houses, params.weight, params.bias)
        self.w_range, self.b_range = params.ranges()
        self.bias_slider = params.bias is not None and params.show_bias

    def controls(self):
        out = [self.w_range.slider(self.model.w)]
        if self.bias_slider:
            out.append(self.b_range.slider(self.model.b))
        return out

    def on(self, control, value):
        if control == "weight" and (w := self.w_range.parse(value)) is not None:
            self.model.w = w
        elif control == "bias" and self.bias_slider:
            b = self.b_range.parse(value)
            self.model.b = self.model.b if b is None else b
        elif control == "house":
            self.model.select(value)

    def values(self) -> list[tuple[str, str]]:
        out = [("weight", num(self.model.w, self.w_range.digits))]
        if self.model.has_bias:
            out.append(("bias", num(self.model.b, self.b_range.digits)))
        return out

    def goal_met(self) -> bool:
        return self.params.goal is not None and self.model.mse() < self.params.goal

    def slots(self):
        m, wd, bd = self.model, self.w_range.digits, self.b_range.digits
        out = {"readout": readout(self.values(), m.mse())}
        goal = self.params.goal
        if goal is not None:
            out["readout"] += (
                '<p class="nn-goal nn-goal-met">'
                f'{t("Well done: the error is under {goal}.", goal=f"{goal:g}")}</p>'
                if self.goal_met()
                else f'<p class="nn-goal">{t("Get the error under {goal}.", goal=f"{goal:g}")}</p>'
            )
        if self.params.show_chart:
            out["fit"] = m.chart(wd, bd)
        if self.params.show_diagram:
            out["diagram"] = m.diagram(wd, bd)
        if self.params.show_table:
            out["table"] = m.table()
        return out

    def arrange(self, controls, slots):
        figures = "".join(slots.get(k, "") for k in ("fit", "diagram"))
        return (controls_html(controls) + slots["readout"]
                + f'<div class="nn-house-grid">{figures}</div>{slots.get("table", "")}')

    def announce(self):
        text = t("Error {error} at {values}", error=num(self.model.mse(), 2),
                 values=t("list|, ").join(f"{t(k)} {v}" for k, v in self.values()))
        if self.params.goal is not None:
            key = "; goal: under {goal}, met" if self.goal_met() else "; goal: under {goal}"
            text += t(key, goal=f"{self.params.goal:g}")
        return text
