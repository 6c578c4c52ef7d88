"""Style attributes become classes; a tag seen before is made over from memory, the same."""

from __future__ import annotations

from sitegen.inline_styles import class_name, styles_to_classes

HTML = ('<span class="strut" style="height:1em;"></span><span style="top:-2em;">x</span>'
        '<span style=" ">blank</span><img src="a.png" style="width:1em;"/>'
        '<span class="strut" style="height:1em;"></span>')
MADE = (f'<span class="strut {class_name("height:1em;")}"></span>'
        f'<span class="{class_name("top:-2em;")}">x</span><span>blank</span>'
        f'<img src="a.png" class="{class_name("width:1em;")}"/>'
        f'<span class="strut {class_name("height:1em;")}"></span>')


def test_styles_become_classes_every_time():
    for _ in range(2):  # the second time from memory: the same HTML, the same rules
        styles: dict[str, str] = {}
        assert styles_to_classes(HTML, styles) == MADE
        assert styles == {class_name(s): s for s in ("height:1em;", "top:-2em;", "width:1em;")}
