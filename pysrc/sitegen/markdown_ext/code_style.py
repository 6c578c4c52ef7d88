"""The Pygments style the Markdown converter gives its code formatter: one it never reads.

Code is written with Pygments' classes (`<span class="k">`), never with inline styles,
and its colours are in the site's stylesheet (convert.pygments_css, made from the style
named there). Yet Pygments' HTML formatter works out a rule for each token type of its
style as it is made, and pymdownx makes one for every block of code: 0.14 ms a block, a
twentieth of a plain page's conversion. This style has no token types to work out; the
formatter writes classes the same, and the HTML is the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from pygments.style import Style, StyleMeta


class _NoTokenTypes(StyleMeta):
    def __iter__(cls) -> Iterator:
        return iter(())


class UnreadStyle(Style, metaclass=_NoTokenTypes):
    """Pygments' default style, without the token types a formatter would work out."""
