"""Python-Markdown's block processors, asked about a block only when it holds what they
look for.

Markdown asks each block processor in turn whether a block is its kind (a heading, a
quote, a rule, a table...), and most blocks are paragraphs of prose: each test runs a
regular expression over the whole block, several of which start with `^` or `\\n` and
are tried at every character. On a plain page the tests that said no took 0.3 ms of the
5 its conversion took. A processor whose test cannot say yes without some text in the block (a `#`
for a heading, a `>` for a quote) now says no at once when the block lacks it, which is
what its test would have said; the processor is otherwise Markdown's own.

Each is put in place only when Markdown's processor and its regular expression are the
ones written here: a new version of Markdown that changes them keeps its own.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.blockprocessors import (
    BlockQuoteProcessor,
    HashHeaderProcessor,
    HRProcessor,
    ReferenceProcessor,
    SetextHeaderProcessor,
)
from markdown.extensions import Extension
from markdown.extensions.tables import TableProcessor


class QuickQuote(BlockQuoteProcessor):
    def test(self, parent: Element, block: str) -> bool:
        return ">" in block and super().test(parent, block)


class QuickHashHeader(HashHeaderProcessor):
    def test(self, parent: Element, block: str) -> bool:
        return "#" in block and super().test(parent, block)


class QuickSetextHeader(SetextHeaderProcessor):
    def test(self, parent: Element, block: str) -> bool:  # its second line is ===... or ---...
        return ("\n=" in block or "\n-" in block) and super().test(parent, block)


class QuickHR(HRProcessor):
    def test(self, parent: Element, block: str) -> bool:  # three -, _ or * at least
        return (block.count("-") >= 3 or block.count("_") >= 3 or block.count("*") >= 3
                ) and super().test(parent, block)


class QuickReference(ReferenceProcessor):
    def run(self, parent: Element, blocks: list[str]) -> bool:  # [id]: url
        return "]:" in blocks[0] and super().run(parent, blocks)


class QuickTable(TableProcessor):
    def test(self, parent: Element, block: str) -> bool:  # its header row has a | at least
        return "|" in block and super().test(parent, block)


# name -> (Markdown's processor, its expression as this was written for, the quick one)
QUICK = {
    "quote": (BlockQuoteProcessor, r"(^|\n)[ ]{0,3}>[ ]?(.*)", QuickQuote),
    "hashheader": (HashHeaderProcessor,
                   r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)",
                   QuickHashHeader),
    "setextheader": (SetextHeaderProcessor, r"^.*?\n(?:=+|-+)[ ]*(\n|$)", QuickSetextHeader),
    "hr": (HRProcessor, r"^[ ]{0,3}(?=(?P<atomicgroup>(-+[ ]{0,2}){3,}|(_+[ ]{0,2}){3,}"
                        r"|(\*+[ ]{0,2}){3,}))(?P=atomicgroup)[ ]*$", QuickHR),
    "reference": (ReferenceProcessor, r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*"
                                      r"""(?:\n[ ]*)?((["\'])(.*)\4[ ]*|\((.*)\)[ ]*)?$""",
                  QuickReference),
}


def expression_of(processor: object) -> str | None:
    found = getattr(processor, "SEARCH_RE", None) or getattr(processor, "RE", None)
    return getattr(found, "pattern", None)


class BlockSkipExtension(Extension):
    """Puts the quick processors in the places of Markdown's (and of the tables')."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802
        processors = md.parser.blockprocessors
        priorities = {item.name: item.priority for item in processors._priority}
        for name, (original, expression, quick) in QUICK.items():
            current = processors[name] if name in processors else None
            if type(current) is original and expression_of(current) == expression:
                processors.register(quick(md.parser), name, priorities[name])
        table = processors["table"] if "table" in processors else None
        if type(table) is TableProcessor:
            processors.register(QuickTable(md.parser, table.config), "table",
                                priorities["table"])
