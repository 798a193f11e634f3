"""Kazakh instructions read in the right unit (issue 13, «0 operations that a test shows
wrong»): the two acts of the sample that disagreed with their Russian text, 28854 and 34618,
each disagreement a Kazakh reading error, now read as the Russian reads them; and a scope
header that cannot be read never lets the lines under it be read in the scope before it."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import REPO

from generator.cli import main

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"


def _ops(path, lang: str = "kk") -> tuple[list[dict], list[str]]:
    res = CliRunner().invoke(
        main, ["ops", str(path), "--lang", lang, "--format", "json", "--today", "2026-12-04"]
    )
    err = [ln.replace(str(path), "FILE") for ln in res.stderr.splitlines()]
    return json.loads(res.stdout), err


def _at(ops: list[dict], *lines: int) -> list[dict]:
    keys = ("line", "target", "action", "old", "new", "where")
    return [{k: o[k] for k in keys if k in o} for o in ops if o["line"] in lines]


def test_a_part_named_alone_after_a_point_is_that_points_part():
    # 28854 under «6) 7-бапта:»: kk:97 «1-тармақ мынадай редакцияда жазылсын:», kk:101
    # «екiншi бөлiк алып тасталсын;» (ru:101 «часть вторую исключить;» under «в пункте 1:»).
    # An article is divided into points or into parts: the part is point 1's, not the
    # article's (read as art_7__al_2 before)
    kk, _ = _ops(SAMPLE / "28854" / "kk.md")
    ru, _ = _ops(SAMPLE / "28854" / "ru.md", "ru")
    want = {"line": 101, "target": "art_7__para_1__al_2", "action": "repeal"}
    assert _at(kk, 101) == [want]
    assert _at(ru, 101) == [want]


def test_a_scope_header_with_a_stray_mark_is_read_and_reported():
    # 34618 kk:61 «"1-тармақта:» under «4) 5-бапта:» (ru «в пункте 1:»): the stray mark had
    # made the header unread and the lines under it were read in article 5 itself
    # (art_5__subpara_1, art_5__subpara_4)
    ops, err = _ops(SAMPLE / "34618" / "kk.md")
    assert 'FILE:61: repaired: «"1-тармақта:» read as «1-тармақта:» (a stray quote mark)' in err
    assert _at(ops, 63, 65) == [
        {
            "line": 63,
            "target": "art_5__para_1__subpara_1",
            "action": "substitute_words",
            "old": "1) және 2)",
            "new": "1), 2) және 3)",
        },
        {
            "line": 65,
            "target": "art_5__para_1__subpara_4",
            "action": "substitute_words",
            "old": "туралы нормативтік құқықтық актілер қабылдайды.",
            "new": "туралы;",
        },
        {
            "line": 65,
            "target": "art_5__para_1__subpara_5",
            "action": "insert",
            "new": "5) кредиттік бюроның уәкілетті органға ақпараттар мен мәліметтерді ұсыну "
            "тәртіптері, мерзімдері және көлемдері туралы нормативтік құқықтық актілер "
            "қабылдайды.",
        },
    ]


def test_a_record_of_no_change_and_the_instruction_glued_after_it():
    # 34618 under «18) 24-бапта:»: kk:217 «4-тармақта мемлекеттік тілдегі мәтіні өзгермейді;
    # 5-тармақта:» and kk:221 «2) тармақшадағы мемлекеттік тілдегі мәтіні өзгермейді;
    # 6-тармақтағы "және (немесе) кредиттік есепті алу" деген сөздер алып тасталсын;» (ru:225
    # to ru:233 change points 4, 5 and 6 in Russian): each line is a record of no change in
    # Kazakh and, after its «;», the next instruction, read in its own unit
    ops, err = _ops(SAMPLE / "34618" / "kk.md")
    assert "FILE:217: art_24__para_4: changes only the ru text (no change in this language)" in err
    assert (
        "FILE:221: art_24__para_5__subpara_2: changes only the ru text (no change in this "
        "language)" in err
    )
    assert _at(ops, 219, 221) == [
        {
            "line": 219,
            "target": "art_24__para_5__subpara_1",
            "action": "insert_words",
            "old": "тұрғылықты жері,",
            "new": " заңдық мекен-жайы,",
            "where": "after",
        },
        {
            "line": 221,
            "target": "art_24__para_6",
            "action": "delete_words",
            "old": "және (немесе) кредиттік есепті алу",
        },
    ]


def test_lines_under_a_scope_header_not_read_are_never_read_in_the_scope_before(tmp_path):
    # 34618 kk:61 mutated to lose a letter the repairs cannot put back («"1-тармақт:»): the
    # header is not read, and the three instructions under it are reported inside it instead
    # of being read in article 5 (art_5__subpara_1 …, wrong units)
    lines = (SAMPLE / "34618" / "kk.md").read_text(encoding="utf-8").split("\n")
    assert lines[60] == '"1-тармақта:'
    lines[60] = '"1-тармақт:'
    src = tmp_path / "kk.md"
    src.write_text("\n".join(lines), encoding="utf-8")
    ops, err = _ops(src)
    assert _at(ops, 61, 63, 65, 69) == []
    why = "instruction not read: inside a scope not read (the scope header at line 61 is not read)"
    assert [ln.split(": «")[0] for ln in err if "scope header" in ln] == [
        f"FILE:{n}: {why}" for n in (63, 65, 69)
    ]
