"""Round 9's held-out acts (benchmarks/realworld-sample, 1997-2024): 25 bilingual amending acts
nobody had tuned on, measured before any tuning (fresh-round9.md). The pins are the figures as
measured: a change to the grammar that moves them must say so in fresh-round9.md («After
tuning») and update them here."""

from __future__ import annotations

from conftest import REPO, assert_recorded, grammar_report_of, report_per_act, rows_after

from generator.formulas.source import read_file

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"

# the round's acts, by number (README.md «Round 9», index.tsv)
ROUND9 = (
    "920",
    "2020",
    "13464",
    "14730",
    "15768",
    "22466",
    "23664",
    "26340",
    "28678",
    "28750",
    "40592",
    "43168",
    "46926",
    "49292",
    "51288",
    "59918",
    "78320",
    "81158",
    "84262",
    "91690",
    "104210",
    "109670",
    "153484",
    "161992",
    "169792",
)


# The held-out measurement, before any tuning (fresh-round9.md, «zan grammar-report» and «Per
# act»): the record, kept as measured; the tests below pin the figures after tuning.
BEFORE_SUMMARY = [
    "# Grammar report: 25 amending act(s)",
    "",
    "| language | instructions | read | not read | read % | acts fully read | operations | no change in this language | provisions (no amendment) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| kk | 732 | 706 | 26 | 96.4 % | 13 / 25 (52.0 %) | 885 | 4 | 24 |",
    "| ru | 736 | 722 | 14 | 98.1 % | 18 / 25 (72.0 %) | 868 | 1 | 25 |",
    "",
    "kk ↔ ru: 14 / 25 acts agree outright (56.0 %), 0 more differ only by real differences of the two texts (56.0 % in all), 11 disagree; of the 12 acts read fully in both languages, 6 agree outright (50.0 %), 0 differ only by real differences, 6 disagree. Real differences listed: 0; differences where one language's instruction was not read (counted under not read): 47.",
]
BEFORE_PER_ACT = [
    "| act | kk read | kk not read | ru read | ru not read | kk ops | ru ops | kk↔ru disagreements | real differences | not judged (not read) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| 920 | 42 | 2 | 42 | 1 | 55 | 54 | 74 | 0 | 2 |",
    "| 2020 | 28 | 3 | 30 | 1 | 33 | 36 | 0 | 0 | 4 |",
    "| 13464 | 45 | 2 | 46 | 1 | 49 | 48 | 0 | 0 | 2 |",
    "| 14730 | 5 | 0 | 5 | 0 | 5 | 5 | 0 | 0 | 0 |",
    "| 15768 | 64 | 1 | 65 | 0 | 78 | 78 | 2 | 0 | 2 |",
    "| 22466 | 28 | 1 | 29 | 0 | 41 | 41 | 0 | 0 | 0 |",
    "| 23664 | 18 | 0 | 18 | 0 | 22 | 21 | 1 | 0 | 0 |",
    "| 26340 | 25 | 3 | 28 | 0 | 27 | 35 | 0 | 0 | 3 |",
    "| 28678 | 20 | 1 | 20 | 1 | 25 | 25 | 0 | 0 | 0 |",
    "| 28750 | 12 | 0 | 12 | 0 | 15 | 13 | 2 | 0 | 0 |",
    "| 40592 | 15 | 0 | 15 | 0 | 16 | 16 | 0 | 0 | 0 |",
    "| 43168 | 8 | 1 | 9 | 0 | 13 | 16 | 1 | 0 | 4 |",
    "| 46926 | 60 | 0 | 64 | 0 | 83 | 78 | 0 | 0 | 0 |",
    "| 49292 | 35 | 0 | 35 | 0 | 43 | 37 | 5 | 0 | 0 |",
    "| 51288 | 50 | 0 | 51 | 0 | 63 | 58 | 1 | 0 | 0 |",
    "| 59918 | 22 | 0 | 20 | 5 | 29 | 22 | 2 | 0 | 6 |",
    "| 78320 | 13 | 0 | 13 | 0 | 18 | 18 | 0 | 0 | 0 |",
    "| 81158 | 17 | 1 | 17 | 1 | 21 | 21 | 0 | 0 | 0 |",
    "| 84262 | 41 | 0 | 41 | 0 | 53 | 52 | 1 | 0 | 0 |",
    "| 91690 | 9 | 0 | 8 | 0 | 19 | 11 | 3 | 0 | 0 |",
    "| 104210 | 100 | 9 | 104 | 4 | 120 | 125 | 6 | 0 | 23 |",
    "| 109670 | 13 | 1 | 14 | 0 | 17 | 18 | 0 | 0 | 1 |",
    "| 153484 | 5 | 0 | 5 | 0 | 7 | 7 | 0 | 0 | 0 |",
    "| 161992 | 23 | 1 | 23 | 0 | 25 | 25 | 0 | 0 | 0 |",
    "| 169792 | 8 | 0 | 8 | 0 | 8 | 8 | 0 | 0 | 0 |",
]


def _read_mutated(tmp_path, act: str, lang: str, line: int, old: str, new: str):
    """read_file on the sample's ``act`` in ``lang`` with ``old``, found once on ``line``
    (1-based), replaced by ``new``: a minimal mutation of a real text."""
    lines = (SAMPLE / act / f"{lang}.md").read_text(encoding="utf-8").split("\n")
    assert lines[line - 1].count(old) == 1
    lines[line - 1] = lines[line - 1].replace(old, new)
    src = tmp_path / f"{lang}.md"
    src.write_text("\n".join(lines), encoding="utf-8")
    return read_file(str(src), lang)[0]


def _report(tmp_path) -> list[str]:
    return grammar_report_of(SAMPLE, ROUND9, tmp_path, "2026-12-02")


def test_the_record_before_tuning_is_the_one_in_fresh_round9_md():
    assert_recorded("fresh-round9.md", "## After tuning", BEFORE_SUMMARY[2:] + BEFORE_PER_ACT)


# What tuning moved (fresh-round9.md «After tuning»)
AFTER_SUMMARY = {
    "kk ↔ ru": "kk ↔ ru: 14 / 25 acts agree outright (56.0 %), 0 more differ only by real differences of the two texts (56.0 % in all), 11 disagree; of the 12 acts read fully in both languages, 6 agree outright (50.0 %), 0 differ only by real differences, 6 disagree. Real differences listed: 0; differences where one language's instruction was not read (counted under not read): 41.",
    "ru": "| ru | 736 | 723 | 13 | 98.2 % | 18 / 25 (72.0 %) | 869 | 1 | 25 |",
    "kk": "| kk | 728 | 705 | 23 | 96.8 % | 13 / 25 (52.0 %) | 884 | 6 | 24 |",
}
AFTER_PER_ACT = {
    "920": "| 920 | 42 | 1 | 42 | 1 | 55 | 54 | 8 | 0 | 0 |",
    "26340": "| 26340 | 25 | 1 | 28 | 0 | 27 | 35 | 0 | 0 | 1 |",
    "104210": "| 104210 | 100 | 9 | 105 | 3 | 120 | 126 | 3 | 0 | 20 |",
    "161992": "| 161992 | 22 | 1 | 23 | 0 | 24 | 25 | 0 | 0 | 1 |",
}


# What reading the differences moved (fresh-round9.md «After reading the differences»): the
# 11 acts that disagreed, each difference read in both texts, listed in
# generator/grammar/real-differences.yml or fixed in the reader (104210 ru:41, a subpoint
# numbered without its bracket; 91690 kk:7, covered by the Russian record of no change of
# article 261)
AFTER_READING_SUMMARY = {
    "kk ↔ ru": "kk ↔ ru: 14 / 25 acts agree outright (56.0 %), 11 more differ only by real differences of the two texts (100.0 % in all), 0 disagree; of the 12 acts read fully in both languages, 6 agree outright (50.0 %), 6 differ only by real differences, 0 disagree. Real differences listed: 25; differences where one language's instruction was not read (counted under not read): 41.",
}
AFTER_READING_PER_ACT = {
    "920": "| 920 | 42 | 1 | 42 | 1 | 55 | 54 | 0 | 8 | 0 |",
    "15768": "| 15768 | 64 | 1 | 65 | 0 | 78 | 78 | 0 | 2 | 2 |",
    "23664": "| 23664 | 18 | 0 | 18 | 0 | 22 | 21 | 0 | 1 | 0 |",
    "28750": "| 28750 | 12 | 0 | 12 | 0 | 15 | 13 | 0 | 2 | 0 |",
    "43168": "| 43168 | 8 | 1 | 9 | 0 | 13 | 16 | 0 | 1 | 4 |",
    "49292": "| 49292 | 35 | 0 | 35 | 0 | 43 | 37 | 0 | 5 | 0 |",
    "51288": "| 51288 | 50 | 0 | 51 | 0 | 63 | 58 | 0 | 1 | 0 |",
    "59918": "| 59918 | 22 | 0 | 20 | 5 | 29 | 22 | 0 | 2 | 6 |",
    "84262": "| 84262 | 41 | 0 | 41 | 0 | 53 | 52 | 0 | 1 | 0 |",
    "91690": "| 91690 | 9 | 0 | 8 | 0 | 19 | 11 | 0 | 1 | 0 |",
    "104210": "| 104210 | 100 | 9 | 105 | 3 | 120 | 126 | 0 | 1 | 20 |",
}


# What the round's missing formulas moved (fresh-round9.md «After round-9 formulas»): 13464
# kk:103 a Kazakh record of no change («… қазақша нұсқасы өзгеріссіз қалады», kk.lang_only);
# 43168 kk:29 several anchors in one instruction (kk.insert_words_units_own_anchors) and the
# абзац «"…" деп жазылсын» after it (kk.replace_unit_written; a listed real difference);
# 81158 kk:63 / ru:69 two headings of the table of contents, one quotation each; 59918 ru:7,
# 63 straight quotes inside the quoted wordings («"одного окна"», the importer's quotation);
# 2020 kk:151 / ru:153 sections with compound Roman numbers («VI-I, VI-II и VI-III»)
AFTER_FORMULAS_SUMMARY = {
    "kk ↔ ru": "kk ↔ ru: 14 / 25 acts agree outright (56.0 %), 11 more differ only by real differences of the two texts (100.0 % in all), 0 disagree; of the 15 acts read fully in both languages, 7 agree outright (46.7 %), 8 differ only by real differences, 0 disagree. Real differences listed: 26; differences where one language's instruction was not read (counted under not read): 29.",
    "kk": "| kk | 727 | 708 | 19 | 97.4 % | 15 / 25 (60.0 %) | 893 | 7 | 24 |",
    "ru": "| ru | 733 | 727 | 6 | 99.2 % | 21 / 25 (84.0 %) | 880 | 1 | 25 |",
}
AFTER_FORMULAS_PER_ACT = {
    "13464": "| 13464 | 45 | 1 | 46 | 1 | 49 | 48 | 0 | 0 | 0 |",
    "43168": "| 43168 | 9 | 0 | 9 | 0 | 17 | 16 | 0 | 2 | 0 |",
    "81158": "| 81158 | 18 | 0 | 18 | 0 | 23 | 23 | 0 | 0 | 0 |",
    "59918": "| 59918 | 22 | 0 | 22 | 0 | 29 | 28 | 0 | 2 | 0 |",
    "2020": "| 2020 | 29 | 2 | 31 | 0 | 36 | 39 | 0 | 0 | 4 |",
}


# What the repair of two Kazakh misprints moved: 15768 kk:27 «18-1)және 23-1)
# тармақшалармен» (a sub-item's number glued to «және») and 109670 kk:13 «мынадай
# реадакцияда» (a letter too many), each read as the Russian reads it
AFTER_MISPRINTS_SUMMARY = {
    "kk ↔ ru": "kk ↔ ru: 14 / 25 acts agree outright (56.0 %), 11 more differ only by real differences of the two texts (100.0 % in all), 0 disagree; of the 17 acts read fully in both languages, 8 agree outright (47.1 %), 9 differ only by real differences, 0 disagree. Real differences listed: 26; differences where one language's instruction was not read (counted under not read): 26.",
    "kk": "| kk | 727 | 710 | 17 | 97.7 % | 17 / 25 (68.0 %) | 896 | 7 | 24 |",
}
AFTER_MISPRINTS_PER_ACT = {
    "15768": "| 15768 | 65 | 0 | 65 | 0 | 80 | 78 | 0 | 2 | 0 |",
    "109670": "| 109670 | 14 | 0 | 14 | 0 | 18 | 18 | 0 | 0 | 0 |",
}


# What reading two slips moved (tests/test_formulas_slips.py): 104210 kk:153, ru:87 and
# ru:169, instructions closed by «:» with no wording after them, read (the repair reported);
# kk:181 «1/-тармақшасы», a misprinted number, reported instead of read as point 4's end;
# ru:99 «часть, первую считать частью второй;», a stray comma dropped (the repair reported)
AFTER_SLIPS_SUMMARY = {
    "kk ↔ ru": "kk ↔ ru: 14 / 25 acts agree outright (56.0 %), 11 more differ only by real differences of the two texts (100.0 % in all), 0 disagree; of the 17 acts read fully in both languages, 8 agree outright (47.1 %), 9 differ only by real differences, 0 disagree. Real differences listed: 26; differences where one language's instruction was not read (counted under not read): 15.",
    "ru": "| ru | 733 | 730 | 3 | 99.6 % | 22 / 25 (88.0 %) | 883 | 1 | 25 |",
}
AFTER_SLIPS_PER_ACT = {
    "104210": "| 104210 | 100 | 9 | 108 | 0 | 120 | 129 | 0 | 1 | 9 |",
}


# What repairing lost quote marks in lists moved (tests/test_formulas_lost_marks.py, session
# 18): 26340 kk:7 «…, қалыпты бағасын", …» and 22466 kk:75 «"І", "II, "III"» read, each repair
# reported
AFTER_LOST_MARKS_SUMMARY = {
    "kk ↔ ru": "kk ↔ ru: 14 / 25 acts agree outright (56.0 %), 11 more differ only by real differences of the two texts (100.0 % in all), 0 disagree; of the 19 acts read fully in both languages, 10 agree outright (52.6 %), 9 differ only by real differences, 0 disagree. Real differences listed: 26; differences where one language's instruction was not read (counted under not read): 14.",
    "kk": "| kk | 727 | 712 | 15 | 97.9 % | 19 / 25 (76.0 %) | 907 | 7 | 24 |",
}
AFTER_LOST_MARKS_PER_ACT = {
    "22466": "| 22466 | 29 | 0 | 29 | 0 | 44 | 41 | 0 | 0 | 0 |",
    "26340": "| 26340 | 26 | 0 | 28 | 0 | 35 | 35 | 0 | 0 | 0 |",
}


def test_the_round_as_read_after_tuning(tmp_path):
    lines = _report(tmp_path)
    summary = rows_after(rows_after(BEFORE_SUMMARY, AFTER_SUMMARY), AFTER_READING_SUMMARY)
    summary = rows_after(summary, AFTER_FORMULAS_SUMMARY)
    summary = rows_after(summary, AFTER_MISPRINTS_SUMMARY)
    summary = rows_after(summary, AFTER_SLIPS_SUMMARY)
    assert lines[:8] == rows_after(summary, AFTER_LOST_MARKS_SUMMARY)
    per_act = rows_after(rows_after(BEFORE_PER_ACT, AFTER_PER_ACT), AFTER_READING_PER_ACT)
    per_act = rows_after(per_act, AFTER_FORMULAS_PER_ACT)
    per_act = rows_after(per_act, AFTER_MISPRINTS_PER_ACT)
    per_act = rows_after(per_act, AFTER_SLIPS_PER_ACT)
    assert report_per_act(lines) == rows_after(per_act, AFTER_LOST_MARKS_PER_ACT)


# Every instruction of the round not read before tuning, by act and language: (line, reason),
# as `zan ops` reported them on stderr (fresh-round9.md «Instructions not read» reads each by
# hand): the record, kept as measured.
UNREAD_BEFORE = {
    ("920", "kk"): [
        (
            11,
            "6 old and 5 new words do not pair (one new for each old one, or one for all): which new words replace which old ones the act does not say",
        ),
        (
            97,
            "no formula: W W W Q W W W W W W W W W W W W W W W , W W . , W W W , W W ; W W W W , W W . , W W , W W ; W W , W W ; W W , W W ; W W . , W W , W W ; W W W , W W ; W W , W W :",
        ),
    ],
    ("920", "ru"): [
        (
            11,
            "no formula: N Q , Q , Q , Q , Q , Q , Q V:subst RESP NI , Q , Q , Q , Q , Q , Q , Q ;",
        ),
    ],
    ("2020", "kk"): [
        (151, "no formula: CONTENT W W , W W AND W W W V:insert :"),
        (355, "cannot split the new text among subpara ['9', '10']"),
        (371, "cannot split the new text among subpara ['6', '7']"),
    ],
    ("2020", "ru"): [
        (153, "no formula: V:insert W W W , W W AND W W CONTENT :"),
    ],
    ("13464", "kk"): [
        (
            67,
            "1 old and 2 new words do not pair (one new for each old one, or one for all): which new words replace which old ones the act does not say",
        ),
        (101, "a quoted wording follows, but no formula says what to do with it"),
    ],
    ("13464", "ru"): [
        (
            67,
            "1 old and 2 new words do not pair (one new for each old one, or one for all): which new words replace which old ones the act does not say",
        ),
    ],
    ("15768", "kk"): [
        (27, "no formula: CONTENT W W AND UI:subpara V:insert :"),
    ],
    ("22466", "kk"): [
        (
            75,
            "2 old and 3 new words do not pair (one new for each old one, or one for all): which new words replace which old ones the act does not say",
        ),
    ],
    ("26340", "kk"): [
        (
            7,
            "no formula: ALL Q , Q , W W Q , Q , Q , Q , Q N RESP Q , Q , Q , Q , Q , Q , Q , Q NI V:subst ;",
        ),
        (51, "looks like an instruction but was not read (has an instruction verb)"),
        (97, "looks like an instruction but was not read (has an instruction verb)"),
    ],
    ("28678", "kk"): [
        (
            15,
            "13 old and 8 new words do not pair (one new for each old one, or one for all): which new words replace which old ones the act does not say",
        ),
    ],
    ("28678", "ru"): [
        (
            15,
            "3 old and 2 new words do not pair (one new for each old one, or one for all): which new words replace which old ones the act does not say",
        ),
    ],
    ("43168", "kk"): [
        (
            29,
            "no formula: U:art U:al_part U:subpara U:al Q N BEFORE , U:al Q N BEFORE , U:al Q N BEFORE Q NI V:insert",
        ),
    ],
    ("59918", "ru"): [
        (7, "cannot split the new text among para ['2-8', '2-9', '2-10']"),
        (11, "looks like an instruction but was not read (quotes words)"),
        (15, "looks like an instruction but was not read (quotes words)"),
        (63, "cannot split the new text among subpara ['30-1', '30-2', '30-3']"),
        (69, "looks like an instruction but was not read (quotes words)"),
    ],
    ("81158", "kk"): [
        (63, "cannot split the new headings among 2 units"),
    ],
    ("81158", "ru"): [
        (69, "cannot split the new headings among 2 units"),
    ],
    ("104210", "kk"): [
        (153, "no formula: U:art U:para Q N Q NI V:subst :"),
        (231, "looks like an instruction but was not read (quotes words)"),
        (233, "no formula: U:art U:al Q N Q NI V:subst :"),
        (235, "no formula: U:art U:para U:al Q N Q NI V:subst :"),
        (239, "inside a scope not read (the act cited at line 265 is not read)"),
        (241, "inside a scope not read (the act cited at line 265 is not read)"),
        (243, "inside a scope not read (the act cited at line 265 is not read)"),
        (245, "no formula: U:art U:para U:al Q N Q NI V:subst :"),
        (247, "inside a scope not read (the act cited at line 265 is not read)"),
    ],
    ("104210", "ru"): [
        (87, "no formula: W U:subpara N Q V:delete :"),
        (99, "no formula: W , W V:renumber UI:al_part ;"),
        (155, "no formula: U:subpara U:para U:art V:insert NI Q W U:art :"),
        (169, "no formula: W U:para U:art N Q V:subst NI Q :"),
    ],
    ("109670", "kk"): [
        (13, "a quoted wording follows, but no formula says what to do with it"),
    ],
    ("161992", "kk"): [
        (105, "looks like an instruction but was not read (names a unit)"),
    ],
}

# What tuning moved (fresh-round9.md «After tuning»): the (line, reason) pairs no longer
# reported and those reported now, by act and language
_SCOPE_265 = "inside a scope not read (the act cited at line 265 is not read)"
_SCOPE_231 = "inside a scope not read (the act cited at line 231 is not read)"
UNREAD_FIXED: dict[tuple[str, str], list] = {
    ("161992", "kk"): [(105, "looks like an instruction but was not read (names a unit)")],
    ("920", "kk"): [x for x in UNREAD_BEFORE[("920", "kk")] if x[0] == 97],
    ("104210", "kk"): [(n, _SCOPE_265) for n in (239, 241, 243, 247)],
    ("104210", "ru"): [x for x in UNREAD_BEFORE[("104210", "ru")] if x[0] == 155],
    ("26340", "kk"): UNREAD_BEFORE[("26340", "kk")],  # kk:7 a lost mark, session 18
    # round-9 formulas (fresh-round9.md «After round-9 formulas»)
    ("13464", "kk"): [x for x in UNREAD_BEFORE[("13464", "kk")] if x[0] == 101],
    ("43168", "kk"): UNREAD_BEFORE[("43168", "kk")],
    ("81158", "kk"): UNREAD_BEFORE[("81158", "kk")],
    ("81158", "ru"): UNREAD_BEFORE[("81158", "ru")],
    ("59918", "ru"): UNREAD_BEFORE[("59918", "ru")],
    ("2020", "kk"): [x for x in UNREAD_BEFORE[("2020", "kk")] if x[0] == 151],
    ("2020", "ru"): UNREAD_BEFORE[("2020", "ru")],
    # two Kazakh misprints repaired and reported (tests/test_formulas_kk_repairs.py):
    # «18-1)және 23-1)» and «мынадай реадакцияда»
    ("15768", "kk"): UNREAD_BEFORE[("15768", "kk")],
    ("109670", "kk"): UNREAD_BEFORE[("109670", "kk")],
    # quote marks lost in a list, put back and reported (tests/test_formulas_lost_marks.py)
    ("22466", "kk"): UNREAD_BEFORE[("22466", "kk")],
}
# instructions closed by «:» with no wording after them (tests/test_formulas_slips.py):
# 104210 kk:153, ru:87 and ru:169 read; kk:233, kk:235 and kk:245 now matched, and reported
# inside the scope of the act not read at kk:231; kk:181, a misprinted number, reported
UNREAD_FIXED[("104210", "kk")] += [
    x for x in UNREAD_BEFORE[("104210", "kk")] if x[0] in (153, 233, 235, 245)
]
UNREAD_FIXED[("104210", "ru")] += [
    x for x in UNREAD_BEFORE[("104210", "ru")] if x[0] in (87, 99, 169)
]
UNREAD_ADDED: dict[tuple[str, str], list] = {
    ("161992", "kk"): [
        (
            103,
            "the quoted wording closes inside its paragraph and the paragraph ends with a closing mark that opens nowhere: where the new text ends cannot be told",
        )
    ],
    ("104210", "kk"): [
        (181, "a unit whose number zan cannot read: «1/-тармақшасы»"),
        *((n, _SCOPE_231) for n in (233, 235, 239, 241, 243, 245, 247)),
    ],
}


def _unreadrows_after() -> dict:
    out = {}
    for key in UNREAD_BEFORE.keys() | UNREAD_ADDED.keys():
        gone = UNREAD_FIXED.get(key, [])
        rows = [x for x in UNREAD_BEFORE.get(key, []) if x not in gone]
        rows = sorted(rows + UNREAD_ADDED.get(key, []))
        if rows:
            out[key] = rows
    return out


# One-language records («changes only the ru/kk text»): no operation in this language.
NO_CHANGE = {
    ("46926", "kk"): [
        (183, "art_14__al_4", "ru"),
        (185, "art_14__al_6", "ru"),
        (193, "art_15__para_2", "ru"),
        (223, "art_20", "ru"),
    ],
    ("91690", "ru"): [(7, "art_261", "kk")],
    # after tuning: «9) орыс тiлiндегi мәтiнге өзгерiс енгiзiлдi, мемлекеттiк тiлдегi мәтiн
    # өзгермейдi;» (kk.lang_only), naming no unit
    ("26340", "kk"): [(51, "", "ru"), (97, "", "ru")],
    # round-9 formulas: «"заңдарына" деген сөздің қазақша нұсқасы өзгеріссіз қалады;» under
    # «бірінші бөлікте:» of article 12 (ru:105 replaces the word in part one)
    ("13464", "kk"): [(103, "art_12__al_1", "ru")],
}


def test_every_instruction_not_read_and_its_reason():
    unread, no_change = {}, {}
    for act in ROUND9:
        for lang in ("kk", "ru"):
            res = read_file(str(SAMPLE / act / f"{lang}.md"), lang)[0]
            bad = [(r.line, r.reason) for r in res.readings if r.reason]
            if bad:
                unread[(act, lang)] = bad
            kept = [(x.line, x.target, x.lang_only) for x in res.amender.not_for_this_language]
            if kept:
                no_change[(act, lang)] = kept
    assert sum(len(v) for (_a, lang), v in UNREAD_BEFORE.items() if lang == "kk") == 26
    assert sum(len(v) for (_a, lang), v in UNREAD_BEFORE.items() if lang == "ru") == 14
    assert unread == _unreadrows_after()
    assert no_change == NO_CHANGE
    assert sum(len(v) for (_a, lang), v in unread.items() if lang == "kk") == 15
    assert sum(len(v) for (_a, lang), v in unread.items() if lang == "ru") == 3


def test_a_scope_header_naming_its_act_in_the_nominative_is_read():
    # 920 kk:97 «3. Қазақстан Республикасы Президентiнiң "Қазақстан Республикасындағы банктер
    # және банк қызметi туралы" … Заң күшi бар Жарлығы (…):» - the Kazakh text names the
    # amended Decree in the nominative («Жарлығы», not «Жарлығына»). Before tuning it was not
    # read, and its items, kk:99-329, were read against the act of kk:75 (the Decree on the
    # National Bank): the 74 disagreements of 920. Now it is the scope of its items, as ru:97
    # «3. В Указ … "О банках и банковской деятельности в Республике Казахстан" …:».
    ops = {}
    for lang in ("kk", "ru"):
        res = read_file(str(SAMPLE / "920" / f"{lang}.md"), lang)[0]
        ops[lang] = [(o.act, o.target) for o in res.amender.operations if o.line == 99]
    assert ops == {
        "kk": [
            ("Қазақстан Республикасындағы банктер және банк қызметі туралы", "art_11__para_1__al_2")
        ],
        "ru": [
            ("О банках и банковской деятельности в Республике Казахстан", "art_11__para_1__al_2")
        ],
    }


def test_items_under_a_scope_header_not_read_are_never_read_against_the_act_before(tmp_path):
    # 920 kk:97 with its date taken out (a minimal mutation: no formula reads the header):
    # its items are reported «inside a scope not read», naming the header's line, never read
    # against the act of kk:75
    res = _read_mutated(tmp_path, "920", "kk", 97, "1995 жылғы 31 тамыздағы ", "")
    assert [o for o in res.amender.operations if 97 < o.line < 330] == []
    under = [(r.line, r.reason) for r in res.readings if 97 < r.line < 330]
    assert under[:3] == [
        (99, "inside a scope not read (the act cited at line 97 is not read)"),
        (103, "inside a scope not read (the act cited at line 97 is not read)"),
        (107, "inside a scope not read (the act cited at line 97 is not read)"),
    ]
    # every other line under it is a scope header of its own (read, no operation)
    assert {why for _n, why in under if why} == {
        "inside a scope not read (the act cited at line 97 is not read)"
    }
    assert {r.kind for r in res.readings if 97 < r.line < 330 and not r.reason} == {"scope"}


def test_an_instruction_closed_by_its_quoted_words_is_not_glued_to_the_next_line():
    # 104210 ru:155 «подпункт 1) пункта 4 статьи 9 дополнить словами "и пенсионных выплат;"»
    # then ru:157 «в статье 10:»: the quoted words end with their own «;», the instruction is
    # whole (before tuning the two were read as one line, no formula, and the items under
    # «в статье 10:» went to the act's title and to para_4); kk:377-379 «… Заңы;» then «II
    # бөлiмде:» (the publication's bracket never closed) are two blocks, as ru:377-379
    got = {}
    for lang, lines in (("ru", (155, 159, 161)), ("kk", (381, 385))):
        res = read_file(str(SAMPLE / "104210" / f"{lang}.md"), lang)[0]
        got[lang] = [
            (o.line, o.target, o.action) for o in res.amender.operations if o.line in lines
        ]
    assert got == {
        "ru": [
            (155, "art_9__para_4__subpara_1", "insert_words"),
            (159, "art_10__heading", "insert_words"),
            (161, "art_10__para_4", "insert"),
        ],
        "kk": [(381, "part_2__al_1__al_1", "replace"), (385, "part_2__al_2", "repeal")],
    }


def test_a_wording_in_straight_marks_runs_on_past_an_inner_quote_to_its_closing_paragraph(
    tmp_path,
):
    # 59918 ru:7 «1) статью 1 дополнить пунктами 2-8, 2-9 и 2-10 следующего содержания:»: its
    # first point ends «… по принципу "одного окна".» (ru:9), the wording closes at ru:15
    # «… Правительством Республики Казахстан.";» — three points, as kk:7 (round-9 formulas)
    res = read_file(str(SAMPLE / "59918" / "ru.md"), "ru")[0]
    ops = [o for o in res.amender.operations if o.line == 7]
    assert [(o.target, o.new.split(" ", 1)[0]) for o in ops] == [
        ("art_1__para_2-8", "2-8."),
        ("art_1__para_2-9", "2-9."),
        ("art_1__para_2-10", "2-10."),
    ]
    assert ops[0].new.endswith('по принципу "одного окна".')
    assert ops[2].new.endswith("устанавливаются Правительством Республики Казахстан.")
    # the same text with ru:15's closing mark taken out (a minimal mutation): no paragraph
    # closes the wording before ru:17's instruction, so the mark of ru:9 closes it, as before
    res = _read_mutated(
        tmp_path, "59918", "ru", 15, 'Республики Казахстан.";', "Республики Казахстан.;"
    )
    assert [o for o in res.amender.operations if o.line == 7] == []
    assert [(r.line, r.reason) for r in res.readings if r.line == 7] == [
        (7, "cannot split the new text among para ['2-8', '2-9', '2-10']")
    ]


def test_sections_with_compound_roman_numbers_are_inserted_after_their_section(tmp_path):
    # 2020 kk:151 «16. Мынадай мазмұндағы VI-I, VI-II және VI-III бөлімдермен толықтырылсын:»
    # / ru:153 «16. Дополнить разделами VI-I, VI-II и VI-III следующего содержания:»: three
    # sections after section VI, each wording opening with its heading (kk:153 «"VI-I Бөлім.
    # Жол салығы», ru:155 «"Раздел VI-I. Дорожный налог»; ru:291 «РАЗДЕЛ VI-III. …»)
    got = {}
    for lang, line in (("kk", 151), ("ru", 153)):
        res = read_file(str(SAMPLE / "2020" / f"{lang}.md"), lang)[0]
        got[lang] = [
            (o.target, o.new.split("\n\n", 1)[0]) for o in res.amender.operations if o.line == line
        ]
    assert got == {
        "kk": [
            ("part_6-1", "VI-I Бөлім. Жол салығы"),
            ("part_6-2", "VI-II Бөлім. Әлеуметтік салық"),
            ("part_6-3", "VI-III Бөлім. Әлеуметтік қамсыздандыруға алынатын алым"),
        ],
        "ru": [
            ("part_6-1", "Раздел VI-I. Дорожный налог"),
            ("part_6-2", "Раздел VI-II. Социальный налог"),
            ("part_6-3", "РАЗДЕЛ VI-III. Сбор на социальное обеспечение"),
        ],
    }
    # ru:153 with «VI-I» written «I-VI» (a minimal mutation): a later part above the first
    # may be the range I to VI, so the number is never read as a compound one
    res = _read_mutated(
        tmp_path, "2020", "ru", 153, "разделами VI-I, VI-II", "разделами I-VI, VI-II"
    )
    assert [o for o in res.amender.operations if o.line == 153] == []
    assert [r.reason.split(":")[0] for r in res.readings if r.line == 153] == ["no formula"]
