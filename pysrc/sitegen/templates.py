"""Jinja2: page records in, HTML out. Templates format; they decide nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import markupsafe

from .html_urls import rebase
from .urls import root_for, slugify


@dataclass
class Site:
    title: str
    description: str
    lang: str  # the language of the index and listings
    base_url: str  # path the site is served from, e.g. "/my-repo/"
    absolute_url: str  # with scheme and host when known, for feeds and link previews
    assets: str = ""  # a hash of the theme, scripts and runtime; a change means a full reload
    runtime: dict = field(default_factory=dict)  # where the page's script finds Python
    edition_bytes: int = 0  # size of the whole site as one file to read offline (0: none yet)
    edition_file: str = "site.offline.html"  # beside the index (the service worker leaves it out)


# What a page may load and run: only the site's own files (and data: fonts and
# images), WebAssembly compiled by Pyodide, workers from the site or a blob. No
# inline scripts or style attributes anywhere (see inline_styles.py).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'"
)

LANGUAGE_NAMES = {  # shown in language switches, each in its own language
    "en": "English", "ja": "日本語", "fr": "Français", "es": "Español", "de": "Deutsch",
    "zh": "中文", "ko": "한국어", "pt": "Português", "it": "Italiano", "ru": "Русский",
}


def render_post(env: jinja2.Environment, site: Site, page: Any, **context: Any) -> str:
    """A post's page (`page`: a pages.Page)."""
    return render(env, "post.html", page.url, site=site, page=page, lang=page.lang,
                  widgets=page.widgets, **context)


# A build renders each post once. Its offline edition is made from the page without the
# link to that edition, whose size the link then shows: the page is rendered with this
# mark where the link goes (post.html's block `edition_link`), the mark taken out for the
# edition, and the block, rendered alone, put in its place once the size is known.
EDITION_MARK = "<!--nnpress:edition-link-->"


def render_post_marked(env: jinja2.Environment, site: Site, page: Any) -> str:
    """`render_post`, with EDITION_MARK where the link to the post's edition goes."""
    return render_post(env, site, page, edition_mark=EDITION_MARK)


def with_edition_link(env: jinja2.Environment, site: Site, page: Any, marked: str) -> str:
    """The page `render_post_marked` gave, with the link to the edition `page` now knows
    the size of: what `render_post` gives."""
    template = env.get_template("post.html")
    context = template.new_context(dict(site=site, page=page, lang=page.lang,
                                        widgets=page.widgets, root=root_for(page.url),
                                        url=page.url))
    return marked.replace(EDITION_MARK, "".join(template.blocks["edition_link"](context)), 1)


def without_edition_link(marked: str) -> str:
    """The page `render_post_marked` gave, as `render_post` gives it before the edition
    is made (no link)."""
    return marked.replace(EDITION_MARK, "", 1)


_environments: dict[tuple[Path, Path | None], jinja2.Environment] = {}


def make_environment(templates_dir: Path, compiled_dir: Path | None = None
                     ) -> jinja2.Environment:
    """The templates of `templates_dir`, kept for the process: `serve` builds again on
    every edit, and Jinja compiles each template on first use (a third of a small
    site's rebuild). Jinja notices a template edited since (auto_reload).
    `compiled_dir`: where Jinja keeps the templates compiled, for the next process
    (by each template's name and a hash of its source and of Jinja and Python's versions)."""
    key = (Path(templates_dir).resolve(), compiled_dir)
    env = _environments.get(key)
    if env is None:
        env = _environments[key] = _new_environment(key[0])
        if compiled_dir is not None:
            compiled_dir.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(compiled_dir))
    icon = (key[0] / "static" / "favicon.svg").read_text(encoding="utf-8")
    env.globals["favicon"] = "data:image/svg+xml," + quote(icon.strip(), safe=" =:/")
    return env


def _new_environment(templates_dir: Path) -> jinja2.Environment:
    from nnpress.i18n import offline_messages, page_messages, site_messages, t

    from .reading import reading_minutes, sections

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["slug"] = slugify
    env.filters["rebase"] = rebase  # an excerpt's links, moved onto a listing page
    env.filters["file_size"] = file_size
    env.filters["language_name"] = lambda code: LANGUAGE_NAMES.get(code.split("-")[0], code)
    env.filters["ui"] = lambda text, lang="en", **values: t(text, lang, **values)
    # The same with HTML in a placeholder ({front_page} a link): the words are escaped,
    # the HTML values (Jinja's Markup, e.g. from {% set %}) are not.
    env.filters["ui_html"] = lambda text, lang="en", **values: markupsafe.Markup(
        markupsafe.escape(t(text, lang))).format(**values)
    env.globals["page_messages"] = page_messages
    env.globals["site_messages"] = site_messages
    env.globals["offline_messages"] = offline_messages
    env.filters["sections"] = sections  # a long post's contents (reading.py)
    env.filters["reading_minutes"] = reading_minutes
    env.globals["csp"] = CONTENT_SECURITY_POLICY
    return env


def file_size(size: int) -> str:
    """Bytes as a reader reads them: "11.9 MB", "48 kB" (decimal units, as page.js)."""
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} kB"


def render(env: jinja2.Environment, template: str, url: str, **context: Any) -> str:
    """Render `template` for the page at site-relative `url` (links relative to it)."""
    context.setdefault("root", root_for(url))
    context.setdefault("widgets", [])
    context.setdefault("lang", "en")
    context.setdefault("page", None)
    context.setdefault("url", url)
    return env.get_template(template).render(**context)
