"""Inline `style="..."` attributes become classes, for a strict Content-Security-Policy.

Pages carry `style-src 'self'`, which makes browsers ignore every style
attribute, and KaTeX's HTML places each glyph with them (heights, offsets,
kerns). So the build moves each distinct style into a class named by its
hash, and writes the rules into one stylesheet (`static/inline-styles.css`):

    <span class="strut" style="height:0.6444em;">  ->  <span class="strut ks-1a2b3c4d">
    .ks-1a2b3c4d{height:0.6444em!important}

`!important` gives the rule the precedence the attribute had over the
library's own rules.
"""

from __future__ import annotations

import hashlib
import re

STYLED_TAG = re.compile(r"<[a-zA-Z][^<>]*?\sstyle=\"([^\"]*)\"[^<>]*>")
CLASS_ATTRIBUTE = re.compile(r"\sclass=\"([^\"]*)\"")
STYLESHEET = "static/inline-styles.css"


def class_name(style: str) -> str:
    return "ks-" + hashlib.sha256(style.encode()).hexdigest()[:10]


def styles_to_classes(html: str, styles: dict[str, str]) -> str:
    """`html` with each style attribute replaced by a class; `styles` gains the rules."""

    def restyle(match: re.Match[str]) -> str:
        tag, style = match.group(0), match.group(1)
        found = _restyled.get((tag, style))
        if found is None:
            if len(_restyled) >= 65536:  # a long `serve` session: start again
                _restyled.clear()
            found = _restyled[tag, style] = restyled(tag, style)
        if found[1]:
            styles[found[1]] = style
        return found[0]

    return STYLED_TAG.sub(restyle, html)


# KaTeX writes the same few dozen styled tags on every page with maths: each is made
# over once per process.
_restyled: dict[tuple[str, str], tuple[str, str]] = {}


def restyled(tag: str, style: str) -> tuple[str, str]:
    """(the start `tag` with its attribute style="`style`" made a class, the class's
    name or "" for a style that is blank)."""
    tag = tag.replace(f' style="{style}"', "", 1)
    if not style.strip():
        return tag, ""
    name = class_name(style)
    if found := CLASS_ATTRIBUTE.search(tag):
        classes = f"{found.group(1)} {name}".strip()
        return tag[: found.start()] + f' class="{classes}"' + tag[found.end():], name
    end = -2 if tag.endswith("/>") else -1
    return tag[:end] + f' class="{name}"' + tag[end:], name


def stylesheet(styles: dict[str, str]) -> str:
    """The rules for every class made from a style attribute, sorted (stable bytes)."""
    rules = []
    for name, style in sorted(styles.items()):
        declarations = [d.strip() for d in style.split(";") if d.strip()]
        body = ";".join(f"{d}!important" for d in declarations)
        rules.append(f".{name}{{{body}}}")
    return "\n".join(rules) + "\n"
