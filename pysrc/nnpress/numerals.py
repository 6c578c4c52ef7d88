"""Numbers as a figure writes them: fixed decimals and a true minus sign (U+2212), as
typeset maths has it. One rule everywhere: a value that rounds to zero has no sign, so
a figure never reads "−0.00".

    >>> num(-1.5, 2), num(-0.0004, 3), plus(-3.581, 2), par(-1.5, 1)
    ('−1.50', '0.000', '− 3.58', '(−1.5)')
"""

from __future__ import annotations

MINUS = "\u2212"


def num(v: float, digits: int) -> str:
    """`v` with `digits` decimals; never "−0.00"."""
    text = f"{v:.{digits}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace("-", MINUS)


def plus(v: float, digits: int) -> str:
    """A term added in a sum: "+ 3.58" or "− 3.58" (a term that rounds to zero is "+")."""
    v = round(float(v), digits) + 0.0
    return f"+ {num(v, digits)}" if v >= 0 else f"{MINUS} {num(-v, digits)}"


def par(v: float, digits: int) -> str:
    """A factor inside a product: negative numbers get parentheses, 2 × (−1.5)."""
    s = num(v, digits)
    return f"({s})" if s.startswith(MINUS) else s


def short(v: float) -> str:
    """A user-typed number as typed (2, 0.5, −1.25): at most 4 decimals, no trailing zeros."""
    s = num(v, 4)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s
