"""Slider-to-screen latency of a live cell that draws a 200-point plot.

The cell of tests/site/live-cells.md (`nn-cell-2`: a slider, numpy over 200
points, a line plot, two prose numbers) gets N moves across its range in
headless Chromium, timed as bench/widgets.py times the built-in widgets: from
the input event to the reply applied, and to the next painted frame. Beside
it, the same moves on the built-in activation widget (161 points), for scale.
Target: p95 <= 8 ms to the applied reply. Then the Python side alone: the
same cell's `nnpress.browser.handle()` timed inside Pyodide under Node (no
browser, no worker messaging). Also prints the weight the code editor
(CodeMirror, loaded only by pages with code) adds to a page.

    python bench/live_cells.py [--moves 100]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import tempfile
from pathlib import Path

from harness import PROJECT, chromium, live_site, open_ready, percentile
from widgets import MOVES

IN_PYODIDE = """
import json, time
from nnpress import browser
cells = json.loads(CELLS)
for n, code in enumerate(cells, 1):
    browser.handle(json.dumps({"id": f"nn-cell-{n}", "kind": "cell", "events": [],
                               "params": {"code": code, "prose": ["loss:.3f", "lr:.2f"]}}))
times = []
for i in range(MOVES):
    event = {"control": "lr", "value": 0.05 + i % 19 * 0.05}
    msg = json.dumps({"id": "nn-cell-2", "events": [event]})
    t = time.perf_counter()
    browser.handle(msg)
    times.append((time.perf_counter() - t) * 1000)
json.dumps(times)
"""


def python_side(moves: int) -> list[float]:
    """Milliseconds per handle() of the live-cells post's plotting cell, in Pyodide."""
    from sitegen.browser_wheel import wheel_bytes
    from sitegen.runtime import default_cache_dir, vendor_runtime

    text = (PROJECT / "tests/site/live-cells.md").read_text()
    cells = [block.split("\n```", 1)[0] for block in text.split("```python live")[1:]]
    cells = [c.split("\n", 1)[1] for c in cells]  # drop the rest of the fence line
    with tempfile.TemporaryDirectory() as tmp:
        vendor_runtime(Path(tmp) / "runtime", node_modules=PROJECT / "node_modules",
                       cache_dir=default_cache_dir())
        name, data = wheel_bytes(PROJECT / "pysrc" / "nnpress")
        (Path(tmp) / name).write_bytes(data)
        code = f"CELLS = {json.dumps(json.dumps(cells[:2]))}\nMOVES = {moves}\n" + IN_PYODIDE
        proc = subprocess.run(["node", str(PROJECT / "tests/pyodide_run.mjs"),
                               str(Path(tmp) / "runtime"), str(Path(tmp) / name)],
                              input=code, capture_output=True, text=True, timeout=300)
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout)


FIGURES = [("live-cells", "nn-cell-2", "live cell, 200-point plot"),
           ("activation", "nn-activation-1", "built-in activation widget")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--moves", type=int, default=100)
    args = parser.parse_args()
    site = PROJECT / "tests" / "site"
    rows = []
    with live_site(site) as (base, out), chromium() as browser:
        editor = (out / "static/vendor/code-editor.js").read_bytes()
        for slug, figure_id, what in FIGURES:
            page = browser.new_page()
            open_ready(page, f"{base}posts/{slug}/")
            page.evaluate(MOVES, [figure_id, 10])  # warm up
            r = page.evaluate(MOVES, [figure_id, args.moves])
            rows.append((what, r["applied"], r["painted"]))
            page.close()
    print(f"slider latency, {args.moves} moves each (ms)")
    print(f"{'figure':30}{'applied p50':>13}{'p95':>7}{'painted p50':>13}{'p95':>7}")
    for what, applied, painted in rows:
        print(f"{what:30}{percentile(applied, 50):13.1f}{percentile(applied, 95):7.1f}"
              f"{percentile(painted, 50):13.1f}{percentile(painted, 95):7.1f}")
    inside = python_side(args.moves)
    print(f"{'the cell in Pyodide, handle()':30}{percentile(inside, 50):13.2f}"
          f"{percentile(inside, 95):7.2f}")
    packed = len(gzip.compress(editor, 9))
    print(f"code editor: {len(editor) / 1000:.0f} kB, {packed / 1000:.0f} kB gzipped, "
          "on pages with code only")


if __name__ == "__main__":
    main()
