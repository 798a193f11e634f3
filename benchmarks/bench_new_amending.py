"""Time the check stage for one new amending act with its sources: a copy of this
repository's corpus without the act is checked (the caches filled), the act's folder is put
back and the check stage timed (benchmarks/bench_check_stage.py, in its own process).

    .venv/bin/python benchmarks/bench_new_amending.py [--act amendments/Z070000262] [--runs 3]
    .venv/bin/python benchmarks/bench_new_amending.py --regen-only

Prints one JSON line: the median over the runs of the check stage's CPU seconds (user+sys
of its process: the figure on a loaded machine) for the validator and in all, with each
run's figures. ``--regen-only``: the CPU seconds of the comparison with the regenerated
texts alone (validate._regenerated, in this process) and the texts regenerated.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def copy_without(tmp: Path, act: str) -> Path:
    """A copy of the corpus (corpus/, amendments/, drafts/, examples/) at ``tmp/repo`` with
    ``../shared`` linked to the repository's, and ``act``'s folder moved to ``tmp/new``."""
    root = tmp / "repo"
    for top in ("corpus", "amendments", "drafts", "examples"):
        shutil.copytree(REPO / top, root / top)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (tmp / "shared").symlink_to((REPO.parent / "shared").resolve(), target_is_directory=True)
    shutil.move(root / act, tmp / "new")
    return root


def check_stage(root: Path, cache: Path) -> dict:
    """One run of bench_check_stage.py on ``root`` (its JSON line)."""
    cmd = [sys.executable, str(HERE / "bench_check_stage.py"), str(root), str(cache)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def regen_only(act: str, runs: int) -> dict:
    """The CPU of validate._regenerated when ``act`` comes back, ``runs`` times."""
    import datetime as dt
    import time

    sys.path.insert(0, str(REPO))
    import generator.validate as validate

    plain = validate._regenerated
    spent: list[float] = []

    def timed(*args):
        c0 = time.process_time()
        try:
            return plain(*args)
        finally:
            spent.append(time.process_time() - c0)

    validate._regenerated = timed
    rows = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            root = copy_without(Path(tmp), act)
            cache, stats = Path(tmp) / "validate.json", {}
            day = dt.date(2026, 11, 21)
            assert validate.validate_corpus(root, cache=cache, today=day) == []
            shutil.move(Path(tmp) / "new", root / act)
            spent.clear()
            assert validate.validate_corpus(root, cache=cache, today=day, stats=stats) == []
            rows.append({"cpu": round(spent[0], 3), "regenerated": stats["regenerated"]})
    return {"act": act, "cpu_regenerated": statistics.median(r["cpu"] for r in rows), "runs": rows}


def main(argv: list[str] | None = None) -> int:
    """Entry point: ``--runs`` copies, each checked without and then with the act."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--act", default="amendments/Z070000262")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--regen-only", action="store_true")
    args = ap.parse_args(argv)
    if args.regen_only:
        print(json.dumps(regen_only(args.act, args.runs)))
        return 0
    rows = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            root = copy_without(Path(tmp), args.act)
            cache = Path(tmp) / "cache"
            before = check_stage(root, cache)
            assert before["problems"] == 0, before
            shutil.move(Path(tmp) / "new", root / args.act)
            rows.append(check_stage(root, cache))
    print(
        json.dumps(
            {
                "act": args.act,
                "cpu_validate": statistics.median(r["cpu_validate"] for r in rows),
                "cpu_total": statistics.median(r["cpu_total"] for r in rows),
                "problems": [r["problems"] for r in rows],
                "runs": rows,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
