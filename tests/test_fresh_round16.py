"""Round 16's acts, the uniformly random draw of round 12 continued from its 45th act
(benchmarks/realworld-sample, fresh-round16.md), measured before any tuning, and the reading
errors they showed, each fixed and tested on its real sentence. The pins are the figures as
measured: a change to the grammar that moves them must say so in fresh-round16.md."""

from __future__ import annotations

from conftest import PER_ACT_HEAD, SAMPLE_AMENDMENTS, report_head, round_record, unread_of

from generator.formulas.source import read_file

SAMPLE = SAMPLE_AMENDMENTS
ROUND16 = ("49442", "73342", "94844")

BEFORE_SUMMARY = report_head(
    3,
    "| kk | 195 | 194 | 1 | 99.5 % | 2 / 3 (66.7 %) | 275 | 1 | 4 |",
    "| ru | 194 | 193 | 1 | 99.5 % | 2 / 3 (66.7 %) | 249 | 0 | 5 |",
    "kk ↔ ru: 0 / 3 acts agree outright (0.0 %), 0 more differ only by real differences of the two texts (0.0 % in all), 3 disagree; of the 1 acts read fully in both languages, 0 agree outright (0.0 %), 0 differ only by real differences, 1 disagree. Real differences listed: 0; differences where one language's instruction was not read (counted under not read): 3.",
)
BEFORE_PER_ACT = [
    *PER_ACT_HEAD,
    "| 49442 | 89 | 1 | 91 | 0 | 105 | 107 | 1 | 0 | 2 |",
    "| 73342 | 53 | 0 | 53 | 0 | 69 | 64 | 1 | 0 | 0 |",
    "| 94844 | 52 | 0 | 49 | 1 | 101 | 78 | 1 | 0 | 1 |",
]


# What tuning moved (fresh-round16.md «After tuning»): errors 1-3 fixed, one real difference listed
AFTER_SUMMARY = {
    "kk": "| kk | 195 | 195 | 0 | 100.0 % | 3 / 3 (100.0 %) | 277 | 1 | 4 |",
    "ru": "| ru | 193 | 193 | 0 | 100.0 % | 3 / 3 (100.0 %) | 249 | 3 | 5 |",
    "kk ↔ ru": "kk ↔ ru: 2 / 3 acts agree outright (66.7 %), 1 more differ only by real differences of the two texts (100.0 % in all), 0 disagree; of the 3 acts read fully in both languages, 2 agree outright (66.7 %), 1 differ only by real differences, 0 disagree. Real differences listed: 1; differences where one language's instruction was not read (counted under not read): 0.",
}
AFTER_PER_ACT = {
    "49442": "| 49442 | 90 | 0 | 91 | 0 | 107 | 107 | 0 | 0 | 0 |",
    "73342": "| 73342 | 53 | 0 | 53 | 0 | 69 | 64 | 0 | 1 | 0 |",
    "94844": "| 94844 | 52 | 0 | 49 | 0 | 101 | 78 | 0 | 0 | 0 |",
}


def test_the_record_before_tuning_and_the_round_as_read_after_it(tmp_path):
    before, after = (BEFORE_SUMMARY, BEFORE_PER_ACT), (AFTER_SUMMARY, AFTER_PER_ACT)
    round_record("fresh-round16.md", ROUND16, before, after, tmp_path)


def test_no_instruction_is_left_unread():
    # before tuning: 49442 kk:373 (no formula) and 94844 ru:75 (a record of no change not
    # known), fresh-round16.md «Instructions not read»
    unread, no_change = unread_of(SAMPLE, ROUND16)
    assert unread == {}
    assert no_change == {
        ("49442", "kk"): [(273, "art_97__heading", "ru")],
        ("94844", "ru"): [(75, "title", "kk"), (81, "*", "kk"), (113, "*", "kk")],
    }


def _ops(act: str, lang: str, line: int) -> list[tuple]:
    res = read_file(str(SAMPLE / act / f"{lang}.md"), lang)[0]
    return [
        (o.target, o.action, o.old, o.new, o.where)
        for o in res.amender.operations
        if o.line == line
    ]


def test_a_heading_header_in_its_bare_locative_narrows_to_the_heading():
    # error 1: 49442 «13) 97-бапта:» / «тақырыпта:» / «орыс тіліндегі мәтінге түзету енгізілді,
    # мемлекеттік тілдегі мәтіні өзгермейді;» / kk:275 «"жәбірленушінің" деген сөзден кейін
    # "(жеке айыптаушының)" деген сөздермен толықтырылсын;» (ru «в заголовке:» … ru:275 «после
    # слова "потерпевшего" дополнить словами "(частного обвинителя)";»); before: `art_97`
    assert _ops("49442", "kk", 275) == [
        ("art_97__heading", "insert_words", "жәбірленушінің", "(жеке айыптаушының)", "after")
    ]
    assert _ops("49442", "ru", 275) == [
        ("art_97__heading", "insert_words", "потерпевшего", "(частного обвинителя)", "after")
    ]


def test_groups_joined_by_and_with_the_noun_said_once():
    # error 3: 49442 kk:373 and ru:373 under «24) 244-бапта:» / «24) в статье 244:»
    kk_new = ", қорғаушының және жәбірленушінің өкілінің"
    assert _ops("49442", "kk", 373) == [
        ("art_244__al_1__al_1", "insert_words", "айыпталушының", kk_new, "after"),
        (
            "art_244__subpara_5",
            "insert_words",
            "айыпталушы",
            ", қорғаушы және жәбірленушінің өкілі",
            "after",
        ),
    ]
    ru_new = ", защитник и представитель потерпевшего"
    assert _ops("49442", "ru", 373) == [
        ("art_244__al_1__al_1", "insert_words", "обвиняемый", ru_new, "after"),
        ("art_244__subpara_5", "insert_words", "обвиняемый", ru_new, "after"),
    ]
