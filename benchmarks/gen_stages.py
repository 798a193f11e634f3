"""CPU and wall seconds of `zan build`'s generator stages (before mkdocs), cold.

Runs `generator.build.build_site` itself on a corpus (e.g. a SYNTHETIC one from
make_corpus.py) with an empty cache in a temporary folder, and stops it where mkdocs would
start (the kill point «site-pages»). Each stage's CPU is user + sys of this process and of
its finished children (the per-act worker processes), from `getrusage`, between the points
`build_site` passes:

    check       validator + corpus records (and the imports)
    load        amenders read, ledgers
    acts        acts assembled, rendered, written (worker processes)
    site pages  amending acts' pages, catalogue, feeds, search page …

    .venv/bin/python benchmarks/gen_stages.py /tmp/c200              # one run, JSON
    .venv/bin/python benchmarks/gen_stages.py /tmp/c200 --runs 3     # median of 3 (fresh interpreters)
    .venv/bin/python benchmarks/gen_stages.py /tmp/c200 --profile    # cProfile, one process (jobs 1)
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TODAY = dt.date(2026, 11, 21)
POINTS = {"load": "load", "acts": "acts", "site-pages": "site pages"}


class _Stop(Exception):
    """Raised at the kill point «site-pages»: mkdocs is not run."""


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def one(root: Path, jobs: int | None, profile: bool) -> dict:
    """One cold build up to mkdocs; {stage: {"cpu": s, "wall": s}} (and "_profile")."""
    marks: list[tuple[str, float, float]] = [("start", time.perf_counter(), _cpu())]
    from generator import build, publish

    real_point, real_digest = build.kill_point, publish.titles_digest

    def titles_digest(corpus):  # called right after build_site's stage «check»
        marks.append(("check", time.perf_counter(), _cpu()))
        return real_digest(corpus)

    def point(name: str, *args) -> None:
        if name in POINTS:
            marks.append((POINTS[name], time.perf_counter(), _cpu()))
        if name == "site-pages":
            raise _Stop
        real_point(name, *args)

    build.kill_point, publish.titles_digest = point, titles_digest
    prof = cProfile.Profile() if profile else None
    with tempfile.TemporaryDirectory(prefix="zan-gen-") as tmp:
        if prof:
            prof.enable()
        try:
            build.build_site(
                root,
                Path(tmp) / "site",
                today=TODAY,
                progress=False,
                search=False,
                jobs=1 if profile else jobs,
                cache_dir=Path(tmp) / "cache",
            )
        except _Stop:
            pass
        if prof:
            prof.disable()
    rows = {
        name: {"cpu": round(c - marks[i][2], 3), "wall": round(t - marks[i][1], 3)}
        for i, (name, t, c) in enumerate(marks[1:])
    }
    rows["total"] = {
        "cpu": round(marks[-1][2] - marks[0][2], 3),
        "wall": round(marks[-1][1] - marks[0][1], 3),
    }
    if prof:
        buf = io.StringIO()
        st = pstats.Stats(prof, stream=buf).sort_stats("cumulative")
        st.print_stats(60)
        st.sort_stats("tottime").print_stats(40)
        rows["_profile"] = buf.getvalue()
        if os.environ.get("ZAN_GEN_PROFILE"):  # the raw statistics, for pstats
            prof.dump_stats(os.environ["ZAN_GEN_PROFILE"])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--_one", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._one or args.profile:
        rows = one(args.root.resolve(), args.jobs, args.profile)
        prof = rows.pop("_profile", None)
        if prof:
            print(prof, file=sys.stderr)
        print(json.dumps(rows))
        return
    runs = []
    for _ in range(args.runs):
        cmd = [sys.executable, __file__, str(args.root), "--_one"]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        load = os.getloadavg()[0]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]) | {"_load": load})
        print(json.dumps(runs[-1]), file=sys.stderr)
    names = [n for n in runs[0] if not n.startswith("_")]
    med = {n: {k: statistics.median(r[n][k] for r in runs) for k in ("cpu", "wall")} for n in names}
    loads = [r["_load"] for r in runs]
    print(f"median of {len(runs)}, load average {min(loads):.1f}–{max(loads):.1f}")
    print("| stage | CPU s | wall s |\n|---|---:|---:|")
    for n in names:
        print(f"| {n} | {med[n]['cpu']:.2f} | {med[n]['wall']:.2f} |")


if __name__ == "__main__":
    main()
