"""A live cell: Python the author writes, which declares its controls and draws its figure.

    ```python live
    lr = slider("lr", "Learning rate", 0.01, 1.0, 0.01, default=0.1)
    xs = np.linspace(0, 10, 200)
    line_plot(xs, np.exp(-lr * xs), "step", "loss")
    ```

The cell runs once when it is created (with its controls' defaults), which
tells it which controls to show, and again whenever a control changes: a
slider only marks the cell stale (the reply runs it once however many moves
piled up), a button press runs it at once (two presses are two steps).

The cells of a page share one namespace (`PAGE`), so a later cell sees the
names an earlier one defined: the build runs them in document order, and the
page creates its figures in document order too. A cell re-runs only itself.
Prose numbers (`{=loss:.2f}` after the cell) are extra slots of the cell,
filled by the binder wherever they are on the page; one that shows a slider's
value can be dragged to move that slider.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from html import escape
from typing import Any

from .. import i18n, live, results, svg
from ..controls import Button, Slider
from ..params import ParamError
from ..widget import Widget
from .runnable import RunResult, highlighted, output_html

PAGE: dict[str, Any] = {"__name__": "__main__"}  # the names the page's cells share
MISSING = "?"  # a prose number whose variable does not exist


def forget_page() -> None:
    """A new page is on screen: its cells start from an empty namespace."""
    PAGE.clear()
    PAGE["__name__"] = "__main__"


@dataclass
class Params:
    code: str = ""  # the cell's Python (required)
    prose: list[str] = field(default_factory=list)  # "name" or "name:format", in text order
    hide_code: bool = False  # show only the controls and the result

    def check(self) -> None:
        if not self.code.strip():
            raise ParamError("'code' is required: the Python of the cell", "code")


class Cell(Widget):
    name = "cell"
    Params = Params

    def __init__(self, params: Params):
        super().__init__(params)
        self.values: dict[str, Any] = {}  # control name -> the reader's value
        self.state: dict = {}  # the cell's `state`, kept between runs
        self.stale = False  # a control changed since the last run
        self.last = self.run()

    def run(self, pressed: str | None = None) -> live.CellRun:
        self.last = live.run_cell(self.params.code, live.CellRun(self.values, pressed, self.state),
                                  PAGE)
        self.stale = False
        return self.last

    def _fresh(self) -> live.CellRun:
        return self.run() if self.stale else self.last

    def on(self, control: str, value: Any) -> None:
        if any(c.name == control and isinstance(c, Button) for c in self.last.controls):
            self._fresh()  # values changed before the press count first
            self.run(pressed=control)
        else:
            self.values[control] = value
            self.stale = True

    def controls(self):
        return self._fresh().controls

    def slots(self) -> dict[str, str]:
        run = self._fresh()
        slots = {"result": self.result_html(run)}
        for i, spec in enumerate(self.params.prose):
            slots[f"p{i}"] = escape(prose_value(spec))
        return slots

    def result_html(self, run: live.CellRun) -> str:
        if run.failed:
            return output_html(RunResult(run.output, run.error, run.message, run.line))
        printed = ""
        if run.output:
            printed = f'<pre class="nn-cell-print"><samp>{escape(run.output.rstrip())}</samp></pre>'
        return printed + "".join(shown_html(i, v) for i, v in enumerate(run.shown))

    def rendered_slots(self) -> dict[str, str]:
        """Only the result sits in the figure; prose numbers live in the text."""
        return {k: v for k, v in super().rendered_slots().items() if k == "result"}

    def arrange(self, controls: dict[str, str], slots: dict[str, str]) -> str:
        code = "" if self.params.hide_code else (
            f'<div class="nn-cell-code">{highlighted(self.params.code)}</div>')
        panel = f'<div class="nn-controls">{"".join(controls.values())}</div>' if controls else ""
        return code + panel + slots["result"]

    def announce(self) -> str:
        run = self.last
        if run.failed:
            if run.line:
                return i18n.t("Error on line {line}: {message}", line=run.line,
                              message=run.message)
            return i18n.t("Error: {message}", message=run.message)
        # The numbers in the prose are not a live region: say them here, with the result.
        numbers = [f"{spec.partition(':')[0]} = {prose_value(spec)}" for spec in self.params.prose]
        return "; ".join([t for t in map(results.describe, run.shown) if t] + numbers)


def shown_html(index: int, value: Any) -> str:
    """One value the cell shows; a figure's ids apart from those of the cell's others (two
    plots of the same heatmap share no mask)."""
    with svg.ids_in(svg.local_id(f"r{index}")):
        return results.result_html(value)


def prose_value(spec: str, strict: bool = False) -> str:
    """The text of a prose number: the variable's value, formatted. A format the
    value does not take shows the plain value (in the page) or raises (strict)."""
    name, _, spec_format = spec.partition(":")
    if name not in PAGE:
        return MISSING
    value = PAGE[name]
    if not spec_format:
        return results.format_number(value) if isinstance(value, (int, float)) else str(value)
    try:
        return format(value, spec_format).replace("-", "\u2212")
    except (TypeError, ValueError):
        if strict:
            raise
        return str(value)


def prerender(codes: list[str], prose: list[str], widget_id: str,
              hide_code: bool = False) -> dict:
    """Build time, in a process of its own: run the page's earlier cells, then this one
    (the last of `codes`); its figure's HTML, or where it failed."""
    forget_page()
    for index, code in enumerate(codes):
        last = index == len(codes) - 1
        cell = Cell(Params(code, prose if last else [], hide_code if last else False))
        if cell.last.failed:
            return {"error": cell.last.message, "line": cell.last.line, "cell": index}
    missing = [s.partition(":")[0] for s in prose if s.partition(":")[0] not in PAGE]
    if missing:
        names = [n for n in PAGE if not n.startswith("_")]
        return {"missing": missing, "close": difflib.get_close_matches(missing[0], names, 1)}
    values = []
    for index, spec in enumerate(prose):
        try:
            values.append(prose_value(spec, strict=True))
        except (TypeError, ValueError) as exc:  # a format the value does not take
            return {"format": f"{type(exc).__name__}: {exc}", "index": index}
    sliders = [c.name for c in cell.last.controls if isinstance(c, Slider)]
    return {"html": cell.render_html(widget_id), "prose": values, "sliders": sliders}
