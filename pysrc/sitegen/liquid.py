"""The Liquid in imported Jekyll posts, rendered into plain Markdown before conversion.

`render_liquid` renders raw, highlight, post_url, link and comment, and `{{ page.X }}` /
`{{ site.X }}` with four filters; it drops kramdown's `{:...}` / `{::...}` attribute and
option lines. An imported post never shows template syntax to a reader: what we cannot
render is a build error that names the tag and the line, never a silent pass-through.

Two passes. The first is ours and knows Markdown: fenced code, code spans and the body of
`{% highlight %}` are what the author shows, so it sets them aside (behind placeholders
that keep their line count) where no template engine sees them; it also drops kramdown's
lines and turns the excerpt separator into ours. The second is python-liquid, the
maintained Liquid engine, in an environment that holds Jekyll's tags and filters and
nothing else (`liquid_tags`). A post with no `{{` or `{%` outside code never reaches it,
and a site with none never imports it.
"""

from __future__ import annotations

import re

from .errors import SourceError
from .markdown_ext import fences
from .urls import MORE

SPECIAL = re.compile(r"\\.|`+|\{\{|\{%|\n", re.S)  # what the inline scanner stops at
BLANK_LINE = re.compile(r"\n[ \t]*\n")
RAW_MARK = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")
IAL = re.compile(r"""\{:(?:[^{}\n"']|"[^"\n]*"|'[^'\n]*')*\}""")  # {: .c}, {:toc}, {::x /}
TOC_ITEM = re.compile(r"[ \t]*(?:[*+-]|\d+\.)[ \t]+[^\n]*(?=\n[ \t]*\{:[ \t]*toc[ \t]*\}[ \t]*$)",
                      re.M)
KD_COMMENT = re.compile(r"[ \t]*\{::comment\}")
KD_COMMENT_END = re.compile(r"\{:/(?:comment)?\}")
MARKDOWN_0 = re.compile(r"""(<[A-Za-z][\w:-]*\b[^<>]*?)\s+markdown\s*=\s*(["']?)0\2(?=[\s/>])""")
# Tags whose insides the engine must not read as we would: copied whole, or set aside
BLOCK_TAG = re.compile(r"\{%-?\s*(raw|comment|highlight)\b[^%]*?%\}")
LIQUID = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})", re.S)  # a tag or output, for hold_prose
# What either pass acts on: Liquid, kramdown's {: ...} and {::...}, markdown="0".
LIQUID_OR_KRAMDOWN = re.compile(r"\{[{%:]|markdown")
HOLE = re.compile("\ue000(\\d+)\n*\ue001")  # a placeholder: its number, then its newlines


def render_liquid(body: str, first_line: int, page: dict, site: dict | None = None) -> str:
    """The Liquid of a post -> plain Markdown; `first_line` is the body's line in the file.

    `page` holds the post's front matter (`{{ page.X }}`), `site` the site settings
    (`{{ site.X }}`); `site.baseurl` and `site.url` are always "" so that links
    come out root-absolute. Raises `SourceError(line, message)`.
    """
    page, site = page or {}, site or {}
    separator = page.get("excerpt_separator", site.get("excerpt_separator"))
    more = separator.strip() if isinstance(separator, str) else ""
    more = more if more != MORE and more in body else ""
    if not LIQUID_OR_KRAMDOWN.search(body) and not more:
        return body  # nothing for either pass to do (maths' braces alone are not Liquid)
    scanner = _Scanner(body, first_line, more)
    text = scanner.run()
    if "{{" in text or "{%" in text:
        from . import liquid_tags  # python-liquid: only for posts that use Liquid

        site = {**site, "baseurl": "", "url": ""}
        text = liquid_tags.render(scanner.hold_prose(text), first_line, page, site,
                                  scanner.restore)
    return scanner.restore(text)


class _Scanner:
    """The Markdown pass: one left-to-right scan. Code is set aside with its raw markers
    removed, kramdown lines dropped, Liquid copied for the engine."""

    def __init__(self, src: str, first_line: int, more: str):
        self.src, self.first_line, self.more = src, first_line, more
        self.out: list[str] = []
        self.held: list[str] = []  # the text behind each placeholder
        self.pos = 0

    def __repr__(self) -> str:
        return f"_Scanner(line={self.line(self.pos)}, pos={self.pos}/{len(self.src)})"

    def line(self, pos: int) -> int:
        return self.first_line + self.src.count("\n", 0, pos)

    def run(self) -> str:
        while self.pos < len(self.src):
            at_line_start = self.pos == 0 or self.src[self.pos - 1] == "\n"
            if not (at_line_start and self.line_start()):
                self.inline()
        return "".join(self.out)

    def hold(self, text: str, always: bool = False) -> str:
        """A placeholder for `text` that no Liquid reads, with as many lines as `text`."""
        if "{" not in text and not always:
            return text
        self.held.append(text)
        return f"\ue000{len(self.held) - 1}" + "\n" * text.count("\n") + "\ue001"

    def hold_prose(self, text: str) -> str:
        """The text between Liquid tags set aside too, less the whitespace at its ends (which
        `{%-` / `-%}` may remove): python-liquid's lexer then has little to walk through."""
        parts = LIQUID.split(text)
        for i in range(0, len(parts), 2):
            core = parts[i].strip()
            if len(core) > 20 and "{{" not in core and "{%" not in core:  # else: for the engine
                lead = parts[i][: len(parts[i]) - len(parts[i].lstrip())]
                held = self.hold(self.restore(core), always=True)  # one level deep
                parts[i] = lead + held + parts[i][len(lead) + len(core) :]
        return "".join(parts)

    def restore(self, text: str) -> str:
        return HOLE.sub(lambda m: self.held[int(m[1])], text) if self.held else text

    # -- whole lines: code fences, excerpt separator, kramdown ---------------------------

    def line_start(self) -> bool:
        src, pos = self.src, self.pos
        end = src.find("\n", pos)
        end = len(src) if end < 0 else end
        if (m := fences.TEXT_OPEN.match(src, pos)) and not (m[1][0] == "`" and "`" in m[2]):
            # unclosed: superfences shows it as text
            if c := fences.text_close(m[1]).search(src, end + 1):
                self.out.append(self.hold(RAW_MARK.sub("", src[pos : c.end()])))
                self.pos = c.end()
                return True
        if self.more and src[pos:end].strip() == self.more:
            self.out.append(MORE)
            self.more, self.pos = "", end
            return True
        if KD_COMMENT.match(src, pos):
            if not (c := KD_COMMENT_END.search(src, pos)):
                raise SourceError(self.line(pos),
                                  "kramdown {::comment} is never closed: add {:/comment}")
            self.out.append("\n" * src.count("\n", pos, c.start()))
            self.pos = c.end()
            return True
        if m := TOC_ITEM.match(src, pos):  # `* TOC` above `{:toc}`: both lines go
            self.pos = m.end()
            return True
        return False

    # -- within a line: escapes, code spans, Liquid ----------------------------------------

    def inline(self) -> None:
        m = SPECIAL.search(self.src, self.pos)
        end = m.start() if m else len(self.src)
        self.out.append(MARKDOWN_0.sub(r"\1", IAL.sub("", self.src[self.pos : end])))
        self.pos = end
        if not m:
            return
        token = m[0]
        if token == "{%" and (tag := BLOCK_TAG.match(self.src, end)):
            self.block_tag(tag)
        elif token in ("{{", "{%"):  # the whole tag, as written, for the engine
            close = self.src.find("}}" if token == "{{" else "%}", end + 2)
            self.pos = close + 2 if close >= 0 else m.end()
            self.out.append(self.src[end : self.pos])
        elif token[0] == "`":
            self.code_span(m)
        else:  # a newline or a backslash escape: copied as it is (`\{` kept from the engine)
            self.out.append(self.hold(token) if token == "\\{" else token)
            self.pos = m.end()

    def code_span(self, m: re.Match) -> None:
        blank = BLANK_LINE.search(self.src, m.end())
        limit = blank.start() if blank else len(self.src)
        close = re.compile(rf"(?<!`){m[0]}(?!`)").search(self.src, m.end(), limit)
        end = close.end() if close else m.end()
        self.out.append(self.hold(RAW_MARK.sub("", self.src[m.start() : end])))
        self.pos = end

    def block_tag(self, tag: re.Match) -> None:
        """raw and comment go to the engine whole; highlight's body is set aside. Never
        closed: only the tag goes, and the engine says so."""
        name = tag[1]
        close = re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}").search(self.src, tag.end())
        if not close:
            self.out.append(tag[0])
        elif name == "highlight":
            body = RAW_MARK.sub("", self.src[tag.end() : close.start()])
            # always held: the tag reads its body from here
            self.out += [tag[0], self.hold(body, always=True), close[0]]
        else:
            self.out.append(self.src[tag.start() : close.end()])
        self.pos = close.end() if close else tag.end()
