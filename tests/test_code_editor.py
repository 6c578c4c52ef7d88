"""The code editor bundle: made from the pinned packages, verified, loaded only with code."""

from __future__ import annotations

import hashlib

import pytest

from sitegen import code_editor
from sitegen.runtime import VendorError

from .conftest import PROJECT


def test_the_bundle_is_reproducible_and_pinned(tmp_path):
    data = code_editor.editor_bundle(PROJECT / "node_modules", PROJECT / "client", tmp_path)
    assert hashlib.sha256(data).hexdigest() == code_editor.SHA256
    assert b".head&&" not in data.split(b"adoptedStyleSheets")[0][-40:]  # the edit is made
    assert b"sourceMappingURL" not in data
    again = code_editor.editor_bundle(PROJECT / "node_modules", PROJECT / "client", tmp_path)
    assert again == data  # from the state folder the second time


def test_a_changed_entry_file_is_refused(tmp_path):
    client = tmp_path / "client"
    (client / "editor").mkdir(parents=True)
    entry = code_editor.entry(PROJECT / "client").read_text()
    code_editor.entry(client).write_text(entry + "\nconsole.log(1);\n")
    with pytest.raises(VendorError, match="sha256 mismatch"):
        code_editor.editor_bundle(PROJECT / "node_modules", client, tmp_path / "state")


def test_only_pages_with_code_load_it(built_test_site):
    script = 'src="../../static/vendor/code-editor.js"'
    assert script in (built_test_site / "posts/runnable/index.html").read_text()
    assert script not in (built_test_site / "posts/activation/index.html").read_text()
    assert (built_test_site / code_editor.SITE_PATH).is_file()
