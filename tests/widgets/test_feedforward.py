"""The `feedforward` widget: a neuron and the 2-2-1 network of "From scratch"."""

from __future__ import annotations

import json
import math
import re
import time

import pytest
from nnpress.params import ParamError, params_to_dict
from nnpress.widgets import create


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def by_hand(x, w, b):
    """The 2-2-1 network written out: w is [h1, h2, o1] pairs, b their biases."""
    h = [sigmoid(w[k][0] * x[0] + w[k][1] * x[1] + b[k]) for k in range(2)]
    return h, sigmoid(w[2][0] * h[0] + w[2][1] * h[1] + b[2])


def node_values(svg: str) -> dict[str, str]:
    return dict(re.findall(r'<text x="[^"]*" y="[^"]*" text-anchor="middle">([^<]*)</text>'
                           r'<text class="node-value"[^>]*>([^<]*)</text>', svg))  # fmt: skip


def test_default_network_matches_the_post():
    w = create("feedforward", {})
    html = w.render_html("nn-feedforward-1")
    h, o = by_hand([2, 3], [[0, 1]] * 3, [0, 0, 0])
    assert (f"{h[0]:.4f}", f"{o:.4f}") == ("0.9526", "0.7216")  # REFERENCE §3
    values = node_values(w.slots()["net"])
    assert values == {"x₁": "2.00", "x₂": "3.00", "h₁": "0.9526", "h₂": "0.9526",
                      "o₁": "0.7216"}  # fmt: skip
    assert '<output class="nn-result">0.7216</output>' in html
    assert "h₁ = σ(0.00 × 2.00 + 1.00 × 3.00 + 0.00) = σ(3.0000) = <b>0.9526</b>" in html
    assert w.announce() == "output o₁ = 0.7216"
    assert w.trace().output[0] == pytest.approx(0.7216325609518421, abs=1e-15)
    # fields grouped: the inputs, then each neuron's weights and bias
    assert re.findall(r"<legend>([^<]*)</legend>", html) == [
        "inputs", "neuron h₁", "neuron h₂", "neuron o₁"]  # fmt: skip
    assert len(w.controls()) == 2 + 3 * 3


def test_single_neuron_matches_the_post():
    w = create("feedforward", {"shape": "neuron"})
    assert w.trace().output[0] == pytest.approx(0.9990889488055994, abs=1e-15)
    assert node_values(w.slots()["net"])["y"] == "0.9991"
    assert "y = σ(0.00 × 2.00 + 1.00 × 3.00 + 4.00) = σ(7.0000)" in w.slots()["calculation"]
    assert w.announce() == "output y = 0.9991"
    assert [c.name for c in w.controls()] == ["x1", "x2", "y.w1", "y.w2", "y.b"]


def test_editing_an_input_changes_the_output():
    w = create("feedforward", {})
    w.on("x2", 0)
    h, o = by_hand([2, 0], [[0, 1]] * 3, [0, 0, 0])
    assert f"{o:.4f}" == "0.6225"
    assert w.announce() == f"output o₁ = {o:.4f}"
    assert f'<output class="nn-result">{o:.4f}</output>' in w.slots()["calculation"]


def test_editing_weights_and_biases():
    w = create("feedforward", {})
    edits = {"x1": -1.5, "h1.w1": 0.5, "h1.b": -2, "h2.w2": -0.7, "o1.w1": 2, "o1.b": 0.3}
    for control, value in edits.items():
        w.on(control, value)
    weights = [[0.5, 1], [0, -0.7], [2, 1]]
    h, o = by_hand([-1.5, 3], weights, [-2, 0, 0.3])
    values = node_values(w.slots()["net"])
    assert (values["h₁"], values["h₂"], values["o₁"]) == tuple(f"{v:.4f}" for v in (*h, o))
    assert "b = −2.00" in w.slots()["net"]
    w.on("o1.w3", 5)  # no such field
    w.on("z9.b", 5)
    w.on("x1", "abc")
    w.on("x1", 1e9)  # clipped to the limit
    assert w.x[0] == 100.0


def test_params_set_inputs_weights_and_biases():
    params = {"x": [1, -1], "weights": [[1, 2], [3, 4], [-1, 1]], "biases": [0.5, 0, -0.5]}
    w = create("feedforward", params)
    _, o = by_hand([1, -1], params["weights"], params["biases"])
    assert w.announce() == f"output o₁ = {o:.4f}"
    # the page sends the params back as JSON: the live figure starts identical
    again = create("feedforward", json.loads(json.dumps(params_to_dict(w.params))))
    assert again.render_html("a") == w.render_html("a")


@pytest.mark.parametrize(
    ("params", "key", "message"),
    [
        ({"shape": "deep"}, "shape", "one of"),
        ({"x": [1, 2, 3]}, "x", "2 inputs"),
        ({"weights": [[0, 1]]}, "weights", "3 pair"),
        ({"shape": "neuron", "weights": [[0, 1, 2]]}, "weights", "1 pair"),
        ({"biases": [0, 0]}, "biases", "3 number"),
        ({"x": [1, 101]}, "x", "within"),
        ({"weights": [[0, "a"], [0, 1], [0, 1]]}, "weights", "must be a number"),
    ],
)
def test_bad_params_name_the_key(params, key, message):
    with pytest.raises(ParamError, match=message) as err:
        create("feedforward", params)
    assert err.value.key == key


def test_same_params_same_bytes_and_fast_updates():
    assert create("feedforward", {}).render_html("a") == create("feedforward", {}).render_html("a")
    w = create("feedforward", {})
    started = time.perf_counter()
    for k in range(100):
        w.on("x1", k / 10)
        w.state_payload()
    per_update = (time.perf_counter() - started) / 100
    assert per_update < 0.016, f"{per_update * 1e3:.2f} ms per update"
