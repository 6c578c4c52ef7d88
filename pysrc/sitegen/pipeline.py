"""The full build: content/ in, a static site out (`build.py build` runs it when a
quick rebuild cannot do: commands/build.py).

The pipeline, top to bottom:
0. check the output folder is one a build may replace (never the author's
   files), and clean up after an interrupted build;
1. read every post's front matter into a page record (so every URL is known);
2. convert each page's Markdown to HTML, pre-rendering its live figures
   (cached between builds, in parallel across cores; ```python run snippets
   each in a process of their own, under a time limit);
3. package the browser-side Python and vendor the Pyodide runtime, if any
   page has a live figure; add the theme, the page scripts and the browser
   libraries they use (Turbo, Workbox);
4. render the page records through the templates: posts, index, tag pages,
   Atom feed, sitemap, 404, the offline page; then each post, and the whole
   site, as one file to read offline (the offline editions);
5. list every file in the service worker (sw.js), so one visit saves the site;
6. only then write: the new site is staged beside the old one and swapped in;
7. note what the build read and wrote (build_record.py), for the next quick rebuild.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import time

from nnpress import i18n
from nnpress.params import brief

from . import (
    browser_wheel,
    build_record,
    code_editor,
    editions,
    math_assets,
    runtime,
    service_worker,
    share_cards,
    site_css,
    site_widgets,
)
from .browser_libraries import browser_libraries
from .cache import ConversionCache
from .config import BuildConfig
from .content_folder import scan_content
from .convert import convert_pages, pygments_css
from .edition_memo import EditionMemo
from .errors import BuildError
from .inline_styles import STYLESHEET, stylesheet
from .markdown_ext import highlight_answers, katex_answers
from .markdown_ext.links import LinkResolver
from .output import SiteFiles, write_site
from .pages import Page, link_translations, read_pages
from .preview import PreviewContext
from .report import BuildReport
from .site_settings import SiteSettings, load_site_settings
from .snippet_runner import SnippetLimits
from .templates import (
    Site,
    file_size,
    make_environment,
    render,
    render_post_marked,
    with_edition_link,
    without_edition_link,
)
from .urls import output_path, slugify, tag_url

RUNTIME_DIR = "static/pyodide-{hash}/"  # named by its content: cached for good
CLIENT_DIR = "static/nnpress/"
# client/, in load order (theme.js in <head>, before the first paint)
PAGE_SCRIPTS = ("theme.js", "binder.js", "page.js", "offline.js", "worker.js")


def make_site(config: BuildConfig, settings: SiteSettings) -> Site:
    """What templates know of the site: site.yml, with the command line's base URL."""
    url = config.site_url or settings.url.rstrip("/")
    return Site(
        title=settings.title,
        description=settings.description,
        lang=settings.lang,
        base_url=config.base_url,
        absolute_url=(url + config.base_url) if url else config.base_url,
    )


def build_all(config: BuildConfig, started: float) -> BuildReport:
    """Every page from its source, every file of the site (the caches spare work)."""
    inputs = build_record.input_stats(config, [])  # before anything is read
    settings = load_site_settings(config.content_dir)
    site_widgets.load_site_widgets(config.content_dir)  # content/_widgets/*.py, checked
    for lang, table in settings.messages.items():  # before any page or figure is rendered
        i18n.extend(lang, table)
    site = make_site(config, settings)
    content = scan_content(config.content_dir)
    pages = read_pages(content.sources, drafts=config.drafts)
    link_translations(pages)
    tags = tags_of(pages)
    links = LinkResolver(config.content_dir, {p.source: p.url for p in pages},
                         set(content.assets), generated_paths(tags))
    cache = ConversionCache(config.conversion_cache)
    katex_answers.use_store(config.state_dir / "katex.json" if config.incremental else None)
    highlight_answers.use_store(config.state_dir / "highlight.json" if config.incremental
                                else None)
    limits = SnippetLimits(timeout=settings.snippet_timeout)
    converted = convert_pages(pages, cache, links, config.jobs, limits)
    env = make_environment(config.templates_dir,
                           config.state_dir / "templates" if config.incremental else None)

    out = SiteFiles()
    live = any(p.widgets for p in pages)
    runtime_info = write_runtime(config, out) if live else {}
    write_static(config, out)
    if any("runnable" in p.widgets for p in pages):  # the editor, for pages with code
        out.write_bytes(code_editor.SITE_PATH, code_editor.editor_bundle(
            config.node_modules, config.client_dir, config.state_dir), "the code editor")
    out.write_text(STYLESHEET, stylesheet({k: v for p in pages for k, v in p.styles.items()}),
                   "the maths layout")
    site.assets, site.runtime = assets_version(out), runtime_info
    rendered_site = dataclasses.asdict(site)  # as posts are rendered with it
    share_cards.write_share_cards(pages, site.title, share_cards.theme_css(config.templates_dir),
                                  out, config.state_dir / "cards" if config.incremental else None)
    marked = {page.url: render_post_marked(env, site, page) for page in pages}
    for page in pages:
        out.write_text(page.output_path, without_edition_link(marked[page.url]), page.source)
    write_listings(env, site, pages, tags, out)
    for rel, src in content.assets.items():  # images and data keep their paths
        out.copy_file(src, rel, src)
    # Each post, and the whole site, as one file that works offline. The links to them
    # show their sizes: each post gets its link, and the index is rendered once more.
    memo = EditionMemo(config.edition_cache, out, config.out_dir.resolve())
    scratch = config.state_dir / "editions-made"  # where workers make editions
    classes = editions.write_editions(site, pages, out, config.client_dir,
                                      config.runtime_cache, memo, scratch)
    for page in pages:
        out.replace_text(page.output_path,
                         with_edition_link(env, site, page, marked.pop(page.url)))
    out.replace_text("index.html", render_index(env, site, pages))
    immutable = (runtime_info["dir"], CLIENT_DIR + runtime_info["wheel"]) if live else ()
    manifest = service_worker.precache_manifest(out, immutable)
    out.write_text(service_worker.SW_PATH, service_worker.service_worker(
        (config.client_dir / "sw.js").read_text(encoding="utf-8"), manifest),
        "the service worker")
    out.check_layout()

    build_record.forget(config.state_dir)  # it would describe the site being replaced
    changed = write_site(config.out_dir, out)  # nothing above touched build/
    if scratch.exists():  # its files are linked into the site now
        shutil.rmtree(scratch, ignore_errors=True)
    cache.save()
    memo.save()
    katex_answers.save()
    highlight_answers.save()
    build_record.record_full_build(config, inputs, pages, links, {
        "site": rendered_site, "edition_label": file_size(site.edition_bytes)}, classes, manifest)
    preview = PreviewContext(env, site, {p.source.resolve(): p for p in pages}, links, limits,
                             frozenset(k for p in pages for k in p.styles))
    return BuildReport(len(pages), converted, sum(len(p.widgets) for p in pages),
                       changed, time.perf_counter() - started, preview)


def render_index(env, site: Site, pages: list[Page]) -> str:
    originals = [p for p in pages if not p.translation_of]  # translations: from their original
    return render(env, "index.html", "", site=site, pages=originals, lang=site.lang)


def generated_paths(tags: dict[str, list[Page]]) -> set[str]:
    """Pages the build makes besides posts, which a post may link to."""
    return {"", "tags/", "feed.xml", "sitemap.xml"} | {tag_url(t) for t in tags}


def tags_of(pages: list[Page]) -> dict[str, list[Page]]:
    """Each tag's posts; two tags that would share a page ("Deep Learning" and
    "deep-learning" are both tags/deep-learning/) are an error."""
    tags: dict[str, list[Page]] = {}
    first: dict[str, tuple[str, Page]] = {}  # slug -> the tag that took it, and where
    for page in pages:
        for tag in page.tags:
            other, where = first.setdefault(slugify(tag), (tag, page))
            if other != tag:
                raise BuildError(page.source, page.lines.get("tags"), (
                    f"tag {brief(tag)} and tag {brief(other)} (in {where.source}) would share "
                    f"the page {tag_url(tag)}; spell them the same"))
            tags.setdefault(tag, []).append(page)
    return dict(sorted(tags.items(), key=lambda kv: kv[0].lower()))


def write_listings(env, site: Site, pages: list[Page], tags: dict[str, list[Page]],
                   out: SiteFiles) -> None:
    """Index, tag pages, feed, sitemap, 404: everything that lists posts."""
    out.write_text("index.html", render_index(env, site, pages), "the index page")
    out.write_text("tags/index.html", render(env, "tags.html", "tags/", site=site, tags=tags,
                                             lang=site.lang), "the list of tags")
    for tag, tagged in tags.items():
        url = tag_url(tag)
        out.write_text(output_path(url), render(env, "tag.html", url, site=site, tag=tag,
                                                  pages=tagged, lang=site.lang),
                       f"the page of tag {brief(tag)}")
    updated = max((p.date for p in pages if p.date), default=None)
    out.write_text("feed.xml", render(env, "feed.xml", "", site=site, pages=pages[:20],
                                      updated=updated), "the Atom feed")
    out.write_text("sitemap.xml", render(env, "sitemap.xml", "", site=site, pages=pages,
                                         tags=[slugify(t) for t in tags]), "the sitemap")
    # GitHub Pages serves 404.html at any depth, so its links start from base_url.
    out.write_text("404.html", render(env, "404.html", "", site=site, lang=site.lang,
                                      root=site.base_url), "the 404 page")
    # What the service worker shows for a page it has not saved while offline.
    languages = list(dict.fromkeys([site.lang, *(p.lang for p in pages)]))
    out.write_text("offline.html", render(env, "offline.html", "", site=site, lang=site.lang,
                                          root=site.base_url, languages=languages),
                   "the offline page")
    out.write_text(".nojekyll", "", "GitHub Pages' .nojekyll")  # publish files as they are


def write_runtime(config: BuildConfig, out: SiteFiles) -> dict:
    """Pyodide + numpy + our wheel; returns what the page needs to boot them."""
    stage = config.state_dir / "pyodide"  # verified once, then linked into each build
    files = runtime.vendor_runtime(
        stage,
        node_modules=config.node_modules,
        cache_dir=config.runtime_cache,
    )
    content = hashlib.sha256("".join(f.name + f.sha256 for f in files).encode()).hexdigest()
    folder = RUNTIME_DIR.format(hash=content[:10])
    for f in files:
        out.copy_file(stage / f.name, folder + f.name, "the Pyodide runtime")
    wheel_name, wheel = browser_wheel.wheel_bytes(config.browser_package,
                                                  site_widgets.wheel_files(config.content_dir))
    out.write_bytes(CLIENT_DIR + wheel_name, wheel, "the page's Python")
    # Bytes the worker downloads with fetch (the .js/.mjs files come via import).
    fetched = sum(f.size for f in files if not f.name.endswith((".js", ".mjs"))) + len(wheel)
    # Paths as the page's script sees them, from static/nnpress/.
    return {"wheel": wheel_name, "bytes": fetched, "dir": folder,
            "pyodide": "../" + folder.removeprefix("static/")}


def assets_version(out: SiteFiles) -> str:
    """A hash of the theme, the scripts and the runtime: when it changes, an open
    page must load the next one in full instead of swapping it in."""
    digest = hashlib.sha256()
    for path in sorted(p for p in out.paths() if p.startswith("static/")):
        digest.update(path.encode() + b"\0" + out.data.get(path, b"") + b"\0")
    return digest.hexdigest()[:16]


def write_static(config: BuildConfig, out: SiteFiles) -> None:
    static = config.templates_dir / "static"
    theme = "the theme's static files"
    joined = set(site_css.site_css_files(static))
    for src in sorted(static.rglob("*")):
        if src.is_file() and src not in joined:
            out.copy_file(src, "static/" + src.relative_to(static).as_posix(), theme)
    # One stylesheet: the theme, pages' other parts, the widgets' (see sitegen/site_css.py).
    out.write_text("static/site.css", site_css.site_css(static), theme)
    out.write_text("static/pygments.css", pygments_css(), theme)
    for name in PAGE_SCRIPTS:  # written as data, so assets_version sees their bytes
        out.write_bytes(CLIENT_DIR + name, (config.client_dir / name).read_bytes(),
                        "the page's scripts")
    for path, data in browser_libraries(config.node_modules).items():
        out.write_bytes(path, data, "the browser libraries")
    stage = config.state_dir / "katex"  # maths fonts and CSS, verified by sha256
    for f in math_assets.vendor_math_assets(stage, node_modules=config.node_modules):
        out.copy_file(stage / f.name, "static/katex/" + f.name, "the maths fonts")

