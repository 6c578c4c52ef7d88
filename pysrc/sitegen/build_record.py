"""What the last build was made from and what it wrote: where a quick rebuild starts.

After every full build the pipeline writes this record into the state folder
(`.build.cache/last-build.json`). `quick_rebuild.py` reads it to tell, by looking at
file dates and sizes alone, whether anything but a post's text changed since: if the
templates, the site's settings, an asset, our own code or a library changed, or a
file of the output is not the one the build wrote, it is not a quick case and the
full build runs.

The record holds:
- `settings`: the build's settings (the command line's, and this Python's version);
- `inputs`: the size and modification time of every file a build may read besides
  the posts (content/ but the posts, templates/, client/, our Python, the browser
  libraries' lock file, the Markdown and template libraries);
- `posts`: for each post, by its path, its size and date, and what the rest of the
  site takes from it (`PostFacts`);
- `outputs` and `folders`: the size and date of every file and folder of the output;
- `site`: what a post's page needs from the rest of the site (the links table, the
  assets' hash, the runtime, the order of posts, the service worker's list).

Writing it costs a full build a few milliseconds; a damaged or missing record only
means the next build is a full one.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .file_digests import digest

VERSION = 1  # bump when the record's shape or meaning changes
NAME = "last-build.json"
# Libraries whose version changes the HTML a build writes (their files' dates say so).
LIBRARIES = ("markdown", "pymdownx", "pygments", "jinja2", "markupsafe", "yaml", "numpy")
Stat = list[int]  # [size, mtime_ns]
FIGURE = '<figure class="nn-widget'  # a live figure (a share card is drawn from the first)


@dataclass
class PostFacts:
    """A post as the rest of the site sees it: an edit that leaves all this alone changes
    the post's own page and editions only (and the site edition's part for it)."""

    stat: Stat  # of the Markdown file, before the build read it
    url: str  # "posts/x/"
    front: str  # digest of its front matter as read (title, date, tags, ...)
    excerpt: str  # digest of what listings show of it
    styles: str  # digest of the maths layout classes it adds to inline-styles.css
    classes: str  # digest of the classes it names (the site edition's maths fonts)
    plain: bool  # no live figures, no translations: its page needs no one else's


@dataclass
class BuildRecord:
    settings: str  # settings_key()
    inputs: dict[str, Stat]  # absolute path -> stat, of every input but the posts
    extras: list[str]  # the inputs found by name, not by walking a folder (input_stats)
    posts: dict[str, PostFacts]  # absolute path -> facts
    outputs: dict[str, Stat] = field(default_factory=dict)  # site-relative path -> stat
    folders: dict[str, int] = field(default_factory=dict)  # site-relative folder -> mtime_ns
    site: dict[str, Any] = field(default_factory=dict)  # see the module's docstring

    def save(self, state_dir: Path) -> None:
        state_dir.mkdir(parents=True, exist_ok=True)
        tmp = state_dir / (NAME + ".tmp")
        data = {"version": VERSION, "settings": self.settings, "inputs": self.inputs,
                "extras": self.extras, "posts": {k: vars(v) for k, v in self.posts.items()},
                "outputs": self.outputs, "folders": self.folders, "site": self.site}
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(state_dir / NAME)


def load(state_dir: Path) -> BuildRecord | None:
    """The last build's record; None when there is none that this code can use."""
    try:
        data = json.loads((state_dir / NAME).read_text(encoding="utf-8"))
        if data.pop("version") != VERSION:
            return None
        data["posts"] = {k: PostFacts(**v) for k, v in data["posts"].items()}
        return BuildRecord(**data)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def forget(state_dir: Path) -> None:
    """Before a build writes anything: a build killed halfway leaves no record that
    describes an output it no longer matches."""
    try:
        (state_dir / NAME).unlink()
    except FileNotFoundError:
        pass


def stat_of(path: Path | str) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def settings_key(config) -> str:
    """Everything on the command line (and about this Python) that changes the output."""
    return digest(repr([str(config.content_dir.resolve()), str(config.out_dir.resolve()),
                        config.base_url, config.site_url, config.drafts, config.incremental,
                        str(config.templates_dir), str(config.client_dir),
                        str(config.browser_package), str(config.node_modules),
                        str(config.cache_dir), sys.version]))


def input_stats(config, extras: list[str]) -> dict[str, Stat]:
    """Every file a build may read, by absolute path: each file in content/, templates/,
    client/ and our Python (a folder is listed, so that a file added anywhere shows),
    and the files `extras` names (the posts are among them; the caller sets them apart)."""
    found = {path: stat_of(path) or [-1, -1] for path in extras}
    for root in (config.content_dir, config.templates_dir, config.client_dir,
                 Path(__file__).parent, config.browser_package):
        found.update(_walk(Path(root).resolve()))
    return found


def extra_inputs(config) -> list[str]:
    """The inputs no folder walk finds: the browser libraries' lock file and the
    libraries' own files, as this process imported them (a full build has)."""
    libraries = sorted(m.__file__ for name in LIBRARIES
                       if (m := sys.modules.get(name)) is not None
                       and getattr(m, "__file__", None))
    return [str(config.node_modules.resolve() / ".package-lock.json"), *libraries]


def _walk(root: Path):
    """(path, stat) of each file under `root`, but hidden files (an editor's swap file)
    and Python's bytecode caches."""
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
        for name in filenames:
            if not name.startswith("."):
                path = os.path.join(folder, name)
                yield path, stat_of(path) or [-1, -1]


def outputs_unchanged(out_dir: Path, record: BuildRecord) -> bool:
    """Whether the output is as `record` says the last build left it: each file's size
    and date, and each folder's date (a file added or removed changes it)."""
    root = out_dir.resolve()
    try:
        return all(os.stat(root / folder).st_mtime_ns == mtime
                   for folder, mtime in record.folders.items()) and all(
            stat_of(root / relative) == stat for relative, stat in record.outputs.items())
    except OSError:
        return False


def output_stats(out_dir: Path) -> tuple[dict[str, Stat], dict[str, int]]:
    """The stat of every file and the date of every folder of the output."""
    files: dict[str, Stat] = {}
    folders: dict[str, int] = {}
    root = str(out_dir.resolve())
    for folder, _dirnames, filenames in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        folders[rel] = os.stat(folder).st_mtime_ns
        prefix = "" if rel == "." else rel + "/"
        for name in filenames:
            files[prefix + name] = stat_of(os.path.join(folder, name)) or [-1, -1]
    return files, folders


def front_of(page) -> str:
    """A digest of what a post's front matter says (`page`: a pages.Page)."""
    return digest(repr([page.slug, page.title, page.date, page.tags, page.description,
                        page.lang, page.draft, page.translation_of, page.body_line,
                        sorted(page.lines.items())]))


def styles_of(page) -> str:
    return digest(repr(sorted(page.styles.items())))


def is_plain(page) -> bool:
    """A page made from its own source alone: no live figures (they share the runtime,
    and draw its share card), no translations (their pages link to each other)."""
    return not (page.widgets or page.translations or page.translation_of
                or FIGURE in page.html)


def record_full_build(config, inputs: dict[str, Stat], pages, links, site: dict[str, Any],
                      classes: dict[str, list[str]], manifest: list[dict]) -> None:
    """Write the record of the full build that just wrote the site; `inputs`: the
    input_stats taken before it read anything, `site`: what a post's page and the site
    edition need (see quick_rebuild.py), `classes`: each post's (and the index's, "")."""
    extras = extra_inputs(config)
    inputs = inputs | {path: stat_of(path) or [-1, -1] for path in extras}
    posts = {}
    for page in pages:
        source = str(page.source.resolve())
        posts[source] = PostFacts(
            stat=inputs.pop(source, [-1, -1]), url=page.url, front=front_of(page),
            excerpt=digest(page.excerpt), styles=styles_of(page),
            classes=digest(*classes[page.url]), plain=is_plain(page))
    outputs, folders = output_stats(config.out_dir)
    site = site | {
        "posts": {links.site_path(page.source): page.url for page in pages},
        "assets": sorted(links.assets), "generated": sorted(links.generated),
        "order": [page.url for page in pages], "widgets": sum(len(p.widgets) for p in pages),
        "classes": sorted(set().union(*classes.values())), "manifest": manifest}
    BuildRecord(settings_key(config), inputs, extras, posts, outputs, folders, site).save(
        config.state_dir)
