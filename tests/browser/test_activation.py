"""The sigmoid and ReLU explorers, as a reader uses them."""

from __future__ import annotations

import re

from .actions import set_slider, wait_for_text

SIGMOID = "#nn-activation-1"
RELU = "#nn-activation-2"


def point_x(page, figure: str) -> float:
    return float(page.locator(f"{figure} circle.point").get_attribute("cx"))


def test_moving_the_sigmoid_slider_to_2_shows_0_8808_and_moves_the_point(open_live, test_site_url):
    page = open_live(test_site_url + "posts/activation/")
    before = point_x(page, SIGMOID)
    set_slider(page, f"{SIGMOID} [data-control=x]", 2)
    wait_for_text(page, f"{SIGMOID} .nn-result", "0.8808")
    assert point_x(page, SIGMOID) > before
    assert page.locator(f"{SIGMOID} .nn-live").text_content() == "sigmoid(2.00) = 0.8808"


def test_relu_slider_by_keyboard(open_live, test_site_url):
    page = open_live(test_site_url + "posts/activation/")
    slider = page.locator(f"{RELU} [data-control=x]")
    assert slider.is_enabled()
    slider.focus()
    for _ in range(3):  # each press moves one step of 0.01
        page.keyboard.press("ArrowRight")
    wait_for_text(page, f"{RELU} .nn-result", "0.0000")
    slider.fill("5.5")
    wait_for_text(page, f"{RELU} .nn-result", "5.5000")


def test_with_javascript_off_every_figure_is_prerendered(browser, test_site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(test_site_url + "posts/activation/")
    svgs = page.locator("figure.nn-widget svg.nn-svg")
    assert svgs.count() == 2
    assert page.locator(f"{SIGMOID} .nn-result").text_content() == "0.5000"
    assert page.locator(f"{RELU} .nn-result").text_content() == "0.0000"
    assert page.locator(f"{RELU} [data-control=x]").is_disabled()
    assert "once JavaScript is on" in page.locator(".nn-noscript").inner_text()
    assert re.search(r"relu", page.locator(f"{RELU} svg").get_attribute("aria-label"))
    context.close()


def test_controls_wait_for_python_with_visible_progress(page, watched, test_site_url):
    page.goto(test_site_url + "posts/activation/")
    # Before Python is ready the sliders are disabled and the progress box shows.
    assert page.locator(f"{SIGMOID} [data-control=x]").is_disabled()
    page.wait_for_selector(".nn-runtime:not([hidden])", timeout=10_000)
    page.wait_for_function(
        "() => document.documentElement.dataset.nnpress === 'ready'", timeout=90_000)
    assert page.locator(f"{SIGMOID} [data-control=x]").is_enabled()
