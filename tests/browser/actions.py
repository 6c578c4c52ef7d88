"""What a reader does on a page, as small helpers for browser tests."""

from __future__ import annotations


def set_slider(page, selector: str, value: float) -> None:
    """Move a range input the way a reader's drag does: set it, fire input."""
    page.locator(selector).evaluate(
        "(el, v) => { el.value = String(v);"
        " el.dispatchEvent(new Event('input', {bubbles: true})); }",
        value,
    )


def wait_for_text(page, selector: str, text: str, timeout: int = 15_000) -> None:
    page.wait_for_function(
        "([s, t]) => [...document.querySelectorAll(s)].some(e => e.textContent.includes(t))",
        arg=[selector, text], timeout=timeout,
    )


def follow_to_live_page(page, link, url) -> None:
    """Click a link to a page with figures; wait until that page's figures are live.

    The address changes as soon as Turbo starts the visit, while the old page
    is still shown; page.js clears `data-nnpress` at that moment, so "ready"
    below can only be the new page's."""
    link.click()
    page.wait_for_url(url)
    page.wait_for_function("() => document.documentElement.dataset.nnpress === 'ready'",
                           timeout=60_000)
