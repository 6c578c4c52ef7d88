"""The `network-shape` widget: +/- features and classes redraw a softmax classifier."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest
from nnpress.params import ParamError
from nnpress.widgets import create
from nnpress.widgets.network_shape import BIASES, EXAMPLE, WEIGHTS


def count(html: str, cls: str) -> int:
    return len(re.findall(rf'<g class="node {cls}">', html))


def enabled(w) -> dict[str, bool]:
    return {name: state["enabled"] for name, state in w.state_payload()["controls"].items()}


def test_default_is_two_features_two_classes():
    w = create("network-shape", {})
    html = w.render_html("nn-network-shape-1")
    assert (count(html, "input"), count(html, "score"), count(html, "prob")) == (2, 2, 2)
    assert html.count('class="edge pos') + html.count('class="edge neg') == 4  # 2 x 2 weights
    assert html.count("nn-softmax-box") == 1 and ">softmax</text>" in html
    assert w.announce() == "2 features, 2 classes, 6 parameters"
    assert '<output class="nn-result">6</output>' in html
    # "- class" starts at its minimum: rendered disabled and never enabled by the binder
    assert 'data-control="remove_class" disabled>' in html
    assert 'data-control="add_feature" disabled data-wait>' in html


def test_plus_feature_adds_an_input_node_and_its_weights():
    w = create("network-shape", {})
    w.on("add_feature", None)
    net = w.slots()["net"]
    assert count(net, "input") == 3
    assert "x₃" in net
    assert w.announce() == "3 features, 2 classes, 8 parameters"
    w.on("add_class", None)
    w.on("remove_feature", None)
    assert (w.features, w.classes) == (2, 3)
    assert count(w.slots()["net"], "prob") == 3
    assert w.parameter_count() == 2 * 3 + 3


def test_buttons_stop_at_the_limits():
    w = create("network-shape", {})
    for _ in range(20):
        w.on("add_feature", None)
        w.on("add_class", None)
    assert (w.features, w.classes) == (8, 6)
    assert enabled(w) == {"remove_feature": True, "add_feature": False,
                          "remove_class": True, "add_class": False}  # fmt: skip
    for _ in range(20):
        w.on("remove_feature", None)
        w.on("remove_class", None)
    assert (w.features, w.classes) == (1, 2)
    assert enabled(w)["remove_feature"] is False and enabled(w)["remove_class"] is False
    assert w.announce() == "1 feature, 2 classes, 4 parameters"


def test_author_limits():
    w = create("network-shape", {"features": 3, "max_features": 3, "min_classes": 3,
                                 "classes": 3, "max_classes": 4})  # fmt: skip
    assert enabled(w) == {"remove_feature": True, "add_feature": False,
                          "remove_class": False, "add_class": True}  # fmt: skip
    w.on("add_feature", None)
    w.on("remove_class", None)
    assert (w.features, w.classes) == (3, 3)


def test_probabilities_are_the_softmax_of_the_example_scores():
    w = create("network-shape", {"features": 4, "classes": 3})
    x, z, p = w.example()
    scores = WEIGHTS[:3, :4] @ EXAMPLE[:4] + BIASES[:3]
    expected = np.exp(scores) / np.exp(scores).sum()
    assert p == pytest.approx(expected) and z == pytest.approx(scores)
    assert p.sum() == pytest.approx(1.0)
    shown = re.findall(r'<g class="node prob">.*?node-value[^>]*>([^<]*)<', w.slots()["net"])
    assert shown == [f"{v:.2f}" for v in expected]


@pytest.mark.parametrize(
    ("params", "key"),
    [
        ({"features": 0}, "features"),
        ({"features": 9}, "features"),
        ({"classes": 1}, "classes"),
        ({"classes": 7}, "classes"),
        ({"features": 2.5}, "features"),
        ({"features": 5, "max_features": 4}, "features"),
        ({"min_classes": 5, "max_classes": 4, "classes": 4}, "min_classes"),
        ({"layers": 2}, "layers"),
    ],
)
def test_bad_params_name_the_key(params, key):
    with pytest.raises(ParamError) as err:
        create("network-shape", params)
    assert err.value.key == key


def test_same_params_same_bytes_and_fast_updates():
    assert create("network-shape", {}).render_html("a") == create("network-shape", {}).render_html(
        "a"
    )
    w = create("network-shape", {})
    started = time.perf_counter()
    for k in range(100):
        w.on("add_feature" if k % 16 < 8 else "remove_feature", None)
        w.on("add_class" if k % 12 < 6 else "remove_class", None)
        w.state_payload()
    per_update = (time.perf_counter() - started) / 100
    assert per_update < 0.016, f"{per_update * 1e3:.2f} ms per update"
