"""The consolidate stage over the whole corpus: amenders → operations → versions → ledger.

For each act of `corpus/`, every amending act in `amendments/` whose instructions cite it
is applied (`consolidate.build_versions`) to the latest stored edition in each language
that predates it. Operations citing acts that are not in the corpus are ledgered as such.

>>> [b.text for b in blocks_of(__import__("generator.parse", fromlist=["x"]).parse_markdown(
...     "# T\\n\\n## 1-бап. {#art_1}\\n\\nМәтін:\\n\\n1) бір;\\n", "kk"))]
['1-бап. Мәтін:', '1) бір;']
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .act_match import ActMatch
from .amender_text import Block
from .consolidate import (
    EffectStatus,
    LedgerEntry,
    Resolution,
    Unread,
    amender_info,
    build_versions,
    load_manual,
)
from .corpus import ActRecord, Corpus
from .formulas.amender import Amender, repair_reason
from .formulas.reader import read_instructions
from .model import Act, Operation
from .outstanding import unread_of
from .site import SiteVersion


def blocks_of(act: Act) -> list[Block]:
    """The amending act's paragraphs in order, as the instruction grammar reads them: its
    items and their quoted payloads, from the parsed tree (generator/amender_tree.py)."""
    from .amender_tree import as_reader_blocks

    return as_reader_blocks(act)


@dataclass
class AmenderRead:
    """One amending act read in each of its languages."""

    record: ActRecord
    by_lang: dict[str, Amender]
    texts: dict[str, Act]
    # Per language: the instructions not read (outstanding effects, never dropped), and
    # the report lines naming them (file, line, reason, the sentence).
    unread: dict[str, list[Unread]] = field(default_factory=dict)
    not_read: list[str] = field(default_factory=list)


def source_line(raw: str, sentence: str, line: int) -> int:
    """The line of a raw official text where a sentence read from its import stands
    (``line`` is its line in the imported Markdown): the line that starts with the same
    words, folded as matching folds them; the nearest to ``line`` when several do.

    >>> source_line("Т\\n\\n1-бап . Мәтін\\n\\n2)  23-бап мынадай", "2) 23-бап мынадай", 9)
    5
    """
    from .act_match import title_key

    want = title_key(sentence)[:24]
    hits = [
        n for n, text in enumerate(raw.splitlines(), 1) if want and title_key(text)[:24] == want
    ]
    return min(hits, key=lambda n: abs(n - line)) if hits else line


def instruction_report(
    path: object, am: Amender, raw: str | None = None
) -> tuple[list[str], list[str]]:
    """The lines that report an amender's instructions not read, and its repairs.

    >>> from generator.formulas.amender import CitedAct, InstructionError
    >>> am = Amender("kk", errors=[InstructionError(134, "looks like an instruction but "
    ...     "was not read (names a unit)", "8) 23-бап мынадай")], repairs=[(26, "тoлықтырылсын",
    ...     "толықтырылсын")])
    >>> print("\\n".join(sum(instruction_report("kk.md", am), [])))
    kk.md:134: instruction not understood: looks like an instruction but was not read (names a unit): «8) 23-бап мынадай»
    kk.md:26: repaired: «тoлықтырылсын» read as «толықтырылсын» (Latin look-alike letters)
    """

    def at(line: int, sentence: str) -> int:  # a raw text's own line, not its import's
        return source_line(raw, sentence, line) if raw is not None else line

    errors = [
        f"{path}:{at(e.line, e.sentence)}: instruction not understood: {e.reason}: «{e.sentence}»"
        for e in am.errors
    ]
    repairs = [
        f"{path}:{at(line, old)}: repaired: «{old}» read as «{new}» ({repair_reason(old, new)})"
        for line, old, new in am.repairs
    ]
    return errors, repairs


def shown(rec: ActRecord, lang: str) -> str:
    """An amending act's text as messages name it: relative to the repository
    («amendments/Z070000262/kk.md»), never a path of this machine."""
    return f"{rec.folder.parent.name}/{rec.folder.name}/{rec.files[lang].name}"


def read_amender(rec: ActRecord, keep: bool = False) -> AmenderRead:
    """Parse an amending act's texts and read their instructions; every instruction not read
    is kept as an outstanding effect of the act it stands under (`outstanding.unread_of`)
    and reported (one line each: file, line, reason, the sentence).

    ``keep``: also keep what was read (`kept_reads`) for a later `AmendersIndex` of this
    process, which then does not read the same texts again (the validator, validate.py,
    reads every amending act before a build's index does).
    """
    texts = {lang: rec.load(lang) for lang in sorted(rec.files)}
    by_lang = {lang: read_instructions(blocks_of(act), lang) for lang, act in texts.items()}
    not_read = [
        line for lang, am in by_lang.items() for line in instruction_report(shown(rec, lang), am)[0]
    ]
    unread = {lang: unread_of(am) for lang, am in by_lang.items()}
    if keep:
        _KEPT[_read_key(rec)] = (by_lang, unread, not_read)
    return AmenderRead(rec, by_lang, texts, unread, not_read)


# Issue 16 (generator speed): a cold build read every amending act twice, in the validator
# and in the build's index (its instructions are most of the cost: the formula catalogue
# over every sentence). The validator keeps what it read here, under what the reading
# depends on: the folder and file names messages name (`shown`) and each text's bytes; the
# index takes it and parses only the texts again (the instructions and reports do not
# depend on the folder's absolute path, the parsed texts name it).
_KEPT: dict[tuple, tuple] = {}


def _read_key(rec: ActRecord) -> tuple:
    files = tuple(
        (lang, p.name, hashlib.sha256(p.read_bytes()).hexdigest())
        for lang, p in sorted(rec.files.items())
    )
    return (rec.folder.parent.name, rec.folder.name, files)


def kept_reads(clear: bool = False) -> dict[tuple, tuple]:
    """What `read_amender(…, keep=True)` kept in this process (``clear``: emptied), to
    hand from a worker process to its parent (`keep_reads`).

    >>> _ = kept_reads(clear=True); keep_reads({("amendments", "Z070000262", ()): (1, 2, 3)})
    >>> kept_reads(clear=True)
    {('amendments', 'Z070000262', ()): (1, 2, 3)}
    >>> kept_reads()
    {}
    """
    out = dict(_KEPT)
    if clear:
        _KEPT.clear()
    return out


def keep_reads(reads: dict[tuple, tuple]) -> None:
    """Keep reads a worker process made (`kept_reads`) for this process's index (an
    example in `kept_reads`)."""
    _KEPT.update(reads)


def _take_kept(rec: ActRecord) -> AmenderRead | None:
    """The read the validator kept for these very files (removed from the store), or None."""
    if not _KEPT:
        return None
    hit = _KEPT.pop(_read_key(rec), None)
    if hit is None:
        return None
    by_lang, unread, not_read = hit
    texts = {lang: rec.load(lang) for lang in sorted(rec.files)}
    return AmenderRead(rec, by_lang, texts, unread, not_read)


class ReadsStore:
    """Amending acts as read, kept between builds in a folder of the build cache
    (``.zan-cache/reads/<ID>.pickle``), under what a reading depends on: zan's code (``code``,
    `incremental.code_hash`) and the files' names and bytes (`_read_key`).

    Issue 16: assembling an act again reads every amending act that cites it, and reading
    one is most of a second of the formula catalogue over its sentences (about 0.2 s at
    the synthetic corpus's sizes) where taking it from here is a tenth of a millisecond; an
    act with hundreds of amending acts (a code) is then assembled in seconds, not minutes.
    A stored read that cannot be used (other code or files, a damaged file) is read anew.
    """

    def __init__(self, folder: Path, code: str) -> None:
        self.folder, self.code = folder, code

    def _path(self, rec: ActRecord) -> Path:
        return self.folder / f"{rec.id}.pickle"

    def get(self, rec: ActRecord) -> AmenderRead | None:
        """The stored read of these very files, or None."""
        import pickle

        try:
            key, by_lang, unread, not_read = pickle.loads(self._path(rec).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError):
            return None
        if key != (self.code, _read_key(rec)):
            return None
        texts = {lang: rec.load(lang) for lang in sorted(rec.files)}
        return AmenderRead(rec, by_lang, texts, unread, not_read)

    def forget(self, am_id: str) -> None:
        """An amending act gone from the corpus: its read goes too."""
        (self.folder / f"{am_id}.pickle").unlink(missing_ok=True)

    def put(self, read: AmenderRead) -> None:
        """Keep a read (written whole, then renamed: a killed build leaves no half file)."""
        import os
        import pickle

        rec = read.record
        blob = pickle.dumps(
            ((self.code, _read_key(rec)), read.by_lang, read.unread, read.not_read), protocol=5
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self._path(rec).with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, self._path(rec))


@dataclass
class Ledgers:
    """Effects of every amending act, for the site."""

    rows: list[dict] = field(default_factory=list)
    amenders: list[dict] = field(default_factory=list)  # {record, texts, ledger}
    warnings: list[str] = field(default_factory=list)


PARALLEL_READS_FROM = 32  # unread amenders from which worker processes read them


class AmendersIndex:
    """The amending acts, read at most once, and which corpus acts each one cites.

    Finding the cited act by its (title key, date) keeps the consolidate stage linear in
    the size of the corpus. ``known`` (from the build cache: amender ID → ``{"cites":
    {lang: [act IDs]}, "rows": [...]}``) spares parsing an unchanged amender until an act
    it cites has to be assembled again.
    """

    def __init__(
        self,
        corpus: Corpus,
        known: dict | None = None,
        jobs: int = 1,
        store: ReadsStore | None = None,
    ):
        from .act_match import title_key

        self.corpus = corpus
        self.known = known or {}
        self.store = store  # reads kept between builds (the build cache's), if any
        self._reads: dict[str, AmenderRead] = {}
        unread = sorted(set(corpus.amendments) - set(self.known))
        for am_id in unread:  # those the validator read already (`read_amender`'s keep)
            kept = _take_kept(corpus.amendments[am_id])
            if kept is not None:
                self._reads[am_id] = kept
                self._keep(kept)
        unread = [a for a in unread if a not in self._reads]
        if jobs > 1 and len(unread) >= PARALLEL_READS_FROM:
            self._read_in_parallel(unread, jobs)
        # Title key → acts and adoption date → acts: an instruction names its act by both,
        # so the acts it may cite (act_match) are found by two look-ups whatever the size
        # of the corpus; acts whose adoption date is unknown are candidates of every one.
        self._by_key: dict[str, list[ActRecord]] = {}
        self._by_date: dict[str, list[ActRecord]] = {}
        self._undated: list[ActRecord] = []
        # Title key → adoption date ("" when unknown) → acts.
        self._by_key_date: dict[str, dict[str, list[ActRecord]]] = {}
        for rec in sorted(corpus.acts.values(), key=lambda r: r.id):
            adopted = rec.meta.get("adopted")
            if adopted in (None, "", "unknown"):
                self._undated.append(rec)
            else:
                self._by_date.setdefault(str(adopted), []).append(rec)
            titles = rec.meta.get("title") or {}
            for title in titles.values() if isinstance(titles, dict) else [titles]:
                if isinstance(title, str) and title:
                    lst = self._by_key.setdefault(title_key(title), [])
                    if not lst or lst[-1] is not rec:  # its kk and ru titles may fold alike
                        lst.append(rec)
                        day = "" if adopted in (None, "", "unknown") else str(adopted)
                        by_date = self._by_key_date.setdefault(title_key(title), {})
                        by_date.setdefault(day, []).append(rec)
        self._cited: dict[int, ActMatch] = {}
        # Citations that come near an act of the corpus but match none (errors), and those
        # matched by an inexact step (warnings): one line each, file and line first.
        self.errors: list[str] = []
        # amender ID → its warnings (inexact citations, repaired look-alikes); kept in the
        # build cache with the amender, so that an incremental build reports them too.
        self.warnings_of: dict[str, list[str]] = {
            a: list(st.get("warnings", [])) for a, st in self.known.items()
        }
        self.cites: dict[str, dict[str, list[str]]] = {}
        self._citing: dict[str, list[tuple[ActRecord, str]]] = {}
        for rec in sorted(corpus.amendments.values(), key=lambda r: r.id):
            if rec.id in self.known:
                cites = {lang: list(ids) for lang, ids in self.known[rec.id]["cites"].items()}
            else:
                cites = {}
                for lang, am in self.read(rec.id).by_lang.items():
                    self._check_citations(rec, lang, am)
                    ids: list[str] = []
                    for op in am.operations:
                        act_id = self.cited_act_id(op)
                        if act_id and act_id not in ids:
                            ids.append(act_id)
                    for u in self.read(rec.id).unread[lang]:
                        act_id = self.match(u.act, u.act_date).act_id if u.act else None
                        if act_id and act_id not in ids:
                            ids.append(act_id)
                    cites[lang] = ids
            self.cites[rec.id] = cites
            for lang, ids in sorted(cites.items()):
                for act_id in ids:
                    self._citing.setdefault(act_id, []).append((rec, lang))

    def _read_in_parallel(self, am_ids: list[str], jobs: int) -> None:
        """Read amenders in ``jobs`` worker processes (a cold build reads them all)."""
        import multiprocessing

        recs = [self.corpus.amendments[a] for a in am_ids]
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for read in pool.imap(read_amender, recs, chunksize=64):
                read.record = self.corpus.amendments[read.record.id]  # the corpus' own record
                self._reads[read.record.id] = read
                self._keep(read)

    def _keep(self, read: AmenderRead) -> None:
        if self.store is not None:
            self.store.put(read)

    @property
    def reads(self) -> dict[str, AmenderRead]:
        """Every amender read (parses those not read yet)."""
        for am_id in sorted(self.corpus.amendments):
            self.read(am_id)
        return self._reads

    def read(self, am_id: str) -> AmenderRead:
        """One amender, parsed and read on first use."""
        if am_id not in self._reads:
            rec = self.corpus.amendments[am_id]
            stored = self.store.get(rec) if self.store is not None else None
            if stored is not None:
                self._reads[am_id] = stored
            else:
                self._reads[am_id] = _take_kept(rec) or read_amender(rec)
                self._keep(self._reads[am_id])
        return self._reads[am_id]

    def citing(self, act_id: str) -> list[tuple[ActRecord, str]]:
        """(amender, language) pairs whose instructions cite an act."""
        return self._citing.get(act_id, [])

    def unread_for(self, am_id: str, lang: str, act_id: str | None) -> list[Unread]:
        """An amender's instructions not read in one language that stand under an act
        (``None``: under no act of the corpus)."""
        return [
            u
            for u in self.read(am_id).unread.get(lang, [])
            if (self.match(u.act, u.act_date).act_id if u.act else None) == act_id
        ]

    @property
    def not_read(self) -> list[str]:
        """The report line of every instruction not read (amenders read in this run)."""
        return [line for a in sorted(self._reads) for line in self._reads[a].not_read]

    def ops_for(self, am_id: str, lang: str, act_id: str) -> list[Operation]:
        """An amender's operations in one language that cite an act."""
        am = self.read(am_id).by_lang[lang]
        return [op for op in am.operations if self.cited_act_id(op) == act_id]

    @property
    def by_act(self) -> dict[str, list[tuple[ActRecord, str, list[Operation]]]]:
        """act ID → (amender, language, operations) (parses every citing amender)."""
        return {
            act_id: [(rec, lang, self.ops_for(rec.id, lang, act_id)) for rec, lang in pairs]
            for act_id, pairs in self._citing.items()
        }

    def match(self, title: str, date: str | None) -> ActMatch:
        """The corpus act a citation names (act_match.match_act over the acts it may be)."""
        from .act_match import match_act, slips, title_key

        same_title = self._by_key.get(title_key(title), [])
        dates = [date or ""] + slips(date or "")
        # Of the acts with the cited title, those the cited date can choose (adopted that day
        # or one slip off, or undated) give the same match as all of them: only a citation
        # that matches none needs the others (for the nearest titles of its error).
        # By the (title key, date) index, not by a walk of every act with the title: in a
        # corpus where thousands of acts share one title, a walk per citation made the
        # consolidate stage quadratic (10 000 synthetic acts: «load» 1 345 s).
        if not date:
            cands = {r.id: r for r in same_title}
        else:
            by_date = self._by_key_date.get(title_key(title), {})
            cands = {
                r.id: r
                for r in sorted(
                    (r for d in dict.fromkeys(["", *dates]) for r in by_date.get(d, [])),
                    key=lambda r: r.id,
                )
            }
        for d in dates:
            cands.update((r.id, r) for r in self._by_date.get(d, []))
        cands.update((r.id, r) for r in self._undated)
        m = match_act(title, date, [(r.id, r.meta) for r in cands.values()])
        if m.act_id is None and any(r.id not in cands for r in same_title):
            cands.update((r.id, r) for r in same_title)
            m = match_act(title, date, [(r.id, r.meta) for r in cands.values()])
        return m

    def cite(self, op: Operation) -> ActMatch:
        """What an operation's citation matched (cached per operation)."""
        if id(op) not in self._cited:
            self._cited[id(op)] = self.match(op.act or "", op.act_date)
        return self._cited[id(op)]

    def cited_act_id(self, op: Operation) -> str | None:
        """The corpus act an operation cites (title and date), or None."""
        return self.cite(op).act_id

    @property
    def warnings(self) -> list[str]:
        """Every amender's warnings, by amender ID."""
        return [w for a in sorted(self.warnings_of) for w in self.warnings_of[a]]

    def _check_citations(self, rec: ActRecord, lang: str, am: Amender) -> None:
        warnings = self.warnings_of.setdefault(rec.id, [])
        warnings += instruction_report(shown(rec, lang), am)[1]
        seen = set()
        for cited in am.acts:
            if (cited.title, cited.date) in seen:
                continue
            seen.add((cited.title, cited.date))
            m = self.match(cited.title, cited.date)
            where = f"{shown(rec, lang)}:{cited.line}"
            if m.error:
                self.errors.append(f"{where}: {m.error}")
            elif m.warning and m.date_checked:
                warnings.append(f"{where}: inexact citation: {m.warning}")


def citation_report(root: Path) -> tuple[list[str], list[str]]:
    """`zan check`: the citations of amending acts that come near an act of the corpus but
    match none (errors), and the inexact matches and repairs (warnings)."""
    from .corpus import load_corpus

    index = AmendersIndex(load_corpus(root, []))
    index.reads  # noqa: B018 - every amender read: its instructions not read are errors here
    return index.errors + index.not_read, index.warnings


def _index(corpus: Corpus, index: AmendersIndex | None) -> AmendersIndex:
    return index if index is not None and index.corpus is corpus else AmendersIndex(corpus)


def _manual(rec: ActRecord) -> list[Resolution]:
    return load_manual(rec.folder / "manual.yml")


def effect_row(
    am_id: str, lang: str, act_id: str | None, entry, in_force: str, citation_warning=None
) -> dict:
    """A ledger row (plain data): one operation or one instruction not read, its status.

    >>> from generator.consolidate import LedgerEntry, EffectStatus, Unread
    >>> u = Unread(134, "8) 23-бап мынадай", "not read", "Әкімшілік рәсімдер туралы",
    ...            "2000-11-27", ["art_23"])
    >>> row = effect_row("Z070000262", "kk", "Z000000107",
    ...                  LedgerEntry(u, EffectStatus.NOT_READ, "not read"), "after 2007-06-18")
    >>> row["status"], row["targets"], row["line"]
    ('outstanding-not-read', ['art_23'], 134)
    """
    op = entry.op
    unread = isinstance(op, Unread)
    return {
        "amender": am_id,
        "act": op.act,
        "act_id": act_id,
        "citation_warning": citation_warning,
        "target": op.target,
        "targets": list(op.targets) if unread else [op.target],
        "action": op.action if not unread else "",
        "status": entry.status.value,
        "detail": entry.detail,
        "version": entry.version,
        "until": entry.until,
        "in_force": in_force,
        "lang": lang,
        "line": op.line,
        "source": op.source,
        # the amending act's item that holds the instruction (its eId: the instruction's
        # anchor on the amending act's page, the same in kk and ru)
        "item": getattr(op, "item", "") or "",
    }


def computed_versions(
    corpus: Corpus,
    rec: ActRecord,
    stored: list[SiteVersion],
    today: dt.date,
    index: AmendersIndex | None = None,
) -> tuple[list[SiteVersion], dict[str, list[dict]], list[dict]]:
    """The versions produced by applying the corpus's amending acts to ``rec``, the unit
    history, and the effects on it (ledger rows, `effect_row`).

    Per language, every amender citing the act is applied in order of entry into force
    (`consolidate.build_versions`) on the latest complete stored edition that predates the
    first of them; an amender that a stored edition already postdates is reflected there.
    An instruction not read or not applied stops the application there (outstanding
    effects): the versions end with the last text zan can vouch for.
    """
    index = _index(corpus, index)
    out: dict[str, SiteVersion] = {}
    history: dict[str, list[dict]] = {}
    effects: list[dict] = []
    by_lang: dict[str, list[tuple[ActRecord, list[Operation]]]] = {}
    for am_rec, lang in index.citing(rec.id):
        by_lang.setdefault(lang, []).append((am_rec, index.ops_for(am_rec.id, lang, rec.id)))
    for lang, items in sorted(by_lang.items()):
        bases = [v for v in stored if lang in v.texts and not v.partial]
        pending = []
        for am_rec, ops in items:
            am = index.read(am_rec.id).by_lang[lang]
            info = amender_info(am_rec.meta, am.entry_into_force or None)
            pending.append((info, ops, am_rec))
        if not bases:
            # No complete text in this language (languages_missing, or only a partial
            # edition): each operation is ledgered as such, never as applied to nothing.
            partial = "partial" if any(lang in v.texts for v in stored) else ""
            for info, ops, am_rec in pending:
                for op in ops:
                    entry = LedgerEntry(op, EffectStatus.NO_TEXT, partial)
                    effects.append(effect_row(am_rec.id, lang, rec.id, entry, str(info.in_force)))
            continue
        # An amending act whose in-force date is not known at all (a text-bank act that
        # states no date: zan import-bank) cannot be placed before or after any stored
        # edition: applying it might apply it twice, calling it reflected might be false.
        # Its effects are outstanding, saying why; the dated ones go on as below.
        for info, ops, am_rec in [p for p in pending if _undated(p[0])]:
            why = (
                "its date is not known, so whether the stored edition "
                f"{bases[-1].id} already reflects it cannot be told"
            )
            for op in ops:
                entry = LedgerEntry(op, EffectStatus.FAILED, why)
                effects.append(effect_row(am_rec.id, lang, rec.id, entry, str(info.in_force)))
            for u in index.unread_for(am_rec.id, lang, rec.id):
                entry = LedgerEntry(u, EffectStatus.NOT_READ, u.reason)
                effects.append(effect_row(am_rec.id, lang, rec.id, entry, str(info.in_force)))
        pending = [p for p in pending if not _undated(p[0])]
        if not pending:
            continue
        first = min(info.in_force.sort_key() for info, _, _ in pending)
        earlier = [v for v in bases if v.date.sort_key() < first]
        base_v = earlier[-1] if earlier else None
        if base_v is None:
            # Every stored edition is later: each amender is reflected in the first stored
            # edition in force from its date on, and its rows say so (never a version of
            # the amender's own that does not exist).
            for info, ops, am_rec in pending:
                key = info.in_force.sort_key()
                there = next((v for v in bases if v.date.sort_key() >= key), bases[-1])
                for op in ops:
                    entry = LedgerEntry(op, EffectStatus.APPLIED, "", there.id)
                    effects.append(effect_row(am_rec.id, lang, rec.id, entry, str(info.in_force)))
            continue
        later = [v for v in bases if v.date.sort_key() >= first]
        todo = [p for p in pending if not any(v.id == p[2].id for v in later)]
        if not todo:
            continue
        versions, ledger = build_versions(
            base_v.texts[lang],
            {**rec.meta, "in_force": str(base_v.date)},
            [(info, ops) for info, ops, _ in todo],
            today,
            manual={am_rec.id: _manual(am_rec) for _, _, am_rec in todo},
            base_id=base_v.id,
            strict=False,
            unread={am_rec.id: index.unread_for(am_rec.id, lang, rec.id) for _, _, am_rec in todo},
        )
        records = {am_rec.id: am_rec for _, _, am_rec in todo}
        infos = {info.key: info for info, _, _ in todo}
        applied = [v.id for v in versions[1:]]
        for v in versions[1:]:
            am_rec = records[v.id]
            sv = out.get(v.id)
            if sv is None:
                sv = SiteVersion(
                    id=v.id,
                    date=v.in_force,
                    label={},  # worded by the page stage (publish.assemble_act)
                    texts={},
                    status="pending" if v.status == "pending" else "past",
                    amender=am_rec.meta,
                )
                out[v.id] = sv
            sv.texts[lang] = v.act
            sv.provenance[lang] = computed_provenance(
                base_v, lang, [records[a] for a in applied[: applied.index(v.id) + 1]], v.flags
            )
        for am_id, entries in ledger.entries.items():
            for entry in entries:
                if entry.status in (EffectStatus.FOR_ANOTHER_ACT, EffectStatus.NOT_IN_CORPUS):
                    continue  # rows of the other act (or of none): the corpus ledger has them
                cite = index.cite(entry.op) if isinstance(entry.op, Operation) else None
                warning = cite.warning if cite is not None and cite.date_checked else None
                effects.append(
                    effect_row(am_id, lang, rec.id, entry, str(infos[am_id].in_force), warning)
                )
                if entry.status in (EffectStatus.APPLIED, EffectStatus.PENDING):
                    history.setdefault(entry.op.target, []).append(
                        {"amender": am_id, "action": entry.op.action, "lang": lang}
                    )
    return list(out.values()), history, effects


def _undated(info) -> bool:
    """Whether an amending act's in-force date is wholly unknown (no bound at all)."""
    return info.in_force.earliest is None and info.in_force.latest is None


def repo_path(path: Path, folder: Path) -> str:
    """A file of a record as the site names it: relative to the repository, the same on
    every machine (``folder`` is the record's folder, `corpus/<ID>` or `amendments/<ID>`).

    >>> repo_path(Path("/x/y/amendments/Z070000262/kk.md"), Path("/x/y/amendments/Z070000262"))
    'amendments/Z070000262/kk.md'
    """
    return path.relative_to(folder.parent.parent).as_posix()


def amender_provenance(am_rec: ActRecord, lang: str) -> dict:
    """An amending act's text as a computed version names it: its file (repository-
    relative), that file's SHA-256, and the official source it was imported from."""
    from .corpus import sha256_file

    src = (am_rec.meta.get("sources") or {}).get(lang) or {}
    out = {
        "act": am_rec.id,
        "file": repo_path(am_rec.files[lang], am_rec.folder),
        "sha256": sha256_file(am_rec.files[lang]),
        "source": src.get("file", ""),
        "source_sha256": src.get("sha256", ""),
    }
    manual = am_rec.folder / "manual.yml"
    if manual.is_file():  # recorded resolutions are an input of the text too
        out["manual"] = {"file": repo_path(manual, am_rec.folder), "sha256": sha256_file(manual)}
    return out


def computed_provenance(
    base: SiteVersion, lang: str, amenders: list[ActRecord], flags: list[str]
) -> dict:
    """Where a version computed by zan comes from: the stored edition it starts from (its
    file and source, each with its SHA-256) and every amending act applied to it, in order
    (`amender_provenance`). Plain data; the page stage words it."""
    stored = base.provenance.get(lang, {})
    return {
        "kind": "computed",
        "consolidated_up_to": None,  # the amending act's name (page stage)
        "consolidated_up_to_act": amenders[-1].id,
        "base": {
            "version": base.id,
            "file": stored.get("file", ""),
            "sha256": stored.get("text_sha256", ""),
            "source": stored.get("source", ""),
            "source_sha256": stored.get("source_sha256", ""),
        },
        "amenders": [amender_provenance(a, lang) for a in amenders],
        "flags": list(flags),
    }


def ledgers(corpus: Corpus, today: dt.date, index: AmendersIndex | None = None) -> Ledgers:
    """The effects ledger of every amending act against the whole corpus, as read (before
    any act is consolidated: the acts' own results replace their rows, `merge_effects`)."""
    index = _index(corpus, index)
    result = Ledgers()
    for am_rec in sorted(corpus.amendments.values(), key=lambda r: r.id):
        if am_rec.id in index.known:
            rows = index.known[am_rec.id]["rows"]
            result.rows += rows
            result.amenders.append({"record": am_rec, "texts": None, "ledger": rows})
            continue
        read = index.read(am_rec.id)
        rows: list[dict] = []
        for lang, am in read.by_lang.items():
            info = amender_info(am_rec.meta, am.entry_into_force or None)
            in_force = str(info.in_force)
            pending = info.in_force.earliest is None or info.in_force.earliest > today
            items: list = list(am.operations) + list(read.unread.get(lang, []))
            for op in sorted(items, key=lambda o: o.line):
                if isinstance(op, Unread):
                    act_id = index.match(op.act, op.act_date).act_id if op.act else None
                    if op.act and act_id is None:
                        entry = LedgerEntry(op, EffectStatus.NOT_IN_CORPUS)
                    else:
                        entry = LedgerEntry(op, EffectStatus.NOT_READ, op.reason)
                    rows.append(effect_row(am_rec.id, lang, act_id, entry, in_force))
                    continue
                act_id = index.cited_act_id(op)
                if act_id is None:
                    entry = LedgerEntry(op, EffectStatus.NOT_IN_CORPUS)
                elif pending:
                    entry = LedgerEntry(op, EffectStatus.PENDING, "", am_rec.id, in_force)
                else:
                    entry = LedgerEntry(op, EffectStatus.APPLIED, "", am_rec.id)
                m = index.cite(op)
                warning = m.warning if act_id and m.date_checked else None
                rows.append(effect_row(am_rec.id, lang, act_id, entry, in_force, warning))
            for lo in am.not_for_this_language:
                op = Operation(act=lo.act, target=lo.target, action="", source=lo.source)
                op.line = lo.line
                entry = LedgerEntry(op, EffectStatus.OTHER_LANGUAGE, lo.lang_only)
                rows.append(effect_row(am_rec.id, lang, None, entry, in_force))
        result.rows += rows
        result.amenders.append({"record": am_rec, "texts": read.texts, "ledger": rows})
    return result


def merge_effects(rows: list[dict], effects: list[dict]) -> list[dict]:
    """An amender's ledger rows with the rows of the acts it was applied to in place of
    those read: ``effects`` are the acts' own results (`computed_versions`), which say what
    was applied, what is pending and what is outstanding.

    >>> read = [{"amender": "A", "act_id": "X", "lang": "kk", "line": 3, "status": "applied"}]
    >>> done = [{"amender": "A", "act_id": "X", "lang": "kk", "line": 3,
    ...          "status": "outstanding-after-earlier"}]
    >>> [r["status"] for r in merge_effects(read, done)]
    ['outstanding-after-earlier']
    """
    done = {(e["act_id"], e["lang"]) for e in effects}
    kept = [r for r in rows if (r.get("act_id"), r.get("lang")) not in done]
    return sorted(kept + effects, key=lambda r: (r.get("lang") or "", r.get("line") or 0))


ALL_PAIRS_UP_TO = 6  # versions; beyond, consecutive pairs and each version against the last


def redline_pairs(ids: list[str]) -> list[tuple[str, str]]:
    """Which redlines are published: every pair for a short history, else each version
    against the next and against the latest (linear in the number of versions).

    >>> redline_pairs(["a", "b", "c"])
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    >>> len(redline_pairs([str(n) for n in range(20)]))
    37
    """
    if len(ids) <= ALL_PAIRS_UP_TO:
        return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    pairs = {(a, b) for a, b in zip(ids, ids[1:], strict=False)}
    pairs |= {(a, ids[-1]) for a in ids[:-1]}
    return sorted(pairs, key=lambda p: (ids.index(p[0]), ids.index(p[1])))
