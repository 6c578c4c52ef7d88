"""Gradient descent on a Network: full-batch steps, SGD epochs, and accuracy.

Every step updates the network in place and returns the loss measured *before* it, which is
free (backprop already ran the forward pass) and is what a live loss chart plots.
"""

import numpy as np

from .losses import Loss
from .network import Network


def gd_step(
    net: Network, X: np.ndarray, Y: np.ndarray, lr: float, loss: str | Loss = "mse"
) -> float:
    """One full-batch gradient-descent step; returns the loss before the step."""
    value, grad_w, grad_b = net.value_and_grad(X, Y, loss)
    for w, b, gw, gb in zip(net.weights, net.biases, grad_w, grad_b, strict=True):
        w -= lr * gw
        b -= lr * gb
    return value


def sgd_epoch(
    net: Network,
    X: np.ndarray,
    Y: np.ndarray,
    lr: float,
    loss: str | Loss = "mse",
    rng: np.random.Generator | None = None,
    batch_size: int = 1,
) -> float:
    """One pass over the data in mini-batches; returns the mean loss seen during the epoch.

    Without ``rng`` the samples are visited in order (as in the "from scratch" post); with
    one they are shuffled first. With batch_size = n this is exactly one ``gd_step``.
    """
    X = np.atleast_2d(np.asarray(X, dtype=float))  # (n, in)
    n = X.shape[0]
    Y = np.asarray(Y, dtype=float).reshape(n, -1)  # (n, k)
    order = np.arange(n) if rng is None else rng.permutation(n)
    total = 0.0
    for start in range(0, n, batch_size):
        batch = order[start : start + batch_size]
        total += gd_step(net, X[batch], Y[batch], lr, loss) * len(batch)
    return total / n


def train(
    net: Network,
    X: np.ndarray,
    Y: np.ndarray,
    epochs: int,
    lr: float,
    loss: str | Loss = "mse",
    batch_size: int | None = None,
    rng: np.random.Generator | None = None,
) -> list[float]:
    """Run ``epochs`` epochs and return the per-epoch loss history.

    ``batch_size=None`` means full-batch gradient descent (one ``gd_step`` per epoch);
    otherwise each epoch is an ``sgd_epoch`` with that batch size.
    """
    history = []
    for _ in range(epochs):
        if batch_size is None:
            history.append(gd_step(net, X, Y, lr, loss))
        else:
            history.append(sgd_epoch(net, X, Y, lr, loss, rng=rng, batch_size=batch_size))
    return history


def accuracy(y_pred: np.ndarray, y_true: np.ndarray, threshold: float = 0.5) -> float:
    """Fraction of samples classified correctly.

    1-D or width-1 predictions are binary (class 1 when p >= threshold, labels 0/1);
    wider ones are multi-class (argmax), against one-hot rows or class indices.
    """
    y_pred = np.asarray(y_pred, dtype=float)
    y_true = np.asarray(y_true)
    if y_pred.ndim == 1 or y_pred.shape[-1] == 1:
        predicted = y_pred.ravel() >= threshold
        actual = y_true.ravel() >= 0.5
    else:
        predicted = y_pred.argmax(axis=-1)
        actual = y_true.argmax(axis=-1) if y_true.ndim == y_pred.ndim else y_true
    return float(np.mean(predicted == actual))
