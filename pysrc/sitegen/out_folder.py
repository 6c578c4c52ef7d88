"""The output folder: which one a build may replace, and what an interrupted build left.

A build replaces its output folder entirely, so pointing `--out` at the wrong
folder must not cost the author anything. Before touching anything a build
checks that the folder is new, empty or an earlier nnpress build (it holds
the MARKER file every build writes), and that it neither is, holds nor sits
inside the content folder.

A new site is written beside the old one, in `.<out>.staging`, then swapped
in by two renames (old -> `.<out>.old`, staging -> out) and the old one is
deleted. Killed at any moment, a build leaves the old site or the new one,
never a mix; `recover` at the start of the next build puts the old site back
if the kill fell between the renames, and removes what was left behind.

A quick rebuild (quick_rebuild.py) changes a few files in place instead
(`replace_files`): each new file is written beside the old one, a journal naming
them is committed by a rename, and each is renamed over its old self. Killed
before the commit, the old site is whole and `recover` removes the new files;
after it, `recover` finishes the renames: again the old site or the new one.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import BuildError

MARKER = ".nnpress-build"  # in every build's output folder
MARKER_TEXT = b"nnpress build output: each build replaces this whole folder.\n"
# Builds made before the marker existed: files only nnpress puts together.
LEGACY_SIGNS = (".nojekyll", "sitemap.xml", "static/pygments.css")
JOURNAL = ".nnpress-replacing"  # the files a quick rebuild is swapping in (a JSON list)
JOURNAL_PENDING = JOURNAL + ".pending"  # a swap not committed yet
NEW_SUFFIX = ".nnpress-new"  # a file's next version, beside it until the swap


def staging_dir(out_dir: Path) -> Path:
    out = out_dir.resolve()
    return out.with_name(f".{out.name}.staging")


def old_dir(out_dir: Path) -> Path:
    out = out_dir.resolve()
    return out.with_name(f".{out.name}.old")


def is_nnpress_build(folder: Path) -> bool:
    """Made by nnpress: the marker, or (before it existed) the legacy signs."""
    return (folder / MARKER).is_file() or all((folder / s).is_file() for s in LEGACY_SIGNS)


def check_out_folder(content_dir: Path, out_dir: Path) -> None:
    """Refuse an output folder the build could not replace without losing the author's
    files. Reads only."""
    content, out = content_dir.resolve(), out_dir.resolve()
    where = "the output folder (--out)"
    if out == content:
        raise BuildError(out_dir, None, f"{where} is the content folder: a build replaces "
                                        "its output folder; choose another (default: build/)")
    if out.is_relative_to(content):
        raise BuildError(out_dir, None, f"{where} is inside the content folder {content_dir}; "
                                        "choose a folder outside it (default: build/)")
    if content.is_relative_to(out):
        raise BuildError(out_dir, None, f"{where} holds the content folder {content_dir}; "
                                        "choose a folder outside it (default: build/)")
    if out.exists() and not out.is_dir():
        raise BuildError(out_dir, None, f"{where} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not is_nnpress_build(out):
        raise BuildError(out_dir, None, f"{where} holds files no nnpress build made (there is "
                                        f"no {MARKER}); a build replaces the whole folder, so "
                                        "choose a new or empty one, or a previous build")


def recover(out_dir: Path) -> None:
    """Undo what an interrupted build left: put the old site back if the output folder
    is missing, and remove staging and old folders."""
    out = out_dir.resolve()
    _finish_replacing(out)
    old, staging = old_dir(out), staging_dir(out)
    if not out.exists() and old.is_dir() and is_nnpress_build(old):
        os.rename(old, out)
    for leftover in (staging, old):
        if not leftover.exists():
            continue
        if leftover.is_dir() and (is_nnpress_build(leftover) or not any(leftover.iterdir())):
            shutil.rmtree(leftover)
        else:
            raise BuildError(leftover, None, "is in the way: the build writes the new site "
                                             "there first, and nnpress did not make it; move it")


def swap_in(staging: Path, out_dir: Path) -> None:
    """Make the complete site in `staging` the output folder, by renames."""
    out = out_dir.resolve()
    old = old_dir(out)
    had_previous = out.exists()
    if had_previous:
        os.rename(out, old)
    try:
        os.rename(staging, out)
    except OSError:
        if had_previous:
            os.rename(old, out)
        raise
    if had_previous:
        shutil.rmtree(old, ignore_errors=True)


def replace_files(out_dir: Path, files: dict[str, bytes | Path],
                  linked: frozenset[str] = frozenset()) -> None:
    """Put `files` into the output folder in place, all or none (see the module's
    docstring): site-relative path -> its bytes, or a file to copy (to link, for the
    paths in `linked`: files the build made, never an author's). Each path's folder
    must exist."""
    out = out_dir.resolve()
    names = sorted(files)
    pending = out / JOURNAL_PENDING
    try:
        pending.write_bytes(b"")  # from here, recover() knows to look for new files
        for name in names:
            new, value = out / (name + NEW_SUFFIX), files[name]
            if isinstance(value, bytes):
                new.write_bytes(value)
            elif name in linked:
                os.link(value, new)
            else:
                shutil.copy2(value, new)
        pending.write_text(json.dumps(names), encoding="utf-8")
    except OSError as exc:
        _drop_new_files(out)
        raise BuildError(out_dir, None, f"could not write the site: {exc}") from None
    os.rename(pending, out / JOURNAL)  # the commit
    _finish_replacing(out)


def _finish_replacing(out: Path) -> None:
    """Complete a committed `replace_files`; undo one that was not committed."""
    journal = out / JOURNAL
    if journal.is_file():
        for name in json.loads(journal.read_text(encoding="utf-8")):
            new = out / (name + NEW_SUFFIX)
            if new.exists():
                os.replace(new, out / name)
        journal.unlink()
    if (out / JOURNAL_PENDING).exists():
        _drop_new_files(out)


def _drop_new_files(out: Path) -> None:
    for folder, _dirs, names in os.walk(out):
        for name in names:
            if name.endswith(NEW_SUFFIX):
                os.unlink(os.path.join(folder, name))
    (out / JOURNAL_PENDING).unlink(missing_ok=True)


@contextmanager
def build_lock(state_dir: Path) -> Iterator[None]:
    """One build at a time per output folder (`serve` and a `make site`, say): the
    second waits for the first."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    state_dir.mkdir(parents=True, exist_ok=True)
    with open(state_dir / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
