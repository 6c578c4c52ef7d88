"""Build speed: N synthetic posts, cold build and one-post edit, beside peers.

Generates N plain Markdown posts (headings, paragraphs, a list, a table and a
highlighted code block each), then times, as command lines (interpreter start
included, as an author runs them):
  - nnpress: cold build (empty cache), no-change rebuild, one-post edit rebuild;
  - the same one-post edit rebuilt inside a running process (what `serve` does);
  - Pelican and MkDocs cold builds of the same posts, when installed
    (`pip install -e '.[bench]'`).
Prints figures; asserts nothing.  Usage: python bench/build_speed.py [-n 500]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "pysrc")]
BIN = Path(sys.executable).parent

BODY = """
## Section {i}

Post number {i} walks through a neuron: inputs are **weighted**, summed, and
squashed by an *activation function*. See [part one](post-0000.md) for more.

- the weights scale each input
- the bias shifts the sum
- the activation bends the line

| input | weight | product |
|------:|-------:|--------:|
| 2     | 0.5    | 1.0     |
| 3     | -1     | -3.0    |

```python
import numpy as np

def neuron(x, w, b):
    return 1 / (1 + np.exp(-(x @ w + b)))
```

That is all for part {i}.
"""


def make_posts(n: int, folder: Path, front: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        meta = front.format(i=i, day=1 + i % 28, month=1 + i % 12)
        (folder / f"post-{i:04d}.md").write_text(meta + BODY.format(i=i), encoding="utf-8")


def timed(cmd: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed:\n{result.stderr[-2000:]}")
    return elapsed


def best_of(runs: int, fn) -> float:
    return min(fn() for _ in range(runs))


def bench_nnpress(n: int, tmp: Path) -> dict[str, float]:
    content = tmp / "nnpress" / "content"
    make_posts(n, content, "---\ntitle: Post {i}\ndate: 2024-{month:02d}-{day:02d}\n"
                           "tags: [t{month}]\n---\n")
    out = tmp / "nnpress" / "build"
    cmd = [sys.executable, str(PROJECT / "build.py"), "build", "--content", str(content),
           "--out", str(out)]

    def cold() -> float:
        shutil.rmtree(out, ignore_errors=True)
        (out.parent / f".{out.name}.cache.json").unlink(missing_ok=True)
        return timed(cmd, tmp)

    figures = {"cold": best_of(3, cold)}
    figures["no change"] = best_of(3, lambda: timed(cmd, tmp))
    target = content / "post-0042.md"
    edits = []
    for k in range(3):
        target.write_text(target.read_text() + f"\nEdit {k}.\n", encoding="utf-8")
        edits.append(timed(cmd, tmp))
    figures["one edit"] = min(edits)

    from sitegen.commands.build import build
    from sitegen.config import BuildConfig

    config = BuildConfig(content_dir=content, out_dir=out)
    build(config)
    in_process = []
    for k in range(5):
        target.write_text(target.read_text() + f"\nMore {k}.\n", encoding="utf-8")
        started = time.perf_counter()
        report = build(config)
        in_process.append(time.perf_counter() - started)
        assert report.converted == 1
    figures["one edit, in process"] = statistics.median(in_process)
    return figures


def bench_pelican(n: int, tmp: Path) -> float | None:
    if not (BIN / "pelican").exists():
        return None
    root = tmp / "pelican"
    make_posts(n, root / "content", "Title: Post {i}\nDate: 2024-{month:02d}-{day:02d}\n"
                                    "Tags: t{month}\n\n")
    (root / "pelicanconf.py").write_text(
        "SITENAME = 'bench'\nSITEURL = ''\nTIMEZONE = 'UTC'\nDEFAULT_LANG = 'en'\n"
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nRELATIVE_URLS = True\n"
        "DEFAULT_PAGINATION = False\nCACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\n")

    def run() -> float:
        shutil.rmtree(root / "output", ignore_errors=True)
        return timed([str(BIN / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output",
                      "-q"], root)

    return best_of(3, run)


def bench_mkdocs(n: int, tmp: Path) -> float | None:
    if not (BIN / "mkdocs").exists():
        return None
    root = tmp / "mkdocs"
    make_posts(n, root / "docs", "# Post {i}\n")
    (root / "docs" / "index.md").write_text("# Bench\n")
    (root / "mkdocs.yml").write_text("site_name: bench\n")

    def run() -> float:
        shutil.rmtree(root / "site", ignore_errors=True)
        return timed([str(BIN / "mkdocs"), "build", "-q"], root)

    return best_of(3, run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=500, help="number of posts (default 500)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ours = bench_nnpress(args.n, tmp)
        pelican = bench_pelican(args.n, tmp)
        mkdocs = bench_mkdocs(args.n, tmp)
    print(f"build speed, {args.n} plain posts, {os.cpu_count()} cores, best of 3 (seconds)")
    print(f"  nnpress cold build            {ours['cold']:7.2f}")
    print(f"  nnpress rebuild, no change    {ours['no change']:7.2f}")
    print(f"  nnpress rebuild, one edit     {ours['one edit']:7.2f}   (command line)")
    print(f"  nnpress rebuild, one edit     {ours['one edit, in process']:7.2f}   "
          "(inside `serve`, median of 5)")
    for name, value in (("Pelican", pelican), ("MkDocs", mkdocs)):
        if value is None:
            print(f"  {name:8} cold build           not installed (pip install -e '.[bench]')")
        else:
            print(f"  {name:8} cold build          {value:7.2f}   "
                  f"(nnpress is {value / ours['cold']:.1f}x faster)")


if __name__ == "__main__":
    main()
