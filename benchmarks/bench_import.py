"""Benchmark: import + parse of the Russian text of Law 88-V (median of 7 runs).

Run: ``.venv/bin/python benchmarks/bench_import.py``; target < 0.2 s.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.importer import import_text  # noqa: E402
from generator.parse import parse_markdown  # noqa: E402

SOURCE = REPO.parent / "shared" / "sources" / "ru" / "z1300000088-state-services.ru.txt"


def run_once(text: str) -> float:
    """Seconds for one import + parse of ``text``."""
    start = time.perf_counter()
    result = import_text(text, "ru", str(SOURCE))
    act = parse_markdown(result.documents[0].markdown, "ru", str(SOURCE))
    elapsed = time.perf_counter() - start
    assert sum(1 for u in act.walk() if u.type == "art") == 35
    return elapsed


def main() -> None:
    """Print the median of 7 runs."""
    text = SOURCE.read_text(encoding="utf-8")
    times = [run_once(text) for _ in range(7)]
    print(f"import+parse {SOURCE.name}: median {statistics.median(times):.4f} s over 7 runs")


if __name__ == "__main__":
    main()
