import numpy as np
import pytest
from nnpress.engine.network import Network, Trace

from .finite_diff import numerical_gradient


def test_single_neuron_figure():
    net = Network.from_params([[[0.0, 1.0]]], [[4.0]], "sigmoid")
    out = net.predict(np.array([2.0, 3.0]))
    assert out.shape == (1,)
    assert out[0] == pytest.approx(0.9990889488055994, abs=1e-15)


def test_two_two_one_figure():
    w = np.array([[0.0, 1.0], [0.0, 1.0]])
    net = Network.from_params([w, w[:1]], [np.zeros(2), np.zeros(1)])
    trace = net.forward(np.array([2.0, 3.0]))
    np.testing.assert_allclose(trace.activations[1], [0.9525741268224334] * 2, rtol=1e-15)
    assert trace.output[0] == pytest.approx(0.7216325609518421, abs=1e-15)
    np.testing.assert_allclose(trace.zs[0], [3.0, 3.0])


def test_shapes_and_parameter_count():
    net = Network([2, 4, 4, 1], ["tanh", "tanh", "sigmoid"])
    assert [w.shape for w in net.weights] == [(4, 2), (4, 4), (1, 4)]
    assert [b.shape for b in net.biases] == [(4,), (4,), (1,)]
    assert net.sizes == [2, 4, 4, 1]
    assert net.activations == ["tanh", "tanh", "sigmoid"]
    assert net.parameter_count == 37
    assert repr(net) == "Network(sizes=[2, 4, 4, 1], activations=['tanh', 'tanh', 'sigmoid'])"
    assert Network([3, 2]).activations == ["sigmoid"]


def test_batch_and_single_sample_agree():
    net = Network([3, 5, 2], ["relu", "softmax"], seed=1)
    X = np.random.default_rng(0).normal(size=(6, 3))  # (n, in)
    trace = net.forward(X)
    assert isinstance(trace, Trace)
    assert trace.inputs.shape == (6, 3) and trace.output.shape == (6, 2)
    assert [z.shape for z in trace.zs] == [(6, 5), (6, 2)]
    assert len(trace.activations) == 3
    for row in range(6):
        np.testing.assert_allclose(net.predict(X[row]), trace.output[row])
    single = net.forward(X[0])
    assert single.output.shape == (2,) and single.zs[0].shape == (5,)


def test_seeded_initialisation():
    a, b, c = Network([2, 3, 1], seed=7), Network([2, 3, 1], seed=7), Network([2, 3, 1], seed=8)
    np.testing.assert_array_equal(a.weights[0], b.weights[0])
    assert not np.array_equal(a.weights[0], c.weights[0])
    xavier = Network([100, 50], init="xavier", seed=0)
    assert xavier.weights[0].std() == pytest.approx(0.1, rel=0.1)
    assert np.all(xavier.biases[0] == 0)
    with pytest.raises(ValueError):
        Network([2, 1], init="uniform")


def test_copy_and_from_params_do_not_share_arrays():
    net = Network([2, 3, 1])
    twin = net.copy()
    twin.weights[0][0, 0] += 1.0
    assert twin.weights[0][0, 0] != net.weights[0][0, 0]
    rebuilt = Network.from_params(net.weights, net.biases, net.activations)
    rebuilt.biases[0][0] += 1.0
    assert rebuilt.biases[0][0] != net.biases[0][0]


def test_bad_arguments():
    with pytest.raises(ValueError, match="valid names"):
        Network([2, 1], "gelu")
    with pytest.raises(ValueError):
        Network([2, 3, 1], ["tanh"])
    with pytest.raises(ValueError, match="targets"):
        Network([2, 1]).backprop(np.zeros((4, 2)), np.zeros(3))


def _targets(rng, n, k, loss, out_act):
    if loss == "cross_entropy" and k == 1:
        return rng.integers(0, 2, (n, 1)).astype(float)
    if loss == "cross_entropy" or out_act == "softmax":
        return np.eye(k)[rng.integers(0, k, n)]
    return rng.normal(size=(n, k))


COMBOS = [
    ([2, 3, 1], "sigmoid", "mse"),
    ([3, 5, 4, 2], ["tanh", "relu", "identity"], "mse"),
    ([4, 6, 3], ["tanh", "softmax"], "cross_entropy"),
    ([4, 5, 3], ["relu", "softmax"], "mse"),
    ([2, 4, 4, 1], ["tanh", "tanh", "sigmoid"], "cross_entropy"),
    ([3, 4, 2], ["sigmoid", "sigmoid"], "cross_entropy"),
    ([3, 4, 2], ["softmax", "tanh"], "mse"),
    ([5, 2], "identity", "mse"),
]


@pytest.mark.parametrize(("sizes", "acts", "loss"), COMBOS)
def test_backprop_matches_finite_differences(sizes, acts, loss):
    rng = np.random.default_rng(11)
    net = Network(sizes, acts, seed=3)
    X = rng.normal(size=(7, sizes[0]))  # (n, in)
    Y = _targets(rng, 7, sizes[-1], loss, net.activations[-1])
    grad_w, grad_b = net.backprop(X, Y, loss)
    for layer in range(len(net.weights)):
        assert grad_w[layer].shape == net.weights[layer].shape
        assert grad_b[layer].shape == net.biases[layer].shape
        numeric_w = numerical_gradient(lambda: net.loss(X, Y, loss), net.weights[layer])
        numeric_b = numerical_gradient(lambda: net.loss(X, Y, loss), net.biases[layer])
        np.testing.assert_allclose(grad_w[layer], numeric_w, rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(grad_b[layer], numeric_b, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("loss", ["mse", "cross_entropy"])
def test_batch_gradient_is_the_mean_of_sample_gradients(loss):
    rng = np.random.default_rng(12)
    net = Network([3, 4, 2], ["tanh", "softmax"], seed=2)
    X, Y = rng.normal(size=(5, 3)), np.eye(2)[rng.integers(0, 2, 5)]
    grad_w, _ = net.backprop(X, Y, loss)
    per_sample = [net.backprop(x, y, loss)[0][0] for x, y in zip(X, Y, strict=True)]
    np.testing.assert_allclose(grad_w[0], np.mean(per_sample, axis=0), atol=1e-14)


def test_width_one_targets_may_be_flat():
    net = Network([2, 3, 1], seed=4)
    X, y = np.random.default_rng(0).normal(size=(6, 2)), np.arange(6) % 2
    flat = net.backprop(X, y)
    column = net.backprop(X, y[:, None])
    np.testing.assert_array_equal(flat[0][0], column[0][0])
