"""A site's own widgets: `content/_widgets/*.py`, with the built-in widgets' API.

Each module there is imported as part of one package, `nnpress_site_widgets`
(the build registers the folder under that name), and every `Widget` subclass
with a `name` becomes usable as ```widget NAME, exactly like the widgets of
`nnpress.widgets`. The same files go into the page's wheel as that package,
where `nnpress.widgets` discovers them on import. Nothing in nnpress changes.

The build checks each one before any page uses it: the module imports, the
name is new, and the widget renders with its default parameters; a mistake
is an error at the module's file and line.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from nnpress.params import ParamError

if TYPE_CHECKING:
    from nnpress.widget import Widget

from .errors import BuildError

FOLDER = "_widgets"  # inside content/; skipped by the content scan (it starts with "_")
PACKAGE = "nnpress_site_widgets"  # nnpress.widgets.SITE_PACKAGE (a test checks they agree)


def modules_of(content_dir: Path) -> list[Path]:
    folder = content_dir / FOLDER
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith(("_", "."))) \
        if folder.is_dir() else []


def fingerprint(content_dir: Path) -> str:
    """Changes when any site widget's source does (pages are converted again)."""
    digest = hashlib.sha256()
    for path in modules_of(content_dir):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def wheel_files(content_dir: Path) -> list[tuple[str, bytes]]:
    """The package as the page's wheel holds it: (archive name, bytes)."""
    files = [(f"{PACKAGE}/{p.name}", p.read_bytes()) for p in modules_of(content_dir)]
    return [(f"{PACKAGE}/__init__.py", b'"""This site\'s own widgets."""\n')] + files if files \
        else []


_loaded = ""  # fingerprint of the widgets loaded last


def loaded_fingerprint() -> str:
    return _loaded


def load_site_widgets(content_dir: Path) -> dict[str, type[Widget]]:
    """Import and check the site's widgets; register them by name. Returns them."""
    global _loaded
    _loaded = fingerprint(content_dir)
    for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
        del sys.modules[name]  # `serve` rebuilds: import the edited files afresh
    registered = sys.modules.get("nnpress.widgets")  # by a build before this one (`serve`)
    for name, cls in list(registered.REGISTRY.items()) if registered else ():
        if cls.__module__.startswith(PACKAGE + "."):
            del registered.REGISTRY[name]
    paths = modules_of(content_dir)
    if not paths:
        return {}
    from nnpress import widgets  # here: a site without figures never imports numpy
    folder = content_dir / FOLDER
    spec = importlib.util.spec_from_loader(PACKAGE, loader=None, is_package=True)
    package = importlib.util.module_from_spec(spec)
    package.__path__ = [str(folder)]
    sys.modules[PACKAGE] = package
    found: dict[str, type[Widget]] = {}
    for path in paths:
        module = _import(path)
        for cls in widgets.widget_classes_in(module):
            if cls.name in widgets.REGISTRY or cls.name in found:
                raise BuildError(path, _line_of(cls), f"widget name '{cls.name}' is taken "
                                 "(by a built-in widget or another site widget); pick another")
            _check(cls, path)
            found[cls.name] = cls
    widgets.REGISTRY.update(found)
    return found


def _import(path: Path):
    try:
        return importlib.import_module(f"{PACKAGE}.{path.stem}")
    except SyntaxError as exc:
        raise BuildError(path, exc.lineno, f"site widget: {exc.msg}") from None
    except Exception as exc:  # noqa: BLE001 - the author's module, any mistake
        raise BuildError(path, _blame(exc, path), f"site widget does not import: "
                         f"{type(exc).__name__}: {exc}") from None


def _check(cls: type[Widget], path: Path) -> None:
    """The widget must declare its Params and render with them as they default."""
    if not hasattr(cls, "Params"):
        raise BuildError(path, _line_of(cls), f"widget '{cls.name}' has no Params dataclass")
    try:
        cls.from_mapping({}).render_html(f"nn-{cls.name}-check")
    except ParamError:
        pass  # a parameter without a default: the page that uses it must give one
    except Exception as exc:  # noqa: BLE001
        raise BuildError(path, _blame(exc, path) or _line_of(cls),
                         f"widget '{cls.name}' fails to render: {type(exc).__name__}: {exc}"
                         ) from None


def _blame(exc: BaseException, path: Path) -> int | None:
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__)
             if Path(f.filename).resolve() == path.resolve()]
    return lines[-1] if lines else None


def _line_of(cls: type) -> int | None:
    try:
        import inspect

        return inspect.getsourcelines(cls)[1]
    except (OSError, TypeError):
        return None
