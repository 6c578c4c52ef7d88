"""At 390 px: does any page of the example site scroll sideways, and which figure text
renders under 12 px? Saves each page's full screenshot, `bench-output/phone-<page>.png`.
Prints figures; asserts nothing (tests/browser/test_phone.py asserts).

    python bench/phone_check.py
"""

from __future__ import annotations

from axe_report import PAGES, SHOTS, page_name
from harness import PROJECT, chromium, live_site, open_ready

SMALL_TEXT = """() => [...document.querySelectorAll('svg text')].map(t => {
  const m = t.closest('svg').getScreenCTM();
  const px = parseFloat(getComputedStyle(t).fontSize) * (m ? m.a : 1);
  return [px, (t.closest('figure') || {}).id + ' ' + t.getAttribute('class') + ' ' + t.textContent];
}).filter(([px]) => px < 11.95).map(([px, w]) => px.toFixed(1) + ' ' + w).slice(0, 12)"""


def main() -> None:
    SHOTS.mkdir(exist_ok=True)
    with live_site(PROJECT / "content") as (base, _), chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for path in PAGES:
            if page.goto(base + path).status != 200:
                continue
            if page.locator("figure[data-widget]").count():
                open_ready(page, base + path)
            wide = page.evaluate("() => document.documentElement.scrollWidth")
            print(f"/{path}: scrollWidth {wide}; text under 12 px: {page.evaluate(SMALL_TEXT)}",
                  flush=True)
            page.screenshot(path=str(SHOTS / f"phone-{page_name(path)}.png"), full_page=True)


if __name__ == "__main__":
    main()
