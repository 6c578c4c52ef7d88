"""`build.py check`: does every link in a built site lead somewhere?

The site must work from any sub-path (a GitHub Pages project site lives at
/<repo>/), so a local link must be relative and must name a file the build
wrote: `../b/` needs `b/index.html`, `../../images/a.png` needs that file,
with its exact case (Pages is case-sensitive even when this disk is not).
A link starting with "/" is reported too: it works on a preview server and
breaks on Pages. The exceptions are 404.html, which Pages serves at any
address, and offline.html, which the service worker shows at any address, so
their links must be absolute; with `base_url` they are checked under it.
Feeds and the sitemap hold full URLs by design and are skipped.
"""

from __future__ import annotations

import posixpath
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..html_urls import is_local, split_srcset

URL_ATTRIBUTES = {"href", "src", "poster", "xlink:href"}  # on any tag; srcset apart
# Shown at any URL (by Pages, by the service worker offline): links start from the base URL.
ANY_DEPTH_PAGES = ("404.html", "offline.html")
# CSS: url(x) / url("x") / url('x') and @import "x"; comments are blanked out first
CSS_URL = re.compile(
    r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')"""
)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@dataclass
class Problem:
    file: str  # site-relative, e.g. "posts/a/index.html"
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def check(out_dir: Path, base_url: str | None = None) -> list[Problem]:
    """Every unresolvable or absolute local link in the HTML and CSS under `out_dir`."""
    files = {p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file()}
    problems: list[Problem] = []
    for file in sorted(files):
        if file.endswith((".html", ".htm")):
            refs = html_references(read_text(out_dir / file))
        elif file.endswith(".css"):
            refs = css_references(read_text(out_dir / file))
        else:
            continue
        for line, url in refs:
            message = check_reference(url, file, files, base_url)
            if message:
                problems.append(Problem(file, line, message))
    return problems


def check_reference(url: str, file: str, files: set[str], base_url: str | None) -> str | None:
    """What is wrong with `url`, written in `file`; None if nothing."""
    if not is_local(url):
        return None
    path = unquote(urlsplit(url).path)
    if path.startswith("/"):
        if file not in ANY_DEPTH_PAGES:
            return f"absolute link '{url}' breaks when the site is served from a sub-path"
        if base_url is None:
            return None  # expected here; without the base URL there is nothing to check against
        base = "/" + base_url.strip("/") + "/" if base_url.strip("/") else "/"
        if not (path + "/").startswith(base):
            return f"link '{url}' is outside the site's base URL {base}"
        target = posixpath.normpath(path[len(base):] or ".")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(file), path))
    if target == ".." or target.startswith("../"):
        return f"link '{url}' goes above the site root"
    target = "" if target == "." else target
    if path.endswith("/") or target == "" or target not in files:
        page = posixpath.join(target, "index.html")
        if page in files:
            return None
        if path.endswith("/") or target == "":
            return f"broken link '{url}': no {page}"
        return f"broken link '{url}': no file {target}"
    return None


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


class ReferenceCollector(HTMLParser):
    """(line, url) of every URL in a page: attributes, srcset, inline and <style> CSS."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[tuple[int, str]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        tag_text = self.get_starttag_text() or ""
        for name, value in attrs:
            if not value:
                continue
            at = line + tag_text[: max(tag_text.find(name), 0)].count("\n")  # multi-line tags
            if name in URL_ATTRIBUTES:
                self.references.append((at, value))
            elif name == "srcset":
                self.references += [(at, url) for url, _ in split_srcset(value)]
            elif name == "style":
                self.references += [(at + n - 1, url) for n, url in css_references(value)]
        self._in_style = tag == "style"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            line = self.getpos()[0]
            self.references += [(line + n - 1, url) for n, url in css_references(data)]


def html_references(html: str) -> list[tuple[int, str]]:
    collector = ReferenceCollector()
    collector.feed(html)
    collector.close()
    return collector.references


def css_references(css: str) -> list[tuple[int, str]]:
    """(line, url) of each url(...) and @import in a stylesheet."""
    css = CSS_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), css)
    return [
        (css.count("\n", 0, m.start()) + 1, next(g for g in m.groups() if g is not None))
        for m in CSS_URL.finditer(css)
    ]


def main(out_dir: Path, base_url: str | None = None) -> int:
    """The CLI verb: one `path:line: message` line per problem; 1 if there were any."""
    if not out_dir.is_dir():
        print(f"{out_dir}: error: no built site here (run 'build.py build' first)", file=sys.stderr)
        return 1
    problems = check(out_dir, base_url)
    for problem in problems:
        print(f"{out_dir / problem.file}:{problem.line}: {problem.message}")
    print(f"checked {out_dir}/: {len(problems) or 'no'} problem{'s' * (len(problems) != 1)}",
          file=sys.stderr)
    return 1 if problems else 0
