"""Round 6a's held-out acts (benchmarks/realworld-sample, 1991-2008): what they taught the reader."""

from __future__ import annotations

from conftest import REPO

from generator.formulas.framing import parse_citation

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"


def test_a_citation_whose_day_is_glued_to_its_month():
    # 10656 kk line 43: the old line break between «10» and «желтоқсандағы» was lost
    line = (SAMPLE / "10656" / "kk.md").read_text(encoding="utf-8").splitlines()[42]
    c = parse_citation(line, "kk")
    assert (c.title, c.date) == ("Қазақстан Республикасындағы еңбек туралы", "1999-12-10")
