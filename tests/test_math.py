r"""$...$ and $$...$$ maths, in Python-Markdown's assertMarkdownRenders style.

KaTeX's HTML is long and exact to the pixel, so most tests read its MathML half (what a
screen reader gets) and the TeX it records in <annotation>; prose, code and errors are
compared exactly.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import markdown
import pytest

from sitegen.convert import make_markdown
from sitegen.errors import SourceError
from sitegen.markdown_ext.math import MathExtension
from sitegen.markdown_ext.page_context import PageContext
from sitegen.math_assets import CSS_NAME, FONT_SHA256, vendor_math_assets
from sitegen.runtime import VendorError

PROJECT = Path(__file__).resolve().parent.parent
ANNOTATION = re.compile(r'<annotation encoding="application/x-tex">(.*?)</annotation>', re.S)


PAGE = PageContext()  # what the extensions of `md` know of the page


@pytest.fixture(scope="module")
def md() -> markdown.Markdown:
    """The site's Markdown instance, with maths."""
    return make_markdown(PAGE)


def expressions(md: markdown.Markdown) -> list:
    """The maths the last page held."""
    return next(e for e in md.registeredExtensions if isinstance(e, MathExtension)).expressions


@pytest.fixture
def render(md):
    def render(source: str, first_line: int = 1) -> str:
        md.reset()
        PAGE.start(None, "", first_line)
        return md.convert(source)

    return render


@pytest.fixture
def assert_renders(render):
    def assert_renders(source: str, expected: str) -> None:
        assert render(source) == expected

    return assert_renders


def tex_of(html: str) -> list[str]:
    """The TeX of every typeset expression, in order (HTML-escaped as KaTeX wrote it)."""
    return ANNOTATION.findall(html)


# Inline and display --------------------------------------------------------------------


def test_inline_maths_stays_in_the_sentence(render):
    html = render(r"The sigmoid $\sigma(x)$ squashes.")
    assert html.startswith('<p>The sigmoid <span class="katex"><span class="katex-mathml">')
    assert html.endswith("</span> squashes.</p>")
    assert tex_of(html) == [r"\sigma(x)"]
    assert "katex-display" not in html and 'display="block"' not in html


def test_a_display_block_is_its_own_div(render):
    html = render("Before.\n\n$$\nx^2\n$$\n\nAfter.")
    assert html.startswith('<p>Before.</p>\n<div class="math-display"><span class="katex-display">')
    assert html.endswith("</div>\n<p>After.</p>")
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in html
    assert tex_of(html) == ["\nx^2\n"]


def test_one_line_display_block(render):
    html = render(r"$$\sigma(x)$$")
    assert html.startswith('<div class="math-display"><span class="katex-display">')
    assert tex_of(html) == [r"\sigma(x)"]


def test_display_maths_inside_a_paragraph_or_list_is_a_span(render):
    html = render("Substitute\n$$\ny = 7\n$$\nand read off $y$.\n\n- item $$z = 1$$")
    assert html.startswith('<p>Substitute\n<span class="math-display"><span class="katex-display">')
    assert "<li>item <span class=\"math-display\">" in html
    assert tex_of(html) == ["\ny = 7\n", "y", "z = 1"]
    html = render("Substitute\n$$y = 7$$\n\nNext.")
    assert html.startswith('<p>Substitute\n<span class="math-display">')  # no <div> in a <p>


def test_markdown_syntax_inside_display_maths_is_not_markdown(render):
    html = render("$$\n- 1\n1. 2\n---\n> b\n    c\na_1 * b_2 * c\n$$")
    assert "<li>" not in html and "<hr" not in html and "<blockquote>" not in html
    assert "<em>" not in html
    assert len(tex_of(html)) == 1


def test_underscores_and_stars_in_inline_maths_are_not_emphasis(render):
    html = render(r"Both $a_1 * b_1$ and $a_2 * b_2$, and $y_{true}$ vs $y_{pred}$.")
    assert "<em>" not in html and "<strong>" not in html
    assert tex_of(html) == ["a_1 * b_1", "a_2 * b_2", "y_{true}", "y_{pred}"]


# Every construct the reference explainers use -------------------------------------------

CONSTRUCTS = [
    (r"\frac{1}{n}", "<mfrac><mn>1</mn><mi>n</mi></mfrac>"),
    (r"\frac{\partial L}{\partial w_1}", '<mi mathvariant="normal">∂</mi><mi>L</mi>'),
    (r"\sum_{i=1}^{n} x_i", "<munderover><mo>∑</mo>"),
    (r"\text{MSE}", "<mtext>MSE</mtext>"),
    (r"\sigma \alpha \beta \eta \Delta", "<mi>σ</mi><mi>α</mi><mi>β</mi><mi>η</mi>"),
    (r"x_i^2", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
    (r"w \cdot x", "<mo>⋅</mo>"),
    (r"w_1 \times x_1", "<mo>×</mo>"),
    (r"\left( \frac{a}{b} \right)", '<mo fence="true">(</mo>'),
    (r"e^{\frac{1}{1+e^{-x}}}", "<msup><mi>e</mi><mfrac><mn>1</mn>"),
    (r"\boxed{y = 1}", '<menclose notation="box">'),
    (r"\begin{aligned} a &= b \\ c &= d \end{aligned}", "<mtable"),
]


@pytest.mark.parametrize(("tex", "mathml"), CONSTRUCTS)
def test_each_construct_typesets(render, tex, mathml):
    html = render(f"$$\n{tex}\n$$")
    assert mathml in html
    assert "katex-error" not in html


def test_boxed_and_aligned_are_drawn_by_css_not_by_mathml(render):
    """Chromium draws no <menclose>, so the box must be in KaTeX's HTML half."""
    assert 'class="boxpad' in render(r"$$\boxed{y = 1}$$")
    assert 'class="col-align-r"' in render(r"$$\begin{aligned} a &= b \\ c &= d \end{aligned}$$")


def test_the_sums_limits_go_inline_beside_text_and_under_in_display(render):
    assert "<msubsup><mo>∑</mo>" in render(r"Sum $\sum_{i=1}^{n} x$ here.")
    assert "<munderover><mo>∑</mo>" in render(r"$$\sum_{i=1}^{n} x$$")


# Dollars that are not maths ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It costs $5 and $10.",
        "A $5-$10 range.",
        "Prices: $5, $10, and $20.",
        "Price is in $1000 throughout; $ 5 $ is not maths either.",
        "Dollars $$ alone.",
    ],
)
def test_prices_are_prose(assert_renders, text):
    assert_renders(text, f"<p>{text}</p>")


def test_code_spans_keep_their_dollars(assert_renders):
    assert_renders("Use `$x$` or `$$y$$` in `cost = $5`.",
                   "<p>Use <code>$x$</code> or <code>$$y$$</code> in <code>cost = $5</code>.</p>")


def test_fenced_code_keeps_its_dollars(render):
    html = render('```python\nprice = "$5" + "$x$"\n```\n\n```\n$$\nx\n$$\n```')
    assert "katex" not in html
    # Pygments versions differ in escaping quotes; the dollars must survive either way.
    assert ('"$x$"' in html or "&quot;$x$&quot;" in html) and "$$\nx\n$$" in html


def test_an_escaped_dollar_is_a_dollar(assert_renders):
    assert_renders(r"Not maths: \$x\$, \$5.", "<p>Not maths: $x$, $5.</p>")


def test_an_escaped_backslash_before_maths(render):
    html = render(r"A backslash \\$x$ then maths.")
    assert html.startswith('<p>A backslash \\<span class="katex">')
    assert tex_of(html) == ["x"]


def test_an_escaped_dollar_inside_maths(render):
    assert tex_of(render(r"Total $\$5 \times 2$ here.")) == [r"\$5 \times 2"]


# Errors --------------------------------------------------------------------------------


def test_a_bad_inline_expression_names_its_file_line(render):
    with pytest.raises(SourceError) as info:
        render("Fine $x$.\n\nStill fine\nthen $\\frac{1}{1+\\foo}$ breaks.", first_line=10)
    assert info.value.line == 13
    assert r"$\frac{1}{1+\foo}$" in info.value.message
    assert r"Undefined control sequence: \foo" in info.value.message


def test_a_bad_display_line_is_exact(render):
    source = "# Title\n\n$$\n\\begin{aligned}\na &= b \\\\\nc &= \\foo{1}\n\\end{aligned}\n$$\n"
    with pytest.raises(SourceError) as info:
        render(source, first_line=4)
    assert info.value.line == 9  # the \foo line, the 6th of the body
    assert info.value.message.startswith(r"bad maths $$\begin{aligned} a &= b \\ c &= \foo{1}")


def test_the_first_error_in_the_page_is_reported(render):
    with pytest.raises(SourceError) as info:
        render("$x^$ first\n\n$$\n\\foo\n$$\n")
    assert info.value.line == 1 and "$x^$" in info.value.message


def test_display_blocks_keep_later_widget_errors_on_their_line(render):
    """The display preprocessor runs before the widget fence and must not shift lines."""
    with pytest.raises(SourceError) as info:
        render("$$\na\n\\\\\nb\n$$\n\n```widget no-such-widget\n```\n", first_line=1)
    assert info.value.line == 7


def test_missing_katex_is_a_clear_error(tmp_path):
    page = PageContext(first_line=3)
    md = markdown.Markdown(extensions=[MathExtension(page, node_modules=str(tmp_path))])
    with pytest.raises(SourceError) as info:
        md.convert("Text $x$.")
    assert info.value.line == 3 and "npm ci" in info.value.message


# Pages ---------------------------------------------------------------------------------


def test_output_is_deterministic_and_pages_do_not_leak(render, md):
    source = r"$$\boxed{\frac{\partial L}{\partial w_1}}$$"
    first = render(source)
    assert len(expressions(md)) == 1
    assert render("No maths here.") == "<p>No maths here.</p>" and expressions(md) == []
    assert render(source) == first


def test_a_heading_id_is_made_from_its_words(render):
    html = render(r"## The $\sigma$ function")
    assert html.startswith('<h2 id="the-function">The <span class="katex">')


# Vendored assets -----------------------------------------------------------------------


def test_vendored_css_links_only_the_vendored_fonts(tmp_path):
    files = vendor_math_assets(tmp_path, node_modules=PROJECT / "node_modules")
    assert [f.name for f in files] == sorted([CSS_NAME] + [f"fonts/{n}" for n in FONT_SHA256])
    css = (tmp_path / CSS_NAME).read_text("utf-8")
    urls = re.findall(r"url\(([^)]*)\)", css)
    assert len(urls) == len(FONT_SHA256) and all((tmp_path / u).is_file() for u in urls)
    assert ".woff)" not in css and ".ttf)" not in css
    for f in files:
        assert hashlib.sha256((tmp_path / f.name).read_bytes()).hexdigest() == f.sha256


def test_a_tampered_font_is_refused(tmp_path):
    fake = tmp_path / "node_modules" / "katex"
    shutil.copytree(PROJECT / "node_modules" / "katex", fake)
    font = fake / "dist" / "fonts" / "KaTeX_Main-Regular.woff2"
    font.write_bytes(font.read_bytes() + b"\0")
    with pytest.raises(VendorError, match="sha256 mismatch.*KaTeX_Main-Regular"):
        vendor_math_assets(tmp_path / "out", node_modules=tmp_path / "node_modules")


def test_a_formula_that_recurs_is_typeset_once_per_process(render, monkeypatch):
    from sitegen.markdown_ext import katex

    render("Warm up $w$.")  # the process is running
    asked: list[list] = []
    process = next(iter(katex._processes.values()))
    ask = process.render
    monkeypatch.setattr(process, "render", lambda batch: asked.append(batch) or ask(batch))
    first = render(r"Page one: $\sigma(z_{41})$ and $$\sigma(z_{41})$$ and $\sigma(z_{41})$.")
    second = render(r"Page two: $\sigma(z_{41})$ again, and $y_{41}$.")
    assert asked == [[(r"\sigma(z_{41})", False), (r"\sigma(z_{41})", True)],
                     [("y_{41}", False)]]
    assert tex_of(second)[0] == tex_of(first)[0] == r"\sigma(z_{41})"
    with pytest.raises(SourceError):  # a remembered answer is still an error where it recurs
        render("$x^$\n\nand again $x^$")
    with pytest.raises(SourceError) as info:
        render("fine\n\n$x^$", first_line=5)
    assert info.value.line == 7


def test_a_build_keeps_the_answers_so_a_prose_edit_starts_no_node(tmp_path, monkeypatch):
    """The next build (a new process) reads KaTeX's answers from the state folder."""
    from sitegen.markdown_ext import katex, katex_answers

    store = tmp_path / "katex.json"
    katex_answers.use_store(store)
    render_page = make_markdown(PageContext())
    formula = r"\tanh(z_{77})"
    page = f"An edit's page: ${formula}$, and $${formula}$$."
    html = render_page.convert(page)
    katex_answers.save()
    assert formula in store.read_text(encoding="utf-8")

    monkeypatch.setattr(katex_answers, "_known", {})  # as a new process starts
    katex_answers.use_store(None)
    katex_answers.use_store(store)
    started = []

    def no_node(*args):
        started.append(args)
        raise katex.TypesetError("no Node here")

    monkeypatch.setattr(katex_answers, "katex_process", no_node)
    render_page.reset()
    assert render_page.convert(page) == html and started == []
    with pytest.raises(SourceError, match="no Node here"):  # a new formula needs Node
        render_page.reset().convert(r"A new one: $\cosh(z_{77})$.")
    assert len(started) == 1
    katex_answers.use_store(None)
