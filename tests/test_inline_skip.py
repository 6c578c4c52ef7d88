"""Inline patterns are skipped on text that cannot hold their matches; the HTML is the same.

The oracle is Markdown's own InlineProcessor, which tries every pattern on every run of
text: each page of the example site and the test site, and text at the edges of each
pattern, must convert byte for byte the same."""

from __future__ import annotations

import pytest
from markdown.treeprocessors import InlineProcessor

from sitegen import site_widgets
from sitegen.content_folder import find_sources
from sitegen.convert import ALL_SYNTAX, make_markdown
from sitegen.markdown_ext.inline_skip import SkippingInlineProcessor, needs_of
from sitegen.markdown_ext.page_context import PageContext
from sitegen.pages import read_page

from .conftest import PROJECT, TEST_SITE

EDGES = [
    "`code` and ``a ` tick`` and \\`not code\\` and \\\\`code after a backslash`",
    "Costs \\$5, or $5 and $6; $x$ and $$y$$ and \\\\$z$.", "a \\* b \\_ c \\[d\\] \\\\",
    "[link](https://example.org) [ref][r] [r] ![img](i.png) ![ref][r] ![r] !not an image\n\n"
    "[r]: https://example.org/r",
    "<https://example.org> <me@example.org> <em>html</em> <!-- note --> <?pi?> a < b > c",
    "line  \nbreak, two spaces then a newline", "&amp; &#169; &#xA9; & alone &nbsp;",
    "*em* _em_ **strong** __strong__ ***both*** snake_case_word 2*3*4",
    "~~struck~~ and a ~ tilde", "*[link *inside*](x.md)* and `*not em*` and <b>*em*</b>",
    "| a | `b|c` | *d* |\n|---|---|---|\n| $x$ | [l](y) | &amp; |",
    "- [x] *done* `code`\n- [ ] <i>not</i> yet\n\n> quoted **bold** & [link](z)",
    "# Heading *em* `code` &amp;\n\nPlain words without any of them.",
    "<div markdown=\"1\">*in html* [l](x) &amp;</div>", "Text\x02klzzwxh:0000\x03 [x]",
]
PAGES = [read_page(p) for folder in (PROJECT / "content", TEST_SITE)
         for p in find_sources(folder)]


def convert(body: str, skipping: bool) -> str:
    page = PageContext()
    page.start(None, "posts/x/", 1)
    md = make_markdown(page, syntax=ALL_SYNTAX)
    assert isinstance(md.treeprocessors["inline"], SkippingInlineProcessor)
    if not skipping:
        md.treeprocessors.register(InlineProcessor(md), "inline", 20)
    return md.convert(body)


@pytest.mark.parametrize("body", EDGES)
def test_edge_text_converts_the_same(body):
    assert convert(body, True) == convert(body, False)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url)
def test_every_page_converts_the_same(page):
    site_widgets.load_site_widgets(PROJECT / "content")  # the example's own widget
    assert convert(page.body, True) == convert(page.body, False)


def test_markdowns_patterns_are_known():
    """A new version of Markdown that writes a pattern otherwise would make it tried
    everywhere again: slower, not wrong. Only magiclink's are left to be always tried."""
    md = make_markdown(syntax=ALL_SYNTAX)
    unknown = {name for name in (item.name for item in md.inlinePatterns._priority)
               if needs_of(md.inlinePatterns[name]) is None}
    assert unknown == {"magic-link", "magic-mail"}
