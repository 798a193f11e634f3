"""The operations of the larger vocabulary (issue 13, item 7), applied on the amended act.

Called by generator/amend.py's applier for what real amending acts add to the core
insert/replace/repeal/words operations (DESIGN.md «More rules of the vocabulary»):
ranges in a target (expanded against the act), sentences as positions inside a unit, the
act's title and a unit's heading, the preamble and the table of contents, letter case,
renumbering (with the renaming map) and numbering style, the repeal of a whole act and
suspension (the act's status, not its text), annex table rows (rows of the pipe
tables the parser keeps as blocks). Each failure names the
instruction, the target and the exact reason (`AmendError`), never a silent skip.

>>> from generator.parse import parse_markdown
>>> act = parse_markdown("# T\\n\\n### Статья 2. {#art_2}\\n\\nПонятия:\\n\\n1) а;\\n\\n"
...                      "2) б;\\n\\n3) в.\\n", "ru")
>>> [str(e) for e in expand(act, "art_2__subpara_1..2")]
['art_2__subpara_1', 'art_2__subpara_2']
>>> expand(act, "art_2__subpara_2..4")
Traceback (most recent call last):
...
generator.amend_units.RangeError: the range art_2__subpara_2..4 ends at subpara 4, which art_2 lacks
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from . import eid as _eid
from . import sentences as _sentences
from . import units as _units
from .model import Act, Operation, Unit

if TYPE_CHECKING:  # the applier of generator/amend.py
    from .amend import _Applier

# Types numbered through the whole act (or annex), not inside their parent (DESIGN.md).
THROUGH = ("art", "chp", "part", "subchp")


class RangeError(ValueError):
    """A range target that the act cannot expand."""


# ---------------------------------------------------------------------------------------
# Targets: Roman numbers, ranges
# ---------------------------------------------------------------------------------------


def normal_target(target: str) -> str:
    """An eId whose numbers are written as the act writes them («chp_IV» for «главы IV»)
    with the number an eId carries (units.yml «numbers»).

    >>> normal_target("chp_IV__heading"), normal_target("art_2__para_1__subpara_3..5")
    ('chp_4__heading', 'art_2__para_1__subpara_3..5')
    """
    if not target or target == "*":
        return target
    out = []
    for seg in _eid.split(target):
        typ, _, num = seg.partition("_")
        if num and _eid.RANGE not in num and not re.fullmatch(_eid.NUM, num):
            try:
                num = _units.eid_number(num)
            except ValueError:
                pass
        out.append(_eid.segment(typ, num or None))
    return _eid.join(*out)


def expand(act: Act, target: str) -> list[_eid.EId]:
    """The eIds a range target covers in ``act`` (DESIGN.md: an end the act lacks is a
    failure); a target without a range is itself."""
    tail = "__heading" if target.endswith("__heading") else ""
    e = _eid.EId.parse(target[: len(target) - len(tail)])
    rng = e.range
    if rng is None:
        return [_eid.EId.parse(target)]
    parent = e.parent()
    if e.type in THROUGH:
        holder = "the act"
        siblings = [u for u in act.walk() if u.type == e.type]
    else:
        holder = str(parent) if parent else "the act"
        if parent is None:
            units = act.body
        else:
            p = next((u for u in act.walk() if u.eid == str(parent)), None)
            if p is None:
                raise RangeError(f"the range {target} is inside {parent}, which the act lacks")
            units = p.children
        siblings = [u for u in units if u.type == e.type]
    nums = [u.num or "" for u in siblings]
    if e.type == "al" and parent is not None and "1" not in nums and p.text:
        nums = ["1", *nums]  # the unit's own text is its first block (al_1)
    for end in rng:
        if end not in nums:
            which = "starts" if end == rng[0] else "ends"
            raise RangeError(f"the range {target} {which} at {e.type} {end}, which {holder} lacks")
    out = e.expand(nums)
    return [_eid.EId.parse(str(x) + tail) for x in out]


def part_block(act: Act, eid: str) -> str | None:
    """The block an instruction names inside a part whose items the tree keeps flat.

    «абзац второй части четвертой» (``art_8__al_4__al_2``): the fourth part is a lead-in
    ending in «:» whose абзацы follow it as blocks of the article (the parser's rule: they
    are the article's blocks ``art_8__al_5`` …). The part's абзацы are its lead-in, then the
    blocks ending in «;» and the first block that does not (its last абзац); the M-th of them
    is the one meant. None when ``eid`` is not of that shape.

    >>> from generator.parse import parse_markdown
    >>> act = parse_markdown("# T\\n\\n### Статья 8. {#art_8}\\n\\nОрган:\\n\\nа;\\n\\nб.\\n\\nв.\\n",
    ...                      "ru")
    >>> part_block(act, "art_8__al_1__al_3"), part_block(act, "art_8__al_1__al_4")
    ('art_8__al_3', None)
    """
    parent = _eid.parent(eid)
    typ, num = _eid.last(eid)
    ptyp, _ = _eid.last(parent) if parent else ("", None)
    if typ != "al" or ptyp != "al" or not (num or "").isdigit():
        return None
    holder_eid = _eid.parent(parent)
    if holder_eid:
        holder = next((u for u in act.walk() if u.eid == holder_eid), None)
        if holder is None:
            return None
        siblings, lead = holder.children, holder
    else:
        siblings, lead = act.body, None
    if _eid.last(parent)[1] == "1" and lead is not None:
        part_text, start = lead.text, 0
    else:
        part = next((u for u in siblings if u.eid == parent), None)
        if part is None or part.children:
            return None
        part_text, start = part.text, siblings.index(part) + 1
    if not part_text.rstrip().endswith(":"):
        return None
    m = int(num or 0)
    if m == 1:
        return parent
    items: list[Unit] = []
    for u in siblings[start:]:
        if u.type != "al":
            break
        items.append(u)
        if not u.text.rstrip().endswith(";"):
            break
    return items[m - 2].eid if 2 <= m <= len(items) + 1 else None


# ---------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------


def _text_unit(ap: _Applier, op: Operation) -> tuple[Unit, list[Unit]]:
    """The unit whose own text holds the sentences of ``op.target`` (``al_1``: the owner)."""
    parent, typ, num = op.target.rpartition("__")[0], *_eid.last(op.target)
    eid = parent if typ == "al" and num == "1" else op.target
    path = ap._target(op, eid)
    return path[-1], path


def sentence_span(ap: _Applier, op: Operation, text: str) -> tuple[int, int]:
    """(start, end) of sentence ``op.sentence`` of ``text``, or the failure."""
    spans = _sentences.spans(text)
    n = len(spans) if op.sentence == -1 else op.sentence or 0  # -1: the last sentence
    if n < 1 or n > len(spans):
        raise ap.error(
            op, f"sentence {n} asked, the unit has {len(spans)} sentence(s): «{text[:80]}»"
        )
    return spans[n - 1]


def sentence_unit_op(ap: _Applier, op: Operation) -> None:
    """insert / replace / repeal of a whole sentence (``sentence: N``)."""
    unit, path = _text_unit(ap, op)
    text = unit.text
    new = " ".join((op.new or "").split())
    if op.action in ("insert", "replace") and not new:
        raise ap.error(op, "the instruction quotes no new sentence")
    if op.action == "insert":
        spans = _sentences.spans(text)
        # -1: a new last sentence («дополнить предложением следующего содержания»)
        n = len(spans) + 1 if op.sentence == -1 else op.sentence or 0
        if n < 1 or n > len(spans) + 1:
            raise ap.error(
                op, f"a sentence {n} would leave a gap: the unit has {len(spans)} sentence(s)"
            )
        if n == len(spans) + 1:
            # «дополнить предложением»: after the last sentence, which must end as one.
            if not re.search(r"[.!?…][\"»”']?\s*$", text):
                raise ap.error(op, f"the unit's text does not end a sentence: «{text[-40:]}»")
            unit.text = text.rstrip() + " " + new
        else:
            a = spans[n - 1][0]
            unit.text = text[:a] + new + " " + text[a:]
    elif op.action == "replace":
        a, b = sentence_span(ap, op, text)
        unit.text = text[:a] + new + text[b:]
    else:  # repeal
        a, b = sentence_span(ap, op, text)
        rest = text[b:].lstrip()
        unit.text = (text[:a] + rest).rstrip() if rest else text[:a].rstrip()
        if not unit.text:
            raise ap.error(op, "repealing the sentence would leave the unit without text")
    ap.note(path, "changed")


def words_in_sentence(ap: _Applier, op: Operation) -> None:
    """A word operation inside sentence ``op.sentence`` of the target's own text."""
    from .amend import _insert_at_end, _splice, find_words

    unit, path = _text_unit(ap, op)
    text = unit.text
    a, b = sentence_span(ap, op, text)
    sentence = text[a:b]
    if op.action == "insert_words" and op.where == "end":
        sentence = _insert_at_end(sentence, op.new or "")
    else:
        found = find_words(sentence, op.old or "")
        if not found:
            raise ap.error(op, f"the words «{op.old}» are not in sentence {op.sentence}")
        if op.occurrence not in (None, "all"):
            k = int(op.occurrence) if str(op.occurrence).isdigit() else 0
            if not 1 <= k <= len(found):
                raise ap.error(op, f"occurrence {op.occurrence} of «{op.old}» not in the sentence")
            found = [found[k - 1]]
        for span in reversed(found):
            sentence = _splice(sentence, span, op)
    unit.text = text[:a] + sentence + text[b:]
    ap.note(path, "changed")


def in_capitals(text: str, field: str, op: Operation) -> bool:
    """Whether words are looked for in capitals: a heading or title the text bank prints in
    capital letters («ОТВЕТСТВЕННОСТЬ ЗА НАРУШЕНИЕ ЗАКОНА», targets/104140/ru.md) holds the
    words the instruction quotes in ordinary case («слово "Закона" заменить …»), and the
    new words are printed in capitals too. Not for a change of letter case itself.

    >>> op = Operation(act="T", target="chp_4__heading", action="substitute_words",
    ...                old="Закона", new="законодательства")
    >>> in_capitals("ОТВЕТСТВЕННОСТЬ ЗА НАРУШЕНИЕ ЗАКОНА", "heading", op)
    True
    >>> in_capitals("Уполномоченный орган", "heading", op)
    False
    """
    if field not in ("heading", "title") or not any(c.isalpha() for c in text):
        return False
    if (op.new or "").upper() == (op.old or "").upper():
        return False
    return text == text.upper() and (op.old or "") != (op.old or "").upper()


# ---------------------------------------------------------------------------------------
# Title, heading, preamble, table of contents, table rows
# ---------------------------------------------------------------------------------------


def title_op(ap: _Applier, op: Operation) -> None:
    """insert/replace/repeal of the act's title (words operations go through `words`)."""
    if op.action != "replace":
        raise ap.error(op, f"an act's title can only be replaced, not {op.action}")
    lines = [ln.strip() for ln in (op.new or "").split("\n") if ln.strip()]
    if not lines:
        raise ap.error(op, "the instruction quotes no new title")
    ap.act.title = " ".join(lines)
    ap.notes.add("", False, ap.amender, "replaced")


def heading_op(ap: _Applier, op: Operation) -> None:
    """insert / repeal of a unit's heading (replace is the applier's own)."""
    eid = op.target[: -len("__heading")]
    path = ap._target(op, eid)
    unit = path[-1]
    if unit.type not in _units.heading_types():
        raise ap.error(op, f"a {unit.type} has no heading")
    if op.action == "repeal":
        if not unit.heading:
            raise ap.error(op, f"{eid} has no heading to repeal")
        unit.heading = None
        ap.note(path, "repealed", heading=True)
        return
    if unit.heading:
        raise ap.error(op, f"{eid} already has a heading")
    text = " ".join((op.new or "").split())
    hit = _units.match_heading(text, ap.act.lang)
    if hit and hit[:2] == (unit.type, unit.num):
        text = text[len(hit[2]) :].strip().lstrip(".").strip()
    if not text:
        raise ap.error(op, "the instruction quotes no heading")
    unit.heading = text
    ap.note(path, "changed", heading=True)


def preamble_insert(ap: _Applier, op: Operation) -> None:
    """«дополнить преамбулой»: a preamble before the act's first unit."""
    from .amend import _blocks

    if any(u.type == "preamble" for u in ap.act.body):
        raise ap.error(op, "the act already has a preamble")
    blocks = _blocks(op.new or "")
    if not blocks:
        raise ap.error(op, "the instruction quotes no preamble")
    unit = Unit(type="preamble", num=None, eid="preamble", text=blocks[0])
    unit.children = [
        Unit(
            type="al",
            num=str(i + 2),
            eid=str(_eid.EId.of(("preamble", None), ("al", i + 2))),
            text=b,
        )
        for i, b in enumerate(blocks[1:])
    ]
    ap.act.body.insert(0, unit)
    ap.note([unit], "inserted", container=ap._act_type())


def toc_op(ap: _Applier, op: Operation) -> None:
    """«оглавление исключить» / «мазмұны алып тасталсын». The table of contents is not law
    text: the importer keeps it out of the tree (a repair it reports), so its repeal
    changes the act's status data only; any other change to it is a failure."""
    if op.action != "repeal":
        raise ap.error(op, f"a {op.action} of the table of contents: zan holds no toc to change")
    if "toc" in ap.act.status:
        raise ap.error(op, "the table of contents is already repealed")
    ap.act.status["toc"] = {"repealed_by": ap.amender.act_id, "in_force": str(ap.amender.in_force)}


def is_toc_entry(target: str) -> bool:
    """Whether a target is an entry of the table of contents (``toc__art_404__heading``).

    >>> is_toc_entry("toc__art_404__heading"), is_toc_entry("toc")
    (True, False)
    """
    segs = _eid.split(target)
    return len(segs) > 1 and segs[0] == "toc"


def toc_entry_op(ap: _Applier, op: Operation) -> None:
    """An entry of the table of contents (``toc__art_404__heading``: «в оглавлении: заголовок
    статьи 404 исключить», «мазмұнындағы 155 және 400-баптардың тақырыптары мынадай
    редакцияда жазылсын»). zan's table of contents is made from the headings of the tree (the
    importer keeps the text bank's one out of it), so the entry's change is recorded in the
    act's status data (``Act.status["toc_entries"]``, in order); the unit it names must be in
    the act, and an entry of a repealed table of contents is a failure."""
    unit_eid = _eid.join(*_eid.split(op.target)[1:])
    bare = unit_eid[: -len("__heading")] if unit_eid.endswith("__heading") else unit_eid
    ap._target(op, bare)  # the unit the entry names: a failure when the act lacks it
    if "toc" in ap.act.status:
        raise ap.error(op, "the table of contents is repealed: it has no entries to change")
    if op.action not in (
        "insert",
        "repeal",
        "replace",
        "substitute_words",
        "delete_words",
        "insert_words",
    ):
        raise ap.error(op, f"a {op.action} of an entry of the table of contents")
    entry = {"entry": unit_eid, "action": op.action}
    entry.update({k: getattr(op, k) for k in ("old", "new", "where") if getattr(op, k)})
    entry.update({"by": ap.amender.act_id, "in_force": str(ap.amender.in_force)})
    ap.act.status.setdefault("toc_entries", []).append(entry)


ROW_TARGET = _eid.TABLE_ROW_RE  # <unit>__table_N__row_M (generator/eid.py)
_SEPARATOR = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def _row_words(ap: _Applier, op: Operation, row: str, name: str) -> str:
    """``row`` with the operation's words changed at every place they stand (a row
    named by its number or by its text: ``name`` says which in the error)."""
    from .amend import _splice, find_words

    spans = find_words(row, op.old or "")
    if not spans:
        raise ap.error(op, f"the words «{op.old}» are not in {name}")
    for span in reversed(spans):
        row = _splice(row, span, op)
    return row


def table_op(ap: _Applier, op: Operation) -> None:
    """A row of a table (``annex_1__table_2__row_74``): the N-th table of the unit (in
    document order; the parser keeps a table as one block, a Markdown pipe table), its row
    M by number when the rows are numbered (the first cell), else by position (DESIGN.md).
    ``insert``/``replace`` take the row as a pipe row of as many cells as the table has;
    word operations work inside the row."""

    m = ROW_TARGET.match(op.target)
    if not m or (m["m"] is None) != bool(op.named):
        raise ap.error(op, f"a table target is {_eid.TABLE_ROW_FORM}")
    owner_eid, row_no = m["owner"] or "", m["m"]
    scope = list(ap._target(op, owner_eid)[-1].walk() if owner_eid else ap.act.walk())
    tables = [u for u in scope if u.text.lstrip().startswith("|")]
    where = owner_eid or "the act"
    if op.named:
        return named_row_op(ap, op, scope)
    if m["n"] is None:  # «строку 74 приложения 1»: the unit's one table
        if len(tables) != 1:
            raise ap.error(op, f"no table named, {where} has {len(tables)} table(s)")
        n = 1
    else:
        n = int(m["n"])
    if n < 1 or n > len(tables):
        raise ap.error(op, f"table {n} asked, {where} has {len(tables)} table(s)")
    table = tables[n - 1]
    lines = table.text.split("\n")
    if len(lines) < 2 or not _SEPARATOR.match(lines[1].strip()):
        raise ap.error(op, f"{table.eid} is not a table with a header row")
    head, rows = lines[:2], lines[2:]
    numbered = bool(rows) and all(re.fullmatch(r"\d+\.?", _cells(r)[0]) for r in rows)
    keys = [_cells(r)[0].rstrip(".") for r in rows] if numbered else None

    def index_of(num: str) -> int | None:
        if keys is not None:
            return keys.index(num) if num in keys else None
        k = int(num)
        return k - 1 if 1 <= k <= len(rows) else None

    at = index_of(row_no)
    width = len(_cells(head[0]))
    new_row = " ".join((op.new or "").split())
    if op.action in ("insert", "replace"):
        if not new_row.startswith("|") or len(_cells(new_row)) != width:
            raise ap.error(
                op, f"the new row must be a table row of {width} cells: «{new_row[:60]}»"
            )
    if op.action == "insert":
        if at is not None and keys is not None:
            raise ap.error(op, f"row {row_no} already exists in {table.eid}")
        if keys is not None:
            pos = sum(1 for k in keys if _eid.num_key(k) < _eid.num_key(row_no))
        else:
            pos = int(row_no) - 1
            if pos > len(rows):
                raise ap.error(op, f"row {row_no} would leave a gap: {table.eid} has {len(rows)}")
        rows.insert(pos, new_row)
    else:
        if at is None:
            raise ap.error(op, f"{table.eid} has no row {row_no}")
        if op.action == "repeal":
            del rows[at]
        elif op.action == "replace":
            rows[at] = new_row
        elif op.action in ("substitute_words", "delete_words", "insert_words"):
            rows[at] = _row_words(ap, op, rows[at], f"row {row_no}")
        else:
            raise ap.error(op, f"a {op.action} of a table row")
    table.text = "\n".join(head + rows)
    ap.note(ap._target(op, table.eid), "changed")


# ---------------------------------------------------------------------------------------
# Letter case
# ---------------------------------------------------------------------------------------


def case_op(ap: _Applier, op: Operation) -> None:
    """«слова "плана" изложить с прописной буквы»: the words → the same words in the new
    case, wherever the target holds them."""
    old, new = (op.old or "").strip(), (op.new or "").strip()
    if not old or not new:
        raise ap.error(op, "a letter-case change needs its words")
    if old.casefold() != new.casefold():
        raise ap.error(op, f"«{new}» is not «{old}» in another case")
    if old == new:
        raise ap.error(op, f"«{old}» is already in that case")
    ap.words(replace(op, action="substitute_words"))


# ---------------------------------------------------------------------------------------
# Renumbering and numbering style
# ---------------------------------------------------------------------------------------


def record_rename(ap: _Applier, old: str, new: str) -> None:
    """Record ``old`` → ``new`` in the act's renaming map for this amending act (and the
    units inside it follow their parent's new eId)."""
    ap.act.renamed.setdefault(ap.amender.act_id, {})[old] = new


def follow(renamed: dict[str, dict[str, str]], eid: str) -> str:
    """Where a unit cited by an older eId stands now: ``renamed`` is an act's renaming map
    (amending act → {old eId: new eId}, in the order applied); a unit inside a renamed one
    follows it (DESIGN.md «Unit IDs»: citations keep landing after a renumbering).

    >>> follow({"104392": {"art_12__al_3": "art_12__al_2"}}, "art_12__al_3__subpara_1")
    'art_12__al_2__subpara_1'
    >>> follow({"A": {"art_31": "art_32"}, "B": {"art_32": "art_33"}}, "art_31")
    'art_33'
    """
    for step in renamed.values():
        for old, new in step.items():
            if eid == old or eid.startswith(old + _eid.SEP):
                eid = new + eid[len(old) :]
                break
    return eid


def follow_own(ap: _Applier, target: str) -> str:
    """A later instruction of the same amending act that names a unit by the number this act
    renumbered lands on the renamed unit: «части первую, вторую, третью и четвертую обозначить
    соответственно пунктами "1.", "2.", "3." и "4."; в части первой: слова … исключить» (28794
    ru) changes ``art_7__para_1``. Only a target the act no longer has follows (an абзац
    ``al_1`` is its unit's own text: it follows once renamed); another is itself.

    >>> from types import SimpleNamespace as NS
    >>> from generator.parse import parse_markdown
    >>> act = parse_markdown("# T\\n\\n### Статья 7. {#art_7}\\n\\n1. а\\n\\n2. б\\n", "ru")
    >>> act.renamed = {"28794": {"art_7__al_1": "art_7__para_1"}}
    >>> ap = NS(act=act, amender=NS(act_id="28794"))
    >>> follow_own(ap, "art_7__al_1"), follow_own(ap, "art_7__para_2")
    ('art_7__para_1', 'art_7__para_2')
    """
    own = ap.act.renamed.get(ap.amender.act_id)
    if not own or target in ("", "*") or _eid.RANGE in target:
        return target
    base = target[: -len("__heading")] if target.endswith("__heading") else target
    if base in ap.act.index():
        return target
    return follow({ap.amender.act_id: own}, target)


def renumber_kind(ap: _Applier, op: Operation, record: bool = True) -> None:
    """A block that becomes a unit of another kind: «абзацы второй-пятый статьи 14 считать
    соответственно подпунктами 1)-4)» (14654 ru: ``art_14__al_2`` → ``art_14__subpara_1``),
    «части первую … обозначить соответственно пунктами "1." …» (28794 ru: ``art_7__al_1`` →
    ``art_7__para_1``). The unit takes its new kind, number and eId (its descendants follow)
    and its text the new kind's mark (units.yml ``block_marks``: «1) получать …»); the first
    абзац, its unit's own text, becomes the unit's first child. The renaming is recorded
    (``Act.renamed``) and the numbers of the other blocks do not change: each block stays
    one block."""
    from .amend import _reprefix

    new_eid = (op.new or "").strip()
    parent, (typ, num) = _eid.parent(op.target), _eid.last(op.target)
    new_typ, new_num = _eid.last(new_eid)
    new_num = new_num or ""
    mark = _units.block_number(new_typ, new_num)
    if mark is None:
        raise ap.error(op, f"a {new_typ} has no number of its own in its text")
    if ap.act.index().get(new_eid) is not None:
        raise ap.error(op, f"{new_eid} already exists")
    if typ == "al" and num == "1" and ap.act.find(op.target) is None:
        owner = ap._target(op, parent)[-1]
        if not owner.text or _units.block_number(owner.type, owner.num or "") is not None:
            raise ap.error(op, f"the first {typ} of {parent} is not a block of its own")
        if not _units.may_contain(owner.type, new_typ):
            raise ap.error(op, f"a {new_typ} cannot stand in {owner.type}")
        owner.children.insert(
            0, Unit(type=new_typ, num=new_num, eid=new_eid, text=owner.text, line=owner.line)
        )
        owner.text = ""
        path = ap._target(op, new_eid)
        unit = path[-1]
    else:
        path = ap._target(op)
        unit = path[-1]
        owner = path[-2] if len(path) > 1 else None
        if owner is not None and not _units.may_contain(owner.type, new_typ):
            raise ap.error(op, f"a {new_typ} cannot stand in {owner.type}")
        old_mark = _units.block_number(typ, unit.num or "")
        if old_mark and unit.text.startswith(old_mark):
            unit.text = unit.text[len(old_mark) :].lstrip()
        unit.type, unit.num = new_typ, new_num
        _reprefix(unit, op.target, new_eid)
    unit.text = f"{mark} {unit.text}"
    ap.notes.moved(op.target, new_eid)
    if record:
        record_rename(ap, op.target, new_eid)
    ap.note(path, "changed")


def join_renamed_kind(ap: _Applier, op: Operation, unit: Unit) -> None:
    """An абзац given a new wording numbered as its siblings became: «абзацы второй,
    четвертый, пятый считать соответственно подпунктами 1), 3), 4); абзац третий изложить в
    следующей редакции: "2) предоставлять …"» (14654 ru) makes ``art_15__al_3`` the subpoint
    ``art_15__subpara_2``, as the text reads. Only where this amending act renamed a block of
    the same unit into that kind, and the number is free; the renaming is recorded."""
    own = ap.act.renamed.get(ap.amender.act_id, {})
    parent = _eid.parent(unit.eid)
    kinds = {_eid.last(new)[0] for old, new in own.items() if _eid.parent(old) == parent}
    first = unit.text.split(maxsplit=1)[0] if unit.text.strip() else ""
    for kind in sorted(kinds):
        num = _units.block_mark_number(first, kind)
        if num is None:
            continue
        new_eid = _eid.join(parent, _eid.segment(kind, num))
        if ap.act.index().get(new_eid) is not None:
            return
        from .amend import _reprefix

        old_eid = unit.eid
        unit.type, unit.num = kind, num
        _reprefix(unit, old_eid, new_eid)
        ap.notes.moved(old_eid, new_eid)
        record_rename(ap, old_eid, new_eid)
        return


def renumber_batch(ap: _Applier, ops: list[Operation]) -> None:
    """Several renumberings of one instruction at once («статьи 31-33 считать статьями
    32-34»): the new numbers may be the old numbers of units renamed in the same batch."""
    sources = {op.target for op in ops}
    temps: list[tuple[Operation, str]] = []
    for i, op in enumerate(ops):
        new = (op.new or "").strip()
        if new in sources and new != op.target:
            # Move out of the way first: a temporary number no act carries.
            tmp = f"{op.target}-{900000 + i}"
            ap.renumber(replace(op, new=tmp), record=False)
            temps.append((op, tmp))
        else:
            ap.renumber(op)
    for op, tmp in temps:
        ap.renumber(replace(op, target=tmp), record=False)
        record_rename(ap, op.target, (op.new or "").strip())
        ap.notes.moved(tmp, (op.new or "").strip())


_WRITTEN_NUM = re.compile(r"(?<![^\W\d_])(\d+(?:-\d+)*|[IVXLCDMІХСМУY]+)(?![^\W\d_])")


def renumber_style(ap: _Applier, op: Operation) -> None:
    """«В главах цифры "I, II, III, IV" заменить цифрами "1, 2, 3, 4" соответственно»:
    the numbers as written in the labels of one kind of unit, pair by pair."""
    old = [x.strip() for x in (op.old or "").split(",") if x.strip()]
    new = [x.strip() for x in (op.new or "").split(",") if x.strip()]
    if not old or len(old) != len(new):
        raise ap.error(op, f"{len(old)} old number(s) and {len(new)} new one(s) do not pair")
    scope: list[Unit]
    if op.target == "*":
        scope = [u for u in ap.act.walk() if u.type in _units.heading_types()]
    else:
        scope = [u for u in ap._target(op)[-1].walk() if u.type in _units.heading_types()]

    def value(num: str) -> str | None:
        try:
            return _units.eid_number(num)
        except ValueError:
            return None

    def written(u: Unit) -> str | None:
        m = _WRITTEN_NUM.search(u.label_text or "")
        return m[1] if m else None

    def same(w: str | None, o: str) -> bool:
        # The same number in the same notation («IY» is «IV»; «1» is not «I»).
        arabic = re.fullmatch(_eid.NUM, o) is not None
        return (
            bool(w)
            and (re.fullmatch(_eid.NUM, w or "") is not None) == arabic
            and (value(w or "") == value(o))
        )

    by_type: dict[str, list[Unit]] = {}
    for typ in dict.fromkeys(u.type for u in scope):
        hits = []
        for o in old:
            match = [u for u in scope if u.type == typ and same(written(u), o)]
            if len(match) != 1:
                break
            hits.append(match[0])
        else:
            by_type[typ] = hits
    if len(by_type) != 1:
        kinds = ", ".join(sorted(by_type)) or "none"
        raise ap.error(
            op, f"the numbers «{op.old}» name one unit each in no single kind of unit ({kinds})"
        )
    ((typ, hits),) = by_type.items()
    for unit, n in zip(hits, new, strict=True):
        v = value(n)
        if v is None:
            raise ap.error(op, f"«{n}» is not a unit number")
        w = written(unit) or ""
        if re.fullmatch(_eid.NUM, n):
            unit.label_text = _units.label(unit.type, n, ap.act.lang)
        else:
            unit.label_text = (unit.label_text or "").replace(w, n, 1)
        if unit.num != v:
            old_eid = unit.eid
            new_eid = _eid.join(_eid.parent(old_eid), _eid.segment(unit.type, v))
            if ap.act.index().get(new_eid) is not None:
                raise ap.error(op, f"{new_eid} already exists")
            from .amend import _reprefix

            _reprefix(unit, old_eid, new_eid)
            unit.num = v
            record_rename(ap, old_eid, new_eid)
            ap.notes.moved(old_eid, new_eid)
        path = ap._target(op, unit.eid)
        ap.note(path, "changed")


# ---------------------------------------------------------------------------------------
# The act's status: repeal of the whole act, suspension
# ---------------------------------------------------------------------------------------


def _by(ap: _Applier) -> dict:
    a = ap.amender
    return {
        "by": a.act_id,
        "number": a.number,
        "adopted": a.date.isoformat(),
        "in_force": str(a.in_force),
    }


def repeal_act(ap: _Applier, op: Operation) -> None:
    """«признать утратившим силу Закон …»: the act's status, not its text; the act gets
    the note of notes.yml ``act_repealed``."""
    if op.target:
        raise ap.error(op, "the repeal of a whole act names no unit")
    if "repealed" in ap.act.status:
        raise ap.error(op, f"the act is already repealed by {ap.act.status['repealed']['by']}")
    from .amend import _entry, _instrument, note_formulas

    lang = ap.act.lang
    f = note_formulas()[lang]
    inst = _instrument(lang, ap.amender)
    kind = (ap.act.meta.get("doc_type") or "law") if isinstance(ap.act.meta, dict) else "law"
    gender = f["subject"].get(kind, {}).get("g", "m")
    note = f["act_repealed"].format(
        prefix=f["prefix"],
        issuer=inst.get("issuer", ""),
        entry=_entry(lang, ap.amender),
        closing=inst.get("one", ""),
        ins=inst.get("ins_one", ""),
        lost_force=f.get("lost_force", {}).get(gender, ""),
    )
    ap.act.status["repealed"] = {**_by(ap), "note": note}


def suspend(ap: _Applier, op: Operation) -> None:
    """«приостановить до … действие статей 13 и 37»: the units stay as they are; the act's
    status lists them with the period, and each gets its note."""
    units = [u.strip() for u in (op.old or "").split(",") if u.strip()]
    period = (op.new or "").strip()
    if not period:
        raise ap.error(op, "a suspension needs its period")
    paths = []
    for eid in units or ([op.target] if op.target else []):
        paths.append(ap._target(op, normal_target(eid)))
    if not paths:
        raise ap.error(op, "the suspension names no unit of the act")
    from .amend import until_text

    until_text(ap.act.lang, period)  # a period the note cannot state fails here
    ap.act.status.setdefault("suspended", []).append(
        {"units": [p[-1].eid for p in paths], "period": period, **_by(ap)}
    )
    for p in paths:
        ap.notes.add(p[-1].eid, False, ap.amender, "suspended", unit=p[-1], period=period)


def _fold(text: str) -> str:
    """Text compared by its letters only: case, spaces (glued words of the stored texts),
    marks and the Latin «i» the old Kazakh texts type for «і» do not count.

    >>> _fold("Кiрiстер,  всего") == _fold("КІРІСТЕР, ВСЕГО")
    True
    """
    return re.sub(r"[\W_]+", "", text.casefold().replace("i", "і"))


def named_row_op(ap: _Applier, op: Operation, scope: list) -> None:
    """A row named by its text (``annex_1__row``, ``named`` = the titles of the parts it
    stands under, then its own text: «в части "Доходы": в разделе I "…": по строке "…"
    цифру "4983800" заменить цифрой "824300"», 104422). The unit's blocks and the rows of
    its tables are read in document order; each title is the first line after the one
    before it whose first cell reads it (equal letters first, else containing them); the
    last is the row. Word operations work inside it, ``repeal`` removes it; where a new
    row goes among rows named by their text the instruction does not say (a failure)."""

    lines: list[tuple[object, int | None, str]] = []  # (unit, row index or None, first cell)
    for u in scope:
        text = u.text.strip()
        if not text.startswith("|"):
            lines.append((u, None, text))
            continue
        rows = text.split("\n")[2:]
        lines += [(u, k, _cells(r)[0] if _cells(r) else "") for k, r in enumerate(rows)]
    pos = 0
    found = None
    for label in op.named or []:
        want = _fold(label)
        after = lines[pos:]
        hit = next((k for k, x in enumerate(after) if _fold(x[2]) == want), None)
        if hit is None:
            hit = next((k for k, x in enumerate(after) if want and want in _fold(x[2])), None)
        if hit is None:
            prev = f" after «{found[2][:40]}»" if found else ""
            raise ap.error(op, f"no line reads «{label}»{prev}")
        found = after[hit]
        pos += hit + 1
    if op.action == "insert":
        raise ap.error(op, "where the new row goes among rows named by their text is not said")
    unit, k, _first = found  # type: ignore[misc]
    if k is None:
        raise ap.error(op, f"«{op.named[-1]}» is not a table row: «{unit.text[:60]}»")
    head, rows = unit.text.split("\n")[:2], unit.text.split("\n")[2:]
    if op.action == "repeal":
        del rows[k]
    elif op.action in ("substitute_words", "delete_words", "insert_words"):
        rows[k] = _row_words(ap, op, rows[k], f"the row «{op.named[-1]}»")
    else:
        raise ap.error(op, f"a {op.action} of a row named by its text")
    unit.text = "\n".join(head + rows)
    ap.note(ap._target(op, unit.eid), "changed")


def replace_range(ap: _Applier, op: Operation, eids: list) -> None:
    """``replace`` of a range with one wording («подпункты 3) - 5) изложить …», «части первую и
    вторую статьи 75 изложить …» over one paragraph, 104392): the wording is split among the
    units at their labels when it shows them («3) …», «4) …», «Статья 9.»); else the first
    unit takes the whole wording and the others are repealed (their places close up when the
    same act renumbers the next unit into them: «часть третью считать частью второй»)."""
    from generator.formulas.reader import split_any

    targets = [str(e) for e in eids]
    parts = split_any(op.new or "", targets)
    if parts is not None and len(parts) == len(targets):
        for t, p in zip(targets, parts, strict=True):
            ap._dispatch(replace(op, target=t, new=p))
        return
    ap._dispatch(replace(op, target=targets[0]))
    for t in targets[1:]:
        ap._dispatch(replace(op, target=t, action="repeal", new=None))


def append_blocks(ap: _Applier, op: Operation) -> None:
    """New unnumbered абзацы at the end of a unit (``insert`` with ``where: end``: «статью 21
    дополнить абзацами следующего содержания:»): they take the next ``al_N`` of the unit, after
    its last block. On a part (``art_2__al_1``: «часть первую дополнить абзацами») they
    follow its own абзацы — a part ending in «:» holds the blocks after it that end in «;»
    and the first that does not (``part_block``'s rule) — and the blocks after them move on.
    Fails when the unit is not in the act, or holds units other than blocks (points: where
    the new абзацы go among them is not said)."""
    parent_eid, typ, num = _split_target(op.target)
    if typ == "al" and num and num.isdigit():
        owner = ap._target(op, parent_eid)[-1]
        blocks = [owner.text] + [c.text for c in owner.children if c.type == "al"]
        k = int(num)
        if k > len(blocks):
            raise ap.error(op, f"{parent_eid} has {len(blocks)} block(s), no part {k}")
        end = k
        if blocks[k - 1].rstrip().endswith(":"):
            while end < len(blocks) and blocks[end - 1].rstrip().endswith((":", ";")):
                end += 1
        holder = parent_eid
    else:
        owner = ap._target(op)[-1]
        others = sorted({c.type for c in owner.children if c.type != "al"})
        if others:
            raise ap.error(
                op, f"{op.target} holds {', '.join(others)}: where the new blocks go is not said"
            )
        end = 1 + len(owner.children)
        holder = op.target
    ap._dispatch(replace(op, target=f"{holder}__al_{end + 1}", where=None))


def _split_target(target: str) -> tuple[str, str, str | None]:
    """(parent eId, type, number) of an eId's last segment.

    >>> _split_target("art_2__al_1")
    ('art_2', 'al', '1')
    """
    parent, _, last = target.rpartition("__")
    typ, _, num = last.partition("_")
    return parent, typ, num or None


def resolve_last(ap: _Applier, op: Operation, target: str) -> str:
    """«the last абзац» (``art_21__al_-1``: «21-баптың соңғы абзацы», «последний абзац») is
    the unit's last block in the act as amended so far (docs/operations.md); a target
    without it is itself."""
    if not target.endswith("__al_-1"):
        return target
    parent = target[: -len("__al_-1")]
    owner = ap._target(op, parent)[-1]
    blocks = [c for c in owner.children if c.type == "al"]
    if len(blocks) != len(owner.children):
        raise ap.error(op, f"{parent} holds units other than blocks: its last block is not one")
    return f"{parent}__al_{len(blocks) + 1}" if blocks else f"{parent}__al_1"
