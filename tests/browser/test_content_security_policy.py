"""Every page works under a strict Content-Security-Policy: no inline scripts,
no style attributes, Pyodide allowed only to compile WebAssembly. The policy
comes in each page's <meta>, and here also as a header on every response (as
a host that sets headers would send it), which reaches the workers too."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from bench.chromium import PREFIX
from sitegen.content_folder import find_sources
from sitegen.pages import read_page
from sitegen.server import Handler
from sitegen.templates import CONTENT_SECURITY_POLICY

from ..conftest import PROJECT
from .actions import set_slider
from .conftest import BOOT_TIMEOUT_MS

SLUGS = sorted(p.slug for p in map(read_page, find_sources(PROJECT / "content")) if not p.draft)
RECORD_VIOLATIONS = """
window.violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
"""


def wait_ready(page) -> None:
    """Python is ready (a selector: under this policy Playwright may not eval strings)."""
    page.locator("html[data-nnpress=ready]").wait_for(state="attached", timeout=BOOT_TIMEOUT_MS)


@pytest.fixture(scope="module")
def strict_site_url(built_example_site):
    class StrictHandler(Handler):
        prefix = PREFIX

        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            super().end_headers()

    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(StrictHandler, directory=str(built_example_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


def test_every_page_declares_the_policy(built_example_site):
    for html in built_example_site.rglob("*.html"):
        if html.name.endswith(".offline.html"):
            continue  # a file opened from disk, not a page of the site
        text = html.read_text(encoding="utf-8")
        assert f'content="{CONTENT_SECURITY_POLICY}"' in text, html
        assert " style=" not in text, f"{html}: a style attribute"
        assert "<script>" not in text and "<style" not in text, f"{html}: inline code"


@pytest.mark.parametrize("slug", SLUGS)
def test_pages_run_under_the_policy_as_a_header_with_no_violation(page, watched, strict_site_url,
                                                                    slug):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(strict_site_url + f"posts/{slug}/")
    if page.locator("figure[data-widget]").count():
        wait_ready(page)
    assert page.evaluate("window.violations") == []


def test_display_maths_keeps_its_layout_and_a_figure_reacts(page, watched, strict_site_url):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(strict_site_url + "posts/titanic/")
    # KaTeX's struts give a display formula its height; without them glyphs collapse.
    heights = page.eval_on_selector_all(
        ".math-display .katex-html", "els => els.map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) > 15
    wait_ready(page)
    figure = page.locator("figure[data-widget=activation]").first.get_attribute("id")
    set_slider(page, f"#{figure} [data-control=x]", 2)
    page.locator(f"#{figure} .nn-result", has_text="0.8808").wait_for(timeout=15_000)
    assert page.evaluate("window.violations") == []
