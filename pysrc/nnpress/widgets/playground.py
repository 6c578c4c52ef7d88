"""A neural-network playground: a small network learns to separate 2-D point clouds live.

The background is coloured by the network's prediction over the plane (its decision
boundary), the diagram shows every weight by thickness and sign, and each unit shows the
shape it responds to. Half of the points train the network; the other half test it.
Training is mini-batch SGD on cross-entropy with a sigmoid output.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..controls import Select, Slider
from ..engine import DATASET_NAMES, Network, accuracy, get_loss, make_dataset, sgd_epoch
from ..i18n import t
from ..numerals import num
from ..params import ParamError, choice, ranged
from ..widget import Widget
from . import _heatmap
from . import _playground_view as view
from ._training_controls import RunLoop, parse_count, step_buttons

LABELS = {"circle": "Circle", "xor": "Exclusive or", "gauss": "Two Gaussians", "spiral": "Spiral"}
DATASETS = {name: LABELS.get(name, name.title()) for name in DATASET_NAMES}  # value: text
# The figure's caption begins with what the data is (it follows the data chosen).
DATA_CAPTIONS = {
    "circle": "The network learns to tell the inner disc from the outer ring.",
    "xor": "The network learns exclusive or: one class where x₁ and x₂ share a sign.",
    "gauss": "The network learns to tell two clouds of points apart.",
    "spiral": "The network learns to tell two interleaved spirals apart.",
}
ACTIVATIONS = ["tanh", "relu", "sigmoid"]
# "2 hidden layers of 4 units", by (more than one layer, more than one unit):
SHAPES = {
    (False, False): "{n} hidden layer of {units} unit",
    (False, True): "{n} hidden layer of {units} units",
    (True, False): "{n} hidden layers of {units} unit",
    (True, True): "{n} hidden layers of {units} units",
}
LEARNING_RATES = [0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0]
MAX_LAYERS, MAX_UNITS = 4, 8
NOISE_MAX = 0.5
EXTENT = 1.5  # the plane shown is [-1.5, 1.5]^2; the data lie roughly in [-1, 1]^2
GRID = 40  # heatmap pixels per side, scaled up smoothly by the browser
THUMB = 16  # pixels per side of each unit's thumbnail
CROSS_ENTROPY = get_loss("cross_entropy")


@dataclass
class Params:
    dataset: str = choice("circle", list(DATASETS), "which point cloud")
    noise: float = ranged(0.0, 0.0, NOISE_MAX, "std of the jitter added to the points")
    points: int = ranged(200, 20, 1000, "points in all; half train, half test")
    layers: int = ranged(2, 0, MAX_LAYERS, "hidden layers")
    units: int = ranged(4, 1, MAX_UNITS, "units in each hidden layer")
    activation: str = choice("tanh", ACTIVATIONS, "of the hidden units")
    learning_rate: float = choice(0.3, LEARNING_RATES, "SGD step size")
    batch_size: int = ranged(10, 1, 500, "samples per SGD step")
    epochs_per_frame: int = ranged(1, 1, 50, "epochs trained per animation frame")
    seed: int = ranged(0, 0, 2**32 - 1, "seeds the points, the weights and the shuffling")

    def check(self) -> None:
        if self.batch_size > self.points // 2:
            raise ParamError(
                f"'batch_size' ({self.batch_size}) must not exceed the training points "
                f"(half of 'points': {self.points // 2})", "batch_size")


class Playground(RunLoop, Widget):
    name = "playground"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        p = params
        self.dataset, self.noise, self.activation = p.dataset, p.noise, p.activation
        self.layers, self.units, self.learning_rate = p.layers, p.units, p.learning_rate
        self.epochs_per_frame = p.epochs_per_frame
        self.frame = view.plot_frame(EXTENT)
        self.grid = _heatmap.grid_points(-EXTENT, EXTENT, GRID)  # (GRID*GRID, 2)
        self.thumb_grid = _heatmap.grid_points(-EXTENT, EXTENT, THUMB)
        self.input_heats = [_heatmap.diverging(self.thumb_grid[:, i] / EXTENT, THUMB,
                                               _heatmap.THUMB_STRENGTH) for i in range(2)]
        self.make_data()
        self.restart()

    # --- data and run ------------------------------------------------------------------
    def make_data(self) -> None:
        p = self.params
        X, y = make_dataset(self.dataset, p.points, self.noise, seed=p.seed)
        half = p.points // 2
        self.train, self.test = (X[:half], y[:half]), (X[half:], y[half:])
        self._points = view.data_figure(self.frame, self.train, self.test, t(
            "{name} data, noise {noise}: {train} training points (filled) and {test} test "
            "points (outlined); orange is class 0, blue class 1",
            name=t(DATASETS[self.dataset]), noise=f"{self.noise:.2f}", train=half,
            test=p.points - half))

    def restart(self) -> None:
        sizes = [2] + [self.units] * self.layers + [1]
        acts = [self.activation] * self.layers + ["sigmoid"]
        init = "he" if self.activation == "relu" else "xavier"  # keeps signals alive
        self.net = Network(sizes, acts, seed=self.params.seed, init=init)
        self.rng = np.random.default_rng(self.params.seed)  # mini-batch order
        self.losses: dict[str, list[float]] = {"train": [], "test": []}
        self.peak = 0.0
        self.record()

    def record(self) -> None:
        for part, (X, y) in (("train", self.train), ("test", self.test)):
            loss = CROSS_ENTROPY.fn(self.net.predict(X), y[:, None])
            self.losses[part].append(loss)
            self.peak = max(self.peak, loss)

    @property
    def epoch(self) -> int:
        return len(self.losses["train"]) - 1

    def advance(self, epochs: int) -> None:
        X, y = self.train
        for _ in range(epochs):
            sgd_epoch(self.net, X, y, self.learning_rate, CROSS_ENTROPY, rng=self.rng,
                      batch_size=self.params.batch_size)
            self.record()

    # --- the widget --------------------------------------------------------------------
    def controls(self):
        return self.run_controls() + [
            Select("dataset", t("Data"), [(k, t(v)) for k, v in DATASETS.items()],
                   self.dataset),
            Slider("noise", t("Noise"), 0.0, NOISE_MAX, 0.05, self.noise),
            Select("activation", t("Activation"), [(a, t(a)) for a in ACTIVATIONS],
                   self.activation),
            Select("learning_rate", t("Learning rate"),
                   [(f"{r:g}", f"{r:g}") for r in LEARNING_RATES], f"{self.learning_rate:g}"),
            *step_buttons("layers", t("Hidden layers"), self.layers, 0, MAX_LAYERS),
            *step_buttons("units", t("Units per hidden layer"), self.units, 1, MAX_UNITS),
        ]

    def on(self, control, value):
        if self.on_run(control):
            return
        if control == "dataset" and value in DATASETS:
            self.dataset = value
        elif control == "noise":
            self.noise = round(float(np.clip(float(value), 0.0, NOISE_MAX)), 2)
        elif control == "activation" and value in ACTIVATIONS:
            self.activation = value
        elif control == "learning_rate":
            rate = float(value)
            if rate in LEARNING_RATES:
                self.learning_rate = rate
            return  # a new step size carries on from the current weights
        elif control in ("layers_down", "layers_up"):
            self.layers = int(np.clip(self.layers + (1 if control.endswith("up") else -1),
                                      0, MAX_LAYERS))
        elif control in ("units_down", "units_up"):
            self.units = int(np.clip(self.units + (1 if control.endswith("up") else -1),
                                     1, MAX_UNITS))
        elif control == "layers" and (count := parse_count(value, 0, MAX_LAYERS)) is not None:
            self.layers = count  # from a state link
        elif control == "units" and (count := parse_count(value, 1, MAX_UNITS)) is not None:
            self.units = count
        else:
            return
        if control in ("dataset", "noise"):
            self.make_data()
        self.restart()  # new data or a new shape: start again from the seeded weights

    def slots(self):
        train, test = self.losses["train"][-1], self.losses["test"][-1]
        readout = '<p class="pg-readout">' + t(
            "Epoch {epoch} \u00b7 train loss {train} \u00b7 test loss {test}",
            epoch=f'<output class="pg-epoch">{self.epoch}</output>',
            train=f'<output class="nn-result pg-train-loss">{num(train, 3)}</output>',
            test=f'<output class="pg-test-loss">{num(test, 3)}</output>') + "</p>"
        p = self.net.predict(self.grid)[:, 0]  # (GRID*GRID,)
        X, y = self.test
        right = accuracy(self.net.predict(X)[:, 0], y)  # labels 0/1
        heat = view.heatmap_figure(
            self.frame, _heatmap.diverging(2.0 * p - 1.0, GRID),
            t("The network's prediction over the plane after epoch {epoch}: blue where it "
              "says class 1, orange class 0; {right} of test points on the right side",
              epoch=self.epoch, right=f"{right:.0%}"))
        if self.layers:
            shape = t(SHAPES[self.layers != 1, self.units != 1], n=self.layers,
                      units=self.units)
        else:
            shape = t("{n} hidden layers", n=0)
        return {
            "readout": readout,
            "shape": f'<span class="pg-shape">{shape}</span>',
            "noise": f'<output class="pg-noise-value">{self.noise:.2f}</output>',
            "network": view.network_svg(self.net, self.input_heats, self.thumb_grid, THUMB),
            "heatmap": heat,
            "points": self._points,
            "losses": view.loss_figure(self.losses["train"], self.losses["test"], self.peak),
            "caption": t(DATA_CAPTIONS.get(self.dataset, "")),
        }

    def arrange(self, controls, slots):
        c = controls
        return (
            f'<div class="nn-controls pg-run">{c["play"]}{c["step"]}{c["reset"]}'
            f'{slots["readout"]}</div>'
            f'<div class="nn-controls pg-setup">{c["dataset"]}{c["activation"]}'
            f'{c["learning_rate"]}<div class="pg-noise">{c["noise"]}{slots["noise"]}</div></div>'
            f'<div class="nn-controls pg-shape-row"><span class="pg-knob">{t("Layers")} '
            f'{c["layers_down"]}{c["layers_up"]}{c["layers"]}</span>'
            f'<span class="pg-knob">{t("Units")} {c["units_down"]}{c["units_up"]}'
            f'{c["units"]}</span>'
            f'{slots["shape"]}</div>'
            f'<div class="pg-body">{slots["network"]}'
            f'<div class="pg-plot">{slots["heatmap"]}{slots["points"]}</div>'
            f'{slots["losses"]}</div>'
        )

    def announce(self):
        if self.playing:
            return t("Training\u2026")
        return t("Epoch {epoch}: train loss {train}, test loss {test}", epoch=self.epoch,
                 train=f"{self.losses['train'][-1]:.3f}", test=f"{self.losses['test'][-1]:.3f}")
