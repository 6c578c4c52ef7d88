"""Every figure speaks Japanese on a Japanese page.

The oracle is the figure's own English: each word a reader sees (text, aria-labels, button
labels sent as updates) in the English rendering must be gone from the Japanese one, but
for a short list of words that stay as they are in Japanese writing (WHITELIST).
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tarfile
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from nnpress import i18n

from ._render_states import CASES, renderings

PROJECT = Path(__file__).resolve().parents[2]

# Words a Japanese page keeps in Latin letters, as the site's Japanese prose does:
WHITELIST = {
    "MSE", "SGD",  # abbreviations Japanese texts use as they are
    "Python",  # a name
    "P",  # P(female): probability notation
    "softmax",  # the function's name in a formula: softmax(2, 4) = (...)
    "tanh", "ReLU",  # activation functions, named so in Japanese texts too
    "dL", "dw", "db",  # ∂L/∂w₁: notation
    "y_pred", "pred", "true",  # y_pred, y_true: variable names (y<sub>pred</sub>)
    "KeyError",  # Python's own words in a traceback the snippet raised
}
# Single letters (x, w, b, z, p, e, L...) are variable names and never judged.

ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
VOID = {"input", "br", "img", "circle", "line", "rect", "path", "polyline", "image"}


class _Visible(HTMLParser):
    """What a reader sees or hears: text and labelling attributes. The code a snippet
    holds (textarea, highlighted copy) and what it printed (samp) are the author's, but
    for the figure's notes in the output ("(no output)")."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self.stack: list[bool] = []  # per open element: is its text the author's?

    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        skip = self.skipping() or tag in ("textarea", "samp") or "highlight" in classes
        skip = skip and "nn-run-note" not in classes
        if not skip:
            self.texts += [a[k] for k in ATTRIBUTES if a.get(k)]
        if tag not in VOID:
            self.stack.append(skip)

    def handle_startendtag(self, tag, attrs):
        if not self.skipping():
            self.texts += [v for k, v in attrs if k in ATTRIBUTES and v]

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.skipping():
            self.texts.append(data)


def visible(rendering: str) -> list[str]:
    """The words-bearing pieces of a figure's HTML, or of one of its JSON updates."""
    texts, parts = [], [rendering]
    if rendering.startswith("{"):
        update = json.loads(rendering)
        parts = list(update["slots"].values())
        texts = [c["label"] for c in update["controls"].values()
                 if isinstance(c.get("label"), str)]
    for html in parts:
        parser = _Visible()
        parser.feed(html)
        texts += parser.texts
    return texts


def words(renderings: list[str]) -> set[str]:
    text = " ".join(t for r in renderings for t in visible(r))
    return {w for w in re.findall(r"[A-Za-z][A-Za-z_']*", text) if len(w) > 1}


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_english_word_is_left_on_a_japanese_page(name):
    english, japanese = renderings(name, "en"), renderings(name, "ja")
    assert len(english) == len(japanese)
    seen = {w.lower() for w in words(english)}
    assert len(seen) > 5, "the oracle needs the English words to look for"
    left = {w for w in words(japanese) if w.lower() in seen} - WHITELIST
    assert not left, f"{name} still says, in Japanese: {sorted(left)}"
    assert any(re.search("[\u3040-\u30ff\u4e00-\u9fff]", t)
               for r in japanese for t in visible(r))


def test_japanese_numbers_are_the_english_ones():
    """Words change, numbers do not: every number of the English figure, written the same
    way (fixed decimals, true minus), is in the Japanese one ("1 ステップ" may add some).
    A unit is a word: "$1000" is "千ドル"."""
    number = re.compile(r"(?<![$\d.,])[\u2212-]?\d+(?:[.,]\d+)*")
    for name in CASES:
        for en, ja in zip(renderings(name, "en"), renderings(name, "ja"), strict=True):
            shown = set(number.findall(" ".join(visible(ja))))
            assert set(number.findall(" ".join(visible(en)))) <= shown, name


def test_every_key_a_figure_looks_up_has_a_japanese_translation():
    """A literal t("...") in a widget without a Japanese entry would show English."""
    japanese = i18n.CATALOGUE["ja"]
    missing = []
    for path in sorted((PROJECT / "pysrc" / "nnpress" / "widgets").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "t"
                    and node.args):
                continue
            key = node.args[0]
            options = [key.body, key.orelse] if isinstance(key, ast.IfExp) else [key]
            missing += [f"{path.name}:{node.lineno}: {o.value!r}" for o in options
                        if isinstance(o, ast.Constant) and isinstance(o.value, str)
                        and o.value not in japanese]
    assert not missing, "\n".join(missing)


def test_translations_keep_their_placeholders():
    for key, text in i18n.CATALOGUE["ja"].items():
        assert set(re.findall(r"\{(\w+)\}", key)) == set(re.findall(r"\{(\w+)\}", text)), key


@pytest.mark.skipif(not os.environ.get("NNPRESS_EN_BASELINE"),
                    reason="set NNPRESS_EN_BASELINE=<git ref> to compare English with it")
def test_english_is_byte_identical_to_the_baseline(tmp_path):
    """Translating must not change a byte of the English figures: render every widget's
    cases with the baseline's pysrc (`git archive`) and with ours, and compare."""
    ref = os.environ["NNPRESS_EN_BASELINE"]
    archive = subprocess.run(["git", "archive", ref, "pysrc"], cwd=PROJECT, check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(tmp_path, filter="data")
    script = Path(__file__).with_name("_render_states.py")

    def render(pysrc: Path) -> dict:
        env = {**os.environ, "PYTHONPATH": str(pysrc), "PYTHONDONTWRITEBYTECODE": "1"}
        out = subprocess.run([sys.executable, str(script), "en"], env=env, cwd=tmp_path,
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)

    before, now = render(tmp_path / "pysrc"), render(PROJECT / "pysrc")
    assert before.keys() == now.keys()
    for name in before:
        assert before[name] == now[name], name


def said(source: str) -> list[str]:
    """The string literals directly inside each say(...) call of a script (a ternary gives
    two; strings in nested calls are not keys)."""
    keys = []
    for match in re.finditer(r"\bsay\(", source):
        depth, i, quote, literal = 1, match.end(), None, []
        while depth and i < len(source):
            c = source[i]
            if quote:
                if c == "\\":
                    literal.append(source[i:i + 2])
                    i += 1
                elif c == quote:
                    if quote == '"' and depth == 1:
                        keys.append("".join(literal))
                    quote = None
                else:
                    literal.append(c)
            elif c in "\"'`":
                quote, literal = c, []
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            i += 1
    return keys


def test_every_message_the_page_scripts_say_is_handed_to_the_page_in_japanese():
    """binder.js, page.js and the code editor look their words up in the page's JSON block
    (i18n.page_messages): a key missing there is English on a Japanese page."""
    scripts = sorted(p for p in (PROJECT / "client").rglob("*.js") if p.name != "offline.js")
    keys = {k for path in scripts for k in said(path.read_text(encoding="utf-8"))}
    assert {"Stop", "Stopped after {seconds} s.", "Code"} <= keys
    page = i18n.page_messages("ja")
    assert not sorted(k for k in keys if k not in page)


def test_every_word_of_the_offline_line_comes_on_a_japanese_page():
    """offline.js looks its words up on the footer (i18n.offline_messages), on every page."""
    keys = said((PROJECT / "client" / "offline.js").read_text(encoding="utf-8"))
    assert "Available offline." in keys and len(keys) == len(i18n.OFFLINE_MESSAGES)
    assert sorted(keys) == sorted(i18n.offline_messages("ja"))
    assert i18n.offline_messages("en") == {}


def test_a_live_cells_error_is_announced_in_japanese():
    from nnpress.widgets import cell, create

    with i18n.using("ja"):
        widget = create("cell", {"code": "x = 1\n\ny = x / 0"})
        assert widget.announce() == "3 行目でエラー：ZeroDivisionError: division by zero"
        assert "3 行目でエラー" in widget.slots()["result"]
    cell.forget_page()
