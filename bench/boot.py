"""Start-up of a live page beside a bare Pyodide page; the next page; offline.

Builds tests/site into a temporary folder, adds a bare page that only boots
Pyodide + numpy in a module worker (the floor any page of ours stands on),
serves both from 127.0.0.1 under /my-repo/ and measures, in headless Chromium:
  - first page, cold (a new browser profile: no HTTP cache, no compiled
    WebAssembly, no service worker) and warm (the same profile, reloaded):
    navigation -> first contentful paint, -> Python ready, -> first slider
    update (for the bare page: its first Python call), and our/bare ratios;
  - the next page: a click on a link to another post -> Python ready there
    (controls live) and -> its first slider update, Python kept running;
  - offline: the network cut after one visit, reload -> Python ready;
  - `make serve`: an edit saved -> the new text on the open page;
  - slider-to-screen latency over N moves (input event -> reply applied ->
    next frame painted), p50 and p95;
  - main-thread long tasks (> 50 ms) during start-up.
Each figure is the median of --runs runs (each in a new profile). Prints
figures; asserts nothing.  Usage: python bench/boot.py [--runs 3] [--moves 200]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import PROJECT, chromium, live_site, percentile

PAGE = "posts/activation/"
SLIDER = "#nn-activation-1 [data-control=x]"
NEXT_SLIDER = "#nn-regression-1 [data-control=weight]"

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

BARE_WORKER = """import { loadPyodide } from "./static/RUNTIME/pyodide.mjs";
const py = await loadPyodide({ indexURL: new URL("./static/RUNTIME/", import.meta.url).href });
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


NEXT_PAGE = """async ([href, selector]) => {
  const link = Object.assign(document.createElement("a"), {href, textContent: "next"});
  document.querySelector("main").append(link);
  const t0 = performance.now();
  const ready = () => document.documentElement.dataset.nnpress === "ready"
    && document.querySelector(selector) !== null;
  link.click();
  while (!ready()) await new Promise(requestAnimationFrame);
  const live = performance.now() - t0;
  const el = document.querySelector(selector);
  await new Promise(resolve => {
    el.closest("figure").addEventListener("nnpress:update",
      () => requestAnimationFrame(resolve), {once: true});
    el.value = "2"; el.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return {live, reacted: performance.now() - t0};
}"""


def wait_ready(page) -> None:
    page.wait_for_function(
        "() => document.documentElement.dataset.nnpress === 'ready'",
                           timeout=120_000)


def first_use(page, bare: bool) -> float:
    if bare:
        page.evaluate("window.firstCall()")
        page.wait_for_function(
        "() => document.documentElement.dataset.first === 'done'")
        return page.evaluate("performance.getEntriesByName('bare:first-call')[0].startTime")
    return page.evaluate(FIRST_UPDATE, SLIDER)


def visit(page, url: str, bare: bool, reload: bool = False) -> dict:
    page.reload() if reload else page.goto(url)
    wait_ready(page)
    first = first_use(page, bare)
    result = page.evaluate(TIMINGS)
    result["first"] = first
    return result


def run(browser, base: str, bare: bool, moves: int) -> dict:
    """One reader in a new profile: cold visit, warm reload, next page, offline reload."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(OBSERVE)
    url = base + ("bare.html" if bare else PAGE)
    result = {"cold": visit(page, url, bare)}
    if not bare:  # let the service worker finish saving the site, as a reader's pause would
        page.wait_for_function(
        "() => document.getElementById('nn-offline').dataset.state === 'saved'", timeout=120_000)
    result["warm"] = visit(page, url, bare, reload=True)
    if not bare:
        result["latency"] = page.evaluate(MOVES, [SLIDER, moves]) if moves else None
        result["next"] = page.evaluate(NEXT_PAGE, ["../regression/", NEXT_SLIDER])
        page.goto(url)
        wait_ready(page)
        context.set_offline(True)
        result["offline"] = visit(page, url, bare, reload=True)
    context.close()
    return result


PLAIN_POST = """---
title: Words only
date: 2024-03-01
---

A post of prose, with no figure: what most edits touch. The neuron adds its weighted
inputs, $z = w x + b$, and squashes the sum.

## A section

More words, [a link to the activation post](activation.md) and a list:

- one
- two
"""


# When the text first shows in the page (swapped in by Turbo), in wall-clock ms: a
# MutationObserver sees it in the DOM, and the next animation frame's callback runs just
# before that frame is painted. Playwright's own polling would add 10 to 30 ms.
WATCH_TEXT = """(text) => {
  window.__seen = window.__frame = undefined;
  const check = () => {
    const article = document.querySelector("article");
    if (window.__seen === undefined && article && article.textContent.includes(text)) {
      window.__seen = performance.timeOrigin + performance.now();
      // the frame that paints it: its callbacks run just before the paint
      requestAnimationFrame(() => { window.__frame = performance.timeOrigin + performance.now(); });
    }
  };
  window.__watch?.disconnect();
  window.__watch = new MutationObserver(check);
  window.__watch.observe(document.documentElement, {childList: true, subtree: true});
}"""


def serve_edit(browser, edits: int, post_name: str) -> list[float]:
    """`make serve`'s path: ms from saving an edited post to the frame that paints its new
    text (swapped in by Turbo; Python keeps running, the scroll position stays). The site is
    the test site with one plain post added; `post_name` is the post edited."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(PROJECT / "tests" / "site", content)
        (content / "plain.md").write_text(PLAIN_POST, encoding="utf-8")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, str(PROJECT / "build.py"), "serve", "--content", str(content),
             "--out", str(Path(tmp) / "build"), "--port", str(port)], cwd=PROJECT,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            for line in server.stdout:
                if "serving" in line:
                    break
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/posts/{post_name}/")
            if post_name != "plain":  # a page without figures starts no Python
                wait_ready(page)
            page.evaluate("window.sameVisit = true")
            post = content / f"{post_name}.md"
            times = []
            for i in range(edits):
                page.evaluate(WATCH_TEXT, f"Edit number {i}.")
                page.wait_for_timeout(300)  # the last edit's second reload (its build) is over
                started = time.time() * 1000  # the page's clock is the same wall clock
                post.write_text(post.read_text(encoding="utf-8") + f"\nEdit number {i}.\n",
                                encoding="utf-8")
                page.wait_for_function("() => window.__frame !== undefined", timeout=30_000)
                times.append(page.evaluate("window.__frame") - started)
            assert page.evaluate("window.sameVisit"), "the page reloaded: Python started again"
            page.close()
            return times
        finally:
            server.terminate()
            server.wait()


def median(runs: list[dict], *keys: str) -> float:
    values = []
    for r in runs:
        for key in keys:
            r = r[key]
        values.append(r)
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--edits", type=int, default=9, help="edits per post in `make serve`")
    args = parser.parse_args()
    with live_site(PROJECT / "tests" / "site") as (base, out):
        runtime = next((out / "static").glob("pyodide-*")).name
        (out / "bare.html").write_text(BARE_HTML)
        (out / "bare-worker.js").write_text(BARE_WORKER.replace("RUNTIME", runtime))
        with chromium() as browser:
            bare, ours = [], []
            for i in range(args.runs):  # interleaved, so both see the same machine
                bare.append(run(browser, base, True, 0))
                ours.append(run(browser, base, False, args.moves if i == 0 else 0))
            edits = {name: serve_edit(browser, args.edits, name)
                     for name in ("plain", "activation")}

    print(f"boot, median of {args.runs} runs, each in a new browser profile "
          "(ms from navigation start)")
    print(f"{'':36}{'nnpress':>10}{'bare':>10}{'ratio':>8}")
    for state in ("cold", "warm"):
        for key, name in (("fcp", "first contentful paint"), ("ready", "Python ready"),
                          ("first", "first slider update")):
            a, b = median(ours, state, key), median(bare, state, key)
            print(f"{state + ', ' + name:36}{a:10.0f}{b:10.0f}{a / b:8.2f}")
    print(f"next page, click -> controls live: {median(ours, 'next', 'live'):.0f} ms; "
          f"-> first slider update painted: {median(ours, 'next', 'reacted'):.0f} ms "
          "(Python kept running)")
    print(f"offline reload (network cut after one visit) -> Python ready: "
          f"{median(ours, 'offline', 'ready'):.0f} ms; first slider update "
          f"{median(ours, 'offline', 'first'):.0f} ms")
    for name, times in edits.items():
        print(f"make serve, edit saved -> new text on the open page, {name} post "
              f"({len(times)} edits): median {statistics.median(times):.0f} ms, "
              f"max {max(times):.0f} ms (Python kept running)")
    lat = ours[0]["latency"]
    for key, name in (("applied", "input -> figure updated"),
                      ("screen", "input -> next frame painted")):
        values = lat[key]
        print(f"slider latency, {name}, {len(values)} moves: "
              f"p50 {percentile(values, 50):.1f} ms, p95 {percentile(values, 95):.1f} ms, "
              f"max {max(values):.1f} ms, mean {statistics.mean(values):.1f} ms")
    for label, runs in (("nnpress", ours), ("bare", bare)):
        cold = runs[0]["cold"]
        tasks = [t for t in cold["longtasks"] if t["start"] <= cold["ready"]]
        total = sum(t["duration"] for t in tasks)
        longest = max((t["duration"] for t in tasks), default=0)
        print(f"main-thread long tasks before ready, cold ({label}): {len(tasks)}, "
              f"total {total:.0f} ms, longest {longest:.0f} ms")


if __name__ == "__main__":
    main()
