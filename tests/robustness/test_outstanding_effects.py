"""Robustness: an instruction zan cannot read is an outstanding effect (issue 14), never a
silent skip and never a partial application. Each case mutates one real instruction of
Law No. 262 (kk) as tests/robustness/test_unread_instructions.py does, and runs
`zan consolidate --until-outstanding` on the 2000 Law: the text written is exactly the last
version zan can vouch for (the base, for an instruction of the 2000 Law; the whole
consolidation, for an instruction of the other law Law No. 262 amends, which is not in the
corpus), every other instruction of the act for the base is outstanding after it, and the
count is said.
"""

from __future__ import annotations

import pytest
from harness import REPO, run
from test_unread_instructions import LAW, OPS, mutations

CATEGORY = "outstanding"

BASE = "corpus/Z000000107/before-Z070000262/kk.md"
REL = LAW.format(lang="kk")
NOT_IN_CORPUS = "not applied: the amended act is not in the corpus"
OTHER_ACT_LINE = 14  # item 1: «Нормативтік құқықтық актілер туралы» (not in the corpus)

CASES = []
_src = (REPO / REL).read_text(encoding="utf-8").splitlines()
for _n in OPS["kk"]:
    for _kind, _new in mutations("kk", _src[_n - 1]).items():
        if _kind != "latin look-alike":  # a repair, read as written (instructions category)
            CASES.append(pytest.param(_n, _new, id=f"262-kk-{_n}-{_kind}"))


def _consolidated(repo, *args: str) -> str:
    out = run(repo, "consolidate", BASE, *args, "--lang", "kk", "-o", "expected.txt")
    assert out.exit_code == 0, out.stderr
    return (repo / "expected.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("n", "new"), CASES)
def test_an_unread_instruction_holds_back_its_act(repo, n, new):
    whole = _consolidated(repo, REL)
    path = repo / REL
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[n - 1] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run(repo, "consolidate", BASE, REL, "--lang", "kk", "--until-outstanding", "-o", "o.txt")
    assert out.traceback is None, out.traceback
    ledger = [ln for ln in out.error_lines() if ln.startswith("Z070000262: ")]
    written = (repo / "o.txt").read_text(encoding="utf-8")
    reported = [ln for ln in out.error_lines() if ln.startswith(f"{REL}:{n}: instruction not ")]
    assert len(reported) == 1 and reported[0].endswith(f"«{new}»")
    if n == OTHER_ACT_LINE:  # not the base's instruction: the base is consolidated in full
        assert out.exit_code == 0
        assert written == whole
        assert not any("outstanding" in ln for ln in ledger)
        return
    assert out.exit_code == 1
    assert written.splitlines()[0] == "Әкімшілік рәсімдер туралы"
    assert written != whole
    mine = [ln for ln in ledger if not ln.endswith(NOT_IN_CORPUS)]
    unread = [ln for ln in mine if ": outstanding: not read: " in ln]
    after = [
        ln
        for ln in mine
        if ln.endswith(": outstanding: after an earlier outstanding effect (Z070000262)")
    ]
    assert unread and unread[0].startswith(f"Z070000262: line {n}: ")
    assert len(unread) + len(after) == len(mine)  # nothing of Law 262 applied to the base
    assert out.error_lines()[-1] == (
        f"{len(mine)} outstanding effect(s): the text written is the last version zan can "
        "vouch for (original)"
    )
    # the text written is the base itself: a partial Law 262 is no version
    assert written == _base_text(repo)
    assert "9-1-бап. Регламенттер мен стандарттар" not in written


def _base_text(repo) -> str:
    """The stored base in the plain layout, as `zan consolidate` writes it (no notes)."""
    from generator.parse import parse_markdown
    from generator.render import render_text

    act = parse_markdown((repo / BASE).read_text(encoding="utf-8"), "kk", BASE)
    for u in act.walk():
        u.notes, u.heading_notes = [], []
    act.notes = []
    return render_text(act, notes=False)
