"""Diff stage: a structure-aware, word-level diff between two `Act`s.

Two modes (DESIGN.md, `zan diff`):

- ``versions``: two versions of one act. Units are matched by eId (a renumbering from the
  amendment stage, old eId → new eId, is followed); each pair is diffed word by word.
- ``acts``: two different acts (a draft law and the law as enacted). eIds mean nothing
  there: articles are paired one-to-one by heading and text similarity (a global optimal
  assignment, the Hungarian algorithm, with a threshold below which nothing is paired),
  then their points and subpoints are paired the same way inside each pair.

The word diff maps every word, whitespace run and punctuation mark to one character (the
linesToChars trick of diff-match-patch, on words), runs diff-match-patch on those
characters without a timeout (``Diff_Timeout = 0``; the input is bounded instead, see
`MAX_TOKENS`), cleans it up semantically and maps it back: the edits are always whole
words. A pair whose texts share almost nothing is flagged ``dissimilar`` and shown as
deleted/inserted whole; a pair that shares most of its words but whose diff still says
"delete everything, insert everything" is flagged ``degenerate`` and the output forms
(`generator.redline`) refuse to publish it.

>>> from generator.parse import parse_markdown
>>> old = parse_markdown("# T\\n\\n### 1-бап. Мақсаты {#art_1}\\n\\n1. Бірінші сөз.\\n", "kk")
>>> new = parse_markdown("# T\\n\\n### 1-бап. Мақсаты {#art_1}\\n\\n1. Екінші сөз.\\n", "kk")
>>> d = diff_acts(old, new)
>>> [(p.new, p.status, p.words) for p in d.pairs if p.status != "same"]
[('art_1__para_1', 'changed', [('=', '1. '), ('-', 'Бірінші'), ('+', 'Екінші'), ('=', ' сөз.')])]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from diff_match_patch import diff_match_patch

from . import eid as _eid
from . import units as _units
from .letters import SIMILARITY_FOLD
from .model import CONTAINER_TYPES, LABELS, Act, Unit

STATUSES = ("same", "changed", "inserted", "repealed", "moved")
MODES = ("versions", "acts")

# Bound on the tokens of one side of one unit pair, after the common prefix and suffix are
# stripped (diff-match-patch runs without a timeout, so the input must be bounded).
MAX_TOKENS = 6000
# Below this word-set similarity a versions-mode pair is `dissimilar` (reported, not diffed).
DISSIMILAR_BELOW = 0.15
# Acts mode: below this similarity two units are never paired.
PAIR_THRESHOLD = 0.25
# Acts mode: whatever the headings, texts less similar than this are never paired.
MIN_TEXT_SIMILARITY = 0.1
# Acts mode: units between two ordered pairs pair in order down to this similarity.
GAP_THRESHOLD = 0.05
# Degenerate: the texts share at least this share of the shorter side's words …
DEGENERATE_SHARED = 0.5
# … but the diff keeps at most this share of the shared words as equal.
DEGENERATE_KEPT = 0.1

TOKEN_RE = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
WORD_RE = re.compile(r"\w+", re.UNICODE)
# Latin letters that stand for Cyrillic ones in damaged sources (similarity only).
_FOLD = SIMILARITY_FOLD
STEM = 6  # similarity compares words by their first STEM letters (suffixes vary)


class DiffError(ValueError):
    """A diff that cannot be computed or must not be published."""


class DiffTooLarge(DiffError):
    """A unit pair exceeds `MAX_TOKENS` after its common prefix and suffix are removed."""


class DegenerateDiff(DiffError):
    """A diff flagged ``degenerate`` was about to be published."""


@dataclass
class UnitDiff:
    """One unit pair of a diff: eIds (or None), status, word diff, labels and flags.

    ``words`` is a list of ``(op, text)`` with op ``=``, ``+`` or ``-``; joined, the ``=``
    and ``-`` parts give the old text and the ``=`` and ``+`` parts the new one.

    >>> UnitDiff("art_9", "art_15", "moved", [("=", "Жария")], "9-бап", "15-бап").label
    '9-бап → 15-бап'
    """

    old: str | None
    new: str | None
    status: str
    words: list[tuple[str, str]]
    old_label: str = ""
    new_label: str = ""
    flags: list[str] = field(default_factory=list)
    similarity: float | None = None

    @property
    def label(self) -> str:
        """«old → new» when the unit moved, else the one label."""
        if self.old and self.new and self.old_label != self.new_label:
            return f"{self.old_label} → {self.new_label}"
        return self.new_label or self.old_label

    @property
    def key(self) -> str:
        """The eId that names the pair (the new one when there is one)."""
        return self.new or self.old or ""


@dataclass
class ActDiff:
    """The diff of two acts: unit pairs in reading order and a summary.

    ``summary`` has the count of pairs per status, ``words_in`` / ``words_out`` (words
    inserted / deleted) and the count per flag.

    >>> d = ActDiff([UnitDiff("art_9", "art_15", "moved", [("=", "x")])], "kk", "acts")
    >>> d.moved(), d.changes()[0].key
    ([('art_9', 'art_15')], 'art_15')
    """

    pairs: list[UnitDiff]
    lang: str
    mode: str
    old_title: str = ""
    new_title: str = ""
    summary: dict = field(default_factory=dict)

    def changes(self) -> list[UnitDiff]:
        """The pairs whose status is not ``same``."""
        return [p for p in self.pairs if p.status != "same"]

    def moved(self) -> list[tuple[str, str]]:
        """(old eId, new eId) of the pairs that moved, in reading order."""
        return [(p.old, p.new) for p in self.pairs if p.status == "moved"]  # type: ignore[misc]


# --------------------------------------------------------------------------- words


def tokenize(text: str) -> list[str]:
    """Split text into words, whitespace runs and single punctuation marks.

    >>> tokenize("1) мемлекеттік қызмет;")
    ['1', ')', ' ', 'мемлекеттік', ' ', 'қызмет', ';']
    """
    return TOKEN_RE.findall(text)


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def _fold_word(w: str) -> str:
    return w.lower().translate(_FOLD)[:STEM]


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the (folded, stemmed) word sets of two texts, 0…1.

    >>> similarity("мемлекеттік қызмет", "мемлекеттік қызметтер")
    1.0
    """
    sa = {_fold_word(w) for w in _words(a)}
    sb = {_fold_word(w) for w in _words(b)}
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


# Private-use planes: characters that are neither letters nor spaces, so the semantic
# cleanup scores every token boundary alike. Token k is chr(_code(k)); `_index` inverts it.
_PUA = (0xE000, 0xF900)
_PLANE15 = (0xF0000, 0xFFFFE)
_PLANE16 = (0x100000, 0x10FFFE)
_MAX_DISTINCT = sum(hi - lo for lo, hi in (_PUA, _PLANE15, _PLANE16))


def _code(k: int) -> int:
    for lo, hi in (_PUA, _PLANE15, _PLANE16):
        if k < hi - lo:
            return lo + k
        k -= hi - lo
    raise DiffTooLarge(f"more than {_MAX_DISTINCT} distinct tokens")


def _tokens_to_chars(a: list[str], b: list[str]) -> tuple[str, str, list[str]]:
    table: dict[str, str] = {}
    back: list[str] = []

    def enc(tokens: list[str]) -> str:
        out = []
        for t in tokens:
            c = table.get(t)
            if c is None:
                c = chr(_code(len(back)))
                table[t] = c
                back.append(t)
            out.append(c)
        return "".join(out)

    return enc(a), enc(b), back


_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0
_OPS = {diff_match_patch.DIFF_EQUAL: "=", diff_match_patch.DIFF_INSERT: "+"}
_OPS[diff_match_patch.DIFF_DELETE] = "-"


def _common(a: list[str], b: list[str]) -> tuple[int, int]:
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    s = 0
    while s < n - p and a[-1 - s] == b[-1 - s]:
        s += 1
    return p, s


def _merge(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join runs of one op; within a change, deletions come before insertions."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        if words[i][0] == "=":
            text = words[i][1]
            i += 1
            while i < len(words) and words[i][0] == "=":
                text += words[i][1]
                i += 1
            if text:
                out.append(("=", text))
            continue
        dels, ins = "", ""
        while i < len(words) and words[i][0] != "=":
            if words[i][0] == "-":
                dels += words[i][1]
            else:
                ins += words[i][1]
            i += 1
        if dels:
            out.append(("-", dels))
        if ins:
            out.append(("+", ins))
    return out


def _raw_word_diff(a: str, b: str, semantic: bool) -> list[tuple[str, str]]:
    ta, tb = tokenize(a), tokenize(b)
    p, s = _common(ta, tb)
    mid_a, mid_b = ta[p : len(ta) - s], tb[p : len(tb) - s]
    if max(len(mid_a), len(mid_b)) > MAX_TOKENS:
        raise DiffTooLarge(
            f"{max(len(mid_a), len(mid_b))} tokens differ (bound {MAX_TOKENS}): "
            f"{a[:60]!r} / {b[:60]!r}"
        )
    ca, cb, back = _tokens_to_chars(mid_a, mid_b)
    diffs = _DMP.diff_main(ca, cb, False)
    if semantic:
        _DMP.diff_cleanupSemantic(diffs)
    words: list[tuple[str, str]] = [("=", "".join(ta[:p]))]
    for op, chars in diffs:
        words.append((_OPS[op], "".join(back[_index(ord(c))] for c in chars)))
    words.append(("=", "".join(ta[len(ta) - s :])))
    return _merge(words)


def _index(code: int) -> int:
    if code < 0xF900:
        return code - 0xE000
    if code < 0x100000:
        return 0xF900 - 0xE000 + code - 0xF0000
    return 0xF900 - 0xE000 + 0xFFFFE - 0xF0000 + code - 0x100000


def is_degenerate(old: str, new: str, words: list[tuple[str, str]]) -> bool:
    """Whether a diff deletes and reinserts (nearly) everything though the texts share
    most of their words.

    >>> a, b = "бір екі үш төрт бес", "бір екі үш төрт алты"
    >>> is_degenerate(a, b, [("-", a), ("+", b)]), is_degenerate(a, b, word_diff(a, b))
    (True, False)
    """
    wa, wb = _words(old), _words(new)
    if not wa or not wb:
        return False
    shared = sum((Counter(wa) & Counter(wb)).values())
    if shared < 3 or shared < DEGENERATE_SHARED * min(len(wa), len(wb)):
        return False
    kept = sum(len(_words(t)) for op, t in words if op == "=")
    return kept <= DEGENERATE_KEPT * shared


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level diff of two texts: a list of ``(op, text)``, op in ``= + -``.

    Edits are whole words (and the spaces and marks between them). When the semantic
    cleanup swallows a diff whose texts share most words, the plain minimal diff is used.

    >>> word_diff("көрсетілетін қызмет", "көрсетілетін мемлекеттік қызмет")
    [('=', 'көрсетілетін '), ('+', 'мемлекеттік '), ('=', 'қызмет')]
    """
    if old == new:
        return [("=", old)] if old else []
    words = _raw_word_diff(old, new, semantic=True)
    if is_degenerate(old, new, words):
        words = _drop_blank_equalities(_raw_word_diff(old, new, semantic=False))
    return words


def _drop_blank_equalities(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold equalities between two edits that hold no word (a space, a comma) into them."""
    out: list[tuple[str, str]] = []
    for k, (op, text) in enumerate(words):
        inner = 0 < k < len(words) - 1
        if op == "=" and inner and not WORD_RE.search(text):
            out += [("-", text), ("+", text)]
        else:
            out.append((op, text))
    return _merge(out)


def char_diff(old: str, new: str) -> list[tuple[str, str]]:
    """diff-match-patch in character mode with its semantic cleanup (for comparison).

    >>> char_diff("қызмет", "қызметтер")
    [('=', 'қызмет'), ('+', 'тер')]
    """
    diffs = _DMP.diff_main(old, new, False)
    _DMP.diff_cleanupSemantic(diffs)
    return [(_OPS[op], t) for op, t in diffs]


# --------------------------------------------------------------------------- units


def own_text(unit: Unit) -> str:
    """The text a unit owns: its heading (without its number) and its first block.

    >>> own_text(Unit(type="art", num="9", eid="art_9", heading="Жария талқылау", text=""))
    'Жария талқылау'
    """
    return "\n".join(t for t in (unit.heading, unit.text) if t)


def _subtree_text(unit: Unit) -> str:
    return " ".join(own_text(u) for u in unit.walk())


# Abbreviated labels of the redline (generator/grammar/units.yml).
_RU_ABBR = _units.data()["languages"]["ru"]["abbreviations"]
_KK = {**LABELS["kk"], **_units.data()["languages"]["kk"]["abbreviations"]}


def _range_label(tmpl: str, first: str, last: str) -> str:
    """«{num}) тармақша» with 3..5 → «3)–5) тармақша»: the number part written twice."""
    head, _, tail = tmpl.partition("{num}")
    mark = tail.split(" ", 1)[0] if tail.startswith(")") else ""
    return f"{head}{first}{mark}–{last}{tail}".strip()


@lru_cache(maxsize=1 << 16)
def unit_label(eid: str, lang: str) -> str:
    """A unit's label as a lawyer writes it: kk from the outside in, ru from the inside out.

    >>> unit_label("art_15__para_2", "kk"), unit_label("art_15__para_2__subpara_1", "ru")
    ('15-бап 2-тармақ', 'подп. 1) п. 2 ст. 15')
    >>> unit_label("art_2__para_1__subpara_3..5", "kk"), unit_label("*", "ru")
    ('2-бап 1-тармақ 3)–5) тармақша', 'весь текст')
    """
    if eid == "*":  # DESIGN.md: the whole text
        return LABELS[lang]["whole_text"]
    parts = []
    for typ, num in (_eid.last(seg) for seg in _eid.split(eid)):
        table = _KK if lang == "kk" else _RU_ABBR
        tmpl = table.get(typ, typ + " {num}")
        if num and ".." in num:  # a range of DESIGN.md («3) - 5)» → subpara_3..5)
            parts.append(_range_label(tmpl, *num.split("..", 1)))
        else:
            parts.append(tmpl.format(num=num or "").strip())
    if lang == "kk":
        return " ".join(parts)
    label = " ".join(reversed(parts))
    return (
        label[:1].upper() + label[1:]
        if len(parts) == 1 and parts[0] in (_RU_ABBR["preamble"], _RU_ABBR["heading"])
        else label
    )


# --------------------------------------------------------------------------- pairing


def hungarian(cost: list[list[float]]) -> list[tuple[int, int]]:
    """Minimum-cost one-to-one assignment of rows to columns (any rectangular matrix).

    Returns (row, column) pairs, min(rows, columns) of them, sorted by row.

    >>> hungarian([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
    [(0, 1), (1, 0), (2, 2)]
    """
    n = len(cost)
    m = len(cost[0]) if n else 0
    if n == 0 or m == 0:
        return []
    transposed = n > m
    if transposed:
        cost = [list(col) for col in zip(*cost, strict=True)]
        n, m = m, n
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: row assigned to column j (1-based, 0 = none)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j]]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)


def _stems(text: str) -> set[str]:
    return {_fold_word(w) for w in _words(text)}


def _weighted(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    union = a | b
    if not union:
        return 1.0
    # Sorted: a float sum must not depend on the set's (hash-seeded) order.
    total = sum(idf.get(w, 1.0) for w in sorted(union))
    return sum(idf.get(w, 1.0) for w in sorted(a & b)) / total if total else 0.0


def _scores(old: list[Unit], new: list[Unit]) -> tuple[list[list[float]], list[list[float]]]:
    """Similarity matrices old × new: gated (texts below `MIN_TEXT_SIMILARITY` score 0)
    and raw (heading and text combined, ungated)."""
    units = old + new
    bodies = [_stems(_subtree_text(u)) for u in units]
    heads = [_stems(u.heading or "") for u in units]
    df: Counter[str] = Counter()
    for stems in bodies:
        df.update(stems)
    n = len(units)
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    for stems in heads:
        for w in stems:
            idf.setdefault(w, math.log(n + 1))
    k = len(old)
    score = [[0.0] * len(new) for _ in old]
    raw = [[0.0] * len(new) for _ in old]
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            body = _weighted(bodies[i], bodies[k + j], idf)
            both = body
            if a.heading or b.heading:
                both = 0.4 * _weighted(heads[i], heads[k + j], idf) + 0.6 * body
            raw[i][j] = both
            if body >= MIN_TEXT_SIMILARITY:  # a similar heading over unrelated text is no pair
                score[i][j] = both
    return score, raw


def _monotone(raw: list[list[float]], rows: list[int], cols: list[int], floor: float) -> list:
    """The order-preserving pairing of ``rows`` × ``cols`` with the largest total score,
    pairs below ``floor`` never made (a longest-common-subsequence table on scores)."""
    n, m = len(rows), len(cols)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        for y in range(m - 1, -1, -1):
            s = raw[rows[x]][cols[y]]
            take = s + best[x + 1][y + 1] if s >= floor else -1.0
            best[x][y] = max(take, best[x + 1][y], best[x][y + 1])
    out, x, y = [], 0, 0
    while x < n and y < m:
        s = raw[rows[x]][cols[y]]
        if s >= floor and best[x][y] == s + best[x + 1][y + 1]:
            out.append((rows[x], cols[y], s))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            x += 1
        else:
            y += 1
    return out


def pair_units(
    old: list[Unit],
    new: list[Unit],
    threshold: float = PAIR_THRESHOLD,
    gaps: bool = False,
) -> list[tuple[int, int, float]]:
    """Pair two lists of units one-to-one by heading and text similarity.

    Similarity is a weighted Jaccard of word stems, each word weighted by its rarity among
    the units being paired (words every article uses say little); heading and text count
    0.4 / 0.6 when the units have headings, and texts below `MIN_TEXT_SIMILARITY` never
    pair, whatever their headings. The assignment maximises the total similarity
    (`hungarian`); pairs below ``threshold`` are dropped. Returns (old index, new index,
    similarity), by old index.

    With ``gaps``, the units left unpaired *between* two pairs that keep their order (a
    draft's arts. 5–6 between its arts. 4 → 4 and 7 → 13) are then paired in order, down to
    `GAP_THRESHOLD`: an article keeps its place among its neighbours even where the law
    rewrote most of its words (draft art. 6 «Тізілім» → law art. 12).

    >>> u = lambda eid, heading: Unit(type="art", num=eid[4:], eid=eid, heading=heading)
    >>> old = [u("art_9", "Жария талқылау"), u("art_6", "Тізілім")]
    >>> new = [u("art_12", "Тізілім"), u("art_13", "Төлемақы"), u("art_15", "Жария талқылау")]
    >>> [(old[i].eid, new[j].eid) for i, j, _ in pair_units(old, new)]
    [('art_9', 'art_15'), ('art_6', 'art_12')]
    """
    if not old or not new:
        return []
    score, raw = _scores(old, new)
    # Ties (equal scores) go to the pair whose positions are closest, so the result does
    # not depend on the algorithm's tie-breaking.
    cost = [
        [1.0 - score[i][j] + 1e-9 * abs(i / len(old) - j / len(new)) for j in range(len(new))]
        for i in range(len(old))
    ]
    pairs = [(i, j, score[i][j]) for i, j in hungarian(cost) if score[i][j] >= threshold]
    if not gaps:
        return pairs
    extra = []
    for (i1, j1, _), (i2, j2, _) in zip(pairs, pairs[1:], strict=False):
        if j2 > j1 + 1 and i2 > i1 + 1:
            rows = list(range(i1 + 1, i2))
            cols = [j for j in range(j1 + 1, j2) if all(j != q for _, q, _ in pairs)]
            extra.extend(_monotone(raw, rows, cols, GAP_THRESHOLD))
    return sorted(pairs + extra)


# --------------------------------------------------------------------------- diff


def _pair_diff(
    a: Unit | None,
    b: Unit | None,
    lang: str,
    mode: str,
    sim: float | None = None,
    positional: bool = False,
) -> UnitDiff:
    if a is not None and b is not None and a.eid == b.eid and a.repealed == b.repealed:
        ta = own_text(a)
        if ta == own_text(b):  # most units of two versions: said once, quickly
            label = unit_label(a.eid, lang)
            return UnitDiff(a.eid, b.eid, "same", _whole("=", ta), label, label, [], sim)
    if positional and a is not None and b is not None and a.repealed == b.repealed:
        ta = own_text(a)
        if ta == own_text(b):
            labels = unit_label(a.eid, lang), unit_label(b.eid, lang)
            return UnitDiff(a.eid, b.eid, "same", _whole("=", ta), *labels, [], sim)
    old_label = unit_label(a.eid, lang) if a else ""
    new_label = unit_label(b.eid, lang) if b else ""
    if a is None:
        assert b is not None
        return UnitDiff(None, b.eid, "inserted", _whole("+", own_text(b)), "", new_label)
    if b is None:
        return UnitDiff(a.eid, None, "repealed", _whole("-", own_text(a)), old_label, "")
    ta, tb = own_text(a), own_text(b)
    flags: list[str] = []
    if b.repealed and not a.repealed:
        words = _whole("-", ta) + _whole("+", tb)
        return UnitDiff(a.eid, b.eid, "repealed", words, old_label, new_label, flags)
    if ta == tb:
        words = _whole("=", ta)
        status = "same"
    else:
        if sim is None:
            sim = similarity(ta, tb)
        if mode == "versions" and sim < DISSIMILAR_BELOW and _words(ta) and _words(tb):
            flags.append("dissimilar")
            words = _whole("-", ta) + _whole("+", tb)
        else:
            try:
                words = word_diff(ta, tb)
            except DiffTooLarge as e:
                raise DiffTooLarge(f"{a.eid} → {b.eid}: {e}") from e
            if is_degenerate(ta, tb, words):
                flags.append("degenerate")
        status = "changed"
    # An абзац has no number of its own: a new eId given by its position alone (a block
    # inserted before it) is no move; it is the same unit, unchanged or changed.
    if a.eid != b.eid and not positional:
        status = "moved"
    return UnitDiff(a.eid, b.eid, status, words, old_label, new_label, flags, sim)


def _whole(op: str, text: str) -> list[tuple[str, str]]:
    return [(op, text)] if text else []


def _order(
    entries: list[tuple[Unit | None, Unit | None, float | None]],
    old_pos: dict[int, int],
    new_pos: dict[int, int],
) -> list[tuple[Unit | None, Unit | None, float | None]]:
    """Reading order of the new text; old-only units after the unit that preceded them."""
    by_old: dict[int, int] = {}  # old position -> new position of its partner
    for a, b, _ in entries:
        if a is not None and b is not None:
            by_old[old_pos[id(a)]] = new_pos[id(b)]
    anchor: dict[int, int] = {}
    last = -1
    for pos in sorted(old_pos.values()):
        if pos in by_old:
            last = by_old[pos]
        anchor[pos] = last

    def key(e):
        a, b, _ = e
        if b is not None:
            return (new_pos[id(b)], 0, 0)
        return (anchor[old_pos[id(a)]], 1, old_pos[id(a)])

    return sorted(entries, key=key)


def _renumber(eid: str, mapping: dict[str, str]) -> str:
    if not mapping:  # most pairs of versions renumber nothing: no eId is split
        return eid
    if eid in mapping:
        return mapping[eid]
    # A renumbered unit takes its descendants along (art_5 → art_6: art_5__para_1 → …).
    segs = _eid.split(eid)
    for k in range(len(segs) - 1, 0, -1):
        head = _eid.join(*segs[:k])
        if head in mapping:
            return _eid.join(mapping[head], *segs[k:])
    return eid


def _match_versions(
    old: Act, new: Act, renumbered: dict[str, str] | None
) -> list[tuple[Unit | None, Unit | None, float | None]]:
    mapping = dict(renumbered or {})
    new_by_eid = {u.eid: u for u in new.walk()}
    mapping.update(_shifted_blocks(old, new, mapping, new_by_eid))
    used: set[str] = set()
    entries: list[tuple[Unit | None, Unit | None, float | None]] = []
    for a in old.walk():
        target = _renumber(a.eid, mapping)
        b = new_by_eid.get(target)
        if b is not None and target not in used:
            used.add(target)
            entries.append((a, b, None))
        else:
            entries.append((a, None, None))
    entries.extend((None, b, None) for b in new.walk() if b.eid not in used)
    return entries


def _positional(eid: str, shifted: dict[str, str]) -> bool:
    """Whether ``eid`` (or the unit that holds it) was renamed only by position."""
    segs = _eid.split(eid)
    return any(_eid.join(*segs[:k]) in shifted for k in range(len(segs), 0, -1))


def renaming(old: Act, new: Act, renumbered: dict[str, str] | None = None) -> dict[str, str]:
    """Old eId → new eId of every unit of ``old`` that ``new`` holds under another eId:
    renumbered by an operation (``renumbered``) or shifted by position (an абзац after an
    inserted subpoint: `_shifted_blocks`). A citation of the old eId lands on the new one.

    >>> from generator.parse import parse_markdown
    >>> a = parse_markdown("# T\\n\\n1. Бір:\\n\\n1) а;\\n\\nСоңы.\\n", "kk")
    >>> b = parse_markdown("# T\\n\\n1. Бір:\\n\\n1) а;\\n\\n2) ә;\\n\\nСоңы.\\n", "kk")
    >>> renaming(a, b)
    {'para_1__al_3': 'para_1__al_4'}
    """
    return {
        a.eid: b.eid
        for a, b, _ in _match_versions(old, new, renumbered)
        if a is not None and b is not None and a.eid != b.eid
    }


def _shifted_blocks(
    old: Act, new: Act, mapping: dict[str, str], new_by_eid: dict[str, Unit]
) -> dict[str, str]:
    """Unnumbered blocks (``al_K``) whose position number shifted because a numbered unit
    was inserted or removed before them: same parent, same text, another K.

    An абзац has no number of its own in the text, so its eId moves with its neighbours;
    it is paired with its unchanged self (status ``moved``), not deleted and re-inserted.
    """
    old_by_eid = {u.eid: u for u in old.walk()}
    lost = [u for u in old.walk() if u.type == "al" and _renumber(u.eid, mapping) not in new_by_eid]
    if not lost:
        return {}
    found = [u for u in new.walk() if u.type == "al" and u.eid not in old_by_eid]
    extra: dict[str, str] = {}
    taken: set[str] = set()
    for a in lost:
        parent = _renumber(_eid.parent(a.eid), mapping)
        for b in found:
            if b.eid not in taken and _eid.parent(b.eid) == parent and b.text == a.text:
                extra[a.eid] = b.eid
                taken.add(b.eid)
                break
    return extra


def _anchors(act: Act) -> dict[str, list[Unit]]:
    """Units paired across acts, by type: headed units, and top-level blocks."""
    groups: dict[str, list[Unit]] = {}
    for u in act.walk():
        if u.type in ("annex", "part", "chp", "subchp", "art"):
            groups.setdefault(u.type, []).append(u)
    for u in act.body:
        if u.type not in ("annex", "part", "chp", "subchp", "art"):
            groups.setdefault("top:" + u.type, []).append(u)
    return groups


def _block_children(u: Unit) -> list[Unit]:
    return [c for c in u.children if c.type in ("para", "subpara", "al")]


def _match_acts(old: Act, new: Act) -> list[tuple[Unit | None, Unit | None, float | None]]:
    entries: list[tuple[Unit | None, Unit | None, float | None]] = []
    paired_old: set[int] = set()
    paired_new: set[int] = set()

    def pair_children(a: Unit, b: Unit) -> None:
        ca, cb = _block_children(a), _block_children(b)
        for i, j, s in pair_units(ca, cb):
            add(ca[i], cb[j], s)

    def add(a: Unit, b: Unit, s: float) -> None:
        entries.append((a, b, s))
        paired_old.add(id(a))
        paired_new.add(id(b))
        pair_children(a, b)

    go, gn = _anchors(old), _anchors(new)
    for typ in sorted(set(go) & set(gn)):
        la, lb = go[typ], gn[typ]
        if typ.startswith("top:") and typ != "top:para":
            # preamble / title-like blocks: by position
            for a, b in zip(la, lb, strict=False):
                add(a, b, similarity(own_text(a), own_text(b)))
            continue
        threshold = PAIR_THRESHOLD if typ not in CONTAINER_TYPES else PAIR_THRESHOLD / 2
        gaps = typ in ("art", "chp")
        for i, j, s in pair_units(la, lb, threshold, gaps=gaps):
            add(la[i], lb[j], s)
    entries.extend((a, None, None) for a in old.walk() if id(a) not in paired_old)
    entries.extend((None, b, None) for b in new.walk() if id(b) not in paired_new)
    return entries


def diff_acts(
    old: Act,
    new: Act,
    mode: str = "versions",
    renumbered: dict[str, str] | None = None,
) -> ActDiff:
    """The structure-aware word diff of two acts (see the module docstring).

    ``mode="versions"``: units matched by eId, following ``renumbered`` (old → new eId).
    ``mode="acts"``: articles (and chapters, and their points) paired by similarity.

    >>> from generator.parse import parse_markdown
    >>> a = parse_markdown("# T\\n\\n### 1-бап. А {#art_1}\\n\\n1. Бір.\\n", "kk")
    >>> b = parse_markdown("# T\\n\\n### 1-бап. А {#art_1}\\n\\n1. Бір.\\n\\n2. Екі.\\n", "kk")
    >>> diff_acts(a, b).summary["inserted"]
    1
    """
    if mode not in MODES:
        raise DiffError(f"unknown diff mode {mode!r} (versions or acts)")
    if mode == "acts" and renumbered:
        raise DiffError("a renumbering mapping applies to versions of one act only")
    lang = new.lang
    shifted: dict[str, str] = {}
    if mode == "versions":
        entries = _match_versions(old, new, renumbered)
        shifted = _shifted_blocks(old, new, dict(renumbered or {}), {u.eid: u for u in new.walk()})
    else:
        entries = _match_acts(old, new)
    old_pos = {id(u): k for k, u in enumerate(old.walk())}
    new_pos = {id(u): k for k, u in enumerate(new.walk())}
    entries = _order(entries, old_pos, new_pos)
    pairs: list[UnitDiff] = []
    if old.title or new.title:
        title = UnitDiff(
            "title",
            "title",
            "same" if old.title == new.title else "changed",
            word_diff(old.title, new.title),
            unit_label("title", lang),
            unit_label("title", lang),
        )
        if is_degenerate(old.title, new.title, title.words):
            title.flags.append("degenerate")
        pairs.append(title)
    pairs.extend(
        _pair_diff(a, b, lang, mode, s, bool(a and shifted and _positional(a.eid, shifted)))
        for a, b, s in entries
    )
    result = ActDiff(pairs, lang, mode, old.title, new.title)
    result.summary = summarize(pairs)
    return result


def summarize(pairs: list[UnitDiff]) -> dict:
    """Counts per status, words in and out, and counts per flag.

    >>> summarize([UnitDiff("a", "a", "changed", [("-", "бір екі"), ("+", "үш")])])["words_out"]
    2
    """
    s: dict = {k: 0 for k in STATUSES}
    s["words_in"] = s["words_out"] = 0
    for p in pairs:
        s[p.status] += 1
        for op, text in p.words:
            if op == "+":
                s["words_in"] += len(_words(text))
            elif op == "-":
                s["words_out"] += len(_words(text))
        for f in p.flags:
            s[f] = s.get(f, 0) + 1
    return s
