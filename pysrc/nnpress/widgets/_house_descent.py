"""Gradient descent for the house widgets: the run itself, its buttons, the error-over-steps
chart and the heatmap of the error over (weight, bias).

Used by `gradient-descent` and `two-variable`; no widget lives here.
"""

from __future__ import annotations

import math

import numpy as np

from .. import svg
from ..controls import Button
from ..engine import linear
from ..i18n import t as say
from ..numerals import num
from . import _heatmap

# Button name -> how many steps it takes. Distinct names: the page updates controls by name.
STEP_BUTTONS = {"gd-1": ("GD step", 1), "gd-10": ("10 GD steps", 10),
                "gd-100": ("100 GD steps", 100)}  # fmt: skip
MAX_STEPS = 100_000  # a run stops growing here (the history stays small: floats only)
BLOW_UP = 1e12  # an error beyond this means the learning rate is too large


GD_BUTTONS = (*STEP_BUTTONS, "reset")  # the names of gd_buttons()


def gd_buttons() -> list[Button]:
    return [Button(name, say(label)) for name, (label, _) in STEP_BUTTONS.items()] + [
        Button("reset", say("Reset"))
    ]


class Descent:
    """Gradient descent on the MSE of price = X · w + b, remembering every step.

    `w` is a float for one feature, an array (d,) for several. `path` holds (w, b) after each
    step and `errors` the MSE there; index 0 is where the run started.
    """

    def __init__(self, X: np.ndarray, y: np.ndarray, w, b: float, lr_w=None, lr_b=None):
        self.X, self.y = X, y
        rates = linear.balanced_rates(X)
        self.lr_w = rates[0] if lr_w is None else lr_w
        self.lr_b = rates[1] if lr_b is None else lr_b
        self.best_w, self.best_b = linear.least_squares(X, y)
        self.best = linear.mse(X, y, self.best_w, self.best_b)
        self.start(w, b)

    def start(self, w, b: float) -> None:
        """A new run from (w, b): the path and the error history begin again."""
        self.w = np.array(w, dtype=float) if np.ndim(w) else float(w)
        self.b = float(b)
        self.path: list[tuple] = [(self.w, self.b)]
        self.errors: list[float] = [linear.mse(self.X, self.y, self.w, self.b)]
        self.diverged = False

    @property
    def error(self) -> float:
        return self.errors[-1]

    @property
    def steps(self) -> int:
        return len(self.errors) - 1

    def run(self, steps: int) -> None:
        w, b = self.w, self.b
        for _ in range(min(steps, MAX_STEPS - self.steps)):
            w, b = linear.gd_step(self.X, self.y, w, b, self.lr_w, self.lr_b)
            error = linear.mse(self.X, self.y, w, b)
            if not error < BLOW_UP:  # also catches nan
                self.diverged = True
                break
            self.w, self.b = w, b
            self.path.append((w, b))
            self.errors.append(error)

    def __repr__(self) -> str:
        return f"Descent(w={self.w!r}, b={self.b:.4f}, steps={self.steps}, error={self.error:.2f})"


def sample(n: int, most: int = 300) -> np.ndarray:
    """At most `most` indices spread over range(n), first and last included."""
    return np.unique(np.linspace(0, n - 1, min(n, most)).round().astype(int))


def short(v: float) -> str:
    """A compact axis label: 500, 2k, 100k, 1M."""
    for unit, sym in ((1e6, "M"), (1e3, "k")):
        if v >= unit:
            return f"{v / unit:g}{sym}"
    return f"{v:g}"


def error_chart(errors: list[float], best: float, scale: str = "log") -> str:
    """MSE after each step, with the least possible MSE as a dashed line; log or linear y."""
    n = len(errors)
    x_hi = float(max(10, n - 1))
    tick = svg.ticks(0, x_hi, 4)
    x_hi = math.ceil(x_hi / (tick[1] - tick[0]) - 1e-9) * (tick[1] - tick[0])  # a round end
    idx = sample(n)
    ys = np.array([errors[i] for i in idx])
    top, bottom = max(float(ys.max()), best), min(float(ys.min()), best)
    if scale == "log":
        ys, best_y = np.log10(np.maximum(ys, 1e-9)), math.log10(max(best, 1e-9))
        lo, hi = math.log10(max(bottom, 1e-9)), math.log10(max(top, 1e-9))
        pad = max(hi - lo, 0.3) * 0.08
        lo, hi = lo - pad, hi + pad
        yticks = [math.log10(m) + k for k in range(math.floor(lo), math.ceil(hi) + 1)
                  for m in (1, 2, 5) if lo <= math.log10(m) + k <= hi]  # fmt: skip
        if len(yticks) > 6:
            yticks = [t for t in yticks if abs(t - round(t)) < 1e-9] or yticks[::3]
        label_of = lambda t: short(10**t)  # noqa: E731
    else:
        best_y, lo, hi = best, 0.0, top * 1.08
        yticks = svg.ticks(lo, hi, 4)
        label_of = short
    f = svg.Frame((0.0, x_hi), (lo, hi), 360, 200, (12, 14, 30, 44))
    parts = [f'<path class="axis" d="M{svg.fmt(f.left)} {svg.fmt(f.top)}V{svg.fmt(f.bottom)}'
             f'H{svg.fmt(f.right)}"/>']
    for t in yticks:
        y = svg.fmt(f.py(t))
        parts.append(f'<line class="grid" x1="{svg.fmt(f.left)}" y1="{y}" '
                     f'x2="{svg.fmt(f.right)}" y2="{y}"/>')
        parts.append(svg.label(f.left - 6, f.py(t) + 4, label_of(t), "tick", "end"))
    for t in svg.ticks(0, x_hi, 4):
        parts.append(svg.label(f.px(t), f.bottom + 16, svg.tick_label(t), "tick", "middle"))
    parts.append(svg.label(f.right, f.bottom + 28, say("steps"), "axis-label", "end"))
    parts.append(svg.label(f.left + 6, f.top + 10, say(
        "error (MSE, log scale)" if scale == "log" else "error (MSE, linear scale)"),
        "axis-label"))
    parts.append(svg.segment(f, 0, best_y, x_hi, best_y, "nn-best"))
    parts.append(svg.label(f.left + 6, f.py(best_y) - 5,
                           say("least possible {error}", error=num(best, 2))))
    xs = idx.astype(float)
    if n > 1:
        parts.append(svg.polyline(f, xs, ys))
    parts.append(svg.circle(f, xs[-1], float(ys[-1]), 4))
    text = say("Error over {n} gradient-descent steps: from {first} to {last}; the least "
               "possible is {best}", n=n - 1, first=num(errors[0], 2), last=num(errors[-1], 2),
               best=num(best, 2))
    return svg.figure(f, parts, text)


# ---- the error surface over (weight, bias), for one feature ---------------------------------

BANDS = 14  # colour steps, so that the level sets read as contours


def levels(grid: np.ndarray) -> np.ndarray:
    """Log of the error in BANDS steps, least 0 to most 1: (rows, cols) -> (rows, cols)."""
    g = np.log(grid)
    t = (g - g.min()) / max(float(g.max() - g.min()), 1e-12)
    return np.minimum(np.floor(t * BANDS), BANDS - 1) / (BANDS - 1)


def scale_html(grid: np.ndarray) -> str:
    """The heatmap's colour scale: the ramp from the least error to the most (log scale)."""
    # The bar's gradient is in the CSS (.nn-heat-bar): the --heat-ramp stops, low to high.
    lo, hi = float(grid.min()), float(grid.max())
    return (f'<p class="nn-heat-scale"><span>{say("error")} {num(lo, 0)}</span>'
            f'<span class="nn-heat-bar" aria-hidden="true"></span>'
            f'<span>{say("{value} (log scale)", value=num(hi, 0))}</span></p>')


class Surface:
    """The heatmap, computed once per parameter set, and the path drawn over it.

    The heatmap is a few shapes masked by small grey PNGs (COLS × ROWS cells, `_heatmap`):
    a handful of elements in the page instead of thousands of <rect>s, and it never changes
    while the point moves, so it sits in its own slot and is never re-sent; the path is a
    transparent SVG on top. Its colours are the theme's --heat-ramp stops.
    """

    COLS, ROWS = 120, 90

    def __init__(self, x, y, w_range, b_range, best_w: float, best_b: float):
        self.frame = svg.Frame(w_range, b_range, 360, 270, (22, 16, 40, 44))
        ws = np.linspace(*w_range, self.COLS)
        bs = np.linspace(*b_range, self.ROWS)
        grid = linear.mse_grid(x, y, ws, bs)[::-1]  # (ROWS, COLS), top row = largest bias
        self.heat = _heatmap.sequential(levels(grid))
        f = self.frame
        self.best = (best_w, best_b)
        best = ""
        if f.x_range[0] <= best_w <= f.x_range[1] and f.y_range[0] <= best_b <= f.y_range[1]:
            bx, by = svg.fmt(f.px(best_w)), svg.fmt(f.py(best_b))
            best = (f'<path class="nn-best-mark" d="M{bx} {by}m-5 -5l10 10m0 -10l-10 10"/>'
                    f'{svg.label(f.px(best_w) + 8, f.py(best_b) - 6, say("least error"))}')
        self.marks = (
            svg.axes(f) + best
            + svg.label((f.left + f.right) / 2, f.bottom + 32, say("weight"), "axis-label",
                        "middle")
            + svg.label(f.left - 6, f.top - 8, say("bias"), "axis-label", "end")
        )
        # Which end of the scale is dark is the theme's choice: the words do not say.
        self.text = say("Heatmap of the error over weight (across) and bias (up), coloured "
                        "from least to most as the scale below shows. The least error is at "
                        "weight {w}, bias {b}",
                        w=f"{best_w:.4f}", b=f"{best_b:.2f}")
        self.scale = scale_html(grid)

    @property
    def html(self) -> str:
        """The heatmap's figure and its colour scale. Drawn when asked, so that its ids are
        those of the figure it is drawn in (`svg.ids_in`)."""
        f = self.frame
        picture = _heatmap.paint([(self.heat, (f.left, f.top, f.right - f.left,
                                               f.bottom - f.top))])
        return svg.figure(f, [picture, self.marks], self.text) + self.scale

    def overlay(self, path: list[tuple], w_digits: int, b_digits: int) -> str:
        """The path taken (sampled) and the current point, clipped to the map."""
        f = self.frame
        idx = sample(len(path), 400)
        ws = np.clip([path[i][0] for i in idx], *f.x_range)
        bs = np.clip([path[i][1] for i in idx], *f.y_range)
        parts = [svg.polyline(f, ws, bs, "nn-path-line")] if len(idx) > 1 else []
        parts.append(svg.circle(f, ws[-1], bs[-1], 6))
        w, b = path[-1]
        return svg.figure(f, parts, say("Current point: weight {w}, bias {b}, after {n} steps",
                                        w=num(w, w_digits), b=num(b, b_digits), n=len(path) - 1))
