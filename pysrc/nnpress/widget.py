"""What a widget is, and how one becomes HTML.

A widget is a small class: parameters in (a dataclass the author fills from
Markdown), state kept on the instance, and three views of that state:
`controls()` (sliders, buttons...), `slots()` (the figure's parts, as HTML/SVG)
and `announce()` (the key number, read out by screen readers). `on()` changes
the state when a control moves; `tick()` advances it while `playing` is true.

The build renders every widget once under CPython (`render_html`), so a page
shows each figure with JavaScript off. In the browser the very same class runs
under Pyodide (`nnpress.browser`), and only the slots that changed are sent
back to the page.

A widget's CSS is `templates/static/widgets/<name>.css`, named as the widget is (rules
several widgets share: `widgets/_<family>.css`; see `sitegen/site_css.py`).
"""

from __future__ import annotations

import json
from html import escape
from typing import Any, ClassVar

from . import svg
from .controls import Control, control_state
from .params import params_to_dict, parse_params


class Widget:
    name: ClassVar[str] = ""  # the name authors write after ```widget
    Params: ClassVar[type]  # a dataclass; see nnpress.params
    playing: bool = False  # while true the page calls tick() every frame
    # True: the page runs this figure in a Python of its own, which the reader can
    # stop (code that may never end); `page_timeout()` seconds stop it by themselves.
    isolated: ClassVar[bool] = False

    def __init__(self, params: Any):
        self.params = params

    # --- what subclasses provide -------------------------------------------
    def controls(self) -> list[Control]:
        """The figure's controls, each with a name unique in the figure. The same names on
        every call, whatever the state: the page binds its elements by name once, and a
        state update only changes their values (a control that does not apply is disabled,
        never left out)."""
        return []

    def slots(self) -> dict[str, str]:
        raise NotImplementedError

    def announce(self) -> str:
        return ""

    def on(self, control: str, value: Any) -> None:
        """A control moved (or a button was pressed: value is its data-value)."""

    def tick(self) -> None:
        """One animation step while `playing`."""

    def page_timeout(self) -> float | None:
        """Seconds an isolated figure's reply may take in the page before it is stopped."""
        return None

    def arrange(self, controls: dict[str, str], slots: dict[str, str]) -> str:
        """Lay out the widget body from each control's HTML and each slot's, by name (in the
        order of `controls()` and `slots()`); override for a custom arrangement."""
        return f'<div class="nn-controls">{"".join(controls.values())}</div>' + "".join(
            slots.values())

    # --- shared machinery ---------------------------------------------------
    @classmethod
    def from_mapping(cls, raw: dict[str, Any] | None) -> Widget:
        return cls(parse_params(cls.Params, raw, cls.name))

    def handle(self, control: str, value: Any) -> None:
        if control == "__tick__":
            if self.playing:
                self.tick()
        else:
            self.on(control, value)

    def rendered_slots(self) -> dict[str, str]:
        """Each slot wrapped so the page can find and swap it."""
        return {name: f'<div class="nn-slot nn-{name}" data-slot="{name}">{html}</div>'
                for name, html in self.slots().items()}

    def render_html(self, widget_id: str, caption: str = "") -> str:
        """The whole figure as the page first shows it (build time)."""
        with svg.ids_in(widget_id):  # ids inside the figure's SVG begin with the figure's
            slots = self.rendered_slots()
        body = self.arrange({c.name: c.html() for c in self.controls()}, slots)
        # allow_nan=False: JSON has no NaN or infinity (parse_params refuses them first)
        params = escape(json.dumps(params_to_dict(self.params), sort_keys=True, allow_nan=False))
        # A slot named "caption" leads the caption: words that follow the figure's state.
        state = slots.get("caption", "").replace("<div ", "<span ").replace("</div>", "</span>")
        cap = (f"<figcaption>{state}{' ' * bool(state and caption)}{escape(caption)}</figcaption>"
               if caption or state else "")
        isolated = ""
        if self.isolated:
            limit = self.page_timeout()
            isolated = " data-isolated" + (f' data-timeout="{limit:g}"' if limit else "")
        return (
            f'<figure class="nn-widget nn-{self.name}" id="{widget_id}" '
            f'data-widget="{self.name}" data-params="{params}"{isolated}>{body}'
            f'<p class="nn-live" data-slot="live" aria-live="polite">'
            f"{escape(self.announce())}</p>{cap}</figure>"
        )

    def state_payload(self) -> dict[str, Any]:
        """What the page needs after a change: slot contents and control values."""
        slots = dict(self.slots())
        slots["live"] = escape(self.announce())
        controls = {c.name: control_state(c) for c in self.controls()}
        return {"slots": slots, "controls": controls, "playing": self.playing}

