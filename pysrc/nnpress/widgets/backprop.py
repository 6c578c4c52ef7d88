"""Backprop walkthrough: the chain rule for one weight, factor by factor, then an SGD step.

The "from scratch" worked example: only Alice (-2, -1), label 1; a 2-2-1 sigmoid network with
all weights 1 and biases 0; loss (1 - y_pred)^2. For w1: h1 = 0.0474, y_pred = 0.524,
dL/dy_pred = -0.9526, dy_pred/dh1 = 0.249, dh1/dw1 = -0.0904, dL/dw1 = 0.02147.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import svg
from ..controls import Button, Select
from ..engine.activations import get_activation
from ..engine.chain_rule import chain_rule_factors
from ..engine.datasets import PEOPLE
from ..engine.network import Network
from ..engine.training import gd_step
from ..i18n import t
from ..numerals import num, par
from ..params import choice, ranged
from ..widget import Widget
from ._networks import sub, value_network

# parameter name -> (layer, i, j) of weights[layer][i, j], or (layer, i) of biases[layer][i]
WEIGHTS = {"w1": (0, 0, 0), "w2": (0, 0, 1), "w3": (0, 1, 0), "w4": (0, 1, 1),
           "w5": (1, 0, 0), "w6": (1, 0, 1)}  # fmt: skip
BIASES = {"b1": (0, 0), "b2": (0, 1), "b3": (1, 0)}
NODE = [["x₁", "x₂"], ["h₁", "h₂"], ["o₁"]]  # o1 is y_pred
MAX_HISTORY = 500  # losses kept for the chart
SIGMOID = get_activation("sigmoid")
Y = "y<sub>pred</sub>"


def partial(top: str, bottom: str) -> str:
    """∂top/∂bottom, as written in the post."""
    return f"∂{top}/∂{bottom}"


@dataclass
class Params:
    sample: str = choice("Alice", [p.name for p in PEOPLE], "the one person trained on")
    weight: str = choice("w1", [*WEIGHTS, *BIASES], "the parameter whose gradient is shown")
    lr: float = ranged(0.1, 0.001, 10.0, "learning rate of the SGD step")


class Backprop(Widget):
    name = "backprop"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        person = next(p for p in PEOPLE if p.name == params.sample)
        self.x = np.array([person.weight, person.height], dtype=float)  # (2,)
        self.y = float(person.gender)
        self.weight = params.weight
        self.reset()

    def reset(self) -> None:
        self.net = Network.from_params(
            [np.ones((2, 2)), np.ones((1, 2))], [np.zeros(2), np.zeros(1)], "sigmoid"
        )
        self.losses = [self.loss()]
        self.steps = 0

    def loss(self) -> float:
        return self.net.loss(self.x, np.array([self.y]), "mse")  # (y_true - y_pred)^2

    def step(self, count: int) -> None:
        for _ in range(count):
            gd_step(self.net, self.x[None, :], np.array([[self.y]]), self.params.lr, "mse")
            self.losses.append(self.loss())
        self.steps += count
        del self.losses[:-MAX_HISTORY]

    def controls(self):
        options = [(k, f"{k[0]}{sub(k[1])}") for k in [*WEIGHTS, *BIASES]]
        return [
            Select("weight", t("gradient of"), options, self.weight),
            Button("step", t("SGD step")),
            Button("step10", t("10 steps")),
            Button("reset", t("Reset"), enabled=self.steps > 0),
        ]

    def on(self, control, value):
        if control == "weight" and value in (*WEIGHTS, *BIASES):
            self.weight = value
        elif control == "step":
            self.step(1)
        elif control == "step10":
            self.step(10)
        elif control == "reset":
            self.reset()

    def factors(self) -> tuple[list[tuple[str, str, float]], float, list, list]:
        """The chain rule for the chosen parameter: rows (symbol, working, value) whose product
        is dL/dparam, that product, and the nodes (layer, i) and edges (layer, i, j) it runs on.
        """
        net, name = self.net, self.weight
        trace = net.forward(self.x)
        layer, i, *rest = WEIGHTS.get(name) or BIASES[name]
        j = rest[0] if rest else None  # None: a bias
        f = chain_rule_factors(net, self.x, self.y, layer, i, j or 0)
        param = f"{name[0]}{sub(name[1])}"
        z_o = float(trace.zs[1][0])  # the output neuron's weighted input
        rows = [(partial("L", Y), f"−2(y<sub>true</sub> − {Y}) = −2({num(self.y, 0)} − "
                 f"{num(float(f.y_pred[0]), 4)})", float(f.dL_dy[0]))]  # fmt: skip
        nodes, edges = [(2, 0)], []
        own = Y  # the neuron the parameter feeds
        if layer == 0:  # a hidden neuron h_i, which reaches y_pred through w5 or w6
            own = NODE[1][i]
            slope = float(SIGMOID.prime(np.array(z_o)))
            rows.append((partial(Y, own), f"w{sub(5 + i)} · σ′({num(z_o, 4)}) = "
                         f"{par(net.weights[1][0, i], 4)} × {num(slope, 4)}",
                         float(f.dy_da[0])))  # fmt: skip
            nodes.append((1, i))
            edges.append((1, 0, i))
        z = float(trace.zs[layer][i])
        slope = float(SIGMOID.prime(np.array(z)))
        if j is None:
            rows.append((partial(own, param), f"σ′({num(z, 4)})", slope))
        else:
            source = par(float(trace.activations[layer][j]), 4 if layer else 0)
            rows.append((partial(own, param), f"{NODE[layer][j]} · σ′({num(z, 4)}) = "
                         f"{source} × {num(slope, 4)}", f.da_dw))  # fmt: skip
            nodes.append((layer, j))
            edges.append((layer, i, j))
        return rows, float(np.prod([v for *_, v in rows])), nodes, edges

    def gradient(self) -> float:
        return self.factors()[1]

    def slots(self):
        rows, grad, nodes, edges = self.factors()
        trace = self.net.forward(self.x)
        pname = f"{self.weight[0]}{sub(self.weight[1])}"
        diagram = value_network(
            [2, 2, 1], self.net.weights, self.net.biases, trace.activations, NODE,
            t("Network for {name}: y_pred = {y}; path of {param} highlighted",
              name=t(self.params.sample), y=f"{trace.output[0]:.4f}", param=self.weight),
            weight_names=[["w₁", "w₂", "w₃", "w₄"], ["w₅", "w₆"]],
            active_nodes=nodes, active_edges=edges, active_bias=BIASES.get(self.weight),
            weight_digits=3,
        )  # fmt: skip
        body = "".join(
            f'<tr><th scope="row">{sym}</th><td class="nn-working">{work}</td>'
            f"<td>{num(v, 4)}</td></tr>"
            for sym, work, v in rows
        )
        chain = " · ".join(sym for sym, *_ in rows)
        table = (
            f'<p class="nn-formula">{partial("L", pname)} = {chain}</p>'
            '<table class="nn-net-table nn-chain"><thead><tr>'
            + "".join(f'<th scope="col">{t(h)}</th>' for h in ("factor", "working", "value"))
            + "</tr></thead>"
            f"<tbody>{body}</tbody><tfoot><tr><th scope=\"row\">{partial('L', pname)}</th>"
            f"<td>{t('product')}</td><td><output class=\"nn-result nn-gradient\">{num(grad, 5)}"
            "</output></td></tr></tfoot></table>"
        )
        y_pred = float(trace.output[0])
        loss = (
            f'<p class="nn-formula">L = (y<sub>true</sub> − {Y})² = ({num(self.y, 0)} − '
            f'{num(y_pred, 4)})² = <output class="nn-result nn-loss-value">'
            f"{num(self.losses[-1], 4)}</output></p>"
            '<p class="nn-net-note">'
            + t("After {n} SGD step (learning rate {lr}), starting from L = {loss}."
                if self.steps == 1 else
                "After {n} SGD steps (learning rate {lr}), starting from L = {loss}.",
                n=self.steps, lr=f"{self.params.lr:g}", loss=num(self.losses[0], 4))
            + "</p>"
        )
        return {"net": diagram, "chain": table, "loss": loss + self.chart()}

    def chart(self) -> str:
        losses = np.array(self.losses)  # (steps + 1,) at most MAX_HISTORY
        first = self.steps + 1 - len(losses)
        steps = np.arange(first, self.steps + 1)
        frame = svg.Frame((first, max(self.steps, first + 10)), (0, 1.2 * max(losses.max(), 1e-9)),
                          width=360, height=150)  # fmt: skip
        return svg.figure(
            frame,
            [svg.axes(frame, t("SGD steps"), t("loss"), 4), svg.polyline(frame, steps, losses),
             svg.circle(frame, self.steps, losses[-1], 4)],
            t("Loss over {n} SGD steps, now {loss}", n=self.steps, loss=f"{losses[-1]:.4f}"),
        )  # fmt: skip

    def announce(self):
        return t(
            "dL/d{param} = {gradient}; loss {loss} after {n} step" if self.steps == 1 else
            "dL/d{param} = {gradient}; loss {loss} after {n} steps", param=self.weight,
            gradient=f"{self.gradient():.5f}", loss=f"{self.losses[-1]:.4f}", n=self.steps)
