"""Every widget, one module each. A new module here is picked up by name:
adding a widget touches nothing else (no registry to edit, no JavaScript).
A site's own widgets (`content/_widgets/`) arrive as the package
`nnpress_site_widgets` and are picked up the same way, after these."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Any

from ..params import brief
from ..widget import Widget

SITE_PACKAGE = "nnpress_site_widgets"  # a site's own widgets, in the page's wheel


def widget_classes_in(module: ModuleType) -> list[type[Widget]]:
    """The widgets a module defines (not the ones it imports)."""
    return [obj for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, Widget) and obj.name
            and obj.__module__ == module.__name__]


def _discover() -> dict[str, type[Widget]]:
    found: dict[str, type[Widget]] = {}
    packages = [(__name__, __path__)]
    try:
        site = importlib.import_module(SITE_PACKAGE)
        packages.append((SITE_PACKAGE, site.__path__))
    except ImportError:
        pass  # no site widgets (at build time the build registers them itself)
    for package, path in packages:
        for info in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
            module = importlib.import_module(f"{package}.{info.name}")
            for cls in widget_classes_in(module):
                found.setdefault(cls.name, cls)
    return found


REGISTRY: dict[str, type[Widget]] = _discover()  # by the name authors use


def create(name: str, raw_params: dict[str, Any] | None) -> Widget:
    if name not in REGISTRY:
        known = ", ".join(sorted(REGISTRY))
        raise KeyError(f"unknown widget {brief(name)} (known: {known})")
    return REGISTRY[name].from_mapping(raw_params)
