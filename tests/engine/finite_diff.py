"""Central finite differences: the independent oracle every gradient is checked against."""

from collections.abc import Callable

import numpy as np


def numerical_gradient(f: Callable[[], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """d f() / d x by nudging each entry of ``x`` in place (f reads x)."""
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        saved = x[idx]
        x[idx] = saved + eps
        up = f()
        x[idx] = saved - eps
        down = f()
        x[idx] = saved
        grad[idx] = (up - down) / (2 * eps)
    return grad


def numerical_derivative(fn: Callable[[np.ndarray], np.ndarray], z: np.ndarray, eps=1e-6):
    """Elementwise derivative of an elementwise function."""
    return (fn(z + eps) - fn(z - eps)) / (2 * eps)
