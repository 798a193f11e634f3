"""A/B of small rebuilds: two checkouts of zan, interleaved, on one kept build cache.

A cold build of 10 000 acts takes most of an hour, too long to make one per commit
compared. This builds the corpus once (or reuses its cache) and then, for each round, adds
one amending act and removes it again, building after each change with checkout A, then
with checkout B, so both see the same machine load. Each checkout's code digest is pinned
to one value (``--pin``) so that they share the cache: valid only between commits whose
cache formats agree (say so when quoting the figures). The cache must have been built under
the same pins: ``--cold`` builds it first with checkout A (a change of either pin makes
the next build a cold one). Prints each build's line and the median wall seconds of each
checkout.

    .venv/bin/python benchmarks/ab_rebuild.py --corpus <tmp>/e10k --out <tmp>/p10k-site \\
        --a <checkout-before> --b <checkout-after> --add ZBA00005001 --rounds 3 --cold
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ONE = """
import datetime as dt, json, sys, time
from pathlib import Path
import generator.build as build
import generator.incremental as inc
build.code_hash = lambda: sys.argv[3]   # the build records: one cache for both checkouts
inc.code_hash = lambda: sys.argv[4]     # the validator's and the corpus loader's records
root, out = Path(sys.argv[1]), Path(sys.argv[2])
t = time.perf_counter()
s = build.build_site(root, out, today=dt.date(2026, 11, 21), progress=False,
                     cache_dir=root / ".zan-cache")
print(json.dumps({"wall": time.perf_counter() - t, "line": s.line()}))
"""


def build(code: Path, corpus: Path, out: Path, pins: tuple[str, str]) -> dict:
    """One build in a fresh interpreter with ``code`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    proc = subprocess.run(
        [sys.executable, "-c", ONE, str(corpus), str(out), *pins],
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--a", type=Path, required=True, help="checkout A (before)")
    ap.add_argument("--b", type=Path, required=True, help="checkout B (after)")
    ap.add_argument("--add", required=True, help="an amending act of <corpus>/extra/amendments")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pin-build", default="ab-pinned", help="the build records' code digest")
    ap.add_argument("--pin", default="ab-pinned-validator", help="the validator's code digest")
    ap.add_argument("--cold", action="store_true", help="first build the cache with A")
    args = ap.parse_args(argv)
    src = args.corpus / "extra" / "amendments" / args.add
    dest = args.corpus / "amendments" / args.add
    walls: dict[str, list[float]] = {"A": [], "B": []}
    pins = (args.pin_build, args.pin)
    if args.cold:
        r = build(args.a, args.corpus, args.out, pins)
        print(f"A cold: {r['wall']:.2f} s; {r['line']}", flush=True)
    try:
        for _ in range(args.rounds):
            for name, code in (("A", args.a), ("B", args.b)):
                for change in ("+1", "-1"):
                    if change == "+1":
                        shutil.copytree(src, dest)
                    else:
                        shutil.rmtree(dest)
                    r = build(code, args.corpus, args.out, pins)
                    walls[name].append(r["wall"])
                    print(f"{name} {change}: {r['wall']:.2f} s; {r['line']}", flush=True)
    finally:
        shutil.rmtree(dest, ignore_errors=True)
    for name, w in walls.items():
        print(f"{name}: median {statistics.median(w):.2f} s of {len(w)} builds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
