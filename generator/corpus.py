"""The corpus on disk: `corpus/`, `amendments/`, `drafts/` with their `act.yml` files.

Loading is the «import» edge of the pipeline for stored texts: it reads act.yml, checks its
fields, finds each stored edition's files and parses them on demand.

>>> ActRecord.kind_of("amendments")
'amending'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .model import ACT_ID_RE, Act, DateSpec
from .parse import parse_markdown
from .paths import escaping_links

LANGS = ("kk", "ru")
ACT_TYPES = ("law", "code", "decree", "order", "draft_law", "draft_bylaw", "resolution")
STATUSES = ("in_force", "repealed", "draft", "adopted_draft", "not_in_force")
# (checked by the schemas in generator/schemas/: act.yml, amending.yml, draft.yml)


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


SCHEMA_OF = {"act": "act", "amending": "amending", "draft": "draft"}


def load_record(
    folder: Path, kind: str, errors: list[str], today: dt.date | None = None
) -> ActRecord | None:
    """Read one act folder; append every problem to ``errors`` as «file:line: field: message».

    act.yml is checked against its schema (generator/schemas/, `schema.check_file`) before
    anything is read from it; a file that fails gives no record.
    """
    from . import schema
    from .clock import today as clock_today

    today = today or clock_today()
    yml = folder / "act.yml"
    act_id = folder.name
    if not ACT_ID_RE.match(act_id):
        errors.append(
            f"{folder}:0: folder name {act_id!r} is not an act ID (^[A-Z][A-Z0-9]{{5,19}}$)"
        )
        return None
    if not yml.is_file():
        errors.append(f"{yml}:0: missing act.yml")
        return None
    meta, lines, problems = schema.check_file(yml, SCHEMA_OF[kind])
    if problems or not isinstance(meta, dict):
        errors.extend(
            [_hash_hint(p, meta, folder) for p in problems]
            or [f"{yml}:1: act.yml must be a mapping"]
        )
        return None

    def where(*path: object) -> str:
        return f"{yml}:{schema.line_at(lines, path)}: {schema.field_name(path)}"

    if meta["id"] != act_id:
        errors.append(f"{where('id')}: {meta['id']!r} does not match the folder {act_id!r}")
    # An adoption (or submission) is a past event: one after the build date is a typo
    # that would make every amendment of the act look pending.
    for key in ("adopted", "submitted"):
        if key in meta:
            spec = DateSpec.parse(meta[key])
            if spec.earliest is not None and spec.earliest > today:
                errors.append(
                    f"{where(key)}: {spec.text} is after today ({today.isoformat()}, --today)"
                )
    record = ActRecord(id=act_id, kind=kind, folder=folder, meta=meta)
    text_langs: set[str] = set()
    if kind == "act":
        for i, ed in enumerate(meta["editions"]):
            eid = ed["id"]
            sub = folder / eid
            if not sub.is_dir() or sub.is_symlink():
                errors.append(f"{where('editions', i, 'id')}: edition {eid}: no folder {sub}")
                continue
            langs = list(ed["languages"])
            text_langs.update(langs)
            files = {lang: sub / f"{lang}.md" for lang in langs}
            for lang, path in files.items():
                if not path.is_file():
                    errors.append(
                        f"{where('editions', i, 'languages')}: edition {eid}: missing {path}"
                    )
                elif lang not in (ed.get("sources") or {}) and lang not in (
                    ed.get("text_sha256") or {}
                ):
                    errors.append(
                        f"{where('editions', i, 'sources')}.{lang}.text_sha256: missing "
                        f"(edition {eid}: {lang}.md has no recorded SHA-256; it has "
                        f"{sha256_file(path)})"
                    )
            for lang in sorted(set(ed.get("sources") or {}) - set(langs)):
                errors.append(
                    f"{where('editions', i, 'sources', lang)}: a source for {lang}, which is "
                    f"not in the edition's languages {langs}"
                )
            for extra in sorted(sub.glob("*.md")):
                if extra.stem not in langs:
                    errors.append(f"{extra}:0: not listed in the edition's languages {langs}")
            record.editions.append(
                Edition(
                    id=eid,
                    includes=str(ed["includes"]),
                    date=DateSpec.parse(ed["date"]),
                    languages=langs,
                    files=files,
                    sources=ed.get("sources") or {},
                    meta=ed,
                )
            )
        ids = [ed["id"] for ed in meta["editions"]]
        for i, eid in enumerate(ids):
            if eid in ids[:i]:
                errors.append(f"{where('editions', i, 'id')}: edition {eid} listed twice")
    else:
        for lang in LANGS:
            path = folder / f"{lang}.md"
            if path.is_file():
                record.files[lang] = path
                text_langs.add(lang)
                if lang not in (meta.get("sources") or {}) and lang not in (
                    meta.get("text_sha256") or {}
                ):
                    field = (
                        where("sources") + f".{lang}.text_sha256"
                        if "sources" in meta
                        else f"{yml}:{schema.line_at(lines, ('text_sha256',))}: text_sha256.{lang}"
                    )
                    errors.append(
                        f"{field}: missing ({lang}.md has no recorded SHA-256; it has "
                        f"{sha256_file(path)})"
                    )
        if not record.files:
            errors.append(f"{yml}:0: no kk.md or ru.md beside act.yml")
        for lang in sorted(set(meta.get("sources") or {}) - text_langs):
            errors.append(f"{where('sources', lang)}: a source for {lang}, but no {lang}.md")
    # A language whose text is stored needs its title (the page and every citation of the
    # act name it); a language without text says so under languages_missing.
    for lang in LANGS:
        if lang in text_langs and lang not in meta["title"]:
            errors.append(f"{where('title')}.{lang}: missing (required: the act has a {lang} text)")
        missing = meta.get("languages_missing") or {}
        if lang in missing and lang in text_langs:
            errors.append(
                f"{where('languages_missing', lang)}: the {lang} text is stored, not missing"
            )
    return record


_MISSING_TIE = re.compile(
    r"(?:editions\[(\d+)\]\.)?sources\.(kk|ru)\.text_sha256: missing \(required\)$"
)


def _hash_hint(problem: str, meta: object, folder: Path) -> str:
    """A missing `text_sha256` error with the SHA-256 of the stored text it would record."""
    m = _MISSING_TIE.search(problem)
    if not m or not isinstance(meta, dict):
        return problem
    try:
        sub = folder / meta["editions"][int(m[1])]["id"] if m[1] else folder
        digest = sha256_file(sub / f"{m[2]}.md")
    except (KeyError, IndexError, TypeError, OSError):
        return problem
    return f"{problem[:-1]}; the stored {m[2]}.md has {digest})"


# One build's folder listings (walk_once): the validator and the loader list each folder once.
_WALKS: dict[str, list[tuple[str, str, int, int]]] | None = None


@contextmanager
def walk_once() -> Iterator[None]:
    """Within it, each folder's files are listed (names, sizes, times) only once: `zan
    build` validates the corpus, then loads it, from the same listing of every folder.

    >>> with walk_once():
    ...     folder_files(Path("generator/schemas")) == folder_files(Path("generator/schemas"))
    True
    """
    global _WALKS
    _WALKS = {}
    try:
        yield
    finally:
        _WALKS = None


def folder_files(folder: Path) -> list[tuple[str, str, int, int]]:
    """``(relative path, "file" | "symlink", size, mtime_ns)`` of every file under a folder,
    recursively, in name order (a symbolic link is listed, never followed)."""
    key = os.path.abspath(folder)  # (no system call: the same folder named two ways)
    if _WALKS is not None and key in _WALKS:
        return _WALKS[key]
    out: list[tuple[str, str, int, int]] = []

    def walk(path: str, rel: str) -> None:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            if e.is_symlink():
                out.append((f"{rel}{e.name}", "symlink", 0, 0))
            elif e.is_dir():
                walk(e.path, f"{rel}{e.name}/")
            elif e.is_file():
                st = e.stat()
                out.append((f"{rel}{e.name}", "file", st.st_size, st.st_mtime_ns))

    walk(key, "")
    if _WALKS is not None:
        _WALKS[key] = out
    return out


def folder_signature(folder: Path) -> str:
    """Names, sizes and modification times of a folder's files, recursively (none is read).

    A file rewritten with the same bytes changes the signature: the act is read and
    assembled again and comes out the same, so nothing wrong is published.
    """
    h = hashlib.sha256()
    for rel, kind, size, mtime in folder_files(folder):
        if kind == "symlink":
            h.update(f"{rel}\0symlink\0".encode())
        else:
            h.update(f"{rel}\0{size}\0{mtime}\0".encode())
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
    root: Path,
    errors: list[str] | None = None,
    cache: Path | None = None,
    jobs: int = 1,
    unchanged: frozenset[str] | None = None,
) -> Corpus:
    """Load every act.yml under root; raise CorpusError listing all problems.

    With ``cache`` (a file), a folder whose signature is unchanged since the last load
    without problems is not read again: its record comes from the cache. ``jobs`` worker
    processes read the folders when there are many to read (a cold build). ``unchanged``:
    folders (``corpus/NAME``…) known to be as when their record was cached (git,
    changes.py): taken from the cache without listing their files.
    """
    own = errors if errors is not None else []
    corpus = Corpus(root=root)
    cached: dict[str, tuple[str, tuple]] = {}  # key → (signature, _to_plain(record))
    if cache is not None:
        try:
            from .incremental import plain_data

            with cache.open("rb") as f, plain_data():
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
                key = f"{top}/{name}"
                # A folder git vouches for is as the last complete build saw it, links and
                # all (a link added since is a change git names): its files are not walked.
                if not (unchanged and key in unchanged and key in cached):
                    links = escaping_links(base / name, root)
                    if links:
                        own += links
                        continue
                folders.append((top, key, base / name))
    results: dict[str, tuple[str, ActRecord | None, list[str]]] = {}
    todo: list[tuple[str, tuple[Path, str, str | None]]] = []
    for top, key, folder in folders:
        hit = cached.get(key)
        if hit and unchanged and key in unchanged:
            results[key] = (hit[0], _from_plain(hit[1], folder, ActRecord.kind_of(top), hit[0]), [])
            continue
        # Without a cache no signature is needed; with an empty one the reader computes it.
        sig = folder_signature(folder) if cached else (None if cache is not None else "")
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


def check_corpus(root: Path, examples: bool = True) -> list[str]:
    """Validate the corpus (`validate.validate_corpus`, the one validator of `zan check` and
    `zan build`): each message names file, line and unit or field. [] when all is well."""
    from .validate import validate_corpus

    return validate_corpus(root, examples=examples)
