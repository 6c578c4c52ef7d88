"""Start-up and slider latency of a live page, beside a bare Pyodide page.

Builds tests/site into a temporary folder, adds a bare page that only boots
Pyodide + numpy in a module worker (the floor any page of ours stands on),
serves both from 127.0.0.1 under /my-repo/ and measures, in headless
Chromium, one cold run each:
  - navigation -> first contentful paint, -> Python ready, -> first slider update
    (for the bare page: its first Python call), and our/bare ratios;
  - slider-to-screen latency over 200 moves (input event -> reply applied ->
    next frame painted), p50 and p95;
  - main-thread long tasks (> 50 ms) during start-up.
Prints figures; asserts nothing.  Usage: python bench/boot.py [--moves 200]
"""

from __future__ import annotations

import argparse
import statistics

from harness import PROJECT, chromium, live_site, percentile

PAGE = "posts/activation/"
SLIDER = "#nn-activation-1 [data-control=x]"

BARE_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>bare</title></head>
<body><p>Bare Pyodide + numpy page.</p><script type="module">
const worker = new Worker(new URL("bare-worker.js", location.href), {type: "module"});
worker.onmessage = ({data}) => {
  const root = document.documentElement.dataset;
  if (data === "ready") { performance.mark("nnpress:ready"); root.nnpress = "ready"; }
  else { performance.mark("bare:first-call"); root.first = "done"; }
};
window.firstCall = () => worker.postMessage("call");
</script></body></html>"""

BARE_WORKER = """import { loadPyodide } from "./static/pyodide/pyodide.mjs";
const py = await loadPyodide({ indexURL: new URL("./static/pyodide/", import.meta.url).href });
await py.loadPackage("numpy", { messageCallback: () => {} });
py.runPython("import numpy");
postMessage("ready");
onmessage = () => postMessage(py.runPython("float(1 / (1 + numpy.exp(-2.0)))"));
"""

# Installed before any page script: records paints and long tasks from the start.
OBSERVE = """
window.__longtasks = [];
new PerformanceObserver(list => { for (const e of list.getEntries())
  window.__longtasks.push({start: e.startTime, duration: e.duration}); })
  .observe({type: "longtask", buffered: true});
"""

TIMINGS = """() => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const ready = performance.getEntriesByName("nnpress:ready")[0];
  return {fcp: fcp ? fcp.startTime : null, ready: ready ? ready.startTime : null,
          longtasks: window.__longtasks};
}"""

FIRST_UPDATE = """(selector) => new Promise(resolve => {
  const el = document.querySelector(selector);
  el.closest("figure").addEventListener("nnpress:update",
    () => requestAnimationFrame(() => resolve(performance.now())), {once: true});
  el.value = "2"; el.dispatchEvent(new Event("input", {bubbles: true}));
})"""

MOVES = """async ([selector, moves]) => {
  const el = document.querySelector(selector);
  const figure = el.closest("figure");
  const screen = [], applied = [];
  for (let i = 0; i < moves; i++) {
    const value = (-10 + 20 * i / moves).toFixed(2);
    const t0 = performance.now();
    await new Promise(resolve => {
      figure.addEventListener("nnpress:update", () => {
        applied.push(performance.now() - t0);
        requestAnimationFrame(() => resolve());
      }, {once: true});
      el.value = value; el.dispatchEvent(new Event("input", {bubbles: true}));
    });
    screen.push(performance.now() - t0);
  }
  return {screen, applied};
}"""


def measure(browser, url: str, bare: bool, moves: int) -> dict:
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(OBSERVE)
    page.goto(url)
    page.wait_for_function("document.documentElement.dataset.nnpress === 'ready'",
                           timeout=120_000)
    if bare:
        page.evaluate("window.firstCall()")
        page.wait_for_function("document.documentElement.dataset.first === 'done'")
        first = page.evaluate("performance.getEntriesByName('bare:first-call')[0].startTime")
    else:
        first = page.evaluate(FIRST_UPDATE, SLIDER)
    result = page.evaluate(TIMINGS)
    result["first"] = first
    result["latency"] = [] if bare else page.evaluate(MOVES, [SLIDER, moves])
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--moves", type=int, default=200)
    args = parser.parse_args()
    with live_site(PROJECT / "tests" / "site") as (base, out):
        (out / "bare.html").write_text(BARE_HTML)
        (out / "bare-worker.js").write_text(BARE_WORKER)
        with chromium() as browser:
            bare = measure(browser, base + "bare.html", True, 0)
            ours = measure(browser, base + PAGE, False, args.moves)

    print("boot, one cold run each (ms from navigation start)")
    print(f"{'':28}{'nnpress':>10}{'bare':>10}{'ratio':>8}")
    for key, name in (("fcp", "first contentful paint"), ("ready", "Python ready"),
                      ("first", "first slider update")):
        a, b = ours[key], bare[key]
        print(f"{name:28}{a:10.0f}{b:10.0f}{a / b:8.2f}")
    for key, name in (("applied", "input -> figure updated"),
                      ("screen", "input -> next frame painted")):
        lat = ours["latency"][key]
        print(f"slider latency, {name}, {len(lat)} moves: "
              f"p50 {percentile(lat, 50):.1f} ms, p95 {percentile(lat, 95):.1f} ms, "
              f"max {max(lat):.1f} ms, mean {statistics.mean(lat):.1f} ms")
    for label, run in (("nnpress", ours), ("bare", bare)):
        tasks = [t for t in run["longtasks"] if t["start"] <= run["ready"]]
        total = sum(t["duration"] for t in tasks)
        longest = max((t["duration"] for t in tasks), default=0)
        print(f"main-thread long tasks before ready ({label}): {len(tasks)}, "
              f"total {total:.0f} ms, longest {longest:.0f} ms")


if __name__ == "__main__":
    main()
