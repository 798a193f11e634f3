"""kk ↔ ru agreement of one amending act read independently in both languages (issue 13,
item 6).

The Kazakh and the Russian texts of an amending act are both official (Law «On legal acts»
No. 480-V, art. 21: the texts in the state and the Russian languages have equal force),
so read independently they must change the same units the same way. Two operations agree
when they name the same cited act (by its position in the act), the same target and the
same action:

- operations on units (``insert``, ``replace``, ``repeal``, ``renumber``, ``repeal_act``,
  ``suspend``) are compared as a multiset: one language repealing a unit twice is a
  difference;
- words operations (``substitute_words``, ``insert_words``, ``delete_words``, ``case``)
  are compared as a set per target and action: Kazakh names each case form of a word
  («"тiркеудiң", "тiркеу", "тiркелген" деген сөздер») where Russian names one
  («слово "регистрации"»), and paired replacements («соответственно» / «тиісінше») list
  as many pairs as each language's grammar needs, so the number of words operations on
  one unit is the languages' own, not a reading of the instruction.

What is left is a :class:`Difference`. A difference the two official texts really have
(one language rewrites the end of a unit, the other only adds; different ordinals for the
same paragraph) is listed, with both quotes and the reason, in
``generator/grammar/real-differences.yml`` (:func:`real_differences`); the report
shows it as a real difference, not as a disagreement. Never a reading error.

>>> from generator.model import Operation as O
>>> kk = [O("А", "art_1", "substitute_words", old="а", line=3),
...       O("А", "art_1", "substitute_words", old="б", line=3)]
>>> ru = [O("А", "art_1", "substitute_words", old="в", line=4)]
>>> compare(kk, ru)
[]
>>> [(d.kind, d.target) for d in compare(kk, [O("А", "art_1", "repeal", line=4)])]
[('action', 'art_1')]
>>> strict = compare(kk, [O("А", "art_1", "delete_words", line=4)], strict=True)
>>> [(d.kind, d.target) for d in strict]
[('action', 'art_1')]
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.amend_units import normal_target
from generator.formulas.amender import LangOnly
from generator.formulas.reader import Result
from generator.model import Operation

WORDS_ACTIONS = frozenset({"substitute_words", "insert_words", "delete_words", "case"})
WORDS = "words"
REAL_FILE = Path(__file__).resolve().parent.parent / "grammar" / "real-differences.yml"


@dataclass
class Difference:
    """Operations of one act on one target that the other language does not have.

    ``kind`` is ``only_kk``, ``only_ru`` or ``action`` (same target, other action);
    ``kk_line``/``ru_line`` are the lines of the instructions in each language (for an
    operation in one language only, the other language's instruction of the same item of
    the amending act, 0 if none); ``real`` the reason when the difference is listed as a
    real one of the two texts.
    """

    kind: str
    act_index: int | str
    target: str
    kk: list[Operation]
    ru: list[Operation]
    kk_line: int = 0
    ru_line: int = 0
    kk_source: str = ""
    ru_source: str = ""
    real: str = ""
    unread: str = ""  # the language whose instruction of the same item was not read

    def key(self) -> tuple[int, int, str, str]:
        """What identifies the difference in the list of real ones: both lines, the
        target and the kind."""
        return (self.kk_line, self.ru_line, self.target, self.kind)

    def actions(self, lang: str) -> list[str]:
        """The distinct actions of this language's operations, in order."""
        return list(dict.fromkeys(o.action for o in (self.kk if lang == "kk" else self.ru)))


def action_class(action: str, strict: bool = False) -> str:
    """The action as the agreement check compares it: every words operation is one class
    (``words``) unless ``strict``.

    >>> action_class("delete_words"), action_class("delete_words", True), action_class("repeal")
    ('words', 'delete_words', 'repeal')
    """
    if action in WORDS_ACTIONS:
        return action if strict else WORDS
    return action


def _act_index(items: Sequence, keys: dict[tuple, str] | None = None) -> list:
    """The cited act of each operation, as both languages can name it: the item of the
    amending act that cites it where known (``keys``: (title, date) → item; an act one
    language does not read shifts no other act), else its position among the acts the
    operations cite."""
    seen: dict[tuple, int] = {}
    out: list = []
    for o in items:
        k = (o.act, o.act_date)
        out.append(keys[k] if keys and k in keys else seen.setdefault(k, len(seen)))
    return out


def _act_keys(res: Result, other: Result) -> dict[tuple, str]:
    """(title, date) → the item of the amending act that cites it, for the acts whose item
    names only them in both languages (an item citing several acts, a repeal list, an item
    the other language numbers otherwise keep positions)."""

    def items(r: Result) -> dict[str, set]:
        by_item: dict[str, set] = defaultdict(set)
        for a in r.amender.acts:
            by_item[a.item].add((a.title, a.date))
        return by_item

    mine, theirs = items(res), items(other)
    out: dict[tuple, str] = {}
    for a in res.amender.acts:
        if a.item and len(mine[a.item]) == 1 and len(theirs.get(a.item, ())) == 1:
            out.setdefault((a.title, a.date), f"item {a.item}")
    return out


def _target(o: Operation | LangOnly) -> str:
    return normal_target(o.target)


def compare(
    ops_kk: Sequence[Operation],
    ops_ru: Sequence[Operation],
    lang_only_kk: Sequence[LangOnly] = (),
    lang_only_ru: Sequence[LangOnly] = (),
    *,
    strict: bool = False,
    act_keys: tuple[dict, dict] | None = None,
) -> list[Difference]:
    """The differences between the kk and ru operations of one amending act (see the
    module's docstring); an operation in one language only is excused where the other
    language records that the instruction changes only this language («орыс тіліндегі
    мәтін өзгертілді, қазақ тіліндегі мәтін өзгермейді»)."""
    keys_kk, keys_ru = act_keys or (None, None)
    idx_kk = _act_index(list(ops_kk) + list(lang_only_kk), keys_kk)
    idx_ru = _act_index(list(ops_ru) + list(lang_only_ru), keys_ru)
    excused = {
        "kk": {(idx_ru[len(ops_ru) + j], _target(m)) for j, m in enumerate(lang_only_ru)},
        "ru": {(idx_kk[len(ops_kk) + j], _target(m)) for j, m in enumerate(lang_only_kk)},
    }
    # a one-language-only record that names no unit («1) внесены изменения в текст на
    # государственном языке, текст на русском языке не изменяется;», 40358 ru) is the whole
    # item of the amending act: the other language's operations of that item
    whole_item = {
        "kk": {
            (idx_ru[len(ops_ru) + j], m.item)
            for j, m in enumerate(lang_only_ru)
            if not m.target and m.item
        },
        "ru": {
            (idx_kk[len(ops_kk) + j], m.item)
            for j, m in enumerate(lang_only_kk)
            if not m.target and m.item
        },
    }
    # per (act, target): the operations of each language, by action
    per: dict[tuple, dict[str, dict[str, list[Operation]]]] = defaultdict(
        lambda: {"kk": defaultdict(list), "ru": defaultdict(list)}
    )
    order: list[tuple] = []
    for lang, ops, idx in (("kk", ops_kk, idx_kk), ("ru", ops_ru, idx_ru)):
        for o, a in zip(ops, idx, strict=False):
            k = (a, _target(o))
            if k not in per:
                order.append(k)
            per[k][lang][action_class(o.action, strict)].append(o)
    out: list[Difference] = []
    for k in order:
        got = per[k]
        left: dict[str, list[Operation]] = {"kk": [], "ru": []}
        for action in dict.fromkeys([*got["kk"], *got["ru"]]):
            kk, ru = got["kk"].get(action, []), got["ru"].get(action, [])
            if action == WORDS or action in WORDS_ACTIONS:
                if not kk or not ru:
                    left["kk"] += kk
                    left["ru"] += ru
                continue
            n = min(len(kk), len(ru))
            left["kk"] += kk[n:]
            left["ru"] += ru[n:]
        for lang in ("kk", "ru"):
            if left[lang] and _inside(k, excused[lang]):
                left[lang] = []
            left[lang] = [o for o in left[lang] if (k[0], o.item) not in whole_item[lang]]
        if not left["kk"] and not left["ru"]:
            continue
        kind = "action" if left["kk"] and left["ru"] else ("only_kk" if left["kk"] else "only_ru")
        d = Difference(kind, k[0], k[1], left["kk"], left["ru"])
        out.append(d)
    _fill_quotes(out, ops_kk, ops_ru)
    return out


def _inside(key: tuple, excused: set[tuple]) -> bool:
    """Whether the target of ``key`` (cited act, target) is a unit the other language records
    as changed in this language only, or a unit inside one: «1) внесены изменения в текст
    статьи 261 на казахском языке, текст на русском языке не изменяется;» (91690 ru line 7)
    excuses the Kazakh «261-баптың 1 және 2-тармақтарындағы … ауыстырылсын» of the same line.

    >>> _inside((0, "art_261__para_1"), {(0, "art_261")}), _inside((0, "art_26"), {(0, "art_261")})
    (True, False)
    """
    act, target = key
    return any(a == act and (target == t or target.startswith(t + "__")) for a, t in excused)


def _fill_quotes(
    diffs: list[Difference], ops_kk: Sequence[Operation], ops_ru: Sequence[Operation]
) -> None:
    """Each language's instruction of a difference, from its own operations (the other
    language's, where it has none, is found by :func:`compare_results`)."""
    for d in diffs:
        for lang, own in (("kk", d.kk), ("ru", d.ru)):
            if own:
                setattr(d, f"{lang}_line", own[0].line)
                setattr(d, f"{lang}_source", own[0].source)


def compare_results(res_kk: Result, res_ru: Result) -> list[Difference]:
    """:func:`compare` of an act's two readings; a difference whose operations stand in one
    language only, where the other language's instruction of the same item of the amending
    act was not read, is marked ``unread`` (that instruction is counted as not read: the
    check cannot judge what one language did not read).

    >>> from generator.formulas.reader import read_text
    >>> d = "../shared/realworld/amendments/10766/"
    >>> r = {x: read_text(open(d + x + ".md").read(), x) for x in ("kk", "ru")}
    >>> [(x.target, x.unread) for x in compare_results(r["kk"], r["ru"]) if x.unread]
    [('art_37__al_2', 'kk')]
    """
    diffs = compare(
        res_kk.amender.operations,
        res_ru.amender.operations,
        res_kk.amender.not_for_this_language,
        res_ru.amender.not_for_this_language,
        act_keys=(_act_keys(res_kk, res_ru), _act_keys(res_ru, res_kk)),
    )
    unread = {
        lang: [r for r in res.readings if r.reason]
        for lang, res in (("kk", res_kk), ("ru", res_ru))
    }

    def not_read(lang: str, o: Operation) -> bool:
        # the same item, or (where the two texts number their items otherwise) an
        # instruction not read within a few lines: the texts keep their lines nearly aligned
        return any(r.item == o.item or abs(r.line - o.line) <= 6 for r in unread[lang])

    readings = {
        lang: [r for r in res.readings if r.kind == "instruction"]
        for lang, res in (("kk", res_kk), ("ru", res_ru))
    }
    on_line: dict[str, dict[int, list[str]]] = {"kk": defaultdict(list), "ru": defaultdict(list)}
    for lang, res in (("kk", res_kk), ("ru", res_ru)):
        for o in res.amender.operations:
            on_line[lang][o.line].append(_target(o))
    for d in diffs:
        for lang, own in (("kk", d.ru), ("ru", d.kk)):
            if not getattr(d, f"{lang}_line") and own:
                # no operation of this language on the target: its instruction of the same
                # item of the amending act, the one nearest by line (the two texts keep
                # their lines nearly aligned)
                same = [r for r in readings[lang] if r.item == own[0].item] or [
                    # an item the other language numbers otherwise («13. 1-тармақта:» /
                    # «13. В статье 17: 1) в пункте 1:», 3906): the nearest instruction
                    r
                    for r in readings[lang]
                    if abs(r.line - own[0].line) <= 4
                ]
                if same:
                    # the instruction that works in the difference's units first («соңғы
                    # абзацтағы … толықтырылсын» / «дополнить абзацами» of the same point,
                    # not the instruction before it), then the nearest by line
                    near = _shared_depth(d.target, on_line[lang])
                    mine = set(on_line["ru" if lang == "kk" else "kk"].get(own[0].line, []))

                    def rank(r, near=near, mine=mine, at=own[0].line, theirs=on_line[lang]):
                        # the same other units changed («4) тармақшадағы … ауыстырылып,
                        # мынадай мазмұндағы 5), 6), 7) және 8) тармақшалармен» / «дополнить
                        # подпунктами 5), 6), 7) и 8)», 55500), then the deepest shared
                        # units, then the nearest line
                        both = len(mine & set(theirs.get(r.line, [])))
                        return (-both, -near(r.line), abs(r.line - at), r.line)

                    r = min(same, key=rank)
                    setattr(d, f"{lang}_line", r.line)
                    setattr(d, f"{lang}_source", r.sentence)
        for lang, own in (("kk", d.ru), ("ru", d.kk)):
            if d.kind == f"only_{'ru' if lang == 'kk' else 'kk'}" and any(
                not_read(lang, o) for o in own
            ):
                d.unread = lang
    return diffs


def _shared_depth(target: str, on_line: dict[int, list[str]]):
    """How many outer units of ``target`` the operations of a line share with it, at most.

    >>> _shared_depth("art_18__para_4__al_-1", {9: ["art_18__para_4__al_9"], 11: ["art_18__para_4"]})(11)
    2
    """
    mine = target.split("__")

    def depth(line: int) -> int:
        best = 0
        for t in on_line.get(line, []):
            k = 0
            for a, b in zip(mine, t.split("__"), strict=False):
                if a != b:
                    break
                k += 1
            best = max(best, k)
        return best

    return depth


@functools.cache
def _real_data() -> dict:
    from generator.datafile import load_data

    return load_data(REAL_FILE) or {}


def real_differences() -> dict[str, list[dict]]:
    """The listed real differences by amending act folder name (``real-differences.yml``).

    >>> real_differences()["45378"][0]["target"]
    'art_25__para_1__subpara_5'
    """
    out: dict[str, list[dict]] = defaultdict(list)
    for entry in _real_data().get("differences", []):
        out[str(entry["act"])].append(entry)
    return dict(out)


def entry_key(entry: dict) -> tuple[int, int, str, str]:
    """The key of a listed real difference (as :meth:`Difference.key`)."""
    return (int(entry["kk"]["line"]), int(entry["ru"]["line"]), entry["target"], entry["kind"])


def mark_real(act: str, diffs: list[Difference]) -> list[dict]:
    """Mark the differences of ``act`` listed as real (``Difference.real`` = the reason);
    return the listed entries that no difference matched (a listed difference that
    disappeared)."""
    listed = {entry_key(e): e for e in real_differences().get(act, [])}
    seen = set()
    for d in diffs:
        e = listed.get(d.key())
        if e is not None:
            d.real = e["reason"]
            seen.add(d.key())
    return [e for k, e in listed.items() if k not in seen]
