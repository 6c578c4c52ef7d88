"""Write the site: everything is rendered first, then written in one pass.

A build renders every file into memory (or names the file to copy) before it
touches the output folder, so a mistake in any post stops the build while the
previous site is still whole. The write pass then changes only files whose
bytes differ, each replaced by a rename (never written in place), and removes
files the site no longer has; a first build goes to a staging folder that is
renamed into place.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SiteFiles:
    """The whole output of a build, by site-relative path."""

    data: dict[str, bytes] = field(default_factory=dict)  # rendered files
    copies: dict[str, Path] = field(default_factory=dict)  # files copied as they are

    def write_text(self, relative: str, text: str) -> None:
        self.data[relative] = text.encode("utf-8")

    def write_bytes(self, relative: str, data: bytes) -> None:
        self.data[relative] = data

    def copy_file(self, source: Path, relative: str) -> None:
        self.copies[relative] = source

    def __contains__(self, relative: str) -> bool:
        return relative in self.data or relative in self.copies

    def read(self, relative: str) -> bytes:
        data = self.data.get(relative)
        return data if data is not None else self.copies[relative].read_bytes()

    def paths(self) -> set[str]:
        return set(self.data) | set(self.copies)


def _same_copy(source: Path, dest: Path) -> bool:
    try:
        a, b = source.stat(), dest.stat()
    except FileNotFoundError:
        return False
    same_inode = (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)
    return same_inode or (a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime))


def _replace(dest: Path, write) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    write(tmp)
    os.replace(tmp, dest)


def _write_into(root: Path, files: SiteFiles) -> int:
    changed = 0
    for rel, data in sorted(files.data.items()):
        dest = root / rel
        if dest.is_file() and dest.stat().st_size == len(data) and dest.read_bytes() == data:
            continue
        _replace(dest, lambda tmp, data=data: tmp.write_bytes(data))
        changed += 1
    for rel, source in sorted(files.copies.items()):
        dest = root / rel
        if _same_copy(source, dest):
            continue
        _replace(dest, lambda tmp, source=source: shutil.copy2(source, tmp))
        changed += 1
    return changed


def _remove_stale(root: Path, keep: set[str]) -> int:
    removed = 0
    for dirpath, _dirnames, filenames in os.walk(root, topdown=False):
        for name in filenames:
            path = Path(dirpath) / name
            if path.relative_to(root).as_posix() not in keep:
                path.unlink()
                removed += 1
        if dirpath != str(root) and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return removed


def write_site(out_dir: Path, files: SiteFiles) -> int:
    """Make `out_dir` hold exactly `files`; returns how many files changed."""
    if out_dir.is_dir():
        changed = _write_into(out_dir, files)
        return changed + _remove_stale(out_dir, files.paths())
    staging = out_dir.with_name(f".{out_dir.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        changed = _write_into(staging, files)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging.rename(out_dir)
    return changed
