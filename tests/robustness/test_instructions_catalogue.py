"""Robustness: an amending act's instruction the formula catalogue cannot read is reported
with its file, line and reason; every other operation is still printed (zan ops), never a
traceback, never a silent skip. Cases are minimal mutations of the corpus's Law No. 262."""

from __future__ import annotations

import json
import shutil

import pytest
from harness import REPO, assert_error, line_of, mutate, run

CATEGORY = "instructions (formula catalogue)"

KK = "amendments/Z070000262/kk.md"
RU = "amendments/Z070000262/ru.md"

CASES = [
    # a verb the catalogue does not know («өзгертілсін» for «толықтырылсын»)
    (
        KK,
        "kk",
        "1-2) және 1-3) тармақшалармен толықтырылсын:",
        "1-2) және 1-3) тармақшалармен өзгертілсін:",
        "no formula: U:art U:para CONTENT UI:subpara W :",
        16 - 2,  # Law 262 kk gives 16 operations; this instruction gave 2
    ),
    # a numbered note («1-ескертпе») in place of the article: a legal note is an article's
    # and has no number (docs/units.md «Legal notes»), so nothing is guessed
    (
        KK,
        "kk",
        "2) 1-бап мынадай мазмұндағы 2-2, 2-3, 2-4 және 2-5-тармақтармен",
        "2) 1-ескертпе мынадай мазмұндағы 2-2, 2-3, 2-4 және 2-5-тармақтармен",
        "a note that is not an article's unnumbered note",
        16 - 4,
    ),
    # a unit named with a verb the catalogue does not know and no content formula: it would
    # read as a scope header, but a quoted wording follows
    (
        KK,
        "kk",
        "8) 23-бап мынадай редакцияда жазылсын:",
        "8) 23-бап мынадай редакцияда өзгертілсін:",
        "a quoted wording follows, but no formula says what to do with it",
        16 - 1,
    ),
    # new subpoints named by letters (а) is the subpoint 1, units.yml) over a wording that
    # numbers them 1-2), 1-3): the instruction and its wording disagree
    (
        RU,
        "ru",
        "пункт 3 статьи 3 дополнить подпунктами 1-2) и 1-3) следующего содержания:",
        "пункт 3 статьи 3 дополнить подпунктами а) и б) следующего содержания:",
        "the new wording numbers its unit 1-2), the instruction 1",
        14 - 2,  # Law 262 ru gives 14 operations
    ),
]


@pytest.mark.parametrize("file,lang,old,new,reason,left", CASES)
def test_an_unread_instruction_is_reported_and_the_rest_printed(
    repo, file, lang, old, new, reason, left
):
    path = repo / file
    mutate(path, old, new)
    line = line_of(path, new)
    out = run(repo, "ops", file, "--lang", lang)
    err = assert_error(out, file, line)
    assert f"instruction not read: {reason}" in err
    assert len(json.loads(out.stdout)) == left  # every other operation is still there


# A new annex and a new table-of-contents абзац whose wording lost what names its unit:
# minimal mutations of the sample's real acts (benchmarks/realworld-sample/amendments 28536,
# 46632), copied into the case's repository. Each is reported at its line, every other
# operation of the act still printed.
SAMPLE_CASES = [
    # the annex's label line «Приложение» dropped: nothing gives its number
    (
        "28536",
        "ru",
        '"Приложение\n\nПеречень',
        '"Перечень',
        "6) дополнить приложением следующего содержания:",
        "a new annex whose wording does not start with its label",
        105,  # 28536 ru gives 106 operations; the annex was one
    ),
    (
        "28536",
        "kk",
        '"Қосымша\n\nАтқару',
        '"Атқару',
        "6) мынадай мазмұндағы қосымшамен толықтырылсын:",
        "a new annex whose wording does not start with its label",
        106,  # 28536 kk gives 107
    ),
    # the entry's label «Статья 199-1.» dropped: the new абзац heads no unit
    (
        "46632",
        "ru",
        "«Статья 199-1. Экологические",
        "«Экологические",
        "1) оглавление дополнить абзацем двести тридцать девятым следующего содержания:",
        "a paragraph of the table of contents that is no unit's heading",
        7,  # 46632 ru gives 8
    ),
]


@pytest.mark.parametrize("act,lang,old,new,needle,reason,left", SAMPLE_CASES)
def test_a_new_unit_whose_wording_names_none_is_reported(
    repo, act, lang, old, new, needle, reason, left
):
    file = f"amendments/{act}/{lang}.md"
    (repo / "amendments" / act).mkdir()
    shutil.copy2(REPO / "benchmarks/realworld-sample" / file, repo / file)
    mutate(repo / file, old, new)
    out = run(repo, "ops", file, "--lang", lang, "--format", "json")
    err = assert_error(out, file, line_of(repo / file, needle))
    assert f"instruction not read: {reason}" in err
    assert len(json.loads(out.stdout)) == left
