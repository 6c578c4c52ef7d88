"""The page's Python side: the Web Worker hands every control event here.

One message in, one reply out, both JSON text: the worker stays a dumb pipe.
Events that piled up while Python was busy arrive together and are applied in
order before a single re-render, so a dragged slider never builds a backlog.
Only slots whose HTML changed travel back to the page.
"""

from __future__ import annotations

import json
from typing import Any

from . import i18n, svg, widgets  # noqa: F401  (import every widget while the page is still loading)
from .widget import Widget
from .widgets import cell, create

_widgets: dict[str, Widget] = {}
_last_slots: dict[str, dict[str, str]] = {}


def handle(message: str) -> str:
    """{"id", "kind", "params"?, "events": [{"control", "value"}]} -> payload JSON."""
    msg: dict[str, Any] = json.loads(message)
    if msg.get("messages"):  # the site's own words in this figure's language
        i18n.extend(msg.get("lang") or "en", msg["messages"])
    # The figure's language (its words follow the page's), and its id (see svg.ids_in)
    with i18n.using(msg.get("lang")), svg.ids_in(msg["id"]):
        payload = _update(msg)
    return json.dumps(payload)


def _update(msg: dict[str, Any]) -> dict[str, Any]:
    widget_id = msg["id"]
    widget = _widgets.get(widget_id)
    if widget is None:
        widget = _widgets[widget_id] = create(msg["kind"], msg.get("params") or {})
        _last_slots[widget_id] = dict(widget.slots())
    for event in msg.get("events", []):
        widget.handle(event["control"], event.get("value"))
    payload = widget.state_payload()
    last = _last_slots[widget_id]
    changed = {k: v for k, v in payload["slots"].items() if last.get(k) != v}
    last.update(changed)
    payload["slots"] = changed
    return payload


def forget(widget_id: str) -> None:
    _widgets.pop(widget_id, None)
    _last_slots.pop(widget_id, None)


def forget_all() -> None:
    """A new page is on screen: its figures start afresh (ids repeat across pages)."""
    _widgets.clear()
    _last_slots.clear()
    cell.forget_page()  # live cells share a namespace per page
