"""The hints for a page's optional syntax (convert.OPTIONAL_SYNTAX) find what the regular
expressions they stand for found: magiclink's, tried at each "@" instead of everywhere."""

from __future__ import annotations

import re

import pytest

from sitegen.convert import OPTIONAL_SYNTAX

MAGICLINK = re.compile(r"://|www\.|[-+a-z\d_]@[-a-z\d_]", re.I)  # the expression it was
MAGICLINK_EDGES = ["An @ alone, x @ w.", "me@example.org", "@a", "a@", "x@y", "+@-", "-@+",
                   "a @b c@ d", "WwW.example", "w.ww.", "ftp://x", ":/ /", "\uff2b@x", "\u017f@x",
                   "\u212a@x", "a@@b", "@@", "", "x\n@\ny", "\u0130www.x"]
OTHERS = {"tilde": "~", "widgets": "widget", "runnable": "run", "live": r"live|\{=",
          "math": r"\$"}
TEXTS = ["~~x~~", "a widget", "python run", "alive", "{=x}", "{ =x}", "$x$", "plain words"]


@pytest.mark.parametrize("text", MAGICLINK_EDGES)
def test_the_magiclink_hint_is_its_regular_expression(text):
    assert OPTIONAL_SYNTAX["magiclink"].search(text) == bool(MAGICLINK.search(text))


@pytest.mark.parametrize("text", TEXTS)
def test_the_other_hints_are_their_regular_expressions(text):
    for name, expression in OTHERS.items():
        assert OPTIONAL_SYNTAX[name].search(text) == bool(re.search(expression, text)), name
