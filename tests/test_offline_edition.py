"""The offline edition: each post as one HTML file that works from the disk, offline.

Checked here without a browser: the file exists and the post links to it with its size;
nothing in it points at a file beside it; the runtime inside decodes, as edition.js
decodes it, to the very bytes the site vendored. tests/browser/ opens it in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import zlib
from pathlib import Path

import pytest

from sitegen.commands.build import build
from sitegen.commands.check import html_references
from sitegen.config import BuildConfig
from sitegen.edition_payload import pack_payload, unpack_payload
from sitegen.html_tags import start_tags, start_tags_named
from sitegen.offline_edition import PAYLOAD_ID, Edition
from sitegen.output import SiteFiles
from sitegen.page_scan import REWRITTEN

from .conftest import TEST_SITE

PAYLOAD = re.compile(rf'<script type="application/octet-stream" id="{PAYLOAD_ID}">([^<]*)</script>')
SITE = "https://example.org/my-repo/"
# A 1x1 PNG, for an image the post shows.
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAj"
                         "CB0C8AAAAASUVORK5CYII=")


def edition_of(site: Path, slug: str) -> str:
    return (site / "posts" / slug / f"{slug}.offline.html").read_text(encoding="utf-8")


def payload_files(edition: str) -> tuple[dict[str, bytes], str]:
    return unpack_payload(base64.b64decode(PAYLOAD.search(edition).group(1)))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_post_with_figures_links_to_its_edition_and_shows_its_size(built_test_site):
    post = (built_test_site / "posts" / "activation" / "index.html").read_text()
    link = re.search(r'<a class="nn-edition" href="activation.offline.html" '
                     r'download="activation.html"[^>]*>Offline edition \(one file, ([\d.]+) MB\)',
                     post)
    assert link, "the post has no link to its offline edition"
    size = (built_test_site / "posts" / "activation" / "activation.offline.html").stat().st_size
    assert float(link.group(1)) == round(size / 1e6, 1)


def test_the_runtime_inside_is_byte_for_byte_the_vendored_one(built_test_site):
    files, wheel = payload_files(edition_of(built_test_site, "activation"))
    (runtime,) = (built_test_site / "static").glob("pyodide-*")
    vendored = {p.name: sha256(p.read_bytes()) for p in runtime.iterdir()}
    vendored[wheel] = sha256((built_test_site / "static" / "nnpress" / wheel).read_bytes())
    assert {name: sha256(data) for name, data in files.items()} == vendored
    assert {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"} <= set(files)


def test_it_loads_nothing_from_beside_it(built_test_site):
    edition = edition_of(built_test_site, "activation")
    for _line, url in html_references(edition):
        assert url.startswith(("#", "data:")) or "://" in url or url.startswith("../"), url
    # What the browser would load by itself: scripts, stylesheets, images, fonts.
    loaded = re.findall(r'<(?:script|img|source|link)\b[^>]*\b(?:src|href)="([^"]*)"', edition)
    assert all(url.startswith(("data:", "https:")) for url in loaded), loaded
    for script in ("turbo.js", "workbox-window.js", "offline.js", "sw.js"):
        assert script not in edition
    assert "nnpress.edition = " in edition and "nnpress.Figure = Figure" in edition
    assert 'class="nn-edition"' not in edition  # it does not offer itself
    assert "@font-face" not in edition  # no maths here: no KaTeX stylesheet, no fonts


def test_the_whole_site_is_one_file_too(built_test_site):
    index = (built_test_site / "index.html").read_text()
    link = re.search(r'<a class="nn-edition" href="site.offline.html" download="nnpress.html"'
                     r'[^>]*>The whole site offline \(one file, ([\d.]+) MB\)', index)
    whole = built_test_site / "site.offline.html"
    assert link and float(link.group(1)) == round(whole.stat().st_size / 1e6, 1)
    edition = whole.read_text()
    posts = re.findall(r'<template data-page="([^"]+)" data-title=', edition)
    assert sorted(posts) == sorted(f"posts/{md.stem}/" for md in TEST_SITE.glob("*.md"))
    assert 'href="#/posts/activation/"' in edition  # the index links to the post inside
    assert payload_files(edition)[1] == payload_files(edition_of(built_test_site, "activation"))[1]
    assert edition.count(f'id="{PAYLOAD_ID}"') == 1 and "nnpress.siteEdition" in edition


@pytest.fixture(scope="module")
def site_with_an_address(tmp_path_factory) -> Path:
    """A small site whose address is known: an image, a data file, maths, a plain post."""
    root = tmp_path_factory.mktemp("edition")
    content = root / "content"
    (content / "posts").mkdir(parents=True)
    shutil.copy(TEST_SITE / "activation.md", content / "posts" / "activation.md")
    (content / "images").mkdir()
    (content / "images" / "pixel.png").write_bytes(PIXEL)
    (content / "data").mkdir()
    (content / "data" / "table.csv").write_text("x,y\n1,2\n")
    (content / "posts" / "plain.md").write_text(
        "---\ntitle: Plain\ndate: 2026-01-02\ntags: [notes]\n---\n\n"
        "An image: ![a pixel](../images/pixel.png), [the table](../data/table.csv),\n"
        "[the figures](activation.md#nn-activation-1) and $e^{i\\pi} = -1$.\n")
    (content / "site.yml").write_text("title: Editions\nurl: https://example.org\n")
    build(BuildConfig(content_dir=content, out_dir=root / "out", base_url="/my-repo/"))
    return root / "out"


def test_with_the_site_address_known_every_reference_is_inside_or_on_the_site(
        site_with_an_address):
    for slug in ("activation", "plain"):
        for _line, url in html_references(edition_of(site_with_an_address, slug)):
            assert url.startswith(("#", "data:", SITE)), f"{slug}: {url}"


def test_images_data_and_fonts_go_inside_and_links_point_at_the_site(site_with_an_address):
    plain = edition_of(site_with_an_address, "plain")
    assert f'src="data:image/png;base64,{base64.b64encode(PIXEL).decode()}"' in plain
    assert 'href="data:text/csv;base64,eCx5CjEsMgo=" download="table.csv"' in plain
    assert f'href="{SITE}posts/activation/#nn-activation-1"' in plain
    assert f'href="{SITE}tags/notes/"' in plain
    whole = (site_with_an_address / "site.offline.html").read_text()
    assert 'href="#/posts/activation/#nn-activation-1"' in whole  # inside: no need to leave
    assert f'href="{SITE}tags/notes/"' in whole
    assert "url(data:font/woff2;base64," in plain and "fonts/KaTeX" not in plain
    assert plain.count("data:font/woff2") == 6  # of 20: KaTeX_Main's 4 faces, KaTeX_Math's 2
    # No figure: no scripts and no runtime, so a small file.
    assert "<script" not in plain and PAYLOAD_ID not in plain
    assert len(plain.encode()) < 1_000_000


def test_a_payload_is_one_gzip_member_and_its_runtime_part_is_cached(tmp_path):
    runtime = [("a.js", b"console.log(1);" * 100), ("b.wasm", bytes(range(256)) * 50)]
    first = pack_payload(runtime, ("ours.whl", b"wheel bytes"), tmp_path)
    (cached,) = tmp_path.glob("edition-runtime-*.deflate")
    stamp = cached.stat().st_mtime_ns
    second = pack_payload(runtime, ("ours.whl", b"changed wheel"), tmp_path)
    assert cached.stat().st_mtime_ns == stamp  # the runtime was not deflated again
    for payload, wheel in ((first, b"wheel bytes"), (second, b"changed wheel")):
        data = zlib.decompress(payload.gzip, wbits=31)  # one member, checksum right
        assert data.startswith(runtime[0][1] + runtime[1][1] + wheel)
        files, name = unpack_payload(payload.gzip)
        assert name == "ours.whl" and files == {**dict(runtime), "ours.whl": wheel}
    assert list(first.files) == ["a.js", "b.wasm", "ours.whl"]


def test_a_script_the_edition_does_not_know_is_an_error_not_a_silent_gap():
    files = SiteFiles()
    files.write_text("static/new.js", "1;", "a test")
    page = '<html><head><script defer src="../../static/new.js"></script></head><body></body>'
    with pytest.raises(ValueError, match="does not know the script ../../static/new.js"):
        Edition(files, "posts/x/", "", {}, b"").make(page)


def test_start_tags_are_found_as_a_browser_finds_them_in_our_pages():
    html = ('<!-- <a href="x"> --><p title="a>b" hidden>t</p>'
            '<script>if (a<b) "<img src=y>"</script><IMG SRC="z.png"/>')
    tags = list(start_tags(html))
    assert [t.name for t in tags] == ["p", "script", "img"]
    assert tags[0].attrs == {"title": "a>b", "hidden": ""}
    assert tags[2].attrs == {"src": "z.png"} and html[tags[2].start:tags[2].end] == tags[2].text


NAMED_EDGES = [
    '<!-- <a href="x"> --><p title="a>b" hidden>t</p><script>if (a<b) "<img src=y>"</script>',
    '<div title=\'<a href="in-quotes">\'><A HREF="up.html">x</A><abbr>no</abbr><ab>no</ab>',
    '<![CDATA[ <a href="c"> ]]><style>a > b { }</style><link rel=icon href=i.png>',
    "1 < 2, a<b, <3 <a\nhref='lines'\n>x</a><image href=\"i.png\"/><metal><meta name=x>",
    '<![CDATA[ x > <a href="c"> ]]>', '<a href="unclosed', '<p>text<',
    '<b "unclosed <a href="after-a-broken-tag">',  # no tag at <b, then one at <a
]


@pytest.mark.parametrize("html", NAMED_EDGES)
def test_start_tags_by_name_are_the_scanners_tags_of_those_names(html):
    assert list(start_tags_named(html, REWRITTEN)) == [
        t for t in start_tags(html) if t.name in REWRITTEN]


def test_start_tags_by_name_on_every_built_page(built_example_site, built_test_site):
    pages = [p for site in (built_example_site, built_test_site) for p in site.rglob("*.html")
             if p.stat().st_size < 2_000_000]  # the editions are these pages, inlined
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert list(start_tags_named(html, REWRITTEN)) == [
            t for t in start_tags(html) if t.name in REWRITTEN], path
    assert len(pages) > 20
