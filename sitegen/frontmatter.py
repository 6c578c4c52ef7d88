"""YAML front matter: split it from the body and check its fields.

Errors carry the line number in the original file, so an author can jump
straight to the mistake.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import SourceError

FENCE = "---"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
TOP_KEY = re.compile(r"^([^\s#:][^:]*?)\s*:(\s|$)")


@dataclass
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the file line on which the body starts
    lines: dict[str, int] = field(default_factory=dict)  # key -> file line


def split(text: str) -> FrontMatter:
    """Separate `---` delimited YAML from the Markdown body."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return FrontMatter(body=text)
    for end in range(1, len(lines)):
        if lines[end].rstrip() in (FENCE, "..."):
            break
    else:
        raise SourceError(1, "front matter starts with '---' but has no closing '---'")
    source = "\n".join(lines[1:end])
    try:
        data = yaml.load(source, Loader=LOADER) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # libyaml may point just past the end: clamp to the last front-matter line.
        line = min(mark.line + 2, max(end, 2)) if mark else 1
        raise SourceError(line, f"bad front matter: {exc.problem or exc}") from None
    if not isinstance(data, dict):
        raise SourceError(2, "front matter must be a mapping of 'key: value' lines")
    key_lines = {}  # top-level keys start at column 0: enough to point at the line
    for n, line in enumerate(lines[1:end], start=2):
        if m := TOP_KEY.match(line):
            key_lines.setdefault(m.group(1).strip("'\""), n)
    return FrontMatter(data, "\n".join(lines[end + 1 :]), end + 2, key_lines)


def as_date(value: Any, line: int | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise SourceError(line, f"date must look like 2024-05-31, got {value!r}") from None


def as_tags(value: Any, line: int | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        parts = value.replace(",", " ").split()
        return [p for p in parts if p]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise SourceError(line, f"tags must be a list of words, got {value!r}")


def as_text(value: Any, key: str, line: int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise SourceError(line, f"{key} must be text, got {value!r}")
