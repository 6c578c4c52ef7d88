"""Where things are on the built site: slugs, post and tag URLs, and the excerpt marker.

Every URL is site-relative ("posts/sigmoid/", "" for the index): pages link to each
other relatively, so a site works under any sub-path.
"""

from __future__ import annotations

import re

MORE = "<!--more-->"  # what ends a post's excerpt on the index


def slugify(text: str) -> str:
    slug = re.sub(r"[^\w\s-]", "", text.lower()).strip()
    return re.sub(r"[\s_-]+", "-", slug) or "post"


def post_url(slug: str) -> str:
    """Pretty URLs, stable across title edits: "posts/sigmoid/"."""
    return f"posts/{slug}/"


def tag_url(tag: str) -> str:
    return f"tags/{slugify(tag)}/"


def output_path(url: str) -> str:
    """The file a page URL is served from."""
    return url + "index.html"


def root_for(url: str) -> str:
    """The relative path from a page's URL back to the site root."""
    depth = url.strip("/").count("/") + 1 if url.strip("/") else 0
    return "../" * depth
