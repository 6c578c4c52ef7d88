"""Build speed: the same N posts built by nnpress and by its peers, every build a fresh process.

Scenarios, each run --runs times (default 3):
  cold        no output and no cache of any kind: the generator's own caches are removed;
  warm cache  the output removed, the generator's cache kept (nnpress's `.build.cache/`);
  no change   everything kept, nothing edited;
  one edit    a paragraph added at the end of one post, then rebuilt as its author would
              from the command line (MkDocs `--dirty`, Jekyll `--incremental`, Hugo and
              Pelican a plain build);
  excerpt edit  the same, with a sentence added to the post's first paragraph instead,
              which the index shows: nnpress's quick rebuild does not apply, so this is
              its full build with every cache warm.
nnpress runs them all, peers cold and the two edits. Each build is measured as wall seconds,
CPU seconds (user + sys of the build and of every process it started) and peak memory
(the resident set of its largest single process). The posts and each peer's site are in
bench/peers.py. Peers: Pelican and MkDocs (`pip install -e '.[bench]'`), Jekyll and Hugo
(`apt-get install jekyll hugo`); one that is not installed is skipped with a line saying so.
Prints figures; asserts nothing.

    python bench/build_speed.py [-n 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import compileall
import ctypes
import os
import re
import resource
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from peers import EDITED, GENERATORS, PROJECT, Generator, make_posts

PR_SET_CHILD_SUBREAPER = 36  # <linux/prctl.h>
REAP_TIMEOUT = 30.0  # seconds to wait for processes a build left running


@dataclass
class Sample:
    wall: float  # seconds, start to exit of the build command
    cpu: float  # user + sys seconds of the build and all its descendants
    peak: float  # MiB, resident set of the largest single process


def adopt_orphans() -> None:
    """Have processes orphaned by a build (a pool worker's Node, say) re-parented to us,
    so that their CPU time is counted; without this they would go to init, uncounted."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("note: cannot adopt orphaned processes; CPU of orphaned helpers is not counted")


def reap_leftovers() -> list[resource.struct_rusage]:
    """Wait for every process the last build left behind; their resource usage."""
    usages, deadline = [], time.monotonic() + REAP_TIMEOUT
    while time.monotonic() < deadline:
        try:
            pid, _, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return usages
        if pid:
            usages.append(usage)
        else:
            time.sleep(0.01)
    print(f"note: a build left processes running after {REAP_TIMEOUT:.0f} s")
    return usages


def measure(cmd: list[str], cwd: Path) -> Sample:
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        usages = [usage, *reap_leftovers()]
        if proc.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{tail}")
    cpu = sum(u.ru_utime + u.ru_stime for u in usages)
    return Sample(wall, cpu, max(u.ru_maxrss for u in usages) / 1024)  # ru_maxrss is KiB


def version(gen: Generator, exe: str) -> str:
    cmd = ([exe, "-c", "from importlib.metadata import version; print(version('nnpress'))"]
           if gen.name == "nnpress" else [exe, "version" if gen.name == "Hugo" else "--version"])
    text = subprocess.run(cmd, capture_output=True, text=True).stdout
    found = re.search(r"\d+\.\d+(\.\d+)?", text)
    return found.group(0) if found else "?"


# in this order: each needs the one before
SCENARIOS = ("cold", "warm cache", "no change", "one edit", "excerpt edit")


@dataclass
class Site:
    """One generator's copy of the posts, and how to set it up for each scenario."""

    gen: Generator
    exe: str
    root: Path
    edited: Path  # the post a one-edit build changes
    name: str  # generator and version, for the table

    def command(self, cmd: list[str]) -> list[str]:
        return [self.exe, *(part.replace("{root}", str(self.root)) for part in cmd[1:])]

    def prepare(self, scenario: str, k: int) -> list[str]:
        """Get ready for build `k` of `scenario`; return the command to time."""
        gen = self.gen
        if scenario == "cold":
            gen.remove(self.root, (gen.output, *gen.caches))
        elif scenario == "warm cache":
            gen.remove(self.root, (gen.output,))
        elif scenario == "one edit":
            with self.edited.open("a", encoding="utf-8") as f:
                f.write(f"\nEdit {k}: the weight moves a little.\n")
            return self.command(gen.edit_build)
        elif scenario == "excerpt edit":  # every layout's body starts after its first blank line
            text = self.edited.read_text(encoding="utf-8")
            at = text.index("\n\n") + 2
            self.edited.write_text(f"{text[:at]}Edit {k} opens the post. {text[at:]}",
                                   encoding="utf-8")
            return self.command(gen.edit_build)
        return self.command(gen.build)


def bench(sites: list[Site], runs: int) -> dict[tuple[str, str], list[Sample]]:
    """Every scenario, run by run, each run going round the generators: a burst of load
    from elsewhere on the machine then slows every generator, not one."""
    results: dict[tuple[str, str], list[Sample]] = {}
    for scenario in SCENARIOS:
        todo = [site for site in sites if scenario in site.gen.scenarios]
        print(f"{scenario}: {', '.join(site.name for site in todo)}", flush=True)
        if scenario == "one edit":  # --incremental and --dirty need a first build of their own
            for site in todo:
                measure(site.command(site.gen.edit_build), site.root)
        for k in range(runs):
            for site in todo:
                sample = measure(site.prepare(scenario, k), site.root)
                results.setdefault((site.name, scenario), []).append(sample)
    return results


def row(name: str, scenario: str, samples: list[Sample]) -> str:
    walls = sorted(s.wall for s in samples)
    cpu = statistics.median(s.cpu for s in samples)
    peak = statistics.median(s.peak for s in samples)
    spread = f"{walls[0]:6.2f} {statistics.median(walls):6.2f} {walls[-1]:6.2f}"
    return f"  {name:15} {scenario:28} {spread}   {cpu:6.2f}   {peak:7.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=500, help="number of posts (default 500)")
    parser.add_argument("--runs", type=int, default=3, help="builds per scenario (default 3)")
    args = parser.parse_args()
    adopt_orphans()
    # Our own modules compiled to bytecode, as pip did the peers' when it installed them
    # (a checkout installed editable keeps its sources where they are).
    compileall.compile_dir(PROJECT / "pysrc", quiet=1)
    load_before = os.getloadavg()[:1]
    posts = make_posts(args.n)
    words = statistics.mean(len(p.body.split()) for p in posts)
    slug = posts[min(EDITED, args.n - 1)].slug  # the post one-edit builds change
    sites, skipped = [], []
    with tempfile.TemporaryDirectory(prefix="nnpress-bench-") as tmp:
        for gen in GENERATORS:
            exe = gen.executable()
            if exe is None:
                skipped.append(f"  {gen.name}: not installed, skipped ({gen.install})")
                continue
            root = Path(tmp) / gen.name.lower()
            gen.lay_out(root, posts)
            edited = next(root.glob(gen.post_glob.format(slug=slug)))
            sites.append(Site(gen, exe, root, edited, f"{gen.name} {version(gen, exe)}"))
        results = bench(sites, args.runs)
    rows = [row(site.name, f"{scenario} ({site.gen.edit_note})" if "edit" in scenario
                else scenario, results[site.name, scenario])
            for site in sites for scenario in SCENARIOS if (site.name, scenario) in results]
    load = " / ".join(f"{x:.1f}" for x in (*load_before, os.getloadavg()[0]))
    print(f"\nbuild speed: {args.n} posts of ~{words:,.0f} words (a table, a code block, inline "
          f"and display maths)\n{os.cpu_count()} cores (load average before / after: {load}); "
          f"every build a fresh process; {args.runs} run(s) of each\n")
    print(f"  {'generator':15} {'build':28} {'wall s: min median  max':>22}   {'CPU s':>6}   "
          f"{'peak MiB':>8}")
    print("\n".join(rows + skipped))
    print("""
  cold: the output and every cache the generator keeps are removed (nnpress: build/ and
    .build.cache/; Hugo: public/, resources/, its cache dir; Jekyll: _site/, .jekyll-cache/,
    .jekyll-metadata; Pelican: output/, cache/; MkDocs: site/). Python's __pycache__ stays
    (nnpress's own modules are compiled first, as pip compiles the peers' at install),
    and so does nnpress's download cache of the Pyodide runtime (~/.cache/nnpress: without
    it a build downloads numpy).
  maths: only nnpress typesets it (KaTeX, at build time). The peers' default Markdown leaves
    the TeX as text, for a script to typeset in the reader's browser.
  CPU s and peak MiB are medians. CPU counts the build and every process it started
    (nnpress converts pages in worker processes and runs KaTeX in Node); peak is the
    resident memory of the largest single process.""")


if __name__ == "__main__":
    main()
