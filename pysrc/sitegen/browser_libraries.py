"""The browser libraries a site ships: Turbo (pages swap in, Python keeps running)
and Workbox (the service worker that saves the site for offline reading).

Both come from npm (``npm ci``, pinned in package-lock.json) and are copied into
every build under ``static/vendor/``: nothing is fetched from a CDN when a page
is read. Each file's sha256 is pinned below, so a different or damaged install
is refused instead of shipped. The trailing ``sourceMappingURL`` comment is cut
(the maps are not shipped, and a link to a missing file is noise).

One edit is made, after the check: Turbo puts its progress bar's stylesheet
into the page as a ``<style>`` element when it starts, which the pages'
Content-Security-Policy (``style-src 'self'``) refuses; the same rules live in
``templates/static/site.css`` instead.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .vendored import VendorError

SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")


@dataclass(frozen=True)
class Library:
    package: str  # npm package name
    version: str  # as pinned in package-lock.json
    file: str  # path inside the package
    sha256: str  # of that file, as npm installs it
    site_path: str  # where the build puts it
    edits: tuple[tuple[bytes, bytes], ...] = ()  # (text, replacement), each found once

    def read(self, node_modules: Path) -> bytes:
        pkg = Path(node_modules) / self.package
        hint = f" (is node_modules/{self.package} {self.version} intact? run `npm ci`)"
        try:
            version = json.loads((pkg / "package.json").read_text("utf-8")).get("version")
            data = (pkg / self.file).read_bytes()
        except (OSError, ValueError):
            raise VendorError(f"{pkg / self.file} missing: run `npm ci`") from None
        if version != self.version:
            raise VendorError(f"{pkg} is {version}, need {self.version}: run `npm ci`")
        actual = hashlib.sha256(data).hexdigest()
        if actual != self.sha256:
            raise VendorError(f"sha256 mismatch for {pkg / self.file}: expected "
                              f"{self.sha256}, got {actual}{hint}")
        for text, replacement in self.edits:
            if data.count(text) != 1:
                raise VendorError(f"{pkg / self.file}: cannot apply the edit {text[:40]!r}")
            data = data.replace(text, replacement)
        return SOURCE_MAP.sub(b"\n", data)


WORKBOX = "7.4.1"
LIBRARIES = (
    Library("@hotwired/turbo", "8.0.23", "dist/turbo.es2017-umd.js",
            "f9e09e3a3093874fe56d5341ca3594ac959f8b097c9b6171a5b37838da3aec81",
            "static/vendor/turbo.js",
            edits=((b"this.installStylesheetElement();",
                    b"/* nnpress: the progress bar is styled by site.css */"),)),
    Library("workbox-window", WORKBOX, "build/workbox-window.prod.umd.js",
            "aeb98438cab28b5e823effa82708f929d58dcd149c7f09ee075e9159589b7eb8",
            "static/vendor/workbox-window.js"),
    # The service worker's own modules, loaded by sw.js with importScripts().
    Library("workbox-core", WORKBOX, "build/workbox-core.prod.js",
            "e5fe645c1c2019c0e32b5a863a03b484db2311d17df443704c025babc0bb1f4f",
            "static/workbox/workbox-core.prod.js"),
    Library("workbox-routing", WORKBOX, "build/workbox-routing.prod.js",
            "844e227e94979b17caa529a90bead72541c32985d91f1e17ed2589a741cf7647",
            "static/workbox/workbox-routing.prod.js"),
    Library("workbox-strategies", WORKBOX, "build/workbox-strategies.prod.js",
            "c4139ddc2510aea347456a8ed167f820683492561394c64fd1eca5827cd219d3",
            "static/workbox/workbox-strategies.prod.js"),
    Library("workbox-precaching", WORKBOX, "build/workbox-precaching.prod.js",
            "a7c8857d7754a36f076646ddb3a36d4c08d91f37e9310a1313495c3b1875f1da",
            "static/workbox/workbox-precaching.prod.js"),
)


def browser_libraries(node_modules: Path) -> dict[str, bytes]:
    """Every library file, verified, by its path in the site."""
    return {lib.site_path: lib.read(node_modules) for lib in LIBRARIES}
