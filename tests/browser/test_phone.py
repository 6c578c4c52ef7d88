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


# The last line of text a reader can reach (the footer's, when the offline line is empty)
# and the bar's top, scrolled to the very end of the page.
LAST_LINE_AND_BAR = """() => {
  window.scrollTo(0, document.documentElement.scrollHeight);
  const lines = [...document.querySelectorAll('main :is(p, li), .site-footer p')]
    .filter((e) => e.getClientRects().length);
  const last = lines[lines.length - 1].getBoundingClientRect();
  const bar = document.getElementById('nn-runtime').getBoundingClientRect();
  return {last: last.bottom, bar: bar.top, height: bar.height, x: bar.x, width: bar.width,
          text: lines[lines.length - 1].textContent};
}"""


def runtime_never_arrives(page) -> None:
    """Python's download hangs: the bar stays, saying "Loading Python…"."""
    page.route("**/static/pyodide-*/**", lambda route: None)


def runtime_fails(page) -> None:
    """Python's download fails: the bar says why, over two or three lines."""
    page.route("**/static/pyodide-*/**", lambda route: route.abort())


@pytest.mark.parametrize("path", ["posts/titanic/", "posts/titanic-ja/"])
@pytest.mark.parametrize("runtime", [runtime_never_arrives, runtime_fails])
def test_the_loading_bar_covers_no_text_at_the_end(page, example_site_url, path, runtime):
    """At 390 x 844, scrolled to the end, the last line of text is above the bar, while
    Python loads and when the bar's message wraps (Python could not start: why)."""
    page.set_viewport_size({"width": PHONE, "height": 844})
    runtime(page)
    page.goto(example_site_url + path)
    box = page.locator("#nn-runtime")
    box.wait_for(state="visible")
    if runtime is runtime_fails:
        page.wait_for_function(
            "() => document.getElementById('nn-runtime').classList.contains('nn-failed')",
            timeout=30_000)
    # the page's room follows the bar's height (a ResizeObserver): give it a frame
    page.wait_for_function("""() => {
      const room = getComputedStyle(document.documentElement).getPropertyValue('--nn-runtime-room');
      return parseFloat(room) === document.getElementById('nn-runtime').offsetHeight;
    }""")
    seen = page.evaluate(LAST_LINE_AND_BAR)
    assert seen["x"] == 0 and seen["width"] == PHONE
    if runtime is runtime_never_arrives:
        assert seen["height"] <= 40, "one slim line while Python loads"
    else:
        assert seen["height"] > 50, "the reason takes more than one line"
    assert seen["last"] <= seen["bar"], seen


def test_a_bar_that_grows_keeps_the_end_of_the_page_in_view(page, example_site_url):
    """A reader at the end as the bar's message grows to three lines stays at the end."""
    page.set_viewport_size({"width": PHONE, "height": 844})
    runtime_never_arrives(page)
    page.goto(example_site_url + "posts/titanic/")
    page.locator("#nn-runtime").wait_for(state="visible")
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    page.locator("#nn-runtime .nn-runtime-text").evaluate(
        "(el) => { el.textContent = 'Python could not start: it has stopped responding (a slow "
        "connection or too little memory?). The figures show their first state.'; }")
    page.wait_for_function("""() => {
      const bar = document.getElementById('nn-runtime');
      const lines = [...document.querySelectorAll('main :is(p, li), .site-footer p')]
        .filter((e) => e.getClientRects().length);
      const last = lines[lines.length - 1].getBoundingClientRect();
      return bar.offsetHeight > 50 && last.bottom <= bar.getBoundingClientRect().top;
    }""")


def test_the_loading_box_covers_no_text_at_the_end_on_a_desktop(page, example_site_url):
    """At 1280 px the box sits bottom right; when its message wraps (Python could not
    start: why), the page's foot still keeps the last line above it."""
    page.set_viewport_size({"width": 1280, "height": 800})
    runtime_fails(page)
    page.goto(example_site_url + "posts/titanic/")
    page.wait_for_function(
        "() => document.getElementById('nn-runtime').classList.contains('nn-failed')",
        timeout=30_000)
    # A long reason (a site's own words, say): four lines or more.
    page.locator("#nn-runtime .nn-runtime-text").evaluate(
        "(el) => { el.textContent += ' ' + el.textContent + ' ' + el.textContent; }")
    page.wait_for_function("""() => {
      const room = getComputedStyle(document.documentElement).getPropertyValue('--nn-runtime-room');
      const box = document.getElementById('nn-runtime');
      return box.offsetHeight > 90 && parseFloat(room) === box.offsetHeight;
    }""")
    seen = page.evaluate(LAST_LINE_AND_BAR)
    assert seen["last"] <= seen["bar"], seen
