"""The instruction grammar: an amending act's text (kk or ru) → atomic operations.

The grammar's words (unit names with their case forms, ordinals, months, action
formulas, connectors, quote marks) are data in ``generator/grammar/{kk,ru}.yml``; this
module reads a sentence by masking its quoted strings (each becomes ``⟦n⟧``), finding the
unit references («2-баптың 1-тармағы 6) тармақшадағы», «подпункт 6) пункта 1 статьи 2»)
and the action formula, and turns them into :class:`~generator.model.Operation` objects
(DESIGN.md, «Operations» and «Unit IDs»). A sentence that looks like an instruction but is
not read is an :class:`InstructionError`, never skipped.

Public API: ``blocks_from_text``, ``parse_amender`` (→ ``Amender``: acts, operations,
``not_for_this_language``, errors, entry_into_force), ``operations``,
``instruction_errors``, ``acts_cited``, ``entry_into_force``, ``compare_languages``.

>>> case = SOURCES / "cases/transfer-2007-2009-98-IV/amender-1.ru.md"
>>> [(o.target, o.action, o.new) for o in operations(blocks_from_text(case.read_text()), "ru")]
[('art_1__al_4', 'replace', '2009 год - 843 100 000 тысяч тенге.')]
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator import eid as _eid
from generator.instruction_shape import amends_nothing, fold_lookalikes, negated, signs
from generator.model import Operation

GRAMMAR_DIR = Path(__file__).parent / "grammar"
# ../shared/sources beside the repository (DESIGN.md): the real texts the doctests read.
SOURCES = Path(__file__).resolve().parents[1].parent / "shared" / "sources"
LANGS = ("kk", "ru")
# Rank of a unit type in the tree, outermost first (DESIGN.md, «Unit IDs»).
RANK = {
    "annex": 0,
    "part": 1,
    "chp": 2,
    "subchp": 3,
    "preamble": 4,
    "art": 4,
    "para": 5,
    "subpara": 6,
    "al_part": 7,  # часть / бөлік: an unnumbered block of an article or point
    "al": 8,  # абзац: a block, also inside a part («абзац восьмой части первой»)
    "heading": 9,
}
# Internal unit types whose eId type differs.
EID_TYPE = {"al_part": "al"}
CONTAINERS = ("part", "chp", "subchp")  # not in an article's eId (DESIGN.md, «Unit IDs»)
NUM = r"(?:\d+(?:-\d+)*|[IVXL]+(?![\w-]))"  # «9-1», and Roman chapter numbers «главы IV»
PH = "⟦{}⟧"  # placeholder of the n-th quoted string
PH_RE = r"⟦\d+⟧"


class InstructionError(ValueError):
    """A sentence that looks like an instruction but that the grammar cannot read.

    The message is ``"{line}: {reason}: «{sentence}»"``.
    """

    def __init__(self, line: int, reason: str, sentence: str):
        self.line, self.reason, self.sentence = line, reason, sentence
        super().__init__(f"{line}: {reason}: «{sentence}»")


@dataclass
class Block:
    """One paragraph of the amending act's text, with its line in the source.

    >>> Block(3, "1-бап. …").line
    3
    """

    line: int
    text: str
    # The block is quoted new wording as a whole (a fenced ```new-text block, or the
    # importer's quoted block, outer marks kept or not).
    quoted: bool = False


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
    """Everything the grammar reads from one amending act in one language."""

    lang: str
    acts: list[CitedAct] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    not_for_this_language: list[LangOnly] = field(default_factory=list)
    errors: list[InstructionError] = field(default_factory=list)
    entry_into_force: dict = field(default_factory=dict)
    # Latin look-alike letters repaired in an instruction's own words (never in the words
    # it quotes), each reported: (line, as written, as read).
    repairs: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass
class Disagreement:
    """A kk/ru difference between the operations of one amender.

    ``kind`` is ``only_kk``, ``only_ru`` or ``action`` (same target, different action).
    ``kk_source``/``ru_source`` quote both languages' instructions: for an operation
    present in one language only, the other quote is that language's instruction of the
    same amender item (empty if it has none).
    """

    kind: str
    act_index: int
    target: str
    kk: Operation | None
    ru: Operation | None
    kk_source: str = ""
    ru_source: str = ""


# ---------------------------------------------------------------------------- grammar


def _alt(words: list[str]) -> str:
    """A regex alternation of whole words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class Grammar:
    """The compiled grammar of one language (from ``grammar/<lang>.yml``).

    >>> g = grammar("kk")
    >>> g.ordinal("төртінші"), grammar("ru").ordinal("четвертом")
    (4, 4)
    """

    def __init__(self, data: dict):
        self.data = data
        self.lang: str = data["lang"]
        self.form: dict[str, tuple[str, str]] = {}  # word form → (unit type, case)
        notations: dict[str, list[str]] = defaultdict(list)
        for utype, spec in data["units"].items():
            for case, forms in spec["forms"].items():
                for f in forms:
                    # A form listed under several cases keeps the instrumental if any.
                    if f not in self.form or case == "ins":
                        self.form[f] = (utype, case)
            for notation in spec["number"]:
                notations[notation].extend(f for forms in spec["forms"].values() for f in forms)
        self.quotes: dict[str, str] = data["quotes"]
        conj = _alt(data["and"])
        ord_words = [w for ws in data["ordinals"].values() for w in ws]
        if self.lang == "ru":
            unit = r"(?:" + _alt(ord_words) + r")\w*"
        else:
            unit = r"(?:" + _alt(ord_words) + r")(?!\w)"
        self.tens = {w: int(n) for n, ws in data["ordinal_tens"].items() for w in ws}
        # «двадцать первый», «жиырма бірінші»: a tens word, then an ordinal
        self.ord_re = rf"(?:(?:{_alt(list(self.tens))})\s+)?{unit}"
        one = rf"{self.ord_re}(?:\s*[-–—]\s*{self.ord_re})?"  # «шестнадцатым - двадцать вторым»
        ords = rf"{one}(?:\s*,\s*{one})*(?:\s+(?:{conj})\s+{one})?"
        nums = rf"{NUM}(?:\s*,\s*{NUM})*(?:\s+(?:{conj})\s+{NUM})?"
        pnums = rf"{NUM}\)(?:\s*,\s*{NUM}\))*(?:\s+(?:{conj})\s+{NUM}\))?"
        w = {k: _alt(v) for k, v in notations.items()}
        pats: list[tuple[str, str]] = []
        if self.lang == "kk":
            pats += [
                (
                    "hyphen",  # «3-бап», «2 және 3-тармақтары», «1-1 тармақпен»
                    rf"(?<![\w-])(?P<nums>{nums})(?:\s*-\s*|\s+)(?P<word>{w['hyphen']})(?!\w)",
                ),
                ("paren", rf"(?<![\w-])(?P<nums>{pnums})\s*(?P<word>{w['paren']})(?!\w)"),
                ("ordinal", rf"(?<!\w)(?P<ords>{ords})\s+(?P<word>{w['ordinal']})(?!\w)"),
                ("none", rf"(?<!\w)(?P<word>{w['none']})(?!\w)"),
            ]
        else:
            pats += [
                ("paren", rf"(?<!\w)(?P<word>{w['paren']})\s+(?P<nums>{pnums})"),
                ("number", rf"(?<!\w)(?P<word>{w['number']})\s+(?P<nums>{nums})(?![\w)])"),
                ("ordinal", rf"(?<!\w)(?P<word>{w['ordinal']})\s+(?P<ords>{ords})(?!\w)"),
                ("ordinal", rf"(?<!\w)(?P<ords>{self.ord_re})\s+(?P<word>{w['ordinal']})(?!\w)"),
                ("none", rf"(?<!\w)(?P<word>{w['none']})(?!\w)"),
            ]
        self.ref_res = [(n, re.compile(p, re.I)) for n, p in pats]
        self.conj_re = re.compile(rf"\s*(?:,|\s(?:{conj})\s)\s*")
        self.nouns_re = _alt(data["word_nouns"])
        self.act_re = {
            k: re.compile(v.replace("Q", PH_RE), re.I) for k, v in data["actions"].items()
        }
        self.renumber_split = re.compile(data["renumber_split"], re.I)
        self.clause_split = re.compile(data["clause_split"])
        self.verbs = re.compile(data["verbs"], re.I)
        self.whole_text = re.compile(data["whole_text"], re.I)
        self.unsupported = re.compile(data["unsupported_units"], re.I)
        self.lang_only = {k: re.compile(v, re.I) for k, v in data["lang_only"].items()}
        am = data["amender"]
        self.article = re.compile(am["article"])
        self.act_kinds = re.compile(am["act_kinds"])
        self.amends = re.compile(am["amends"])
        self.repeal_act = re.compile(am["repeal_act"], re.I)
        self.publication = re.compile(am["publication"])
        self.eif = {k: re.compile(v, re.I) for k, v in data["entry_into_force"].items()}
        self.months = sorted(
            ((stem, int(n)) for n, stem in data["months"].items()), key=lambda x: -len(x[0])
        )

    def ordinal(self, word: str) -> int | None:
        """The number an ordinal word stands for («төртінші» → 4, «двадцать первый» → 21)."""
        word = " ".join(word.lower().split())
        head, _, rest = word.partition(" ")
        if rest and head in self.tens and word not in self._ordinal_words():
            unit = self.ordinal(rest)
            return self.tens[head] + unit if unit is not None and unit < 10 else None
        best: tuple[int, int] | None = None
        for n, stems in self.data["ordinals"].items():
            for s in stems:
                if word == s or (self.lang == "ru" and word.startswith(s)):
                    if best is None or len(s) > best[0]:
                        best = (len(s), int(n))
        return best[1] if best else None

    def _ordinal_words(self) -> set[str]:
        return {w for ws in self.data["ordinals"].values() for w in ws}

    def cardinal(self, words: str) -> int | None:
        """The number a cardinal phrase stands for («он» → 10, «десяти» → 10, «21» → 21)."""
        words = " ".join(words.lower().split())
        if words.isdigit():
            return int(words)
        best: tuple[int, int] | None = None
        for n, stems in self.data["cardinals"].items():
            for s in stems:
                ok = words == s if self.lang == "kk" else words.startswith(s)
                if ok and " " not in words.replace(s, "", 1).strip():
                    if best is None or len(s) > best[0]:
                        best = (len(s), int(n))
        return best[1] if best else None

    def month(self, word: str) -> int | None:
        """The month a month word names («қарашадағы» → 11, «января» → 1)."""
        word = word.lower()
        for stem, n in self.months:
            if word.startswith(stem):
                return n
        return None


@functools.cache
def grammar(lang: str) -> Grammar:
    """The grammar of ``lang`` ("kk" or "ru"), read once from its YAML file.

    >>> grammar("ru").lang
    'ru'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (expected kk or ru)")
    with open(GRAMMAR_DIR / f"{lang}.yml", encoding="utf-8") as f:
        return Grammar(yaml.safe_load(f))


# ---------------------------------------------------------------------------- quotes


def mask_quotes(text: str, lang: str = "kk") -> tuple[str, list[str]]:
    """Replace each quoted string by a placeholder; drop stray closing marks.

    Quotes nest («О "X"»); a closing mark with no open quote is extraction noise (the
    official seed has «кіріспе»"жол бермеуге"») and is dropped.

    >>> mask_quotes('кіріспе»"жол бермеуге" деген сөздерден кейін')
    ('кіріспе⟦0⟧ деген сөздерден кейін', ['жол бермеуге'])
    """
    skel, quotes, _ = _mask(text, lang)
    return skel, quotes


def _mask(text: str, lang: str) -> tuple[str, list[str], bool]:
    """:func:`mask_quotes` and whether the quotes were balanced.

    A straight ``"`` both opens and closes; one that follows a space and precedes a
    letter opens a nested quote («"О введении … Кодекса "О налогах …" (Налоговый кодекс)"»).
    """
    pairs = grammar(lang).quotes
    closers = set(pairs.values()) - set(pairs)
    out: list[str] = []
    quotes: list[str] = []
    stack: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if stack and ch == pairs[stack[-1]]:
            if ch == pairs.get(ch):  # same mark opens and closes: look at its neighbours
                prev = text[i - 1] if i else " "
                nxt = text[i + 1] if i + 1 < len(text) else " "
                if (prev.isspace() or prev in "(«“—:") and nxt.isalnum():
                    stack.append(ch)
                    continue
            stack.pop()
            if not stack:
                quotes.append(text[start:i])
                out.append(PH.format(len(quotes) - 1))
            continue
        if ch in pairs:
            if not stack:
                start = i + 1
            stack.append(ch)
            continue
        if ch in closers and not stack:
            continue
        if not stack:
            out.append(ch)
    if stack:  # unbalanced: keep the rest as one quote
        quotes.append(text[start:])
        out.append(PH.format(len(quotes) - 1))
    return "".join(out), quotes, not stack


def _unquote(text: str, lang: str) -> str:
    """The text of a quoted new wording: outer quotes and trailing ``.``/``;`` removed."""
    pairs = grammar(lang).quotes
    t = text.strip()
    if t and t[0] in pairs:
        opening, close = t[0], pairs[t[0]]
        t = t[1:]
        t = re.sub(r"\s*[.;,]?\s*$", "", t)
        if t.endswith(close):
            inner = t[: -len(close)]
            # an official text that lost the outer closing mark («…«Астана»;»): the last
            # mark closes the inner quote and stays
            if opening == close or inner.count(close) >= inner.count(opening):
                t = inner
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", t)]
    return "\n\n".join(p for p in paras if p)


def _balanced(text: str, lang: str) -> bool:
    """Whether a quoted new wording that starts at ``text``'s first character is closed."""
    pairs = grammar(lang).quotes
    t = text.strip()
    if not t or t[0] not in pairs:
        return True
    o, c = t[0], pairs[t[0]]
    if not re.search(rf"{re.escape(c)}\s*[.;,]?\s*$", t):
        return False
    if o == c:
        return t.count(o) % 2 == 0
    return t.count(o) <= t.count(c)


# ---------------------------------------------------------------------------- blocks


def blocks_from_text(text: str) -> list[Block]:
    """Split a plain or Markdown amending act into paragraphs (the title dropped).

    Paragraphs are separated by blank lines; leading ``#``, ``**`` and indentation are
    stripped; a fenced ```` ```new-text ```` block is kept whole as one quoted block.
    A first paragraph that is a level-1 Markdown heading is the act's title: dropped.

    >>> [(b.line, b.text) for b in blocks_from_text("# Title\\n\\n1-бап . Text\\n\\n  **2)** x")]
    [(3, '1-бап . Text'), (5, '2) x')]
    """
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    cur: list[str] = []
    cur_line = 0
    first = True

    def flush() -> None:
        nonlocal cur, first
        if cur:
            raw = cur[0].lstrip()
            joined = " ".join(ln.strip() for ln in cur)
            joined = re.sub(r"^#+\s*", "", joined)
            joined = joined.replace("**", "").strip()
            if not (first and raw.startswith("# ")) and joined:
                blocks.append(Block(cur_line, joined))
            first = False
        cur = []

    while i < len(lines):
        line = lines[i]
        if line.strip().startswith("```"):
            flush()
            start = i + 1
            j = start
            while j < len(lines) and not lines[j].strip().startswith("```"):
                j += 1
            body = "\n".join(ln.strip() for ln in lines[start:j]).strip()
            blocks.append(Block(start + 1, body, quoted=True))
            first = False
            i = j + 1
            continue
        if not line.strip():
            flush()
        else:
            if not cur:
                cur_line = i + 1
            cur.append(line)
        i += 1
    flush()
    return blocks


# ---------------------------------------------------------------------------- references


@dataclass
class Ref:
    """A unit reference found in a sentence: type, numbers, grammatical case, span."""

    type: str
    nums: list[str | None]
    case: str
    start: int
    end: int


def find_refs(skeleton: str, lang: str) -> list[Ref]:
    """The unit references of a sentence (quotes masked), in order.

    >>> [(r.type, r.nums) for r in find_refs("подпункт 6) пункта 1 статьи 2", "ru")]
    [('subpara', ['6']), ('para', ['1']), ('art', ['2'])]
    >>> [r.case for r in find_refs("дополнить подпунктом 7)", "ru")]
    ['ins']
    >>> [(r.type, r.nums) for r in find_refs("2-2, 2-3, 2-4 және 2-5-тармақтармен", "kk")]
    [('para', ['2-2', '2-3', '2-4', '2-5'])]
    """
    g = grammar(lang)
    found: list[Ref] = []
    for notation, rx in g.ref_res:
        for m in rx.finditer(skeleton):
            word = m.group("word")
            utype, case = g.form.get(word.lower(), g.form.get(word, ("", "")))
            if not utype or notation not in g.data["units"][utype]["number"]:
                continue
            if notation == "none":
                nums: list[str | None] = [None]
            elif notation == "ordinal":
                nums = []
                for p in g.conj_re.split(m.group("ords")):
                    if not p.strip():
                        continue
                    ends = [g.ordinal(x) for x in re.split(r"\s*[-–—]\s*", p)]
                    if None in ends:
                        nums = []
                        break
                    lo, hi = ends[0], ends[-1]
                    nums += [str(n) for n in range(lo, hi + 1)] if hi >= lo else []
                if not nums:
                    continue
            else:
                nums = [p.strip().rstrip(")") for p in g.conj_re.split(m.group("nums"))]
                nums = [n for n in nums if n]
            found.append(Ref(utype, nums, case, m.start(), m.end()))
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    refs: list[Ref] = []
    for r in found:
        if refs and r.start < refs[-1].end:
            continue
        refs.append(r)
    return refs


Path_ = tuple[tuple[str, str | None], ...]
WHOLE: Path_ = (("*", None),)  # the scope «по всему тексту» / «бүкіл мәтіні бойынша»


def _merge(ctx: Path_, utype: str, num: str | None) -> Path_:
    """Put a unit into a path: cut the path at the unit's level, then append it."""
    rank = RANK[utype]
    kept = tuple(p for p in ctx if RANK[p[0]] < rank)
    return kept + ((utype, num),)


def eid(path: Path_) -> str:
    """The eId of a path of (type, number) pairs.

    >>> eid((("art", "2"), ("para", "1"), ("subpara", "6")))
    'art_2__para_1__subpara_6'
    """
    if path == (("heading", None),):
        return "title"  # «заголовок Закона»: the act's own title
    if path == WHOLE:
        return "*"
    if any(t == "art" for t, _n in path):  # articles are numbered through the act
        path = tuple(p for p in path if p[0] not in CONTAINERS)
    return _eid.join(*(_eid.segment(EID_TYPE.get(t, t), n) for t, n in path))


NESTS_EITHER_WAY = {"subpara", "al_part", "al"}


def _locate(ctx: Path_, refs: list[Ref], lang: str = "kk") -> list[Path_]:
    """Paths of the location references merged into a context (several for lists).

    Kazakh names the outer unit first («804-баптың бірінші бөлігінің 50) тармақшасындағы»),
    Russian the inner one («подпункт 6) пункта 1 статьи 2»); where that order is not a
    possible nesting, the units are ordered by level.
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
    paths = [ctx]
    first = True
    for r in order:
        if first:
            paths = [_merge(p, r.type, n) for p in paths for n in r.nums]
            first = False
        else:
            paths = [p + ((r.type, n),) for p in paths for n in r.nums]
    return paths


# ---------------------------------------------------------------------------- citations

RU_DATE = r"от\s+(?P<day>\d{1,2})\s+(?P<month>[а-яё]+)\s+(?P<year>\d{4})\s*(?:года|г\.?)"
KK_DATE = r"(?P<year>\d{4})\s*жылғы\s+(?P<day>\d{1,2})\s+(?P<month>[а-яәғқңөұүһі]+)"


def _date(text: str, lang: str) -> tuple[str | None, re.Match | None]:
    g = grammar(lang)
    m = re.search(RU_DATE if lang == "ru" else KK_DATE, text, re.I)
    if not m:
        return None, None
    mon = g.month(m["month"])
    if not mon:
        return None, None
    return f"{int(m['year']):04d}-{mon:02d}-{int(m['day']):02d}", m


def parse_citation(text: str, lang: str, colon: bool = True) -> CitedAct | None:
    """The act an item of the amender names, or None when the text is no citation.

    >>> c = parse_citation('2. В Закон Республики Казахстан от 27 ноября 2000 г. "Об '
    ...     'административных процедурах" (Ведомости Парламента Республики Казахстан, 2000 г., '
    ...     'N 20, ст. 379; 2004 г., N 5, ст. 29):', "ru")
    >>> (c.title, c.date)
    ('Об административных процедурах', '2000-11-27')
    """
    g = grammar(lang)
    body = re.sub(r"^\d+\.\s*", "", text.strip())
    if colon and not (body.rstrip().endswith(":") or "):" in body):
        return None
    pub = g.publication.search(body)
    head = body[: pub.start()] if pub else body.rstrip().rstrip(":")
    date, m = _date(_norm(head), lang)
    if not date or not m:
        return None
    if not g.act_kinds.search(head):
        return None
    start = rf"(?:Внести\s+(?:[^\"«:]{{0,40}}?\s)?)?(?:в\s+)?[^\"«]{{0,40}}?{g.act_kinds.pattern}"
    if lang == "ru" and not re.match(start, body, re.I):
        return None
    if lang == "kk":
        # «"Әкімшілік рәсімдер туралы" 2000 жылғы …»: from the first opening mark to the
        # last closing mark before the date (a mark lost in the official text is tolerated).
        before = head[: m.start()]
        o = re.search(r"[\"«“]", before)
        c = [x.start() for x in re.finditer(r"[\"»”]", before)]
        if o and c and c[-1] > o.start():
            title = before[o.end() : c[-1]]
        else:
            title = head[m.end() :].strip()
    else:
        skel, quotes = mask_quotes(head[m.end() :], lang)
        qm = re.search(PH_RE, skel)
        if qm:
            title = quotes[int(qm.group()[1:-1])]
        else:
            # «В Уголовный кодекс Республики Казахстан от …», «Внести изменения … в
            # Гражданский процессуальный кодекс Республики Казахстан от …»
            tm = re.search(r"(?:^|\s)[вВ]\s+(\S.*?)\s+от\s", head[: m.end()]) or re.match(
                r"(?:Внести\s+)?(.*?)\s+от\s", head
            )
            title = tm.group(1) if tm else head.strip()
    return CitedAct(title=" ".join(title.split()), date=date, line=0, source=text.strip())


# ---------------------------------------------------------------------------- clauses


@dataclass
class _Ctx:
    act: CitedAct | None
    item: str
    line: int
    source: str
    lang: str


def _q(skel: str) -> list[int]:
    return [int(x[1:-1]) for x in re.findall(PH_RE, skel)]


@dataclass
class _Group:
    """Quoted words with the noun naming them («"X", "Y" деген сөздер» / «слова "X", "Y"»).

    ``role`` is ``after``/``before`` for an anchor («… деген сөздерден кейін», «после слов
    …»), else empty; ``ins`` marks the instrumental noun of the new words («…
    сөздермен», «словами …»).
    """

    quotes: list[int]
    noun: str
    start: int
    end: int
    role: str = ""
    ins: bool = False


def _groups(skel: str, lang: str) -> list[_Group]:
    """The quoted-word groups of a clause, in order."""
    g = grammar(lang)
    wg = g.data["words"]
    ql = rf"{PH_RE}(?:\s*(?:,|\s(?:{_alt(g.data['and'])})\s)\s*{PH_RE})*"
    out = []
    if lang == "kk":
        rx = rf"(?P<q>{ql})\s+деген\s*(?P<noun>\w+)(?:\s+(?P<anchor>\w+))?"
    else:
        rx = rf"(?:(?P<anchor>\w+)\s+)?(?P<noun>\w+)\s*(?:соответственно\s+)?(?P<q>{ql})"
    for m in re.finditer(rx, skel):
        noun = m["noun"].lower()
        if not re.fullmatch(g.nouns_re, noun, re.I):
            continue
        role = ""
        for where in ("after", "before"):
            if m["anchor"] and re.fullmatch(wg["anchor"][where], m["anchor"], re.I):
                role = where
        ins = bool(re.search(wg["ins"], noun))
        out.append(_Group(_q(m["q"]), noun, m.start(), m.end(), role, ins))
    return out


def _pair(olds: list[int], news: list[int]) -> list[tuple[int, int]] | None:
    if len(olds) == len(news):
        return list(zip(olds, news, strict=True))
    if len(news) == 1:
        return [(o, news[0]) for o in olds]
    return None


def _word_ops(
    skel: str, quotes: list[str], lang: str, targets: list[str], c: _Ctx
) -> list[Operation] | None:
    """Operations on words (substitute/insert/delete), or None if the clause has none.

    A substitution qualified by an anchor («после слова "резерва" слова "государственной
    службы" заменить …») becomes a substitution of the anchor and the words together.
    """
    g = grammar(lang)
    if not re.search(PH_RE, skel):
        return None
    groups = _groups(skel, lang)
    anchors = [x for x in groups if x.role]
    plain = [x for x in groups if not x.role]

    def op(action: str, old: str | None, new: str | None, where: str | None = None):
        return [
            Operation(
                act=c.act.title if c.act else "",
                act_date=c.act.date if c.act else None,
                target=t,
                action=action,
                old=old,
                new=new,
                where=where,
                source=c.source,
                line=c.line,
                item=c.item,
            )
            for t in targets
        ]

    ops: list[Operation] = []
    sub = g.act_re["substitute_words"].search(skel)
    if sub:
        if lang == "kk":
            olds = [x for x in plain if not x.ins]
            news = [x for x in plain if x.ins]
        else:
            olds = [x for x in plain if x.end <= sub.start()]
            news = [x for x in plain if x.start >= sub.start()]
        if not olds or not news or len(anchors) > 1:
            return None
        pairs: list[tuple[int, int]] = []
        if len(olds) == len(news):
            for o, n in zip(olds, news, strict=True):
                p = _pair(o.quotes, n.quotes)
                if p is None:
                    return None
                pairs += p
        else:
            p = _pair([i for o in olds for i in o.quotes], [i for n in news for i in n.quotes])
            if p is None:
                return None
            pairs = p
        for o, n in pairs:
            old, new = quotes[o], quotes[n]
            if anchors:
                a = quotes[anchors[0].quotes[0]]
                if anchors[0].role == "after":
                    old, new = f"{a} {old}", f"{a} {new}"
                else:
                    old, new = f"{old} {a}", f"{new} {a}"
            ops += op("substitute_words", old, new)
        return ops
    if g.act_re["insert_words"].search(skel) and any(x.ins for x in plain):
        news = [i for x in plain if x.ins for i in x.quotes]
        if not anchors:
            for n in news:
                ops += op("insert_words", None, quotes[n], "end")
            return ops
        for a in anchors:
            for q in a.quotes:
                for n in news:
                    ops += op("insert_words", quotes[q], quotes[n], a.role)
        return ops
    if g.act_re["delete_words"].search(skel) and plain:
        for x in plain:
            for q in x.quotes:
                ops += op("delete_words", quotes[q], None)
        return ops
    return None


def _split_new(new: str, utype: str, nums: list[str], lang: str) -> list[str] | None:
    """Split a quoted wording among several new units at their numbers."""
    if len(nums) == 1:
        return [new]
    paras = new.split("\n\n")
    if utype in ("al", "al_part"):
        return paras if len(paras) == len(nums) else None
    label = {
        "subpara": r"{n}\)",
        "para": r"{n}\.",
        "art": r"{n}-бап\b" if lang == "kk" else r"Статья\s+{n}\.",
        "chp": r"{n}-тарау\b" if lang == "kk" else r"Глава\s+{n}\.",
        "annex": r"{n}-қосымша\b" if lang == "kk" else r"Приложение\s+{n}\b",
    }[utype]
    starts = []
    for n in nums:
        rx = re.compile("^" + label.format(n=re.escape(n)))
        idx = [i for i, p in enumerate(paras) if rx.match(p)]
        if not idx:
            return None
        starts.append(idx[0])
    if starts[0] != 0 or starts != sorted(starts):
        return None
    bounds = starts + [len(paras)]
    return ["\n\n".join(paras[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def _clause(
    skel: str,
    quotes: list[str],
    lang: str,
    ctx: Path_,
    new: str | None,
    c: _Ctx,
) -> tuple[list[Operation], Path_, bool]:
    """The operations of one clause; the path it leaves as context; whether it used ``new``.

    Raises InstructionError when the clause has an action formula it cannot complete.
    """
    g = grammar(lang)
    verbs = [m.group() for m in g.verbs.finditer(skel)]
    if len(verbs) > 1:  # two actions the grammar cannot part: both or none, never the first
        raise InstructionError(
            c.line, f"two action formulas in one clause ({', '.join(verbs)})", c.source
        )
    refs = find_refs(skel, lang)
    whole = bool(g.whole_text.search(skel))
    bad = g.unsupported.search(skel)
    if bad:
        raise InstructionError(c.line, f"not in the grammar ({bad.group()})", c.source)
    if ctx and ctx[0][0] == "?":
        raise InstructionError(c.line, f"not in the grammar ({ctx[0][1]})", c.source)

    def mk(target: str, action: str, **kw) -> Operation:
        return Operation(
            act=c.act.title if c.act else "",
            act_date=c.act.date if c.act else None,
            target=target,
            action=action,
            source=c.source,
            line=c.line,
            item=c.item,
            **kw,
        )

    # renumber: «подпункты 7) и 8) считать соответственно подпунктами 8) и 9)»
    if g.act_re["renumber"].search(skel) and refs:
        sp = g.renumber_split.search(skel)
        if sp:
            olds = [r for r in refs if r.end <= sp.start()]
            news = [r for r in refs if r.start >= sp.end()]
        else:
            olds, news = refs[:-1], refs[-1:]
        if not olds or not news:
            raise InstructionError(c.line, "renumber without old or new units", c.source)
        loc = [r for r in olds if r.type != olds[-1].type or r is not olds[-1]]
        unit = olds[-1] if lang == "kk" else olds[0]
        loc = [r for r in olds if r is not unit]
        base = _locate(ctx, loc, lang)[0]
        new_nums = [n for r in news if r.type == unit.type for n in r.nums]
        if len(new_nums) != len(unit.nums):
            raise InstructionError(c.line, "renumber lists differ in length", c.source)
        ops = [
            mk(eid(_merge(base, unit.type, o)), "renumber", new=eid(_merge(base, unit.type, n)))
            for o, n in zip(unit.nums, new_nums, strict=True)
        ]
        return ops, base, False

    if ctx == WHOLE:
        if refs:
            raise InstructionError(c.line, "a unit inside «the whole text»", c.source)
        whole = True
    ins_refs = [r for r in refs if r.case == "ins"]
    is_insert = bool(g.act_re["insert"].search(skel)) and bool(ins_refs)
    loc_refs = [r for r in refs if r.case != "ins"] if is_insert else refs
    paths = [WHOLE] if whole else _locate(ctx, loc_refs, lang)
    for p in paths:
        for k, (t, _n) in enumerate(p):
            if t == "heading" and k and p[k - 1][0] in ("para", "subpara", "al", "al_part"):
                raise InstructionError(c.line, "a heading of a unit that has none", c.source)
    targets = [eid(p) for p in paths if p]
    wops = None if is_insert else _word_ops(skel, quotes, lang, targets, c)
    if wops is not None:
        if not targets:
            raise InstructionError(c.line, "words operation without a target", c.source)
        return wops, paths[0], False
    if is_insert:
        if new is None:
            raise InstructionError(c.line, "insert without quoted new text", c.source)
        ops = []
        base = paths[0]
        for r in ins_refs:
            parts = _split_new(new, r.type, [n or "" for n in r.nums], lang)
            if parts is None:
                raise InstructionError(
                    c.line, f"cannot split the new text among {r.type} {r.nums}", c.source
                )
            for n, part in zip(r.nums, parts, strict=True):
                ops.append(mk(eid(_merge(base, r.type, n)), "insert", new=part))
        return ops, base, True
    if g.act_re["replace"].search(skel):
        if new is None:
            raise InstructionError(c.line, "new wording without quoted text", c.source)
        if not targets:
            raise InstructionError(c.line, "new wording without a target", c.source)
        if len(targets) == 1:
            return [mk(targets[0], "replace", new=new)], paths[0], True
        # «пункты 2 и 3 статьи 1 изложить …»: one wording per unit, split at their numbers
        last = max(loc_refs, key=lambda r: RANK[r.type])
        parts = _split_new(new, last.type, [n or "" for n in last.nums], lang)
        if parts is None or len(parts) != len(targets):
            raise InstructionError(
                c.line, f"cannot split the new wording among {len(targets)} units", c.source
            )
        return (
            [mk(t, "replace", new=p) for t, p in zip(targets, parts, strict=True)],
            paths[0],
            True,
        )
    if g.act_re["repeal"].search(skel):
        if not targets:
            raise InstructionError(c.line, "repeal without a target", c.source)
        return [mk(t, "repeal") for t in targets], paths[0], False
    raise InstructionError(c.line, "no action formula the grammar knows", c.source)


# ---------------------------------------------------------------------------- amender


def _quote_end(text: str, lang: str) -> int | None:
    """Where the quote that opens ``text`` closes (after a trailing ``.``/``;``), or None."""
    pairs = grammar(lang).quotes
    closers = set(pairs.values()) - set(pairs)
    stack: list[str] = []
    for i, ch in enumerate(text):
        if stack and ch == pairs[stack[-1]]:
            if ch == pairs.get(ch) and i:
                prev, nxt = text[i - 1], text[i + 1] if i + 1 < len(text) else " "
                if (prev.isspace() or prev in "(«“—:") and nxt.isalnum():
                    stack.append(ch)
                    continue
            stack.pop()
            if not stack:
                m = re.match(r"\s*[.;]", text[i + 1 :])
                return i + 1 + (m.end() if m else 0)
            continue
        if ch in pairs:
            stack.append(ch)
        elif ch in closers and not stack:
            return None
    return None


def _join_quoted(blocks: list[Block], i: int, lang: str) -> tuple[str | None, int]:
    """The quoted new wording starting at ``blocks[i]`` and the index after it.

    The wording may span several blocks (raw text) or be one block holding paragraphs
    (importer form). Text after its closing quote in the same block («…значение.";дополнить
    пунктом 4 …») is put back as a block of its own.
    """
    g = grammar(lang)
    if i >= len(blocks):
        return None, i
    b = blocks[i]
    if b.quoted:  # one block holding the whole wording, with or without its quote marks
        t = b.text.strip()
        return (_unquote(t, lang) if t[:1] in g.quotes else t), i + 1
    if not b.text or b.text[0] not in g.quotes:
        return None, i
    parts = [b.text]
    j = i + 1
    while True:
        joined = "\n\n".join(parts)
        end = _quote_end(joined, lang)
        if end is not None:
            break
        if j >= len(blocks):
            # never balanced (a mark lost in the official text): end at the first block
            # that ends with a closing mark and «.» or «;»
            close = re.compile(r"[\"»”]\s*[.;]\s*$")
            k = next((k for k in range(i, len(blocks)) if close.search(blocks[k].text)), None)
            if k is None:
                return None, i
            parts, j = [x.text for x in blocks[i : k + 1]], k + 1
            joined = "\n\n".join(parts)
            end = len(joined)
            break
        parts.append(blocks[j].text)
        j += 1
    rest = joined[end:].strip()
    if rest:
        blocks.insert(j, Block(blocks[j - 1].line, rest))
    return _unquote(joined[:end], lang), j


def _item(parent: str, child: str) -> str:
    """The amender's item path («art_1__para_2» + «subpara_3»)."""
    return _eid.join(parent, child)


def _norm(text: str) -> str:
    """Latin look-alikes inside Cyrillic words → Cyrillic (the bank writes «қызметiнде»)."""
    return re.sub(r"(?<=[а-яәғқңөұүһі])i|i(?=[а-яәғқңөұүһі])", "і", text, flags=re.I)


def parse_amender(blocks: list[Block], lang: str) -> Amender:
    """Read an amending act: cited acts, operations, lang-only markers, errors, in-force rule.

    >>> a = parse_amender(blocks_from_text(
    ...     (SOURCES / "seeds/000_68549f57bdbdd563.txt").read_text()), "kk")
    >>> len(a.acts), len(a.operations), a.errors
    (2, 16, [])
    """
    g = grammar(lang)
    blocks = list(blocks)  # a quoted wording may give back the rest of its block
    res = Amender(lang=lang)
    act: CitedAct | None = None
    art_item = act_item = item1 = item2 = ""
    # Scopes set by headers («в статье 5:», «12-бапта:»): that of a «1.» item (its «1)»
    # items start from it) and the current one (unnumbered headers nest into it).
    base1: Path_ = ()
    scope: Path_ = ()
    amending = False
    eif_blocks: list[Block] = []
    # What each block was read as (keyed by id): a block of text that was read as nothing
    # is checked by instruction_shape afterwards (_unread), and reported if it looks like
    # an instruction.
    read_as: dict[int, str] = {}
    i = 0
    while i < len(blocks):
        b = blocks[i]
        i += 1
        if b.quoted:
            continue
        text = b.text.strip()
        m = g.article.match(_norm(text))
        if m:
            art_item = f"art_{m['num']}"
            text = m["rest"].strip()
            cit = parse_citation(text, lang) if text else None
            amending = bool(cit) or bool(text and g.amends.search(text) and text.endswith(":"))
            act, act_item, item1, item2 = None, art_item, "", ""
            base1 = scope = ()
            if not amending:
                if text and _repeal_act(text, b, art_item, lang, res):
                    read_as[id(b)] = "repeal_act"
                elif text:
                    eif_blocks.append(Block(b.line, text))
                    read_as[id(b)] = "provision"
                else:
                    read_as[id(b)] = "heading"
                continue
            if not cit:
                read_as[id(b)] = "lead-in"
                continue
        elif not art_item and not act and g.amends.search(text) and text.endswith(":"):
            amending = True  # an amender without articles («Внести изменения в …:»)
            cit = parse_citation(text, lang)
            if not cit:
                read_as[id(b)] = "lead-in"
                continue
        else:
            cit = parse_citation(text, lang)
        if art_item and not amending:
            if _repeal_act(text, b, art_item, lang, res):
                read_as[id(b)] = "repeal_act"
            else:
                eif_blocks.append(Block(b.line, text))
                read_as[id(b)] = "provision"
            continue
        if cit:
            read_as[id(b)] = "citation"
            nm = re.match(r"^(\d+)\.", text)
            act = cit
            act.line = b.line
            if nm:
                act_item = _item(art_item, f"para_{nm[1]}")
            else:
                act_item = art_item
            act.item = act_item
            res.acts.append(act)
            item1 = item2 = ""
            base1 = scope = ()
            tail = text.split("):", 1)[1].strip() if "):" in text else ""
            if not tail:
                continue
            text = tail  # «…181-құжат):3-баптың 2-тармағы алып тасталсын.»
        level = 0
        nm1 = re.match(r"^(\d+(?:-\d+)?)\.\s*(.*)$", text) if act else None
        nm2 = re.match(r"^(\d+(?:-\d+)?)\)\s*(.*)$", text)
        if nm2 and any(r.start == 0 for r in find_refs(_norm(mask_quotes(text, lang)[0]), lang)):
            nm2 = None  # «17) тармақша мынадай редакцияда жазылсын»: the number is the unit's
        if nm1:  # «1. В статье 5:» — items of a single-act amender
            level, item1, item2, body = 1, _item(act_item, f"para_{nm1[1]}"), "", nm1[2]
            base1 = scope = ()
        elif nm2:
            level, item2, body = 2, _item(item1 or act_item, f"subpara_{nm2[1]}"), nm2[2]
            scope = base1
        else:
            body = text
        item = item2 or item1 or act_item
        skel, quotes, balanced = _mask(body, lang)
        # Latin look-alikes in the instruction's own words are repaired and reported (quoted
        # words stay exactly as written; amend.find_words matches through them)
        skel, fixed = fold_lookalikes(skel)
        skel = _norm(skel)
        res.repairs += [(b.line, old, new) for old, new in fixed]
        if not balanced and g.verbs.search(body):
            res.errors.append(InstructionError(b.line, "unbalanced quotes", b.text.strip()))
            read_as[id(b)] = "error"
            continue
        neg = negated(skel, lang) if act else None
        if neg:  # «… жазылмасын», «не дополнить»: no change zan could apply
            reason = f"a negated instruction verb («{neg}»)"
            res.errors.append(InstructionError(b.line, reason, b.text.strip()))
            read_as[id(b)] = "error"
            continue
        if not g.verbs.search(skel):
            refs = find_refs(skel, lang)
            header = skel.rstrip().endswith(":") and act is not None
            bad = g.unsupported.search(skel)
            if header and bad:  # «1) мазмұнында:» — instructions under it are reported
                scope = (("?", bad.group()),)
                if level == 1:
                    base1 = scope
                read_as[id(b)] = "header"
            elif header and g.whole_text.search(skel) and not refs:
                scope = WHOLE  # «По всему тексту закона:»
                read_as[id(b)] = "header"
            elif header and refs and _only_refs(skel, refs, lang):
                # a scope header «в статье 12:», «3-тармақта:»
                start = scope if level == 0 else (base1 if level == 2 else ())
                scope = _locate(start, refs, lang)[0]
                if level == 1:
                    base1 = scope
                read_as[id(b)] = "header"
            elif text.endswith(":") and g.act_kinds.search(text) and _date(text, lang)[0]:
                res.errors.append(InstructionError(b.line, "unreadable citation", b.text.strip()))
                read_as[id(b)] = "error"
            continue
        if not act:
            res.errors.append(InstructionError(b.line, "instruction before any cited act", text))
            read_as[id(b)] = "error"
            continue
        c = _Ctx(act=act, item=item, line=b.line, source=b.text.strip(), lang=lang)
        ctx = scope if level == 0 else (base1 if level == 2 else ())
        # language-only instructions
        lo = next((k for k, rx in g.lang_only.items() if rx.search(skel)), None)
        if lo and lo != lang:
            paths = _locate(ctx, find_refs(skel, lang), lang)
            res.not_for_this_language.append(
                LangOnly(act.title, act.date, eid(paths[0]), lo, c.source, b.line, item)
            )
            read_as[id(b)] = "other language"
            continue
        # new wording: inline after «:» or in the following block(s)
        new: str | None = None
        im = re.search(rf":\s*({PH_RE})\s*[.;]?\s*$", skel)
        if im:
            new = " ".join(quotes[int(im.group(1)[1:-1])].split())
            skel = skel[: im.start()] + ":"
        clauses = [x for x in g.clause_split.split(skel) if x.strip()]
        if new is None and any(_needs_new(cl, lang) for cl in clauses):
            j = i
            new, i = _join_quoted(blocks, i, lang)
            read_as.update((id(x), "new wording") for x in blocks[j:i])
        ops: list[Operation] = []
        used = False
        try:
            for cl in clauses:
                need = new if (not used and _needs_new(cl, lang)) else None
                cops, ctx, u = _clause(cl, quotes, lang, ctx, need, c)
                used = used or u
                ops += cops
            if new is not None and not used:
                raise InstructionError(b.line, "quoted new text that no action takes", c.source)
        except InstructionError as e:
            res.errors.append(e)
            read_as[id(b)] = "error"
            continue
        if ops:
            read_as[id(b)] = "operations"
        res.operations += ops
    res.entry_into_force = _entry_into_force(eif_blocks, lang)
    res.errors += _unread(blocks, read_as, lang)
    res.errors.sort(key=lambda e: e.line)
    return res


def _only_refs(skel: str, refs: list[Ref], lang: str) -> bool:
    """Whether a header ending in «:» holds nothing but unit references («в статье 12:»,
    «2-баптың 1-тармағында:», «1) 3-бапта:»): one with other words («23-бап мынадай
    редакцияда жазылмасын:») is an instruction that was not read, not a scope."""
    rest = skel
    for r in sorted(refs, key=lambda r: -r.start):
        rest = rest[: r.start] + " " + rest[r.end :]
    rest = re.sub(r"^\s*(?:\d+(?:-\d+)?[.)]\s*)+", " ", rest)
    words = re.findall(r"\w+", rest)
    allowed = set(grammar(lang).data["and"]) | HEADER_WORDS[lang]
    return all(w.lower() in allowed for w in words)


# Words a scope header may hold besides its unit references (the preposition of the
# Russian locative, the Kazakh «осы Заңның»).
HEADER_WORDS = {"kk": {"осы", "заңның", "кодекстің"}, "ru": {"в", "во", "к", "у"}}


def _unread(blocks: list[Block], read_as: dict[int, str], lang: str) -> list[InstructionError]:
    """Sentences that yielded nothing but look like instructions (instruction_shape), and
    quoted new wordings that no instruction took: each an InstructionError, never skipped.

    In an article that amends no act (the amender's own provisions) only a sentence with an
    instruction verb counts («Приостановить до … действие статей …»), and a provision that
    amends nothing (entry into force, an order to the Government, a transitional
    provision) is not an instruction. The text of a quoted wording that no instruction took
    is reported once, at the sentence before it.
    """
    out: list[InstructionError] = []
    g = grammar(lang)
    k = 0
    prev: Block | None = None
    flagged: set[int] = set()  # blocks reported here
    while k < len(blocks):
        b = blocks[k]
        k += 1
        what = read_as.get(id(b))
        if what not in (None, "provision"):
            prev = b
            continue
        quoted = b.quoted or b.text.lstrip()[:1] in g.quotes
        if quoted:
            if not b.quoted:  # a wording over several blocks of raw text: skip to its end
                parts = [b.text]
                while _quote_end("\n\n".join(parts), lang) is None and k < len(blocks):
                    if read_as.get(id(blocks[k])) not in (None, "provision"):
                        break
                    parts.append(blocks[k].text)
                    k += 1
            if (
                prev is not None
                and id(prev) not in flagged
                and read_as.get(id(prev))
                in (
                    "header",
                    "lead-in",
                    "citation",
                    None,
                )
            ):
                out.append(
                    InstructionError(
                        prev.line, "quoted new wording that no instruction takes", prev.text.strip()
                    )
                )
                read_as[id(prev)] = "error"
            prev = b
            continue
        prev = b
        nxt = blocks[k] if k < len(blocks) else None
        quoted_next = nxt is not None and (nxt.quoted or nxt.text.lstrip()[:1] in g.quotes)
        skel = fold_lookalikes(_norm(mask_quotes(b.text, lang)[0]))[0]
        body = g.article.sub(r"\g<rest>", skel.strip())
        # the amender's own provisions: read whole (a quote mark lost there would mask the
        # rest); inside an amending article only the instruction's own words count
        plain = g.article.sub(r"\g<rest>", _norm(b.text.strip()))
        if amends_nothing(plain if what == "provision" else body, lang):
            continue
        why = signs(body, lang, before_quoted=quoted_next)
        if what == "provision" and "has an instruction verb" not in why:
            continue
        if why:
            reason = "looks like an instruction but was not read (" + ", ".join(why) + ")"
            out.append(InstructionError(b.line, reason, b.text.strip()))
            flagged.add(id(b))
    return out


def _repeal_act(text: str, b: Block, art_item: str, lang: str, res: Amender) -> bool:
    """A whole act declared no longer in force («Признать утратившим силу Закон …»,
    «… Заңының … күші жойылды деп танылсын»): one ``repeal`` of ``*``; True if it was one.
    """
    g = grammar(lang)
    m = g.repeal_act.match(text.strip())
    if not m:
        return False
    nm = re.match(r"^(\d+)\.\s*", text.strip())
    item = _item(art_item, f"para_{nm[1]}") if nm else art_item
    cit = parse_citation(m["cit"], lang, colon=False)
    if not cit:
        res.errors.append(InstructionError(b.line, "unreadable citation", text.strip()))
        return True
    cit.line, cit.item = b.line, item
    res.acts.append(cit)
    res.operations.append(
        Operation(
            act=cit.title,
            act_date=cit.date,
            target="*",
            action="repeal",
            source=text.strip(),
            line=b.line,
            item=item,
        )
    )
    return True


def _needs_new(clause: str, lang: str) -> bool:
    g = grammar(lang)
    ins = any(r.case == "ins" for r in find_refs(clause, lang))
    return bool(g.act_re["replace"].search(clause)) or (
        ins and bool(g.act_re["insert"].search(clause))
    )


def operations(blocks: list[Block], lang: str) -> list[Operation]:
    """The atomic operations of an amending act; raises InstructionError on any unread one.

    >>> ops = operations(blocks_from_text(
    ...     (SOURCES / "seeds/000_68549f57bdbdd563.txt").read_text()), "kk")
    >>> ops[0].target, ops[0].action, ops[0].act, ops[0].act_date
    ('art_3__para_3__subpara_1-2', 'insert', 'Нормативтік құқықтық актілер туралы', '1998-03-24')
    """
    a = parse_amender(blocks, lang)
    if a.errors:
        raise a.errors[0]
    return a.operations


def instruction_errors(blocks: list[Block], lang: str) -> list[InstructionError]:
    """Every sentence that looks like an instruction but that the grammar cannot read.

    >>> text = open("tests/fixtures/kzlaws/rus_4055.md").read()  # quyse/kz-laws rus/4055.md
    >>> [(e.line, e.reason) for e in instruction_errors(blocks_from_text(text), "ru")]
    [(9, 'unbalanced quotes'), (15, 'not in the grammar (Примечания)')]
    """
    return parse_amender(blocks, lang).errors


def acts_cited(blocks: list[Block], lang: str) -> list[CitedAct]:
    """The acts the amender cites, with title, ISO date, line and item.

    >>> [(a.title, a.date) for a in acts_cited(blocks_from_text(
    ...     (SOURCES / "ru/z070000262-adminproc-amendments-2007.ru.txt").read_text()), "ru")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('О нормативных правовых актах', '1998-03-24'),
     ('Об административных процедурах', '2000-11-27')]
    """
    return parse_amender(blocks, lang).acts


# ---------------------------------------------------------------------------- in force


def _rule(text: str, lang: str) -> dict:
    """One in-force rule read from a phrase (no ``source``)."""
    g = grammar(lang)
    m = g.eif["days"].search(text)
    if m:
        rule = {"kind": "days_after_publication", "days": g.cardinal(m["days"])}
        rule["calendar"] = bool(m["calendar"])
    elif m := g.eif["months"].search(text):
        rule = {"kind": "months_after_publication", "months": g.cardinal(m["n"])}
    elif (m := g.eif["date"].search(text)) and g.month(m["month"]):
        mon = g.month(m["month"])
        return {"kind": "date", "date": f"{int(m['year']):04d}-{mon:02d}-{int(m['day']):02d}"}
    elif m := g.eif["publication"].search(text):
        rule = {"kind": "on_publication"}
    else:
        return {"kind": "unknown"}
    if m["first"]:
        rule["first_publication"] = True
    return rule


def _entry_into_force(blocks: list[Block], lang: str) -> dict:
    g = grammar(lang)
    for b in blocks:
        text = _norm(re.sub(r"^\d+\.\s*", "", b.text.strip()))
        if not g.eif["verb"].search(text):
            continue
        ex = g.eif["except"].search(text)
        if not ex:
            return {**_rule(text, lang), "source": b.text, "line": b.line}
        # «…, за исключением подпункта 2) статьи 1, который вводится в действие …» /
        # «Осы Заң, … қолданысқа енгізілетін 1-баптың 2) тармақшасын қоспағанда, … енгізіледі.»
        if lang == "ru":
            main, exc = text[: ex.start()], text[ex.end() :]
        else:
            main, exc = text[ex.end() :], text[: ex.start()]
        skel = mask_quotes(exc, lang)[0]
        items = [eid(p) for p in _locate((), find_refs(skel, lang), lang) if p]
        rule = {**_rule(main, lang), "source": b.text, "line": b.line}
        rule["exceptions"] = [{"items": items, **_rule(exc, lang)}]
        return rule
    return {"kind": "unspecified"}


def entry_into_force(blocks: list[Block], lang: str) -> dict:
    """The amender's own in-force rule (its articles after the amending ones).

    >>> entry_into_force([Block(9, "Статья 2. Настоящий Закон вводится в действие с "
    ...     "1 января 2009 года.")], "ru")["date"]
    '2009-01-01'
    """
    return parse_amender(blocks, lang).entry_into_force


# ---------------------------------------------------------------------------- kk ↔ ru


def _act_index(items: list) -> list[int]:
    seen: dict[tuple, int] = {}
    out = []
    for o in items:
        key = (o.act, o.act_date)
        if key not in seen:
            seen[key] = len(seen)
        out.append(seen[key])
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
