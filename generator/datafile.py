"""zan's own data files (generator/data, generator/grammar): read with libyaml's loader.

The pure-Python loader costs a tenth of a second per file on every run for files that
never change; libyaml gives the same data (tests/test_datafile.py compares the two on
every data file).

>>> sorted(load_data(DATA / "citation.yml"))
['kk', 'ru']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("data")
GRAMMAR = Path(__file__).with_name("grammar")
# libyaml's safe loader where PyYAML has it (every YAML zan reads: its own files, act.yml).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(path: Path) -> Any:
    """The YAML data of one of zan's files (safe: plain data only).

    >>> load_data(GRAMMAR / "units.yml")["types"]["art"]["akn"]
    'article'
    """
    return yaml.load(path.read_bytes(), Loader=LOADER)
