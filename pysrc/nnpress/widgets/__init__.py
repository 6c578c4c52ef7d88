"""Every widget, one module each. A new module here is picked up by name:
adding a widget touches nothing else (no registry to edit, no JavaScript)."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from ..params import brief
from ..widget import Widget


def _discover() -> dict[str, type[Widget]]:
    found: dict[str, type[Widget]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Widget) and obj.name:
                found[obj.name] = obj
    return found


REGISTRY: dict[str, type[Widget]] = _discover()  # by the name authors use


def create(name: str, raw_params: dict[str, Any] | None) -> Widget:
    if name not in REGISTRY:
        known = ", ".join(sorted(REGISTRY))
        raise KeyError(f"unknown widget {brief(name)} (known: {known})")
    return REGISTRY[name].from_mapping(raw_params)
