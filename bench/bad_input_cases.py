"""The bad-input corpus (tests/bad_input/): lay a case out, run the real command line on
it in a process of its own. Shared by tests/test_bad_input.py (which checks what each
case prints) and bench/bad_input.py (which measures the worst cases)."""

from __future__ import annotations

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

from sitegen.commands.build import build
from sitegen.config import BuildConfig

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "tests" / "bad_input"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expect.txt").is_file())
CASE_FILES = ("expect.txt", "args.txt", "setup.txt", "check.txt")
DEFAULT_ARGS = ["--content", "content", "--out", "out"]


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



def build_previous_site(tmp: Path) -> None:
    previous = tmp / "previous-content"
    previous.mkdir()
    (previous / "last.md").write_text("# The last good build\n\nStill here.\n")
    build(BuildConfig(content_dir=previous, out_dir=tmp / "out"))
    shutil.rmtree(previous)

