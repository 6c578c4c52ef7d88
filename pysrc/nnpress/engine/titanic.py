"""The Titanic passengers and the published one-neuron survival model ("The math").

The model is sigmoid(w_age * age + w_sex * sex + b) >= 0.5 with the published weights,
trained on rows 1-600 and scored on rows 601-891. About 20% of ages are missing, and the
published "accuracy 73.20%" depends on what a missing age does:

- "nan": the NaN propagates, the prediction is NaN, and NaN >= 0.5 is false -> "not survived":
  213/291 = 73.20%, the published figure.
- "impute": fill missing ages with the mean age of the training rows 1-600 (29.78):
  215/291 = 73.88%. Any fill value below 34.9 gives the same 215, so the mean of all 891
  rows (29.70) or the median (28) do too: men are never predicted to survive (b < 0 and
  w_age < 0) and women are predicted to survive exactly when younger than
  -(w_sex + b) / w_age = 34.88 years.
- "drop": score only passengers with a known age: 174/240 = 72.50%.
"""

import csv
import io

import numpy as np

from .activations import get_activation

TITANIC_WEIGHTS = (-0.016852, 0.704039, -0.116309)  # published (w_age, w_sex, bias)
TITANIC_TRAIN_ROWS = 600  # rows 1-600 trained the model; rows 601-891 score it
MISSING_AGE = ("nan", "impute", "drop")


def parse_titanic_csv(text: str) -> dict[str, np.ndarray]:
    """Kaggle's train.csv (as text) -> columns: passenger_id, survived, pclass, name,
    sex (male 0, female 1) and age (NaN where missing)."""
    rows = list(csv.DictReader(io.StringIO(text)))
    return {
        "passenger_id": np.array([int(r["PassengerId"]) for r in rows], dtype=int),
        "survived": np.array([int(r["Survived"]) for r in rows], dtype=int),
        "pclass": np.array([int(r["Pclass"]) for r in rows], dtype=int),
        "name": np.array([r["Name"] for r in rows], dtype=str),
        "sex": np.array([1.0 if r["Sex"] == "female" else 0.0 for r in rows]),
        "age": np.array([float(r["Age"]) if r["Age"] else np.nan for r in rows]),
    }


def titanic_predictions(
    data: dict[str, np.ndarray],
    missing_age: str = "nan",
    weights: tuple[float, float, float] = TITANIC_WEIGHTS,
    train_rows: int = TITANIC_TRAIN_ROWS,
) -> tuple[np.ndarray, np.ndarray]:
    """(predicted, survived), both 0/1 of shape (m,), for the rows after ``train_rows``.

    ``missing_age`` is one of "nan", "impute", "drop" (see the module docstring); with
    "drop", m counts only the passengers whose age is known.
    """
    if missing_age not in MISSING_AGE:
        raise ValueError(f"unknown missing_age {missing_age!r}; valid: {', '.join(MISSING_AGE)}")
    w_age, w_sex, b = weights
    age = data["age"][train_rows:]
    sex = data["sex"][train_rows:]
    survived = data["survived"][train_rows:]
    missing = np.isnan(age)
    if missing_age == "impute":
        age = np.where(missing, np.nanmean(data["age"][:train_rows]), age)
    elif missing_age == "drop":
        age, sex, survived = age[~missing], sex[~missing], survived[~missing]
    p = get_activation("sigmoid").fn(w_age * age + w_sex * sex + b)  # NaN where age is NaN
    return (p >= 0.5).astype(int), survived


def titanic_accuracy(
    data: dict[str, np.ndarray], missing_age: str = "nan", **kwargs
) -> tuple[int, int]:
    """(correct, scored) for the published model on the held-out rows."""
    predicted, survived = titanic_predictions(data, missing_age, **kwargs)
    return int(np.sum(predicted == survived)), len(survived)
