"""What the instruction reader reads from one amending act, and the kk ↔ ru check.

:class:`Amender` holds, for one language, the acts cited (:class:`CitedAct`), the
operations (:class:`~generator.model.Operation`), the instructions that change only the
other language's text (:class:`LangOnly`), the instructions not read
(:class:`InstructionError`, never skipped: DESIGN.md, «Operations») and the in-force rule.
:func:`compare_languages` pairs the two languages' operations (issue 13, item 6).

>>> a = Amender("ru", acts=[CitedAct("Об административных процедурах", "2000-11-27", 13)])
>>> a.acts[0].title, a.operations, a.errors
('Об административных процедурах', [], [])
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.formulas.tokens import one_letter_more
from generator.model import Operation

__all__ = [
    "Amender",
    "CitedAct",
    "Disagreement",
    "InstructionError",
    "LangOnly",
    "compare_languages",
]


class InstructionError(ValueError):
    """A sentence that looks like an instruction but that the reader cannot read.

    The message is ``"{line}: {reason}: «{sentence}»"``.

    >>> str(InstructionError(134, "unbalanced quotes", "8) 23-бап мынадай"))
    '134: unbalanced quotes: «8) 23-бап мынадай»'
    """

    def __init__(self, line: int, reason: str, sentence: str):
        self.line, self.reason, self.sentence = line, reason, sentence
        super().__init__(line, reason, sentence)

    def __str__(self) -> str:
        # From the fields, so that a line moved to the file's (source.file_lines) shows.
        return f"{self.line}: {self.reason}: «{self.sentence}»"

    def __reduce__(self):
        # Read in worker processes (a cold build): pickled with its three fields.
        return (type(self), (self.line, self.reason, self.sentence))


@dataclass
class CitedAct:
    """An act that the amender amends, as its citation names it.

    >>> CitedAct(title="Әкімшілік рәсімдер туралы", date="2000-11-27", line=13).date
    '2000-11-27'
    """

    title: str
    date: str | None
    line: int
    item: str = ""
    source: str = ""


@dataclass
class LangOnly:
    """An instruction that changes only the other language's text (no operation here).

    >>> LangOnly(act="X", act_date=None, target="art_2__subpara_3", lang_only="ru").lang_only
    'ru'
    """

    act: str
    act_date: str | None
    target: str
    lang_only: str
    source: str = ""
    line: int = 0
    item: str = ""


@dataclass
class Amender:
    """Everything the reader reads from one amending act in one language."""

    lang: str
    acts: list[CitedAct] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    not_for_this_language: list[LangOnly] = field(default_factory=list)
    errors: list[InstructionError] = field(default_factory=list)
    entry_into_force: dict = field(default_factory=dict)
    # Latin look-alike letters and glued words repaired in an instruction's own words (never
    # in the words it quotes), each reported: (line, as written, as read).
    repairs: list[tuple[int, str, str]] = field(default_factory=list)


def repair_reason(old: str, new: str) -> str:
    """Why the reader read an instruction's own words ``old`` as ``new`` (the reports of
    `zan ops` and of the corpus).

    >>> for old, new in [
    ...     ("сөздерментолықтырылсын", "сөздермен толықтырылсын"),
    ...     ("сөдермен", "сөздермен"),
    ...     ("10-1) баппен", "10-1-баппен"),
    ...     ("часть, первую", "часть первую"),
    ...     ("ауыстырылсын:", "ауыстырылсын;"),
    ...     ('"1-тармақта:', "1-тармақта:"),
    ...     ("реадакцияда", "редакцияда"),
    ...     ("тoлықтырылсын", "толықтырылсын"),
    ...     ("20-15", "20-15)"),
    ... ]:
    ...     print(repair_reason(old, new))
    words glued together
    a formula word that lost one letter
    an article's number written with a sub-item's bracket, as its wording numbers it
    a stray comma
    a colon for a semicolon: no wording follows
    a stray quote mark
    a formula word with one letter too many
    Latin look-alike letters
    a sub-item's number in a list that lost its bracket
    """
    if re.fullmatch(r"\d+(?:-\d+)*", old) and new == old + ")":
        return "a sub-item's number in a list that lost its bracket"  # «20-15,» (155528 ru:237)
    if old.rstrip().endswith(":") and new == old.rstrip()[:-1] + ";":
        return "a colon for a semicolon: no wording follows"  # «… ауыстырылсын:» (104210 kk)
    if old.endswith(",") and new == old[:-1] + ".":
        return "an item's number with a comma for its dot"  # «17-1, 34-бап …» (104392 kk)
    if re.fullmatch(r"[\d-]+\)\s*\w+", old) and new == re.sub(r"\)\s*", "-", old, count=1):
        return "an article's number written with a sub-item's bracket, as its wording numbers it"
    if re.fullmatch(r"\d+\)", old) and re.fullmatch(r"\d+\)", new):
        return "a unit's number that lost one of a doubled digit, as its wording numbers it"
    if "," in old and new == re.sub(r"\s*,\s*", " ", old, count=1):
        return "a stray comma"  # «часть, первую считать частью второй» (104210 ru:99)
    if '"' in old and '"' not in new and old.replace('"', "") == new:
        return "a stray quote mark"  # «"1-тармақта:» (34618 kk:61)
    if '"' in new and new.replace('"', "") == old.replace('"', ""):
        return "a quote mark the text bank lost"  # «абзацтағы атқарушы …" деген» (12698 kk)
    if " " in new and new.replace(" ", "") == old:
        return "words glued together"
    if one_letter_more(new, old):
        return "a formula word that lost one letter"  # «тармашада» (2490 kk)
    if one_letter_more(old, new):
        return "a formula word with one letter too many"  # «реадакцияда» (109670 kk)
    return "Latin look-alike letters"


@dataclass
class Disagreement:
    """A kk/ru difference between the operations of one amender.

    ``kind`` is ``only_kk``, ``only_ru`` or ``action`` (same target, different action).
    ``kk_source``/``ru_source`` quote both languages' instructions: for an operation
    present in one language only, the other quote is that language's instruction of the
    same amender item (empty if it has none).

    >>> Disagreement("only_ru", 0, "art_15__para_5", None, None).kind
    'only_ru'
    """

    kind: str
    act_index: int
    target: str
    kk: Operation | None
    ru: Operation | None
    kk_source: str = ""
    ru_source: str = ""


def _act_index(items: list) -> list[int]:
    """The position of each item's cited act among the acts one language's text cites, in
    the order of the text (by line): an act whose only instruction in this language changes
    the other language's text (a ``LangOnly``) keeps its place, so later acts do not shift.

    >>> a = LangOnly(act="А", act_date=None, target="art_1", lang_only="ru", line=3)
    >>> b = Operation("Б", "art_2", "repeal", line=7)
    >>> _act_index([b, a])
    [1, 0]
    """
    seen: dict[tuple, int] = {}
    out = [0] * len(items)
    for i in sorted(range(len(items)), key=lambda i: (items[i].line or 0, i)):
        key = (items[i].act, items[i].act_date)
        if key not in seen:
            seen[key] = len(seen)
        out[i] = seen[key]
    return out


def compare_languages(
    ops_kk: list[Operation],
    ops_ru: list[Operation],
    lang_only_kk: Sequence[LangOnly] = (),
    lang_only_ru: Sequence[LangOnly] = (),
) -> list[Disagreement]:
    """Pair kk and ru operations by (act position, target, action); report the rest.

    An operation present in one language only is excused when the other language's
    text records that the instruction changes only this language (``LangOnly``).

    >>> k = [Operation("А", "art_1", "repeal", act_date="2000-01-01")]
    >>> r = [Operation("Б", "art_1", "replace", act_date="2000-01-01")]
    >>> [(d.kind, d.target) for d in compare_languages(k, r)]
    [('action', 'art_1')]
    """
    idx_kk = _act_index(list(ops_kk) + list(lang_only_kk))
    idx_ru = _act_index(list(ops_ru) + list(lang_only_ru))
    excused_kk = {(idx_ru[len(ops_ru) + j], m.target) for j, m in enumerate(lang_only_ru)}
    excused_ru = {(idx_kk[len(ops_kk) + j], m.target) for j, m in enumerate(lang_only_kk)}
    rest_ru: dict[tuple, list[Operation]] = defaultdict(list)
    for o, a in zip(ops_ru, idx_ru, strict=False):
        rest_ru[(a, o.target, o.action)].append(o)
    left_kk: list[tuple[int, Operation]] = []
    for o, a in zip(ops_kk, idx_kk, strict=False):
        key = (a, o.target, o.action)
        if rest_ru[key]:
            rest_ru[key].pop(0)
        else:
            left_kk.append((a, o))
    left_ru = [(k[0], o) for k, v in rest_ru.items() for o in v]
    left_ru.sort(key=lambda x: x[1].line)

    def same_item(ops: list[Operation], op: Operation) -> str:
        return next((x.source for x in ops if op.item and x.item == op.item), "")

    out: list[Disagreement] = []
    for a, o in left_kk:
        partner = next(((b, r) for b, r in left_ru if b == a and r.target == o.target), None)
        if partner:
            left_ru.remove(partner)
            r = partner[1]
            out.append(Disagreement("action", a, o.target, o, r, o.source, r.source))
        elif (a, o.target) not in excused_kk:
            out.append(
                Disagreement("only_kk", a, o.target, o, None, o.source, same_item(ops_ru, o))
            )
    for a, r in left_ru:
        if (a, r.target) not in excused_ru:
            out.append(
                Disagreement("only_ru", a, r.target, None, r, same_item(ops_kk, r), r.source)
            )
    return out
