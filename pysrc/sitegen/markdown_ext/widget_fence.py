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
from nnpress.widgets import create
from nnpress.widgets.runnable import Runnable

from ..errors import SourceError
from ..snippet_runner import SnippetLimits, prerun
from ..yaml_input import load_yaml

OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*widget\s+(?P<name>[\w.-]+)\s*(?P<rest>.*)$")
ANY_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})")

class WidgetFencePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, limits: SnippetLimits | None = None):
        super().__init__(md)
        self.limits = limits or SnippetLimits()  # for `runnable` figures, run at build time

    def run(self, lines: list[str]) -> list[str]:
        offset = getattr(self.md, "nnpress_first_line", 1)
        out: list[str] = []
        i = 0
        while i < len(lines):
            fence = ANY_FENCE.match(lines[i])
            if not fence:
                out.append(lines[i])
                i += 1
                continue
            close = self._find_close(lines, i, fence["fence"])
            html = self.render_fence(lines, i, close, offset + i)
            if html is None:  # someone else's code block: copy it untouched
                out.extend(lines[i : close + 1])
            else:
                out.extend(["", self.md.htmlStash.store(html), ""])
            i = close + 1
        return out

    def render_fence(self, lines: list[str], i: int, close: int, start: int) -> str | None:
        """The figure for the fenced block opening at lines[i] (file line `start`),
        closing at lines[close] (== len(lines) if never closed); None if not ours."""
        opened = OPEN.match(lines[i])
        if not opened:
            return None
        if close >= len(lines):
            raise SourceError(start, f"widget '{opened['name']}' block is never closed")
        body = "\n".join(lines[i + 1 : close])
        params = self._parse(body, start)
        caption = str(params.pop("caption", "") or "")
        return self._render(opened["name"], params, caption, start, body)

    def _render(self, name: str, params: dict, caption: str, start: int, body: str) -> str:
        """Pre-render the figure; on bad input point at the exact line."""
        try:
            try:
                widget = create(name, params)
            except KeyError as exc:
                raise SourceError(start, exc.args[0]) from None
            if isinstance(widget, Runnable):  # its snippet starts on the line after `code:`
                code_line = param_line(start + 1, body, "code")
                prerun(widget, self.limits.timeout, f"widget '{name}'", start, code_line)
            return widget.render_html(self.next_id(name), caption)
        except ParamError as exc:  # from parsing, or a check only rendering can make
            line = param_line(start + 1, body, exc.key) if exc.key else start
            raise SourceError(line, f"widget '{name}': {exc}") from None

    def next_id(self, name: str) -> str:
        """`nn-<name>-<n>`, n counting every figure on the page so far."""
        used = self.md.nnpress_widgets  # type: ignore[attr-defined]
        used.append(name)
        return f"nn-{name}-{len(used)}"

    @staticmethod
    def _find_close(lines: list[str], start: int, fence: str) -> int:
        for j in range(start + 1, len(lines)):
            stripped = lines[j].strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) == {fence[0]}:
                return j
        return len(lines)

    @staticmethod
    def _parse(body: str, start: int) -> dict[str, Any]:
        last = start + 1 + body.count("\n")  # libyaml may point past the block's end
        params = load_yaml(body, start + 1, "widget parameters", last) if body.strip() else {}
        if not isinstance(params, dict):
            raise SourceError(start + 1, "widget parameters must be 'key: value' lines")
        return params


class WidgetFenceExtension(Extension):
    """Registers the preprocessor; `md.nnpress_widgets` lists the widgets of a page."""

    def __init__(self, limits: SnippetLimits | None = None):
        super().__init__()
        self.limits = limits

    def extendMarkdown(self, md: Markdown) -> None:
        self.md = md
        md.nnpress_widgets = []  # type: ignore[attr-defined]
        md.registerExtension(self)
        # Before fenced code (25) so the block never reaches the highlighter.
        md.preprocessors.register(WidgetFencePreprocessor(md, self.limits), "widget_fence", 28)

    def reset(self) -> None:
        self.md.nnpress_widgets = []  # type: ignore[attr-defined]


def param_line(body_start: int, body: str, key: str) -> int:
    """The file line of `key:` inside a widget block (for error messages)."""
    for n, text in enumerate(body.split("\n"), start=body_start):
        if re.match(rf"^\s*{re.escape(key)}\s*:", text):
            return n
    return body_start
