"""A page converts the same whether or not the extensions for syntax it lacks are on.

convert.py leaves out the extensions whose syntax a page's text cannot hold
(OPTIONAL_SYNTAX), for speed. The oracle is the converter with every extension:
each page of the example site and the test site, and text made to sit at the edge
of each extension's syntax, must come out byte for byte the same.
"""

from __future__ import annotations

import pytest

from sitegen import site_widgets
from sitegen.content_folder import find_sources
from sitegen.convert import ALL_SYNTAX, make_markdown, syntax_in
from sitegen.markdown_ext.page_context import PageContext
from sitegen.pages import read_page

from .conftest import PROJECT, TEST_SITE

EDGES = [
    "Costs \\$5, or $5 and $6.", "Mail me@example.org or <me@example.org>.",
    "An @ alone, x @ w, and @mention.", "WWW.Example.com and www.example.com/path.",
    "See https://example.org, <https://example.org> and ftp://files.example.org.",
    "~~struck~~ and H~2~O and a ~ tilde.", "`code with $x$ and a@b.c` only in code",
    "```python\nx = a @ b  # www.example.com\n```", "- [x] done\n- [ ] not yet",
    "Plain words, a [link](https://example.org) and *emphasis*.",
    "| a | b |\n|---|---|\n| $x$ | ~y~ |", "<div markdown=\"1\">*in html* user@host.io</div>",
    "Run, running, alive, widgets, live: words only.",
]
PAGES = [read_page(p) for folder in (PROJECT / "content", TEST_SITE)
         for p in find_sources(folder)]


def convert(body: str, syntax: frozenset[str]) -> str:
    page = PageContext()
    page.start(None, "posts/x/", 1)
    return make_markdown(page, syntax=syntax).convert(body)


@pytest.mark.parametrize("body", EDGES)
def test_edge_text_converts_the_same(body):
    assert convert(body, syntax_in(body)) == convert(body, ALL_SYNTAX)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url)
def test_every_page_converts_the_same(page):
    site_widgets.load_site_widgets(PROJECT / "content")  # the example's own widget
    assert convert(page.body, syntax_in(page.body)) == convert(page.body, ALL_SYNTAX)


def test_the_edges_leave_extensions_out():
    """The comparison above means something only if some text goes without some."""
    assert "magiclink" not in syntax_in("An @ alone, x @ w.")
    assert "math" not in syntax_in("Plain words.")
    assert {"magiclink", "tilde", "math"} <= syntax_in("me@example.org ~~x~~ $y$")
