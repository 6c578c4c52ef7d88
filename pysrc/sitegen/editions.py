"""The offline editions a build makes: each post's, and the whole site's.

A post's edition (`posts/<slug>/<slug>.offline.html`) is the post made into one file
that works from the disk (offline_edition.py). The whole-site edition
(`site.offline.html`) is the index made the same way, with every post inside it in a
<template>: client/site_edition.js shows the one the address names (`#/posts/<slug>/`),
and page.js brings its figures to life in the one Python worker, started once for the
whole visit. Links between pages inside the file become such addresses.

Both carry the same runtime payload (edition_payload.py), made once per build.
"""

from __future__ import annotations

import posixpath
import re
from html import escape, unescape
from pathlib import Path

from .edition_payload import Payload, pack_payload
from .offline_edition import (
    EDITION_SCRIPT,
    WORKER_SCRIPT,
    Edition,
    inline_script,
    scan_page,
    tags_within,
)
from .output import SiteFiles
from .pages import Page
from .templates import Site

ROUTER_SCRIPT = "site_edition.js"  # client/: shows the post the address names
INDEX = "index.html"
MAIN = re.compile(r'<main id="main">(.*)</main>', re.S)  # what a page's template puts there
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def runtime_payload(runtime: dict, files: SiteFiles, cache_dir: Path) -> Payload:
    """The payload for the runtime the build vendored (`runtime`: write_runtime's dict)."""
    folder, wheel = runtime["dir"], runtime["wheel"]
    names = sorted(p for p in files.paths() if p.startswith(folder))
    wheel_path = next(p for p in sorted(files.paths()) if posixpath.basename(p) == wheel)
    return pack_payload([(p.removeprefix(folder), files.read(p)) for p in names],
                        (wheel, files.read(wheel_path)), cache_dir / "edition")


def write_editions(site: Site, pages: list[Page], files: SiteFiles, client_dir: Path,
                   cache_dir: Path) -> None:
    """Add each post's offline edition and the whole site's to `files`, and note their
    sizes on the pages and the site, for the links to them."""
    live = bool(site.runtime) and any(page.widgets for page in pages)
    payload = runtime_payload(site.runtime, files, cache_dir).base64() if live else None
    scripts = {name: (client_dir / name).read_text(encoding="utf-8")
               for name in (EDITION_SCRIPT, WORKER_SCRIPT, ROUTER_SCRIPT)}
    site_url = site.absolute_url if "://" in site.absolute_url else ""
    for page in pages:
        edition = Edition(files, page.url, site_url, scripts, payload if page.widgets else None)
        data = edition.make(files.read(page.output_path).decode("utf-8"))
        files.write_bytes(page.url + page.edition_file, data, f"the offline edition of {page.url}")
        page.edition_bytes = len(data)
    data = site_edition(pages, files, site_url, scripts, payload)
    files.write_bytes(site.edition_file, data, "the offline edition of the site")
    site.edition_bytes = len(data)


def site_edition(pages: list[Page], files: SiteFiles, site_url: str, scripts: dict[str, str],
                 payload: bytes | None) -> bytes:
    """The index with every post inside, as one file."""
    index = files.read(INDEX).decode("utf-8")
    rendered = {page.url: files.read(page.output_path).decode("utf-8") for page in pages}
    inside = {"": "#/"} | {url.rstrip("/"): f"#/{url}" for url in rendered}
    classes = set(scan_page(index)[1]).union(*(scan_page(html)[1] for html in rendered.values()))
    templates = []
    for page in pages:
        html = rendered[page.url]
        main = MAIN.search(html)
        if main is None:
            raise ValueError(f"{page.output_path}: no <main id=\"main\"> to take the post from")
        post = Edition(files, page.url, site_url, scripts, None, inside, classes, file_url="")
        within = tags_within(scan_page(html)[0], main.start(1), main.end(1))
        title = unescape(TITLE.search(html).group(1)) if TITLE.search(html) else page.title
        templates.append(
            f'<template data-page="{escape(page.url)}" data-title="{escape(title)}" '
            f'lang="{escape(page.lang)}">{post.make(main.group(1), tags=within).decode("utf-8")}'
            "</template>")
    router = inline_script(scripts[ROUTER_SCRIPT], "")
    edition = Edition(files, "", site_url, scripts, payload, inside, classes)
    return edition.make(index, "\n".join([*templates, router, ""]))
