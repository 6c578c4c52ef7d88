"""Gradient descent on the house line, as a reader presses the buttons."""

from __future__ import annotations

from .actions import set_slider, wait_for_text

GD = "#nn-gradient-descent-1"


def error(page) -> float:
    return float(page.locator(f"{GD} .nn-result").text_content())


def test_100_gd_steps_lower_the_error_and_a_slider_starts_a_new_path(open_live, test_site_url):
    page = open_live(test_site_url + "posts/gradient-descent/")
    assert error(page) == 2057.73
    point = page.locator(f"{GD} .nn-path circle.point")
    start = point.get_attribute("cy")
    page.get_by_role("button", name="100 GD steps").click()
    wait_for_text(page, f"{GD} .nn-result", "885.13")
    assert error(page) < 1000
    assert point.get_attribute("cy") != start  # the point climbed the bias axis
    assert page.locator(f"{GD} .nn-path polyline").count() == 1
    weight = float(page.locator(f"{GD} [data-control=weight]").input_value())
    assert abs(weight - 0.1216) < 0.0002  # the slider followed the descent
    set_slider(page, f"{GD} [data-control=weight]", 0.1)
    wait_for_text(page, f"{GD} .nn-live", "after 0 steps")
    assert page.locator(f"{GD} .nn-path polyline").count() == 0
    page.get_by_role("button", name="Reset").click()
    wait_for_text(page, f"{GD} .nn-result", "2057.73")
