"""zan's own data files read with libyaml (generator/datafile.py): the same data as the
pure-Python loader gives, for every data file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.datafile import DATA, GRAMMAR, load_data
from generator.schema import SCHEMAS

FILES = sorted(
    [*DATA.glob("*.yml"), *GRAMMAR.glob("*.yml"), *SCHEMAS.glob("*.yml")],
    key=lambda p: (p.parent.name, p.name),
)


def test_there_are_data_files():
    names = {f"{p.parent.name}/{p.name}" for p in FILES}
    assert {"data/ui.yml", "grammar/units.yml", "schemas/act.yml"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_libyaml_reads_the_same_data(path: Path):
    assert load_data(path) == yaml.safe_load(path.read_text(encoding="utf-8"))
