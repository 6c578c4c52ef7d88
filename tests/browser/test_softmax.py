"""The softmax calculator, as a reader uses it."""

from __future__ import annotations

from .actions import wait_for_text

FIG = "#nn-softmax-1"
THREE = "#nn-softmax-2"


def probabilities(page, figure: str) -> list[str]:
    return page.locator(f"{figure} .nn-prob").all_text_contents()


def test_typing_scores_updates_the_probabilities(open_live, test_site_url):
    page = open_live(test_site_url + "posts/softmax/")
    assert probabilities(page, FIG) == ["0.1192", "0.8808"]
    page.fill(f"{FIG} [data-control=z1]", "5")
    page.fill(f"{FIG} [data-control=z2]", "10")
    wait_for_text(page, f"{FIG} .nn-live", "softmax(5, 10) = (0.0067, 0.9933)")
    assert probabilities(page, FIG) == ["0.0067", "0.9933"]
    assert "0.9933" in page.locator(f"{FIG} svg").get_attribute("aria-label")
    # [-1, 0, 1] -> [1, 2, 4] by changing the scores in the second figure
    assert probabilities(page, THREE) == ["0.0900", "0.2447", "0.6652"]
    page.fill(f"{THREE} [data-control=z1]", "1")
    page.fill(f"{THREE} [data-control=z2]", "2")
    page.fill(f"{THREE} [data-control=z3]", "4")
    wait_for_text(page, f"{THREE} .nn-live", "softmax(1, 2, 4)")
    assert probabilities(page, THREE) == ["0.0420", "0.1142", "0.8438"]
