"""The live training run, as a reader plays it."""

from __future__ import annotations

from .actions import set_slider, wait_for_text

FIG = "#nn-training-1"
URL = "posts/training/"


def loss(page) -> float:
    return float(page.locator(f"{FIG} .tr-loss").text_content())


def epoch(page) -> int:
    return int(page.locator(f"{FIG} .tr-epoch").text_content())


def curve_points(page) -> int:
    return len(page.locator(f"{FIG} polyline.curve").get_attribute("points").split())


def test_play_then_pause_lowers_the_loss_and_draws_the_curve(open_live, test_site_url):
    page = open_live(test_site_url + URL)
    play = page.locator(f"{FIG} [data-control=play]")
    assert loss(page) == 0.2731 and curve_points(page) == 1
    play.click()
    page.wait_for_function(
        "() => document.querySelector('#nn-training-1 .tr-epoch').textContent >= 100")
    assert play.get_attribute("aria-pressed") == "true" and play.text_content() == "Pause"
    play.click()
    wait_for_text(page, f"{FIG} [data-control=play]", "Play")
    assert play.get_attribute("aria-pressed") == "false"
    stopped = epoch(page)
    page.wait_for_timeout(300)
    assert epoch(page) == stopped  # paused means paused
    assert 100 <= stopped < 1000
    assert loss(page) < 0.05
    assert curve_points(page) > 30


def test_after_training_emily_is_f_and_frank_is_m_and_reset_starts_over(open_live, test_site_url):
    page = open_live(test_site_url + URL)
    rows = page.locator(f"{FIG} .tr-people tbody tr")
    assert rows.nth(0).locator(".tr-guess").text_content() == "M"  # untrained: wrong
    page.locator(f"{FIG} [data-control=play]").click()
    wait_for_text(page, f"{FIG} .tr-readout", "Epoch 1000 of 1000")
    assert loss(page) == 0.0024
    assert rows.nth(0).locator(".tr-p").text_content() == "0.949"
    assert rows.nth(0).locator(".tr-guess").text_content() == "F"
    assert rows.nth(1).locator(".tr-p").text_content() == "0.040"
    assert rows.nth(1).locator(".tr-guess").text_content() == "M"
    set_slider(page, f"{FIG} [data-control=weight]", -7)
    set_slider(page, f"{FIG} [data-control=height]", -3)
    wait_for_text(page, f"{FIG} .tr-people tbody tr:nth-child(3) .tr-p", "0.949")
    assert "your person (-7, -3) 0.949" in page.locator(f"{FIG} .nn-live").text_content()
    page.locator(f"{FIG} [data-control=reset]").click()
    wait_for_text(page, f"{FIG} .tr-loss", "0.2731")
    assert epoch(page) == 0 and curve_points(page) == 1
