"""Markdown to HTML: the library, its extensions, and ours.

Each process keeps one configured `Markdown` instance, reset between pages.
Code is highlighted by Pygments at build time, so readers get coloured code
without any script. Pages whose inputs did not change come from the cache;
the rest are converted in parallel across the machine's cores when there are
enough of them to repay starting worker processes.
"""

from __future__ import annotations

import os
import re
from functools import cache
from importlib import import_module
from pathlib import Path

import markdown
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from nnpress import i18n
from pymdownx.superfences import SuperFencesCodeExtension
from pymdownx.tasklist import TasklistExtension

from . import site_widgets, snippet_runner
from .cache import ConversionCache, key_for
from .errors import BuildError, SourceError
from .html_urls import remember_spans, url_spans
from .inline_styles import styles_to_classes
from .markdown_ext import highlight_answers
from .markdown_ext.block_skip import BlockSkipExtension
from .markdown_ext.code_style import UnreadStyle
from .markdown_ext.inline_skip import InlineSkipExtension
from .markdown_ext.katex_answers import drain_new
from .markdown_ext.katex_answers import remember as remember_maths
from .markdown_ext.katex_answers import warm_up as katex_warm_up
from .markdown_ext.links import LinkExtension, LinkResolver
from .markdown_ext.live_cells import LiveCellExtension
from .markdown_ext.math import MathExtension
from .markdown_ext.page_context import PageContext
from .markdown_ext.runnable_fence import RunnableFenceExtension
from .markdown_ext.widget_fence import WidgetFenceExtension
from .pages import Page, excerpt_of
from .scroll_regions import scroll_regions
from .snippet_runner import SnippetLimits

PYGMENTS_STYLE = "xcode"  # every colour passes WCAG AA on --code-bg ("friendly" did not)
# Levels of nested lists and quotes a page may have: 2,000 took Python-Markdown over three
# minutes and 3 GB before it gave up; 100 take a fraction of a second.
MAX_NESTING = 100
PARALLEL_FROM = 24  # pages to convert before worker processes pay for themselves
FIGURE = re.compile(r'<figure class="nn-widget.*?</figure>', re.S)


class Holds:
    """A hint that text holds one of some `strings`."""

    def __init__(self, *strings: str):
        self.strings = strings

    def search(self, text: str) -> bool:
        return any(string in text for string in self.strings)


class MagiclinkHint:
    """What magiclink's patterns need: "://", "www." in any case, or an "@" between a
    letter, digit or one of -+_ and a letter, digit or one of -_. As one regular
    expression, tried at every character of the page, this took a twentieth of a plain
    page's conversion; the "@" test is that expression's, tried at each "@"."""

    AT = re.compile(r"[-+a-z\d_]@[-a-z\d_]", re.I)

    def search(self, text: str) -> bool:
        if "://" in text or "www." in text.lower():
            return True
        at = text.find("@", 1)
        while at >= 0 and not self.AT.match(text, at - 1):
            at = text.find("@", at + 1)
        return at >= 0


# Syntax a page may not use at all, and text that shows it might: a page without the
# text converts to the same HTML without the extension, whose patterns would cost
# every page time (magiclink's alone, a tenth of a plain page's conversion). Each
# test errs on the side of enabling: any `$` enables the maths (`\$` included).
OPTIONAL_SYNTAX = {
    "magiclink": MagiclinkHint(),  # what its patterns need
    "tilde": Holds("~"),
    "widgets": Holds("widget"),
    "runnable": Holds("run"),
    "live": Holds("live", "{="),
    "math": Holds("$"),
}
ALL_SYNTAX = frozenset(OPTIONAL_SYNTAX)


def syntax_in(body: str) -> frozenset[str]:
    """The optional syntax `body` may use (OPTIONAL_SYNTAX)."""
    return frozenset(name for name, hint in OPTIONAL_SYNTAX.items() if hint.search(body))


def make_markdown(page: PageContext | None = None, links: LinkResolver | None = None,
                  limits: SnippetLimits | None = None,
                  syntax: frozenset[str] = ALL_SYNTAX) -> markdown.Markdown:
    """A Markdown instance whose extensions read and fill in `page`; of the optional
    extensions, those for `syntax`."""
    page = page or PageContext()
    optional = {
        "tilde": lambda: import_module("pymdownx.tilde").DeleteSubExtension(),  # ~~struck~~
        "magiclink": lambda: import_module("pymdownx.magiclink").MagiclinkExtension(),  # URLs
        "widgets": lambda: WidgetFenceExtension(page, limits),  # ```widget NAME: live figures
        "runnable": lambda: RunnableFenceExtension(page, limits),  # ```python run: code to run
        "live": lambda: LiveCellExtension(page, limits),  # ```python live: the author's; {=x}
        "math": lambda: MathExtension(page),  # $...$ and $$...$$, typeset by KaTeX at build
    }
    use = {name: make() for name, make in optional.items() if name in syntax}
    # Extensions as objects, not by name: a name is looked up among the installed
    # packages' entry points, which takes longer than a quick rebuild's conversion.
    return markdown.Markdown(
        extensions=[
            TableExtension(),  # GitHub-style tables
            SuperFencesCodeExtension(),  # fenced code, also nested in lists
            # Pygments, at build time; each block's HTML kept between builds. Its
            # formatter writes classes, never styles (code_style.py)
            highlight_answers.HighlightExtension(use_pygments=True, css_class="highlight",
                                                 pygments_style=UnreadStyle),
            *[use[name] for name in ("tilde",) if name in use],
            TasklistExtension(),  # - [x] task lists
            *[use[name] for name in ("magiclink",) if name in use],
            MarkdownInHtmlExtension(),  # markdown="1" inside HTML blocks
            TocExtension(permalink=False),  # heading ids
            *[use[name] for name in ("widgets", "runnable", "live", "math") if name in use],
            *([LinkExtension(links, page)] if links else []),  # relative links, checked
            InlineSkipExtension(),  # inline patterns tried only where they may match
            BlockSkipExtension(),  # block processors asked only about blocks they may take
        ],
        output_format="html",
    )


# Configured Markdown instances, by what they were set up with and the optional syntax
# they know: `serve` converts an edited page with the instance of the build before.
_converters: dict[tuple[str, frozenset[str]], markdown.Markdown] = {}
_page = PageContext()  # what their extensions know of the page being converted
_setup: tuple[LinkResolver | None, SnippetLimits | None] = (None, None)
_setup_key = ""  # what links resolve against and the snippets' limits, as text
MAX_CONVERTERS = 64


def start_converter(links: LinkResolver | None = None,
                    limits: SnippetLimits | None = None) -> None:
    """Set up this process's converters (also run in each worker process)."""
    global _setup, _setup_key
    _setup = (links, limits)
    _setup_key = repr((links.content_dir, links.fingerprint()) if links else None) + repr(limits)


def start_worker(links: LinkResolver | None, limits: SnippetLimits | None,
                 maths: bool) -> None:
    """Set up a process to convert pages: its converters, and KaTeX if pages have maths."""
    start_converter(links, limits)
    if maths:
        katex_warm_up()


def converter(syntax: frozenset[str]) -> markdown.Markdown:
    md = _converters.get((_setup_key, syntax))
    if md is None:
        if len(_converters) >= MAX_CONVERTERS:
            _converters.clear()
        md = _converters[_setup_key, syntax] = make_markdown(_page, *_setup, syntax=syntax)
    return md


def convert_body(body: str, first_line: int, source: str = "", url: str = "",
                 lang: str = "en") -> dict:
    """One page body -> {"html", "widgets"}; `first_line` is its line in the file.
    Figures are pre-rendered in the page's language `lang`."""
    depths = line_depths(body)
    if max(depths, default=0) > MAX_NESTING:  # Python-Markdown's time and memory grow fast
        line = next(i for i, depth in enumerate(depths) if depth > MAX_NESTING)
        raise SourceError(first_line + line, nesting_message(depths[line]))
    md = converter(syntax_in(body))
    md.reset()
    _page.start(Path(source) if source else None, url, first_line)
    styles: dict[str, str] = {}  # KaTeX and aligned table cells write style="": CSP forbids it
    with i18n.using(lang):
        html = styles_to_classes(md.convert(body), styles)
    html = scroll_regions(html, lang)
    excerpt = FIGURE.sub("", excerpt_of(html))
    return {"html": html, "widgets": list(_page.widgets), "styles": styles,
            "excerpt": excerpt, "excerpt_urls": url_spans(excerpt)}


def _convert_job(job: tuple[str, str, int, str, str]) -> dict:
    path, body, first_line, url, lang = job
    try:
        # with the maths answers KaTeX gave for it, for the build to keep (katex_answers.py)
        return convert_body(body, first_line, path, url, lang) | {
            "katex": drain_new(), "highlight": highlight_answers.drain_new()}
    except SourceError as exc:
        return {"error": (path, exc.line, exc.message)}
    except RecursionError:  # Python-Markdown recurses once per level of lists or quotes
        line, depth = deepest_line(body)
        return {"error": (path, first_line + line, nesting_message(depth))}


def nesting_message(depth: int) -> str:
    return (f"lists or quotes nested {depth} levels deep here are more than the Markdown "
            f"converter can take (at most {MAX_NESTING}); nest them less")


def line_depths(body: str) -> list[int]:
    """How deep each line is nested: its quote markers, and its indent in steps of four
    spaces (a list inside a list)."""
    def depth(text: str) -> int:
        quotes = 0
        while (stripped := text.lstrip(" ")).startswith(">"):
            quotes, text = quotes + 1, stripped[1:]
        indent = len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip(" "))
        return quotes + indent // 4
    return [depth(text) for text in body.split("\n")]


def deepest_line(body: str) -> tuple[int, int]:
    """(index, depth) of the line nested deepest."""
    depths = line_depths(body)
    deepest = max(range(len(depths)), key=depths.__getitem__, default=0)
    return deepest, depths[deepest] if depths else 0


def convert_pages(pages: list[Page], cache: ConversionCache, links: LinkResolver,
                  jobs: int | None = None, limits: SnippetLimits | None = None) -> int:
    """Fill in each page's HTML; returns how many pages were actually converted."""
    limits = limits or SnippetLimits()
    todo = []
    site_facts = links.fingerprint()  # what links are checked against
    for page in pages:
        key = key_for(str(page.source), page.url, page.body, str(page.body_line), site_facts,
                      repr(limits), site_widgets.loaded_fingerprint(), page.lang,
                      repr(sorted(i18n.SITE.items())))
        entry = cache.get(key)
        if entry is None:
            todo.append((page, key))
        else:
            fill_page(page, entry)
    work = [(str(p.source), p.body, p.body_line, p.url, p.lang) for p, _ in todo]
    maths = any("math" in syntax_in(body) for _, body, _, _, _ in work)
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(work) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor  # not for a page or two

        with ProcessPoolExecutor(max_workers=jobs, initializer=start_worker,
                                 initargs=(links, limits, maths)) as pool:
            results = list(pool.map(_convert_job, work, chunksize=8))
    else:
        snippet_runner.warm_up([body for _, body, _, _, _ in work])  # imports while we convert
        start_worker(links, limits, maths)
        results = [_convert_job(job) for job in work]
    for (page, key), entry in zip(todo, results, strict=True):
        if "error" in entry:
            path, line, message = entry["error"]
            raise BuildError(path, line, message)
        remember_maths(entry.pop("katex"))
        highlight_answers.remember(entry.pop("highlight"))
        cache.put(key, entry)
        fill_page(page, entry)
    return len(todo)


def fill_page(page: Page, entry: dict) -> None:
    """Put a conversion's result (`convert_body`'s, or the cache's) into the page record."""
    page.html, page.widgets = entry["html"], list(entry["widgets"])
    page.styles = dict(entry.get("styles", {}))
    page.excerpt = entry["excerpt"]
    remember_spans(page.excerpt, tuple(tuple(span) for span in entry["excerpt_urls"]))


@cache  # the same for every build of the process
def pygments_css() -> str:
    from pygments.formatters import HtmlFormatter

    from .code_themes import dark_code_css

    light = HtmlFormatter(style=PYGMENTS_STYLE).get_style_defs(".highlight")
    return light + "\n" + dark_code_css()
