"""```widget NAME fences: an interactive figure declared in Markdown.

    ```widget activation
    function: sigmoid
    x: 2
    ```

The body is YAML (the widget's parameters). On GitHub the block shows as
plain code naming the widget and its settings, so the .md file still reads
sensibly. Here the block is replaced by the figure, pre-rendered by the same
Python that will run it live in the browser.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from nnpress.params import ParamError

from ..errors import SourceError
from ..snippet_runner import SnippetLimits, prerun
from ..yaml_input import load_yaml
from . import fences
from .page_context import PageContext, figure_id

OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*widget\s+(?P<name>[\w.-]+)\s*(?P<rest>.*)$")


class WidgetFencePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, page: PageContext, limits: SnippetLimits):
        super().__init__(md)
        self.page = page
        self.limits = limits  # for `runnable` figures, run at build time

    def run(self, lines: list[str]) -> list[str]:
        return fences.replace_blocks(lines, lambda i, close: self.render_fence(lines, i, close),
                                     self.md.htmlStash.store)

    def render_fence(self, lines: list[str], i: int, close: int) -> str | None:
        """The figure for the fenced block opening at lines[i], closing at lines[close]
        (== len(lines) if never closed); None if not ours."""
        opened = OPEN.match(lines[i])
        if not opened:
            return None
        start = self.page.first_line + i  # its file line
        if close >= len(lines):
            raise SourceError(start, f"widget '{opened['name']}' block is never closed")
        body = "\n".join(lines[i + 1 : close])
        params = parse_params(body, start)
        caption = str(params.pop("caption", "") or "")
        return self.render(opened["name"], params, caption, start, body)

    def render(self, name: str, params: dict, caption: str, start: int, body: str) -> str:
        """Pre-render the figure; on bad input point at the exact line."""
        try:
            try:
                # Here, not above: a site without figures never imports numpy.
                from nnpress.widgets import create
                from nnpress.widgets.runnable import Runnable

                widget = create(name, params)
            except KeyError as exc:
                raise SourceError(start, exc.args[0]) from None
            if isinstance(widget, Runnable):  # its snippet starts on the line after `code:`
                code_line = param_line(start + 1, body, "code")
                prerun(widget, self.limits.timeout, f"widget '{name}'", start, code_line)
            return widget.render_html(figure_id(name), caption)
        except ParamError as exc:  # from parsing, or a check only rendering can make
            line = param_line(start + 1, body, exc.key) if exc.key else start
            raise SourceError(line, f"widget '{name}': {exc}") from None


def parse_params(body: str, start: int) -> dict[str, Any]:
    last = start + 1 + body.count("\n")  # libyaml may point past the block's end
    params = load_yaml(body, start + 1, "widget parameters", last) if body.strip() else {}
    if not isinstance(params, dict):
        raise SourceError(start + 1, "widget parameters must be 'key: value' lines")
    return params


class WidgetFenceExtension(Extension):
    """Registers the preprocessor; the page's figures are listed in `page.widgets`."""

    def __init__(self, page: PageContext | None = None, limits: SnippetLimits | None = None):
        super().__init__()
        self.page = page or PageContext()
        self.limits = limits or SnippetLimits()

    def extendMarkdown(self, md: Markdown) -> None:
        # Before fenced code (25) so the block never reaches the highlighter.
        md.preprocessors.register(WidgetFencePreprocessor(md, self.page, self.limits),
                                  "widget_fence", 28)
        self.page.register_figures(md)


def param_line(body_start: int, body: str, key: str) -> int:
    """The file line of `key:` inside a widget block (for error messages)."""
    for n, text in enumerate(body.split("\n"), start=body_start):
        if re.match(rf"^\s*{re.escape(key)}\s*:", text):
            return n
    return body_start
