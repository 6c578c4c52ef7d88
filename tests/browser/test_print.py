"""Printing a post: the figures in their current state, no loading box."""

from __future__ import annotations

import subprocess

import pytest

from .actions import set_slider, wait_for_text


def test_a_printed_post_has_its_figure_and_no_loading_box(page, open_live, example_site_url,
                                                           tmp_path):
    open_live(example_site_url + "posts/titanic/")
    fig = page.locator("figure[data-widget=activation]").first
    fig_id = fig.get_attribute("id")
    set_slider(page, f"#{fig_id} [data-control=x]", 2)
    wait_for_text(page, f"#{fig_id} .nn-result", "0.8808")
    page.evaluate("() => { document.getElementById('nn-runtime').hidden = false; }")
    page.emulate_media(media="print")
    assert page.locator("#nn-runtime").is_hidden()
    assert fig.is_visible()
    assert page.locator("[data-theme-toggle]").is_hidden()
    pdf = tmp_path / "post.pdf"
    page.pdf(path=str(pdf))
    assert pdf.stat().st_size > 10_000
    try:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
    except FileNotFoundError:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert "0.8808" in text  # the figure, as the reader left it
    assert "Loading Python" not in text and "Python ready" not in text


def test_a_long_post_has_contents_marking_the_section_read_and_a_reading_time(
        page, watched, example_site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(example_site_url + "posts/titanic/")
    assert page.locator(".post-meta .reading-time").inner_text().endswith("min read")
    toc = page.locator("nav.toc")
    assert toc.locator("a").count() == 7
    assert toc.locator("a").first.get_attribute("aria-current") == "true"
    page.evaluate("() => document.querySelector('#how-accurate-is-it').scrollIntoView()")
    page.wait_for_function(
        "() => document.querySelector('nav.toc a[aria-current]')?.hash === '#how-accurate-is-it'")
    page.goto(example_site_url + "posts/titanic-ja/")
    assert "分で読めます" in page.locator(".post-meta .reading-time").inner_text()


def test_printed_display_maths_is_not_clipped(page, example_site_url):
    page.goto(example_site_url + "posts/learning-rate/")
    page.emulate_media(media="print")
    overflow = page.evaluate("""() => [...document.querySelectorAll('.math-display')]
        .map(e => getComputedStyle(e).overflowX + ' ' + getComputedStyle(e).overflowY)""")
    assert overflow and set(overflow) == {"visible visible"}, overflow
