"""Read the author's Markdown into plain page records.

A `Page` is data only: templates format it, nothing in it knows about HTML
layout. Every mistake in a source file becomes a `BuildError` with its line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown

from . import frontmatter
from .convert import convert
from .errors import BuildError, SourceError

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
    html: str = ""
    widgets: list[str] = field(default_factory=list)  # widget names used on the page
    url: str = ""  # site-relative, e.g. "posts/sigmoid/"

    @property
    def output_path(self) -> str:
        return self.url + "index.html"


def slugify(text: str) -> str:
    slug = re.sub(r"[^\w\s-]", "", text.lower()).strip()
    return re.sub(r"[\s_-]+", "-", slug) or "post"


def read_page(path: Path, md: markdown.Markdown, lang_default: str = "en") -> Page:
    try:
        return _read_page(path, md, lang_default)
    except SourceError as exc:
        raise BuildError(path, exc.line, exc.message) from None
    except UnicodeDecodeError:
        raise BuildError(path, None, "not UTF-8 text") from None


def _read_page(path: Path, md: markdown.Markdown, lang_default: str) -> Page:
    fm = frontmatter.split(path.read_text(encoding="utf-8"))
    meta, at = fm.data, fm.lines.get
    stem_date, stem = None, path.stem
    if m := JEKYLL_NAME.match(path.stem):
        stem_date, stem = m.group(1), m.group(2)
    title = frontmatter.as_text(meta.get("title"), "title", at("title"))
    if not title and (m := HEADING.search(fm.body)):
        title = m.group(1)
    if not title:
        raise SourceError(1, "no title: add 'title:' to the front matter or a '# Heading'")
    slug = slugify(frontmatter.as_text(meta.get("slug"), "slug", at("slug")) or stem)
    page = Page(
        source=path,
        slug=slug,
        title=title,
        date=frontmatter.as_date(meta.get("date", stem_date), at("date")),
        tags=frontmatter.as_tags(meta.get("tags"), at("tags")),
        description=frontmatter.as_text(meta.get("description"), "description", at("description")),
        lang=frontmatter.as_text(meta.get("lang"), "lang", at("lang")) or lang_default,
        draft=bool(meta.get("draft", False)),
        url=f"posts/{slug}/",
    )
    converted = convert(md, fm.body, fm.body_line)
    page.html, page.widgets = converted.html, converted.widgets
    return page


def find_sources(content_dir: Path) -> list[Path]:
    """Every Markdown file under content/, in a stable order."""
    return sorted(
        p for p in content_dir.rglob("*.md")
        if not any(part.startswith((".", "_")) for part in p.relative_to(content_dir).parts)
    )


def read_pages(content_dir: Path, md: markdown.Markdown, drafts: bool = False) -> list[Page]:
    pages = [read_page(p, md) for p in find_sources(content_dir)]
    seen: dict[str, Path] = {}
    for page in pages:
        if page.slug in seen:
            other = seen[page.slug]
            raise BuildError(page.source, 1, f"slug '{page.slug}' is also used by {other}")
        seen[page.slug] = page.source
    pages = [p for p in pages if drafts or not p.draft]
    return sorted(pages, key=lambda p: (p.date or dt.date.min, p.title), reverse=True)
