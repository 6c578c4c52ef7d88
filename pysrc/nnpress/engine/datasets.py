"""The small datasets the explainers use, as constants and seeded generators (no I/O).

- HOUSES: ten houses (area sq ft, bathrooms, price in $1000, Good/Bad label), "Basics".
- PEOPLE / NEW_PEOPLE: weight (lb - 135), height (in - 66), gender (F = 1), "From scratch".
- make_dataset: 2-D point clouds for the playground, coordinates roughly in [-1, 1].
- The Titanic parser lives in ``titanic.py`` and is re-exported here.
"""

from typing import NamedTuple

import numpy as np

from .titanic import parse_titanic_csv, titanic_accuracy, titanic_predictions

__all__ = [
    "HOUSES", "House", "NEW_PEOPLE", "PEOPLE", "Person", "DATASET_NAMES", "house_arrays",
    "make_dataset", "parse_titanic_csv", "people_arrays", "titanic_accuracy",
    "titanic_predictions",
]  # fmt: skip


class House(NamedTuple):
    area: float  # square feet
    bathrooms: int
    price: float  # $1000
    label: str  # "Good" or "Bad"


HOUSES: tuple[House, ...] = (
    House(2104, 3, 399.900, "Good"),
    House(1600, 3, 329.900, "Good"),
    House(2400, 3, 369.000, "Good"),
    House(1416, 2, 232.000, "Bad"),
    House(3000, 4, 539.900, "Bad"),
    House(1985, 4, 299.900, "Good"),
    House(1534, 3, 314.900, "Bad"),
    House(1427, 3, 198.999, "Good"),
    House(1380, 3, 212.000, "Good"),
    House(1494, 3, 242.500, "Good"),
)


def house_arrays(count: int = len(HOUSES)) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(area (n,), bathrooms (n,), price (n,)) for the first ``count`` houses."""
    rows = np.array([h[:3] for h in HOUSES[:count]], dtype=float)  # (n, 3)
    return rows[:, 0], rows[:, 1], rows[:, 2]


class Person(NamedTuple):
    name: str
    weight: float  # pounds minus 135
    height: float  # inches minus 66
    gender: int  # 1 = F, 0 = M (for NEW_PEOPLE: what the post predicts)


PEOPLE: tuple[Person, ...] = (
    Person("Alice", -2, -1, 1),
    Person("Bob", 25, 6, 0),
    Person("Charlie", 17, 4, 0),
    Person("Diana", -15, -6, 1),
)
NEW_PEOPLE: tuple[Person, ...] = (Person("Emily", -7, -3, 1), Person("Frank", 20, 2, 0))


def people_arrays(people: tuple[Person, ...] = PEOPLE) -> tuple[np.ndarray, np.ndarray]:
    """(features (n, 2), gender (n,)) ready for a Network."""
    X = np.array([[p.weight, p.height] for p in people], dtype=float)
    return X, np.array([p.gender for p in people], dtype=float)


# ---- playground point clouds -------------------------------------------------------------


def _circle(rng: np.random.Generator, n0: int, n1: int) -> np.ndarray:
    """Class 1 fills a disc of radius 0.5; class 0 a ring from 0.7 to 1."""
    r = np.concatenate([rng.uniform(0.7, 1.0, n0), rng.uniform(0.0, 0.5, n1)])
    angle = rng.uniform(0.0, 2 * np.pi, n0 + n1)
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)])


def _xor(rng: np.random.Generator, n0: int, n1: int) -> np.ndarray:
    """Class 1 in the quadrants where x * y > 0; points keep 0.05 clear of the axes."""
    magnitude = 0.05 + 0.95 * rng.uniform(0.0, 1.0, (n0 + n1, 2))  # (n, 2)
    sign_x = rng.choice([-1.0, 1.0], n0 + n1)  # (n,)
    sign_y = sign_x * np.repeat([-1.0, 1.0], [n0, n1])  # same sign exactly for class 1
    return magnitude * np.column_stack([sign_x, sign_y])


def _gauss(rng: np.random.Generator, n0: int, n1: int) -> np.ndarray:
    """Two round clouds (std 0.2) centred on (-0.5, -0.5) for class 0 and (0.5, 0.5)."""
    centres = np.repeat([[-0.5, -0.5], [0.5, 0.5]], [n0, n1], axis=0)  # (n, 2)
    return centres + rng.normal(0.0, 0.2, centres.shape)


def _spiral(rng: np.random.Generator, n0: int, n1: int) -> np.ndarray:
    """Two interleaved arms, radius 0 to 1, each turning 1.75 times; class 1 is rotated by pi."""
    t = np.concatenate([np.linspace(0.0, 1.0, n0), np.linspace(0.0, 1.0, n1)])
    angle = 1.75 * 2 * np.pi * t + np.repeat([0.0, np.pi], [n0, n1])
    return np.column_stack([t * np.sin(angle), t * np.cos(angle)])


_GENERATORS = {"circle": _circle, "xor": _xor, "gauss": _gauss, "spiral": _spiral}
DATASET_NAMES = tuple(_GENERATORS)


def make_dataset(
    name: str, n: int = 200, noise: float = 0.0, seed: int | None = 0
) -> tuple[np.ndarray, np.ndarray]:
    """A shuffled 2-D classification set: X (n, 2) roughly in [-1, 1], labels y (n,) of 0/1.

    ``noise`` is the standard deviation of Gaussian jitter added to the coordinates after
    labelling (0.1 blurs the boundary, 0.3 makes classes overlap). Same seed, same points.
    """
    if name not in _GENERATORS:
        raise ValueError(f"unknown dataset {name!r}; valid names: {', '.join(DATASET_NAMES)}")
    rng = np.random.default_rng(seed)
    n1 = n // 2
    n0 = n - n1
    X = _GENERATORS[name](rng, n0, n1)  # (n, 2), class 0 rows first
    y = np.repeat([0, 1], [n0, n1])  # (n,)
    if noise > 0:
        X = X + rng.normal(0.0, noise, X.shape)
    order = rng.permutation(n)
    return X[order], y[order]
