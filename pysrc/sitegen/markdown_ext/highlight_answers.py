"""Pygments' answers, kept: highlighted code, from one build to the next.

Highlighting a code block costs little, but the first block in a language costs the
process a lexer: Pygments compiles that language's rules, 25 ms for Python, more than
the rest of a page takes to convert. A quick rebuild of one edited post
(quick_rebuild.py) would pay that on every edit. So the HTML of each code block is
kept in the build's state folder (`.build.cache/highlight.json`), by everything it is
made from: the code, its language and options, the highlighter's settings, and the
versions of Pygments and pymdownx. A block seen before is not highlighted again.

`HighlightExtension` is pymdownx.highlight with this memory: superfences asks it for
its highlighter, and gets one that remembers. Blocks with a title (kept aside by the
Markdown instance) and inline code are highlighted as always.

Worker processes (convert.py) hand back the answers they made with their pages
(`drain_new`), so that the build can keep them (`remember`, then `save`), as with
KaTeX's (katex_answers.py).
"""

from __future__ import annotations

from pathlib import Path

import pygments
from pymdownx import __version__ as PYMDOWNX_VERSION
from pymdownx import highlight

from . import answer_store

VERSIONS = f"pygments {pygments.__version__}, pymdownx {PYMDOWNX_VERSION}"
MAX_ANSWERS = 20_000  # code blocks kept: a few kB each

_known: dict[str, str] = {}  # question -> HTML
_new: list[tuple[str, str]] = []  # made since `drain_new`
_store: Path | None = None
_store_read = False
_changed = False


class RememberingHighlight(highlight.Highlight):
    def highlight(self, src, language, *args, **kwargs):
        if kwargs.get("inline") or kwargs.get("title"):
            return super().highlight(src, language, *args, **kwargs)
        settings = {k: v for k, v in vars(self).items() if k != "md"}
        question = repr((src, language, args, sorted(kwargs.items()), sorted(settings.items())))
        html = answer(question)
        if html is None:
            html = super().highlight(src, language, *args, **kwargs)
            _learn(question, html)
        return html


class HighlightExtension(highlight.HighlightExtension):
    """pymdownx.highlight, whose highlighter remembers (see the module's docstring)."""

    def get_pymdownx_highlighter(self):
        return RememberingHighlight


def use_store(path: Path | None) -> None:
    """Keep the answers in `path` (read when first needed); None: for the process only."""
    global _store, _store_read, _changed
    if path != _store:
        _store, _store_read, _changed = path, False, bool(_known)


def answer(question: str) -> str | None:
    if question not in _known and not _store_read:
        _read_store()
    return _known.get(question)


def _learn(question: str, html: str) -> None:
    _new.append((question, html))
    _add([(question, html)])


def drain_new() -> list[tuple[str, str]]:
    """The answers made since the last call (a worker's, for its page's result)."""
    made = list(_new)
    _new.clear()
    return made


def remember(answers: list) -> None:
    """Answers a worker made, as `drain_new` gave them, for the store."""
    _add((question, html) for question, html in answers)


def save() -> None:
    """Write the store if it lacks an answer this process knows."""
    global _changed
    if _store is None or not _known:
        return
    if not _store_read:
        _read_store()
    if not _changed:
        return
    answer_store.write(_store, {"versions": VERSIONS}, list(_known.items()))
    _changed = False


def _add(answers) -> None:
    global _changed
    if answer_store.add(_known, answers, MAX_ANSWERS):
        _changed = True


def _read_store() -> None:
    """Add the store's answers to what the process knows; note whether the store lacks
    some of them."""
    global _store_read, _changed
    _store_read = True
    answers = answer_store.read(_store, {"versions": VERSIONS})
    if answers is None:
        _changed = bool(_known)
        return
    _add((question, html) for question, html in answers)
    _changed = len(_known) > len(answers)
