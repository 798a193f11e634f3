"""Unit references of an instruction → paths → eIds (DESIGN.md, «Unit IDs»).

A :class:`Ref` is one unit reference of a sentence (type, numbers, case), as the
tokenizer reads it (:func:`unit_refs`); :func:`locate` merges the references of a clause
into the scope set by its headers («в статье 12:») and gives one path per unit named; a
path is a tuple of (type, number) pairs and :func:`path_eid` its eId. Kazakh names the
outer unit first, Russian the inner one.

>>> [path_eid(p) for p in locate((), unit_refs("подпункт 6) пункта 1 статьи 2", "ru"), "ru")]
['art_2__para_1__subpara_6']
>>> [path_eid(p) for p in locate((), unit_refs("2-баптың 1 және 3-тармақтары", "kk"), "kk")]
['art_2__para_1', 'art_2__para_3']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator import eid as _eid
from generator import units as _units

__all__ = [
    "RANK",
    "WHOLE",
    "Path",
    "Ref",
    "locate",
    "merge",
    "path_eid",
    "split_new_wording",
    "unit_refs",
]

# Rank of a unit type in the tree, outermost first (DESIGN.md, «Unit IDs»).
RANK = {
    "annex": 0,
    "part": 1,
    "chp": 2,
    "subchp": 3,
    "preamble": 4,
    "art": 4,
    "note": 4.5,  # an article's legal note, holding its own points (docs/units.md)
    "para": 5,
    "subpara": 6,
    "al_part": 7,  # часть / бөлік: an unnumbered block of an article or point
    "al": 8,  # абзац: a block, also inside a part («абзац восьмой части первой»)
    "heading": 9,
}
# Reader-internal unit types whose eId type differs.
EID_TYPE = {"al_part": "al"}
CONTAINERS = ("part", "chp", "subchp")  # not in an article's eId (DESIGN.md, «Unit IDs»)
NESTS_EITHER_WAY = {"subpara", "al_part", "al"}

Path = tuple[tuple[str, str | None], ...]
WHOLE: Path = (("*", None),)  # the scope «по всему тексту» / «бүкіл мәтіні бойынша»


@dataclass
class Ref:
    """A unit reference found in a sentence: type, numbers, grammatical case, span.

    >>> Ref("subpara", ["3..5"], "nom", 0, 17).nums
    ['3..5']
    """

    type: str
    nums: list[str | None]
    case: str
    start: int
    end: int


def unit_refs(skeleton: str, lang: str) -> list[Ref]:
    """The unit references of a sentence whose quotes are masked, in order, as the formula
    catalogue's tokenizer reads them (units of a type DESIGN.md has an eId for).

    >>> [(r.type, r.nums, r.case) for r in unit_refs("дополнить подпунктом 7)", "ru")]
    [('subpara', ['7'], 'ins')]
    >>> [(r.type, r.nums) for r in unit_refs("2-2, 2-3 және 2-5-тармақтармен", "kk")]
    [('para', ['2-2', '2-3', '2-5'])]
    """
    from generator.formulas.tokens import tokenizer

    return [
        Ref(t.utype, list(t.nums), t.case, t.start, t.end)
        for t in tokenizer(lang).tokenize(skeleton)
        if t.kind in ("U", "UI") and t.utype in RANK
    ]


def merge(ctx: Path, utype: str, num: str | None) -> Path:
    """Put a unit into a path: cut the path at the unit's level, then append it.

    >>> merge((("art", "2"), ("para", "1")), "para", "3")
    (('art', '2'), ('para', '3'))
    """
    rank = RANK[utype]
    kept = tuple(p for p in ctx if RANK[p[0]] < rank)
    return kept + ((utype, num),)


def path_eid(path: Path) -> str:
    """The eId of a path of (type, number) pairs.

    >>> path_eid((("art", "2"), ("para", "1"), ("subpara", "6")))
    'art_2__para_1__subpara_6'
    >>> path_eid((("chp", "3"), ("art", "12"))), path_eid(WHOLE)
    ('art_12', '*')
    """
    if path == (("heading", None),):
        return "title"  # «заголовок Закона»: the act's own title
    if path == WHOLE:
        return "*"
    if any(t == "art" for t, _n in path):  # articles are numbered through the act
        path = tuple(p for p in path if p[0] not in CONTAINERS)
    return _eid.join(*(_eid.segment(EID_TYPE.get(t, t), n) for t, n in path))


def locate(
    ctx: Path, refs: list[Ref], lang: str = "kk", merge_into: Callable | None = None
) -> list[Path]:
    """Paths of the location references merged into a context (several for lists);
    ``merge_into`` puts the first unit into the context (default :func:`merge`).

    Kazakh names the outer unit first («804-баптың бірінші бөлігінің 50) тармақшасындағы»),
    Russian the inner one («подпункт 6) пункта 1 статьи 2»); where that order is not a
    possible nesting, the units are ordered by level.

    >>> locate((("art", "5"),), unit_refs("пункты 2 и 3", "ru"), "ru")
    [(('art', '5'), ('para', '2')), (('art', '5'), ('para', '3'))]
    """
    if not refs:
        return [ctx]
    order = list(refs) if lang == "kk" else list(reversed(refs))
    ok = all(
        RANK[a.type] < RANK[b.type] or {a.type, b.type} <= NESTS_EITHER_WAY
        for a, b in zip(order, order[1:], strict=False)
    )
    if not ok:
        order = sorted(refs, key=lambda r: RANK[r.type])
    put = merge_into or merge
    paths = [ctx]
    first = True
    for r in order:
        if first:
            paths = [put(p, r.type, n) for p in paths for n in r.nums]
            first = False
        else:
            paths = [p + ((r.type, n),) for p in paths for n in r.nums]
    return paths


def split_new_wording(new: str, utype: str, nums: list[str], lang: str) -> list[str] | None:
    """Split a quoted wording among several new units at their numbers (None when the
    wording does not start each unit, in order).

    >>> split_new_wording("2. А.\\n\\n3. Б.", "para", ["2", "3"], "ru")
    ['2. А.', '3. Б.']
    >>> split_new_wording("3. Б.\\n\\n2. А.", "para", ["2", "3"], "ru") is None
    True
    """
    if len(nums) == 1:
        return [new]
    paras = new.split("\n\n")
    if utype in ("al", "al_part"):
        return paras if len(paras) == len(nums) else None
    label = {"subpara": r"{n}\)", "para": r"{n}\."}.get(utype)
    if label is None and utype not in ("art", "chp", "annex", "part"):
        raise KeyError(utype)

    def starts_unit(p: str, n: str) -> bool:
        # Articles, chapters, annexes, sections: their heading labels in
        # generator/grammar/units.yml, by the number an eId carries («VI-I» is 6-1)
        if label is None:
            hit = _units.match_heading(p, lang)
            return hit is not None and hit[:2] in ((utype, n), (utype, _eid_number(n)))
        return bool(re.match("^" + label.format(n=re.escape(n)), p))

    if label is None:
        paras = _unglue_headings(paras, utype, nums, lang)
    starts = []
    for n in nums:
        idx = [i for i, p in enumerate(paras) if starts_unit(p, n)]
        if not idx:
            return None
        starts.append(idx[0])
    if starts[0] != 0 or starts != sorted(starts):
        return None
    bounds = starts + [len(paras)]
    return ["\n\n".join(paras[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def _eid_number(n: str) -> str:
    """A unit's number as an eId carries it («VI-I» → 6-1), or as written."""
    try:
        return _units.eid_number(n)
    except ValueError:
        return n


def _unglue_headings(paras: list[str], utype: str, nums: list[str], lang: str) -> list[str]:
    """The paragraphs of a wording with a unit's heading that the text bank glued to the end
    of the paragraph before it put on a paragraph of its own: «… (Летчик-космонавт
    Казахстана).25-бап. Қазақстан Республикасының құрметті атақтары:» (3772 kk, «24 және
    25-баптар мынадай редакцияда жазылсын:»). Only a heading of a unit the instruction names
    and the wording does not yet start, right after a sentence's end, and found once.

    >>> _unglue_headings(["24-бап. А:", "- Б (В).25-бап. Г:"], "art", ["24", "25"], "kk")
    ['24-бап. А:', '- Б (В).', '25-бап. Г:']
    >>> _unglue_headings(["46-бап. А.", '"48-бап. Б.'], "art", ["46", "48"], "kk")
    ['46-бап. А.', '"48-бап. Б.']
    """

    def starts(p: str, n: str) -> bool:
        hit = _units.match_heading(p, lang)
        return hit is not None and hit[:2] == (utype, n)

    for n in nums[1:]:
        if any(starts(p, n) for p in paras):
            continue
        hits = [
            (i, m.start())
            for i, p in enumerate(paras)
            for m in re.finditer(r"(?<=[.;:!?)\"»])(?=[^\s.;:)])", p)
            if starts(p[m.start() :], n) and p[: m.start()].strip(' "«»')
        ]
        if len(hits) == 1:
            i, at = hits[0]
            paras = [*paras[:i], paras[i][:at].rstrip(), paras[i][at:], *paras[i + 1 :]]
    return paras
