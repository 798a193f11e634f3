"""Cross-language checks of `zan check`: where the kk and ru texts of one amending act
disagree (official acts do have real discrepancies; showing them is a feature).

An instruction that changes only one language's wording («орыс тіліндегі мәтін
өзгертілді, қазақ тіліндегі мәтін өзгермейді») is not a discrepancy.
"""

from __future__ import annotations

from pathlib import Path

from .consolidate_corpus import read_amender
from .corpus import load_corpus
from .formulas.amender import compare_languages


def language_disagreements(root: Path) -> list[str]:
    """One line per kk/ru disagreement, with both quotes (an amending act that cannot be
    read is the validator's error; here it is only named).

    >>> language_disagreements(Path("/nonexistent"))
    []
    """
    out: list[str] = []
    corpus = load_corpus(root, [])
    for rec in sorted(corpus.amendments.values(), key=lambda r: r.id):
        if not {"kk", "ru"} <= set(rec.files):
            continue
        try:
            read = read_amender(rec)
        except Exception as e:  # noqa: BLE001 - an act zan cannot read is reported, never a crash
            out.append(f"{rec.folder}:0: cannot read the amending act: {type(e).__name__}: {e}")
            continue
        if read.not_read:  # an instruction not read is the error `zan check` reports
            continue
        kk, ru = read.by_lang["kk"], read.by_lang["ru"]
        name = f"{rec.folder.parent.name}/{rec.id}"
        for d in compare_languages(
            kk.operations, ru.operations, kk.not_for_this_language, ru.not_for_this_language
        ):
            out.append(
                f"{name}: kk/ru differ: {d.kind} {(d.kk or d.ru).action} {d.target}\n"
                f"  kk: «{d.kk_source}»\n  ru: «{d.ru_source}»"
            )
    return out
