"""Build settings, with a comment on every default."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import project_files


@dataclass
class BuildConfig:
    content_dir: Path = Path("content")  # the author's Markdown, data and images
    out_dir: Path = Path("build")  # the static site; replaced only by a successful build
    # Where the site is served: a path ("/my-repo/") or a full URL
    # ("https://me.github.io/my-repo/"). Pages link relatively whatever it is; the
    # feed, sitemap, canonical links and the 404 page need it.
    base_url: str = "/"
    # Jinja2 templates and the site's CSS; the checkout's, or installed (project_files.py)
    templates_dir: Path = field(default_factory=lambda: project_files.project_dir("templates"))
    # the generic JS binder and the worker; found like templates/
    client_dir: Path = field(default_factory=lambda: project_files.project_dir("client"))
    browser_package: Path = project_files.BROWSER_PACKAGE  # Python shipped to the page
    # where `npm ci` put pyodide and KaTeX: $NNPRESS_NODE_MODULES, the checkout's, ./node_modules
    node_modules: Path = field(default_factory=project_files.node_modules)
    cache_dir: Path | None = None  # runtime download cache; None: ~/.cache/nnpress
    drafts: bool = False  # include posts marked `draft: true`
    jobs: int | None = None  # worker processes for converting pages; None: one per core
    incremental: bool = True  # reuse pages converted by the previous build

    def __post_init__(self) -> None:
        self.content_dir, self.out_dir = Path(self.content_dir), Path(self.out_dir)
        self.site_url = ""  # scheme and host, when base_url is a full URL
        if "://" in self.base_url:
            parts = urlsplit(self.base_url)
            self.site_url = f"{parts.scheme}://{parts.netloc}"
            self.base_url = parts.path
        self.base_url = "/" + self.base_url.strip("/") + "/" if self.base_url.strip("/") else "/"

    @property
    def state_dir(self) -> Path:
        """Kept between builds beside the output: converted pages, the verified runtime."""
        out = self.out_dir.resolve()
        return out.with_name(f".{out.name}.cache")

    @property
    def runtime_cache(self) -> Path:
        """Shared by every build on this machine: the verified runtime downloads, and
        the offline edition's deflated runtime (the same bytes for every site)."""
        from .runtime import default_cache_dir  # not needed by a quick rebuild

        return self.cache_dir or default_cache_dir()

    @property
    def conversion_cache(self) -> Path | None:
        return self.state_dir / "pages.json" if self.incremental else None

    @property
    def edition_cache(self) -> Path | None:
        """Which offline editions the previous build wrote, and from what (edition_memo.py)."""
        return self.state_dir / "editions.json" if self.incremental else None
