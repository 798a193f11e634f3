"""Robustness: discussion data that cannot be true (drafts/, examples/drafts/). Each case
mutates a real draft's act.yml or remarks.yml and asserts the exact error (file, line,
field or remark) or, where the data is legitimate, the exact correct outcome.

Article 15(3) of Law No. 88-V (corpus/Z1300000088/Z2200000141/kk.md, art_15__para_3):
«… жария талқылау оның жария талқылау үшін орналастырылған күнінен бастап он жұмыс күні
ішінде жүзеге асырылады»; counted from a day, the period begins on the next day (Civil Code
art. 173): a remark of the posting day is before the period.
"""

from __future__ import annotations

import pytest
from harness import assert_error, line_of, mutate, run

CATEGORY = "discussion data"

TODAY = "2026-11-21"
EX845 = "examples/drafts/EX1300000845"
EX8549 = "examples/drafts/EX1300008549"
DP = "drafts/DP1200001579"
REMARKS = f"{EX845}/remarks.yml"
# The three sample remarks of EX1300000845: (their `received` line text, unit).
SAMPLE = [
    ("2023-03-20", "annex_1__para_10"),
    ("2023-03-28", "annex_1__para_11-1"),
    ("2023-04-04", "annex_1__para_10"),
]


def _check(repo):
    return run(repo, "check", "--today", TODAY)


@pytest.mark.parametrize("closes", ["2025-03-13", "2025-03-10", "2025-01-01"])
def test_an_override_closing_the_window_before_it_opens(repo, closes):
    yml = repo / EX8549 / "act.yml"
    mutate(
        yml,
        "  edition: Z2200000141\n",
        f"  edition: Z2200000141\n  override:\n    closes: {closes}\n    reason: sample data\n",
    )
    line = line_of(yml, "closes:")
    got = assert_error(_check(repo), f"{EX8549}/act.yml", line, "discussion.override.closes")
    assert got == (
        f"{EX8549}/act.yml:{line}: discussion.override.closes: {closes} closes the window "
        "before it opens on 2025-03-14"
    )


@pytest.mark.parametrize(("n", "sample"), list(enumerate(SAMPLE, 1)))
@pytest.mark.parametrize("day", ["2026-12-05", "2027-03-20"])
def test_a_remark_dated_after_today(repo, n, sample, day):
    path = repo / REMARKS
    mutate(path, f"received: {sample[0]}", f"received: {day}")
    line = line_of(path, f"received: {day}")
    got = assert_error(_check(repo), REMARKS, line, sample[1])
    assert got == (
        f"{REMARKS}:{line}: remark {n} ({sample[1]}): received {day}, after today ({TODAY}, --today)"
    )


@pytest.mark.parametrize(("n", "sample"), list(enumerate(SAMPLE, 1)))
@pytest.mark.parametrize("day", ["2023-03-15", "2023-03-14", "2023-01-09"])
def test_a_remark_of_the_posting_day_or_before_is_not_in_time(repo, n, sample, day):
    path = repo / REMARKS
    mutate(path, f"received: {sample[0]}", f"received: {day}")
    line = line_of(path, f"received: {day}")
    got = assert_error(_check(repo), REMARKS, line, sample[1])
    assert got == (
        f"{REMARKS}:{line}: remark {n} ({sample[1]}): received {day}, before the discussion "
        "period opened on 2023-03-16 (art. 15 para. 3 of Law No. 88-V: from the day after "
        "posting on 2023-03-15)"
    )


def test_a_remark_of_the_day_after_posting_is_in_time(repo):
    mutate(repo / REMARKS, "received: 2023-03-20", "received: 2023-03-16")
    out = _check(repo)
    assert out.traceback is None and out.exit_code == 0, out.stderr
    assert out.error_lines()[-1] == "corpus OK"


# 2023-03-18/19 a weekend; 2023-03-21 Nauryz (generator/data/calendar.yml).
@pytest.mark.parametrize("day", ["2023-03-18", "2023-03-19", "2023-03-21"])
def test_posting_on_a_day_off_needs_a_note(repo, day):
    yml = repo / EX845 / "act.yml"
    mutate(yml, "posted: 2023-03-15", f"posted: {day}")
    mutate(repo / REMARKS, "received: 2023-03-20", "received: 2023-03-22")
    line = line_of(yml, "posted:")
    got = assert_error(_check(repo), f"{EX845}/act.yml", line, "discussion.posted")
    assert got == (
        f"{EX845}/act.yml:{line}: discussion.posted: posted on {day}, a day off, with no "
        "`posted_note` saying why"
    )


@pytest.mark.parametrize("day", ["2023-03-18", "2023-03-19", "2023-03-21"])
def test_posting_on_a_day_off_with_its_note_is_accepted(repo, day):
    yml = repo / EX845 / "act.yml"
    mutate(yml, "posted: 2023-03-15", f"posted: {day}\n  posted_note: sample data")
    mutate(repo / REMARKS, "received: 2023-03-20", "received: 2023-03-22")
    out = _check(repo)
    assert out.traceback is None and out.exit_code == 0, out.stderr
    assert out.error_lines()[-1] == "corpus OK"


def test_a_posting_date_after_today(repo):
    yml = repo / EX8549 / "act.yml"
    mutate(yml, "posted: 2025-03-13", "posted: 2026-11-23")
    line = line_of(yml, "posted:")
    got = assert_error(_check(repo), f"{EX8549}/act.yml", line, "discussion.posted")
    assert got == (
        f"{EX8549}/act.yml:{line}: discussion.posted: 2026-11-23 is after today ({TODAY}, --today)"
    )


@pytest.mark.parametrize(
    ("folder", "edition"),
    [(EX845, "Z9999999999"), (EX845, "Z2200000142"), (EX8549, "Z9999999999"), (EX8549, "original")],
)
def test_an_unknown_article_15_edition(repo, folder, edition):
    yml = repo / folder / "act.yml"
    mutate(yml, "edition: Z2200000141", f"edition: {edition}")
    line = line_of(yml, "edition:")
    got = assert_error(_check(repo), f"{folder}/act.yml", line, "discussion.edition")
    assert got == (
        f"{folder}/act.yml:{line}: discussion.edition: {edition!r} is not an edition of "
        "article 15 of Law No. 88-V (known: partial-before-Z1500000408, Z1900000272, "
        "Z2200000129, Z2200000141)"
    )


@pytest.mark.parametrize(
    ("field", "old", "new", "message"),
    [
        (
            "carried_by",
            "carried_by: P1200001579",
            "carried_by: P1200001578",
            "P1200001578 is not an act of the corpus (corpus/)",
        ),
        (
            "carried_by",
            "carried_by: P1200001579",
            "carried_by: V1300008549",
            "V1300008549 does not say `carries: DP1200001579` (it says None)",
        ),
        (
            "adopted_as",
            "adopted_as: Z1300000088",
            "adopted_as: Z1300000089",
            "Z1300000089 is not an act of the corpus (corpus/)",
        ),
        (
            "compare_with.version",
            "{act: Z1300000088,",
            "{act: Z1300000088, version: partial-before-Z1500000409,",
            "'partial-before-Z1500000409' is not a version of Z1300000088 (stored editions: "
            "partial-before-Z1500000408, Z1900000272, Z2200000129, Z2200000141)",
        ),
        (
            "compare_with.act",
            "{act: Z1300000088,",
            "{act: Z1300000099,",
            "Z1300000099 is not an act of the corpus",
        ),
    ],
)
def test_a_broken_link_of_a_draft(repo, field, old, new, message):
    yml = repo / DP / "act.yml"
    mutate(yml, old, new)
    line = line_of(yml, new.split(":")[0] if "{" not in new else "compare_with:")
    got = assert_error(_check(repo), f"{DP}/act.yml", line, field)
    assert got == f"{DP}/act.yml:{line}: {field}: {message}"


def test_an_adopted_draft_without_its_act(repo):
    yml = repo / DP / "act.yml"
    mutate(yml, "adopted_as: Z1300000088\n", "")
    line = line_of(yml, "status:")
    got = assert_error(_check(repo), f"{DP}/act.yml", line, "status")
    assert got == f"{DP}/act.yml:{line}: status: status adopted_draft without `adopted_as`"


def test_a_covering_act_carrying_a_draft_not_in_the_corpus(repo):
    yml = repo / "corpus/P1200001579/act.yml"
    mutate(yml, "carries: DP1200001579", "carries: DP1200001578")
    line = line_of(yml, "carries:")
    out = _check(repo)
    got = assert_error(out, "corpus/P1200001579/act.yml", line, "carries")
    assert got == (
        f"corpus/P1200001579/act.yml:{line}: carries: DP1200001578 is not a draft of the "
        "corpus (drafts/)"
    )


@pytest.mark.parametrize("version", ["V2020-19-NX", "original", "Z2200000141"])
def test_an_unknown_compare_with_version_of_an_example(repo, version):
    yml = repo / EX8549 / "act.yml"
    mutate(
        yml,
        "compare_with: {act: V1300008549}",
        f"compare_with: {{act: V1300008549, version: {version}}}",
    )
    line = line_of(yml, "compare_with:")
    got = assert_error(_check(repo), f"{EX8549}/act.yml", line, "compare_with.version")
    assert got == (
        f"{EX8549}/act.yml:{line}: compare_with.version: {version!r} is not a version of "
        "V1300008549 (stored editions: V2020-19-NK)"
    )


@pytest.mark.parametrize(("n", "sample"), list(enumerate(SAMPLE, 1)))
def test_a_remark_on_a_unit_the_draft_lacks(repo, n, sample):
    path = repo / REMARKS
    lines = path.read_text(encoding="utf-8").split("\n")
    at = [i for i, s in enumerate(lines) if s.startswith("- received:")][n - 1]
    lines[at + 1] = "  unit: annex_1__para_99"
    path.write_text("\n".join(lines), encoding="utf-8")
    got = assert_error(_check(repo), REMARKS, at + 1, "annex_1__para_99")
    assert got == (
        f"{REMARKS}:{at + 1}: remark {n} (annex_1__para_99): unknown unit 'annex_1__para_99' "
        "(not in the draft's kk text)"
    )


def test_a_late_remark_with_a_decision(repo):
    path = repo / REMARKS
    mutate(path, "  decision: null", "  decision: accepted\n  reasons: {kk: x, ru: x}")
    line = line_of(path, "received: 2023-04-04")
    got = assert_error(_check(repo), REMARKS, line, "annex_1__para_10")
    assert got == (
        f"{REMARKS}:{line}: remark 3 (annex_1__para_10): received 2023-04-04, after the window "
        "closed on 2023-04-03; article 15 says it is not considered, so it takes no decision"
    )


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            "  author: individual",
            "  author: anonymous",
            "[0].author",
            "'anonymous' is not one of individual, legal_entity",
        ),
        (
            "  decision: accepted",
            "  decision: yes",
            "[0].decision",
            "True is not one of accepted, partly, rejected, None",
        ),
        (
            "received: 2023-03-20",
            "received: 2023-02-30",
            "[0].received",
            "not a date: '2023-02-30' (day is out of range for month)",
        ),
        (
            "received: 2023-03-20",
            "received: 20.03.2023",
            "[0].received",
            "not a date YYYY-MM-DD: '20.03.2023'",
        ),
        ("  unit: annex_1__para_10", "  unit: 10", "[0].unit", "must be a string, not 10"),
    ],
)
def test_a_bad_remark_field(repo, old, new, field, message):
    path = repo / REMARKS
    mutate(path, old, new)
    line = line_of(path, new.strip())
    got = assert_error(_check(repo), REMARKS, line, field)
    assert got == f"{REMARKS}:{line}: {field}: {message}"
