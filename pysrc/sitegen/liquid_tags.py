"""Jekyll's Liquid, as a python-liquid environment that knows only what posts may use.

The tags are raw (python-liquid's lexer), comment, highlight, post_url and link; the
filters relative_url, absolute_url, prepend and append; the variables page.* and site.*.
Every other tag, filter or variable is refused with a message that says what to write
instead, and `render` turns any Liquid error into a `SourceError` at its line.
`sitegen.liquid` imports this module the first time a post holds `{{` or `{%`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, TextIO

from liquid import Environment, Node, StrictUndefined, Tag, TokenStream
from liquid.builtin.content import Literal as ContentTag
from liquid.builtin.expressions import FilteredExpression, Literal, Path, tokenize
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_ILLEGAL, TOKEN_OUTPUT, TOKEN_TAG
from nnpress.params import brief

from .errors import SourceError
from .urls import post_url, slugify

SUPPORTED = "raw, highlight, post_url, link, comment"
FILTERS = "relative_url, absolute_url, prepend, append"
END = "\ue002"  # see render
RESTORE = "\x00restore"  # render data: puts back the text the Markdown pass set aside
LOGIC = "nnpress does not run Liquid logic; keep the text the reader should see, delete the tags"
HINTS = {
    "include": "nnpress never runs Jekyll includes; paste what it included in its place",
    "include_relative": "nnpress never runs Jekyll includes; paste what it included in its place",
    **dict.fromkeys(
        "if unless elsif else endif endunless case when endcase for endfor break continue "
        "assign capture endcapture cycle increment decrement tablerow endtablerow".split(), LOGIC),
    "gist": "link to the gist, or paste its code in a fenced code block",
}
POST_NAME = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-(.+?)(?:\.(?:md|markdown))?$")
LANG = re.compile(r"[\w+#.-]*$")
RAW_TEXT = "wrap it in {% raw %}...{% endraw %} to show it as text"


class Refused(LiquidSyntaxError):
    """Our own message about the Liquid at `token`."""


class _Text(Node):
    """Output fixed when the tag was parsed."""

    __slots__ = ("text",)

    def __init__(self, token, text: str):
        super().__init__(token)
        self.text = text

    def render_to_output(self, context, buffer: TextIO) -> int:
        return buffer.write(self.text)


def _body(stream: TokenStream, token, name: str) -> str:
    """The text up to {% end<name> %}, leaving that tag at the head of the stream."""
    parts = []
    while not stream.current.is_tag("end" + name):
        if stream.current.kind == TOKEN_EOF:
            raise Refused(f"{{% {name} %}} is never closed: add {{% end{name} %}}", token=token)
        parts.append(stream.current.value)
        next(stream)
    return "".join(parts)


class CommentTag(Tag):
    """{% comment %}...{% endcomment %}: gone, but its newlines stay so lines still match."""

    name, end = "comment", "endcomment"

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        return _Text(token, "\n" * _body(stream, token, "comment").count("\n"))


class UrlTag(Tag):
    """{% post_url 2020-01-02-slug %} and {% link path %}: the root-absolute URL."""

    block = False

    def parse(self, stream: TokenStream) -> Node:
        token = stream.current
        target = ""
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
            target = stream.current.value.strip("'\"")
        if not target or "{" in target or len(target.split()) > 1:
            raise Refused(f"{{% {self.name} %}} needs one plain path, got {brief(target)}",
                          token=token)
        base = target.rstrip("/").rsplit("/", 1)[-1]
        post = POST_NAME.match(base)
        if self.name == "post_url" and not post:
            raise Refused(f"{{% post_url {target} %}}: name a post like 2020-01-02-slug",
                          token=token)
        if post and (self.name == "post_url" or base.endswith((".md", ".markdown"))):
            return _Text(token, "/" + post_url(slugify(post[1])))
        return _Text(token, "/" + target.lstrip("/"))


class PostUrlTag(UrlTag):
    name = "post_url"


class LinkTag(UrlTag):
    name = "link"


class HighlightTag(Tag):
    """{% highlight lang linenos %}...{% endhighlight %}: a fenced code block."""

    name, end = "highlight", "endhighlight"

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        args = ""
        if stream.current.kind == TOKEN_EXPRESSION:
            args = stream.current.value
            next(stream)
        lang = args.split()[0] if args.split() else ""
        if not LANG.match(lang):
            raise Refused(f"highlight: '{lang}' is not a language name", token=token)
        body = _body(stream, token, "highlight")  # one stretch the Markdown pass set aside
        return HighlightNode(token, lang, body, stream.current)


class HighlightNode(Node):
    __slots__ = ("lang", "body", "close")

    def __init__(self, token, lang: str, body: str, close):
        super().__init__(token)
        self.lang, self.body, self.close = lang, body, close

    def render_to_output(self, context, buffer: TextIO) -> int:
        src, start = self.token.source, self.token.source.rfind("{%", 0, self.token.start_index)
        end = src.find("%}", self.close.start_index) + 2
        code = context.globals[RESTORE](self.body)
        first, newline, rest = code.partition("\n")
        if newline and not first.strip():  # spaces after the tag on its line
            code = "\n" + rest
        fence = "`" * max(3, 1 + max((len(r) for r in re.findall("`+", code)), default=0))
        line_begin = src.rfind("\n", 0, start) + 1
        before = "" if not src[line_begin:start].strip() else "\n"
        head = "" if code.startswith("\n") else "\n"
        tail = "" if not code.rsplit("\n", 1)[-1].strip() and "\n" in code else "\n"
        after = "" if src[end : end + 1] in ("", "\n", END) else "\n"
        return buffer.write(f"{before}{fence}{self.lang}{head}{code}{tail}{fence}{after}")


class RefuseTag(Tag):
    """Any tag that is not ours (python-liquid's stand-in for unknown tags)."""

    name, block = TOKEN_ILLEGAL, False

    def parse(self, stream: TokenStream) -> Node:
        token = stream.current
        name = token.value if token.kind == TOKEN_TAG else token.kind
        if name in ("endraw", "endhighlight", "endcomment"):
            raise Refused(f"{{% {name} %}} has no {{% {name[3:]} %}} before it", token=token)
        if name == "raw":
            raise Refused("{% raw %} is never closed: add {% endraw %}", token=token)
        hint = HINTS.get(name, f"nnpress renders only {SUPPORTED}; write plain Markdown in "
                               "its place")
        raise Refused(f"Liquid tag {{% {name} %}} is not supported: {hint} (to show the tag as "
                      "text, wrap it in {% raw %}...{% endraw %})", token=token)


class OutputTag(Tag):
    """{{ page.X }} / {{ site.X }} / a string, through our filters."""

    name, block = TOKEN_OUTPUT, False

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_OUTPUT)
        inner = stream.expect(TOKEN_EXPRESSION)
        shown = f"{{{{ {inner.value} }}}}"
        try:
            expr = FilteredExpression.parse(self.env, TokenStream(tokenize(inner.value, inner)))
        except LiquidError:
            raise Refused(f"cannot read {shown} as a Liquid variable with filters ({FILTERS}): "
                          + RAW_TEXT, token=token) from None
        operands = [expr.left]
        for f in expr.filters or ():
            arity = 1 if f.name in ("prepend", "append") else 0
            if f.name not in FILTERS.split(", ") or len(f.args) != arity:
                raise Refused(f"{shown}: Liquid filter '{f.name}' is not supported (only "
                              f"{FILTERS}): write the result in its place", token=token)
            operands += [a.value for a in f.args]
        for operand in operands:
            _check(operand, shown, token)
        return OutputNode(token, expr, shown, [o for o in operands if isinstance(o, Path)])


def _check(operand: Any, shown: str, token) -> None:
    if isinstance(operand, Literal):
        return
    if not isinstance(operand, Path) or not all(isinstance(s, str) for s in operand.path):
        raise Refused(f"cannot read {shown} as a Liquid variable: " + RAW_TEXT, token=token)
    if operand.path[0] not in ("page", "site") or len(operand.path) < 2:
        raise Refused(f"unknown Liquid variable {shown}: only page.* (this post's front matter) "
                      "and site.* (site settings) can be used; write the text in its place, or "
                      "wrap it in {% raw %}...{% endraw %}", token=token)


class OutputNode(Node):
    __slots__ = ("expression", "shown", "paths")

    def __init__(self, token, expression: FilteredExpression, shown: str, paths: list[Path]):
        super().__init__(token)
        self.expression, self.shown, self.paths = expression, shown, paths

    def render_to_output(self, context, buffer: TextIO) -> int:
        for path in self.paths:  # say which key is missing, before StrictUndefined would
            root, *keys = path.path
            value = context.globals[root]
            for i, key in enumerate(keys):
                if not isinstance(value, Mapping) or key not in value:
                    where = "this post's front matter has" if root == "page" else "the site has"
                    raise Refused(f"unknown Liquid variable {self.shown}: {where} no "
                                  f"'{'.'.join(keys[: i + 1])}'; add it, or write the text in "
                                  "its place", token=self.token)
                value = value[key]
        try:
            return buffer.write(show(self.expression.evaluate(context)))
        except ValueError:
            raise Refused(f"{self.shown} is a mapping: name one of its keys",
                          token=self.token) from None


def show(value: Any) -> str:
    """A value as Jekyll posts expect to read it; ValueError for a mapping."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(show(v) for v in value)
    if isinstance(value, Mapping):
        raise ValueError("a mapping")
    return str(value)


def _root_url(value: Any) -> str:  # relative_url and absolute_url: baseurl and url are ""
    text = show(value)
    return text if "://" in text else "/" + text.lstrip("/")


class JekyllLiquid(Environment):
    """Only our tags and filters: python-liquid's own (include, if, for, assign...) are out."""

    def setup_tags_and_filters(self, *, extra: bool = False) -> None:
        for tag in (ContentTag, OutputTag, RefuseTag, CommentTag, HighlightTag, PostUrlTag,
                    LinkTag):
            self.add_tag(tag)
        self.add_filter("relative_url", _root_url)
        self.add_filter("absolute_url", _root_url)
        self.add_filter("prepend", lambda value, text: show(text) + show(value))
        self.add_filter("append", lambda value, text: show(value) + show(text))


ENV = JekyllLiquid(undefined=StrictUndefined, strict_filters=True)


def render(text: str, first_line: int, page: Mapping, site: Mapping,
           restore: Callable[[str], str]) -> str:
    """`text` rendered; a Liquid error becomes `SourceError` at its line (`first_line` is
    the line of text[0] in the file). Of several errors, the first in the text is told."""
    try:
        # The end mark: python-liquid's lexer splits off a final newline, and after `-}}`
        # or `-%}` it would strip that too (its text pattern ends in `$`, not `\Z`).
        source = text + END
        template = ENV.from_string(source)
        return template.render({"page": page, "site": site, RESTORE: restore})[: -len(END)]
    except LiquidError as err:
        token = err.token
        at = token.start_index if token is not None and token.source is source else None
        line = None if at is None else first_line + text.count("\n", 0, at)
        error = SourceError(line, _message(err))
    # python-liquid reads the whole text before rendering any of it: an earlier error in
    # rendering (or a later one in lexing) can come first. The text before this one tells.
    cut = -1 if at is None else max(text.rfind("{%", 0, at + 2), text.rfind("{{", 0, at + 2))
    if cut > 0:
        render(text[:cut], first_line, page, site, restore)
    raise error


def _message(err: LiquidError) -> str:
    if isinstance(err, Refused):
        return str(err.message)
    opened = err.token.value[:2] if err.token is not None else ""
    if opened == "{{" and "}}" not in err.token.value:
        return ("'{{' is never closed with '}}': close it, or wrap the text in "
                "{% raw %}...{% endraw %} to show the braces")
    if opened == "{%" and "%}" not in err.token.value:
        return "'{%' is never closed with '%}': close it, or " + RAW_TEXT
    return f"this Liquid cannot be rendered ({err.message}): " + RAW_TEXT
