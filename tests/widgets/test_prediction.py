"""The `prediction` widget: the Titanic neuron, one passenger at a time."""

from __future__ import annotations

import json
import math
import re
import time
from pathlib import Path

import numpy as np
import pytest
from nnpress.engine.titanic import parse_titanic_csv, titanic_accuracy
from nnpress.params import ParamError, params_to_dict
from nnpress.widgets import create
from nnpress.widgets._titanic import FIRST_TEN, MISSING_AGE_FILL
from nnpress.widgets.prediction import ACCURACY

PROJECT = Path(__file__).resolve().parents[2]
CSV = PROJECT / "content" / "data" / "titanic.csv"  # checked by sha256 in tests/test_data.py
W1, W2, B = -0.016852, 0.704039, -0.116309  # published


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


@pytest.fixture(scope="module")
def titanic():
    return parse_titanic_csv(CSV.read_text(encoding="utf-8"))


def test_the_default_rows_are_the_first_ten_of_train_csv(titanic):
    for i, row in enumerate(FIRST_TEN):
        assert row.name == titanic["name"][i]
        assert row.sex == titanic["sex"][i]
        assert row.survived == titanic["survived"][i]
        age = titanic["age"][i]
        assert (row.age is None) if np.isnan(age) else (row.age == age)
    assert [r.age for r in FIRST_TEN].index(None) == 5  # Moran: the one missing age


def test_accuracy_notes_and_fill_value_match_the_data(titanic):
    for missing, text in ACCURACY.items():
        correct, scored = titanic_accuracy(titanic, missing)
        assert text == f"{correct} of {scored} = {100 * correct / scored:.2f}%"
    assert ACCURACY["nan"].endswith("73.20%")  # the published figure
    assert MISSING_AGE_FILL == round(float(np.nanmean(titanic["age"][:600])), 2)


def test_first_passenger_is_shown_with_the_published_weights():
    w = create("prediction", {})
    html = w.render_html("nn-prediction-1")
    p = sigmoid(22 * W1 + 0 * W2 + B)  # Braund, male, 22
    assert f"{p:.4f}" == "0.3806"
    assert '<output class="nn-result">0.3806</output>' in html
    assert "22 × (−0.016852) + 0 × 0.704039 + (−0.116309) = −0.4871" in html
    assert w.announce() == (
        "Braund, Mr. Owen Harris, age 22, male: prediction 0.3806, did not survive"
    )
    assert "73.20%" in html
    # ten rows, each a keyboard-reachable button reporting hover/focus
    buttons = re.findall(r'<button type="button" class="nn-row-button" data-control="passenger" '
                         r'data-value="(\d+)" data-hover', html)  # fmt: skip
    assert buttons == [str(i) for i in range(1, 11)]
    assert html.count('data-control="passenger_row"') == 10
    assert 'aria-pressed="true"' in html and html.count('aria-pressed="true"') == 1


@pytest.mark.parametrize("control", ["passenger", "passenger_row"])
def test_selecting_a_passenger_shows_their_calculation(control):
    w = create("prediction", {})
    w.on(control, "3")  # Heikkinen, Miss. Laina: female, 26, survived
    p = sigmoid(26 * W1 + 1 * W2 + B)
    slots = w.slots()
    assert f'<output class="nn-result">{p:.4f}</output>' in slots["calculation"]
    assert "0.5373" in slots["calculation"] and "survived" in slots["calculation"]
    assert "the model is right ✓" in slots["calculation"]
    assert f">{p:.4f}<" in slots["net"]  # the sigmoid node
    assert f"= {26 * W1:.4f}".replace("-", "−") in slots["net"]  # age × w1 on its edge
    assert 'nn-passenger nn-selected" data-control="passenger_row" data-value="3"' in (
        slots["passengers"]
    )
    assert w.announce().startswith("Heikkinen, Miss. Laina, age 26, female: prediction 0.5373")


def test_every_row_matches_the_formula():
    w = create("prediction", {})
    for i, r in enumerate(FIRST_TEN):
        if r.age is None:
            continue
        assert w.p[i] == pytest.approx(sigmoid(r.age * W1 + r.sex * W2 + B), abs=1e-12)


def test_a_missing_age_is_shown_and_predicts_not_survived():
    w = create("prediction", {})
    w.on("passenger", "6")  # Moran, Mr. James: age missing
    slots = w.slots()
    assert '<td class="nn-age">missing</td>' in slots["passengers"]
    assert "NaN × (−0.016852)" in slots["calculation"]
    assert '<output class="nn-result">did not survive</output>' in slots["calculation"]
    assert "node input nn-missing" in slots["net"]
    assert w.announce() == "Moran, Mr. James, age missing, male: prediction NaN, did not survive"


def test_impute_fills_the_mean_age():
    w = create("prediction", {"missing_age": "impute", "selected": 6})
    p = sigmoid(MISSING_AGE_FILL * W1 + B)
    assert f'<output class="nn-result">{p:.4f}</output>' in w.slots()["calculation"]
    assert "29.78 (mean)" in w.slots()["passengers"]
    assert "73.88%" in w.slots()["calculation"]


def test_inline_passengers_and_other_weights():
    params = {
        "passengers": [{"name": "Ann", "age": 30, "sex": "female", "survived": 1},
                       {"name": "Ben", "age": None, "sex": "male"},
                       {"age": 0.42, "sex": 1}],
        "w_age": 0.1, "w_sex": -1, "bias": 0.5, "selected": 3,
    }  # fmt: skip
    w = create("prediction", params)
    # the page sends the params back as JSON: the live figure starts identical
    again = create("prediction", json.loads(json.dumps(params_to_dict(w.params))))
    assert again.render_html("a") == w.render_html("a")
    p = sigmoid(0.42 * 0.1 + 1 * -1 + 0.5)
    assert f'<output class="nn-result">{p:.4f}</output>' in w.slots()["calculation"]
    assert "passenger 3" in w.slots()["passengers"] and "0.42" in w.slots()["passengers"]
    assert "73.20%" not in w.slots()["calculation"]  # not the published weights
    w.on("passenger", "2")
    assert "Actually" not in w.slots()["calculation"]  # Ben's survival is not given
    w.on("passenger", "4")  # no such row: ignored
    w.on("passenger", "x")
    assert w.selected == 1


@pytest.mark.parametrize(
    ("params", "key", "message"),
    [
        ({"passengers": [{"age": 30, "sex": "other"}]}, "passengers", "sex must be"),
        ({"passengers": [{"age": -1, "sex": "male"}]}, "passengers", "age must be"),
        ({"passengers": [{"age": "old", "sex": "male"}]}, "passengers", "age must be"),
        ({"passengers": [{"sex": "male", "survived": 2}]}, "passengers", "survived must be"),
        ({"passengers": [{"sex": "male", "fare": 7}]}, "passengers", "unknown field"),
        ({"passengers": ["Ann"]}, "passengers", "must be a mapping"),
        ({"passengers": []}, "passengers", "1 to 30 rows"),
        ({"passengers": {"age": 3}}, "passengers", "must be a list"),
        ({"selected": 11}, "selected", "there are 10 rows"),
        ({"selected": 0}, "selected", "at least"),
        ({"w_age": "heavy"}, "w_age", "must be a number"),
        ({"bias": 11}, "bias", "at most"),
        ({"missing_age": "drop"}, "missing_age", "one of"),
    ],
)
def test_bad_params_name_the_key(params, key, message):
    with pytest.raises(ParamError, match=message) as err:
        create("prediction", params)
    assert err.value.key == key


def test_same_params_same_bytes_and_fast_hover():
    assert create("prediction", {}).render_html("a") == create("prediction", {}).render_html("a")
    w = create("prediction", {})
    started = time.perf_counter()
    for k in range(100):
        w.on("passenger_row", str(k % 10 + 1))
        w.state_payload()
    per_update = (time.perf_counter() - started) / 100
    assert per_update < 0.016, f"{per_update * 1e3:.2f} ms per update"
