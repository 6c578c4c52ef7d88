"""Train it by hand: the house line, as a reader moves it."""

from __future__ import annotations

from .actions import set_slider, wait_for_text

ONE_WEIGHT = "#nn-regression-1"
BY_HAND = "#nn-regression-2"


def test_weight_0_18_and_bias_0_show_the_published_error(open_live, test_site_url):
    page = open_live(test_site_url + "posts/regression/")
    assert page.locator(f"{ONE_WEIGHT} .nn-result").text_content() == "2057.73"
    line = page.locator(f"{BY_HAND} line.curve")
    before = line.get_attribute("y2")
    set_slider(page, f"{BY_HAND} [data-control=weight]", 0.18)
    wait_for_text(page, f"{BY_HAND} .nn-result", "2057.73")
    assert line.get_attribute("y2") != before  # the line tilted up
    assert page.locator(f"{BY_HAND} tfoot output").text_content() == "2057.73"
    assert page.locator(f"{BY_HAND} .nn-live").text_content() == (
        "Error 2057.73 at weight 0.180, bias 0; goal: under 799")
    set_slider(page, f"{BY_HAND} [data-control=weight]", 0.058)
    set_slider(page, f"{BY_HAND} [data-control=bias]", 248)
    wait_for_text(page, f"{BY_HAND} .nn-result", "447.38")
    wait_for_text(page, f"{BY_HAND} .nn-goal-met", "under 799")


def test_a_house_row_is_picked_by_keyboard(open_live, test_site_url):
    page = open_live(test_site_url + "posts/regression/")
    page.locator(f"{ONE_WEIGHT} [data-control=house][data-value='2']").focus()
    page.keyboard.press("Enter")
    wait_for_text(page, f"{ONE_WEIGHT} .nn-formula output", "432.00")
    picked = page.locator(f"{ONE_WEIGHT} [data-control=house][data-value='2']")
    assert picked.get_attribute("aria-pressed") == "true"
    assert picked.evaluate("el => el === document.activeElement")  # focus survives the swap
