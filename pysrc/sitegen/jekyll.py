"""Jekyll posts, imported as they are: their front matter and the Liquid they use.

An author can drop a Jekyll blog's `_posts/*.md` into content/ and build.
`jekyll_meta` maps Jekyll's front-matter keys onto ours; `liquid.render_liquid` turns
the Liquid of a post into plain Markdown before conversion.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from nnpress.params import brief

from .errors import SourceError


def jekyll_meta(meta: dict, lines: Mapping[str, int] | None = None) -> dict:
    """Jekyll front matter -> ours, in a new dict (Jekyll's own keys are kept, and ignored).

    `published: false` -> `draft: true`; `categories`/`category` join `tags`;
    `permalink` gives the slug (its last path segment) unless `slug:` is set.
    `layout` and `excerpt_separator` are accepted; `lines` (key -> file line,
    `FrontMatter.lines`) lets errors point at the key.
    """
    at = (lines or {}).get
    out = dict(meta)
    if "published" in meta:
        if not isinstance(meta["published"], bool):
            raise SourceError(at("published"), f"published must be true or false, "
                                               f"got {brief(meta['published'])}")
        if not meta["published"]:
            out["draft"] = True  # unpublished wins over any `draft: false`
    extra = _words(meta.get("categories"), "categories", at("categories"))
    if "category" in meta:
        extra += _words([meta["category"]], "category", at("category"))
    if extra:
        tags = _words(meta.get("tags"), "tags", at("tags"))
        out["tags"] = list(dict.fromkeys(tags + extra))
    if "permalink" in meta and "slug" not in meta:
        permalink = meta["permalink"]
        if not isinstance(permalink, str):
            raise SourceError(at("permalink"), f"permalink must be a path, got {brief(permalink)}")
        last = re.split(r"[?#]", permalink)[0].rstrip("/").rsplit("/", 1)[-1]
        last = re.sub(r"\.html?$", "", last)
        if last and ":" not in last:  # `/:year/:title/` keeps the file name's slug
            out["slug"] = last
    return out


def _words(value: Any, key: str, line: int | None) -> list[str]:
    """A YAML list or a space/comma separated string -> words (as frontmatter.as_tags)."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.replace(",", " ").split()
    if isinstance(value, list) and all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value
    ):
        return [str(v) for v in value]
    raise SourceError(line, f"{key} must be a list of words, got {brief(value)}")
