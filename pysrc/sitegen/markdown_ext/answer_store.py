"""Answers kept in a JSON file from one build to the next (KaTeX's, Pygments').

Each store is a list of (question, answer) pairs under a version header (the
versions that made them); a store with another header, or none, or a damaged one,
is as good as empty: it only costs time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def add(known: dict, answers: Iterable[tuple[Any, Any]], limit: int) -> bool:
    """Add the (question, answer) pairs `answers` that `known` lacks (starting again
    past `limit`); whether any was added."""
    added = False
    for question, answer in answers:
        if question not in known:
            if len(known) >= limit:
                known.clear()
            known[question], added = answer, True
    return added


def read(path: Path | None, header: dict[str, str]) -> list | None:
    """The answers `write` kept at `path` under the same `header`; None if there are none."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8")) if path else None
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or any(stored.get(k) != v for k, v in header.items()):
        return None
    answers = stored.get("answers")
    return answers if isinstance(answers, list) else None


def write(path: Path, header: dict[str, str], answers: list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps({**header, "answers": answers}), encoding="utf-8")
    partial.replace(path)
