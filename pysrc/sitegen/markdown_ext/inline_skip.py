"""Python-Markdown's inline patterns, tried only on text that holds what they look for.

Markdown tries every inline pattern (links, code spans, emphasis, entities: twenty on a
page with maths) on every run of text, and most runs of prose hold none of their
characters: the tries that find nothing were a third of a plain page's conversion. A
pattern whose regular expression cannot match without one of a few strings (`[` for a
link, `&` for an entity) finds nothing in text that holds none of them, and Markdown then
goes on to the next pattern as if it had not been tried; so it is skipped there, and the
HTML is the same.

The strings are known by the pattern's regular expression, exactly as written and with
its flags: a pattern not in the table (another extension's, or one that a new version of
Markdown writes otherwise) is always tried.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown import Markdown, inlinepatterns, util
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

from .math import INLINE_MATH

FLAGS = re.DOTALL | re.UNICODE  # what Markdown compiles its patterns with
HTML = (r"""(<(\/?+[a-zA-Z][^\s"'<>@]*+(?:\s+[^\s"'=<>]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'"""
        r"""|[^\s"'=<>]++))?+)*+\s*+/?|!--(?:(?!<!--|-->).)*--|[?](?:(?!<[?]|[?]>).)*[?]"""
        r"""|!\[CDATA\[(?:(?!<!\[CDATA\[|\]\]>).)*\]\])>)""")
# (regular expression, flags) -> strings, one of which text must hold for it to match.
NEEDS: dict[tuple[str, int], tuple[str, ...]] = {
    (r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)", FLAGS): ("`",),  # code spans
    (INLINE_MATH, FLAGS): ("$",),  # maths (math.py)
    (r"\\(.)", FLAGS): ("\\",),  # backslash escapes
    (r"(?<!\!)\[", FLAGS): ("[",),  # links and references
    (r"\!\[", FLAGS): ("![",),  # images
    (r"<([^<> !]+@[^@<> ]+)>", FLAGS): ("<",),  # <mail@address>
    (r"(?i)<((?:ht|f)tps?://[^<>]*)>", FLAGS | re.IGNORECASE): ("<",),  # <https://...>
    (r"  \n", FLAGS): ("  \n",),  # line breaks
    (HTML, FLAGS): ("<",),  # inline HTML: each of its kinds starts with "<"
    (r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)", FLAGS): ("&",),  # entities
    (r"\*|_", FLAGS): ("*", "_"),  # emphasis
    (r"\~", FLAGS): ("~",),  # ~~strikethrough~~
}


def needs_of(pattern: inlinepatterns.Pattern) -> tuple[str, ...] | None:
    """The strings one of which text must hold for `pattern` to match; None: not known."""
    if not isinstance(pattern, inlinepatterns.InlineProcessor):
        return None  # an old-style pattern: Markdown matches it otherwise
    compiled = pattern.getCompiledRegExp()
    return NEEDS.get((compiled.pattern, compiled.flags))


class SkippingInlineProcessor(InlineProcessor):
    """Markdown's InlineProcessor, skipping the patterns text cannot match."""

    def run(self, tree: Element, ancestors: list[str] | None = None) -> Element:
        self.patterns = list(self.inlinePatterns)
        self.needs = [needs_of(pattern) for pattern in self.patterns]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        """Markdown's own (private) __handleInline, with the skip."""
        if isinstance(data, util.AtomicString):
            return data
        apply = self._InlineProcessor__applyPattern
        patterns, needs, index, start = self.patterns, self.needs, patternIndex, 0
        while index < len(patterns):
            wanted = needs[index]
            if wanted is not None:
                for text in wanted:
                    if text in data:
                        break
                else:
                    index, start = index + 1, 0  # what a pattern that finds nothing gives
                    continue
            data, matched, start = apply(patterns[index], data, index, start)
            if not matched:
                index += 1
        return data


class InlineSkipExtension(Extension):
    """Puts SkippingInlineProcessor in the place of Markdown's InlineProcessor."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802
        md.treeprocessors.register(SkippingInlineProcessor(md), "inline", 20)
