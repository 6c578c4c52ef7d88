"""On a 390 px phone: no page scrolls sideways, a figure's key numbers are in view,
chart text is 11 px or more, and the loading bar covers no text."""

from __future__ import annotations

import pytest

from .test_accessibility import PAGES, open_page

PHONE = 390


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways(page, watched, example_site_url, path):
    open_page(page, example_site_url + path, PHONE)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE
    # Chart text (axes, ticks, labels) renders at 11 px or more.
    small = page.evaluate("""() => [...document.querySelectorAll(
        '.nn-svg :is(.tick, .label, .axis-label)')].map(t => {
      const px = parseFloat(getComputedStyle(t).fontSize) * t.closest('svg').getScreenCTM().a;
      return [px, t.textContent];
    }).filter(([px]) => px < 10.95)""")
    assert small == []


def test_the_titanic_prediction_shows_every_column(page, watched, example_site_url):
    open_page(page, example_site_url + "posts/titanic/", PHONE)
    figure = page.locator("figure[data-widget=prediction]").first
    box = figure.bounding_box()
    for cell in (figure.locator("thead th").last, figure.locator(".nn-net svg .node").last):
        right = cell.bounding_box()
        assert right["x"] + right["width"] <= box["x"] + box["width"] + 0.5, cell


def test_the_house_table_shows_the_squared_difference(page, watched, example_site_url):
    open_page(page, example_site_url + "posts/basics/", PHONE)
    figure = page.locator("#nn-regression-2")
    box = figure.bounding_box()
    for cell in (figure.locator(".nn-house-table thead th").last,
                 figure.locator(".nn-house-table tfoot td").last):
        right = cell.bounding_box()
        assert right["x"] + right["width"] <= box["x"] + box["width"] + 0.5


def test_the_loading_bar_sits_below_the_text(page, watched, example_site_url):
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(example_site_url + "posts/titanic/")
    box = page.locator("#nn-runtime")
    box.wait_for(state="visible")
    bar = box.bounding_box()
    assert bar["height"] <= 40 and bar["x"] == 0 and bar["width"] == PHONE
    # scrolled to the end, the last of the text is above the bar
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    footer = page.locator(".site-footer p").first.bounding_box()
    assert footer["y"] + footer["height"] <= page.locator("#nn-runtime").bounding_box()["y"]
