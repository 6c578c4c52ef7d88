import numpy as np
import pytest
from nnpress.engine.chain_rule import chain_rule_factors
from nnpress.engine.network import Network


def test_backprop_worked_example():
    # Alice (-2, -1), female (y = 1); 2-2-1 sigmoid net, all weights 1, biases 0.
    net = Network.from_params([np.ones((2, 2)), np.ones((1, 2))], [np.zeros(2), np.zeros(1)])
    f = chain_rule_factors(net, np.array([-2.0, -1.0]), 1.0, layer=0, i=0, j=0)
    assert f.a == pytest.approx(0.0474, abs=5e-5)  # h1
    assert f.y_pred[0] == pytest.approx(0.524, abs=5e-4)  # o1
    # -2 (1 - 0.5237) = -0.9526; the post writes -0.952 because it starts from o1 rounded to 0.524.
    assert f.dL_dy[0] == pytest.approx(-0.9526, abs=5e-5)
    assert -2 * (1 - round(f.y_pred[0], 3)) == pytest.approx(-0.952, abs=1e-12)
    assert f.dy_da[0] == pytest.approx(0.249, abs=5e-4)
    assert f.da_dw == pytest.approx(-0.0904, abs=5e-5)
    assert f.dL_dw == pytest.approx(0.02147, abs=5e-6)
    assert round(-0.952 * 0.249 * -0.0904, 4) == 0.0214  # the post's product of rounded factors


@pytest.mark.parametrize(
    ("sizes", "acts", "loss"),
    [
        ([2, 2, 1], "sigmoid", "mse"),
        ([3, 4, 3, 2], ["tanh", "relu", "sigmoid"], "mse"),
        ([3, 4, 3], ["tanh", "softmax"], "cross_entropy"),
    ],
)
def test_factors_multiply_to_the_backprop_gradient(sizes, acts, loss):
    rng = np.random.default_rng(21)
    net = Network(sizes, acts, seed=5)
    x = rng.normal(size=sizes[0])
    y = np.eye(sizes[-1])[1] if sizes[-1] > 1 else np.array([1.0])
    grad_w, _ = net.backprop(x, y, loss)
    for layer in range(len(net.weights)):
        if net.activations[layer] == "softmax":
            continue
        for i, j in [(0, 0), (sizes[layer + 1] - 1, sizes[layer] - 1)]:
            f = chain_rule_factors(net, x, y, layer, i, j, loss)
            assert f.dL_dw == pytest.approx(grad_w[layer][i, j], rel=1e-9, abs=1e-15)


def test_softmax_layer_is_refused():
    net = Network([2, 3], "softmax")
    with pytest.raises(ValueError):
        chain_rule_factors(net, np.zeros(2), np.eye(3)[0], 0, 0, 0)
