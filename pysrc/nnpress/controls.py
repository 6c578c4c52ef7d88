"""The controls a widget can offer, rendered to plain HTML.

Every control carries `data-control="<name>"`; the one generic JS binder finds
them by that attribute, so a widget never needs its own script. Controls are
rendered `disabled` with a `data-wait` marker: the binder enables them once
Python is running in the page. A control the widget itself wants disabled
(say, "-" at the minimum) is rendered without the marker and stays disabled.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


def _attrs(name: str, enabled: bool) -> str:
    state = "disabled data-wait" if enabled else "disabled"
    return f'data-control="{escape(name)}" {state}'


def control_state(control: Control) -> dict:
    """What the binder updates in place after a change (no re-render, keeps focus)."""
    state = {"enabled": control.enabled}
    for key in ("value", "label", "pressed"):
        if hasattr(control, key):
            state[key] = getattr(control, key)
    return state


@dataclass
class Slider:
    name: str
    label: str
    lo: float
    hi: float
    step: float
    value: float
    unit: str = ""
    enabled: bool = True

    def html(self) -> str:
        enabled = self.enabled
        return (
            f'<label class="nn-slider"><span>{escape(self.label)}</span>'
            f'<input type="range" min="{self.lo:g}" max="{self.hi:g}" '
            f'step="{self.step:g}" value="{self.value:g}" {_attrs(self.name, enabled)}>'
            f"</label>"
        )


@dataclass
class Button:
    name: str
    label: str
    value: str | None = None
    pressed: bool | None = None  # a toggle such as play/pause
    enabled: bool = True

    def html(self) -> str:
        enabled = self.enabled
        value = f' data-value="{escape(self.value)}"' if self.value is not None else ""
        pressed = (
            f' aria-pressed="{"true" if self.pressed else "false"}"'
            if self.pressed is not None
            else ""
        )
        return (
            f'<button type="button" class="nn-button"{value}{pressed} '
            f"{_attrs(self.name, enabled)}>{escape(self.label)}</button>"
        )


@dataclass
class NumberInput:
    name: str
    label: str
    value: float
    step: float = 0.01
    enabled: bool = True

    def html(self) -> str:
        enabled = self.enabled
        return (
            f'<label class="nn-number"><span>{escape(self.label)}</span>'
            f'<input type="number" step="{self.step:g}" value="{self.value:g}" '
            f"{_attrs(self.name, enabled)}></label>"
        )


@dataclass
class Select:
    name: str
    label: str
    options: list[tuple[str, str]]  # (value, text)
    value: str
    enabled: bool = True

    def html(self) -> str:
        enabled = self.enabled
        opts = "".join(
            f'<option value="{escape(v)}"{" selected" if v == self.value else ""}>'
            f"{escape(t)}</option>"
            for v, t in self.options
        )
        return (
            f'<label class="nn-select"><span>{escape(self.label)}</span>'
            f"<select {_attrs(self.name, enabled)}>{opts}</select></label>"
        )


@dataclass
class CodeEditor:
    name: str
    label: str
    value: str
    rows: int = 8
    enabled: bool = True

    def html(self) -> str:
        enabled = self.enabled
        return (
            f'<textarea class="nn-code" rows="{self.rows}" spellcheck="false" '
            f'aria-label="{escape(self.label)}" {_attrs(self.name, enabled)}>'
            f"{escape(self.value)}</textarea>"
        )


@dataclass
class Checkbox:
    name: str
    label: str
    value: bool = False
    enabled: bool = True

    def html(self) -> str:
        checked = " checked" if self.value else ""
        return (
            f'<label class="nn-checkbox"><input type="checkbox"{checked} '
            f"{_attrs(self.name, self.enabled)}><span>{escape(self.label)}</span></label>"
        )


@dataclass
class Count:
    """A whole number the reader moves with other controls (a "−" and a "+" button), kept
    in a hidden field: a state link reads it and sets it back (`#fig?layers=3`) as it does
    a slider's value. Never shown, never focused."""

    name: str
    value: int
    lo: int
    hi: int
    enabled: bool = True

    def html(self) -> str:
        return (f'<input type="number" hidden min="{self.lo}" max="{self.hi}" step="1" '
                f'value="{self.value}" {_attrs(self.name, self.enabled)}>')


Control = Slider | Button | NumberInput | Select | CodeEditor | Checkbox | Count


def slot_button(name: str, value: object, text: object, cls: str, pressed: bool,
                label: str | None = None) -> str:
    """A button a widget draws inside one of its slots (a table's row, say) rather than
    among `controls()`: pressing it calls `on(name, value)`. Like any control the binder
    finds it by `data-control` and enables it once Python runs (`data-wait`); it also
    reports pointing and focus (`data-hover`), so pointing at a row can show its working.
    `text` is what it shows, `label` its accessible name if that differs; both escaped."""
    aria = f' aria-label="{escape(label)}"' if label is not None else ""
    return (
        f'<button type="button" class="{escape(cls)}" data-control="{escape(name)}" '
        f'data-value="{escape(str(value))}" data-hover aria-pressed="{str(pressed).lower()}"'
        f"{aria} disabled data-wait>{escape(str(text))}</button>"
    )
