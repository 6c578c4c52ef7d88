"""A post as one HTML file that works from the disk with no network: its offline edition.

A reader saves `posts/<slug>/<slug>.offline.html` (the post links to it) and opens it
from the disk, anywhere, offline: the text, the maths and every figure work, Python
included. The build holds every file of the site in memory (SiteFiles) before it writes
any, so the edition is made from the rendered post by putting in each file it refers to:

- stylesheets become <style> elements, their fonts data: URLs; KaTeX's stylesheet only on
  a page with maths (it styles nothing else), with only the fonts the page can use;
- images and files the post links to (a data table, say) become data: URLs; a link to a
  file gets a `download` name, since browsers will not open a data: URL as a page;
- binder.js and page.js are inlined, with client/edition.js before page.js; at the end
  of the body come the worker's source and the payload (Pyodide, numpy and our wheel,
  gzipped and base64-encoded: edition_payload.py), in script elements that never run.

Left out: Turbo and the service worker's scripts (nothing to swap in or save in a single
file) and the link to the edition itself. Links to the site's pages (other posts, tags,
the feed) point at the site when its address is known (a base URL with a host, or `url:`
in site.yml); otherwise they stay as they are, and the <link>s to the feed and to
translations go. A post without figures gets an edition without scripts or runtime.
"""

from __future__ import annotations

import base64
import mimetypes
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from urllib.parse import unquote, urlsplit

from .edition_shared import Piece, Stylesheets, encoded, pieces, split, utf8
from .html_tags import Tag, removal
from .html_urls import attribute_spans, is_local, relative_url, split_srcset
from .math_assets import fonts_used, with_fonts
from .output import SiteFiles
from .page_scan import EMBEDDED, REWRITTEN, scan_page

# client/: the theme's first paint, the figures' binder, Python's starter
INLINED_SCRIPTS = ("theme.js", "binder.js", "page.js")
LEFT_OUT_SCRIPTS = ("turbo.js", "workbox-window.js", "offline.js",  # page swaps, saving
                    "code-editor.js")  # code is edited in the plain textarea
LEFT_OUT_META = ("turbo-root", "turbo-cache-control", "nnpress-assets")  # Turbo's
# The site's policy allows only the site's own files; a file opened from disk
# has everything inline and reaches nothing: no network at all.
EDITION_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' blob:; "
    "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src data: blob:; "
    "worker-src blob:; base-uri 'none'; form-action 'none'"
)
EDITION_SCRIPT, WORKER_SCRIPT = "edition.js", "worker.js"  # from client/
WORKER_ID, PAYLOAD_ID = "nn-edition-worker", "nn-edition-payload"  # what edition.js reads
MATHS_STYLESHEET = "katex.min.css"
MEDIA_TYPES = mimetypes.MimeTypes()  # Python's own table: the same on every machine
MEDIA_TYPES.add_type("font/woff2", ".woff2")
MEDIA_TYPES.add_type("image/webp", ".webp")
CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]*)\1\s*\)""")
# What ends an inlined script or stylesheet early, or puts the parser in an odd state.
UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.I)
UNSAFE_IN_STYLE = re.compile(r"</style", re.I)


@dataclass
class Edition:
    """What makes an edition from a rendered page: the site's files and where it lives."""

    files: SiteFiles
    page_url: str  # "posts/x/": what the page's relative links start from
    site_url: str  # the site's address with its scheme, or "" when unknown
    scripts: dict[str, str]  # client/ file name -> source, for inlining
    payload: bytes | None  # base64 of the runtime's payload; None: a page without figures
    # Pages that are inside this file too (the whole-site edition): site path, as
    # site_path() gives it ("posts/b", "" for the index) -> their address in the file.
    inside: dict[str, str] = field(default_factory=dict)
    # The classes on the pages this file shows, for the maths fonts; None: `html`'s own.
    classes: set[str] | None = None
    file_url: str | None = None  # the folder of the file `html` goes into; None: page_url
    # The stylesheets inlined so far by this build's editions, shared among them: every
    # post inlines the same theme and the same maths fonts (edition_shared.py).
    stylesheets: Stylesheets | None = None
    _pieces: list[Piece] = field(default_factory=list, init=False, repr=False, compare=False)

    def make(self, html: str, before_body: str = "",
             tags: tuple[Tag, ...] | None = None) -> bytes:
        """The edition of `html`, with `before_body` (HTML) put before </body>. `tags`: the
        start tags of `html` that an edition may change (`scan_page`), when known."""
        return self.finish(self.rewritten(html, tags), before_body, self._pieces)

    def rewritten(self, html: str, tags: tuple[Tag, ...] | None = None) -> str:
        """`html` with each tag an edition changes changed: the edition without its runtime."""
        self._pieces = pieces(html, self.edits(html, tags))
        return "".join(text for text, _new in self._pieces)

    def edits(self, html: str, tags: tuple[Tag, ...] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, new text) for each tag of `html` an edition changes, in order."""
        if tags is None or self.classes is None:
            scanned_tags, own_classes = scan_page(html)
            tags = scanned_tags if tags is None else tags
        classes = own_classes if self.classes is None else self.classes
        edits: list[tuple[int, int, str]] = []
        for tag in tags:
            if edits and tag.start < edits[-1][1]:
                continue  # inside an element already replaced
            edit = self.rewrite(html, tag, classes)
            if edit is not None:
                edits.append(edit)
        return edits

    def finish(self, html: str, before_body: str = "",
               found: list[Piece] | None = None) -> bytes:
        """The edition of the `rewritten` page `html`: `before_body` and the runtime (when
        there is one) put before </body>. `found`: the pieces `html` was joined from, to
        encode one by one (edition_shared.py)."""
        found = [(html, False)] if found is None else found
        shared = self.stylesheets.encoded if self.stylesheets is not None else None
        if self.payload is None and not before_body:
            return utf8(found, shared)
        body_end = html.rfind("</body>")
        if body_end < 0:
            raise ValueError(f"{self.page_url or 'index'}: no </body> to put the runtime before")
        head, tail = split(found, body_end)
        parts = [utf8(head, shared), before_body.encode("utf-8")]
        if self.payload is not None:
            worker = inline_script(self.scripts[WORKER_SCRIPT],
                                   f' type="text/plain" id="{WORKER_ID}"')
            parts += [encoded(worker, shared),
                      f'\n<script type="application/octet-stream" id="{PAYLOAD_ID}">'.encode(),
                      self.payload, b"</script>\n"]
        return b"".join([*parts, utf8(tail, shared)])

    def rewrite(self, html: str, tag: Tag, classes: set[str]) -> tuple[int, int, str] | None:
        """(start, end, new text) for a tag that changes, or None."""
        name = tag.name
        if name not in REWRITTEN and "url(" not in tag.text:
            return None
        attrs = tag.attrs
        if name == "script" and is_local(attrs.get("src", "")):
            return self.script(html, tag)
        if name == "link" and is_local(attrs.get("href", "")):
            return self.link(html, tag, classes)
        if name == "meta" and attrs.get("name") in LEFT_OUT_META:
            return removal(html, tag.start, tag.end)
        if name == "meta" and attrs.get("http-equiv", "").lower() == "content-security-policy":
            return tag.start, tag.end, (
                f'<meta http-equiv="Content-Security-Policy" content="{EDITION_POLICY}">')
        if name == "a" and "nn-edition" in attrs.get("class", "").split():
            return removal(html, tag.start, html.index("</a>", tag.end) + len("</a>"))
        changes = {}
        if name == "a" and "href" in attrs and (is_local(attrs["href"]) or not attrs["href"]):
            changes = self.link_target(attrs["href"], attrs)  # "": the page itself
        for attr in EMBEDDED.get(name, ()):
            if attr in attrs and (attr == "srcset" or is_local(attrs[attr])):
                changes[attr] = self.embedded(attrs[attr], attr)
        if "url(" in attrs.get("style", ""):
            changes["style"] = self.css(attrs["style"], self.page_url)
        changes = {k: v for k, v in changes.items() if v != attrs.get(k)}
        return (tag.start, tag.end, with_attributes(tag.text, changes)) if changes else None

    def script(self, html: str, tag: Tag) -> tuple[int, int, str]:
        src = tag.attrs["src"]
        name = posixpath.basename(urlsplit(src).path)
        end = html.index("</script>", tag.end) + len("</script>")
        if name in LEFT_OUT_SCRIPTS or (name in INLINED_SCRIPTS and self.payload is None):
            return removal(html, tag.start, end)
        if name not in INLINED_SCRIPTS:
            raise ValueError(f"the offline edition does not know the script {src}: "
                             "add it to INLINED_SCRIPTS or LEFT_OUT_SCRIPTS")
        source = self.files.read(self.site_path(src)).decode("utf-8")
        keep = "".join(f' {k}="{escape(v)}"' for k, v in tag.attrs.items()
                       if k not in ("src", "defer", "async", "data-turbo-eval"))
        text = inline_script(source, keep)
        if name == "page.js":  # the edition's bootstrap must run first
            text = inline_script(self.scripts[EDITION_SCRIPT], "") + "\n" + text
        return tag.start, end, text

    def link(self, html: str, tag: Tag, classes: set[str]) -> tuple[int, int, str] | None:
        rel, href = tag.attrs.get("rel", "").lower().split(), tag.attrs["href"]
        path = self.site_path(href)
        if "stylesheet" in rel and path is not None:
            if posixpath.basename(path) == MATHS_STYLESHEET and "katex" not in classes:
                return removal(html, tag.start, tag.end)  # it styles nothing else
            return tag.start, tag.end, self.style_element(path, classes)
        if "icon" in rel and path is not None:
            new = with_attributes(tag.text, {"href": self.data_url(path)})
            return tag.start, tag.end, new
        if "alternate" in rel and self.site_url and path is not None:  # feed, translations
            return tag.start, tag.end, with_attributes(tag.text, {"href": self.absolute(href)})
        return removal(html, tag.start, tag.end)  # nothing there to point at from the disk

    def link_target(self, href: str, attrs: Mapping[str, str]) -> dict[str, str]:
        """A link: to a page of the site (the site's address, if known), or to a file (in)."""
        path = self.site_path(href)
        if path is None:
            return {}
        if self.is_page(path, href):
            if path in self.inside:
                fragment = urlsplit(href).fragment
                return {"href": self.inside[path] + (f"#{fragment}" if fragment else "")}
            return {"href": self.absolute(href) if self.site_url else self.relative(href)}
        if path not in self.files:
            return {}
        changes = {"href": self.data_url(path)}
        if "download" not in attrs:
            changes["download"] = posixpath.basename(path)
        return changes

    def embedded(self, value: str, attr: str) -> str:
        if attr == "srcset":
            return ", ".join(f"{self.embedded(url, 'src')} {d}".rstrip()
                             for url, d in split_srcset(value))
        path = self.site_path(value)
        return self.data_url(path) if path in self.files else value

    def style_element(self, path: str, classes: set[str]) -> str:
        """The stylesheet at `path` as a <style> element, its fonts and images inside; the
        maths stylesheet with only the fonts `classes` can use."""
        shared = self.stylesheets if self.stylesheets is not None else Stylesheets()
        if path not in shared.sources:
            shared.sources[path] = self.files.read(path).decode("utf-8")
        else:
            self.note(path)
        css = shared.sources[path]
        fonts = fonts_used(css, classes) if posixpath.basename(path) == MATHS_STYLESHEET else None
        key = (path, fonts)
        if key in shared.elements:
            element, touched = shared.elements[key]
            self.note(*touched)
            return element
        touched: list[str] = []
        inlined = self.css(with_fonts(css, fonts) if fonts is not None else css,
                           posixpath.dirname(path), touched)
        if UNSAFE_IN_STYLE.search(inlined):
            raise ValueError(f"{path} holds '</style', which would end it early")
        shared.elements[key] = (f"<style>{inlined}</style>", touched)
        return shared.elements[key][0]

    def note(self, *paths: str) -> None:
        """Count `paths` as read or looked for, when the site's files note what is."""
        note = getattr(self.files, "note", None)
        for path in paths if note else ():
            note(path)

    def css(self, css: str, folder: str, touched: list[str] | None = None) -> str:
        """A stylesheet (in site `folder`) with each local url() as a data: URL; the paths
        looked at are added to `touched`."""

        def inline(m: re.Match) -> str:
            url = m.group(2)
            if not is_local(url):
                return m.group(0)
            path = site_path(url, folder + "/")
            if touched is not None and path is not None:
                touched.append(path)
            return f"url({self.data_url(path)})" if path in self.files else m.group(0)

        return CSS_URL.sub(inline, css)

    def site_path(self, url: str) -> str | None:
        return site_path(url, self.page_url)

    def is_page(self, path: str, href: str) -> bool:
        return (urlsplit(href).path.endswith("/") or path == ""
                or path.endswith((".html", ".xml")) or f"{path}/index.html" in self.files)

    def absolute(self, href: str) -> str:
        """A page of the site, at the site's address."""
        path, rest = self.target(href)
        return self.site_url + path + rest

    def relative(self, href: str) -> str:
        """A page of the site, from the folder of the file (which stays on the disk)."""
        path, rest = self.target(href)
        return relative_url(path, self.page_url if self.file_url is None else self.file_url) + rest

    def target(self, href: str) -> tuple[str, str]:
        """A page's site path ("posts/b/") and what follows it ("?q#part")."""
        parts = urlsplit(href)
        path = self.site_path(href) or ""
        path += "/" if path and parts.path.endswith("/") else ""
        return path, ((f"?{parts.query}" if parts.query else "")
                      + (f"#{parts.fragment}" if parts.fragment else ""))

    def data_url(self, path: str) -> str:
        media_type = MEDIA_TYPES.guess_type(path)[0] or "application/octet-stream"
        return data_url(media_type, self.files.read(path))


def site_path(url: str, folder: str) -> str | None:
    """The site path ("static/site.css", "" for the root) a relative URL in `folder` names."""
    path = unquote(urlsplit(url).path)
    if path.startswith("/"):
        return None
    target = posixpath.normpath(posixpath.join(folder, path))
    if target == ".." or target.startswith("../"):
        return None
    return "" if target == "." else target


@lru_cache(maxsize=256)  # the same fonts and icon go into every edition of a build
def data_url(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def with_attributes(tag_text: str, changes: dict[str, str]) -> str:
    """A start tag with some attribute values replaced, or appended if it had none."""
    for start, end, name, _value in sorted(attribute_spans(tag_text), reverse=True):
        if name in changes:
            tag_text = tag_text[:start] + f'"{escape(changes.pop(name))}"' + tag_text[end:]
    close = len(tag_text) - (2 if tag_text.endswith("/>") else 1)
    added = "".join(f' {name}="{escape(value)}"' for name, value in changes.items())
    return tag_text[:close] + added + tag_text[close:]


def inline_script(source: str, attributes: str) -> str:
    if UNSAFE_IN_SCRIPT.search(source):
        raise ValueError("a script for the offline edition holds '</script' or '<!--'")
    return f"<script{attributes}>\n{source}</script>"
