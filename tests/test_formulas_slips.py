"""Slips of the official texts (issue 13): an instruction closed by «:» with no wording after
it is read as closed by «;» and the repair reported; a unit whose number is misprinted is
reported, never read without its number. Real sentences of 104210 (the 1997 pension reform
amendments, benchmarks/realworld-sample/amendments/104210), read by `zan ops`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import REPO

from generator.cli import main

ACT = REPO / "benchmarks" / "realworld-sample" / "amendments" / "104210"


def _ops(lang: str) -> tuple[list[dict], list[str]]:
    path = ACT / f"{lang}.md"
    res = CliRunner().invoke(
        main, ["ops", str(path), "--lang", lang, "--format", "json", "--today", "2026-12-04"]
    )
    err = [ln.replace(str(path), "FILE") for ln in res.stderr.splitlines()]
    return json.loads(res.stdout), err


def _at(ops: list[dict], line: int) -> list[dict]:
    keys = ("target", "action", "old", "new")
    return [{k: o[k] for k in keys if k in o} for o in ops if o["line"] == line]


@pytest.mark.parametrize(
    "lang,line,last,want",
    [
        (  # «1-баптың 1-тармағындағы "…" деген сөздер "…" деген сөздермен ауыстырылсын:» then
            # «10-бапта:» (ru:153 the same, closed by «";» after its quote)
            "kk",
            153,
            "ауыстырылсын",
            {
                "target": "art_1__para_1",
                "action": "substitute_words",
                "old": "Қазақстан Республикасы заңдарымен реттелетін арнаулы қорларға төлемдер "
                "төлеу",
                "new": "Мемлекеттік әлеуметтік сақтандыру қорына, жұмыспен қамтуға жәрдемдесу "
                "қорына міндетті медициналық сақтандыру қорына, Зейнетақы төлеу жөніндегі "
                "мемлекеттік орталыққа, жинақтаушы зейнетақы қорларына, Жол қорына міндетті "
                "жарналар төлеу және қаржы бөлу",
            },
        ),
        (  # «в пункте 1 статьи 14 слова "…" заменить словами "…":» then «статью 28 дополнить
            # пунктом 5 следующего содержания:» (kk:169 «14-баптың 1-тармағындағы …;»)
            "ru",
            169,
            'фонд"',
            {
                "target": "art_14__para_1",
                "action": "substitute_words",
                "old": "отчисления на государственное социальное страхование и в специальные "
                "фонды, регулируемые законодательством Республики Казахстан",
                "new": "обязательные взносы и отчисления в Фонд государственного социального "
                "страхования, Фонд содействия занятости, Фонд обязательного медицинского "
                "страхования, Государственный центр по выплате пенсий, накопительные "
                "пенсионные фонды, Дорожный фонд",
            },
        ),
    ],
)
def test_an_instruction_closed_by_a_colon_with_no_wording_after_it(lang, line, last, want):
    ops, err = _ops(lang)
    assert _at(ops, line) == [want]
    assert (
        f"FILE:{line}: repaired: «{last}:» read as «{last};» (a colon for a semicolon: no "
        "wording follows)" in err
    )


def test_a_unit_whose_number_is_misprinted_is_reported_not_read_without_it():
    # kk:181 «9-баптың 4-тармағының 1/-тармақшасы "және зейнетақы төлемдері" деген сөздермен
    # толықтырылсын.» (ru:155 «подпункт 1) пункта 4 статьи 9 дополнить словами …», the Kazakh
    # text prints it among the items of article 34): had been read as an insert at the end of
    # point 4 of article 9, and the lines after it in article 9; now reported, and kk:183
    # renumbers in article 34 as ru:181 does
    kk, err = _ops("kk")
    assert _at(kk, 181) == []
    assert (
        "FILE:181: instruction not read: a unit whose number zan cannot read: «1/-тармақшасы»: "
        '«9-баптың 4-тармағының 1/-тармақшасы "және зейнетақы төлемдері" деген сөздермен '
        "толықтырылсын.»" in err
    )
    ru, _err = _ops("ru")
    want = [
        {
            "target": "art_34__para_1__subpara_8",
            "action": "renumber",
            "new": "art_34__para_1__subpara_7",
        }
    ]
    assert _at(kk, 183) == want
    assert _at(ru, 181) == want


def test_a_stray_comma_between_a_unit_word_and_its_ordinal():
    # ru:99 «часть, первую считать частью второй;» (kk:99 «бiрiншi бөлiк екiншi бөлiк болып
    # есептелсiн;»), under «в статье 13:»: the comma dropped and reported, the same renumbering
    # read in both languages
    ru, err = _ops("ru")
    kk, _err = _ops("kk")
    assert "FILE:99: repaired: «часть, первую» read as «часть первую» (a stray comma)" in err
    want = [{"target": "art_13__al_1", "action": "renumber", "new": "art_13__al_2"}]
    assert _at(ru, 99) == want
    assert _at(kk, 99) == want
