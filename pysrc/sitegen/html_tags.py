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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from html import unescape
from types import MappingProxyType

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
    def attrs(self) -> Mapping[str, str]:
        """Names lowercased, values unescaped; a bare attribute is "". The first of two wins."""
        return attributes(self.text, len(self.name))


@lru_cache(maxsize=4096)  # the same head, header and footer tags on every page of a build
def attributes(text: str, name_length: int) -> Mapping[str, str]:
    """Tag.attrs of the start tag `text` whose name is `name_length` long (read-only: shared)."""
    found: dict[str, str] = {}
    for m in ATTRIBUTE.finditer(text, 1 + name_length, len(text) - 1):
        value = m.group(2) or ""
        value = value[1:-1] if value[:1] in "\"'" else value
        found.setdefault(m.group(1).lower(), unescape(value))
    return MappingProxyType(found)


def start_tags(html: str, at: int = 0) -> Iterator[Tag]:
    """Every start tag of `html` from offset `at`, in order."""
    while m := MARKUP.search(html, at):
        at = m.end()
        if not m.group(1):
            continue
        name = m.group(1).lower()
        yield Tag(m.start(), m.end(), name, m.group(0))
        if name in RAW_TEXT:
            close = RAW_TEXT[name].search(html, at)
            at = close.start() if close else len(html)


def start_tags_named(html: str, names: frozenset[str]) -> Iterator[Tag]:
    """The start tags of `html` named in `names` (lowercase), in order: what `start_tags`
    finds, filtered by name, with the other tags and the text between skipped inside the
    regular expression engine. A page has hundreds of tags (maths alone writes a span per
    symbol) and an offline edition looks at a few dozen."""
    finder = _named_finder(names)
    at = 0
    while m := finder.match(html, at):
        at = m.end()
        if not m.group(1):
            if at < len(html):  # a "<" that starts no tag MARKUP reads: read on as it does
                yield from (tag for tag in start_tags(html, at) if tag.name in names)
            return
        name = m.group(1).lower()
        if name in names:
            yield Tag(m.start(1) - 1, at, name, html[m.start(1) - 1:at])
        if name in RAW_TEXT:
            close = RAW_TEXT[name].search(html, at)
            at = close.start() if close else len(html)


@lru_cache(maxsize=8)
def _named_finder(names: frozenset[str]) -> re.Pattern:
    """Everything up to and including the next start tag named in `names`, read by MARKUP's
    rules (the raw-text elements are among the names, so that their text is skipped).

    Possessive (never given back): the rest of a tag, read as runs of plain characters and
    quoted values (there is one way to read it); and the text skipped, since what follows
    it matches always (the tag wanted, or nothing). A tag's name is not: given back, it can
    start a quoted value, as in MARKUP. A third faster than a character at a time."""
    wanted = "|".join(sorted(map(re.escape, names | RAW_TEXT.keys()), key=len, reverse=True))
    tag_rest = r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+>"""
    skip = (r"""(?:[^<]++|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?/][^>]*+>"""
            rf"""|<(?!(?:{wanted})[\s/>])[a-zA-Z][^\s/>]*{tag_rest}|<(?![a-zA-Z!?/]))*+""")
    return re.compile(rf"""{skip}(?:<((?:{wanted}))(?=[\s/>]){tag_rest})?""", re.S | re.I)


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
