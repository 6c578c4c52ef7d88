"""A rebuild that makes only what an edit changed, when the edit is to posts' text.

`build` (commands/build.py) tries this before the full pipeline. From the last
build's record (build_record.py) it tells, by file sizes and dates alone, what
changed since:

- nothing, and the output is as the last build left it: there is nothing to do;
- the text of a few posts, each made from its own source alone (no live figures,
  no translations): each is read, converted and rendered, with its offline
  edition, its part of the whole-site edition (put in place of the old part) and
  its entry in the service worker's list;
- anything else (a template, site.yml, an image, our code, a post added or
  removed, a file of the output changed by hand): the full build.

If an edit reaches anything another page shows or is made from (the front matter,
the excerpt, a maths layout, the fonts the site edition carries, the size its
link shows), or the post has an error, the full build runs instead, and reports
the error at its line. The few files are replaced in place, all or none
(out_folder.replace_files), and they are byte for byte what the full build
writes: tests/test_quick_rebuild.py makes both after each kind of edit and
compares every file.

Only the modules an edit needs are imported, and only once one is found: a
rebuild with nothing to do takes less time than importing the pipeline would.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from . import build_record
from .build_record import BuildRecord
from .errors import BuildError
from .report import BuildReport

MAX_EDITED = 8  # more posts edited at once: the full build, which converts in parallel


def rebuild(config, started: float) -> BuildReport | None:
    """Rebuild quickly if the last build's record allows; None: run the full build."""
    if not config.incremental:
        return None
    record = build_record.load(config.state_dir)
    if record is None or record.settings != build_record.settings_key(config):
        return None
    now = build_record.input_stats(config, record.extras)
    posts = {path: now.pop(path, None) for path in record.posts}
    if now != record.inputs:
        return None
    edited = sorted(path for path, stat in posts.items() if stat != record.posts[path].stat)
    if len(edited) > MAX_EDITED or any(posts[p] is None or not record.posts[p].plain
                                       for p in edited):
        return None
    if not build_record.outputs_unchanged(config.out_dir, record):
        return None  # not the site the last build wrote
    changed = 0
    if edited:
        try:
            files = _remake(config, record, edited)
        except BuildError:
            return None  # the full build reports it, in its place among the others'
        if files is None:
            return None
        changed = _write(config.out_dir, record, files)
        for path in edited:
            record.posts[path].stat = posts[path]  # as it was before it was read
        record.save(config.state_dir)
    return BuildReport(len(record.site["order"]), len(edited), record.site["widgets"], changed,
                       time.perf_counter() - started, quick=True)


def _remake(config, record: BuildRecord, edited: list[str]) -> dict[str, bytes] | None:
    """The files the edited posts change, by site path; None if others change too."""
    from nnpress import i18n

    from . import editions, site_widgets
    from .cache import ConversionCache
    from .convert import convert_pages
    from .edition_memo import Reads
    from .markdown_ext import highlight_answers, katex_answers
    from .markdown_ext.links import LinkResolver
    from .offline_edition import Edition, Stylesheets
    from .output import SiteFiles
    from .page_scan import scan_page
    from .pages import read_page
    from .site_settings import load_site_settings
    from .snippet_runner import SnippetLimits
    from .templates import (
        Site,
        file_size,
        make_environment,
        render_post_marked,
        with_edition_link,
        without_edition_link,
    )

    settings = load_site_settings(config.content_dir)  # as the full build does, in order
    site_widgets.load_site_widgets(config.content_dir)
    for lang, table in settings.messages.items():
        i18n.extend(lang, table)
    facts = [record.posts[path] for path in edited]
    content = config.content_dir.resolve()
    pages = [read_page(config.content_dir / os.path.relpath(path, content)) for path in edited]
    if any((p.url, build_record.front_of(p)) != (f.url, f.front)
           for p, f in zip(pages, facts, strict=True)):
        return None
    site = record.site
    links = LinkResolver.known(config.content_dir, site["posts"], set(site["assets"]),
                               set(site["generated"]))
    katex_answers.use_store(config.state_dir / "katex.json")
    highlight_answers.use_store(config.state_dir / "highlight.json")
    convert_pages(pages, ConversionCache(None), links, 1,
                  SnippetLimits(timeout=settings.snippet_timeout))
    if any(not build_record.is_plain(p) or build_record.digest(p.excerpt) != f.excerpt
           or build_record.styles_of(p) != f.styles for p, f in zip(pages, facts, strict=True)):
        return None

    out = config.out_dir.resolve()
    files = SiteFiles()  # the site as the last build wrote it, for the editions to read
    files.copies = {relative: out / relative for relative in record.outputs}
    reads = Reads(files, lambda relative: None)
    env = make_environment(config.templates_dir,
                           config.state_dir / "templates" if config.incremental else None)
    rendered_as = Site(**site["site"])
    scripts = editions.edition_scripts(config.client_dir)
    address = editions.site_address(rendered_as)
    stylesheets = Stylesheets()
    inside, classes = editions.addresses_inside(site["order"]), set(site["classes"])
    whole = (out / rendered_as.edition_file).read_bytes()
    made: dict[str, bytes] = {}
    for page, fact in zip(pages, facts, strict=True):
        marked = render_post_marked(env, rendered_as, page)
        html = without_edition_link(marked)
        if build_record.digest(*sorted(scan_page(html)[1])) != fact.classes:
            return None  # the site edition's fonts would change
        edition = Edition(reads, page.url, address, scripts, None,
                          stylesheets=stylesheets).make(html)
        page.edition_bytes = len(edition)
        made[page.output_path] = with_edition_link(env, rendered_as, page, marked).encode()
        made[page.url + page.edition_file] = edition
        part = editions.site_edition_part(page, html, reads, address, scripts, inside,
                                          classes, stylesheets)
        whole = _with_part(whole, page.url, part, site["order"], editions.router_script(scripts))
        if whole is None:
            return None
    if file_size(len(whole)) != site["edition_label"]:
        return None  # the index shows the site edition's size
    made[rendered_as.edition_file] = whole
    made["sw.js"] = _service_worker(config.client_dir, record, made)
    katex_answers.save()
    highlight_answers.save()
    return made


def _with_part(whole: bytes, url: str, part: str, order: list[str], after_last: str
               ) -> bytes | None:
    """The site edition `whole` with the part for `url` replaced by `part`; None if
    that part cannot be told apart for certain (a post quoting the opening, say)."""
    from .editions import part_opening

    opening = part_opening(url).encode()
    start = whole.find(opening)
    if start < 0 or whole.find(opening, start + 1) >= 0:
        return None
    at = order.index(url)
    following = ("\n" + (part_opening(order[at + 1]) if at + 1 < len(order) else after_last)
                 ).encode()
    end = whole.find(following, start)
    if end < 0 or whole.find(following, end + 1) >= 0 or not whole.endswith(
            b"</template>", 0, end):
        return None
    return b"".join([whole[:start], part.encode("utf-8"), whole[end:]])


def _service_worker(client_dir: Path, record: BuildRecord, made: dict[str, bytes]) -> bytes:
    """sw.js with the entries of the files in `made` brought up to date."""
    from .service_worker import manifest_entry, service_worker

    manifest = [manifest_entry(entry["url"], hashlib.sha256(made[entry["url"]]).digest(),
                               entry["revision"] is None)
                if entry["url"] in made else entry for entry in record.site["manifest"]]
    record.site["manifest"] = manifest
    template = (client_dir / "sw.js").read_text(encoding="utf-8")
    return service_worker(template, manifest).encode("utf-8")


def _write(out_dir: Path, record: BuildRecord, made: dict[str, bytes]) -> int:
    """Replace the files whose bytes changed; note their new dates in `record`."""
    from .out_folder import replace_files
    from .output import holds

    out = out_dir.resolve()
    changed = {relative: data for relative, data in made.items()
               if not holds(out / relative, data)}
    if changed:
        replace_files(out, changed)
    for relative in changed:
        record.outputs[relative] = build_record.stat_of(out / relative) or [-1, -1]
    for folder in {".", *(os.path.dirname(relative) or "." for relative in changed)}:
        record.folders[folder] = os.stat(out / folder).st_mtime_ns
    return len(changed)

