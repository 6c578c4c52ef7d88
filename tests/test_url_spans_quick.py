"""HTML that names no URL attribute has no URL spans: url_spans says so without reading
its tags, and reads the others as html.parser does."""

from __future__ import annotations

import pytest

from sitegen.html_urls import holds_url_attribute, parsed_url_spans, url_spans

EDGES = [
    '<span class="katex">no URL attribute</span>', '<IMG SrC="caps.png"><a hReF=x>x</a>',
    '<p>href and src as words, <b title="poster">not names</b></p>',
    '<video POSTER="p.png"></video>', "<!-- <a href='in-a-comment'> --><p>x</p>",
    '<script>"<a href=x>"</script><a href="y">y</a>', "",
]


@pytest.mark.parametrize("html", EDGES)
def test_edge_html_reads_as_html_parser_reads_it(html):
    assert url_spans(html) == parsed_url_spans(html)


def test_html_without_url_attributes_is_not_read():
    assert not holds_url_attribute('<span class="mord">x</span>')
    assert holds_url_attribute("<A HREF=x>")
