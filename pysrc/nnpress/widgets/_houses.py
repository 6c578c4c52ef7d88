"""Shared pieces of the house-price widgets (REFERENCE §1): fixed-decimal numbers, slider
ranges, the predictions table, the points-and-line chart and the little network diagram.

Used by `regression`, `gradient-descent` and `two-variable`; no widget lives here.
Prices are in $1000 throughout, the error is the mean squared error (MSE).
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from html import escape

import numpy as np

from .. import svg
from ..controls import Slider, slot_button
from ..diagram import Diagram, Edge, Node
from ..engine import linear
from ..engine.datasets import house_arrays
from ..i18n import t
from ..numerals import num, plus
from ..params import ParamError


def decimals(step: float) -> int:
    """The decimals a slider step needs: 1 -> 0, 0.1 -> 1, 0.001 -> 3, 0.25 -> 2."""
    for d in range(9):
        if abs(round(step, d) - step) <= 1e-9 * step:
            return d
    return 9


@dataclass(frozen=True)
class Range:
    """A slider's name, label and span; parses the value the page sends."""

    name: str
    label: str
    lo: float
    hi: float
    step: float

    @property
    def digits(self) -> int:
        return decimals(self.step)

    def slider(self, value: float) -> Slider:
        return Slider(self.name, t(self.label), self.lo, self.hi, self.step, float(value))

    def parse(self, value: object) -> float | None:
        """The value clipped into range, or None when it is not a number."""
        try:
            v = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        return min(max(v, self.lo), self.hi) if math.isfinite(v) else None

    def check(self, value: float | None, key: str) -> None:
        """Cross-field rules for the author's lo/hi/step and starting value."""
        if not self.lo < self.hi:
            raise ParamError(f"'{key}_min' must be below '{key}_max'", f"{key}_min")
        if not 0 < self.step <= self.hi - self.lo:
            raise ParamError(
                f"'{key}_step' must be above 0 and at most the slider's span",
                f"{key}_step",
            )
        if value is not None and not self.lo <= value <= self.hi:
            raise ParamError(
                f"'{key}' must lie between {self.lo:g} and {self.hi:g}; got {value:g}", key
            )


def readout(values: list[tuple[str, str]], mse: float, steps: int | None = None) -> str:
    """The current parameters and the error (2 decimals), e.g. for the page's sliders."""
    parts = [f'<span>{escape(t(name))} <b>{text}</b></span>' for name, text in values]
    if steps is not None:
        parts.append(f"<span>{t('steps')} <b>{steps}</b></span>")
    parts.append(f'<span>{t("error (MSE)")} <output class="nn-result">{num(mse, 2)}</output>'
                 "</span>")
    return '<p class="nn-house-values">' + "".join(parts) + "</p>"


def slider_ranges(params) -> tuple[Range, Range]:
    """The weight and bias sliders of a house widget, from its parameters
    (weight_min, weight_max, weight_step, and the same for the bias)."""
    return (Range("weight", "weight", params.weight_min, params.weight_max, params.weight_step),
            Range("bias", "bias", params.bias_min, params.bias_max, params.bias_step))


def controls_html(controls: dict[str, str], buttons: Collection[str] = ()) -> str:
    """Sliders on one row, the `buttons` on the next (the page's binder finds them by name)."""
    sliders = "".join(html for name, html in controls.items() if name not in buttons)
    pressed = "".join(html for name, html in controls.items() if name in buttons)
    out = f'<div class="nn-controls">{sliders}</div>'
    return out + (f'<div class="nn-controls nn-house-buttons">{pressed}</div>' if pressed else "")


def price_digits(prices: np.ndarray) -> int:
    """Fewest decimals (up to 3, i.e. whole dollars) that show every price exactly."""
    for d in range(4):
        if np.all(np.abs(np.round(prices, d) - prices) < 1e-9):
            return d
    return 3


def house_table(
    features: list[tuple[str, np.ndarray]],
    price: np.ndarray,
    pred: np.ndarray,
    selected: int | None,
) -> str:
    """One row per house: features, price, prediction, difference and its square, then the MSE.

    The first cell of a row is a button (data-control "house") when `selected` is not None,
    so a reader can pick, by mouse or keyboard, the house the diagram traces.
    """
    diff = price - pred  # (n,) actual minus predicted, as the explainer has it
    sq = diff**2
    pd = price_digits(price)
    head = ["House", *(name for name, _ in features), "Price", "Prediction", "Difference",
            "Squared difference"]  # fmt: skip
    rows = []
    for i in range(len(price)):
        if selected is None:
            first = f"<th scope=\"row\">{i + 1}</th>"
        else:
            cls = ' class="nn-house-on"' if i == selected else ""
            first = (f'<th scope="row"{cls}>' + slot_button(
                "house", i, i + 1, "nn-house-pick", i == selected, t("House {n}", n=i + 1))
                     + "</th>")
        cells = [f"{x[i]:g}" for _, x in features]
        cells += [num(price[i], pd), num(pred[i], 2), num(diff[i], 2), num(sq[i], 2)]
        tr = ' class="nn-house-on"' if i == selected else ""
        rows.append(f"<tr{tr}>{first}" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    ths = "".join(f'<th scope="col">{escape(t(h))}</th>' for h in head)
    foot = (
        f'<tfoot><tr><th scope="row" colspan="{len(head) - 1}">{t("Mean squared error")}</th>'
        f"<td><output>{num(float(sq.mean()), 2)}</output></td></tr></tfoot>"
    )
    return (
        f'<table class="nn-house-table"><caption>{t("Prices and predictions in $1000")}</caption>'
        f"<thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody>{foot}</table>"
    )


def neuron_diagram(
    inputs: list[tuple[str, str]],
    weights: list[tuple[float, str]],
    bias: str | None,
    output: str,
    formula: str,
) -> str:
    """inputs -> × weight -> + bias -> price, with the current values, and its sum written out.

    `inputs` are (label, value text), `weights` (value, text), `bias` the bias text (None: a
    model without bias). Edge colour follows the weight's sign; thickness stays even, since
    weights on different features have incomparable sizes.
    """
    n = len(inputs)
    layers = [[Node(t(label), value) for label, value in inputs]]
    if bias is not None:
        layers.append([Node("+", bias)])
    layers.append([Node(t("price"), output, "active")])
    edges = [
        Edge((0, i), (1, 0), None, f"\u00d7 {text}", "pos" if w >= 0 else "neg")
        for i, (w, text) in enumerate(weights)
    ]
    if bias is not None:
        edges.append(Edge((1, 0), (2, 0)))
    names = [t(n) for n in (["input", "+ bias", "prediction"] if bias is not None
                            else ["input", "prediction"])]
    diagram = Diagram(layers, edges, width=340, height=50 + 60 * n, radius=21, layer_names=names)
    sentence = f"{formula} = {output}"
    return diagram.svg(t("Network diagram: {sentence}", sentence=sentence)) + (
        f'<p class="nn-formula">{formula} = <output>{output}</output></p>'
    )


class HouseLine:
    """price = weight × area + bias over the first `count` houses, and its views."""

    def __init__(self, count: int, weight: float, bias: float | None):
        self.area, _, self.price = house_arrays(count)  # (n,), (n,) in sq ft and $1000
        self.w = float(weight)
        self.has_bias = bias is not None
        self.b = float(bias or 0.0)
        self.selected = 0  # the house the diagram traces
        x_hi = math.ceil(float(self.area.max()) * 1.1 / 500) * 500
        y_hi = math.ceil(float(self.price.max()) * 1.4 / 100) * 100
        self.frame = svg.Frame((0.0, float(x_hi)), (0.0, float(y_hi)), 360, 250, (12, 22, 28, 40))
        self._axes = svg.axes(self.frame, t("area (sq ft)"), t("price ($1000)"))

    def predictions(self) -> np.ndarray:
        return self.w * self.area + self.b  # (n,)

    def mse(self) -> float:
        return linear.mse(self.area, self.price, self.w, self.b)

    def select(self, value: object) -> None:
        try:
            i = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return
        if 0 <= i < len(self.area):
            self.selected = i

    def chart(self, w_digits: int, b_digits: int) -> str:
        """The houses, the line, and each error as a dashed vertical segment."""
        f = self.frame
        parts = [self._axes]
        (x0, x1), (y0, y1) = f.x_range, f.y_range
        if self.w == 0:
            span = (x0, x1) if y0 <= self.b <= y1 else None
        else:
            xa, xb = sorted(((y0 - self.b) / self.w, (y1 - self.b) / self.w))
            span = (max(x0, xa), min(x1, xb)) if max(x0, xa) < min(x1, xb) else None
        if span is not None:
            parts.append(svg.segment(f, span[0], self.w * span[0] + self.b,
                                     span[1], self.w * span[1] + self.b, "curve"))
        pred = self.predictions()
        for x, y, p in zip(self.area, self.price, pred, strict=True):
            parts.append(svg.segment(f, x, y, x, f.clamp_y(p)))
        for i, (x, y) in enumerate(zip(self.area, self.price, strict=True)):
            cls = "point nn-house-on" if i == self.selected else "point"
            parts.append(svg.circle(f, x, y, 6 if i == self.selected else 5, cls))
        label = t(
            "{n} houses, area against price, with the line price = {w} × area{b}; error {error}",
            n=len(self.area), w=num(self.w, w_digits),
            b=f" {plus(self.b, b_digits)}" if self.has_bias else "", error=num(self.mse(), 2))
        return svg.figure(f, parts, label)

    def table(self) -> str:
        return house_table([("Area (sq ft)", self.area)], self.price, self.predictions(),
                           self.selected)

    def diagram(self, w_digits: int, b_digits: int) -> str:
        i = self.selected
        x, w, b = self.area[i], self.w, self.b
        out = num(w * x + b, 2)
        formula = f"{x:g} \u00d7 {num(w, w_digits)}"
        if self.has_bias:
            formula += f" {plus(b, b_digits)}"
        return neuron_diagram([("area", f"{x:g}")], [(w, num(w, w_digits))],
                              num(b, b_digits) if self.has_bias else None, out, formula)
