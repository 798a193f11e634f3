"""Article 15 of Law No. 88-V: discussion windows, remarks, report, status (issue 6).

The dates of the days off come from the `holidays` library (pinned), each day citing the act
that sets it where generator/data/calendar.yml quotes one. A window is provisional only where
a day in it is unknown: a year after the library's last year of transfers (2025 in 0.108),
or a movable date the library estimates (Kurban ait 2026) falling in or next to it.
"""

import datetime as dt

import pytest
import yaml
from conftest import REPO

from generator import discussion as disc
from generator.discussion import (
    CalendarError,
    is_working_day,
    load_remarks,
    posting_due,
    report,
    rule_for,
    rule_of,
    status,
    validate_remarks,
    window,
)
from generator.model import DateSpec
from generator.parse import parse_markdown

D = dt.date
ACT = REPO / "corpus" / "Z1300000088"


def _codes(w):
    return [n["code"] for n in w.notes]


# -- the data is the corpus ------------------------------------------------------------------


def test_article15_quotes_are_the_corpus_text_byte_exact():
    for ed in disc.editions():
        for eid, texts in ed["quotes"].items():
            for lang, text in texts.items():
                act = parse_markdown((ACT / ed["id"] / f"{lang}.md").read_text("utf-8"), lang)
                idx = act.index()
                if eid == "art_15__heading":
                    assert idx["art_15"].heading == text
                else:
                    assert idx[eid].text == text, (ed["id"], eid, lang)


def test_article15_in_force_is_the_edition_date_of_act_yml():
    meta = yaml.safe_load((ACT / "act.yml").read_text("utf-8"))
    dates = {e["id"]: e["date"] for e in meta["editions"]}
    for ed in disc.editions():
        assert ed["in_force"] == dates[ed["id"]]
        DateSpec.parse(ed["in_force"])
    assert disc.law_meta()["number"] == meta["number"] == "88-V"


def test_the_rule_data_says_what_the_quoted_text_says():
    old = rule_of("partial-before-Z1500000408")
    assert "күнтізбелік отыз күн ішінде" in old.quotes["art_15__para_3"]["kk"]
    assert "бес жұмыс күні ішінде" in old.quotes["art_15__para_2"]["kk"]
    assert (old.length, old.unit, old.posting_deadline["length"]) == (30, "calendar", 5)
    for ed in ("Z1900000272", "Z2200000129"):
        r = rule_of(ed)
        assert "в течение десяти рабочих дней" in r.quotes["art_15__para_3"]["ru"]
        assert "в течение пяти рабочих дней" in r.quotes["art_15__para_2"]["ru"]
        assert (r.length, r.unit, r.posting_deadline["unit"]) == (10, "working", "working")
    new = rule_of("Z2200000141")
    assert "он жұмыс күні ішінде" in new.quotes["art_15__para_3"]["kk"]
    assert "жұмыс күні" not in new.quotes["art_15__para_2"]["kk"]
    assert (new.length, new.unit, new.posting_deadline) == (10, "working", None)
    for ed in disc.editions():
        late = rule_of(ed["id"]).quotes["art_15__para_4__al_5"]
        assert "қарауға жатпайды" in late.get("kk", "") or "не подлежат рассмотрению" in late["ru"]


def test_calendar_entries_cite_quoted_provisions():
    data = yaml.safe_load((REPO / "generator" / "data" / "calendar.yml").read_text("utf-8"))
    for item in data["fixed"]:
        quote = data["quotes"][item["quote"]]
        assert quote["act"] in data["acts"]
        assert item["name"]["ru"] in quote["ru"], item
        if "kk" in item["name"]:
            assert item["name"]["kk"] in quote["kk"], item
    for q in data["quotes"].values():
        assert "kz_laws" in data["acts"][q["act"]]
    assert "years" not in data  # the dates are the library's (issue 15, item 10)


# -- which edition governs ---------------------------------------------------------------------


def test_rule_for_a_day_with_one_edition_in_force():
    rule, warnings = rule_for(D(2017, 6, 1))
    assert rule.editions == ("partial-before-Z1500000408",) and warnings == []


def test_rule_for_names_every_candidate_edition_and_never_picks():
    rule, warnings = rule_for(D(2023, 3, 15))
    assert rule is None
    for ed in ("partial-before-Z1500000408", "Z1900000272", "Z2200000129", "Z2200000141"):
        assert ed in warnings[0]
    assert "differ on the discussion period" in warnings[1]


def test_rule_for_inside_the_uncertain_range_of_the_oldest_edition():
    rule, warnings = rule_for(D(2014, 6, 2))
    assert rule is None
    assert "an earlier wording not stored" in warnings[0]
    assert "partial-before-Z1500000408 (in force between 2013-04-16 and 2016-02-29)" in warnings[0]
    assert rule_for(D(2012, 1, 10)) == (
        None,
        ["no stored edition of article 15 can be in force on 2012-01-10"],
    )


# -- the calendar --------------------------------------------------------------------------------


def test_holidays_and_moved_days_off():
    assert not is_working_day(D(2023, 3, 22))  # Наурыз мейрамы
    assert not is_working_day(D(2023, 1, 3))  # 1 January 2023 is a Sunday → 3 January off
    assert not is_working_day(D(2023, 5, 8))  # 7 May 2023 is a Sunday
    assert not is_working_day(D(2023, 12, 18))  # 16 December 2023 is a Saturday
    assert not is_working_day(D(2024, 3, 25))  # 23 March 2024 is a Saturday
    assert not is_working_day(D(2024, 7, 8))  # 6 July 2024 is a Saturday
    assert is_working_day(D(2024, 1, 8))  # 7 January 2024 (Sunday) does not move
    assert is_working_day(D(2023, 1, 9))
    assert disc.day_reasons(D(2023, 5, 8))[0]["moved_from"] == "2023-05-07"


def test_years_the_library_does_not_cover_are_refused():
    with pytest.raises(CalendarError, match=r"calendar has no data for 1990 \(holidays 0.108"):
        window(D(1990, 3, 3), rule_of("Z2200000141"))


def test_every_day_off_says_where_it_comes_from():
    lib = {"library": "holidays", "version": "0.108"}
    # Government decree transfer: Saturday 1 July 2023 worked, Friday 7 July off.
    assert disc.day_reasons(D(2023, 7, 7)) == [
        {
            "source": lib,
            "name": {
                "kk": "Демалыс күні (01.07.2023 бастап ауыстырылды)",
                "ru": "Перенесённый выходной день (с 01.07.2023)",
            },
            "quote": "labour_code_art_85_3",
            "transfer_from": "2023-07-01",
        }
    ]
    assert is_working_day(D(2023, 7, 1)) and not is_working_day(D(2023, 7, 7))
    # Kurban ait 2023 (28 June), cited to the Labour Code art. 84 p. 5.
    assert disc.day_reasons(D(2023, 6, 28)) == [
        {"source": lib, "name": {"kk": "Құрбан айт", "ru": "Курбан-айт"},
         "quote": "labour_code_art_84_5"}
    ]  # fmt: skip
    # 22 and 23 March 2025 fell on a Saturday and a Sunday: 24 and 25 March are off.
    assert [r["moved_from"] for d in (24, 25) for r in disc.day_reasons(D(2025, 3, d))] == [
        "2025-03-22",
        "2025-03-23",
    ]


# -- windows ---------------------------------------------------------------------------------------


def test_window_ten_working_days_crossing_nauryz():
    w = window(D(2023, 3, 15), rule_of("Z2200000141"))
    assert (w.posted, w.opens, w.closes) == (D(2023, 3, 15), D(2023, 3, 16), D(2023, 4, 3))
    assert not w.provisional and _codes(w) == []
    assert [d["date"] for d in w.days_off] == ["2023-03-21", "2023-03-22", "2023-03-23"]
    assert w.citation["ru"] == (
        "пункт 3 статьи 15 Закона Республики Казахстан от 15 апреля 2013 года № 88-V "
        "«О государственных услугах»"
    )
    assert w.citation["counting"] == ["civil_code_art_173", "civil_code_art_175"]


def test_window_under_the_russian_editions_and_the_posting_deadline():
    for ed in ("Z1900000272", "Z2200000129"):
        w = window(D(2023, 3, 15), rule_of(ed), registered=D(2023, 3, 17))
        assert w.closes == D(2023, 4, 3)
        assert w.posting_due == D(2023, 3, 29)  # five working days, 21–23 March off
        assert "posted_late" not in _codes(w)
    late = window(D(2023, 3, 15), rule_of("Z2200000129"), registered=D(2023, 3, 1))
    assert late.posting_due == D(2023, 3, 9)  # 8 March is a holiday
    assert "posted_late" in _codes(late)
    assert "2023-03-09" in late.notes[-1]["ru"]
    unknown = window(D(2023, 3, 15), rule_of("Z2200000129"))
    assert _codes(unknown)[-1] == "registered_unknown"


def test_no_posting_deadline_after_law_141_vii():
    assert posting_due(D(2023, 3, 1), rule_of("Z2200000141")) is None
    w = window(D(2023, 3, 15), rule_of("Z2200000141"), registered=D(2023, 3, 1))
    assert w.posting_due is None and "posted_late" not in _codes(w)


def test_window_thirty_calendar_days():
    w = window(D(2023, 3, 15), rule_of("partial-before-Z1500000408"))
    assert w.closes == D(2023, 4, 14) and "end_moved" not in _codes(w)


def test_window_that_ends_on_a_weekend():
    w = window(D(2023, 2, 9), rule_of("partial-before-Z1500000408"))
    assert w.closes == D(2023, 3, 13)  # day 30 is Saturday 11 March
    assert w.notes[0]["code"] == "end_moved" and "2023-03-11" in w.notes[0]["kk"]


def test_window_that_ends_on_a_holiday_followed_by_more_days_off():
    # day 30 is Sunday 7 May 2023 (День защитника Отечества); 8 May is the moved day off,
    # 9 May День Победы: the period ends on Wednesday 10 May.
    w = window(D(2023, 4, 7), rule_of("partial-before-Z1500000408"))
    assert w.closes == D(2023, 5, 10)


def test_window_across_the_new_year():
    w = window(D(2023, 12, 22), rule_of("Z2200000141"))
    assert w.closes == D(2024, 1, 9)  # 1–2 January off; 7 January is a Sunday
    assert not w.provisional and _codes(w) == []


def test_window_posted_in_march_2025_with_the_holidays_library():
    # Posted Thursday 13 March 2025: ten working days from 14 March; 21 March (Nauryz) and
    # 24-25 March (22-23 March fell on the weekend) are off.
    w = window(D(2025, 3, 13), rule_of("Z2200000141"))
    assert (w.opens, w.closes, w.provisional) == (D(2025, 3, 14), D(2025, 4, 1), False)
    assert [(d["date"], d["reasons"][0]["quote"]) for d in w.days_off] == [
        ("2025-03-21", "holidays_law_art_3"),
        ("2025-03-22", "holidays_law_art_3"),
        ("2025-03-23", "holidays_law_art_3"),
        ("2025-03-24", "holidays_law_art_5"),
        ("2025-03-25", "holidays_law_art_5"),
    ]


def test_window_provisional_only_where_a_day_is_unknown():
    rule = rule_of("Z2200000141")
    # 2026: no transfers in holidays 0.108, and Kurban ait (27 May) only estimated.
    w = window(D(2026, 5, 20), rule)
    assert (w.closes, w.provisional) == (D(2026, 6, 4), True)
    assert _codes(w) == ["transfers_unknown", "movable_estimated"]
    assert w.notes[1]["ru"] == (
        "Курбан-айт: дата 27.05.2026 дана библиотекой holidays 0.108 как расчётная и может "
        "затронуть срок; срок является предварительным."
    )
    # Kurban ait 2025 (6 June) is confirmed and 2025's transfers known: not provisional,
    # and a window far from an estimated date is never marked for it.
    june = window(D(2025, 5, 30), rule)
    assert (june.closes, june.provisional, _codes(june)) == (D(2025, 6, 16), False, [])
    assert [d["date"] for d in june.days_off if not d["working"]] == ["2025-06-06"]


def test_override_is_shown_with_its_reason():
    rule = rule_of("Z2200000141")
    w = window(D(2023, 3, 15), rule, override={"closes": "2023-04-05", "reason": "test reason"})
    assert (w.closes, w.computed) == (D(2023, 4, 5), D(2023, 4, 3))
    assert "test reason" in w.notes[-1]["ru"] and w.override["closes"] == "2023-04-05"
    uncovered = window(D(1990, 3, 3), rule, override={"closes": D(1990, 3, 17), "reason": "r"})
    assert uncovered.closes == D(1990, 3, 17) and uncovered.computed is None
    assert _codes(uncovered) == ["calendar_missing", "override"]
    with pytest.raises(ValueError, match="reason"):
        window(D(2023, 3, 15), rule, override={"closes": "2023-04-05"})


# -- remarks, report, status -------------------------------------------------------------------


REMARKS = """\
- received: 2023-03-20
  unit: art_1__subpara_1
  author: individual
  summary: {ru: замечание к подпункту 1}
  decision: accepted
  reasons: {ru: обоснование}
- received: 2023-04-03
  unit: art_2
  author: legal_entity
  summary: {kk: ескертпе}
  decision: null
- received: 2023-04-04
  unit: art_1
  author: individual
  summary: {ru: замечание на следующий день после срока}
  decision: null
"""


@pytest.fixture
def draft():
    text = (REPO / "drafts" / "DP1200001579" / "kk.md").read_text("utf-8")
    return {"kk": parse_markdown(text, "kk", "drafts/DP1200001579/kk.md")}


def test_a_remark_one_day_late_is_not_considered(tmp_path, draft):
    path = tmp_path / "remarks.yml"
    path.write_text(REMARKS, encoding="utf-8")
    w = window(D(2023, 3, 15), rule_of("Z2200000141"))
    remarks, errors = validate_remarks(load_remarks(path), draft, w, "remarks.yml")
    assert errors == []
    assert [r.status for r in remarks] == ["in_time", "in_time", "late"]
    late = remarks[2]
    assert late.line == 12  # the line of its «- received:»
    assert late.status_text["kk"].startswith("мерзім өткеннен кейін келіп түсті, қарауға жатпайды")
    assert late.status_text["ru"] == (
        "поступило по истечении срока, не подлежит рассмотрению (абзац 5 пункта 4 статьи 15 "
        "Закона Республики Казахстан от 15 апреля 2013 года № 88-V «О государственных услугах»)"
    )


def test_remark_errors_name_file_line_and_unit(tmp_path, draft):
    path = tmp_path / "remarks.yml"
    path.write_text(
        "- {received: 2023-03-20, unit: art_99, author: individual, summary: {ru: x}}\n"
        "- {received: 2023-03-21, unit: art_1, author: individual, summary: {ru: x},"
        " decision: rejected}\n"
        "- {received: 2023-04-04, unit: art_2, author: individual, summary: {ru: x},"
        " decision: rejected, reasons: {ru: y}}\n",
        encoding="utf-8",
    )
    w = window(D(2023, 3, 15), rule_of("Z2200000141"))
    _, errors = validate_remarks(load_remarks(path), draft, w, "drafts/X/remarks.yml")
    assert errors[0] == (
        "drafts/X/remarks.yml:1: remark 1 (art_99): unknown unit 'art_99' "
        "(not in the draft's kk text)"
    )
    assert (
        errors[1] == "drafts/X/remarks.yml:2: remark 2 (art_1): decision 'rejected' without reasons"
    )
    assert errors[2].startswith("drafts/X/remarks.yml:3: remark 3 (art_2): received 2023-04-04")
    assert len(errors) == 3


def test_report_follows_article_15_point_4(tmp_path, draft):
    path = tmp_path / "remarks.yml"
    path.write_text(REMARKS, encoding="utf-8")
    w = window(D(2023, 3, 15), rule_of("Z2200000141"))
    remarks, _ = validate_remarks(load_remarks(path), draft, w)
    r = report(remarks, w, "ru")
    assert [q["eid"] for q in r["basis"]["quotes"]] == list(rule_of("Z2200000141").report_eids)
    assert r["basis"]["quotes"][0]["lang"] == "kk"  # this edition exists in Kazakh only
    first = r["remarks"][0]
    assert (first["author_label"], first["decision_label"], first["reasons"]) == (
        "физическое лицо",
        "принято",
        "обоснование",
    )
    assert r["remarks"][1]["summary_lang"] == "kk"
    assert [x["received"] for x in r["not_considered"]] == ["2023-04-04"]
    assert r["totals"] == {
        "received": 3,
        "considered": 2,
        "accepted": 1,
        "partly": 0,
        "rejected": 0,
        "undecided": 1,
        "not_considered": 1,
    }
    assert r["missing"] == ["decisions", "revised_draft"]
    done = report(remarks[:1], w, "kk", revised_draft={"url": "https://example.invalid/draft"})
    assert done["missing"] == [] and done["remarks"][0]["author_label"] == "жеке тұлға"


def test_status():
    meta = yaml.safe_load((REPO / "drafts" / "DP1200001579" / "act.yml").read_text("utf-8"))
    s = status(meta, None, D(2024, 1, 1))
    assert s["kind"] == "not_applicable" and s["act"] == "Z1300000088"
    w = window(D(2023, 3, 15), rule_of("Z2200000141"))
    assert status({}, w, D(2023, 3, 15)) == {
        "kind": "open",
        "until": D(2023, 4, 3),
        "provisional": False,
    }
    assert status({}, w, D(2023, 4, 4))["kind"] == "closed"
    assert status({"adopted_as": "V1300008549"}, w, D(2023, 4, 4)) == {
        "kind": "adopted",
        "act": "V1300008549",
    }
