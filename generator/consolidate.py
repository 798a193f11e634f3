"""Consolidate stage: a base text + its amending acts → versions by date, and a ledger.

`build_versions` applies each amending act's operations that cite the base, in order of
entry into force (uncertain ranges that overlap are ordered by adoption date and flagged),
and records in a `Ledger` what became of every operation (an `EffectStatus`). An
instruction not read or not applied is an outstanding effect: that amending act and every
later one are not applied, the last version is the last text zan can vouch for, and
``amendments/<ID>/manual.yml`` (`load_manual`) resolves it.

>>> import datetime as dt
>>> from generator.parse import parse_markdown
>>> base = parse_markdown("# T\\n\\n### Статья 1. {#art_1}\\n\\nУтвердить:\\n\\n2009 год.\\n", "ru")
>>> info = AmenderInfo("Z0800000098", "98-IV", dt.date(2008, 12, 4), "law",
...                    DateSpec.parse("2009-01-01"), {"ru": "О внесении изменения"})
>>> op = Operation(act="T", target="art_1__al_2", action="replace", new="2009 год - 1.")
>>> versions, ledger = build_versions(base, {"title": {"ru": "T"}}, [(info, [op])],
...                                   dt.date(2020, 1, 1))
>>> [v.id for v in versions], version_at(versions, dt.date(2010, 1, 1)).id
(['original', 'Z0800000098'], 'Z0800000098')
>>> ledger.entries["Z0800000098"][0].status, ledger.entries["Z0800000098"][0].text
(<EffectStatus.APPLIED: 'applied'>, 'applied in Z0800000098')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import yaml

from .amend import AmenderInfo, AmendError, apply
from .model import Act, DateSpec, Operation

__all__ = [
    "AmenderInfo",
    "ConsolidateError",
    "EffectStatus",
    "Unread",
    "Ledger",
    "LedgerEntry",
    "Resolution",
    "Version",
    "amender_info",
    "build_versions",
    "cites_base",
    "load_manual",
    "version_at",
]


class ConsolidateError(ValueError):
    """The build cannot give exact versions (failed operations, a wrong amender, a date)."""

    def __init__(self, message: str, ledger: Ledger | None = None):
        super().__init__(message)
        self.ledger = ledger


@dataclass
class Version:
    """One version of the act: the original, or the text as an amending act left it."""

    id: str  # "original" or the amending act's ID
    in_force: DateSpec
    act: Act
    status: str = "in_force"  # in_force | pending
    flags: list[str] = field(default_factory=list)  # range_overlap, in_force_uncertain
    amender: AmenderInfo | None = None

    @property
    def act_status(self) -> dict:
        """The act's status after this version, as plain data (repealed by whom, suspended
        units with their period, a repealed table of contents; generator/amend_units.py)."""
        return self.act.status

    @property
    def renamed(self) -> dict[str, str]:
        """The units this version's amending act renumbered: {old eId: new eId}."""
        return dict(self.act.renamed.get(self.id, {}))


class EffectStatus(StrEnum):
    """What became of one instruction of an amending act for one act and language
    (DESIGN.md, «Operations»: the outstanding-effects rule and the ledger statuses).

    >>> EffectStatus("outstanding-after-earlier").outstanding, EffectStatus.APPLIED.outstanding
    (True, False)
    """

    APPLIED = "applied"
    PENDING = "pending"  # read, not yet in force (by --today)
    NOT_READ = "outstanding-not-read"
    FAILED = "outstanding-failed"
    AFTER_EARLIER = "outstanding-after-earlier"
    NOT_IN_CORPUS = "not-in-corpus"
    # The amended act is in the corpus, but no complete text of it in this language is
    # (``languages_missing``): there is nothing to apply the instruction to.
    NO_TEXT = "no-text-in-language"
    RESOLVED = "resolved-manually"
    # Not an effect on this act: an operation for another act of the corpus, or an
    # instruction that changes only the other language's text.
    FOR_ANOTHER_ACT = "for-another-act"
    OTHER_LANGUAGE = "other-language"

    @property
    def outstanding(self) -> bool:
        """Whether the effect is outstanding (not applied, the text in force lacks it)."""
        return self.value.startswith("outstanding-")


OUTSTANDING = (EffectStatus.NOT_READ, EffectStatus.FAILED, EffectStatus.AFTER_EARLIER)


@dataclass
class Unread:
    """An instruction the grammar could not read, for the act it stands under.

    ``line`` and ``source`` as in `Operation`, so that a manual resolution can match it
    (``match: {line: 134}``); ``targets`` the eIds the sentence names, as far as read.

    >>> Unread(line=134, source="8) 23-бап мынадай", reason="not read",
    ...        act="Әкімшілік рәсімдер туралы", targets=["art_23"]).target
    'art_23'
    """

    line: int
    source: str
    reason: str
    act: str = ""
    act_date: str | None = None
    targets: list[str] = field(default_factory=list)
    action: str = ""

    @property
    def target(self) -> str:
        """The units named, as one string (a ledger row's target)."""
        return ", ".join(self.targets)


@dataclass
class LedgerEntry:
    """What became of one operation (or one instruction not read) of an amending act.

    ``detail``: the failure or the unread reason, the resolution's reason, the amending
    act whose outstanding effect holds this one back, or the other act's ID. ``version``:
    the version that holds the effect (applied, pending, resolved).
    """

    op: Operation | Unread
    status: EffectStatus
    detail: str = ""
    version: str | None = None
    until: str | None = None  # pending: the in-force date as DESIGN.md writes it

    @property
    def text(self) -> str:
        """The status as `zan consolidate` reports it (English, stderr)."""
        s, d = self.status, self.detail
        return {
            EffectStatus.APPLIED: f"applied in {self.version}",
            EffectStatus.PENDING: f"pending until {self.until}",
            EffectStatus.NOT_READ: f"outstanding: not read: {d}",
            EffectStatus.FAILED: f"failed: {d}",
            EffectStatus.AFTER_EARLIER: f"outstanding: after an earlier outstanding effect ({d})",
            EffectStatus.NOT_IN_CORPUS: "not applied: the amended act is not in the corpus",
            EffectStatus.NO_TEXT: "not applied: the amended act has no text in this language",
            EffectStatus.RESOLVED: f"resolved manually: {d}",
            EffectStatus.FOR_ANOTHER_ACT: f"not applied: for another act ({d})",
            EffectStatus.OTHER_LANGUAGE: f"changes only the {d} text",
        }[s]


@dataclass
class Ledger:
    """Per amending act (its ID), each operation with its status; plus warnings.

    ``outstanding_from``: the first amending act with an outstanding effect (the text in
    force is the version before it), or None.
    """

    entries: dict[str, list[LedgerEntry]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    outstanding_from: str | None = None

    def failed(self) -> list[tuple[str, LedgerEntry]]:
        """(amender ID, entry) for every operation that failed."""
        return [
            (aid, e)
            for aid, es in self.entries.items()
            for e in es
            if e.status is EffectStatus.FAILED
        ]

    def outstanding(self) -> list[tuple[str, LedgerEntry]]:
        """(amender ID, entry) for every outstanding effect, in order of application."""
        return [(aid, e) for aid, es in self.entries.items() for e in es if e.status.outstanding]


@dataclass
class Resolution:
    """A manual resolution of an operation that cannot be applied as read.

    ``match`` selects the operation (``target``, ``action``, optionally ``line``/``old``);
    either ``skip`` or ``operation`` (the explicit replacement) is given, with ``reason``.
    """

    match: dict
    reason: str
    skip: bool = False
    operation: Operation | None = None

    def matches(self, op: Operation) -> bool:
        """Whether this resolution is for ``op``."""
        return all(getattr(op, k, None) == v for k, v in self.match.items())


def load_manual(path: str | Path) -> list[Resolution]:
    """Read ``amendments/<ID>/manual.yml`` (a missing file: no resolutions).

    ```yaml
    - match: {target: art_2__para_1__subpara_6, action: substitute_words}
      skip: true
      reason: the words were already changed by …
    - match: {target: art_9-1, action: insert}
      operation: {act: …, target: art_9-1, action: insert, new: "…"}
      reason: …
    ```
    >>> load_manual("/nonexistent/manual.yml")
    []
    """
    p = Path(path)
    if not p.is_file():
        return []
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ConsolidateError(f"{p}: expected a list of resolutions")
    out = []
    for i, item in enumerate(data, 1):
        where = f"{p}: resolution {i}"
        if not isinstance(item, dict) or not isinstance(item.get("match"), dict):
            raise ConsolidateError(f"{where}: needs a 'match' mapping")
        unknown = set(item["match"]) - set(Operation.__dataclass_fields__)
        if unknown:
            raise ConsolidateError(f"{where}: 'match' names no field of an operation: {unknown}")
        reason = str(item.get("reason") or "").strip()
        if not reason:
            raise ConsolidateError(f"{where}: needs a 'reason'")
        skip = bool(item.get("skip"))
        opd = item.get("operation")
        if skip == bool(opd):
            raise ConsolidateError(f"{where}: give either 'skip: true' or an 'operation'")
        op = None
        if opd:
            try:
                op = Operation(**opd)
            except TypeError as e:
                raise ConsolidateError(f"{where}: bad operation: {e}") from e
            if op.action not in Operation.ACTIONS:
                raise ConsolidateError(f"{where}: unknown action {op.action!r}")
        out.append(Resolution(match=item["match"], reason=reason, skip=skip, operation=op))
    return out


# ---------------------------------------------------------------------------------------
# In-force dates and amender metadata
# ---------------------------------------------------------------------------------------


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if value in (None, "", "unknown"):
        return None
    return dt.date.fromisoformat(str(value))


def in_force_from_rule(rule: dict, adopted: dt.date, published: dt.date | None) -> DateSpec:
    """The in-force date an amender's own rule gives, as exact or as a range.

    «Ten calendar days after official publication» with the publication date unknown is
    only known to be after adoption; it is never guessed.

    >>> in_force_from_rule({"kind": "days_after_publication", "days": 10},
    ...                    dt.date(2007, 6, 18), None).text
    'after 2007-06-18'
    >>> in_force_from_rule({"kind": "date", "date": "2009-01-01"}, dt.date(2008, 12, 4), None).text
    '2009-01-01'
    """
    kind = rule.get("kind")
    if kind == "date":
        return DateSpec.parse(rule["date"])
    if kind == "days_after_publication" and rule.get("days"):
        if published:
            # «по истечении N календарных дней»: from the day after publication; the day it
            # takes effect is P+N or P+N+1 depending on the counting convention — kept as
            # a range rather than guessed.
            a = published + dt.timedelta(days=int(rule["days"]))
            b = a + dt.timedelta(days=1)
            return DateSpec.parse(f"between {a} and {b}")
        return DateSpec.parse(f"after {adopted}")
    if kind == "on_publication":
        if published:
            return DateSpec.parse(published.isoformat())
        return DateSpec.parse(f"after {adopted - dt.timedelta(days=1)}")
    # No rule read: it cannot take effect before adoption, nothing more is known.
    return DateSpec.parse(f"after {adopted - dt.timedelta(days=1)}")


def amender_info(meta: dict, rule: dict | None = None) -> AmenderInfo:
    """`AmenderInfo` from an amending act's act.yml, with the in-force date from act.yml's
    ``in_force`` or else from ``rule`` (`instructions.entry_into_force`) and ``published``.

    >>> amender_info({"id": "Z070000262", "type": "law", "number": "262",
    ...   "adopted": "2007-06-18", "published": "unknown"},
    ...   {"kind": "days_after_publication", "days": 10}).in_force.text
    'after 2007-06-18'
    """
    for key in ("id", "number", "adopted"):
        if not meta.get(key):
            raise ConsolidateError(f"amending act metadata lacks {key!r}: {meta}")
    # A text-bank act (zan import-bank) often states neither its date nor its number:
    # `unknown` in act.yml; its notes then say «күні мен нөмірі белгісіз» (never «№ ?»).
    adopted = _date(meta["adopted"]) if meta["adopted"] != "unknown" else None
    published = _date(meta.get("published"))
    doc_type = {"law": "law", "code": "law", "decree": "decree", "resolution": "decree"}.get(
        meta.get("type", "law"), meta.get("type", "law")
    )
    in_force_value = meta.get("in_force")
    if in_force_value not in (None, "", "unknown"):
        in_force = DateSpec.parse(in_force_value)
    elif adopted is None:
        rule = rule or meta.get("in_force_rule") or {}
        in_force = DateSpec.parse(rule["date"] if rule.get("kind") == "date" else "unknown")
    else:
        in_force = in_force_from_rule(rule or meta.get("in_force_rule") or {}, adopted, published)
    number = str(meta["number"])
    return AmenderInfo(
        act_id=str(meta["id"]),
        number="" if number == "unknown" or adopted is None else number,
        date=adopted or in_force.earliest or dt.date.min,
        doc_type=doc_type,
        in_force=in_force,
        title=dict(meta.get("title") or {}),
        issuer=dict(meta.get("issuer") or {}),
    )


# ---------------------------------------------------------------------------------------
# Which operations amend the base
# ---------------------------------------------------------------------------------------


def _title_key(title: str) -> str:
    """The title as citations are matched (act_match.title_key)."""
    from .act_match import title_key

    return title_key(title)


def cites_base(
    op: Operation, base_meta: dict, others: dict[str, dict] | None = None
) -> tuple[bool, str | None]:
    """Whether ``op`` amends the base described by ``base_meta`` (its act.yml), and a
    warning when the match was inexact or only the title could be checked (act_match).
    ``others`` (act ID → act.yml) are the other acts of the corpus: an inexact match
    counts only when no other act fits as well.

    >>> op = Operation(act="Әкімшілік рәсімдер туралы", target="preamble",
    ...                action="repeal", act_date="2000-11-27")
    >>> cites_base(op, {"title": {"kk": "Әкімшілік рәсімдер туралы"}, "adopted": "2000-11-27"})
    (True, None)
    >>> op.act_date = "2000-11-28"
    >>> cites_base(op, {"id": "Z000000107", "title": {"kk": "Әкімшілік рәсімдер туралы"},
    ...                 "adopted": "2000-11-27"})[1]
    'cites «Әкімшілік рәсімдер туралы» of 2000-11-28: read as Z000000107 «Әкімшілік рәсімдер туралы» adopted 2000-11-27 (a date one day or one digit off)'
    """
    from .act_match import match_act

    base_id = str(base_meta.get("id") or "the base")
    acts = [(base_id, base_meta)]
    acts += [(a, m) for a, m in sorted((others or {}).items()) if a != base_id]
    m = match_act(op.act or "", op.act_date, acts, near=False)
    return m.act_id == base_id, (m.warning if m.act_id == base_id else None)


# ---------------------------------------------------------------------------------------
# Versions
# ---------------------------------------------------------------------------------------


def _overlap(a: DateSpec, b: DateSpec) -> bool:
    if a.exact and b.exact:
        return False
    lo = max(a.earliest or dt.date.min, b.earliest or dt.date.min)
    hi = min(a.latest or dt.date.max, b.latest or dt.date.max)
    return lo <= hi


def build_versions(
    base: Act,
    base_meta: dict,
    amenders: list[tuple[AmenderInfo, list[Operation]]],
    today: dt.date,
    manual: dict[str, list[Resolution]] | None = None,
    corpus_titles: dict[str, dict] | None = None,
    base_id: str = "original",
    strict: bool = True,
    unread: dict[str, list[Unread]] | None = None,
) -> tuple[list[Version], Ledger]:
    """Apply each amender's operations that cite the base, in order of entry into force.

    ``manual``: amender ID → resolutions (`load_manual`). ``corpus_titles``: act ID →
    act.yml of the other acts in the corpus (operations citing them are «for another act»,
    any other operation's act is «not in the corpus»). ``unread``: amender ID → its
    instructions for the base that the grammar could not read.

    The outstanding-effects rule (DESIGN.md, «Operations»): an amender with an instruction
    not read or not applied (and no manual resolution) gives no version, and every later
    amender is outstanding after it (a later instruction may rely on the earlier one), so
    the last version returned is the last text zan can vouch for. With ``strict`` an
    outstanding effect raises `ConsolidateError` (message: every failure).
    """
    manual = manual or {}
    unread = unread or {}
    ledger = Ledger()
    base_in_force = DateSpec.parse(base_meta.get("in_force") or "unknown")
    versions = [Version(base_id, base_in_force, base.copy())]
    order = sorted(
        enumerate(amenders),
        key=lambda x: (x[1][0].in_force.sort_key(), x[1][0].date, x[0]),
    )
    # Where two in-force ranges overlap, the order of adoption decides (and is flagged).
    swapped = True
    while swapped:
        swapped = False
        for i in range(len(order) - 1):
            a, b = order[i][1][0], order[i + 1][1][0]
            if _overlap(a.in_force, b.in_force) and b.date < a.date:
                order[i], order[i + 1] = order[i + 1], order[i]
                swapped = True
    errors: list[str] = []
    prev_spec: DateSpec | None = None
    try:
        base_adopted = _date(base_meta.get("adopted"))
    except ValueError:
        base_adopted = None
    for _, (info, ops) in order:
        entries: list[LedgerEntry] = []
        ledger.entries[info.key] = entries
        mine: list[Operation] = []
        for op in ops:
            ok, warning = cites_base(op, base_meta, corpus_titles)
            if ok:
                mine.append(op)
                if warning and warning not in ledger.warnings:
                    ledger.warnings.append(warning)
                continue
            other = next(
                (aid for aid, m in (corpus_titles or {}).items() if cites_base(op, m)[0]), None
            )
            if other:
                entries.append(LedgerEntry(op, EffectStatus.FOR_ANOTHER_ACT, other))
            else:
                entries.append(LedgerEntry(op, EffectStatus.NOT_IN_CORPUS))
        not_read = list(unread.get(info.key, []))
        if not mine and not not_read:
            from .act_match import match_act

            me = [(str(base_meta.get("id") or "the base"), base_meta)]
            others = sorted((corpus_titles or {}).items())
            cited_set, near_set = set(), set()
            for op in ops:
                found = match_act(op.act or "", op.act_date, others, near=False).act_id
                shown = f"«{op.act}» {op.act_date or ''}".strip()
                cited_set.add(f"{shown} ({found})" if found else shown)
                m = match_act(op.act or "", op.act_date, me)
                if not found and m.error is not None:
                    near_set.add(m.error)
            cited, near = sorted(cited_set), sorted(near_set)
            raise ConsolidateError(
                f"{info.key} does not amend «{base.title}»: its instructions cite "
                + (", ".join(cited) or "no act")
                + "".join(f"; {n}" for n in near),
                ledger,
            )
        pending = info.in_force.earliest is None or info.in_force.earliest > today
        if ledger.outstanding_from is not None:
            # After an earlier outstanding effect nothing is applied on top of a text that
            # lacks it: the whole amender waits (its unread instructions stay «not read»).
            blocker = ledger.outstanding_from
            work: list[tuple[Operation | Unread, int]] = sorted(
                [(op, op.line) for op in mine] + [(u, u.line) for u in not_read],
                key=lambda x: x[1],
            )
            for item, _line in work:
                if isinstance(item, Unread):
                    entries.append(LedgerEntry(item, EffectStatus.NOT_READ, item.reason))
                else:
                    entries.append(LedgerEntry(item, EffectStatus.AFTER_EARLIER, blocker))
            continue
        if base_adopted and info.date != dt.date.min and info.date < base_adopted:
            # An act can amend only an act that exists (Law No. 480-V «О правовых актах»:
            # amendments are made to an act in force): an amending act adopted before the
            # act it cites cites another act or a wrong date. Each operation fails.
            failure = (
                f"{info.key} was adopted on {info.date}, before «{base.title}» "
                f"(adopted {base_adopted}): an act cannot amend a later one"
            )
            entries.extend(LedgerEntry(op, EffectStatus.FAILED, failure) for op in mine)
            errors += [f"{info.key}: «{op.source}» (line {op.line}): {failure}" for op in mine]
            ledger.outstanding_from = info.key
            continue
        flags = []
        latest = info.in_force.latest
        if info.in_force.exact is None and not pending and (latest is None or latest >= today):
            flags.append("in_force_uncertain")
        act = versions[-1].act
        resolutions = manual.get(info.key, [])
        ok_status = EffectStatus.PENDING if pending else EffectStatus.APPLIED
        until = str(info.in_force) if pending else None
        done: list[tuple[int, LedgerEntry]] = []  # (line, entry): the act's order
        # Instructions not read: only a manual resolution (an explicit operation, or a
        # skip) lets the amender apply.
        extra: list[tuple[Operation, Resolution]] = []
        blocked = False
        for u in not_read:
            res = next((r for r in resolutions if r.matches(u)), None)
            if res is None:
                done.append((u.line, LedgerEntry(u, EffectStatus.NOT_READ, u.reason)))
                errors.append(f"{info.key}: «{u.source}» (line {u.line}): not read: {u.reason}")
                blocked = True
            else:
                done.append((u.line, LedgerEntry(u, EffectStatus.RESOLVED, res.reason, info.key)))
                if res.operation is not None:
                    extra.append((res.operation, res))
        todo: list[tuple[Operation, Resolution | None]] = [(op, None) for op in mine] + extra
        # Operations in the act's order; a resolution's own operation takes the place of
        # the instruction it resolves (its line).
        todo.sort(key=lambda x: x[0].line if x[1] is None else _resolved_line(x[1], not_read))
        try:  # the common case in one pass; op by op only to tell which one failed
            act = apply(act, [op for op, _ in todo], info)
            for op, r in todo:
                if r is None:
                    done.append((op.line, LedgerEntry(op, ok_status, "", info.key, until)))
            todo = []
        except AmendError:
            pass
        for op, via in todo:
            if via is not None:  # a resolution of an unread instruction
                try:
                    act = apply(act, [op], info)
                except AmendError as e:
                    line = _resolved_line(via, not_read)
                    for i, (ln, ent) in enumerate(done):
                        if ln == line and ent.status is EffectStatus.RESOLVED:
                            failure = f"the manual resolution failed too: {e}"
                            done[i] = (ln, LedgerEntry(ent.op, EffectStatus.FAILED, failure))
                            errors.append(f"{info.key}: {failure}")
                    blocked = True
                continue
            res = next((r for r in resolutions if r.matches(op)), None)
            try:
                act = apply(act, [op], info)
                done.append((op.line, LedgerEntry(op, ok_status, "", info.key, until)))
                continue
            except AmendError as e:
                failure = str(e)
            if res is not None and res.skip:
                done.append((op.line, LedgerEntry(op, EffectStatus.RESOLVED, res.reason, info.key)))
                continue
            if res is not None and res.operation is not None:
                try:
                    act = apply(act, [res.operation], info)
                    entry = LedgerEntry(op, EffectStatus.RESOLVED, res.reason, info.key)
                    done.append((op.line, entry))
                    continue
                except AmendError as e:
                    failure = f"the manual resolution failed too: {e}"
            done.append((op.line, LedgerEntry(op, EffectStatus.FAILED, failure)))
            errors.append(f"{info.key}: {failure}")
            blocked = True
        done.sort(key=lambda x: x[0])
        if blocked:
            # The amender is outstanding: none of it is applied (a text with part of an
            # amending act is no version zan can vouch for), its other instructions wait.
            ledger.outstanding_from = info.key
            done = [
                (ln, e)
                if e.status.outstanding
                else (ln, LedgerEntry(e.op, EffectStatus.AFTER_EARLIER, info.key))
                for ln, e in done
            ]
            entries.extend(e for _, e in done)
            continue
        entries.extend(e for _, e in done)
        if prev_spec is not None and _overlap(prev_spec, info.in_force):
            flags.append("range_overlap")
            if "range_overlap" not in versions[-1].flags and versions[-1].amender is not None:
                versions[-1].flags.append("range_overlap")
        prev_spec = info.in_force
        versions.append(
            Version(
                info.key,
                info.in_force,
                act,
                status="pending" if pending else "in_force",
                flags=flags,
                amender=info,
            )
        )
    if errors and strict:
        raise ConsolidateError(f"{len(errors)} operation(s) failed:\n" + "\n".join(errors), ledger)
    return versions, ledger


def _resolved_line(res: Resolution, not_read: list[Unread]) -> int:
    """The line of the unread instruction a resolution is for (its place in the act)."""
    return next((u.line for u in not_read if res.matches(u)), 0)


def version_at(versions: list[Version], day: dt.date) -> Version:
    """The version in force on ``day``; an error naming the candidates when ``day`` falls
    inside an uncertain in-force range.

    The last version certainly in force that day is the answer, unless a later version
    may also be in force then (its range contains the day).
    """
    current = None
    uncertain: list[Version] = []
    for v in versions:
        spec = v.in_force
        if v.amender is None:  # the base: in force from its own date when known
            if spec.latest is not None and day < spec.latest:
                if spec.exact or (spec.earliest is not None and day < spec.earliest):
                    raise ConsolidateError(f"{day} is before {v.id} took effect ({spec})")
                raise ConsolidateError(f"{day} falls inside {v.id}'s uncertain date ({spec})")
            current = v
            continue
        if spec.latest is not None and spec.latest <= day:
            current = v
            uncertain = []
        elif spec.contains(day):
            uncertain.append(v)
    if current is None:
        raise ConsolidateError(f"no version in force on {day}")
    if uncertain:
        names = ", ".join(f"{v.id} ({v.in_force})" for v in [current, *uncertain])
        raise ConsolidateError(f"{day} falls inside an uncertain in-force range: {names}")
    return current
