"""Highlighted code is kept between builds: the same HTML, without Pygments' lexer."""

from __future__ import annotations

import pytest
from pymdownx import highlight

from sitegen.convert import make_markdown
from sitegen.markdown_ext import highlight_answers
from sitegen.markdown_ext.page_context import PageContext

PAGE = """Some code:

```python
def neuron(x, w, b):
    return 1 / (1 + exp(-(w * x + b)))
```

and a title, which the Markdown instance keeps aside:

```python title="neuron.py"
print("a titled block")
```
"""


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(highlight_answers, "_known", {})
    highlight_answers.use_store(tmp_path / "highlight.json")
    yield tmp_path / "highlight.json"
    highlight_answers.use_store(None)


def as_a_new_process(store, monkeypatch):
    monkeypatch.setattr(highlight_answers, "_known", {})
    highlight_answers.use_store(None)
    highlight_answers.use_store(store)


def test_a_kept_answer_is_the_html_pygments_made(store, monkeypatch):
    html = make_markdown(PageContext()).convert(PAGE)
    assert 'class="highlight"' in html and "neuron.py" in html
    highlight_answers.save()
    assert "def neuron" in store.read_text(encoding="utf-8")
    assert "a titled block" not in store.read_text(encoding="utf-8")

    as_a_new_process(store, monkeypatch)
    lexers = []
    real = highlight.Highlight.get_lexer
    monkeypatch.setattr(highlight.Highlight, "get_lexer",
                        lambda self, *a: lexers.append(a[1]) or real(self, *a))
    assert make_markdown(PageContext()).convert(PAGE) == html
    assert lexers == ["python"]  # the titled block only: the other was remembered


def test_a_store_from_other_versions_is_not_used(store, monkeypatch):
    html = make_markdown(PageContext()).convert(PAGE)
    highlight_answers.save()
    store.write_text(store.read_text().replace(highlight_answers.VERSIONS, "pygments 0.1"))
    as_a_new_process(store, monkeypatch)
    assert highlight_answers.answer("anything") is None and highlight_answers._known == {}
    assert make_markdown(PageContext()).convert(PAGE) == html
