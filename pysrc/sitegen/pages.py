"""Read the author's Markdown into plain page records.

A `Page` is data only: templates format it, nothing in it knows about HTML
layout. Reading happens in two steps so that every page's URL is known before
any page is converted (links between posts need it): `read_page` takes the
front matter, `convert.convert_pages` fills in the HTML. Every mistake in a
source file becomes a `BuildError` with its line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from nnpress.params import brief

from . import frontmatter, jekyll
from .content_folder import read_source
from .errors import BuildError, SourceError
from .liquid import render_liquid
from .urls import MORE, output_path, post_url, slugify

JEKYLL_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-(.+)$")
HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


@dataclass
class Page:
    source: Path  # the Markdown file
    slug: str  # the last part of the URL
    title: str
    date: dt.date | None
    tags: list[str]
    description: str
    lang: str
    draft: bool
    translation_of: str = ""  # slug of the original, for a translated post
    body: str = ""  # the Markdown after the front matter
    body_line: int = 1  # the file line the body starts on
    html: str = ""
    excerpt: str = ""  # HTML before <!--more-->, else the first paragraph
    widgets: list[str] = field(default_factory=list)  # widget names used on the page
    styles: dict[str, str] = field(default_factory=dict)  # classes made from style attributes
    translations: list[Page] = field(default_factory=list)  # the same post in other languages
    edition_bytes: int = 0  # size of the post as one file to read offline (0: none yet)
    lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> file line

    @property
    def url(self) -> str:
        """Site-relative, e.g. "posts/sigmoid/" (pretty URLs, stable across title edits)."""
        return post_url(self.slug)

    @property
    def output_path(self) -> str:
        return output_path(self.url)

    @property
    def edition_file(self) -> str:
        """The offline edition, beside the post (the service worker leaves it out)."""
        return f"{self.slug}.offline.html"


def read_page(path: Path, lang_default: str = "en") -> Page:
    text = read_source(path)
    try:
        return _read_page(path, text, lang_default)
    except SourceError as exc:
        raise BuildError(path, exc.line, exc.message) from None


def _read_page(path: Path, text: str, lang_default: str) -> Page:
    fm = frontmatter.split(text)
    meta, at = jekyll.jekyll_meta(fm.data, fm.lines), fm.lines.get
    # Jekyll's Liquid ({{ site.baseurl }}, {% highlight %}, ...) becomes plain Markdown;
    # anything else in {% %} or {{ }} is an error rather than text shown to readers.
    body = render_liquid(fm.body, fm.body_line, meta, site={})
    stem_date, stem = None, path.stem
    if m := JEKYLL_NAME.match(path.stem):
        stem_date, stem = m.group(1), m.group(2)
    title = frontmatter.as_text(meta.get("title"), "title", at("title"))
    if not title and (m := HEADING.search(body)):
        title = m.group(1)
    if not title:
        raise SourceError(1, "no title: add 'title:' to the front matter or a '# Heading'")
    slug = slugify(frontmatter.as_text(meta.get("slug"), "slug", at("slug")) or stem)
    if "date" in meta or not stem_date:
        date = frontmatter.as_date(meta.get("date"), at("date"))
    else:
        try:
            date = frontmatter.as_date(stem_date, None)
        except SourceError as exc:
            raise SourceError(None, f"the date in the file name: {exc.message}") from None
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        raise SourceError(at("draft"), f"draft must be true or false, got {brief(draft)}")
    return Page(
        source=path,
        slug=slug,
        title=title,
        date=date,
        tags=frontmatter.as_tags(meta.get("tags"), at("tags")),
        description=frontmatter.as_text(meta.get("description"), "description", at("description")),
        lang=frontmatter.as_text(meta.get("lang"), "lang", at("lang")) or lang_default,
        draft=draft,
        translation_of=slugify(t) if (t := frontmatter.as_text(
            meta.get("translation_of"), "translation_of", at("translation_of"))) else "",
        body=body,
        body_line=fm.body_line,
        lines=fm.lines,
    )


def read_pages(sources: list[Path], drafts: bool = False) -> list[Page]:
    """Front matter of every post, newest first; slugs checked unique."""
    pages = [read_page(p) for p in sources]
    seen: dict[str, Path] = {}
    for page in pages:
        if page.slug in seen:
            other = seen[page.slug]
            raise BuildError(page.source, 1, f"slug '{page.slug}' is also used by {other}")
        seen[page.slug] = page.source
    pages = [p for p in pages if drafts or not p.draft]
    return sorted(pages, key=lambda p: (p.date or dt.date.min, p.title), reverse=True)


def link_translations(pages: list[Page]) -> None:
    """Join each translated post with its original (and the original's other translations)."""
    by_slug = {p.slug: p for p in pages}
    groups: dict[str, list[Page]] = {}
    for page in pages:
        root = page.translation_of or page.slug
        if page.translation_of and page.translation_of not in by_slug:
            raise BuildError(page.source, page.lines.get("translation_of"),
                             f"translation_of: no post with slug {brief(page.translation_of)}")
        groups.setdefault(root, []).append(page)
    for group in groups.values():
        for page in group:
            page.translations = [p for p in group if p is not page]


def excerpt_of(html: str) -> str:
    """What the index shows: everything before <!--more-->, else the first paragraph."""
    if MORE in html:
        return html.split(MORE, 1)[0].strip()
    m = re.search(r"<p>.*?</p>", html, re.S)
    return m.group(0) if m else ""
