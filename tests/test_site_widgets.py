"""A site's own widgets in content/_widgets/: used like built-ins, checked, shipped."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from nnpress.widgets import REGISTRY

from sitegen import site_widgets
from sitegen.errors import BuildError

from .conftest import PROJECT, build_site

COUNTER = '''\
from dataclasses import dataclass

from nnpress.controls import Button
from nnpress.params import ranged
from nnpress.widget import Widget


@dataclass
class Params:
    start: int = ranged(3, 0, 10, "where the count starts")


class Counter(Widget):
    name = "counter"
    Params = Params

    def __init__(self, params):
        super().__init__(params)
        self.n = params.start

    def controls(self):
        return [Button("up", "+1")]

    def on(self, control, value):
        self.n += 1

    def slots(self):
        return {"count": f"<output>{self.n}</output>"}
'''


def site(tmp_path: Path, widget: str, post: str = "```widget counter\nstart: 5\n```\n") -> Path:
    content = tmp_path / "content"
    (content / "_widgets").mkdir(parents=True)
    (content / "_widgets" / "counter.py").write_text(widget)
    (content / "post.md").write_text("---\ntitle: Count\n---\n\n" + post)
    return content


@pytest.fixture(autouse=True)
def forget_site_widgets():
    yield
    for name in [n for n, c in REGISTRY.items() if c.__module__.startswith("nnpress_site")]:
        del REGISTRY[name]


def test_a_site_widget_is_used_like_a_built_in_and_ships_in_the_wheel(tmp_path):
    out = build_site(site(tmp_path, COUNTER), tmp_path / "build")
    page = (out / "posts/post/index.html").read_text()
    assert 'data-widget="counter"' in page and "<output>5</output>" in page
    assert not (out / "_widgets").exists()  # the source is not published as a file
    wheel = next((out / "static/nnpress").glob("*.whl"))
    names = zipfile.ZipFile(io.BytesIO(wheel.read_bytes())).namelist()
    assert "nnpress_site_widgets/counter.py" in names
    assert "nnpress_site_widgets/__init__.py" in names


def test_the_example_site_ships_its_widget(built_example_site):
    wheel = next((built_example_site / "static/nnpress").glob("*.whl"))
    names = zipfile.ZipFile(io.BytesIO(wheel.read_bytes())).namelist()
    assert "nnpress_site_widgets/descent_steps.py" in names
    assert (PROJECT / "content/_widgets/descent_steps.py").is_file()


@pytest.mark.parametrize("change, line, message", [
    (("return {\"count\"", "return {\"count\" +"), 28, "site widget: "),
    (("self.n = params.start", "self.n = params.start / undefined"), 19,
     "fails to render: NameError"),
    (('name = "counter"', 'name = "activation"'), 13, "'activation' is taken"),
    (("from nnpress.widget import Widget", "from nnpress.widget import Widget\nimport nope"), 6,
     "does not import: ModuleNotFoundError"),
])
def test_mistakes_in_a_site_widget_name_its_file_and_line(tmp_path, change, line, message):
    content = site(tmp_path, COUNTER.replace(*change))
    with pytest.raises(BuildError, match=message) as info:
        build_site(content, tmp_path / "build")
    assert info.value.path.name == "counter.py" and info.value.line == line


def test_the_build_and_the_widget_registry_name_the_site_package_alike():
    from nnpress import widgets

    assert site_widgets.PACKAGE == widgets.SITE_PACKAGE


def test_a_site_without_figures_builds_without_importing_numpy(tmp_path):
    """Importing numpy and the widgets is a tenth of a small build's time."""
    import subprocess
    import sys

    content = tmp_path / "content"
    content.mkdir()
    (content / "words.md").write_text("---\ntitle: Words\n---\n\nJust $x$ and words.\n")
    out = tmp_path / "out"
    script = ("import sys\nfrom sitegen.commands.build import build\n"
              "from sitegen.config import BuildConfig\n"
              f"build(BuildConfig(content_dir={str(content)!r}, out_dir={str(out)!r}))\n"
              "print(sorted(m for m in sys.modules\n"
              "             if m == 'numpy' or m.startswith('nnpress.widgets')))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, check=True)
    assert run.stdout.strip().splitlines()[-1] == "[]"
