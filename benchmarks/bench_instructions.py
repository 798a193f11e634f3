"""Benchmark of the formula catalogue reader (issue 13).

Reads every amending act of the dev set (``../shared/realworld/amendments``, both
languages; and ``benchmarks/realworld-sample/amendments`` when present) with the catalogue
reader, median of 5 runs after one warm-up run (tokenizer and catalogue compiled once);
then the largest omnibus act, 62566 (about 70 KB per language), alone, median of 9 runs.

Run: ``.venv/bin/python benchmarks/bench_instructions.py``
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.formulas.reader import read_text  # noqa: E402
from generator.formulas.report import acts_under  # noqa: E402

DEV = REPO.parent / "shared" / "realworld" / "amendments"
SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"
OMNIBUS = DEV / "62566"


def texts(folders: list[Path]) -> list[tuple[str, str]]:
    """(text, lang) of every act in the folders, read into memory first."""
    return [
        ((f / f"{lang}.md").read_text(encoding="utf-8"), lang)
        for f in folders
        for lang in ("kk", "ru")
    ]


def timed(items: list[tuple[str, str]], runs: int) -> tuple[float, int]:
    """Median seconds to read all items, and the operations read."""
    times, ops = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        ops = sum(len(read_text(t, lang).amender.operations) for t, lang in items)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), ops


def main() -> None:
    """Print the timings."""
    sets = [("dev set", DEV)] + ([("sample", SAMPLE)] if SAMPLE.exists() else [])
    for name, folder in sets:
        items = texts(acts_under([str(folder)]))
        timed(items, 1)
        sec, ops = timed(items, 5)
        chars = sum(len(t) for t, _ in items)
        print(
            f"{name}: {len(items)} texts, {chars} chars, {ops} operations: "
            f"{sec * 1000:.0f} ms (median of 5)"
        )
    items = texts([OMNIBUS])
    sec, ops = timed(items, 9)
    print(f"omnibus 62566 (kk + ru): {ops} operations: {sec * 1000:.1f} ms (median of 9)")


if __name__ == "__main__":
    main()
