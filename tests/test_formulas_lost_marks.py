"""Quote marks the text bank lost or left over (issue 13): a guillemet closing nothing after
an instruction's own end is dropped, an item of a quoted list that lost one of its marks gets
it back, reported as a repair. Real sentences of the sample (benchmarks/realworld-sample),
read by `zan ops`; the Russian texts of the same acts give the same operations."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import REPO

from generator.cli import main

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"
KEYS = ("target", "action", "old", "new", "where")


def _ops(act: str, lang: str) -> tuple[list[dict], list[str]]:
    path = SAMPLE / act / f"{lang}.md"
    res = CliRunner().invoke(
        main, ["ops", str(path), "--lang", lang, "--format", "json", "--today", "2026-12-04"]
    )
    err = [ln.replace(str(path), "FILE") for ln in res.stderr.splitlines()]
    return json.loads(res.stdout), err


def _at(ops: list[dict], line: int) -> list[dict]:
    return [{k: o[k] for k in KEYS if k in o} for o in ops if o["line"] == line]


@pytest.mark.parametrize(
    "lang,line,want",
    [
        (  # kk «11) 636-баптың 1-бөлігінің 1) тармақшасы «363,» деген цифрлардан кейін «365,»
            # деген цифрлармен толықтырылсын.».» — the last instruction of the Code's block
            # closes a quote that opens nowhere; ru:65 «подпункт 1) части первой статьи 636
            # после цифр "363," дополнить цифрами "365,".»
            "kk",
            63,
            {"target": "art_636__subpara_1", "action": "insert_words", "old": "363,"},
        ),
        ("ru", 65, {"target": "art_636__subpara_1", "action": "insert_words", "old": "363,"}),
        (  # kk «5-баптың бірінші бөлігі «патриоттық» деген сөзден кейін «, құқықтық» деген
            # сөзбен толықтырылсын.».»; ru:81 «часть первую статьи 5 после слова
            # "патриотического" дополнить словом ", правового".»
            "kk",
            79,
            {"target": "art_5__al_1", "action": "insert_words", "old": "патриоттық"},
        ),
        ("ru", 81, {"target": "art_5__al_1", "action": "insert_words", "old": "патриотического"}),
    ],
)
def test_a_guillemet_closing_nothing_after_the_instructions_end(lang, line, want):
    ops, err = _ops("52384", lang)
    [got] = _at(ops, line)
    assert {k: got[k] for k in want} == want
    assert got["where"] == "after"
    assert not [e for e in err if "not read" in e]


def test_a_list_item_that_lost_its_opening_mark():
    # 26340 kk:7 «1) бүкiл мәтiн бойынша "қалыпты бағасынан", "қалыпты баға", қалыпты
    # бағасын", "қалыпты бағаны", …» — the third item's opening mark is lost
    ops, err = _ops("26340", "kk")
    pairs = [
        ("қалыпты бағасынан", "қалыпты құнынан"),
        ("қалыпты баға", "қалыпты құн"),
        ("қалыпты бағасын", "қалыпты құнын"),
        ("қалыпты бағаны", "қалыпты құнды"),
        ("Қалыпты баға", "Қалыпты құн"),
        ("қалыпты бағасы", "қалыпты құны"),
        ("қалыпты бағасының", "қалыпты құнының"),
        ("қалыпты бағасына", "қалыпты құнына"),
    ]
    assert _at(ops, 7) == [
        {"target": "*", "action": "substitute_words", "old": old, "new": new} for old, new in pairs
    ]
    [rep] = [e for e in err if e.startswith("FILE:7: repaired:")]
    assert '"қалыпты баға", қалыпты бағасын",' in rep
    assert rep.endswith("(a quote mark the text bank lost)")
    assert '"қалыпты баға", "қалыпты бағасын", "қалыпты бағаны"' in rep.split(" read as ")[1]


def test_a_list_item_that_lost_its_closing_mark():
    # 22466 kk:75 «"І", "II, "III" деген цифрлар тиiсiнше "бiрiншi", "екiншi", "үшiншi" деген
    # сөздермен ауыстырылсын;» under «1) бүкiл мәтін бойынша:»; ru:75 «цифры "I", "II", "III"
    # заменить соответственно словами "первой", "второй", "третьей";»
    ops, err = _ops("22466", "kk")
    assert _at(ops, 75) == [
        {"target": "*", "action": "substitute_words", "old": "І", "new": "бірінші"},
        {"target": "*", "action": "substitute_words", "old": "II", "new": "екінші"},
        {"target": "*", "action": "substitute_words", "old": "III", "new": "үшінші"},
    ]
    assert (
        'FILE:75: repaired: «"І", "II, "III" деген цифрлар тиісінше "бірінші", "екінші", '
        '"үшінші" деген сөздермен ауыстырылсын;» read as «"І", "II", "III" деген цифрлар '
        'тиісінше "бірінші", "екінші", "үшінші" деген сөздермен ауыстырылсын;» (a quote mark '
        "the text bank lost)" in err
    )
    ru, _ = _ops("22466", "ru")
    assert [o["target"] for o in _at(ru, 75)] == ["*", "*", "*"]
