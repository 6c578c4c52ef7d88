"""Runnable code: a Python snippet the reader edits and runs in the page.

    ```python run
    print(2 ** 10)
    ```

The build runs the snippet once under CPython, so the page shows the code
(highlighted) and its output with JavaScript off. Live, the code sits in a
textarea; Run executes it in the page's Python (the Web Worker: the page never
freezes) in a fresh namespace, with numpy and `nnpress.engine` importable.
Reset brings back the author's code and its output. Typing only stores the
code; nothing runs until Run.

Execution happens at build time (`render_html`) and on Run/Reset, never when
the figure is created in the browser: the page already shows the build's
output, and a slow snippet must not hold up the other figures at start-up.
"""

from __future__ import annotations

import io
import random
import sys
import traceback
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from html import escape
from itertools import groupby

import numpy as np

from ..controls import Button, CodeEditor
from ..i18n import t
from ..params import ParamError, ranged
from ..widget import Widget

FILENAME = "<snippet>"  # what tracebacks call the reader's code
OUTPUT_LIMIT = 20_000  # characters of output shown; the rest is only counted
MAX_FRAMES = 6  # traceback frames shown, innermost last
MESSAGE_LIMIT = 120  # characters of the exception quoted in a build error
SEED = 0  # numpy's and Python's global generators restart here on every run
PAGE_TIMEOUT = 30.0  # seconds a run may take in the page unless the block says `timeout=N`
ROWS = (2, 30)  # the textarea fits the code within these many lines


@dataclass
class RunResult:
    output: str  # what the code printed, stdout and stderr interleaved
    error: str = ""  # the traceback's last lines; empty if the code ran through
    message: str = ""  # the exception alone, e.g. "ZeroDivisionError: division by zero"
    line: int | None = None  # the snippet line (from 1) the error points at
    dropped: int = 0  # characters printed beyond OUTPUT_LIMIT

    @property
    def failed(self) -> bool:
        return bool(self.error)


class SnippetError(ParamError):
    """The author's code failed at build time (or was meant to fail and did not)."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message, "code")
        self.line = line  # in the snippet, from 1; None for the block as a whole


class _CappedText(io.TextIOBase):
    """A stdout that keeps the first `limit` characters and counts the rest."""

    def __init__(self, limit: int):
        self.parts: list[str] = []
        self.room = limit
        self.dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        kept = text[: max(self.room, 0)]
        self.parts.append(kept)
        self.room -= len(kept)
        self.dropped += len(text) - len(kept)
        return len(text)

    def getvalue(self) -> str:
        return "".join(self.parts)


@contextmanager
def _isolated() -> Iterator[None]:
    """Keep a snippet's global changes to itself; restart the random generators."""
    np_state, py_state, stdin = np.random.get_state(), random.getstate(), sys.stdin
    np.random.seed(SEED)
    random.seed(SEED)
    sys.stdin = io.StringIO()  # input() ends at once instead of waiting on nothing
    try:
        with np.printoptions(), warnings.catch_warnings():
            warnings.simplefilter("default")
            yield
    finally:
        sys.stdin = stdin
        random.setstate(py_state)
        np.random.set_state(np_state)


def run_snippet(code: str) -> RunResult:
    """Execute `code` in a fresh namespace; capture its output or its error."""
    out = _CappedText(OUTPUT_LIMIT)
    namespace = {"__name__": "__main__"}
    try:
        with _isolated(), redirect_stdout(out), redirect_stderr(out):
            exec(compile(code, FILENAME, "exec", dont_inherit=True), namespace)
    except (Exception, SystemExit) as exc:  # KeyboardInterrupt still stops a build
        error, line = _describe(exc, code.split("\n"))
        message = "".join(traceback.format_exception_only(exc)).strip().split("\n")[-1]
        return RunResult(out.getvalue(), error, message, line, out.dropped)
    return RunResult(out.getvalue(), dropped=out.dropped)


def _describe(exc: BaseException, lines: list[str]) -> tuple[str, int | None]:
    """The traceback's last frames, numbered by snippet line; and the line to blame."""
    only = "".join(traceback.format_exception_only(exc)).rstrip("\n")
    if isinstance(exc, SyntaxError) and exc.filename == FILENAME:
        return only.replace(f'File "{FILENAME}", ', ""), exc.lineno
    frames = traceback.extract_tb(exc.__traceback__)
    first = next((i for i, f in enumerate(frames) if f.filename == FILENAME), len(frames))
    frames = frames[first:]  # drop run_snippet's own frame
    blamed = [f.lineno for f in frames if f.filename == FILENAME]
    entries = []  # one per run of identical frames, as deep recursion makes
    for (filename, lineno, name), run in groupby(frames, lambda f: (f.filename, f.lineno, f.name)):
        if filename == FILENAME:
            entry = f"  line {lineno}, in {name}"
            if lineno and 0 < lineno <= len(lines) and lines[lineno - 1].strip():
                entry += f"\n    {lines[lineno - 1].strip()}"
        else:  # library code: its file's name only, the same on every machine
            base = filename.replace("\\", "/").rsplit("/", 1)[-1]
            entry = f"  {base}, line {lineno}, in {name}"
        repeats = sum(1 for _ in run) - 1
        entries.append(
            entry + (f"\n  [the frame above repeated {repeats:,} more times]" if repeats else "")
        )
    shown = ["Traceback (most recent call last):"]
    if len(entries) > MAX_FRAMES:
        shown.append(f"  ... {len(entries) - MAX_FRAMES} earlier frames")
    shown += entries[-MAX_FRAMES:]
    shown.append(only)
    return "\n".join(shown), (blamed[-1] if blamed else None)


@dataclass
class Params:
    code: str = ""  # the Python to show and run (required)
    rows: int | None = ranged(None, 1, 60, "textarea height in lines; default: fit the code")
    error: bool = False  # the code is meant to raise: show the error instead of failing the build
    # Seconds a run may take, at build time and in the page (where Stop ends it sooner).
    timeout: float | None = ranged(None, 0.1, 3600, "seconds a run may take")

    def check(self) -> None:
        if not self.code.strip():
            raise ParamError("'code' is required: the Python to run", "code")


class Runnable(Widget):
    name = "runnable"
    Params = Params
    isolated = True  # a reader's endless loop must not stop the page's other figures

    def __init__(self, params: Params):
        super().__init__(params)
        self.code = params.code  # what the textarea holds
        self.ran = params.code  # the code whose output the page shows
        self.result: RunResult | None = None  # None: the page still shows the build's output
        self.runs = 0  # presses of Run or Reset, so each one is announced

    def page_timeout(self) -> float:
        return self.params.timeout or PAGE_TIMEOUT

    def rows(self) -> int:
        if self.params.rows is not None:
            return self.params.rows
        lines = self.params.code.rstrip("\n").count("\n") + 1
        return min(max(lines, ROWS[0]), ROWS[1])

    def controls(self):
        return [
            CodeEditor(
                "code", t("Python code, editable; press Run to execute"), self.code, self.rows()
            ),
            Button("run", t("Run")),
            Button("reset", t("Reset")),
        ]

    def on(self, control, value):
        if control == "code":
            self.code = str(value if value is not None else "")
        elif control == "run":
            self.run()
        elif control == "reset":
            self.code = self.params.code
            self.run()

    def run(self) -> RunResult:
        self.result = run_snippet(self.code)
        self.ran = self.code
        self.runs += 1
        return self.result

    def slots(self):
        stale = self.code != self.ran
        status = t("Edited: press Run to see this code's output.") if stale else ""
        return {
            "status": f'<span class="nn-run-status">{status}</span>' if status else "",
            "output": "" if self.result is None else output_html(self.result),
        }

    def announce(self):
        result = self.result
        if result is None or self.runs == 0:
            return ""
        n = self.runs
        if result.failed:
            if result.line:
                return t("Run {n} failed on line {line}: {message}", n=n, line=result.line,
                         message=result.message)
            return t("Run {n} failed: {message}", n=n, message=result.message)
        printed = result.output.rstrip("\n")
        if not printed.strip():
            return t("Run {n} printed nothing", n=n)
        lines = printed.split("\n")
        last = lines[-1][:120]
        if len(lines) == 1:
            return t("Run {n} printed: {last}", n=n, last=last)
        return t("Run {n} printed {count} lines; the last: {last}", n=n, count=len(lines),
                 last=last)

    def arrange(self, controls, slots):
        editor, run, reset = controls["code"], controls["run"], controls["reset"]
        # With JavaScript off (and while Python loads) readers see highlighted code;
        # once the page's Python is ready, CSS swaps in the textarea.
        editor = editor.replace(
            "<textarea ", '<textarea hidden wrap="off" autocapitalize="off" autocomplete="off" ', 1
        )
        return (
            f'<div class="nn-run-code">{highlighted(self.params.code)}{editor}</div>'
            f'<div class="nn-controls">{run}{reset}{slots["status"]}</div>{slots["output"]}'
        )

    def render_html(self, widget_id: str, caption: str = "") -> str:
        """Build time: run the author's code once; an unexpected error fails the build."""
        result = self.result or run_snippet(self.code)
        self.result = result
        if result.failed and not self.params.error:
            where = f" (line {result.line} of the snippet)" if result.line else ""
            message = result.message
            if len(message) > MESSAGE_LIMIT:
                message = message[: MESSAGE_LIMIT - 3] + "..."
            raise SnippetError(
                f"the code raised {message}{where}; if that is the point, mark the "
                "block `python run error` (or set error: true)",
                result.line,
            )
        if self.params.error and not result.failed:
            raise SnippetError("the code is marked as raising an error but ran cleanly", None)
        return super().render_html(widget_id, caption)


def output_html(result: RunResult) -> str:
    """The output box: what was printed, then the error (if any), styled as one."""
    body = escape(result.output)
    if result.dropped:
        note = t("[{n} more characters not shown]", n=f"{result.dropped:,}")
        body += f'<span class="nn-run-note">{note}</span>\n'
    if result.failed:
        if body and not body.endswith("\n"):
            body += "\n"
        body += f'<span class="nn-run-traceback">{escape(result.error)}</span>'
    if not body:
        body = f'<span class="nn-run-note">{t("(no output)")}</span>'
    if result.failed:
        kind = "nn-run-failed"
        label = t("Error on line {line}", line=result.line) if result.line else t("Error")
    else:
        kind, label = "nn-run-ok", t("Output")
    return (
        f'<div class="nn-run-result {kind}"><p class="nn-run-label">{label}</p>'
        f'<pre class="nn-run-output" tabindex="0" role="group" aria-label="{label}">'
        f"<samp>{body.rstrip(chr(10))}</samp></pre></div>"
    )


def highlighted(code: str) -> str:
    """The code as the build's Pygments colours it (build time only; plain if absent)."""
    try:
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import PythonLexer
    except ImportError:  # pragma: no cover - the build always has Pygments
        return f'<div class="highlight nn-run-static"><pre>{escape(code)}</pre></div>'
    html = highlight(code, PythonLexer(), HtmlFormatter(cssclass="highlight nn-run-static"))
    return html.rstrip("\n")
