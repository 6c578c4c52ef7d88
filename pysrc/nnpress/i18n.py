"""The words figures and pages show, in the page's language.

Keys are the English text itself, so a string without a translation still reads
well; `t("survived")` under Japanese gives 「生存」. The language in force is set
per page: at build time by the converter (the page's `lang`), in the browser by
each message from the page (the figure's `lang`). A site adds or overrides
messages with `extend("fr", {...})` (the build reads `messages:` in site.yml).
Placeholders use str.format: `t("{n} of {total}", n=1, total=2)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .i18n_ja import JAPANESE

CATALOGUE: dict[str, dict[str, str]] = {"ja": JAPANESE}  # language -> English -> its words

# The words page.js and binder.js say (runtime status, stop, errors, state links):
# handed to each page in a JSON block, in its language.
PAGE_MESSAGES = (
    "Loading Python…", "Starting Python…", "Loading Python: {loaded} of {total} MB",
    "Python ready in {seconds} s",
    "Python could not start: {reason}. The figures show their first state.",
    "it has stopped responding (a slow connection or too little memory?)",
    "you are offline and this site is not saved for offline reading yet",
    "The figures need this page served over HTTP, or its offline edition:",
    "The figures need this page served over HTTP (try `make serve`).",
    "Stop", "Running… press Stop to end it.", "Starting Python for this code…",
    "Code", "{label}. Tab indents; press Escape then Tab to leave the editor.",
    "Stopped after {seconds} s.", "Stopped after {seconds} s: {reason}.",
    "This figure hit an error: {error}", "the code ran longer than its limit of {seconds} s",
    "Link to this figure", "Link copied", "Restored this figure from the link.",
    "Some values in the link were out of date and were left as they are.",
)
# The words of the footer's line on offline reading (offline.js): every page has that line,
# figures or not, so they come on the footer as an attribute, not in the JSON block.
OFFLINE_MESSAGES = (
    "Available offline.", "You are offline: reading the saved copy of this site.",
    "Saving this site for offline reading…",
    "You are offline, and this site is not saved for offline reading yet.",
    "A new version of this site is ready: it loads with the next page you open.",
)

_lang = ["en"]
SITE: dict[str, dict[str, str]] = {}  # what extend() added: the page hands it to the browser


def extend(lang: str, messages: dict[str, str]) -> None:
    """Add or override a language's messages (a site's own words or a new language)."""
    table = {str(k): str(v) for k, v in messages.items()}
    CATALOGUE.setdefault(base(lang), {}).update(table)
    SITE.setdefault(base(lang), {}).update(table)


def base(lang: str | None) -> str:
    return (lang or "en").split("-")[0].lower()


def current() -> str:
    return _lang[-1]


@contextmanager
def using(lang: str | None) -> Iterator[None]:
    """Words in `lang` inside the block (the page's language)."""
    _lang.append(base(lang))
    try:
        yield
    finally:
        _lang.pop()


def t(key: str, lang: str | None = None, **values: object) -> str:
    """`key` (English text) in the language in force, with {placeholders} filled.
    A key may carry a context before "|" ("outcome|survived"): English drops it."""
    text = CATALOGUE.get(base(lang) if lang else current(), {}).get(key)
    if text is None:
        text = key.split("|", 1)[-1]
    return text.format(**values) if values else text


def page_messages(lang: str) -> dict[str, str]:
    """The page scripts' words in `lang` (English ones are left out: they are the keys)."""
    table = CATALOGUE.get(base(lang), {})
    words = {key: table[key] for key in PAGE_MESSAGES if key in table}
    return {**words, **SITE.get(base(lang), {})}


def offline_messages(lang: str) -> dict[str, str]:
    """The offline line's words in `lang` (none for English: they are the keys)."""
    table = {**CATALOGUE.get(base(lang), {}), **SITE.get(base(lang), {})}
    return {key: table[key] for key in OFFLINE_MESSAGES if key in table}


def site_messages(lang: str) -> dict[str, str]:
    """The site's own words in `lang` (the browser's Python learns them from the page)."""
    return dict(SITE.get(base(lang), {}))
