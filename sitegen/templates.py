"""Jinja2: page records in, HTML out. Templates format; they decide nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2


@dataclass
class Site:
    title: str
    description: str
    base_url: str  # e.g. "/my-repo/"; used where a link must be absolute (feeds, 404)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def root_for(url: str) -> str:
    """The relative path from a page's URL back to the site root."""
    depth = url.strip("/").count("/") + 1 if url.strip("/") else 0
    return "../" * depth


def render(env: jinja2.Environment, template: str, url: str, **context: Any) -> str:
    context.setdefault("widgets", [])
    context.setdefault("lang", "en")
    context.setdefault("runtime", {})
    return env.get_template(template).render(root=root_for(url), **context)
