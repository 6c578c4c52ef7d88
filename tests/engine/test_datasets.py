from pathlib import Path

import numpy as np
import pytest
from nnpress.engine.datasets import (
    DATASET_NAMES,
    HOUSES,
    NEW_PEOPLE,
    PEOPLE,
    house_arrays,
    make_dataset,
    people_arrays,
)
from nnpress.engine.titanic import parse_titanic_csv, titanic_accuracy, titanic_predictions

ROOT = Path(__file__).resolve().parents[2]
TITANIC_CSV = ROOT / "content" / "data" / "titanic.csv"  # checked by sha256 in tests/test_data.py


def test_houses():
    assert len(HOUSES) == 10
    assert HOUSES[0] == (2104, 3, 399.9, "Good")
    assert "".join(h.label[0] for h in HOUSES) == "GGGBBGBGGG"
    area, baths, price = house_arrays(3)
    assert price.sum() / area.sum() == pytest.approx(0.180, abs=5e-4)  # price per sq ft
    assert house_arrays()[1].tolist() == [3, 3, 3, 2, 4, 4, 3, 3, 3, 3]


def test_people():
    X, y = people_arrays()
    assert [p.name for p in PEOPLE] == ["Alice", "Bob", "Charlie", "Diana"]
    np.testing.assert_array_equal(X, [[-2, -1], [25, 6], [17, 4], [-15, -6]])
    np.testing.assert_array_equal(y, [1, 0, 0, 1])
    assert [(p.name, p.weight, p.height) for p in NEW_PEOPLE] == [
        ("Emily", -7, -3),
        ("Frank", 20, 2),
    ]


@pytest.mark.parametrize("name", DATASET_NAMES)
def test_playground_datasets_are_seeded(name):
    X, y = make_dataset(name, n=101, noise=0.1, seed=3)
    again, same_y = make_dataset(name, n=101, noise=0.1, seed=3)
    other, _ = make_dataset(name, n=101, noise=0.1, seed=4)
    assert X.shape == (101, 2) and y.shape == (101,)
    np.testing.assert_array_equal(X, again)
    np.testing.assert_array_equal(y, same_y)
    assert not np.allclose(X, other)
    assert set(y.tolist()) == {0, 1} and abs(int(y.sum()) - 50) <= 1
    clean, _ = make_dataset(name, n=200, seed=0)
    assert np.abs(clean).max() < 1.5


def test_playground_labels_follow_their_rule():
    X, y = make_dataset("xor", seed=1)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] > 0).astype(int))
    X, y = make_dataset("circle", seed=1)
    np.testing.assert_array_equal(y, (np.hypot(X[:, 0], X[:, 1]) < 0.6).astype(int))
    with pytest.raises(ValueError, match="spiral"):
        make_dataset("moons")


@pytest.fixture(scope="module")
def titanic():
    return parse_titanic_csv(TITANIC_CSV.read_text(encoding="utf-8"))


def test_parse_titanic(titanic):
    assert len(titanic["passenger_id"]) == 891
    assert titanic["passenger_id"][[0, -1]].tolist() == [1, 891]
    assert np.bincount(titanic["survived"]).tolist() == [549, 342]
    assert int(np.isnan(titanic["age"]).sum()) == 177
    assert titanic["name"][0] == "Braund, Mr. Owen Harris"
    assert titanic["sex"][:2].tolist() == [0.0, 1.0]
    assert titanic["age"][0] == 22.0 and titanic["pclass"][0] == 3


@pytest.mark.parametrize(
    ("missing_age", "correct", "total", "percent"),
    [("nan", 213, 291, 73.20), ("impute", 215, 291, 73.88), ("drop", 174, 240, 72.50)],
)
def test_titanic_published_accuracy(titanic, missing_age, correct, total, percent):
    assert titanic_accuracy(titanic, missing_age) == (correct, total)
    assert round(100 * correct / total, 2) == percent


def test_titanic_imputation_choice_does_not_matter_below_34_9(titanic):
    """Mean of rows 1-600, mean of all rows, median: all give 215 (see titanic.py)."""
    for fill in [np.nanmean(titanic["age"]), np.nanmedian(titanic["age"]), 34.8]:
        data = dict(titanic, age=np.where(np.isnan(titanic["age"]), fill, titanic["age"]))
        assert titanic_accuracy(data, "nan") == (215, 291)
    data = dict(titanic, age=np.where(np.isnan(titanic["age"]), 35.0, titanic["age"]))
    assert titanic_accuracy(data, "nan") != (215, 291)
    with pytest.raises(ValueError):
        titanic_predictions(titanic, "zero")
