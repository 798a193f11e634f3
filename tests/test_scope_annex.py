"""Issue 13: a scope header naming two units, a new annex, the table of contents by ordinal
абзац and a heading glued inside a wording for several articles, read from the real
sentences of benchmarks/realworld-sample and applied end to end.

The acts these sentences amend (the Law on the financial police organs that 24760 amends,
the Code of Civil Procedure that 28536 amends) are not stored, nor in ../shared/realworld:
each operation, read from its real sentence through ``zan ops``'s reading
(generator/formulas/source.py), is moved onto real units of the corpus that hold the
instruction's own words (no legal text is made up), under an amending act whose date and
number are unknown; the expected units are derived by hand from those units' texts and the
real instructions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import REPO

from generator.amend import AmenderInfo, AmendError, apply
from generator.cli import load_text
from generator.formulas.reader import NotRead, _new_annex, _State, read_text, scope_of
from generator.formulas.source import read_file
from generator.model import DateSpec

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"
INFO = AmenderInfo("X", "", dt.date(2023, 1, 1), "law", DateSpec.parse("unknown"))


def _ops(act: str, lang: str, line: int):
    res, _notes = read_file(str(SAMPLE / act / f"{lang}.md"), lang)
    return [o for o in res.amender.operations if o.line == line]


# 24760 item 10): kk «10-баптың 4) тармақшасында және 11-баптың 1-тармағының 7)
# тармақшасында:» then line 53 «"тiзбесiн" деген сөз "тiзбесi мен нормаларын" деген
# сөздермен ауыстырылсын;»; ru «в абзаце первом статьи 10 и в пункте 1 статьи 11:» then
# line 55 «после слова "перечень" дополнить словами "и нормы";». Moved onto two units that
# hold the word once each: kk the annex 2 of Government decree No. 845 (P1300000845), ru
# art. 1 subpoints 7) and 8) of Law No. 88-V (Z1300000088, edition Z2200000129)
TWO_UNITS = {
    "kk": (
        53,
        ["art_10__subpara_4", "art_11__para_1__subpara_7"],
        REPO / "corpus" / "P1300000845" / "P1300001472" / "kk.md",
        {
            "annex_2__para_1__al_5": "Бөлім тексеру үшін негіз болып табылатын құжаттар тізбесі"
            " мен нормаларын қамтиды.",
            "annex_2__para_2__al_28": "Кіші бөлім мемлекеттік көрсетілетін қызмет берілген соң"
            " оның нәтижесі туралы мәліметтерді алуды қажет ететін мемлекеттік органдардың"
            " тізбесі мен нормаларын қамтиды. Кіші бөлімде:",
        },
    ),
    "ru": (
        55,
        ["art_10__al_1", "art_11__para_1"],
        REPO / "corpus" / "Z1300000088" / "Z2200000129" / "ru.md",
        {
            "art_1__subpara_7": "7) стандарт государственной услуги – перечень и нормы основных"
            " требований к оказанию государственной услуги, включающий характеристики"
            " процесса, форму, содержание и результат оказания, а также иные сведения с учетом"
            " особенностей предоставления государственной услуги;",
            "art_1__subpara_8": "8) реестр государственных услуг – классифицированный перечень"
            " и нормы государственных услуг;",
        },
    ),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_word_change_under_a_header_naming_two_units_changes_each(lang):
    line, read_targets, base_file, want = TWO_UNITS[lang]
    ops = _ops("24760", lang, line)
    assert [o.target for o in ops] == read_targets  # one operation per unit, in order
    assert len({(o.action, o.old, o.new) for o in ops}) == 1  # the same change for each
    moved = [replace(o, target=eid) for o, eid in zip(ops, want, strict=True)]
    base = load_text(str(base_file), lang, report=False)
    new = apply(base, moved, INFO)
    for eid, text in want.items():
        assert new.find(eid).text == text
    # every other unit stays as it was
    changed = {u.eid for u in new.walk() if (old := base.find(u.eid)) is None or old.text != u.text}
    assert changed == set(want)


def test_an_instruction_under_two_units_that_takes_a_wording_takes_it_for_each():
    # 32534 kk:15-19, the two-unit header and both instructions under it: four operations,
    # the units alternate in the order the header names them
    res = read_text((SAMPLE / "32534" / "kk.md").read_text(encoding="utf-8"), "kk")
    got = [(o.line, o.target) for o in res.amender.operations if o.line in (17, 19)]
    assert got == [
        (17, "art_7__para_7__al_2"),
        (17, "art_11__para_5__al_2"),
        (19, "art_7__para_7__al_2"),
        (19, "art_11__para_5__al_2"),
    ]


def test_scope_of_flattens_nested_scopes():
    a, b, c = (("art", "7"),), (("art", "11"),), (("art", "12"),)
    assert scope_of([a]) == a
    assert scope_of([scope_of([a, b]), c]) == (("&", (a, b, c)),)


# 28536 item 6): kk «6) мынадай мазмұндағы қосымшамен толықтырылсын:» / ru «6) дополнить
# приложением следующего содержания:», then the quoted annex «Қосымша» / «Приложение» with
# its title and six points. Applied to Law No. 88-V (no annex of its own), the annex is
# annex_1 after the last article, its title the annex's heading
ANNEX = {
    "kk": (
        REPO / "corpus" / "Z1300000088" / "Z2200000141" / "kk.md",
        "Атқару құжаттары бойынша өндіріп алуды қолдануға болмайтын мүліктердің тізбесі",
        "Борышкерге меншік құқығы негізінде тиесілі немесе оның ортақ меншіктегі үлестері"
        " болып табылатын, борышкерге және оның асырауындағы тұлғаларға қажетті мүліктердің"
        " мына түрлеріне атқару құжаттары бойынша өндіріп алуды қолдануға болмайды:",
    ),
    "ru": (
        REPO / "corpus" / "Z1300000088" / "Z2200000129" / "ru.md",
        "Перечень имущества, на которое не может быть обращено взыскание по исполнительным"
        " документам",
        "Взыскание по исполнительным документам не может быть обращено на следующие виды"
        " имущества, принадлежащего должнику на праве собственности или являющегося его долей"
        " в общей собственности, необходимого для должника и лиц, находящихся на его"
        " иждивении:",
    ),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_new_annex_is_annex_1_with_its_title_and_points(lang):
    base_file, heading, lead = ANNEX[lang]
    [op] = _ops("28536", lang, 125)
    assert (op.target, op.action) == ("annex_1", "insert")
    base = load_text(str(base_file), lang, report=False)
    assert base.find("annex_1") is None
    new = apply(base, [op], INFO)
    annex = new.find("annex_1")
    assert new.body[-1] is annex  # after the last article
    assert (annex.heading, annex.text) == (heading, lead)
    assert [c.eid for c in annex.children] == [f"annex_1__para_{n}" for n in range(1, 7)]
    assert annex.label_text == ("Қосымша" if lang == "kk" else "Приложение")
    assert [c.eid for c in new.find("annex_1__para_1").children] == [
        "annex_1__para_1__subpara_1",
        "annex_1__para_1__subpara_2",
        "annex_1__para_1__subpara_3",
    ]
    # a second one is a conflict, never a silent overwrite
    with pytest.raises(AmendError, match="annex_1 already exists"):
        apply(new, [op], INFO)


def test_a_new_annex_without_its_label_or_inside_a_unit_is_not_read():
    # 28536 ru:127-129's wording without its label line, and under a unit's scope
    st = _State("ru", None, "", 125, "", [], (), new="Перечень имущества")
    with pytest.raises(NotRead, match="does not start with its label"):
        _new_annex(st)
    st = _State("ru", None, "", 125, "", [], (("art", "5"),), new="Приложение\n\nПеречень")
    with pytest.raises(NotRead, match="a new annex inside art_5"):
        _new_annex(st)


@pytest.mark.parametrize(
    "lang,new",
    [
        ("kk", "199-1-бап. Технологияларға, техника мен жабдыққа қойылатын экологиялық талаптар"),
        ("ru", "Статья 199-1. Экологические требования к технологиям, технике и оборудованию"),
    ],
)
def test_a_table_of_contents_paragraph_by_its_ordinal_is_the_entry_it_heads(lang, new):
    # 46632 line 5: kk «1) мазмұны мынадай мазмұндағы екі жүз отыз тоғызыншы абзацпен
    # толықтырылсын:» / ru «1) оглавление дополнить абзацем двести тридцать девятым
    # следующего содержания:»
    assert [(o.target, o.action, o.new) for o in _ops("46632", lang, 5)] == [
        ("toc__art_199-1__heading", "insert", new)
    ]


def test_a_heading_glued_inside_a_wording_for_two_articles_splits_it():
    # 3772 kk:91 «11. 24 және 25-баптар мынадай редакцияда жазылсын:», whose wording has
    # «… (Летчик-космонавт Казахстана).25-бап. Қазақстан Республикасының құрметті атақтары:»
    ops = _ops("3772", "kk", 91)
    assert [(o.target, o.action) for o in ops] == [("art_24", "replace"), ("art_25", "replace")]
    assert ops[0].new.endswith("(Летчик-космонавт Казахстана).")
    assert ops[1].new.startswith("25-бап. Қазақстан Республикасының құрметті атақтары:")
