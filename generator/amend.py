"""Amend stage: apply an amending act's operations to an `Act`, exactly or not at all.

`apply(act, ops, amender)` returns a new `Act` (the input is never mutated) and raises
`AmendError` — the instruction quoted, its target eId and the reason — whenever an operation
cannot be applied exactly: words not found, a target that does not exist, an inserted number
that already exists, a position that is ambiguous. Each applied operation adds to the
editorial note («Ескерту.» / «Сноска.») of the unit it changed, in the official formulas kept
as data in ``grammar/notes.yml``.

>>> from generator.parse import parse_markdown
>>> from generator.model import Operation, DateSpec
>>> import datetime as dt
>>> act = parse_markdown("# T\\n\\n### Статья 1. {#art_1}\\n\\nУтвердить:\\n", "ru")
>>> info = AmenderInfo("Z0800000098", "98-IV", dt.date(2008, 12, 4), "law",
...                    DateSpec.parse("2009-01-01"), {"ru": "О внесении изменения"})
>>> op = Operation(act="T", target="art_1__al_2", action="insert", new="2009 год.")
>>> new = apply(act, [op], info)
>>> [u.eid for u in new.walk()]
['art_1', 'art_1__al_2']
>>> print(new.find("art_1").notes[0].text)  # doctest: +NORMALIZE_WHITESPACE
Сноска. Статья 1 с изменением, внесенным Законом РК от 04.12.2008 № 98-IV
(вводится в действие с 01.01.2009).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from . import amend_notes as _notes
from . import amend_units as _more
from . import eid as _eid
from . import units as _units
from .datafile import load_data
from .letters import MATCH_FOLD
from .model import CONTAINER_TYPES, HEADING_TYPES, Act, DateSpec, Note, Operation, Unit
from .parse import ParseError, parse_markdown

NOTES_FILE = Path(__file__).parent / "grammar" / "notes.yml"
WORD_ACTIONS = ("substitute_words", "delete_words", "insert_words")
# Hidden attribute of an Act that carries the record of generated notes from one applied
# amending act to the next (the notes are rewritten from it, so that several amending acts
# accumulate in one note as the official texts do).
_LOG_ATTR = "_zan_note_log"
# Hidden attribute of an Act: eId → (amending act ID, its in-force date if exact, action,
# line) of the last instruction that repealed or replaced the unit as a whole, carried
# from one applied operation to the next to find conflicting instructions (_conflict).
_WHOLE_ATTR = "_zan_whole_changes"


class AmendError(ValueError):
    """An operation that cannot be applied exactly (instruction, target, reason)."""


@dataclass
class AmenderInfo:
    """What the notes and the version history need to know about an amending act.

    >>> AmenderInfo("Z070000262", "262", dt.date(2007, 6, 18), "law",
    ...             DateSpec.parse("after 2007-06-18"), {"kk": "…", "ru": "…"}).key
    'Z070000262'
    """

    act_id: str
    number: str
    date: dt.date
    doc_type: str  # law | decree | order
    in_force: DateSpec
    title: dict[str, str] = field(default_factory=dict)
    # Key of notes.yml in_force.rules («ten_days_after_publication») when the in-force day
    # is not known but the act's own rule is; shown in the note's parenthesis.
    in_force_rule: str | None = None
    issuer: dict[str, str] = field(default_factory=dict)  # orders: «Ұлттық экономика министрінің»
    adopted_order: int = 0

    @property
    def key(self) -> str:
        """The amending act's ID (names its version)."""
        return self.act_id


@cache
def note_formulas() -> dict:
    """The note formulas of ``grammar/notes.yml`` (per language); how a note names each
    unit type comes from grammar/units.yml (``note_forms``)."""
    data = load_data(NOTES_FILE)
    for lang, forms in data.items():
        if isinstance(forms, dict) and "subject" in forms:
            units_forms = _units.data()["languages"][lang]["note_forms"]
            forms["subject"] = {**units_forms, **forms["subject"]}
    return data


# ---------------------------------------------------------------------------------------
# Matching words through the letter and typographic variants official texts mix
# ---------------------------------------------------------------------------------------

# Letter and typographic variants official texts mix (one shared table, see letters.py).
_FOLD = {chr(k): v for k, v in MATCH_FOLD.items()}
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}


def normalise(s: str) -> tuple[str, list[int], list[int]]:
    """A folded view of ``s`` and, per folded character, its start and end in ``s``.

    >>> normalise("қызметiнде  «а»")[0]
    'қызметінде "а"'
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in _DROP:
            i += 1
            continue
        if c.isspace():
            j = i
            while j < n and (s[j].isspace() or s[j] in _DROP):
                j += 1
            out.append(" ")
            starts.append(i)
            ends.append(j)
            i = j
            continue
        out.append(_FOLD.get(c, c))
        starts.append(i)
        ends.append(i + 1)
        i += 1
    return "".join(out), starts, ends


def find_words(text: str, words: str) -> list[tuple[int, int]]:
    """Spans of ``text`` where ``words`` stand as whole words, through letter variants.

    A match never starts or ends inside a longer word (a word character is a letter or digit).

    >>> find_words("органдарының қызметiнде қолданылады.", "қызметінде қолданылады.")
    [(13, 36)]
    >>> find_words("органдарыныңқ", "органдарының")
    []
    """
    pattern = normalise(words.strip())[0]
    if not pattern:
        return []
    folded, starts, ends = normalise(text)
    spans: list[tuple[int, int]] = []
    pos = folded.find(pattern)
    while pos >= 0:
        a, b = starts[pos], ends[pos + len(pattern) - 1]
        ok = True
        if pattern[0].isalnum() and a > 0 and text[a - 1].isalnum():
            ok = False
        if pattern[-1].isalnum() and b < len(text) and text[b].isalnum():
            ok = False
        if ok:
            spans.append((a, b))
            pos = folded.find(pattern, pos + len(pattern))
        else:
            pos = folded.find(pattern, pos + 1)
    return spans


_PUNCT_START = tuple(',.;:)»"”')


def _splice(text: str, span: tuple[int, int], op: Operation) -> str:
    """The text with the words at ``span`` changed by ``op``. Old words that start with their
    punctuation right after a word give way to new words as a word of their own (1848 kk:63
    «", сондай-ақ … белгілейді" деген сөздер "жүзеге асырылады" деген сөздермен»):

    >>> op = Operation(act="T", target="x", action="substitute_words", old=", сондай-ақ", new="жүзеге")
    >>> _splice("есебінен, сондай-ақ", (8, 19), op)
    'есебінен жүзеге'
    """
    a, b = span
    new = (op.new or "").strip()
    if op.action == "substitute_words":
        if new[:1].isalnum() and text[a - 1 : a].isalnum():
            new = " " + new  # the span starts on punctuation (a word never starts mid-word)
        return text[:a] + new + text[b:]
    if op.action == "delete_words":
        before, after = text[:a], text[b:]
        if before.endswith(" ") and (not after or after[0] in " ,.;:)"):
            before = before.rstrip(" ")
        elif not before and after.startswith(" "):
            after = after.lstrip(" ")
        return before + after
    # insert_words
    if op.where == "before":
        sep = "" if new.endswith(("(", "«", '"')) else " "
        return text[:a] + new + sep + text[a:]
    sep = "" if new.startswith(_PUNCT_START) else " "
    return text[:b] + sep + new + text[b:]


def _insert_at_end(text: str, new: str) -> str:
    """«… дополнить словами»: before the text's final punctuation."""
    new = new.strip()
    m = re.search(r"[.;:,]*\s*$", text)
    cut = m.start() if m else len(text)
    sep = "" if new.startswith(_PUNCT_START) else " "
    return text[:cut] + sep + new + text[cut:]


# ---------------------------------------------------------------------------------------
# Tree helpers
# ---------------------------------------------------------------------------------------


def _split_eid(eid: str) -> tuple[str, str, str]:
    """«art_2__para_1__subpara_7» → («art_2__para_1», «subpara», «7»)."""
    typ, num = _eid.last(eid)
    return _eid.parent(eid), typ, num or ""


def _path(act: Act, eid: str) -> list[Unit] | None:
    def search(units: list[Unit], trail: list[Unit]) -> list[Unit] | None:
        for u in units:
            if u.eid == eid:
                return trail + [u]
            found = search(u.children, trail + [u])
            if found:
                return found
        return None

    return search(act.body, [])


def _reprefix(unit: Unit, old: str, new: str) -> None:
    for u in unit.walk():
        if _eid.within(u.eid, old):
            u.eid = new + u.eid[len(old) :]


def _renumber_als(owner: Unit) -> list[tuple[str, str]]:
    """Keep `al_K` = block position (the parser's rule) after children moved."""
    moved = []
    for i, child in enumerate(owner.children):
        if child.type == "al":
            eid = _eid.join(owner.eid, _eid.segment("al", i + 2))
            if child.eid != eid:
                moved.append((child.eid, eid))
                _reprefix(child, child.eid, eid)
                child.num = str(i + 2)
    return moved


# ---------------------------------------------------------------------------------------
# Notes
# ---------------------------------------------------------------------------------------

_KIND_RANK = {"changed": 0, "replaced": 1, "inserted": 2, "repealed": 3, "suspended": -1}


@dataclass
class NoteEvent:
    """What one amending act did to a noted unit (its kind, and how many operations)."""

    amender: AmenderInfo | None  # None: entries taken over from an official note (raw)
    kind: str
    count: int = 1
    container: tuple[str, str] | None = None  # inserted: (type, num) of the chapter/act
    raw: str | None = None  # the official note's entries, as it writes them
    acts: int = 1  # amending acts the event stands for (several for a raw one)
    replaces: str | None = None  # the official note this event took over
    period: str | None = None  # suspended: the period («until 2001-01-01»)


def _fmt_date(d: dt.date) -> str:
    return d.strftime("%d.%m.%Y")


def _in_force(lang: str, amender: AmenderInfo) -> str | None:
    f = note_formulas()[lang]["in_force"]
    if amender.in_force.exact:
        return f["exact"].format(date=_fmt_date(amender.in_force.exact))
    if amender.in_force_rule:
        if amender.in_force_rule not in f["rules"]:
            raise AmendError(f"unknown in-force rule {amender.in_force_rule!r} (notes.yml)")
        return f["rules"][amender.in_force_rule]
    return None


def _entry(lang: str, amender: AmenderInfo) -> str:
    f = note_formulas()[lang]
    inf = _in_force(lang, amender)
    if not amender.number or amender.number == "?":
        tmpl = f["entry_unknown_in_force"] if inf else f["entry_unknown"]
        return tmpl.format(in_force=inf)
    tmpl = f["entry_in_force"] if inf else f["entry"]
    return tmpl.format(date=_fmt_date(amender.date), number=amender.number, in_force=inf)


def _instrument(lang: str, amender: AmenderInfo) -> dict[str, str]:
    f = note_formulas()[lang]["instrument"]
    if amender.doc_type not in f:
        raise AmendError(f"unknown document type {amender.doc_type!r} of {amender.act_id}")
    issuer = amender.issuer.get(lang, "")
    if amender.doc_type == "order" and not issuer:
        raise AmendError(f"{amender.act_id}: an order needs its issuer for the note ({lang})")
    return {k: v.format(issuer=issuer) for k, v in f[amender.doc_type].items()}


def _subject(lang: str, typ: str, num: str | None) -> dict[str, str]:
    forms = note_formulas()[lang]["subject"].get(typ)
    if forms is None:
        raise AmendError(f"no note formula for a unit of type {typ!r} ({lang})")
    return {k: (v.format(num=num or "") if k != "g" else v) for k, v in forms.items()}


def render_note(lang: str, subject: tuple[str, str | None, bool], events: list[NoteEvent]) -> str:
    """The note text for a unit's events (one per amending act), in the official formula.

    ``subject`` is (type, number, heading?). Consecutive amending acts with the same kind of
    change share a segment; the first segment names the unit.
    """
    f = note_formulas()[lang]
    typ, num, heading = subject
    subj = _subject(lang, typ, num)
    segments: list[list[NoteEvent]] = []
    for ev in events:
        if (
            segments
            and segments[-1][-1].kind == ev.kind
            and ev.kind not in ("inserted", "suspended")
        ):
            segments[-1].append(ev)
        else:
            segments.append([ev])
    known = [ev.amender for ev in events if ev.amender is not None]
    doc_types = {a.doc_type for a in known}
    if len(doc_types) != 1:
        raise AmendError(f"one note for acts of types {sorted(doc_types)}")
    parts = []
    for i, seg in enumerate(segments):
        kind = seg[0].kind
        total = sum(ev.count for ev in seg)
        many = sum(ev.acts for ev in seg) > 1
        key = kind
        if kind == "changed":
            key = "changed_many" if total > 1 or many else "changed_one"
        if heading:
            key = "heading_" + key
        tmpl = f["first" if i == 0 else "next"][key]
        inst = _instrument(lang, next((ev.amender for ev in seg if ev.amender), known[0]))
        values = dict(subj)
        values["gen_subject"] = subj.get("gen", "")
        if lang == "ru":
            values["ins"] = inst["ins_many" if many else "ins_one"]
            values["gen"] = inst["gen_many" if many else "gen_one"]
            values["gen_subject"] = subj.get("gen", "")
            gender = f["gender"][subj.get("g", "m")]
            values["repealed"] = gender["repealed"]
            values["ins_subject"] = subj.get("ins", "")
        if kind == "inserted":
            ctyp, cnum = seg[0].container or ("law", None)
            csubj = _subject(lang, ctyp, cnum)
            values["container"] = csubj["nom"]
            if lang == "ru":
                values["inserted"] = f["gender"][csubj.get("g", "m")]["inserted"]
        if kind == "suspended":
            values["until"] = until_text(lang, seg[0].period or "")
        if heading and lang == "ru":
            tmpl = tmpl.replace("{gen_subject}", subj.get("gen", ""))
            values["gen"] = inst["gen_many" if many else "gen_one"]
        phrase = tmpl.format(**values)
        entries = f["entries_sep"].join(
            ev.raw if ev.amender is None else _entry(lang, ev.amender)
            for ev in seg  # type: ignore[arg-type]
        )
        parts.append(
            f["segment"].format(phrase=phrase, issuer=inst.get("issuer", ""), entries=entries)
        )
    text_values = {"prefix": f["prefix"], "segments": f["entries_sep"].join(parts)}
    if lang == "kk":
        inst = _instrument(lang, known[0])
        text_values["closing"] = inst["many" if sum(ev.acts for ev in events) > 1 else "one"]
    return f["note"].format(**text_values)


def until_text(lang: str, period: str) -> str:
    """The end of a suspension period as a note writes it (notes.yml ``until_date``).

    >>> until_text("ru", "until 2001-01-01"), until_text("kk", "until 2001-01-01")
    ('1 января 2001 г.', '2001 жылғы 1 қаңтарға')
    """
    f = note_formulas()[lang]
    m = re.fullmatch(r"until (\d{4})-(\d{2})-(\d{2})", period.strip())
    if not m:
        raise AmendError(f"a suspension period zan cannot state: {period!r}")
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    return f["until_date"].format(year=year, day=day, month=f["months"][month - 1])


def absorb_note(
    lang: str, subject: tuple[str, str | None], text: str, amender: AmenderInfo
) -> NoteEvent | None:
    """An official note of one segment in the formulas of notes.yml, as an event whose
    entries are kept as written, so that a new amending act extends that note.

    >>> info = AmenderInfo("Z080000098", "98-IV", dt.date(2008, 12, 4), "law",
    ...                    DateSpec.parse("2009-01-01"))
    >>> absorb_note("ru", ("art", "1"), "Сноска. Статья 1 с изменениями, внесенными Законом "
    ...             "РК от 04.06.2008 N 36-IV (порядок введения в действие см. ст.2 ).", info).raw
    'от 04.06.2008 N 36-IV (порядок введения в действие см. ст.2 )'
    """
    f = note_formulas()[lang]
    subj = _subject(lang, *subject)
    inst = _instrument(lang, amender)
    flat = re.sub(r"\s+", " ", text).strip()
    for key in ("changed_one", "changed_many", "replaced", "repealed"):
        for many in (False, True):
            values = dict(subj)
            if lang == "ru":
                values["ins"] = inst["ins_many" if many else "ins_one"]
                values["gen"] = inst["gen_many" if many else "gen_one"]
                values["repealed"] = f["gender"][subj.get("g", "m")]["repealed"]
            phrase = f["first"][key].format(**values)
            seg = f["segment"].format(
                phrase=phrase, issuer=inst.get("issuer", ""), entries="ENTRIESHERE"
            )
            closing = inst.get("many" if many else "one", "")
            note = f["note"].format(prefix=f["prefix"], segments=seg, closing=closing)
            m = re.fullmatch(re.escape(note).replace("ENTRIESHERE", "(?P<entries>.+)"), flat)
            if not m:
                continue
            items = m["entries"].split(f["entries_sep"])
            first = r"от \d" if lang == "ru" else r"\d{2}\.\d{2}\.\d{4} "
            if not all(re.match(first, it) for it in items) or (len(items) > 1) != many:
                continue
            kind = key.split("_")[0]
            count = 2 if key == "changed_many" else 1
            return NoteEvent(None, kind, count, None, m["entries"], len(items), text)
    return None


class _Notes:
    """The record of what each amending act did to each noted unit (kept across acts)."""

    def __init__(self, act: Act):
        old = getattr(act, _LOG_ATTR, None) or {}
        # (note eId, heading?) → events; "" is the act itself (its title)
        self.log: dict[tuple[str, bool], list[NoteEvent]] = {
            k: [replace(e) for e in v] for k, v in old.items()
        }

    def add(
        self,
        eid: str,
        heading: bool,
        amender: AmenderInfo,
        kind: str,
        container=None,
        unit: Unit | None = None,
        lang: str = "",
        period: str | None = None,
    ) -> None:
        events = self.log.setdefault((eid, heading), [])
        if kind == "suspended":
            events.append(NoteEvent(amender, kind, 1, None, period=period))
            return
        if not events and unit is not None and not heading and unit.type != "title":
            # An official note of the unit in a known formula is extended, not repeated.
            for n in reversed(unit.notes):
                if n.generated:
                    continue
                taken = absorb_note(lang, (unit.type, unit.num), n.text, amender)
                if taken is not None:
                    events.append(taken)
                    break
        last = events[-1].amender if events else None
        if last is not None and last.key == amender.key:
            ev = events[-1]
            ev.count += 1
            if _KIND_RANK[kind] > _KIND_RANK[ev.kind] and ev.kind != "inserted":
                ev.kind = kind
                ev.container = container
        else:
            events.append(NoteEvent(amender, kind, 1, container))

    def moved(self, old: str, new: str) -> None:
        for eid, heading in list(self.log):
            if _eid.within(eid, old):
                self.log[(new + eid[len(old) :], heading)] = self.log.pop((eid, heading))

    def write(self, act: Act) -> None:
        idx = {u.eid: u for u in act.walk()}
        # Rewrite the generated notes the log knows of (a note made before, whose record
        # is not at hand, stays as it is: never lose a note).
        noted = {eid for eid, _ in self.log}
        taken = {(eid, ev.replaces) for (eid, _), evs in self.log.items() for ev in evs}
        for u in act.walk():
            if u.eid in noted:
                u.notes = [n for n in u.notes if not n.generated and (u.eid, n.text) not in taken]
        if "" in noted:
            act.notes = [n for n in act.notes if not n.generated]
        for (eid, heading), events in self.log.items():
            if not events:
                continue
            if eid == "":
                act.notes.append(
                    Note(render_note(act.lang, ("title", None, False), events), 0, True)
                )
                continue
            unit = idx.get(eid)
            if unit is None:
                raise AmendError(f"noted unit {eid} is no longer in the act")
            text = render_note(act.lang, (unit.type, unit.num, heading), events)
            note = Note(text, 0, True)
            if heading:  # the heading's note comes before the unit's own
                pos = sum(1 for n in unit.notes if not n.generated)
                unit.notes.insert(pos, note)
            else:
                unit.notes.append(note)
        # The act's own status (generator/amend_units.py): the note of its repeal.
        repealed = act.status.get("repealed") or {}
        if repealed.get("note") and not any(n.text == repealed["note"] for n in act.notes):
            act.notes.append(Note(repealed["note"], 0, True))
        setattr(act, _LOG_ATTR, self.log)


def _note_unit(path: list[Unit]) -> Unit:
    """The unit whose note records a change inside ``path[-1]``: its article, else the
    outermost block (preamble, a decree's point), else the container itself."""
    for u in reversed(path):
        if u.type == "art":
            return u
    for u in path:
        if u.type not in CONTAINER_TYPES and u.type != "annex":
            return u
    return path[-1]


# ---------------------------------------------------------------------------------------
# Parsing quoted new text into units
# ---------------------------------------------------------------------------------------


def _blocks(new: str) -> list[str]:
    blocks = []
    for b in re.split(r"\n[ \t]*\n", new.strip()):
        b = " ".join(line.strip() for line in b.split("\n") if line.strip())
        if b:
            blocks.append(b)
    return blocks


def _parse_new(op: Operation, lang: str, typ: str, parent_eid: str, err) -> list[Unit]:
    """The quoted text of an insert/replace as units of type ``typ`` under ``parent_eid``."""
    if not op.new or not op.new.strip():
        raise err("the instruction quotes no new text")
    blocks = _blocks(op.new)
    for b in blocks:
        if b.startswith(("#", ">", "```", "***", "---")):
            raise err(f"the new text has a block that is not law text: {b[:40]!r}")
    if typ == "al":
        return [Unit(type="al", num=None, eid="", text=b) for b in blocks]
    lines = [f"# {op.act or 'new'}"]
    if typ == "annex" and not parent_eid:
        # «Қосымша» / «1-қосымша», then its title when the next block reads as one (no
        # number, no final punctuation: titles end without a stop), then its text
        lines.append(f"## {blocks[0]} {{#{op.target}}}")
        blocks = blocks[1:]
        if blocks and not re.search(r"[.:;,]$", blocks[0]) and not re.match(r"\d", blocks[0]):
            lines.append(f"## {blocks[0]} {{#{_eid.join(op.target, 'heading')}}}")
            blocks = blocks[1:]
    for b in blocks:
        hit = _units.match_heading(b, lang)  # generator/grammar/units.yml
        if hit and hit[0] != "annex" and typ in HEADING_TYPES:
            lines.append(f"### {b} {{#{_eid.segment(hit[0], hit[1])}}}")
        else:
            lines.append(b)
    try:
        snippet = parse_markdown(
            "\n\n".join(lines) + "\n", lang, f"<new text of {op.target}>", amending=False
        )
    except ParseError as e:
        raise err(f"the new text does not parse: {e}") from e
    units = snippet.body
    if not units or units[0].type != typ:
        first = blocks[0][:40]
        raise err(f"the new text does not start with a unit of type {typ}: {first!r}")
    for u in units:
        if u.type != typ:
            raise err(f"the new text holds a {u.type} ({u.eid}) besides the {typ} units")
        if parent_eid and typ not in ("art", "chp", "part", "subchp"):
            _reprefix(u, u.eid, _eid.join(parent_eid, u.eid))
    return units


# ---------------------------------------------------------------------------------------
# Applying one operation
# ---------------------------------------------------------------------------------------


class _Applier:
    def __init__(self, act: Act, amender: AmenderInfo):
        self.act = act
        self.amender = amender
        self.notes = _Notes(act)
        self.repealed_here: set[str] = set()  # units this amending act repealed
        self.whole: dict[str, tuple] = dict(getattr(act, _WHOLE_ATTR, None) or {})

    def error(self, op: Operation, reason: str) -> AmendError:
        quoted = op.source or f"{op.action} {op.old or ''} {op.new or ''}".strip()
        where = f" (line {op.line})" if op.line else ""
        return AmendError(f"«{quoted}»{where} → {op.target}: {reason}")

    def note(self, path: list[Unit], kind: str, heading: bool = False, container=None) -> None:
        unit = path[-1] if heading else _note_unit(path)
        if not heading and unit is not path[-1] and kind != "changed":
            kind = "changed"  # a sub-unit inserted/replaced/repealed: its article is changed
        self.notes.add(unit.eid, heading, self.amender, kind, container, unit, self.act.lang)

    def apply(self, op: Operation) -> None:
        if op.action not in Operation.ACTIONS:
            raise self.error(op, f"unknown action {op.action!r}")
        target = _more.resolve_last(self, op, _more.normal_target(op.target))
        target = _more.follow_own(self, target)
        if target != op.target:
            op = replace(op, target=target)
        if _eid.RANGE in op.target:
            try:
                eids = _more.expand(self.act, op.target)
            except (_more.RangeError, _eid.EIdError) as e:
                raise self.error(op, str(e)) from None
            if op.action == "replace" and len(eids) > 1:
                _more.replace_range(self, op, eids)  # one wording for the whole range
                return
            for one in eids:
                self._dispatch(replace(op, target=str(one)))
            return
        self._dispatch(op)

    def _dispatch(self, op: Operation) -> None:
        t, a = op.target, op.action
        self._conflict(op)
        if a in ("repeal_act", "suspend"):
            getattr(_more, a)(self, op)
        elif _more.ROW_TARGET.match(t) or "__table_" in t:
            _more.table_op(self, op)
        elif t == "toc":
            _more.toc_op(self, op)
        elif _more.is_toc_entry(t):
            _more.toc_entry_op(self, op)  # an entry of the table of contents
        elif a == "case":
            _more.case_op(self, op)
        elif a in WORD_ACTIONS:
            self.words(op)
        elif a == "insert" and op.where == "end":
            _more.append_blocks(self, op)  # new unnumbered абзацы (docs/operations.md)
        elif op.sentence is not None and a in ("insert", "replace", "repeal"):
            _more.sentence_unit_op(self, op)
        elif t == "title" and a != "renumber":
            _more.title_op(self, op)
        elif t.endswith("__heading") and a in ("insert", "repeal"):
            _more.heading_op(self, op)
        elif t == "preamble" and a == "insert":
            _more.preamble_insert(self, op)
        elif a == "renumber" and not _eid.is_valid((op.new or "").strip()):
            _more.renumber_style(self, op)
        else:
            getattr(self, a)(op)
        whole_unit = (
            op.sentence is None and not _more.ROW_TARGET.match(t) and not t.startswith("toc")
        )
        if a in ("repeal", "replace") and t != "*" and whole_unit:
            exact = self.amender.in_force.exact
            self.whole[op.target] = (self.amender.key, exact, op.action, op.line)

    def _conflict(self, op: Operation) -> None:
        """Instructions that contradict an earlier one are failures, never «the last wins».

        - Within one amending act, a unit its earlier item repealed is not brought back or
          changed by a later item: the act would say two things of one unit. An amending act
          names each structural element it changes once, in the order of the amended act
          (the legal technique of the Law of the RK «О правовых актах» No. 480-V of
          06.04.2016 and of the Government's «Правила законотворческой работы», approved by
          Government decree No. 907 of 29.12.2016; the rule is cited by what it says, their
          article and point numbers are not verified here).
        - Two amending acts in force on the same day that repeal or replace the same unit
          as a whole: which wording is in force cannot be told by their order (a later act
          prevails over an earlier one only when it takes effect later), so it is reported
          as a conflict, not decided by the order of their IDs.
        """
        if op.target == "*":
            return
        parts = op.target.split("__")
        for k in range(len(parts), 0, -1):
            eid = "__".join(parts[:k])
            prior = self.whole.get(eid)
            if prior is None:
                continue
            key, exact, action, line = prior
            if key == self.amender.key and action == "repeal":
                raise self.error(
                    op,
                    f"conflict: {eid} was repealed by an earlier instruction of this act "
                    f"(line {line}); a later one cannot bring it back or change it",
                )
            if (
                key != self.amender.key
                and eid == op.target
                and op.action in ("repeal", "replace")
                and exact is not None
                and exact == self.amender.in_force.exact
            ):
                raise self.error(
                    op,
                    f"conflict: {key} (line {line}) and {self.amender.key} both take effect on "
                    f"{exact} and both {action}/{op.action} {eid}: which text is in force "
                    "is not decided by their order",
                )

    # -- scope --------------------------------------------------------------------------
    def _target(self, op: Operation, eid: str | None = None) -> list[Unit]:
        eid = eid or op.target
        path = _path(self.act, eid)
        if path is None:
            inside = _more.part_block(self.act, eid)  # «абзац второй части четвертой»
            path = _path(self.act, inside) if inside else None
        if path is None:
            covered = self.act.index().get(eid)
            if covered is not None:
                raise self.error(op, f"unit {eid} is inside the placeholder {covered.eid}")
            raise self.error(op, f"unit {eid} does not exist in {self.act.title!r}")
        return path

    def _fields(self, op: Operation) -> list[tuple[Unit | None, str, list[Unit] | None]]:
        """(unit, field, path) triples the words op may touch, in document order."""
        t = op.target
        if t == "title":
            return [(None, "title", None)]
        if t == "*":
            out: list = [(None, "title", None)]

            def visit(units: list[Unit], trail: list[Unit]) -> None:
                for u in units:
                    p = trail + [u]
                    if u.heading:
                        out.append((u, "heading", p))
                    if u.text:
                        out.append((u, "text", p))
                    visit(u.children, p)

            visit(self.act.body, [])
            return out
        if t.endswith("__heading"):
            path = self._target(op, t[: -len("__heading")])
            return [(path[-1], "heading", path)]
        parent, typ, num = _split_eid(t)
        if typ == "al" and num == "1":
            path = self._target(op, parent)
            return [(path[-1], "text", path)]
        path = self._target(op)
        out = []

        def visit_unit(u: Unit, p: list[Unit]) -> None:
            if u.heading:
                out.append((u, "heading", p))
            if u.text:
                out.append((u, "text", p))
            for c in u.children:
                visit_unit(c, p + [c])

        visit_unit(path[-1], path)
        return out

    # -- word operations ----------------------------------------------------------------
    def words(self, op: Operation) -> None:
        if op.action == "insert_words" and op.where not in ("after", "before", "end"):
            raise self.error(op, f"insert_words needs where after|before|end, not {op.where!r}")
        if op.action in ("substitute_words", "insert_words") and not (op.new or "").strip():
            raise self.error(op, "the instruction quotes no new words")
        if op.sentence is not None:
            _more.words_in_sentence(self, op)
            return
        fields = self._fields(op)
        if op.action == "insert_words" and op.where == "end":
            unit, fld, path = next(((u, f, p) for u, f, p in fields if f == "text"), (None,) * 3)
            if unit is None or op.target == "*":
                raise self.error(op, "no text to add words at the end of")
            unit.text = _insert_at_end(unit.text, op.new or "")
            self.note(path, "changed")
            return
        if not (op.old or "").strip():
            raise self.error(op, "the instruction quotes no words to find")
        occ = op.occurrence
        nth = None
        if occ not in (None, "all"):
            if not str(occ).isdigit() or int(occ) < 1:
                raise self.error(op, f"occurrence {occ!r} is not 'all' or an ordinal")
            nth = int(occ)
        found = []
        for u, f, p in fields:
            text = self._get(u, f)
            caps = _more.in_capitals(text, f, op)
            for span in find_words(text, op.old.upper() if caps else op.old):
                found.append((u, f, p, span, caps))
        if not found:
            raise self.error(op, f"the words «{op.old}» are not in {op.target}")
        if nth is not None:
            if nth > len(found):
                raise self.error(
                    op, f"occurrence {nth} of «{op.old}» asked, only {len(found)} found"
                )
            found = [found[nth - 1]]
        elif op.action == "insert_words" and len(found) > 1 and op.target != "*":
            # «после слов X дополнить словами Y»: the anchor must name one place. Words to
            # replace or delete («слова X заменить словами Y», «X деген сөздер … алып
            # тасталсын») change every occurrence in the unit the instruction names, as the
            # drafting rules read them (Law No. 480-V and the Government's «Правила
            # законотворческой работы», decree No. 907 of 29.12.2016, cited by what they
            # say: an amendment that changes only some occurrences says which);
            # new words go to one place only, so an anchor found several times in the unit
            # named is an error. «По всему тексту» (target *) means every place it stands.
            raise self.error(
                op,
                f"the anchor words «{op.old}» occur {len(found)} times in {op.target}: "
                "an insertion point must be unique",
            )
        # Apply from the last span of each field backwards so offsets stay valid.
        touched: dict[int, tuple] = {}
        for u, f, p, span, caps in reversed(found):
            one = replace(op, new=(op.new or "").upper()) if caps else op
            self._set(u, f, _splice(self._get(u, f), span, one))
            touched[id(u) if u is not None else 0] = (u, f, p)
        for u, f, p in touched.values():
            if u is None:
                self.notes.add("", False, self.amender, "changed")
            elif f == "heading" and (op.target == "*" or op.target.endswith("__heading")):
                self.note(p, "changed", heading=True)
            else:
                self.note(p, "changed")

    def _get(self, unit: Unit | None, fld: str) -> str:
        if unit is None:
            return self.act.title
        return getattr(unit, fld) or ""

    def _set(self, unit: Unit | None, fld: str, value: str) -> None:
        if unit is None:
            self.act.title = value
        else:
            setattr(unit, fld, value)

    # -- structural operations ----------------------------------------------------------
    def insert(self, op: Operation) -> None:
        parent_eid, typ, num = _split_eid(op.target)
        err = lambda reason: self.error(op, reason)  # noqa: E731
        if typ == "al":
            self._insert_al(op, parent_eid, num)
            return
        if typ == "note":  # an article's legal note (generator/amend_notes.py)
            _notes.insert(self, op)
            return
        try:
            _eid.num_key(num, strict=True)
        except ValueError:
            raise err(f"{op.target} has no unit number to insert") from None
        units = _parse_new(op, self.act.lang, typ, parent_eid, err)
        if units[0].eid != op.target:
            raise err(f"the new text is {units[0].eid}, not the unit the instruction names")
        for unit in units:
            if self.act.index().get(unit.eid) is not None:
                raise err(f"{unit.eid} already exists")
            siblings, pos = self._position(op, unit, parent_eid)
            siblings.insert(pos, unit)
            path = _path(self.act, unit.eid)
            if typ in CONTAINER_TYPES or typ == "art":
                container = next(
                    ((u.type, u.num) for u in reversed(path[:-1]) if u.type == "chp"), None
                )
                self.note(path, "inserted", container=container or self._act_type())
            else:
                self.note(path, "inserted")
            if len(path) > 1:
                self._al_moves(path[-2])

    def _act_type(self) -> tuple[str, None]:
        return (self.act.meta.get("doc_type") or "law", None)

    def _al_moves(self, owner: Unit) -> None:
        for old, new in _renumber_als(owner):
            self.notes.moved(old, new)

    def _position(self, op: Operation, unit: Unit, parent_eid: str) -> tuple[list[Unit], int]:
        key = _eid.num_key(unit.num, strict=True)
        if unit.type in ("art", "chp", "part", "subchp"):
            # Numbered through the act: after the preceding one, in the list that holds it.
            same = [u for u in self.act.walk() if u.type == unit.type]
            holders = {id(u): self.act.parent_of(u.eid) for u in same}
        else:
            if parent_eid:
                parent = self._target(op, parent_eid)[-1]
                if parent.repealed:
                    raise self.error(op, f"{parent_eid} is repealed")
                lst = parent.children
            else:
                lst = self.act.body
            same = [u for u in lst if u.type == unit.type]
            holders = {id(u): (lst, lst.index(u)) for u in same}
        keys = []
        for u in same:
            try:
                keys.append(_eid.num_key(u.num, strict=True))
            except ValueError:
                raise self.error(op, f"{u.eid} has no number to order by") from None
        if keys != sorted(keys):
            raise self.error(op, f"position of {unit.eid} is ambiguous: siblings out of order")
        before = [u for u, k in zip(same, keys, strict=True) if k < key]
        after = [u for u, k in zip(same, keys, strict=True) if k > key]
        if before:
            lst, i = holders[id(before[-1])]
            return lst, i + 1
        if after:
            lst, i = holders[id(after[0])]
            return lst, i
        if unit.type in ("art", "chp", "part", "subchp"):
            raise self.error(op, f"position of {unit.eid} is ambiguous: no {unit.type} to follow")
        parent = self._target(op, parent_eid)[-1] if parent_eid else None
        lst = parent.children if parent else self.act.body
        return lst, len(lst)

    def _insert_al(self, op: Operation, parent_eid: str, num: str) -> None:
        err = lambda reason: self.error(op, reason)  # noqa: E731
        if not num.isdigit() or int(num) < 2:
            raise err(f"cannot insert block {num!r}: the first block is the unit's own text")
        path = self._target(op, parent_eid)
        owner = path[-1]
        n = int(num)
        if n > len(owner.children) + 2:
            raise err(
                f"block {n} would leave a gap: {parent_eid} has {len(owner.children) + 1} block(s)"
            )
        if not owner.text:
            raise err(f"{parent_eid} has no first block to follow")
        units = _parse_new(op, self.act.lang, "al", parent_eid, err)
        for i, unit in enumerate(units):
            owner.children.insert(n - 2 + i, unit)
        self._al_moves(owner)
        self.note(path, "changed")

    def replace(self, op: Operation) -> None:
        err = lambda reason: self.error(op, reason)  # noqa: E731
        t = op.target
        if t.endswith("__heading"):
            path = self._target(op, t[: -len("__heading")])
            unit = path[-1]
            blocks = _blocks(op.new or "")
            if len(blocks) != 1:
                raise err("a heading's new wording must be one line")
            text = blocks[0]
            hit = _units.match_heading(text)  # generator/grammar/units.yml
            if hit and hit[:2] == (unit.type, unit.num):
                text = text[len(hit[2]) :].strip()
                text = text[1:].strip() if text.startswith(".") else text
            unit.heading = text
            self.note(path, "replaced", heading=True)
            return
        parent_eid, typ, num = _split_eid(t)
        if typ == "note":  # an article's legal note (generator/amend_notes.py)
            _notes.replace(self, op)
            return
        if typ == "al":
            owner_path = self._target(op, parent_eid) if num == "1" else None
            path = owner_path or self._target(op)
            unit = path[-1]
            blocks = _blocks(op.new or "")
            if len(blocks) != 1:
                raise err(f"the new wording of a block must be one block, not {len(blocks)}")
            if num != "1" and unit.type != "al":
                raise err(f"{t} is a {unit.type}, not a block")
            unit.text = blocks[0]
            if num != "1":
                _more.join_renamed_kind(self, op, unit)
            self.note(path, "changed")
            return
        path = self._target(op)
        old = path[-1]
        if typ == "preamble":
            blocks = _blocks(op.new or "")
            old.text = blocks[0]
            old.children = [
                Unit(
                    type="al",
                    num=str(i + 2),
                    eid=_eid.join(old.eid, _eid.segment("al", i + 2)),
                    text=b,
                )
                for i, b in enumerate(blocks[1:])
            ]
            self.note(path, "replaced")
            return
        if typ in CONTAINER_TYPES:
            raise err(f"replacing a whole {typ} is not supported; replace its units")
        units = _parse_new(op, self.act.lang, typ, parent_eid, err)
        if len(units) != 1:
            raise err(f"the new wording holds {len(units)} units, expected one {t}")
        new = units[0]
        if new.eid != old.eid:
            raise err(f"the new wording is numbered {new.eid}, not {old.eid}")
        new.notes = old.notes
        lst, i = self.act.parent_of(old.eid)  # type: ignore[misc]
        lst[i] = new
        path[-1] = new
        self.note(path, "replaced")

    def repeal(self, op: Operation) -> None:
        path = self._target(op)
        unit = path[-1]
        if unit.repealed:
            raise self.error(op, f"{op.target} is already repealed")
        if unit.through:
            raise self.error(op, f"{op.target} is a placeholder for a range")
        if unit.type in HEADING_TYPES:
            unit.text = ""
            unit.children = []
            unit.repealed = True
            self.note(path, "repealed")
            return
        f = note_formulas()[self.act.lang]
        tmpl = f["placeholder"].get(unit.type)
        if tmpl is None:
            raise self.error(op, f"no placeholder formula for a repealed {unit.type}")
        inst = _instrument(self.act.lang, self.amender)
        punct = unit.text.rstrip()[-1:] if unit.text.rstrip()[-1:] in (".", ";") else "."
        unit.text = tmpl.format(
            num=unit.num,
            issuer=inst.get("issuer", ""),
            entry=_entry(self.act.lang, self.amender),
            closing=inst.get("one", ""),
            ins=inst.get("ins_one", ""),
            punct=punct,
        )
        unit.children = []
        unit.repealed = True
        self.repealed_here.add(unit.eid)
        self.note(path, "changed" if len(path) > 1 else "repealed")

    def renumber(self, op: Operation, record: bool = True) -> None:
        old_parent, typ, _ = _split_eid(op.target)
        new_parent, new_typ, _ = _split_eid((op.new or "").strip())
        if new_parent == old_parent and new_typ != typ:
            _more.renumber_kind(self, op, record)  # «абзацы … считать подпунктами …»
            return
        path = self._target(op)
        unit = path[-1]
        new_eid = (op.new or "").strip()
        held = self.act.index().get(new_eid)
        if held is not None and held.eid in self.repealed_here and held.eid == new_eid:
            # «часть вторую исключить; часть третью считать частью второй»: the numbering
            # closes up over the unit this act repealed, whose placeholder goes.
            lst, i = self.act.parent_of(new_eid)  # type: ignore[misc]
            del lst[i]
            self.repealed_here.discard(new_eid)
            self.whole.pop(new_eid, None)  # the number now names the renumbered unit
            if _split_eid(op.target)[1] == "al":
                owner = self._target(op, _split_eid(op.target)[0])[-1]
                moved = _renumber_als(owner)
                for old, new in moved:
                    self.notes.moved(old, new)
                    if record:
                        _more.record_rename(self, old, new)
                if self.act.index().get(new_eid) is None or (op.target, new_eid) not in moved:
                    raise self.error(op, f"closing up over {new_eid} did not renumber {op.target}")
                self.note(self._target(op, new_eid), "changed")
                return
        old_parent, typ, _ = _split_eid(op.target)
        new_parent, new_typ, new_num = _split_eid(new_eid)
        if new_parent != old_parent or new_typ != typ:
            raise self.error(op, f"renumbering to {new_eid!r} would move {typ} to another place")
        try:
            _eid.num_key(new_num, strict=True)
        except ValueError:
            raise self.error(op, f"{new_eid!r} is not a unit eId") from None
        if self.act.index().get(new_eid) is not None:
            raise self.error(op, f"{new_eid} already exists")
        old_num = unit.num or ""
        if unit.label_text:
            unit.label_text = unit.label_text.replace(old_num, new_num, 1)
        if typ == "para" and unit.text.startswith(old_num + "."):
            unit.text = new_num + unit.text[len(old_num) :]
        if typ == "subpara" and unit.text.startswith(old_num + ")"):
            unit.text = new_num + unit.text[len(old_num) :]
        unit.num = new_num
        _reprefix(unit, op.target, new_eid)
        self.notes.moved(op.target, new_eid)
        if record:
            _more.record_rename(self, op.target, new_eid)
        self.note(path, "changed")


def apply(act: Act, ops: list[Operation], amender: AmenderInfo) -> Act:
    """Apply ``ops`` (one amending act, in its order) to a copy of ``act``.

    Raises `AmendError` on the first operation that cannot be applied exactly.

    >>> from generator.parse import parse_markdown
    >>> act = parse_markdown("# T\\n\\n### 3-бап. {#art_3}\\n\\n11) тиiмдiлiк.\\n", "kk")
    >>> op = Operation(act="T", target="art_3__subpara_11", action="substitute_words",
    ...                old="тиімділік.", new="тиімділік;")
    >>> info = AmenderInfo("Z070000262", "262", dt.date(2007, 6, 18), "law",
    ...                    DateSpec.parse("after 2007-06-18"))
    >>> apply(act, [op], info).find("art_3__subpara_11").text
    '11) тиімділік;'
    """
    new = act.copy()
    setattr(new, _LOG_ATTR, getattr(act, _LOG_ATTR, None))
    setattr(new, _WHOLE_ATTR, getattr(act, _WHOLE_ATTR, None))
    applier = _Applier(new, amender)
    i = 0
    while i < len(ops):
        op = ops[i]
        batch = [op]
        if op.action == "renumber" and _eid.is_valid((op.new or "").strip()):
            # One instruction renumbering several units: renamed at once (a new number may
            # be the old number of the next unit of the batch).
            while (
                i + len(batch) < len(ops)
                and ops[i + len(batch)].action == "renumber"
                and ops[i + len(batch)].line == op.line
                and _eid.is_valid((ops[i + len(batch)].new or "").strip())
            ):
                batch.append(ops[i + len(batch)])
        if len(batch) > 1:
            _more.renumber_batch(applier, batch)
        else:
            applier.apply(op)
        i += len(batch)
    applier.notes.write(new)
    setattr(new, _WHOLE_ATTR, applier.whole)
    return new
