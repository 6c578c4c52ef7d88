"""Links and images as the author wrote them, rewritten for the built site.

An author previews a post on GitHub, so a reference is read the way GitHub
reads it: `../images/a.png` is relative to the Markdown file's folder,
`/images/a.png` is relative to content/, and `other.md#part` is another
post. The built site may be served from any sub-path, so every local
reference becomes a path relative to the page's own URL:

    content/posts/a.md:  ![](../images/a.png)   ->  src="../../images/a.png"
                         [b](b.md#part)         ->  href="../b/#part"

A reference to nothing (no such file, no published post) is a build error
on the line that holds it. External URLs and bare fragments are left alone.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from nnpress.params import brief

from ..errors import SourceError

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
WHAT_IS_MISSING = {"a": "broken link", "img": "missing image"}  # otherwise "missing file"
# One attribute in a start tag: name = "value" | 'value' | value
ATTRIBUTE = re.compile(r"""\s+([^\s/>"'=]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
TAG_NAME = re.compile(r"<[^\s/>]+")
SRCSET_URL = re.compile(r"[\s,]*(\S*)")  # a srcset candidate's URL: no spaces


def is_local(url: str) -> bool:
    """False for what the site cannot check: other sites, mailto:, data:, #fragments."""
    if not url or url.startswith(("#", "?", "//")):
        return False
    return not urlsplit(url).scheme


@dataclass
class LinkResolver:
    """What exists on the built site, to resolve references against.

    A post is linked by its Markdown file; a site URL ("/posts/b/", "/") works too.
    """

    content_dir: Path
    post_urls: dict[Path, str]  # each published post's source file -> its URL, "posts/b/"
    assets: set[str]  # site paths of the files copied from content/, "images/a.png"
    generated: set[str] = field(default_factory=set)  # other pages: "tags/", "feed.xml"

    def __post_init__(self) -> None:
        self.content_dir = self.content_dir.resolve()
        # content-relative source ("posts/b.md") -> URL, so lookups are plain strings
        self._posts = {self.site_path(p): url for p, url in self.post_urls.items()}
        self._urls = set(self._posts.values()) | self.generated | {""}  # "" is the home page

    def fingerprint(self) -> str:
        """A hash of what links are resolved against, for a conversion cache key."""
        facts = [sorted(self._posts.items()), sorted(self.assets), sorted(self.generated)]
        return hashlib.sha256(json.dumps(facts).encode()).hexdigest()

    def site_path(self, source: Path) -> str:
        return source.resolve().relative_to(self.content_dir).as_posix()

    def rewrite(self, url: str, source: Path, page_url: str) -> str:
        """`url` as written in `source`, made relative to `page_url`; ValueError if missing."""
        parts = urlsplit(url)
        path = unquote(parts.path)
        if path.startswith("/"):
            target = posixpath.normpath(path.lstrip("/") or ".")
        else:
            folder = posixpath.dirname(self.site_path(source))
            target = posixpath.normpath(posixpath.join(folder, path))
        target = "" if target == "." else target
        if target == ".." or target.startswith("../"):
            raise ValueError("it points outside the content folder")
        site_url = self._find(target, is_folder=path.endswith("/"))
        relative = quote(relative_url(site_url, page_url), safe="/:@!$&'()*+,;=-._~")
        return relative + (f"?{parts.query}" if parts.query else "") + (
            f"#{parts.fragment}" if parts.fragment else ""
        )

    def _find(self, target: str, is_folder: bool) -> str:
        """The site URL of a content-relative target."""
        if target in self._posts:
            return self._posts[target]
        if target in (self.assets | self.generated) and not is_folder:
            return target
        as_page = "" if target in ("", "index.html") else target.removesuffix("/index.html") + "/"
        if as_page in self._urls:  # already a site URL: "/posts/b/", "/"
            return as_page
        source = f"{self.content_dir.name}/{target}"
        if target.endswith(".md"):
            if (self.content_dir / target).is_file():
                raise ValueError(f"{source} is not a published post (a draft?)")
            raise ValueError(f"there is no post {source}")
        if (self.content_dir / target).is_file():
            raise ValueError(f"{source} is not copied to the site")
        raise ValueError(f"there is no file {source}")


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


class SourceLines(Preprocessor):
    """Keeps the body as written (before any preprocessor), to find error lines in."""

    def run(self, lines: list[str]) -> list[str]:
        self.md.nnpress_source_lines = list(lines)  # type: ignore[attr-defined]
        return lines


class LinkTreeprocessor(Treeprocessor):
    """Rewrites every URL attribute in the tree and in the raw-HTML stash."""

    def __init__(self, md: Markdown, resolver: LinkResolver):
        super().__init__(md)
        self.resolver = resolver

    def run(self, root: etree.Element) -> None:
        page = getattr(self.md, "nnpress_page", None)
        if page is None:  # not a site page (a snippet): nothing to resolve against
            return
        self.source, self.page_url = page
        self.resolver.site_path(self.source)  # a page outside content/ is our bug: fail loudly
        self._rewrite_tree(root)
        stash = self.md.htmlStash.rawHtmlBlocks
        for i, block in enumerate(stash):
            if isinstance(block, etree.Element):  # md_in_html keeps some blocks as elements
                self._rewrite_tree(block)
            else:
                stash[i] = RawHtmlRewriter(self._rewrite).rewrite(str(block))

    def _rewrite_tree(self, root: etree.Element) -> None:
        for el in root.iter():
            for attr in URL_ATTRIBUTES.get(str(el.tag), ()):
                value = el.get(attr)
                if value is not None:
                    el.set(attr, self._rewrite(str(el.tag), attr, value))

    def _rewrite(self, tag: str, attr: str, value: str) -> str:
        if attr == "srcset":  # "a.png 1x, a@2x.png 2x"
            return ", ".join(
                f"{self._rewrite(tag, 'src', url)} {descriptor}".rstrip()
                for url, descriptor in split_srcset(value)
            )
        if not is_local(value):
            return value
        try:
            return self.resolver.rewrite(value, self.source, self.page_url)
        except ValueError as exc:
            what = WHAT_IS_MISSING.get(tag, "missing file")
            raise SourceError(self._line_of(value), f"{what}: {brief(value)} ({exc})") from None

    def _line_of(self, url: str) -> int:
        """The file line that holds `url`: the tree has no line numbers, the text does.

        The first line that mentions it; wrong only if the same URL is also
        written earlier where it is not a link (in a code block, say).
        """
        lines = getattr(self.md, "nnpress_source_lines", [])
        first = getattr(self.md, "nnpress_first_line", 1)
        path = urlsplit(url).path
        for needle in (url, escape(url), path, posixpath.basename(path.rstrip("/"))):
            for n, text in enumerate(lines):
                if needle and needle in text:
                    return first + n
        return first


class RawHtmlRewriter(HTMLParser):
    """Rewrites URL attributes inside a raw HTML string, leaving all else byte for byte."""

    def __init__(self, rewrite: Callable[[str, str, str], str]):
        super().__init__(convert_charrefs=True)
        self._rewrite = rewrite  # (tag, attr, value) -> new value
        self._edits: list[tuple[int, int, int, str]] = []  # (line, start, end, new text)

    def rewrite(self, html: str) -> str:
        self.feed(html)
        self.close()
        if not self._edits:
            return html
        line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        for line, start, end, new in sorted(self._edits, reverse=True):
            at = line_starts[line - 1]
            html = html[: at + start] + new + html[at + end :]
        return html

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = URL_ATTRIBUTES.get(tag, ())
        if not any(name in names and value for name, value in attrs):
            return
        line, col = self.getpos()
        for start, end, name, value in attribute_spans(self.get_starttag_text() or ""):
            if name in names and value:
                new = self._rewrite(tag, name, value)
                if new != value:
                    self._edits.append((line, col + start, col + end, f'"{escape(new)}"'))

    handle_startendtag = handle_starttag


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


class LinkExtension(Extension):
    """Resolves links and images against `resolver`.

    Per page, after `md.reset()` and before `md.convert()`, set
    `md.nnpress_page = (source_path, page_url)`; without it nothing is rewritten.
    """

    def __init__(self, resolver: LinkResolver, **kwargs):
        self.resolver = resolver
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        self.md = md
        md.nnpress_page = None  # type: ignore[attr-defined]
        md.registerExtension(self)
        # First of all preprocessors, so error lines count the text as written.
        md.preprocessors.register(SourceLines(md), "nnpress_source_lines", 100)
        # After 'unescape' (0): the tree is final, every extension's links are in it,
        # and the raw-HTML stash is not put back yet (that is a postprocessor).
        md.treeprocessors.register(LinkTreeprocessor(md, self.resolver), "nnpress_links", -10)

    def reset(self) -> None:
        self.md.nnpress_page = None  # type: ignore[attr-defined]


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

    return RawHtmlRewriter(move).rewrite(html)
