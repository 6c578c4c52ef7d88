"""The build as an author meets it: CLI, output layout, errors, atomicity."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.commands.build import build
from sitegen.commands.new import new_post
from sitegen.config import BuildConfig
from sitegen.errors import BuildError

from .conftest import PROJECT, TEST_SITE

PLAIN = """---
title: Plain post
date: 2025-03-04
tags: [intro, maths]
description: Nothing but Markdown.
---

Some *text*.

| a | b |
|---|---|
| 1 | 2 |

```python
def f(x):
    return x + 1
```

<div class="raw">raw <b>HTML</b> block</div>
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_of_plain_markdown_builds_with_the_bundled_templates(tmp_path):
    content = tmp_path / "content"
    write(content, "plain.md", PLAIN)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(PROJECT / "build.py"), "build", "--content", str(content),
         "--out", str(out)], capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    page = (out / "posts" / "plain" / "index.html").read_text()
    assert "<title>Plain post" in page
    assert '<table>' in page and "<td>2</td>" in page  # GFM table
    assert 'class="highlight"' in page and '<span class="k">def</span>' in page  # Pygments
    assert '<div class="raw">raw <b>HTML</b> block</div>' in page
    index = (out / "index.html").read_text()
    assert 'href="posts/plain/"' in index
    # No live figure: no runtime shipped, nothing for the page's script to start.
    assert not list((out / "static").glob("pyodide*"))
    # The theme's CSS files are joined into static/site.css, not shipped one by one.
    assert ".katex" in (out / "static" / "site.css").read_text()
    parts = ("widgets", "math.css", "code-editor.css")
    assert not [f for f in parts if (out / "static" / f).exists()]
    assert "data-runtime='{}'" in page
    assert "nn-widget" not in page and "<noscript>" not in page


def test_pages_link_relatively_so_any_sub_path_works(built_test_site):
    for html in built_test_site.rglob("*.html"):
        if html.name in ("404.html", "offline.html"):  # shown at any depth: links from base
            assert 'href="/my-repo/static/site.css"' in html.read_text()
            continue
        text = html.read_text()
        for url in re.findall(r'(?:href|src)="([^"]*)"', text):
            if url.startswith("data:"):
                continue  # the favicon, inline
            assert not url.startswith("/"), f"{html}: absolute URL {url}"
            assert "://" not in url, f"{html}: off-site URL {url}"


def test_live_page_carries_runtime_wheel_and_prerendered_figures(built_test_site):
    page = (built_test_site / "posts" / "activation" / "index.html").read_text()
    assert page.count('<figure class="nn-widget') == 2
    assert page.count("<svg") >= 2
    for script in ("vendor/turbo.js", "nnpress/binder.js", "nnpress/page.js"):
        assert f'src="../../static/{script}"' in page
    wheel = re.search(r'"wheel": "([^"]+)"', page).group(1)
    assert (built_test_site / "static" / "nnpress" / wheel).is_file()
    pyodide = re.search(r'"pyodide": "\.\./(pyodide-[0-9a-f]{10}/)"', page).group(1)
    for name in ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
                 "numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl"):
        assert (built_test_site / "static" / pyodide / name).is_file()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntitle: [unclosed\n---\nbody\n", 2, "bad front matter"),
        ("---\ntitle: T\ndate: someday\n---\n", 3, "date must look like"),
        ("---\ntitle: T\n---\n\ntext\n\n```widget nosuch\n```\n", 7, "unknown widget 'nosuch'"),
        ("---\ntitle: T\n---\n\n```widget activation\nfunction: sigmoid\nx: 99\n```\n", 7,
         "'x' must be at most 20"),
        ("---\ntitle: T\n---\n\n```widget activation\nfunction: cosh\n```\n", 6,
         "'function' must be one of"),
        ("---\ntitle: T\n---\n\n```widget activation\ncolour: red\n```\n", 6,
         "unknown parameter 'colour'"),
        ("no title here\n", 1, "no title"),
    ],
)
def test_bad_input_names_file_and_line_and_keeps_the_old_build(tmp_path, text, line, words):
    content = tmp_path / "content"
    write(content, "good.md", "# Good\n\nfine\n")
    out = tmp_path / "out"
    build(BuildConfig(content_dir=content, out_dir=out))
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    bad = write(content, "bad.md", text)
    result = subprocess.run(
        [sys.executable, str(PROJECT / "build.py"), "build", "--content", str(content),
         "--out", str(out)], capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 1
    assert f"{bad}:{line}: error:" in result.stderr
    assert words in result.stderr
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".out.staging")), "staging folder left behind"


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path):
    def digest(out: Path) -> dict[str, str]:
        return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(out.rglob("*")) if p.is_file()}

    build(BuildConfig(content_dir=TEST_SITE, out_dir=tmp_path / "a"))
    build(BuildConfig(content_dir=TEST_SITE, out_dir=tmp_path / "b"))
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_new_scaffolds_a_post_that_builds(tmp_path):
    content = tmp_path / "content"
    path = new_post(content, "Why: ReLU works")
    assert path == content / "posts" / "why-relu-works.md"
    text = path.read_text()
    assert 'title: "Why: ReLU works"' in text
    with pytest.raises(BuildError):
        new_post(content, "Why: ReLU works")
    out = tmp_path / "out"
    report = build(BuildConfig(content_dir=content, out_dir=out, drafts=True))
    assert report.widgets == 1
    assert "Why: ReLU works" in (out / "posts" / "why-relu-works" / "index.html").read_text()
    # Drafts stay out of a normal build.
    assert build(BuildConfig(content_dir=content, out_dir=out)).pages == 0


def test_a_template_edited_between_builds_of_one_process_is_used(tmp_path):
    """`serve` keeps the templates compiled between builds: an edit must still show."""
    import shutil

    from sitegen.config import BuildConfig

    templates = tmp_path / "templates"
    shutil.copytree(PROJECT / "templates", templates)
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("---\ntitle: A\n---\n\nWords.\n")
    out = tmp_path / "out"
    config = BuildConfig(content_dir=content, out_dir=out, templates_dir=templates)
    build(config)
    assert "EDITED-TEMPLATE" not in (out / "posts/a/index.html").read_text()
    post = templates / "post.html"
    post.write_text(post.read_text().replace('<article class="post">',
                                             '<article class="post">EDITED-TEMPLATE'))
    build(config)
    assert "EDITED-TEMPLATE" in (out / "posts/a/index.html").read_text()


def test_a_post_rendered_once_is_the_post_rendered_with_and_without_its_edition(tmp_path):
    """The build renders each post once, marking where the link to its offline edition
    goes; taking the mark out and putting the link in give what two renders gave."""
    from sitegen.templates import (
        render_post,
        render_post_marked,
        with_edition_link,
        without_edition_link,
    )

    out = tmp_path / "out"
    context = build(BuildConfig(TEST_SITE, out)).preview
    for page in context.pages.values():
        assert page.edition_bytes > 0
        marked = render_post_marked(context.env, context.site, page)
        final = with_edition_link(context.env, context.site, page, marked)
        assert final == render_post(context.env, context.site, page)
        assert final.encode() == (out / page.output_path).read_bytes()
        assert 'class="nn-edition"' in final
        before = without_edition_link(marked)
        size, page.edition_bytes = page.edition_bytes, 0
        assert before == render_post(context.env, context.site, page)
        page.edition_bytes = size
        assert 'class="nn-edition"' not in before and "nnpress:edition-link" not in before
