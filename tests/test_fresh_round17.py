"""Round 17's acts, the uniformly random draw of round 12 continued from its 52nd act
(benchmarks/realworld-sample, fresh-round17.md), measured before any tuning and not yet tuned:
the record, and the two real differences of 94794 listed since."""

from __future__ import annotations

from conftest import PER_ACT_HEAD, report_head, round_record

ROUND17 = ("7928", "94794")

BEFORE_SUMMARY = report_head(
    2,
    "| kk | 175 | 167 | 8 | 95.4 % | 1 / 2 (50.0 %) | 230 | 0 | 2 |",
    "| ru | 193 | 191 | 2 | 99.0 % | 1 / 2 (50.0 %) | 241 | 0 | 2 |",
    "kk ↔ ru: 0 / 2 acts agree outright (0.0 %), 0 more differ only by real differences of the two texts (0.0 % in all), 2 disagree; of the 1 acts read fully in both languages, 0 agree outright (0.0 %), 0 differ only by real differences, 1 disagree. Real differences listed: 0; differences where one language's instruction was not read (counted under not read): 14.",
)
BEFORE_PER_ACT = [
    *PER_ACT_HEAD,
    "| 7928 | 102 | 8 | 126 | 2 | 135 | 148 | 18 | 0 | 14 |",
    "| 94794 | 65 | 0 | 65 | 0 | 95 | 93 | 2 | 0 | 0 |",
]

# Since the record: 94794's two differences listed as real (the Kazakh list ending on its verb)
AFTER_SUMMARY = {
    "kk ↔ ru": "kk ↔ ru: 0 / 2 acts agree outright (0.0 %), 1 more differ only by real differences of the two texts (50.0 % in all), 1 disagree; of the 1 acts read fully in both languages, 0 agree outright (0.0 %), 1 differ only by real differences, 0 disagree. Real differences listed: 2; differences where one language's instruction was not read (counted under not read): 14."
}
AFTER_PER_ACT = {"94794": "| 94794 | 65 | 0 | 65 | 0 | 95 | 93 | 0 | 2 | 0 |"}


def test_the_record_before_tuning_and_the_round_as_read_now(tmp_path):
    before, after = (BEFORE_SUMMARY, BEFORE_PER_ACT), (AFTER_SUMMARY, AFTER_PER_ACT)
    round_record("fresh-round17.md", ROUND17, before, after, tmp_path)
