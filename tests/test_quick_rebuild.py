"""A quick rebuild writes what the full build writes, byte for byte.

Each test edits a small site the way an author does, rebuilds it as `build.py
build` does (quickly when it can), builds the same content in full into another
folder, and compares every file of the two. Whether the quick path was taken is
asserted too: an edit that reaches other pages must take the full build.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from sitegen import build_record
from sitegen.commands.build import build
from sitegen.config import BuildConfig
from sitegen.errors import BuildError
from sitegen.out_folder import JOURNAL, NEW_SUFFIX, recover

from .test_output_folder import digest, kill_build_at

PLAIN = """---
title: Plain
date: 2024-03-01
tags: [maths]
---

The first paragraph, which listings show.

Some maths, $\\sigma(z) = 1/(1+e^{-z})$, and code:

```python
for i in range(3):
    print(i)
```

| a | b |
|---|---|
| 1 | 2 |
"""

OTHER = """---
title: Other
date: 2024-02-01
---

Another post.

It links to [the plain one](plain.md).
"""

FIGURE = """---
title: Figure
date: 2024-01-01
---

A post with a live figure.

```widget activation
function: sigmoid
```
"""


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "plain.md").write_text(PLAIN)
    (content / "other.md").write_text(OTHER)
    (content / "figure.md").write_text(FIGURE)
    (content / "site.yml").write_text("title: Quick\n")
    first = build(BuildConfig(content, tmp_path / "site"))
    assert not first.quick
    return tmp_path


def rebuilt(tmp: Path):
    """Rebuild as the command line does; check it against a full build of the same
    content; return the report."""
    report = build(BuildConfig(tmp / "content", tmp / "site"))
    build(BuildConfig(tmp / "content", tmp / "full"), quick=False)
    assert digest(tmp / "site") == digest(tmp / "full")
    return report


def edit(tmp: Path, name: str, old: str, new: str) -> None:
    path = tmp / "content" / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_nothing_changed_is_done_at_once(site):
    report = rebuilt(site)
    assert report.quick and report.files_changed == 0


def test_an_edit_to_a_posts_text_remakes_its_page_and_editions(site):
    edit(site, "plain.md", "and code:", "and some code:")
    report = rebuilt(site)
    assert report.quick and report.converted == 1
    # its page, its edition, the whole site's edition, the service worker's list
    assert report.files_changed == 4
    assert "and some code:" in (site / "site/posts/plain/index.html").read_text()
    assert "and some code:" in (site / "site/site.offline.html").read_text()

    edit(site, "plain.md", "and some code:", "and code:")  # undone: the first bytes again
    assert rebuilt(site).quick


def test_two_posts_edited_at_once(site):
    edit(site, "plain.md", "and code:", "and this code:")
    edit(site, "other.md", "It links to", "It points to")
    report = rebuilt(site)
    assert report.quick and report.converted == 2


def test_a_touched_post_changes_no_file(site):
    path = site / "content" / "plain.md"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    report = rebuilt(site)
    assert report.quick and report.files_changed == 0
    assert rebuilt(site).quick  # and the record knows the new date


@pytest.mark.parametrize("name, old, new", [
    ("plain.md", "The first paragraph", "The new first paragraph"),  # the index shows it
    ("plain.md", "title: Plain", "title: Plainer"),  # front matter
    ("plain.md", "| a | b |\n|---|---|", "| a | b |\n|:-:|--:|"),  # a new cell alignment class
    ("figure.md", "A post with", "A post, with"),  # live figures share the runtime
])
def test_an_edit_that_reaches_other_pages_takes_the_full_build(site, name, old, new):
    edit(site, name, old, new)
    assert not rebuilt(site).quick


def test_a_change_besides_posts_takes_the_full_build(site):
    (site / "content" / "site.yml").write_text("title: Quicker\n")
    assert not rebuilt(site).quick
    (site / "content" / "new.md").write_text("# New\n\nA new post.\n")
    assert not rebuilt(site).quick
    (site / "content" / "new.md").unlink()
    assert not rebuilt(site).quick


def test_an_output_file_changed_by_hand_is_put_right(site):
    (site / "site" / "404.html").write_text("mine")
    edit(site, "plain.md", "and code:", "and some code:")
    assert not rebuilt(site).quick
    (site / "site" / "stray.txt").write_text("mine")  # a file the build did not write
    assert not rebuilt(site).quick
    assert not (site / "site" / "stray.txt").exists()


def test_an_error_is_reported_by_the_full_build_and_nothing_is_lost(site):
    before = digest(site / "site")
    edit(site, "plain.md", "and code:", "and [a broken link](nowhere.md):")
    with pytest.raises(BuildError) as error:
        build(BuildConfig(site / "content", site / "site"))
    assert "plain.md:" in str(error.value) and "broken link" in str(error.value)
    assert digest(site / "site") == before
    edit(site, "plain.md", "[a broken link](nowhere.md)", "code")
    report = rebuilt(site)  # the site and its record are still the last good build's
    assert report.quick and report.files_changed == 0


def test_the_record_is_gone_once_a_full_build_starts_writing(site, monkeypatch):
    assert build_record.load(site / ".site.cache") is not None
    (site / "content" / "site.yml").write_text("title: Quicker\n")
    import sitegen.pipeline as pipeline

    def fail(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(pipeline, "write_site", fail)
    with pytest.raises(OSError):
        build(BuildConfig(site / "content", site / "site"))
    assert build_record.load(site / ".site.cache") is None


# ---- killed while replacing files: the old site or the new one ----------------------
# The quick rebuild of an edit to a post's text, and the full build of an edit to its
# excerpt: both change a few files in place, through a journal.
EDITS = {"quick": ("and code:", "and the code of v2:"),
         "full": ("The first paragraph", "The v2 paragraph")}
# recover() runs first in every build, and again in the full build's write phase; the
# next call of _finish_replacing is the swap's, just committed
FINISHES = {"quick": 2, "full": 3}


@pytest.fixture(params=sorted(EDITS))
def versions(site, request):
    """site/ holds v1; content/ holds v2, one post's text edited. (v1, v2) digests, and
    the call of _finish_replacing that finishes the swap."""
    v1 = digest(site / "site")
    edit(site, "plain.md", *EDITS[request.param])
    build(BuildConfig(site / "content", site / "full"), quick=False)
    return v1, digest(site / "full"), FINISHES[request.param]


def test_killed_before_the_swap_is_committed_the_old_site_stays(versions, site):
    v1, v2, _ = versions
    assert kill_build_at(site, "sitegen.out_folder:os.rename", 1,
                         out="site") == -signal.SIGKILL
    assert (site / "site" / ".nnpress-replacing.pending").exists()
    recover(site / "site")
    assert digest(site / "site") == v1
    assert not list((site / "site").rglob("*" + NEW_SUFFIX))
    rebuilt(site)  # in full: the folders' dates are not the record's any more
    assert digest(site / "site") == v2


def test_killed_after_the_commit_the_next_build_finishes_the_swap(versions, site):
    v1, v2, finish = versions
    assert kill_build_at(site, "sitegen.out_folder:_finish_replacing", finish,
                         out="site") == -signal.SIGKILL
    assert (site / "site" / JOURNAL).exists()
    recover(site / "site")
    assert digest(site / "site") == v2
    assert rebuilt(site).quick is False  # the record still describes v1: a full build
    assert digest(site / "site") == v2
