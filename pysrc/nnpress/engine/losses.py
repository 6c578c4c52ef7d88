"""Loss functions, each written beside its gradient.

Predictions and targets are batches shaped (n, k); a 1-D array is one sample (k,), as
everywhere in the engine. ``grad`` is dL/dy_pred for exactly the average ``fn`` takes, so
backprop needs no extra 1/n.
"""

import numpy as np

EPS = 1e-12  # probabilities are clipped to [EPS, 1 - EPS] so log() stays finite


def _batch(y: np.ndarray) -> np.ndarray:
    return np.atleast_2d(np.asarray(y, dtype=float))  # (n, k)


class Loss:
    """A scalar score of how far predictions are from targets, and its gradient."""

    name = "loss"

    def fn(self, y_pred: np.ndarray, y_true: np.ndarray) -> float:
        raise NotImplementedError

    def grad(self, y_pred: np.ndarray, y_true: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class MSE(Loss):
    """Mean squared error over every element: y_true [1,0,0,1] vs zeros gives 0.5."""

    name = "mse"

    def fn(self, y_pred: np.ndarray, y_true: np.ndarray) -> float:
        diff = np.asarray(y_pred, dtype=float) - np.asarray(y_true, dtype=float)
        return float(np.mean(diff**2))

    def grad(self, y_pred: np.ndarray, y_true: np.ndarray) -> np.ndarray:
        y_pred = np.asarray(y_pred, dtype=float)
        return 2.0 * (y_pred - np.asarray(y_true, dtype=float)) / y_pred.size


class CrossEntropy(Loss):
    """Cross-entropy, averaged over samples.

    Width k > 1: categorical, -sum_k y log p, for one-hot or probability targets (pair with
    softmax). Width 1: binary, -(y log p + (1 - y) log(1 - p)) (pair with sigmoid).
    """

    name = "cross_entropy"

    def fn(self, y_pred: np.ndarray, y_true: np.ndarray) -> float:
        p = np.clip(_batch(y_pred), EPS, 1 - EPS)  # (n, k)
        y = _batch(y_true).reshape(p.shape)
        if p.shape[1] == 1:
            per_sample = -(y * np.log(p) + (1 - y) * np.log(1 - p)).sum(axis=1)
        else:
            per_sample = -(y * np.log(p)).sum(axis=1)
        return float(per_sample.mean())

    def grad(self, y_pred: np.ndarray, y_true: np.ndarray) -> np.ndarray:
        shape = np.shape(y_pred)
        p = np.clip(_batch(y_pred), EPS, 1 - EPS)  # (n, k)
        y = _batch(y_true).reshape(p.shape)
        n = p.shape[0]
        if p.shape[1] == 1:
            g = (p - y) / (p * (1 - p)) / n
        else:
            g = -y / p / n
        return g.reshape(shape)


LOSSES: dict[str, Loss] = {loss.name: loss for loss in (MSE(), CrossEntropy())}


def get_loss(name: str | Loss) -> Loss:
    """Look a loss up by name; a Loss passes straight through."""
    if isinstance(name, Loss):
        return name
    try:
        return LOSSES[name]
    except KeyError:
        valid = ", ".join(sorted(LOSSES))
        raise ValueError(f"unknown loss {name!r}; valid names: {valid}") from None
