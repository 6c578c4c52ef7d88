"""The `regression` widget: train the house line by hand (REFERENCE §1)."""

from __future__ import annotations

import re

import pytest
from nnpress.numerals import num, plus
from nnpress.params import ParamError
from nnpress.widgets import create
from nnpress.widgets._houses import decimals

from sitegen.convert import convert_body
from sitegen.errors import SourceError


def result(widget) -> str:
    """The MSE readout, as the page shows it."""
    return re.search(r'<output class="nn-result">([^<]*)</output>', widget.slots()["readout"])[1]


def cells(table: str) -> list[list[str]]:
    body = table.split("<tbody>")[1].split("</tbody>")[0]
    return [re.findall(r"<td>([^<]*)</td>", row) for row in re.findall(r"<tr[^>]*>.*?</tr>", body)]


def test_defaults_match_the_train_it_by_hand_figure():
    w = create("regression", {})
    weight, bias = w.controls()
    assert (weight.lo, weight.hi, weight.step, weight.value) == (0, 0.4, 0.001, 0)
    assert (bias.lo, bias.hi, bias.step, bias.value) == (0, 460, 1, 0)
    assert result(w) == "134971.67"  # every prediction 0: mean of the squared prices
    assert set(w.slots()) == {"readout", "fit", "diagram", "table"}
    assert w.announce() == "Error 134971.67 at weight 0.000, bias 0"


def test_weight_0_18_gives_the_published_table():
    w = create("regression", {})
    w.on("weight", 0.18)
    rows = cells(w.slots()["table"])
    assert rows[0] == ["2104", "399.9", "378.72", "21.18", "448.59"]
    assert rows[1] == ["1600", "329.9", "288.00", "41.90", "1755.61"]
    assert rows[2] == ["2400", "369.0", "432.00", "\u221263.00", "3969.00"]
    assert "<output>2057.73</output>" in w.slots()["table"]
    assert result(w) == "2057.73"
    assert "2104 \u00d7 0.180 + 0 = <output>378.72</output>" in w.slots()["diagram"]


def test_the_one_weight_model_has_no_bias_slider():
    w = create("regression", {"weight": 0.18, "bias": None})
    assert [c.name for c in w.controls()] == ["weight"]
    assert result(w) == "2057.73"
    w.on("bias", 100)  # no such slider: ignored
    assert result(w) == "2057.73"
    assert "+ bias" not in w.slots()["diagram"]
    assert "2104 \u00d7 0.180 = <output>378.72</output>" in w.slots()["diagram"]
    fixed = create("regression", {"weight": 0.18, "bias": 10, "show_bias": False})
    assert [c.name for c in fixed.controls()] == ["weight"]
    assert "+ 10 = <output>388.72</output>" in fixed.slots()["diagram"]


def test_the_line_and_the_errors_are_drawn():
    w = create("regression", {"weight": 0.18})
    fit = w.slots()["fit"]
    # price = 0.18 * area from (0, 0) to (3000, 540) on a 0..3000 by 0..600 chart
    assert '<line class="curve" x1="40" y1="222" x2="338" y2="33"/>' in fit
    assert fit.count('class="segment"') == 3
    assert fit.count("<circle") == 3
    assert 'aria-label="3 houses, area against price, with the line price = 0.180 × area + 0' in fit
    w.on("weight", 0.4)
    w.on("bias", 460)  # from (0, 460) it leaves the chart's top (600) at area 350
    assert '<line class="curve" x1="40" y1="61" x2="74.8" y2="12"/>' in w.slots()["fit"]
    high = create("regression", {"bias": 700, "bias_max": 1000})
    fit = high.slots()["fit"]
    assert 'class="curve"' not in fit  # all above the chart: not drawn
    assert fit.count('y2="12"/>') == 3  # the errors run to the top edge


def test_sliders_clip_and_ignore_junk():
    w = create("regression", {})
    w.on("weight", 5)
    assert w.model.w == 0.4
    w.on("weight", "not a number")
    w.on("bias", None)
    w.on("bias", float("nan"))
    assert (w.model.w, w.model.b) == (0.4, 0.0)
    assert w.state_payload()["controls"]["weight"]["value"] == 0.4


def test_picking_a_house_traces_it_through_the_diagram():
    w = create("regression", {"weight": 0.18})
    w.on("house", "2")
    slots = w.slots()
    assert "2400 \u00d7 0.180 + 0 = <output>432.00</output>" in slots["diagram"]
    assert 'data-value="2" data-hover aria-pressed="true"' in slots["table"]
    assert 'data-value="0" data-hover aria-pressed="false"' in slots["table"]
    w.on("house", "7")  # only 3 houses
    w.on("house", "x")
    assert w.model.selected == 2


def test_goal_message_turns_into_success_under_799():
    w = create("regression", {"goal": 799, "weight": 0.18})
    assert "Get the error under 799." in w.slots()["readout"]
    w.on("weight", 0.058)
    w.on("bias", 248)
    assert result(w) == "447.38"
    assert "Well done: the error is under 799." in w.slots()["readout"]
    assert w.announce().endswith("goal: under 799, met")


def test_ten_houses_and_hidden_parts():
    w = create("regression", {"houses": 10, "show_table": False, "show_diagram": False})
    assert set(w.slots()) == {"readout", "fit"}
    assert w.slots()["fit"].count("<circle") == 10
    table = create("regression", {"houses": 10}).slots()["table"]
    assert "<td>199.000</td>" not in table and "<td>198.999</td>" in table  # whole dollars


def test_same_params_same_bytes():
    a = create("regression", {"weight": 0.123, "goal": 799}).render_html("nn-regression-1")
    b = create("regression", {"weight": 0.123, "goal": 799}).render_html("nn-regression-1")
    assert a == b


@pytest.mark.parametrize(
    "raw, key",
    [
        ({"houses": 0}, "houses"),
        ({"houses": 11}, "houses"),
        ({"houses": 2.5}, "houses"),
        ({"weight": 0.5}, "weight"),
        ({"weight": "heavy"}, "weight"),
        ({"bias": -1}, "bias"),
        ({"goal": 0}, "goal"),
        ({"weight_min": 0.4}, "weight_min"),
        ({"bias_step": 0}, "bias_step"),
        ({"show_table": "yes"}, "show_table"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_params_name_their_key(raw, key):
    with pytest.raises(ParamError) as info:
        create("regression", raw)
    assert info.value.key == key


def test_a_bad_param_is_a_build_error_on_its_line():
    with pytest.raises(SourceError) as info:
        convert_body("Intro.\n\n```widget regression\nhouses: 3\nweight: 0.9\n```\n", 5)
    assert info.value.line == 9
    assert "'weight' must lie between 0 and 0.4" in info.value.message


def test_number_helpers():
    assert num(-0.001, 2) == "0.00" and num(-1.5, 1) == "\u22121.5"
    assert plus(-3.576, 2) == "\u2212 3.58" and plus(0, 1) == "+ 0.0"
    assert [decimals(s) for s in (1, 0.1, 0.001, 0.0001, 0.25)] == [0, 1, 3, 4, 2]
