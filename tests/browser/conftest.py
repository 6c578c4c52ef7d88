"""Browser tests: a real Chromium (Debian's, or $CHROMIUM) driven by Playwright,
against a built site served over HTTP under a sub-path, as GitHub Pages serves
project sites. Every test page is watched: a request that leaves 127.0.0.1 or
an error on the console fails the test."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.chromium import CHROMIUM, FLAGS, READY, serve

BOOT_TIMEOUT_MS = 90_000  # cold Pyodide start on a 2-core machine is 2-5 s; be generous


HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    # A conftest's hooks see every item of the session: mark only the tests in this folder.
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


@pytest.fixture(scope="session")
def test_site_url(built_test_site):
    server, url = serve(built_test_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def example_site_url(built_example_site):
    server, url = serve(built_example_site)
    yield url
    server.shutdown()


@dataclass
class Watch:
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def watched(page):
    """Records requests leaving 127.0.0.1 (and blocks them) and console errors."""
    watch = Watch()

    local = ("http://127.0.0.1:", "data:", "blob:")

    def on_request(request):
        if not request.url.startswith(local):
            watch.external.append(request.url)

    def on_route(route):  # never let a stray request wait on a network that is not there
        route.continue_() if route.request.url.startswith(local) else route.abort()

    page.on("request", on_request)
    page.context.route("**/*", on_route)
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    yield watch
    assert watch.external == [], f"requests left 127.0.0.1: {watch.external}"
    assert watch.errors == [], f"console errors: {watch.errors}"


@pytest.fixture
def open_live(page, watched):
    """open_live(url) -> page, once Python is ready in it."""

    def open_(url: str):
        page.goto(url)
        page.wait_for_function(READY, timeout=BOOT_TIMEOUT_MS)
        return page

    return open_


FROM_DISK = ("file:", "data:", "blob:")  # what a file opened from the disk may load


@pytest.fixture
def offline_page(browser):
    """A page in a fresh context with the network off; yields (page, errors, refused)."""
    context = browser.new_context()
    context.set_offline(True)
    refused: list[str] = []

    def on_route(route):
        if route.request.url.startswith(FROM_DISK):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", on_route)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, errors, refused
    context.close()
