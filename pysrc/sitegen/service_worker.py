"""sw.js: the service worker that saves a whole site for offline reading.

The build knows every file it is about to write, so the precache list is made
from those exact bytes: each entry carries a revision (a hash of its content,
so a new deploy re-fetches only what changed) and its Subresource Integrity
hash (so a damaged or half-updated file is refused, never cached). Files whose
URL already names their content (the runtime's folder, the wheel) need no
revision: they are fetched once and kept, and the browser's HTTP cache can
serve them, so the first visit does not download the runtime twice.

Left out: sw.js itself, the offline editions (large, and made for saving
as a file, not for reading here) and .nojekyll.
"""

from __future__ import annotations

import base64
import json
import re

from .output import SiteFiles

SW_PATH = "sw.js"
MANIFEST_PLACEHOLDER = "self.__WB_MANIFEST"
NOT_PRECACHED = re.compile(r"(^|/)(\.nojekyll|sw\.js|[^/]*\.offline\.html)$")


def precache_manifest(files: SiteFiles, content_addressed: tuple[str, ...] = ()) -> list[dict]:
    """One entry per file of the site, sorted by URL (so equal input, equal bytes).

    `content_addressed`: paths (or folder prefixes) whose name changes with their
    bytes, such as the runtime's folder and the wheel.
    """
    return [manifest_entry(url, files.digest(url), url.startswith(content_addressed))
            for url in sorted(files.paths()) if not NOT_PRECACHED.search(url)]


def manifest_entry(url: str, digest: bytes, content_addressed: bool = False) -> dict:
    """The precache entry of the file at `url` whose sha256 is `digest`."""
    return {"url": url, "revision": None if content_addressed else digest.hex()[:16],
            "integrity": "sha256-" + base64.b64encode(digest).decode()}


def service_worker(template: str, manifest: list[dict]) -> str:
    """client/sw.js with the manifest in place of `self.__WB_MANIFEST`."""
    if MANIFEST_PLACEHOLDER not in template:
        raise ValueError(f"the service worker template has no {MANIFEST_PLACEHOLDER}")
    listing = json.dumps(manifest, separators=(",", ":"), sort_keys=True)
    return template.replace(MANIFEST_PLACEHOLDER, listing, 1)
