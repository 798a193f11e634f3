"""The domain model shared by every stage: Act, Unit, Note, Operation, DateSpec.

Stages pass these objects one way (parse → amend → consolidate → diff → render);
no stage reaches into another's internals.

>>> u = Unit(type="art", num="9-1", eid="art_9-1", heading="Регламенттер мен стандарттар")
>>> u.label("kk"), u.label("ru")
('9-1-бап', 'Статья 9-1')
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import units as _units
from .eid import EID_RE  # noqa: F401  (re-exported: the eId syntax lives in eid.py)

# Structural levels that have headings, from the outermost. An annex is the document a
# decree or order approves; its points are numbered through it (DESIGN.md, Unit IDs).
# All from generator/grammar/units.yml (generator/units.py).
HEADING_TYPES = _units.heading_types()
# Containers do not enter the eId of the units inside them: articles are numbered through
# the whole act («art_9-1», never «chp_2__art_9-1»), points through the whole annex.
CONTAINER_TYPES = _units.of_kind("container")
BLOCK_TYPES = ("para", "subpara", "al")

LABELS = {lang: _units.labels(lang) for lang in ("kk", "ru")}

ACT_ID_RE = re.compile(r"^[A-Z][A-Z0-9]{5,19}$")


@dataclass
class Note:
    """An editorial note («Ескерту.» / «Сноска.») attached to a unit, as data.

    >>> Note(text="Сноска. Статья 23 в редакции Закона РК от 18.06.2007 № 262.").text[:6]
    'Сноска'
    """

    text: str
    line: int = 0
    generated: bool = False  # made by zan's consolidation, not in the source


@dataclass
class Unit:
    """One unit of an act's tree, named by its eId.

    ``text`` is the unit's own first block (the lead-in of a unit whose numbered children
    follow, or the whole text of a leaf); following unnumbered blocks are children of
    type ``al``. ``heading`` is the heading of a unit that has one (article, chapter).
    """

    type: str
    num: str | None
    eid: str
    heading: str | None = None
    text: str = ""
    children: list[Unit] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    # Notes standing right after the heading line («Сноска. Заголовок статьи 13 …»).
    heading_notes: list[Note] = field(default_factory=list)
    line: int = 0
    repealed: bool = False
    # Heading line as written when the number is part of it («15-бап. …»); kept so that
    # rendering reproduces the source exactly.
    label_text: str | None = None
    # «3) - 9) алып тасталды …»: one placeholder for a range of repealed subpoints.
    through: str | None = None
    # An amending act's quoted new wording (one block, its numbers are not units).
    quoted: bool = False

    def walk(self) -> Iterator[Unit]:
        """This unit and all its descendants, in document order."""
        return walk_units([self])

    def label(self, lang: str) -> str:
        """The unit's short label as lawyers write it («15-бап», «Статья 15»)."""
        return _units.label(self.type, self.num, lang)

    def copy(self) -> Unit:
        """A deep copy (units are mutated by the amendment stage on copies only)."""
        return Unit(
            type=self.type,
            num=self.num,
            eid=self.eid,
            heading=self.heading,
            text=self.text,
            children=[c.copy() for c in self.children],
            notes=[Note(n.text, n.line, n.generated) for n in self.notes],
            heading_notes=[Note(n.text, n.line, n.generated) for n in self.heading_notes],
            line=self.line,
            repealed=self.repealed,
            label_text=self.label_text,
            through=self.through,
            quoted=self.quoted,
        )


def walk_units(units: list[Unit]) -> Iterator[Unit]:
    """The units and all their descendants, in document order (a loop, not recursion:
    walks are the commonest operation of the pipeline)."""
    stack = list(reversed(units))
    while stack:
        unit = stack.pop()
        yield unit
        if unit.children:
            stack.extend(reversed(unit.children))


@dataclass
class Act:
    """The parsed text of one act in one language: its title, metadata and unit tree.

    ``body`` holds the top-level units (preamble, chapters, articles, points, annexes)
    in document order.
    """

    title: str
    lang: str
    body: list[Unit] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    source: str = ""
    # Blocks after the last unit that are not law text (signature, place and date).
    signature: list[str] = field(default_factory=list)
    # What the parser kept as text because it fitted no rule («FILE:LINE: …», not errors).
    warnings: list[str] = field(default_factory=list)
    # Editorial notes on the act as a whole (before its first unit).
    notes: list[Note] = field(default_factory=list)
    # The act's status as amending acts changed it, as plain data (generator/amend_units.py):
    # {"repealed": {...}} by a `repeal_act`, {"suspended": [...]} by `suspend`,
    # {"toc": {...}} when its table of contents was repealed.
    status: dict = field(default_factory=dict)
    # Renumbered units per amending act, in the order applied: {amender ID: {old eId: new}}
    # (a citation of an old eId follows the chain; DESIGN.md «Unit IDs»).
    renamed: dict[str, dict[str, str]] = field(default_factory=dict)

    def walk(self) -> Iterator[Unit]:
        """Every unit of the act in document order."""
        return walk_units(self.body)

    def index(self) -> dict[str, Unit]:
        """eId → unit (a range placeholder «3) - 9)» answers for each number it covers)."""
        idx: dict[str, Unit] = {}
        for u in self.walk():
            idx[u.eid] = u
            if u.through and u.num and u.num.isdigit() and u.through.isdigit():
                stem = u.eid[: -len(u.num)]
                for n in range(int(u.num) + 1, int(u.through) + 1):
                    idx.setdefault(f"{stem}{n}", u)
        return idx

    def find(self, eid: str) -> Unit | None:
        """The unit with this eId, or None."""
        for u in self.walk():
            if u.eid == eid:
                return u
        return None

    def parent_of(self, eid: str) -> tuple[list[Unit], int] | None:
        """The list that holds the unit with this eId and its position in it."""

        def search(units: list[Unit]) -> tuple[list[Unit], int] | None:
            for i, u in enumerate(units):
                if u.eid == eid:
                    return units, i
                found = search(u.children)
                if found:
                    return found
            return None

        return search(self.body)

    def copy(self) -> Act:
        """A deep copy."""
        return Act(
            title=self.title,
            lang=self.lang,
            body=[u.copy() for u in self.body],
            meta=dict(self.meta),
            source=self.source,
            signature=list(self.signature),
            notes=[Note(n.text, n.line, n.generated) for n in self.notes],
            status=copy.deepcopy(self.status),
            renamed={k: dict(v) for k, v in self.renamed.items()},
        )


@dataclass(frozen=True)
class DateSpec:
    """A date known exactly or only as a range (DESIGN.md, «Dates»).

    >>> DateSpec.parse("after 2007-06-18")
    DateSpec(earliest=datetime.date(2007, 6, 19), latest=None, text='after 2007-06-18')
    >>> DateSpec.parse("2013-04-15").exact
    datetime.date(2013, 4, 15)
    """

    earliest: dt.date | None
    latest: dt.date | None
    text: str

    @classmethod
    def parse(cls, value: object) -> DateSpec:
        """Parse `2013-04-15`, `after 2007-06-18`, `between D1 and D2`, `before D`, `unknown`."""
        if isinstance(value, dt.date):
            return cls(value, value, value.isoformat())
        s = str(value).strip()
        m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})", s)
        if m:
            d = dt.date.fromisoformat(s)
            return cls(d, d, s)
        m = re.fullmatch(r"after (\d{4}-\d{2}-\d{2})", s)
        if m:
            return cls(dt.date.fromisoformat(m[1]) + dt.timedelta(days=1), None, s)
        m = re.fullmatch(r"before (\d{4}-\d{2}-\d{2})", s)
        if m:
            return cls(None, dt.date.fromisoformat(m[1]) - dt.timedelta(days=1), s)
        m = re.fullmatch(r"between (\d{4}-\d{2}-\d{2}) and (\d{4}-\d{2}-\d{2})", s)
        if m:
            a, b = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
            if a > b:
                raise ValueError(f"date range runs backwards: {s!r}")
            return cls(a, b, s)
        if s == "unknown":
            return cls(None, None, s)
        raise ValueError(
            f"not a date: {s!r} (expected YYYY-MM-DD, 'after D', 'before D', "
            "'between D1 and D2' or 'unknown')"
        )

    @property
    def exact(self) -> dt.date | None:
        """The day, when it is known exactly."""
        return self.earliest if self.earliest == self.latest else None

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Order by earliest possible day, then latest (unknown ends sort last)."""
        return (self.earliest or dt.date.min, self.latest or dt.date.max)

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` may be the date."""
        return (self.earliest is None or self.earliest <= day) and (
            self.latest is None or day <= self.latest
        )

    def __str__(self) -> str:
        return self.text


@dataclass
class Operation:
    """One atomic operation of an amending act (DESIGN.md, «Operations»).

    ``source`` quotes the instruction it came from; ``line`` is its line in the amender.
    """

    act: str
    target: str
    action: str
    old: str | None = None
    new: str | None = None
    where: str | None = None
    occurrence: str | None = None  # words ops: "all" (default) or an ordinal
    source: str = ""
    line: int = 0
    item: str = ""  # the amender's item that holds the instruction («1-бап 2-тармақ 3)»)
    act_date: str | None = None  # the date the instruction cites for the amended act
    lang_only: str | None = None  # instruction changes only this language's text
    sentence: int | None = None  # words/insert/replace inside the N-th sentence of the unit
    # a table row named by its text (docs/operations.md): the titles of the parts it stands
    # under, then the row's own text; found in the base act at application
    named: list[str] | None = None

    ACTIONS = (
        "insert",
        "replace",
        "repeal",
        "substitute_words",
        "insert_words",
        "delete_words",
        "renumber",
        "case",
        "repeal_act",
        "suspend",
    )

    def to_dict(self) -> dict:
        """The serialised form of DESIGN.md (None fields left out)."""
        d: dict = {"act": self.act, "target": self.target, "action": self.action}
        for key in ("old", "new", "where", "occurrence", "sentence", "named"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        if self.act_date:
            d["act_date"] = self.act_date
        if self.lang_only:
            d["lang_only"] = self.lang_only
        if self.item:
            d["item"] = self.item
        d["line"] = self.line
        d["source"] = self.source
        return d
