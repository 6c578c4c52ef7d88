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
from pathlib import Path

import pytest

from bench.bad_input_cases import (
    CASES,
    CORPUS,
    build_previous_site,
    prepare_case,
    run_build,
)

MAX_LINES = 4  # the error, the "build failed" line, and room for a hint
MAX_LINE_CHARS = 400
MAX_SECONDS = 60
MAX_RSS_MB = 500  # a build with numpy loaded takes ~100 MB; an alias bomb took gigabytes



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
