"""Index, tags, feed, sitemap, 404, translations and incremental rebuilds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitegen.commands.build import build
from sitegen.config import BuildConfig

POSTS = {
    "2024-05-01-first.md": "---\ntitle: First\ntags: [basics, maths]\ndescription: D1\n"
                           "---\n\nOpening paragraph.\n\nSecond part.\n<!--more-->\n\n"
                           "Hidden from index.\n",
    "second.md": "---\ntitle: Second\ndate: 2024-06-01\ntags: [basics]\n---\n\n"
                 "Only para, after [the first](2024-05-01-first.md#top).\n",
    "second-ja.md": "---\ntitle: 二番目\ndate: 2024-06-02\nlang: ja\ntranslation_of: second\n"
                    "---\n\n日本語の本文。\n",
    "wip.md": "---\ntitle: Not yet\ndraft: true\n---\n\nDraft.\n",
    "site.yml": "title: Test Site\ndescription: About nets\nurl: https://example.org\n",
}


@pytest.fixture
def site(tmp_path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for name, text in POSTS.items():
        (content / name).write_text(text, encoding="utf-8")
    build(BuildConfig(content_dir=content, out_dir=tmp_path / "out", base_url="/repo/"))
    return tmp_path / "out"


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_index_lists_originals_newest_first_with_excerpts(site):
    index = read(site, "index.html")
    assert index.index("Second") < index.index("First")
    assert "二番目" not in index  # a translation is reached from its original
    assert "Second part." in index and "Hidden from index." not in index
    assert "Not yet" not in index and not (site / "posts" / "wip").exists()


def test_excerpt_links_still_point_at_their_targets_on_listings(site):
    assert 'href="posts/first/#top"' in read(site, "index.html")
    assert 'href="../../posts/first/#top"' in read(site, "tags/basics/index.html")
    assert 'href="../first/#top"' in read(site, "posts/second/index.html")
    assert "https://example.org/repo/posts/first/#top" in read(site, "feed.xml")


def test_tag_pages_list_their_posts(site):
    basics = read(site, "tags/basics/index.html")
    assert "First" in basics and "Second" in basics
    maths = read(site, "tags/maths/index.html")
    assert "posts/first/" in maths and "posts/second/" not in maths
    assert 'href="../tags/basics/"' in read(site, "tags/index.html")
    assert 'href="../../tags/maths/"' in read(site, "posts/first/index.html")


def test_feed_and_sitemap_are_valid_xml_with_absolute_urls(site):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(read(site, "feed.xml"))
    links = [e.find("a:link", ns).get("href") for e in feed.findall("a:entry", ns)]
    assert "https://example.org/repo/posts/first/" in links
    assert feed.find("a:updated", ns).text == "2024-06-02T00:00:00Z"
    sitemap = ET.fromstring(read(site, "sitemap.xml"))
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/repo/posts/second-ja/" in locs


def test_metadata_language_and_translation_links(site):
    post = read(site, "posts/second/index.html")
    assert '<html lang="en">' in post
    assert '<title>Second · Test Site</title>' in post
    assert '<meta property="og:title" content="Second">' in post
    assert '<link rel="canonical" href="https://example.org/repo/posts/second/">' in post
    assert 'hreflang="ja" href="../../posts/second-ja/"' in post
    ja = read(site, "posts/second-ja/index.html")
    assert '<html lang="ja">' in ja
    assert 'hreflang="en" href="../../posts/second/"' in ja and ">English</a>" in ja


def test_pages_github_needs(site):
    assert (site / ".nojekyll").is_file()
    assert 'href="/repo/"' in read(site, "404.html")


def test_an_edit_reconverts_one_page_and_a_removal_removes_its_output(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for i in range(30):
        (content / f"p{i}.md").write_text(f"# Post {i}\n\nText {i}.\n", encoding="utf-8")
    config = BuildConfig(content_dir=content, out_dir=tmp_path / "out")
    cold = build(config)
    assert cold.converted == 30
    warm = build(config)
    assert warm.converted == 0 and warm.files_changed == 0
    (content / "p7.md").write_text("# Post 7\n\nEdited.\n", encoding="utf-8")
    edit = build(config)
    assert edit.converted == 1
    assert "Edited." in read(tmp_path / "out", "posts/p7/index.html")
    (content / "p8.md").unlink()
    build(config)
    assert not (tmp_path / "out" / "posts" / "p8").exists()
    assert "posts/p8/" not in read(tmp_path / "out", "index.html")


def test_parallel_and_serial_conversion_give_identical_sites(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for i in range(40):
        (content / f"p{i}.md").write_text(f"# Post {i}\n\n```python\nx = {i}\n```\n")
    serial = build(BuildConfig(content_dir=content, out_dir=tmp_path / "a", jobs=1,
                               incremental=False))
    parallel = build(BuildConfig(content_dir=content, out_dir=tmp_path / "b", jobs=2,
                                 incremental=False))
    assert serial.converted == parallel.converted == 40
    for page in (tmp_path / "a").rglob("*.html"):
        assert page.read_bytes() == (tmp_path / "b" / page.relative_to(tmp_path / "a")).read_bytes()
