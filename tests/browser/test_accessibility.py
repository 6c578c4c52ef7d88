"""axe-core on every page of the example site, at a desktop and a phone width,
in the light and the dark theme: zero violations, once the figures are live."""

from __future__ import annotations

import pytest

from ..conftest import PROJECT

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1280, "phone": 390}
PAGES = ["", "tags/", "posts/basics/", "posts/titanic/", "posts/titanic-ja/",
         "posts/from-scratch/", "posts/neural-nets/", "posts/learning-rate/"]


@pytest.fixture
def browser_context_args(browser_context_args):
    # The pages refuse inline scripts; axe comes in as one, for the test only.
    return {**browser_context_args, "bypass_csp": True}


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
        "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))"
        ".slice(0, 5)})))"
    )


def open_page(page, url: str, width: int, scheme: str = "light"):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    if page.locator("figure[data-widget]").count():
        page.wait_for_function(
            "() => document.documentElement.dataset.nnpress === 'ready'", timeout=90_000)
        page.wait_for_function(
            "() => document.getElementById('nn-runtime').hidden", timeout=30_000)
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_nothing(page, watched, example_site_url, path, width, scheme):
    open_page(page, example_site_url + path, WIDTHS[width], scheme)
    violations = axe_violations(page)
    assert violations == [], violations
