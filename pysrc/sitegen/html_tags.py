"""The start tags of a page the build rendered, with where each one is, found fast;
and edits to such a page, as (start, end, new text), made in one pass.

html.parser looks at every tag and every character: on a post full of maths (KaTeX
writes thousands of spans) that takes 60 ms, and a build remakes the offline edition of
every post. The build wrote these pages, so they are well formed, and four rules find the
same start tags in a few milliseconds: comments, the doctype and end tags are skipped; the
text of <script> and <style> is skipped up to their end tag; an attribute value in quotes
may hold ">". Attributes are read only for the tags asked about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from html import unescape

MARKUP = re.compile(r"""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?/][^>]*>"""
                    r"""|<([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>""", re.S)
# One attribute: a name, then maybe = and a value in "", in '' or bare.
ATTRIBUTE = re.compile(r"""\s*([^\s/>"'=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
RAW_TEXT = {"script": re.compile("</script", re.I), "style": re.compile("</style", re.I)}


@dataclass
class Tag:
    start: int  # offset of "<" in the page
    end: int  # offset after ">"
    name: str  # lowercased
    text: str  # the tag as written

    @cached_property
    def attrs(self) -> dict[str, str]:
        """Names lowercased, values unescaped; a bare attribute is "". The first of two wins."""
        found: dict[str, str] = {}
        for m in ATTRIBUTE.finditer(self.text, 1 + len(self.name), len(self.text) - 1):
            value = m.group(2) or ""
            value = value[1:-1] if value[:1] in "\"'" else value
            found.setdefault(m.group(1).lower(), unescape(value))
        return found


def start_tags(html: str) -> Iterator[Tag]:
    """Every start tag of `html`, in order."""
    at = 0
    while m := MARKUP.search(html, at):
        at = m.end()
        if not m.group(1):
            continue
        name = m.group(1).lower()
        yield Tag(m.start(), m.end(), name, m.group(0))
        if name in RAW_TEXT:
            close = RAW_TEXT[name].search(html, at)
            at = close.start() if close else len(html)


def splice(html: str, edits: list[tuple[int, int, str]]) -> str:
    """`html` with each (start, end, text) of `edits` (in order, not overlapping) made."""
    parts, at = [], 0
    for start, end, text in edits:
        parts += [html[at:start], text]
        at = end
    parts.append(html[at:])
    return "".join(parts)


def removal(html: str, start: int, end: int) -> tuple[int, int, str]:
    """Cut html[start:end], with its line if nothing else is on it."""
    if html[start - 1:start] == "\n" and html[end:end + 1] == "\n":
        end += 1
    return start, end, ""
