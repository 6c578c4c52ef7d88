"""The offline edition: its size, what it costs the build, how fast it comes alive.

Builds tests/site into a temporary folder and serves it from 127.0.0.1 under
/my-repo/, then prints:
  - the activation post's edition: bytes and MB, split into the runtime payload
    (gzip + base64) and the page (text, styles, scripts, figures); and the size of
    the whole-site edition;
  - the build's cost: deflating the runtime once (no cache), the payload on a
    build with the cache, and one post's edition;
  - in headless Chromium, navigation -> Python ready (and first contentful paint)
    for the edition opened over file:// with the network off, beside the same post
    served over HTTP; each run in a new context (cold), interleaved, min and median,
    and the ratio edition/served (target <= 1.5).
Prints figures; asserts nothing.  Usage: python bench/offline_edition.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from harness import PROJECT, chromium, live_site

from sitegen.editions import pack_runtime
from sitegen.offline_edition import EDITION_SCRIPT, PAYLOAD_ID, WORKER_SCRIPT, Edition
from sitegen.out_folder import MARKER
from sitegen.output import SiteFiles

SLUG = "activation"
TIMINGS = """() => ({
  ready: performance.getEntriesByName("nnpress:ready")[0].startTime,
  fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
})"""


def site_files(out: Path) -> SiteFiles:
    """A built site read back as the build holds it, to time the edition's steps."""
    files = SiteFiles()
    for path in out.rglob("*"):
        if path.is_file() and path.name != MARKER:
            files.copy_file(path, path.relative_to(out).as_posix(), "the built site")
    return files


def runtime_info(out: Path) -> dict:
    (folder,) = (out / "static").glob("pyodide-*")
    (wheel,) = (out / "static" / "nnpress").glob("*.whl")
    return {"dir": f"static/{folder.name}/", "wheel": wheel.name}


def build_cost(out: Path) -> dict[str, float]:
    files, info = site_files(out), runtime_info(out)
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        payload = pack_runtime(info, files, Path(cache)).base64()
        cold = time.perf_counter() - started
        started = time.perf_counter()
        payload = pack_runtime(info, files, Path(cache)).base64()
        warm = time.perf_counter() - started
    scripts = {name: (PROJECT / "client" / name).read_text()
               for name in (EDITION_SCRIPT, WORKER_SCRIPT)}
    html = (out / "posts" / SLUG / "index.html").read_text()
    started = time.perf_counter()
    Edition(files, f"posts/{SLUG}/", "", scripts, payload).make(html)
    per_post = time.perf_counter() - started
    return {"cold": cold, "warm": warm, "per_post": per_post}


def ready_ms(browser, url: str, offline: bool) -> dict[str, float]:
    context = browser.new_context()
    context.set_offline(offline)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => document.documentElement.dataset.nnpress === 'ready'",
                           timeout=120_000)
    timings = page.evaluate(TIMINGS)
    context.close()
    return timings


def megabytes(n: int) -> str:
    return f"{n / 1e6:.2f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with live_site(PROJECT / "tests" / "site") as (base, out):
        edition = out / "posts" / SLUG / f"{SLUG}.offline.html"
        text = edition.read_text(encoding="utf-8")
        start = text.index(f'id="{PAYLOAD_ID}">') + len(f'id="{PAYLOAD_ID}">')
        payload = text.index("</script>", start) - start
        total = edition.stat().st_size
        whole, posts = (out / "site.offline.html").stat().st_size, len(list(out.glob("posts/*")))
        cost = build_cost(out)
        runs: dict[str, list[dict]] = {"served": [], "edition": []}
        with chromium() as browser:
            for _ in range(args.runs):
                runs["served"].append(ready_ms(browser, f"{base}posts/{SLUG}/", False))
                runs["edition"].append(ready_ms(browser, edition.as_uri(), True))

    print(f"edition of posts/{SLUG}/ ({edition.name})")
    print(f"  total    {total:>11,} bytes  {megabytes(total)}")
    print(f"  runtime  {payload:>11,} bytes  {megabytes(payload)}  {payload / total:.1%}"
          "  (Pyodide, numpy, our wheel: gzip level 9, base64)")
    print(f"  page     {total - payload:>11,} bytes  {megabytes(total - payload)}"
          f"  {(total - payload) / total:.1%}  (text, figures, styles, scripts)")
    print(f"  (the whole site in one file, {posts} posts: {whole:,} bytes, {megabytes(whole)})")
    print("build cost")
    print(f"  deflate the runtime, no cache   {cost['cold']:6.2f} s  (once per runtime)")
    print(f"  payload with the cache          {cost['warm']:6.2f} s  (once per build)")
    print(f"  one post's edition              {cost['per_post']:6.3f} s")
    print(f"navigation -> Python ready, {args.runs} cold runs each (ms)")
    print(f"{'':24}{'min':>8}{'median':>8}{'fcp med':>9}")
    medians = {}
    for name, label in (("served", "served over HTTP"), ("edition", "edition from file://")):
        ready = [r["ready"] for r in runs[name]]
        fcp = [r["fcp"] for r in runs[name] if r["fcp"] is not None]
        medians[name] = statistics.median(ready)
        print(f"  {label:22}{min(ready):8.0f}{medians[name]:8.0f}"
              f"{statistics.median(fcp) if fcp else float('nan'):9.0f}")
    ratio = medians["edition"] / medians["served"]
    print(f"  edition / served (median): {ratio:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
