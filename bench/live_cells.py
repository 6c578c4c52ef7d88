"""Slider-to-screen latency of a live cell that draws a 200-point plot.

The cell of tests/site/live-cells.md (`nn-cell-2`: a slider, numpy over 200
points, a line plot, two prose numbers) gets N moves across its range in
headless Chromium, timed as bench/widgets.py times the built-in widgets: from
the input event to the reply applied, and to the next painted frame. Beside
it, the same moves on the built-in activation widget (161 points), for scale.
Target: p95 <= 8 ms to the applied reply. Also prints the weight the code
editor (CodeMirror, loaded only by pages with code) adds to a page.

    python bench/live_cells.py [--moves 100]
"""

from __future__ import annotations

import argparse
import gzip

from harness import PROJECT, chromium, live_site, open_ready, percentile
from widgets import MOVES

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
    packed = len(gzip.compress(editor, 9))
    print(f"code editor: {len(editor) / 1000:.0f} kB, {packed / 1000:.0f} kB gzipped, "
          "on pages with code only")


if __name__ == "__main__":
    main()
