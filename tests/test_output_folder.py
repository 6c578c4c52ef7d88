"""The output folder: which one a build replaces, and what a killed build leaves.

A build killed at any moment leaves the old site or the new one, never a mix,
and the next build cleans up. The kills are real (SIGKILL, in a process of its
own), placed by patching one function of the write phase.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.commands.build import build
from sitegen.config import BuildConfig
from sitegen.errors import BuildError
from sitegen.out_folder import MARKER, recover

from .conftest import PROJECT

POSTS = 40

# Runs build.py with one function replaced by one that kills the process at its
# n-th call: argv = [module, attribute, n, build.py arguments...].
KILLER = """
import os, runpy, signal, sys
import importlib
module, name, n, *args = sys.argv[1:]
owner = importlib.import_module(module)
holder, attr = (getattr(owner, name.split(".")[0]), name.split(".")[1]) if "." in name \\
    else (owner, name)
real, calls = getattr(holder, attr), [0]
def dying(*a, **k):
    calls[0] += 1
    if calls[0] == int(n):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*a, **k)
setattr(holder, attr, dying)
sys.argv = ["build.py", "build", *args]
runpy.run_path({build_py!r}, run_name="__main__")
"""


def write_posts(content: Path, version: str) -> None:
    for old in content.glob("*.md"):
        old.unlink()
    first = 1 if version == "v2" else 0  # v2 drops post 0 and adds post 40
    for i in range(first, POSTS + first):
        (content / f"p{i:02d}.md").write_text(f"# Post {i}\n\nText of {version}.\n")


def digest(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def kill_build_at(tmp: Path, function: str, n: int, out: str = "out") -> int:
    script = KILLER.format(build_py=str(PROJECT / "build.py"))
    module, _, name = function.rpartition(":")
    result = subprocess.run([sys.executable, "-c", script, module, name, str(n),
                             "--content", "content", "--out", out], cwd=tmp,
                            capture_output=True, text=True, timeout=120)
    return result.returncode


@pytest.fixture
def sites(tmp_path):
    """out/ holds v1 of the site; content/ now holds v2. Returns (v1, v2) digests."""
    content = tmp_path / "content"
    content.mkdir()
    write_posts(content, "v2")
    v2 = digest(_build(tmp_path, tmp_path / "v2"))
    write_posts(content, "v1")
    v1 = digest(_build(tmp_path, tmp_path / "out"))
    write_posts(content, "v2")
    return v1, v2


def _build(tmp: Path, out: Path) -> Path:
    build(BuildConfig(content_dir=tmp / "content", out_dir=out))
    return out


@pytest.mark.parametrize("function, n", [
    ("sitegen.output:_Staging.dest", 25),  # in the middle of writing the new site
    ("sitegen.out_folder:os.rename", 2),  # between the two renames: no out/ at all
])
def test_a_killed_build_leaves_the_old_site_and_the_next_build_the_new(sites, tmp_path,
                                                                      function, n):
    v1, v2 = sites
    assert kill_build_at(tmp_path, function, n) == -signal.SIGKILL
    recover(tmp_path / "out")  # what the next build does first
    assert digest(tmp_path / "out") == v1
    assert not (tmp_path / ".out.staging").exists() and not (tmp_path / ".out.old").exists()

    assert kill_build_at(tmp_path, function, n) == -signal.SIGKILL
    _build(tmp_path, tmp_path / "out")
    assert digest(tmp_path / "out") == v2
    assert not (tmp_path / ".out.staging").exists() and not (tmp_path / ".out.old").exists()


def test_a_build_killed_after_the_swap_has_the_new_site(sites, tmp_path):
    v1, v2 = sites
    assert kill_build_at(tmp_path, "sitegen.out_folder:shutil.rmtree", 1) == -signal.SIGKILL
    assert digest(tmp_path / "out") == v2
    assert (tmp_path / ".out.old").exists()
    assert _build(tmp_path, tmp_path / "out") and not (tmp_path / ".out.old").exists()
    assert digest(tmp_path / "out") == v2


def test_unchanged_files_are_not_rewritten(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    write_posts(content, "v1")
    config = BuildConfig(content_dir=content, out_dir=tmp_path / "out")
    build(config)
    page = tmp_path / "out" / "posts" / "p03" / "index.html"
    before = page.stat()
    (content / "p05.md").write_text("# Post 5\n\nEdited.\n")
    report = build(config)
    # its page, the index and feed that quote it, its offline edition, the whole-site
    # edition, and sw.js, whose list of files carries each file's hash
    assert report.files_changed == 6
    after = page.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert build(config).files_changed == 0


def test_only_an_empty_folder_or_an_earlier_build_is_replaced(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("# A\n\nText.\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    build(BuildConfig(content_dir=content, out_dir=empty))
    assert (empty / MARKER).is_file() and (empty / "posts" / "a" / "index.html").is_file()

    legacy = tmp_path / "legacy"  # a build made before the marker existed
    build(BuildConfig(content_dir=content, out_dir=legacy))
    (legacy / MARKER).unlink()
    (legacy / "posts" / "gone").mkdir()
    (legacy / "posts" / "gone" / "index.html").write_text("an old post")
    build(BuildConfig(content_dir=content, out_dir=legacy))
    assert (legacy / MARKER).is_file() and not (legacy / "posts" / "gone").exists()

    (legacy / MARKER).unlink()
    (legacy / "sitemap.xml").unlink()  # no longer recognisable: refused, left alone
    before = digest(legacy)
    with pytest.raises(BuildError, match="no nnpress build made"):
        build(BuildConfig(content_dir=content, out_dir=legacy))
    assert digest(legacy) == before


def test_a_folder_in_the_way_of_staging_is_not_deleted(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("# A\n\nText.\n")
    mine = tmp_path / ".out.staging"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    with pytest.raises(BuildError, match="is in the way"):
        build(BuildConfig(content_dir=content, out_dir=tmp_path / "out"))
    assert (mine / "notes.txt").read_text() == "mine"


def test_a_symlinked_output_folder_is_replaced_where_it_points(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("# A\n\nText.\n")
    real = tmp_path / "www" / "site"
    real.parent.mkdir()
    os.symlink(real, tmp_path / "out", target_is_directory=True)
    build(BuildConfig(content_dir=content, out_dir=tmp_path / "out"))
    build(BuildConfig(content_dir=content, out_dir=tmp_path / "out"))
    assert (tmp_path / "out").is_symlink() and (real / "posts" / "a" / "index.html").is_file()
