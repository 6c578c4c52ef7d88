"""A link to what the reader is looking at: a figure's state in the address."""

from __future__ import annotations

from .actions import set_slider, wait_for_text

FIG = "#nn-regression-2"


def test_a_state_link_restores_the_figure(page, open_live, example_site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_live(example_site_url + "posts/basics/#nn-regression-2?weight=0.058&bias=247")
    page.wait_for_function(
        "() => document.querySelector('#nn-regression-2 [data-control=weight]').value === '0.058'")
    assert page.locator(f"{FIG} [data-control=bias]").input_value() == "247"
    # the key number follows the restored sliders: the error is near its best
    wait_for_text(page, f"{FIG} .nn-state-note", "Restored")
    mse = page.locator(f"{FIG} .nn-house-table tfoot td").last.text_content()
    assert mse and float(mse.replace(",", "").replace("\u2212", "-")) < 799, mse
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
