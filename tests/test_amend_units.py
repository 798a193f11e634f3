"""Applying the larger vocabulary (issue 13, item 7) end to end: real instructions of
../shared/realworld read by the formula catalogue and applied to the real texts they amend.

Real before/after pairs (their source.yml notes): targets/104140/ru.md is the text as it
stood before amendments/11040 (kk: a later edition, after it); targets/104088/ru.md the text
before amendments/22314. The amending acts state neither date nor number; the later kk
editions' notes tie 11040 to the Law of 15.01.2002 N 280 and 22314 to the Law of 23.12.2004
N 21 (in force from 1 January 2005, its art. 3), which is what the notes below cite. Where
the expected unit is not printed in a real later edition, it is derived by hand from the
real base and the real instruction, as each test says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import REPO

from generator.amend import AmenderInfo, AmendError, apply
from generator.amend_units import follow
from generator.cli import load_text
from generator.consolidate import build_versions
from generator.consolidate_corpus import blocks_of
from generator.formulas.reader import read_instructions
from generator.model import DateSpec, Operation
from generator.parse import parse_markdown

REALWORLD = REPO.parent / "shared" / "realworld"

# 11040: «Настоящий Закон вводится в действие со дня официального опубликования» (art. 2),
# the publication day unknown; 15.01.2002 N 280 from targets/104140/kk.md's notes.
LAW_280 = AmenderInfo(
    "11040",
    "280",
    dt.date(2002, 1, 15),
    "law",
    DateSpec.parse("after 2002-01-14"),
    in_force_rule="from_publication",
)
NOTE_280 = (
    "с изменением, внесенным Законом РК от 15.01.2002 № 280 (вводится в действие со дня его "
    "первого официального опубликования)."
)
# 22314: «вводится в действие с 1 января 2005 года» (art. 3); 23.12.2004 N 21 from
# targets/104088/kk.md's notes.
LAW_21 = AmenderInfo("22314", "21", dt.date(2004, 12, 23), "law", DateSpec.parse("2005-01-01"))


@pytest.fixture(scope="module", autouse=True)
def _realworld():
    if not REALWORLD.is_dir():
        pytest.fail(f"the real text bank files are not at {REALWORLD}")


def base(rel: str, lang: str):
    return load_text(str(REALWORLD / rel), lang, report=False)


def reading(rel: str, lang: str):
    return read_instructions(blocks_of(base(rel, lang)), lang)


def ops(rel: str, lang: str, *lines: int) -> list[Operation]:
    """The operations the catalogue reads from the instructions on ``lines``."""
    found = [o for o in reading(rel, lang).operations if o.line in lines]
    assert found, f"no operation read on lines {lines} of {rel}"
    return found


def unit(act, eid: str) -> list[tuple]:
    """The whole unit: each (eId, heading, text) of it and its descendants, and its notes."""
    u = act.find(eid)
    return [(x.eid, x.heading, x.text) for x in u.walk()] + [
        ("note", n.text) for n in u.notes if n.generated
    ]


@pytest.fixture(scope="module")
def statistics_ru():
    return base("targets/104140/ru.md", "ru")


@pytest.fixture(scope="module")
def aral_ru():
    return base("targets/104088/ru.md", "ru")


# ---------------------------------------------------------------------------------------
# Paired replacement «соответственно»
# ---------------------------------------------------------------------------------------


def test_paired_respective_replacement(statistics_ru):
    # 11040 ru:11 «слова "центральных исполнительных", "иные центральные исполнительные"
    # заменить соответственно словами "государственных", "государственные";» (derived by
    # hand: the ru edition after 11040 is not stored).
    got = ops("amendments/11040/ru.md", "ru", 11)
    assert [(o.target, o.action, o.old, o.new) for o in got] == [
        ("*", "substitute_words", "центральных исполнительных", "государственных"),
        ("*", "substitute_words", "иные центральные исполнительные", "государственные"),
    ]
    new = apply(statistics_ru, got, LAW_280)
    assert unit(new, "art_4") == [
        (
            "art_4",
            "Основные требования, предъявляемые к государ-ственным органам, осуществляющим "
            "статистическуюдеятельность",
            "Уполномоченный орган и государственные органы, ведущие статистическую "
            "деятельность, обязаны обеспечивать:",
        ),
        (
            "art_4__al_2",
            None,
            "целостность, достоверность и достаточность статистических показателей;",
        ),
        (
            "art_4__al_3",
            None,
            "всесторонность и объективность изучения, обобщения и анализа происходящих в "
            "Республике Казахстан экономических и социальных процессов и тенденций их развития;",
        ),
        (
            "art_4__al_4",
            None,
            "доступность и открытость статистической информации в пределах, установленных "
            "законодательством Республики Казахстан;",
        ),
        (
            "art_4__al_5",
            None,
            "сопоставимость применяемой методологии и рассчитываемых основных показателей со "
            "статистическими стандартами, используемыми в международной практике.",
        ),
        ("note", "Сноска. Статья 4 " + NOTE_280),
    ]
    # «иных центральных исполнительных» holds the first pair's words: the first replacement
    # gives «иных государственных».
    assert unit(new, "preamble") == [
        (
            "preamble",
            None,
            "Настоящий Закон регулирует правовые отношения в области статистической "
            "деятельности, определяет полномочия и функции уполномоченного органа и иных "
            "государственных органов, ведущих статистическую деятельность.",
        ),
        ("note", "Сноска. Преамбула " + NOTE_280),
    ]


# ---------------------------------------------------------------------------------------
# One language only
# ---------------------------------------------------------------------------------------


def test_one_language_only_kk_yields_nothing_ru_applies(statistics_ru):
    # 11040 kk:9 «қазақша мәтiн өзгерiссiз қалдырылсын;» stands where ru:9 has «слово
    # "региональные" заменить словом "территориальные";» (derived by hand).
    kk = reading("amendments/11040/kk.md", "kk")
    assert [o for o in kk.operations if o.line == 9] == []
    assert [(r.line, r.target, r.lang_only) for r in kk.not_for_this_language] == [(9, "*", "ru")]
    got = ops("amendments/11040/ru.md", "ru", 9)
    assert [(o.target, o.action, o.old, o.new) for o in got] == [
        ("*", "substitute_words", "региональные", "территориальные")
    ]
    new = apply(statistics_ru, got, LAW_280)
    changed = [u.eid for u in new.walk() if any(n.generated for n in u.notes)]
    assert changed == ["art_10"]
    assert unit(new, "art_10")[0] == (
        "art_10",
        "Права уполномоченного органа",
        "Уполномоченный орган и его территориальные подразделения в пределах своих полномочий "
        "и в целях выполнения плана статистических работ имеют право:",
    )
    assert unit(new, "art_10")[-1] == ("note", "Сноска. Статья 10 " + NOTE_280)


# ---------------------------------------------------------------------------------------
# Several units from one instruction; ranges
# ---------------------------------------------------------------------------------------

ART_15_AFTER = [
    (
        "art_15",
        "Дополнительные компенсации и льготы к лицам,пострадавшим вследствие экологической "
        "катастрофы",
        "Лица, указанные в статье 6 настоящего Закона, имеют право на:",
    ),
    (
        "art_15__subpara_1",
        None,
        "1) исключен Законом РК от 23.12.2004 № 21 (вводится в действие с 01.01.2005);",
    ),
    (
        "art_15__subpara_2",
        None,
        "2) исключен Законом РК от 23.12.2004 № 21 (вводится в действие с 01.01.2005);",
    ),
    ("art_15__subpara_3", None, "3) безвозмездное получение в собственность занимаемого жилья;"),
    (
        "art_15__subpara_4",
        None,
        "4) исключен Законом РК от 23.12.2004 № 21 (вводится в действие с 01.01.2005).",
    ),
    (
        "art_15__subpara_5",
        None,
        "5) исключен Законом РК от 23.12.2004 № 21 (вводится в действие с 01.01.2005).",
    ),
    (
        "note",
        "Сноска. Статья 15 с изменениями, внесенными Законом РК от 23.12.2004 № 21 (вводится "
        "в действие с 01.01.2005).",
    ),
]


def test_several_subpoints_of_one_instruction(aral_ru):
    # 22314 ru:7 «2) подпункты 1), 2), 4) и 5) статьи 15 исключить;» — the later kk edition
    # (targets/104088/kk.md) shows 1), 2), 4), 5) of art. 15 as «(алып тасталды)», 3) kept.
    got = ops("amendments/22314/ru.md", "ru", 7)
    assert [o.target for o in got] == [
        "art_15__subpara_1",
        "art_15__subpara_2",
        "art_15__subpara_4",
        "art_15__subpara_5",
    ]
    assert unit(apply(aral_ru, got, LAW_21), "art_15") == ART_15_AFTER


def test_range_changes_every_unit_it_covers(aral_ru):
    # 22314 ru:7 «2) подпункты 1), 2), 4) и 5) статьи 15 исключить;»: its first two units
    # as the range «1) - 2)», then 4) - 5), give the text of the list (the later kk edition
    # shows those four as «(алып тасталды)»).
    listed = ops("amendments/22314/ru.md", "ru", 7)
    ranges = [
        replace(listed[0], target="art_15__subpara_1..2"),
        replace(listed[0], target="art_15__subpara_4..5"),
    ]
    assert unit(apply(aral_ru, ranges, LAW_21), "art_15") == ART_15_AFTER


def test_range_reads_as_one_operation():
    # benchmarks/realworld-sample/amendments/3906/ru.md:7 «В подпунктах 3)-5), 10) и 11)
    # статьи 1 … слово "таможенную" исключить.»
    rel = REPO / "benchmarks" / "realworld-sample" / "amendments" / "3906" / "ru.md"
    am = read_instructions(blocks_of(load_text(str(rel), "ru", report=False)), "ru")
    assert [o.target for o in am.operations if o.line == 7][:3] == [
        "art_1__subpara_3..5",
        "art_1__subpara_10",
        "art_1__subpara_11",
    ]


def test_range_with_an_end_the_act_lacks_fails(aral_ru):
    # art. 15 of targets/104088/ru.md has subpoints 1) - 5): a range to 9) fails whole.
    op = replace(ops("amendments/22314/ru.md", "ru", 7)[0], target="art_15__subpara_4..9")
    with pytest.raises(AmendError) as e:
        apply(aral_ru, [op], LAW_21)
    assert str(e.value) == (
        "«2) подпункты 1), 2), 4) и 5) статьи 15 исключить;» (line 7) → art_15__subpara_4..9: "
        "the range art_15__subpara_4..9 ends at subpara 9, which art_15 lacks"
    )


# ---------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------


def test_second_sentence_replaced_gives_the_official_text():
    # 11040 kk:75 «1) бiрiншi бөлiгiнiң екiншi сөйлемi мынадай редакцияда жазылсын» on the
    # later kk edition (targets/104140/kk.md), which already prints that wording: the second
    # sentence is found exactly and the unit stays the official text.
    after = base("targets/104140/kk.md", "kk")
    got = [o for o in reading("amendments/11040/kk.md", "kk").operations if o.sentence]
    assert [(o.target, o.action, o.sentence) for o in got] == [("art_8__al_1", "replace", 2)]
    new = apply(after, got, LAW_280)
    assert (
        new.find("art_8").text
        == after.find("art_8").text
        == (
            "Уәкілетті орган статистика саласындағы мемлекеттік саясатты әзірлейді және жүзеге "
            "асырады, Қазақстан Республикасында статистиканы жетілдіру жөніндегі бағдарламаларды "
            "әзірлейді және жүзеге асырады. Статистикалық есеп жүргізудің әдіснамасы мен "
            "әдістемесі мәселелерінде тәуелсіз болады, өзінің аумақтық бөлімшелеріне басшылық "
            "жасауды жүзеге асырады, ведомстволық бағыныстағы ұйымдардың қызметін үйлестіреді."
        )
    )


def test_second_sentence_the_edition_lacks_fails(statistics_ru):
    # The stored ru edition joins the two clauses of art. 8 part 1 with «;»: one sentence.
    got = ops("amendments/11040/ru.md", "ru", 75)
    with pytest.raises(AmendError) as e:
        apply(statistics_ru, got, LAW_280)
    assert str(e.value) == (
        "«1) второе предложение части первой изложить в следующей редакции:» (line 75) → "
        "art_8__al_1: sentence 2 asked, the unit has 1 sentence(s): «Уполномоченный орган "
        "разрабатывает и реализует государственную политику в област»"
    )


def test_sentence_repealed_and_added_back():
    # The official kk text of art. 8 part 1 (targets/104140/kk.md): its second sentence
    # repealed, then added as the new last sentence from 11040 kk's wording, gives it back.
    after = base("targets/104140/kk.md", "kk")
    wording = next(o for o in reading("amendments/11040/kk.md", "kk").operations if o.sentence)
    repeal = replace(wording, action="repeal", new=None)
    add = replace(wording, action="insert")
    cut = apply(after, [repeal], LAW_280)
    assert cut.find("art_8").text == (
        "Уәкілетті орган статистика саласындағы мемлекеттік саясатты әзірлейді және жүзеге "
        "асырады, Қазақстан Республикасында статистиканы жетілдіру жөніндегі бағдарламаларды "
        "әзірлейді және жүзеге асырады."
    )
    assert apply(cut, [add], LAW_280).find("art_8").text == after.find("art_8").text
    # «дополнить предложением следующего содержания:» (no place named) is `sentence: -1`, the
    # new last sentence: the same text
    last = replace(add, sentence=-1)
    assert apply(cut, [last], LAW_280).find("art_8").text == after.find("art_8").text
    # `sentence: -1` on a repeal is the last sentence
    assert apply(after, [replace(repeal, sentence=-1)], LAW_280).find("art_8").text == (
        cut.find("art_8").text
    )


# ---------------------------------------------------------------------------------------
# Headings, numbering style, blocks of a part
# ---------------------------------------------------------------------------------------


def test_heading_words_in_a_heading_printed_in_capitals(statistics_ru):
    # 11040 ru:181 «В заголовке главы IV слово "Закона" заменить словами "законодательства
    # Республики Казахстан в области государственнойстатистики".» (the amending act's own
    # glued «государственнойстатистики» kept as quoted); the heading is printed in capitals.
    got = ops("amendments/11040/ru.md", "ru", 181)
    new = apply(statistics_ru, got, LAW_280)
    chp = new.find("chp_4")
    assert (chp.label_text, chp.heading, [n.text for n in chp.notes]) == (
        "Глава IY",
        "ОТВЕТСТВЕННОСТЬ ЗА НАРУШЕНИЕ ЗАКОНОДАТЕЛЬСТВА РЕСПУБЛИКИ КАЗАХСТАН В ОБЛАСТИ "
        "ГОСУДАРСТВЕННОЙСТАТИСТИКИ",
        ["Сноска. Заголовок главы 4 " + NOTE_280],
    )


def test_numbering_style_of_the_chapters(statistics_ru):
    # 11040 ru:189 «В главах цифры "I, II, III, IV" заменить цифрами "1, 2, 3, 4"
    # соответственно.» — the base writes «Глава IY» for IV; the eIds (by value) stay.
    got = ops("amendments/11040/ru.md", "ru", 189)
    assert [(o.target, o.action, o.old, o.new) for o in got] == [
        ("*", "renumber", "I, II, III, IV", "1, 2, 3, 4")
    ]
    new = apply(statistics_ru, got, LAW_280)
    assert [(u.eid, u.label_text) for u in new.walk() if u.type == "chp"] == [
        ("chp_1", "Глава 1"),
        ("chp_2", "Глава 2"),
        ("chp_3", "Глава 3"),
        ("chp_4", "Глава 4"),
    ]
    assert new.renamed == {}
    assert new.find("chp_1").notes[-1].text == "Сноска. Глава 1 " + NOTE_280


def test_numbering_style_needs_one_kind_of_unit(statistics_ru):
    # The instruction of 11040 ru:189 with its last old number mutated to «V»: no chapter
    # (nor any other kind of unit) of the base carries all of «I, II, III, V».
    op = replace(ops("amendments/11040/ru.md", "ru", 189)[0], old="I, II, III, V")
    with pytest.raises(AmendError) as e:
        apply(statistics_ru, [op], LAW_280)
    assert str(e.value).endswith(
        "→ *: the numbers «I, II, III, V» name one unit each in no single kind of unit (none)"
    )


def test_blocks_of_a_part_kept_flat(statistics_ru):
    # 11040 ru:83 «3) абзац второй части четвертой изложить …» and ru:87 «4) абзац четвертый
    # части четвертой …»: part four of art. 8 is the lead-in «Уполномоченный орган, в целях
    # реализации государственной политики в области статистики:» and its three абзацы
    # (derived by hand: the second and fourth абзацы of that part).
    new = apply(statistics_ru, ops("amendments/11040/ru.md", "ru", 83, 87), LAW_280)
    assert unit(new, "art_8")[3:] == [
        (
            "art_8__al_4",
            None,
            "Уполномоченный орган, в целях реализации государственной политики в области "
            "статистики:",
        ),
        (
            "art_8__al_5",
            None,
            "координирует статистическую деятельность государственных органов на основе "
            "утверждения программ статистических наблюдений;",
        ),
        (
            "art_8__al_6",
            None,
            "осуществляет сотрудничество в области статистики с зарубежными странами и "
            "международными организациями, заключает с ними соглашения и договоры, "
            "направленные на развитие государственной статистики;",
        ),
        (
            "art_8__al_7",
            None,
            "издает нормативные правовые акты по вопросам государственной статистики.",
        ),
        (
            "note",
            "Сноска. Статья 8 с изменениями, внесенными Законом РК от 15.01.2002 № 280 "
            "(вводится в действие со дня его первого официального опубликования).",
        ),
    ]


# ---------------------------------------------------------------------------------------
# Letter case
# ---------------------------------------------------------------------------------------


def test_letter_case_through_the_whole_text(statistics_ru):
    # 11040 ru:7 «слова "плана", "планом", "плану" изложить с прописной буквы;» (derived by
    # hand: art. 10's lead-in has «плана статистических работ»).
    got = ops("amendments/11040/ru.md", "ru", 7)
    assert [(o.action, o.old, o.new) for o in got] == [
        ("case", "плана", "Плана"),
        ("case", "планом", "Планом"),
        ("case", "плану", "Плану"),
    ]
    new = apply(statistics_ru, got, LAW_280)
    assert new.find("art_10").text == (
        "Уполномоченный орган и его региональные подразделения в пределах своих полномочий "
        "и в целях выполнения Плана статистических работ имеют право:"
    )


def test_letter_case_must_keep_the_words(statistics_ru):
    op = replace(ops("amendments/11040/ru.md", "ru", 7)[0], new="Планом")
    with pytest.raises(AmendError) as e:
        apply(statistics_ru, [op], LAW_280)
    assert str(e.value).endswith("→ *: «Планом» is not «плана» in another case")


# ---------------------------------------------------------------------------------------
# Status: repeal of a whole act, suspension; renumbering map; title; toc; table rows
# ---------------------------------------------------------------------------------------

PENSIONS = (
    "# T\n\n### Статья 12. {#art_12}\n\n### Статья 13. {#art_13}\n\n### Статья 37. {#art_37}\n"
)


def test_suspension_is_status_and_notes_not_text():
    # 104392 ru:351 «Статья 2. Приостановить до 1 января 2001 г. действие статей 13 и 37
    # Закона …»; the amended act is not stored, so its articles stand here without text
    # (the number and date of 104392 are unknown: the note says so).
    got = ops("amendments/104392/ru.md", "ru", 351)
    assert [(o.target, o.action, o.old, o.new) for o in got] == [
        ("", "suspend", "art_13, art_37", "until 2001-01-01")
    ]
    act = parse_markdown(PENSIONS, "ru")
    info = AmenderInfo("104392", "", dt.date(1996, 1, 1), "law", DateSpec.parse("unknown"))
    new = apply(act, got, info)
    assert [(u.eid, u.text) for u in new.walk()] == [(u.eid, u.text) for u in act.walk()]
    assert new.status == {
        "suspended": [
            {
                "units": ["art_13", "art_37"],
                "period": "until 2001-01-01",
                "by": "104392",
                "number": "",
                "adopted": "1996-01-01",
                "in_force": "unknown",
            }
        ]
    }
    assert [n.text for n in new.find("art_37").notes] == [
        "Сноска. Действие статьи 37 приостановлено до 1 января 2001 г. Законом РК "
        "(дата и номер неизвестны)."
    ]


def test_repeal_of_the_act_is_status_and_its_note():
    # 22314 ru:15 «Статья 2 . Признать утратившим силу Закон Республики Казахстан от 16 ноября
    # 1999 г. "О приостановлении …"»: applied to that act (not stored: a title line only).
    got = ops("amendments/22314/ru.md", "ru", 15)
    assert [(o.target, o.action, o.act_date) for o in got] == [("", "repeal_act", "1999-11-16")]
    act = parse_markdown(f"# {got[0].act}\n", "ru")
    new = apply(act, got, LAW_21)
    assert new.status["repealed"]["by"] == "22314"
    assert [n.text for n in new.notes] == [
        "Сноска. Утратил силу Законом РК от 23.12.2004 № 21 (вводится в действие с 01.01.2005)."
    ]
    with pytest.raises(AmendError) as e:
        apply(new, got, LAW_21)
    assert str(e.value).endswith("→ : the act is already repealed by 22314")


def test_renumbering_records_the_renaming_map():
    # 104392 ru:105 «часть третью считать частью второй …» after ru:103 «часть вторую
    # исключить;»: the numbering closes up and al_3 is recorded as renamed al_2. The
    # amended act is not stored: art. 12's parts stand as numbers only.
    got = ops("amendments/104392/ru.md", "ru", 103, 105)
    assert [(o.target, o.action, o.new) for o in got][:2] == [
        ("art_12__al_2", "repeal", None),
        ("art_12__al_3", "renumber", "art_12__al_2"),
    ]
    act = parse_markdown("# T\n\n### Статья 12. {#art_12}\n\n1\n\n2\n\n3 СССР\n", "ru")
    info = AmenderInfo("104392", "", dt.date(1996, 1, 1), "law", DateSpec.parse("unknown"))
    new = apply(act, got, info)
    assert [(u.eid, u.text) for u in new.find("art_12").walk()] == [
        ("art_12", "1"),
        ("art_12__al_2", "3 Республики Казахстан"),
    ]
    assert new.renamed == {"104392": {"art_12__al_3": "art_12__al_2"}}
    # The version data carries the map (plain data), and an old citation follows it.
    meta = {"title": {"ru": got[0].act}, "adopted": got[0].act_date}
    versions, _ = build_versions(act, meta, [(info, got)], dt.date(2026, 1, 1))
    assert (versions[-1].id, versions[-1].renamed) == ("104392", {"art_12__al_3": "art_12__al_2"})
    assert follow(versions[-1].act.renamed, "art_12__al_3") == "art_12__al_2"


def test_title_replaced():
    # 104392 ru:5 «1. Название закона изложить в следующей редакции:» (the amended act is
    # not stored: its title line only).
    got = ops("amendments/104392/ru.md", "ru", 5)
    act = parse_markdown("# О пенсионном обеспечении граждан в Казахской ССР\n", "ru")
    info = AmenderInfo("104392", "", dt.date(1996, 1, 1), "law", DateSpec.parse("unknown"))
    new = apply(act, got, info)
    assert new.title == got[0].new
    assert [n.text for n in new.notes] == [
        "Сноска. Заголовок в редакции Закона РК (дата и номер неизвестны)."
    ]


def test_toc_repeal_is_status(statistics_ru):
    # 156720 ru:5 «1) оглавление исключить;» (the importer keeps the text bank's table of
    # contents out of the tree: its repeal is recorded on the act, the text is unchanged).
    got = [o for o in ops("amendments/156720/ru.md", "ru", 5) if o.target == "toc"]
    new = apply(statistics_ru, got, LAW_280)
    assert new.status == {"toc": {"repealed_by": "11040", "in_force": "after 2002-01-14"}}
    assert [(u.eid, u.text) for u in new.walk()] == [(u.eid, u.text) for u in statistics_ru.walk()]


DECREE_845 = REPO / "corpus" / "P1300000845" / "P1300001472" / "kk.md"
# No amending act of the stored material changes a table zan's trees hold: the operations
# below are made for the test (no legal text: they move the decree's own rows), under an
# amending act whose date and number are unknown.
ROWS = AmenderInfo("ROWS", "", dt.date(2014, 1, 1), "decree", DateSpec.parse("unknown"))


def test_table_row_repealed_and_inserted_back():
    # annex 2 point 2 of decree 845 (kk) holds a pipe table «| Жыл | Саны |» whose one row
    # is numbered «| 1 | 2 |» (its column numbers): table 1 of annex_2.
    act = load_text(str(DECREE_845), "kk", report=False)
    table = act.find("annex_2__para_2__al_8")
    assert table.text == "| Жыл | Саны |\n| --- | --- |\n| 1 | 2 |"
    cut = Operation(act="T", target="annex_2__table_1__row_1", action="repeal")
    new = apply(act, [cut], ROWS)
    assert new.find("annex_2__para_2__al_8").text == "| Жыл | Саны |\n| --- | --- |"
    back = Operation(act="T", target="annex_2__table_1__row_1", action="insert", new="| 1 | 2 |")
    assert apply(new, [back], ROWS).find("annex_2__para_2__al_8").text == table.text


@pytest.mark.parametrize(
    "target,action,new,reason",
    [
        ("annex_2__table_1__row_5", "repeal", None, "annex_2__para_2__al_8 has no row 5"),
        ("annex_2__table_9__row_1", "repeal", None, "table 9 asked, annex_2 has 5 table(s)"),
        (
            "annex_2__table_1__row_1",
            "insert",
            "| 1 | 2 |",
            "row 1 already exists in annex_2__para_2__al_8",
        ),
        (
            "annex_2__table_1__row_1",
            "replace",
            "| 1 | 2 | 3 |",
            "the new row must be a table row of 2 cells: «| 1 | 2 | 3 |»",
        ),
    ],
)
def test_table_row_failures(target, action, new, reason):
    act = load_text(str(DECREE_845), "kk", report=False)
    op = Operation(act="T", target=target, action=action, new=new)
    with pytest.raises(AmendError) as e:
        apply(act, [op], ROWS)
    assert str(e.value).endswith(f"→ {target}: {reason}")


def test_table_row_of_an_act_without_the_annex_fails(statistics_ru):
    # 151390 ru «строку 74 приложения 1 исключить.» on an act that has no annex.
    op = Operation(
        act="T",
        target="annex_1__table_1__row_74",
        action="repeal",
        source="строку 74 приложения 1 исключить.",
    )
    with pytest.raises(AmendError) as e:
        apply(statistics_ru, [op], LAW_280)
    assert str(e.value) == (
        "«строку 74 приложения 1 исключить.» → annex_1__table_1__row_74: unit annex_1 does "
        "not exist in 'О ГОСУДАРСТВЕННОЙ СТАТИСТИКЕ'"
    )
