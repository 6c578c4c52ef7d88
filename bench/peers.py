"""The synthetic posts of bench/build_speed.py, and each generator's site made of them.

Every generator gets the same N posts (about 1,200 words each, a table, a fenced
code block, inline and display maths), laid out as that generator expects:
nnpress `content/`, Pelican `content/`, MkDocs `docs/`, Jekyll `_posts/`, Hugo
`content/posts/`. Each keeps its default Markdown and theme (Hugo ships no theme,
so it gets a minimal one here). Peers leave the TeX as text for a script in the
reader's browser; only nnpress typesets it (KaTeX, at build time).
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # Pelican and MkDocs come with `pip install -e '.[bench]'`
EDITED = 42  # the post every one-edit rebuild touches (the last one if fewer)

WORDS = (
    "neuron weight bias input output layer network signal gradient descent step loss error "
    "slope curve activation sigmoid function value sum product training example batch epoch "
    "rate small large each every first next the a its this that which when then so and or "
    "moves shifts bends scales follows changes learns predicts measures squashes reaches"
).split()
TABLE = """
| input | weight | product |
|------:|-------:|--------:|
| 2     | 0.5    | 1.0     |
| 3     | -1     | -3.0    |
| 4     | 0.25   | 1.0     |
"""
CODE = """
```python
import numpy as np

def neuron(x, w, b):
    return 1 / (1 + np.exp(-(x @ w + b)))
```
"""
DISPLAY_MATHS = r"""
$$
\frac{\partial L}{\partial w} = \frac{\partial L}{\partial y} \cdot \sigma'(z) \cdot x
$$
"""


@dataclass
class Post:
    number: int
    title: str
    date: str  # YYYY-MM-DD
    tag: str
    body: str  # Markdown, without any front matter

    @property
    def slug(self) -> str:
        return f"post-{self.number:04d}"


def paragraph(rng: random.Random, words: int) -> str:
    sentences, count = [], 0
    while count < words:
        n = rng.randint(8, 16)
        sentence = " ".join(rng.choice(WORDS) for _ in range(n))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        count += n
    return " ".join(sentences)


def make_post(i: int) -> Post:
    rng = random.Random(i)
    parts = [f"Post {i} follows one neuron: the logistic function $\\sigma(z) = "
             f"\\frac{{1}}{{1 + e^{{-z}}}}$ squashes $z = w x + b$. See "
             f"[part one](post-0000.md). " + paragraph(rng, 80)]
    extras = {2: TABLE, 3: CODE, 4: DISPLAY_MATHS}
    for section in range(1, 6):
        parts += [f"## Part {section}", paragraph(rng, 95), paragraph(rng, 95)]
        if section in extras:
            parts.append(extras[section].strip("\n"))
    month, day = 1 + i % 12, 1 + i % 28
    return Post(i, f"Post {i}", f"2024-{month:02d}-{day:02d}", f"t{month}",
                "\n\n".join(parts) + "\n")


def make_posts(n: int) -> list[Post]:
    return [make_post(i) for i in range(n)]


# ---- one site per generator ----------------------------------------------------------------

def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def yaml_front(post: Post, extra: str = "") -> str:
    return f"---\ntitle: {post.title}\ndate: {post.date}\ntags: [{post.tag}]\n{extra}---\n\n"


def nnpress_site(root: Path, posts: list[Post]) -> None:
    for post in posts:
        write(root / "content" / f"{post.slug}.md", yaml_front(post) + post.body)


def pelican_site(root: Path, posts: list[Post]) -> None:
    write(root / "pelicanconf.py", "SITENAME = 'bench'\nSITEURL = ''\nTIMEZONE = 'UTC'\n"
                                   "DEFAULT_LANG = 'en'\nRELATIVE_URLS = True\n")
    for post in posts:
        meta = f"Title: {post.title}\nDate: {post.date}\nTags: {post.tag}\n\n"
        write(root / "content" / f"{post.slug}.md", meta + post.body)


def mkdocs_site(root: Path, posts: list[Post]) -> None:
    write(root / "mkdocs.yml", "site_name: bench\n")
    write(root / "docs" / "index.md", "# Bench\n")
    for post in posts:
        write(root / "docs" / f"{post.slug}.md", f"# {post.title}\n\n{post.body}")


def jekyll_site(root: Path, posts: list[Post]) -> None:
    write(root / "_config.yml", "title: bench\ntheme: minima\n"
                                "plugins: [jekyll-feed, jekyll-seo-tag]\n")
    write(root / "index.md", "---\nlayout: home\n---\n")
    for post in posts:
        write(root / "_posts" / f"{post.date}-{post.slug}.md",
              yaml_front(post, "layout: post\n") + post.body)


HUGO_LAYOUTS = {  # Hugo ships no theme: a page, a list (home, sections, tags) and a frame
    "baseof.html": '<!doctype html><html lang="en"><head><meta charset="utf-8">'
                   "<title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}"
                   "</body></html>\n",
    "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
                   "<time>{{ .Date.Format \"2006-01-02\" }}</time>{{ .Content }}</article>"
                   "{{ end }}\n",
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
                 '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'
                 "{{ end }}\n",
}


def hugo_site(root: Path, posts: list[Post]) -> None:
    write(root / "hugo.toml", "baseURL = '/'\ntitle = 'bench'\nrelativeURLs = true\n")
    for name, text in HUGO_LAYOUTS.items():
        write(root / "layouts" / "_default" / name, text)
    for post in posts:
        write(root / "content" / "posts" / f"{post.slug}.md", yaml_front(post) + post.body)


@dataclass
class Generator:
    name: str
    program: str  # looked up on PATH and beside this Python
    lay_out: Callable[[Path, list[Post]], None]
    build: list[str]  # a full build, run in the site's folder
    edit_build: list[str]  # how its author rebuilds after editing one post
    edit_note: str  # what that rebuild is, for the table
    output: str  # the site it writes
    caches: tuple[str, ...]  # what it keeps between builds, beside `output`
    post_glob: str  # where a post is, as a glob of its {slug}
    install: str  # how to get it
    scenarios: tuple[str, ...] = ("cold", "one edit", "excerpt edit")  # build_speed.py times

    def executable(self) -> str | None:
        return shutil.which(self.program, path=f"{BIN}:{os.environ.get('PATH', '')}")

    def remove(self, root: Path, names: tuple[str, ...]) -> None:
        for name in names:
            path = root / name
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)


NNPRESS = [sys.executable, str(PROJECT / "build.py"), "build", "--content", "content",
           "--out", "build"]
GENERATORS = [
    Generator("nnpress", sys.executable, nnpress_site, NNPRESS, NNPRESS, "command line",
              "build", (".build.cache", ".build.staging"), "content/{slug}.md",
              "make setup", ("cold", "warm cache", "no change", "one edit", "excerpt edit")),
    Generator("Hugo", "hugo", hugo_site, ["hugo", "--quiet", "--cacheDir", "{root}/.hugo_cache"],
              ["hugo", "--quiet", "--cacheDir", "{root}/.hugo_cache"], "full rebuild",
              "public", ("resources", ".hugo_cache", ".hugo_build.lock"),
              "content/posts/{slug}.md", "apt-get install hugo"),
    Generator("Jekyll", "jekyll", jekyll_site, ["jekyll", "build", "--quiet"],
              ["jekyll", "build", "--quiet", "--incremental"], "--incremental", "_site",
              (".jekyll-cache", ".jekyll-metadata"), "_posts/*-{slug}.md",
              "apt-get install jekyll"),
    Generator("Pelican", "pelican", pelican_site,
              ["pelican", "content", "-s", "pelicanconf.py", "-o", "output", "--quiet"],
              ["pelican", "content", "-s", "pelicanconf.py", "-o", "output", "--quiet"],
              "full rebuild", "output", ("cache",),
              "content/{slug}.md", "pip install -e '.[bench]'"),
    Generator("MkDocs", "mkdocs", mkdocs_site, ["mkdocs", "build", "--quiet"],
              ["mkdocs", "build", "--quiet", "--dirty"], "--dirty", "site", (),
              "docs/{slug}.md", "pip install -e '.[bench]'"),
]
