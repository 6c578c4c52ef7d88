#!/usr/bin/env python3
"""How fast do the live training figures run in a real browser?

Builds tests/site into a temporary folder, serves it on 127.0.0.1 under /my-repo/, opens
the playground page in headless Chromium, presses Play and counts the figure's
`nnpress:update` events (one per reply the page applies) for 5 s: frames per second.
Then does the same on the training page and reports epochs per second. Prints figures,
asserts nothing; every wait is bounded.

    .venv/bin/python bench/playground.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import sys
import time

from harness import PROJECT, chromium, live_site, open_ready

# Counts replies applied to one figure, and what its epoch readout said at each.
COUNTER = """([figure, epochSelector]) => {
  const root = document.querySelector(figure);
  window.__bench = {updates: 0, first: null, last: null, epochs: []};
  root.addEventListener("nnpress:update", () => {
    const b = window.__bench, now = performance.now();
    b.updates += 1; b.first ??= now; b.last = now;
    b.epochs.push(Number(root.querySelector(epochSelector).textContent));
  });
}"""


def measure(page, figure: str, epoch_selector: str, seconds: float) -> dict:
    """Press Play, wait `seconds` (or until the run stops), press Pause if still playing."""
    page.evaluate(COUNTER, [figure, epoch_selector])
    play = page.locator(f"{figure} [data-control=play]")
    play.click()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        page.wait_for_timeout(100)
        if play.get_attribute("aria-pressed") == "false":
            break  # the run reached its last epoch
    stats = page.evaluate("window.__bench")
    if play.get_attribute("aria-pressed") == "true":
        play.click()
    span = ((stats["last"] or 0) - (stats["first"] or 0)) / 1000
    epochs = stats["epochs"]
    return {
        "updates": stats["updates"],
        "seconds": span,
        "fps": (stats["updates"] - 1) / span if span > 0 else 0.0,
        "epochs": epochs[-1] - epochs[0] if epochs else 0,
        "epochs_per_s": (epochs[-1] - epochs[0]) / span if span > 0 else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    with live_site(PROJECT / "tests" / "site") as (base, _out), chromium() as browser:
        page = browser.new_page()
        page.set_default_timeout(30_000)
        boot = open_ready(page, base + "posts/playground/")
        pg = measure(page, "#nn-playground-1", ".pg-epoch", args.seconds)
        print(f"playground (2-4-4-1, 200 points): Python ready in {boot:.1f} s; "
              f"{pg['updates']} frames in {pg['seconds']:.2f} s = {pg['fps']:.1f} "
              f"frames/s ({pg['epochs_per_s']:.1f} epochs/s)")
        boot = open_ready(page, base + "posts/training/")
        tr = measure(page, "#nn-training-1", ".tr-epoch", args.seconds)
        print(f"training (2-2-1, 4 people): Python ready in {boot:.1f} s; "
              f"{tr['epochs']} epochs in {tr['seconds']:.2f} s = "
              f"{tr['epochs_per_s']:.0f} epochs/s at {tr['fps']:.1f} frames/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
