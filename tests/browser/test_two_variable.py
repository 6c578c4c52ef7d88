"""Two variables: gradient descent over area and bathrooms, in the page."""

from __future__ import annotations

from .actions import wait_for_text

TWO = "#nn-two-variable-1"


def test_gd_lowers_the_error_over_the_ten_houses(open_live, test_site_url):
    page = open_live(test_site_url + "posts/two-variable/")
    result = page.locator(f"{TWO} .nn-result")
    assert result.text_content() == "108268.39"
    page.get_by_role("button", name="GD step", exact=True).click()
    wait_for_text(page, f"{TWO} .nn-result", "4293.99")
    page.get_by_role("button", name="100 GD steps").click()
    wait_for_text(page, f"{TWO} .nn-live", "after 101 steps")
    assert float(result.text_content()) < 1800
    assert page.locator(f"{TWO} .nn-errors polyline").count() == 1
    assert page.locator(f"{TWO} .nn-diagram .node").count() == 4
