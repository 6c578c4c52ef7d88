"""Write the site: everything is rendered first, then written in one pass.

A build renders every file into memory (or names the file to copy) before it
touches the output folder, so a mistake in any post stops the build while the
previous site is still whole. Two things asking for the same output path (a
content file named `index.html`, two posts' assets) stop it too, naming both.

The write pass builds the new site in a staging folder beside the old one and
swaps it in (`out_folder.swap_in`): a reader or a killed build never sees old
and new pages side by side. Files whose bytes did not change are hard links to
the old build's, so they cost no copying and keep their dates; only changed
files are written. When nothing changed, nothing is touched at all. When only a few
files changed and none went away (an edit), those few are swapped in place instead,
all or none, through a journal (`out_folder.replace_files`): linking a thousand
unchanged files into a staging folder costs more than the edit.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .errors import BuildError
from .file_digests import file_sha256
from .out_folder import MARKER, MARKER_TEXT, recover, replace_files, staging_dir, swap_in

Origin = Path | str  # an author's file, or what the build makes ("the index page")
WRITERS = 4  # threads writing new files
# Up to this many changed files, and none removed, the site is changed in place (an
# edit's few files, swapped in through a journal: out_folder.replace_files) rather
# than staged whole (linking a thousand unchanged files costs more than writing them).
IN_PLACE_MAX = 64


@dataclass
class SiteFiles:
    """The whole output of a build, by site-relative path."""

    data: dict[str, bytes] = field(default_factory=dict)  # rendered files
    copies: dict[str, Path] = field(default_factory=dict)  # files copied as they are
    origins: dict[str, Origin] = field(default_factory=dict)  # who asked for each path
    # copies the build made itself, in a scratch folder: linked into the site, not copied
    made: set[str] = field(default_factory=set)

    def write_text(self, relative: str, text: str, origin: Origin) -> None:
        self.write_bytes(relative, text.encode("utf-8"), origin)

    def write_bytes(self, relative: str, data: bytes, origin: Origin) -> None:
        self._claim(relative, origin)
        self.data[relative] = data

    def replace_text(self, relative: str, text: str) -> None:
        """Render again a file this build already wrote (a page that learns a size)."""
        if relative not in self.data:
            raise KeyError(f"{relative}: nothing to replace")
        self.data[relative] = text.encode("utf-8")

    def copy_file(self, source: Path, relative: str, origin: Origin) -> None:
        self._claim(relative, origin)
        self.copies[relative] = source

    def link_file(self, source: Path, relative: str, origin: Origin) -> None:
        """A file this build made at `source` (never an author's: the site gets a hard
        link to it, which would share the author's edits)."""
        self.copy_file(source, relative, origin)
        self.made.add(relative)

    def __contains__(self, relative: str) -> bool:
        return relative in self.data or relative in self.copies

    def read(self, relative: str) -> bytes:
        data = self.data.get(relative)
        return data if data is not None else self.copies[relative].read_bytes()

    def digest(self, relative: str) -> bytes:
        """The sha256 of the file at `relative` (a copied file's: remembered, file_digests.py)."""
        data = self.data.get(relative)
        return hashlib.sha256(data).digest() if data is not None else file_sha256(
            self.copies[relative])

    def paths(self) -> set[str]:
        return set(self.data) | set(self.copies)

    def _claim(self, relative: str, origin: Origin) -> None:
        if relative in self.origins or relative == MARKER:
            _clash(relative, origin, self.origins.get(relative, "the build's marker"))
        self.origins[relative] = origin

    def check_layout(self) -> None:
        """No file where another needs a folder (`content/tags` vs `tags/index.html`)."""
        for relative, origin in self.origins.items():
            parts = relative.split("/")
            for depth in range(1, len(parts)):
                folder = "/".join(parts[:depth])
                if folder in self.origins:
                    _clash(folder, self.origins[folder], origin, f"{relative} needs {folder}/")


def _clash(relative: str, origin: Origin, other: Origin, why: str = "") -> None:
    """Two things want `relative`; blame the author's file (a Path) if there is one."""
    blamed, rival = (origin, other) if isinstance(origin, Path) else (other, origin)
    detail = f" ({why})" if why else ""
    if not isinstance(blamed, Path):  # two parts of the build: our bug, said plainly
        raise BuildError(relative, None, f"written twice, by {origin} and by {other}{detail}")
    if isinstance(rival, Path):
        raise BuildError(blamed, None, f"would be published as {relative}, as would {rival}"
                                       f"{detail}; rename or move one of them")
    raise BuildError(blamed, None, f"would be published as {relative}, where the build puts "
                                   f"{rival}{detail}; rename or move it")


def holds(previous: Path, data: bytes) -> bool:
    """Whether the file at `previous` holds `data` already."""
    try:
        return previous.stat().st_size == len(data) and previous.read_bytes() == data
    except OSError:
        return False


def _unchanged_copy(source: Path, previous: Path) -> bool:
    try:
        a, b = source.stat(), previous.stat()
    except OSError:
        return False
    same_inode = (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)
    # Nanoseconds: copy2 keeps them, and an image replaced by one of the same size
    # within the same second as the last build is still a different image.
    return same_inode or (a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns)


def _same_bytes(made: Path, previous: Path) -> bool:
    """A file the build made (in a scratch folder) holds what the old site's does."""
    try:
        return made.stat().st_size == previous.stat().st_size and (
            made.read_bytes() == previous.read_bytes())
    except OSError:
        return False


def _old_files(root: Path) -> set[str]:
    found = set()
    for folder, _dirs, names in os.walk(root):
        rel = Path(folder).relative_to(root)
        found.update((rel / name).as_posix() for name in names)
    return found


class _Staging:
    """The new site's folder, filled file by file."""

    def __init__(self, root: Path):
        self.root = root
        self.folders: set[Path] = set()

    def dest(self, relative: str) -> Path:
        """Where `relative` goes, its folder made (by any of the writing threads)."""
        path = self.root / relative
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        return path

    def write(self, relative: str, data: bytes) -> None:
        self.dest(relative).write_bytes(data)

    def copy(self, source: Path, relative: str) -> None:
        shutil.copy2(source, self.dest(relative))

    def link(self, previous: Path, relative: str) -> None:
        dest = self.dest(relative)
        try:
            os.link(previous, dest)
        except OSError:  # a file system without hard links
            shutil.copy2(previous, dest)


def write_site(out_dir: Path, files: SiteFiles) -> int:
    """Make `out_dir` hold exactly `files` (and the marker); returns how many files
    changed (written, or removed)."""
    out = out_dir.resolve()
    recover(out)  # what an interrupted build left (build() has done it too, before reading)
    previous = out if out.is_dir() else None
    old = _old_files(previous) if previous else set()
    unchanged = {rel for rel, data in files.data.items()
                 if rel in old and holds(out / rel, data)}
    unchanged |= {rel for rel, source in files.copies.items()
                  if rel in old and (_unchanged_copy(source, out / rel) or (
                      rel in files.made and _same_bytes(source, out / rel)))}
    if MARKER in old and holds(out / MARKER, MARKER_TEXT):
        unchanged.add(MARKER)
    wanted = files.paths() | {MARKER}
    changed = len(wanted - unchanged) + len(old - wanted)
    if changed == 0:
        return 0
    if previous and _in_place(out, files, wanted - unchanged, old - wanted):
        try:
            replace_files(out, {rel: files.data[rel] if rel in files.data else files.copies[rel]
                                for rel in wanted - unchanged}, frozenset(files.made))
        except OSError as exc:
            raise BuildError(out_dir, None, f"could not write the site: {exc}") from None
        return changed
    staging = staging_dir(out)
    try:
        _fill(_Staging(staging), files, previous, unchanged)
        swap_in(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(out_dir, None, f"could not write the site: {exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return changed


def _in_place(out: Path, files: SiteFiles, changing: set[str], removed: set[str]) -> bool:
    """Whether to change the site in place: a few files, none removed, each in a folder
    the site has, none the marker."""
    return (not removed and len(changing) <= IN_PLACE_MAX and MARKER not in changing
            and all((out / rel).parent.is_dir() for rel in changing))


def _fill(staging: _Staging, files: SiteFiles, previous: Path | None,
          unchanged: set[str]) -> None:
    # The marker first: a staging folder found later is then known to be ours.
    staging.dest(MARKER).write_bytes(MARKER_TEXT)
    jobs: list[Callable[[], object]] = []
    for rel, data in sorted(files.data.items()):
        if rel in unchanged:
            staging.link(previous / rel, rel)  # type: ignore[operator]
        else:
            jobs.append(partial(staging.write, rel, data))
    for rel, source in sorted(files.copies.items()):
        if rel in unchanged:
            staging.link(previous / rel, rel)  # type: ignore[operator]
        elif rel in files.made:
            jobs.append(partial(staging.link, source, rel))
        else:
            jobs.append(partial(staging.copy, source, rel))
    # Making a folder or a file costs the kernel far more than copying bytes (up to a
    # millisecond each on a virtual disk): a few threads overlap that waiting.
    from concurrent.futures import ThreadPoolExecutor  # not needed by a quick rebuild

    writers = ThreadPoolExecutor(WRITERS)
    try:
        for done in [writers.submit(job) for job in jobs]:
            done.result()  # the first error, raised here
    finally:
        writers.shutdown(cancel_futures=True)
