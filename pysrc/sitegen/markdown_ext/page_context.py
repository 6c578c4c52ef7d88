"""What our Markdown extensions know of the page being converted: one small record.

`convert.make_markdown` makes one `PageContext` and hands it to every extension of its
`Markdown` instance; `convert.convert_body` fills it in before each page. Nothing is
stored on the `Markdown` object itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown
from markdown.postprocessors import Postprocessor

# Where a figure's id goes until the page is complete: figures are found by more than one
# extension (```widget, ```python run), each in its own pass, but numbered in reading order.
# A figure that other elements point at (a live cell's prose numbers) carries a tag, and
# those elements hold a reference to it, filled in with the same id.
FIGURE_ID = "\x1afigure:{name}{tag}\x1a"
FIGURE_ID_PATTERN = re.compile("\x1afigure:([\\w.-]+?)(?:#(\\w+))?\x1a")
FIGURE_REF = "\x1afigref:{tag}\x1a"
FIGURE_REF_PATTERN = re.compile("\x1afigref:(\\w+)\x1a")


@dataclass
class PageContext:
    source: Path | None = None  # the Markdown file; None: not a site page (a test, a snippet)
    url: str = ""  # the page's site-relative URL, "posts/a/"
    first_line: int = 1  # the file line the body starts on (after the front matter)
    widgets: list[str] = field(default_factory=list)  # each figure's widget, in reading order

    def start(self, source: Path | None, url: str, first_line: int) -> None:
        """Begin a new page."""
        self.source, self.url, self.first_line = source, url, first_line
        self.widgets = []

    def register_figures(self, md: Markdown) -> None:
        """Number the page's figures once it is complete (every figure extension calls this;
        registering by name twice keeps one)."""
        md.postprocessors.register(FigureNumbers(md, self), "figure_ids", 5)


class FigureNumbers(Postprocessor):
    """`nn-<name>-<n>` for each figure, n counting the page's figures in reading order.
    After raw HTML is put back (30), so it sees the figures. Ids inside a figure's SVG
    begin with its id (`nn-<name>-<n>-h…`, see nnpress.svg.ids_in): the figure's own id
    comes first in its HTML, so such an id takes the number of the figure before it."""

    def __init__(self, md: Markdown, page: PageContext):
        super().__init__(md)
        self.page = page

    def run(self, text: str) -> str:
        self.page.widgets = []
        tagged: dict[str, str] = {}

        def number(m: re.Match[str]) -> str:
            if text.startswith("-", m.end()):  # an id inside the figure (nnpress.svg.ids_in)
                return f"nn-{m[1]}-{len(self.page.widgets)}"
            self.page.widgets.append(m[1])
            figure = f"nn-{m[1]}-{len(self.page.widgets)}"
            if m[2]:
                tagged[m[2]] = figure
            return figure

        text = FIGURE_ID_PATTERN.sub(number, text)
        # A part of the page alone (the toc extension renders each heading's inner HTML
        # through the postprocessors) may hold a reference without its figure: keep it;
        # the page's own run fills it in.
        return FIGURE_REF_PATTERN.sub(lambda m: tagged.get(m[1], m[0]), text)


def figure_id(name: str, tag: str = "") -> str:
    """The id a figure is rendered with; FigureNumbers makes it `nn-<name>-<n>`. With a
    `tag`, `figure_ref(tag)` elsewhere on the page becomes that same id."""
    return FIGURE_ID.format(name=name, tag=f"#{tag}" if tag else "")


def figure_ref(tag: str) -> str:
    return FIGURE_REF.format(tag=tag)
