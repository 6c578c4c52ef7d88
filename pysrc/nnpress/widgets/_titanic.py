"""Titanic passengers for the prediction widget: the default rows and inline rows.

The default table is the first ten rows of Kaggle's Titanic training set (train.csv),
copied here because the browser has no data file to read; a unit test checks them against
the CSV. An author may instead list passengers inline:

    passengers:
      - {name: Ann, age: 30, sex: female, survived: 1}
      - {name: Bob, age: null, sex: male}       # age unknown, survival unknown
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..params import ParamError, brief

MAX_ROWS = 30
MISSING_AGE_FILL = 29.78  # mean known age of rows 1-600 (the training rows), 29.7827


class Passenger(NamedTuple):
    name: str
    age: float | None  # None: missing in the data
    sex: int  # male 0, female 1 (the model's encoding)
    survived: int | None  # None: not given


FIRST_TEN: tuple[Passenger, ...] = (
    Passenger("Braund, Mr. Owen Harris", 22.0, 0, 0),
    Passenger("Cumings, Mrs. John Bradley (Florence Briggs Thayer)", 38.0, 1, 1),
    Passenger("Heikkinen, Miss. Laina", 26.0, 1, 1),
    Passenger("Futrelle, Mrs. Jacques Heath (Lily May Peel)", 35.0, 1, 1),
    Passenger("Allen, Mr. William Henry", 35.0, 0, 0),
    Passenger("Moran, Mr. James", None, 0, 0),
    Passenger("McCarthy, Mr. Timothy J", 54.0, 0, 0),
    Passenger("Palsson, Master. Gosta Leonard", 2.0, 0, 0),
    Passenger("Johnson, Mrs. Oscar W (Elisabeth Vilhelmina Berg)", 27.0, 1, 1),
    Passenger("Nasser, Mrs. Nicholas (Adele Achem)", 14.0, 1, 1),
)

SEXES = {"male": 0, "female": 1, 0: 0, 1: 1}


def passengers_from_rows(rows: list[Any]) -> tuple[Passenger, ...]:
    """Inline `passengers:` rows (mappings) -> Passenger records; ParamError when malformed."""
    if not 1 <= len(rows) <= MAX_ROWS:
        raise ParamError(f"'passengers' needs 1 to {MAX_ROWS} rows, got {len(rows)}", "passengers")
    out = []
    for n, row in enumerate(rows, start=1):
        where = f"'passengers' row {n}"
        if not isinstance(row, dict):
            raise ParamError(f"{where} must be a mapping such as {{age: 30, sex: female}}",
                             "passengers")  # fmt: skip
        unknown = set(row) - {"name", "age", "sex", "survived"}
        if unknown:
            raise ParamError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}"
                             " (known: name, age, sex, survived)", "passengers")  # fmt: skip
        age = row.get("age")
        if age is not None and (
            isinstance(age, bool) or not isinstance(age, (int, float)) or not 0 <= age <= 120
        ):
            raise ParamError(f"{where}: age must be a number from 0 to 120 or null", "passengers")
        sex = row.get("sex")
        if isinstance(sex, bool) or not isinstance(sex, (str, int)) or sex not in SEXES:
            raise ParamError(f"{where}: sex must be male or female, got {brief(sex)}", "passengers")
        survived = row.get("survived")
        if survived is not None and (isinstance(survived, bool) or survived not in (0, 1)):
            raise ParamError(f"{where}: survived must be 0 or 1", "passengers")
        name = row.get("name", f"passenger {n}")
        if not isinstance(name, (str, int)) or isinstance(name, bool):
            raise ParamError(f"{where}: name must be text", "passengers")
        out.append(Passenger(str(name), None if age is None else float(age), SEXES[sex], survived))
    return tuple(out)
