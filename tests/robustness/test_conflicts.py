"""Robustness: ambiguous or conflicting amendments are failures, never applied without a word
(issue 11). Each case mutates a real instruction of Law No. 262 (kk) minimally, or its
act.yml, or adds a second amending act made of Law No. 262's own lines, and consolidates
the 2000 Law; the rules and the drafting rules they follow are in generator/amend.py
(`_Applier._conflict`, `_Applier.words`) and generator/consolidate.py.
"""

from __future__ import annotations

import json

import pytest
from harness import run

CATEGORY = "conflicts"

BASE = "corpus/Z000000107/before-Z070000262/kk.md"
LAW = "amendments/Z070000262/kk.md"
ITEM1 = (
    '1) кіріспе»"жол бермеуге" деген сөздерден кейін ", сондай-ақ мемлекеттік қызметтер '
    'көрсету жөніндегі қызметке" деген сөздермен толықтырылсын;'
)
INSERTED = ", сондай-ақ мемлекеттік қызметтер көрсету жөніндегі қызметке"


def _edit(repo, rel: str, old: str, new: str) -> str:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return new


def _consolidate(repo, *amenders: str):
    return run(repo, "consolidate", BASE, *amenders, "--lang", "kk", "-o", "out.txt")


@pytest.mark.parametrize(("anchor", "times"), [("мемлекеттік", 3)])
def test_an_insertion_anchor_that_is_not_unique_is_an_error(repo, anchor, times):
    """«после слов X дополнить» with X several times in the unit: which place is meant is
    not said, so nothing is inserted (the drafting rule: an anchor names one place)."""
    new = _edit(repo, LAW, '"жол бермеуге" деген сөздерден', f'"{anchor}" деген сөздерден')
    out = _consolidate(repo, LAW)
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    sentence = ITEM1.replace('"жол бермеуге" деген сөздерден', new)
    assert out.error_lines() == [
        "1 operation(s) failed:",
        f"Z070000262: «{sentence}» (line 24) → preamble: the anchor words «{anchor}» occur "
        f"{times} times in preamble: an insertion point must be unique",
    ]
    assert not (repo / "out.txt").exists()


def test_a_unique_anchor_inserts_once(repo):
    out = _consolidate(repo, LAW)
    assert out.exit_code == 0
    text = (repo / "out.txt").read_text(encoding="utf-8")
    assert text.count(INSERTED) == 1
    assert f"жол бермеуге{INSERTED} жәрдемдесетін" in text


def test_words_replaced_without_a_count_change_every_occurrence_in_the_unit(repo):
    """«"X" деген сөздер "Y" деген сөздермен ауыстырылсын» with X three times in the unit
    named: each is changed (words to replace name no place, only the unit)."""
    _edit(
        repo,
        LAW,
        '"жол бермеуге" деген сөздерден кейін ", сондай-ақ мемлекеттік қызметтер көрсету '
        'жөніндегі қызметке" деген сөздермен толықтырылсын;',
        '"мемлекеттік" деген сөздер "МЕМЛЕКЕТТІК" деген сөздермен ауыстырылсын;',
    )
    out = _consolidate(repo, LAW)
    assert out.exit_code == 0, out.stderr
    preamble = (repo / "out.txt").read_text(encoding="utf-8").splitlines()[1]
    assert preamble.count("МЕМЛЕКЕТТІК") == 3 and "мемлекеттік" not in preamble


def test_a_unit_repealed_by_an_earlier_item_is_not_changed_by_a_later_one(repo):
    """Item 2) mutated to repeal art. 2 para. 1; item 3) then changes its subparagraph 6)."""
    law = (repo / LAW).read_text(encoding="utf-8").splitlines()
    start = law.index(
        "2) 1-бап мынадай мазмұндағы 2-2, 2-3, 2-4 және 2-5-тармақтармен толықтырылсын:"
    )
    end = start + law[start:].index("```", law[start:].index("```new-text") + 1) + 1
    law[start:end] = ["2) 2-баптың 1-тармағы алып тасталсын;"]
    (repo / LAW).write_text("\n".join(law) + "\n", encoding="utf-8")
    out = run(repo, "ops", LAW, "--lang", "kk", "--format", "json")
    assert out.exit_code == 0
    assert [o["action"] for o in json.loads(out.stdout)][3:6] == [
        "repeal",
        "substitute_words",
        "insert",
    ]
    out = _consolidate(repo, LAW)
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    item3 = next(ln for ln in law if ln.startswith("3) 2-баптың"))
    assert out.error_lines()[:2] == [
        "2 operation(s) failed:",
        f"Z070000262: «{item3}» (line 28) → art_2__para_1__subpara_6: conflict: art_2__para_1 "
        "was repealed by an earlier instruction of this act (line 26); a later one cannot "
        "bring it back or change it",
    ]


def test_a_unit_repealed_then_given_a_new_wording_in_the_same_act_is_a_conflict(repo):
    """Item 6) mutated to repeal art. 23; item 8) then gives art. 23 a new wording."""
    law = (repo / LAW).read_text(encoding="utf-8").splitlines()
    start = law.index("6) 13-баптың 4-тармағы мынадай мазмұндағы екінші бөлікпен толықтырылсын:")
    law[start : start + 5] = ["6) 23-бап алып тасталсын;"]
    (repo / LAW).write_text("\n".join(law) + "\n", encoding="utf-8")
    item8 = law.index("8) 23-бап мынадай редакцияда жазылсын:") + 1
    out = _consolidate(repo, LAW)
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert out.error_lines() == [
        "1 operation(s) failed:",
        f"Z070000262: «8) 23-бап мынадай редакцияда жазылсын:» (line {item8}) → art_23: "
        f"conflict: art_23 was repealed by an earlier instruction of this act (line {start + 1}); "
        "a later one cannot bring it back or change it",
    ]


def _second_act(repo, in_force_a: str, in_force_b: str, repeal: bool = False) -> str:
    """A second amending act made of Law No. 262's own lines: its article 1 with the
    citation of the 2000 Law and item 8) only (art. 23 in a new wording, or repealed)."""
    src = (repo / LAW).read_text(encoding="utf-8").splitlines()
    assert src[21].startswith("2.»") and src[133].startswith("8) 23-бап")
    item8 = ["8) 23-бап алып тасталсын.", ""] if repeal else src[133:141]
    keep = src[:11] + src[21:22] + [""] + item8 + src[141:]
    folder = repo / "amendments/Z070000263"
    folder.mkdir()
    (folder / "kk.md").write_text("\n".join(keep).replace("Z070000262", "Z070000263") + "\n")
    meta = (repo / "amendments/Z070000262/act.yml").read_text(encoding="utf-8")
    meta_b = meta.replace("id: Z070000262", "id: Z070000263").replace(
        'number: "262"', 'number: "263"'
    )
    for m, day, path in ((meta, in_force_a, "Z070000262"), (meta_b, in_force_b, "Z070000263")):
        text = m.replace("in_force: after 2007-06-18", f"in_force: {day}")
        (repo / f"amendments/{path}/act.yml").write_text(text, encoding="utf-8")
    return "amendments/Z070000263/kk.md"


@pytest.mark.parametrize(("repeal", "what"), [(False, "replace/replace"), (True, "replace/repeal")])
def test_two_acts_in_force_the_same_day_on_one_unit_are_a_conflict(repo, repeal, what):
    second = _second_act(repo, "2007-07-01", "2007-07-01", repeal)
    out = _consolidate(repo, LAW, second)
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    line = "8) 23-бап алып тасталсын." if repeal else "8) 23-бап мынадай редакцияда жазылсын:"
    assert out.error_lines() == [
        "1 operation(s) failed:",
        f"Z070000263: «{line}» (line 14) → art_23: conflict: Z070000262 (line 134) and "
        f"Z070000263 both take effect on 2007-07-01 and both {what} art_23: which text is in "
        "force is not decided by their order",
    ]
    assert not (repo / "out.txt").exists()


def test_two_acts_in_force_on_different_days_apply_in_order(repo):
    second = _second_act(repo, "2007-07-01", "2007-07-02", repeal=True)
    out = _consolidate(repo, LAW, second)
    assert out.exit_code == 0, out.stderr
    assert "Z070000263: art_23 repeal: applied in Z070000263" in out.error_lines()
    text = (repo / "out.txt").read_text(encoding="utf-8")
    assert "Осы Заңды бұзу" not in text


@pytest.mark.parametrize("adopted", ["1999-06-18", "2000-11-26"])
def test_an_amending_act_adopted_before_the_act_it_amends_fails(repo, adopted):
    _edit(repo, "amendments/Z070000262/act.yml", "adopted: 2007-06-18", f"adopted: {adopted}")
    out = _consolidate(repo, LAW)
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    lines = out.error_lines()
    assert lines[0] == "14 operation(s) failed:"
    assert lines[1] == (
        f"Z070000262: «{ITEM1}» (line 24): Z070000262 was adopted on {adopted}, before "
        "«Әкімшілік рәсімдер туралы» (adopted 2000-11-27): an act cannot amend a later one"
    )
    assert len(lines) == 15
    assert not (repo / "out.txt").exists()


ITEM3_JOIN = "деген сөзбен ауыстырылып, мынадай мазмұндағы 7) тармақшамен"


def test_two_verbs_joined_by_and_give_both_operations(repo):
    """«… ауыстырылсын және мынадай мазмұндағы 7) тармақшамен толықтырылсын»: both."""
    before = json.loads(run(repo, "ops", LAW, "--lang", "kk", "--format", "json").stdout)
    _edit(repo, LAW, ITEM3_JOIN, ITEM3_JOIN.replace("ауыстырылып,", "ауыстырылсын және"))
    out = run(repo, "ops", LAW, "--lang", "kk", "--format", "json")
    assert out.exit_code == 0
    after = json.loads(out.stdout)
    strip = [{k: v for k, v in o.items() if k != "source"} for o in after]
    assert strip == [{k: v for k, v in o.items() if k != "source"} for o in before]


def test_two_verbs_in_one_clause_are_an_error_not_the_first_only(repo):
    new = _edit(repo, LAW, ITEM3_JOIN, ITEM3_JOIN.replace("ауыстырылып,", "ауыстырылсын"))
    out = run(repo, "ops", LAW, "--lang", "kk", "--format", "json")
    assert out.exit_code == 1
    sentence = next(ln for ln in (repo / LAW).read_text(encoding="utf-8").splitlines() if new in ln)
    assert out.error_lines() == [
        f"{LAW}:38: instruction not read: no formula: U:art U:para U:subpara Q N Q NI V:subst "
        f"CONTENT UI:subpara V:insert :: «{sentence}»",
        "14 operation(s)",
    ]


def test_replace_and_repeal_in_one_instruction_give_both(repo):
    """«8) 23-бап мынадай редакцияда жазылсын және 22-бап алып тасталсын:» (item 8 with a
    second verb): both operations, the replace with its quoted wording, then the repeal."""
    _edit(
        repo,
        LAW,
        "8) 23-бап мынадай редакцияда жазылсын:",
        "8) 23-бап мынадай редакцияда жазылсын және 22-бап алып тасталсын:",
    )
    out = run(repo, "ops", LAW, "--lang", "kk", "--format", "json")
    assert out.exit_code == 0
    ops = json.loads(out.stdout)
    assert [(o["target"], o["action"], o["line"]) for o in ops[-2:]] == [
        ("art_23", "replace", 134),
        ("art_22", "repeal", 134),
    ]
    assert ops[-2]["new"].startswith("23-бап. Осы Заңды бұзғаны үшін жауаптылық")
    out = _consolidate(repo, LAW)
    assert out.exit_code == 0, out.stderr
    assert "Z070000262: art_22 repeal: applied in Z070000262" in out.error_lines()


def test_replace_and_repeal_in_one_russian_instruction_give_both(repo):
    """«8) статью 23 изложить в следующей редакции и статью 22 исключить:»: both."""
    rel = "amendments/Z070000262/ru.md"
    new = "8) статью 23 изложить в следующей редакции и статью 22 исключить:"
    _edit(repo, rel, "8) статью 23 изложить в следующей редакции:", new)
    out = run(repo, "ops", rel, "--lang", "ru", "--format", "json")
    assert out.exit_code == 0
    ops = json.loads(out.stdout)
    assert [(o["target"], o["action"]) for o in ops[-2:]] == [
        ("art_23", "replace"),
        ("art_22", "repeal"),
    ]
    assert ops[-2]["new"].startswith("Статья 23. Ответственность за нарушение настоящего Закона")


def test_two_verbs_the_grammar_cannot_part_are_an_error(repo):
    """«… изложить в следующей редакции статью 22 исключить:» (the «и» dropped): an error
    naming both formulas, not the first applied alone."""
    rel = "amendments/Z070000262/ru.md"
    new = "8) статью 23 изложить в следующей редакции статью 22 исключить:"
    _edit(repo, rel, "8) статью 23 изложить в следующей редакции:", new)
    out = run(repo, "ops", rel, "--lang", "ru", "--format", "json")
    assert out.exit_code == 1
    assert out.error_lines() == [
        f"{rel}:134: instruction not read: no formula: U:art V:replace U:art V:delete :: «{new}»",
        "13 operation(s)",
    ]
