"""The offline editions as a reader uses them: saved, then opened from the disk with
the network off (a post's, and the whole site's). Also the plain post opened from the
disk, which points to its edition."""

from __future__ import annotations

from .actions import set_slider, wait_for_text
from .conftest import BOOT_TIMEOUT_MS

SIGMOID = "#nn-activation-1"


def test_the_edition_opened_from_the_disk_offline_comes_alive(offline_page, built_test_site):
    page, errors, refused = offline_page
    edition = built_test_site / "posts" / "activation" / "activation.offline.html"
    page.goto(edition.as_uri())
    page.wait_for_function("() => document.documentElement.dataset.nnpress === 'ready'",
                           timeout=BOOT_TIMEOUT_MS)
    assert page.locator(f"{SIGMOID} .nn-result").text_content() == "0.5000"
    set_slider(page, f"{SIGMOID} [data-control=x]", 2)
    wait_for_text(page, f"{SIGMOID} .nn-result", "0.8808")
    assert page.locator(f"{SIGMOID} .nn-live").text_content() == "sigmoid(2.00) = 0.8808"
    assert errors == [], f"console errors: {errors}"
    assert refused == [], f"the edition asked the network for {refused}"


def test_the_whole_site_edition_goes_from_post_to_post_with_one_python(
        offline_page, built_test_site):
    page, errors, refused = offline_page
    page.goto((built_test_site / "site.offline.html").as_uri())
    page.click('main a[href="#/posts/activation/"] >> nth=0')
    # The router shows the post on the hashchange that follows the click.
    page.wait_for_function("() => document.title.startsWith('Activation explorers')")
    page.wait_for_function("() => document.documentElement.dataset.nnpress === 'ready'",
                           timeout=BOOT_TIMEOUT_MS)
    set_slider(page, f"{SIGMOID} [data-control=x]", 2)
    wait_for_text(page, f"{SIGMOID} .nn-result", "0.8808")
    worker = page.evaluate_handle("nnpress.page.worker")
    page.go_back()  # the index again, then another post: the same worker serves it
    page.click('main a[href="#/posts/softmax/"] >> nth=0')
    page.wait_for_function("() => document.documentElement.dataset.nnpress === 'ready'"
                           " && document.querySelector('figure.nn-live-ready')")
    assert page.evaluate("(w) => w === nnpress.page.worker", worker)
    assert errors == [], f"console errors: {errors}"
    assert refused == [], f"the edition asked the network for {refused}"


def test_the_site_opened_from_the_disk_points_to_the_edition(offline_page, built_test_site):
    page, errors, _refused = offline_page
    page.goto((built_test_site / "posts" / "activation" / "index.html").as_uri())
    note = page.locator("#nn-runtime")
    note.wait_for(state="visible")
    assert "offline edition" in note.text_content()
    link = note.locator("a[download]")
    assert link.get_attribute("href").endswith("/posts/activation/activation.offline.html")
    assert errors == [], f"console errors: {errors}"
