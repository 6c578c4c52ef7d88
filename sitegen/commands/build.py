"""`build.py build`: content/ in, a static site out.

The pipeline, top to bottom:
1. read every post's front matter into a page record (so every URL is known);
2. convert each page's Markdown to HTML, pre-rendering its live figures
   (cached between builds, in parallel across cores);
3. package the browser-side Python and vendor the Pyodide runtime, if any
   page has a live figure;
4. render the page records through the templates: posts, index, tag pages,
   Atom feed, sitemap, 404;
5. only then write: files whose bytes changed are replaced, stale ones removed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .. import browser_wheel, math_assets, runtime
from ..cache import ConversionCache
from ..config import BuildConfig
from ..convert import convert_pages, pygments_css
from ..errors import BuildError, SourceError
from ..markdown_ext.links import LinkResolver
from ..output import SiteFiles, write_site
from ..pages import Page, link_translations, read_pages, slugify
from ..templates import Site, make_environment, render
from ..yaml_input import load_yaml

RUNTIME_DIR = "static/pyodide/"
CLIENT_DIR = "static/nnpress/"


@dataclass
class BuildReport:
    pages: int  # posts written
    converted: int  # posts whose Markdown was converted (the rest came from the cache)
    widgets: int  # live figures
    files_changed: int  # output files whose bytes changed
    seconds: float


def load_site(config: BuildConfig) -> Site:
    """content/site.yml (optional): title, description, lang, url."""
    path = config.content_dir / "site.yml"
    data = {}
    if path.exists():
        try:
            data = load_yaml(path.read_text(encoding="utf-8"), 1, "site settings") or {}
        except SourceError as exc:
            raise BuildError(path, exc.line, exc.message) from None
        if not isinstance(data, dict):
            raise BuildError(path, 1, "site.yml must be a mapping of 'key: value' lines")
    url = config.site_url or str(data.get("url", "")).rstrip("/")
    return Site(
        title=str(data.get("title", "nnpress")),
        description=str(data.get("description", "")),
        lang=str(data.get("lang", "en")),
        base_url=config.base_url,
        absolute_url=(url + config.base_url) if url else config.base_url,
    )


def build(config: BuildConfig) -> BuildReport:
    started = time.perf_counter()
    if not config.content_dir.is_dir():
        raise BuildError(config.content_dir, None, "content folder not found")
    site = load_site(config)
    pages = read_pages(config.content_dir, drafts=config.drafts)
    link_translations(pages)
    links = LinkResolver(config.content_dir, {p.source: p.url for p in pages},
                         set(content_assets(config)), generated_paths(pages))
    cache = ConversionCache(config.conversion_cache)
    converted = convert_pages(pages, cache, links, config.jobs)
    env = make_environment(config.templates_dir)

    out = SiteFiles()
    live = any(p.widgets for p in pages)
    runtime_info = write_runtime(config, out) if live else {}
    for page in pages:
        out.write_text(page.output_path, render(
            env, "post.html", page.url, site=site, page=page, lang=page.lang,
            widgets=page.widgets, runtime=runtime_info))
    write_listings(env, site, pages, out)
    write_static(config, out)

    changed = write_site(config.out_dir, out)  # nothing above touched build/
    cache.save()
    return BuildReport(len(pages), converted, sum(len(p.widgets) for p in pages),
                       changed, time.perf_counter() - started)


def content_assets(config: BuildConfig) -> dict[str, Path]:
    """Non-Markdown files under content/ (images, data), by their site path."""
    assets = {}
    for src in sorted(config.content_dir.rglob("*")):
        rel = src.relative_to(config.content_dir)
        if src.is_file() and src.suffix != ".md" and src.name != "site.yml" and not any(
            part.startswith((".", "_")) for part in rel.parts
        ):
            assets[rel.as_posix()] = src
    return assets


def generated_paths(pages: list[Page]) -> set[str]:
    """Pages the build makes besides posts, which a post may link to."""
    return {"", "tags/", "feed.xml", "sitemap.xml"} | {
        f"tags/{slugify(t)}/" for t in tags_of(pages)}


def tags_of(pages: list[Page]) -> dict[str, list[Page]]:
    tags: dict[str, list[Page]] = {}
    for page in pages:
        for tag in page.tags:
            tags.setdefault(tag, []).append(page)
    return dict(sorted(tags.items(), key=lambda kv: kv[0].lower()))


def write_listings(env, site: Site, pages: list[Page], out: SiteFiles) -> None:
    """Index, tag pages, feed, sitemap, 404: everything that lists posts."""
    originals = [p for p in pages if not p.translation_of]
    tags = tags_of(pages)
    out.write_text("index.html", render(env, "index.html", "", site=site, pages=originals,
                                        lang=site.lang))
    out.write_text("tags/index.html", render(env, "tags.html", "tags/", site=site, tags=tags,
                                             lang=site.lang))
    for tag, tagged in tags.items():
        url = f"tags/{slugify(tag)}/"
        out.write_text(url + "index.html", render(env, "tag.html", url, site=site, tag=tag,
                                                  pages=tagged, lang=site.lang))
    updated = max((p.date for p in pages if p.date), default=None)
    out.write_text("feed.xml", render(env, "feed.xml", "", site=site, pages=pages[:20],
                                      updated=updated))
    out.write_text("sitemap.xml", render(env, "sitemap.xml", "", site=site, pages=pages,
                                         tags=[slugify(t) for t in tags]))
    # GitHub Pages serves 404.html at any depth, so its links start from base_url.
    out.write_text("404.html", render(env, "404.html", "", site=site, lang=site.lang,
                                      root=site.base_url))
    out.write_text(".nojekyll", "")  # publish files as they are, no Jekyll pass


def write_runtime(config: BuildConfig, out: SiteFiles) -> dict:
    """Pyodide + numpy + our wheel; returns what the page needs to boot them."""
    stage = config.state_dir / "pyodide"  # verified once, then linked into each build
    files = runtime.vendor_runtime(
        stage,
        node_modules=config.node_modules,
        cache_dir=config.cache_dir or runtime.default_cache_dir(),
    )
    for f in files:
        out.copy_file(stage / f.name, RUNTIME_DIR + f.name)
    wheel_name, wheel = browser_wheel.wheel_bytes(config.browser_package)
    out.write_bytes(CLIENT_DIR + wheel_name, wheel)
    # Bytes the worker downloads with fetch (the .js/.mjs files come via import).
    fetched = sum(f.size for f in files if not f.name.endswith((".js", ".mjs"))) + len(wheel)
    return {"wheel": wheel_name, "bytes": fetched}


def write_static(config: BuildConfig, out: SiteFiles) -> None:
    static = config.templates_dir / "static"
    for src in sorted(static.rglob("*")):
        if src.is_file() and src.parent.name != "widgets" and src.name != "site.css":
            out.copy_file(src, "static/" + src.relative_to(static).as_posix())
    # One stylesheet: the theme, then each widget's own rules (static/widgets/*.css).
    css = [(static / "site.css").read_text(encoding="utf-8")]
    css += [p.read_text(encoding="utf-8") for p in sorted((static / "widgets").glob("*.css"))]
    out.write_text("static/site.css", "\n".join(css))
    out.write_text("static/pygments.css", pygments_css())
    for src in sorted(config.client_dir.glob("*.js")):
        out.copy_file(src, CLIENT_DIR + src.name)
    for rel, src in content_assets(config).items():  # images and data keep their paths
        out.copy_file(src, rel)
    stage = config.state_dir / "katex"  # maths fonts and CSS, verified by sha256
    for f in math_assets.vendor_math_assets(stage, node_modules=config.node_modules):
        out.copy_file(stage / f.name, "static/katex/" + f.name)
