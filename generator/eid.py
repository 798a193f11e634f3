"""`EId`: the only code that builds or splits unit IDs (DESIGN.md «Unit IDs»).

An eId is a path of segments ``type_num`` (or a bare ``type`` such as ``preamble``,
``heading``) joined by ``__``; numbers are written as in the act (compound with ``-``);
a range keeps both ends joined by ``..`` (``art_2__para_1__subpara_3..5``). Modelled on
laws-africa/bluebell's IdGenerator: one place knows the syntax.

>>> e = EId.parse("art_15__para_2__subpara_1")
>>> str(e.parent()), e.type, e.num, str(e.child("al", 2))
('art_15__para_2', 'subpara', '1', 'art_15__para_2__subpara_1__al_2')
>>> sorted(["10", "9-1", "9", "2-5"], key=num_key)
['2-5', '9', '9-1', '10']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SEP = "__"
RANGE = ".."
NUM = r"[0-9]+(?:-[0-9]+)*"
SEGMENT = rf"[a-z]+(?:_{NUM})?"
EID_RE = re.compile(rf"^{SEGMENT}(?:__{SEGMENT})*$")
SEGMENT_RE = re.compile(rf"^(?P<type>[a-z]+)(?:_(?P<num>{NUM}(?:\.\.{NUM})?))?$")


# A looser form that also takes the Roman or lettered numbers instructions cite («chp_IV»),
# for naming the units an unread instruction is about (generator/outstanding.py).
LOOSE_EID_RE = re.compile(r"^[a-z]+(?:_[0-9A-Za-z-]+)?(?:__[a-z]+(?:_[0-9A-Za-z-]+)?)*$")
# A row of a table (DESIGN.md «Operations»): <unit>__table_N__row_M.
# «строку 74 приложения 1»: the table's number may be left out (the unit's one table), and
# a row named by its text has no number (docs/operations.md).
TABLE_ROW_RE = re.compile(r"^(?:(?P<owner>.+?)__)??(?:table_(?P<n>\d+)__)?row(?:_(?P<m>\d+))?$")
TABLE_ROW_FORM = "<unit>__table_N__row_M"


class EIdError(ValueError):
    """A string that is not an eId."""


def num_key(num: str | None, *, strict: bool = False) -> tuple[int, ...]:
    """Sort key of a unit number: «9» < «9-1» < «10» (drafting rules number inserted
    units N-1, N-2 after N; Law «On legal acts» art. 25). With ``strict`` a string that
    is not a unit number is a ValueError instead of an empty or partial key.

    >>> num_key("9-1") < num_key("10"), num_key(None)
    (True, ())
    >>> num_key("9.1", strict=True)
    Traceback (most recent call last):
    ...
    ValueError: not a unit number: '9.1'
    """
    if strict and not (num and re.fullmatch(NUM, num)):
        raise ValueError(f"not a unit number: {num!r}")
    return tuple(int(p) for p in (num or "").split("-") if p.isdigit())


def segment(typ: str, num: str | int | None = None) -> str:
    """One eId segment: ``art_9-1``, ``preamble``.

    >>> segment("art", "9-1"), segment("al", 3), segment("heading")
    ('art_9-1', 'al_3', 'heading')
    """
    return typ if num is None or num == "" else f"{typ}_{num}"


@dataclass(frozen=True)
class EId:
    """A parsed eId: its segments as (type, num) pairs.

    >>> EId.parse("annex_1__chp_2").segments
    (('annex', '1'), ('chp', '2'))
    """

    segments: tuple[tuple[str, str | None], ...]

    @classmethod
    def parse(cls, text: str) -> EId:
        """Split an eId (a range end ``3..5`` allowed in the last segment).

        >>> EId.parse("art_2__para_1__subpara_3..5").range
        ('3', '5')
        >>> EId.parse("Art 1")
        Traceback (most recent call last):
        ...
        generator.eid.EIdError: not an eId: 'Art 1'
        """
        segs = []
        parts = text.split(SEP) if text else []
        for i, part in enumerate(parts):
            m = SEGMENT_RE.match(part)
            if not m or (RANGE in (m["num"] or "") and i != len(parts) - 1):
                raise EIdError(f"not an eId: {text!r}")
            segs.append((m["type"], m["num"]))
        if not segs:
            raise EIdError(f"not an eId: {text!r}")
        return cls(tuple(segs))

    @classmethod
    def of(cls, *segments: tuple[str, str | int | None]) -> EId:
        """Build from (type, num) pairs.

        >>> str(EId.of(("art", "15"), ("para", 2)))
        'art_15__para_2'
        """
        return cls(tuple((t, None if n is None else str(n)) for t, n in segments))

    def __str__(self) -> str:
        return SEP.join(segment(t, n) for t, n in self.segments)

    @property
    def type(self) -> str:
        """The type of the last segment."""
        return self.segments[-1][0]

    @property
    def num(self) -> str | None:
        """The number of the last segment."""
        return self.segments[-1][1]

    @property
    def range(self) -> tuple[str, str] | None:
        """(first, last) when the last segment is a range ``3..5``."""
        n = self.num or ""
        if RANGE not in n:
            return None
        a, b = n.split(RANGE, 1)
        return a, b

    def parent(self) -> EId | None:
        """The eId one level up, or None at the top."""
        return EId(self.segments[:-1]) if len(self.segments) > 1 else None

    def child(self, typ: str, num: str | int | None = None) -> EId:
        """The eId of a child unit."""
        return EId(self.segments + ((typ, None if num is None else str(num)),))

    def expand(self, nums: list[str]) -> list[EId]:
        """The eIds a range covers, given the numbers the act has at that level, in order.

        >>> [str(e) for e in EId.parse("art_2__subpara_3..5").expand(["1", "3", "4", "4-1", "5"])]
        ['art_2__subpara_3', 'art_2__subpara_4', 'art_2__subpara_4-1', 'art_2__subpara_5']
        """
        rng = self.range
        if rng is None:
            return [self]
        lo, hi = num_key(rng[0]), num_key(rng[1])
        base = EId(self.segments[:-1])
        return [EId(base.segments + ((self.type, n),)) for n in nums if lo <= num_key(n) <= hi]


def join(*parts: str | EId | None) -> str:
    """Join eId strings or segments, skipping empty ones (the act's top level is "").

    >>> join("", "art_1"), join("art_1", "para_2"), join(EId.parse("annex_1"), "chp_2")
    ('art_1', 'art_1__para_2', 'annex_1__chp_2')
    """
    return SEP.join(str(p) for p in parts if p)


def split(eid: str) -> list[str]:
    """The segments of an eId as strings.

    >>> split("art_15__para_2")
    ['art_15', 'para_2']
    """
    return eid.split(SEP) if eid else []


def last(eid: str) -> tuple[str, str | None]:
    """(type, num) of an eId's last segment, without validating the rest.

    >>> last("art_15__para_2"), last("preamble")
    (('para', '2'), ('preamble', None))
    """
    seg = eid.rsplit(SEP, 1)[-1]
    typ, _, num = seg.partition("_")
    return typ, num or None


def parent(eid: str) -> str:
    """The parent eId string ("" at the top).

    >>> parent("art_15__para_2"), parent("art_15")
    ('art_15', '')
    """
    return eid.rsplit(SEP, 1)[0] if SEP in eid else ""


def within(eid: str, ancestor: str) -> bool:
    """Whether ``eid`` is ``ancestor`` or one of its descendants.

    >>> within("art_1__para_2", "art_1"), within("art_10", "art_1"), within("art_1", "art_1")
    (True, False, True)
    """
    return eid == ancestor or eid.startswith(ancestor + SEP)


def is_valid(eid: str) -> bool:
    """Whether a string has the eId syntax (no ranges).

    >>> is_valid("art_9-1__para_2"), is_valid("art_9.1")
    (True, False)
    """
    return bool(EID_RE.match(eid))


def is_loose(eid: str) -> bool:
    """Whether a string has the eId syntax, Roman or other cited numbers allowed.

    >>> is_loose("chp_IV__art_2"), is_loose("Глава 4")
    (True, False)
    """
    return bool(LOOSE_EID_RE.match(eid))


def table_row(eid: str) -> tuple[str, int | None, str | None] | None:
    """(owner eId or "", table number, row number) of a table-row eId, else None; the table
    number is None for the unit's one table, the row number None for a row named by text.

    >>> table_row("annex_1__table_2__row_74"), table_row("table_1__row_3"), table_row("art_1")
    (('annex_1', 2, '74'), ('', 1, '3'), None)
    >>> table_row("annex_1__row_74"), table_row("annex_1__row")
    (('annex_1', None, '74'), ('annex_1', None, None))
    """
    m = TABLE_ROW_RE.match(eid)
    return (m["owner"] or "", int(m["n"]) if m["n"] else None, m["m"]) if m else None
