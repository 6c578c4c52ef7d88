"""At 390 px: does any page scroll sideways, and which chart text renders under
11 px? `python bench/phone_check.py BUILD_DIR`."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from sitegen.server import make_server  # noqa: E402

PAGES = ["", "tags/", "posts/basics/", "posts/titanic/", "posts/titanic-ja/",
         "posts/from-scratch/", "posts/neural-nets/"]
SMALL_TEXT = """() => [...document.querySelectorAll('svg text')].map(t => {
  const m = t.closest('svg').getScreenCTM();
  const px = parseFloat(getComputedStyle(t).fontSize) * (m ? m.a : 1);
  return [px, (t.closest('figure') || {}).id + ' ' + t.getAttribute('class') + ' ' + t.textContent];
}).filter(([px]) => px < 10.95).map(([px, w]) => px.toFixed(1) + ' ' + w).slice(0, 12)"""


def main(build: str) -> None:
    server = make_server(Path(build), "127.0.0.1", 0, "/my-repo/")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/my-repo/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for path in PAGES:
            page.goto(base + path)
            if page.locator("figure[data-widget]").count():
                page.wait_for_function(
                    "() => document.documentElement.dataset.nnpress === 'ready'", timeout=90_000)
            wide = page.evaluate("() => document.documentElement.scrollWidth")
            print(f"/{path}: scrollWidth {wide}; small text: {page.evaluate(SMALL_TEXT)}",
                  flush=True)
            name = path.strip("/").replace("/", "-") or "index"
            page.screenshot(path=str(ROOT / "bench-output" / f"phone-{name}.png"), full_page=True)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:])
