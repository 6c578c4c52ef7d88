"""```python run fences: code the reader can edit and run in the page.

    ```python run
    print(2 ** 10)
    ```

On GitHub the block is ordinary highlighted Python. Here it becomes the
`runnable` widget: the code, its output (computed now, by running it under
the build's CPython) and Run/Reset buttons that run it again in the page's
Python. `py` works as well as `python`, `~~~` as well as backticks. Options
follow `run`:

    error      the code is meant to raise; show its traceback (otherwise a
               snippet that raises fails the build, at the line that raised)
    rows=N     the editor's height in lines (default: fit the code)
    timeout=N  seconds the build lets it run (default: site.yml's
               `snippet_timeout`, else 10); see `sitegen.snippet_runner`

Figures are numbered in reading order with those of ```widget blocks
(`page_context.FigureNumbers`).
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from nnpress.params import ParamError

from ..errors import SourceError
from ..snippet_runner import SnippetLimits, prerun, timeout_option
from . import fences
from .page_context import PageContext, figure_id

OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?:python3?|py)\s+run(?:\s+(?P<options>.*?))?\s*$")
OPTIONS = "error, rows=N, timeout=N"


class RunnableFencePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, page: PageContext, limits: SnippetLimits):
        super().__init__(md)
        self.page = page
        self.limits = limits

    def run(self, lines: list[str]) -> list[str]:
        return fences.replace_blocks(lines, lambda i, close: self.render_fence(lines, i, close),
                                     self.md.htmlStash.store)

    def render_fence(self, lines: list[str], i: int, close: int) -> str | None:
        opened = OPEN.match(lines[i])
        if not opened:
            return None  # a ```widget, or not ours
        start = self.page.first_line + i  # its file line
        if close >= len(lines):
            raise SourceError(start, "runnable code block is never closed")
        body = lines[i + 1 : close]
        first = next((n for n, text in enumerate(body) if text.strip()), len(body))
        params = {"code": "\n".join(body[first:]).rstrip()}  # no blank lines around it
        params.update(self._options(opened["options"] or "", start))
        timeout = params.get("timeout", self.limits.timeout)  # the build's limit, and the page's
        # Here, not above: a site without figures never imports numpy.
        from nnpress.widgets import create
        from nnpress.widgets.runnable import SnippetError

        try:
            widget = create("runnable", params)
            prerun(widget, timeout, "python run block", start, start + first)
            return widget.render_html(figure_id("runnable"))
        except SnippetError as exc:  # the snippet's line 1 is `first` lines after the fence
            line = start + first + exc.line if exc.line else start
            raise SourceError(line, f"python run block: {exc}") from None
        except ParamError as exc:
            raise SourceError(start, f"python run block: {exc}") from None

    @staticmethod
    def _options(text: str, start: int) -> dict:
        params: dict = {}
        for word in text.split():
            key, _, value = word.partition("=")
            if word == "error":
                params["error"] = True
            elif key == "rows" and value.isdigit():
                params["rows"] = int(value)
            elif key == "timeout" and (seconds := timeout_option(value, start)) is not None:
                params["timeout"] = seconds
            else:
                raise SourceError(start, f"unknown option '{word}' after `run` (known: {OPTIONS})")
        return params


class RunnableFenceExtension(Extension):
    """Registers the preprocessor; its figures join the page's in `page.widgets`."""

    def __init__(self, page: PageContext | None = None, limits: SnippetLimits | None = None):
        super().__init__()
        self.page = page or PageContext()
        self.limits = limits or SnippetLimits()

    def extendMarkdown(self, md: Markdown) -> None:
        # After display maths (29), which needs the lines unshifted; before fenced code
        # (25), so these blocks never reach the highlighter.
        md.preprocessors.register(RunnableFencePreprocessor(md, self.page, self.limits),
                                  "runnable_fence", 28.5)
        self.page.register_figures(md)
