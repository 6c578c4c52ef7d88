"""The feedforward calculator, as a reader uses it."""

from __future__ import annotations

from .actions import wait_for_text

NEURON = "#nn-feedforward-1"
NET = "#nn-feedforward-2"


def test_editing_an_input_changes_the_output(open_live, test_site_url):
    page = open_live(test_site_url + "posts/feedforward/")
    assert page.locator(f"{NEURON} .nn-result").text_content() == "0.9991"
    assert page.locator(f"{NET} .nn-result").text_content() == "0.7216"
    # x2 = 0: each hidden neuron gives sigmoid(0) = 0.5, the output sigmoid(0.5) = 0.6225
    page.fill(f"{NET} [data-control=x2]", "0")
    wait_for_text(page, f"{NET} .nn-result", "0.6225")
    assert page.locator(f"{NET} .nn-live").text_content() == "output o₁ = 0.6225"
    assert page.locator(f"{NET} .node-value").all_text_contents() == [
        "2.00", "0.00", "0.5000", "0.5000", "0.6225"]
    # the neuron's bias: b = 0 gives sigmoid(3) = 0.9526
    page.fill(f"{NEURON} [data-control='y.b']", "0")
    wait_for_text(page, f"{NEURON} .nn-result", "0.9526")
