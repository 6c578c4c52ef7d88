import warnings

import numpy as np
import pytest
from nnpress.engine.activations import ACTIVATIONS, Softmax, get_activation

from .finite_diff import numerical_derivative, numerical_gradient

ELEMENTWISE = ["identity", "sigmoid", "tanh", "relu"]


def test_registry_names():
    assert set(ACTIVATIONS) == {"identity", "sigmoid", "tanh", "relu", "softmax"}
    for name, act in ACTIVATIONS.items():
        assert act.name == name
        assert get_activation(name) is act


def test_unknown_activation_lists_valid_names():
    with pytest.raises(ValueError, match="relu.*sigmoid"):
        get_activation("swish")


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_prime_matches_finite_differences(name):
    act = get_activation(name)
    z = np.random.default_rng(1).normal(0, 2, (7, 3))  # (n, k), almost surely no z == 0
    np.testing.assert_allclose(act.prime(z), numerical_derivative(act.fn, z), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_backward_is_chain_rule(name):
    act = get_activation(name)
    rng = np.random.default_rng(2)
    z, grad = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    np.testing.assert_allclose(act.backward(z, grad), grad * act.prime(z))


def test_known_values():
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_allclose(ACTIVATIONS["relu"].fn(z), [0, 0, 3])
    np.testing.assert_allclose(ACTIVATIONS["relu"].prime(z), [0, 0, 1])
    np.testing.assert_allclose(ACTIVATIONS["tanh"].fn(z), np.tanh(z))
    np.testing.assert_allclose(ACTIVATIONS["identity"].fn(z), z)
    np.testing.assert_allclose(ACTIVATIONS["sigmoid"].fn(z), 1 / (1 + np.exp(-z)), rtol=1e-15)


def test_sigmoid_neuron_figure():
    # w = [0, 1], b = 4, x = [2, 3] -> z = 7
    assert ACTIVATIONS["sigmoid"].fn(7.0) == pytest.approx(0.9990889488055994, abs=1e-16)


def test_even_number_forward_step():
    assert ACTIVATIONS["sigmoid"].fn(0.73681285) == pytest.approx(0.676298522, abs=1e-9)


def test_sigmoid_is_stable_at_extremes():
    z = np.array([-1000.0, -745.0, -710.0, -40.0, 0.0, 40.0, 710.0, 1000.0])
    sigmoid = ACTIVATIONS["sigmoid"]
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        s = sigmoid.fn(z)
        p = sigmoid.prime(z)
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(p))
    assert s[0] == 0.0 and s[-1] == 1.0 and s[4] == 0.5
    assert s[3] == pytest.approx(4.248354255291589e-18, rel=1e-12)  # the small tail is kept
    assert np.all(np.diff(s) >= 0)
    assert p[0] == 0.0 and p[-1] == 0.0 and p[4] == 0.25


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([2, 4], [0.1192, 0.8808]),
        ([-1, 0, 1], [0.0900, 0.2447, 0.6652]),
        ([1, 2, 4], [0.0420, 0.1142, 0.8438]),
        ([5, 10], [0.0067, 0.9933]),
    ],
)
def test_softmax_table(scores, expected):
    probs = ACTIVATIONS["softmax"].fn(np.array(scores, dtype=float))
    np.testing.assert_allclose(probs, expected, atol=5e-5)
    assert probs.sum() == pytest.approx(1.0)


def test_softmax_is_row_wise_and_stable():
    softmax = ACTIVATIONS["softmax"]
    z = np.array([[1000.0, 0.0, -1000.0], [1.0, 2.0, 4.0]])  # (2, 3)
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        s = softmax.fn(z)
    np.testing.assert_allclose(s[0], [1, 0, 0])
    np.testing.assert_allclose(s[1], softmax.fn(z[1]))
    np.testing.assert_allclose(s.sum(axis=1), [1, 1])


def test_softmax_jacobian_matches_finite_differences():
    softmax = Softmax()
    z = np.random.default_rng(3).normal(size=(3, 4))  # (n, k)
    jac = softmax.jacobian(z)  # (n, k, k)
    assert jac.shape == (3, 4, 4)
    for row in range(3):
        for i in range(4):
            zr = z[row].copy()
            numeric = numerical_gradient(lambda zr=zr, i=i: softmax.fn(zr)[i], zr)
            np.testing.assert_allclose(jac[row, i], numeric, atol=1e-9)
    np.testing.assert_allclose(softmax.prime(z), np.diagonal(jac, axis1=1, axis2=2))


def test_softmax_backward_uses_the_jacobian():
    softmax = Softmax()
    rng = np.random.default_rng(4)
    z, grad = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
    expected = np.stack([g @ softmax.jacobian(zr) for g, zr in zip(grad, z, strict=True)])
    np.testing.assert_allclose(softmax.backward(z, grad), expected)
    # The Jacobian's rows sum to zero: adding a constant to every score changes nothing.
    np.testing.assert_allclose(softmax.backward(z, np.ones_like(z)), 0, atol=1e-15)


def test_repr():
    assert repr(ACTIVATIONS["tanh"]) == "Tanh()"
