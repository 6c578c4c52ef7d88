"""Live cells as a reader uses them: a slider redraws the figure and the numbers in
the text; a button steps state; with JavaScript off the build's figure is there."""

from __future__ import annotations

from .actions import set_slider, wait_for_text

POST = "posts/live-cells/"
CURVE = "#nn-cell-2"
STEPPER = "#nn-cell-3"
LOSS = '[data-for="nn-cell-2"][data-slot="p0"]'
RATE = '[data-for="nn-cell-2"][data-slot="p1"]'
WEIGHT = '[data-for="nn-cell-3"][data-slot="p0"]'


def test_moving_the_slider_redraws_the_figure_and_the_prose_numbers(open_live, test_site_url):
    page = open_live(test_site_url + POST)
    assert page.locator(LOSS).text_content() == "0.135"  # exp(-0.5 * 4), from the build
    before = page.locator(f"{CURVE} polyline").get_attribute("points")
    slider = page.locator(f"{CURVE} input[data-control=lr]")
    slider.focus()
    page.keyboard.press("End")  # lr = 1.0: exp(-4)
    wait_for_text(page, LOSS, "0.018")
    assert page.locator(RATE).text_content() == "1.00"
    assert page.locator(f"{CURVE} polyline").get_attribute("points") != before


def test_a_button_steps_state_that_lasts_between_runs(open_live, test_site_url):
    page = open_live(test_site_url + POST)
    assert page.locator(WEIGHT).text_content() == "4.0000"
    page.locator(f"{STEPPER} [data-control=step]").click()
    wait_for_text(page, WEIGHT, "2.0000")  # w * (1 - 0.5)
    page.locator(f"{STEPPER} [data-control=step]").click()
    wait_for_text(page, WEIGHT, "1.0000")
    assert "1" in page.locator(f"{STEPPER} .nn-cell-table").text_content()


def test_with_javascript_off_the_figure_and_numbers_are_there(browser, test_site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(test_site_url + POST)
    assert page.locator(f"{CURVE} svg polyline").count() == 1
    assert page.locator(LOSS).text_content() == "0.135"
    assert page.locator(WEIGHT).text_content() == "4.0000"
    assert page.locator(f"{CURVE} .nn-cell-code").is_visible()
    context.close()


def test_the_example_posts_site_widget_and_cells_run_live(open_live, example_site_url):
    page = open_live(example_site_url + "posts/learning-rate/")
    bowl = page.locator("figure[data-widget=descent-steps]")
    assert bowl.locator(".nn-live").text_content() == "After 12 steps w = 6.71e-05"  # 4 * 0.4**12
    set_slider(page, f"#{bowl.get_attribute('id')} [data-control=lr]", 0.1)
    wait_for_text(page, f"#{bowl.get_attribute('id')} .nn-live", "w = 0.275")  # 4 * 0.8**12
    set_slider(page, "#nn-cell-2 [data-control=eta]", 0.3)  # figures count in reading order
    wait_for_text(page, '[data-for="nn-cell-2"][data-slot="p1"]', "0.40")  # 1 - 2 * 0.3


def test_a_prose_number_of_a_slider_drags_the_slider(open_live, test_site_url):
    page = open_live(test_site_url + POST)
    rate = page.locator(RATE)
    assert rate.get_attribute("data-drag") == "lr"
    assert page.locator(LOSS).get_attribute("data-drag") is None  # not a control: not draggable
    rate.scroll_into_view_if_needed()
    box = rate.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 60, y, steps=6)  # 60 px of 200 across 0.05..1.0: about +0.3
    page.mouse.up()
    wait_for_text(page, RATE, "0.80")
    assert page.locator(f"{CURVE} input[data-control=lr]").input_value() == "0.8"
    wait_for_text(page, LOSS, "0.041")  # exp(-0.8 * 4)
