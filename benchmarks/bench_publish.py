"""Time the publish step (`releases.publish_release`) on a tree shaped like a built zan site.

    .venv/bin/python benchmarks/bench_publish.py --acts 1000 10000 --runs 3
    .venv/bin/python benchmarks/bench_publish.py --acts 30000 --scale 0.1 --module OLD.py

The tree (in `--work`, default benchmarks/.work/publish-K; deleted afterwards) has the layout
of a real built site (`./dev build`, `benchmarks/run.py --e2e`): per language, `acts/<ID>/`
with the 14 files of an act with one amending act (the act in force, its history, versions
list and JSON, units, the parallel page; the original and the amended version, each with
its JSON and parallel page; the redline of the two; a day's redirect page), of the sizes a
real built act has (× `--scale`), `amendments/<ID>/` (page and JSON) for K/2 amending acts,
the search shards `pagefind/<lang>/a00…a63` and `m00…m63` (an entry, a meta file, an index
file per 16 pages, a fragment per page), and the site-wide files: the root and language
pages, the catalogue by type and year, feeds, the outstanding queue, assets, 64 download
archives and the manifest (sizes growing with K as they do). 35 files per act in all.

Scenarios, as `build_site` calls publish_release (``unchanged``: the folders of acts,
amending acts and search shards the build did not touch):

1. first publish (no site yet; the site and its releases are removed before each run);
2. nothing changed;
3. one act changed (its two language folders rewritten, a new amending act, the search
   shards, the download archive, the catalogue and the manifest that change with it);
4. 20 acts changed (the same for 20 acts).

Each figure: the median of ``--runs`` runs, wall and CPU (user + system of this process,
getrusage) seconds, with the load average (1 min) at the start of the scenario. Prints a
Markdown table. ``--module``: a file with another ``publish_release`` (e.g. the one of an
earlier commit: ``git show COMMIT:generator/incremental.py > OLD.py``) to time instead.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

LANGS = ("kk", "ru")
SHARDS = 64
# An act's files (per language) and their sizes in bytes, from a real built act of the e2e
# corpus (benchmarks/run.py --e2e, site-e2e-a100/kk/acts/ZB00000001).
ACT_FILES = (
    ("index.html", 37158),
    ("history/index.html", 12945),
    ("versions/index.html", 10000),
    ("versions.json", 375),
    ("units.json", 21152),
    ("parallel/index.html", 8453),
    ("original/index.html", 34663),
    ("original/act.json", 1518),
    ("original/parallel/index.html", 8446),
    ("{am}/index.html", 36281),
    ("{am}/act.json", 1803),
    ("{am}/parallel/index.html", 8558),
    ("diff/original--{am}/index.html", 15473),
    ("2010-02-09/index.html", 456),
)
AMENDER_FILES = (("index.html", 19000), ("act.json", 7000))
SITE_FILES = (  # per language; the catalogue's and the feed's sizes per act
    ("index.html", 50658, 0),
    ("404.html", 6956, 0),
    ("assets/zan.js", 28837, 0),
    ("assets/zan.css", 9757, 0),
    ("assets/zan-search.js", 7534, 0),
    ("search/index.html", 11028, 0),
    ("search/facets.json", 10161, 0),
    ("outstanding/index.html", 7738, 0),
    ("feeds/drafts.xml", 330, 0),
    ("feeds/changes.xml", 0, 900),
    ("catalogue/index.json", 71, 0),
)


def act_id(n: int) -> str:
    return f"ZB{n:08d}"


def amender_id(n: int) -> str:
    return f"ZBA{n:08d}"


class Site:
    """The built tree (``built``) of K acts, and the changes a build makes to it."""

    def __init__(self, built: Path, acts: int, scale: float):
        self.built, self.acts, self.scale = built, acts, scale
        self.amenders = max(1, acts // 2)
        self.gen = 0  # bumped by each change: new bytes

    def _write(self, rel: str, size: int) -> None:
        path = self.built / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        head = f"{rel} {self.gen}\n".encode()
        n = max(len(head), int(size * self.scale))
        path.write_bytes(head + b"." * (n - len(head)))

    def write_act(self, n: int) -> None:
        am = amender_id(1 + n % self.amenders)
        for lang in LANGS:
            shutil.rmtree(self.built / lang / "acts" / act_id(n), ignore_errors=True)
            for rel, size in ACT_FILES:
                self._write(f"{lang}/acts/{act_id(n)}/{rel.format(am=am)}", size)

    def write_amender(self, n: int) -> None:
        for lang in LANGS:
            for rel, size in AMENDER_FILES:
                self._write(f"{lang}/amendments/{amender_id(n)}/{rel}", size)

    def write_shard(self, kind: str, shard: int) -> None:
        members = self.acts if kind == "a" else self.amenders
        pages = -(-members // SHARDS) * (len(ACT_FILES) if kind == "a" else 1)
        for lang in LANGS:
            d = f"pagefind/{lang}/{kind}{shard:02d}"
            shutil.rmtree(self.built / d, ignore_errors=True)
            self._write(f"{d}/pagefind-entry.json", 171)
            self._write(f"{d}/pagefind.{lang}_{shard:02d}.pf_meta", 113 + 8 * pages)
            for i in range(max(1, pages // 16)):
                self._write(f"{d}/index/{lang}_{i:04d}.pf_index", 32024)
            for i in range(-(-members // SHARDS)):
                self._write(f"{d}/fragment/{lang}_{shard:02d}{i:05d}.pf_fragment", 6169)

    def write_site(self) -> None:
        """The site-wide files: rewritten by every build that changes anything."""
        k = self.acts
        self._write("index.html", 1164)
        self._write("manifest.json", 100 * 35 * k)
        for lang in LANGS:
            for rel, size, per_act in SITE_FILES:
                self._write(f"{lang}/{rel}", size + per_act * k)
            for year in range(1990, 1990 + max(1, k // 50)):
                self._write(f"{lang}/catalogue/law-{year}.json", 50 * 600)
        for shard in range(SHARDS):
            self._write(f"download/zan-corpus-{shard:02d}.zip", 20000 * k // SHARDS)

    def make(self) -> None:
        shutil.rmtree(self.built, ignore_errors=True)
        for n in range(1, self.acts + 1):
            self.write_act(n)
        for n in range(1, self.amenders + 1):
            self.write_amender(n)
        for shard in range(SHARDS):
            self.write_shard("a", shard)
            self.write_shard("m", shard)
        self.write_site()

    def units(self) -> list[str]:
        """Every folder of an act, amending act or search shard."""
        out = [f"{lang}/acts/{act_id(n)}" for lang in LANGS for n in range(1, self.acts + 1)]
        out += [
            f"{lang}/amendments/{amender_id(n)}"
            for lang in LANGS
            for n in range(1, self.amenders + 1)
        ]
        out += [
            f"pagefind/{lang}/{k}{s:02d}" for lang in LANGS for k in "am" for s in range(SHARDS)
        ]
        return out

    def change(self, acts: list[int]) -> frozenset[str]:
        """Rewrite the given acts, add an amending act, rewrite what changes with them;
        returns ``unchanged`` as the build gives it."""
        self.gen += 1
        self.amenders += 1
        touched = set()
        for n in acts:
            self.write_act(n)
            touched |= {f"{lang}/acts/{act_id(n)}" for lang in LANGS}
            shard = n % SHARDS
            self.write_shard("a", shard)
            touched |= {f"pagefind/{lang}/a{shard:02d}" for lang in LANGS}
        self.write_amender(self.amenders)
        self.write_shard("m", self.amenders % SHARDS)
        touched |= {f"pagefind/{lang}/m{self.amenders % SHARDS:02d}" for lang in LANGS}
        self.write_site()
        return frozenset(u for u in self.units() if u not in touched)


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(fn) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), _cpu()
    result = fn()
    return time.perf_counter() - wall, _cpu() - cpu, result


def load_publish(module: Path | None):
    if module is None:
        from generator.releases import publish_release

        return publish_release
    spec = importlib.util.spec_from_file_location("publish_under_test", module)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod.publish_release


def bench(acts: int, runs: int, first_runs: int, scale: float, work: Path, publish) -> dict:
    """The scenarios at K = ``acts``: {scenario: (wall, cpu, load)} medians."""
    built, out = work / "built", work / "site"
    releases = out.with_name(out.name + ".zan-releases")
    site = Site(built, acts, scale)
    t = time.perf_counter()
    site.make()
    files = sum(len(f) for _, _, f in os.walk(built))
    print(f"K={acts}: {files} files made in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    rows: dict[str, list[tuple[float, float, float]]] = {}

    def clear() -> None:
        if out.is_symlink():
            out.unlink()
        shutil.rmtree(releases, ignore_errors=True)

    def run(name: str, unchanged: frozenset[str]) -> None:
        load = os.getloadavg()[0]
        wall, cpu, release = timed(lambda: publish(built, out, unchanged))
        rows.setdefault(name, []).append((wall, cpu, load))
        print(f"  {name}: {wall:.2f} s wall, {cpu:.2f} s CPU ({release})", file=sys.stderr)

    for _ in range(first_runs):
        clear()
        run("first publish", frozenset())
    for _ in range(runs):
        run("nothing changed", frozenset(site.units()))
    for i in range(runs):
        run("one act changed", site.change([1 + (7 * i) % acts]))
    for i in range(runs):
        run("20 acts changed", site.change([1 + (37 * i + 11 * j) % acts for j in range(20)]))
    clear()
    shutil.rmtree(built, ignore_errors=True)
    return {
        name: tuple(statistics.median(r[i] for r in rs) for i in range(3))
        for name, rs in rows.items()
    } | {"files": files}


def _commit() -> str:
    head = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no", "generator"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return head + ("+dirty" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    """Entry point: the table of the scenarios at each K."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--acts", type=int, nargs="+", default=[1000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--first-runs", type=int, default=None, help="default: --runs")
    ap.add_argument("--scale", type=float, default=0.1, help="file sizes × this (default 0.1)")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--module", type=Path, default=None, help="publish_release from this file")
    ap.add_argument("--label", default=None, help="the commit column (default: HEAD)")
    args = ap.parse_args(argv)
    publish = load_publish(args.module)
    label = args.label or _commit()
    print("| commit | K | files | scenario | wall s | CPU s | load avg |")
    print("|---|---:|---:|---|---:|---:|---:|")
    for k in args.acts:
        work = args.work or REPO / "benchmarks" / ".work" / f"publish-{k}"
        work.mkdir(parents=True, exist_ok=True)
        res = bench(k, args.runs, args.first_runs or args.runs, args.scale, work, publish)
        files = res.pop("files")
        for name, (wall, cpu, load) in res.items():
            print(f"| {label} | {k} | {files} | {name} | {wall:.2f} | {cpu:.2f} | {load:.1f} |")
        sys.stdout.flush()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
