"""The wheel that carries our Python to the page."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from sitegen.browser_wheel import wheel_bytes

from .conftest import PROJECT

PACKAGE = PROJECT / "pysrc" / "nnpress"


def test_wheel_is_deterministic_and_versioned_by_content():
    name1, data1 = wheel_bytes(PACKAGE)
    name2, data2 = wheel_bytes(PACKAGE)
    assert (name1, data1) == (name2, data2)
    assert name1.startswith("nnpress-0.1.0+") and name1.endswith("-py3-none-any.whl")


def test_wheel_holds_every_module_and_imports_on_its_own(tmp_path):
    name, data = wheel_bytes(PACKAGE)
    wheel = tmp_path / name
    wheel.write_bytes(data)
    names = zipfile.ZipFile(wheel).namelist()
    for module in PACKAGE.rglob("*.py"):
        assert module.relative_to(PACKAGE.parent).as_posix() in names
    assert any(n.endswith(".dist-info/RECORD") for n in names)
    # Imported from the wheel alone (not the source tree), the page's entry point works.
    code = (
        "import json, nnpress.browser as b;"
        f"assert b.__file__.startswith({str(wheel)!r});"
        "r = json.loads(b.handle(json.dumps({'id': 'w', 'kind': 'activation',"
        " 'params': {}, 'events': [{'control': 'x', 'value': 2}]})));"
        "print(r['slots']['live'])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"PYTHONPATH": str(wheel)}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "sigmoid(2.00) = 0.8808"
