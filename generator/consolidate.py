"""Consolidate stage: a base text + its amending acts → versions by date, and a ledger.

`build_versions` applies each amending act's operations that cite the base, in order of
entry into force (uncertain ranges that overlap are ordered by adoption date and flagged),
and records in a `Ledger` what became of every operation. A failed operation fails the
build unless ``amendments/<ID>/manual.yml`` resolves it (`load_manual`).

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
>>> ledger.entries["Z0800000098"][0].status
'applied in Z0800000098'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .amend import AmenderInfo, AmendError, apply
from .model import Act, DateSpec, Operation

__all__ = [
    "AmenderInfo",
    "ConsolidateError",
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


@dataclass
class LedgerEntry:
    """What became of one operation of an amending act."""

    op: Operation
    status: (
        str  # applied in V | pending until D | not applied: … | failed: … | resolved manually: …
    )


@dataclass
class Ledger:
    """Per amending act (its ID), each operation with its status; plus warnings."""

    entries: dict[str, list[LedgerEntry]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def failed(self) -> list[tuple[str, LedgerEntry]]:
        """(amender ID, entry) for every operation that failed."""
        return [
            (aid, e)
            for aid, es in self.entries.items()
            for e in es
            if e.status.startswith("failed")
        ]


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
    adopted = _date(meta["adopted"])
    assert adopted is not None
    published = _date(meta.get("published"))
    doc_type = {"law": "law", "code": "law", "decree": "decree", "resolution": "decree"}.get(
        meta.get("type", "law"), meta.get("type", "law")
    )
    in_force_value = meta.get("in_force")
    if in_force_value not in (None, "", "unknown"):
        in_force = DateSpec.parse(in_force_value)
    else:
        in_force = in_force_from_rule(rule or meta.get("in_force_rule") or {}, adopted, published)
    return AmenderInfo(
        act_id=str(meta["id"]),
        number=str(meta["number"]),
        date=adopted,
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
) -> tuple[list[Version], Ledger]:
    """Apply each amender's operations that cite the base, in order of entry into force.

    ``manual``: amender ID → resolutions (`load_manual`). ``corpus_titles``: act ID →
    act.yml of the other acts in the corpus (operations citing them are «for another act»,
    any other operation's act is «not in the corpus»). With ``strict`` a failed operation
    that no resolution covers raises `ConsolidateError` (message: every failure).
    """
    manual = manual or {}
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
            status = (
                f"not applied: for another act ({other})"
                if other
                else "not applied: the amended act is not in the corpus"
            )
            entries.append(LedgerEntry(op, status))
        if not mine:
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
        if base_adopted and info.date != dt.date.min and info.date < base_adopted:
            # An act can amend only an act that exists (Law No. 480-V «О правовых актах»:
            # amendments are made to an act in force): an amending act adopted before the
            # act it cites cites another act or a wrong date. Each operation fails.
            failure = (
                f"{info.key} was adopted on {info.date}, before «{base.title}» "
                f"(adopted {base_adopted}): an act cannot amend a later one"
            )
            entries.extend(LedgerEntry(op, f"failed: {failure}") for op in mine)
            errors += [f"{info.key}: «{op.source}» (line {op.line}): {failure}" for op in mine]
            continue
        pending = info.in_force.earliest is None or info.in_force.earliest > today
        flags = []
        latest = info.in_force.latest
        if info.in_force.exact is None and not pending and (latest is None or latest >= today):
            flags.append("in_force_uncertain")
        if prev_spec is not None and _overlap(prev_spec, info.in_force):
            flags.append("range_overlap")
            if "range_overlap" not in versions[-1].flags and versions[-1].amender is not None:
                versions[-1].flags.append("range_overlap")
        prev_spec = info.in_force
        act = versions[-1].act
        applied_status = f"pending until {info.in_force}" if pending else f"applied in {info.key}"
        resolutions = manual.get(info.key, [])
        try:  # the common case in one pass; op by op only to tell which one failed
            act = apply(act, mine, info)
            entries.extend(LedgerEntry(op, applied_status) for op in mine)
            mine = []
        except AmendError:
            pass
        for op in mine:
            res = next((r for r in resolutions if r.matches(op)), None)
            try:
                act = apply(act, [op], info)
                entries.append(LedgerEntry(op, applied_status))
                continue
            except AmendError as e:
                failure = str(e)
            if res is not None and res.skip:
                entries.append(LedgerEntry(op, f"resolved manually: {res.reason}"))
                continue
            if res is not None and res.operation is not None:
                try:
                    act = apply(act, [res.operation], info)
                    entries.append(LedgerEntry(op, f"resolved manually: {res.reason}"))
                    continue
                except AmendError as e:
                    failure = f"the manual resolution failed too: {e}"
            entries.append(LedgerEntry(op, f"failed: {failure}"))
            errors.append(f"{info.key}: {failure}")
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
