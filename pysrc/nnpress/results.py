"""What a live cell shows: any Python value, as HTML without style attributes.

    a plot (nnpress.plot)        -> its SVG
    a number (int, float, numpy) -> <output>, 4 significant digits for floats
    a string                     -> a paragraph of text
    rows (list of lists/tuples)  -> a table; a list of dicts: a table with headers
    a numpy array (1-D or 2-D)   -> a table
    a dict                       -> a two-column table (key, value)
    anything else                -> its repr, as code
"""

from __future__ import annotations

import numbers
from html import escape
from typing import Any

import numpy as np

MAX_ROWS = 50  # table rows shown; the rest are counted


def format_number(value: Any) -> str:
    """Floats to 4 significant digits, ints in full, with a true minus sign."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        text = f"{int(value):,}"
    else:
        text = f"{float(value):.4g}"
    return text.replace("-", "\u2212")


def result_html(value: Any) -> str:
    if hasattr(value, "svg") and callable(value.svg):
        return f'<div class="nn-cell-figure">{value.svg()}</div>'
    if isinstance(value, (numbers.Number, np.number, np.bool_)):
        return f'<p class="nn-cell-value"><output>{format_number(value)}</output></p>'
    if isinstance(value, str):
        return f'<p class="nn-cell-text">{escape(value)}</p>'
    if isinstance(value, np.ndarray) and value.ndim in (1, 2):
        return table_html(value.reshape(-1, 1) if value.ndim == 1 else value)
    if isinstance(value, dict):
        return table_html(list(value.items()), ["", ""])
    if isinstance(value, (list, tuple)) and value and all(isinstance(r, dict) for r in value):
        header = list(dict.fromkeys(k for row in value for k in row))
        return table_html([[row.get(k, "") for k in header] for row in value], header)
    if isinstance(value, (list, tuple)) and value and all(
            isinstance(r, (list, tuple, np.ndarray)) for r in value):
        return table_html(value)
    return f'<pre class="nn-cell-repr"><code>{escape(repr(value))}</code></pre>'


def table_html(rows, header: list[str] | None = None) -> str:
    shown = list(rows[:MAX_ROWS])
    head = ""
    if header and any(header):
        head = "<thead><tr>" + "".join(  # an empty heading is no heading: a plain cell
            f"<th>{escape(str(h))}</th>" if str(h) else "<td></td>" for h in header)
        head += "</tr></thead>"
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
                   for row in shown)
    more = ""
    if len(rows) > MAX_ROWS:
        more = f'<p class="nn-cell-note">{len(rows) - MAX_ROWS:,} more rows not shown</p>'
    return f'<table class="nn-cell-table">{head}<tbody>{body}</tbody></table>{more}'


def _cell(value: Any) -> str:
    if isinstance(value, (numbers.Number, np.number)) and not isinstance(value, (bool, np.bool_)):
        return format_number(value)
    return escape(str(value))


def describe(value: Any) -> str:
    """A short text of a result, for screen readers."""
    if hasattr(value, "svg") and callable(value.svg):
        return value.describe() if hasattr(value, "describe") else "Figure"
    if isinstance(value, (numbers.Number, np.number, np.bool_)):
        return format_number(value)
    if isinstance(value, str):
        return value[:120]
    if isinstance(value, (list, tuple, dict, np.ndarray)):
        return f"Table of {len(value)} rows"
    return ""
