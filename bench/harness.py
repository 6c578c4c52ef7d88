"""What every browser benchmark needs: a built site served locally, a Chromium.

    with live_site(PROJECT / "tests" / "site") as (base_url, out_dir):
        with chromium() as browser:
            page = browser.new_page(); open_ready(page, base_url + "posts/x/")
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from chromium import CHROMIUM, FLAGS, READY, serve
from playwright.sync_api import Browser, Page, sync_playwright

from sitegen.commands.build import build
from sitegen.config import BuildConfig

PROJECT = Path(__file__).resolve().parent.parent
BOOT_TIMEOUT_MS = 120_000


@contextmanager
def live_site(content: Path) -> Iterator[tuple[str, Path]]:
    """Build `content` into a temporary folder and serve it under /my-repo/."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        build(BuildConfig(content_dir=content, out_dir=out))
        server, url = serve(out)
        try:
            yield url, out
        finally:
            server.shutdown()


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def open_ready(page: Page, url: str) -> float:
    """Open `url`; seconds until Python is ready in it."""
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(READY, timeout=BOOT_TIMEOUT_MS)
    return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]
