"""nnpress's neural-network engine: numpy only, the same code at build time and in Pyodide.

One idea per module: ``activations`` and ``losses`` (each beside its derivative),
``network`` (forward pass and backprop), ``training`` (gradient descent), ``chain_rule``
(one weight's gradient, factor by factor), ``linear`` (the house-price regression),
``datasets`` and ``titanic`` (the explainers' data).
"""

from . import linear
from .activations import ACTIVATIONS, Activation, get_activation
from .chain_rule import ChainRule, chain_rule_factors
from .datasets import (
    DATASET_NAMES,
    HOUSES,
    NEW_PEOPLE,
    PEOPLE,
    House,
    Person,
    house_arrays,
    make_dataset,
    people_arrays,
)
from .losses import LOSSES, Loss, get_loss
from .network import Network, Trace
from .titanic import TITANIC_WEIGHTS, parse_titanic_csv, titanic_accuracy, titanic_predictions
from .training import accuracy, gd_step, sgd_epoch, train

__all__ = [
    "ACTIVATIONS", "Activation", "ChainRule", "DATASET_NAMES", "HOUSES", "House", "LOSSES",
    "Loss", "NEW_PEOPLE", "Network", "PEOPLE", "Person", "TITANIC_WEIGHTS", "Trace",
    "accuracy", "chain_rule_factors", "gd_step", "get_activation", "get_loss", "house_arrays",
    "linear", "make_dataset", "parse_titanic_csv", "people_arrays", "sgd_epoch",
    "titanic_accuracy", "titanic_predictions", "train",
]  # fmt: skip
