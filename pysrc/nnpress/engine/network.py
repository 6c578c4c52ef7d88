"""A fully connected feedforward network with backpropagation, in plain numpy.

Weights are (out, in) matrices as in Nielsen's network.py, and a batch is row-major: X is
(n, in), so a layer computes z = X @ W.T + b. A single sample may be passed as a 1-D array;
it is treated as a batch of one and the results come back 1-D.
"""

from dataclasses import dataclass

import numpy as np

from .activations import Activation, get_activation
from .losses import CrossEntropy, Loss, get_loss

INITS = ("normal", "xavier", "he")  # how __init__ draws the starting weights


@dataclass
class Trace:
    """Everything a forward pass computed, kept so a page can display the values flowing."""

    inputs: np.ndarray  # (n, in)
    zs: list[np.ndarray]  # weighted inputs per layer, each (n, out_l)
    activations: list[np.ndarray]  # inputs first, then each layer's output (n, out_l)

    @property
    def output(self) -> np.ndarray:
        return self.activations[-1]

    def __repr__(self) -> str:
        shapes = [a.shape for a in self.activations]
        return f"Trace(activation shapes={shapes})"


class Network:
    """Layers of sizes ``sizes`` (inputs first), each with its own activation."""

    def __init__(
        self,
        sizes: list[int],
        activations: list[str] | str = "sigmoid",
        seed: int | None = 0,
        init: str = "normal",
    ) -> None:
        """``init``: "normal" draws every weight and bias from N(0, 1) (Nielsen, and the
        "from scratch" post); "xavier" scales weights by 1/sqrt(fan_in), "he" by
        sqrt(2/fan_in), both with zero biases. Layers draw weights then biases, in order."""
        if len(sizes) < 2:
            raise ValueError("a network needs at least an input and an output layer")
        if init not in INITS:
            raise ValueError(f"unknown init {init!r}; valid: {', '.join(INITS)}")
        rng = np.random.default_rng(seed)
        weights, biases = [], []
        for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
            w = rng.standard_normal((n_out, n_in))  # (out, in)
            b = rng.standard_normal(n_out)  # (out,)
            if init != "normal":
                w *= np.sqrt((2.0 if init == "he" else 1.0) / n_in)
                b[:] = 0.0
            weights.append(w)
            biases.append(b)
        self._set(weights, biases, activations)

    @classmethod
    def from_params(
        cls,
        weights: list[np.ndarray],
        biases: list[np.ndarray],
        activations: list[str] | str = "sigmoid",
    ) -> "Network":
        """A network with exactly these parameters (copied), e.g. a worked example's."""
        net = cls.__new__(cls)
        net._set(
            [np.array(w, dtype=float, ndmin=2) for w in weights],
            [np.array(b, dtype=float, ndmin=1) for b in biases],
            activations,
        )
        return net

    def _set(self, weights: list, biases: list, activations: list[str] | str) -> None:
        if isinstance(activations, str):
            activations = [activations] * len(weights)
        if not (len(weights) == len(biases) == len(activations)):
            raise ValueError("need one weight matrix, bias vector and activation per layer")
        self.weights: list[np.ndarray] = weights  # each (out, in)
        self.biases: list[np.ndarray] = biases  # each (out,)
        self.activation_fns: list[Activation] = [get_activation(a) for a in activations]
        self.activations: list[str] = [a.name for a in self.activation_fns]
        self.sizes: list[int] = [weights[0].shape[1]] + [w.shape[0] for w in weights]
        for w, b, n_in in zip(weights, biases, self.sizes[:-1], strict=True):
            if w.shape != (b.shape[0], n_in):
                raise ValueError(f"weight shape {w.shape} does not match bias {b.shape}")

    @property
    def parameter_count(self) -> int:
        return sum(w.size + b.size for w, b in zip(self.weights, self.biases, strict=True))

    def copy(self) -> "Network":
        return type(self).from_params(self.weights, self.biases, self.activations)

    def forward(self, X: np.ndarray) -> Trace:
        """Run X through every layer, keeping each z and activation."""
        X = np.asarray(X, dtype=float)
        a = np.atleast_2d(X)  # (n, in)
        zs, activations = [], [a]
        for w, b, act in zip(self.weights, self.biases, self.activation_fns, strict=True):
            z = a @ w.T + b  # (n, out)
            a = act.fn(z)  # (n, out)
            zs.append(z)
            activations.append(a)
        if X.ndim == 1:  # a single sample: hand back 1-D values
            return Trace(X, [z[0] for z in zs], [a[0] for a in activations])
        return Trace(X, zs, activations)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """The output layer only: (n, out), or (out,) for a single sample."""
        return self.forward(X).output

    def loss(self, X: np.ndarray, Y: np.ndarray, loss: str | Loss = "mse") -> float:
        return self.value_and_grad(X, Y, loss)[0]

    def backprop(
        self, X: np.ndarray, Y: np.ndarray, loss: str | Loss = "mse"
    ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Gradients of the batch loss, shaped like ``weights`` and ``biases``."""
        _, grad_w, grad_b = self.value_and_grad(X, Y, loss)
        return grad_w, grad_b

    def value_and_grad(
        self, X: np.ndarray, Y: np.ndarray, loss: str | Loss = "mse"
    ) -> tuple[float, list[np.ndarray], list[np.ndarray]]:
        """The loss and its gradients from a single forward pass (what training needs)."""
        loss = get_loss(loss)
        X = np.atleast_2d(np.asarray(X, dtype=float))  # (n, in)
        trace = self.forward(X)
        a_out = trace.output  # (n, k)
        Y = np.asarray(Y, dtype=float)
        if Y.size != a_out.size:
            raise ValueError(f"targets of size {Y.size} do not fit outputs {a_out.shape}")
        Y = Y.reshape(a_out.shape)  # (n, k)

        delta = self._output_delta(trace.zs[-1], a_out, Y, loss)  # dL/dz, (n, k)
        grad_w = [np.empty(0)] * len(self.weights)
        grad_b = [np.empty(0)] * len(self.weights)
        for layer in reversed(range(len(self.weights))):
            grad_w[layer] = delta.T @ trace.activations[layer]  # (out, in)
            grad_b[layer] = delta.sum(axis=0)  # (out,)
            if layer > 0:
                grad_a = delta @ self.weights[layer]  # dL/da of the layer below, (n, in)
                delta = self.activation_fns[layer - 1].backward(trace.zs[layer - 1], grad_a)
        return loss.fn(a_out, Y), grad_w, grad_b

    def _output_delta(self, z: np.ndarray, a: np.ndarray, Y: np.ndarray, loss: Loss):
        """dL/dz at the output layer.

        Cross-entropy after softmax (or after a single sigmoid) collapses to (a - y) / n:
        the 1/p of the loss cancels the p of the activation, which is also more stable.
        """
        act = self.activation_fns[-1]
        if isinstance(loss, CrossEntropy) and (
            act.name == "softmax" or (act.name == "sigmoid" and a.shape[1] == 1)
        ):
            return (a - Y) / a.shape[0]
        return act.backward(z, loss.grad(a, Y))

    def __repr__(self) -> str:
        return f"Network(sizes={self.sizes}, activations={self.activations})"
