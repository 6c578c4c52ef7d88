"""On a 390 px phone: no page scrolls sideways, a figure's key numbers are in view,
every figure's text is 12 px or more, and the loading bar covers no text."""

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


# Every SVG text of every figure: its font size times the picture's scale on screen, and
# the height of its box (which a browser computes from the font it renders).
SVG_TEXT_PX = """() => [...document.querySelectorAll('figure[data-widget] svg text')].map(t => {
  const svg = t.closest('svg');
  const px = parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a;
  const fig = t.closest('figure');
  return {figure: fig.id, slot: t.closest('[data-slot]')?.dataset.slot, text: t.textContent,
          px, box: t.getBoundingClientRect().height};
})"""
POSTS = ["posts/basics/", "posts/titanic/", "posts/titanic-ja/", "posts/from-scratch/",
         "posts/neural-nets/", "posts/learning-rate/"]


@pytest.mark.parametrize("path", POSTS)
def test_figure_text_is_12_px_or_more(page, watched, example_site_url, path):
    """Diagrams drawn 460-560 wide used to shrink to 3/4 or less on a phone (text 7.5-9 px):
    now they keep a readable width and scroll sideways in their slot; charts and smaller
    diagrams set larger type. Measured once the figures are live (slots re-rendered)."""
    open_page(page, example_site_url + path, PHONE)
    texts = page.evaluate(SVG_TEXT_PX)
    assert len(texts) > 5
    small = [t for t in texts if t["px"] < 12]
    assert small == [], small
    # The measure agrees with what is drawn: a text's box is at least its font size tall
    # (less only for a text whose glyphs are all short, such as "−" or "+").
    assert all(t["box"] >= 0.9 * t["px"] for t in texts if len(t["text"]) > 2), texts


@pytest.mark.parametrize(("path", "figure"), [
    ("posts/basics/", "#nn-network-shape-6"), ("posts/titanic-ja/", "#nn-prediction-2"),
    ("posts/from-scratch/", "#nn-feedforward-4"), ("posts/from-scratch/", "#nn-backprop-7")])
def test_a_wide_diagram_scrolls_in_a_region_the_keyboard_reaches(page, watched,
                                                                 example_site_url, path, figure):
    open_page(page, example_site_url + path, PHONE)
    region = page.locator(f"{figure} [data-slot=net]")
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("role") == "group"
    label = region.get_attribute("aria-label")
    assert label == ("ネットワークの図" if path.endswith("-ja/") else "Network diagram")
    width = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert width[0] > width[1], "the diagram should be wider than the phone's column"
    region.focus()
    for _ in range(12):  # the arrow keys scroll the focused region: to its end
        page.keyboard.press("ArrowRight")
    page.wait_for_function("(el) => el.scrollLeft >= el.scrollWidth - el.clientWidth - 1",
                           arg=region.element_handle())
    # scrolled to its end, the region shows the diagram's last node
    box = region.bounding_box()
    last = region.locator("svg .node").last.bounding_box()
    assert last["x"] + last["width"] <= box["x"] + box["width"] + 0.5


def test_the_titanic_prediction_shows_every_column(page, watched, example_site_url):
    open_page(page, example_site_url + "posts/titanic/", PHONE)
    figure = page.locator("figure[data-widget=prediction]").first
    box = figure.bounding_box()
    right = figure.locator("thead th").last.bounding_box()
    assert right["x"] + right["width"] <= box["x"] + box["width"] + 0.5
    # The diagram under the table scrolls sideways (see the test above).


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
