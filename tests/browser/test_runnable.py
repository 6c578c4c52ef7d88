"""Runnable code blocks, as a reader uses them: edit, Run, Reset; and with JavaScript off."""

from __future__ import annotations

from .actions import wait_for_text

ENGINE = "#nn-runnable-1"
ERROR_DEMO = "#nn-runnable-2"
POST = "posts/runnable/"


def test_edit_by_keyboard_then_run_computes_in_the_browser(open_live, test_site_url):
    page = open_live(test_site_url + POST)
    editor = page.locator(f"{ENGINE} .cm-content")  # the code editor over the textarea
    assert editor.is_visible() and editor.get_attribute("contenteditable") == "true"
    assert not page.locator(f"{ENGINE} textarea").is_visible()
    assert not page.locator(f"{ENGINE} .nn-run-static").is_visible()
    assert page.locator(f"{ENGINE} .cm-line span").count() > 5  # syntax colours
    editor.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("import sys\nprint(2**10, sys.platform)")
    wait_for_text(page, f"{ENGINE} .nn-run-status", "press Run")
    textarea = page.locator(f"{ENGINE} textarea[data-control=code]")
    assert textarea.input_value() == "import sys\nprint(2**10, sys.platform)"
    assert page.locator(f"{ENGINE} .nn-run-output").text_content() == "[0.6375]"  # not run yet
    page.keyboard.press("Tab")  # Tab indents the line inside the editor...
    assert textarea.input_value().endswith("\n    print(2**10, sys.platform)")
    page.keyboard.press("Shift+Tab")
    assert textarea.input_value().endswith("\nprint(2**10, sys.platform)")
    page.keyboard.press("Escape")  # ...and Escape then Tab leaves it: no keyboard trap
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.control") == "run"
    page.keyboard.press("Enter")
    wait_for_text(page, f"{ENGINE} .nn-run-output", "1024 emscripten")  # Pyodide's Python
    assert page.locator(f"{ENGINE} .nn-live").text_content() == "Run 1 printed: 1024 emscripten"
    assert page.locator(f"{ENGINE} .nn-run-status").count() == 0


def test_errors_show_snippet_lines_and_reset_restores_code_and_output(open_live, test_site_url):
    page = open_live(test_site_url + POST)
    textarea = page.locator(f"{ENGINE} textarea[data-control=code]")
    original = textarea.input_value()
    page.locator(f"{ENGINE} .cm-content").fill("x = 1\nprint(x)\nprint(x / 0)")
    page.locator(f"{ENGINE} [data-control=run]").click()
    wait_for_text(page, f"{ENGINE} .nn-run-failed .nn-run-label", "Error on line 3")
    output = page.locator(f"{ENGINE} .nn-run-output").text_content()
    assert output.startswith("1\nTraceback") and "line 3, in <module>" in output
    assert output.endswith("ZeroDivisionError: division by zero")
    page.locator(f"{ENGINE} [data-control=reset]").click()
    wait_for_text(page, f"{ENGINE} .nn-run-ok .nn-run-output", "[0.6375]")
    assert textarea.input_value() == original and "Network([2, 2, 1])" in original
    wait_for_text(page, f"{ENGINE} .cm-content", "Network([2, 2, 1])")  # the editor follows
    assert page.locator(f"{ENGINE} .nn-run-output").text_content() == "[0.6375]"


def test_with_javascript_off_the_build_output_and_highlighted_code_show(browser, test_site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(test_site_url + POST)
    assert page.locator(f"{ENGINE} .nn-run-output").text_content() == "[0.6375]"
    static = page.locator(f"{ENGINE} .nn-run-static")
    assert static.is_visible() and static.locator("span.kn").first.text_content() == "import"
    assert not page.locator(f"{ENGINE} textarea").is_visible()
    assert page.locator(f"{ENGINE} [data-control=run]").is_disabled()
    error = page.locator(f"{ERROR_DEMO} .nn-run-failed")
    assert error.locator(".nn-run-label").text_content() == "Error on line 2"
    assert "ZeroDivisionError" in error.locator(".nn-run-traceback").text_content()
    plain = page.locator(".highlight:not(.nn-run-static)")  # a plain ```python block
    assert plain.count() == 1 and plain.text_content().strip() == 'print("not run")'
    context.close()
