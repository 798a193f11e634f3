"""Robustness: `zan import-bank` on text-bank files made bad by a minimal mutation of a real
file (../shared/realworld/amendments/3654, the law amending «О валютном регулировании»).
Each case: no traceback, the run succeeds, the file is not placed, and the report names
the file and line and why — nothing is written for it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import SHARED, run

CATEGORY = "import-bank"
REAL = SHARED / "realworld" / "amendments" / "3654"


def _title_gone(m: Path) -> None:
    ru = m / "rus" / "3654.md"
    ru.write_text(ru.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")


def _stray_byte(m: Path) -> None:
    with (m / "kaz" / "3654.md").open("ab") as f:
        f.write(b"\xff")


def _one_language(m: Path) -> None:
    (m / "rus" / "3654.md").unlink()


CASES = {
    "title line removed": (
        _title_gone,
        "not placed: rus/3654.md:2: no title: no «# …» line names the act",
    ),
    "stray byte": (
        _stray_byte,
        "not placed: kaz/3654.md:13: cannot import: not UTF-8 (invalid start byte at byte 900)",
    ),
    "one language": (
        _one_language,
        "not placed: kaz/3654.md:0: only in kk: no rus/3654.md (both languages needed)",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_bank_file(case: str, repo: Path, tmp_path: Path) -> None:
    mutate, line = CASES[case]
    m = tmp_path / "mirror"
    for sub, lang in (("kaz", "kk"), ("rus", "ru")):
        (m / sub).mkdir(parents=True)
        shutil.copy(REAL / f"{lang}.md", m / sub / "3654.md")
    mutate(m)
    out = run(repo, "--today", "2026-01-01", "import-bank", str(m), "--root", ".")
    assert out.traceback is None, out.traceback
    assert out.exit_code == 0, out.stderr
    assert out.stdout.splitlines()[:2] == ["not-placed: 1", line]
    assert not (repo / "amendments" / "TB003654").exists()
