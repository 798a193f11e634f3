"""The build date: what `--today DATE` fixes (every `zan` command takes it), else the clock.

Every stage that needs «today» (which versions are in force, which effects are pending,
the «checked on» date, feeds) asks here, so that the same corpus and `--today` give the
same bytes on any machine and on any day.

>>> set_today(dt.date(2026, 1, 15)); today()
datetime.date(2026, 1, 15)
>>> set_today(None)
"""

from __future__ import annotations

import datetime as dt

_fixed: dt.date | None = None


def set_today(day: dt.date | None) -> None:
    """Fix the build date (None: back to the clock)."""
    global _fixed
    _fixed = day


def today() -> dt.date:
    """The build date: the one `--today` fixed, else the machine's."""
    return _fixed if _fixed is not None else dt.date.today()
