"""`build.py build`: content/ in, a static site out.

The pipeline, top to bottom:
1. read every Markdown file into a page record (front matter, HTML, widgets);
2. package the browser-side Python and vendor the Pyodide runtime, if any
   page has a live figure;
3. render each page record through its template;
4. write everything into a staging folder, then swap it in place of build/.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import browser_wheel, runtime
from ..config import BuildConfig
from ..convert import make_markdown, pygments_css
from ..errors import BuildError
from ..output import staged_output, write_bytes, write_text
from ..pages import Page, read_pages
from ..templates import Site, make_environment, render

log = logging.getLogger("nnpress.build")

RUNTIME_DIR = "static/pyodide/"
CLIENT_DIR = "static/nnpress/"


@dataclass
class BuildReport:
    pages: int
    widgets: int
    seconds: float


def load_site(config: BuildConfig) -> Site:
    """content/site.yml (optional): title, description."""
    path = config.content_dir / "site.yml"
    data = {}
    if path.exists():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.MarkedYAMLError as exc:
            line = exc.problem_mark.line + 1 if exc.problem_mark else None
            raise BuildError(path, line, f"bad site settings: {exc.problem}") from None
        if not isinstance(data, dict):
            raise BuildError(path, 1, "site.yml must be a mapping of 'key: value' lines")
    return Site(
        title=str(data.get("title", config.site_title)),
        description=str(data.get("description", "")),
        base_url=config.base_url,
    )


def build(config: BuildConfig) -> BuildReport:
    started = time.perf_counter()
    if not config.content_dir.is_dir():
        raise BuildError(config.content_dir, None, "content folder not found")
    site = load_site(config)
    pages = read_pages(config.content_dir, make_markdown(), drafts=config.drafts)
    live = any(p.widgets for p in pages)
    env = make_environment(config.templates_dir)

    with staged_output(config.out_dir) as out:
        runtime_info = write_runtime(config, out) if live else {}
        for page in pages:
            write_text(out, page.output_path, render_page(env, site, page, runtime_info))
        write_text(out, "index.html", render(env, "index.html", "", site=site, pages=pages))
        write_static(config, out)

    widgets = sum(len(p.widgets) for p in pages)
    return BuildReport(len(pages), widgets, time.perf_counter() - started)


def render_page(env, site: Site, page: Page, runtime_info: dict) -> str:
    return render(env, "post.html", page.url, site=site, page=page, lang=page.lang,
                  widgets=page.widgets, runtime=runtime_info)


def write_runtime(config: BuildConfig, out: Path) -> dict:
    """Pyodide + numpy + our wheel; returns what the page needs to boot them."""
    files = runtime.vendor_runtime(
        out / RUNTIME_DIR,
        node_modules=config.node_modules,
        cache_dir=config.cache_dir or runtime.default_cache_dir(),
    )
    wheel_name, wheel = browser_wheel.wheel_bytes(config.browser_package)
    write_bytes(out, CLIENT_DIR + wheel_name, wheel)
    # Bytes the worker downloads with fetch (the .js/.mjs files come via import).
    fetched = sum(f.size for f in files if not f.name.endswith((".js", ".mjs"))) + len(wheel)
    return {"wheel": wheel_name, "bytes": fetched}


def write_static(config: BuildConfig, out: Path) -> None:
    static = config.templates_dir / "static"
    for src in sorted(static.rglob("*")):
        if src.is_file() and src.parent.name != "widgets":
            write_bytes(out, "static/" + src.relative_to(static).as_posix(), src.read_bytes())
    # One stylesheet: the theme, then each widget's own rules (static/widgets/*.css).
    css = [(static / "site.css").read_text(encoding="utf-8")]
    css += [p.read_text(encoding="utf-8") for p in sorted((static / "widgets").glob("*.css"))]
    write_text(out, "static/site.css", "\n".join(css))
    write_text(out, "static/pygments.css", pygments_css())
    for src in sorted(config.client_dir.glob("*.js")):
        write_bytes(out, CLIENT_DIR + src.name, src.read_bytes())
    # Non-Markdown files under content/ (images, data) keep their relative paths.
    for src in sorted(config.content_dir.rglob("*")):
        rel = src.relative_to(config.content_dir)
        if src.is_file() and src.suffix != ".md" and src.name != "site.yml" and not any(
            part.startswith(".") for part in rel.parts
        ):
            out.joinpath(rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, out / rel)
