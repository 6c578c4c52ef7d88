"""A training run, live: the 2-2-1 sigmoid network of "From scratch" learns gender from
weight and height by stochastic gradient descent, one sample at a time.

The reader plays, pauses or steps through the epochs and watches the loss (MSE over the
four people, after each epoch) fall toward 0, then asks the network about Emily, Frank
and a person of their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .. import svg
from ..controls import Slider
from ..engine import NEW_PEOPLE, PEOPLE, Network, get_loss, people_arrays, sgd_epoch
from ..i18n import t
from ..numerals import num
from ..params import ranged
from ..widget import Widget
from ._training_chart import curve, head, nice_ceiling
from ._training_controls import RunLoop

WEIGHT = (-40, 40)  # slider range for the reader's person: pounds minus 135
HEIGHT = (-12, 12)  # inches minus 66
CURVE_POINTS = 300  # at most this many points on the loss curve (about one per pixel)


@dataclass
class Params:
    seed: int = ranged(3, 0, 2**32 - 1, "seeds the starting weights, N(0, 1) as in the post")
    learning_rate: float = ranged(0.1, 0.0001, 10.0, "SGD step size (the post uses 0.1)")
    epochs: int = ranged(1000, 1, 10_000, "the run stops after this many epochs")
    epochs_per_frame: int = ranged(7, 1, 500, "epochs per animation frame: 7 -> 1000 in ~2.4 s")


class TrainingRun(RunLoop, Widget):
    name = "training"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        self.X, self.y = people_arrays(PEOPLE)  # (4, 2), (4,)
        self.person = [0.0, 0.0]  # the reader's own (weight - 135, height - 66)
        self.epochs_per_frame = params.epochs_per_frame
        self.restart()
        loss0 = self.history[0]
        self.frame = svg.Frame((0, params.epochs), (0, nice_ceiling(loss0 * 1.05)),
                               width=360, height=200, margin=(12, 14, 30, 46))
        self.stride = math.ceil(params.epochs / CURVE_POINTS)
        self._axes = svg.axes(self.frame, t("epoch"), t("loss (MSE)"))

    # --- the run ---------------------------------------------------------------------
    def restart(self) -> None:
        self.net = Network([2, 2, 1], "sigmoid", seed=self.params.seed)
        self.history = [self.loss()]  # history[i]: the loss after epoch i

    def loss(self) -> float:
        p = self.net.predict(self.X)[:, 0]  # (4,)
        return get_loss("mse").fn(p, self.y)

    @property
    def epoch(self) -> int:
        return len(self.history) - 1

    @property
    def finished(self) -> bool:
        return self.epoch >= self.params.epochs

    def advance(self, epochs: int) -> None:
        for _ in range(min(epochs, self.params.epochs - self.epoch)):
            sgd_epoch(self.net, self.X, self.y, self.params.learning_rate, "mse")
            self.history.append(self.loss())

    def predictions(self) -> np.ndarray:
        """P(female) for Emily, Frank and the reader's person, (3,)."""
        rows = [[p.weight, p.height] for p in NEW_PEOPLE] + [self.person]
        return self.net.predict(np.array(rows, dtype=float))[:, 0]

    # --- the widget --------------------------------------------------------------------
    def controls(self):
        return self.run_controls() + [
            Slider("weight", t("Weight (lb \u2212 135)"), *WEIGHT, 1, self.person[0]),
            Slider("height", t("Height (in \u2212 66)"), *HEIGHT, 1, self.person[1]),
        ]

    def on(self, control, value):
        if self.on_run(control):
            return
        if control in ("weight", "height"):
            lo, hi = WEIGHT if control == "weight" else HEIGHT
            self.person[control == "height"] = float(np.clip(round(float(value)), lo, hi))

    def slots(self):
        loss = self.history[-1]
        readout = '<p class="tr-readout">' + t(
            "Epoch {epoch} of {epochs} \u00b7 loss {loss}",
            epoch=f'<output class="tr-epoch">{self.epoch}</output>', epochs=self.params.epochs,
            loss=f'<output class="nn-result tr-loss">{num(loss, 4)}</output>') + "</p>"
        chart = svg.figure(
            self.frame,
            [self._axes, curve(self.frame, self.history, self.stride),
             head(self.frame, self.history)],
            t("Loss over epochs: {loss} after epoch {epoch} of {epochs}", loss=f"{loss:.4f}",
              epoch=self.epoch, epochs=self.params.epochs),
        )
        return {"readout": readout, "chart": chart, "people": self.people_table()}

    def people_table(self) -> str:
        names = [t(p.name) for p in NEW_PEOPLE] + [t("Your person")]
        inputs = [(p.weight, p.height) for p in NEW_PEOPLE] + [tuple(self.person)]
        rows = []
        for name, (w, h), p in zip(names, inputs, self.predictions().tolist(), strict=True):
            guess = "F" if p >= 0.5 else "M"
            rows.append(
                f'<tr><th scope="row">{name}</th><td>{num(w, 0)}</td><td>{num(h, 0)}</td>'
                f'<td class="tr-p">{p:.3f}</td>'
                f'<td class="tr-guess tr-{guess}">{t("guess|" + guess)}</td></tr>'
            )
        return (
            '<div class="nn-scroll-region" tabindex="0" role="group" '
            f'aria-label="{t("What the network says")}">'
            f'<table class="tr-people"><caption>{t("What the network says")}</caption><thead><tr>'
            + "".join(f'<th scope="col">{t(h)}</th>' for h in (
                "person", "weight \u2212 135", "height \u2212 66", "P(female)", "guess"))
            + f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
        )

    def arrange(self, controls, slots):
        c = controls
        return (
            f'<div class="nn-controls tr-run">{c["play"]}{c["step"]}{c["reset"]}'
            + slots["readout"] + "</div>" + slots["chart"] + slots["people"]
            + f'<div class="nn-controls tr-person">{c["weight"]}{c["height"]}</div>'
        )

    def announce(self):
        if self.playing:
            return t("Training\u2026")
        emily, frank, own = self.predictions().tolist()
        w, h = self.person
        return t(
            "Epoch {epoch} of {epochs}, loss {loss}. P(female): Emily {emily}, Frank {frank}, "
            "your person ({w}, {h}) {own}", epoch=self.epoch, epochs=self.params.epochs,
            loss=f"{self.history[-1]:.4f}", emily=f"{emily:.3f}", frank=f"{frank:.3f}",
            w=f"{w:.0f}", h=f"{h:.0f}", own=f"{own:.3f}")
