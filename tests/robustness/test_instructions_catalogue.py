"""Robustness: an amending act's instruction the formula catalogue cannot read is reported
with its file, line and reason; every other operation is still printed (zan ops), never a
traceback, never a silent skip. Cases are minimal mutations of the corpus's Law No. 262."""

from __future__ import annotations

import json

import pytest
from harness import assert_error, line_of, mutate, run

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
    # a unit zan has no eId form for (a note) in place of the article
    (
        KK,
        "kk",
        "2) 1-бап мынадай мазмұндағы 2-2, 2-3, 2-4 және 2-5-тармақтармен",
        "2) 1-ескертпе мынадай мазмұндағы 2-2, 2-3, 2-4 және 2-5-тармақтармен",
        "a unit zan has no eId form for yet",
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
    # numbers them 1-2), 1-3): the instruction and its wording disagree, so the wording is
    # not split among the units the instruction names
    (
        RU,
        "ru",
        "пункт 3 статьи 3 дополнить подпунктами 1-2) и 1-3) следующего содержания:",
        "пункт 3 статьи 3 дополнить подпунктами а) и б) следующего содержания:",
        "cannot split the new text among subpara ['1', '2']",
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
