"""Feedforward calculator: type inputs, weights and biases; every neuron's value is shown.

The "from scratch" examples: one neuron (w = [0, 1], b = 4, x = [2, 3] -> 0.9991) and the
2-2-1 network where every neuron has w = [0, 1], b = 0 (x = [2, 3] -> hidden 0.9526,
output 0.7216). All neurons use the sigmoid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import numpy as np

from ..controls import NumberInput
from ..engine.network import Network
from ..i18n import t
from ..numerals import num, par, short
from ..params import ParamError, choice
from ..widget import Widget
from ._networks import finite, sub, value_network

LIMIT = 100.0  # every typed number is kept within [-LIMIT, LIMIT]
# shape: (layer sizes, neuron names, default bias)
SHAPES = {
    "network": ([2, 2, 1], ["h1", "h2", "o1"], 0.0),
    "neuron": ([2, 1], ["y"], 4.0),
}


@dataclass
class Params:
    shape: str = choice("network", list(SHAPES), "the 2-2-1 network, or a single neuron")
    # the two inputs x1, x2
    x: list[float] = field(default_factory=lambda: [2.0, 3.0])
    # [w1, w2] per neuron (h1, h2, o1; or the one neuron); default [0, 1] for each
    weights: list[list[float]] | None = None
    # one bias per neuron; default 0 for the network, 4 for the neuron
    biases: list[float] | None = None

    def check(self) -> None:
        neurons = len(SHAPES[self.shape][1])
        if len(self.x) != 2:
            raise ParamError(f"'x' needs 2 inputs, got {len(self.x)}", "x")
        if self.weights is not None and (
            len(self.weights) != neurons or any(len(w) != 2 for w in self.weights)
        ):
            raise ParamError(
                f"'weights' needs {neurons} pair(s) [w1, w2], one per neuron", "weights"
            )
        if self.biases is not None and len(self.biases) != neurons:
            raise ParamError(f"'biases' needs {neurons} number(s), one per neuron", "biases")
        for key in ("x", "weights", "biases"):
            flat = np.ravel(np.asarray(getattr(self, key) or [], dtype=float))
            if np.any(np.abs(flat) > LIMIT):
                raise ParamError(f"'{key}' values must lie within ±{LIMIT:g}", key)


class Feedforward(Widget):
    name = "feedforward"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        self.sizes, self.neurons, bias = SHAPES[params.shape]
        n = len(self.neurons)
        self.x = np.array(params.x, dtype=float)  # (2,)
        self.w = np.array(params.weights or [[0.0, 1.0]] * n, dtype=float)  # (neurons, 2)
        self.b = np.array(params.biases or [bias] * n, dtype=float)  # (neurons,)

    def network(self) -> Network:
        """The engine's network: self.w and self.b hold one row per neuron, layer after layer."""
        rows = np.cumsum([0] + self.sizes[1:])  # layer l owns rows rows[l] .. rows[l + 1]
        weights = [self.w[a:b] for a, b in zip(rows[:-1], rows[1:], strict=True)]
        biases = [self.b[a:b] for a, b in zip(rows[:-1], rows[1:], strict=True)]
        return Network.from_params(weights, biases, "sigmoid")

    def controls(self):
        out = [NumberInput(f"x{k + 1}", f"x{sub(k + 1)}", self.x[k], 0.1) for k in range(2)]
        for n, neuron in enumerate(self.neurons):
            out += [
                NumberInput(f"{neuron}.w1", "w₁", self.w[n, 0], 0.1),
                NumberInput(f"{neuron}.w2", "w₂", self.w[n, 1], 0.1),
                NumberInput(f"{neuron}.b", "b", self.b[n], 0.1),
            ]
        return out

    def arrange(self, controls, slots):
        """Fields grouped: the inputs, then each neuron's weights and bias."""
        groups = [(t("inputs"), [controls["x1"], controls["x2"]])] + [
            (t("neuron {name}", name=sub(name)),
             [controls[f"{name}.{k}"] for k in ("w1", "w2", "b")])
            for name in self.neurons
        ]
        fields = "".join(
            f'<fieldset class="nn-group"><legend>{escape(title)}</legend>{"".join(items)}'
            "</fieldset>"
            for title, items in groups
        )
        return f'<div class="nn-controls nn-fields">{fields}</div>' + "".join(slots.values())

    def on(self, control, value):
        v = finite(value, -LIMIT, LIMIT)
        if v is None:
            return
        if control in ("x1", "x2"):
            self.x[int(control[1]) - 1] = v
            return
        neuron, _, part = control.partition(".")
        if neuron in self.neurons:
            n = self.neurons.index(neuron)
            if part == "b":
                self.b[n] = v
            elif part in ("w1", "w2"):
                self.w[n, int(part[1]) - 1] = v

    def trace(self):
        return self.network().forward(self.x)

    def slots(self):
        net = self.network()
        trace = net.forward(self.x)
        values = trace.activations  # inputs, then each layer's outputs
        names = [["x₁", "x₂"]] + [
            [sub(n) for n in self.neurons[a : a + k]]
            for a, k in zip(np.cumsum([0] + self.sizes[1:-1]), self.sizes[1:], strict=True)
        ]
        out = float(trace.output[0])
        diagram = value_network(
            self.sizes, net.weights, net.biases, values, names,
            t("Network with inputs {x1} and {x2}; output {name} = {value}", x1=short(self.x[0]),
              x2=short(self.x[1]), name=names[-1][0], value=f"{out:.4f}"),
        )  # fmt: skip
        lines = []
        for layer, (w, b, z) in enumerate(zip(net.weights, net.biases, trace.zs, strict=True)):
            inputs = values[layer]
            for i in range(len(b)):
                terms = " + ".join(
                    f"{par(w[i, j], 2)} × {par(inputs[j], 4 if layer else 2)}"
                    for j in range(len(inputs))
                )
                a = num(float(values[layer + 1][i]), 4)
                last = layer == len(net.weights) - 1
                result = f'<output class="nn-result">{a}</output>' if last else f"<b>{a}</b>"
                lines.append(
                    f'<p class="nn-formula">{names[layer + 1][i]} = σ({terms} + '
                    f"{par(b[i], 2)}) = σ({num(float(z[i]), 4)}) = {result}</p>"
                )
        return {"net": diagram, "calculation": "".join(lines)}

    def announce(self):
        last = sub(self.neurons[-1])
        return t("output {name} = {value}", name=last, value=f"{float(self.trace().output[0]):.4f}")
