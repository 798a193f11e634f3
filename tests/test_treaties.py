"""Ratification laws with the documents they carry (issue 12, items 2 and 3), on real
text-bank files committed under benchmarks/realworld-sample/acts (quyse/kz-laws)."""

from __future__ import annotations

import pytest
from conftest import REPO

from generator.importer import import_text
from generator.parse import parse_markdown

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "acts"
STRUCTURE = ("annex", "part", "chp", "art")


def tree(act: str, lang: str):
    rel = f"{act}/{lang}.md"
    result = import_text((SAMPLE / rel).read_text(encoding="utf-8"), lang, rel)
    doc = result.documents[0]
    return result, parse_markdown(doc.markdown, lang, rel, line_map=doc.line_map)


def heads(act) -> list[str]:
    return [u.eid for u in act.walk() if u.type in STRUCTURE]


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("kk", "АЗЫҚ-ТҮЛІК ҚАУІПСІЗДІГІ ЖӨНІНДЕГІ ИСЛАМ ҰЙЫМЫНЫҢ ЖАРҒЫСЫ"),
        ("ru", "УСТАВ ИСЛАМСКОЙ ОРГАНИЗАЦИИ ПО ПРОДОВОЛЬСТВЕННОЙ БЕЗОПАСНОСТИ"),
    ],
)
def test_treaty_after_the_law_without_a_title_line_is_annex_1(lang, title):
    # 84492: «Статья 1. Ратифицировать Устав …», «Статья 2. …», the signature, then the
    # charter's own «Статья 1 Определения»: its articles start again at 1.
    result, act = tree("84492", lang)
    assert heads(act)[:6] == [
        "art_1",
        "art_2",
        "annex_1",
        "annex_1__chp_1",
        "annex_1__art_1",
        "annex_1__art_2",
    ]
    carried = [(r.line, r.before) for r in result.repairs if r.kind == "carried_title"]
    assert carried == [(13, title[:60])]


def test_kk_and_ru_trees_of_the_ratified_charter_are_identical():
    assert heads(tree("84492", "kk")[1]) == heads(tree("84492", "ru")[1])


@pytest.mark.parametrize(
    ("lang", "annexes", "title_line"),
    [
        # «Қазақстан Республикасы Үкіметі Грузия Үкіметіүшін үшін» (line 131) is the
        # agreement's signature, not the protocol's title.
        ("kk", ["annex_1", "annex_2"], 133),
        # Only the Russian text prints the protocol's «Приложение N 1 к Протоколу …».
        ("ru", ["annex_1", "annex_2", "annex_3"], 167),
    ],
)
def test_protocol_after_the_agreement_is_annex_2(lang, annexes, title_line):
    # 3376: the agreement's «Статья 16», then «Протокол об изъятиях …» with «Статья 1».
    result, act = tree("3376", lang)
    assert [r.line for r in result.repairs if r.kind == "carried_title"] == [title_line]
    assert act.find("annex_2").line == title_line
    ids = heads(act)
    assert [e for e in ids if e.startswith("annex_") and "__" not in e] == annexes
    start = ids.index("annex_1__art_16")
    assert ids[start : start + 6] == [
        "annex_1__art_16",
        "annex_2",
        "annex_2__art_1",
        "annex_2__art_2",
        "annex_2__art_3",
        "annex_2__art_4",
    ]


@pytest.mark.parametrize(
    ("lang", "first", "tenth"),
    [
        ("kk", "Айқындамалар", "Уағдаласушы Тараптар арасындағыдауларды шешу"),
        ("ru", "Определения", "Решение споров междуДоговаривающимися Сторонами"),
    ],
)
def test_article_label_glued_to_its_title(lang, first, tenth):
    # 336: «## Статья 1Определения», «## Статья 10Решение споров …» (not article 1).
    _, act = tree("336", lang)
    assert act.find("annex_1__art_1").heading == first
    assert act.find("annex_1__art_10").heading == tenth
    assert "annex_1__art_11" in heads(act)


def test_repeated_points_of_an_exchange_of_notes_are_kept_as_text_with_a_warning():
    # 41930 ru: the reply note repeats points 1-15 of the first note.
    _, act = tree("41930", "ru")
    assert act.warnings[0] == (
        "41930/ru.md:87: repeated number para_2 (first at line 17) kept as text (closest "
        "rule: a para numbered in sequence): '2. Офицер связи НАТО/ПИМ должен осуществлять "
        "взаимодействие '"
    )
    assert [u.eid for u in act.body if u.type == "para"][-1] == "para_15"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_annexes_of_a_treaty_follow_it_in_order(lang):
    # 10732: «Приложение N 1 к Соглашению …» / «… жобасының N 1 қосымшасы» … N 5: the
    # treaty is annex_1, its five annexes annex_2 … annex_6 (numbered in order, as the
    # annexes of a carried document are, DESIGN.md «Unit IDs»).
    _, act = tree("10732", lang)
    assert [u.eid for u in act.body if u.type == "annex"] == [f"annex_{n}" for n in range(1, 7)]
    assert act.find("annex_2__para_1").text.startswith("1. ")


@pytest.mark.parametrize(
    ("act_id", "lang", "eid", "label"),
    [
        ("16022", "ru", "annex_1__art_16-1", "Статья 16-1"),  # «### Статья 16 1»
        ("16022", "kk", "annex_1__art_16-1", "16-1-бап"),  # «### 161-бап»
        ("16022", "ru", "annex_1__art_21-1", "Статья 21-1"),  # «## Статья 211»
        ("850", "ru", "annex_1__art_2", "Статья II"),  # «## Статья IIЗадачи»
        ("850", "kk", "annex_1__art_1", "I - Бап"),  # «## I - БапАнықтамалар»
        ("336", "ru", "annex_1__art_3", "Статья 3"),  # «## Статья ЗПоощрение …»
        ("45116", "ru", "annex_1__art_1", "Статья 1"),  # «Статья 1 - Соблюдение …»
    ],
)
def test_article_labels_the_text_bank_misprints(act_id, lang, eid, label):
    _, act = tree(act_id, lang)
    assert act.find(eid).label_text == label


@pytest.mark.parametrize("act_id", ["16022", "850", "336", "10732", "1814", "33116"])
def test_kk_and_ru_structure_of_the_carried_treaty_is_identical(act_id):
    assert heads(tree(act_id, "kk")[1]) == heads(tree(act_id, "ru")[1])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_sections_inside_an_article_stay_its_text(lang):
    # 33116: «## Статья 1», «## Раздел 1» … «## Раздел 5», «### Статья 2», «## Раздел 1».
    result, act = tree("33116", lang)
    assert [e for e in heads(act)][:3] == ["annex_1", "annex_1__art_1", "annex_1__art_2"]
    word, line = ("Раздел 1", 15) if lang == "ru" else ("1-бөлім", 17)
    assert act.find("annex_1__art_1").text == word
    kept = [w for w in result.warnings if "inside article" in w]
    assert kept[0] == (
        f"33116/{lang}.md:{line}: {word!r} inside article 1 kept as text "
        "(closest rule: a section holds articles)"
    )
    assert len(kept) == 7


@pytest.mark.parametrize(
    ("lang", "chapter"),
    [("kk", ("II ТАРАУ", "СТАНДАРТТАУ ТУРАЛЫ", 51)), ("ru", ("Глава II", "О СТАНДАРТИЗАЦИИ", 49))],
)
def test_chapter_title_on_its_own_heading_line_is_the_chapter_heading(lang, chapter):
    # 104342 ru: «## Глава II» ⏎ «## О СТАНДАРТИЗАЦИИ» (once text directly under chp_2).
    _, act = tree("104342", lang)
    chp = act.find("chp_2")
    assert (chp.label_text, chp.heading, chp.line) == chapter
    assert not [w for w in act.warnings if "text directly under" in w]


@pytest.mark.parametrize(
    ("lang", "clause", "after", "first_signature", "moved_at"),
    [
        (
            "kk",
            (117, "2008 жылғы 12 желтоқсанда Мәскеу қаласында орыс ті"),
            (121, "Депозитарий әрбір Тарапқа осы Хаттаманың куәландыр"),
            "Беларусь Қазақстан Ресей",
            123,
        ),
        (
            "ru",
            (121, "Совершено в городе Москве 12 декабря 2008 года в о"),
            (125, "Депозитарий направит каждой Стороне заверенную коп"),
            "За Правительство",
            127,
        ),
    ],
)
def test_treaty_signatures_after_its_signing_clause_are_the_acts_signature(
    lang, clause, after, first_signature, moved_at
):
    # 49092: the Protocol ends with its signing clause, two sentences on its original and its
    # copies, then the parties' signatures and the certifications of the copy (kk: of the
    # translation too), laid out differently in the two files. The sentences stay text of
    # the last article; the signatures and certifications are the act's signature.
    result, act = tree("49092", lang)
    art9 = act.find("annex_1__art_9")
    kids = [(c.line, c.text[:50]) for c in art9.children]
    assert kids[-3] == clause and kids[-1] == after
    assert act.signature[2] == first_signature
    moved = [r for r in result.repairs if r.kind == "signature_moved"]
    assert (moved[0].line, moved[0].reason) == (
        moved_at,
        f"signatures and certification of annex_1 after its signing clause (line {clause[0]})",
    )
    kk, ru = tree("49092", "kk")[1], tree("49092", "ru")[1]
    assert [u.eid for u in kk.walk()] == [u.eid for u in ru.walk()]


def test_a_sentence_after_the_signing_clause_stays_the_treatys_text_848():
    # 848 ru line 59 «Совершено в городе Алматы 10 июня 1997 года …», line 61 «При
    # возникновении разногласий между Договаривающимися Сторонами по тексту …»: text.
    _, act = tree("848", "ru")
    art5 = act.find("annex_1__art_5")
    assert [c.line for c in art5.children][-2:] == [59, 61]
    assert art5.children[-1].text.startswith("При возникновении разногласий")


@pytest.mark.parametrize(
    ("lang", "start"),
    [
        ("kk", "Еуразиялық экономикалық одаққа мүше мемлекеттер, 2014 жылғы 29 мамырдағы"),
        ("ru", "Государства - члены Евразийского экономического союза, руководствуясь положениями"),
    ],
)
def test_preamble_clauses_of_a_treaty_are_one_block_104296(lang, start):
    # 104296 kk lines 13–17: «… мүше мемлекеттер,» ⏎ «2014 жылғы 29 мамырдағы …» ⏎
    # «төмендегілер туралы келісті:»; ru lines 13–17 go on in lower case.
    _, act = tree("104296", lang)
    annex = act.find("annex_1")
    assert annex.text.startswith(start)
    assert [c.eid for c in annex.children] == ["annex_1__art_1", "annex_1__art_2"]


def test_the_institutes_remark_in_three_lines_is_one_note_8868_kk():
    _, act = tree("8868", "kk")
    assert [(n.line, n.text) for n in act.notes] == [
        (
            3,
            "РҚАО-ның ескертуі. ҚР Үкіметінің 2000 жылғы 6 қазандағы N 1504 Қаулысын - "
            "Келісімді бекіту туралы Қаулысын қараңыз.",
        )
    ]
    assert (act.body[0].eid, act.body[0].line) == ("preamble", 9)


@pytest.mark.parametrize(
    ("act_id", "notes"),
    [
        # «Примечание. Текст международной Конвенции …» (feminine) is the text bank's notice.
        ("7792", [(9, "Примечание. Текст международной Конвенции")]),
        # The publication remark in brackets under the title.
        (
            "53546",
            [
                (11, "Примечание. Текст международного Протокола"),
                (15, "(Бюллетень международных договоров РК, 2010"),
            ],
        ),
        # A bracketed remark on the Protocol printed later, before the title.
        (
            "3376",
            [
                (7, "Примечание. Текст международного Соглашения"),
                (9, "(Протокол о внесении изменений и дополнений"),
                (19, "(Бюллетень международных договоров РК, 2000"),
            ],
        ),
    ],
)
def test_text_bank_remarks_on_a_carried_treaty_are_notes(act_id, notes):
    _, act = tree(act_id, "ru")
    annex = act.find("annex_1")
    got = [(n.line, n.text[: len(t)]) for n, (_, t) in zip(annex.heading_notes, notes, strict=True)]
    assert got == notes
    # none of them is a block of the covering law's text
    assert [u.eid for u in act.body[0].walk()] == ["preamble"]


def test_entry_into_force_remark_without_brackets_is_a_note_99386_ru():
    # 99386 ru line 13 «Вступил в силу 2 марта 2016 года -Бюллетень международных договоров
    # РК 2016 г., № 3, ст. 42» (the Kazakh prints the same remark in brackets, line 13).
    _, ru = tree("99386", "ru")
    annex = ru.find("annex_1")
    assert [n.line for n in annex.heading_notes] == [9, 13]
    assert annex.heading_notes[1].text.startswith("Вступил в силу 2 марта 2016 года")
    assert annex.text.startswith("Правительство Республики Казахстан и Правительство Кыргызско")
    _, kk = tree("99386", "kk")
    assert [u.eid for u in kk.walk()] == [u.eid for u in ru.walk()]


def test_a_preamble_clause_ending_in_a_bracket_goes_on_into_a_date_64550_kk():
    # 64550 kk line 13 «… мүше мемлекеттер (бұдан әрі - ҰҚШҰ)» ⏎ line 15 «2000 жылғы 20
    # маусымда қол қойылған …»: one clause, as the Russian's lines 13–15.
    _, kk = tree("64550", "kk")
    assert kk.find("annex_1").text.startswith(
        "Бұдан әрі Тараптар деп аталатын Ұжымдық қауіпсіздік туралы шарт ұйымына мүше "
        "мемлекеттер (бұдан әрі - ҰҚШҰ) 2000 жылғы 20 маусымда қол қойылған"
    )
    _, ru = tree("64550", "ru")
    assert [u.eid for u in kk.walk()] == [u.eid for u in ru.walk()]
