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
from ._training_controls import RunLoop, step_buttons

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
        self.input_uris = [_heatmap.data_uri(self.thumb_grid[:, i] / EXTENT, THUMB,
                                             _heatmap.THUMB_LUT) for i in range(2)]
        self.make_data()
        self.restart()

    # --- data and run ------------------------------------------------------------------
    def make_data(self) -> None:
        p = self.params
        X, y = make_dataset(self.dataset, p.points, self.noise, seed=p.seed)
        half = p.points // 2
        self.train, self.test = (X[:half], y[:half]), (X[half:], y[half:])
        name = DATASETS[self.dataset]
        self._points = view.data_figure(
            self.frame, self.train, self.test,
            f"{name} data, noise {self.noise:.2f}: {half} training points (filled) and "
            f"{p.points - half} test points (outlined); orange is class 0, blue class 1")

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
            Select("dataset", "Data", list(DATASETS.items()), self.dataset),
            Slider("noise", "Noise", 0.0, NOISE_MAX, 0.05, self.noise),
            Select("activation", "Activation", [(a, a) for a in ACTIVATIONS], self.activation),
            Select("learning_rate", "Learning rate",
                   [(f"{r:g}", f"{r:g}") for r in LEARNING_RATES], f"{self.learning_rate:g}"),
            *step_buttons("layers", "Hidden layers", self.layers, 0, MAX_LAYERS),
            *step_buttons("units", "Units per hidden layer", self.units, 1, MAX_UNITS),
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
        else:
            return
        if control in ("dataset", "noise"):
            self.make_data()
        self.restart()  # new data or a new shape: start again from the seeded weights

    def slots(self):
        train, test = self.losses["train"][-1], self.losses["test"][-1]
        readout = (
            f'<p class="pg-readout">Epoch <output class="pg-epoch">{self.epoch}</output> \u00b7 '
            f'train loss <output class="nn-result pg-train-loss">{num(train, 3)}</output> \u00b7 '
            f'test loss <output class="pg-test-loss">{num(test, 3)}</output></p>'
        )
        p = self.net.predict(self.grid)[:, 0]  # (GRID*GRID,)
        X, y = self.test
        right = accuracy(self.net.predict(X)[:, 0], y)  # labels 0/1
        heat = view.heatmap_figure(
            self.frame, _heatmap.data_uri(2.0 * p - 1.0, GRID),
            f"The network's prediction over the plane after epoch {self.epoch}: blue where "
            f"it says class 1, orange class 0; {right:.0%} of test points on the right side")
        shape = f"{self.layers} hidden layer{'s' if self.layers != 1 else ''}" + (
            f" of {self.units} unit{'s' if self.units != 1 else ''}" if self.layers else "")
        return {
            "readout": readout,
            "shape": f'<span class="pg-shape">{shape}</span>',
            "noise": f'<output class="pg-noise-value">{self.noise:.2f}</output>',
            "network": view.network_svg(self.net, self.input_uris, self.thumb_grid, THUMB),
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
            '<div class="nn-controls pg-shape-row"><span class="pg-knob">Layers '
            f'{c["layers_down"]}{c["layers_up"]}</span>'
            f'<span class="pg-knob">Units {c["units_down"]}{c["units_up"]}</span>'
            f'{slots["shape"]}</div>'
            f'<div class="pg-body">{slots["network"]}'
            f'<div class="pg-plot">{slots["heatmap"]}{slots["points"]}</div>'
            f'{slots["losses"]}</div>'
        )

    def announce(self):
        if self.playing:
            return "Training\u2026"
        return (f"Epoch {self.epoch}: train loss {self.losses['train'][-1]:.3f}, "
                f"test loss {self.losses['test'][-1]:.3f}")
