"""```python live fences and {=name} prose numbers: rendering, and errors at file:line."""

from __future__ import annotations

import markdown
import pytest
from markdown.test_tools import TestCase

from sitegen.convert import convert_body
from sitegen.errors import SourceError
from sitegen.markdown_ext.live_cells import LiveCellExtension
from sitegen.markdown_ext.page_context import PageContext
from sitegen.markdown_ext.runnable_fence import RunnableFenceExtension
from sitegen.markdown_ext.widget_fence import WidgetFenceExtension


def make_md(page: PageContext) -> markdown.Markdown:
    """What convert.make_markdown does: the figure fences share the page's context."""
    return markdown.Markdown(extensions=[
        WidgetFenceExtension(page), RunnableFenceExtension(page), LiveCellExtension(page),
        "fenced_code"])


def convert(text: str, first_line: int = 1) -> str:
    return make_md(PageContext(first_line=first_line)).convert(text)


def number(cell: str, slot: int, text: str) -> str:
    return f'<span class="nn-prose-number" data-for="{cell}" data-slot="p{slot}">{text}</span>'


class TestProseNumbers(TestCase):
    page = PageContext()
    default_kwargs = {"extensions": [WidgetFenceExtension(page), LiveCellExtension(page),
                                     "fenced_code"]}

    def test_a_prose_number_shows_the_variable_after_the_cell_above(self):
        html = convert("```python live\nloss = 2057.7312\n```\n\nThe loss is {=loss:.2f}, "
                       "or {=loss:,.0f}; `{=loss}` is code.\n")
        assert html.endswith(f"<p>The loss is {number('nn-cell-1', 0, '2057.73')}, or "
                             f"{number('nn-cell-1', 1, '2,058')}; <code>{{=loss}}</code> "
                             "is code.</p>")

    def test_inline_maths_is_left_alone(self):
        html = convert("```python live\nx = 2\n```\n\n$a^{=b}$ costs $5 and {=x}.\n")
        assert html.endswith(f"<p>$a^{{=b}}$ costs $5 and {number('nn-cell-1', 0, '2')}.</p>")

    def test_plain_text_and_other_fences_are_left_alone(self):
        self.assertMarkdownRenders("Braces {like this} and {= x}.",
                                   "<p>Braces {like this} and {= x}.</p>")
        self.assertMarkdownRenders(
            "```python\nx = slider('x', 'x', 0, 1)\n```",
            '<pre><code class="language-python">x = slider(\'x\', \'x\', 0, 1)\n</code></pre>')


def test_cells_share_names_and_numbers_name_their_own_cell():
    page = PageContext()
    html = make_md(page).convert(
        "```python live\nxs = [1, 2, 3]\n```\n\n```widget activation\n```\n\n"
        "```python live hide-code\nn = slider('n', 'n', 0, 3, 1, default=2)\n"
        "total = sum(xs[:n])\ntotal\n```\n\nTotal {=total}, first {=xs}.\n")
    assert page.widgets == ["cell", "activation", "cell"]  # reading order
    assert number("nn-cell-3", 0, "3") in html and number("nn-cell-3", 1, "[1, 2, 3]") in html
    assert 'id="nn-cell-1"' in html and 'id="nn-activation-2"' in html
    assert 'data-control="n"' in html and "<output>3</output>" in html
    cell2 = html.split('id="nn-cell-3"')[1]
    assert "nn-cell-code" not in cell2.split("</figure>")[0]  # hide-code


def test_the_controls_are_markup_not_the_text_of_a_dict():
    html = convert("```python live\na = slider('a', 'A', 0, 1)\nb = checkbox('b', 'B')\n```\n")
    panel = html.split('<div class="nn-controls">')[1].split("</div>")[0]
    assert panel.startswith('<label class="nn-slider"><span>A</span>')
    assert "{" not in panel and "'" not in panel
    assert 'data-control="b"' in panel


def test_a_prose_number_may_sit_in_a_heading_a_list_a_link_and_a_table():
    html = convert_body(  # with the toc extension, as a site page is
        "```python live\nx = slider('x', 'x', 0, 9, 1, default=3)\n```\n\n"
        "## With x = {=x}\n\n- item {=x}\n- [link {=x}](https://a.example)\n\n"
        "| a | b |\n|---|---|\n| {=x} | 2 |\n", 1)["html"]
    assert html.count('data-for="nn-cell-1"') == 4 and "\x1a" not in html
    assert '<h2 id="with-x-3">With x = <span class="nn-prose-number" data-for="nn-cell-1" ' \
           'data-slot="p0"' in html


def test_an_error_in_a_cell_points_at_its_line_in_the_file():
    text = "Intro.\n\n```python live\n\nx = 1\ny = x / 0\n```\n"
    with pytest.raises(SourceError) as info:
        convert(text, first_line=5)  # the fence is on line 7 of the file
    assert info.value.line == 10
    assert "ZeroDivisionError: division by zero" in info.value.message


def test_code_that_does_not_parse_is_not_said_to_have_raised():
    with pytest.raises(SourceError, match=r"the code is not valid Python: SyntaxError: '\(' was "
                       "never closed") as info:
        convert("```python live\nx = 1\ny = (x\nz = 2\n```\n")
    assert info.value.line == 3


def test_a_later_line_keeps_its_number_after_a_cell():
    text = "```python live\nx = 1\n\n\n```\n\n```widget activation\nfunction: nope\n```\n"
    with pytest.raises(SourceError) as info:
        convert(text, first_line=1)
    assert info.value.line == 8  # the cell's lines were kept, so the count is right


def test_prose_mistakes_point_at_their_line():
    for text, line, message in [
        ("Before {=x}.\n\n```python live\nx = 1\n```\n", 1, "no live cell comes before it"),
        ("```python live\nx = 1\n```\n\nok\n{=y}\n", 6, "no variable 'y' after the live cell "
         "at line 1"),
        ("```python live\nx = 's'\n```\n\n{=x}\n{=x:.2f}\n", 6, "Unknown format code"),
        ("```python live\nloss = 1\n```\n\n{=los}\n", 5, r"\(did you mean \{=loss\}\?\)$"),
        ("```python live\na = 1\n```\n{=b}\n\n```python live\nfor b in [2]: pass\n```\n", 4,
         "no variable 'b' after the live cell at line 1; the live cell at line 6 sets it: "
         "put the number after that cell$"),
    ]:
        with pytest.raises(SourceError, match=message) as info:
            convert(text)
        assert info.value.line == line


def test_fence_mistakes_point_at_the_fence():
    for text, message in [
        ("```python live\n```\n", "empty"),
        ("```python live\nx = 1\n", "never closed"),
        ("```python live loud\nx = 1\n```\n", "unknown option 'loud'"),
        ("```python live timeout=9999\nx = 1\n```\n", "at most"),
    ]:
        with pytest.raises(SourceError, match=message) as info:
            convert("\n" + text, first_line=4)
        assert info.value.line == 5


def test_an_import_the_pages_python_lacks_is_an_error_at_its_line():
    # yaml is there at build time (the build uses it) but not in the page
    with pytest.raises(SourceError, match="imports 'yaml', which the page's Python does not "
                       "have") as info:
        convert("```python live\nimport math\nimport numpy.linalg as la\n"
                "from yaml import safe_load\n```\n", first_line=3)
    assert info.value.line == 6
    convert("```python live\nimport json, numpy as np\nfrom nnpress.plot import Plot\n```\n")


def test_a_cell_that_hangs_stops_at_the_time_limit_at_its_line():
    with pytest.raises(SourceError, match="timed out after 1 s") as info:
        convert("```python live timeout=1\nx = 1\nwhile True:\n    x += 1\n```\n")
    assert info.value.line in (3, 4)
