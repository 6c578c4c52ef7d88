"""YAML front matter: split it from the body and check its fields.

Errors carry the line number in the original file, so an author can jump
straight to the mistake.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from nnpress.params import brief

from .errors import SourceError
from .yaml_input import load_yaml, top_key_lines

FENCE = "---"
# A date, optionally with a time as Jekyll writes it ("2024-05-31 10:00:00 +0200").
DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                  r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?")


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
    data = load_yaml(source, 2, "front matter", last_line=max(end, 2)) or {}
    if not isinstance(data, dict):
        raise SourceError(2, "front matter must be a mapping of 'key: value' lines")
    return FrontMatter(data, "\n".join(lines[end + 1 :]), end + 2, top_key_lines(source, 2))


def as_date(value: Any, line: int | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not (m := DATE.fullmatch(text)):
        raise SourceError(line, f"date must look like 2024-05-31, got {brief(value)}")
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError as exc:
        raise SourceError(line, f"{brief(text)} is not a real date ({exc})") from None


def as_tags(value: Any, line: int | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        parts = value.replace(",", " ").split()
        return [p for p in parts if p]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise SourceError(line, f"tags must be a list of words, got {brief(value)}")


def as_text(value: Any, key: str, line: int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise SourceError(line, f"{key} must be text, got {brief(value)}")
