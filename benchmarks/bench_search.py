"""Benchmark: the search stage of `zan build` alone, on a site already built.

Re-indexes every search shard a cold build writes (acts and amending acts by shard of
their ID, drafts and examples, each language on its own) into a scratch folder beside the
site's own `pagefind/`, and reports the Pagefind processes started, the pages indexed,
wall and CPU seconds (user + system of this process and its children) and the load
average. ``--code DIR`` imports `generator` from another checkout (e.g. an older commit
unpacked with `git archive`), so two versions are timed on the same site back to back.

    .venv/bin/python benchmarks/bench_search.py benchmarks/.work/cache-e2e-a100/site
    .venv/bin/python benchmarks/bench_search.py SITE --code /tmp/old --runs 2
    .venv/bin/python benchmarks/bench_search.py SITE --whole   # one bundle per language

``--whole``: one bundle of every page of a language instead of the shards (what a
process costs against what a page costs).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
from pathlib import Path

SCRATCH = "pagefind-bench"


def _cpu() -> float:
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def shard_runs(site: Path, shards: int, whole: bool = False) -> list[tuple[list[str], str]]:
    """``(pages, bundle folder)`` of a cold build: the pages with text to index
    (``data-pagefind-body``), acts «a» and amending acts «m» by shard, drafts «site»."""
    from generator.incremental import shard_of

    runs = []
    for lang in ("kk", "ru"):
        by: dict[str, list[str]] = {}
        for kind, key in (("acts", "a"), ("amendments", "m")):
            for page in sorted((site / lang / kind).glob("*/index.html")):
                if b"data-pagefind-body" in page.read_bytes():
                    name = "all" if whole else f"{key}{shard_of(page.parent.name, shards):02d}"
                    by.setdefault(name, []).append(page.relative_to(site).as_posix())
        drafts = sorted(
            p.relative_to(site).as_posix()
            for sub in ("drafts", "examples")
            for p in (site / lang / sub).rglob("*.html")
        )
        if drafts:
            by.setdefault("all" if whole else "site", []).extend(drafts)
        runs += [(pages, f"{SCRATCH}/{lang}/{name}") for name, pages in sorted(by.items())]
    return runs


def run_once(site: Path, whole: bool) -> dict:
    from generator import build

    runs = shard_runs(site, build.SHARDS, whole)
    jobs = os.cpu_count() or 1
    t, c = time.perf_counter(), _cpu()
    if hasattr(build, "write_search_bundles"):
        processes = build.write_search_bundles(site, runs, jobs)
    else:  # before: one Pagefind command line per shard, two at a time
        from concurrent.futures import ThreadPoolExecutor

        def one(run: tuple[list[str], str]) -> None:
            pages, folder = run
            ids = ",".join(p.split("/")[2] for p in pages)
            lang, kind = pages[0].split("/")[:2]
            if folder.endswith("/site"):
                glob = f"{lang}/{{drafts,examples}}/**/*.html"
            elif folder.endswith("/all"):
                glob = f"{lang}/{{acts,amendments}}/*/index.html"  # drafts left out
            else:
                glob = f"{lang}/{kind}/{{{ids}}}/index.html"
            build._run_pagefind(site, glob, folder)

        with ThreadPoolExecutor(max_workers=jobs) as threads:
            list(threads.map(one, runs))
        processes = len(runs)
    wall, cpu = time.perf_counter() - t, _cpu() - c
    shutil.rmtree(site / SCRATCH, ignore_errors=True)
    return {
        "bundles": len(runs),
        "processes": processes,
        "pages": sum(len(p) for p, _ in runs),
        "wall": wall,
        "cpu": cpu,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("site", type=Path, help="a built site (e.g. the build cache's site/)")
    ap.add_argument("--code", type=Path, default=Path(__file__).resolve().parents[1])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--whole", action="store_true", help="one bundle per language")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.code.resolve()))
    print("| bundles | processes | pages | wall s | CPU s | CPU ms per page | load average |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for _ in range(args.runs):
        load = os.getloadavg()[0]
        r = run_once(args.site.resolve(), args.whole)
        print(
            f"| {r['bundles']} | {r['processes']} | {r['pages']} | {r['wall']:.2f} | "
            f"{r['cpu']:.2f} | {r['cpu'] / max(r['pages'], 1) * 1000:.1f} | "
            f"{load:.1f} → {os.getloadavg()[0]:.1f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
