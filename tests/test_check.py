"""`build.py check` on small hand-made build folders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.commands.check import Problem, check

from .conftest import PROJECT

GOOD = {
    "index.html": """<!doctype html>
<link rel="stylesheet" href="static/site.css">
<a href="">home</a> <a href="#main">skip</a> <a href="posts/a/">a</a>
<a href="https://example.org/">out</a> <a href="mailto:x@example.org">mail</a>
<img src="data:image/png;base64,AA==" alt="">
""",
    "posts/a/index.html": """<!doctype html>
<link rel="stylesheet" href="../../static/site.css?v=1">
<a href="../../">home</a> <a href="../../posts/a/#top">self</a> <a href="./">self</a>
<img src="../../images/a%20b.png" srcset="../../images/a%20b.png 1x, ../../images/big.png 2x"
     alt="">
<a href="../../data/titanic.csv">data</a>
<div style="background: url('../../images/big.png')"></div>
""",
    "404.html": '<link rel="stylesheet" href="/my-repo/static/site.css">\n'
                '<a href="/my-repo/">x</a>',
    "feed.xml": '<feed><link href="/absolute/is/fine/here"/></feed>',
    "static/site.css": "/* url(nothing.png) */\nbody { background: url(../images/big.png); }\n",
    "images/a b.png": "",
    "images/big.png": "",
    "data/titanic.csv": "",
}


def make_site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_good_site_has_no_problems(tmp_path):
    assert check(make_site(tmp_path, GOOD)) == []


def test_broken_and_absolute_links_are_reported_with_their_lines(tmp_path):
    site = make_site(tmp_path, GOOD | {
        "posts/a/index.html": """<!doctype html>
<a href="../b/">b</a>
<a
   href="/static/site.css">absolute</a>
<img src="../../images/A%20b.png" alt="">
<img srcset="../../images/big.png 1x, ../../images/huge.png 2x" alt="">
<a href="../../tags">tags</a> <a href="../../../up.html">up</a>
<style>
  .x { background: url("../../images/gone.png") }
</style>
""",
        "static/site.css": "body {\n  background: url(missing.png);\n}\n",
    })
    problems = check(site)
    assert [(p.file, p.line) for p in problems] == [
        ("posts/a/index.html", 2), ("posts/a/index.html", 4), ("posts/a/index.html", 5),
        ("posts/a/index.html", 6), ("posts/a/index.html", 7), ("posts/a/index.html", 7),
        ("posts/a/index.html", 9), ("static/site.css", 2),
    ]
    messages = [p.message for p in problems]
    assert messages[0] == "broken link '../b/': no posts/b/index.html"
    assert messages[1] == "absolute link '/static/site.css' breaks when the site is served " \
                          "from a sub-path"
    assert messages[2] == "broken link '../../images/A%20b.png': no file images/A b.png"
    assert "images/huge.png" in messages[3]
    assert "no file tags" in messages[4]
    assert "goes above the site root" in messages[5]
    assert "images/gone.png" in messages[6]
    assert messages[7] == "broken link 'missing.png': no file static/missing.png"
    assert str(problems[0]) == "posts/a/index.html:2: broken link '../b/': no posts/b/index.html"


def test_the_404_page_is_checked_under_the_base_url(tmp_path):
    site = make_site(tmp_path, GOOD)
    assert check(site, base_url="/my-repo/") == []
    (site / "404.html").write_text('<a href="/my-repo/nowhere/">x</a>\n<a href="/other/">y</a>')
    assert check(site, base_url="/my-repo") == [
        Problem("404.html", 1, "broken link '/my-repo/nowhere/': no nowhere/index.html"),
        Problem("404.html", 2, "link '/other/' is outside the site's base URL /my-repo/"),
    ]


@pytest.mark.parametrize("broken", [False, True])
def test_cli_prints_path_and_line_and_sets_the_exit_code(tmp_path, broken):
    files = GOOD | ({"index.html": "\n\n<a href='posts/b/'>b</a>"} if broken else {})
    site = make_site(tmp_path / "build", files)
    result = subprocess.run(
        [sys.executable, str(PROJECT / "build.py"), "check", "--out", str(site)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    if broken:
        assert result.returncode == 1
        assert result.stdout == f"{site / 'index.html'}:3: broken link 'posts/b/': " \
                                f"no posts/b/index.html\n"
        assert "1 problem" in result.stderr
    else:
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout == ""


def test_cli_without_a_build_folder_fails(tmp_path):
    result = subprocess.run(
        [sys.executable, str(PROJECT / "build.py"), "check", "--out", str(tmp_path / "none")],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 1 and "no built site" in result.stderr


def test_the_example_site_passes(built_example_site):
    """The real templates, built under a sub-path: the check's own oracle is the build."""
    assert check(built_example_site, base_url="/my-repo/") == []
