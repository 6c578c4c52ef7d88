"""Wide tables and display maths scroll inside themselves on a narrow screen, never
the page. A region that scrolls must be reachable from the keyboard, so each is a
focusable, labelled region: `<div class="nn-scroll-region" tabindex="0"
role="region" aria-label="Table">`. Code blocks scroll too: their `<pre>` is such
a region. Labels follow the page's language.

A figure's network diagram (its slot named "net") is drawn wider than a phone: on a
narrow screen the CSS keeps it wide enough for 12 px text and the slot scrolls, so the
slot is made focusable and labelled too (a group, as the figures' own scroll areas are).
The page swaps a slot's contents, never the slot itself, so these stay and so does the
reader's scroll position."""

from __future__ import annotations

import re

from nnpress.i18n import t

TABLE = re.compile(r"<table>.*?</table>", re.S)  # Markdown's tables (figures' have classes)
MATH = '<div class="math-display">'
DIAGRAM = '<div class="nn-slot nn-net" data-slot="net">'
CODE = re.compile(r'(<div class="highlight[^"]*">)<pre>')  # Pygments' code, also in figures


def scroll_regions(html: str, lang: str = "en") -> str:
    """Each region is numbered ("Table 2", "Equation 5"): landmarks need distinct names."""
    count = {"table": 0, "math": 0, "code": 0}

    def table(match: re.Match) -> str:
        count["table"] += 1
        label = t("Table {n}", lang, n=count["table"])
        return (f'<div class="nn-scroll-region" tabindex="0" role="region" '
                f'aria-label="{label}">{match.group(0)}</div>')

    def math(_: re.Match) -> str:
        count["math"] += 1
        label = t("Equation {n}", lang, n=count["math"])
        return f'<div class="math-display" tabindex="0" role="region" aria-label="{label}">'

    def code(match: re.Match) -> str:
        count["code"] += 1
        label = t("Code {n}", lang, n=count["code"])
        return f'{match.group(1)}<pre tabindex="0" role="region" aria-label="{label}">'

    html = TABLE.sub(table, html)
    html = CODE.sub(code, html)
    html = re.sub(re.escape(MATH), math, html)
    label = t("Network diagram", lang)
    return html.replace(DIAGRAM, f'{DIAGRAM[:-1]} tabindex="0" role="group" aria-label="{label}">')
