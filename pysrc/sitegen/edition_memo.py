"""Offline editions remade only when something they are made of changed.

An edition is a rendered page with its stylesheets, scripts, fonts and images
inlined: slow to make (every start tag is looked at) and large, and a build
makes one per post plus the whole site's. Each is remembered by a key, a hash
of the HTML and settings it is made from, together with a digest of every site
file it read or looked for. When the next build asks for the same key and
those files are unchanged, the previous build's output file is linked into the
new site as it is (its size and modification time say it is still the file
that was written), and nothing is made again. The parts of the whole-site
edition (one per post) are remembered the same way, their text together in one
file beside the cache (creating a file costs a third of a millisecond here; a
build of 500 posts spent more on them than on the site edition itself).

Like the conversion cache (cache.py), nothing is ever invalidated by hand: the
build's own code is part of every key, and entries a build did not use are
dropped when it saves.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .cache import ConversionCache, key_for
from .file_digests import digest
from .output import Origin, SiteFiles


class Reads:
    """A site's files as an edition sees them, noting what it read or looked for."""

    def __init__(self, files: SiteFiles, digests: Callable[[str], str | None]):
        self.files, self._digest = files, digests
        self.seen: dict[str, str | None] = {}  # path -> digest, None: looked for, absent

    def read(self, relative: str) -> bytes:
        self.seen[relative] = self._digest(relative)
        return self.files.read(relative)

    def note(self, relative: str) -> None:
        """Count `relative` as read: what was read from it is still at hand (a stylesheet
        another edition of the build inlined)."""
        self.seen.setdefault(relative, self._digest(relative))

    def __contains__(self, relative: object) -> bool:
        if not isinstance(relative, str):
            return False
        self.seen.setdefault(relative, self._digest(relative))
        return relative in self.files


class EditionMemo:
    def __init__(self, path: Path | None, files: SiteFiles, out_dir: Path):
        self.entries = ConversionCache(path)
        self.parts_path = path.with_name(f"{path.stem}-parts.json") if path else None
        self._parts: dict[str, str] | None = None  # key -> text, read when first wanted
        self._parts_changed = False
        self.files, self.out_dir = files, out_dir
        self._digests: dict[str, str | None] = {}
        self.written: dict[str, str] = {}  # key -> output path, to note after writing
        self.made = 0  # editions and parts made this build (the rest were remembered)

    def file_digest(self, relative: str) -> str | None:
        """A digest of the site file at `relative` as this build has it; None: no such file."""
        if relative not in self._digests:
            self._digests[relative] = (self.files.digest(relative).hex()
                                       if relative in self.files else None)
        return self._digests[relative]

    def key(self, *parts: str | bytes) -> str:
        return key_for(digest(*parts))

    def _still_valid(self, entry: dict) -> bool:
        return all(self.file_digest(p) == d for p, d in entry["reads"].items())

    def previous(self, key: str, relative: str) -> int | None:
        """The size of the previous build's file at `relative`, if it is still the edition
        `key` (nothing read or looked for has changed since); None: it must be made."""
        entry = self.entries.entries.get(key)
        if entry is None or entry["path"] != relative or not self._still_valid(entry):
            return None
        try:
            stat = (self.out_dir / relative).stat()
        except OSError:
            return None
        return entry["size"] if (stat.st_size, stat.st_mtime_ns) == (
            entry["size"], entry["mtime_ns"]) else None

    def reuse(self, key: str, relative: str, origin: Origin) -> None:
        """Put the previous build's file for `key` in the site (`previous` said it is)."""
        self.entries.get(key)  # used: kept for the next build
        self.files.copy_file(self.out_dir / relative, relative, origin)  # linked, never copied

    def reads(self) -> Reads:
        """What an edition being made reads through, for `store`."""
        return Reads(self.files, self.file_digest)

    def store(self, key: str, relative: str, origin: Origin, data: bytes,
              seen: dict[str, str | None]) -> None:
        """Put the edition `key`, just made having read `seen`, at `relative` in the site."""
        self.made += 1
        self.files.write_bytes(relative, data, origin)
        self.entries.put(key, {"path": relative, "size": len(data), "mtime_ns": 0,
                               "reads": seen})
        self.written[key] = relative

    def store_file(self, key: str, relative: str, origin: Origin, made: Path, size: int,
                   seen: dict[str, str | None]) -> None:
        """`store`, for an edition another process made into the file `made`."""
        self.made += 1
        self.files.link_file(made, relative, origin)
        self.entries.put(key, {"path": relative, "size": size, "mtime_ns": 0, "reads": seen})
        self.written[key] = relative

    def edition(self, key: str, relative: str, origin: Origin,
                make: Callable[[Reads], bytes]) -> int:
        """Put the edition `key` at `relative` in the site, made by `make` unless the
        previous build's file is still it; returns its size in bytes."""
        size = self.previous(key, relative)
        if size is not None:
            self.reuse(key, relative, origin)
            return size
        reads = self.reads()
        data = make(reads)
        self.store(key, relative, origin, data, reads.seen)
        return len(data)

    def part(self, key: str, make: Callable[[Reads], str], within: Reads) -> str:
        """A piece of the edition `within` is making (a post inside the whole site's),
        remembered by `key`; what the piece read counts as read by that edition too."""
        entry = self.entries.get(key)
        parts = self._stored_parts()
        if entry is not None and key in parts and self._still_valid(entry):
            within.seen.update(entry["reads"])
            return parts[key]
        reads = Reads(self.files, self.file_digest)
        text = make(reads)
        self.made += 1
        parts[key], self._parts_changed = text, True
        self.entries.put(key, {"reads": reads.seen})
        within.seen.update(reads.seen)
        return text

    def has_part(self, key: str) -> bool:
        """Whether `part` would find the piece `key` remembered."""
        entry = self.entries.entries.get(key)
        return entry is not None and key in self._stored_parts() and self._still_valid(entry)

    def put_part(self, key: str, text: str, seen: dict[str, str | None]) -> None:
        """Remember the piece `key`, made (by another process) having read `seen`."""
        self.made += 1
        self._stored_parts()[key], self._parts_changed = text, True
        self.entries.put(key, {"reads": seen})

    def _stored_parts(self) -> dict[str, str]:
        if self._parts is None:
            self._parts = {}
            if self.parts_path and self.parts_path.is_file():
                try:
                    self._parts = dict(json.loads(self.parts_path.read_text(encoding="utf-8")))
                except (OSError, ValueError):
                    pass  # a damaged cache only costs time
        return self._parts

    def keep(self, keys) -> None:
        """Keep the entries `keys` for the next build though this one did not need them
        (the parts of a whole edition that was itself kept)."""
        for key in keys:
            self.entries.get(key)

    def recalls(self, key: str) -> bool:
        """Whether `remembered` has a value for `key` without computing it."""
        return key in self.entries.entries

    def remembered(self, key: str, compute: Callable[[], list[str]]) -> list[str]:
        """A small value (a list of strings) remembered by `key`."""
        entry = self.entries.get(key)
        if entry is None:
            entry = {"value": compute()}
            self.entries.put(key, entry)
        return entry["value"]

    def save(self) -> None:
        """After the site is written: note each new edition file's date, keep what this
        build used, drop the rest (and the parts no entry names)."""
        for key, relative in self.written.items():
            try:
                stat = (self.out_dir / relative).stat()
            except OSError:
                continue
            self.entries.entries[key]["mtime_ns"] = stat.st_mtime_ns
        self.entries.save()
        if self._parts is not None and self.parts_path:
            kept = {k: v for k, v in sorted(self._parts.items()) if k in self.entries.used}
            if self._parts_changed or len(kept) < len(self._parts):
                self.parts_path.parent.mkdir(parents=True, exist_ok=True)
                self.parts_path.write_text(json.dumps(kept), encoding="utf-8")
