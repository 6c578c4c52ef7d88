"""Loss-over-epochs charts for the live training widgets.

A run can be thousands of epochs long, redrawn every frame: the curve is sampled at a
fixed stride (so the same epochs are drawn from frame to frame and the line does not
shimmer) and its pixel coordinates are computed with numpy in one go.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .. import svg


def nice_ceiling(v: float) -> float:
    """The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is >= v."""
    if not v > 0 or not math.isfinite(v):
        return 1.0
    power = 10.0 ** math.floor(math.log10(v))
    for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * power >= v * (1 - 1e-9):
            return round(m * power, 12)
    return 10 * power  # pragma: no cover - the loop always returns


def sample(history: Sequence[float], stride: int) -> tuple[np.ndarray, np.ndarray]:
    """Epochs 0, stride, 2*stride, ... and the last one, with their losses."""
    n = len(history)
    epochs = list(range(0, n, max(stride, 1)))
    if epochs and epochs[-1] != n - 1:
        epochs.append(n - 1)
    return np.array(epochs, dtype=float), np.array([history[i] for i in epochs], dtype=float)


def curve(frame: svg.Frame, history: Sequence[float], stride: int, cls: str = "curve") -> str:
    """history[i] is the loss after epoch i; one polyline, clamped to the frame."""
    if not history:
        return ""
    xs, ys = sample(history, stride)
    (x0, x1), (y0, y1) = frame.x_range, frame.y_range
    px = frame.left + (xs - x0) / (x1 - x0) * (frame.right - frame.left)
    py = frame.bottom - (np.clip(np.nan_to_num(ys, nan=y1), y0, y1) - y0) / (y1 - y0) * (
        frame.bottom - frame.top
    )
    points = " ".join(f"{a:.1f},{b:.1f}" for a, b in zip(px.tolist(), py.tolist(), strict=True))
    return f'<polyline class="{cls}" points="{points}"/>'


def head(frame: svg.Frame, history: Sequence[float], cls: str = "point") -> str:
    """A dot on the latest epoch."""
    if not history:
        return ""
    return svg.circle(frame, len(history) - 1, frame.clamp_y(history[-1]), 4, cls)


