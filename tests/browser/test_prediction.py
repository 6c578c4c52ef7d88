"""The Titanic prediction calculator, as a reader uses it."""

from __future__ import annotations

from .actions import wait_for_text

FIG = "#nn-prediction-1"


def test_selecting_a_passenger_shows_their_prediction(open_live, test_site_url):
    page = open_live(test_site_url + "posts/prediction/")
    assert page.locator(f"{FIG} .nn-result").text_content() == "0.3806"  # Braund, 22, male
    # pointing at a row: Heikkinen, 26, female -> sigmoid(26 w1 + w2 + b) = 0.5373
    page.hover(f"{FIG} tr[data-value='3'] td.nn-age")
    wait_for_text(page, f"{FIG} .nn-result", "0.5373")
    assert "26 × (−0.016852) + 1 × 0.704039" in page.locator(f"{FIG} .nn-calculation").inner_text()
    assert page.locator(f"{FIG} .nn-net svg").get_attribute("aria-label").endswith(
        "sigmoid gives 0.5373: survived")
    # by keyboard: focusing a row's button selects it, and focus survives the redraw
    page.mouse.move(0, 0)
    page.focus(f"{FIG} button[data-control=passenger][data-value='6']")
    wait_for_text(page, f"{FIG} .nn-live", "Moran, Mr. James, age missing")
    assert page.locator(f"{FIG} .nn-result").text_content() == "did not survive"
    assert page.evaluate("document.activeElement.dataset.value") == "6"
    page.keyboard.press("Shift+Tab")  # back to row 5: Allen, 35, male -> 0.3305
    wait_for_text(page, f"{FIG} .nn-result", "0.3305")
    assert page.locator(f"{FIG} tr.nn-selected td.nn-name").text_content() == (
        "Allen, Mr. William Henry")


def test_a_figure_does_no_work_while_the_reader_does_nothing(open_live, test_site_url):
    """Click one row, leave the pointer on another: the figure settles, it does not
    flip between the two (focus put back after a redraw is not the reader pointing)."""
    page = open_live(test_site_url + "posts/prediction/")
    page.click(f"{FIG} button[data-control=passenger][data-value='2']")
    page.hover(f"{FIG} tr[data-value='4'] td.nn-age")
    page.wait_for_timeout(300)  # let the hover's reply land
    updates = page.evaluate("""() => new Promise(resolve => {
      let n = 0;
      const figure = document.querySelector("#nn-prediction-1");
      figure.addEventListener("nnpress:update", () => n++);
      setTimeout(() => resolve(n), 1000);
    })""")
    assert updates == 0, f"{updates} redraws in a second with the reader doing nothing"


def test_arrow_keys_move_between_the_passengers(open_live, test_site_url):
    page = open_live(test_site_url + "posts/prediction/")
    page.focus(f"{FIG} button[data-control=passenger][data-value='2']")
    page.keyboard.press("ArrowDown")  # row 3: Heikkinen, 26, female -> 0.5373
    wait_for_text(page, f"{FIG} .nn-result", "0.5373")
    page.wait_for_function("() => document.activeElement.dataset.value === '3'")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # row 1: Braund -> 0.3806
    wait_for_text(page, f"{FIG} .nn-result", "0.3806")
    page.wait_for_function("() => document.activeElement.dataset.value === '1'")
    page.keyboard.press("ArrowUp")  # the first row stays
    assert page.evaluate("() => document.activeElement.dataset.value") == "1"
