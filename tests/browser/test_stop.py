"""Code that never ends runs in a Python of its own: the page's other figures keep
responding, the block offers Stop, and a time limit stops it by itself."""

from __future__ import annotations

from .actions import set_slider, wait_for_text

POST = "posts/stop/"
SIGMOID = "#nn-activation-1"
FREE = "#nn-runnable-2"  # no limit of its own but the page's default
LIMITED = "#nn-runnable-3"  # `timeout=2`


def run(page, figure: str, code: str) -> None:
    page.locator(f"{figure} .cm-content").fill(code)  # the code editor over the textarea
    page.locator(f"{figure} button[data-control=run]").click()


def test_an_endless_loop_can_be_stopped_and_the_page_keeps_working(open_live, test_site_url):
    page = open_live(test_site_url + POST)
    run(page, FREE, "while True:\n    pass")
    stop = page.locator(f"{FREE} button.nn-stop")
    stop.wait_for(timeout=5_000)  # offered at once, even while that Python starts
    wait_for_text(page, f"{FREE} .nn-live", "Running… press Stop", 60_000)
    set_slider(page, f"{SIGMOID} [data-control=x]", 2)  # the other figures still answer
    wait_for_text(page, f"{SIGMOID} .nn-result", "0.8808")
    stop.click()
    wait_for_text(page, f"{FREE} .nn-live", "Stopped after")
    assert stop.count() == 0
    assert page.evaluate("document.activeElement.closest('figure')?.id") == FREE[1:]
    run(page, FREE, "print(6 * 7)")  # runs again, no reload
    wait_for_text(page, f"{FREE} .nn-run-output", "42")


def test_a_block_with_a_time_limit_stops_by_itself(open_live, test_site_url):
    page = open_live(test_site_url + POST)
    run(page, LIMITED, "while True:\n    pass")
    wait_for_text(page, f"{LIMITED} .nn-live", "ran longer than its limit of 2 s", 60_000)
    run(page, LIMITED, "print('again')")
    wait_for_text(page, f"{LIMITED} .nn-run-output", "again", 60_000)
