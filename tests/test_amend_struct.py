"""Structural instructions (issue 13, items 2 and 7): table rows named by their number or by
their text, read by the formula catalogue from the real amending acts of ../shared/realworld
and applied to a real act's tables.

No stored act holds the tables these amending acts change (the 1996 budget decree N 2700 that
104422 amends, annex 1 of the Code that 151390 amends): the application tests use the real
tables of decree P1300000845/P1300001472 (kk) with operations of the same form made for the
test (no legal text: they name the decree's own rows), under an amending act whose date and
number are unknown; the expected tables are derived by hand from the decree's text.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import REPO

from generator.amend import AmenderInfo, AmendError, apply
from generator.cli import load_text
from generator.formulas.reader import read_text
from generator.model import DateSpec, Operation

REALWORLD = REPO.parent / "shared" / "realworld"
DECREE_845 = REPO / "corpus" / "P1300000845" / "P1300001472" / "kk.md"
ROWS = AmenderInfo("ROWS", "", dt.date(2014, 1, 1), "decree", DateSpec.parse("unknown"))
# the decree's own text: item 8 of annex 2 names annex 4, its table follows
ITEM_8 = "Қызмет көрсету процесіне қатысатын мұдделі мемлекеттік органдардың"


def _ops(rel: str, lang: str) -> list[tuple]:
    text = (REALWORLD / rel).read_text(encoding="utf-8")
    return [
        (o.line, o.target, o.action, o.old, o.new, o.named)
        for o in read_text(text, lang).amender.operations
        if o.target.startswith("annex_")
    ]


def test_budget_rows_named_by_their_text_kk_and_ru_agree():
    # 104422: «в приложении N 1 …: в части "Доходы": в разделе I "…": по строке "…" цифру
    # "4983800" заменить цифрой "824300";» / «… деген N 1 қосымшада: "Кiрiстер" бөлiгiнде:
    # "…" деген I бөлiмде: "…" деген жолдағы "4983800" деген сан "824300" деген санмен …»
    kk, ru = _ops("amendments/104422/kk.md", "kk"), _ops("amendments/104422/ru.md", "ru")
    assert kk[0] == (
        29,
        "annex_1__row",
        "substitute_words",
        "4983800",
        "824300",
        [
            "Кiрiстер",
            "Бюджет бойынша мекемелер мен шаралар",
            "Қазақстан Республикасының Ұлттық Банкiне және екiншi деңгейдегi банктерден "
            "түсетiн түсiмдер, барлығы",
        ],
    )
    assert ru[0] == (
        29,
        "annex_1__row",
        "substitute_words",
        "4983800",
        "824300",
        [
            "Доходы",
            "Учреждения и мероприятия по бюджету",
            "Поступления от Нацбанка Республики Казахстан и банков второго уровня в доход "
            "бюджета, всего",
        ],
    )
    # the part «Шығыстар» / «расходы» replaces «Кiрiстер» / «Доходы», the section III the
    # section I: every row of both languages stands under the same parts, in order
    assert [len(o[5]) for o in kk] == [3] * 12 + [2] + [3] * 3
    # ru reads two rows fewer: «по строке - уплата процентов …" цифру» lacks its opening mark
    assert [(o[2], o[3]) for o in ru] == [
        (o[2], o[3]) for o in kk if o[3] not in ("1067000", "3092500")
    ]
    assert [o[5][:2] for o in kk][-3:] == [["Шығыстар", "Сыртқы экономикалық қызмет"]] * 3
    assert [o[5][:2] for o in ru][-3:] == [["расходы", "Внешнеэкономическая деятельность"]] * 3


def test_row_named_by_its_text_is_found_after_its_part():
    act = load_text(str(DECREE_845), "kk", report=False)
    before = act.find("annex_2__para_7__al_3").text
    # the row «1 | 2 | 3 | 4 | 5» of the table after item 8, not the same row of item 7's
    op = Operation(
        act="T",
        target="annex_2__row",
        action="substitute_words",
        old="5",
        new="6",
        named=[ITEM_8, "1"],
    )
    new = apply(act, [op], ROWS)
    got = new.find("annex_2__para_8__al_3").text.split("\n")
    assert got[2] == "| 1 | 2 | 3 | 4 | 6 |"
    assert new.find("annex_2__para_7__al_3").text == before


@pytest.mark.parametrize(
    "named,action,reason",
    [
        (
            [ITEM_8, "7"],
            "repeal",
            "no line reads «7» after «" + ("8. 4-қосымша. " + ITEM_8)[:40] + "»",
        ),
        ([ITEM_8], "repeal", "«" + ITEM_8 + "» is not a table row: «8. 4-қосымша. "),
        (
            [ITEM_8, "1"],
            "insert",
            "where the new row goes among rows named by their text is not said",
        ),
    ],
)
def test_row_named_by_its_text_failures(named, action, reason):
    act = load_text(str(DECREE_845), "kk", report=False)
    op = Operation(act="T", target="annex_2__row", action=action, named=named, new="| x |")
    with pytest.raises(AmendError) as e:
        apply(act, [op], ROWS)
    assert f"→ annex_2__row: {reason}" in str(e.value)


def test_row_by_number_in_the_one_table_of_a_unit():
    # 151390 ru «строку 74 приложения 1 исключить.» reads as annex_1__row_74 (no table named):
    # the unit's one table; a unit with several tables is an error
    act = load_text(str(DECREE_845), "kk", report=False)
    op = Operation(act="T", target="annex_2__para_8__row_1", action="repeal")
    new = apply(act, [op], ROWS)
    assert new.find("annex_2__para_8__al_3").text.split("\n")[2:] == []
    with pytest.raises(AmendError) as e:
        apply(act, [Operation(act="T", target="annex_2__row_1", action="repeal")], ROWS)
    assert str(e.value).endswith("→ annex_2__row_1: no table named, annex_2 has 5 table(s)")
