"""An author's own live figure (tests/site/live-cells.md) wherever a reader has it:
offline after one visit to another page, in the post's offline edition and in the
whole site's edition opened from the disk with the network off, and with JavaScript
off. Each moves the learning-rate slider and reads the figure and the prose numbers
that the cell's code gives: loss = exp(-lr * 4)."""

from __future__ import annotations

import pytest

from .actions import follow_to_live_page, wait_for_text
from .conftest import BOOT_TIMEOUT_MS

READY = "() => document.documentElement.dataset.nnpress === 'ready'"
SAVED = "() => document.getElementById('nn-offline').dataset.state === 'saved'"
POST = "posts/live-cells/"
CURVE = "#nn-cell-2"
LOSS = '[data-for="nn-cell-2"][data-slot="p0"]'
RATE = '[data-for="nn-cell-2"][data-slot="p1"]'
WEIGHT = '[data-for="nn-cell-3"][data-slot="p0"]'


def errors_of(context) -> list[str]:
    errors: list[str] = []
    context.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    context.on("weberror", lambda e: errors.append(str(e.error)))
    return errors


def the_cell_follows_the_slider(page) -> None:
    """Build-time values first; then lr = 1.0 (End key) and lr = 0.05 (Home key)."""
    assert page.locator(LOSS).text_content() == "0.135"  # exp(-0.5 * 4)
    assert page.locator(RATE).text_content() == "0.50"
    before = page.locator(f"{CURVE} polyline").get_attribute("points")
    slider = page.locator(f"{CURVE} input[data-control=lr]")
    slider.focus()
    page.keyboard.press("End")
    wait_for_text(page, LOSS, "0.018")  # exp(-4) = 0.0183
    assert page.locator(RATE).text_content() == "1.00"
    assert page.locator(f"{CURVE} polyline").get_attribute("points") != before
    page.keyboard.press("Home")
    wait_for_text(page, LOSS, "0.819")  # exp(-0.2) = 0.8187
    assert page.locator(RATE).text_content() == "0.05"


@pytest.fixture
def from_disk_offline(offline_page):
    """offline_page (the network cut), failing the test on a console error or a request."""
    page, errors, refused = offline_page
    yield page
    assert errors == [], f"console errors: {errors}"
    assert refused == [], f"asked the network for {refused}"


def test_offline_after_one_visit_a_never_visited_live_cells_post_runs(browser, test_site_url):
    context = browser.new_context()
    errors = errors_of(context)
    page = context.new_page()
    page.goto(test_site_url + "posts/activation/")  # any one page, not the live cells
    page.wait_for_function(READY, timeout=BOOT_TIMEOUT_MS)
    page.wait_for_function(SAVED, timeout=BOOT_TIMEOUT_MS)
    assert page.locator("#nn-offline").text_content() == "Available offline."

    context.set_offline(True)
    page.locator("a.site-title").click()  # by links, as a reader goes (Turbo, same Python)
    page.wait_for_url(test_site_url)
    follow_to_live_page(page, page.locator(f"a[href='{POST}']").first, "**/" + POST)
    the_cell_follows_the_slider(page)

    page.reload()  # a full load of a page never loaded in full, from the saved copy
    page.wait_for_function(READY, timeout=BOOT_TIMEOUT_MS)
    assert "reading the saved copy" in page.locator("#nn-offline").text_content()
    the_cell_follows_the_slider(page)
    context.close()
    assert errors == [], f"console errors: {errors}"


def test_the_posts_edition_from_the_disk_offline_runs_the_live_cells(
        from_disk_offline, built_test_site):
    page = from_disk_offline
    page.goto((built_test_site / "posts" / "live-cells" / "live-cells.offline.html").as_uri())
    page.wait_for_function(READY, timeout=BOOT_TIMEOUT_MS)
    the_cell_follows_the_slider(page)
    page.locator("#nn-cell-3 [data-control=step]").click()  # state lasts between runs
    wait_for_text(page, WEIGHT, "3.8000")  # 4 * (1 - 0.05), lr as the slider left it


def test_the_site_edition_from_the_disk_offline_runs_the_live_cells(
        from_disk_offline, built_test_site):
    page = from_disk_offline
    page.goto((built_test_site / "site.offline.html").as_uri())
    page.click(f'main a[href="#/{POST}"] >> nth=0')
    page.wait_for_function("() => document.title.startsWith('Live cells')")
    page.wait_for_function(READY, timeout=BOOT_TIMEOUT_MS)
    the_cell_follows_the_slider(page)
    page.go_back()  # another post with figures, then this one again: it starts afresh
    page.click('main a[href="#/posts/activation/"] >> nth=0')
    page.wait_for_function("() => document.title.startsWith('Activation')"
                           " && document.documentElement.dataset.nnpress === 'ready'")
    page.go_back()
    page.click(f'main a[href="#/{POST}"] >> nth=0')
    page.wait_for_function("() => document.title.startsWith('Live cells')"
                           " && document.documentElement.dataset.nnpress === 'ready'")
    the_cell_follows_the_slider(page)


def test_with_javascript_off_the_build_values_and_no_dead_controls(browser, test_site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(test_site_url + POST)
    assert page.locator(f"{CURVE} svg polyline").count() == 1
    assert page.locator(LOSS).text_content() == "0.135"
    assert page.locator(RATE).text_content() == "0.50"
    assert page.locator(WEIGHT).text_content() == "4.0000"
    # The controls show their first state, disabled; no markup or code leaks as text.
    assert page.locator(f"{CURVE} input[data-control=lr]").input_value() == "0.5"
    assert page.locator(f"{CURVE} input[data-control=lr]").is_disabled()
    assert page.locator("#nn-cell-3 [data-control=step]").is_disabled()
    controls = page.locator(f"{CURVE} .nn-controls").inner_text()
    assert controls.strip() == "Learning rate", controls
    text = page.locator("article").inner_text()
    for broken in ("{'", "'}", "<label", "undefined", "NaN", "{="):
        assert broken not in text, broken
    context.close()
