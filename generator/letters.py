"""One table of letter variants that official texts really mix, for matching and pairing.

Built from the look-alike group of `data/latin_lookalikes.yml` (the importer's table):
Latin letters standing for Cyrillic ones (the bank writes Latin «i» for «і»), plus the
typographic variants of quote marks and dashes.

>>> "қызметiнде «сөз» – бап".translate(MATCH_FOLD)
'қызметінде "сөз" - бап'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .datafile import load_data


@cache
def lookalikes() -> dict[str, str]:
    """Latin letter → the Cyrillic letter it stands for (first alternative)."""
    path = Path(__file__).with_name("data") / "latin_lookalikes.yml"
    table = load_data(path)["lookalikes"]
    return {k: (v[0] if isinstance(v, list) else v) for k, v in table.items()}


def _match_fold() -> dict[int, str]:
    fold = dict(lookalikes())
    fold.update({q: '"' for q in "«»„“”‟″"})
    fold.update({q: "'" for q in "’‘`´"})
    fold.update({d: "-" for d in "‐‑‒–—―−"})
    return str.maketrans(fold)


# For matching quoted words: one character for one (offsets stay aligned).
MATCH_FOLD = _match_fold()
# For pairing similar texts: also «ё» as «е».
SIMILARITY_FOLD = {**MATCH_FOLD, ord("ё"): "е"}
