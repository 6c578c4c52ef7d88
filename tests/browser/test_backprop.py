"""The backprop walkthrough, as a reader uses it."""

from __future__ import annotations

from .actions import wait_for_text

FIG = "#nn-backprop-1"


def loss(page) -> float:
    return float(page.locator(f"{FIG} .nn-loss-value").text_content())


def test_sgd_step_lowers_the_loss(open_live, test_site_url):
    page = open_live(test_site_url + "posts/backprop/")
    assert loss(page) == 0.2269
    assert page.locator(f"{FIG} .nn-gradient").text_content() == "0.02147"
    assert page.locator(f"{FIG} [data-control=reset]").is_disabled()
    page.click(f"{FIG} [data-control=step]")
    wait_for_text(page, f"{FIG} .nn-live", "after 1 step")
    first = loss(page)
    assert first < 0.2269
    page.click(f"{FIG} [data-control=step10]")
    wait_for_text(page, f"{FIG} .nn-live", "after 11 steps")
    assert loss(page) < first
    # another parameter: the chain has two factors for w5, and its path lights up
    page.select_option(f"{FIG} [data-control=weight]", "w5")
    wait_for_text(page, f"{FIG} .nn-live", "dL/dw5")
    assert page.locator(f"{FIG} .nn-working").count() == 2
    assert page.locator(f"{FIG} .nn-weight.active").text_content().startswith("w₅ = ")
    page.click(f"{FIG} [data-control=reset]")
    wait_for_text(page, f"{FIG} .nn-live", "after 0 steps")
    assert loss(page) == 0.2269
