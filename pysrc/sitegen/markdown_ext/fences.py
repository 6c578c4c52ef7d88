"""Fenced code blocks, found the same way by everything that takes them or steps over them:
the figure fences (```widget, ```python run), display maths (which never looks inside
code) and the Jekyll import (which copies code untouched).

A fence opens at the start of a line with three or more backticks or tildes and closes at
a line of at least as many of the same character; a block never closed runs to the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable

OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})")
# In raw text (before Markdown: the Jekyll import), an opening fence may be indented, and
# a backtick fence's info string holds no backtick (CommonMark).
TEXT_OPEN = re.compile(r"[ \t]*(`{3,}|~{3,})([^\n]*)")


def find_close(lines: list[str], start: int, fence: str) -> int:
    """The index of the line closing the block opened by `fence` at lines[start];
    len(lines) if it is never closed."""
    for j in range(start + 1, len(lines)):
        stripped = lines[j].strip()
        if stripped.startswith(fence[0] * len(fence)) and set(stripped) == {fence[0]}:
            return j
    return len(lines)


def text_close(fence: str) -> re.Pattern[str]:
    """The line that closes `fence` in raw text (TEXT_OPEN's blocks)."""
    return re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)


def replace_blocks(lines: list[str], render: Callable[[int, int], str | None],
                   stash: Callable[[str], str]) -> list[str]:
    """Each fenced block for which `render(open_index, close_index)` returns HTML becomes
    that HTML (through `stash`, Markdown's raw-HTML store); other blocks are copied."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        fence = OPEN.match(lines[i])
        if not fence:
            out.append(lines[i])
            i += 1
            continue
        close = find_close(lines, i, fence["fence"])
        html = render(i, close)
        if html is None:  # someone else's code block: copy it untouched
            out.extend(lines[i : close + 1])
        else:
            out.extend(["", stash(html), ""])
        i = close + 1
    return out
