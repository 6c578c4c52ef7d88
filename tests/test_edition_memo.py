"""Offline editions and share cards are remade only when what they are made of changed.

The oracle is a build without any cache: whatever the previous build left, the
site must come out byte for byte as a cold build of the same content makes it.
"""

from __future__ import annotations

import base64
import filecmp
import json
import re
import shutil
from pathlib import Path

import pytest

from sitegen import offline_edition
from sitegen.commands.build import build
from sitegen.config import BuildConfig

PNG_A = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAj"
                         "CB0C8AAAAASUVORK5CYII=")
PNG_B = PNG_A[:-12] + b"\x00" * 12  # other bytes, same name


def post(title: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: 2024-01-02\n---\n\n{body}\n"


@pytest.fixture
def site(tmp_path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    (content / "pixel.png").write_bytes(PNG_A)
    (content / "picture.md").write_text(post("Picture", "A picture: ![a pixel](pixel.png)"))
    (content / "maths.md").write_text(post("Maths", "Inline $x^2$ and words.\n\n$$y = 2x$$"))
    (content / "plain.md").write_text(post("Plain", "Just words, linking [the maths](maths.md)."))
    return content


def make_count(monkeypatch) -> list[int]:
    """How many pages are made into (part of) an edition: the slow step."""
    made = [0]
    original = offline_edition.Edition.rewritten

    def counting(self, *args, **kwargs):
        made[0] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(offline_edition.Edition, "rewritten", counting)
    return made


def same_as_cold(content: Path, out: Path, tmp_path: Path) -> None:
    cold = tmp_path / "cold" / "build"
    build(BuildConfig(content_dir=content, out_dir=cold, incremental=False))
    compared = filecmp.dircmp(cold, out)
    differing = [*compared.diff_files, *compared.left_only, *compared.right_only]
    for sub in compared.subdirs.values():  # dircmp's report, walked by hand
        stack = [sub]
        while stack:
            d = stack.pop()
            differing += [*d.diff_files, *d.left_only, *d.right_only]
            stack += d.subdirs.values()
    assert not differing, f"differs from a cold build: {differing}"
    for path in cold.rglob("*"):  # dircmp compares by stat; check bytes too
        if path.is_file():
            assert path.read_bytes() == (out / path.relative_to(cold)).read_bytes(), path


def test_nothing_changed_nothing_made_again(site, tmp_path, monkeypatch):
    out = tmp_path / "build"
    build(BuildConfig(content_dir=site, out_dir=out))
    caches = sorted((tmp_path / ".build.cache").glob("*.json"))
    written = {path: path.stat().st_mtime_ns for path in caches}
    made = make_count(monkeypatch)
    build(BuildConfig(content_dir=site, out_dir=out))
    assert made[0] == 0
    assert {path: path.stat().st_mtime_ns for path in caches} == written  # not rewritten
    assert {p.name for p in caches} >= {"pages.json", "editions.json", "katex.json"}
    same_as_cold(site, out, tmp_path)


def test_an_edit_remakes_that_posts_edition_and_the_sites(site, tmp_path, monkeypatch):
    out = tmp_path / "build"
    build(BuildConfig(content_dir=site, out_dir=out))
    build(BuildConfig(content_dir=site, out_dir=out))  # kept whole: its parts stay kept too
    page = site / "plain.md"
    page.write_text(page.read_text().replace("Just words", "Other words"))
    made = make_count(monkeypatch)
    build(BuildConfig(content_dir=site, out_dir=out))
    # The post's own edition, its part of the site's, and the index inside the site's
    # (its excerpt changed): three pages made again, of seven.
    assert made[0] == 3
    assert "Other words" in (out / "posts/plain/plain.offline.html").read_text()
    same_as_cold(site, out, tmp_path)


def test_a_changed_image_reaches_the_editions_that_show_it(site, tmp_path):
    out = tmp_path / "build"
    build(BuildConfig(content_dir=site, out_dir=out))
    assert base64.b64encode(PNG_A).decode() in (out / "site.offline.html").read_text()
    (site / "pixel.png").write_bytes(PNG_B)  # the post's HTML is the same: only the image
    build(BuildConfig(content_dir=site, out_dir=out))
    for edition in (out / "posts/picture/picture.offline.html", out / "site.offline.html"):
        text = edition.read_text()
        assert base64.b64encode(PNG_B).decode() in text, edition
        assert base64.b64encode(PNG_A).decode() not in text, edition
    same_as_cold(site, out, tmp_path)


def test_an_edition_changed_or_removed_by_hand_is_made_again(site, tmp_path):
    out = tmp_path / "build"
    build(BuildConfig(content_dir=site, out_dir=out))
    removed, damaged = out / "posts/maths/maths.offline.html", out / "site.offline.html"
    removed.unlink()
    damaged.write_text("not an edition")
    build(BuildConfig(content_dir=site, out_dir=out))
    same_as_cold(site, out, tmp_path)


def test_a_build_without_its_output_folder_makes_every_edition(site, tmp_path, monkeypatch):
    out = tmp_path / "build"
    build(BuildConfig(content_dir=site, out_dir=out))
    shutil.rmtree(out)  # the cache is kept beside it
    made = make_count(monkeypatch)
    build(BuildConfig(content_dir=site, out_dir=out))
    # The three posts' own editions; the site's is put together from kept parts.
    assert made[0] == 3
    same_as_cold(site, out, tmp_path)


WIDGET_POST = post("Sigmoid", "```widget activation\nfunction: sigmoid\n```")


def test_share_cards_are_drawn_again_only_when_their_figure_or_title_changes(
        site, tmp_path, monkeypatch):
    from sitegen import share_cards

    (site / "sigmoid.md").write_text(WIDGET_POST)
    out = tmp_path / "build"
    build(BuildConfig(content_dir=site, out_dir=out))
    card = out / "posts/sigmoid/og.png"
    first = card.read_bytes()
    drawn = []
    original = share_cards.render_card
    monkeypatch.setattr(share_cards, "render_card",
                        lambda svg, css: drawn.append(svg) or original(svg, css))
    (site / "sigmoid.md").write_text(WIDGET_POST + "\nMore words, same figure.\n")
    build(BuildConfig(content_dir=site, out_dir=out))
    assert drawn == [] and card.read_bytes() == first
    (site / "sigmoid.md").write_text(WIDGET_POST.replace("Sigmoid", "The logistic curve"))
    build(BuildConfig(content_dir=site, out_dir=out))
    assert len(drawn) == 1
    assert " ".join(re.findall(r'class="card-title">([^<]*)<', drawn[0])) == "The logistic curve"
    assert card.read_bytes() != first
    same_as_cold(site, out, tmp_path)
    assert len(list((tmp_path / ".build.cache" / "cards").glob("*.png"))) == 1  # old one gone


def test_every_edition_counts_the_stylesheets_it_shares_as_read(site, tmp_path):
    """Editions inline each stylesheet once per build and share it; each still notes the
    stylesheet and its fonts as read, so that a changed font remakes every edition."""
    (site / "more-maths.md").write_text(post("More maths", "Again $x^2$ and $$y = 2x$$"))
    out = tmp_path / "build"
    build(BuildConfig(content_dir=site, out_dir=out))
    entries = json.loads((tmp_path / ".build.cache" / "editions.json").read_text())
    reads = {entry["path"]: entry["reads"] for entry in entries.values() if "path" in entry}
    for slug in ("maths", "more-maths"):
        seen = reads[f"posts/{slug}/{slug}.offline.html"]
        assert "static/katex/katex.min.css" in seen and "static/site.css" in seen
        assert any(p.startswith("static/katex/fonts/KaTeX_Main") for p in seen), slug
    plain = reads["posts/plain/plain.offline.html"]
    assert "static/site.css" in plain and not any("katex" in p for p in plain)


def test_an_edit_to_prose_starts_no_node_when_the_answers_are_kept(site, tmp_path, monkeypatch):
    """The build keeps KaTeX's answers: the next build (a new process) neither asks Node
    nor starts it ahead of the pages, when the edited page's maths is answered already."""
    from sitegen.markdown_ext import katex_answers

    out = tmp_path / "build"
    build(BuildConfig(content_dir=site, out_dir=out))
    page = site / "maths.md"
    page.write_text(page.read_text().replace("and words", "and other words"))
    started = []
    monkeypatch.setattr(katex_answers, "_known", {})  # as a new process starts
    katex_answers.use_store(None)
    monkeypatch.setattr(katex_answers, "katex_process", lambda *a: started.append(a))
    build(BuildConfig(content_dir=site, out_dir=out))
    assert started == []
    assert "other words" in (out / "posts/maths/index.html").read_text()
    katex_answers.use_store(None)
