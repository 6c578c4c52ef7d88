import numpy as np
import pytest
from nnpress.engine import linear
from nnpress.engine.datasets import house_arrays

from .finite_diff import numerical_gradient

AREA3, _, PRICE3 = house_arrays(3)
AREA, BATHS, PRICE = house_arrays()
X10 = np.column_stack([AREA, BATHS])  # (10, 2)


def test_one_weight_model_table():
    np.testing.assert_allclose(linear.predict(AREA3, 0.18, 0.0), [378.72, 288.0, 432.0])
    assert linear.mse(AREA3, PRICE3, 0.18, 0.0) == pytest.approx(2057.73, abs=0.005)


def test_least_squares_first_three_houses():
    w, b = linear.least_squares(AREA3, PRICE3)
    assert isinstance(w, float)
    assert w == pytest.approx(0.0584879, abs=5e-8)
    assert b == pytest.approx(247.2633, abs=5e-5)
    assert linear.mse(AREA3, PRICE3, w, b) == pytest.approx(447.29, abs=0.005)


def test_best_weight_without_bias():
    w, b = linear.least_squares(AREA3, PRICE3, fit_bias=False)
    assert b == 0.0
    assert w == pytest.approx(0.176894, abs=5e-7)
    assert linear.mse(AREA3, PRICE3, w, 0.0) == pytest.approx(2016.73, abs=0.005)


def test_two_features_ten_houses():
    w, b = linear.least_squares(X10, PRICE)
    assert w[0] == pytest.approx(0.186130, abs=5e-7)
    assert w[1] == pytest.approx(-10.0124, abs=5e-5)
    assert b == pytest.approx(3.5754, abs=5e-5)
    assert linear.mse(X10, PRICE, w, b) == pytest.approx(1406.05, abs=0.005)


@pytest.mark.parametrize("two_features", [False, True])
def test_mse_gradient_matches_finite_differences(two_features):
    X, y = (X10, PRICE) if two_features else (AREA3, PRICE3)
    w = np.array([0.15, 5.0]) if two_features else np.array(0.18)
    b = np.array(20.0)
    dw, db = linear.mse_gradient(X, y, w if two_features else float(w), float(b))
    numeric_w = numerical_gradient(lambda: linear.mse(X, y, w, float(b)), w, eps=1e-7)
    numeric_b = numerical_gradient(lambda: linear.mse(X, y, w, float(b)), b, eps=1e-4)
    np.testing.assert_allclose(dw, numeric_w, rtol=1e-5)
    assert db == pytest.approx(float(numeric_b), rel=1e-6)


def test_balanced_rates_for_the_first_three_houses():
    lr_w, lr_b = linear.balanced_rates(AREA3)
    assert lr_w == pytest.approx(5.884e-8, rel=1e-3)
    assert lr_b == 0.25


def test_gradient_descent_reaches_the_least_squares_fit():
    lr_w, lr_b = linear.balanced_rates(AREA3)
    w, b = 0.18, 0.0
    errors = [linear.mse(AREA3, PRICE3, w, b)]
    for _ in range(3000):
        w, b = linear.gd_step(AREA3, PRICE3, w, b, lr_w, lr_b)
        errors.append(linear.mse(AREA3, PRICE3, w, b))
    assert isinstance(w, float)
    assert errors[100] < 1000 < errors[0]  # "100 GD steps" clearly helps
    assert errors[500] < 455
    assert all(np.diff(errors) <= 1e-9)
    best_w, best_b = linear.least_squares(AREA3, PRICE3)
    assert w == pytest.approx(best_w, abs=1e-7)
    assert b == pytest.approx(best_b, abs=1e-3)


def test_round_rates_also_converge():
    w, b = 0.18, 0.0
    for _ in range(3000):
        w, b = linear.gd_step(AREA3, PRICE3, w, b, 5e-8, 0.25)
    assert linear.mse(AREA3, PRICE3, w, b) == pytest.approx(447.29, abs=0.005)


def test_gradient_descent_with_two_features():
    lr_w, lr_b = linear.balanced_rates(X10)
    w, b = np.zeros(2), 0.0
    for _ in range(10000):
        w, b = linear.gd_step(X10, PRICE, w, b, lr_w, lr_b)
    assert w[0] == pytest.approx(0.186130, abs=5e-7)
    assert w[1] == pytest.approx(-10.0124, abs=5e-4)
    assert b == pytest.approx(3.5754, abs=5e-4)


def test_mse_grid():
    ws = np.linspace(0.0, 0.4, 5)
    bs = np.linspace(0.0, 460.0, 3)
    grid = linear.mse_grid(AREA3, PRICE3, ws, bs)
    assert grid.shape == (3, 5)
    for r, b in enumerate(bs):
        for c, w in enumerate(ws):
            assert grid[r, c] == pytest.approx(linear.mse(AREA3, PRICE3, w, b))
    np.testing.assert_allclose(linear.mse_grid(AREA3[:, None], PRICE3, ws, bs), grid)
    with pytest.raises(ValueError):
        linear.mse_grid(X10, PRICE, ws, bs)
