"""Counts axe-core violations on every page of a built site, at 1280 and 390 px,
light and dark: `python bench/axe_report.py BUILD_DIR [OUT.json]`."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from sitegen.server import make_server  # noqa: E402

PAGES = ["", "tags/", "posts/basics/", "posts/titanic/", "posts/titanic-ja/",
         "posts/from-scratch/", "posts/neural-nets/"]
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]


def main(build: str, out: str | None = None) -> None:
    server = make_server(Path(build), "127.0.0.1", 0, "/my-repo/")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/my-repo/"
    report = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for scheme in ("light", "dark"):
            for width in (1280, 390):
                ctx = browser.new_context(bypass_csp=True, color_scheme=scheme,
                                          viewport={"width": width, "height": 900})
                page = ctx.new_page()
                for path in PAGES:
                    page.goto(base + path)
                    if page.locator("figure[data-widget]").count():
                        page.wait_for_function(
                            "() => document.documentElement.dataset.nnpress === 'ready'",
                            timeout=90_000)
                    page.add_script_tag(path=str(ROOT / "node_modules/axe-core/axe.min.js"))
                    found = page.evaluate(
                        "() => axe.run(document, {resultTypes: ['violations']}).then("
                        "r => r.violations.map(v => [v.id, v.nodes.length]))")
                    key = f"{scheme} {width} /{path}"
                    report[key] = found
                    print(key, found, flush=True)
                ctx.close()
        browser.close()
    server.shutdown()
    if out:
        Path(out).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:])
