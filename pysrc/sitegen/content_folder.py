"""What the content folder holds, and how its text is read.

Every file under content/ is a Markdown source (a post), `site.yml`, or an
asset (image, data) copied to the site under the same path. Names starting
with "." or "_" are skipped, except that Markdown in a Jekyll blog's
`_posts/` counts as posts.

Symbolic links are followed only while they stay inside the content folder:
one pointing outside would publish a file the author never meant to
(`notes.txt -> /etc/passwd`), so it stops the build, naming the link. Links
to folders are not followed (they would publish their files twice). Only
regular files are read: a named pipe would block the build forever.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BuildError

SITE_SETTINGS = "site.yml"
JEKYLL_POSTS = "_posts"


@dataclass
class ContentFiles:
    sources: list[Path] = field(default_factory=list)  # Markdown posts, in a stable order
    assets: dict[str, Path] = field(default_factory=dict)  # site path -> file, copied as is


def _skipped(part: str) -> bool:
    return part.startswith((".", "_"))


def _is_regular_inside(path: Path, root: Path) -> bool:
    """True for a regular file (or a link to one inside `root`); False for a link to a
    folder inside `root`; a BuildError for anything else."""
    if path.is_symlink():
        target = path.resolve()
        if not target.exists():
            raise BuildError(path, None, f"is a broken link (to {os.readlink(path)})")
        if not target.is_relative_to(root):
            raise BuildError(path, None, f"is a link to {target}, outside the content folder; "
                                         "nnpress does not follow it: copy the file in instead")
        if target.is_dir():
            return False
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise BuildError(path, None, "is not a regular file (a pipe or a device?)")
    return True


def scan_content(content_dir: Path) -> ContentFiles:
    """Every Markdown source and asset under `content_dir`, sorted by path."""
    root = content_dir.resolve()
    found = ContentFiles()
    for folder, dirnames, filenames in os.walk(content_dir):
        here = Path(folder)
        rel_parts = here.relative_to(content_dir).parts
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and (not d.startswith("_") or d == JEKYLL_POSTS))
        for d in dirnames:  # a link to a folder: checked, never followed
            if (here / d).is_symlink():
                _is_regular_inside(here / d, root)
        hidden = any(_skipped(p) for p in rel_parts)
        for name in sorted(filenames):
            if _skipped(name):
                continue
            path = here / name
            is_source = name.endswith(".md") and all(
                not _skipped(p) or p == JEKYLL_POSTS for p in rel_parts)
            is_asset = not hidden and not name.endswith(".md") and name != SITE_SETTINGS
            if (is_source or is_asset) and _is_regular_inside(path, root):
                if is_source:
                    found.sources.append(path)
                else:
                    found.assets[Path(*rel_parts, name).as_posix()] = path
    found.sources.sort()
    found.assets = dict(sorted(found.assets.items()))
    return found


def find_sources(content_dir: Path) -> list[Path]:
    """Every Markdown source under `content_dir`, in a stable order."""
    return scan_content(content_dir).sources


def read_source(path: Path) -> str:
    """A text file the author wrote, as UTF-8; a BuildError names the first bad byte."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BuildError(path, None, f"cannot read it: {exc.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        raise BuildError(path, line, f"not UTF-8 text: byte 0x{data[exc.start]:02x} at column "
                                     f"{exc.start - line_start + 1}; save the file as UTF-8"
                         ) from None
