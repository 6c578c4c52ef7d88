"""Linear regression, y = X . w + b, for the house-price widgets.

X is either (n,) with a scalar weight (one feature: price = weight * area + bias) or (n, d)
with w of shape (d,); one code path serves both widgets. Prices are in $1000 and the error
is the mean squared error.

Sums of products are written as products and sums, not np.dot: np.dot hands them to BLAS,
whose fused multiply-adds round differently from Pyodide's numpy (built without BLAS), so a
run of gradient descent pre-rendered by the build would drift from the page's by a few ulps.
Plain products and sums give the same bits in both.

Why two learning rates: the MSE surface is stretched. Its curvature along the weight is
2 * mean(area^2) ~ 8.5e6 for the first three houses, along the bias just 2, so a single rate
small enough for the weight leaves the bias frozen. ``gd_step`` therefore takes ``lr_w`` and
``lr_b`` (``lr_w`` may be one rate per feature), and ``balanced_rates`` picks them: each
parameter gets c / (its curvature) with c = 1 / (number of parameters), which is always stable
(the step's largest eigenvalue is below the sum of the c's, i.e. below 1 < 2).

For the first three houses that gives lr_w = 5.9e-8 and lr_b = 0.25 (round figures
lr_w = 5e-8, lr_b = 0.25 converge alike, a little slower). From weight 0.18, bias 0 the MSE goes
2057.73 -> 885 after 100 steps, 450 after 500, and reaches the least-squares
optimum (0.0584879, 247.2633, MSE 447.29) within about 2000 steps. Scaling the features would
work too, but then the weight a learner sees would not be the weight on the slider.
"""

import numpy as np


def _scalar_if_0d(value: np.ndarray) -> np.ndarray | float:
    return float(value) if np.ndim(value) == 0 else value


def predict(X: np.ndarray, w: np.ndarray | float, b: float) -> np.ndarray:
    """Predictions, (n,)."""
    X = np.asarray(X, dtype=float)
    products = X * w  # (n,) or (n, d)
    return (products if X.ndim == 1 else products.sum(axis=1)) + b


def mse(X: np.ndarray, y: np.ndarray, w: np.ndarray | float, b: float) -> float:
    return float(np.mean((predict(X, w, b) - y) ** 2))


def mse_gradient(
    X: np.ndarray, y: np.ndarray, w: np.ndarray | float, b: float
) -> tuple[np.ndarray | float, float]:
    """(dMSE/dw, dMSE/db); dw is shaped like w."""
    X = np.asarray(X, dtype=float)
    residual = predict(X, w, b) - y  # (n,)
    dw = 2.0 * (X.T * residual).sum(axis=-1) / len(residual)  # () or (d,)
    db = 2.0 * float(residual.mean())
    return _scalar_if_0d(dw), db


def least_squares(
    X: np.ndarray, y: np.ndarray, fit_bias: bool = True
) -> tuple[np.ndarray | float, float]:
    """The (w, b) of least MSE, in closed form; ``fit_bias=False`` pins b at 0."""
    X = np.asarray(X, dtype=float)
    columns = X.reshape(len(X), -1)  # (n, d)
    if fit_bias:
        columns = np.column_stack([columns, np.ones(len(X))])  # (n, d + 1)
    coef = np.linalg.lstsq(columns, np.asarray(y, dtype=float), rcond=None)[0]
    w, b = (coef[:-1], float(coef[-1])) if fit_bias else (coef, 0.0)
    return (float(w[0]) if X.ndim == 1 else w), b


def balanced_rates(X: np.ndarray) -> tuple[np.ndarray | float, float]:
    """Learning rates (lr_w, lr_b) that make gradient descent stable and reasonably quick.

    Each rate is c / curvature, with curvature 2 * mean(x^2) for a weight and 2 for the bias
    and c = 1 / (number of parameters); see the module docstring.
    """
    X = np.asarray(X, dtype=float)
    columns = X.reshape(len(X), -1)  # (n, d)
    c = 1.0 / (columns.shape[1] + 1)
    lr_w = c / (2.0 * np.mean(columns**2, axis=0))  # (d,)
    return (float(lr_w[0]) if X.ndim == 1 else lr_w), c / 2.0


def gd_step(
    X: np.ndarray,
    y: np.ndarray,
    w: np.ndarray | float,
    b: float,
    lr_w: np.ndarray | float,
    lr_b: float,
) -> tuple[np.ndarray | float, float]:
    """One gradient-descent step with its own rate for the weights and for the bias."""
    dw, db = mse_gradient(X, y, w, b)
    return _scalar_if_0d(np.asarray(w) - np.asarray(lr_w) * dw), b - lr_b * db


def mse_grid(X: np.ndarray, y: np.ndarray, ws: np.ndarray, bs: np.ndarray) -> np.ndarray:
    """MSE at every (weight, bias) pair for one feature: rows are biases, columns weights.

    Shape (len(bs), len(ws)), ready for a heatmap with the bias on the vertical axis.
    """
    x = np.asarray(X, dtype=float)
    if x.ndim == 2 and x.shape[1] == 1:
        x = x[:, 0]
    if x.ndim != 1:
        raise ValueError("mse_grid draws one feature; X must be (n,) or (n, 1)")
    ws = np.asarray(ws, dtype=float)
    bs = np.asarray(bs, dtype=float)
    pred = ws[None, :, None] * x + bs[:, None, None]  # (len(bs), len(ws), n)
    return np.mean((pred - np.asarray(y, dtype=float)) ** 2, axis=-1)
