"""The dev server's overlay in a real browser, under a strict Content-Security-Policy:
a failed build's error shows over the page, the close button hides it, the next
good build removes it and swaps the page in (window.nnpressReload) or reloads."""

from __future__ import annotations

import threading

import pytest

from sitegen.server import Reloads, make_server

CSP = "default-src 'self'"  # no inline script or style anywhere
PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}"><title>t</title></head>
<body><p>page</p></body></html>"""
ERROR = "content/posts/a.md:3: error: bad front matter: '2024-02-30' is not a real date"


@pytest.fixture
def dev_page(tmp_path, page, watched):
    (tmp_path / "index.html").write_text(PAGE)
    reloads = Reloads()
    server = make_server(tmp_path, "127.0.0.1", 0, "/", reloads)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
    page.wait_for_function("() => window.nnpressLiveReload === true")
    yield page, reloads
    server.shutdown()


def test_an_error_shows_until_the_next_good_build(dev_page):
    page, reloads = dev_page
    page.wait_for_timeout(300)  # the event stream is open
    reloads.fail(ERROR)
    overlay = page.locator(".nnpress-build-error[role=alert]")
    overlay.wait_for()
    assert overlay.locator("pre").text_content() == ERROR
    assert overlay.evaluate("e => getComputedStyle(e).position") == "fixed"  # the stylesheet
    overlay.locator("button").click()
    assert overlay.count() == 0
    reloads.fail(ERROR + " (again)")
    overlay.wait_for()
    page.evaluate("() => { window.swapped = 0; window.nnpressReload = () => window.swapped++; }")
    assert page.evaluate("() => typeof window.nnpressReload") == "function"
    reloads.bump()
    page.wait_for_function("() => window.swapped === 1")  # swapped in, not reloaded
    assert overlay.count() == 0


def test_a_page_opened_after_a_failed_build_shows_the_error(dev_page):
    page, reloads = dev_page
    reloads.fail(ERROR)
    page.reload()
    page.locator(".nnpress-build-error").wait_for()
    page.evaluate("() => { window.marker = 1; }")  # gone after a full reload
    reloads.bump()  # no nnpressReload on this page: it reloads
    page.wait_for_function("() => window.marker === undefined")
    page.wait_for_function("() => window.nnpressLiveReload === true")
    assert page.locator(".nnpress-build-error").count() == 0
