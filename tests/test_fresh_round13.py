"""Round 13's acts, the uniformly random draw of round 12 continued from its 17th act
(benchmarks/realworld-sample, fresh-round13.md: population 283, round13-population.txt,
`random.Random(20261203)`), measured before any tuning. The pins are the figures as measured: a
change to the grammar that moves them must say so in fresh-round13.md and update them here."""

from __future__ import annotations

from conftest import (
    PER_ACT_HEAD,
    REPO,
    SUMMARY_HEAD,
    assert_recorded,
    grammar_report_of,
    report_per_act,
    rows_after,
    unread_of,
)

from generator.formulas.source import read_file

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"

# the round's acts, by number (README.md «Round 13 (uniform random, continued)», index.tsv):
# the first 4 acts from the 17th of the order on that pass its rules (fresh-round13.md «Method»)
ROUND13 = ("2536", "45710", "57224", "125460")

# The held-out measurement, before any tuning (fresh-round13.md, «zan grammar-report» and «Per
# act»): the record, kept as measured.
BEFORE_SUMMARY = [
    "# Grammar report: 4 amending act(s)",
    "",
    *SUMMARY_HEAD,
    "| kk | 182 | 164 | 18 | 90.1 % | 0 / 4 (0.0 %) | 200 | 0 | 3 |",
    "| ru | 174 | 168 | 6 | 96.6 % | 1 / 4 (25.0 %) | 205 | 0 | 5 |",
    "",
    "kk ↔ ru: 1 / 4 acts agree outright (25.0 %), 0 more differ only by real differences of the two texts (25.0 % in all), 3 disagree; of the 0 acts read fully in both languages, 0 agree outright (—), 0 differ only by real differences, 0 disagree. Real differences listed: 0; differences where one language's instruction was not read (counted under not read): 2.",
]
BEFORE_PER_ACT = [
    *PER_ACT_HEAD,
    "| 2536 | 44 | 3 | 47 | 2 | 61 | 65 | 3 | 0 | 1 |",
    "| 45710 | 64 | 1 | 65 | 0 | 72 | 78 | 0 | 0 | 1 |",
    "| 57224 | 49 | 1 | 49 | 1 | 53 | 49 | 4 | 0 | 0 |",
    "| 125460 | 7 | 13 | 7 | 3 | 14 | 13 | 1 | 0 | 0 |",
]


def test_the_record_before_tuning_is_the_one_in_fresh_round13_md():
    assert_recorded("fresh-round13.md", "## Read by hand", BEFORE_SUMMARY[2:] + BEFORE_PER_ACT)


# What tuning moved (fresh-round13.md «After tuning»): 2536 kk:39, items 5)-7) glued after
# item 4)'s closing mark, read (tests/test_formulas_wordings.py); 45710 kk:101 «1) мәтінде …»
# and ru:101 «1) в тексте …», the act's whole text (`*`, had been an empty target in Russian
# and no target in Kazakh); the five «Kazakh list ends on its verb» differences of 57224 and
# 125460, read in both texts, listed in generator/grammar/real-differences.yml; 2536 kk:55
# and ru:65, the suspension of a list of units («13-баптың 2-тармағының, 15-баптың, 16-баптың
# қолданылуы … тоқтатыла тұрсын», «действие пункта 2 статьи 13, статьи 15, статьи 16
# приостановить до …»), read (`ru.suspend_after`; the list read with its commas).
AFTER_SUMMARY = {
    "kk": "| kk | 184 | 168 | 16 | 91.3 % | 1 / 4 (25.0 %) | 208 | 0 | 3 |",
    "ru": "| ru | 174 | 169 | 5 | 97.1 % | 1 / 4 (25.0 %) | 206 | 0 | 5 |",
    "kk ↔ ru": "kk ↔ ru: 2 / 4 acts agree outright (50.0 %), 2 more differ only by real differences of the two texts (100.0 % in all), 0 disagree; of the 1 acts read fully in both languages, 1 agree outright (100.0 %), 0 differ only by real differences, 0 disagree. Real differences listed: 5; differences where one language's instruction was not read (counted under not read): 1.",
}
AFTER_PER_ACT = {
    "2536": "| 2536 | 47 | 2 | 48 | 1 | 65 | 66 | 0 | 0 | 1 |",
    "45710": "| 45710 | 65 | 0 | 65 | 0 | 76 | 78 | 0 | 0 | 0 |",
    "57224": "| 57224 | 49 | 1 | 49 | 1 | 53 | 49 | 0 | 4 | 0 |",
    "125460": "| 125460 | 7 | 13 | 7 | 3 | 14 | 13 | 0 | 1 | 0 |",
}


def test_the_round_as_read_after_tuning(tmp_path):
    lines = grammar_report_of(SAMPLE, ROUND13, tmp_path, "2026-12-03")
    assert lines[:8] == rows_after(BEFORE_SUMMARY, AFTER_SUMMARY)
    assert report_per_act(lines) == rows_after(BEFORE_PER_ACT, AFTER_PER_ACT)


# Every instruction of the round not read before tuning, by act and language: (line, reason),
# as `zan ops` reports them (fresh-round13.md «Instructions not read» reads each by hand).
UNREAD_BEFORE = {
    ("2536", "kk"): [
        (55, "units that do not nest (art_13__art_15__art_16__para_2)"),
        (71, "no formula: Q U:al V:delete . W U:art U:al_part V:replace : Q ;"),
        (87, "looks like an instruction but was not read (names a unit, quotes words)"),
    ],
    ("2536", "ru"): [
        (65, "no formula: W U:para U:art , U:art , U:art V:suspend W W W W W ;"),
        (81, "no formula: V:delete W W : Q ;"),
    ],
    ("45710", "kk"): [
        (101, "words operation without a target"),
    ],
    ("57224", "kk"): [
        (121, "no formula: U:al_part Q N W V:subst"),
    ],
    ("57224", "ru"): [
        (117, "no formula: W U:al_part N Q V:subst W"),
    ],
    ("125460", "kk"): [
        (111, "new wording without quoted text"),
        (145, "looks like an instruction but was not read (has an instruction verb)"),
        (
            313,
            "no formula: W W W , W K:inside W W W W W W W W W W AND W W W W W , W , W , W W W W W",
        ),
        (
            343,
            "no formula: W W W AND W W W W W W , W W W , W K:inside W W W W W W W W W W AND W W W W W , W , W , W W W W W",
        ),
        (1653, "no formula: W W W W W AND W W , W K:inside W W W W W W AND W W W W W"),
        (2187, "no formula: W W W W W W AND W K:inside W W W W K:inside W W W W W W W W W W W W W"),
        (
            2341,
            "no formula: W W W W W W AND W W W W , W W W W W W W W W , W K:inside W W W W W , W W W W , W W W W W W W W W",
        ),
        (2559, "looks like an instruction but was not read (has an instruction verb)"),
        (2689, "looks like an instruction but was not read (has an instruction verb)"),
        (2821, "no formula: W W W , W W AND W W , W K:inside W W W W W W W Q W W W W W W W W W"),
        (
            2981,
            "no formula: W W W , W K:inside W W W W W W W W W W AND W W W W W , W , W , W W W W",
        ),
        (
            2981,
            "no formula: W W W , W K:inside W W W W W W W W W W AND W W W W W W W W , W , W , W W W W",
        ),
        (3215, "no formula: W W W V:suspend W , W W W , W W AND W W W W W"),
    ],
    ("125460", "ru"): [
        (111, "no formula: U:annex W W W V:replace W W W , W AND W W W W ."),
        (339, "looks like an instruction but was not read (has an instruction verb)"),
        (3129, "looks like an instruction but was not read (has an instruction verb)"),
    ],
}


def test_every_instruction_not_read_and_its_reason():
    unread, no_change = unread_of(SAMPLE, ROUND13)
    assert sum(len(v) for k, v in UNREAD_BEFORE.items() if k[1] == "kk") == 18
    assert sum(len(v) for k, v in UNREAD_BEFORE.items() if k[1] == "ru") == 6
    # after tuning: 45710 kk:101 is read (the act's whole text), 2536 kk:55 and ru:65 (the
    # suspension of a list of units)
    now = {k: v for k, v in UNREAD_BEFORE.items() if k != ("45710", "kk")}
    now[("2536", "kk")] = [x for x in now[("2536", "kk")] if x[0] != 55]
    now[("2536", "ru")] = [x for x in now[("2536", "ru")] if x[0] != 65]
    assert unread == now
    assert no_change == {}


def test_items_glued_after_a_closing_mark_are_read_in_both_languages():
    # 2536 ru:41 / kk:39: items 5)-7) of point 2 glued onto the last line of item 4)'s wording
    # («…";5) статью 40 изложить …;6) статью 41 исключить;7) статью 44 изложить …» / «…";5) 40-бап
    # мынадай редакцияда жазылсын:…;6) 41-бап алып тасталсын;7) …»): before tuning the Russian
    # read the three and the Kazakh none, its item 4) wording swallowing them (fresh-round13.md);
    # now both read them, and the Kazakh wording of item 4) ends at its own closing mark
    got = {}
    for lang, line in (("kk", 39), ("ru", 41)):
        r = read_file(str(SAMPLE / "2536" / f"{lang}.md"), lang)[0]
        got[lang] = [(o.action, o.target) for o in r.amender.operations if o.line == line]
    want = [("replace", "art_40"), ("repeal", "art_41"), ("replace", "art_44")]
    assert got == {"kk": want, "ru": want}
    kk = read_file(str(SAMPLE / "2536" / "kk.md"), "kk")[0].amender.operations
    item4 = [o.new for o in kk if o.target == "art_39__al_5"]
    assert len(item4) == 1
    assert item4[0].endswith(
        "оны алуғақұқығы бар мүгедектер санаттарының тізбесі Қазақстан Республикасыныңзаңдарында "
        "белгіленеді."
    )
