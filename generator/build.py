"""`zan build`: the whole pipeline, corpus → site/.

import (stored texts) → parse → amend/consolidate (versions) → diff → render pages →
mkdocs-material (one build per language) → Pagefind search index → publish.
A build that fails leaves the previous site untouched: everything is built in the cache
(`.zan-cache/site`), the cache's records are written last, and only then is the site
published, as a new release that `<out>` is switched to in one rename
(`releases.publish_release`).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from . import publish
from .children import die_with_parent, tied
from .incremental import (
    SHARDS,
    STATE_VERSION,
    State,
    code_hash,
    shard_of,
    write_if_changed,
)
from .killpoint import point as kill_point
from .mkdocs_delta import dest_of, theme_versions
from .paths import guard_build
from .releases import SITE_MARK, current_release, publish_release, remove_path
from .site import LANGS, actions_ui_script, json_dump, ui

if TYPE_CHECKING:
    from .changes import Changes

THEME = Path(__file__).with_name("theme")
MKDOCS_KEYS = frozenset(
    {"use_directory_urls", "theme", "markdown_extensions", "extra_css", "extra_javascript", "extra"}
)


@dataclass
class BuildSummary:
    """What a build produced."""

    acts: int = 0
    versions: int = 0
    pages: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)  # stage → wall seconds
    # stage → CPU seconds (user + system) of the build and of its children waited for
    cpu: dict[str, float] = field(default_factory=dict)
    search_processes: int = 0  # Pagefind processes started (one per core at most)
    search_pages: int = 0  # pages indexed
    rebuilt_acts: int = 0
    # Outstanding effects published as such, by reason (EffectStatus value → count).
    outstanding: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        """One-line summary for the terminal."""
        stages = ", ".join(f"{k} {v:.1f} s" for k, v in self.stages.items())
        n = sum(self.outstanding.values())
        reasons = ", ".join(f"{k} {v}" for k, v in self.outstanding.items())
        return (
            f"built {self.acts} acts ({self.rebuilt_acts} assembled anew), {self.versions} "
            f"versions, {self.pages} pages in {self.seconds:.1f} s ({stages}); "
            f"{n} outstanding effect(s) ({reasons})"
        )


def mkdocs_config(lang: str, docs: Path, site: Path, base: Path | None = None) -> dict:
    """The mkdocs configuration of one language tree: mkdocs.yml plus the language's own."""
    t = ui(lang)
    config = yaml.safe_load(base.read_text(encoding="utf-8")) if base and base.exists() else {}
    # Presentation only: no `hooks`, `INHERIT`, `watch` or paths of mkdocs.yml reach mkdocs
    # (they would run code or read outside the repository; paths.py).
    config = {k: v for k, v in (config or {}).items() if k in MKDOCS_KEYS}
    theme = dict(config.get("theme") or {"name": "material"})
    theme["language"] = lang
    theme["custom_dir"] = str(THEME)  # always the package's partials (kk strings)
    theme["font"] = False
    config.update(
        {
            "site_name": t["site_name"],
            "docs_dir": str(docs),
            "site_dir": str(site),
            "theme": theme,
            "plugins": [],
            "nav": [{t["catalogue"]: "index.md"}, {t["search"]: "search/index.md"}],
        }
    )
    extra = dict(config.get("extra") or {})
    extra["generator"] = False  # no «Made with …» line: no English on a Kazakh page
    # The theme's own English strings replaced by the page language's (theme/404.html).
    extra["zan_not_found"] = {"title": t["not_found_title"], "text": t["not_found_text"]}
    extra["zan_catalogue"] = t["catalogue"]
    # The Atom feeds, announced in every page's head (theme/main.html).
    extra["zan_feeds"] = [
        {"href": "feeds/changes.xml", "title": t["feed_changes"]},
        {"href": "feeds/drafts.xml", "title": t["feed_drafts"]},
    ]
    config["extra"] = extra
    config.setdefault("markdown_extensions", ["attr_list", "md_in_html", "tables"])
    config.setdefault("extra_css", ["assets/zan.css"])
    config.setdefault("extra_javascript", ["assets/zan.js"])
    return config


def _start_mkdocs(
    config: dict, workdir: Path, dirty: bool = False, name: str | None = None
) -> subprocess.Popen:
    cfg = workdir / f"mkdocs-{name or config['theme']['language']}.yml"
    cfg.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=True), encoding="utf-8")
    args = ["--dirty"] if dirty else []
    return subprocess.Popen(
        tied(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", *args, "--config-file", str(cfg)]
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "0"},
    )


def _start_mkdocs_chunks(
    configs: list[tuple[str, dict]], workdir: Path, delta: bool = False
) -> subprocess.Popen:
    """One process building several chunks' configurations in turn, ``--dirty``
    (generator/mkdocs_chunks.py: one interpreter and theme start-up for all of them);
    ``delta``: docs folders of `delta_docs`."""
    files = []
    for name, config in configs:
        cfg = workdir / f"mkdocs-{name}.yml"
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=True)
        cfg.write_text(text, encoding="utf-8")
        files.append(str(cfg))
    return subprocess.Popen(
        tied(
            [
                sys.executable,
                str(Path(__file__).with_name("mkdocs_chunks.py")),
                *(["--delta"] if delta else []),
                *files,
            ]
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "0"},
    )


def delta_docs(layout: DocsLayout, built: Path, dest: Path) -> dict[tuple[str, str], Path]:
    """Per language, the docs folder of a small rebuild (under ``dest``): the pages the
    build wrote (``layout.touched``, from their own chunk) that mkdocs would rebuild, and
    the navigation's pages (mkdocs_chunks.stage_delta). Only languages with such a page."""
    from .mkdocs_delta import stage_delta

    def home(lang: str, rel: str) -> tuple[Path, str]:
        return layout.docs / lang / layout.chunk(f"{lang}/{rel}") / rel, rel

    out: dict[tuple[str, str], Path] = {}
    for lang in LANGS:
        mine = sorted(r.partition("/")[2] for r in layout.touched if r.startswith(f"{lang}/"))
        nav = [home(lang, rel) for rel in DocsLayout.SHARED]
        if stage_delta([home(lang, rel) for rel in mine], nav, built / lang, dest / lang):
            out[lang, "delta"] = dest / lang
    return out


def _wait(proc: subprocess.Popen) -> str:
    """Wait for a process; its error output when it failed, else ''."""
    _out, err = proc.communicate()
    return err if proc.returncode else ""


@cache
def _pagefind_binary() -> str:
    """Pagefind's executable (the pinned ``pagefind[bin]``), started directly: ``python -m
    pagefind`` starts an interpreter only to exec it."""
    from pagefind.service import get_executable

    binary = get_executable()
    if not binary:
        raise RuntimeError("pagefind's binary (pagefind[bin]) is not installed")
    return str(binary)


def _kept(name: str) -> bool:
    """Whether a file of a Pagefind bundle is written: its index and its code, not its
    ready-made interfaces (never loaded).

    >>> [_kept(n) for n in ("fragment/kk_1.pf_fragment", "pagefind.kk_2.pf_meta", "pagefind-ui.js")]
    [True, True, False]
    """
    return name.split("/")[0] in PAGEFIND_INDEX or name.endswith(".pf_meta") or _pagefind_code(name)


def _bundle_written(folder: Path) -> None:
    """A search bundle Pagefind has just written: its entry sorted."""
    sort_pagefind_entry(folder / "pagefind-entry.json")


def write_search_bundles(site: Path, runs: list[tuple[list[str], str]], jobs: int) -> int:
    """Index each ``(pages, bundle folder)`` of ``runs`` (paths relative to ``site``; each
    folder replaced whole) with one Pagefind service process per core for all of them
    (generator/search_index.py). Returns the processes started (0 when ``runs`` is empty).
    """
    from .search_index import write_bundles

    for _pages, subdir in runs:
        shutil.rmtree(site / subdir, ignore_errors=True)

    def done(subdir: str) -> None:
        _bundle_written(site / subdir)
        kill_point("search")

    return write_bundles(_pagefind_binary(), site, runs, jobs, done, _kept)


# What a search shard keeps (pagefind.js API, pagefind 1.5.2): its index (the entry, the
# metadata, index/filter/fragment chunks). Only the primary bundle, the one zan-search.js
# imports pagefind.js from, also keeps the code (pagefind.js, its worker and the
# WebAssembly): an index merged into it (`mergeIndex`) is read by the primary's code.
PAGEFIND_INDEX = frozenset({"pagefind-entry.json", "index", "filter", "fragment"})


def _pagefind_code(name: str) -> bool:
    """Whether a file of a Pagefind bundle is its code (kept in the primary bundle only).

    >>> [_pagefind_code(n) for n in ("pagefind.js", "wasm.ru.pagefind", "pagefind-ui.js")]
    [True, True, False]
    """
    return name in ("pagefind.js", "pagefind-worker.js") or (
        name.startswith("wasm.") and name.endswith(".pagefind")
    )


def prune_pagefind_code(folder: Path, primary: str | None, keep: Path) -> set[str]:
    """Keep Pagefind's code in the ``primary`` shard of a language's search folder only:
    removed from the other shards (a copy stays in ``keep``, in the cache), put back into
    the primary from that copy when it lacks it. Returns the shards it changed.
    """
    changed: set[str] = set()
    for shard in sorted(folder.iterdir()) if folder.is_dir() else ():
        code = [f for f in shard.iterdir() if f.is_file() and _pagefind_code(f.name)]
        for f in code:  # every Pagefind run writes the same code: the latest is kept
            write_if_changed(keep / f.name, f.read_bytes())
        if shard.name != primary:
            for f in code:
                f.unlink()
            changed |= {shard.name} if code else set()
        elif not code and keep.is_dir():
            for f in sorted(keep.iterdir()):
                shutil.copyfile(f, shard / f.name)
            changed.add(shard.name)
    return changed


def sort_pagefind_entry(path: Path) -> None:
    """Pagefind writes the languages of `pagefind-entry.json` in a random order (a hash
    map): rewritten with them sorted, so that two builds are byte-identical. The other
    files it writes are named by the hash of their bytes and hold no such map.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "pagefind-entry.json"
    >>> _ = f.write_text('{"version":"1.5.2","languages":{"ru":{"page_count":1},"kk":{}}}')
    >>> sort_pagefind_entry(f); f.read_text()
    '{"version":"1.5.2","languages":{"kk":{},"ru":{"page_count":1}}}'
    >>> shutil.rmtree(f.parent)
    """
    if not path.exists():  # nothing to index
        return
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry.get("languages", {}).items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _strip_nondeterminism(site: Path) -> None:
    """mkdocs writes build dates into sitemaps (at the top of its site folder); drop them
    for byte-identical builds. Material's own search (lunr, its worker) is dropped too: the
    site's search is Pagefind (about 1 MB per language tree nobody loads)."""
    for name in ("sitemap.xml.gz", "sitemap.xml"):
        _remove(site / name)
    js = site / "assets" / "javascripts"
    shutil.rmtree(js / "lunr", ignore_errors=True)
    shutil.rmtree(js / "workers", ignore_errors=True)
    # The theme's source maps (1.1 MB per language tree) serve only a developer's debugger.
    for folder in (js, site / "assets" / "stylesheets"):
        for f in folder.glob("*.map") if folder.is_dir() else ():
            _remove(f)


def bulk_zip(files: dict[str, bytes]) -> bytes:
    """A deterministic zip (fixed timestamps, sorted names)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            # Level 5: 7 % larger than the default 6 and 1.6 times faster on this JSON.
            zf.writestr(info, files[name], compresslevel=5)
    return buf.getvalue()


PARALLEL_FROM = 16  # acts to assemble before worker processes are used
ACTS_PER_CHUNK = 250  # mkdocs builds at most about this many acts' pages at a time

# Set in the parent before forking the workers (the corpus is shared, not pickled).
_JOB: dict = {}


def _act_job(act_id: str) -> tuple[str, list[str], dict, set[tuple[str, str]]]:
    """Assemble one act, render its pages in both languages and write those that changed
    (runs in a worker: only the list of pages goes back, not their text).

    Returns the act's ID, its pages, its summary and the docs chunks it changed.
    """
    corpus, index, rows, today = _JOB["corpus"], _JOB["index"], _JOB["rows"], _JOB["today"]
    act = publish.assemble_act(corpus, corpus.acts[act_id], index, rows.get(act_id, []), today)
    layout = DocsLayout(_JOB["docs"], _JOB["chunks"])
    pages: list[str] = []
    for lang in LANGS:
        for rel, content in publish.act_pages(act, lang).items():
            layout.write(f"{lang}/{rel}", content)
            pages.append(f"{lang}/{rel}")
    # As JSON sees it (dates as text), so a cached summary equals a fresh one.
    data = json.loads(json.dumps(asdict(publish.summarize(act)), ensure_ascii=False, default=str))
    return act_id, sorted(pages), data, layout.changed


def _act_key_inputs(rec, index, sigs: dict[str, str]) -> str:
    """The digest of an act's folder and of the amenders citing it (`_act_key` without
    their ledger rows)."""
    h = hashlib.sha256(sigs[rec.folder.name].encode())
    for am_rec, lang in index.citing(rec.id):
        h.update(f"\0{am_rec.id} {lang} {sigs['amender:' + am_rec.id]}".encode())
    return h.hexdigest()


def _act_key(inputs: str, rows: list[dict]) -> str:
    """What an act's pages depend on: its folder and the amenders citing it (``inputs``,
    `_act_key_inputs`) and their ledger rows."""
    h = hashlib.sha256(inputs.encode())
    h.update(json.dumps(rows, ensure_ascii=False, sort_keys=True, default=str).encode())
    return h.hexdigest()


class DocsLayout:
    """Where a page's Markdown lives in the cache: split in chunks that mkdocs builds one at
    a time (bounded memory; an incremental build reruns only the chunks that changed).

    A page's logical path (``kk/acts/Z1/index.md``) names its URL; on disk it sits in
    ``docs/kk/c<N>/acts/Z1/index.md`` (acts and amending acts, spread by ID) or
    ``docs/kk/site/…`` (the rest: the catalogue page and its JSON parts, the work queue, the
    search page and its facets, drafts, feeds).
    With one chunk everything is in ``c0``. The catalogue, the search page and the assets
    stand in every chunk, so every page gets the same navigation.
    """

    SHARED = ("index.md", "search/index.md")

    def __init__(self, docs: Path, chunks: int):
        self.docs, self.chunks = docs, chunks
        self.changed: set[tuple[str, str]] = set()
        self.touched: set[str] = set()  # pages written, or that may be (mkdocs_chunks.stage_delta)

    def chunk_names(self) -> list[str]:
        """Every chunk of a language tree."""
        return [f"c{n}" for n in range(self.chunks)] + (["site"] if self.chunks > 1 else [])

    def chunk(self, rel: str) -> str:
        """The chunk of a page by its logical path."""
        _lang, _, rest = rel.partition("/")
        if rest.startswith(("acts/", "amendments/")):
            return f"c{shard_of(rest.split('/')[1], SHARDS) % self.chunks}"
        return "site" if self.chunks > 1 else "c0"

    def paths(self, rel: str) -> list[tuple[str, Path]]:
        """(chunk, file) for each place the page is written."""
        lang, _, rest = rel.partition("/")
        if self.chunks > 1 and (rest in self.SHARED or rest.startswith("assets/")):
            chunks = self.chunk_names()
        else:
            chunks = [self.chunk(rel)]
        return [(c, self.docs / lang / c / rest) for c in chunks]

    def write(self, rel: str, content: str | bytes) -> bool:
        """Write a page where it belongs; True when any copy changed.

        The catalogue and search page stand in the act chunks only for their navigation:
        written there once, they never make an act chunk rebuild (the site chunk builds
        them; mkdocs --dirty leaves the older copies alone).
        """
        lang, _, rest = rel.partition("/")
        changed = False
        home = self.chunk(rel)
        for c, path in self.paths(rel):
            if c != home and rest in self.SHARED and path.exists():
                continue
            if write_if_changed(path, content, atomic=False):
                self.changed.add((lang, c))
                changed = True
        if changed:
            self.touched.add(rel)
        return changed

    def remove(self, rel: str, built: Path) -> None:
        """Remove a page and what mkdocs made of it, and the folders that leaves empty."""
        lang = rel.partition("/")[0]
        for c, path in self.paths(rel):
            if path.exists():
                path.unlink()
                self.changed.add((lang, c))
                _remove_empty_parents(path, self.docs)
        page = built / dest_of(rel)
        _remove(page)
        _remove_empty_parents(page, built)

    def read(self, rel: str) -> bytes:
        """A page's bytes."""
        return self.paths(rel)[0][1].read_bytes()


def _searchable(acts_state: dict, pub) -> dict[str, dict]:
    """Per language: the acts whose page shows a text in it (the text in force), the
    amending acts and whether any draft has a text in it (what its search index holds)."""
    out = {}
    for lang in LANGS:
        acts = {
            a
            for a, st in acts_state.items()
            if any(
                lang in v["langs"] and v["status"] != "pending" for v in st["summary"]["versions"]
            )
        }
        amenders = {am["record"].id for am in pub.amendments if lang in am["record"].files}
        drafts = any(lang in d["record"].files for d in pub.drafts)
        out[lang] = {"acts": acts, "amenders": amenders, "drafts": drafts}
    return out


def _by_shard(ids) -> dict[int, list[str]]:
    """Shard → the IDs in it, sorted (search and download shards).

    >>> _by_shard(["Z1300000088", "Z000000107"])[0]
    ['Z1300000088']
    """
    out: dict[int, list[str]] = {}
    for act_id in sorted(ids):
        out.setdefault(shard_of(act_id, SHARDS), []).append(act_id)
    return out


def _remove_empty_parents(path: Path, top: Path) -> None:
    """Remove the folders above ``path`` (up to ``top``, not included) that are empty."""
    folder = path.parent
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or already gone)
            if folder.exists():
                return
        folder = folder.parent


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _one_build_per_cache(build: Callable[..., BuildSummary]) -> Callable[..., BuildSummary]:
    """A second build of the same corpus (and cache) waits for the first to finish instead
    of writing the same records at once; the lock dies with its process."""
    import fcntl
    import functools
    import inspect

    sig = inspect.signature(build)

    @functools.wraps(build)
    def locked(*args, **kwargs):
        call = sig.bind(*args, **kwargs)
        root, out = call.arguments["root"], call.arguments["out"]
        cache = call.arguments.get("cache_dir") or root / ".zan-cache"
        guard_build(root, out, cache)  # before anything is written, the lock file included
        cache.mkdir(parents=True, exist_ok=True)
        with open(cache / "build.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            return build(*args, **kwargs)

    return locked


@_one_build_per_cache
def build_site(
    root: Path,
    out: Path,
    today: dt.date | None = None,
    examples: bool = False,
    progress: bool = True,
    search: bool = True,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    strict: bool = False,
) -> BuildSummary:
    """Build the site from the corpus under ``root`` into ``out`` (published at the end).

    Incremental: acts whose inputs are unchanged are not assembled again, pages whose
    bytes are unchanged are not rewritten, mkdocs rebuilds only changed pages (--dirty)
    and only the search shards of changed acts are re-indexed. ``jobs`` worker processes
    (default: the machine's cores) assemble and render the acts.

    The build is the steps of ``_Build.STEPS``, in order, each timed (``BuildSummary.stages``):
    check → load → acts → site pages → mkdocs → data → search → manifest → publish.
    """
    run = _Build(root, out, today, examples, progress, search, jobs, cache_dir, strict)
    same = run.last_build_if_same()
    if same is not None:
        return same
    try:
        for name, step in _Build.STEPS:
            step(run)
            run.stage(name)
            if name in ("check", "load"):
                # What the later steps hold to the end (the corpus records, the cache's
                # records, the ledgers: millions of objects at 10 000 acts) is kept out of
                # the garbage collector's walks (issue 16: each full walk cost about 1 s).
                gc.freeze()
    finally:
        gc.unfreeze()
    run.summary.seconds = time.perf_counter() - run.start
    _record_last_build(run.cache_dir, run.inputs, run.summary, run.cache_dir / "published.json")
    return run.summary


class _Build:
    """One build's working data, handed from step to step (``STEPS``, the order they run
    in). Each step reads what the steps before it set and sets what the next ones read;
    nothing is published before the last («publish»)."""

    def __init__(
        self,
        root: Path,
        out: Path,
        today: dt.date | None,
        examples: bool,
        progress: bool,
        search: bool,
        jobs: int | None,
        cache_dir: Path | None,
        strict: bool,
    ) -> None:
        from .changes import Changes
        from .clock import today as build_date

        self.start, self.cpu_start = time.perf_counter(), _cpu_seconds()
        self.clock, self.cpu_clock = self.start, self.cpu_start
        self.today = today or build_date()
        # Before anything is read or written: a repository, and an --out that may be replaced.
        guard_build(root, out, cache_dir or root / ".zan-cache")
        self.cache_dir = (
            (cache_dir or root / ".zan-cache").resolve() if root.is_dir() else cache_dir
        )
        self.root, self.out = root, out
        self.examples, self.progress, self.strict = examples, progress, strict
        self.search_on = search  # a Pagefind index (--no-search: none)
        self.jobs = jobs or os.cpu_count() or 1
        # What git says changed since the last complete build (none of it where there is no
        # git: every folder's signature is compared).
        record = self.cache_dir / "changes.json" if self.cache_dir else None
        self.changes: Changes = Changes(root, record)
        self.inputs = _build_inputs(root, out, self.today, examples, search, strict)
        self.summary = BuildSummary()

    def stage(self, name: str) -> None:
        """Time the step just done (wall and CPU seconds since the last one)."""
        now, cpu_now = time.perf_counter(), _cpu_seconds()
        self.summary.stages[name] = self.summary.stages.get(name, 0.0) + now - self.clock
        self.summary.cpu[name] = self.summary.cpu.get(name, 0.0) + cpu_now - self.cpu_clock
        self.clock, self.cpu_clock = now, cpu_now

    def last_build_if_same(self) -> BuildSummary | None:
        """The last complete build's summary when nothing changed since (`_last_build_if_same`)."""
        same = _last_build_if_same(self.cache_dir, self.changes, self.inputs, self.out)
        if same is not None:
            self.changes.complete()
            same.seconds = time.perf_counter() - self.start
            same.stages, same.cpu = (
                {"check": same.seconds},
                {"check": _cpu_seconds() - self.cpu_start},
            )
        return same

    def check(self) -> None:
        """zan check's validator (validate.py: nothing is published that it rejects) and the
        corpus records; the imports of the steps after it count here too."""
        from .corpus import CorpusError, load_corpus, walk_once
        from .validate import validate_corpus

        root, cache_dir, unchanged = self.root, self.cache_dir, self.changes.unchanged
        with walk_once():  # every folder listed once, for the validator and the loader
            problems = validate_corpus(
                root,
                examples=self.examples,
                cache=cache_dir / "validate.json" if cache_dir else None,
                today=self.today,
                jobs=self.jobs,
                unchanged=unchanged,
            )
            if not problems:
                self.corpus = load_corpus(
                    root.resolve(),
                    cache=cache_dir / "corpus.pickle",
                    jobs=self.jobs,
                    unchanged=unchanged,
                )
        if problems:
            raise CorpusError(
                f"{len(problems)} error(s) in the corpus (zan check):\n" + "\n".join(problems)
            )
        # ``out`` itself is a link to the current release: only the folder it stands in is
        # resolved.
        out = self.out
        self.root, self.out = root.resolve(), out.absolute().parent.resolve() / out.absolute().name

    def load(self) -> None:
        """The cache's records, the amending acts read (or taken from the records) and their
        ledgers against the acts they cite."""
        from .consolidate_corpus import AmendersIndex, ReadsStore, ledgers

        corpus, cache_dir = self.corpus, self.cache_dir
        context = {  # the build's inputs but for where it reads and writes
            k: self.inputs[k]
            for k in ("version", "code", "today", "examples", "search", "mkdocs", "theme")
        }
        context["chunks"] = max(1, -(-len(corpus.acts) // ACTS_PER_CHUNK))
        # Every act page links the quoted titles of the other acts: a new or retitled act
        # changes what any page may link (publish.act_titles).
        context["titles"] = publish.titles_digest(corpus)
        self.state = State.load(cache_dir / "state.json", context)
        gc.freeze()  # the records just loaded, kept to the end (see build_site)
        self.docs, self.built = cache_dir / "docs", cache_dir / "site"
        if not self.state.data["acts"]:
            shutil.rmtree(self.docs, ignore_errors=True)
            shutil.rmtree(self.built, ignore_errors=True)
        self.docs.mkdir(parents=True, exist_ok=True)
        self.layout = DocsLayout(self.docs, context["chunks"])
        sigs = {rec.folder.name: rec.signature for rec in corpus.acts.values()}
        sigs |= {f"amender:{r.id}": r.signature for r in corpus.amendments.values()}
        self.sigs = sigs
        # Unchanged amenders are not parsed again while the acts they may cite are the same.
        self.acts_sig = hashlib.sha256(
            json.dumps(
                sorted(
                    (r.id, r.meta.get("title"), str(r.meta.get("adopted")))
                    for r in corpus.acts.values()
                ),
                ensure_ascii=False,
            ).encode()
        ).hexdigest()
        self.amenders_state: dict = self.state.data.setdefault("amenders", {})
        if self.state.data.get("acts_sig") != self.acts_sig:
            self.amenders_state.clear()
        self.known = {
            a: st
            for a, st in self.amenders_state.items()
            if a in corpus.amendments and st.get("sig") == sigs[f"amender:{a}"]
        }
        reads = ReadsStore(cache_dir / "reads", self.inputs["code"])
        self.index = index = AmendersIndex(corpus, self.known, self.jobs, reads)
        # A citation near an act of the corpus that matches none fails the build; an inexact
        # match (act_match) is a warning, an error with --strict.
        if index.errors:
            raise ValueError("\n".join(index.errors))
        if self.strict and index.warnings:
            raise ValueError("\n".join(f"--strict: {w}" for w in index.warnings))
        self.led = ledgers(corpus, self.today, index)
        kill_point("load")

    def acts(self) -> None:
        """Assemble and render the acts whose inputs changed (worker processes from
        PARALLEL_FROM acts), forgetting their records first: a failed build redoes them."""
        corpus, index, layout, built = self.corpus, self.index, self.layout, self.built
        self.rows = rows = publish.ledger_rows_by_act(self.led)
        self.acts_state = acts_state = self.state.data["acts"]
        self.keys = keys = {}
        self.key_inputs: dict[str, str] = {}
        for rec in corpus.acts.values():
            st = acts_state.get(rec.id)
            inputs = self.key_inputs[rec.id] = _act_key_inputs(rec, index, self.sigs)
            # Its folder and the amending acts citing it as they were, each unchanged
            # («known»: its rows are those of the record): its rows are the same, and so is
            # its key (issue 16: not one JSON encoding of every act's rows per build).
            if (
                st is not None
                and st.get("inputs") == inputs
                and all(am.id in self.known for am, _lang in index.citing(rec.id))
            ):
                keys[rec.id] = st["key"]
                continue
            keys[rec.id] = _act_key(inputs, rows.get(rec.id, []))
        self.todo = todo = sorted(
            a for a, k in keys.items() if acts_state.get(a, {}).get("key") != k
        )
        self.gone = gone = sorted(set(acts_state) - set(keys))
        # Forget what is about to change before touching it: a failed build is redone next time.
        previous = {a: acts_state.pop(a) for a in todo + gone if a in acts_state}
        self.state.begin()
        kill_point("begin")
        self.changed_shards = {shard_of(a, SHARDS) for a in todo + gone}
        from tqdm import tqdm

        # A progress bar only on a terminal: in a log it would be carriage returns.
        self.bar = bar = tqdm(
            total=len(todo) + 4,
            disable=not self.progress or not sys.stderr.isatty(),
            desc="zan build",
            unit="act",
        )
        for a in gone:
            for rel in previous[a]["files"]:
                layout.remove(rel, built)

        def store(act_id: str, pages: list[str], act_summary: dict, changed: set) -> None:
            layout.changed |= changed
            layout.touched.update(pages)  # written by the worker when they changed
            old_files = set(previous.get(act_id, {}).get("files", []))
            for rel in old_files - set(pages):
                layout.remove(rel, built)
            acts_state[act_id] = {
                "key": keys[act_id],
                "inputs": self.key_inputs[act_id],
                "files": pages,
                "summary": act_summary,
            }
            bar.update(1)
            kill_point("act")

        _JOB.update(
            corpus=corpus,
            index=index,
            rows=rows,
            today=self.today,
            docs=self.docs,
            chunks=layout.chunks,
        )
        try:
            # Worker processes pay off from a few dozen acts; a handful is done in-process.
            if self.jobs > 1 and len(todo) >= PARALLEL_FROM:
                import multiprocessing

                ctx = multiprocessing.get_context("fork")
                with ctx.Pool(self.jobs, initializer=die_with_parent) as pool:
                    for result in pool.imap_unordered(_act_job, todo, chunksize=4):
                        store(*result)
            else:
                for act_id in todo:
                    store(*_act_job(act_id))
        finally:
            _JOB.clear()
        self.summary.rebuilt_acts = len(todo)
        kill_point("acts")

    def site_pages(self) -> None:
        """Each act's results into its amending acts' ledgers, the pages of the amending acts
        read anew, and the site-wide pages (catalogue, search page, feeds, assets)."""
        self._results()
        self._amending_pages()
        self._site_wide_pages()
        kill_point("site-pages")
        self.bar.update(1)

    def _results(self) -> None:
        from .consolidate_corpus import merge_effects
        from .outstanding import count_by_status

        led, index, summary = self.led, self.index, self.summary
        self.pub = pub = publish.Published(corpus=self.corpus, today=self.today)
        pub.index, pub.ledger_rows = index, self.rows
        pub.summaries = [
            publish.ActSummary(**self.acts_state[a]["summary"]) for a in sorted(self.acts_state)
        ]
        # Each act's own results (applied, pending, outstanding) replace what its amending
        # acts read; the outstanding effects are published as such, and only --strict fails
        # on them.
        effects_of: dict[str, list[dict]] = {}
        for a in pub.summaries:
            for r in a.effects:
                effects_of.setdefault(r["amender"], []).append(r)
        self.read_rows = {am["record"].id: am["ledger"] for am in led.amenders}  # cache keys
        for am in led.amenders:
            am["ledger"] = merge_effects(am["ledger"], effects_of.get(am["record"].id, []))
        all_rows = [r for am in led.amenders for r in am["ledger"]]
        summary.outstanding = count_by_status(all_rows)
        if self.strict and sum(summary.outstanding.values()):
            n = sum(summary.outstanding.values())
            reasons = ", ".join(f"{k} {v}" for k, v in summary.outstanding.items())
            self.bar.close()
            raise ValueError(f"--strict: {n} outstanding effect(s) ({reasons})")
        pub.amendments = led.amenders
        pub.warnings += led.warnings + index.warnings
        # each instruction not read (read in this build): published as an outstanding effect
        pub.warnings += [f"outstanding: {line}" for line in index.not_read]
        publish.load_drafts(pub, self.root, self.examples)
        summary.acts = len(pub.summaries)
        summary.versions = sum(len(a.versions) for a in pub.summaries)
        summary.warnings = list(pub.warnings)

    def _amending_pages(self) -> None:
        """Amending acts: pages of those read anew; the others' pages stay as they are."""
        index, known, layout, built = self.index, self.known, self.layout, self.built
        amenders_state = self.amenders_state
        # An amending act's pages show its rows as read (unchanged when it is «known») with
        # the results of the acts it cites in their place (merge_effects): while none of
        # those acts was assembled anew or removed, they show what they showed, and their
        # digest is not even computed (issue 16: one JSON encoding per amending act).
        touched = set(self.todo) | set(self.gone)
        for am in self.pub.amendments:
            am_id = am["record"].id
            cited = {a for ids in index.cites.get(am_id, {}).values() for a in ids}
            if am_id in known and "shown" in amenders_state.get(am_id, {}) and not cited & touched:
                continue
            # What its pages show (the ledger with the acts' results), kept as a digest: only
            # compared, and the whole rows would double the records' size (issue 16).
            shown = hashlib.sha256(
                json.dumps(am["ledger"], ensure_ascii=False, default=str, sort_keys=True).encode()
            ).hexdigest()
            if am_id in known and amenders_state.get(am_id, {}).get("shown") == shown:
                continue
            if am["texts"] is None:  # an unchanged amending act whose effects changed
                am["texts"] = index.read(am_id).texts
                known.pop(am_id, None)
            old_files = set(amenders_state.get(am_id, {}).get("files", []))
            files = {}
            for lang in LANGS:
                files[f"{lang}/amendments/{am_id}/index.md"] = publish.amendment_page(am, lang)
                data = publish.amendment_json(am, lang)
                if data is not None:
                    files[f"{lang}/amendments/{am_id}/act.json"] = data
            for rel, content in files.items():
                layout.write(rel, content)
            for rel in old_files - set(files):
                layout.remove(rel, built)
            amenders_state[am_id] = {
                "sig": self.sigs[f"amender:{am_id}"],
                "cites": index.cites[am_id],
                "rows": json.loads(
                    json.dumps(self.read_rows[am_id], ensure_ascii=False, default=str)
                ),
                "shown": shown,
                "files": sorted(files),
                "warnings": index.warnings_of.get(am_id, []),
            }
        self.removed_amenders = sorted(set(amenders_state) - set(self.corpus.amendments))
        for am_id in self.removed_amenders:
            for rel in amenders_state.pop(am_id)["files"]:
                layout.remove(rel, built)
            if index.store is not None:
                index.store.forget(am_id)
        self.state.data["acts_sig"] = self.acts_sig
        kill_point("amenders")
        self.changed_amenders = sorted(set(self.corpus.amendments) - set(known))

    def _site_wide_pages(self) -> None:
        pub, layout, state = self.pub, self.layout, self.state
        self.acts_in_shard = _by_shard(self.keys)
        self.amenders_in_shard = _by_shard(self.corpus.amendments)
        self.shards = sorted(self.acts_in_shard)
        self.amender_shards = sorted(self.amenders_in_shard)
        # Each language has its own search index (a Russian search never shows a Kazakh
        # page): the shards that hold a page of that language with text to index.
        self.searchable = searchable = _searchable(self.acts_state, pub)
        site_files: dict[str, str] = {}
        self.primary: dict[str, str | None] = {}
        for lang in LANGS:
            lang_search = (
                sorted({shard_of(a, SHARDS) for a in searchable[lang]["acts"]}),
                sorted({shard_of(m, SHARDS) for m in searchable[lang]["amenders"]}),
                searchable[lang]["drafts"],
            )
            # the bundle the search page loads Pagefind's code from (prune_pagefind_code)
            self.primary[lang] = next(iter(publish.search_bundles(lang, *lang_search)), None)
            for rel, content in publish.site_pages(
                pub, lang, self.shards, self.amender_shards, lang_search
            ).items():
                site_files[f"{lang}/{rel}"] = content
            for f in sorted((THEME / "assets").iterdir()):
                site_files[f"{lang}/assets/{f.name}"] = f.read_text(encoding="utf-8")
            # what every page's unit actions share, once per language tree (theme/main.html)
            site_files[f"{lang}/assets/zan-ui.js"] = actions_ui_script(lang)
        self.site_changed = False
        for rel, content in site_files.items():
            self.site_changed |= layout.write(rel, content)
        for rel in sorted(set(state.data.get("site_files", [])) - set(site_files)):
            layout.remove(rel, self.built)
            self.site_changed = True
        state.data["site_files"] = sorted(site_files)
        self.site_files = site_files

    def mkdocs(self) -> None:
        """mkdocs builds each chunk that changed (all on a fresh cache) into the language's
        site folder, two processes side by side; --dirty keeps the other chunks' pages."""
        layout, built, docs = self.layout, self.built, self.docs
        work = self.cache_dir / "work"
        work.mkdir(parents=True, exist_ok=True)
        fresh_site = not built.exists()
        runs = [
            (lang, c)
            for lang in LANGS
            for c in layout.chunk_names()
            if fresh_site or (lang, c) in layout.changed
        ]
        # A cold build gives each chunk its own process (memory stays one chunk's); a small
        # rebuild gives mkdocs, per language, only the files it wrote that changed (one docs
        # folder of links: mkdocs_chunks.stage_delta), one process per language.
        docs_of = {run: docs / run[0] / run[1] for run in runs}
        if fresh_site:
            groups = [[run] for run in runs]
        else:
            docs_of = delta_docs(layout, built, work / "delta")
            groups = [[run] for run in sorted(docs_of)]
        base_cfg = self.root / "mkdocs.yml"
        failures: list[str] = []
        running: list[subprocess.Popen] = []
        for group in groups:
            if len(running) >= max(1, self.jobs):
                failures.append(_wait(running.pop(0)))
            configs = [
                (f"{lang}-{c}", mkdocs_config(lang, docs_of[lang, c], built / lang, base_cfg))
                for lang, c in group
            ]
            running.append(_start_mkdocs_chunks(configs, work, delta=not fresh_site))
            kill_point("mkdocs")
        failures += [_wait(p) for p in running]
        failures = [f for f in failures if f]
        if failures:
            raise RuntimeError("mkdocs build failed:\n" + "\n".join(failures))
        for lang in LANGS:
            _strip_nondeterminism(built / lang)
        kill_point("mkdocs-done")
        self.bar.update(1)

    def data(self) -> None:
        """The root page and the bulk downloads: one archive of the acts' JSON per shard,
        written again only for the shards whose acts changed."""
        built, layout, acts_state = self.built, self.layout, self.acts_state
        write_if_changed(built / "index.html", publish.root_index())
        fresh_download = not (built / "download").exists()

        def download(shard: int) -> None:
            files = {}
            for a in self.acts_in_shard[shard]:
                for rel in acts_state[a]["files"]:
                    if rel.endswith(".json"):
                        files[rel] = layout.read(rel)
            write_if_changed(built / "download" / f"zan-corpus-{shard:02d}.zip", bulk_zip(files))

        # zlib compresses outside the GIL: threads use every core.
        with ThreadPoolExecutor(max_workers=self.jobs) as threads:
            todo_shards = [s for s in self.shards if s in self.changed_shards or fresh_download]
            list(threads.map(download, todo_shards))
        # A shard whose last act is gone: its archive goes too.
        _remove_stale(built / "download", {f"zan-corpus-{s:02d}.zip" for s in self.shards})
        kill_point("data")
        self.bar.update(1)

    def search(self) -> None:
        """The search shards (one Pagefind bundle per shard and language) of the acts and
        amending acts that changed, and of the drafts when a site page changed."""
        built, searchable = self.built, self.searchable
        self.indexed: set[int] = set()  # search shards of acts re-indexed
        self.indexed_amenders: set[int] = set()  # and of amending acts
        if not self.search_on:
            remove_path(built / "pagefind")
            kill_point("search-done")
            return
        fresh = not (built / "pagefind").exists()
        runs_pf: list[tuple[list[str], str]] = []  # (pages, shard folder)

        def shard_runs(shard: int, members: list[str], kind: str, folder: str, key: str) -> None:
            """Queue the re-indexing of one search shard (acts «a», amending acts «m»)."""
            for lang in LANGS:
                ids = [i for i in members if i in searchable[lang][kind]]
                remove_path(built / "pagefind" / lang / f"{key}{shard:02d}")
                if ids:
                    pages = [f"{lang}/{folder}/{i}/index.html" for i in ids]
                    runs_pf.append((pages, f"pagefind/{lang}/{key}{shard:02d}"))

        for shard in self.shards:
            if shard in self.changed_shards or fresh:
                self.indexed.add(shard)
                shard_runs(shard, self.acts_in_shard[shard], "acts", "acts", "a")
        # an amending act read anew or removed: its shard is indexed again
        changed = [*self.changed_amenders, *self.removed_amenders]
        changed_m = {shard_of(a, SHARDS) for a in changed}
        for shard in self.amender_shards:
            if fresh or shard in changed_m:
                self.indexed_amenders.add(shard)
                shard_runs(shard, self.amenders_in_shard[shard], "amenders", "amendments", "m")
        if self.site_changed or fresh:
            for lang in LANGS:
                remove_path(built / "pagefind" / lang / "site")
                if searchable[lang]["drafts"]:
                    pages = sorted(
                        p.relative_to(built).as_posix()
                        for sub in ("drafts", "examples")
                        for p in (built / lang / sub).rglob("*.html")
                    )
                    runs_pf.append((pages, f"pagefind/{lang}/site"))
        # Nothing to index and no shard gone: the search folder is not touched at all.
        if runs_pf or self.gone or self.removed_amenders or fresh:
            # One Pagefind process per core indexes every shard queued, in turn.
            self.summary.search_processes = write_search_bundles(built, runs_pf, self.jobs)
            self.summary.search_pages = sum(len(pages) for pages, _ in runs_pf)
            # Shards of acts, amending acts or drafts that are all gone.
            _remove_stale(built / "pagefind", set(LANGS))
            for lang in LANGS:
                _remove_stale(
                    built / "pagefind" / lang,
                    {f"a{s:02d}" for s in self.shards}
                    | {f"m{s:02d}" for s in self.amender_shards}
                    | ({"site"} if searchable[lang]["drafts"] else set()),
                )
                # A shard whose code went or came back is published as re-indexed.
                first = (self.primary[lang] or "").rstrip("/").rsplit("/", 1)[-1] or None
                keep = self.cache_dir / "pagefind-code" / lang
                for name in prune_pagefind_code(built / "pagefind" / lang, first, keep):
                    if name[1:].isdigit():
                        target = self.indexed if name[0] == "a" else self.indexed_amenders
                        target.add(int(name[1:]))
        kill_point("search-done")

    def manifest(self) -> None:
        """The manifest last: it lists every file published above, with its SHA-256; only
        the parts (an act shard, an amending-act shard) this build touched are listed again."""
        from .published import PARTS_DIR, list_parts, list_site_wide

        built, shards, amender_shards = self.built, self.shards, self.amender_shards
        # Folders this build did not touch since the last complete one wrote the record of
        # hashes: acts not rebuilt, amending acts not rewritten, search shards not re-indexed.
        rebuilt = set(self.todo)
        self.untouched = frozenset(
            [
                *(f"{lang}/acts/{a}" for lang in LANGS for a in self.keys if a not in rebuilt),
                *(f"{lang}/amendments/{m}" for lang in LANGS for m in self.known),
                *(
                    f"pagefind/{lang}/a{s:02d}"
                    for lang in LANGS
                    for s in shards
                    if s not in self.indexed
                ),
                *(
                    f"pagefind/{lang}/m{s:02d}"
                    for lang in LANGS
                    for s in amender_shards
                    if s not in self.indexed_amenders
                ),
            ]
        )
        changed_m = [*self.changed_amenders, *self.removed_amenders]
        touched_parts = {
            *(f"a{shard_of(a, SHARDS):02d}" for a in [*rebuilt, *self.gone]),
            *(f"m{shard_of(m, SHARDS):02d}" for m in changed_m),
            *(f"a{s:02d}" for s in self.indexed),
            *(f"m{s:02d}" for s in self.indexed_amenders),
        }
        records = self.cache_dir / "published"
        (self.cache_dir / "published-hashes.json").unlink(missing_ok=True)  # before 0.8
        relisted, present = list_parts(built, records, self.untouched, touched_parts)
        parts_dir = built / PARTS_DIR
        parts_dir.mkdir(exist_ok=True)
        for part, data in publish.manifest_parts(self.pub, relisted).items():
            write_if_changed(parts_dir / f"{part}.json", json_dump(data))
        _remove_stale(parts_dir, {f"{p}.json" for p in present})
        site_wide = list_site_wide(built, records)
        write_if_changed(built / "manifest.json", json_dump(publish.manifest(site_wide)))
        self.bar.update(1)
        self.bar.close()
        self.summary.pages = sum(
            1
            for rel in [
                *(r for st in self.acts_state.values() for r in st["files"]),
                *(r for st in self.amenders_state.values() for r in st["files"]),
                *self.site_files,
            ]
            if rel.endswith(".md")
        )

    def publish(self) -> None:
        """The cache's records written, last (the marker goes with them); only then is the
        published site touched: a new release, which ``out`` is switched to in one rename."""
        state, out = self.state, self.out
        state.save()
        self.changes.complete()
        kill_point("saved")
        # Folders of acts and amending acts that were not rebuilt, and search shards not
        # re-indexed, hold the same files as the release published from the records this
        # build started from: they are linked from it without being compared. Any doubt
        # (another release, another place, a publish that did not finish: published.json
        # does not match) and every file is compared.
        published = self.cache_dir / "published.json"
        cur = current_release(out)
        try:
            last = json.loads(published.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            last = {}
        unchanged: frozenset[str] = frozenset()
        same_release = {"out": str(out), "release": cur.name if cur else None}
        if (
            cur is not None
            and state.loaded_token
            and last
            == {
                **same_release,
                "token": state.loaded_token,
            }
        ):
            unchanged = self.untouched
        published.unlink(missing_ok=True)
        release = publish_release(self.built, out, unchanged, kill=kill_point)
        cur = current_release(out)
        release = release or (cur.name if cur else None)
        write_if_changed(
            published,
            json.dumps({"out": str(out), "release": release, "token": state.data["token"]}),
        )

    STEPS: tuple[tuple[str, Callable[[_Build], None]], ...] = ()


_Build.STEPS = (
    ("check", _Build.check),
    ("load", _Build.load),
    ("acts", _Build.acts),
    ("site pages", _Build.site_pages),
    ("mkdocs", _Build.mkdocs),
    ("data", _Build.data),
    ("search", _Build.search),
    ("manifest", _Build.manifest),
    ("publish", _Build.publish),
)


def _build_inputs(
    root: Path, out: Path, today: dt.date, examples: bool, search: bool, strict: bool
) -> dict:
    """What a build's output depends on besides the corpus folders (which git vouches
    for, changes.py): zan's own code, the options, mkdocs.yml and the theme's versions."""
    base_cfg = root / "mkdocs.yml"
    return {
        "version": STATE_VERSION,
        "code": code_hash(),
        "root": str(root.resolve()),
        "out": str(out.absolute().parent.resolve() / out.absolute().name),
        "today": today.isoformat(),
        "examples": examples,
        "search": search,
        "strict": strict,
        "mkdocs": hashlib.sha256(base_cfg.read_bytes()).hexdigest() if base_cfg.exists() else "",
        "theme": theme_versions(),
    }


def _record_last_build(
    cache_dir: Path, inputs: dict, summary: BuildSummary, published: Path
) -> None:
    """The record a next build with nothing changed answers from (`_last_build_if_same`)."""
    data = {"inputs": inputs, "published": published.read_text(encoding="utf-8")}
    data["summary"] = asdict(summary)
    write_if_changed(cache_dir / "last-build.json", json.dumps(data, sort_keys=True))


def _last_build_if_same(
    cache_dir: Path | None, changes: Changes, inputs: dict, out: Path
) -> BuildSummary | None:
    """The summary of the last complete build when this one would make the same site: git
    says no corpus folder changed since (`Changes.nothing_changed`), the inputs are the
    same, and the site still links the release that build published, whole (its marker,
    and the cache's record of what was published, unchanged). Else None: a full build.
    Without git every folder is compared (the validator's and the loader's signatures)."""
    if cache_dir is None or not changes.nothing_changed:
        return None
    try:
        last = json.loads((cache_dir / "last-build.json").read_text(encoding="utf-8"))
        published = (cache_dir / "published.json").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None
    if not isinstance(last, dict) or last.get("inputs") != inputs:
        return None
    if last.get("published") != published:
        return None
    cur = current_release(out)
    try:
        release = json.loads(published).get("release")
    except ValueError:
        return None
    if cur is None or cur.name != release or not (cur / SITE_MARK).is_file():
        return None
    summary = BuildSummary(**last["summary"])
    summary.rebuilt_acts = summary.search_processes = summary.search_pages = 0
    summary.warnings = list(summary.warnings)
    return summary


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its children waited for."""
    import resource

    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _remove_stale(folder: Path, keep: set[str]) -> None:
    """Remove what ``folder`` holds besides the names in ``keep``."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(set(names) - keep):
        remove_path(folder / name)


def tree_digest(path: Path) -> str:
    """SHA-256 over every file's relative path and bytes (for reproducibility checks)."""
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(path)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def main_build(root: Path, out: Path, examples: bool, search: bool, strict: bool = False) -> int:
    """Entry point for `zan build`: prints the summary; exit status."""
    try:
        summary = build_site(root, out, examples=examples, search=search, strict=strict)
    except (ValueError, RuntimeError) as e:
        print(f"build failed; the previous site is untouched.\n{e}", file=sys.stderr)
        return 1
    for w in summary.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(summary.line() + f"; site in {out}/", file=sys.stderr)
    return 0


__all__ = ["build_site", "BuildSummary", "main_build", "tree_digest"]
