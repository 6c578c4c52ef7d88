"""KaTeX's answers, kept: for the process, and from one build to the next.

KaTeX's answer (its HTML, or its error) depends only on the TeX, the mode and KaTeX's
version, and a site repeats its formulas page after page (the sigmoid, the loss). So each
answer is asked of Node once per process, and the build keeps them in its state folder
(`.build.cache/katex.json`): an edit to a page's prose converts the page again without
starting Node at all. Answers are kept per (node, node_modules), as the processes are.

Worker processes (convert.py) hand the answers they asked for back with their pages
(`drain_new`), so that the build can keep them (`remember`, then `save`).
"""

from __future__ import annotations

from pathlib import Path

from .. import project_files
from ..math_assets import KATEX_VERSION
from . import answer_store
from .katex import katex_process

Question = tuple[str, bool]  # (tex, display)
MAX_ANSWERS = 50_000  # kept per (node, node_modules): a few kB each

_known: dict[tuple[str, Path], dict[Question, dict]] = {}
_new: list[tuple[str, bool, dict]] = []  # asked of KaTeX since `drain_new`
_store: Path | None = None  # where the build keeps them
_store_key: tuple[str, Path] | None = None  # the (node, node_modules) the store is for
_store_read = False
_changed = False


def use_store(path: Path | None, node: str = "node", node_modules: Path | None = None) -> None:
    """Keep the answers for (node, node_modules) in `path` (read when first needed); by
    default, for the Node and the katex the maths extension uses (math.py)."""
    global _store, _store_key, _store_read, _changed
    key = (node, Path(node_modules or project_files.node_modules()).resolve())
    if (path, key) != (_store, _store_key):
        _store, _store_key, _store_read = path, key, False
        _changed = bool(_known.get(key))  # a new store lacks what this process knows


def warm_up(node: str = "node", node_modules: Path | None = None) -> None:
    """Start Node and KaTeX now, for pages with maths to come: loading KaTeX takes a fifth
    of a second, which it then spends beside the conversion of the first page. Not when
    the build keeps answers: those pages' maths is most likely answered already (an edit
    to prose), and a question that is not starts Node then."""
    if _store is not None and _store.is_file():
        return
    try:
        katex_process(node, node_modules or project_files.node_modules())
    except Exception:  # noqa: BLE001 - the first page with maths reports it, at its line
        pass


def typeset(node: str, node_modules: Path, batch: list[Question]) -> list[dict]:
    """KaTeX's answer to each (tex, display) of `batch`, in order: {"html", "warnings"} or
    {"error", "position"}. Only the questions never answered before go to Node."""
    key = (node, Path(node_modules).resolve())
    known = _known.setdefault(key, {})
    missing = [q for q in dict.fromkeys(batch) if q not in known]
    if missing and key == _store_key and not _store_read:
        _read_store(known)
        missing = [q for q in missing if q not in known]
    if missing:
        answers = katex_process(node, node_modules).render(missing)
        _add(known, zip(missing, answers, strict=True))
        _new.extend((tex, display, answer)
                    for (tex, display), answer in zip(missing, answers, strict=True))
    return [known[q] for q in batch]


def drain_new() -> list[tuple[str, bool, dict]]:
    """The answers asked of KaTeX since the last call (a worker's, for the build)."""
    new = _new.copy()
    _new.clear()
    return new


def remember(answers: list) -> None:
    """Answers a worker asked for, as `drain_new` gave them, for the store."""
    if answers and _store_key is not None:
        _add(_known.setdefault(_store_key, {}),
             (((tex, bool(display)), answer) for tex, display, answer in answers))


def save() -> None:
    """Write the store if it lacks an answer this process knows."""
    global _changed
    if not (_store and _store_key):
        return
    known = _known.setdefault(_store_key, {})
    if not known:
        return  # no maths this build
    if not _store_read:
        _read_store(known)
    if not _changed:
        return
    answer_store.write(_store, {"katex": KATEX_VERSION}, [
        [tex, display, answer] for (tex, display), answer in known.items()])
    _changed = False


def _add(known: dict[Question, dict], answers) -> None:
    global _changed
    if answer_store.add(known, answers, MAX_ANSWERS):
        _changed = True


def _read_store(known: dict[Question, dict]) -> None:
    """Add the store's answers to `known`; note whether the store lacks some of `known`."""
    global _store_read, _changed
    _store_read = True
    answers = answer_store.read(_store, {"katex": KATEX_VERSION})
    if answers is None:
        _changed = bool(known)
        return
    _add(known, (((tex, bool(display)), answer) for tex, display, answer in answers))
    _changed = len(known) > len(answers)
