"""An edition is encoded a piece at a time, and its pages are scanned faster: the same
bytes, the same tags, the same classes as before."""

from __future__ import annotations

import re

import pytest

from sitegen import html_tags
from sitegen.edition_shared import ENCODED_ONCE_FROM, pieces, split, utf8
from sitegen.html_tags import RAW_TEXT, splice, start_tags_named
from sitegen.page_scan import CLASS_ATTRIBUTE, REWRITTEN, page_classes

PAGE = '<p class="a">◐ x</p><link href="s.css"><b>b</b><script src="p.js"></script></body>'
EDITS = [(13, 14, "Ω"), (20, 40, "<style>" + "x" * ENCODED_ONCE_FROM + "</style>"),
         (len(PAGE) - 7, len(PAGE) - 7, "𝑥")]


def test_pieces_split_anywhere_encode_as_the_whole():
    found, whole = pieces(PAGE, EDITS), splice(PAGE, EDITS)
    shared: dict[str, bytes] = {}
    assert utf8(found, shared) == whole.encode("utf-8")
    for offset in [*range(60), 1000, *range(len(whole) - 30, len(whole) + 1)]:
        head, tail = split(found, offset)
        assert utf8(head, shared) + utf8(tail, shared) == whole.encode("utf-8")
        assert "".join(text for text, _ in head) == whole[:offset]
    assert len(shared) == 1  # the long new text, encoded once


CLASS_EDGES = ['<p class="a b">', '<p subclass="no" class="yes">', 'class="first"',
               '<p\nclass="after a newline">', '<p data-x="class=&quot;q&quot;" class="r">',
               '<i class="a"class="b">', "no classes"]


@pytest.mark.parametrize("html", CLASS_EDGES)
def test_page_classes_are_the_expressions(html):
    assert page_classes(html) == set(" ".join(CLASS_ATTRIBUTE.findall(html)).split())


def one_character_at_a_time(names: frozenset[str]) -> re.Pattern:
    """html_tags' finder as it was, reading the rest of a tag a character at a time."""
    wanted = "|".join(sorted(map(re.escape, names | RAW_TEXT.keys()), key=len, reverse=True))
    tag_rest = r"""(?:[^>"']|"[^"]*"|'[^']*')*>"""
    skip = (r"""(?:[^<]+|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?/][^>]*>"""
            rf"""|<(?!(?:{wanted})[\s/>])[a-zA-Z][^\s/>]*{tag_rest}|<(?![a-zA-Z!?/]))*""")
    return re.compile(rf"""{skip}(?:<((?:{wanted}))(?=[\s/>]){tag_rest})?""", re.S | re.I)


TAG_EDGES = ['<x\'b "c\'><a href="y">', "<a'b \"c'>", '<x a="1>2" b=\'>\'><img src=q>',
             '<b "unclosed <a href="z">', '<p title="a>b"><!-- <a href=c> --><meta name=d>',
             "<p x='<a href=\"e\">'><script>'<a href=f>'</script><a href=g>", "<a href='h",
             "1 < 2 <3 <a\nhref='lines'\n>x</a>"]


@pytest.mark.parametrize("html", TAG_EDGES)
def test_the_named_finder_finds_what_it_found(html, monkeypatch):
    now = list(start_tags_named(html, REWRITTEN))
    monkeypatch.setattr(html_tags, "_named_finder", one_character_at_a_time)
    assert now == list(start_tags_named(html, REWRITTEN))
