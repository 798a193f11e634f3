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
from dataclasses import replace

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
    # «по строке - уплата процентов …" цифру» lacks its opening mark: put back after «по
    # строке -» (reader._lost_open_ru), so ru reads the same rows as kk
    assert [(o[2], o[3]) for o in ru] == [(o[2], o[3]) for o in kk]
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


# ---------------------------------------------------------------------------------------
# One wording for several units
# ---------------------------------------------------------------------------------------


def test_parts_replaced_by_one_paragraph_then_renumbered():
    # 104392 ru:303 «36. Части первую и вторую статьи 75 изложить в следующей редакции:»
    # over ONE paragraph, then ru:307 «часть третью считать частью второй.» (kk:309/313 the
    # same): the wording does not say which part takes what — one replace of the range.
    # The pension law of 1991 is not stored: the two operations are applied to art. 3 of
    # targets/104140/ru.md (own text and parts 2-4), the expected article derived by hand:
    # part 1 takes the wording, part 2 goes, part 3 becomes part 2 (and part 4 part 3).
    import sys

    sys.path.insert(0, str(REPO / "tests"))
    from test_amend_units import LAW_280, base, ops, unit

    got = ops("amendments/104392/ru.md", "ru", 303, 307)
    assert [(o.target, o.action, o.new[:34]) for o in got] == [
        ("art_75__al_1..2", "replace", "Пенсии назначаются комиссиями по н"),
        ("art_75__al_3", "renumber", "art_75__al_2"),
    ]
    kk = [o for o in ops("amendments/104392/kk.md", "kk", 309, 313)]
    assert [(o.target, o.action) for o in kk] == [(o.target, o.action) for o in got]
    act = base("targets/104140/ru.md", "ru")
    before = unit(act, "art_3")
    moved = [
        replace(o, target=o.target.replace("art_75", "art_3"), new=o.new.replace("art_75", "art_3"))
        for o in got
    ]
    after = unit(apply(act, moved, LAW_280), "art_3")
    assert after[0] == ("art_3", before[0][1], got[0].new)
    assert after[1:3] == [("art_3__al_2", None, before[2][2]), ("art_3__al_3", None, before[3][2])]
    assert after[3][0] == "note" and after[3][1].startswith("Сноска. Статья 3 с изменениями")
    assert len(after) == 4


def test_articles_each_open_their_own_quote():
    # 104392 kk:229 «25. 46, 48 және 55-баптар мынадай редакцияда жазылсын:» — the wording of
    # art. 48 opens its own quote («"48-бап. …»), that of art. 55 none («55-бап. …»): split at
    # the labels, the marks of the quoting dropped; ru:221 names the same three articles.
    kk = [
        o
        for o in read_text(
            (REALWORLD / "amendments/104392/kk.md").read_text(), "kk"
        ).amender.operations
        if o.line == 229
    ]
    assert [(o.target, o.new[:12], o.new[-14:]) for o in kk] == [
        ("art_46", "46-бап. Жасы", "отырып жүргiзiледi."[-14:]),
        ("art_48", "48-бап. Мерз", " процентi мөлшерiнде"[-14:]),
        ("art_55", "55-бап. Баты", " мөлшерiнде белгiленедi"[-14:]),
    ]
    assert not any(o.new.startswith('"') or o.new.endswith('"') for o in kk)
    ru = [
        o
        for o in read_text(
            (REALWORLD / "amendments/104392/ru.md").read_text(), "ru"
        ).amender.operations
        if o.line == 221
    ]
    assert [o.target for o in ru] == ["art_46", "art_48", "art_55"]


# ---------------------------------------------------------------------------------------
# New unnumbered абзацы
# ---------------------------------------------------------------------------------------


def _statistics():
    import sys

    sys.path.insert(0, str(REPO / "tests"))
    import test_amend_units as t

    return t


def test_new_unnumbered_paragraphs_read_alike_in_both_languages():
    # 10766 ru:11 «часть первую дополнить абзацами следующего содержания:» (under «в статье
    # 2:»), ru:75 «12) статью 21 дополнить абзацами …»; kk:13 «бiрiншi бөлiк мынадай
    # мазмұндағы абзацтармен толықтырылсын:», kk:77 «… 21-баптың соңғы абзацындағы … және
    # мынадай мазмұндағы абзацтармен толықтырылсын:» (after its last абзац: the article's end)
    t = _statistics()
    ru = [(o.target, o.action, o.where) for o in t.ops("amendments/10766/ru.md", "ru", 11, 75)]
    kk = t.ops("amendments/10766/kk.md", "kk", 13, 77)
    assert ru == [("art_2__al_1", "insert", "end"), ("art_21", "insert", "end")]
    assert [(o.target, o.action, o.where) for o in kk if o.action == "insert"] == ru
    new = t.ops("amendments/10766/ru.md", "ru", 75)[0].new
    assert new.split("\n\n")[0] == "локализация и блокирование района конфликта;"


def test_new_paragraphs_take_the_next_numbers_of_the_unit():
    # 10766 ru:75's two абзацы, applied to art. 3 of targets/104140/ru.md (own text and
    # blocks 2-4; the law on the internal troops is not stored): they become al_5 and al_6
    # (expected derived by hand from the base and the instruction)
    t = _statistics()
    act = t.base("targets/104140/ru.md", "ru")
    before = t.unit(act, "art_3")
    got = t.ops("amendments/10766/ru.md", "ru", 75)
    after = t.unit(apply(act, [replace(o, target="art_3") for o in got], t.LAW_280), "art_3")
    paras = got[0].new.split("\n\n")
    assert after[:4] == before[:4]
    assert after[4:6] == [("art_3__al_5", None, paras[0]), ("art_3__al_6", None, paras[1])]
    assert after[6][1].startswith(
        "Сноска. Статья 3 с изменением, внесенным Законом РК от 15.01.2002"
    )
    assert len(after) == 7


def test_new_paragraphs_of_a_part_follow_its_own_list():
    # 10766 ru:11 «часть первую дополнить абзацами …» applied to art. 4 of targets/104140/ru.md,
    # whose part one is a lead-in «… обязаны обеспечивать:» with four абзацы (al_2 - al_5):
    # the new ones follow the last of them (al_6, al_7; derived by hand)
    t = _statistics()
    act = t.base("targets/104140/ru.md", "ru")
    before = t.unit(act, "art_4")
    got = t.ops("amendments/10766/ru.md", "ru", 11)
    after = t.unit(apply(act, [replace(o, target="art_4__al_1") for o in got], t.LAW_280), "art_4")
    paras = got[0].new.split("\n\n")
    assert after[:5] == before[:5]
    assert [x[:2] for x in after[5:7]] == [("art_4__al_6", None), ("art_4__al_7", None)]
    assert [x[2] for x in after[5:7]] == paras
    with pytest.raises(AmendError) as e:
        apply(act, [replace(o, target="art_4__al_9") for o in got], t.LAW_280)
    assert str(e.value).endswith("→ art_4__al_9: art_4 has 5 block(s), no part 9")


# ---------------------------------------------------------------------------------------
# Entries of the table of contents
# ---------------------------------------------------------------------------------------


def test_entries_of_the_table_of_contents_read_alike():
    # 151390 ru:11-15 «1) в оглавлении: в заголовке главы 22 слова «, хлопковой отрасли»
    # исключить; заголовок статьи 404 исключить;» / kk «1) мазмұнында: 22-тараудың
    # тақырыбындағы «, мақта саласы» деген сөздер алып тасталсын; 404-баптың тақырыбы алып
    # тасталсын;»; 143200 ru:11 «1) в оглавлении заголовки статей 155 и 400 изложить …»
    t = _statistics()
    ru = [(o.target, o.action, o.old) for o in t.ops("amendments/151390/ru.md", "ru", 13, 15)]
    kk = [(o.target, o.action) for o in t.ops("amendments/151390/kk.md", "kk", 13, 15)]
    assert ru == [
        ("toc__chp_22__heading", "delete_words", ", хлопковой отрасли"),
        ("toc__art_404__heading", "repeal", None),
    ]
    assert kk == [(a, b) for a, b, _c in ru]
    sample = REPO / "benchmarks" / "realworld-sample" / "amendments" / "143200" / "ru.md"
    got = [o for o in read_text(sample.read_text(), "ru").amender.operations if o.line == 11]
    assert [(o.target, o.new[:11]) for o in got] == [
        ("toc__art_155__heading", "Статья 155."),
        ("toc__art_400__heading", "Статья 400."),
    ]


def test_an_entry_of_the_table_of_contents_is_recorded_on_the_act():
    # the Code 151390 amends is not stored: its «заголовок статьи 404 исключить» in the
    # table of contents, applied to targets/104140/ru.md, fails on the unit that act lacks;
    # moved to art. 3 (which it has) the entry's repeal is recorded, the text unchanged
    t = _statistics()
    act = t.base("targets/104140/ru.md", "ru")
    op = t.ops("amendments/151390/ru.md", "ru", 15)[0]
    with pytest.raises(AmendError) as e:
        apply(act, [op], t.LAW_280)
    assert str(e.value) == (
        "«заголовок статьи 404 исключить;» (line 15) → toc__art_404__heading: unit art_404 "
        "does not exist in 'О ГОСУДАРСТВЕННОЙ СТАТИСТИКЕ'"
    )
    new = apply(act, [replace(op, target="toc__art_3__heading")], t.LAW_280)
    assert new.status == {
        "toc_entries": [
            {
                "entry": "art_3__heading",
                "action": "repeal",
                "by": "11040",
                "in_force": "after 2002-01-14",
            }
        ]
    }
    assert [(u.eid, u.heading, u.text) for u in new.walk()] == [
        (u.eid, u.heading, u.text) for u in act.walk()
    ]
