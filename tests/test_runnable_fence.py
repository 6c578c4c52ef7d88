"""```python run fences, in Python-Markdown's assertMarkdownRenders style."""

from __future__ import annotations

import markdown
import pytest
from markdown.test_tools import TestCase
from nnpress.widgets import create

from sitegen.errors import SourceError
from sitegen.markdown_ext.page_context import PageContext
from sitegen.markdown_ext.runnable_fence import RunnableFenceExtension
from sitegen.markdown_ext.widget_fence import WidgetFenceExtension


def make_md(page: PageContext) -> markdown.Markdown:
    """What convert.make_markdown does: both figure fences share the page's context."""
    return markdown.Markdown(
        extensions=[WidgetFenceExtension(page), RunnableFenceExtension(page), "fenced_code"]
    )


def figure(code: str, n: int = 1, **params) -> str:
    return create("runnable", {"code": code, **params}).render_html(f"nn-runnable-{n}")


class TestRunnableFence(TestCase):
    page = PageContext()
    default_kwargs = {
        "extensions": [WidgetFenceExtension(page), RunnableFenceExtension(page), "fenced_code"]
    }

    def test_a_run_block_becomes_the_figure_with_its_output(self):
        self.assertMarkdownRenders(
            "Before.\n\n```python run\nprint(2**10)\n```\n\nAfter.",
            f"<p>Before.</p>\n{figure('print(2**10)')}\n<p>After.</p>",
        )
        assert "<samp>1024</samp>" in figure("print(2**10)")

    def test_tildes_py_and_options(self):
        self.assertMarkdownRenders(
            "~~~py run rows=5 error\n\nraise ValueError('shown')\n~~~",
            figure("raise ValueError('shown')", rows=5, error=True),
        )

    def test_plain_python_blocks_are_left_alone(self):
        self.assertMarkdownRenders(
            "```python\nprint(2**10)\n```",
            '<pre><code class="language-python">print(2**10)\n</code></pre>',
        )
        for text in ["```python running\nx\n```", "```pyrun\nx\n```", "    python run\n"]:
            self.assertMarkdownRenders(text, markdown.markdown(text, extensions=["fenced_code"]))

    def test_a_run_block_quoted_inside_another_fence_is_left_alone(self):
        self.assertMarkdownRenders(
            "````markdown\n```python run\nprint(1)\n```\n````",
            '<pre><code class="language-markdown">```python run\nprint(1)\n```\n</code></pre>',
        )


def test_ids_share_one_counter_with_widget_blocks_in_reading_order():
    page = PageContext()
    md = make_md(page)
    html = md.convert(
        "```widget activation\n```\n\n```python run\nprint(1)\n```\n\n```widget activation\n```\n"
    )
    assert page.widgets == ["activation", "runnable", "activation"]
    ids = [part.split('"', 1)[0] for part in html.split('id="')[1:]]
    assert ids == ["nn-activation-1", "nn-runnable-2", "nn-activation-3"]
    md.reset()
    md.convert("```python run\nprint(1)\n```\n")
    assert page.widgets == ["runnable"]


def convert(text: str, first_line: int = 1) -> str:
    return make_md(PageContext(first_line=first_line)).convert(text)


def test_a_snippet_that_raises_fails_the_build_at_the_file_line():
    text = "Intro.\n\n```python run\n\nx = 1\nprint(x / 0)\n```\n"
    with pytest.raises(SourceError) as info:
        convert(text, first_line=5)  # the fence is on line 7 of the file
    assert info.value.line == 10  # `print(x / 0)`, after a blank line that is not shown
    assert "ZeroDivisionError: division by zero" in info.value.message
    assert "python run error" in info.value.message


def test_run_error_allows_an_intended_error_and_requires_it():
    html = convert("```python run error\nprint(1 / 0)\n```\n")
    assert "nn-run-failed" in html and "ZeroDivisionError" in html
    with pytest.raises(SourceError, match="ran cleanly") as info:
        convert("text\n\n```python run error\nprint(1)\n```\n", first_line=3)
    assert info.value.line == 5


def test_other_mistakes_point_at_the_fence():
    for text, message in [
        ("```python run\n```\n", "'code' is required"),
        ("```python run\nprint(1)\n", "never closed"),
        ("```python run loud\nprint(1)\n```\n", "unknown option 'loud'"),
        ("```python run rows=99\nprint(1)\n```\n", "'rows' must be at most 60"),
    ]:
        with pytest.raises(SourceError, match=message) as info:
            convert("\n" + text, first_line=4)
        assert info.value.line == 5


def test_the_yaml_form_reports_at_the_code_key():
    with pytest.raises(SourceError) as info:
        convert("```widget runnable\ncaption: demo\ncode: |\n  1 / 0\n```\n", first_line=1)
    assert info.value.line == 3 and "ZeroDivisionError" in info.value.message
