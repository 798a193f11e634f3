"""Time the corpus-wide start of a build with warm caches: the change list (git, where the
corpus is a git work tree), the validator and the corpus records, as `build_site` runs them
(generator/changes.py, validate.validate_corpus, corpus.load_corpus under walk_once).

    .venv/bin/python benchmarks/bench_check_stage.py CORPUS CACHE_DIR

Run it twice on one CACHE_DIR: the first run fills the caches, the second is the figure.
Prints one JSON line: seconds per step (wall, and CPU of this process, user+sys, as
``cpu_*``: the figure on a loaded machine), the acts loaded and how many folders git
vouched for (null: every folder's signature was compared).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.changes import Changes  # noqa: E402
from generator.corpus import load_corpus, walk_once  # noqa: E402
from generator.validate import validate_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Entry point: one timed run."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("cache", type=Path)
    args = ap.parse_args(argv)
    t0, c0 = time.perf_counter(), time.process_time()
    changes = Changes(args.corpus, args.cache / "changes.json")
    t1, c1 = time.perf_counter(), time.process_time()
    with walk_once():
        problems = validate_corpus(
            args.corpus,
            cache=args.cache / "validate.json",
            today=dt.date(2026, 11, 21),
            jobs=2,
            unchanged=changes.unchanged,
        )
        t2, c2 = time.perf_counter(), time.process_time()
        corpus = load_corpus(
            args.corpus.resolve(),
            cache=args.cache / "corpus.pickle",
            jobs=2,
            unchanged=changes.unchanged,
        )
    t3, c3 = time.perf_counter(), time.process_time()
    changes.complete()
    unchanged = None if changes.unchanged is None else len(changes.unchanged)
    row = {"git": t1 - t0, "validate": t2 - t1, "load": t3 - t2, "total": t3 - t0}
    row |= {"cpu_git": c1 - c0, "cpu_validate": c2 - c1, "cpu_load": c3 - c2, "cpu_total": c3 - c0}
    row = {k: round(v, 3) for k, v in row.items()}
    print(
        json.dumps(
            {**row, "problems": len(problems), "acts": len(corpus.acts), "unchanged": unchanged}
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
