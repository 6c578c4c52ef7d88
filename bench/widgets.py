"""Slider-to-screen latency of every widget, and "100 GD steps" end to end.

For each post of tests/site, in headless Chromium: every figure that has a
slider gets N moves across its range, one at a time; each is timed from the
input event to the reply applied (figure updated) and to the next painted
frame. Then the gradient-descent figure's "100 GD steps" button is timed from
click to the updated figure. Prints figures; asserts nothing.

    python bench/widgets.py [--moves 60]
"""

from __future__ import annotations

import argparse
import statistics

from harness import PROJECT, chromium, live_site, open_ready, percentile

MOVES = """async ([figureId, moves]) => {
  const figure = document.getElementById(figureId);
  const slider = figure.querySelector("input[type=range][data-control]");
  const lo = Number(slider.min), hi = Number(slider.max);
  const applied = [], painted = [];
  for (let i = 0; i < moves; i++) {
    const value = lo + (hi - lo) * ((i * 0.37) % 1);
    const t0 = performance.now();
    await new Promise(resolve => {
      figure.addEventListener("nnpress:update", () => {
        applied.push(performance.now() - t0);
        requestAnimationFrame(() => { painted.push(performance.now() - t0); resolve(); });
      }, {once: true});
      slider.value = String(value);
      slider.dispatchEvent(new Event("input", {bubbles: true}));
    });
  }
  return {applied, painted, control: slider.dataset.control};
}"""

CLICK = """async ([figureId, control]) => {
  const figure = document.getElementById(figureId);
  const button = figure.querySelector(`[data-control="${control}"]`);
  const t0 = performance.now();
  await new Promise(resolve => {
    figure.addEventListener("nnpress:update",
      () => requestAnimationFrame(() => resolve()), {once: true});
    button.click();
  });
  return performance.now() - t0;
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--moves", type=int, default=60)
    args = parser.parse_args()
    site = PROJECT / "tests" / "site"
    rows = []
    gd = []
    with live_site(site) as (base, _out), chromium() as browser:
        for post in sorted(site.glob("*.md")):
            page = browser.new_page()
            open_ready(page, f"{base}posts/{post.stem}/")
            ids = page.eval_on_selector_all(
                "figure[data-widget]:has(input[type=range][data-control])",
                "els => els.map(e => e.id)")
            for figure_id in ids:
                r = page.evaluate(MOVES, [figure_id, args.moves])
                rows.append((figure_id, r["control"], r["applied"], r["painted"]))
            if post.stem == "gradient-descent":
                figure_id = page.eval_on_selector("figure[data-widget]", "e => e.id")
                control = page.eval_on_selector(
                    f"#{figure_id} button[data-control]:text-matches('100', 'i')",
                    "e => e.dataset.control")
                gd = [page.evaluate(CLICK, [figure_id, control]) for _ in range(10)]
            page.close()

    print(f"slider latency per widget, {args.moves} moves each (ms)")
    print(f"{'figure':28}{'slider':>10}{'applied p50':>13}{'p95':>7}{'painted p50':>13}{'p95':>7}")
    for figure_id, control, applied, painted in rows:
        print(f"{figure_id:28}{control:>10}{percentile(applied, 50):13.1f}"
              f"{percentile(applied, 95):7.1f}{percentile(painted, 50):13.1f}"
              f"{percentile(painted, 95):7.1f}")
    if gd:
        print(f'"100 GD steps", click to painted figure, 10 clicks: '
              f"median {statistics.median(gd):.1f} ms, max {max(gd):.1f} ms")


if __name__ == "__main__":
    main()
