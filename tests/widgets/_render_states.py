"""Widgets rendered in a language, in their first state and after a few events.

Imported by test_japanese.py; also run as a script (`python _render_states.py en`) with
PYTHONPATH pointing at another checkout's pysrc, to compare its English with ours.
"""

from __future__ import annotations

import json
import sys

# widget -> [(params, [(control, value), ...]), ...]: each case is rendered (render_html),
# then each event is applied and the page's update (state_payload) recorded.
CASES: dict[str, list[tuple[dict, list[tuple[str, object]]]]] = {
    "regression": [
        ({}, [("weight", 0.2), ("bias", 100), ("house", 2)]),
        ({"goal": 799, "weight": 0.18, "bias": 100}, [("weight", 0.2), ("bias", 40)]),
        ({"bias": None}, [("weight", 0.3)]),
    ],
    "training": [
        ({}, [("step", None), ("play", None), ("__tick__", None), ("play", None),
              ("weight", 10), ("height", -3), ("reset", None)]),
        ({"epochs": 5}, [("play", None), ("__tick__", None)]),
    ],
    "backprop": [
        ({}, [("step", None), ("step10", None), ("weight", "w5"), ("weight", "b1"),
              ("reset", None)]),
        ({"weight": "b3", "sample": "Bob"}, []),
    ],
    "gradient-descent": [
        ({}, [("gd-1", None), ("gd-10", None), ("weight", 0.3), ("gd-100", None),
              ("reset", None), ("house", 1)]),
        ({"learning_rate": 5, "error_scale": "linear", "show_table": True}, [("gd-100", None)]),
    ],
    "two-variable": [
        ({}, [("gd-1", None), ("gd-10", None), ("weight1", 0.1), ("reset", None)]),
        ({"show_table": True, "error_scale": "linear"}, [("house", 3), ("gd-100", None)]),
    ],
    "softmax": [({}, [("z1", 1.5), ("z2", -60)]), ({"scores": [1, 2, 4]}, [])],
    "network-shape": [
        ({}, [("add_feature", None), ("add_class", None), ("remove_feature", None),
              ("remove_feature", None)]),
    ],
    "playground": [
        ({}, [("step", None), ("play", None), ("__tick__", None), ("play", None),
              ("dataset", "xor"), ("noise", 0.2), ("activation", "relu"),
              ("learning_rate", "0.03"), ("layers_down", None), ("layers_down", None),
              ("layers_up", None), ("units_down", None), ("units_down", None),
              ("units_down", None), ("units_up", None), ("reset", None)]),
        ({"dataset": "spiral", "layers": 0, "points": 60}, [("dataset", "gauss"), ("step", None)]),
    ],
    "feedforward": [({}, [("x1", 1), ("h1.w1", -2)]), ({"shape": "neuron"}, [("y.b", 1)])],
    # Snippets whose own output has no words: only the figure's words are left to judge
    # (and the exception's name, which is Python's).
    "runnable": [
        ({"code": "print(2 ** 10)\n"}, [("code", "print(7)"), ("run", None),
                                         ("code", "raise KeyError(7)"), ("run", None),
                                         ("code", "pass"), ("run", None),
                                         ("code", "print(1)\nprint(2)"), ("run", None),
                                         ("reset", None)]),
        ({"code": "raise KeyError(1)\n", "error": True}, []),
        ({"code": "1\nraise KeyError(2)\n", "error": True}, []),
        ({"code": "print(8 * 30000)\nprint('8' * 30000)\n"}, []),
    ],
}


def renderings(name: str, lang: str) -> list[str]:
    """The figure's HTML, then one JSON update per event (slots, control states, live text)."""
    from nnpress import i18n
    from nnpress.widgets import create

    out = []
    for n, (params, events) in enumerate(CASES.get(name, [({}, [])])):
        with i18n.using(lang):
            widget = create(name, params)
            out.append(widget.render_html(f"nn-{name}-{n + 1}"))
            for control, value in events:
                widget.handle(control, value)
                out.append(json.dumps(widget.state_payload(), sort_keys=True, ensure_ascii=False))
    return out


def main(lang: str) -> None:
    from nnpress.widgets import REGISTRY

    names = sorted(n for n in REGISTRY if n != "cell")  # a live cell has no words of its own
    json.dump({name: renderings(name, lang) for name in names}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
