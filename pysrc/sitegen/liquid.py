"""The Liquid in imported Jekyll posts, rendered into plain Markdown before conversion.

`render_liquid` renders raw, highlight, post_url, link and comment, and `{{ page.X }}` /
`{{ site.X }}` with four filters; it drops kramdown's `{:...}` / `{::...}` attribute and
option lines. An imported post never shows template syntax to a reader: what we cannot
render is a build error that names the tag and the line, never a silent pass-through.

Why a small scanner and not a Liquid library (python-liquid is on PyPI and well
kept): the Liquid we run is tiny (raw, highlight, post_url, link, comment and
`{{ page.X }}` / `{{ site.X }}` with four filters) and everything else must be
an error, so a library's own tags (include, if, for, assign...) would all have
to be removed and Jekyll's tags written as extensions anyway. Liquid inside
fenced code and code spans must stay as the author showed it, which needs a
Markdown-aware pass before any template engine sees the text, and
`{% highlight %}` must keep its body verbatim where an engine would render it.
What a library would add is the `{{ }}`/`{% %}` tokenizer: a few regexes here,
and one dependency fewer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from nnpress.params import brief

from .errors import SourceError
from .markdown_ext import fences
from .urls import MORE, post_url, slugify

SUPPORTED = "raw, highlight, post_url, link, comment"
FILTERS = "relative_url, absolute_url, prepend, append"

POST_NAME = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-(.+?)(?:\.(?:md|markdown))?$")
SPECIAL = re.compile(r"\\.|`+|\{\{|\{%|\n", re.S)  # what the inline scanner stops at
BLANK_LINE = re.compile(r"\n[ \t]*\n")
RAW_MARK = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")
IAL = re.compile(r"""\{:(?:[^{}\n"']|"[^"\n]*"|'[^'\n]*')*\}""")  # {: .c}, {:toc}, {::x /}
TOC_ITEM = re.compile(r"[ \t]*(?:[*+-]|\d+\.)[ \t]+[^\n]*(?=\n[ \t]*\{:[ \t]*toc[ \t]*\}[ \t]*$)",
                      re.M)
KD_COMMENT = re.compile(r"[ \t]*\{::comment\}")
KD_COMMENT_END = re.compile(r"\{:/(?:comment)?\}")
MARKDOWN_0 = re.compile(r"""(<[A-Za-z][\w:-]*\b[^<>]*?)\s+markdown\s*=\s*(["']?)0\2(?=[\s/>])""")
PATH = re.compile(r"[A-Za-z_][\w-]*(?:\.[\w-]+)*$")
LANG = re.compile(r"[\w+#.-]*$")

LOGIC = "nnpress does not run Liquid logic; keep the text the reader should see, delete the tags"
HINTS = {
    "include": "nnpress never runs Jekyll includes; paste what it included in its place",
    "include_relative": "nnpress never runs Jekyll includes; paste what it included in its place",
    **dict.fromkeys(
        "if unless elsif else endif endunless case when endcase for endfor break continue "
        "assign capture endcapture cycle increment decrement tablerow endtablerow".split(), LOGIC),
    "gist": "link to the gist, or paste its code in a fenced code block",
}


def render_liquid(body: str, first_line: int, page: dict, site: dict | None = None) -> str:
    """The Liquid of a post -> plain Markdown; `first_line` is the body's line in the file.

    `page` holds the post's front matter (`{{ page.X }}`), `site` the site settings
    (`{{ site.X }}`); `site.baseurl` and `site.url` are always "" so that links
    come out root-absolute. Raises `SourceError(line, message)`.
    """
    return _Scanner(body, first_line, page or {}, site or {}).run()


class _Scanner:
    """One left-to-right pass: code is copied, Liquid rendered, kramdown lines dropped."""

    def __init__(self, src: str, first_line: int, page: Mapping, site: Mapping):
        self.src, self.first_line, self.page, self.site = src, first_line, page, site
        separator = page.get("excerpt_separator", site.get("excerpt_separator"))
        self.more = separator.strip() if isinstance(separator, str) else ""
        self.out: list[str] = []
        self.pos = 0

    def __repr__(self) -> str:
        return f"_Scanner(line={self.line(self.pos)}, pos={self.pos}/{len(self.src)})"

    def line(self, pos: int) -> int:
        return self.first_line + self.src.count("\n", 0, pos)

    def fail(self, pos: int, message: str) -> SourceError:
        return SourceError(self.line(pos), message)

    def run(self) -> str:
        while self.pos < len(self.src):
            at_line_start = self.pos == 0 or self.src[self.pos - 1] == "\n"
            if not (at_line_start and self.line_start()):
                self.inline()
        return "".join(self.out)

    # -- whole lines: code fences, excerpt separator, kramdown ---------------------------

    def line_start(self) -> bool:
        src, pos = self.src, self.pos
        end = src.find("\n", pos)
        end = len(src) if end < 0 else end
        if (m := fences.TEXT_OPEN.match(src, pos)) and not (m[1][0] == "`" and "`" in m[2]):
            # unclosed: superfences shows it as text
            if c := fences.text_close(m[1]).search(src, end + 1):
                self.out.append(RAW_MARK.sub("", src[pos : c.end()]))
                self.pos = c.end()
                return True
        if self.more and self.more != MORE and src[pos:end].strip() == self.more:
            self.out.append(MORE)
            self.more, self.pos = "", end
            return True
        if KD_COMMENT.match(src, pos):
            if not (c := KD_COMMENT_END.search(src, pos)):
                raise self.fail(pos, "kramdown {::comment} is never closed: add {:/comment}")
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
        if token == "{{":
            self.variable(end)
        elif token == "{%":
            self.tag(end)
        elif token[0] == "`":
            self.code_span(m)
        else:  # a newline or a backslash escape: copied as it is
            self.out.append(token)
            self.pos = m.end()

    def code_span(self, m: re.Match) -> None:
        blank = BLANK_LINE.search(self.src, m.end())
        limit = blank.start() if blank else len(self.src)
        close = re.compile(rf"(?<!`){m[0]}(?!`)").search(self.src, m.end(), limit)
        end = close.end() if close else m.end()
        self.out.append(RAW_MARK.sub("", self.src[m.start() : end]))
        self.pos = end

    def variable(self, start: int) -> None:
        end = self.src.find("}}", start + 2)
        if end < 0:
            raise self.fail(start, "'{{' is never closed with '}}': close it, or wrap the text "
                                   "in {% raw %}...{% endraw %} to show the braces")
        inner = self.src[start + 2 : end]
        self.whitespace(inner, end + 2)
        self.out.append(self.evaluate(inner.strip("-").strip(), start))

    def tag(self, start: int) -> None:
        end = self.src.find("%}", start + 2)
        if end < 0:
            raise self.fail(start, "'{%' is never closed with '%}': close it, or wrap the text "
                                   "in {% raw %}...{% endraw %} to show it")
        inner = self.src[start + 2 : end]
        m = re.match(r"\s*(\w+)\s*(.*?)\s*$", inner.strip("-"), re.S)
        name, args = (m[1], m[2]) if m else (inner.strip(), "")
        after = end + 2
        if name == "raw":  # the text in between, verbatim
            close = self.closing("raw", start, after)
            self.whitespace(inner, after)
            text = self.src[self.pos : close.start()]
            self.out.append(text.rstrip() if close[0].startswith("{%-") else text)
            self.whitespace(close[0][2:-2].lstrip("-"), close.end())
        elif name == "highlight":
            self.highlight(start, after, args)
        elif name == "comment":
            close = self.closing("comment", start, after)
            self.out.append("\n" * self.src.count("\n", after, close.start()))
            self.pos = close.end()
        elif name in ("post_url", "link"):
            self.whitespace(inner, after)
            self.out.append(self.url(name, args.strip("'\""), start))
        elif name in ("endraw", "endhighlight", "endcomment"):
            raise self.fail(start, f"{{% {name} %}} has no {{% {name[3:]} %}} before it")
        else:
            hint = HINTS.get(name, f"nnpress renders only {SUPPORTED}; write plain Markdown "
                                   "in its place")
            raise self.fail(start, f"Liquid tag {{% {name} %}} is not supported: {hint} (to show "
                                   "the tag as text, wrap it in {% raw %}...{% endraw %})")

    def closing(self, name: str, start: int, after: int) -> re.Match:
        close = re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}").search(self.src, after)
        if not close:
            raise self.fail(start, f"{{% {name} %}} is never closed: add {{% end{name} %}}")
        return close

    def whitespace(self, inner: str, after: int) -> None:
        """Liquid's `{%-` / `-%}`: eat the whitespace before / after the tag."""
        if inner.startswith("-"):
            while self.out and not self.out[-1].strip():
                self.out.pop()
            if self.out:
                self.out[-1] = self.out[-1].rstrip()
        self.pos = after
        if inner.endswith("-"):
            self.pos = len(self.src) - len(self.src[after:].lstrip())

    def highlight(self, start: int, after: int, args: str) -> None:
        """{% highlight lang linenos %}...{% endhighlight %} -> a fenced block, body verbatim."""
        lang = args.split()[0] if args.split() else ""
        if not LANG.match(lang):
            raise self.fail(start, f"highlight: '{lang}' is not a language name")
        close = self.closing("highlight", start, after)
        code = RAW_MARK.sub("", self.src[after : close.start()])
        first, newline, rest = code.partition("\n")
        if newline and not first.strip():  # spaces after the tag on its line
            code = "\n" + rest
        fence = "`" * max(3, 1 + max((len(r) for r in re.findall("`+", code)), default=0))
        line_begin = self.src.rfind("\n", 0, start) + 1
        before = "" if not self.src[line_begin:start].strip() else "\n"
        head = "" if code.startswith("\n") else "\n"
        tail = "" if not code.rsplit("\n", 1)[-1].strip() and "\n" in code else "\n"
        rest = self.src[close.end() : close.end() + 1]
        after_close = "" if rest in ("", "\n") else "\n"
        self.out.append(f"{before}{fence}{lang}{head}{code}{tail}{fence}{after_close}")
        self.pos = close.end()

    def url(self, name: str, target: str, start: int) -> str:
        if not target or "{" in target or len(target.split()) > 1:
            raise self.fail(start, f"{{% {name} %}} needs one plain path, got {brief(target)}")
        base = target.rstrip("/").rsplit("/", 1)[-1]
        post = POST_NAME.match(base)
        if name == "post_url" and not post:
            raise self.fail(start, f"{{% post_url {target} %}}: name a post like 2020-01-02-slug")
        if post and (name == "post_url" or base.endswith((".md", ".markdown"))):
            return "/" + post_url(slugify(post[1]))
        return "/" + target.lstrip("/")

    # -- {{ expressions }} -------------------------------------------------------------------

    def evaluate(self, expr: str, start: int) -> str:
        shown = f"{{{{ {expr} }}}}"
        operand, *filters = _split_outside_quotes(expr, "|")
        value = self.operand(operand.strip(), start, shown)
        for text in filters:
            name, _, arg = text.partition(":")
            name = name.strip()
            if name in ("relative_url", "absolute_url"):  # baseurl and url are ""
                value = self.show(value, start, shown)
                value = value if "://" in value else "/" + value.lstrip("/")
            elif name in ("prepend", "append") and arg.strip():
                extra = self.show(self.operand(arg.strip(), start, shown), start, shown)
                value = self.show(value, start, shown)
                value = extra + value if name == "prepend" else value + extra
            else:
                raise self.fail(start, f"{shown}: Liquid filter '{name}' is not supported "
                                       f"(only {FILTERS}): write the result in its place")
        return self.show(value, start, shown)

    def operand(self, text: str, start: int, shown: str) -> Any:
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
            return text[1:-1]
        if re.fullmatch(r"-?\d+(?:\.\d+)?", text):
            return text
        if not PATH.match(text):
            raise self.fail(start, f"cannot read {shown} as a Liquid variable: wrap it in "
                                   "{% raw %}...{% endraw %} to show it as text")
        root, *keys = text.split(".")
        if root == "site" and keys in (["baseurl"], ["url"]):
            return ""
        if root not in ("page", "site") or not keys:
            raise self.fail(start, f"unknown Liquid variable {shown}: only page.* (this post's "
                                   "front matter) and site.* (site settings) can be used; write "
                                   "the text in its place, or wrap it in {% raw %}...{% endraw %}")
        value: Any = self.page if root == "page" else self.site
        for i, key in enumerate(keys):
            if not isinstance(value, Mapping) or key not in value:
                where = "this post's front matter has" if root == "page" else "the site has"
                name = ".".join(keys[: i + 1])
                raise self.fail(start, f"unknown Liquid variable {shown}: {where} no "
                                       f"'{name}'; add it, or write the text in its place")
            value = value[key]
        return value

    def show(self, value: Any, start: int, shown: str) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, (list, tuple)):
            return ", ".join(self.show(v, start, shown) for v in value)
        if isinstance(value, Mapping):
            raise self.fail(start, f"{shown} is a mapping: name one of its keys")
        return str(value)


def _split_outside_quotes(text: str, sep: str) -> list[str]:
    """Split at `sep` where the rest of the text has balanced quotes (so not inside them)."""
    return re.split(rf"""{re.escape(sep)}(?=(?:[^'"]|'[^']*'|"[^"]*")*$)""", text)
