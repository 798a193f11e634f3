"""Checks on a parsed unit tree, used by the corpus validator (`zan check`, `zan build`).

>>> from generator.parse import parse_markdown
>>> act = parse_markdown("# T\\n\\n### 2-бап. A {#art_2}\\n\\n### 1-бап. B {#art_1}\\n", "kk", "x.md")
>>> check_act_tree(act, partial=True)
['x.md:5: art_1: number 1 comes after 2 (numbers out of order)']

Numbering gaps. The official texts keep an act's numbering stable, as the stored texts of
this corpus show: a repealed unit keeps its place with its number («6) алып тасталды - ҚР
25.11.2019 № 272-VI …», «3) - 9) исключены Законом РК от 29.09.2014 № 239-V …» in
corpus/Z1300000088) and a unit inserted between two others takes a compound number («1-1)»,
«1-2)», «9-1-бап»). So in a complete stored text the numbers of sibling units run 1, 2, 3 …
without a hole, a compound N-k follows N or N-(k-1), and a range placeholder covers both
ends. A hole is therefore missing text (a truncated or hand-edited file), not a gap of the
official text — except in an edition marked ``partial: true`` (only some units stored: its
first unit of a kind may have any number) or where act.yml records the gap under the
edition's ``gaps`` with the reason (an official text that does skip a number).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from . import units
from .datafile import LOADER
from .eid import SEP, num_key
from .eid import parent as eid_parent
from .incremental import write_if_changed
from .links import link_errors
from .model import EID_RE, Act, Unit
from .parse import ParseError, parse_markdown
from .paths import allowed_roots, inside, source_problem

if TYPE_CHECKING:
    from .importer import LookedUp

KNOWN_TYPES = set(units.types())  # generator/grammar/units.yml
CONTAINERS = {"part", "chp", "subchp"}
# The number in a heading's label: «15-бап.», «Статья 9-1.», «2-тарау.», «Глава 3.».
LABEL_NUM_RE = re.compile(r"(?<![\d-])(\d+(?:-\d+)*)(?![\d])")


def follows(prev: str, num: str) -> bool:
    """Whether ``num`` may come right after ``prev`` with no unit missing between them.

    >>> [follows(a, b) for a, b in [("9", "10"), ("9", "9-1"), ("9-1", "9-2"), ("9-2", "10"),
    ...                              ("9", "11"), ("9", "9-2"), ("9-1", "9-1-1")]]
    [True, True, True, True, False, False, True]
    """
    p, n = num_key(prev), num_key(num)
    if not p or not n:
        return True
    # The next whole number after any compound of N; or the next compound at some depth.
    if len(n) == 1:
        return n[0] == p[0] + 1
    head = n[:-1]
    if p[: len(head)] != head:
        return False
    if len(p) == len(head):  # N → N-1
        return n[-1] == 1
    return n[-1] == p[len(head)] + 1 or (len(p) > len(n) and n[-1] == p[len(n) - 1] + 1)


def check_act_tree(
    act: Act, partial: bool = False, gaps: frozenset[str] = frozenset()
) -> list[str]:
    """Errors in a tree: unknown unit types, bad eIds, headings whose eId contradicts their
    number, reversed ranges, numbers out of order and numbering gaps (see the module's doc).

    ``partial``: only some units are stored (the first of a kind may have any number);
    ``gaps``: eIds of units recorded in act.yml as following a real gap of the official text.
    """
    errors: list[str] = []

    def err(u: Unit, msg: str) -> None:
        errors.append(f"{act.source}:{u.line}: {u.eid}: {msg}")

    # Sequences of numbering: articles run through the act, the points of an annex through
    # the annex (DESIGN.md, «Unit IDs»); other units through their parent.
    sequences: dict[tuple[str, str], list[Unit]] = {}

    def walk(units: list[Unit], parent: str, through: str) -> None:
        for u in units:
            if u.type not in KNOWN_TYPES:
                err(u, f"unknown structure {u.type!r}")
            if not EID_RE.match(u.eid):
                err(u, "malformed eId")
            if u.label_text and u.type in ("art", *CONTAINERS) and u.num:
                m = LABEL_NUM_RE.search(u.label_text)
                if m and m[1] != u.num:
                    want = eid_parent(u.eid) + SEP if SEP in u.eid else ""
                    err(
                        u,
                        f"heading «{u.label_text}» has number {m[1]} but its eId says {u.num} "
                        f"(expected {want}{u.type}_{m[1]})",
                    )
            if u.through and num_key(u.through) <= num_key(u.num or ""):
                err(u, f"range {u.num} - {u.through} runs backwards")
            if u.type != "al" and u.type != "preamble" and u.num:
                scope = through if u.type in ("art", "para") and parent in CONTAINERS else ""
                key = (u.type, "act" if u.type == "art" else scope or _parent_eid(u))
                sequences.setdefault(key, []).append(u)
            nxt = through
            if u.type == "annex":
                nxt = u.eid
            walk(u.children, u.type, nxt)

    walk(act.body, "", "act")
    for (typ, _scope), seq in sequences.items():
        if typ == "annex":
            continue
        first = seq[0]
        if not partial and num_key(first.num or "") != (1,) and first.eid not in gaps:
            err(first, f"numbering starts at {first.num}, not 1 (units missing before it)")
        # Order first: after a unit out of order, a «gap» would only repeat it.
        disorder = False
        for prev, u in zip(seq, seq[1:], strict=False):
            if num_key(u.num or "") <= num_key(prev.through or prev.num or ""):
                err(u, f"number {u.num} comes after {prev.num} (numbers out of order)")
                disorder = True
        if disorder:
            continue
        for prev, u in zip(seq, seq[1:], strict=False):
            last = prev.through or prev.num or ""
            if not follows(last, u.num or "") and u.eid not in gaps:
                err(
                    u,
                    f"numbering gap: {u.num} follows {last} (units missing between them; "
                    "a gap of the official text itself is recorded under the edition's `gaps`)",
                )
    return errors


def _parent_eid(u: Unit) -> str:
    return eid_parent(u.eid)


# -- the corpus validator: the one `zan check` and `zan build` run -----------------------------

TOPS = (("corpus", "act"), ("amendments", "amending"), ("drafts", "draft"))
EXAMPLE_TOPS = (("examples/drafts", "draft"),)
CACHE_VERSION = 3  # 3: the regeneration kept per text (validate._regenerate)


class _Cache:
    """Validation results per folder, keyed by its files' signatures (path, size, mtime and
    content hash), the code version, the build date and the root; stored in
    ``.zan-cache/validate.json``. A file whose size and time are unchanged is not hashed again.
    Each folder's source entries (act.yml's, `ingest.record_entries`) are kept under its key
    too: an unchanged folder is not read again to tell whether the regeneration is due.
    """

    def __init__(self, path: Path | None, context: dict) -> None:
        self.path = path
        self.context = context
        self.data: dict = {
            "context": context,
            "files": {},
            "folders": {},
            "regen": {},
            "entries": {},
        }
        if path is not None and path.is_file():
            from .incremental import plain_data

            try:
                with plain_data():
                    data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("context") == context:
                    self.data = data
            except (OSError, ValueError):
                pass
        self.used: set[str] = set()
        self.files: dict[str, list] = {}
        self.kept: set[str] = set()  # folders taken unlisted: their files' hashes are kept
        self.loaded = dict(self.data["folders"])  # as read: save() writes only what changed
        self.entries: dict | None = None  # this run's entries per folder (when computed)
        self.entry_reads = 0  # folders read for their entries (not taken from the cache)
        self.entries_digests: dict[str, str] = {}  # folder → SHA-256 of its entries
        self.regenerated = 0  # texts regenerated from their sources in this run
        self.lexicon: tuple[str, str] | None = None  # (digest, words as JSON) to write

    def lexicon_file(self) -> Path | None:
        """Where the lexicon of the last regeneration is kept (beside the cache, read only
        when entries changed: a run with none does not parse it)."""
        return None if self.path is None else self.path.with_name(f"{self.path.stem}-lexicon.json")

    def read_lexicon(self, digest: str) -> set[str] | None:
        """The lexicon kept under ``digest`` (the SHA-256 of its file); None when the file
        is missing or holds another."""
        where = self.lexicon_file()
        try:
            text = where.read_text(encoding="utf-8") if where is not None else ""
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
                return None
            words = json.loads(text)
        except (OSError, ValueError):
            return None
        return set(words) if isinstance(words, list) else None

    def keep_lexicon(self, words: set[str]) -> str:
        """Keep a lexicon (written with the cache); returns its digest."""
        text = json.dumps(sorted(words), ensure_ascii=False)
        self.lexicon = (hashlib.sha256(text.encode("utf-8")).hexdigest(), text)
        return self.lexicon[0]

    def file_hash(self, path: Path, stat: tuple[int, int] | None = None) -> str:
        """SHA-256 of a file's bytes, from the cache when its (size, mtime_ns) are unchanged."""
        if stat is None:
            st = path.stat()
            stat = (st.st_size, st.st_mtime_ns)
        key = str(path)
        hit = self.data["files"].get(key)
        if hit and hit[0] == stat[0] and hit[1] == stat[1]:
            self.files[key] = hit
            return hit[2]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        self.files[key] = [stat[0], stat[1], digest]
        return digest

    def folder_key(self, folder: Path) -> str:
        """The signature of a folder's files (names and content hashes, recursively; the
        listing is shared with the corpus loader within a build, corpus.walk_once)."""
        from .corpus import folder_files

        h = hashlib.sha256()
        for rel, kind, size, mtime in folder_files(folder):
            if kind == "symlink":
                h.update(f"{rel}\0symlink\0".encode())
            else:
                digest = self.file_hash(Path(os.path.join(folder, rel)), (size, mtime))
                h.update(f"{rel}\0{digest}\0".encode())
        return h.hexdigest()

    def get(self, name: str, key: str) -> list[str] | None:
        """The errors stored for a folder whose key and source files are unchanged."""
        hit = self.data["folders"].get(name)
        if not hit or hit["key"] != key:
            return None
        for dep, digest in hit.get("deps", {}).items():
            path = Path(dep)
            if not path.is_file() or self.file_hash(path) != digest:
                return None
        self.used.add(name)
        return list(hit["errors"])

    def put(
        self, name: str, key: str, errors: list[str], deps: list[Path], carries: list | None
    ) -> None:
        """Store a folder's errors with the source files (outside it) they depend on, and an
        act's ``carries`` (with its line) for the links checked on every run."""
        hashes = {str(p): self.file_hash(p) for p in deps if p.is_file()}
        self.data["folders"][name] = {
            "key": key,
            "errors": errors,
            "deps": hashes,
            "carries": carries,
        }
        self.used.add(name)

    def save(self) -> None:
        """Write the cache (only when something in it changed)."""
        if self.path is None:
            return
        folders = {k: v for k, v in self.data["folders"].items() if k in self.used}
        if self.kept:
            from .changes import folder_of

            root = self.context["root"].rstrip("/") + "/"
            for k, v in self.data["files"].items():
                if k.startswith(root) and folder_of(k[len(root) :]) in self.kept:
                    self.files.setdefault(k, v)
        entries = self.entries if self.entries is not None else self.data.get("entries", {})
        if (
            self.path.is_file()
            and self.files == self.data["files"]
            and folders == self.loaded
            and entries == self.data.get("entries", {})
        ):
            return
        self.data["files"] = self.files
        self.data["folders"] = folders
        self.data["entries"] = entries
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            where = self.lexicon_file()
            if self.lexicon is not None and where is not None:
                # Before the cache naming it: a cache never names a lexicon not written.
                write_if_changed(where, self.lexicon[1])
            tmp = self.path.with_name(self.path.name + ".zan-tmp")
            tmp.write_text(json.dumps(self.data, sort_keys=True), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only checkout: validated again next time


def validate_corpus(
    root: Path,
    examples: bool = True,
    cache: Path | None = None,
    stats: dict | None = None,
    today: dt.date | None = None,
    jobs: int = 1,
    unchanged: frozenset[str] | None = None,
) -> list[str]:
    """Every error of the corpus under ``root``, one line each, naming file, line and field
    or unit: act.yml, remarks.yml and manual.yml against their schemas; every file's bytes
    (UTF-8, no NUL); each stored text tied to the SHA-256 act.yml records and, where
    ``../shared`` is present, to its source file and to the text regenerated from it; every
    unit tree; drafts' links and discussion data; amending acts readable.

    ``cache``: a file (``.zan-cache/validate.json``) keeping each folder's result under the
    signature of its files and of what it cites; ``stats`` counts folders ``validated`` and
    ``cached``, folders read for their source entries (``entries_read``, the others' come
    from the cache) and texts ``regenerated`` from their sources, and gets the ``digest``
    of every folder's key and of the context (what the corpus's results depend on);
    ``jobs`` worker processes validate the folders when there are many to do (a cold
    build); ``unchanged``: folders (``corpus/NAME``…) known to be as when their result was
    stored (git, changes.py), whose files are then not listed.

    >>> validate_corpus(Path("nowhere"))
    ['nowhere:0: no such folder (--root): not a zan repository']
    """
    from .clock import today as clock_today
    from .corpus import load_record
    from .incremental import code_hash

    day = today or clock_today()

    if not root.is_dir():
        return [f"{root}:0: no such folder (--root): not a zan repository"]
    tops = TOPS + (EXAMPLE_TOPS if examples else ())
    if not any((root / top).is_dir() for top, _ in TOPS):
        return [f"{root}:0: not a zan repository (no corpus/, amendments/ or drafts/ folder)"]
    context = {
        "version": CACHE_VERSION,
        "code": code_hash(),
        "today": day.isoformat(),
        "root": str(root),
        "shared": (root / ".." / "shared").is_dir(),
    }
    store = _Cache(cache, context)
    stats = stats if stats is not None else {}
    stats.update(validated=0, cached=0, entries_read=0, regenerated=0)
    errors: list[str] = []
    drafts: dict = {}  # draft ID → record
    present: dict[str, dict[str, Path]] = {"act": {}, "amending": {}, "draft": {}}  # ID → folder
    carries: dict[str, list] = {}  # act ID → [the draft its act.yml says it carries, line]
    folders: list[tuple[str, str, Path]] = []
    for top, kind in tops:
        base = root / top
        if not base.is_dir():
            continue
        if base.is_symlink() or not inside(base, allowed_roots(root)):
            # The folder itself (or examples/ above examples/drafts) is a link: nothing is
            # listed or read through it (paths.py).
            errors.append(f"{base}:0: a symbolic link in the corpus (refused)")
            continue
        for p in sorted(base.iterdir()):
            if p.is_symlink():
                errors.append(f"{p}:0: a symbolic link in the corpus (refused)")
            elif p.is_dir():
                folders.append((top, kind, p))
            elif top != "examples/drafts" and p.suffix in (".yml", ".md"):
                errors.append(f"{p}:0: a file outside any act folder")
    # Folders git says are as the last complete build saw them (changes.py): their key is
    # the one stored, their files not listed.
    keys = {}
    for top, kind, p in folders:
        stored = store.data["folders"].get(f"{top}/{p.name}")
        if unchanged and kind != "draft" and f"{top}/{p.name}" in unchanged and stored:
            keys[p] = stored["key"]
            store.kept.add(f"{top}/{p.name}")
        else:
            keys[p] = store.folder_key(p)
    plan: list[tuple] = []
    act_keys = {p.name: keys[p] for _top, kind, p in folders if kind == "act"}
    for top, kind, folder in folders:
        name = f"{top}/{folder.name}"
        key = keys[folder]
        if kind == "draft":
            # A draft's result depends on the acts it cites: they are part of its key.
            cited = [(n, act_keys.get(n, "")) for n in _cited(folder)]
            key = hashlib.sha256((key + json.dumps(cited)).encode()).hexdigest()
        hit = store.get(name, key)
        plan.append((top, kind, folder, name, key, hit))
    # Everything the corpus's results depend on (`zan check` keeps its report under it).
    every = [context, [(name, key) for _t, _k, _f, name, key, _h in plan]]
    stats["digest"] = hashlib.sha256(json.dumps(every).encode()).hexdigest()
    todo = [(root, folder, kind, day) for _t, kind, folder, _n, _k, hit in plan if hit is None]
    from .consolidate_corpus import keep_reads, kept_reads

    kept_reads(clear=True)  # only this validation's reads are kept (for the build's index)
    if jobs > 1 and len(todo) >= PARALLEL_FROM:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = iter(pool.map(_folder_job, todo, chunksize=16))
    else:
        done = iter(_folder_job(job) for job in todo)
    for _top, kind, folder, name, key, hit in plan:
        if hit is not None:
            stats["cached"] += 1
            folder_errors = hit
            said = store.data["folders"][name].get("carries")
        else:
            stats["validated"] += 1
            folder_errors, reads = next(done)
            keep_reads(reads)
            said = _carries(folder) if kind == "act" else None
            store.put(name, key, folder_errors, _source_files(root, folder), said)
        if kind == "act" and said:
            carries[folder.name] = said
        errors += folder_errors
        present[kind][folder.name] = folder
        if kind == "draft":
            rec = load_record(folder, kind, [], day)
            if rec is not None:
                drafts[rec.id] = rec
                if _top == "examples/drafts" and rec.meta.get("example") is not True:
                    # Sample data is marked as such on every page it reaches.
                    errors.append(
                        f"{folder / 'act.yml'}:1: example: an example must say `example: true`"
                    )
    sourced = [(top, kind, p, keys[p]) for top, kind, p in folders if (top, kind) in TOPS]
    errors += _regenerated(root, store, errors, sourced, day)
    stats.update(entries_read=store.entry_reads, regenerated=store.regenerated)
    errors += _links(drafts, present, carries, day)
    store.save()
    return [_one_line(e) for e in errors]


PARALLEL_FROM = 64  # folders to validate from which worker processes do it


def _folder_job(job: tuple) -> tuple[list[str], dict]:
    """A folder's errors, and the amending act's instructions as read (handed to the
    parent process, whose build index then does not read them again)."""
    from .consolidate_corpus import kept_reads

    return _validate_folder(*job), kept_reads(clear=True)


def _one_line(message: str) -> str:
    r"""A message on one line (a YAML parser's report spans several).

    >>> _one_line("x.md:1: not valid YAML: while parsing\n  in line 1\nexpected ']'")
    "x.md:1: not valid YAML: while parsing in line 1 expected ']'"
    """
    return " ".join(part.strip() for part in message.splitlines() if part.strip())


def _quick_meta(folder: Path) -> dict:
    """A folder's act.yml as plain data, for cache keys only ({} when unreadable: the
    folder is then validated and its errors say why)."""
    if (folder / "act.yml").is_symlink():
        return {}  # refused by _validate_folder, never read
    try:
        meta = yaml.load((folder / "act.yml").read_bytes(), Loader=LOADER)
    except (OSError, yaml.YAMLError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _source_files(root: Path, folder: Path) -> list[Path]:
    """The source files (in ../shared) a folder's act.yml names: its result depends on them."""
    meta = _quick_meta(folder)
    editions = meta.get("editions") if isinstance(meta.get("editions"), list) else []
    groups = [meta.get("sources")] + [e.get("sources") for e in editions if isinstance(e, dict)]
    files = {
        src.get("file")
        for group in groups
        if isinstance(group, dict)
        for src in group.values()
        if isinstance(src, dict)
    }
    # Only files zan may read (paths.py): one named outside is an error, not a dependency.
    return sorted(
        (root / f).resolve()
        for f in files
        if isinstance(f, str) and source_problem(root, f) is None
    )


def _cited(folder: Path) -> list[str]:
    """The acts a draft's act.yml names (carried_by, adopted_as, amends, compare_with.act)."""
    meta = _quick_meta(folder)
    names = [meta.get(k) for k in ("carried_by", "adopted_as", "amends")]
    cmp_ = meta.get("compare_with")
    names.append(cmp_.get("act") if isinstance(cmp_, dict) else None)
    return sorted({n for n in names if isinstance(n, str)})


def _validate_folder(root: Path, folder: Path, kind: str, day: dt.date) -> list[str]:
    """The errors of one act, amending act or draft folder (all of its files)."""
    from . import schema
    from .corpus import load_record

    errors: list[str] = []
    bad_bytes: set[Path] = set()
    for p in sorted(folder.rglob("*")):
        if p.is_symlink():
            errors.append(f"{p}:0: a symbolic link in the corpus (refused)")
            bad_bytes.add(p)
        elif p.is_file() and p.suffix in (".md", ".yml", ".yaml", ".txt"):
            problem = schema.text_problem(p.read_bytes())
            if problem:
                errors.append(f"{p}:{problem}")
                bad_bytes.add(p)
    if folder / "act.yml" in bad_bytes:
        return errors
    rec = load_record(folder, kind, errors, day)
    if rec is None:
        return errors
    # (lang, path, the SHA-256 act.yml records for it, partial edition, recorded gaps)
    texts: list[tuple[str, Path, str | None, bool, frozenset]] = []
    for ed in rec.editions:
        gaps = frozenset(g["unit"] for g in ed.meta.get("gaps") or [])
        for lang, path in ed.files.items():
            tie = (ed.sources.get(lang) or {}).get("text_sha256") or (
                ed.meta.get("text_sha256") or {}
            ).get(lang)
            texts.append((lang, path, tie, ed.meta.get("partial", False), gaps))
    for lang, path in rec.files.items():
        tie = ((rec.meta.get("sources") or {}).get(lang) or {}).get("text_sha256") or (
            rec.meta.get("text_sha256") or {}
        ).get(lang)
        texts.append((lang, path, tie, False, frozenset()))
    for lang, path, tie, partial, gaps in texts:
        if path in bad_bytes or not path.is_file():
            continue
        raw = path.read_bytes()
        got = hashlib.sha256(raw).hexdigest()
        if tie and got != tie:
            errors.append(
                f"{path}:0: stored text has SHA-256 {got}, act.yml records {tie} "
                "(edited or truncated by hand? record the change as an editorial correction "
                "and run zan reimport)"
            )
        try:
            act = parse_markdown(raw.decode("utf-8").replace("\r\n", "\n"), lang, str(path))
        except ParseError as e:
            errors.append(str(e))
            continue
        errors += check_act_tree(act, partial=partial, gaps=gaps)
    errors += _sources(root, rec)
    if kind == "draft":
        errors += _discussion(rec, day)
        # URLs and addresses a page links (links.py): http, https, mailto and plain
        # addresses only (the schema's patterns let «x@y?bcc=…» or «https:x» through).
        errors += link_errors(rec.meta, folder / "act.yml")
    if kind == "amending" and not errors:
        from .consolidate import ConsolidateError
        from .consolidate_corpus import read_amender

        try:
            read_amender(rec, keep=True)
        except ConsolidateError as e:  # instructions not read: one line each (file, line)
            errors += str(e).splitlines()
        except Exception as e:  # noqa: BLE001 - an act zan cannot read is an error, not a crash
            errors.append(f"{rec.folder}:0: cannot read the amending act: {type(e).__name__}: {e}")
    manual = folder / "manual.yml"
    if manual.is_file() and manual not in bad_bytes:
        errors += schema.check_file(manual, "manual")[2]
    return errors


def _sources(root: Path, rec) -> list[str]:
    """Each source file named in act.yml: present and with the recorded SHA-256.

    Sources live in ``../shared/sources`` beside the repository. Where ``../shared`` is
    present (CI, every full checkout) a missing source is an error; a checkout without
    ``../shared`` at all cannot check sources and relies on each stored text's
    ``text_sha256`` alone (docs/schemas.md).
    """
    from . import schema

    out: list[str] = []
    yml = rec.folder / "act.yml"
    _data, lines = schema.load_file(yml)
    shared = (root / ".." / "shared").resolve()
    entries = []
    for i, ed in enumerate(rec.meta.get("editions") or []):
        for lang, src in sorted((ed.get("sources") or {}).items()):
            entries.append((("editions", i, "sources", lang), src))
    for lang, src in sorted((rec.meta.get("sources") or {}).items()):
        entries.append((("sources", lang), src))
    for path, src in entries:
        where = (
            f"{yml}:{schema.line_at(lines, (*path, 'file'))}: {schema.field_name((*path, 'file'))}"
        )
        if not shared.is_dir():
            continue
        file = (root / src["file"]).resolve()
        if not file.is_file():
            out.append(f"{where}: source file {src['file']} not found")
            continue
        got = hashlib.sha256(file.read_bytes()).hexdigest()
        if got != src["sha256"]:
            out.append(f"{where}: {src['file']} has SHA-256 {got}, act.yml says {src['sha256']}")
    return out


def _regenerated(
    root: Path, store: _Cache, errors: list[str], folders: list[tuple], day: dt.date
) -> list[str]:
    """Each stored text against the text `zan reimport` regenerates from its source (with
    the editorial corrections act.yml records): a hand edit that act.yml's ``text_sha256``
    was changed to vouch for is still an error. Only where ``../shared`` is present and the
    corpus is otherwise valid (the regeneration reads every source); cached by the SHA-256
    of every source entry. ``folders``: (top, kind, folder, key) of corpus, amendments and
    drafts; a folder whose key is the one its entries were stored under is not read again.
    When entries change, only the texts that can come out otherwise are made again
    (`_regenerate`)."""
    if errors or not (root / ".." / "shared").is_dir():
        return []
    got = _entries(store, folders, day)
    if got is None:
        return []
    key = hashlib.sha256(json.dumps(sorted(store.entries_digests.items())).encode()).hexdigest()
    regen = store.data.get("regen") or {}
    if regen.get("key") == key and "errors" in regen:
        return list(regen["errors"])  # the same entries: the same texts, the same result
    groups = [
        (f"{top}/{folder.name}", make())
        for (top, _kind, folder, _key), make in zip(folders, got, strict=True)
    ]
    entries = [e for _name, made in groups for e in made]
    if regen.get("key") != key or "texts" not in regen:
        try:
            regen = {"key": key, **_regenerate(root, store, groups, regen)}
        except (ValueError, OSError, KeyError) as e:
            first = str(e).splitlines()[0] if str(e) else type(e).__name__
            return [f"{first} (while regenerating the stored texts from their sources)"]
    out: list[str] = []
    for _rec, _ed, _lang, src, path in entries:
        want = (regen["texts"].get(str(path)) or {}).get("hash")
        if want and want != src["text_sha256"]:
            out.append(
                f"{path}:0: stored text is not the text regenerated from {src['file']} "
                f"(SHA-256 {want}; act.yml records {src['text_sha256']}): record the change "
                "as an editorial correction and run zan reimport"
            )
    store.data["regen"] = {**regen, "errors": out}
    return out


def _regenerate(root: Path, store: _Cache, groups: list, old: dict) -> dict:
    """The regeneration of the texts of ``groups`` ((folder name, its source entries) of
    each folder), as kept in the cache: ``texts`` (per output path, the SHA-256 of the text
    made, the digest of the entry it was made from, the lexicon words its import looked up
    and missed and the splits and mappings it made with the lexicon, `importer.LookedUp`),
    the ``lexicon``'s digest (the words of every source, `importer.build_lexicon`, kept
    in a file beside the cache, `_Cache.keep_lexicon`), the SHA-256 of those ``sources``
    and each folder's digest of its entries (``folders``: a folder's entries whose digest
    is unchanged are not digested one by one again).

    From ``old`` (the last run's): a text whose entry is unchanged is made again only when
    the lexicon has gained a word its import missed and one of its splits or mappings then
    comes out otherwise; a lexicon that only gains words gives every other word looked up
    the same answer, hence the same text. Every text is made
    again when a source of ``old``'s lexicon is gone or changed (the lexicon may have lost
    words), its lexicon file is not the one it names, or ``old`` is not of this form.
    """
    from .importer import build_lexicon, same_calls
    from .ingest import read_sources, regenerate

    entries = [e for _name, made in groups for e in made]
    kept = dict(old.get("texts") or {}) if isinstance(old.get("texts"), dict) else None
    same = {
        name
        for name, _made in groups
        if isinstance(kept, dict)
        and (old.get("folders") or {}).get(name) == store.entries_digests.get(name)
    }
    digests = {
        str(e[4]): kept[str(e[4])]["entry"]
        if name in same and str(e[4]) in kept
        else _entry_digest(e)
        for name, made in groups
        for e in made
    }
    shas = sorted({src["sha256"] for _r, _e, _l, src, _o in entries})
    known = (
        store.read_lexicon(old["lexicon"])
        if isinstance(kept, dict)
        and isinstance(old.get("lexicon"), str)
        and set(old.get("sources") or ()) <= set(shas)
        else None
    )
    if kept is not None and known is not None:
        changed = {k for k, d in digests.items() if not (kept.get(k) and kept[k].get("entry") == d)}
        texts = read_sources(root, [e for e in entries if str(e[4]) in changed])
        lexicon = known
        added = build_lexicon(texts.values()) - lexicon
        lexicon |= added
        todo = []
        for e in entries:
            k = str(e[4])
            if k in changed:
                todo.append(e)
            elif not added.isdisjoint(kept[k]["missed"]):
                # A word it missed is there now: its splits and mappings asked again (each
                # a small look-up), the text made again only when one comes out otherwise.
                again = same_calls(kept[k]["calls"], lexicon)
                if again is None:
                    todo.append(e)
                else:
                    kept[k] = {**kept[k], **_asked(again)}
    else:
        kept = {}
        texts = read_sources(root, entries)
        lexicon = build_lexicon(texts.values())
        todo = entries
    looked: dict = {}
    made = regenerate(root, todo, lexicon=lexicon, texts=texts, looked=looked)
    store.regenerated = len(made)
    made_texts = {
        str(out): {
            "entry": digests[str(out)],
            "hash": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            **_asked(looked[out]),
        }
        for out, text in made
    }
    return {
        "texts": {k: made_texts.get(k) or kept[k] for k in digests},
        "lexicon": store.keep_lexicon(lexicon),
        "sources": shas,
        "folders": {name: store.entries_digests.get(name) for name, _made in groups},
    }


def _asked(looked: LookedUp) -> dict:
    """What an import asked of the lexicon (`importer.LookedUp`), as the cache keeps it."""
    calls = [[*call, got] for call, got in sorted(looked.calls.items())]
    return {"missed": sorted(looked.missed), "calls": calls}


def _entry_digest(entry: tuple) -> str:
    """The SHA-256 of what a text regenerated from a source entry depends on besides the
    lexicon: the act, edition, language and the entry (its ``text_sha256`` aside, which
    only the comparison reads).

    >>> from generator.corpus import ActRecord
    >>> rec = ActRecord(id="Z070000262", kind="amending", folder=Path("amendments"), meta={})
    >>> src = {"file": "a.txt", "sha256": "0", "text_sha256": "1"}
    >>> _entry_digest((rec, None, "kk", src, Path("kk.md"))) == _entry_digest(
    ...     (rec, None, "kk", {**src, "text_sha256": "2"}, Path("kk.md")))
    True
    """
    rec, ed, lang, src, _out = entry
    plain = {k: v for k, v in src.items() if k != "text_sha256"}
    text = json.dumps([rec.id, rec.kind, ed, lang, plain], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _entries(store: _Cache, folders: list[tuple], day: dt.date) -> list | None:
    """Each folder's source entries (as `ingest.source_entries` gives them) as a function
    that makes them: from the cache when the folder's key is the one they were stored under,
    else read from its act.yml now (`ingest.record_entries`); ``store.entries_digests`` gets
    each folder's SHA-256 of its entries. None when a folder cannot be read for them."""
    from .corpus import load_record
    from .ingest import record_entries, source_problems

    stored = store.data.get("entries") or {}
    kept: dict = {}
    digests: dict[str, str] = {}
    makers: list = []
    for top, kind, folder, key in folders:
        name = f"{top}/{folder.name}"
        hit = stored.get(name)
        if hit and hit["key"] == key:
            kept[name] = hit
            digests[name] = hit["digest"]
            makers.append(lambda hit=hit, kind=kind, folder=folder: _made(hit, kind, folder))
            continue
        store.entry_reads += 1
        problems: list[str] = []
        rec = load_record(folder, kind, problems, day)
        if rec is None or source_problems(problems):
            return None
        got = record_entries(rec)
        listed = [[ed, lang, src, str(p.relative_to(folder))] for _r, ed, lang, src, p in got]
        text = json.dumps(listed, sort_keys=True, default=str)
        digests[name] = hashlib.sha256(text.encode()).hexdigest()
        plain = {"key": key, "id": rec.id, "digest": digests[name], "entries": listed}
        if json.loads(json.dumps(plain)) == plain:  # kept only when it reads back the same
            kept[name] = plain
        makers.append(lambda got=got: got)
    store.entries = kept
    store.entries_digests = digests
    return makers


def _made(hit: dict, kind: str, folder: Path) -> list[tuple]:
    """The source entries a folder's cache entry records, with a record naming the act."""
    from .corpus import ActRecord

    rec = ActRecord(id=hit["id"], kind=kind, folder=folder, meta={})
    return [(rec, ed, lang, src, folder / rel) for ed, lang, src, rel in hit["entries"]]


def _discussion(rec, day: dt.date) -> list[str]:
    """A draft's discussion data: the article-15 edition it names, its window (an override
    may not close it before it opens), a posting on a day off only with a note, and its
    remarks (schema, units, dates against the window and today)."""
    from . import discussion, schema

    yml = rec.folder / "act.yml"
    _data, lines = schema.load_file(yml)
    meta = rec.meta

    def where(*path: object) -> str:
        return f"{yml}:{schema.line_at(lines, path)}: {schema.field_name(path)}"

    out: list[str] = []
    disc = meta.get("discussion") or {}
    known = [e["id"] for e in discussion.editions()]
    if disc.get("edition") and disc["edition"] not in known:
        out.append(
            f"{where('discussion', 'edition')}: {disc['edition']!r} is not an edition of "
            f"article 15 of Law No. 88-V (known: {', '.join(known)})"
        )
        return out
    if disc.get("applies") is False and disc.get("posted"):
        out.append(
            f"{where('discussion', 'posted')}: a posting date where the discussion rule does not apply"
        )
    window = None
    if disc.get("posted") and disc.get("applies") is not False:
        posted = disc["posted"]
        if posted > day:
            out.append(f"{where('discussion', 'posted')}: {posted} is after today ({day}, --today)")
        try:
            off = not discussion.is_working_day(posted)
        except discussion.CalendarError:
            # The calendar has no data for that year: the days off of its working week
            # (generator/data/calendar.yml, `week`) still are, whatever else the year holds.
            off = posted.isoweekday() in discussion._calendar_data()["week"]["days_off"]
        if off and not disc.get("posted_note"):
            out.append(
                f"{where('discussion', 'posted')}: posted on {posted}, a day off, with no "
                "`posted_note` saying why"
            )
        override = disc.get("override") or {}
        opens = posted + dt.timedelta(days=1)  # Civil Code art. 173: the day after posting
        if override and override["closes"] < opens:
            out.append(
                f"{where('discussion', 'override', 'closes')}: {override['closes']} closes the "
                f"window before it opens on {opens}"
            )
            return out
        try:
            window, _warnings = discussion.window_for(meta)
        except (ValueError, KeyError) as e:
            out.append(f"{where('discussion')}: {e}")
    remarks = rec.folder / "remarks.yml"
    if remarks.is_file() and not remarks.is_symlink():  # a link is refused, never read
        items, rlines, problems = schema.check_file(remarks, "remarks")
        out += problems
        if problems:
            return out
        if window is None:
            out.append(f"{remarks}:1: remarks for a draft without a discussion window")
            return out
        texts = {}
        for lang in sorted(rec.files):
            try:
                texts[lang] = rec.load(lang)
            except (ParseError, UnicodeDecodeError):
                return out  # reported with the text
        for i, item in enumerate(items or []):
            item["_line"] = schema.line_at(rlines, (i,))
        out += discussion.validate_remarks(items or [], texts, window, str(remarks), day)[1]
    return out


def _links(
    drafts: dict, present: dict[str, dict[str, Path]], carries: dict[str, list], day: dt.date
) -> list[str]:
    """Links between records: a draft's ``carried_by``, ``adopted_as``, ``amends`` and
    ``compare_with`` name acts of the corpus (``compare_with.version`` one of its versions:
    a stored edition or an amending act of the corpus), ``carried_by`` is answered by the
    act's ``carries``, an adopted draft names its act; an act's ``carries`` names a draft
    (``carries``: act ID → [the draft it names, its line], `_carries`, kept in the cache)."""
    from . import schema
    from .corpus import load_record

    out: list[str] = []
    acts, amenders = present["act"], present["amending"]
    loaded: dict = {}

    def act(act_id: str):
        if act_id not in loaded:
            loaded[act_id] = load_record(acts[act_id], "act", [], day) if act_id in acts else None
        return loaded[act_id]

    for rec in sorted(drafts.values(), key=lambda r: r.id):
        meta = rec.meta
        yml = rec.folder / "act.yml"
        _d, lines = schema.load_file(yml)

        def where(*path: object, _lines=lines, _yml=yml) -> str:
            return f"{_yml}:{schema.line_at(_lines, path)}: {schema.field_name(path)}"

        for key in ("carried_by", "adopted_as", "amends"):
            if meta.get(key) and meta[key] not in acts:
                out.append(f"{where(key)}: {meta[key]} is not an act of the corpus (corpus/)")
        carrier = act(meta["carried_by"]) if meta.get("carried_by") else None
        if carrier is not None and carrier.meta.get("carries") != rec.id:
            out.append(
                f"{where('carried_by')}: {carrier.id} does not say `carries: {rec.id}` "
                f"(it says {carrier.meta.get('carries')!r})"
            )
        if (meta.get("status") == "adopted_draft") != bool(meta.get("adopted_as")):
            out.append(
                f"{where('status')}: status {meta.get('status')} "
                + ("without `adopted_as`" if not meta.get("adopted_as") else "with `adopted_as`")
            )
        cmp_ = meta.get("compare_with")
        if cmp_:
            if cmp_["act"] not in acts:
                out.append(
                    f"{where('compare_with', 'act')}: {cmp_['act']} is not an act of the corpus"
                )
            elif cmp_.get("version") and act(cmp_["act"]) is not None:
                target = act(cmp_["act"])
                if cmp_["version"] not in [e.id for e in target.editions] + sorted(amenders):
                    out.append(
                        f"{where('compare_with', 'version')}: {cmp_['version']!r} is not a "
                        f"version of {target.id} (stored editions: "
                        f"{', '.join(e.id for e in target.editions)})"
                    )
    for act_id in sorted(acts):
        said = carries.get(act_id)
        if said and said[0] not in present["draft"]:
            out.append(
                f"{acts[act_id] / 'act.yml'}:{said[1]}: carries: "
                f"{said[0]} is not a draft of the corpus (drafts/)"
            )
    return out


def _carries(folder: Path) -> list | None:
    """The draft an act's act.yml says it ``carries`` and that line, or None.

    >>> _carries(Path("corpus/P1200001579"))
    ['DP1200001579', 10]
    """
    from . import schema

    path = folder / "act.yml"
    # A linked act.yml is refused elsewhere and never read (nothing outside the repository).
    if path.is_file() and not path.is_symlink() and b"carries:" in path.read_bytes():
        try:
            data, lines = schema.load_file(path)
        except schema.YamlError:
            return None
        carried = data.get("carries") if isinstance(data, dict) else None
        if carried:  # as the message shows it (the schema names a value not a string)
            return [str(carried), schema.line_at(lines, ("carries",))]
    return None
