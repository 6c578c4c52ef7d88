"""The playground, as a reader trains it."""

from __future__ import annotations

import struct
import zlib

from .actions import wait_for_text

FIG = "#nn-playground-1"
URL = "posts/playground/"
HEAT = f"{FIG} [data-slot=heatmap] defs"  # the prediction heatmap's masks: its pixels
THUMBNAILS = "[data-slot=network] mask:first-of-type image"  # one per unit, and x1, x2


def train_loss(page) -> float:
    return float(page.locator(f"{FIG} .pg-train-loss").text_content())


def epoch(page) -> int:
    return int(page.locator(f"{FIG} .pg-epoch").text_content())


def test_step_and_play_change_the_heatmap_and_lower_the_loss(open_live, test_site_url):
    page = open_live(test_site_url + URL)
    heat = page.locator(HEAT).inner_html()
    first_loss = train_loss(page)
    assert 0.6 < first_loss < 0.8
    for _ in range(3):
        page.locator(f"{FIG} [data-control=step]").click()
    wait_for_text(page, f"{FIG} .pg-epoch", "3")
    assert page.locator(HEAT).inner_html() != heat
    play = page.locator(f"{FIG} [data-control=play]")
    play.click()
    page.wait_for_function(
        "() => document.querySelector('#nn-playground-1 .pg-epoch').textContent >= 55",
        timeout=20_000)
    play.click()
    wait_for_text(page, f"{FIG} [data-control=play]", "Play")
    assert train_loss(page) < 0.1 < first_loss
    assert "Epoch" in page.locator(f"{FIG} .nn-live").text_content()


def test_reset_gives_back_the_first_frame(open_live, test_site_url):
    page = open_live(test_site_url + URL)
    readout = page.locator(f"{FIG} .pg-readout").text_content()
    heat = page.locator(HEAT).inner_html()
    page.locator(f"{FIG} [data-control=play]").click()
    page.wait_for_function(
        "() => document.querySelector('#nn-playground-1 .pg-epoch').textContent >= 10")
    page.locator(f"{FIG} [data-control=reset]").click()
    wait_for_text(page, f"{FIG} .pg-epoch", "0")
    assert page.locator(f"{FIG} .pg-readout").text_content() == readout
    assert page.locator(HEAT).inner_html() == heat
    assert page.locator(f"{FIG} [data-control=play]").get_attribute("aria-pressed") == "false"


def test_changing_the_data_and_the_shape_redraws_by_keyboard(open_live, test_site_url):
    page = open_live(test_site_url + URL)
    first = page.locator(f"{FIG} circle.pg-train").first.get_attribute("cx")
    page.locator(f"{FIG} [data-control=dataset]").select_option("xor")
    page.wait_for_function(
        "() => document.querySelector('#nn-playground-1 svg.pg-points')"
        ".getAttribute('aria-label').startsWith('Exclusive or')")
    assert page.locator(f"{FIG} circle.pg-train").first.get_attribute("cx") != first
    assert page.locator(f"{FIG} circle.pg-train").count() == 100
    more = page.locator(f"{FIG} [data-control=layers_up]")
    more.focus()
    page.keyboard.press("Enter")
    wait_for_text(page, f"{FIG} .pg-shape", "3 hidden layers of 4 units")
    label = page.locator(f"{FIG} svg.nn-diagram").get_attribute("aria-label")
    assert label.startswith("A 2-4-4-4-1 network")
    assert page.locator(f"{FIG} {THUMBNAILS}").count() == 2 + 3 * 4 + 1


def press_to_its_limit(page, control: str, presses: int):
    """Press the playground's button `control` from the keyboard until it disables itself."""
    page.locator(f"{FIG} [data-control={control}]").focus()
    for _ in range(presses):
        page.keyboard.press("Enter")
        page.wait_for_timeout(200)
    page.wait_for_function(
        "(c) => document.querySelector(`#nn-playground-1 [data-control=${c}]`).disabled",
        arg=control)
    return page


def test_a_button_at_its_limit_keeps_the_focus_in_the_figure(open_live, test_site_url):
    """+ layers pressed up to the most: it disables itself, and the focus goes to the −
    beside it, not out of the figure."""
    page = press_to_its_limit(open_live(test_site_url + URL), "layers_up", 2)  # 2 -> 4
    page.wait_for_function(
        "() => document.activeElement.dataset.control === 'layers_down'")


def test_a_minus_at_its_limit_hands_the_focus_to_its_plus(open_live, test_site_url):
    """Units down to 1: the − disables itself; the hidden count before it (layers, for
    state links) cannot take the focus, so the + after it does."""
    page = press_to_its_limit(open_live(test_site_url + URL), "units_down", 3)  # 4 -> 1
    page.wait_for_function("() => document.activeElement.dataset.control === 'units_up'")


def test_the_caption_follows_the_data(open_live, test_site_url):
    page = open_live(test_site_url + URL)
    caption = page.locator(f"{FIG} figcaption")
    assert "inner disc" in caption.inner_text()
    page.select_option(f"{FIG} select[data-control=dataset]", "spiral")
    wait_for_text(page, f"{FIG} figcaption", "spirals")
    assert "inner disc" not in caption.inner_text()


def pixel(page, x: float, y: float) -> tuple[int, int, int]:
    """The colour on screen at (x, y), from a 1 × 1 screenshot: whatever row filter the PNG
    uses, a lone pixel's bytes are its colour (every predictor is 0 there)."""
    png, at, idat = page.screenshot(clip={"x": x, "y": y, "width": 1, "height": 1}), 8, b""
    while at < len(png):
        size, tag = struct.unpack(">I4s", png[at : at + 8])
        if tag == b"IDAT":
            idat += png[at + 8 : at + 8 + size]
        at += 12 + size
    return tuple(zlib.decompress(idat)[1:4])


def test_the_heatmaps_take_the_themes_colours(open_live, test_site_url):
    """The PNGs hold grey levels; the colours are site.css's, so they follow the theme
    (the system's, the toggle's) and print light."""
    page = open_live(test_site_url + URL)
    page.emulate_media(color_scheme="light")
    page.locator(f"{FIG} .pg-heat").scroll_into_view_if_needed()
    heat = page.locator(f"{FIG} .pg-heat").bounding_box()
    corner = (heat["x"] + heat["width"] - 4, heat["y"] + 4)  # top right: no point, no label
    thumb = page.locator(f"{FIG} svg.nn-diagram .node circle").first.bounding_box()  # x1
    left = (thumb["x"] + thumb["width"] * 0.2, thumb["y"] + thumb["height"] / 2)
    light, light_left = pixel(page, *corner), pixel(page, *left)
    page.emulate_media(color_scheme="dark")
    dark, dark_left = pixel(page, *corner), pixel(page, *left)
    assert min(light) > 230 and max(dark) < 40, (light, dark)  # the middle colour
    for r, g, b in (light_left, dark_left):
        assert r > g + 40 > b + 40, (light_left, dark_left)  # orange in both themes
    page.emulate_media(color_scheme="light")
    page.locator("[data-theme-toggle]").click()  # the reader's choice, over the system's
    assert pixel(page, *corner) == dark
    page.emulate_media(media="print")  # the page reflows: the map's corner again
    heat = page.locator(f"{FIG} .pg-heat").bounding_box()
    printed = pixel(page, heat["x"] + heat["width"] - 4, heat["y"] + 4)
    assert min(printed) > 230, printed  # print is light, whatever the screen's theme
