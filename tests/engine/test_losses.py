import numpy as np
import pytest
from nnpress.engine.losses import LOSSES, get_loss

from .finite_diff import numerical_gradient


def test_registry():
    assert set(LOSSES) == {"mse", "cross_entropy"}
    with pytest.raises(ValueError, match="cross_entropy.*mse"):
        get_loss("hinge")


def test_mse_example():
    assert LOSSES["mse"].fn(np.zeros(4), np.array([1, 0, 0, 1])) == 0.5


def test_mse_averages_every_element():
    y_pred = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert LOSSES["mse"].fn(y_pred, np.zeros((2, 2))) == pytest.approx(30 / 4)


def test_binary_cross_entropy_value():
    y_pred = np.array([[0.8], [0.3]])  # (n, 1): binary
    expected = -(np.log(0.8) + np.log(0.7)) / 2
    assert LOSSES["cross_entropy"].fn(y_pred, np.array([[1], [0]])) == pytest.approx(expected)


def test_categorical_cross_entropy_value():
    y_pred = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    y_true = np.array([[1, 0, 0], [0, 0, 1]])
    expected = -(np.log(0.7) + np.log(0.8)) / 2
    assert LOSSES["cross_entropy"].fn(y_pred, y_true) == pytest.approx(expected)


def test_cross_entropy_is_finite_at_certainty():
    loss = LOSSES["cross_entropy"]
    assert np.isfinite(loss.fn(np.array([[0.0], [1.0]]), np.array([[1], [0]])))
    assert np.all(np.isfinite(loss.grad(np.array([[0.0, 1.0]]), np.array([[1, 0]]))))


CASES = [
    ("mse", (5, 3), "real"),
    ("mse", (4,), "real"),
    ("cross_entropy", (6, 1), "binary"),
    ("cross_entropy", (5, 3), "onehot"),
    ("cross_entropy", (4, 3), "probs"),
]


@pytest.mark.parametrize(("name", "shape", "targets"), CASES)
def test_grad_matches_finite_differences(name, shape, targets):
    rng = np.random.default_rng(5)
    loss = get_loss(name)
    y_pred = rng.uniform(0.05, 0.95, shape)
    if targets == "real":
        y_true = rng.normal(size=shape)
    elif targets == "binary":
        y_true = rng.integers(0, 2, shape).astype(float)
    elif targets == "onehot":
        y_true = np.eye(shape[1])[rng.integers(0, shape[1], shape[0])]
    else:
        y_true = rng.dirichlet(np.ones(shape[1]), shape[0])
    grad = loss.grad(y_pred, y_true)
    assert grad.shape == y_pred.shape
    numeric = numerical_gradient(lambda: loss.fn(y_pred, y_true), y_pred)
    np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-8)
