"""Benchmark: `zan import-bank` over the real text-bank files, then `zan build` (issue 16, item 5).

Usage (from the repository root)::

    .venv/bin/python benchmarks/import_bank.py [SET ...] [--empty] [--no-build] [--keep DIR]

SET defaults to ../shared/realworld and benchmarks/realworld-sample. Their layout is
``amendments/N/{kk,ru}.md``, ``targets/M/…``, ``acts/N/…``, not the mirror's; the script
lays out a mirror folder ``kaz/N.md``, ``rus/N.md`` (symbolic links to the files) in a
temporary folder, imports it into a temporary copy of this repository's corpus (``--empty``:
an empty root), builds that root into a temporary ``--out`` and prints: acts imported by
kind, amending acts, ledger rows by status (applied / outstanding by reason / reflected /
not in corpus), versions, files not placed by reason, import time, build time. A second
import of the same folder must change nothing (checked: file hashes before and after). Not
a test: it prints figures.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.bank import import_bank, write_report  # noqa: E402
from generator.clock import today  # noqa: E402

DEFAULT_SETS = [ROOT / ".." / "shared" / "realworld", ROOT / "benchmarks" / "realworld-sample"]


def make_mirror(sets: list[Path], out: Path) -> int:
    """Lay out ``out/kaz/N.md`` and ``out/rus/N.md`` as links to every act of the sets;
    returns the number of acts. A number found twice keeps its first set's files."""
    (out / "kaz").mkdir(parents=True)
    (out / "rus").mkdir()
    seen: set[str] = set()
    for s in sets:
        for group in ("amendments", "targets", "acts"):
            base = s / group
            if not base.is_dir():
                continue
            for d in sorted(base.iterdir(), key=lambda p: p.name):
                if not d.name.isdigit() or d.name in seen:
                    continue
                seen.add(d.name)
                for lang, sub in (("kk", "kaz"), ("ru", "rus")):
                    if (d / f"{lang}.md").is_file():
                        (out / sub / f"{d.name}.md").symlink_to((d / f"{lang}.md").resolve())
    return len(seen)


def cpu() -> float:
    """CPU seconds of this process and its finished children (the wall time on a shared
    machine says more about the other jobs than about zan)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def tree_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under corpus/ and amendments/."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for top in ("corpus", "amendments")
        for p in sorted((root / top).rglob("*"))
        if p.is_file()
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--empty", action="store_true", help="import into an empty root")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = ap.parse_args(argv)
    sets = args.sets or DEFAULT_SETS
    work = args.keep or Path(tempfile.mkdtemp(prefix="zan-bank-"))
    try:
        mirror, root, out = work / "mirror", work / "repo", work / "site"
        n = make_mirror(sets, mirror)
        root.mkdir(parents=True)
        if args.empty:
            (root / "corpus").mkdir()
            shutil.copy(ROOT / "mkdocs.yml", root)
        else:
            for top in ("corpus", "amendments", "drafts"):
                shutil.copytree(ROOT / top, root / top)
            shutil.copy(ROOT / "mkdocs.yml", root)
        shared = ROOT.parent / "shared"
        if shared.is_dir():
            (work / "shared").symlink_to(shared.resolve())
        print(f"mirror: {n} acts from {', '.join(str(s) for s in sets)}")
        t0, c0 = time.perf_counter(), cpu()
        report = import_bank(mirror, root, today())
        t_import, c_import = time.perf_counter() - t0, cpu() - c0
        write_report(report, work / "import-bank.yml")
        before = tree_hashes(root)
        t0, c0 = time.perf_counter(), cpu()
        again = import_bank(mirror, root, today())
        t_again, c_again = time.perf_counter() - t0, cpu() - c0
        same = tree_hashes(root) == before
        placed = [o for o in report.outcomes if o.status != "not-placed"]
        kinds = Counter(f"{o.kind} ({o.type})" for o in placed)
        print(
            f"import: {t_import:.1f} s ({c_import:.1f} s CPU); again: {t_again:.1f} s "
            f"({c_again:.1f} s CPU), {again.counts()} ",
            end="",
        )
        print("(nothing changed)" if same else "(FILES CHANGED)")
        print(f"acts by outcome: {report.counts()}")
        print(f"placed by kind: {dict(sorted(kinds.items()))}")
        print(f"amending acts: {sum(1 for o in placed if o.kind == 'amending')}")
        print(f"stored editions: {sum(len(o.editions) or 1 for o in placed if o.kind == 'act')}")
        print(f"not placed by reason: {report.not_placed()}")
        for o in report.outcomes:
            if o.status == "not-placed":
                print(f"  {o.reason[:160]}")
        print(f"ledger rows by status: {report.ledger_counts()}")
        why = Counter(
            "date not known" if "its date is not known" in (r.get("detail") or "") else "failed"
            for r in report.ledger
            if r.get("status") == "outstanding-failed"
        )
        print(f"outstanding-failed by reason: {dict(sorted(why.items()))}")
        print(f"citation warnings: {len(report.warnings)}")
        print(f"reflected by an editorial note: {len(report.reflected)}")
        if args.no_build:
            return 0 if same else 1
        from generator.build import main_build

        t0, c0 = time.perf_counter(), cpu()
        code = main_build(root, out, False, False, False)
        t_build, c_build = time.perf_counter() - t0, cpu() - c0
        print(f"build: {t_build:.1f} s ({c_build:.1f} s CPU; exit {code}, no search index)")
        # Acts, versions and pages built: the build's own summary line above.
        pages = sum(1 for _ in out.rglob("*.html")) if out.exists() else 0
        print(f"site: {pages} HTML pages")
        return 0 if same and code == 0 else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
