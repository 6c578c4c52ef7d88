"""The live cell widget: declared controls, re-runs, state, errors, shared names."""

from __future__ import annotations

import numpy as np
import pytest
from nnpress import plot, results
from nnpress.widgets import cell, create

CURVE = """\
lr = slider("lr", "Learning rate", 0.1, 1.0, 0.1, default=0.5)
mode = choice("mode", "Mode", ["exp", "linear"])
noisy = checkbox("noisy", "Noise")
loss = 1 / lr
loss
"""


@pytest.fixture(autouse=True)
def fresh_page():
    cell.forget_page()
    yield
    cell.forget_page()


def make(code: str, prose=()):
    return create("cell", {"code": code, "prose": list(prose)})


def test_the_code_declares_its_controls_with_their_defaults():
    widget = make(CURVE)
    lr, mode, noisy = widget.controls()
    assert (lr.name, lr.label, lr.lo, lr.hi, lr.step, lr.value) == (
        "lr", "Learning rate", 0.1, 1.0, 0.1, 0.5)
    assert (mode.value, mode.options) == ("exp", [("exp", "exp"), ("linear", "linear")])
    assert noisy.value is False
    assert 'type="checkbox"' in widget.render_html("nn-cell-1")
    assert "<output>2</output>" in widget.slots()["result"]


def test_a_control_change_re_runs_the_code_once_with_the_latest_value():
    widget = make("n = slider('n', 'n', 0, 10, 1)\ncalls = globals().get('calls', 0) + 1\nn * 2",
                  ["calls"])
    for value in (3, 4, 7):  # three moves piled up: one run when the reply is built
        widget.handle("n", value)
    payload = widget.state_payload()
    assert "<output>14</output>" in payload["slots"]["result"]
    assert payload["slots"]["p0"] == "2"  # created (1), then one run for the three moves
    assert payload["controls"]["n"]["value"] == 7
    widget.handle("n", 99)  # out of range: clamped, as the slider itself would
    assert "<output>20</output>" in widget.slots()["result"]


def test_buttons_step_state_that_lasts_between_runs():
    widget = make('if button("step", "GD step"):\n'
                  '    state["w"] = state.get("w", 1.0) / 2\n'
                  'w = state.get("w", 1.0)', ["w:.3f"])
    assert widget.slots()["p0"] == "1.000"
    widget.handle("step", None)
    widget.handle("step", None)
    assert widget.slots()["p0"] == "0.250"
    assert widget.announce() == "w = 0.250"  # prose numbers are read out with the result
    widget.handle("unrelated", 1)  # an ordinary re-run does not press the button
    assert widget.slots()["p0"] == "0.250"


def test_cells_of_a_page_share_names_in_document_order():
    make("import numpy as np\nxs = np.arange(4)")
    second = make("total = int(xs.sum())\ntotal", ["total"])
    assert second.slots()["p0"] == "6"
    cell.forget_page()  # the next page starts afresh
    assert "NameError" in make("xs").slots()["result"]


def test_errors_show_in_the_cell_with_the_line():
    widget = make("x = 1\n\ny = x / 0")
    assert widget.last.line == 3
    assert "Error on line 3" in widget.slots()["result"]
    assert widget.announce() == "Error on line 3: ZeroDivisionError: division by zero"


def test_show_and_results_of_every_kind():
    widget = make('show("text", 3.14159, [[1, 2], [3, 4]])\nprint("hi")')
    html = widget.slots()["result"]
    assert '<pre class="nn-cell-print"><samp>hi</samp></pre>' in html
    assert '<p class="nn-cell-text">text</p>' in html and "<output>3.142</output>" in html
    assert html.count("<tr>") == 2
    table = results.result_html(np.eye(2))
    assert table.count("<td>") == 4
    assert results.result_html([{"a": 1, "b": 2}]).count("<th>") == 2
    assert "\u22121.5" in results.result_html(-1.5)


def test_plots_draw_with_the_widgets_svg_kit():
    xs = np.linspace(0, 1, 200)
    svg = plot.line_plot(xs, xs ** 2, "x", "y").scatter([0.5], [0.25], classes=[1]).svg()
    assert svg.startswith('<svg class="nn-svg"') and svg.count("<polyline") == 1
    assert 'class="point class1"' in svg and 'aria-label="Plot of y against x' in svg
    assert "data:image/png;base64," in plot.heatmap(np.zeros((4, 4)), (-1, 1), (-1, 1)).svg()
    assert plot.network([2, 1], [np.array([[0.5, -1.0]])]).svg().count("<line") == 2
    assert 'style="' not in svg  # the pages' Content-Security-Policy forbids it


def test_bad_declarations_are_errors_at_their_line():
    assert make('a = slider("a", "A", 0, 1)\nb = slider("a", "B", 0, 1)').last.line == 2
    assert "reserved" in make('slider("live", "x", 0, 1)').last.message
    assert "below max" in make('slider("a", "A", 1, 1)').last.message
    # An author's slip is named, not clamped or guessed away.
    assert make('slider("a", "A", 0.1, 1.0, 0.1, default=5)').last.message == (
        "ValueError: slider 'a': default 5 is outside min 0.1 to max 1")
    for step in ("0", "-0.1"):
        assert "must be above 0" in make(f'slider("a", "A", 0, 1, {step})').last.message
    assert make('slider("a", "A", 0, 1, default=1)').last.controls[0].value == 1


def test_prerender_reports_the_failing_cell_and_missing_names():
    assert cell.prerender(["x = 1", "y = x +\n"], [], "nn-cell-2")["cell"] == 1
    assert cell.prerender(["x = 1"], ["nope"], "nn-cell-1") == {"missing": ["nope"], "close": []}
    assert cell.prerender(["loss = 1"], ["los"], "nn-cell-1")["close"] == ["loss"]
    assert cell.prerender(["x = 's'"], ["x:.2f"], "nn-cell-1")["index"] == 0
    done = cell.prerender(["x = 2.5"], ["x:.1f", "x"], "nn-cell-1")
    assert done["prose"] == ["2.5", "2.5"] and 'id="nn-cell-1"' in done["html"]
