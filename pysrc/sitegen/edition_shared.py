"""What the offline editions of one build share: the stylesheets they inline, and their
text in UTF-8, which is encoded a piece at a time.

A post's edition is its page with the site's stylesheets and fonts put in: 250 kB, of
which the page is a tenth. A page with a character outside ASCII (the theme switch's "◐")
makes Python hold all of the edition's text two bytes a character or more, and encoding
that, once per post, was a third of making the editions. So an edition is kept as the
pieces it is made of (the page's text between the tags changed, and each changed tag's
new text), and each piece is encoded on its own: UTF-8 of a text is the UTF-8 of its
pieces end to end. A long new text (a stylesheet, a script) is the same in every edition
of the build and is encoded once, in the build's shared Stylesheets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Piece = tuple[str, bool]  # text, and whether it is the new text of a changed tag
ENCODED_ONCE_FROM = 4096  # characters: a new text as long is encoded once for the build
MOST_KEPT = 256  # long texts kept encoded; more: a long `serve` session, start again


@dataclass
class Stylesheets:
    """One build's stylesheets, as its editions inline them."""

    sources: dict[str, str] = field(default_factory=dict)  # site path -> text
    # (site path, the maths fonts kept or None) -> (<style> element, site paths it looked at)
    elements: dict[tuple[str, frozenset[str] | None], tuple[str, list[str]]] = field(
        default_factory=dict)
    encoded: dict[str, bytes] = field(default_factory=dict)  # long new text -> its UTF-8


def pieces(html: str, edits: list[tuple[int, int, str]]) -> list[Piece]:
    """`html` with each (start, end, text) of `edits` (in order, not overlapping) made, as
    pieces: what html_tags.splice joins."""
    found: list[Piece] = []
    at = 0
    for start, end, text in edits:
        found += [(html[at:start], False), (text, True)]
        at = end
    found.append((html[at:], False))
    return found


def split(found: list[Piece], offset: int) -> tuple[list[Piece], list[Piece]]:
    """The pieces before and after `offset` in their text, a piece split there if need be."""
    at = 0
    for i, (text, _new) in enumerate(found):
        if at + len(text) > offset:
            cut = offset - at
            return ([*found[:i], (text[:cut], False)], [(text[cut:], False), *found[i + 1:]])
        at += len(text)
    return found, []


def utf8(found: list[Piece], shared: dict[str, bytes] | None) -> bytes:
    """The pieces' text in UTF-8; the long new texts looked up in `shared` (and kept)."""
    return b"".join(encoded(text, shared if new else None) for text, new in found)


def encoded(text: str, shared: dict[str, bytes] | None) -> bytes:
    """`text` in UTF-8: looked up in `shared` (and kept) when long."""
    if shared is None or len(text) < ENCODED_ONCE_FROM:
        return text.encode("utf-8")
    found = shared.get(text)
    if found is None:
        if len(shared) >= MOST_KEPT:
            shared.clear()
        found = shared[text] = text.encode("utf-8")
    return found
