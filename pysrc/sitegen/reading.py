"""For long posts: a table of contents from their headings, and a reading time.

Both are read from the page's finished HTML. Reading speed: 230 words a minute for
text written with spaces, 500 characters a minute for Japanese, Chinese and Korean."""

from __future__ import annotations

import html as html_lib
import math
import re
from dataclasses import dataclass
from functools import lru_cache

TOC_FROM = 4  # a post with this many sections or more gets a table of contents
HEADING = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<text>.*?)</h2>', re.S)
FIGURE = re.compile(r"<figure\b.*?</figure>|<(script|style)\b.*?</\1>", re.S)
TAG = re.compile(r"<[^>]+>")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
WORDS_PER_MINUTE, CJK_PER_MINUTE = 230, 500


@dataclass(frozen=True)
class Section:
    id: str
    title: str


# Both are asked for each time a post is rendered (twice a build: before and after its
# offline edition's size is known), and read the whole page: remembered by its text.
@lru_cache(maxsize=1024)
def sections(page_html: str) -> tuple[Section, ...]:
    """The post's h2 headings, when there are enough of them to need a contents list."""
    found = [Section(m["id"], html_lib.unescape(TAG.sub("", m["text"])).strip())
             for m in HEADING.finditer(page_html)]
    return tuple(found) if len(found) >= TOC_FROM else ()


@lru_cache(maxsize=1024)
def reading_minutes(page_html: str) -> int:
    text = html_lib.unescape(TAG.sub(" ", FIGURE.sub(" ", page_html)))
    cjk = 0 if text.isascii() else len(CJK.findall(text))
    words = len((CJK.sub(" ", text) if cjk else text).split())  # no CJK: nothing to take out
    return max(1, math.ceil(words / WORDS_PER_MINUTE + cjk / CJK_PER_MINUTE))
