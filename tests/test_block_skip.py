"""Block processors say no at once to blocks without their text; the HTML is the same.

The oracle is Markdown's own processors (and the tables extension's), asked about every
block: each page of the example site and the test site, and blocks at the edges of each
processor's test, must convert byte for byte the same."""

from __future__ import annotations

import pytest
from markdown.extensions.tables import TableProcessor

from sitegen import site_widgets
from sitegen.content_folder import find_sources
from sitegen.convert import ALL_SYNTAX, make_markdown
from sitegen.markdown_ext.block_skip import QUICK, QuickTable
from sitegen.markdown_ext.page_context import PageContext
from sitegen.pages import read_page

from .conftest import PROJECT, TEST_SITE

EDGES = [
    "# Heading\ntext\n## Another ##\n\n#not a heading\n\n####### seven",
    "a > b\n> quoted\n>> nested",
    "Title\n=====\n\nSub\n---\n\ntext\n- not a rule\n\nx\n-", "***\n\n- - -\n\n_ _ _\n\ntext\n---",
    "[r]: https://example.org 'T'\n[s]:\n  https://example.org/s\n\n[r] and [s][] and [x]: y",
    "| a | b |\n|---|:-:|\n| 1 | 2 |\n\na | b\n--|--\n1 | 2\n\n| one |\n| --- |\n| 1 |",
    "text with | a pipe\nand --- dashes\n\n> quote with # hash\n\n    code > # ---",
    "* item\n* item ***\n\n1. one\n2. two\n\n>\n\n#\n\n=\n\n-\n\n]:",
]
PAGES = [read_page(p) for folder in (PROJECT / "content", TEST_SITE)
         for p in find_sources(folder)]


def convert(body: str, quick: bool) -> str:
    page = PageContext()
    page.start(None, "posts/x/", 1)
    md = make_markdown(page, syntax=ALL_SYNTAX)
    processors = md.parser.blockprocessors
    priorities = {item.name: item.priority for item in processors._priority}
    assert all(type(processors[name]) is q for name, (_, _, q) in QUICK.items())
    assert type(processors["table"]) is QuickTable
    if not quick:
        for name, (original, _, _) in QUICK.items():
            processors.register(original(md.parser), name, priorities[name])
        processors.register(TableProcessor(md.parser, processors["table"].config), "table",
                            priorities["table"])
    return md.convert(body)


@pytest.mark.parametrize("body", EDGES)
def test_edge_blocks_convert_the_same(body):
    assert convert(body, True) == convert(body, False)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url)
def test_every_page_converts_the_same(page):
    site_widgets.load_site_widgets(PROJECT / "content")  # the example's own widget
    assert convert(page.body, True) == convert(page.body, False)
