"""```python live fences, and the prose numbers that follow them.

    ```python live
    lr = slider("lr", "Learning rate", 0.01, 1.0, 0.01, default=0.1)
    loss = 1 / lr
    line_plot(xs, ys)
    ```

    With this rate the loss ends at {=loss:.2f}.

A live fence becomes the `cell` widget (`nnpress.widgets.cell`): its code, its
controls and its result, computed now by running the page's cells in order
in a process of their own under the snippet time limit. `{=name}` or
`{=name:FORMAT}` (a Python format spec, as in f-strings) in the text shows a
variable of the page's cells after the nearest live cell above it, and
changes with that cell's controls; one that shows a slider's value can be dragged
sideways to move the slider. Options follow `live`:

    hide-code  show only the controls and the result
    timeout=N  seconds the build lets the cell run (default: site.yml's
               `snippet_timeout`, else 10)

Both syntaxes are one preprocessor, because a prose number belongs to the
cell above it. It runs before the other fences and keeps every line where it
was, so later error messages still count lines right.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, field
from html import escape

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .. import site_widgets
from ..errors import SourceError
from ..snippet_runner import SnippetFailure, SnippetLimits, call_isolated, timeout_option
from . import fences
from .page_context import PageContext, figure_id, figure_ref

OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?:python3?|py)\s+live(?:\s+(?P<options>.*?))?\s*$")
# A code span or inline maths (left alone), or a prose number: {=name} or {=name:format}
PROSE = re.compile(r"(?P<code>(?P<ticks>`+).+?(?P=ticks)"
                   r"|(?<!\\)\$(?![\s$])(?:\\.|[^\\$])+?(?<!\s)\$(?!\d))"
                   r"|\{=(?P<name>[A-Za-z_]\w*)(?::(?P<format>[^}\s]*))?\}")
OPTIONS = "hide-code, timeout=N"
PRERENDER = "nnpress.widgets.cell:prerender"
MESSAGE_LIMIT = 120  # characters of the exception quoted in a build error
# What the page's Python can import besides the standard library (client/worker.js loads
# numpy and the wheel): a cell importing anything else would build here, then fail in
# every reader's page.
PAGE_PACKAGES = frozenset({"numpy", "nnpress", site_widgets.PACKAGE})


@dataclass
class LiveCell:
    start: int  # index of the opening fence in the page's lines
    close: int  # index of the closing fence
    code: str
    code_line: int  # file line just before the code's first line
    hide_code: bool = False
    timeout: float | None = None
    prose: list[tuple[int, re.Match]] = field(default_factory=list)  # (line index, match)


class LiveCellPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, page: PageContext, limits: SnippetLimits | None = None):
        super().__init__(md)
        self.page = page
        self.limits = limits or SnippetLimits()

    def run(self, lines: list[str]) -> list[str]:
        offset = self.page.first_line
        cells = self.find_cells(lines, offset)
        if not cells:
            return lines
        out = list(lines)
        for k, cell in enumerate(cells):
            widget_id = figure_id("cell", f"cell{k}")
            value = self.prerender(cells[: k + 1], widget_id, offset, cells[k + 1 :])
            html = value["html"]
            # Same number of lines as the fence, so later line numbers stay right.
            block = ["", self.md.htmlStash.store(html), ""]
            out[cell.start : cell.close + 1] = block + [""] * (cell.close + 1 - cell.start - 3)
            for slot, ((index, match), text) in enumerate(zip(cell.prose, value["prose"],
                                                              strict=True)):
                drag = ""  # a slider's own value: drag it to move the slider (binder.js)
                if match["name"] in value.get("sliders", ()):
                    drag = f' data-drag="{match["name"]}" title="Drag to change"'
                span = (f'<span class="nn-prose-number" data-for="{figure_ref(f"cell{k}")}" '
                        f'data-slot="p{slot}"{drag}>{escape(text)}</span>')
                out[index] = out[index].replace(match[0], self.md.htmlStash.store(span), 1)
        return out

    def find_cells(self, lines: list[str], offset: int) -> list[LiveCell]:
        """Every live fence, each with the prose numbers between it and the next."""
        cells: list[LiveCell] = []
        i = 0
        while i < len(lines):
            fence = fences.OPEN.match(lines[i])
            if fence:
                close = fences.find_close(lines, i, fence["fence"])
                opened = OPEN.match(lines[i])
                if opened:
                    cells.append(self.read_cell(lines, i, close, offset, opened["options"] or ""))
                i = close + 1
                continue
            for match in PROSE.finditer(lines[i]):
                if match["code"]:
                    continue
                if not cells:
                    raise SourceError(offset + i, f"{match[0]}: a prose number shows a variable "
                                      "of a ```python live cell, but no live cell comes before it")
                cells[-1].prose.append((i, match))
            i += 1
        return cells

    def read_cell(self, lines: list[str], i: int, close: int, offset: int,
                  options: str) -> LiveCell:
        start = offset + i
        if close >= len(lines):
            raise SourceError(start, "live cell block is never closed")
        body = lines[i + 1 : close]
        first = next((n for n, text in enumerate(body) if text.strip()), len(body))
        code = "\n".join(body[first:]).rstrip()
        if not code:
            raise SourceError(start, "live cell is empty: write the Python it runs")
        cell = LiveCell(i, close, code, start + first)
        check_imports(cell)
        for word in options.split():
            key, _, value = word.partition("=")
            if word == "hide-code":
                cell.hide_code = True
            elif key == "timeout" and (seconds := timeout_option(value, start)) is not None:
                cell.timeout = seconds
            else:
                raise SourceError(start,
                                  f"unknown option '{word}' after `live` (known: {OPTIONS})")
        return cell

    def prerender(self, cells: list[LiveCell], widget_id: str, offset: int,
                  later: list[LiveCell] = ()) -> dict:
        """Run the page's cells up to the last of `cells`, isolated; its HTML and prose.
        (`later`, the cells below, only to say where a name the prose lacks is set.)"""
        cell = cells[-1]
        fence_line = offset + cell.start
        specs = [m["name"] + (f":{m['format']}" if m["format"] else "") for _, m in cell.prose]
        timeout = sum(c.timeout or self.limits.timeout for c in cells)
        try:
            value = call_isolated(PRERENDER, {"codes": [c.code for c in cells], "prose": specs,
                                              "widget_id": widget_id,
                                              "hide_code": cell.hide_code}, timeout)
        except SnippetFailure as exc:
            line = cell.code_line + exc.line if exc.line else fence_line
            hint = ("; allow more with `timeout=N` after `live`, or `snippet_timeout: N` in "
                    "site.yml") if exc.message.startswith("timed out") else ""
            raise SourceError(line, f"live cell: the code {exc.message}{hint}") from None
        if "error" in value:
            failed = cells[value["cell"]]
            line = failed.code_line + value["line"] if value["line"] else offset + failed.start
            message = value["error"]
            if len(message) > MESSAGE_LIMIT:
                message = message[: MESSAGE_LIMIT - 3] + "..."
            unparsed = message.startswith(("SyntaxError", "IndentationError", "TabError"))
            verb = "is not valid Python:" if unparsed else "raised"
            raise SourceError(line, f"live cell: the code {verb} {message}")
        if "missing" in value:
            name = value["missing"][0]
            index = next(i for i, m in cell.prose if m["name"] == name)
            close = value.get("close")
            hint = f" (did you mean {{={close[0]}}}?)" if close else ""
            below = next((c for c in later if name in assigned_names(c.code)), None)
            if below:
                hint = (f"; the live cell at line {offset + below.start} sets it: put the "
                        "number after that cell")
            raise SourceError(offset + index, f"{{={name}}}: no variable '{name}' after the live "
                              f"cell at line {fence_line}{hint}")
        if "format" in value:
            index, match = cell.prose[value["index"]]
            raise SourceError(offset + index, f"{match[0]}: {value['format']}")
        return value


def assigned_names(code: str) -> set[str]:
    """The names a cell's code binds (assignments, imports, defs), read without running it."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).partition(".")[0] for a in node.names)
    return names


def check_imports(cell: LiveCell) -> None:
    """An import the page's Python cannot do is an error at its line (a syntax error is
    left for the run, which reports it the usual way)."""
    try:
        tree = ast.parse(cell.code)
    except (SyntaxError, ValueError):
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.partition(".")[0]
            if top not in sys.stdlib_module_names and top not in PAGE_PACKAGES:
                raise SourceError(cell.code_line + node.lineno,
                                  f"live cell: imports '{top}', which the page's Python does "
                                  "not have (it has the standard library and numpy)")


class LiveCellExtension(Extension):
    """Registers the preprocessor; its figures join the page's in `page.widgets`."""

    def __init__(self, page: PageContext | None = None, limits: SnippetLimits | None = None):
        super().__init__()
        self.page = page or PageContext()
        self.limits = limits

    def extendMarkdown(self, md: Markdown) -> None:
        # Before the runnable (28.5) and widget (28) fences; after display maths (29).
        md.preprocessors.register(LiveCellPreprocessor(md, self.page, self.limits),
                                  "live_cells", 28.7)
        self.page.register_figures(md)
