"""The `backprop` widget: the chain rule for one weight, and SGD steps on one person."""

from __future__ import annotations

import math
import re
import time

import pytest
from nnpress.params import ParamError
from nnpress.widgets import create

NAMES = ["w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"]


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def loss_by_hand(p: dict[str, float], x1: float, x2: float, y: float) -> float:
    """The post's network written out: h1, h2 from the inputs, o1 from them; (y - o1)^2."""
    h1 = sigmoid(p["w1"] * x1 + p["w2"] * x2 + p["b1"])
    h2 = sigmoid(p["w3"] * x1 + p["w4"] * x2 + p["b2"])
    o1 = sigmoid(p["w5"] * h1 + p["w6"] * h2 + p["b3"])
    return (y - o1) ** 2


def start() -> dict[str, float]:
    return {n: (1.0 if n[0] == "w" else 0.0) for n in NAMES}


def finite_difference(p, name, x1=-2.0, x2=-1.0, y=1.0, eps=1e-6) -> float:
    up, down = dict(p), dict(p)
    up[name] += eps
    down[name] -= eps
    return (loss_by_hand(up, x1, x2, y) - loss_by_hand(down, x1, x2, y)) / (2 * eps)


def factor_values(html: str) -> list[str]:
    return re.findall(r'<td class="nn-working">.*?</td><td>([^<]*)</td>', html)


def test_the_worked_example_for_w1():
    w = create("backprop", {})
    slots = w.slots()
    # REFERENCE §3: dL/dy_pred = -0.952 (-0.9526), dy_pred/dh1 = 0.249, dh1/dw1 = -0.0904
    assert factor_values(slots["chain"]) == ["−0.9526", "0.2494", "−0.0904"]
    assert '<output class="nn-result nn-gradient">0.02147</output>' in slots["chain"]
    assert ">0.0474<" in slots["net"] and ">0.5237<" in slots["net"]  # h1, o1 (0.524)
    assert "−2(1 − 0.5237)" in slots["chain"]
    assert "(1 − 0.5237)² = " in slots["loss"]
    assert w.announce() == "dL/dw1 = 0.02147; loss 0.2269 after 0 steps"
    # the path w1 -> h1 -> w5 -> o1 is highlighted
    assert slots["net"].count('class="node input active"') == 1
    assert slots["net"].count('class="node neuron active"') == 2
    assert slots["net"].count("edge pos  active") == 2


@pytest.mark.parametrize("name", NAMES)
def test_every_product_matches_finite_differences(name):
    w = create("backprop", {"weight": name})
    rows, grad, _, _ = w.factors()
    assert grad == pytest.approx(finite_difference(start(), name), abs=1e-8)
    assert len(rows) == (3 if name in ("w1", "w2", "w3", "w4", "b1", "b2") else 2)


def test_sgd_step_applies_the_full_gradient_and_lowers_the_loss():
    w = create("backprop", {})
    p = start()
    before = loss_by_hand(p, -2, -1, 1)
    assert w.losses[0] == pytest.approx(before)
    w.on("step", None)
    stepped = {n: v - 0.1 * finite_difference(p, n) for n, v in p.items()}
    after = loss_by_hand(stepped, -2, -1, 1)
    assert after < before
    assert w.losses[-1] == pytest.approx(after, abs=1e-9)
    assert w.announce().endswith(f"loss {after:.4f} after 1 step")
    assert f">{after:.4f}</output>" in w.slots()["loss"]
    # the chain rule now uses the new weights: w5 moved from 1
    assert "w₅ = 1.000" in create("backprop", {}).slots()["net"]
    assert "w₅ = 1.001" in w.slots()["net"]
    w.on("step10", None)
    assert w.steps == 11 and w.losses[-1] < after
    assert w.state_payload()["controls"]["reset"]["enabled"] is True
    w.on("reset", None)
    assert w.steps == 0 and w.losses == [pytest.approx(before)]
    assert w.state_payload()["controls"]["reset"]["enabled"] is False


def test_choosing_another_parameter():
    w = create("backprop", {})
    w.on("weight", "w5")
    chain = w.slots()["chain"]
    assert "∂L/∂w₅ = ∂L/∂y<sub>pred</sub> · ∂y<sub>pred</sub>/∂w₅" in chain
    assert '<output class="nn-result nn-gradient">−0.01127</output>' in chain
    w.on("weight", "b3")
    assert w.announce().startswith("dL/db3 = -0.23762")
    assert w.slots()["net"].count('class="nn-bias active"') == 1
    w.on("weight", "w9")  # not an option: ignored
    assert w.weight == "b3"


def test_another_person_and_learning_rate():
    w = create("backprop", {"sample": "Bob", "lr": 1, "weight": "w6"})
    p = start()
    assert w.gradient() == pytest.approx(finite_difference(p, "w6", 25, 6, 0), abs=1e-8)
    w.on("step", None)
    stepped = {n: v - 1.0 * finite_difference(p, n, 25, 6, 0) for n, v in p.items()}
    assert w.losses[-1] == pytest.approx(loss_by_hand(stepped, 25, 6, 0), abs=1e-9)


@pytest.mark.parametrize(
    ("params", "key"),
    [({"sample": "Zed"}, "sample"), ({"weight": "w7"}, "weight"), ({"lr": 0}, "lr"),
     ({"lr": 11}, "lr"), ({"lr": "fast"}, "lr"), ({"epochs": 3}, "epochs")],
)  # fmt: skip
def test_bad_params_name_the_key(params, key):
    with pytest.raises(ParamError) as err:
        create("backprop", params)
    assert err.value.key == key


def test_same_params_same_bytes_and_fast_updates():
    assert create("backprop", {}).render_html("a") == create("backprop", {}).render_html("a")
    w = create("backprop", {})
    started = time.perf_counter()
    for k in range(100):
        w.on("weight", NAMES[k % 9])
        w.on("step", None)
        w.state_payload()
    per_update = (time.perf_counter() - started) / 100
    assert per_update < 0.016, f"{per_update * 1e3:.2f} ms per update"
