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
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from nnpress.params import brief

from ..errors import SourceError
from ..html_urls import URL_ATTRIBUTES, is_local, relative_url, rewrite_urls, split_srcset
from .page_context import PageContext

WHAT_IS_MISSING = {"a": "broken link", "img": "missing image"}  # otherwise "missing file"


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

    @classmethod
    def known(cls, content_dir: Path, posts: dict[str, str], assets: set[str],
              generated: set[str]) -> LinkResolver:
        """A resolver whose posts are given by their paths in content/ ("posts/b.md", as
        `site_path` gives them): no file is looked at (a quick rebuild's, from its record)."""
        resolver = cls(content_dir, {}, assets, generated)
        resolver._posts = dict(posts)
        resolver._urls = set(posts.values()) | resolver.generated | {""}
        return resolver

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


class SourceLines(Preprocessor):
    """Keeps the body as written (before any preprocessor), to find error lines in."""

    def __init__(self, md: Markdown, ext: LinkExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        self.ext.source_lines = list(lines)
        return lines


class LinkTreeprocessor(Treeprocessor):
    """Rewrites every URL attribute in the tree and in the raw-HTML stash."""

    def __init__(self, md: Markdown, ext: LinkExtension):
        super().__init__(md)
        self.ext = ext
        self.resolver = ext.resolver

    def run(self, root: etree.Element) -> None:
        page = self.ext.page
        if page.source is None:  # not a site page (a snippet): nothing to resolve against
            return
        self.source, self.page_url = page.source, page.url
        self.resolver.site_path(self.source)  # a page outside content/ is our bug: fail loudly
        self._rewrite_tree(root)
        stash = self.md.htmlStash.rawHtmlBlocks
        for i, block in enumerate(stash):
            if isinstance(block, etree.Element):  # md_in_html keeps some blocks as elements
                self._rewrite_tree(block)
            else:
                stash[i] = rewrite_urls(str(block), self._rewrite)

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
        lines = self.ext.source_lines
        first = self.ext.page.first_line
        path = urlsplit(url).path
        for needle in (url, escape(url), path, posixpath.basename(path.rstrip("/"))):
            for n, text in enumerate(lines):
                if needle and needle in text:
                    return first + n
        return first


class LinkExtension(Extension):
    """Resolves links and images against `resolver`, for the page `page.source` at
    `page.url`; a page without a source (a snippet) is left as it is."""

    def __init__(self, resolver: LinkResolver, page: PageContext | None = None, **kwargs):
        self.resolver = resolver
        self.page = page or PageContext()
        self.source_lines: list[str] = []  # the page's body as written
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # First of all preprocessors, so error lines count the text as written.
        md.preprocessors.register(SourceLines(md, self), "nnpress_source_lines", 100)
        # After 'unescape' (0): the tree is final, every extension's links are in it,
        # and the raw-HTML stash is not put back yet (that is a postprocessor).
        md.treeprocessors.register(LinkTreeprocessor(md, self), "nnpress_links", -10)
