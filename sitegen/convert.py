"""Markdown to HTML: the library, its extensions, and ours.

One configured `Markdown` instance is reused for every page (it is reset
between pages). Code is highlighted by Pygments at build time, so readers get
coloured code without any script.
"""

from __future__ import annotations

from dataclasses import dataclass

import markdown

from .markdown_ext.widget_fence import WidgetFenceExtension

PYGMENTS_STYLE = "friendly"


@dataclass
class Converted:
    html: str
    widgets: list[str]  # widget names used, in order


def make_markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            "tables",  # GitHub-style tables
            "pymdownx.superfences",  # fenced code, also nested in lists
            "pymdownx.highlight",  # Pygments, at build time
            "pymdownx.tilde",  # ~~strikethrough~~
            "pymdownx.tasklist",  # - [x] task lists
            "pymdownx.magiclink",  # bare URLs become links
            "md_in_html",  # markdown="1" inside HTML blocks
            "toc",  # heading ids
            WidgetFenceExtension(),
        ],
        extension_configs={
            "pymdownx.highlight": {"use_pygments": True, "css_class": "highlight"},
            "toc": {"permalink": False},
        },
        output_format="html",
    )


def convert(md: markdown.Markdown, body: str, first_line: int) -> Converted:
    """Render one page body; `first_line` is the file line the body starts on."""
    md.reset()
    md.nnpress_first_line = first_line  # type: ignore[attr-defined]
    html = md.convert(body)
    return Converted(html, list(md.nnpress_widgets))  # type: ignore[attr-defined]


def pygments_css() -> str:
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style=PYGMENTS_STYLE).get_style_defs(".highlight")
