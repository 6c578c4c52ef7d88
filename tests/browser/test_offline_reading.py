"""A reader who visits once, then reads offline; and who follows links without
Python starting again. Real service worker, real Turbo, the site served under
a sub-path."""

from __future__ import annotations

import shutil

import pytest

from ..conftest import TEST_SITE, build_site
from .actions import set_slider, wait_for_text
from .conftest import BOOT_TIMEOUT_MS, serve

READY = "() => document.documentElement.dataset.nnpress === 'ready'"
SAVED = "() => document.getElementById('nn-offline').dataset.state === 'saved'"
SIGMOID = "#nn-activation-1"


@pytest.fixture
def reader(browser):
    """A fresh browser profile whose pages fail the test on any console error."""
    context = browser.new_context()
    errors: list[str] = []
    context.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    context.expected_error = None  # a test may name an error it causes on purpose
    yield context, page
    context.close()
    if context.expected_error:
        errors = [e for e in errors if context.expected_error not in e]
    assert errors == [], f"console errors: {errors}"


def ready(page) -> None:
    page.wait_for_function(READY, timeout=BOOT_TIMEOUT_MS)


def sigmoid_reacts(page) -> None:
    set_slider(page, f"{SIGMOID} [data-control=x]", 2)
    wait_for_text(page, f"{SIGMOID} .nn-result", "0.8808")


def test_after_one_visit_every_post_works_offline(reader, test_site_url):
    context, page = reader
    page.goto(test_site_url + "posts/regression/")
    ready(page)
    page.wait_for_function(SAVED, timeout=BOOT_TIMEOUT_MS)
    assert page.locator("#nn-offline").text_content() == "Available offline."

    context.set_offline(True)
    page.reload()  # the page, its scripts and the runtime all come from the saved copy
    ready(page)
    assert "reading the saved copy" in page.locator("#nn-offline").text_content()
    page.locator("a.site-title").click()
    page.locator("a[href='posts/activation/']").first.click()  # a post never visited
    page.wait_for_url("**/posts/activation/")
    ready(page)
    sigmoid_reacts(page)

    context.expected_error = "net::ERR_FAILED"  # the service worker's try at the network
    page.goto(test_site_url + "posts/no-such-post/")  # not saved: the offline page
    assert page.locator("h1").text_content() == "You are offline"


def test_a_japanese_page_says_it_in_japanese(reader, example_site_url):
    """The footer's line speaks the page's language, and follows the reader to an
    English page (the line stays across Turbo's page swaps)."""
    context, page = reader
    page.goto(example_site_url + "posts/titanic-ja/")
    ready(page)
    page.wait_for_function(SAVED, timeout=BOOT_TIMEOUT_MS)
    assert page.locator("#nn-offline").text_content() == "オフラインでも読めます。"

    context.set_offline(True)
    page.reload()
    ready(page)
    assert page.locator("#nn-offline").text_content() == (
        "オフラインです。保存したこのサイトを表示しています。")
    page.locator("a.site-title").click()  # the index is in English
    page.wait_for_url(example_site_url)
    wait_for_text(page, "#nn-offline", "You are offline: reading the saved copy of this site.")


def test_following_a_link_keeps_the_running_python(reader, test_site_url):
    _, page = reader
    page.goto(test_site_url + "posts/regression/")
    ready(page)
    page.evaluate("window.firstWorker = nnpress.page.worker")
    page.locator("a.site-title").click()
    page.wait_for_url(test_site_url)
    assert page.title().startswith("nnpress") or page.locator("h1").count()
    page.locator("a[href='posts/activation/']").first.click()
    page.wait_for_url("**/posts/activation/")
    ready(page)
    # The same JavaScript context and the same worker: Python did not start again.
    assert page.evaluate("window.firstWorker === nnpress.page.worker")
    assert page.title().startswith("Activation explorers")
    sigmoid_reacts(page)
    page.go_back()
    page.wait_for_url(test_site_url)
    page.go_back()
    page.wait_for_url("**/posts/regression/")
    ready(page)
    assert page.evaluate("window.firstWorker === nnpress.page.worker")


def test_a_new_deploy_is_served_whole_and_old_files_leave_the_cache(reader, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    out = build_site(content, tmp_path / "out", "/my-repo/")
    server, url = serve(out)
    try:
        _, page = reader
        page.goto(url + "posts/activation/")
        ready(page)
        page.wait_for_function(SAVED, timeout=BOOT_TIMEOUT_MS)
        old_keys = page.evaluate(CACHED_URLS)
        post = content / "activation.md"
        post.write_text(post.read_text().replace("squashes any number", "squeezes any number"))
        build_site(content, out, "/my-repo/")

        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        wait_for_text(page, "#nn-offline", "A new version of this site is ready")
        page.locator("a.site-title").click()  # the next page comes from the new version
        page.wait_for_url(url)
        page.locator("a[href='posts/activation/']").first.click()
        page.wait_for_url("**/posts/activation/")
        ready(page)
        assert "squeezes any number" in page.locator("article").text_content()
        new_keys = page.evaluate(CACHED_URLS)
        changed = [k for k in old_keys if "posts/activation/index.html" in k]
        assert changed and not set(changed) & set(new_keys), "the old post is still cached"
        assert all(k in new_keys for k in old_keys if "pyodide-" in k)  # unchanged: kept
        sigmoid_reacts(page)
    finally:
        server.shutdown()


CACHED_URLS = """async () => {
  const keys = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) keys.push(request.url);
  }
  return keys;
}"""


def test_a_runtime_that_cannot_download_is_reported_in_words(reader, test_site_url):
    context, page = reader
    context.route("**/static/pyodide-*/**", lambda route: route.abort("internetdisconnected"))
    context.expected_error = "net::ERR_INTERNET_DISCONNECTED"
    page.goto(test_site_url + "posts/activation/")
    failed = page.locator("#nn-runtime.nn-failed")
    failed.wait_for(timeout=5_000)  # in words, within seconds, not a bar that never moves
    assert "Python could not start: could not download" in failed.text_content()
    assert page.locator(f"{SIGMOID} .nn-result").text_content() == "0.5000"  # still readable
