"""Validation of widget parameters written by authors in Markdown.

A widget declares its parameters as a dataclass whose fields carry defaults and,
optionally, `choices` or a `min`/`max` range in their metadata. `parse_params`
turns the author's mapping into that dataclass or raises `ParamError` naming
the offending key, so the build can point at the exact line of the post.
"""

from __future__ import annotations

import dataclasses
import math
import reprlib
import typing
from typing import Any

ECHO_LIMIT = 60  # characters of an author's value quoted back in a message


class ParamError(ValueError):
    """A widget parameter is unknown, of the wrong type or out of range."""

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.key = key


def _echo_repr() -> reprlib.Repr:
    short = reprlib.Repr()
    short.maxlevel, short.maxlist, short.maxtuple, short.maxdict = 2, 6, 6, 4
    short.maxstring = short.maxother = short.maxlong = ECHO_LIMIT
    return short


_ECHO = _echo_repr()


def brief(value: Any) -> str:
    """`repr(value)` in about ECHO_LIMIT characters: a message never prints a whole value
    (reprlib stops early, so even a huge nested value costs almost nothing)."""
    text = _ECHO.repr(value)
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 3] + "..."


def non_finite(value: Any) -> float | None:
    """The first NaN or infinity in a number, list or mapping; None if there is none.
    Page data is JSON, which has no such numbers."""
    if isinstance(value, float):
        return None if math.isfinite(value) else value
    items = value.values() if isinstance(value, dict) else value
    if isinstance(value, (list, tuple, dict)):
        for item in items:
            if (bad := non_finite(item)) is not None:
                return bad
    return None


def choice(default: Any, choices: list[Any], doc: str = "") -> Any:
    return dataclasses.field(default=default, metadata={"choices": choices, "doc": doc})


def ranged(default: Any, lo: float | None = None, hi: float | None = None, doc: str = "") -> Any:
    return dataclasses.field(default=default, metadata={"min": lo, "max": hi, "doc": doc})


def _coerce(key: str, value: Any, kind: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        if value is None:
            return None
        return _coerce(key, value, args[0])
    if origin in (list, tuple):
        (inner, *_) = typing.get_args(kind) or (Any,)
        if not isinstance(value, (list, tuple)):
            raise ParamError(f"'{key}' must be a list, got {brief(value)}", key)
        return [_coerce(key, v, inner) for v in value]
    if kind is Any:
        return value
    if kind is bool:
        if isinstance(value, bool):
            return value
        raise ParamError(f"'{key}' must be true or false, got {brief(value)}", key)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParamError(f"'{key}' must be a whole number, got {brief(value)}", key)
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParamError(f"'{key}' must be a number, got {brief(value)}", key)
        if not math.isfinite(value):
            raise ParamError(f"'{key}' must be a finite number, got {value}", key)
        return float(value)
    if kind is str:
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise ParamError(f"'{key}' must be text, got {brief(value)}", key)
        return str(value)
    return value


def parse_params(cls: type, raw: dict[str, Any] | None, widget: str) -> Any:
    """Build the params dataclass `cls` from an author's mapping, strictly."""
    raw = dict(raw or {})
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = typing.get_type_hints(cls)
    for key in raw:
        if key not in fields:
            known = ", ".join(sorted(fields)) or "none"
            raise ParamError(
                f"unknown parameter '{key}' for widget '{widget}' (known: {known})", key
            )
    values = {}
    for name, value in raw.items():
        f = fields[name]
        value = _coerce(name, value, hints[name])
        if (bad := non_finite(value)) is not None:  # in a list, or a free-form value
            raise ParamError(f"'{name}' holds {bad}: numbers must be finite", name)
        meta = f.metadata
        if "choices" in meta and value not in meta["choices"]:
            options = ", ".join(str(c) for c in meta["choices"])
            raise ParamError(f"'{name}' must be one of {options}; got {brief(value)}", name)
        lo, hi = meta.get("min"), meta.get("max")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if lo is not None and value < lo:
                raise ParamError(f"'{name}' must be at least {lo}; got {value}", name)
            if hi is not None and value > hi:
                raise ParamError(f"'{name}' must be at most {hi}; got {value}", name)
        values[name] = value
    params = cls(**values)
    check = getattr(params, "check", None)
    if check is not None:
        check()  # cross-field rules; raises ParamError
    return params


def params_to_dict(params: Any) -> dict[str, Any]:
    """Only the values that differ from the defaults: short, stable page data."""
    out = {}
    for f in dataclasses.fields(params):
        value = getattr(params, f.name)
        default = f.default if f.default is not dataclasses.MISSING else None
        if f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
            default = f.default_factory()  # type: ignore[misc]
        if value != default:
            out[f.name] = value
    return out
