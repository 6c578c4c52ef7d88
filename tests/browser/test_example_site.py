"""Every example post, opened as a reader would: Python starts, nothing errs."""

from __future__ import annotations

import re

import pytest

from sitegen.content_folder import find_sources
from sitegen.pages import read_page

from ..conftest import PROJECT
from .actions import follow_to_live_page, set_slider, wait_for_text

POSTS = [read_page(p) for p in find_sources(PROJECT / "content")]


@pytest.mark.parametrize("slug", sorted(p.slug for p in POSTS if not p.draft))
def test_each_post_comes_alive_without_errors(open_live, page, example_site_url, slug):
    """open_live fails the test on any console error or request leaving 127.0.0.1."""
    page.goto(example_site_url + f"posts/{slug}/")
    if page.locator("figure[data-widget]").count():
        open_live(example_site_url + f"posts/{slug}/")
        disabled = page.locator("[data-wait]:disabled").count()
        assert disabled == 0, f"{disabled} controls still disabled after Python is ready"


def test_japanese_reader_moves_the_sigmoid_slider(open_live, example_site_url):
    page = open_live(example_site_url + "posts/titanic-ja/")
    assert page.locator("html").get_attribute("lang") == "ja"
    figure = page.locator("figure[data-widget=activation]").first
    figure_id = figure.get_attribute("id")
    set_slider(page, f"#{figure_id} [data-control=x]", 2)
    wait_for_text(page, f"#{figure_id} .nn-result", "0.8808")
    follow_to_live_page(page, page.locator("nav.translations a[hreflang=en]"),
                        re.compile(r"/posts/titanic/$"))
    assert page.locator("html").get_attribute("lang") == "en"


def test_the_japanese_posts_figures_speak_japanese(open_live, example_site_url):
    """Pre-rendered in Japanese at build time, and still Japanese once Python redraws."""
    page = open_live(example_site_url + "posts/titanic-ja/")
    figure = page.locator("figure[data-widget=prediction]").first
    fig = f"#{figure.get_attribute('id')}"
    assert "年齢" in figure.locator("thead").inner_text()
    assert "乗客を指す" in figure.locator("caption").inner_text()
    page.focus(f"{fig} button[data-control=passenger][data-value='6']")  # age missing
    wait_for_text(page, f"{fig} .nn-result", "助からなかった")
    wait_for_text(page, f"{fig} .nn-live", "年齢 欠損")
    assert "男性" in figure.locator("tbody").inner_text()
    label = page.locator(f"{fig} .nn-net svg").get_attribute("aria-label")
    assert "のニューロン" in label
    status = page.locator("#nn-runtime .nn-runtime-text").text_content()
    assert "Python" in status and ("準備" in status or "読み込み" in status), status
    # The English post, reached by a page swap, is English again.
    follow_to_live_page(page, page.locator("nav.translations a[hreflang=en]"),
                        re.compile(r"/posts/titanic/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    english = page.locator("figure[data-widget=prediction]").first
    # The new page came in under the pointer, which rested on the link just clicked;
    # a table row there would preview its passenger (data-hover) over the one focused.
    page.mouse.move(0, 0)
    page.focus(f"#{english.get_attribute('id')} button[data-control=passenger][data-value='6']")
    wait_for_text(page, f"#{english.get_attribute('id')} .nn-result", "did not survive")
