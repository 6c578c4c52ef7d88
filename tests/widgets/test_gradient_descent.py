"""The `gradient-descent` widget: the house line trained step by step (REFERENCE §1)."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from nnpress import browser
from nnpress.params import ParamError
from nnpress.widgets import create
from nnpress.widgets._house_descent import levels

from .heatmaps import layers, painted


def result(widget) -> str:
    return re.search(r'<output class="nn-result">([^<]*)</output>', widget.slots()["readout"])[1]


def test_defaults_start_from_the_one_weight_model():
    w = create("gradient-descent", {})
    names = [c.name for c in w.controls()]
    assert names == ["weight", "bias", "gd-1", "gd-10", "gd-100", "reset"]
    labels = [c.label for c in w.controls()]
    assert labels[2:] == ["GD step", "10 GD steps", "100 GD steps", "Reset"]
    weight, bias = w.controls()[:2]
    assert (weight.lo, weight.hi, weight.step, weight.value) == (0, 0.4, 0.0001, 0.18)
    assert (bias.lo, bias.hi, bias.step, bias.value) == (0, 460, 0.1, 0)
    assert result(w) == "2057.73"
    assert set(w.slots()) == {"readout", "fit", "errors", "surface", "path", "diagram"}


def test_100_steps_clearly_lower_the_error_and_move_the_sliders():
    w = create("gradient-descent", {})
    w.on("gd-100", None)
    assert result(w) == "885.13"
    assert "steps <b>100</b>" in w.slots()["readout"]
    assert w.announce() == "Error 885.13 after 100 steps, at weight 0.1216, bias 117.1"
    controls = w.state_payload()["controls"]
    assert controls["weight"]["value"] == pytest.approx(0.121642, abs=1e-6)
    assert controls["bias"]["value"] == pytest.approx(117.085, abs=1e-3)
    w.on("gd-1", None)
    w.on("gd-10", None)
    assert w.descent.steps == 111
    assert all(np.diff(w.descent.errors) < 0)


def test_many_steps_reach_the_least_squares_fit():
    w = create("gradient-descent", {})
    for _ in range(30):
        w.on("gd-100", None)
    assert w.model.w == pytest.approx(0.0584879, abs=5e-7)
    assert w.model.b == pytest.approx(247.2633, abs=5e-3)
    assert result(w) == "447.29"
    assert "least possible 447.29" in w.slots()["errors"]


def test_moving_a_slider_starts_a_new_path_and_reset_goes_back():
    w = create("gradient-descent", {})
    w.on("gd-100", None)
    w.on("weight", 0.1)
    d = w.descent
    assert d.steps == 0 and d.path == [(0.1, pytest.approx(117.085, abs=1e-3))]
    assert "<polyline" not in w.slots()["path"]  # no steps yet: only the point
    w.on("gd-10", None)
    assert w.slots()["path"].count("<polyline") == 1
    w.on("reset", None)
    assert (d.w, d.b, d.steps) == (0.18, 0.0, 0)
    assert result(w) == "2057.73"


def test_the_heatmap_is_computed_once_and_never_resent():
    browser.forget("gd-test")
    message = {"id": "gd-test", "kind": "gradient-descent", "params": {},
               "events": [{"control": "gd-100", "value": None}]}
    first = json.loads(browser.handle(json.dumps(message)))
    assert "surface" not in first["slots"]  # same as at creation
    assert {"path", "errors", "readout", "fit", "diagram"} <= set(first["slots"])
    message["events"] = [{"control": "weight", "value": 0.2}]
    assert "surface" not in json.loads(browser.handle(json.dumps(message)))["slots"]
    browser.forget("gd-test")


def test_the_heatmap_is_the_error_surface_in_the_themes_ramp():
    w = create("gradient-descent", {})
    base, masks = layers(w.slots()["surface"])
    assert base == "heat-ramp-0"
    assert list(masks) == ["heat-ramp-1", "heat-ramp-2", "heat-ramp-3", "heat-ramp-4"]
    assert all(m.shape == (90, 120) for m in masks.values())  # grey: (rows, cols)
    brightness = painted(w.slots()["surface"]).astype(int).sum(axis=2)
    # the largest error (weight 0.4, bias 460: top right) is darkest; the valley is light
    assert brightness[0, -1] == brightness.min()
    assert brightness.max() >= 3 * 240
    assert "least error" in w.slots()["surface"]


def test_colour_bands_follow_the_log_of_the_error():
    t = levels(np.array([[1.0, 10.0, 100.0, 1000.0]]))[0]
    assert list(t) == sorted(t) and t[0] == 0 and t[-1] == 1  # larger error, further along


def test_a_too_large_learning_rate_stops_with_a_message():
    w = create("gradient-descent", {"learning_rate": 1e-6, "bias_learning_rate": 0.25})
    w.on("gd-100", None)
    assert w.descent.diverged
    assert w.descent.steps < 100
    assert np.isfinite(w.descent.error)
    assert "this learning rate is too large" in w.slots()["readout"]


def test_linear_error_scale_and_hidden_parts():
    w = create("gradient-descent", {"error_scale": "linear", "show_heatmap": False,
                                    "show_chart": False, "show_table": True})
    assert set(w.slots()) == {"readout", "errors", "diagram", "table"}
    assert "error (MSE, linear scale)" in w.slots()["errors"]


def test_slider_render_is_fast():
    import time

    w = create("gradient-descent", {})
    w.on("gd-100", None)
    started = time.perf_counter()
    for i in range(50):
        w.on("weight", 0.1 + i * 0.001)
        w.state_payload()
    assert (time.perf_counter() - started) / 50 < 0.016


@pytest.mark.parametrize(
    "raw, key",
    [
        ({"houses": 2}, "houses"),
        ({"weight": 0.5}, "weight"),
        ({"bias": None}, "bias"),
        ({"learning_rate": 0}, "learning_rate"),
        ({"learning_rate": -1}, "learning_rate"),
        ({"error_scale": "cubic"}, "error_scale"),
        ({"show_heatmap": 1}, "show_heatmap"),
        ({"goal": 799}, "goal"),
    ],
)
def test_bad_params_name_their_key(raw, key):
    with pytest.raises(ParamError) as info:
        create("gradient-descent", raw)
    assert info.value.key == key
