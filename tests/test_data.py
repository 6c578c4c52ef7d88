"""The data that ships with the example site is the data its provenance note names."""

from __future__ import annotations

import hashlib

from .conftest import PROJECT

TITANIC_SHA256 = "4a437fde05fe5264e1701a7387ac6fb75393772ba38bb2c9c566405af5af4bd7"


def test_titanic_csv_is_the_kaggle_training_set():
    path = PROJECT / "content" / "data" / "titanic.csv"
    data = path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == TITANIC_SHA256
    assert TITANIC_SHA256 in (path.parent / "PROVENANCE.txt").read_text()
    lines = data.decode().splitlines()
    assert len(lines) == 892 and lines[0].startswith("PassengerId,Survived,Pclass,Name")
