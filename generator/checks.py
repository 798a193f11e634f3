"""Cross-language checks of `zan check`: where the kk and ru texts of one amending act
disagree (official acts do have real discrepancies; showing them is a feature).

An instruction that changes only one language's wording («орыс тіліндегі мәтін
өзгертілді, қазақ тіліндегі мәтін өзгермейді») is not a discrepancy.
"""

from __future__ import annotations

from pathlib import Path

from .consolidate_corpus import read_amender
from .corpus import load_corpus
from .instructions import compare_languages


def language_disagreements(root: Path) -> list[str]:
    """One line per kk/ru disagreement, with both quotes.

    >>> language_disagreements(Path("/nonexistent"))
    []
    """
    out: list[str] = []
    corpus = load_corpus(root, [])
    for rec in sorted(corpus.amendments.values(), key=lambda r: r.id):
        if not {"kk", "ru"} <= set(rec.files):
            continue
        read = read_amender(rec)
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


def draft_errors(root: Path) -> list[str]:
    """Errors in drafts' discussion data: remarks on unknown units, decisions without
    reasons, remarks for a draft that has no window (drafts/ and examples/drafts/)."""
    from . import discussion
    from .corpus import load_record

    errors: list[str] = []
    folders = []
    for base in (root / "drafts", root / "examples" / "drafts"):
        if base.is_dir():
            folders += sorted(p for p in base.iterdir() if p.is_dir())
    for folder in folders:
        rec = load_record(folder, "draft", errors)
        remarks = folder / "remarks.yml"
        if rec is None or not remarks.exists():
            continue
        window, warnings = discussion.window_for(rec.meta)
        if window is None:
            errors.append(f"{remarks}:1: remarks for a draft without a discussion window")
            errors += [f"{folder / 'act.yml'}:0: {w}" for w in warnings]
            continue
        texts = {lang: rec.load(lang) for lang in sorted(rec.files)}
        items = discussion.load_remarks(remarks)
        errors += discussion.validate_remarks(items, texts, window, str(remarks))[1]
    return errors
