"""axe-core on every page of the example site, at 1280 and 390 px, light and dark.

Builds content/ and serves it under /my-repo/, then runs axe-core (the pinned npm
copy) on each page once its figures are live, and prints the violations found per
page: rule id and how many elements. Also saves a screenshot of each page in the
dark theme at both widths, `bench-output/dark-<page>-<width>.png`, and of each heatmap
figure at 1280 px in both themes, `bench-output/<theme>-<page>-heatmap-<n>.png`, for a
reader's look. Prints figures; asserts nothing (tests/browser/test_accessibility.py asserts).

    python bench/axe_report.py [OUT.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from harness import PROJECT, chromium, live_site, open_ready

PAGES = ["", "tags/", "posts/basics/", "posts/titanic/", "posts/titanic-ja/",
         "posts/from-scratch/", "posts/neural-nets/", "posts/learning-rate/"]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = PROJECT / "bench-output"
VIOLATIONS = """() => axe.run(document, {resultTypes: ['violations']})
  .then(r => r.violations.map(v => [v.id, v.nodes.length]))"""


def page_name(path: str) -> str:
    return path.strip("/").replace("/", "-") or "index"


def main(out: str | None = None) -> None:
    report: dict[str, list] = {}
    SHOTS.mkdir(exist_ok=True)
    with live_site(PROJECT / "content") as (base, _), chromium() as browser:
        for scheme in ("light", "dark"):
            for width in (1280, 390):
                # bypass_csp: axe is added as a script the pages' policy would refuse
                context = browser.new_context(bypass_csp=True, color_scheme=scheme,
                                              viewport={"width": width, "height": 900})
                page = context.new_page()
                for path in PAGES:
                    if page.goto(base + path).status != 200:
                        continue  # not in this site
                    if page.locator("figure[data-widget]").count():
                        open_ready(page, base + path)
                    page.add_script_tag(path=str(AXE))
                    found = page.evaluate(VIOLATIONS)
                    key = f"{scheme} {width} /{path}"
                    report[key] = found
                    print(f"{key}: {found or 'no violations'}", flush=True)
                    if scheme == "dark":
                        page.screenshot(path=str(SHOTS / f"dark-{page_name(path)}-{width}.png"))
                    if width == 1280:  # the figures whose colours are the theme's heatmap
                        heatmaps = page.locator("figure[data-widget]:has(.nn-heat, .pg-heat)")
                        for n in range(heatmaps.count()):
                            heatmaps.nth(n).screenshot(path=str(
                                SHOTS / f"{scheme}-{page_name(path)}-heatmap-{n + 1}.png"))
                context.close()
    total = sum(n for found in report.values() for _, n in found)
    print(f"{len(report)} page views, {total} elements in violation; dark screenshots in "
          f"{SHOTS.relative_to(PROJECT)}/")
    if out:
        Path(out).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:])
