"""Benchmark: parse the 2000 Law (kk), read Law No. 262's operations, apply them and build
the versions; the median of 7 runs is printed.

    .venv/bin/python benchmarks/bench_consolidate.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from generator.amender_text import blocks_from_text  # noqa: E402
from generator.consolidate import amender_info, build_versions  # noqa: E402
from generator.formulas.reader import read_instructions  # noqa: E402
from generator.importer import import_text, is_raw  # noqa: E402
from generator.parse import parse_markdown  # noqa: E402

SOURCES = REPO.parent / "shared" / "sources"
BASE = SOURCES / "kk/z000000107-adminproc-2000.before-2007.kk.md"
LAW262 = SOURCES / "seeds/000_68549f57bdbdd563.txt"
RUNS = 7


def run_once(base_text: str, amender_text: str, base_meta: dict, amender_meta: dict) -> int:
    """Import + parse the base, read the amender's operations, consolidate; units in the
    result."""
    md = (
        import_text(base_text, "kk", str(BASE)).documents[0].markdown
        if is_raw(base_text)
        else base_text
    )
    base = parse_markdown(md, "kk", str(BASE))
    amender = read_instructions(blocks_from_text(amender_text), "kk")
    if amender.errors:
        raise amender.errors[0]
    info = amender_info(amender_meta, amender.entry_into_force)
    versions, _ = build_versions(base, base_meta, [(info, amender.operations)], dt.date.today())
    return sum(1 for _ in versions[-1].act.walk())


def main() -> None:
    base_text = BASE.read_text(encoding="utf-8")
    amender_text = LAW262.read_text(encoding="utf-8")
    base_meta = yaml.safe_load((REPO / "corpus/Z000000107/act.yml").read_text(encoding="utf-8"))
    amender_meta = yaml.safe_load(
        (REPO / "amendments/Z070000262/act.yml").read_text(encoding="utf-8")
    )
    times = []
    units = 0
    for _ in range(RUNS):
        t0 = time.perf_counter()
        units = run_once(base_text, amender_text, base_meta, amender_meta)
        times.append(time.perf_counter() - t0)
    print(
        f"parse + apply Law 262 + consolidate: median {statistics.median(times) * 1000:.1f} ms "
        f"of {RUNS} runs (min {min(times) * 1000:.1f} ms, {units} units in the 2007 edition)"
    )


if __name__ == "__main__":
    main()
