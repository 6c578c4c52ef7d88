"""Every bad input in tests/bad_input/ gives `path:line: error:`, and nothing else happens.

Each case is a folder: the files an author might have (`content/`, maybe
others), `expect.txt` with the first line the build must print (or `builds`
for input that must build, with `check.txt`: `site/path: text it holds`),
and optionally `args.txt` (the build's arguments, default `--content content
--out out`) and `setup.txt` for what a file cannot hold in git:

    link content/secret.txt -> /etc/passwd
    fifo content/data.csv

Each case runs through the real command line in its own process. Unless the
case chooses its own `--out`, a good site is built into `out/` first; the bad
build must exit 1 with a few lines and no traceback, in bounded time and
memory, and leave every file of the folder (the previous build, the content,
anything else) byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitegen.commands.build import build
from sitegen.config import BuildConfig

from .conftest import PROJECT

CORPUS = Path(__file__).parent / "bad_input"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expect.txt").is_file())
CASE_FILES = ("expect.txt", "args.txt", "setup.txt", "check.txt")
DEFAULT_ARGS = ["--content", "content", "--out", "out"]
MAX_LINES = 4  # the error, the "build failed" line, and room for a hint
MAX_LINE_CHARS = 400
MAX_SECONDS = 60
MAX_RSS_MB = 500  # a build with numpy loaded takes ~100 MB; an alias bomb took gigabytes


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float  # peak resident memory of the build process


def run_build(args: list[str], cwd: Path, timeout: float = 120,
              build_py: Path = PROJECT / "build.py", memory_cap: int | None = None) -> Run:
    """`build.py build ARGS` in a process of its own; its exit code, output, time, memory.
    `memory_cap` (bytes of address space) keeps an old checkout's alias bomb in bounds."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_cap, memory_cap))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(build_py), "build", *args],
                                cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                preexec_fn=cap if memory_cap else None)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # wait4: this child's own peak memory
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return Run(proc.returncode, out.read().decode(errors="replace"),
                   err.read().decode(errors="replace"), seconds, usage.ru_maxrss / 1024)


def prepare_case(case: str, tmp: Path) -> list[str]:
    """Lay the case out in `tmp`; returns the build's arguments."""
    source = CORPUS / case
    shutil.copytree(source, tmp, symlinks=True, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(*CASE_FILES))
    setup = source / "setup.txt"
    for line in setup.read_text().splitlines() if setup.exists() else []:
        kind, _, rest = line.partition(" ")
        if kind == "link":
            link, target = (part.strip() for part in rest.split("->"))
            (tmp / link).parent.mkdir(parents=True, exist_ok=True)
            (tmp / link).symlink_to(target)
        elif kind == "fifo":
            os.mkfifo(tmp / rest.strip())
        else:
            raise ValueError(f"{setup}: unknown setup line {line!r}")
    args_file = source / "args.txt"
    return args_file.read_text().split() if args_file.exists() else list(DEFAULT_ARGS)


def snapshot(root: Path) -> dict[str, str]:
    """Every file under `root` by path: a hash, a link's target, or its kind. The build's
    own state (conversion cache, vendored runtime) is left out."""
    found = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.endswith(".cache")]
        for name in dirs + names:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = "link to " + os.readlink(path)
            elif path.is_dir():
                found[rel] = "folder"
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[rel] = "special"
    return found


def build_previous_site(tmp: Path) -> None:
    previous = tmp / "previous-content"
    previous.mkdir()
    (previous / "last.md").write_text("# The last good build\n\nStill here.\n")
    build(BuildConfig(content_dir=previous, out_dir=tmp / "out"))
    shutil.rmtree(previous)


@pytest.mark.parametrize("case", CASES)
def test_bad_input(case, tmp_path):
    tmp = tmp_path / "case"
    tmp.mkdir()
    expected = (CORPUS / case / "expect.txt").read_text().strip()
    args = prepare_case(case, tmp)
    if args[args.index("--out") + 1] == "out":
        build_previous_site(tmp)
    before = snapshot(tmp)

    run = run_build(args, tmp)

    output = (run.stdout + run.stderr).strip()
    assert "Traceback" not in output
    assert run.seconds < MAX_SECONDS and run.max_rss_mb < MAX_RSS_MB, (run.seconds, run.max_rss_mb)
    if expected == "builds":
        assert run.returncode == 0, output
        for line in (CORPUS / case / "check.txt").read_text().splitlines():
            rel, _, text = line.partition(": ")
            assert text in (tmp / "out" / rel).read_text(), (rel, text)
        return
    assert run.returncode == 1, output
    lines = output.splitlines()
    assert len(lines) <= MAX_LINES and all(len(line) <= MAX_LINE_CHARS for line in lines), output
    assert run.stderr.startswith(expected.replace("{tmp}", str(tmp.resolve()))), run.stderr
    assert snapshot(tmp) == before  # the previous build, the content, everything
    assert not list(tmp.glob(".*.staging")) and not list(tmp.glob(".*.old"))
