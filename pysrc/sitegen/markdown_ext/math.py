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

import atexit
import json
import logging
import os
import re
import shutil
import subprocess
import threading
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
from ..math_assets import katex_dir
from ..runtime import VendorError

log = logging.getLogger("nnpress.math")

FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})")
ESCAPE_OR_CLOSE = re.compile(r"\\[\s\S]|\$\$")  # the first bare `$$` closes a block
INLINE_MATH = (
    r"(?<!\\)(?P<escapes>(?:\\{2})+)(?=\$)"  # `\\` before a `$`: a backslash, then maths
    r"|(?<!\\)\$\$(?P<display>(?:\\.|[^\\$\x02\x03]|\$(?!\$))+?)\$\$"
    r"|(?<!\\)\$(?![\s$])(?P<inline>(?:\\.|[^\\$\x02\x03])+?)(?<!\s)\$(?!\d)"
)
ESCAPED_BACKSLASH = util.STX + str(ord("\\")) + util.ETX  # what Markdown makes of `\\`

# One request per line, [[tex, display], ...]; one answer per line, in the same order.
KATEX_SERVER = r"""
const katex = require(process.argv[1]);
const lines = require("readline").createInterface({input: process.stdin, crlfDelay: Infinity});
lines.on("line", (line) => {
  const answers = JSON.parse(line).map(([tex, display]) => {
    const warnings = [];
    const strict = (code, message) => { warnings.push(message); return "ignore"; };
    try {
      const options = {displayMode: display, throwOnError: true, output: "htmlAndMathml", strict};
      return {html: katex.renderToString(tex, options), warnings};
    } catch (e) {
      const parse = e instanceof katex.ParseError;
      return {error: parse ? e.rawMessage : String(e), position: parse ? e.position : null};
    }
  });
  process.stdout.write(JSON.stringify(answers) + "\n");
});
"""


class TypesetError(Exception):
    """KaTeX could not be run at all (no Node, no katex, a crash)."""


class KatexProcess:
    """A `node` running KaTeX for the whole build (or test session); each page is one batch."""

    def __init__(self, node: str, katex: Path):
        exe = shutil.which(node)
        if exe is None:
            raise TypesetError(f"'{node}' not found: maths is typeset at build time by Node.js")
        self.proc = subprocess.Popen(
            [exe, "-e", KATEX_SERVER, str(katex)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.lock = threading.Lock()

    def render(self, batch: list[tuple[str, bool]]) -> list[dict]:
        """Answers in order: {"html", "warnings"} or {"error", "position"}."""
        assert self.proc.stdin and self.proc.stdout and self.proc.stderr
        with self.lock:
            try:
                self.proc.stdin.write(json.dumps(batch) + "\n")
                self.proc.stdin.flush()
                answer = self.proc.stdout.readline()
            except OSError:  # a broken pipe: the process is gone
                answer = ""
            if not answer:
                self.proc.kill()
                raise TypesetError(f"KaTeX under Node stopped: {self.proc.stderr.read()[-800:]}")
        return json.loads(answer)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()  # type: ignore[union-attr]
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


_processes: dict[tuple[str, Path], KatexProcess] = {}
os.register_at_fork(after_in_child=_processes.clear)  # a forked worker starts its own


def katex_process(node: str, node_modules: Path) -> KatexProcess:
    """The shared Node process for (node, node_modules); started on first use."""
    key = (node, Path(node_modules).resolve())
    proc = _processes.get(key)
    if proc is None or proc.proc.poll() is not None:
        proc = _processes[key] = KatexProcess(node, katex_dir(node_modules))
    return proc


@atexit.register
def close_katex_processes() -> None:
    while _processes:
        _processes.popitem()[1].close()


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
        first = getattr(self.md, "nnpress_first_line", 1)
        self.ext.source = "\n".join(lines)
        out: list[str] = []
        i = 0
        while i < len(lines):
            if fence := FENCE.match(lines[i]):  # code: copy untouched
                close = find_fence_close(lines, i, fence["fence"])
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


def find_fence_close(lines: list[str], start: int, fence: str) -> int:
    for j in range(start + 1, len(lines)):
        stripped = lines[j].strip()
        if stripped.startswith(fence[0] * len(fence)) and set(stripped) == {fence[0]}:
            return j
    return len(lines)


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
    """Registers the three steps; ``md.nnpress_math`` lists the page's expressions."""

    def __init__(self, **kwargs):
        self.config = {
            "node": ["node", "the Node.js executable that runs KaTeX"],
            "node_modules": [str(project_files.node_modules()), "where `npm ci` installed katex"],
        }
        super().__init__(**kwargs)
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
        self.md.nnpress_math = self.expressions  # type: ignore[attr-defined]

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
        return getattr(self.md, "nnpress_first_line", 1) + self.source.count("\n", 0, at)

    def typeset(self) -> None:
        if not self.expressions:
            return
        first = self.expressions[0]
        try:
            process = katex_process(self.getConfig("node"), Path(self.getConfig("node_modules")))
            answers = process.render([(e.tex, e.display) for e in self.expressions])
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
