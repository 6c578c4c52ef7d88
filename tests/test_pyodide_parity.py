"""A figure rendered by the build is byte for byte the figure the page renders live.

The build pre-renders every widget under CPython; the page runs the same classes
under Pyodide 0.27.7 (Python 3.12, numpy 2.0.2 for wasm32). Here every widget in
the registry renders its default state, then takes one representative event, in
both; the HTML and the state payload must match exactly. One Node process runs
Pyodide for all widgets, from a runtime vendored as the build vendors it and our
wheel as the page loads it. Not a browser test: no page, no Chromium.
"""

from __future__ import annotations

import inspect
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pygments
import pytest
from nnpress.widgets import REGISTRY

from sitegen.browser_wheel import wheel_bytes
from sitegen.runtime import VendorError, default_cache_dir, vendor_runtime

from .conftest import PROJECT

RUNNER = PROJECT / "tests" / "pyodide_run.mjs"
NODE_TIMEOUT = 300  # seconds; Pyodide boots in 2-5 s here, all widgets render in a few more

# Widgets that cannot render without a parameter get a small fixed one.
PARAMS: dict[str, dict] = {
    "runnable": {"code": "import numpy as np\n\nx = np.linspace(-2, 2, 5)\nprint(np.tanh(x))\n"},
    "cell": {"code": "import numpy as np\nlr = slider('lr', 'Rate', 0.01, 1, 0.01, default=0.1)\n"
                     "xs = np.linspace(0, 4, 200)\nnoise = np.random.normal(0, 0.1, 200)\n"
                     "show(np.eye(2) * lr, {'lr': lr})\n"
                     "p = line_plot(xs, np.exp(-lr * xs) + noise, 'x', 'y')\n"
                     "p.heatmap(np.outer(noise[:8], noise[:8]), (0, 4), (0, 1))\n",
             "prose": ["lr:.3f"]},
}
# One event that exercises each widget's arithmetic, as the page sends it
# (sliders and number fields send numbers; buttons send their data-value or None).
TICKS = [("__tick__", None)] * 5  # animation frames while playing
EVENTS: dict[str, list[tuple[str, object]]] = {
    "activation": [("x", 1.37)],
    "backprop": [("step10", None)],
    "cell": [("lr", 0.37)],
    "feedforward": [("h1.w1", 0.75)],
    "gradient-descent": [("gd-100", None)],
    "network-shape": [("add_class", None)],
    "playground": [("play", None), *TICKS],
    "prediction": [("passenger", "3")],
    "regression": [("weight", 1.23)],
    "runnable": [("run", None)],
    "softmax": [("z1", 2.5)],
    "training": [("play", None), *TICKS],
    "two-variable": [("gd-100", None)],
}


def render_all(cases: dict) -> str:
    """{name: [params, events]} -> JSON {name: {"html", "payload"}}. Runs in both Pythons."""
    import json

    from nnpress.params import params_to_dict
    from nnpress.widgets import create

    out = {}
    for name, (params, events) in cases.items():
        built = create(name, params)
        html = built.render_html("nn-x-1")
        live = create(name, params_to_dict(built.params))  # as the page makes it
        for control, value in events:
            live.handle(control, value)
        out[name] = {"html": html, "payload": json.dumps(live.state_payload(), sort_keys=True)}
    return json.dumps(out)


CASES = {name: [PARAMS.get(name, {}), EVENTS.get(name, [])] for name in sorted(REGISTRY)}


def _need(ok: bool, why: str) -> None:
    """Skip where an input is missing locally; in CI (``CI`` set) fail instead."""
    if not ok:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


def _package_zip(package: Path, dest: Path) -> Path:
    """The installed pure-Python package at ``package`` as a zip to unpack in Pyodide."""
    with zipfile.ZipFile(dest, "w") as zf:
        for path in sorted(package.rglob("*.py")):
            zf.write(path, path.relative_to(package.parent).as_posix())
    return dest


@pytest.fixture(scope="module")
def cpython() -> dict:
    return json.loads(render_all(CASES))


@pytest.fixture(scope="module")
def pyodide(tmp_path_factory: pytest.TempPathFactory) -> dict:
    node = shutil.which("node")
    _need(node is not None, "node is not installed")
    modules = PROJECT / "node_modules"
    _need((modules / "pyodide" / "package.json").is_file(), "node_modules/pyodide: run `npm ci`")
    tmp = tmp_path_factory.mktemp("pyodide")
    try:
        vendor_runtime(tmp / "runtime", node_modules=modules, cache_dir=default_cache_dir())
    except VendorError as exc:
        _need(False, f"numpy wheel for Pyodide unobtainable here: {exc}")
    name, data = wheel_bytes(PROJECT / "pysrc" / "nnpress")
    wheel = tmp / name
    wheel.write_bytes(data)
    # The build highlights runnable code with Pygments; the page never re-renders that
    # part, but to compare whole figures Pyodide gets the build's very Pygments.
    highlighter = _package_zip(Path(pygments.__file__).parent, tmp / "pygments.zip")
    code = f"{inspect.getsource(render_all)}\nrender_all({CASES!r})\n"
    proc = subprocess.run([node, str(RUNNER), str(tmp / "runtime"), str(wheel), str(highlighter)],
                          input=code, capture_output=True, text=True, timeout=NODE_TIMEOUT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def test_pyodide_runs_the_browsers_numpy_and_so_does_the_build():
    import numpy

    lock_file = PROJECT / "node_modules" / "pyodide" / "pyodide-lock.json"
    _need(lock_file.is_file(), "node_modules/pyodide: run `npm ci`")
    lock = json.loads(lock_file.read_text())
    assert numpy.__version__ == lock["packages"]["numpy"]["version"] == "2.0.2"


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_default_figure_is_the_same_bytes(name, cpython, pyodide):
    assert pyodide[name]["html"] == cpython[name]["html"]


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_state_after_an_event_is_the_same_bytes(name, cpython, pyodide):
    assert pyodide[name]["payload"] == cpython[name]["payload"]
