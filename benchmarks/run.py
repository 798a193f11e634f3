"""Benchmark the whole `zan build` pipeline stage by stage on a SYNTHETIC corpus.

The corpus comes from benchmarks/make_corpus.py (cached in benchmarks/.work/ by acts,
amendments and seed). Each run is a fresh subprocess (so peak memory is per run); the
orchestration of `generator.build.build_site` / `generator.publish.assemble` is copied
here so that the stages can be timed separately. Prints a Markdown table.

    .venv/bin/python benchmarks/run.py --acts 100 --runs 3
    .venv/bin/python benchmarks/run.py --acts 1000 --incremental
    .venv/bin/python benchmarks/run.py --acts 100 --profile consolidate   # cProfile top 25
    .venv/bin/python benchmarks/run.py --acts 1000 --e2e   # build_site itself, 5 scenarios

--e2e runs `generator.build.build_site` with its cache, one fresh interpreter per build, on a
corpus of N acts and N/2 amending acts (make_corpus.py with its extras; generated once and
reused): cold (empty cache), nothing changed, + 1 amending act touching 1 act, + 1 omnibus
amending act touching 20 acts, an edit of one stored text. Each row names the commit
measured (`git rev-parse --short HEAD`, «+dirty» when tracked files differ). The changes are
undone afterwards; --keep keeps the site and the cache. With --git the corpus folder is its
own git repository (one commit of the generated corpus, fixed author and date), as a real
corpus is, and each scenario's change is left uncommitted: the build finds it from
`git status` (generator/changes.py), not by comparing every folder's file signatures.

Peak MB: for the in-process stages, `ru_maxrss` of the benchmark process read at the end of
the stage (a high-water mark since the run started: the stage's peak is at most that); for
mkdocs and Pagefind, `ru_maxrss` of RUSAGE_CHILDREN (the largest child so far).
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
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "benchmarks" / ".work"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

TODAY = dt.date(2026, 11, 21)  # fixed: every synthetic amender is in force by then
STAGES = ["load+parse", "consolidate", "diff", "render pages", "mkdocs build", "search index"]


def corpus_dir(acts: int, amendments: int, seed: int) -> Path:
    """Generate the synthetic corpus once; reuse it afterwards."""
    import make_corpus

    d = WORK / f"corpus-a{acts}-m{amendments}-s{seed}-v{make_corpus.VERSION}"
    if not (d / "SYNTHETIC.txt").exists():
        make_corpus.make(REPO, d, acts, amendments, seed)
    return d


def _write_pages(pages: dict[str, str | bytes], docs: Path) -> None:
    """As generator.build._write_pages of edc3d7e (every page written)."""
    for rel_path, content in sorted(pages.items()):
        path = docs / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _mb(path: Path, pattern: str = "*") -> float:
    return sum(f.stat().st_size for f in path.rglob(pattern) if f.is_file()) / 1e6


def _rss(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def one_run(root: Path, out: Path, profile: str | None = None) -> dict:
    """One build, stage by stage (copied from build_site/assemble); returns the rows."""
    from generator import build, consolidate_corpus, publish
    from generator.corpus import load_corpus
    from generator.site import LANGS, json_dump

    rows: dict[str, dict] = {}
    clock = {"t": time.perf_counter()}
    prof = cProfile.Profile() if profile else None

    def stage(name: str, children: bool = False, **extra) -> None:
        now = time.perf_counter()
        rows[name] = {
            "s": now - clock["t"],
            "mb": _rss(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF),
            **extra,
        }
        print(f"stage {name}: {json.dumps(rows[name])}", file=sys.stderr, flush=True)
        clock["t"] = time.perf_counter()

    def maybe_profile(name: str):
        if prof and profile == name:
            prof.enable()

    def stop_profile():
        if prof:
            prof.disable()

    t0 = time.perf_counter()
    # -- load + parse: act.yml files, every stored edition parsed
    maybe_profile("load+parse")
    corpus = load_corpus(root)
    stored = {rid: publish._stored_versions(rec, TODAY) for rid, rec in corpus.acts.items()}
    stop_profile()
    stage("load+parse", pages=len(corpus.acts) + len(corpus.amendments))
    # -- consolidate: amenders read and applied (versions), ledgers
    maybe_profile("consolidate")
    pub = publish.Published(corpus=corpus, today=TODAY)
    index = consolidate_corpus.AmendersIndex(corpus)  # as publish.assemble at 96dfd63
    ledgers = consolidate_corpus.ledgers(corpus, TODAY, index)
    ledger_rows = publish.ledger_rows_by_act(ledgers)
    for rec in sorted(corpus.acts.values(), key=lambda r: r.id):
        site_act = publish.assemble_act(
            corpus,
            rec,
            index,
            ledger_rows.get(rec.id, []),
            TODAY,
            stored=stored[rec.id],
            diffs=False,
        )
        pub.acts.append(site_act)
    pub.amendments = ledgers.amenders
    pub.warnings += ledgers.warnings
    if hasattr(publish, "ledger_rows_by_act"):  # API of a929187
        pub.index = index
        pub.ledger_rows = publish.ledger_rows_by_act(ledgers)
    stop_profile()
    n_versions = sum(len(a.versions) for a in pub.acts)
    stage("consolidate", pages=n_versions)
    # -- diff: redline pages between every two versions
    maybe_profile("diff")
    for act in pub.acts:
        act.diffs = publish.version_diffs(act)
    stop_profile()
    stage("diff", pages=sum(len(a.diffs) for a in pub.acts))
    # -- render pages (Markdown) + data files, written to docs/
    if out.exists():
        shutil.rmtree(out)
    work, site_root = out / "_work", out / "site"
    work.mkdir(parents=True)
    site_root.mkdir()
    maybe_profile("render pages")
    n_md = 0
    data_files: dict[str, bytes] = {}
    if hasattr(publish, "summarize"):  # API of a929187
        pub.summaries = [publish.summarize(a) for a in pub.acts]
    for lang in LANGS:
        pages = publish.pages(pub, lang)
        n_md += sum(1 for p in pages if p.endswith(".md"))
        docs = work / "docs" / lang
        _write_pages(pages, docs)
        assets = docs / "assets"
        assets.mkdir(parents=True, exist_ok=True)
        for f in sorted((build.THEME / "assets").iterdir()):
            shutil.copyfile(f, assets / f.name)
        for rel_path, content in pages.items():
            if rel_path.endswith(".json"):
                data_files[f"{lang}/{rel_path}"] = (
                    content.encode("utf-8") if isinstance(content, str) else content
                )
        del pages
    (site_root / "index.html").write_text(publish.root_index(), encoding="utf-8")
    # The manifest's parts (their file lists are left empty here: no site is listed)
    shards = [f"{k}{s:02d}" for k in "am" for s in range(build.SHARDS)]
    parts = publish.manifest_parts(pub, {p: [] for p in shards})
    files = dict(data_files)
    (site_root / "manifest").mkdir()
    for name, data in parts.items():
        if data["texts"] or data["texts_amending"]:
            files[f"manifest/{name}.json"] = json_dump(data).encode("utf-8")
            (site_root / f"manifest/{name}.json").write_bytes(files[f"manifest/{name}.json"])
    manifest = publish.manifest([])
    (site_root / "manifest.json").write_text(json_dump(manifest), encoding="utf-8")
    files["manifest.json"] = json_dump(manifest).encode("utf-8")
    (site_root / "download").mkdir()
    (site_root / "download" / "zan-corpus.zip").write_bytes(build.bulk_zip(files))
    stop_profile()
    stage("render pages", pages=n_md, out_mb=_mb(work / "docs") + _mb(site_root))
    # -- mkdocs (one build per language)
    configs = [
        build.mkdocs_config(lang, work / "docs" / lang, site_root / lang, root / "mkdocs.yml")
        for lang in LANGS
    ]
    if hasattr(build, "_start_mkdocs"):  # 853ac75: kk and ru side by side
        procs = [build._start_mkdocs(config, work) for config in configs]
        errors = [err for err in (build._wait(p) for p in procs) if err]
        if errors:
            raise RuntimeError("\n".join(errors))
    else:
        for config in configs:
            build._run_mkdocs(config, work)
    for lang in LANGS:
        build._strip_nondeterminism(site_root / lang)
    html = sum(1 for _ in site_root.rglob("*.html"))
    stage("mkdocs build", children=True, pages=html, out_mb=_mb(site_root, "*.html"))
    if hasattr(build, "write_search_bundles"):  # one Pagefind process per core
        from generator.incremental import shard_of

        ids = sorted(a.id for a in pub.acts)
        runs = []
        for lang in ("kk", "ru"):
            for shard in sorted({shard_of(a, build.SHARDS) for a in ids}):
                mine = [a for a in ids if shard_of(a, build.SHARDS) == shard]
                pages = [f"{lang}/acts/{a}/index.html" for a in mine]
                runs.append((pages, f"pagefind/{lang}/a{shard:02d}"))
            other = sorted(
                p.relative_to(site_root).as_posix()
                for sub in ("amendments", "drafts", "examples")
                for p in (site_root / lang / sub).rglob("*.html")
            )
            runs += [(other, f"pagefind/{lang}/site")] if other else []
        build.write_search_bundles(site_root, runs, 1)
    elif hasattr(build, "SHARDS"):  # a929187: only current texts, one index per act shard
        from generator.incremental import shard_of

        ids = sorted(a.id for a in pub.acts)
        for shard in sorted({shard_of(a, build.SHARDS) for a in ids}):
            mine = [a for a in ids if shard_of(a, build.SHARDS) == shard]
            glob = f"{{kk,ru}}/acts/{{{','.join(mine)}}}/index.html"
            build._run_pagefind(site_root, glob, f"pagefind/a{shard:02d}")
        build._run_pagefind(
            site_root, "{kk,ru}/{amendments,drafts,examples}/**/*.html", "pagefind/site"
        )
    else:
        build._run_pagefind(site_root)
    stage("search index", children=True, out_mb=_mb(site_root / "pagefind"))
    rows["total"] = {
        "s": time.perf_counter() - t0,
        "mb": max(_rss(resource.RUSAGE_SELF), _rss(resource.RUSAGE_CHILDREN)),
        "pages": html,
        "out_mb": _mb(site_root),
    }
    if prof:
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(30)
        rows["_profile"] = buf.getvalue()
    return rows


def e2e_run(root: Path, out: Path, cache: Path) -> dict:
    """`build.build_site` itself (with its cache, if it has one): wall, stages, peaks, output."""
    import inspect

    from generator import build

    kw = {"today": TODAY, "progress": False}
    cpu: dict[str, float] = {}
    _cpu_per_stage(build, cpu)
    params = inspect.signature(build.build_site).parameters
    if "cache_dir" in params:
        kw["cache_dir"] = cache
    t = time.perf_counter()
    summary = build.build_site(root, out, **kw)
    wall = time.perf_counter() - t
    self_mb, child_mb = _rss(resource.RUSAGE_SELF), _rss(resource.RUSAGE_CHILDREN)
    html = sum(1 for _ in out.rglob("*.html"))
    return {
        "total": {
            "s": wall,
            "self_mb": self_mb,
            "mb": child_mb,
            "pages": html,
            "out_mb": _mb(out),
            "stages": dict(getattr(summary, "stages", {})),
            "cpu": dict(getattr(summary, "cpu", {})) or cpu,
            "search_processes": getattr(summary, "search_processes", None),
            "search_pages": getattr(summary, "search_pages", None),
            "outstanding": sum(getattr(summary, "outstanding", {}).values()),
            "summary": summary.line(),
        }
    }


def _cpu() -> float:
    """CPU seconds (user + sys) of this process and its children so far."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _cpu_per_stage(build, cpu: dict[str, float]) -> None:
    """Record in ``cpu`` the CPU seconds (this process and its children, user + sys) of each
    stage of ``build.build_site``: its summary's stage times are set at the end of each
    stage, so a dict that notes the CPU used since the last one gives each stage's CPU
    (children count once they were waited for)."""
    last = [_cpu()]

    class Stages(dict):
        def __setitem__(self, name, value):
            now = _cpu()
            cpu[name] = cpu.get(name, 0.0) + now - last[0]
            last[0] = now
            super().__setitem__(name, value)

    class Summary(build.BuildSummary):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.stages = Stages()

    build.BuildSummary = Summary


def split_stages(stages: dict[str, float]) -> tuple[float, float]:
    """(generator stages before mkdocs, mkdocs) seconds of a build's stage times.

    >>> split_stages({"load": 1.0, "acts": 2.5, "site pages": 0.5, "mkdocs": 4.0, "search": 3.0})
    (4.0, 4.0)
    """
    before, mkdocs, seen = 0.0, 0.0, False
    for name, s in stages.items():
        if name.startswith("mkdocs"):
            seen = True
            mkdocs += s
        elif not seen:
            before += s
    return before, mkdocs


def spawn(root: Path, out: Path, profile: str | None, e2e: Path | None = None) -> dict:
    """One run in a fresh interpreter (clean peak-memory counters)."""
    cmd = [sys.executable, __file__, "--_one", str(root), "--_out", str(out)]
    if profile:
        cmd += ["--profile", profile]
    if e2e:
        cmd += ["--_e2e", str(e2e)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"run failed:\n{proc.stderr[-4000:]}")
    if profile:
        print(proc.stderr, file=sys.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(runs: list[dict], title: str) -> str:
    """Median of each cell over the runs, as Markdown."""
    med = lambda name, key: statistics.median(r[name].get(key, 0) or 0 for r in runs)  # noqa: E731
    lines = [
        f"**{title}** (median of {len(runs)} run{'s' if len(runs) > 1 else ''})",
        "",
        "| stage | wall s | peak MB | pages | output MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in [*STAGES, "total"]:
        pages = med(name, "pages")
        out_mb = med(name, "out_mb")
        lines.append(
            f"| {name} | {med(name, 's'):.2f} | {med(name, 'mb'):.0f} | "
            f"{int(pages) if pages else ''} | {f'{out_mb:.1f}' if out_mb else ''} |"
        )
    gen = sum(med(n, "s") for n in STAGES[:4])
    mk = med("mkdocs build", "s")
    html = med("mkdocs build", "pages")
    lines += [
        "",
        f"generator stages {gen:.2f} s / mkdocs {mk:.2f} s = **{gen / mk:.2f}**; "
        f"output per page: {med('total', 'out_mb') * 1000 / max(html, 1):.0f} KB all files, "
        f"{med('mkdocs build', 'out_mb') * 1000 / max(html, 1):.0f} KB HTML only "
        f"({int(html)} HTML pages).",
    ]
    return "\n".join(lines)


def e2e_corpus(args, m: int) -> Path:
    """The corpus of --e2e (with the extras of make_corpus: the next amending acts and an
    edit), generated once and reused while its SYNTHETIC.txt names the same parameters."""
    import make_corpus

    d = args.corpus or WORK / f"e2e-a{args.acts}-m{m}-s{args.seed}-v{make_corpus.VERSION}"
    stamp = d / "SYNTHETIC.txt"
    want = f"--acts {args.acts} --amendments {m} --seed {args.seed} "
    if (
        not stamp.exists()
        or want not in stamp.read_text(encoding="utf-8")
        or not (d / "extra").is_dir()
    ):
        t = time.perf_counter()
        summary = make_corpus.make(REPO, d, args.acts, m, args.seed, extras=True)
        print(
            f"corpus {d}: generated in {time.perf_counter() - t:.1f} s: {summary}", file=sys.stderr
        )
    else:
        print(f"corpus {d}: reused", file=sys.stderr)
    return d


GIT_ENV = {
    "GIT_AUTHOR_NAME": "zan benchmark",
    "GIT_AUTHOR_EMAIL": "bench@zan.invalid",
    "GIT_COMMITTER_NAME": "zan benchmark",
    "GIT_COMMITTER_EMAIL": "bench@zan.invalid",
    "GIT_AUTHOR_DATE": "2026-11-21T00:00:00+00:00",
    "GIT_COMMITTER_DATE": "2026-11-21T00:00:00+00:00",
}


def git_corpus(root: Path) -> None:
    """Make the generated corpus a git repository with everything committed once (the
    scenarios' extras and backups ignored), unless it already is one."""
    if (root / ".git").is_dir():
        return
    env = {**os.environ, **GIT_ENV}
    t = time.perf_counter()
    (root / ".gitignore").write_text("extra/\n", encoding="utf-8")
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "synthetic corpus"]):
        subprocess.run(["git", "-C", str(root), *cmd], check=True, env=env)
    print(f"corpus {root}: committed to git in {time.perf_counter() - t:.1f} s", file=sys.stderr)


class Scenarios:
    """The changes of --e2e, made in the corpus and undone afterwards (also after a run that
    was interrupted: the extras are removed and the edited text restored first)."""

    def __init__(self, root: Path):
        self.root = root
        self.extra = root / "extra"
        self.new = sorted(p.name for p in (self.extra / "amendments").iterdir())
        self.edited = sorted(p.name for p in (self.extra / "edit" / "corpus").iterdir())
        self.backup = self.extra / "backup"
        self.restore()

    def add(self, amender: str) -> None:
        shutil.copytree(self.extra / "amendments" / amender, self.root / "amendments" / amender)

    def edit(self) -> None:
        for act in self.edited:
            if not (self.backup / act).exists():
                shutil.copytree(self.root / "corpus" / act, self.backup / act)
            shutil.copytree(
                self.extra / "edit" / "corpus" / act, self.root / "corpus" / act, dirs_exist_ok=True
            )

    def restore(self) -> None:
        for amender in self.new:
            shutil.rmtree(self.root / "amendments" / amender, ignore_errors=True)
        for act in self.edited:
            if (self.backup / act).exists():
                shutil.rmtree(self.root / "corpus" / act)
                shutil.copytree(self.backup / act, self.root / "corpus" / act)
                shutil.rmtree(self.backup / act)


def e2e(args, m: int, commit: str) -> int:
    """build_site, one fresh interpreter per build: cold (empty cache), nothing changed,
    + 1 amending act touching 1 act, + 1 omnibus amending act touching 20 acts, an edit of
    one stored text."""
    root = e2e_corpus(args, m)
    if args.git:
        Scenarios(root)  # the corpus as generated (an interrupted run's changes undone)
        git_corpus(root)
    out = WORK / f"site-e2e-a{args.acts}"
    cache = WORK / f"cache-e2e-a{args.acts}"
    scen = Scenarios(root)
    one, omnibus = scen.new

    def clean() -> None:
        shutil.rmtree(cache, ignore_errors=True)
        if out.is_symlink():  # a published site: the link to its release
            out.unlink()
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(out.with_name(out.name + ".zan-releases"), ignore_errors=True)

    clean()
    rows = []

    def run(name: str) -> None:
        r = spawn(root, out, None, cache)["total"]
        rows.append((name, r))
        load = "/".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{name}: {r['s']:.1f} s (load {load}); {r['summary']}", file=sys.stderr, flush=True)

    try:
        run("cold (empty cache)")
        run("nothing changed")
        scen.add(one)
        run(f"+ 1 amending act ({one}) touching 1 act")
        scen.add(omnibus)
        run(f"+ 1 omnibus amending act ({omnibus}) touching 20 acts")
        scen.edit()
        run(f"edit of one stored text ({', '.join(scen.edited)})")
    finally:
        scen.restore()
        if not args.keep:
            clean()
    end = _commit()
    how = ", corpus in git" if args.git else ", corpus outside git (signature walk)"
    print(
        f"**build_site end to end, {args.acts} acts, {m} amending acts (seed {args.seed}){how}**\n"
    )
    print(
        "| commit | build | wall s | generator s (before mkdocs) | mkdocs s | peak MB (python) "
        "| peak MB (children) | HTML pages | output MB | outstanding |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in rows:
        gen, mk = split_stages(r["stages"])
        print(
            f"| {commit} | {name} | {r['s']:.2f} | {gen:.2f} | {mk:.2f} | {r['self_mb']:.0f} | "
            f"{r['mb']:.0f} | {r['pages']} | {r['out_mb']:.1f} | {r['outstanding']} |"
        )
    print()
    for name, r in rows:
        print(f"- {name}: {r['summary']}")
    if any(r.get("cpu") for _, r in rows):
        print("\nCPU s (user + system, the build and its children) by stage:\n")
        for name, r in rows:
            cpu = ", ".join(f"{k} {v:.1f}" for k, v in r["cpu"].items())
            search = ""
            if r.get("search_processes") is not None:
                search = (
                    f"; search: {r['search_processes']} Pagefind process(es), "
                    f"{r['search_pages']} pages indexed"
                )
            print(f"- {name}: {cpu}{search}")
    if end != commit:
        print(f"\nHEAD moved to {end} during the runs!")
    return 0


def _commit() -> str:
    """The commit measured: `git rev-parse --short HEAD`, «+dirty» when tracked files differ."""
    head = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    status = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return head + ("+dirty" if status else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--acts", type=int, default=100)
    ap.add_argument("--amendments", type=int, default=None, help="default: acts // 2")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--incremental", action="store_true")
    ap.add_argument("--profile", choices=STAGES[:4], default=None)
    ap.add_argument("--_one", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--_out", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--_e2e", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument(
        "--e2e",
        action="store_true",
        help="time build_site itself: cold (empty cache), nothing changed, + 1 amending act "
        "(1 act), + 1 omnibus amending act (20 acts), an edit of one stored text",
    )
    ap.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="--e2e: the synthetic corpus folder (generated there once, reused afterwards; "
        "default benchmarks/.work/e2e-a<N>-m<M>-s<SEED>-v<VERSION>)",
    )
    ap.add_argument(
        "--keep",
        action="store_true",
        help="--e2e: keep the site and the build cache after the run (the corpus is always "
        "kept for reuse; delete its folder to regenerate it)",
    )
    ap.add_argument(
        "--git",
        action="store_true",
        help="--e2e: make the corpus folder a git repository (committed once) so that builds "
        "find the changes from git, as in a real corpus",
    )
    args = ap.parse_args(argv)
    if args._one and args._e2e:
        print(json.dumps(e2e_run(args._one, args._out, args._e2e)))
        return 0
    if args._one:
        rows = one_run(args._one, args._out, args.profile)
        prof = rows.pop("_profile", None)
        if prof:
            print(prof, file=sys.stderr)
        print(json.dumps(rows))
        return 0
    m = args.amendments if args.amendments is not None else max(1, args.acts // 2)
    commit = _commit()
    if args.e2e:
        return e2e(args, m, commit)
    t = time.perf_counter()
    root = corpus_dir(args.acts, m, args.seed)
    print(
        f"corpus {root.name}: generated/reused in {time.perf_counter() - t:.1f} s", file=sys.stderr
    )
    out = WORK / f"site-a{args.acts}"
    runs = []
    for i in range(args.runs):
        r = spawn(root, out, args.profile)
        print(f"run {i + 1}: total {r['total']['s']:.1f} s", file=sys.stderr)
        runs.append(r)
    print(table(runs, f"{args.acts} acts, {m} amending acts, seed {args.seed}: full build"))
    if args.incremental:
        import make_corpus

        extra = WORK / f"extra-a{args.acts}-m{m}-s{args.seed}-v{make_corpus.VERSION}"
        make_corpus.make(REPO, extra, args.acts, m + 1, args.seed, last_targets=1)
        new = make_corpus.act_id("ZBA", m + 1)
        shutil.copytree(extra / "amendments" / new, root / "amendments" / new)
        try:
            r = spawn(root, out, None)
        finally:
            shutil.rmtree(root / "amendments" / new)
        print()
        print(table([r], f"incremental: + 1 amending act ({new}) touching 1 act, rebuild"))
    end = _commit()
    print(
        f"\ncommit {commit}" + ("" if end == commit else f" (HEAD moved to {end} during the runs!)")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
