"""URLs inside HTML: which attributes hold them, how to change them in raw HTML without
touching anything else, and how a page's relative links move to another page.

Shared by the link checks of the Markdown (markdown_ext/links.py), the listings
(an excerpt shown on the index: `rebase`), the offline editions and `check`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from .html_tags import start_tags_named

# The attributes that hold a URL, by tag. srcset holds several.
URL_ATTRIBUTES = {
    "a": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
}
URL_TAGS = frozenset(URL_ATTRIBUTES)
URL_ATTRIBUTE_NAMES = ("href", "src", "poster")  # srcset holds "src"
# One attribute in a start tag: name = "value" | 'value' | value
ATTRIBUTE = re.compile(r"""\s+([^\s/>"'=]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
TAG_NAME = re.compile(r"<[^\s/>]+")
SRCSET_URL = re.compile(r"[\s,]*(\S*)")  # a srcset candidate's URL: no spaces


def is_local(url: str) -> bool:
    """False for what the site cannot check: other sites, mailto:, data:, #fragments."""
    if not url or url.startswith(("#", "?", "//")):
        return False
    return not urlsplit(url).scheme


def split_srcset(value: str) -> list[tuple[str, str]]:
    """(url, descriptor) pairs of a srcset, split as browsers do: a URL runs to
    the next space (a data: URL may hold commas), a comma right after it or
    after its descriptors ends the candidate."""
    candidates = []
    pos = 0
    while (m := SRCSET_URL.match(value, pos)) and m.group(1):
        url, pos = m.group(1), m.end()
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            end = value.find(",", pos)
            end = len(value) if end < 0 else end
            descriptor, pos = value[pos:end].strip(), end
        candidates.append((url, descriptor))
    return candidates


def relative_url(target: str, page_url: str) -> str:
    """A site URL ("images/a.png", "posts/b/") as seen from the folder `page_url`."""
    here = [p for p in page_url.split("/") if p]
    there = [p for p in target.split("/") if p]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    relative = "/".join(parts) or "."
    return relative + "/" if target.endswith("/") or not target else relative


class _UrlFinder(HTMLParser):
    """Finds where each URL attribute's value is in a raw HTML string."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, int, str, str, str]] = []  # line, start, end, ...

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = URL_ATTRIBUTES.get(tag, ())
        if not any(name in names and value for name, value in attrs):
            return
        line, col = self.getpos()
        for start, end, name, value in attribute_spans(self.get_starttag_text() or ""):
            if name in names and value:
                self.found.append((line, col + start, col + end, tag, name, value))

    handle_startendtag = handle_starttag


UrlSpan = tuple[int, int, str, str, str]  # start, end (of the quoted value), tag, attr, value


# What html.parser reads otherwise than start_tags' four rules: comments, declarations,
# processing instructions, CDATA, and the raw text of script and style.
NOT_PLAIN_TAGS = re.compile(r"<[!?]|<(?:script|style)\b", re.I)


def url_spans(html: str) -> tuple[UrlSpan, ...]:
    """Every URL attribute value in `html`, in document order, by its offsets.

    HTML that names no URL attribute (most of a page's maths and code) has none. HTML
    made of plain tags and text (a converted page's excerpt, say) is read by
    start_tags_named, ten times faster than html.parser, which reads all the rest."""
    if not holds_url_attribute(html):
        return ()
    if not NOT_PLAIN_TAGS.search(html):
        return tuple((tag.start + start, tag.start + end, tag.name, name, value)
                     for tag in start_tags_named(html, URL_TAGS)
                     for start, end, name, value in attribute_spans(tag.text)
                     if name in URL_ATTRIBUTES[tag.name] and value)
    return parsed_url_spans(html)


def holds_url_attribute(html: str) -> bool:
    """Whether `html` holds the name of an attribute in URL_ATTRIBUTES, in any case: the
    parsers read names lowercased, as str.lower does."""
    lowered = html.lower()
    return any(name in lowered for name in URL_ATTRIBUTE_NAMES)


def parsed_url_spans(html: str) -> tuple[UrlSpan, ...]:
    """url_spans(html), read by html.parser whatever `html` holds."""
    finder = _UrlFinder()
    finder.feed(html)
    finder.close()
    line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
    return tuple((line_starts[line - 1] + start, line_starts[line - 1] + end, tag, name, value)
                 for line, start, end, tag, name, value in finder.found)


def rewrite_urls(html: str, rewrite: Callable[[str, str, str], str],
                 spans: tuple[UrlSpan, ...] | None = None) -> str:
    """`html` with each URL attribute value replaced by rewrite(tag, attr, value), all else
    byte for byte. `spans`: url_spans(html), when the caller has it already."""
    edits = []
    for start, end, tag, name, value in url_spans(html) if spans is None else spans:
        new = rewrite(tag, name, value)
        if new != value:
            edits.append((start, end, f'"{escape(new)}"'))
    for start, end, new in reversed(edits):
        html = html[:start] + new + html[end:]
    return html


# An excerpt is moved onto many pages (the index, its tags, the feed): its URL
# positions are found once, by the conversion that made it (convert.py keeps them
# in its cache), and remembered here by the excerpt's text.
_known_spans: dict[str, tuple[UrlSpan, ...]] = {}


def remember_spans(html: str, spans: tuple[UrlSpan, ...] | None = None) -> tuple[UrlSpan, ...]:
    """url_spans(html), remembered for rebase(); `spans`: already known (from a cache)."""
    found = _known_spans.get(html)
    if found is None:
        if len(_known_spans) >= 4096:  # a long `serve` session: start again rather than grow
            _known_spans.clear()
        found = _known_spans[html] = url_spans(html) if spans is None else spans
    return found


def attribute_spans(tag_text: str):
    """(start, end, name, value) of each attribute value in one start tag.

    html.parser gives the values but not where they are, and we must only
    touch the value, so the one tag the parser found is walked once more.
    """
    name = TAG_NAME.match(tag_text)
    for m in ATTRIBUTE.finditer(tag_text, name.end() if name else 0):
        raw = m.group(2)
        value = raw[1:-1] if raw[:1] in "\"'" else raw
        yield m.start(2), m.end(2), m.group(1).lower(), unescape(value)


def rebase(html: str, from_url: str, to_url: str, prefix: str = "") -> str:
    """Move HTML written for the page at `from_url` onto the page at `to_url`.

    Excerpts are rendered for their post but shown on the index, tag pages and
    the feed, so their relative links must be re-pointed. With `prefix` (an
    absolute site URL, for the feed) local links become absolute instead.
    """

    def move(_tag: str, _attr: str, value: str) -> str:
        if not is_local(value) or value.startswith("/"):
            return value
        parts = urlsplit(value)
        target = posixpath.normpath(posixpath.join(from_url, parts.path))
        target = "" if target == "." else target + ("/" if parts.path.endswith("/") else "")
        suffix = (f"?{parts.query}" if parts.query else "") + (
            f"#{parts.fragment}" if parts.fragment else "")
        return (prefix + target if prefix else relative_url(target, to_url)) + suffix

    return rewrite_urls(html, move, remember_spans(html))
