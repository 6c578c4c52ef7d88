"""The `softmax` widget: scores in, probabilities out, against the "Basics" table."""

from __future__ import annotations

import math
import re
import time

import pytest
from nnpress.params import ParamError
from nnpress.widgets import create

# REFERENCE.md, "Figures checked independently"
REFERENCE = [
    ([2, 4], ["0.1192", "0.8808"]),
    ([-1, 0, 1], ["0.0900", "0.2447", "0.6652"]),
    ([1, 2, 4], ["0.0420", "0.1142", "0.8438"]),
    ([5, 10], ["0.0067", "0.9933"]),
]


def probabilities(html: str) -> list[str]:
    return re.findall(r'<td class="nn-prob">([^<]*)</td>', html)


def test_default_shows_scores_2_and_4():
    w = create("softmax", {})
    html = w.render_html("nn-softmax-1")
    assert probabilities(html) == ["0.1192", "0.8808"]
    assert [c.name for c in w.controls()] == ["z1", "z2"]
    assert 'value="2"' in html and 'value="4"' in html
    assert w.announce() == "softmax(2, 4) = (0.1192, 0.8808)"
    assert 'aria-label="Softmax of scores 2, 4: probabilities 0.1192, 0.8808"' in html
    assert "61.9872" in html  # e^2 + e^4


@pytest.mark.parametrize(("scores", "expected"), REFERENCE)
def test_reference_table_from_params(scores, expected):
    w = create("softmax", {"scores": scores})
    assert probabilities(w.slots()["result"]) == expected


@pytest.mark.parametrize(("scores", "expected"), REFERENCE)
def test_reference_table_by_typing(scores, expected):
    w = create("softmax", {"scores": [0] * len(scores)})
    for i, s in enumerate(scores):
        w.on(f"z{i + 1}", s)
    assert probabilities(w.slots()["result"]) == expected
    # the probabilities agree with the formula written independently
    total = sum(math.exp(s) for s in scores)
    assert [f"{math.exp(s) / total:.4f}" for s in scores] == expected


def test_bars_follow_the_probabilities():
    w = create("softmax", {})
    widths = [float(x) for x in re.findall(r'class="nn-bar" x="74" y="\d+" width="([\d.]+)"',
                                           w.slots()["bars"])]  # fmt: skip
    assert widths == pytest.approx([226 * 0.1192, 226 * 0.8808], abs=0.1)


def test_bad_input_is_ignored_and_big_scores_are_clipped():
    w = create("softmax", {})
    for junk in (None, "", "abc", float("nan"), float("inf")):
        w.on("z1", junk)
    w.on("z9", 3)  # no such class
    w.on("nonsense", 3)
    assert w.scores.tolist() == [2.0, 4.0]
    w.on("z1", 1e6)
    assert w.scores.tolist() == [50.0, 4.0]
    html = w.slots()["result"]
    assert probabilities(html) == ["1.0000", "0.0000"]
    assert "5.185e+21" in html  # e^50, written in scientific notation


@pytest.mark.parametrize(
    ("params", "key", "message"),
    [
        ({"scores": [1]}, "scores", "2 to 6"),
        ({"scores": [1, 2, 3, 4, 5, 6, 7]}, "scores", "2 to 6"),
        ({"scores": [1, "x"]}, "scores", "must be a number"),
        ({"scores": 3}, "scores", "must be a list"),
        ({"scores": [1, 51]}, "scores", "within"),
        ({"score": [1, 2]}, "score", "unknown parameter"),
    ],
)
def test_bad_params_name_the_key(params, key, message):
    with pytest.raises(ParamError, match=message) as err:
        create("softmax", params)
    assert err.value.key == key


def test_same_params_same_bytes():
    a = create("softmax", {"scores": [1, 2, 4]}).render_html("nn-softmax-1")
    b = create("softmax", {"scores": [1, 2, 4]}).render_html("nn-softmax-1")
    assert a == b


def test_typing_a_score_renders_fast():
    w = create("softmax", {"scores": [1, 2, 3, 4, 5, 6]})
    started = time.perf_counter()
    for k in range(100):
        w.on("z3", k / 10)
        w.state_payload()
    per_update = (time.perf_counter() - started) / 100
    assert per_update < 0.016, f"{per_update * 1e3:.2f} ms per update"
