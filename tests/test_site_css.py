"""static/site.css and the files it is made of (sitegen/site_css.py): each rule in the
file named for what it styles, so a widget's styles are found by the widget's name."""

from __future__ import annotations

import re

from nnpress.widgets import REGISTRY

from sitegen.site_css import site_css, site_css_files

from .conftest import PROJECT

STATIC = PROJECT / "templates" / "static"
WIDGET_CSS = STATIC / "widgets"


def test_each_widget_file_is_named_after_a_widget_or_is_a_shared_one():
    for path in WIDGET_CSS.iterdir():
        assert path.suffix == ".css", path
        name = path.stem
        if name.startswith("_"):  # shared by several widgets: its first comment names them
            head = path.read_text(encoding="utf-8").split("*/")[0]
            assert re.match(r"/\* Shared by ", head), path
            users = [w for w in REGISTRY if re.search(rf"\b{re.escape(w)}\b", head)]
            assert len(users) >= 2, (path, users)
        else:
            assert name in REGISTRY, f"{path.name}: no widget is named {name!r}"


def test_the_theme_first_then_the_pages_parts_then_shared_rules_before_each_widgets():
    files = [p.relative_to(STATIC).as_posix() for p in site_css_files(STATIC)]
    assert files[0] == "site.css"
    assert {"math.css", "code-editor.css"} <= set(files)
    widgets = [f for f in files if f.startswith("widgets/")]
    assert files[-len(widgets):] == widgets  # the widgets' files last
    shared = [f for f in widgets if f.startswith("widgets/_")]
    assert widgets[:len(shared)] == shared  # a widget's own rules may refine shared ones
    assert site_css(STATIC) == "\n".join(
        (STATIC / f).read_text(encoding="utf-8") for f in files)


def test_figure_text_finds_a_japanese_font_in_the_page_and_on_the_share_card():
    """One font list for Japanese (site.css --font-text): the page's figure text uses it,
    and so does a share card, the one place an SVG is drawn outside the page (its
    stylesheet is the theme's with var() resolved)."""
    from sitegen.share_cards import light_stylesheet

    css = site_css(PROJECT / "templates" / "static")
    assert re.search(r"\.nn-svg text \{ font-family: var\(--font-text\); \}", css)
    card = re.search(r"\.nn-svg text \{ font-family: ([^}]*)\}", light_stylesheet(css))[1]
    assert "Hiragino Sans" in card and "Noto Sans CJK JP" in card and "Yu Gothic" in card
