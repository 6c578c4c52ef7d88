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

import hashlib
import posixpath
import re
from collections.abc import Callable
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING

from .edition_memo import EditionMemo, Reads
from .edition_workers import EditionWorkers
from .offline_edition import (
    EDITION_SCRIPT,
    WORKER_SCRIPT,
    Edition,
    Stylesheets,
    inline_script,
)
from .output import SiteFiles
from .page_scan import scan_page, tags_within
from .pages import Page
from .templates import Site

if TYPE_CHECKING:
    from .edition_payload import Payload

ROUTER_SCRIPT = "site_edition.js"  # client/: shows the post the address names
INDEX = "index.html"
MAIN = re.compile(r'<main id="main">(.*)</main>', re.S)  # what a page's template puts there
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def pack_runtime(runtime: dict, files: SiteFiles, cache_dir: Path) -> Payload:
    """The payload for the runtime the build vendored (`runtime`: write_runtime's dict)."""
    from .edition_payload import pack_payload  # a site with live figures only

    folder, wheel = runtime["dir"], runtime["wheel"]
    names = sorted(p for p in files.paths() if p.startswith(folder))
    wheel_path = next(p for p in sorted(files.paths()) if posixpath.basename(p) == wheel)
    return pack_payload([(p.removeprefix(folder), files.read(p)) for p in names],
                        (wheel, files.read(wheel_path)), cache_dir / "edition")


def runtime_payload(runtime: dict, files: SiteFiles, cache_dir: Path) -> tuple[bytes, str]:
    """pack_runtime's payload in base64, and its digest. Remembered for the process by
    the files' digests: `serve` would otherwise read, pack and encode the same 17 MB
    on every rebuild."""
    key = hashlib.sha256(b"".join(p.encode() + b"\0" + files.digest(p) for p in sorted(
        p for p in files.paths() if p.startswith(runtime["dir"])
        or posixpath.basename(p) == runtime["wheel"]))).hexdigest()
    if key not in _payloads:
        payload = pack_runtime(runtime, files, cache_dir).base64()
        _payloads.clear()  # one runtime at a time
        _payloads[key] = (payload, hashlib.sha256(payload).hexdigest())
    return _payloads[key]


_payloads: dict[str, tuple[bytes, str]] = {}


def write_editions(site: Site, pages: list[Page], files: SiteFiles, client_dir: Path,
                   cache_dir: Path, memo: EditionMemo, scratch: Path) -> dict[str, list[str]]:
    """Add each post's offline edition and the whole site's to `files`, and note their
    sizes on the pages and the site, for the links to them. `memo` keeps the ones
    whose inputs did not change from the previous build (edition_memo.py); the others
    are made by workers, into `scratch` (edition_workers.py). Returns the classes each
    post names, by URL, and the index's under "" (what the site edition's maths fonts
    follow)."""
    live = bool(site.runtime) and any(page.widgets for page in pages)
    payload, payload_digest = runtime_payload(site.runtime, files, cache_dir) if live else (
        None, "")
    scripts = edition_scripts(client_dir)
    site_url = site_address(site)
    shared = memo.key(site_url, *(f"{k}\0{v}" for k, v in sorted(scripts.items())),
                      payload_digest)
    stylesheets = Stylesheets()  # inlined once for every edition of the build (per process)
    inside = addresses_inside([page.url for page in pages])
    todo: list[tuple[Page, str, str]] = []  # each post whose edition is made: its key, HTML
    for page in pages:
        html = files.read(page.output_path).decode("utf-8")
        key = memo.key(shared, "post", page.url, str(bool(page.widgets)), html)
        size = memo.previous(key, page.url + page.edition_file)
        if size is None:
            todo.append((page, key, html))
        else:
            memo.reuse(key, page.url + page.edition_file, edition_origin(page))
            page.edition_bytes = size

    def job(page: Page, html: str) -> Callable[[], tuple]:
        """The post's edition, what it read, the classes it names, and its part of the
        site edition (PostEditions.made). The part only if its page is new: a page seen
        before most likely has its part kept (its classes too, which the key of the
        part needs; the part is made later if it was not kept after all)."""
        with_part = not memo.recalls(memo.key("classes", html))
        return lambda: PostEditions(page, html, site_url, scripts,
                                    payload if page.widgets else None, inside,
                                    stylesheets).made(memo.reads, with_part)

    parts: dict[str, tuple[str, dict, bool]] = {}  # url -> part, its reads, needs classes
    with EditionWorkers([job(page, html) for page, _, html in todo], scratch) as workers:
        for (page, key, html), made in zip(todo, workers.results(), strict=True):
            edition, seen, classes, part, part_seen, needs_classes = made
            relative, origin = page.url + page.edition_file, edition_origin(page)
            if isinstance(edition, bytes):
                memo.store(key, relative, origin, edition, seen)
                page.edition_bytes = len(edition)
            else:
                page.edition_bytes = edition.stat().st_size
                memo.store_file(key, relative, origin, edition, page.edition_bytes, seen)
            memo.remembered(memo.key("classes", html), lambda classes=classes: classes)
            if part is not None:
                parts[page.url] = (part, part_seen, needs_classes)
    by_url: dict[str, list[str]] = {}
    whole = SiteEdition(pages, files, site_url, scripts, payload, memo, shared,
                        site.edition_file, stylesheets, by_url)
    for page, key, make in whole.missing_parts():
        part, part_seen, needs_classes = parts.get(page.url, ("", {}, True))
        if needs_classes:  # made with its own classes, not the whole site's: again
            reads = memo.reads()
            part, part_seen = make(reads), reads.seen
        memo.put_part(key, part, part_seen)
    site.edition_bytes = whole.finish()
    return by_url


class PostEditions:
    """What a post adds to the offline editions: its own, and its part of the whole
    site's. The part is made with the post's own classes, which is right unless its
    text links a stylesheet (whose maths fonts the whole site's classes pick): the
    site edition then makes it again."""

    def __init__(self, page: Page, html: str, site_url: str, scripts: dict[str, str],
                 payload: bytes | None, inside: dict[str, str], stylesheets: Stylesheets):
        self.page, self.html, self.site_url, self.scripts = page, html, site_url, scripts
        self.payload, self.inside, self.stylesheets = payload, inside, stylesheets

    def made(self, new_reads: Callable[[], Reads], with_part: bool = True) -> tuple:
        """(edition, what it read, the classes the page names, the part or None, what the
        part read, whether the part must be made again with the whole site's classes)."""
        tags, classes = scan_page(self.html)
        reads = new_reads()
        edition = Edition(reads, self.page.url, self.site_url, self.scripts, self.payload,
                          classes=set(classes), stylesheets=self.stylesheets
                          ).make(self.html, tags=tags)
        if not with_part:
            return edition, reads.seen, sorted(classes), None, {}, True
        part_reads = new_reads()
        part = site_edition_part(self.page, self.html, part_reads, self.site_url,
                                 self.scripts, self.inside, set(classes), self.stylesheets)
        main = MAIN.search(self.html)
        needs_classes = main is None or any(
            tag.name == "link" for tag in tags_within(tags, main.start(1), main.end(1)))
        return edition, reads.seen, sorted(classes), part, part_reads.seen, needs_classes


def edition_origin(page: Page) -> str:
    return f"the offline edition of {page.url}"


def edition_scripts(client_dir: Path) -> dict[str, str]:
    """The client/ scripts an edition inlines, by name."""
    return {name: (client_dir / name).read_text(encoding="utf-8")
            for name in (EDITION_SCRIPT, WORKER_SCRIPT, ROUTER_SCRIPT)}


def site_address(site: Site) -> str:
    """Where editions point the site's links: its address when it has a host, else ""."""
    return site.absolute_url if "://" in site.absolute_url else ""


def addresses_inside(urls: list[str]) -> dict[str, str]:
    """Each page of the site edition (site path, as offline_edition.site_path gives it)
    -> its address in the file."""
    return {"": "#/"} | {url.rstrip("/"): f"#/{url}" for url in urls}


class SiteEdition:
    """The index with every post inside, as one file (`relative`): what it is made of,
    which of its parts (a post each) must be made, then the file."""

    def __init__(self, pages: list[Page], files: SiteFiles, site_url: str,
                 scripts: dict[str, str], payload: bytes | None, memo: EditionMemo,
                 shared: str, relative: str, stylesheets: Stylesheets | None = None,
                 classes_by_url: dict[str, list[str]] | None = None):
        """`classes_by_url`, when given, gets the classes each post names (the index's:
        "")."""
        self.pages, self.memo, self.relative = pages, memo, relative
        index = files.read(INDEX).decode("utf-8")
        rendered = {page.url: files.read(page.output_path).decode("utf-8") for page in pages}
        inside = addresses_inside(list(rendered))
        own = {url: page_classes_of(html, memo) for url, html in rendered.items()}
        index_classes = page_classes_of(index, memo)
        if classes_by_url is not None:
            classes_by_url.update(own)
            classes_by_url[""] = index_classes
        classes = set(index_classes).union(*own.values())
        context = memo.key(shared, *sorted(classes), *(f"{k}\0{v}" for k, v in inside.items()))
        self.keys = {page.url: memo.key(context, "part", page.url, page.lang, page.title,
                                        rendered[page.url]) for page in pages}
        index_key = memo.key(context, "index", index)
        self.whole = memo.key(context, "site", index, *self.keys.values())
        # When the whole is kept, its parts are still wanted next time.
        memo.keep([*self.keys.values(), index_key])
        self.kept = memo.previous(self.whole, relative)

        def post_part(page: Page) -> Callable[[Reads], str]:
            return lambda reads: site_edition_part(page, rendered[page.url], reads, site_url,
                                                   scripts, inside, classes, stylesheets)
        self.post_part = post_part

        def make(reads: Reads) -> bytes:
            templates = [memo.part(self.keys[page.url], post_part(page), reads)
                         for page in pages]
            edition = Edition(reads, "", site_url, scripts, payload, inside, classes,
                              stylesheets=stylesheets)
            # The index is a part too: an edit to a post's body changes the index rarely.
            page = memo.part(index_key, lambda index_reads: Edition(
                index_reads, "", site_url, scripts, payload, inside, classes,
                stylesheets=stylesheets).rewritten(index), reads)
            return edition.finish(page, "\n".join([*templates, router_script(scripts), ""]))
        self.make = make

    def missing_parts(self) -> list[tuple[Page, str, Callable[[Reads], str]]]:
        """(post, key, maker) of each post's part that must be made (none if the file
        is kept)."""
        if self.kept is not None:
            return []
        return [(page, self.keys[page.url], self.post_part(page)) for page in self.pages
                if not self.memo.has_part(self.keys[page.url])]

    def finish(self) -> int:
        """Put the file in the site (the previous build's, or made); its size."""
        return self.memo.edition(self.whole, self.relative, "the offline edition of the site",
                                 self.make)


def site_edition_part(page: Page, html: str, reads, site_url: str, scripts: dict[str, str],
                      inside: dict[str, str], classes: set[str],
                      stylesheets: Stylesheets | None) -> str:
    """A post (`html`: its rendered page) as the site edition holds it: its <main> in
    a <template> that names it. The parts follow each other, one per line, in the
    order of the posts (what `part_span` finds them by)."""
    main = MAIN.search(html)
    if main is None:
        raise ValueError(f"{page.output_path}: no <main id=\"main\"> to take the post from")
    post = Edition(reads, page.url, site_url, scripts, None, inside, classes, file_url="",
                   stylesheets=stylesheets)
    within = tags_within(scan_page(html)[0], main.start(1), main.end(1))
    title = unescape(TITLE.search(html).group(1)) if TITLE.search(html) else page.title
    return (f'{part_opening(page.url)} data-title="{escape(title)}" '
            f'lang="{escape(page.lang)}">'
            f'{post.make(main.group(1), tags=within).decode("utf-8")}</template>')


def part_opening(url: str) -> str:
    """How the site edition's part for the post at `url` begins."""
    return f'<template data-page="{escape(url)}"'


def router_script(scripts: dict[str, str]) -> str:
    """What follows the last part of the site edition."""
    return inline_script(scripts[ROUTER_SCRIPT], "")


def page_classes_of(html: str, memo: EditionMemo) -> list[str]:
    """The classes `html` names (for the maths fonts), remembered by the page's hash."""
    return memo.remembered(memo.key("classes", html), lambda: sorted(scan_page(html)[1]))
