"""A link to what the reader is looking at: a figure's state in the address."""

from __future__ import annotations

from .actions import set_slider, wait_for_text
from .conftest import BOOT_TIMEOUT_MS, READY

FIG = "#nn-regression-2"


def test_a_state_link_restores_the_figure(page, open_live, example_site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_live(example_site_url + "posts/basics/#nn-regression-2?weight=0.058&bias=247")
    page.wait_for_function(
        "() => document.querySelector('#nn-regression-2 [data-control=weight]').value === '0.058'")
    assert page.locator(f"{FIG} [data-control=bias]").input_value() == "247"
    # the key number follows the restored sliders: the error is near its best
    wait_for_text(page, f"{FIG} .nn-state-note", "Restored")
    # The note comes as the values are sent; the table once Python has answered.
    page.wait_for_function(
        "(f) => Number(document.querySelector(f + ' .nn-house-table tfoot td output')"
        ".textContent.replace(/,/g, '').replace('\u2212', '-')) < 799", arg=FIG)
    top = page.locator(FIG).bounding_box()["y"]
    assert 0 <= top < 800, "the linked figure is on screen"


def test_the_link_button_puts_the_state_in_the_address(page, open_live, example_site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_live(example_site_url + "posts/basics/")
    set_slider(page, f"{FIG} [data-control=weight]", 0.1)
    page.wait_for_function(
        "() => !document.querySelector('#nn-regression-2').matches('.nn-busy')")
    page.locator(f"{FIG} [data-state-link]").click()
    wait_for_text(page, f"{FIG} .nn-state-note", "Link copied")
    assert page.evaluate("() => location.hash").startswith("#nn-regression-2?weight=0.1")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.endswith("#nn-regression-2?weight=0.1&bias=0") or "weight=0.1" in copied


def test_bad_values_are_left_out_with_a_quiet_note(page, open_live, example_site_url):
    open_live(example_site_url + "posts/basics/#nn-regression-2?weight=banana&bias=99999")
    wait_for_text(page, f"{FIG} .nn-state-note", "out of date")
    assert page.locator(f"{FIG} [data-control=weight]").input_value() == "0.18"


CHOSEN = "posts/state-links/"


def linked(page, figure: str) -> str:
    """Press the figure's "Link to this figure" and return the address it made."""
    page.wait_for_function(
        "(f) => !document.querySelector(f).matches('.nn-busy')", arg=figure)
    page.locator(f"{figure} [data-state-link]").click()
    page.wait_for_function(
        "(f) => location.hash.startsWith('#' + f.slice(1) + '?')", arg=figure)
    return page.evaluate("() => location.href")


def opened(page, url: str):
    """The link opened in a new tab of the same browser, once Python is ready there."""
    fresh = page.context.new_page()
    fresh.goto(url)
    fresh.wait_for_function(READY, timeout=BOOT_TIMEOUT_MS)
    return fresh


def restored(page, url: str, figure: str):
    """`opened`, once `figure` says it took its state from the link."""
    fresh = opened(page, url)
    wait_for_text(fresh, f"{figure} .nn-state-note", "Restored this figure from the link.")
    return fresh


def test_a_chosen_passenger_comes_back_from_the_link(page, open_live, test_site_url):
    fig = "#nn-prediction-1"
    open_live(test_site_url + CHOSEN)
    page.locator(f"{fig} button[data-control=passenger][data-value='3']").click()
    wait_for_text(page, f"{fig} .nn-live", "Heikkinen, Miss. Laina, age 26, female")
    url = linked(page, fig)
    assert "passenger=3" in url

    fresh = restored(page, url, fig)
    wait_for_text(fresh, f"{fig} .nn-live", "Heikkinen, Miss. Laina, age 26, female: "
                  "prediction 0.5373, survived")
    chosen = fresh.locator(f"{fig} button[data-control=passenger][aria-pressed=true]")
    assert chosen.text_content() == "Heikkinen, Miss. Laina"


def test_a_chosen_house_and_the_sliders_come_back_from_the_link(page, open_live, test_site_url):
    fig = "#nn-regression-2"
    open_live(test_site_url + CHOSEN)
    set_slider(page, f"{fig} [data-control=weight]", 0.1)
    page.locator(f"{fig} button[data-control=house][data-value='2']").click()
    wait_for_text(page, f"{fig} [data-slot=diagram]", "2400 × 0.100")
    url = linked(page, fig)
    assert "house=2" in url and "weight=0.1" in url

    fresh = restored(page, url, fig)
    wait_for_text(fresh, f"{fig} [data-slot=diagram]", "2400 × 0.100")
    assert fresh.locator(f"{fig} [data-control=weight]").input_value() == "0.1"
    chosen = fresh.locator(f"{fig} button[data-control=house][aria-pressed=true]")
    assert chosen.text_content() == "3"  # the third house: value 2 counts from 0


def test_a_ticked_checkbox_comes_back_from_the_link(page, open_live, test_site_url):
    fig = "#nn-cell-3"
    noise = '[data-for="nn-cell-3"][data-slot="p0"]'
    open_live(test_site_url + CHOSEN)
    assert page.locator(noise).text_content() == "0.00"
    page.locator(f"{fig} input[data-control=noisy]").check()
    wait_for_text(page, noise, "0.25")
    url = linked(page, fig)
    assert "noisy=true" in url

    fresh = restored(page, url, fig)
    wait_for_text(fresh, noise, "0.25")
    assert fresh.locator(f"{fig} input[data-control=noisy]").is_checked()


def test_a_link_to_a_passenger_not_in_the_table_is_left_out(page, open_live, test_site_url):
    fig = "#nn-prediction-1"
    open_live(test_site_url + CHOSEN + "#nn-prediction-1?passenger=99")
    wait_for_text(page, f"{fig} .nn-state-note", "out of date")
    assert page.locator(f"{fig} button[data-control=passenger][aria-pressed=true]").text_content() \
        == "Braund, Mr. Owen Harris"


def test_the_playgrounds_shape_comes_back_from_the_link(page, open_live, test_site_url):
    """Layers and units are − and + buttons; the count they move travels in the link."""
    fig = "#nn-playground-4"
    open_live(test_site_url + CHOSEN)
    page.locator(f"{fig} [data-control=layers_up]").click()
    wait_for_text(page, f"{fig} .pg-shape", "3 hidden layers of 4 units")
    for _ in range(2):
        page.locator(f"{fig} [data-control=units_down]").click()
        page.wait_for_function(
            "(f) => !document.querySelector(f).matches('.nn-busy')", arg=fig)
    wait_for_text(page, f"{fig} .pg-shape", "3 hidden layers of 2 units")
    url = linked(page, fig)
    assert "layers=3" in url and "units=2" in url

    fresh = restored(page, url, fig)
    wait_for_text(fresh, f"{fig} .pg-shape", "3 hidden layers of 2 units")
    fresh.wait_for_function(
        "(f) => document.querySelector(f + ' svg.nn-diagram').getAttribute('aria-label')"
        ".startsWith('A 2-2-2-2-1 network')", arg=fig)
    thumbnails = fresh.locator(f"{fig} [data-slot=network] mask:first-of-type image")
    assert thumbnails.count() == 2 + 3 * 2 + 1


def test_a_shape_out_of_range_is_left_out(page, open_live, test_site_url):
    fig = "#nn-playground-4"
    open_live(test_site_url + CHOSEN + "#nn-playground-4?layers=9&units=3")
    wait_for_text(page, f"{fig} .nn-state-note", "out of date")
    wait_for_text(page, f"{fig} .pg-shape", "2 hidden layers of 3 units")
