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


def test_ids_are_unique_with_several_heatmaps_live(page, watched, test_site_url):
    """A playground (its thumbnails as every playground draws them) and a cell showing the
    same heatmap twice: each mask's id is the page's only one, as built and once redrawn
    live. axe's duplicate-id rules are off by default; here they are the ones run."""
    open_page(page, test_site_url + "posts/state-links/", WIDTHS["desktop"])
    page.locator("#nn-playground-4 [data-control=units_up]").click()
    page.wait_for_function(
        "() => document.querySelector('#nn-playground-4 .pg-shape').textContent"
        ".includes('of 5 units')")
    page.locator("#nn-cell-5 input[data-control=flip]").check()  # the cell draws again
    page.wait_for_function(
        "() => document.querySelectorAll('#nn-cell-5 g.nn-heat').length === 2")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "() => axe.run(document, {runOnly: ['duplicate-id', 'duplicate-id-aria', "
        "'duplicate-id-active'], resultTypes: ['violations', 'passes']}).then(r => "
        "[r.violations.map(v => v.id), r.passes.map(v => v.nodes.length)])")
    assert found[0] == [] and sum(found[1]) > 10, found  # ids checked: figures and masks
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
