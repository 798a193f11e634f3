"""Robustness: command-line misuse gets a one-line error, never a traceback."""

from __future__ import annotations

import pytest
from harness import run

CATEGORY = "command line"


@pytest.mark.parametrize("value", ["x", "2026-13-01", "2026-02-30", "01.12.2026"])
def test_a_bad_today_is_a_usage_error(repo, value):
    out = run(repo, "check", "--today", value)
    assert out.traceback is None
    assert out.exit_code == 2
    assert f"Invalid value for '--today': {value!r} is not a date YYYY-MM-DD" in out.stderr
