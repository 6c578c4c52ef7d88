"""Share cards: each post's Open Graph image, made at build time from its first
figure's pre-rendered SVG. A 1200x630 PNG, `og.png` beside the post's page.

The figure's SVG takes its colours from the theme's CSS classes; resvg knows no
custom properties, so the light theme's values are written into a plain stylesheet
first. No network and no browser: resvg renders with the machine's fonts."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from html import escape
from importlib import metadata
from pathlib import Path

from .site_css import site_css

WIDTH, HEIGHT = 1200, 630
TITLE_X, TITLE_LETTER = 60, 25  # where the title starts; a letter's width, about (px)
CARD_NAME = "og.png"
FIRST_SVG = re.compile(
    r'<figure class="nn-widget.*?(<svg\b[^>]*class="nn-svg[^"]*"[^>]*>.*?</svg>)', re.S)
VIEWBOX = re.compile(r'viewBox="([-\d.\s]+)"')
ROOT_VARS = re.compile(r":root\s*\{(.*?)\}", re.S)
VAR = re.compile(r"--([\w-]+)\s*:\s*([^;]+);")


def light_stylesheet(css: str) -> str:
    """The theme's CSS with var(--name) replaced by the light theme's values."""
    values = {m[1]: m[2].strip() for m in VAR.finditer(ROOT_VARS.search(css)[1])}
    return re.sub(r"var\(--([\w-]+)\)", lambda m: values.get(m[1], "currentColor"), css)


def card_svg(figure_svg: str, title: str, site_title: str) -> str | None:
    """The card: the figure, scaled into the right part, the title beside it."""
    box = VIEWBOX.search(figure_svg)
    if not box:
        return None
    x, y, w, h = (float(v) for v in box[1].split())
    inner = figure_svg[figure_svg.index(">") + 1 : figure_svg.rindex("</svg>")]
    classes = re.search(r'class="([^"]*)"', figure_svg)[1]
    area_w, area_h = 660, 540
    scale = min(area_w / w, area_h / h)
    fw, fh = w * scale, h * scale
    fx, fy = WIDTH - 40 - area_w + (area_w - fw) / 2, (HEIGHT - fh) / 2
    # The title keeps left of the figure: its 46 px bold letters are about 25 px wide.
    lines = wrap(title, max(12, int((fx - 20 - TITLE_X) / TITLE_LETTER))) if can_write(
        title) else []
    text = "".join(
        f'<text x="{TITLE_X}" y="{190 + i * 58}" class="card-title">{escape(line)}</text>'
        for i, line in enumerate(lines[:5]))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" class="card-paper"/>'
        f'<rect x="0" y="0" width="12" height="{HEIGHT}" class="card-accent"/>'
        f'<text x="60" y="100" class="card-site">{escape(site_title)}</text>{text}'
        f'<svg x="{fx:.1f}" y="{fy:.1f}" width="{fw:.1f}" height="{fh:.1f}" '
        f'viewBox="{x:g} {y:g} {w:g} {h:g}" class="{classes}">{inner}</svg></svg>'
    )


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
             Path("/Library/Fonts"), Path("/System/Library/Fonts"), Path("C:/Windows/Fonts"))
CJK_FONT = re.compile(r"cjk|jp|japan|gothic|mincho|ipa|takao|hiragino|yugoth|meiryo|msgothic",
                      re.I)
_cjk_font: list[bool] = []


def can_write(text: str) -> bool:
    """Whether this machine has fonts for `text`: a title in Japanese without a CJK
    font would come out as boxes, and is better left off the card."""
    if not CJK.search(text):
        return True
    if not _cjk_font:
        _cjk_font.append(any(CJK_FONT.search(f.name) for d in FONT_DIRS if d.is_dir()
                             for f in d.rglob("*") if f.suffix.lower() in (".ttf", ".otf", ".ttc")))
    return _cjk_font[0]


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters (CJK text, which has no spaces, by count)."""
    words = text.split() if " " in text else [text[i:i + width // 2]
                                               for i in range(0, len(text), width // 2)]
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip() if " " in text else line + word
    return lines + ([line] if line else [])


CARD_CSS = """
.card-paper { fill: #fdfdfc; } .card-accent { fill: #2559b5; }
.card-site { font-size: 30px; fill: #5b6475; font-weight: 600; }
.card-title { font-size: 46px; fill: #1d2330; font-weight: 700; }
text { font-family: sans-serif; }
"""


@lru_cache(maxsize=1)
def renderer() -> str:
    """Which resvg draws the cards: part of a kept card's key."""
    return "resvg-py " + metadata.version("resvg-py")


def render_card(svg: str, css: str) -> bytes:
    import resvg_py

    data = resvg_py.svg_to_bytes(svg_string=svg, style_sheet=css + CARD_CSS,
                                 width=WIDTH, height=HEIGHT)
    return bytes(data)


def write_share_cards(pages, site_title: str, theme_css: str, out,
                      cache: Path | None = None) -> int:
    """og.png for every post with a figure; sets page.share_card. Returns how many.

    `cache`: a folder where cards are kept by a hash of what they are drawn from, so a
    build draws only the cards whose figure, title or theme changed (a card takes
    resvg tens of milliseconds); the cards no page asked for are removed."""
    css = light_stylesheet(theme_css)
    made, kept = 0, set()
    for page in pages:
        found = FIRST_SVG.search(page.html)
        svg = found and card_svg(found[1], page.title, site_title)
        if not svg:
            continue
        path = page.output_path.rsplit("/", 1)[0] + "/" + CARD_NAME
        origin = f"the share card of {page.source}"
        if cache is None:
            out.write_bytes(path, render_card(svg, css), origin)
        else:
            key = hashlib.sha256(f"{renderer()}\0{svg}\0{css}\0{CARD_CSS}".encode()).hexdigest()
            card = cache / f"{key}.png"
            if not card.is_file():
                cache.mkdir(parents=True, exist_ok=True)
                partial = card.with_suffix(".tmp")
                partial.write_bytes(render_card(svg, css))
                partial.replace(card)
            out.copy_file(card, path, origin)
            kept.add(card.name)
        page.share_card = CARD_NAME
        made += 1
    if cache is not None and cache.is_dir():
        for old in cache.glob("*.png"):
            if old.name not in kept:
                old.unlink(missing_ok=True)
    return made


def theme_css(templates_dir: Path) -> str:
    return site_css(Path(templates_dir) / "static")
