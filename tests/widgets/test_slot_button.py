"""slot_button: the buttons widgets draw inside their slots (a table's rows), one markup."""

from __future__ import annotations

import re
from html import unescape

from nnpress.controls import slot_button
from nnpress.widgets import create


def test_the_markup_the_widgets_wrote_by_hand():
    # prediction's passenger buttons and the house tables' pick buttons, as written before
    # the helper; the binder relies on each attribute (enabling, hover, pressed state).
    assert slot_button("passenger", 3, "Braund, Mr. Owen", "nn-row-button", False) == (
        '<button type="button" class="nn-row-button" data-control="passenger" data-value="3" '
        'data-hover aria-pressed="false" disabled data-wait>Braund, Mr. Owen</button>')
    assert slot_button("house", 0, 1, "nn-house-pick", True, "House 1") == (
        '<button type="button" class="nn-house-pick" data-control="house" data-value="0" '
        'data-hover aria-pressed="true" aria-label="House 1" disabled data-wait>1</button>')


def test_text_and_label_are_escaped():
    html = slot_button("row", "a&b", '<O"Brien>', "nn-x", True, 'say "hi"')
    assert 'data-value="a&amp;b"' in html and 'aria-label="say &quot;hi&quot;"' in html
    assert ">&lt;O&quot;Brien&gt;</button>" in html


def test_every_button_in_the_widgets_slots_is_one_of_its():
    figures = [create("prediction", {}).slots()["passengers"],
               create("regression", {"houses": 3}).slots()["table"],
               create("two-variable", {"show_table": True}).slots()["table"],
               create("gradient-descent", {"show_table": True}).slots()["table"]]
    for slot in figures:
        buttons = re.findall(r"<button .*?</button>", slot)
        assert buttons
        for b in buttons:
            a = dict(re.findall(r'([\w-]+)="([^"]*)"', b))
            text = unescape(re.search(r">([^<]*)</button>", b)[1])
            label = unescape(a["aria-label"]) if "aria-label" in a else None
            assert b == slot_button(a["data-control"], unescape(a["data-value"]), text,
                                    a["class"], a["aria-pressed"] == "true", label)
