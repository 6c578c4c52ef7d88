"""Editions made by forked workers are the editions made in the build's own process."""

from __future__ import annotations

from pathlib import Path

from sitegen import edition_workers
from sitegen.commands.build import build
from sitegen.config import BuildConfig

from .test_output_folder import digest

POSTS = 30  # enough for workers (edition_workers.PARALLEL_FROM)


def write_site(content: Path) -> None:
    content.mkdir()
    for i in range(POSTS):
        maths = f"$$\\mathbb{{R}}^{{{i}}}$$" if i % 3 == 0 else f"$x_{i}$"
        (content / f"p{i:02d}.md").write_text(
            f"---\ntitle: Post {i}\ndate: 2024-01-{1 + i % 28:02d}\n---\n\n"
            f"Post {i}, with maths: {maths}. See [the first](p00.md).\n")
    # a post whose text links a stylesheet: its part of the site edition must be made
    # with the whole site's classes (the maths fonts), not its own
    (content / "styled.md").write_text(
        "---\ntitle: Styled\ndate: 2023-12-01\n---\n\nText.\n\n"
        '<link rel="stylesheet" href="../../static/katex/katex.min.css">\n')


def test_workers_make_the_same_editions(tmp_path, monkeypatch):
    write_site(tmp_path / "content")
    forked = []
    real = edition_workers.EditionWorkers.__enter__

    def enter(self):
        real(self)
        forked.append(self.pool is not None)
        return self

    monkeypatch.setattr(edition_workers.EditionWorkers, "__enter__", enter)
    build(BuildConfig(tmp_path / "content", tmp_path / "forked"), quick=False)
    assert forked == [True]
    assert not (tmp_path / ".forked.cache" / "editions-made").exists()  # linked, then gone

    monkeypatch.setattr(edition_workers, "PARALLEL_FROM", 10**9)  # all in this process
    build(BuildConfig(tmp_path / "content", tmp_path / "here"), quick=False)
    assert forked == [True, False]
    assert digest(tmp_path / "forked") == digest(tmp_path / "here")
    # the styled post's part has the fonts of the whole site's maths (\mathbb: KaTeX_AMS)
    whole = (tmp_path / "forked" / "site.offline.html").read_text()
    start = whole.index('<template data-page="posts/styled/"')
    assert "KaTeX_AMS" in whole[start:whole.index("</template>", start)]
