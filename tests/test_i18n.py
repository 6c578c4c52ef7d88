"""Words in the page's language: the catalogue, a site's own words, the build."""

from __future__ import annotations

import json

from nnpress import i18n
from nnpress.widgets import create

from sitegen.convert import convert_body


def test_english_is_the_key_and_japanese_its_translation():
    assert i18n.t("survived") == "survived"
    assert i18n.t("survived", "ja") == "生存"
    assert i18n.t("outcome|survived") == "survived"  # a context before | is dropped
    assert i18n.t("outcome|survived", "ja-JP") == "助かった"
    with i18n.using("ja"):
        assert i18n.t("Table {n}", n=2) == "表 2"
    assert i18n.t("not in the catalogue", "ja") == "not in the catalogue"


def test_a_site_adds_a_language():
    i18n.extend("eo", {"survived": "postvivis"})
    try:
        assert i18n.t("survived", "eo") == "postvivis"
        assert i18n.site_messages("eo") == {"survived": "postvivis"}
    finally:
        i18n.CATALOGUE.pop("eo")
        i18n.SITE.pop("eo")


def test_figures_are_prerendered_in_the_pages_language():
    body = "```widget prediction\n```\n"
    ja = convert_body(body, 1, lang="ja")["html"]
    en = convert_body(body, 1)["html"]
    assert "年齢" in ja and "男性" in ja and "乗客を指す" in ja
    assert ">age<" in en and "男性" not in en


def test_the_browsers_python_speaks_the_figures_language():
    from nnpress import browser

    reply = json.loads(browser.handle(json.dumps({
        "id": "t1", "kind": "prediction", "params": {}, "lang": "ja",
        "events": [{"control": "passenger", "value": 6}]})))
    assert "助からなかった" in reply["slots"]["calculation"]
    assert "年齢 欠損" in reply["slots"]["live"]
    browser.forget("t1")


def test_markdown_tables_and_maths_scroll_in_labelled_regions():
    html = convert_body("| a | b |\n|---|---|\n| 1 | 2 |\n\n$$x^2$$\n\n$$y$$\n", 1,
                        lang="ja")["html"]
    assert 'tabindex="0" role="region" aria-label="表 1"' in html
    assert 'aria-label="数式 2"' in html


def test_create_still_works_without_a_language():
    assert "passenger" in create("prediction", {}).render_html("nn-prediction-1")


def test_a_network_diagram_scrolls_in_a_labelled_group_in_the_pages_language():
    body = "```widget feedforward\n```\n"
    ja = convert_body(body, 1, lang="ja")["html"]
    en = convert_body(body, 1)["html"]
    opening = '<div class="nn-slot nn-net" data-slot="net" tabindex="0" role="group" aria-label='
    assert f'{opening}"ネットワークの図">' in ja
    assert f'{opening}"Network diagram">' in en


def test_the_offline_page_speaks_every_language_of_the_site(built_example_site):
    """One offline page serves every unsaved address: English and Japanese here, each
    in its own lang, each with its link to the front page."""
    import re

    html = (built_example_site / "offline.html").read_text(encoding="utf-8")
    sections = dict(re.findall(r'<section lang="(\w+)">(.*?)</section>', html, re.S))
    assert set(sections) == {"en", "ja"}
    assert "<h1>You are offline</h1>" in sections["en"]
    assert "オフラインです" in sections["ja"]
    link = '<a href="/my-repo/">トップページ</a>'
    assert f"このサイトの{link}にあります。" in sections["ja"]
    assert "front page</a>." in sections["en"] and "&lt;a" not in html
