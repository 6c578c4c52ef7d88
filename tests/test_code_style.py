"""Code is highlighted the same with the style the converter gives Pygments, which it
never reads, as with Pygments' default: classes, line numbers, marked lines and all."""

from __future__ import annotations

import pytest
from pymdownx.highlight import Highlight

from sitegen.convert import make_markdown
from sitegen.markdown_ext.code_style import UnreadStyle

CODE = [("python", "import numpy as np\n\ndef f(x):\n    return np.exp(-x) @ x  # note\n"),
        ("javascript", "const a = `x${1}`; // c\nclass B extends C {}\n"),
        ("bash", "echo \"$HOME\" | grep -v x > out.txt\n"), ("text", "plain <text> & more\n"),
        ("nosuchlanguage", "x = 1\n"), ("", "no language\n")]
SETTINGS = [{}, {"linenums": True}, {"linenums": True, "linenums_style": "inline"},
            {"linenums": True, "linenums_style": "pymdownx-inline", "linenums_special": 2}]


@pytest.mark.parametrize("settings", SETTINGS)
@pytest.mark.parametrize(("language", "code"), CODE)
def test_code_is_highlighted_the_same(language, code, settings):
    md = make_markdown()
    made = [Highlight(md, pygments_style=style, **settings).highlight(
        code, language, hl_lines=[1], linestart=1 if settings else -1, title="t")
        for style in (UnreadStyle, "default")]
    assert made[0] == made[1]
