r"""$...$ and $$...$$: maths typeset when the site is built.

    The logistic function $\sigma(x) = \frac{1}{1 + e^{-x}}$ squashes any score.

    $$
    \frac{\partial L}{\partial w_1} = \frac{\partial L}{\partial y_{pred}}
        \cdot \frac{\partial y_{pred}}{\partial w_1}
    $$

KaTeX (npm; one long-lived Node process per build process) turns the TeX into HTML laid out
by KaTeX's stylesheet and fonts (``sitegen/math_assets.py`` vendors them), plus MathML for
screen readers: the reader's browser runs no maths script and needs no network. A TeX
mistake stops the build at its file line.

The dollar rules are pandoc's: an opening ``$`` is not followed by a space, a closing ``$``
is not preceded by one nor followed by a digit, so "$5 and $10" stays prose; ``\$`` is a
literal dollar. Code spans and fenced code are never looked at.

1. A preprocessor takes each ``$$`` block that stands as its own paragraph, with its exact
   file line, before Markdown's block parser can mistake a line of TeX for Markdown.
2. An inline pattern takes ``$...$``, and ``$$...$$`` inside a paragraph, list or table.
3. Once the page is parsed, a treeprocessor sends all its expressions to KaTeX in one
   request and puts the HTML where the placeholders are.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .. import project_files
from ..errors import SourceError
from ..vendored import VendorError
from . import fences, katex_answers
from .katex import TypesetError
from .page_context import PageContext

log = logging.getLogger("nnpress.math")

ESCAPE_OR_CLOSE = re.compile(r"\\[\s\S]|\$\$")  # the first bare `$$` closes a block
INLINE_MATH = (
    r"(?<!\\)(?P<escapes>(?:\\{2})+)(?=\$)"  # `\\` before a `$`: a backslash, then maths
    r"|(?<!\\)\$\$(?P<display>(?:\\.|[^\\$\x02\x03]|\$(?!\$))+?)\$\$"
    r"|(?<!\\)\$(?![\s$])(?P<inline>(?:\\.|[^\\$\x02\x03])+?)(?<!\s)\$(?!\d)"
)
ESCAPED_BACKSLASH = util.STX + str(ord("\\")) + util.ETX  # what Markdown makes of `\\`

@dataclass
class Expression:
    tex: str
    display: bool
    line: int | None  # the file line the TeX starts on (None: not found)
    slot: int  # its placeholder's index in md.htmlStash
    block: bool  # a paragraph of its own (a <div>), not inside text (a <span>)

    def quoted(self, limit: int = 60) -> str:
        text, dollars = " ".join(self.tex.split()), "$$" if self.display else "$"
        return dollars + (text if len(text) <= limit else text[: limit - 3] + "...") + dollars


class DisplayMathPreprocessor(Preprocessor):
    """``$$`` blocks between blank lines; also keeps the source for finding inline lines."""

    def __init__(self, md: Markdown, ext: MathExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        first = self.ext.page.first_line
        self.ext.source = "\n".join(lines)
        out: list[str] = []
        i = 0
        while i < len(lines):
            if fence := fences.OPEN.match(lines[i]):  # code: copy untouched
                close = fences.find_close(lines, i, fence["fence"])
                out.extend(lines[i : close + 1])
                i = close + 1
            elif (end := display_block_end(lines, i)) is not None:
                tex = "\n".join(lines[i : end + 1]).rstrip()[2:-2]
                out.append(self.ext.add(tex, display=True, line=first + i, block=True))
                out.extend([""] * (end - i))  # keep the line count: later errors stay exact
                i = end + 1
            else:
                out.append(lines[i])
                i += 1
        return out


def display_block_end(lines: list[str], i: int) -> int | None:
    """The closing line of a ``$$`` block opening at line ``i``, if it is one.

    It must start at column 0 after a blank line and end with ``$$`` before a blank line;
    anything else (maths inside a sentence or a list) is left to the inline pattern.
    """
    if not lines[i].startswith("$$") or (i > 0 and lines[i - 1].strip()):
        return None
    j, start = i, 2
    while j < len(lines) and (j == i or lines[j].strip()):
        for m in ESCAPE_OR_CLOSE.finditer(lines[j], start):
            if m.group() == "$$":
                alone = not lines[j][m.end() :].strip()
                next_blank = j + 1 == len(lines) or not lines[j + 1].strip()
                return j if alone and next_blank else None
        j, start = j + 1, 0
    return None


class InlineMathProcessor(InlineProcessor):
    """``$...$`` and ``$$...$$`` in running text (after code spans, before escapes)."""

    def __init__(self, ext: MathExtension):
        super().__init__(INLINE_MATH)
        self.ext = ext

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str | Element, int, int]:
        if m["escapes"]:
            return m["escapes"].replace("\\\\", ESCAPED_BACKSLASH), m.start(0), m.end(0)
        display = m["display"] is not None
        tex = m["display"] if display else m["inline"]
        placeholder = self.ext.add(tex, display, self.ext.line_of(m.group(0)), block=False)
        return placeholder, m.start(0), m.end(0)


class MathTreeprocessor(Treeprocessor):
    """Typeset the page's expressions in one batch, once parsing has found them all."""

    def __init__(self, md: Markdown, ext: MathExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: Element) -> None:
        self.ext.typeset()


class MathExtension(Extension):
    """Registers the three steps; ``expressions`` lists the page's maths."""

    def __init__(self, page: PageContext | None = None, **kwargs):
        self.config = {
            "node": ["node", "the Node.js executable that runs KaTeX"],
            "node_modules": [str(project_files.node_modules()), "where `npm ci` installed katex"],
        }
        super().__init__(**kwargs)
        self.page = page or PageContext()
        self.expressions: list[Expression] = []
        self.source = ""

    def extendMarkdown(self, md: Markdown) -> None:
        self.md = md
        md.registerExtension(self)
        if "$" not in md.ESCAPED_CHARS:
            md.ESCAPED_CHARS.append("$")  # `\$` is a literal dollar
        # After whitespace normalising (30), before the widget fence (28) shifts lines.
        md.preprocessors.register(DisplayMathPreprocessor(md, self), "math_display", 29)
        # Below code spans (190) so `$` in code stays code; above escapes (180).
        md.inlinePatterns.register(InlineMathProcessor(self), "math_inline", 185)
        # After the inline patterns (20) found every expression, and after toc (5) so a
        # heading's id is made from its words, not from the MathML of its maths.
        md.treeprocessors.register(MathTreeprocessor(md, self), "math_typeset", 4)
        self.reset()

    def reset(self) -> None:
        self.expressions = []
        self.source = ""

    def add(self, tex: str, display: bool, line: int | None, block: bool) -> str:
        """Reserve a placeholder for ``tex``; `typeset` fills it in."""
        placeholder = self.md.htmlStash.store("")
        slot = len(self.md.htmlStash.rawHtmlBlocks) - 1
        self.expressions.append(Expression(tex, display, line, slot, block))
        return placeholder

    def line_of(self, text: str) -> int | None:
        """The file line where ``text`` (an inline match) first occurs in the page."""
        at = self.source.find(text.split("\n", 1)[0])
        if at < 0:
            return None
        return self.page.first_line + self.source.count("\n", 0, at)

    def typeset(self) -> None:
        if not self.expressions:
            return
        first = self.expressions[0]
        try:
            answers = katex_answers.typeset(self.getConfig("node"),
                                            Path(self.getConfig("node_modules")),
                                            [(e.tex, e.display) for e in self.expressions])
        except (TypesetError, VendorError, OSError) as exc:
            raise SourceError(first.line, f"cannot typeset {first.quoted()}: {exc}") from None
        failed = [(e, a) for e, a in zip(self.expressions, answers, strict=True) if "error" in a]
        if failed:
            expr, answer = min(failed, key=lambda f: (f[0].line is None, f[0].line or 0))
            raise SourceError(error_line(expr, answer.get("position")),
                              f"bad maths {expr.quoted()}: {answer['error']}")
        for expr, answer in zip(self.expressions, answers, strict=True):
            for warning in answer["warnings"]:
                log.warning("line %s: %s: %s", expr.line, expr.quoted(), warning)
            html = answer["html"]
            if expr.display:
                tag = "div" if expr.block else "span"
                html = f'<{tag} class="math-display">{html}</{tag}>'
            self.md.htmlStash.rawHtmlBlocks[expr.slot] = html


def error_line(expr: Expression, position: int | None) -> int | None:
    """The file line of KaTeX's error position inside ``expr``."""
    if expr.line is None:
        return None
    return expr.line + (expr.tex[:position].count("\n") if position else 0)
