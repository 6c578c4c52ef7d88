"""```widget fences, in Python-Markdown's assertMarkdownRenders style."""

from __future__ import annotations

import pytest
from markdown.test_tools import TestCase

from sitegen.convert import convert_body
from sitegen.errors import SourceError
from sitegen.markdown_ext.widget_fence import WidgetFenceExtension


class TestWidgetFence(TestCase):
    default_kwargs = {"extensions": [WidgetFenceExtension(), "fenced_code"]}

    def test_other_code_blocks_are_left_alone(self):
        self.assertMarkdownRenders(
            "````markdown\n```widget activation\n```\n````",
            '<pre><code class="language-markdown">```widget activation\n```\n</code></pre>',
        )

    def test_a_widget_becomes_its_prerendered_figure(self):
        html = self.md().convert("Before.\n\n~~~widget activation\nx: 2\n~~~\n\nAfter.")
        assert html.startswith("<p>Before.</p>\n<figure")
        assert html.endswith("</figure>\n<p>After.</p>")
        assert 'data-params="{&quot;x&quot;: 2.0}"' in html
        assert "0.8808" in html

    def md(self):
        import markdown

        return markdown.Markdown(**self.default_kwargs)


def test_errors_carry_the_file_line_after_front_matter():
    with pytest.raises(SourceError) as info:
        convert_body("text\n\n```widget activation\nx: [1\n```\n", first_line=5)
    assert info.value.line == 8
    with pytest.raises(SourceError) as info:
        convert_body("```widget activation\nx: 1\n", first_line=3)
    assert info.value.line == 3 and "never closed" in info.value.message


def test_each_page_numbers_its_widgets_from_one():
    first = convert_body("```widget activation\n```\n\n```widget activation\n```\n", 1)
    second = convert_body("```widget activation\n```\n", 1)
    assert first["widgets"] == ["activation", "activation"]
    assert 'id="nn-activation-2"' in first["html"]
    assert second["widgets"] == ["activation"] and 'id="nn-activation-1"' in second["html"]


def test_ids_inside_figures_take_their_figures_number():
    """Two playgrounds draw the same thumbnails (x1, x2): their masks still differ by id."""
    import re

    body = ("```widget playground\n```\n\n```widget gradient-descent\n```\n\n"
            "```widget playground\n```\n")
    html = convert_body(body, 1)["html"]
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) > 3
    masks = [i for i in ids if not re.fullmatch(r"nn-[\w-]+-\d", i)]
    assert masks and all(re.fullmatch(r"nn-(playground-[13]|gradient-descent-2)-h[0-9a-f]{8}", i)
                         for i in masks)
    for ref in re.findall(r'url\(#([^)]+)\)', html):
        assert ref in ids  # every mask a rect uses is in the page
    assert "\x1a" not in html
