"""YAML as authors write it: front matter, content/site.yml, widget blocks.

All three are read by `load_yaml`, which is PyYAML's safe loader with three
things taken away:

- anchors and aliases (`&name`, `*name`): no post needs them, and nine nested
  aliases ("billion laughs") make a value that takes gigabytes to print or
  serialise;
- nesting deeper than MAX_DEPTH: never needed, and a recursion hazard;
- tracebacks: an impossible date (`2024-02-30`) or any other mistake is a
  `SourceError` at its line in the file.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import SourceError

PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
MAX_DEPTH = 32  # nested lists/mappings; a widget's parameters use two or three
TIMESTAMP = "tag:yaml.org,2002:timestamp"
TOP_KEY = re.compile(r"^([^\s#:][^:]*?)\s*:(\s|$)")


class AuthorYamlLoader(PARSER):  # type: ignore[misc, valid-type]
    """The safe loader; an impossible date is a marked error, not a ValueError."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark
            ) from None


AuthorYamlLoader.add_constructor(TIMESTAMP, AuthorYamlLoader.construct_yaml_timestamp)


def _check_events(text: str) -> None:
    """Refuse anchors, aliases and deep nesting, reading the event stream only."""
    depth = 0
    for event in yaml.parse(text, Loader=PARSER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event.start_mark, "YAML anchors and aliases (&name, *name) are "
                                             "not supported; write the value out")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark, message: str):
        super().__init__(message)
        self.mark, self.message = mark, message


def load_yaml(text: str, first_line: int, what: str, last_line: int | None = None) -> Any:
    """Parse `text`, whose first line is line `first_line` of its file.

    `what` names the text in messages ("front matter", "widget parameters").
    libyaml may point just past the end of the text: `last_line` clamps it.
    """
    try:
        _check_events(text)
        return yaml.load(text, Loader=AuthorYamlLoader)
    except _Refused as exc:
        raise SourceError(first_line + exc.mark.line, f"{what}: {exc.message}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        if last_line is not None:
            line = min(line, last_line)
        problem = exc.problem or exc.context or str(exc)
        lines = text.split("\n")
        if mark and mark.line < len(lines) and "\t" in lines[mark.line]:
            problem += " (a tab: YAML is indented with spaces)"
        raise SourceError(line, f"bad {what}: {problem}") from None
    except yaml.YAMLError as exc:  # unmarked: rare (e.g. a stream error)
        raise SourceError(first_line, f"bad {what}: {exc}") from None


def top_key_lines(text: str, first_line: int) -> dict[str, int]:
    """The file line of each top-level `key:` (keys start at column 0), for messages."""
    found: dict[str, int] = {}
    for n, line in enumerate(text.split("\n"), start=first_line):
        if m := TOP_KEY.match(line):
            found.setdefault(m.group(1).strip("'\""), n)
    return found
