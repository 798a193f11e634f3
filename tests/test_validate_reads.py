"""The validator's reading of an amending act is the build index's (issue 16, generator
speed): a cold build read each amending act twice, in `zan check`'s validator and in
`consolidate_corpus.AmendersIndex`. The index takes the validator's reading only for the
very same files, and it equals a fresh reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import consolidate_corpus as cc
from generator.corpus import load_corpus
from generator.validate import validate_corpus

TODAY = dt.date(2026, 11, 21)
LAW_262 = "Z070000262"


def _fresh(root: Path):
    return cc.read_amender(load_corpus(root.resolve()).amendments[LAW_262])


def test_the_index_takes_the_validators_reading_and_it_equals_a_fresh_one(repo: Path):
    assert validate_corpus(repo, today=TODAY) == []
    assert [key[:2] for key in cc.kept_reads()] == [("amendments", LAW_262)]
    corpus = load_corpus(repo.resolve())
    index = cc.AmendersIndex(corpus)
    assert cc.kept_reads() == {}  # taken by the index, not read again
    got, fresh = index.read(LAW_262), _fresh(repo)
    assert got.by_lang == fresh.by_lang
    assert (
        (got.unread, got.not_read) == (fresh.unread, fresh.not_read) == ({"kk": [], "ru": []}, [])
    )
    # The texts are the index's own parse: they name the files of the corpus it loaded.
    assert {lang: Path(t.source) for lang, t in got.texts.items()} == {
        "kk": repo.resolve() / "amendments" / LAW_262 / "kk.md",
        "ru": repo.resolve() / "amendments" / LAW_262 / "ru.md",
    }
    assert got.record is corpus.amendments[LAW_262]
    assert [(op.action, op.target, op.line) for op in got.by_lang["ru"].operations][2:4] == [
        ("insert_words", "preamble", 24),
        ("insert", "art_1__para_2-2", 26),
    ]


def test_a_text_changed_after_validation_is_read_again(repo: Path):
    assert validate_corpus(repo, today=TODAY) == []
    ru = repo / "amendments" / LAW_262 / "ru.md"
    # A real instruction of Law No. 262, its quoted words cut short: another operation.
    old = 'преамбулу дополнить словами ", а также деятельности по оказанию государственных услуг"'
    new = 'преамбулу дополнить словами ", а также деятельности"'
    text = ru.read_text(encoding="utf-8")
    assert old in text
    ru.write_text(text.replace(old, new), encoding="utf-8")
    index = cc.AmendersIndex(load_corpus(repo.resolve()))
    got = index.read(LAW_262)
    assert got.by_lang == _fresh(repo).by_lang
    assert got.by_lang["ru"].operations[2].new == ", а также деятельности"
    assert [key[:2] for key in cc.kept_reads(clear=True)] == [("amendments", LAW_262)]  # not taken
