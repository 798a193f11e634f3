"""Units renumbered into units of another kind (issue 13, formula catalogue), end to end:
the real instructions read by the catalogue (`renumber_kind`, `renumber_kind_quoted`) and
applied to the real texts they amend.

- benchmarks/realworld-sample/amendments/28794 (ru line 139, kk line 143) makes the parts of
  art. 7 of the Law of 5 October 1994 «О профилактике заболевания СПИД» its points «1.» …
  «4.»; its lines 143–147 then change «часть первая» and «часть вторая» by their old
  numbers. The amended act: tests/fixtures/kzlaws/rus_104332.md (quyse/kz-laws rus/104332.md,
  the law as adopted, SOURCES.yml). 28794 amends a later edition (it names arts. 2-1 to 2-3
  and subpoints of art. 1, which the text as adopted lacks); art. 7 stands in it as 28794
  quotes it (five parts; «и лица без гражданства», «учреждениях», «учреждений», «16»), so
  only the instructions on art. 7 are applied here.
- benchmarks/realworld-sample/amendments/14654 (ru lines 143, 207, 211) makes абзацы of arts.
  11, 14 and 15 of the Law of 30 November 2000 «Об оценочной деятельности в Республике
  Казахстан» subpoints 1) … The amended act: tests/fixtures/kzlaws/rus_7608.md (quyse/kz-laws
  rus/7608.md, the law as adopted; its arts. 5, 12 and 13 are glued by the text bank, so only
  the articles it prints block by block are applied here).

Neither amending act states its date or number (source.yml: «unknown»), so the notes say
«дата и номер неизвестны»; the dates below only order the versions. The expected units are
derived by hand from the real base and the real instruction.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import REPO

from generator.amend import AmenderInfo, AmendError, apply
from generator.amend_units import follow
from generator.cli import load_text
from generator.consolidate import build_versions
from generator.consolidate_corpus import blocks_of
from generator.formulas.reader import read_instructions, read_text
from generator.model import DateSpec

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"
FIX = REPO / "tests" / "fixtures" / "kzlaws"

AIDS_ACT = AmenderInfo("28794", "", dt.date(2004, 1, 1), "law", DateSpec.parse("unknown"))
VALUATION_ACT = AmenderInfo("14654", "", dt.date(2001, 1, 1), "law", DateSpec.parse("unknown"))
NOTE = "с изменениями, внесенными Законом РК (дата и номер неизвестны)."


def ops(act: str, lang: str, *lines: int):
    """The operations the catalogue reads on ``lines`` of a sample amending act."""
    text = load_text(str(SAMPLE / act / f"{lang}.md"), lang, report=False)
    found = [o for o in read_instructions(blocks_of(text), lang).operations if o.line in lines]
    assert found, f"no operation read on lines {lines} of {act} {lang}"
    return found


def unit(act, eid: str) -> list[tuple]:
    """The whole unit: each (eId, type, number, text) of it and its descendants, and its
    generated notes."""
    u = act.find(eid)
    return [(x.eid, x.type, x.num, x.text) for x in u.walk()] + [
        ("note", n.text) for n in u.notes if n.generated
    ]


@pytest.fixture(scope="module")
def aids_ru():
    return load_text(str(FIX / "rus_104332.md"), "ru", report=False)


@pytest.fixture(scope="module")
def valuation_ru():
    return load_text(str(FIX / "rus_7608.md"), "ru", report=False)


# ---------------------------------------------------------------------------------------
# Parts become points «1.» … «4.» (28794)
# ---------------------------------------------------------------------------------------


def test_parts_become_points_read_alike_in_both_languages():
    # ru:139 «части первую, вторую, третью и четвертую обозначить соответственно пунктами
    # "1.", "2.", "3." и "4.";», kk:143 «бiрiншi, екiншi, үшiншi және төртiншi бөлiктер
    # тиiсiнше "1.", "2.", "3." және "4." тармақтар болып белгiленсiн;»
    want = [(f"art_7__al_{k}", "renumber", f"art_7__para_{k}") for k in (1, 2, 3, 4)]
    assert [(o.target, o.action, o.new) for o in ops("28794", "ru", 139)] == want
    assert [(o.target, o.action, o.new) for o in ops("28794", "kk", 143)] == want


def test_parts_become_points_and_later_instructions_follow(aids_ru):
    # ru:139 then 143 «слова "и лица без гражданства" исключить;», 145 «слова "учреждениях",
    # "учреждений" заменить соответственно словами "организациях", "организаций";» (both
    # under «в части первой:»), 147 «в части второй цифры "16" заменить словом
    # "восемнадцати";»: the later instructions name the parts by their old numbers and land on
    # the points they became. Part five is not renumbered: it stays the fifth block, al_5.
    got = ops("28794", "ru", 139, 143, 145, 147)
    assert [(o.target, o.action) for o in got][4:] == [
        ("art_7__al_1", "delete_words"),
        ("art_7__al_1", "substitute_words"),
        ("art_7__al_1", "substitute_words"),
        ("art_7__al_2", "substitute_words"),
    ]
    new = apply(aids_ru, got, AIDS_ACT)
    assert unit(new, "art_7") == [
        ("art_7", "art", "7", ""),
        (
            "art_7__para_1",
            "para",
            "1",
            "1. Граждане Республики Казахстан в случае заражения вирусом иммунодефицита "
            "человека имеют право на бесплатное лекарственное обеспечение, амбулаторную и "
            "стационарную помощь в государственных организациях здравоохранения и возмещение "
            "расходов, связанных с проездом к месту лечения и обратно за счет организаций "
            "здравоохранения по месту жительства.",
        ),
        (
            "art_7__para_2",
            "para",
            "2",
            "2. На детей в возрасте до восемнадцати лет, инфицированных вирусом иммунодефицита "
            "человека или больных СПИД, устанавливается государственное ежемесячное пособие в "
            "размере 8О процентов минимальной заработной платы.",
        ),
        (
            "art_7__para_3",
            "para",
            "3",
            "3. За одним из родителей в случае расторжения им трудового договора в связи с "
            "уходом за детьми в возрасте до 16 лет, инфицированных вирусом иммунодефицита "
            "человека или больных СПИД, сохраняется непрерывный трудовой стаж.",
        ),
        (
            "art_7__para_4",
            "para",
            "4",
            "4. Детям и подросткам, инфицированным вирусом иммунодефицита человека или больным "
            "СПИД, обеспечивается обучение в школе и других учебных заведениях.",
        ),
        (
            "art_7__al_5",
            "al",
            "5",
            "Не допускаются увольнения с работы, отказ в приемах на работу, в детские "
            "дошкольные учреждения и учебные заведения, а также ущемление иных прав и законных "
            "интересов лиц, зараженных вирусом иммунодефицита человека или больных СПИД, равно "
            "как ущемление жилищных и иных прав их родных и близких.",
        ),
        ("note", "Сноска. Статья 7 " + NOTE),
    ]
    # The old eIds are recorded as renamed: a citation of «часть вторая статьи 7» still lands.
    renamed = {f"art_7__al_{k}": f"art_7__para_{k}" for k in (1, 2, 3, 4)}
    assert new.renamed == {"28794": renamed}
    meta = {"title": {"ru": got[0].act}, "adopted": got[0].act_date}
    versions, _ = build_versions(aids_ru, meta, [(AIDS_ACT, got)], dt.date(2026, 1, 1))
    assert (versions[-1].id, versions[-1].renamed) == ("28794", renamed)
    assert follow(versions[-1].act.renamed, "art_7__al_2") == "art_7__para_2"
    assert follow(versions[-1].act.renamed, "art_7__al_5") == "art_7__al_5"


def test_parts_renumbered_twice_fail(aids_ru):
    # The same real instruction applied to the act it has already changed: point 1 exists.
    got = ops("28794", "ru", 139)
    once = apply(aids_ru, got, AIDS_ACT)
    with pytest.raises(AmendError) as e:
        apply(once, got, AIDS_ACT)
    assert "art_7__para_1 already exists" in str(e.value)


def test_quoted_numbers_that_are_not_points_are_not_read():
    # ru:139 mutated minimally: «"1)"» is a subpoint's number, not a point's «1.».
    path = SAMPLE / "28794" / "ru.md"
    real = 'пунктами "1.", "2.", "3." и "4.";'
    text = path.read_text(encoding="utf-8")
    assert real in text
    res = read_text(text.replace(real, real.replace('"1."', '"1)"')), "ru")
    assert [(e.line, e.reason) for e in res.amender.errors] == [
        (
            139,
            "the quoted numbers «1)», «2.», «3.», «4.» are not all numbers of a para as its "
            "text writes them (units.yml block_marks): which units they make cannot be told",
        )
    ]


# ---------------------------------------------------------------------------------------
# Абзацы become subpoints 1) … (14654)
# ---------------------------------------------------------------------------------------


def test_abzatsy_become_subpoints(valuation_ru):
    # ru:207 «15) абзацы второй-пятый статьи 14 считать соответственно подпунктами 1)-4);»
    got = ops("14654", "ru", 207)
    assert [(o.target, o.new) for o in got] == [
        (f"art_14__al_{k + 1}", f"art_14__subpara_{k}") for k in (1, 2, 3, 4)
    ]
    new = apply(valuation_ru, got, VALUATION_ACT)
    assert unit(new, "art_14") == [
        ("art_14", "art", "14", "Заказчик имеет право:"),
        (
            "art_14__subpara_1",
            "subpara",
            "1",
            "1) получать от оценщика исчерпывающую информацию о требованиях законодательства, "
            "касающихся проведения оценки;",
        ),
        (
            "art_14__subpara_2",
            "subpara",
            "2",
            "2) знакомиться с нормативными правовыми актами, на которых основываются отчет об "
            "оценке и выводы оценщика;",
        ),
        (
            "art_14__subpara_3",
            "subpara",
            "3",
            "3) получать от оценщика необходимую информацию о методах проведения оценки;",
        ),
        (
            "art_14__subpara_4",
            "subpara",
            "4",
            "4) отказаться от услуг оценщика в случае нарушения им условий договора.",
        ),
        ("note", "Сноска. Статья 14 " + NOTE),
    ]
    assert new.renamed == {
        "14654": {f"art_14__al_{k + 1}": f"art_14__subpara_{k}" for k in (1, 2, 3, 4)}
    }


def test_abzatsy_of_a_point_become_its_subpoints(valuation_ru):
    # ru:141 «в пункте 1:», 143 «абзацы второй-шестой считать соответственно подпунктами
    # 1)-5);», 145 «абзац седьмой изложить в следующей редакции: "6) запрашивать …"»: the
    # seventh block, given a wording numbered «6)», joins the subpoints; the eighth keeps its
    # number (each renumbered block stays one block).
    got = ops("14654", "ru", 143, 145)
    new = apply(valuation_ru, got, VALUATION_ACT)
    assert [(x.eid, x.text[:40]) for x in new.find("art_11__para_1").walk()] == [
        ("art_11__para_1", "1. Оценщик имеет право:"),
        ("art_11__para_1__subpara_1", "1) самостоятельно применять методы оценк"),
        ("art_11__para_1__subpara_2", "2) требовать от заказчика при проведении"),
        ("art_11__para_1__subpara_3", "3) получать у заказчика разъяснения и до"),
        ("art_11__para_1__subpara_4", "4) привлекать по мере необходимости на д"),
        ("art_11__para_1__subpara_5", "5) отказаться от проведения оценки в слу"),
        ("art_11__para_1__subpara_6", "6) запрашивать в письменной или устной ф"),
        ("art_11__para_1__al_8", "В случае, если отказ в предоставлении ук"),
    ]
    assert new.renamed["14654"]["art_11__para_1__al_7"] == "art_11__para_1__subpara_6"


def test_abzatsy_listed_become_the_subpoints_named(valuation_ru):
    # ru:211 «абзацы второй, четвертый, пятый считать соответственно подпунктами 1), 3), 4);»
    # and 213 «абзац третий изложить в следующей редакции: "2) предоставлять …"»: the third
    # block, given a wording numbered «2)», becomes the subpoint 2) between them.
    got = ops("14654", "ru", 211, 213)
    assert [(o.target, o.action, o.new) for o in got][:3] == [
        ("art_15__al_2", "renumber", "art_15__subpara_1"),
        ("art_15__al_4", "renumber", "art_15__subpara_3"),
        ("art_15__al_5", "renumber", "art_15__subpara_4"),
    ]
    assert (got[3].target, got[3].action) == ("art_15__al_3", "replace")
    new = apply(valuation_ru, got, VALUATION_ACT)
    assert unit(new, "art_15") == [
        ("art_15", "art", "15", "Заказчик обязан:"),
        (
            "art_15__subpara_1",
            "subpara",
            "1",
            "1) создавать условия оценщику для своевременного и качественного проведения "
            "оценки в соответствии с договором;",
        ),
        (
            "art_15__subpara_2",
            "subpara",
            "2",
            "2) предоставлять оценщику необходимую для проведения оценки документацию, полную и "
            "достоверную информацию, а также давать необходимые разъяснения, обеспечить доступ "
            "оценщика к объекту оценки;",
        ),
        (
            "art_15__subpara_3",
            "subpara",
            "3",
            "3) не вмешиваться в деятельность оценщика, если это негативно повлияет на "
            "достоверность оценки;",
        ),
        (
            "art_15__subpara_4",
            "subpara",
            "4",
            "4) направлять по требованию оценщика письменный запрос от своего имени в адрес "
            "третьих лиц для получения необходимой для проведения оценки информации.",
        ),
        ("note", "Сноска. Статья 15 " + NOTE),
    ]
    assert new.renamed == {
        "14654": {
            "art_15__al_2": "art_15__subpara_1",
            "art_15__al_4": "art_15__subpara_3",
            "art_15__al_5": "art_15__subpara_4",
            "art_15__al_3": "art_15__subpara_2",
        }
    }


def test_an_abzats_numbered_anew_stays_where_no_sibling_changed_kind(valuation_ru):
    # ru:213 alone (the renumbering of ru:211 left out): no block of art. 15 became a
    # subpoint in this act, so the third block keeps its eId with its new wording.
    got = ops("14654", "ru", 213)
    new = apply(valuation_ru, got, VALUATION_ACT)
    assert [(x.eid, x.text[:20]) for x in new.find("art_15").walk()] == [
        ("art_15", "Заказчик обязан:"),
        ("art_15__al_2", "создавать условия оц"),
        ("art_15__al_3", "2) предоставлять оце"),
        ("art_15__al_4", "не вмешиваться в дея"),
        ("art_15__al_5", "направлять по требов"),
    ]
    assert new.renamed == {}
