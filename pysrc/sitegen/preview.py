"""`serve`'s preview: an edited post's page, ahead of the build that follows.

A whole build after an edit takes tens of milliseconds on a small site, more on a large
one: every page is rendered again, every offline edition checked, the site staged and
swapped in. The author waits for one page, the one open in the browser. So when the only
change is to the body of a post, `serve` first converts and renders that post alone with
what the last good build knew (its templates, site, links and neighbours), hands the page
to the dev server to answer with (server.Reloads.previews), tells open pages to reload,
and only then runs the build, whose site replaces the preview when it is written.

The preview is the page the build will write, but for its offline edition's size (the
build's reload brings that). Anything else (front matter that listings show, a new or
removed file, another figure or maths layout, code that runs at build time, an error)
gets no preview: the build handles it, and reports any error, as always.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from . import convert
from .errors import BuildError, SourceError
from .markdown_ext.links import LinkResolver
from .pages import Page, read_page
from .snippet_runner import SNIPPET_BLOCK, SnippetLimits
from .templates import Site, render_post

# What listings, links and other pages show of a post: an edit to any needs the build.
LISTED = ("slug", "title", "date", "tags", "description", "lang", "draft", "translation_of")


@dataclass
class PreviewContext:
    """What the last good build knew that a post's page needs."""

    env: object  # the Jinja environment
    site: Site
    pages: dict[Path, Page]  # by source file, resolved
    links: LinkResolver
    limits: SnippetLimits
    styles: frozenset[str]  # classes in the site's inline-styles.css

    def page(self, source: Path) -> tuple[str, bytes] | None:
        """(output path, bytes) of the post `source` as the build will make it, or None
        when its edit may change more than its own page, or fails."""
        old = self.pages.get(source.resolve())
        if old is None:
            return None
        try:
            page = read_page(old.source)
            if any(getattr(page, name) != getattr(old, name) for name in LISTED):
                return None
            if SNIPPET_BLOCK.search(page.body):
                return None  # the author's code would run twice, up to its time limit
            convert.start_converter(self.links, self.limits)
            entry = convert.convert_body(page.body, page.body_line, str(source), page.url,
                                         page.lang)
        except (BuildError, SourceError, OSError, RecursionError):
            return None  # the build reports it
        convert.fill_page(page, entry)
        if page.widgets != old.widgets or not set(page.styles) <= self.styles:
            return None  # the page's scripts or the site's stylesheet change
        own = {f.name for f in fields(Page)}
        for name, value in vars(old).items():  # its translations, edition size, share card
            if name not in own or name in ("translations", "edition_bytes"):
                setattr(page, name, value)
        return page.output_path, render_post(self.env, self.site, page).encode("utf-8")
