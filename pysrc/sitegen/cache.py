"""Remember converted Markdown between builds, so an edit re-converts one page.

Each entry is keyed by a hash of everything the conversion reads: the page's
source text, the code that converts it (sitegen/ and the widgets in pysrc/),
and the site-wide facts links are checked against. Change any of them and
the key changes; nothing is ever invalidated by hand.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from . import project_files

VERSION = 2  # bump when the entry format changes


@cache
def code_fingerprint() -> str:
    """A hash of the Python that turns Markdown into HTML (build and widget code)."""
    digest = hashlib.sha256(str(VERSION).encode())
    for folder in (Path(__file__).resolve().parent, project_files.BROWSER_PACKAGE):
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.relative_to(folder.parent).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key_for(*parts: str) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


class ConversionCache:
    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[str, dict] = {}
        self.used: set[str] = set()
        self.changed = False  # an entry was put since the cache was read
        if path and path.is_file():
            try:
                self.entries = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.entries = {}  # a damaged cache only costs time

    def get(self, key: str) -> dict | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.used.add(key)
        return entry

    def put(self, key: str, entry: dict) -> None:
        self.entries[key] = entry
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Keep only the entries this build used: the cache never outgrows the site."""
        if not self.path or (not self.changed and self.used == self.entries.keys()
                             and self.path.is_file()):
            return  # the file holds just these already
        kept = {k: self.entries[k] for k in sorted(self.used)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(kept), encoding="utf-8")
        tmp.replace(self.path)
