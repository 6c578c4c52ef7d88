"""The one stylesheet every page loads, `static/site.css`, and the files it is made of.

In `templates/static/`, a rule lives in the file named for what it styles:

- `site.css`: the theme (colours, page layout, the controls every widget shares).
- `<part>.css` beside it: a part of pages that is not a widget, named for that part
  (`math.css`: maths typeset by KaTeX; `code-editor.css`: the editor over runnable code).
- `widgets/<name>.css`: one widget's own rules, named as authors write the widget after
  ```widget (its `name`, also its figure's class: `gradient-descent.css` styles
  `.nn-gradient-descent`). A widget with no rules of its own has no file.
- `widgets/_<family>.css`: rules several widgets share, named like the private module they
  share (`_networks.css` for the network widgets, which draw with `widgets/_networks.py`).
  Its first comment names the widgets that use it.

They are joined in that order, each group by file name: the theme first, and a family's
shared rules (the "_" sorts first) before each widget's own, which may refine them.
"""

from __future__ import annotations

from pathlib import Path

THEME = "site.css"
WIDGETS = "widgets"


def site_css_files(static: Path) -> list[Path]:
    """The files of static/site.css in `static` (templates/static), in order."""
    static = Path(static)
    parts = sorted(p for p in static.glob("*.css") if p.name != THEME)
    return [static / THEME, *parts, *sorted((static / WIDGETS).glob("*.css"))]


def site_css(static: Path) -> str:
    """static/site.css: its files' text, joined."""
    return "\n".join(p.read_text(encoding="utf-8") for p in site_css_files(static))
