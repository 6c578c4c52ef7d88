"""content/site.yml: the site's title, language and address, and build limits.

    title: Neural networks, interactively
    lang: en
    snippet_timeout: 20
    messages:            # words in figures and pages, added to nnpress.i18n's
      fr: {Tags: Étiquettes}

Every key is optional; an unknown key or a value of the wrong kind stops the
build at its line, as a widget parameter would.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nnpress.params import brief

from .content_folder import SITE_SETTINGS, read_source
from .errors import BuildError, SourceError
from .snippet_runner import DEFAULT_TIMEOUT, MAX_TIMEOUT
from .yaml_input import load_yaml, top_key_lines


@dataclass
class SiteSettings:
    title: str = "nnpress"  # every page's <title> and header
    description: str = ""  # the index page's and the feed's description
    lang: str = "en"  # the language of the index and listings
    url: str = ""  # where the site is published ("https://me.github.io"), for the feed
    snippet_timeout: float = DEFAULT_TIMEOUT  # seconds a ```python run block may run at build
    # the site's own words for figures and pages, per language: {ja: {"Tags": "タグ"}}
    # (keys are the English text; see nnpress/i18n.py)
    messages: dict = dataclasses.field(default_factory=dict)


def _setting(key: str, value: Any, line: int | None) -> Any:
    if key == "messages":
        if not isinstance(value, dict) or not all(
                isinstance(lang, str) and isinstance(table, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in table.items())
                for lang, table in value.items()):
            raise SourceError(line, "messages must map a language to 'English text: its "
                                    "translation' lines, e.g. ja: {Tags: タグ}")
        return value
    if key == "snippet_timeout":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
                0 < value <= MAX_TIMEOUT):
            raise SourceError(line, f"snippet_timeout must be seconds, more than 0 and at most "
                                    f"{MAX_TIMEOUT:g}; got {brief(value)}")
        return float(value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise SourceError(line, f"{key} must be text, got {brief(value)}")
    return str(value)


def load_site_settings(content_dir: Path) -> SiteSettings:
    """content/site.yml if there is one, else the defaults."""
    path = content_dir / SITE_SETTINGS
    if not path.exists():
        return SiteSettings()
    text = read_source(path)
    known = [f.name for f in dataclasses.fields(SiteSettings)]
    try:
        data = load_yaml(text, 1, "site settings") or {}
        if not isinstance(data, dict):
            raise SourceError(1, "site.yml must be a mapping of 'key: value' lines")
        lines = top_key_lines(text, 1)
        values = {}
        for key, value in data.items():
            if key not in known:
                raise SourceError(lines.get(str(key), 1), f"unknown setting {brief(key)} "
                                                          f"(known: {', '.join(known)})")
            if value is not None:
                values[key] = _setting(key, value, lines.get(key))
    except SourceError as exc:
        raise BuildError(path, exc.line, exc.message) from None
    return SiteSettings(**values)
