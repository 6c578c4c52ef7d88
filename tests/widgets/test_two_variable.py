"""The `two-variable` widget: area and bathrooms over all ten houses (REFERENCE §1)."""

from __future__ import annotations

import re

import pytest
from nnpress.params import ParamError
from nnpress.widgets import create


def result(widget) -> str:
    return re.search(r'<output class="nn-result">([^<]*)</output>', widget.slots()["readout"])[1]


def test_defaults_have_the_reference_sliders():
    w = create("two-variable", {})
    sliders = [c for c in w.controls() if hasattr(c, "lo")]
    assert [(s.name, s.lo, s.hi) for s in sliders] == [
        ("weight1", -0.4, 0.4), ("weight2", -100, 200), ("bias", -100, 300)]
    assert [c.name for c in w.controls()][3:] == ["gd-1", "gd-10", "gd-100", "reset"]
    assert result(w) == "108268.39"  # all predictions 0 over the ten houses
    assert set(w.slots()) == {"readout", "fit", "errors", "diagram"}


def test_gradient_descent_lowers_the_error_step_by_step():
    w = create("two-variable", {})
    w.on("gd-1", None)
    assert result(w) == "4293.99"
    w.on("gd-100", None)
    assert result(w) == "1721.41"
    assert w.descent.steps == 101
    assert w.announce() == ("Error 1721.41 after 101 steps, at weight 1 0.1411, "
                            "weight 2 16.0, bias 6.9")


def test_many_steps_reach_the_published_optimum():
    w = create("two-variable", {})
    for _ in range(60):
        w.on("gd-100", None)
    w1, w2, b = w.values()
    assert w1 == pytest.approx(0.186130, abs=5e-7)
    assert w2 == pytest.approx(-10.0124, abs=5e-4)
    assert b == pytest.approx(3.5754, abs=5e-3)
    assert result(w) == "1406.05"
    assert "least possible 1406.05" in w.slots()["errors"]


def test_the_diagram_has_two_inputs_and_writes_the_sum():
    w = create("two-variable", {"weight1": 0.18, "weight2": -10, "bias": 3.5})
    diagram = w.slots()["diagram"]
    assert diagram.count('<g class="node') == 4  # area, baths, +, price
    assert "\u00d7 0.1800" in diagram and "\u00d7 \u221210.0" in diagram
    # 2104 * 0.18 - 3 * 10 + 3.5 = 352.22
    assert ("2104 \u00d7 0.1800 + 3 \u00d7 \u221210.0 + 3.5 = <output>352.22</output>"
            in diagram)
    assert 'class="edge neg' in diagram and 'class="edge pos' in diagram


def test_a_slider_restarts_the_run_keeping_the_other_values():
    w = create("two-variable", {})
    w.on("gd-10", None)
    before = w.values()
    w.on("weight2", 50)
    assert w.descent.steps == 0
    assert w.values() == [before[0], 50.0, before[2]]
    w.on("weight1", 9)  # clipped to the slider
    assert w.values()[0] == 0.4
    w.on("reset", None)
    assert w.values() == [0.0, 0.0, 0.0]


def test_table_lists_the_ten_houses_and_rows_pick_the_traced_house():
    w = create("two-variable", {"show_table": True})
    table = w.slots()["table"]
    assert table.count('data-control="house"') == 10
    assert "<th scope=\"col\">Bathrooms</th>" in table
    w.on("house", "4")
    assert "3000 \u00d7 0.0000 + 4 \u00d7 0.0" in w.slots()["diagram"]
    assert w.slots()["fit"].count("nn-house-on") == 1


def test_predicted_against_actual_chart():
    w = create("two-variable", {})
    fit = w.slots()["fit"]
    assert fit.count("<circle") == 10 and fit.count('class="segment"') == 10
    assert 'class="nn-diagonal"' in fit
    assert "perfect prediction; error 108268.39" in fit


@pytest.mark.parametrize(
    "raw, key",
    [
        ({"weight1": 0.5}, "weight1"),
        ({"weight2": -101}, "weight2"),
        ({"bias": 301}, "bias"),
        ({"bias": "low"}, "bias"),
        ({"error_scale": "log2"}, "error_scale"),
        ({"houses": 3}, "houses"),
    ],
)
def test_bad_params_name_their_key(raw, key):
    with pytest.raises(ParamError) as info:
        create("two-variable", raw)
    assert info.value.key == key
