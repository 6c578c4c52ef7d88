"""The share card's layout: the title beside the figure, never over it."""

from __future__ import annotations

import re

import pytest

from sitegen.share_cards import TITLE_LETTER, TITLE_X, card_svg

FIGURE_X = re.compile(r'<svg x="([\d.]+)"')
TITLE_LINE = re.compile(r'class="card-title">([^<]*)</text>')


@pytest.mark.parametrize("view_box", ["0 0 700 400", "0 0 400 400", "0 0 300 600"])
def test_the_title_ends_before_the_figure_begins(view_box):
    figure = f'<svg viewBox="{view_box}" class="nn-svg"><circle r="5"/></svg>'
    title = "Layers, the forward pass and a playground with many words in its title"
    card = card_svg(figure, title, "Neural networks, interactively")
    figure_x = float(FIGURE_X.search(card)[1])
    lines = TITLE_LINE.findall(card)
    assert len(lines) >= 3 and " ".join(lines) in title
    for line in lines:
        assert TITLE_X + len(line) * TITLE_LETTER <= figure_x - 20, (line, figure_x)
