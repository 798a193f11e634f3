"""The corpus on disk: `corpus/`, `amendments/`, `drafts/` with their `act.yml` files.

Loading is the «import» edge of the pipeline for stored texts: it reads act.yml, checks its
fields, finds each stored edition's files and parses them on demand.

>>> ActRecord.kind_of("amendments")
'amending'
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import ACT_ID_RE, Act, DateSpec
from .parse import ParseError, parse_markdown
from .paths import (
    edition_id_problem,
    edition_line,
    escaping_links,
    language_problem,
    line_with,
    source_problem,
)

LANGS = ("kk", "ru")
ACT_TYPES = ("law", "code", "decree", "order", "draft_law", "draft_bylaw", "resolution")
STATUSES = ("in_force", "repealed", "draft", "adopted_draft", "not_in_force")


class CorpusError(ValueError):
    """An invalid corpus entry; the message names file, line and unit."""


@dataclass
class Edition:
    """One stored edition of an act: a folder holding kk.md and/or ru.md."""

    id: str
    includes: str
    date: DateSpec
    languages: list[str]
    files: dict[str, Path]
    sources: dict[str, dict]
    meta: dict = field(default_factory=dict)

    def load(self, lang: str) -> Act:
        """Parse this edition's text in one language."""
        return self.load_with_digest(lang)[0]

    def load_with_digest(self, lang: str) -> tuple[Act, str]:
        """The parsed text and the SHA-256 of its file's bytes (the file is read once)."""
        path = self.files[lang]
        raw = path.read_bytes()
        return parse_markdown(_decode(raw), lang, str(path)), hashlib.sha256(raw).hexdigest()


def _decode(raw: bytes) -> str:
    r"""A file's text as `Path.read_text` gives it (universal newlines).

    >>> _decode("бір\r\nекі\rүш\n".encode())
    'бір\nекі\nүш\n'
    """
    text = raw.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


@dataclass
class ActRecord:
    """An act of the corpus (or an amending act, or a draft) with its metadata."""

    id: str
    kind: str  # act | amending | draft
    folder: Path
    meta: dict
    editions: list[Edition] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # amending acts and drafts
    signature: str = ""  # of the folder's files (names, sizes, times): see folder_signature

    @staticmethod
    def kind_of(top: str) -> str:
        """The kind of entry a top-level folder holds."""
        return {"corpus": "act", "amendments": "amending", "drafts": "draft"}[top]

    def title(self, lang: str) -> str:
        """The act's title in a language (or the other language's, marked)."""
        titles = self.meta.get("title", {})
        return titles.get(lang) or titles.get("kk" if lang == "ru" else "ru") or self.id

    def load(self, lang: str) -> Act:
        """Parse the text of an amending act or a draft in one language."""
        path = self.files[lang]
        return parse_markdown(path.read_text(encoding="utf-8"), lang, str(path))


@dataclass
class Corpus:
    """Everything under a repository root."""

    root: Path
    acts: dict[str, ActRecord] = field(default_factory=dict)
    amendments: dict[str, ActRecord] = field(default_factory=dict)
    drafts: dict[str, ActRecord] = field(default_factory=dict)

    def all(self) -> list[ActRecord]:
        """Every record, acts first, in ID order."""
        return [
            *sorted(self.acts.values(), key=lambda r: r.id),
            *sorted(self.amendments.values(), key=lambda r: r.id),
            *sorted(self.drafts.values(), key=lambda r: r.id),
        ]


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _line_of(text: str, key: str) -> int:
    for i, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith(f"{key}:") or line.lstrip().startswith(f"- {key}:"):
            return i
    return 1


def _edition_line(text: str, eid: str) -> int:
    for i, line in enumerate(text.splitlines(), 1):
        if line.strip() in (f"- id: {eid}", f"id: {eid}"):
            return i
    return 0


def _load_yaml(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise CorpusError(f"{path}:{line}: not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise CorpusError(f"{path}:1: act.yml must be a mapping")
    return data, text


def _date(path: Path, text: str, key: str, value: object) -> DateSpec:
    try:
        return DateSpec.parse(value)
    except ValueError as e:
        raise CorpusError(f"{path}:{_line_of(text, key)}: {key}: {e}") from e


def load_record(folder: Path, kind: str, errors: list[str]) -> ActRecord | None:
    """Read one act folder; append every problem to ``errors`` as «file:line: message»."""
    yml = folder / "act.yml"
    act_id = folder.name
    if not ACT_ID_RE.match(act_id):
        errors.append(
            f"{folder}:0: folder name {act_id!r} is not an act ID (^[A-Z][A-Z0-9]{{5,19}}$)"
        )
        return None
    if not yml.exists():
        errors.append(f"{yml}:0: missing act.yml")
        return None
    try:
        meta, text = _load_yaml(yml)
    except CorpusError as e:
        errors.append(str(e))
        return None
    where = lambda key: f"{yml}:{_line_of(text, key)}"  # noqa: E731
    if meta.get("id") != act_id:
        errors.append(f"{where('id')}: id {meta.get('id')!r} does not match folder {act_id!r}")
    if meta.get("type") not in ACT_TYPES:
        errors.append(f"{where('type')}: type {meta.get('type')!r} not one of {ACT_TYPES}")
    titles = meta.get("title")
    if not isinstance(titles, dict) or not any(titles.get(lang) for lang in LANGS):
        errors.append(f"{where('title')}: title needs kk and/or ru")
    for key in ("adopted", "published", "in_force"):
        if key in meta and not isinstance(meta[key], dict):
            try:
                _date(yml, text, key, meta[key])
            except CorpusError as e:
                errors.append(str(e))
    if meta.get("status") not in STATUSES:
        errors.append(f"{where('status')}: status {meta.get('status')!r} not one of {STATUSES}")
    record = ActRecord(id=act_id, kind=kind, folder=folder, meta=meta)
    if kind == "act":
        editions = meta.get("editions")
        if not isinstance(editions, list) or not editions:
            errors.append(f"{where('editions')}: an act needs at least one edition")
            editions = []
        for n, ed in enumerate(editions):
            # Edition ids and languages become paths (paths.py, DESIGN.md «Ids that become
            # paths»): checked before any folder or file is named by them.
            bad = edition_id_problem(ed.get("id"))
            if bad:
                errors.append(f"{yml}:{edition_line(yml, n)}: editions.id: {bad}")
                continue
            eid = str(ed.get("id", ""))
            line = f"{yml}:{_edition_line(text, eid)}"
            sub = folder / eid
            if not eid or not sub.is_dir():
                errors.append(f"{line}: edition {eid!r}: no folder {sub}")
                continue
            langs = ed.get("languages") or []
            bad_langs = (
                [lang for lang in langs if language_problem(lang)]
                if isinstance(langs, list)
                else [langs]
            )
            if bad_langs:
                errors.append(
                    f"{yml}:{edition_line(yml, n, 'languages')}: editions.languages: "
                    f"{language_problem(bad_langs[0])}"
                )
                continue
            files = {lang: sub / f"{lang}.md" for lang in langs}
            for path in files.values():
                if not path.exists():
                    errors.append(f"{line}: edition {eid}: missing {path}")
            for extra in sorted(sub.glob("*.md")):
                if extra.stem not in langs:
                    errors.append(f"{extra}:0: not listed in the edition's languages {langs}")
            try:
                date = DateSpec.parse(ed.get("date", "unknown"))
            except ValueError as e:
                errors.append(f"{line}: edition {eid}: date: {e}")
                date = DateSpec.parse("unknown")
            record.editions.append(
                Edition(
                    id=eid,
                    includes=str(ed.get("includes", "")),
                    date=date,
                    languages=list(langs),
                    files=files,
                    sources=ed.get("sources") or {},
                    meta=ed,
                )
            )
    else:
        for lang in LANGS:
            path = folder / f"{lang}.md"
            if path.exists():
                record.files[lang] = path
        if not record.files:
            errors.append(f"{yml}:0: no kk.md or ru.md beside act.yml")
    return record


def folder_signature(folder: Path) -> str:
    """Names, sizes and modification times of a folder's files, recursively (none is read).

    A file rewritten with the same bytes changes the signature: the act is read and
    assembled again and comes out the same, so nothing wrong is published.
    """
    h = hashlib.sha256()

    def walk(path: str, rel: str) -> None:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                walk(e.path, f"{rel}{e.name}/")
            elif e.is_file():
                st = e.stat()
                h.update(f"{rel}{e.name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())

    walk(str(folder), "")
    return h.hexdigest()


PARALLEL_LOAD_FROM = 512  # folders to read from which worker processes read them


def _read_folder(job: tuple[Path, str, str | None]) -> tuple[str, ActRecord | None, list[str]]:
    """(signature, record, problems) of one folder; the signature is computed unless given."""
    folder, kind, sig = job
    problems: list[str] = []
    rec = load_record(folder, kind, problems)
    sig = sig if sig is not None else folder_signature(folder)
    if rec is not None:
        rec.signature = sig
    return sig, rec, problems


def load_corpus(
    root: Path, errors: list[str] | None = None, cache: Path | None = None, jobs: int = 1
) -> Corpus:
    """Load every act.yml under root; raise CorpusError listing all problems.

    With ``cache`` (a file), a folder whose signature is unchanged since the last load
    without problems is not read again: its record comes from the cache. ``jobs`` worker
    processes read the folders when there are many to read (a cold build).
    """
    own = errors if errors is not None else []
    corpus = Corpus(root=root)
    cached: dict[str, tuple[str, tuple]] = {}  # key → (signature, _to_plain(record))
    if cache is not None:
        try:
            with cache.open("rb") as f:
                stored = pickle.load(f)
            if stored.get("key") == _cache_key(root):
                cached = stored["records"]
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError):
            cached = {}
    buckets = {"corpus": corpus.acts, "amendments": corpus.amendments, "drafts": corpus.drafts}
    folders: list[tuple[str, str, Path]] = []  # (top, key, folder) in loading order
    for top in buckets:
        base = root / top
        # Nothing is read through a symlink that leaves the repository and ../shared/.
        if base.is_symlink() and escaping_links(base, root):
            own += escaping_links(base, root)
            continue
        if base.is_dir():
            with os.scandir(base) as entries:
                names = sorted(e.name for e in entries if e.is_dir())
            for name in names:
                links = escaping_links(base / name, root)
                if links:
                    own += links
                else:
                    folders.append((top, f"{top}/{name}", base / name))
    results: dict[str, tuple[str, ActRecord | None, list[str]]] = {}
    todo: list[tuple[str, tuple[Path, str, str | None]]] = []
    for top, key, folder in folders:
        # Without a cache no signature is needed; with an empty one the reader computes it.
        sig = folder_signature(folder) if cached else (None if cache is not None else "")
        hit = cached.get(key)
        if hit and hit[0] == sig:
            results[key] = (sig, _from_plain(hit[1], folder, ActRecord.kind_of(top), sig), [])
        else:
            todo.append((key, (folder, ActRecord.kind_of(top), sig)))
    if jobs > 1 and len(todo) >= PARALLEL_LOAD_FROM:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            read = pool.map(_read_folder, [job for _, job in todo], chunksize=64)
    else:
        read = [_read_folder(job) for _, job in todo]
    results.update((key, r) for (key, _), r in zip(todo, read, strict=True))
    fresh: dict[str, tuple[str, ActRecord]] = {}
    for top, key, _folder in folders:
        sig, rec, problems = results[key]
        own += problems
        if rec is None:
            continue
        buckets[top][rec.id] = rec  # with problems: checked further by check_corpus
        if not problems:
            fresh[key] = (sig, rec)
    if own:
        if errors is None:
            raise CorpusError("\n".join(own))
    elif cache is not None and {k: v[0] for k, v in fresh.items()} != {
        k: v[0] for k, v in cached.items()
    }:
        tmp = cache.with_name(cache.name + ".zan-tmp")
        tmp.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as f:
            plain = {key: (sig, _to_plain(rec)) for key, (sig, rec) in fresh.items()}
            pickle.dump({"key": _cache_key(root), "records": plain}, f, pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    return corpus


def _to_plain(rec: ActRecord) -> tuple:
    """A record as plain data for the cache: its paths are rebuilt from its folder.

    (Unpickling thousands of absolute paths costs more than the rest of the record.)
    """
    editions = [
        (e.id, e.includes, e.date, e.languages, list(e.files), e.sources, e.meta)
        for e in rec.editions
    ]
    return rec.id, rec.meta, editions, list(rec.files)


def _from_plain(plain: tuple, folder: Path, kind: str, signature: str) -> ActRecord:
    """The record `_to_plain` stored, its paths where load_record puts them."""
    act_id, meta, editions, file_langs = plain
    rec = ActRecord(id=act_id, kind=kind, folder=folder, meta=meta, signature=signature)
    for eid, includes, date, languages, langs, sources, ed_meta in editions:
        sub = folder / eid
        files = {lang: sub / f"{lang}.md" for lang in langs}
        rec.editions.append(Edition(eid, includes, date, languages, files, sources, ed_meta))
    rec.files = {lang: folder / f"{lang}.md" for lang in file_langs}
    return rec


def _cache_key(root: Path) -> str:
    from .incremental import code_hash

    return f"{root.resolve()}\0{code_hash()}"


def check_corpus(root: Path) -> list[str]:
    """Validate the corpus: act.yml fields, sources' SHA-256, every text's unit tree.

    Each message names file, line and unit. Returns [] when all is well.
    """
    from .validate import check_act_tree

    errors: list[str] = []
    corpus = load_corpus(root, errors)
    for rec in corpus.all():
        texts: list[tuple[str, Path]] = []
        for ed in rec.editions:
            texts += [(lang, path) for lang, path in ed.files.items() if path.exists()]
            for lang, src in sorted(ed.sources.items()):
                _check_source(root, rec, ed.id, lang, src, errors)
        texts += list(rec.files.items())
        for lang, path in texts:
            try:
                act = parse_markdown(path.read_text(encoding="utf-8"), lang, str(path))
            except ParseError as e:
                errors.append(str(e))
                continue
            errors += check_act_tree(act)
    return errors


def _check_source(root: Path, rec: ActRecord, ed: str, lang: str, src: dict, errors: list) -> None:
    yml = rec.folder / "act.yml"
    file = src.get("file")
    want = src.get("sha256")
    if not file or not want:
        errors.append(f"{yml}:0: edition {ed} {lang}: source needs file and sha256")
        return
    outside = source_problem(root, file)
    if outside:
        line = line_with(yml, str(file))
        errors.append(f"{yml}:{line}: edition {ed} {lang}: sources.{lang}.file: {outside}")
        return
    path = (root / file).resolve()
    if not path.exists():
        # Sources live in ../shared/sources beside the repo; absent on some checkouts.
        return
    got = sha256_file(path)
    if got != want:
        errors.append(
            f"{yml}:0: edition {ed} {lang}: {file} has SHA-256 {got}, act.yml says {want}"
        )
