"""Write the site atomically: a failed build leaves the previous one untouched.

Everything is written into a staging folder beside the output; only when the
whole build has succeeded does it replace the output folder, by renames.
The staging folder starts as hard links to the previous build, so a file
whose bytes did not change costs nothing (the 17 MB runtime, unchanged
pages). A changed file is replaced, never written in place, so the previous
build, which shares those links, is never modified.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class SiteWriter:
    def __init__(self, root: Path):
        self.root = root
        self.written: set[str] = set()
        self.changed = 0

    def write_bytes(self, relative: str, data: bytes) -> None:
        path = self.root / relative
        self.written.add(relative)
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return  # same bytes as the previous build: keep the link
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        path.write_bytes(data)
        self.changed += 1

    def write_text(self, relative: str, text: str) -> None:
        self.write_bytes(relative, text.encode("utf-8"))

    def copy_file(self, source: Path, relative: str) -> None:
        self.write_bytes(relative, source.read_bytes())

    def keep_folder(self, relative: str) -> None:
        """Claim every file below a folder another module filled (the runtime)."""
        for path in (self.root / relative).rglob("*"):
            if path.is_file():
                self.written.add(path.relative_to(self.root).as_posix())

    def remove_stale(self) -> None:
        """Files of the previous build that this build did not produce."""
        for path in sorted(self.root.rglob("*"), reverse=True):
            rel = path.relative_to(self.root).as_posix()
            if path.is_file() and rel not in self.written:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def _link_tree(source: Path, dest: Path) -> None:
    for dirpath, _dirnames, filenames in os.walk(source):
        target = dest / Path(dirpath).relative_to(source)
        target.mkdir(parents=True, exist_ok=True)
        for name in filenames:
            try:
                os.link(Path(dirpath) / name, target / name)
            except OSError:
                shutil.copy2(Path(dirpath) / name, target / name)


@contextmanager
def staged_output(out_dir: Path) -> Iterator[SiteWriter]:
    out_dir = out_dir.resolve()
    staging = out_dir.with_name(f".{out_dir.name}.staging")
    old = out_dir.with_name(f".{out_dir.name}.old")
    for leftover in (staging, old):
        shutil.rmtree(leftover, ignore_errors=True)
    if out_dir.is_dir():
        _link_tree(out_dir, staging)
    staging.mkdir(parents=True, exist_ok=True)
    writer = SiteWriter(staging)
    try:
        yield writer
        writer.remove_stale()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if out_dir.exists():
        out_dir.rename(old)
    staging.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
