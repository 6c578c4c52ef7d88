"""Build settings, with a comment on every default."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent  # the nnpress checkout


@dataclass
class BuildConfig:
    content_dir: Path = Path("content")  # the author's Markdown, data and images
    out_dir: Path = Path("build")  # the static site; replaced only by a successful build
    base_url: str = "/"  # where the site is served; pages link relatively, feeds need this
    templates_dir: Path = PROJECT / "templates"  # Jinja2 templates and the site's CSS
    client_dir: Path = PROJECT / "client"  # the generic JS binder and the worker
    browser_package: Path = PROJECT / "pysrc" / "nnpress"  # Python shipped to the page
    node_modules: Path = PROJECT / "node_modules"  # where `npm ci` put pyodide
    cache_dir: Path | None = None  # runtime download cache; None: ~/.cache/nnpress
    drafts: bool = False  # include posts marked `draft: true`
    site_title: str = "nnpress"  # overridden by `title:` in content/site.yml
    extra: dict = field(default_factory=dict)  # the rest of content/site.yml

    def __post_init__(self) -> None:
        if not self.base_url.startswith("/"):
            self.base_url = "/" + self.base_url
        if not self.base_url.endswith("/"):
            self.base_url += "/"
