"""url_spans reads plain HTML with the fast tag scanner: the same spans as html.parser.

The oracle is html.parser (parsed_url_spans), on every page the example site and the
test site build, on their excerpts, and on text at the edges of the fast path."""

from __future__ import annotations

import pytest

from sitegen.html_urls import NOT_PLAIN_TAGS, parsed_url_spans, url_spans

EDGES = [
    '<p><a href="a.md" title="x > y">one</a> <img src="i.png" alt=\'a "b"\'></p>',
    '<A HREF="Up.md">caps</A><img srcset="a.png 1x, b.png 2x" src=c.png>',
    '<a href="x&amp;y.md">amp</a> <a href="">empty</a> <a name="n">no href</a>',
    "<p>1 < 2 and a<b but <a href='q.md'>q</a></p>", '<video poster="p.png" src=v.mp4></video>',
    "<a\nhref=\"lines.md\"\n>across lines</a>",
]


def pages(site):
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("html", EDGES)
def test_edge_html_reads_the_same(html):
    assert not NOT_PLAIN_TAGS.search(html)
    assert url_spans(html) == parsed_url_spans(html)


def test_every_built_page_and_excerpt_reads_the_same(built_example_site, built_test_site):
    checked = 0
    for site in (built_example_site, built_test_site):
        for path in pages(site):
            html = path.read_text(encoding="utf-8")
            main = html.split('<main id="main">', 1)[-1].split("</main>", 1)[0]
            for part in (html, main, *html.split('<div class="excerpt">')[1:]):
                part = part.split("</div>", 1)[0] if part is not html and part is not main else part
                if not NOT_PLAIN_TAGS.search(part):
                    assert url_spans(part) == parsed_url_spans(part), path
                    checked += 1
    assert checked > 20  # the fast path was taken, and compared
