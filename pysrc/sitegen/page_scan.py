"""What an offline edition looks at in a rendered page: the start tags it may change,
and the classes the page names (for the maths fonts it needs).

A post is made into two editions, its own and the site's, so what is found in a page
is remembered by the page's hash.
"""

from __future__ import annotations

import hashlib
import re

from .html_tags import Tag, start_tags, start_tags_named

# Attributes whose value is the URL of something the page shows, by tag.
EMBEDDED = {"img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
            "audio": ("src",), "track": ("src",), "image": ("href",)}
REWRITTEN = frozenset({"script", "link", "meta", "a", *EMBEDDED})  # others: a style="url(...)"
CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
CLASS_START = 'class="'
CLASS_VALUE = re.compile(r'class="([^"]*)"')  # CLASS_ATTRIBUTE, where a boundary is before each

_scans: dict[bytes, tuple[tuple[Tag, ...], frozenset[str]]] = {}


def scan_page(html: str) -> tuple[tuple[Tag, ...], frozenset[str]]:
    """The start tags of `html` an edition may change (the others it leaves as they are) and
    the classes it names. Remembered: each post is made into two editions, its own and the
    site's, and its start tags (thousands, with maths) are the slow part."""
    key = _scan_key(html)
    found = _scans.get(key)
    if found is None:
        if "url(" in html:  # some tag may have a style="...url(...)" to inline
            tags = tuple(t for t in start_tags(html) if t.name in REWRITTEN or "url(" in t.text)
        else:
            tags = tuple(start_tags_named(html, REWRITTEN))
        if len(_scans) >= 4096:  # a long `serve` session: start again rather than grow
            _scans.clear()
        found = _scans[key] = (tags, frozenset(page_classes(html)))
    return found


def _scan_key(html: str) -> bytes:
    return hashlib.sha1(html.encode("utf-8", "surrogatepass")).digest()


def tags_within(tags: tuple[Tag, ...], start: int, end: int) -> tuple[Tag, ...]:
    """The tags between offsets `start` and `end` of their page, as tags of that slice."""
    return tuple(Tag(t.start - start, t.end - start, t.name, t.text)
                 for t in tags if t.start >= start and t.end <= end)


def page_classes(html: str) -> set[str]:
    """Every class named in `html` (text that looks like a class attribute adds fonts: safe).

    CLASS_ATTRIBUTE starts with a word boundary, which the regular expression engine
    tries at every character (0.3 ms on a post with maths). When each `class="` in the
    page follows a space, as the build writes them, the boundary is before each, and
    the plain text finds the same values ten times faster."""
    if html.count(CLASS_START) == html.count(" " + CLASS_START):
        return set(" ".join(CLASS_VALUE.findall(html)).split())
    return set(" ".join(CLASS_ATTRIBUTE.findall(html)).split())
