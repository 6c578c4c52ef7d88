"""What the code of a live cell (```python live) can call, and one run of it.

A cell declares its controls by calling them; each call returns the control's
current value (its default on the first run):

    lr = slider("lr", "Learning rate", 0.001, 1.0, 0.001, default=0.1)
    kind = choice("kind", "Activation", ["sigmoid", "relu"])
    noisy = checkbox("noisy", "Add noise", default=True)
    n = number("n", "Points", default=20, step=1)
    if button("step", "GD step"):   # True on the run its press caused
        state["w"] = state.get("w", 0.0) - lr * grad

`state` is a dict that lasts from one run of the cell to the next. The result
is the value of the last line (a plot, number, text or table, see
`nnpress.results`), or whatever the code passed to `show(...)`. Plotting
helpers (`Plot`, `line_plot`, `scatter_plot`, `heatmap`, `network`) are
there without an import. Every run restarts numpy's and Python's random
generators, so a cell draws the same at build time and in the page.
"""

from __future__ import annotations

import ast
import functools
import random
import re
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .controls import Button, Checkbox, Control, NumberInput, Select, Slider
from .widgets.runnable import FILENAME, OUTPUT_LIMIT, SEED, _CappedText, _describe

CONTROL_NAME = re.compile(r"[A-Za-z_][\w-]{0,40}")
RESERVED = {"__tick__", "live"}  # the binder's animation frame; the announcement slot


@dataclass
class CellRun:
    """One run of a cell: the values it reads, and what it declared and showed."""

    values: dict[str, Any]  # control name -> the reader's value (absent: the default)
    pressed: str | None = None  # the button whose press caused this run
    state: dict = field(default_factory=dict)  # lasts between runs of the cell
    controls: list[Control] = field(default_factory=list)
    shown: list[Any] = field(default_factory=list)
    output: str = ""  # what the code printed
    error: str = ""  # traceback text, numbered by the cell's lines
    message: str = ""  # the exception alone
    line: int | None = None  # the cell line (from 1) the error points at

    @property
    def failed(self) -> bool:
        return bool(self.error)

    def declare(self, control: Control) -> None:
        if not isinstance(control.name, str) or not CONTROL_NAME.fullmatch(control.name):
            raise ValueError(f"control name {control.name!r}: use letters, digits, _ and -")
        if control.name in RESERVED:
            raise ValueError(f"control name {control.name!r} is reserved")
        if any(c.name == control.name for c in self.controls):
            raise ValueError(f"two controls are named {control.name!r}")
        self.controls.append(control)


_run: CellRun | None = None  # the run in progress: where declarations go


def _current() -> CellRun:
    if _run is None:
        raise RuntimeError("controls can only be declared by the code of a live cell")
    return _run


def slider(name: str, label: str, lo: float, hi: float, step: float | None = None,
           default: float | None = None) -> float:
    """A range slider from `lo` to `hi`; returns its value (`default`, else `lo`),
    an int when the bounds, step and default are all ints."""
    run = _current()
    whole = all(isinstance(v, int) for v in (lo, hi, step, 0 if default is None else default))
    lo, hi = float(lo), float(hi)
    if not lo < hi:
        raise ValueError(f"slider {name!r}: min {lo:g} must be below max {hi:g}")
    if step is not None and not float(step) > 0:
        raise ValueError(f"slider {name!r}: step {float(step):g} must be above 0 "
                         "(or leave it out: a hundredth of the range)")
    step = float(step) if step is not None else (hi - lo) / 100
    start = lo if default is None else float(default)
    if not lo <= start <= hi:
        raise ValueError(f"slider {name!r}: default {start:g} is outside min {lo:g} to "
                         f"max {hi:g}")
    value = min(max(float(run.values.get(name, start)), lo), hi)
    if whole:  # whole-number bounds and step: the value is an int (an index, a count)
        value = float(round(value))
    run.declare(Slider(name, label, lo, hi, step, value))
    return int(value) if whole else value


def choice(name: str, label: str, options: list, default: Any = None) -> str:
    """A drop-down of `options` (strings, or (value, text) pairs); returns the value."""
    run = _current()
    pairs = [(str(o[0]), str(o[1])) if isinstance(o, (list, tuple)) else (str(o), str(o))
             for o in options]
    if not pairs:
        raise ValueError(f"choice {name!r} has no options")
    values = [v for v, _ in pairs]
    start = values[0] if default is None else str(default)
    if start not in values:
        raise ValueError(f"choice {name!r}: default {start!r} is not one of {values}")
    value = str(run.values.get(name, start))
    value = value if value in values else start
    run.declare(Select(name, label, pairs, value))
    return value


def checkbox(name: str, label: str, default: bool = False) -> bool:
    run = _current()
    value = bool(run.values.get(name, default))
    run.declare(Checkbox(name, label, value))
    return value


def number(name: str, label: str, default: float = 0.0, step: float = 0.01) -> float:
    """A number field; returns its value (an int if default and step are ints)."""
    run = _current()
    value = run.values.get(name, default)
    try:
        value = float(value)
    except (TypeError, ValueError):
        value = float(default)
    if isinstance(default, int) and isinstance(step, int) and value.is_integer():
        value = int(value)
    run.declare(NumberInput(name, label, value, step))
    return value


def button(name: str, label: str) -> bool:
    """A button; True on the run its press caused, False on every other run."""
    run = _current()
    run.declare(Button(name, label))
    return run.pressed == name


def show(*values: Any) -> None:
    """Show these values below the cell, in order (instead of the last line's value)."""
    _current().shown.extend(values)


def api() -> dict[str, Any]:
    """The names a cell sees without importing anything."""
    from . import plot

    return {"slider": slider, "choice": choice, "checkbox": checkbox, "number": number,
            "button": button, "show": show, "Plot": plot.Plot, "line_plot": plot.line_plot,
            "scatter_plot": plot.scatter_plot, "heatmap": plot.heatmap, "network": plot.network}


@contextmanager
def _seeded() -> Iterator[None]:
    """Restart numpy's and Python's random generators for the run, then put back
    theirs. Lighter than a runnable snippet's isolation: a cell runs on every slider
    move, and saving the warning filters costs more than the cell's own work."""
    np_state, py_state = np.random.get_state(), random.getstate()
    np.random.seed(SEED)
    random.seed(SEED)
    try:
        yield
    finally:
        random.setstate(py_state)
        np.random.set_state(np_state)


@functools.lru_cache(maxsize=64)
def _compiled(code: str):
    """The code without its last line, and that line if it is an expression (whose
    value the cell shows); compiled once per cell, not on every slider move."""
    tree = ast.parse(code, FILENAME)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    body = compile(tree, FILENAME, "exec", dont_inherit=True)
    if last is not None:
        last = compile(ast.Expression(last.value), FILENAME, "eval", dont_inherit=True)
    return body, last


def run_cell(code: str, run: CellRun, namespace: dict[str, Any]) -> CellRun:
    """Execute `code` in `namespace` (shared by the page's cells); fill in `run`."""
    global _run
    namespace.update(api())
    namespace["state"] = run.state
    out = _CappedText(OUTPUT_LIMIT)
    _run = run
    try:
        with _seeded(), redirect_stdout(out), redirect_stderr(out):
            body, last = _compiled(code)
            exec(body, namespace)
            if last is not None:
                value = eval(last, namespace)
                if value is not None:
                    run.shown.append(value)
    except (Exception, SystemExit) as exc:  # KeyboardInterrupt still stops a build
        run.error, run.line = _describe(exc, code.split("\n"))
        run.message = "".join(traceback.format_exception_only(exc)).strip().split("\n")[-1]
    finally:
        _run = None
    run.output = out.getvalue()
    return run
