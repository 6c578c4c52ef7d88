"""The chain rule for one weight, factor by factor, as the backprop worked example shows it.

For w = net.weights[layer][i, j] (from neuron j of the layer below into neuron i, whose
activation we call a):

    dL/dw = dL/dy_pred . dy_pred/da . da/dw

Backprop computes the same number for every weight at once; a widget uses this to display the
three factors of one. In the "from scratch" example (Alice, all weights 1, biases 0),
``chain_rule_factors(net, [-2, -1], 1, layer=0, i=0, j=0)`` gives h1 = 0.0474, y_pred = 0.524,
dL/dy_pred = -0.9526 (the post prints -0.952, computed from the rounded 0.524),
dy_pred/dh1 = 0.249, dh1/dw1 = -0.0904 and dL/dw1 = 0.02147.
"""

from dataclasses import dataclass

import numpy as np

from .losses import Loss, get_loss
from .network import Network


@dataclass
class ChainRule:
    """The factors of dL/dw for one weight and one sample (k = number of outputs)."""

    y_pred: np.ndarray  # (k,) the network's output
    a: float  # activation of the neuron the weight feeds (h1 in the worked example)
    dL_dy: np.ndarray  # (k,) dL/dy_pred
    dy_da: np.ndarray  # (k,) dy_pred/da: how each output moves with that neuron
    da_dw: float  # da/dw = (input j) * sigma'(z_i)
    dL_dw: float  # (dL_dy . dy_da) * da_dw, equal to backprop's entry for this weight


def chain_rule_factors(
    net: Network,
    x: np.ndarray,
    y: np.ndarray | float,
    layer: int,
    i: int,
    j: int,
    loss: str | Loss = "mse",
) -> ChainRule:
    """Split dL/dw for w = net.weights[layer][i, j] on the single sample (x, y).

    ``layer`` counts weight matrices from 0 (the one after the inputs). The neuron's own layer
    must be elementwise (not softmax), otherwise w reaches the outputs through more than a.
    """
    loss = get_loss(loss)
    act = net.activation_fns[layer]
    if act.name == "softmax":
        raise ValueError("a softmax neuron's weight affects its whole layer; pick another")
    trace = net.forward(np.asarray(x, dtype=float).ravel())  # 1-D values
    y_pred = trace.output  # (k,)
    z = trace.zs[layer][i]
    da_dw = float(trace.activations[layer][j] * act.prime(z))

    # Push a unit nudge of the neuron forward to the outputs (forward-mode chain rule).
    # Every activation here has a symmetric Jacobian, so backward(z, v) = J @ v as well.
    da = np.zeros(net.sizes[layer + 1])
    da[i] = 1.0
    for m in range(layer + 1, len(net.weights)):
        dz = net.weights[m] @ da  # (out_m,)
        da = net.activation_fns[m].backward(trace.zs[m], dz)
    dy_da = da  # (k,)

    dL_dy = np.atleast_1d(loss.grad(y_pred, np.reshape(y, y_pred.shape)))  # (k,)
    return ChainRule(
        y_pred=y_pred,
        a=float(trace.activations[layer + 1][i]),
        dL_dy=dL_dy,
        dy_da=dy_da,
        da_dw=da_dw,
        dL_dw=float(dL_dy @ dy_da) * da_dw,
    )
