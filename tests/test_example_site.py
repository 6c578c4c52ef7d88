"""The example site in content/: what a new author starts from must build cleanly."""

from __future__ import annotations

import re

from sitegen.commands.check import check


def test_it_has_the_four_explainers_and_the_japanese_translation(built_example_site):
    index = (built_example_site / "index.html").read_text()
    posts = set(re.findall(r'<h2><a href="posts/([^/]+)/"', index))
    assert posts == {"basics", "titanic", "from-scratch", "neural-nets", "learning-rate"}
    en = (built_example_site / "posts/titanic/index.html").read_text()
    ja = (built_example_site / "posts/titanic-ja/index.html").read_text()
    assert '<html lang="en">' in en and '<html lang="ja">' in ja
    assert 'href="../../posts/titanic-ja/" hreflang="ja"' in en
    assert 'href="../../posts/titanic/" hreflang="en"' in ja


def test_every_link_and_asset_resolves(built_example_site):
    assert check(built_example_site, "/my-repo/") == []


def test_maths_is_typeset_at_build_time(built_example_site):
    page = (built_example_site / "posts/from-scratch/index.html").read_text()
    assert page.count('class="katex"') > 5
    assert "<math" in page  # MathML for screen readers
    assert "$$" not in re.sub(r"<(pre|code|textarea)[^>]*>.*?</\1>", "", page, flags=re.S)


def test_the_titanic_data_ships_with_the_site(built_example_site):
    data = (built_example_site / "data" / "titanic.csv").read_bytes()
    assert data.count(b"\n") == 892
