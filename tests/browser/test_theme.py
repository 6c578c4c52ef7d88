"""Dark mode: by the reader's system setting, by the header's toggle (remembered),
and dark from the first paint on a reload (no flash of the light theme)."""

from __future__ import annotations

BACKGROUND = "() => getComputedStyle(document.documentElement).backgroundColor"
DARK, LIGHT = "rgb(21, 24, 31)", "rgb(253, 253, 252)"


def test_the_system_setting_picks_the_theme(page, watched, example_site_url):
    page.emulate_media(color_scheme="dark")
    page.goto(example_site_url + "posts/neural-nets/")  # it has highlighted code
    assert page.evaluate(BACKGROUND) == DARK
    # code highlighting follows: the dark style's keyword colour, not the light one's
    keyword = page.locator(".highlight .k").first
    assert keyword.evaluate("k => getComputedStyle(k).color") == "rgb(255, 123, 114)"
    page.emulate_media(color_scheme="light")
    assert page.evaluate(BACKGROUND) == LIGHT


def test_the_toggle_is_remembered_and_dark_from_the_first_paint(page, watched, example_site_url):
    page.emulate_media(color_scheme="light")
    page.goto(example_site_url + "posts/titanic/")
    toggle = page.locator("[data-theme-toggle]")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert page.evaluate(BACKGROUND) == DARK
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate("() => localStorage.getItem('nnpress-theme')") == "dark"
    # On reload the theme is set before anything paints: <html data-theme> is
    # there when the parser reaches <body> (the stylesheets block rendering till then).
    page.add_init_script(script="""
      new MutationObserver((_, observer) => {
        if (document.body) {
          window.firstTheme = document.documentElement.dataset.theme || "";
          observer.disconnect();
        }
      }).observe(document, {childList: true, subtree: true});""")
    page.reload()
    assert page.evaluate("() => window.firstTheme") == "dark"
    assert page.evaluate(BACKGROUND) == DARK
    # Another page (a Turbo swap) stays dark, and the toggle goes back to light.
    page.locator(".site-title").click()
    page.wait_for_url(example_site_url)
    assert page.evaluate(BACKGROUND) == DARK
    page.locator("[data-theme-toggle]").click()
    assert page.evaluate(BACKGROUND) == LIGHT
    assert page.evaluate("() => localStorage.getItem('nnpress-theme')") == "light"
