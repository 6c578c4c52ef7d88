"""Activation functions, each written beside its derivative.

A page picks one by name (``get_activation("tanh")``), so every activation is a tiny object
with ``fn(z)`` and ``prime(z)``. ``backward(z, grad)`` turns dL/da into dL/dz; for elementwise
activations that is just ``grad * prime(z)``, and softmax overrides it with its Jacobian.
"""

import numpy as np


class Activation:
    """An elementwise nonlinearity a = fn(z) with derivative da/dz = prime(z)."""

    name = "activation"

    def fn(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def prime(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def backward(self, z: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """dL/dz from dL/da (both shaped like z): the chain rule for an elementwise map."""
        return grad * self.prime(z)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Identity(Activation):
    """No nonlinearity: the output layer of a regression."""

    name = "identity"

    def fn(self, z: np.ndarray) -> np.ndarray:
        return np.asarray(z, dtype=float)

    def prime(self, z: np.ndarray) -> np.ndarray:
        return np.ones_like(z, dtype=float)


class Sigmoid(Activation):
    """The logistic curve 1 / (1 + e^-z), squashing any score into (0, 1)."""

    name = "sigmoid"

    def fn(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        # e^-|z| lies in (0, 1], so nothing overflows at z = +-1000; values too small
        # to represent just become 0, which is the right answer, hence `under="ignore"`.
        with np.errstate(under="ignore"):
            e = np.exp(-np.abs(z))
            return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

    def prime(self, z: np.ndarray) -> np.ndarray:
        s = self.fn(z)
        with np.errstate(under="ignore"):
            return s * (1.0 - s)


class Tanh(Activation):
    """tanh: a sigmoid rescaled to (-1, 1), centred on zero."""

    name = "tanh"

    def fn(self, z: np.ndarray) -> np.ndarray:
        return np.tanh(np.asarray(z, dtype=float))

    def prime(self, z: np.ndarray) -> np.ndarray:
        return 1.0 - np.tanh(np.asarray(z, dtype=float)) ** 2


class ReLU(Activation):
    """max(0, z). Its derivative at exactly 0 is taken as 0."""

    name = "relu"

    def fn(self, z: np.ndarray) -> np.ndarray:
        return np.maximum(np.asarray(z, dtype=float), 0.0)

    def prime(self, z: np.ndarray) -> np.ndarray:
        return (np.asarray(z) > 0).astype(float)


class Softmax(Activation):
    """Scores -> probabilities, row-wise over the last axis.

    Not elementwise: each output depends on every score in its row. ``prime`` gives only the
    diagonal ds_i/dz_i (handy for display); ``jacobian`` gives the full matrix and
    ``backward`` uses it.
    """

    name = "softmax"

    def fn(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        shifted = z - z.max(axis=-1, keepdims=True)  # largest exponent is e^0: no overflow
        with np.errstate(under="ignore"):
            e = np.exp(shifted)
        return e / e.sum(axis=-1, keepdims=True)

    def prime(self, z: np.ndarray) -> np.ndarray:
        s = self.fn(z)
        return s * (1.0 - s)

    def jacobian(self, z: np.ndarray) -> np.ndarray:
        """J[..., i, j] = ds_i/dz_j = s_i (delta_ij - s_j); z (n, k) -> (n, k, k)."""
        s = self.fn(z)  # (..., k)
        eye = np.eye(s.shape[-1])  # (k, k)
        return s[..., :, None] * (eye - s[..., None, :])

    def backward(self, z: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """dL/dz_j = sum_i dL/ds_i * ds_i/dz_j, one Jacobian per row of the batch."""
        return np.einsum("...i,...ij->...j", grad, self.jacobian(z))


ACTIVATIONS: dict[str, Activation] = {
    act.name: act for act in (Identity(), Sigmoid(), Tanh(), ReLU(), Softmax())
}


def get_activation(name: str | Activation) -> Activation:
    """Look an activation up by name; an Activation passes straight through."""
    if isinstance(name, Activation):
        return name
    try:
        return ACTIVATIONS[name]
    except KeyError:
        valid = ", ".join(sorted(ACTIVATIONS))
        raise ValueError(f"unknown activation {name!r}; valid names: {valid}") from None
