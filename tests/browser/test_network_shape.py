"""The network-shape explorer, as a reader uses it."""

from __future__ import annotations

from .actions import wait_for_text

FIG = "#nn-network-shape-1"
NARROW = "#nn-network-shape-2"


def test_plus_feature_adds_an_input_node(open_live, test_site_url):
    page = open_live(test_site_url + "posts/network-shape/")
    inputs = page.locator(f"{FIG} g.node.input")
    assert inputs.count() == 2
    page.click(f"{FIG} [data-control=add_feature]")
    wait_for_text(page, f"{FIG} .nn-live", "3 features, 2 classes, 8 parameters")
    assert inputs.count() == 3
    assert page.locator(f"{FIG} .nn-result").text_content() == "8"
    # by keyboard: "+ class" adds an output and its softmax probability
    page.focus(f"{FIG} [data-control=add_class]")
    page.keyboard.press("Enter")
    wait_for_text(page, f"{FIG} .nn-live", "3 features, 3 classes, 12 parameters")
    assert page.locator(f"{FIG} g.node.prob").count() == 3
    assert page.locator(f"{FIG} [data-control=remove_class]").is_enabled()
    # buttons at a limit stay disabled once Python is ready
    assert page.locator(f"{NARROW} [data-control=add_feature]").is_disabled()
    assert page.locator(f"{NARROW} [data-control=remove_class]").is_disabled()
    assert page.locator(f"{NARROW} [data-control=add_class]").is_enabled()
