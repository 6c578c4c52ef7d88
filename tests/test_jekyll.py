"""Jekyll import: front matter, Liquid, kramdown lines, and a whole post end to end."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen import frontmatter, pages
from sitegen.convert import make_markdown
from sitegen.errors import SourceError
from sitegen.jekyll import jekyll_meta
from sitegen.liquid import render_liquid

ROOT = Path(__file__).resolve().parent.parent
PAGE = {"title": "Gradient descent", "author": {"name": "Ada"}, "tags": ["ml", "opt"]}
SITE = {"title": "Notes", "baseurl": "/blog", "url": "https://example.org", "author": "Ada"}


def liquid(body: str, page: dict | None = None, site: dict | None = None) -> str:
    return render_liquid(body, 1, PAGE if page is None else page, SITE if site is None else site)


def error(body: str, first_line: int = 1) -> SourceError:
    with pytest.raises(SourceError) as info:
        render_liquid(body, first_line, PAGE, SITE)
    return info.value


def to_html(markdown_text: str) -> str:
    md = make_markdown()
    return md.convert(markdown_text)


def outside_code(html: str) -> str:
    return re.sub(r"<pre.*?</pre>|<code.*?</code>", "", html, flags=re.S)


# -- jekyll_meta ----------------------------------------------------------------------------


def test_meta_published_false_is_a_draft_and_layout_is_ignored():
    meta = {"layout": "post", "title": "T", "published": False}
    out = jekyll_meta(meta)
    assert out["draft"] is True and out["layout"] == "post"
    assert meta == {"layout": "post", "title": "T", "published": False}  # a new dict
    assert "draft" not in jekyll_meta({"published": True})
    assert jekyll_meta({"published": False, "draft": False})["draft"] is True


def test_meta_published_must_be_a_boolean():
    with pytest.raises(SourceError) as info:
        jekyll_meta({"published": "no"}, {"published": 4})
    assert info.value.line == 4 and "published" in info.value.message


@pytest.mark.parametrize("meta, tags", [
    ({"categories": "ml deep-learning"}, ["ml", "deep-learning"]),
    ({"categories": ["ml", "deep learning"], "tags": "ml, numpy"},
     ["ml", "numpy", "deep learning"]),
    ({"category": "Machine Learning", "tags": ["x"]}, ["x", "Machine Learning"]),
    ({"categories": [], "tags": ["x"]}, ["x"]),
])
def test_meta_categories_join_tags(meta, tags):
    assert jekyll_meta(meta).get("tags") == tags


def test_meta_bad_categories_point_at_their_line():
    with pytest.raises(SourceError) as info:
        jekyll_meta({"categories": {"a": 1}}, {"categories": 7})
    assert info.value.line == 7


@pytest.mark.parametrize("permalink, slug", [
    ("/blog/my-great-post/", "my-great-post"),
    ("/about.html", "about"),
    ("/2019/03/04/update-rule?x=1", "update-rule"),
    ("/:categories/:title/", None),  # a pattern: the file name's slug stays
    ("/", None),
])
def test_meta_permalink_gives_the_slug(permalink, slug):
    assert jekyll_meta({"permalink": permalink}).get("slug") == slug


def test_meta_explicit_slug_beats_permalink_and_other_keys_pass_through():
    out = jekyll_meta({"permalink": "/a/b/", "slug": "mine", "excerpt_separator": "<!--x-->"})
    assert out["slug"] == "mine" and out["excerpt_separator"] == "<!--x-->"


# -- render_liquid: what it renders ---------------------------------------------------------


@pytest.mark.parametrize("source", sorted((ROOT / "tests" / "site").glob("*.md")),
                         ids=lambda p: p.name)
def test_posts_without_liquid_come_back_unchanged(source):
    body = frontmatter.split(source.read_text(encoding="utf-8")).body
    assert liquid(body) == body


@pytest.mark.parametrize("body, expected", [
    ("![a]({{ site.baseurl }}/images/x.png)", "![a](/images/x.png)"),
    ("{{ site.url }}{{site.baseurl}}/feed.xml", "/feed.xml"),
    ("# {{ page.title }}", "# Gradient descent"),
    ("by {{ page.author.name }} on {{ site.title }}", "by Ada on Notes"),
    ("{{ page.tags }}", "ml, opt"),
    ("{{ '/assets/a.png' | relative_url }}", "/assets/a.png"),
    ('{{ "assets/a.png" | absolute_url }}', "/assets/a.png"),
    ("{{ 'x|y' | prepend: site.title | append: '!' }}", "Notesx|y!"),
    ("see {% post_url 2019-02-01-Loss_Functions %}.", "see /posts/loss-functions/."),
    ("{% post_url /2019/2019-02-01-loss %}", "/posts/loss/"),
    ("{% link _posts/2019-02-01-loss.md %}", "/posts/loss/"),
    ("{% link assets/paper.pdf %}", "/assets/paper.pdf"),
    ("a {% comment %}not {{ shown }}{% endcomment %}b", "a b"),
    ("a  {{- page.title -}}  b", "aGradient descentb"),
])
def test_liquid_that_real_posts_use(body, expected):
    assert liquid(body) == expected


def test_page_dates_render_as_iso():
    assert liquid("{{ page.date }}", {"date": dt.date(2020, 1, 2)}) == "2020-01-02"


def test_raw_keeps_its_content_verbatim():
    assert liquid("{% raw %}{{ x }} {% if y %}{% endraw %}") == "{{ x }} {% if y %}"
    body = "{% raw %}\n```\n{{ page.title }}\n```\n{% endraw %}"
    assert liquid(body) == "\n```\n{{ page.title }}\n```\n"


def test_code_is_left_alone_but_raw_markers_go():
    fenced = "```liquid\n{{ page.title }} {% include x %}\n{% raw %}{{ y }}{% endraw %}\n```"
    assert liquid(fenced) == "```liquid\n{{ page.title }} {% include x %}\n{{ y }}\n```"
    tilde = "~~~~\n{% if %}\n```\n{{ a }}\n~~~~\n{{ page.title }}"
    assert liquid(tilde) == "~~~~\n{% if %}\n```\n{{ a }}\n~~~~\nGradient descent"
    spans = "`{{ x }}`, ``a ` {% if %}`` and `{% raw %}{{ y }}{% endraw %}`"
    assert liquid(spans) == "`{{ x }}`, ``a ` {% if %}`` and `{{ y }}`"
    assert liquid("a `multi\nline {{ x }}` b") == "a `multi\nline {{ x }}` b"
    listed = "- item\n\n    ```\n    {{ x }}\n    ```\n"
    assert liquid(listed) == listed


def test_an_unclosed_fence_is_text_as_for_superfences():
    assert liquid("```python\n{{ page.title }}") == "```python\nGradient descent"
    assert liquid("a lone ` then {{ page.title }}") == "a lone ` then Gradient descent"


def test_braces_that_are_not_liquid_pass():
    for body in ("a set {x} or {x, y}", r"escaped \{\{ x \}\}", "```\n{{\n```", "`{%`", "{ {"):
        assert liquid(body) == body


@pytest.mark.parametrize("body, expected", [
    ("{% highlight python linenos %}\ndef f():\n    return 1\n{% endhighlight %}\nafter",
     "```python\ndef f():\n    return 1\n```\nafter"),
    ("{% highlight ruby %}puts 1{% endhighlight %}", "```ruby\nputs 1\n```"),
    ("text {% highlight sh %}ls{% endhighlight %} more", "text \n```sh\nls\n```\n more"),
    ("{% highlight md %}\n```\n{{ x }} {% raw %}{% if %}{% endraw %}\n```\n{% endhighlight %}",
     "````md\n```\n{{ x }} {% if %}\n```\n````"),
    ("1. step\n\n    {% highlight c %}\n    int x;\n    {% endhighlight %}\n",
     "1. step\n\n    ```c\n    int x;\n    ```\n"),
])
def test_highlight_becomes_a_fence(body, expected):
    assert liquid(body) == expected


def test_highlight_keeps_line_numbers():
    body = "{% highlight python %}\na\nb\n{% endhighlight %}\nend"
    assert liquid(body).count("\n") == body.count("\n")


@pytest.mark.parametrize("body, expected", [
    ('{::options parse_block_html="true" /}\nText', "\nText"),
    ("Para\n{: .lead}", "Para\n"),
    ("* TOC\n{:toc}\n\n## A\n{: .no_toc}", "\n\n\n## A\n"),
    ("1. Contents\n{: toc}\n", "\n\n"),
    ('[Wiki](https://w.org){:target="_blank"} and ![x](a.png){: .center}',
     "[Wiki](https://w.org) and ![x](a.png)"),
    ("{::comment}\nnot for readers\n{:/comment}\nShown", "\n\n\nShown"),
    ("{::nomarkdown}<b>x</b>{:/nomarkdown}", "<b>x</b>"),
    ("`{: .class}` is an IAL", "`{: .class}` is an IAL"),
])
def test_kramdown_lines_are_dropped(body, expected):
    assert liquid(body) == expected


def test_excerpt_separator_becomes_our_marker():
    page = {"excerpt_separator": "<!-- excerpt -->"}
    assert liquid("One.\n\n<!-- excerpt -->\n\nTwo.", page) == "One.\n\n<!--more-->\n\nTwo."
    assert liquid("--more--\n", {}, {"excerpt_separator": "--more--"}) == "<!--more-->\n"


def test_markdown_0_attribute_is_dropped_as_it_changes_nothing():
    assert liquid('<div class="a" markdown="0">**b**</div>') == '<div class="a">**b**</div>'


# -- render_liquid: what it refuses, and where ----------------------------------------------


@pytest.mark.parametrize("body, words", [
    ("{% include ad.html %}", ["{% include %}", "paste", "{% raw %}"]),
    ("{% include_relative a.md %}", ["{% include_relative %}"]),
    ("{% if page.x %}a{% endif %}", ["{% if %}", "logic"]),
    ("{% for p in site.posts %}", ["{% for %}"]),
    ("{% assign x = 1 %}", ["{% assign %}"]),
    ("{% seo %}", ["{% seo %}", "raw, highlight, post_url, link, comment"]),
    ("{% endraw %}", ["{% endraw %}", "{% raw %}"]),
    ("{% raw %}never closed", ["{% endraw %}"]),
    ("{% highlight python %}\nx", ["{% endhighlight %}"]),
    ("{% highlight <py> %}x{% endhighlight %}", ["<py>"]),
    ("{% post_url about %}", ["2020-01-02-slug"]),
    ("{% link {{ page.x }} %}", ["plain path"]),
    ("{{ content }}", ["{{ content }}", "page.*"]),
    ("{{ page.subtitle }}", ["{{ page.subtitle }}", "front matter", "subtitle"]),
    ("{{ site.github.url }}", ["{{ site.github.url }}", "site has no 'github'"]),
    ("{{ site.author.name }}", ["'author.name'"]),
    ("{{ page.author }}", ["mapping"]),
    ("{{ page.title | date: '%Y' }}", ["'date'", "relative_url"]),
    ("{{ 'a' | | x }}", ["filter"]),
    ("{{ a b }}", ["{{ a b }}"]),
    ("text {{ unclosed", ["'{{'", "}}"]),
    ("text {% unclosed", ["'{%'", "%}"]),
    ("{::comment}\nforever", ["{:/comment}"]),
])
def test_unsupported_liquid_is_an_error_that_says_what_to_do(body, words):
    message = error(body).message
    for word in words:
        assert word in message


def test_errors_give_the_file_line():
    assert error("{{ page.x }}", first_line=5).line == 5
    assert error("one\n`code`\n```\n{% if %}\n```\n\nfour {% if %}", first_line=10).line == 16
    assert error("{% raw %}\n\n{% endraw %}\n{{ nope }}", first_line=3).line == 6
    assert error("{% highlight c %}\n{% if %}\n{% endhighlight %}\n{{ x }}").line == 4


def test_the_first_error_in_the_text_is_the_one_told():
    # python-liquid lexes the whole text before it renders: a later lexing error must
    # not hide an earlier one found only while rendering
    assert error("{{ page.nope }}\n{% include x %}\n{{ never closed").line == 1
    assert error("a\n{{ page.author }}\n{% if %}").line == 2


def test_whitespace_control_keeps_the_final_newline():
    # python-liquid alone would strip the last newline of a post after `-}}`
    assert liquid("{{- page.title -}}\nText.\n") == "Gradient descentText.\n"
    assert liquid("{% comment %}x{% endcomment -%}\n\nText\n\n") == "Text\n\n"


def test_an_escaped_brace_does_not_open_liquid():
    assert liquid(r"\{{{ page.title }}") == r"\{Gradient descent"


def test_posts_without_liquid_never_load_the_engine():
    code = ("import sys; from sitegen.liquid import render_liquid; "
            "assert render_liquid('# T\\n{: .c}\\n`{{ x }}`', 1, {}) == '# T\\n\\n`{{ x }}`'; "
            "assert 'liquid' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


# -- Markdown in HTML: what md_in_html (on in convert.py) does with kramdown's attribute -------


@pytest.mark.parametrize("source, expected", [
    ('<div markdown="1">**bold**</div>', "<div>\n<p><strong>bold</strong></p>\n</div>"),
    ('<div class="note" markdown="1">\n*a*\n\n- b\n</div>',
     '<div class="note">\n<p><em>a</em></p>\n<ul>\n<li>b</li>\n</ul>\n</div>'),
    ("<div markdown=1>\n<div markdown='1'>\n*in*\n</div>\n</div>",
     "<div>\n<div>\n<p><em>in</em></p>\n</div>\n</div>"),
    ('<div markdown="span">*a*</div>', "<div><em>a</em></div>"),
    ('<div markdown="0">**raw**</div>', "<div>**raw**</div>"),
    ('<div markdown="1">\n*a*\n<div markdown="0">\n*raw*\n</div>\n</div>',
     "<div>\n<p><em>a</em></p>\n<div>\n*raw*\n</div>\n</div>"),
])
def test_markdown_attribute_works_as_kramdown_authors_expect(source, expected):
    assert to_html(liquid(source)) == expected


# -- a whole Jekyll post --------------------------------------------------------------------

POST = """\
---
layout: post
title: "Gradient descent, by hand"
date: 2019-03-04 10:00:00 +0100
categories: [ml, optimisation]
published: true
excerpt_separator: <!--excerpt-->
---
{::options parse_block_html="true" /}

* TOC
{:toc}

Gradient descent walks downhill: this is *{{ page.title }}*.

![The loss surface]({{ site.baseurl }}/images/a.png)
{: .center-image}

<!--excerpt-->

## The update rule
{: #update}

{% highlight python linenos %}
def step(w, grad, lr=0.1):
    return w - lr * grad
{% endhighlight %}

Jekyll templates use double braces; to show them:

```
{% raw %}{{ not liquid }}{% endraw %}
```

Inline, `{{ page.title }}` and the set {x} stay as they are.

<div class="note" markdown="1">
**Note:** see [the loss post]({% post_url 2019-02-01-loss-functions %}), by {{ site.author }}.
</div>

<div markdown="0">*kept raw*</div>

Read more on [Wikipedia](https://en.wikipedia.org/wiki/Gradient_descent){:target="_blank"}.
"""


def import_post(text: str, site: dict) -> tuple[dict, str]:
    fm = frontmatter.split(text)
    meta = jekyll_meta(fm.data, fm.lines)
    return meta, render_liquid(fm.body, fm.body_line, meta, site)


def test_a_jekyll_post_renders_with_no_template_syntax_left():
    meta, body = import_post(POST, {"author": "Ada"})
    assert meta["tags"] == ["ml", "optimisation"] and not meta.get("draft")
    html = to_html(body)
    for syntax in ("{%", "{{", "{:", "TOC", "markdown="):
        assert syntax not in outside_code(html), syntax
    assert "<em>Gradient descent, by hand</em>" in html
    assert '<img alt="The loss surface" src="/images/a.png">' in html
    assert "<!--more-->" in html
    assert '<div class="highlight"><pre><span></span><code><span class="k">def</span>' in html
    assert "<code>{{ not liquid }}\n</code>" in html  # what the author showed, as code
    assert "<code>{{ page.title }}</code>" in html
    assert "the set {x} stay" in html
    assert ('<div class="note">\n<p><strong>Note:</strong> see '
            '<a href="/posts/loss-functions/">the loss post</a>, by Ada.</p>\n</div>') in html
    assert "<div>*kept raw*</div>" in html
    assert '<a href="https://en.wikipedia.org/wiki/Gradient_descent">Wikipedia</a>.' in html


def test_a_jekyll_post_error_points_at_the_file_line():
    text = POST.replace("Inline,", "{% include ad.html %}\nInline,")
    line = text.split("\n").index("{% include ad.html %}") + 1
    with pytest.raises(SourceError) as info:
        import_post(text, {"author": "Ada"})
    assert info.value.line == line and "{% include %}" in info.value.message


def test_an_unpublished_post_is_a_draft():
    meta, _ = import_post(POST.replace("published: true", "published: false"), {"author": "A"})
    assert meta["draft"] is True


def test_a_post_without_front_matter_takes_its_first_heading(tmp_path):
    path = tmp_path / "2020-01-02-hello-world.md"
    path.write_text("Intro line.\n\n# Hello, world\n\nText.\n\n# Second\n", encoding="utf-8")
    page = pages.read_page(path)
    assert (page.title, page.slug, page.date) == ("Hello, world", "hello-world",
                                                   dt.date(2020, 1, 2))
