"""The playground, as a reader trains it."""

from __future__ import annotations

from .actions import wait_for_text

FIG = "#nn-playground-1"
URL = "posts/playground/"
HEAT = f"{FIG} image.pg-heat"


def train_loss(page) -> float:
    return float(page.locator(f"{FIG} .pg-train-loss").text_content())


def epoch(page) -> int:
    return int(page.locator(f"{FIG} .pg-epoch").text_content())


def test_step_and_play_change_the_heatmap_and_lower_the_loss(open_live, test_site_url):
    page = open_live(test_site_url + URL)
    heat = page.locator(HEAT).get_attribute("href")
    first_loss = train_loss(page)
    assert 0.6 < first_loss < 0.8
    for _ in range(3):
        page.locator(f"{FIG} [data-control=step]").click()
    wait_for_text(page, f"{FIG} .pg-epoch", "3")
    assert page.locator(HEAT).get_attribute("href") != heat
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
    heat = page.locator(HEAT).get_attribute("href")
    page.locator(f"{FIG} [data-control=play]").click()
    page.wait_for_function(
        "() => document.querySelector('#nn-playground-1 .pg-epoch').textContent >= 10")
    page.locator(f"{FIG} [data-control=reset]").click()
    wait_for_text(page, f"{FIG} .pg-epoch", "0")
    assert page.locator(f"{FIG} .pg-readout").text_content() == readout
    assert page.locator(HEAT).get_attribute("href") == heat
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
    assert page.locator(f"{FIG} image.pg-unit").count() == 2 + 3 * 4 + 1


def test_a_button_at_its_limit_keeps_the_focus_in_the_figure(open_live, test_site_url):
    """+ layers pressed up to the most: it disables itself, and the focus goes to the −
    beside it, not out of the figure."""
    page = open_live(test_site_url + URL)
    up = page.locator(f"{FIG} [data-control=layers_up]")
    up.focus()
    for _ in range(2):  # 2 -> 4 layers, the most
        page.keyboard.press("Enter")
        page.wait_for_timeout(200)
    page.wait_for_function(
        "() => document.querySelector('#nn-playground-1 [data-control=layers_up]').disabled")
    page.wait_for_function(
        "() => document.activeElement.dataset.control === 'layers_down'")


def test_the_caption_follows_the_data(open_live, test_site_url):
    page = open_live(test_site_url + URL)
    caption = page.locator(f"{FIG} figcaption")
    assert "inner disc" in caption.inner_text()
    page.select_option(f"{FIG} select[data-control=dataset]", "spiral")
    wait_for_text(page, f"{FIG} figcaption", "spirals")
    assert "inner disc" not in caption.inner_text()
