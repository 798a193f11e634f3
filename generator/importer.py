"""Import stage: official plain text or text-bank Markdown → structured Markdown.

The input is what the official sources really look like (sources/README.md): hard-wrapped
PDF text with viewer residue, letter-spaced words, Latin letters inside Cyrillic words,
inconsistent heading markup, Markdown emphasis. Every change the importer makes to the
text is reported as a `Repair`; a damage it cannot repair by rule raises `ImportFailure`
(«FILE:LINE: …») unless a correction resolves it.

Choices (documented here because tests rely on them):

- Title: the ``title`` argument when given; else the first ``# …`` line, else the first
  heading-marked or heading-like line (no final punctuation, not a unit). Seed 001 has
  no title of its own (its first line is the viewer's): without ``title`` the first
  residue-free line is used and a warning says so.
- A signature standing before annexes (an order's «Министр / E. Досаев» followed by the
  rules it approves) is moved after the annexes, behind ``***``: the format allows only
  the signature after ``***``. The move is reported (kind ``signature_moved``).
- An annex heading is the approval stamp joined into one line, label included
  («… № 193 бұйрығына 1-қосымша»); the document title that follows is
  ``### … {#annex_N__heading}``. Annexes take their label's number; when a document
  approved by a decree carries no label (seed 004: «… қаулысымен бекітілген»), annexes
  are numbered in order of appearance, so the rules are ``annex_1`` and their own
  «1-қосымша», «2-қосымша» become ``annex_2``, ``annex_3``.
- A letter-spaced run is split into words of the lexicon by the split with the fewest
  words; it must be the only such split, else `ImportFailure`.

>>> r = import_text("# Т\\n\\n1-бап . Осы Заң т и і с .\\n", "kk", lexicon={"тиіс"})
>>> print(r.documents[0].markdown)
# Т
<BLANKLINE>
### 1-бап. {#art_1}
<BLANKLINE>
Осы Заң тиіс.
<BLANKLINE>
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import eid as _eid
from . import parse as _parse
from . import units
from .datafile import load_data
from .eid import EId

DATA = Path(__file__).with_name("data")


class ImportFailure(ValueError):
    """Damage the importer cannot repair by rule; the message is «FILE:LINE: …»."""


@dataclass
class Repair:
    """One change made to the source text.

    >>> Repair("latin", 12, "құзыretіне", "құзыретіне").kind
    'latin'
    """

    kind: str
    line: int
    before: str
    after: str
    reason: str = ""


@dataclass
class ImportedDocument:
    """One document of an imported file: ``role`` is "act", "covering" or "carried".

    >>> ImportedDocument("act", "# Т\\n", "Т").role
    'act'
    """

    role: str
    markdown: str
    title: str
    # Line of the Markdown → line of the source file it was imported from.
    line_map: dict[int, int] = field(default_factory=dict)


@dataclass
class ImportResult:
    """The documents of a file with the repairs made and the warnings raised.

    >>> ImportResult().documents
    []
    """

    documents: list[ImportedDocument] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------
# Data

LETTER = r"[^\W\d_]"
NUM = r"\d+(?:-\d+)*"
WORD_RE = re.compile(rf"{LETTER}+")
SPACES = " \u00a0\u2007\u202f"


@lru_cache(maxsize=1)
def _residue() -> dict:
    raw = load_data(DATA / "residue.yml")
    return {
        "markers": [re.compile(p) for p in raw["viewer_markers"]],
        "header": [re.compile(p) for p in raw["header"]],
        "footer": [re.compile(p) for p in raw["footer_start"]],
        "lines": [(k, re.compile(p)) for k, p in raw["lines"].items()],
    }


@lru_cache(maxsize=1)
def _latin() -> tuple[dict[str, list[str]], dict[str, str]]:
    raw = load_data(DATA / "latin_lookalikes.yml")
    table = {
        k: v if isinstance(v, list) else [v]
        for k, v in {**raw["lookalikes"], **raw["transliteration"]}.items()
    }
    return table, dict(raw["roman_from_cyrillic"])


@lru_cache(maxsize=1)
def _lookalikes_only() -> frozenset[str]:
    raw = load_data(DATA / "latin_lookalikes.yml")
    return frozenset(raw["lookalikes"])


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """'L' for a Latin letter, 'C' for a Cyrillic one, '' otherwise."""
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "L"
    if name.startswith("CYRILLIC"):
        return "C"
    return ""


def _scripts(token: str) -> set[str]:
    return {_script(ch) for ch in token} - {""}


# ---------------------------------------------------------------------------------------
# Lexicon and letter-spaced runs


def _map_mixed(token: str, lexicon: Container[str] | None = None) -> str:
    """A token mixing Cyrillic and Latin letters with the Latin ones mapped to Cyrillic.

    >>> _map_mixed("ЕскеRTу"), _map_mixed("құзыretіне"), _map_mixed("ЖYЗЕГЕ")
    ('Ескерту', 'құзыретіне', 'ЖҮЗЕГЕ')
    """
    if _scripts(token) != {"L", "C"}:
        return token
    table, _ = _latin()
    lower_word = any(ch.islower() for ch in token[1:] if _script(ch) == "C")
    options: list[list[str]] = []
    for i, ch in enumerate(token):
        alts = table.get(ch, [ch])
        if i > 0 and lower_word and _script(ch) == "L":
            alts = [a.lower() for a in alts]
        options.append(alts)
    first = "".join(o[0] for o in options)
    if lexicon is None:
        return first
    cands = [first]
    for i, o in enumerate(options):  # one alternative letter at a time
        for alt in o[1:]:
            cands.append(first[:i] + alt + first[i + 1 :])
    for cand in cands:
        if cand.lower() in lexicon:
            return cand
    for cand in cands:  # a letter doubled at the Latin/Cyrillic seam («letтіn»)
        for i in range(len(token) - 1):
            if _script(token[i]) != _script(token[i + 1]) and cand[i] == cand[i + 1]:
                single = cand[:i] + cand[i + 1 :]
                if single.lower() in lexicon:
                    return single
    return first


def build_lexicon(texts: Iterable[str]) -> set[str]:
    """The lower-cased words (two letters or more) of the texts, Latin look-alikes mapped.

    >>> sorted(build_lexicon(["Осы Заң қызметiнде, тиіс."]))
    ['заң', 'осы', 'тиіс', 'қызметінде']
    """
    safe = _lookalikes_only()
    lex: set[str] = set()
    for text in texts:
        for tok in WORD_RE.findall(text):
            if len(tok) < 2:
                continue
            sc = _scripts(tok)
            if sc == {"L", "C"}:  # only plain look-alikes: transliteration is damage
                if all(_script(ch) != "L" or ch in safe for ch in tok):
                    lex.add(_map_mixed(tok).lower())
            elif sc == {"C"}:
                lex.add(tok.lower())
    return lex


_SUBRUN = rf"{LETTER}(?!{LETTER})(?:[ \u00a0]{LETTER}(?!{LETTER})){{2,}}"
RUN_RE = re.compile(
    rf"(?<!{LETTER})(?P<run>{_SUBRUN}(?:[ \u00a0]{{2,}}{_SUBRUN})*)(?P<punct>[ \u00a0][.;:,])?"
)


def _split_run(letters: str, lexicon: Container[str], maxlen: int = 40) -> list[str] | None:
    """Split ``letters`` into lexicon words: the split with fewest words, if unique."""
    low = letters.lower()
    n = len(low)
    inf = n + 1
    best = [inf] * (n + 1)
    count = [0] * (n + 1)
    back = [-1] * (n + 1)
    best[0], count[0] = 0, 1
    for i in range(1, n + 1):
        for j in range(max(0, i - maxlen), i):
            if best[j] < inf and low[j:i] in lexicon:
                cand = best[j] + 1
                if cand < best[i]:
                    best[i], count[i], back[i] = cand, count[j], j
                elif cand == best[i]:
                    count[i] += count[j]
    if best[n] >= inf or count[n] != 1:
        return None
    words: list[str] = []
    i = n
    while i > 0:
        words.append(letters[back[i] : i])
        i = back[i]
    return words[::-1]


class LookedUp:
    """A lexicon that notes what an import asked of it: the words looked up and not found
    (``missed``) and each split of a letter-spaced run and mapping of a mixed-script token
    made with it that missed a word (``calls``, (kind, argument) → result, `lexicon_call`;
    one that found every word it looked up finds them in any larger lexicon). The importer
    asks a lexicon nothing else: an import with a larger lexicon that gives every call noted
    the same result makes the same text (`same_calls`).

    >>> lex = LookedUp({"осы", "тиіс"})
    >>> lexicon_call("split", "осытиіс", lex), lex.calls, "ос" in lex.missed
    (['осы', 'тиіс'], {('split', 'осытиіс'): ['осы', 'тиіс']}, True)
    """

    __slots__ = ("calls", "misses", "missed", "words")

    def __init__(self, words: Container[str]) -> None:
        self.words = words
        self.missed: set[str] = set()
        self.misses = 0  # look-ups that found nothing, repeats counted
        self.calls: dict[tuple[str, str], list[str] | str | None] = {}

    def __contains__(self, word: object) -> bool:
        if word in self.words:
            return True
        self.missed.add(str(word))
        self.misses += 1
        return False


def lexicon_call(kind: str, arg: str, lexicon: Container[str]) -> list[str] | str | None:
    """The split of a letter-spaced run (``kind`` ``split``, `_split_run`) or the mapping
    of a mixed-script token (``mixed``, `_map_mixed`) with ``lexicon``: the importer's only
    uses of a lexicon, noted in a `LookedUp` one.

    >>> lex = LookedUp({"ескерту"})
    >>> lexicon_call("mixed", "ЕскеRTу", lex), lex.calls
    ('Ескерту', {})
    """
    misses = lexicon.misses if isinstance(lexicon, LookedUp) else 0
    got = _split_run(arg, lexicon) if kind == "split" else _map_mixed(arg, lexicon)
    if isinstance(lexicon, LookedUp) and lexicon.misses > misses:
        lexicon.calls[(kind, arg)] = got
    return got


def same_calls(calls: Iterable, lexicon: Container[str]) -> LookedUp | None:
    """``calls`` ((kind, argument, result) noted by `LookedUp`) made again with ``lexicon``,
    noted (what they miss in it) when each gives the result noted; None when one does not.

    >>> "ос" in same_calls([("split", "осытиіс", ["осы", "тиіс"])], {"осы", "тиіс"}).missed
    True
    >>> same_calls([("split", "осытиіс", ["осы", "тиіс"])], {"осы", "тиіс", "осытиіс"})
    """
    look = LookedUp(lexicon)
    for kind, arg, result in calls:
        if lexicon_call(kind, arg, look) != result:
            return None
    return look


# ---------------------------------------------------------------------------------------
# Line-level cleaning


@dataclass
class _Line:
    text: str
    no: int
    marked: int = 0  # Markdown heading level it carried (0: none)
    hard_break: bool = False  # ended with a Markdown hard break («  »)
    table: bool = False
    list_item: bool = False


THEMATIC_BREAK_RE = re.compile(r"[*\-_](?:[ \u00a0]*[*\-_]){2,}")
HEADING_MARK_RE = re.compile(r"^(#{1,6})\s+")
EMPH_RE = re.compile(r"(?<!\S)\*+(?=\S)|(?<=\S)\*+(?!\S)")
LIST_RE = re.compile(rf"^[-•]\s+(?={NUM}[.)])")
POINT_SPACE_RE = re.compile(rf"^({NUM}) \.(?=\s|$)")
# «1-бап .» → «1-бап.»: the Kazakh labels of articles, chapters, sections (units.yml).
_KK_LABEL_WORDS = "|".join(units.label(t, "", "kk").lstrip("-") for t in ("art", "chp", "part"))
LABEL_SPACE_RE = re.compile(rf"^({NUM}-(?:{_KK_LABEL_WORDS})) \.")
END_SPACE_PUNCT_RE = re.compile(r"(?<=\S) +([.;:,])$")
MULTISPACE_RE = re.compile(r"[ \u00a0\u2007\u202f\t]{2,}")
# A tab with the spaces around it (a lone line's tabs are spaces: `_Importer.clean_line`).
TAB_RE = re.compile(r"[ \u00a0]*\t[ \u00a0\t]*")


def _inner_tab(line: str) -> bool:
    """Whether a source line holds a tab inside its text (a table cell's, or a stray one),
    not only tabs that indent or end it.

    >>> _inner_tab("Жыл\\tСаны"), _inner_tab("\\t2-бапта:")
    (True, False)
    """
    return "\t" in line.strip(SPACES + "\t")


# A point's number followed by one tab («1.<TAB>Статистическая деятельность …», 125644 ru:111):
# the tab separates the number from its text, it is no table cell.
NUMBER_TAB_RE = re.compile(r"^[ \u00a0]*[«\"“]?\d+(?:-\d+)*[.)]\t")
_SPACING = ((POINT_SPACE_RE, r"\1."), (LABEL_SPACE_RE, r"\1."), (END_SPACE_PUNCT_RE, r"\1"))
TREATY_SIGN_RE = re.compile(r"^За\s|үшін$")
GLUED_ROMAN_RE = re.compile(r"^[IVXLCDM]+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]")
ROMAN_RE = re.compile(r"(?<=\d-)([IVXLCDMІХСМ]+)(?![^\W\d_])")


class _Importer:
    def __init__(
        self,
        text: str,
        lang: str,
        path: str,
        corrections: list[dict] | None,
        lexicon: Container[str] | None,
        title: str | None,
        kind: str | None,
    ) -> None:
        if lang not in ("kk", "ru"):
            raise ImportFailure(f"{path}:1: unknown language {lang!r} (kk or ru)")
        self.lang = lang
        self.path = path
        self.text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        self.corrections = corrections or []
        self.lexicon = lexicon if lexicon is not None else build_lexicon([self.text])
        self.title_override = title
        self.kind = kind
        self.repairs: list[Repair] = []
        self.warnings: list[str] = []
        self.amending = False
        self._warned: set[str] = set()

    def repair(self, kind: str, line: int, before: str, after: str, reason: str = "") -> None:
        if kind in ("markup", "spacing", "whitespace") and before and after:
            before, after = _snippet(before, after)
        self.repairs.append(Repair(kind, line, before, after, reason))

    def warn(self, msg: str) -> None:
        if msg not in self._warned:
            self._warned.add(msg)
            self.warnings.append(msg)

    # -- raw lines -----------------------------------------------------------------------

    def apply_corrections(self, lines: list[str]) -> list[str]:
        for c in self.corrections:
            find, repl = c["find"], c["replace"]
            where = [c["line"] - 1] if c.get("line") else range(len(lines))
            hit = False
            for i in where:
                if 0 <= i < len(lines) and find in lines[i]:
                    lines[i] = lines[i].replace(find, repl)
                    self.repair("editorial_correction", i + 1, find, repl, c.get("reason", ""))
                    hit = True
            if not hit:
                at = c.get("line") or 1
                raise ImportFailure(f"{self.path}:{at}: correction not applicable: {find!r}")
        return lines

    def drop_residue(self, lines: list[str]) -> list[str | None]:
        res = _residue()
        norm = [ln.replace("\u00a0", " ").strip() for ln in lines]
        out: list[str | None] = list(lines)
        if not any(rx.search(s) for s in norm[:15] for rx in res["markers"]):
            return out
        last_header = -1
        for i, s in enumerate(norm[:15]):
            if any(rx.search(s) for rx in res["header"]):
                last_header = i
        for i in range(last_header + 1):
            if norm[i]:
                self.repair("residue", i + 1, lines[i], "")
            out[i] = None
        footer = next(
            (i for i, s in enumerate(norm) if any(rx.search(s) for rx in res["footer"])), None
        )
        if footer is not None:
            for i in range(footer, len(lines)):
                if norm[i]:
                    self.repair("residue", i + 1, lines[i], "")
                out[i] = None
        for i, s in enumerate(norm):
            if out[i] is None or not s:
                continue
            for name, rx in res["lines"]:
                if rx.search(s):
                    kind = "page_number" if name == "page_number" else "residue"
                    self.repair(kind, i + 1, lines[i], "")
                    out[i] = None
                    break
        return out

    def collapse_runs(self, s: str, no: int) -> str:
        if not RUN_RE.search(s):
            return s

        def fix(m: re.Match) -> str:
            parts = re.split(r"[ \u00a0]{2,}", m["run"])
            words: list[str] = []
            for part in parts:
                letters = part.replace(" ", "").replace("\u00a0", "")
                split = lexicon_call("split", letters, self.lexicon)
                if split is None:
                    raise ImportFailure(
                        f"{self.path}:{no}: letter-spaced run {part!r} has no unique split "
                        "into known words (add a correction)"
                    )
                words.extend(split)
            after = " ".join(words) + (m["punct"].strip() if m["punct"] else "")
            self.repair("letter_spacing", no, m[0], after)
            return after

        return RUN_RE.sub(fix, s)

    def fix_latin(self, s: str, no: int) -> str:
        table, roman = _latin()

        def fix_roman(m: re.Match) -> str:
            tok = m[1]
            if _scripts(tok) == {"L", "C"}:
                new = "".join(roman.get(ch, ch) for ch in tok)
                self.repair("roman_numeral", no, tok, new)
                return new
            return tok

        s = ROMAN_RE.sub(fix_roman, s)

        def fix(m: re.Match) -> str:
            tok = m[0]
            sc = _scripts(tok)
            if sc == {"L"}:
                start = m.start()
                if not (start >= 2 and s[start - 1] == "-" and s[start - 2].isdigit()):
                    self.warn(f"{self.path}:{no}: wholly Latin token kept: {tok!r}")
                return tok
            if sc != {"L", "C"}:
                return tok
            if all(ch in "IVXLCDM" or ch in roman for ch in tok) and units.roman_value(tok):
                # «ХIV тарау», «ІV тарау» (Cyrillic Х, І with Latin I, V: quyse/kz-laws 3824 kk
                # line 697, targets/104088/kk.md line 49): a Roman number typed in two
                # alphabets is read in Latin, as its eId number already is.
                new = "".join(roman.get(ch, ch) for ch in tok)
                self.repair("roman_numeral", no, tok, new)
                return new
            if GLUED_ROMAN_RE.match(tok):
                # «Статья IIЗадачи» (850): a Roman number glued to the title's first word is
                # no look-alike letter; «Іі» would corrupt the number.
                return tok
            new = lexicon_call("mixed", tok, self.lexicon)
            if _scripts(new) != {"C"}:
                self.warn(f"{self.path}:{no}: Latin letter with no Cyrillic mapping in {tok!r}")
                return tok
            self.repair("latin", no, tok, new)
            return new

        return WORD_RE.sub(fix, s)

    def clean_line(self, raw: str, no: int, lone: bool = False) -> _Line | None:
        """One source line → a cleaned `_Line` (None for a blank line). ``lone``: no line
        next to it holds a tab inside its text (the line would be a table of one row)."""
        if "\t" in raw and not _inner_tab(raw):
            # «\t2-бапта:» (129702 kk): a tab that only indents the line is no table cell
            self.repair("whitespace", no, raw.rstrip("\n"), raw.strip(SPACES + "\t"))
            raw = raw.strip(SPACES + "\t")
        if lone and _inner_tab(raw):
            # «2. В Бюджетный кодекс Республики Казахстан от 4 декабря <TAB>2008 года:»
            # (156584 ru:15; 161992 kk:39): tabs inside one line of running text, no row
            # above or below it, are spaces; a table has rows of cells (the text bank's
            # «Жыл<TAB>Саны» ⏎ «1<TAB>2»).
            fixed = TAB_RE.sub(" ", raw.strip(SPACES + "\t"))
            self.repair("whitespace", no, raw.rstrip("\n"), fixed)
            raw = fixed
        if raw.count("\t") == 1 and NUMBER_TAB_RE.match(raw):
            fixed = raw.replace("\t", " ", 1)
            self.repair("whitespace", no, raw.rstrip("\n"), fixed.rstrip("\n"))
            raw = fixed
        if "\t" in raw and raw.strip(SPACES + "\t"):
            cells = [self.fix_latin(c.strip(SPACES), no) for c in raw.rstrip("\n").split("\t")]
            return _Line("\t".join(cells), no, table=True)
        hard = raw.endswith("  ") and bool(raw.strip())
        s = raw.strip(SPACES)
        if not s:
            return None
        if THEMATIC_BREAK_RE.fullmatch(s):
            # «* * *» between a treaty and its signatures: a separator, not text (and the
            # structured format keeps `***` for the signature).
            self.repair("markup", no, s, "")
            return None
        line = _Line(s, no, hard_break=hard)
        m = HEADING_MARK_RE.match(s)
        if m:
            line.marked = len(m[1])
            s = s[m.end() :]
        if "*" in s:
            new = EMPH_RE.sub("", s.replace("**", ""))
            if new != s:
                self.repair("markup", no, s, new)
                s = new
        m = LIST_RE.match(s)
        if m:
            self.repair("markup", no, s[: m.end()], "")
            s = s[m.end() :]
            line.list_item = True
        s = self.collapse_runs(s, no)
        s2 = MULTISPACE_RE.sub(" ", s).replace("\u00a0", " ").strip()
        if s2 != s and MULTISPACE_RE.search(s):
            self.repair("whitespace", no, s, s2)
        s = s2
        if not s:
            return None
        for rx, rep in _SPACING:
            new = rx.sub(rep, s)
            if new != s:
                self.repair("spacing", no, s, new)
                s = new
        if line.marked:
            # «## Статья 1Определения», «## 1-бапАйқындамалар» (quyse/kz-laws 336): the
            # label runs into the heading's title.
            new = units.unglue_heading(s, self.lang)
            if new is not None:
                self.repair("spacing", no, s, new)
                s = new
        s = self.fix_latin(s, no)
        line.text = s
        return line

    # -- paragraphs ----------------------------------------------------------------------

    def paragraphs(self, lines: list[str | None]) -> list[_Para]:
        """Cleaned lines → paragraphs: hard-wrapped lines and split words rejoined."""
        blocks: list[list[_Line]] = [[]]

        def row(k: int) -> bool:
            other = lines[k] if 0 <= k < len(lines) else None
            return other is not None and _inner_tab(other)

        for i, raw in enumerate(lines):
            lone = not row(i - 1) and not row(i + 1)
            ln = None if raw is None else self.clean_line(raw, i + 1, lone)
            if ln is None:
                if raw is not None and blocks[-1]:
                    blocks.append([])
                continue
            blocks[-1].append(ln)
        paras: list[_Para] = []
        for block in blocks:
            first = True
            prev: _Line | None = None
            for ln in block:
                cur = paras[-1] if paras else None
                if ln.table:
                    if cur is not None and cur.rows is not None and not first:
                        cur.rows.append(ln.text.split("\t"))
                    else:
                        paras.append(_Para("", ln.no, rows=[ln.text.split("\t")]))
                elif cur is not None and self._continues(cur, ln, prev, first):
                    glued = _glue(cur.text[-30:], ln.text[:30])
                    self.repair("rejoin", ln.no, cur.text[-30:] + "⏎" + ln.text[:30], glued)
                    cur.text = _glue(cur.text, ln.text)
                else:
                    paras.append(_Para(ln.text, ln.no, marked=ln.marked))
                first = False
                prev = ln
        return paras

    @staticmethod
    def _continues(cur: _Para, ln: _Line, prev: _Line | None, first: bool) -> bool:
        if cur.rows is not None or cur.marked or ln.marked or ln.list_item:
            return False
        if cur.fence is None and DATE_ABBR_END_RE.search(cur.text) and ln.text[:1] in OPEN_QUOTES:
            # «Внести в Закон … от 20 июля 1995 г.» ⏎ «"О таможенном деле …"»: «г.» abbreviates
            # «года», the sentence goes on with the act's title (amendments/11624/ru.md).
            return True
        if (
            cur.fence is None
            and _open_paren(cur.text)
            and not _starts_unit(ln.text)
            # «… (Жоғарғы Кеңесiнiң Жаршысы, 1995 ж., N 6 … енгiзiлсiн:» ⏎ «61-бапта:»
            # (930 kk: the bracket is never closed): a lead-in ends its block.
            and not cur.text.rstrip().endswith(":")
            # «… Қазақстан Республикасының Заңы;» ⏎ «II бөлiмде:» (104210 kk:377-379, the
            # bracket never closed): a scope header after a lead-in's «;» is a block of its own
            and not (
                _ends_sentence(cur.text) and ln.text.rstrip().endswith(":") and ")" not in ln.text
            )
        ):
            # «Внести в Закон … (Ведомости …, 1995 г., N 22;» ⏎ «N 23, ст. 931; …)»: a list
            # of publications broken across blocks goes on until its bracket closes.
            return not NOTE_RE.match(ln.text)
        if first and _split_instruction(cur.text, ln.text):
            return True
        if first and BARE_NOTE_RE.fullmatch(cur.text) and NOTE_RE.match(f"{cur.text} {ln.text}"):
            # «Примечание.» ⏎ «Текст международного Соглашения, прилагаемый …», «Ескерту.» ⏎
            # «Нормативтік құқықтық актіге қоса тіркелген …» (126016 ru and kk).
            return True
        if (
            first
            and NOTE_RE.match(cur.text)
            and not _ends_sentence(cur.text)
            and len(cur.text.split()) <= 12
            and not ln.text.isupper()
            and not _starts_unit(ln.text)
            and not NOTE_RE.match(ln.text)
            and len(ln.text.split()) <= 10
        ):
            # «РҚАО-ның ескертуі. ҚР Үкіметінің 2000 жылғы 6 қазандағы» ⏎ «N 1504 Қаулысын -
            # Келісімді бекіту туралы» ⏎ «Қаулысын қараңыз.» (8868 kk): a note broken into
            # lines goes on until its sentence ends.
            return True
        if NOTE_RE.match(cur.text) and NOTE_TAIL_RE.match(ln.text):
            # «ЕСКЕРТУ. 5-бап жаңа редакцияда - Қазақстан Республикасының 1999.07.26.» ⏎
            # «N 462 Заңымен. Z990462_» (targets/104318/kk.md): the amender's date, number
            # or kind broken onto an indented line after a blank one is the note's end.
            return True
        if _ends_sentence(cur.text) or _starts_unit(ln.text) or NOTE_RE.match(ln.text):
            return False
        if first and _two_instructions(cur.text, ln.text):
            return False
        if NAME_RE.match(ln.text) or NAME_RE.match(cur.text):
            return False
        if first and _closed_instruction(cur.text):
            return False
        if first:  # across a blank line (or a page break): only a lower-case continuation
            return bool(
                LOWER_START_RE.match(ln.text)
                or OPEN_END_RE.search(cur.text)
                or _sentence_tail(cur.text, ln.text)
                or _clause_goes_on(cur.text, ln.text)
            )
        # A Markdown hard break ends the paragraph unless the next line goes on in lower case.
        hard = prev is not None and prev.hard_break
        return not hard or bool(LOWER_START_RE.match(ln.text))

    # -- documents -----------------------------------------------------------------------

    def drop_toc(self, paras: list[_Para]) -> list[_Para]:
        """Drop the text bank's table of contents («Мазмұны» / «Оглавление»): a run of
        headings with no text between them, labelled, or standing before the title line
        (targets/104088/kk.md). It is not law text and would repeat every unit."""

        def key(p: _Para) -> tuple[str, str] | None:
            hit = units.match_heading(p.text, self.lang) if p.rows is None else None
            return (hit[0], hit[1]) if hit else None

        def entry(p: _Para) -> bool:
            return (
                p.rows is None
                and p.fence is None
                and not NOTE_RE.match(p.text)
                and (not _ends_sentence(p.text) or (key(p) is not None and len(p.text) < 20))
                and len(p.text.split()) <= 40
            )

        start = end = None
        for i, p in enumerate(paras[:80]):
            if p.rows is None and p.text.strip(" *#:.") in units.toc_labels():
                j = i + 1
                first = key(paras[j]) if j < len(paras) else None
                while j < len(paras) and entry(paras[j]) and not paras[j].marked:
                    if j > i + 1 and first is not None and key(paras[j]) == first:
                        break
                    j += 1
                start, end = i, j
                break
        if start is None and paras and not paras[0].marked and key(paras[0]):
            k = next((i for i, p in enumerate(paras) if p.marked == 1), None)
            if k is not None and k >= 2 and all(entry(p) for p in paras[:k]):
                start, end = 0, k
        if start is None or end is None or end - start < 2:
            return paras
        self.repair(
            "toc",
            paras[start].line,
            f"{end - start} line(s) of the table of contents",
            "",
            "a table of contents is not law text (DESIGN.md «Operations»: toc)",
        )
        return paras[:start] + paras[end:]

    def run(self) -> ImportResult:
        lines = self.apply_corrections(self.text.split("\n"))
        kept = self.drop_residue(lines)
        paras = self.drop_toc(self.paragraphs(kept))
        if not paras:
            raise ImportFailure(f"{self.path}:1: no text")
        split = next(
            (
                i
                for i, p in enumerate(paras[:-1])
                if i > 0 and p.rows is None and p.text in CARRIED_MARKERS
            ),
            None,
        )
        docs: list[ImportedDocument] = []
        if split is None:
            docs.append(self.document("act", paras, self.title_override))
        else:
            self.repair("split", paras[split].line, paras[split].text, "")
            docs.append(self.document("covering", paras[:split], self.title_override))
            docs.append(self.document("carried", paras[split + 1 :], None))
        return ImportResult(docs, self.repairs, self.warnings)

    def document(self, role: str, paras: list[_Para], title: str | None) -> ImportedDocument:
        paras = list(paras)
        self.title_line = paras[0].line if paras else 1
        if title is None:
            first = paras[0]
            # «ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН» / «ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ» on a line of its
            # own names the kind of act, not the act: the title is the next line.
            if (
                len(paras) > 1
                and first.rows is None
                and ACT_TYPE_ONLY_RE.match(first.text)
                and paras[1].rows is None
                and _heading_like(paras[1].text)
            ):
                self.repair("title", first.line, first.text, "")
                paras = paras[1:]
                first = paras[0]
            self.title_line = first.line
            if first.rows is None and (first.marked or _heading_like(first.text)):
                title = first.text
                paras = paras[1:]
                m = ACT_TYPE_PREFIX_RE.match(title)
                if m and m.end() < len(title):
                    self.repair("title", first.line, title, title[m.end() :])
                    title = title[m.end() :]
            else:
                title = first.text
                self.warn(
                    f"{self.path}:{first.line}: no title line; using {title[:60]!r} "
                    "(pass title= to name the act)"
                )
        self.unit_titles(paras)
        self.mark_restarts(paras)
        # The act's own text, without a document it carries (a treaty's «… изложить в
        # следующей редакции:» does not make a ratification law an amending act).
        if self.kind != "amending":
            _mark_carried(paras, self.lang)
        own = next((paras[:k] for k, q in enumerate(paras) if _carried_title(q, k)), paras)
        amending = (
            self.kind == "amending"
            or (
                self.kind is None
                and (
                    bool(AMENDING_TITLE_RE.search(title))
                    # By content when the title does not say it (the text bank's «… енізу
                    # туралы», quyse/kz-laws 104160 kk): a new-wording lead-in followed by
                    # its quotation.
                    or any(
                        a.rows is None
                        and b.rows is None
                        and LEAD_IN_RE.search(a.text.rstrip().rstrip(":"))
                        and _opens_quotation(b.text)
                        for a, b in zip(own, own[1:], strict=False)
                    )
                )
            )
        )
        self.amending = amending
        items = self.fence_quotes(paras) if amending else paras
        md, line_map = self.emit(title, items).markdown()
        return ImportedDocument(role, md, title, line_map)

    def unit_titles(self, paras: list[_Para]) -> None:
        """A «# …» line that is a unit's heading is no title of a carried document.

        The text bank marks the sections of a code as titles: «# Бірінші бөлім» ⏎ «# Жалпы
        ережелер», «# Раздел первый Общие положения» (quyse/kz-laws 3824, the Forest Code).
        Such a line is the section's heading, and the «# …» line right after a bare label is
        the section's title; both are taken as heading-marked lines of the text (reported).
        """
        for k, p in enumerate(paras):
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            if (
                not p.marked
                and p.rows is None
                and p.fence is None
                and nxt is not None
                and (hit := units.match_heading(p.text, self.lang)) is not None
                and hit[0] == "chp"
                and units.roman_value(hit[2]) is not None
                and _heading_like(p.text[len(hit[2]) :].lstrip(". "))
                and len(p.text.split()) <= 12
                and (h2 := units.match_heading(nxt.text, self.lang)) is not None
                and h2[0] == "art"
            ):
                # «I. Жалпы Ережелер» with no heading mark, right before «## 1-бап. …»
                # (targets/104318/kk.md line 3; the Russian marks it «## I. Общие положения»).
                p.marked = 2
                why = "a bare Roman chapter number right before an article"
                self.repair("heading_mark", p.line, p.text[:60], "## " + p.text[:60], why)
                continue
            if p.marked != 1 or p.rows is not None or p.fence is not None:
                continue
            hit = units.match_heading(p.text, self.lang)
            if hit is None or hit[0] == "annex" or not self.unit_heading(p.text, p.marked):
                continue
            p.marked = 2
            why = "a unit's heading, not the title of a carried document"
            self.repair("heading_mark", p.line, "# " + p.text[:60], "## " + p.text[:60], why)
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            if (
                nxt is not None
                and p.text.strip(" .") == hit[2]
                and nxt.marked == 1
                and nxt.rows is None
                and nxt.fence is None
                and _heading_like(nxt.text)
            ):
                nxt.marked = 2
                self.repair(
                    "heading_mark", nxt.line, "# " + nxt.text[:60], "## " + nxt.text[:60], why
                )

    def mark_restarts(self, paras: list[_Para]) -> None:
        """A document whose articles start again at 1 is another document the act carries.

        A ratification law («Статья 1. Ратифицировать Устав …») followed by the treaty with
        no «# title» line (quyse/kz-laws 84492), or an agreement followed by its protocol
        (3376: «## Протокол …», then «## Статья 1»): each carried document becomes its
        own annex (DESIGN.md «Unit IDs»). Its title is the first heading-like block after
        the last article, point or signature line before the restart; it is marked as a
        carried title («# …», `_carried_title`) and the repair reported.
        """
        seen_art = False
        for k, p in enumerate(paras):
            if _carried_title(p, k):
                seen_art = False
                continue
            if p.rows is not None or p.fence is not None or not self.unit_heading(p.text, p.marked):
                continue
            hit = units.match_heading(p.text, self.lang)
            if hit is None or hit[0] != "art":
                continue
            if hit[1] != "1" or not seen_art:
                seen_art = True
                continue
            stop = k - 1
            while stop > 0:
                q = paras[stop]
                if q.rows is None and q.fence is None and not _is_note(q):
                    hq = units.match_heading(q.text, self.lang)
                    if (
                        (hq is not None and hq[0] == "art")
                        or POINT_RE.match(q.text)
                        or NAME_RE.match(q.text)
                        or (SIGN_KEYWORD_RE.search(q.text) and len(q.text.split()) <= 8)
                        # a treaty's signature line: «За Правительство …» / «… Үкіметі үшін»
                        or (TREATY_SIGN_RE.search(q.text) and len(q.text.split()) <= 12)
                    ):
                        break
                stop -= 1
            if any(_annex_label(q) for q in paras[stop + 1 : k]):
                seen_art = False  # an annex's own articles («ПРИЛОЖЕНИЕ», 45116)
                continue
            title = next(
                (
                    q
                    for q in paras[stop + 1 : k]
                    if q.rows is None
                    and q.fence is None
                    and not _is_note(q)
                    and _heading_like(q.text)
                    and not q.text.rstrip().endswith(",")
                    and len(q.text.split()) <= 40
                ),
                None,
            )
            if title is None or stop <= 0:
                continue
            self.repair(
                "carried_title",
                title.line,
                title.text[:60],
                "# " + title.text[:60],
                f"articles start again at 1 (line {p.line}): another document carried",
            )
            title.marked = 1
            seen_art = False

    def fence_quotes(self, paras: list[_Para]) -> list[_Para]:
        """Group the new wording an instruction quotes into one ``new-text`` block.

        A quotation opens at a block that starts with a quote mark right after a lead-in
        ending in «:» («… следующего содержания:», «… мынадай редакцияда жазылсын:») or
        right after another quotation («1) …;»; «6) …»;»), and only when its first quote
        runs to the end of the block or beyond: «"келісу арқылы" деген сөздерден кейін …»
        is an instruction that starts with quoted words, not new wording.
        """
        out: list[_Para] = []
        paras = list(paras)
        i = 0
        while i < len(paras):
            p = paras[i]
            prev = out[-1] if out else None
            cut = _see_tail(p.text) if p.rows is None and p.fence is None else None
            if cut is not None:
                # ««3. … шығарылады.».ҚР Конституциялық кеңесінің … қаулысын қараңыз»
                # (quyse/kz-laws 110240 kk): the text bank's remark glued to the quotation.
                self.repair("split", p.line, p.text[cut:], "an editorial note")
                note = _Para(p.text[cut:], p.line)
                p = _Para(p.text[:cut], p.line, marked=p.marked)
                paras[i : i + 1] = [p, note]
            cut = _glued_quotation(p.text) if p.rows is None and p.fence is None else None
            if cut is not None:
                # «13. 130-бап мынадай редакцияда жазылсын:"130-бап. Салықты есептеу …»
                # (quyse/kz-laws 2486 kk line 121): the quotation glued to its lead-in.
                self.repair("split", p.line, p.text[cut : cut + 30], "quoted new wording")
                head = _Para(p.text[:cut].rstrip(), p.line, marked=p.marked)
                paras[i : i + 1] = [head, _Para(p.text[cut:].lstrip(), p.line)]
                out.append(head)
                i += 1
                continue
            after_lead = prev is not None and (
                prev.fence is not None
                or (prev.rows is None and prev.text.rstrip().endswith(":"))
                # «… мынадай редакцияда жазылсын;» before the quotation (amendments/104406).
                or (prev.rows is None and bool(LEAD_IN_RE.search(prev.text)))
            )
            if (
                after_lead
                and p.rows is None
                and not _opens_quotation(p.text)
                and prev is not None
                and prev.fence is None
                and LEAD_IN_RE.search(prev.text.rstrip().rstrip(":"))
                and _quote_depth(p.text) < 0
                and QUOTE_END_RE.search(p.text.rstrip())
            ):
                # «… подпунктом 42) следующего содержания:» then «42) археологические …
                # культуры.".» (quyse/kz-laws 104132 ru): the opening mark is missing, the
                # closing one ends the block: one block of new wording.
                why = (
                    "closes one quote mark more than it opens"
                    if p.text[:1] in OPEN_QUOTES
                    else "has no opening quote mark"
                )
                self.warn(
                    f"{self.path}:{p.line}: quoted new wording {why}; taken as the one "
                    "block that ends with its closing mark"
                )
                out.append(_Para("", p.line, fence=[_fence_text(p)]))
                i += 1
                continue
            if after_lead and p.rows is None and _opens_quotation(p.text):
                j = i
                depth = 0
                while j < len(paras):
                    if paras[j].rows is None:
                        depth += _quote_depth(paras[j].text)
                    # The quote closes where the marks balance: «"Вопрос-ответ";» inside
                    # the quoted text ends with `";` but opens and closes its own pair.
                    if depth <= 0 and QUOTE_END_RE.search(paras[j].text.rstrip()):
                        break
                    # «… Законом … "Об амнистии … денег".»: the text bank prints one mark
                    # for the inner and the outer closing quote; the next item ends it.
                    nxt = paras[j + 1] if j + 1 < len(paras) else None
                    if (
                        depth == 1
                        and _quote_depth(paras[j].text) == 1  # not «"Вопрос-ответ";»
                        and paras[j].text.rstrip().endswith(('".', '";'))
                        and (nxt is None or (nxt.rows is None and _starts_unit(nxt.text)))
                        and not _closes_after(paras, j)
                    ):
                        break
                    if nxt is not None and (
                        _next_item(prev, nxt) or _next_outer_item(out, prev, paras, i, j)
                    ):
                        # «7. Мынадай мазмұндағы 12-1-баппен толықтырылсын:» «"12-1-бап. …
                        # жүргізілуі мүмкін.» (no closing mark), then «8. 13 және 14-баптар
                        # мынадай редакцияда жазылсын:» (quyse/kz-laws 3772 kk; 104390 kk
                        # «3) …:» then «4) 14-баптың … толықтырылсын;»): the item after the
                        # one that leads in, with its own verb, ends this quotation.
                        self.warn(
                            f"{self.path}:{p.line}: quoted new wording never closes; taken to "
                            f"end before the next item (line {nxt.line})"
                        )
                        break
                    j += 1
                if j < len(paras):
                    out.append(_Para("", p.line, fence=[_fence_text(q) for q in paras[i : j + 1]]))
                    i = j + 1
                    continue
                # The marks never balance. A closing mark is missing inside (quyse/kz-laws
                # 104160 kk: «"8-1-бап. …» then «"10-1-бап. … құралады.";»): the quotation
                # ends at the first block that closes one, when no instruction stands
                # between; else the closing mark itself is missing (amendments/62564/ru.md
                # «5. Контроль … в порядке,»): it ends before the next item.
                end = next(
                    (
                        k
                        for k in range(i, len(paras))
                        if paras[k].rows is None and QUOTE_END_RE.search(paras[k].text.rstrip())
                    ),
                    None,
                )
                if end is not None and not any(
                    paras[k].rows is None
                    and INSTRUCTION_VERB_RE.search(paras[k].text)
                    and not _opens_quotation(paras[k].text)
                    for k in range(i + 1, end + 1)
                ):
                    self.warn(
                        f"{self.path}:{p.line}: quoted new wording never balances its quote "
                        f"marks; taken to end at line {paras[end].line}"
                    )
                    out.append(
                        _Para("", p.line, fence=[_fence_text(q) for q in paras[i : end + 1]])
                    )
                    i = end + 1
                    continue
                k = next(
                    (
                        k
                        for k in range(i + 1, len(paras))
                        if paras[k].rows is None and _starts_unit(paras[k].text)
                    ),
                    None,
                )
                if (
                    k is not None
                    and _heading_of_new_unit(p.text)
                    and not INSTRUCTION_VERB_RE.search(paras[k].text)
                ):
                    # «"353-бап. Борышкерге iздеу салу» then its points «1. …», «2. …» and
                    # no closing mark (quyse/kz-laws 924 kk): a new article's points are its
                    # text; the quotation ends before the next instruction.
                    k = next(
                        (
                            j
                            for j in range(k, len(paras))
                            if paras[j].rows is None
                            and INSTRUCTION_VERB_RE.search(paras[j].text)
                            and not _opens_quotation(paras[j].text)
                        ),
                        k,
                    )
                if k is not None:
                    self.warn(
                        f"{self.path}:{p.line}: quoted new wording never closes; taken to end "
                        f"before the next item (line {paras[k].line})"
                    )
                    out.append(_Para("", p.line, fence=[_fence_text(q) for q in paras[i:k]]))
                    i = k
                    continue
                self.warn(f"{self.path}:{p.line}: quoted new wording never closes")
            out.append(p)
            i += 1
        return out

    def emit(self, title: str, items: list[_Para]) -> _Out:
        out = _Out()
        out.add(f"# {title}", self.title_line)
        labels = [i for i, p in enumerate(items) if _annex_label(p) or _carried_title(p, i)]
        bound = labels[0] if labels else len(items)
        # A ratification or approval law followed by the document it carries (a second
        # «# title» line, quyse/kz-laws 156586): the document is annex_1 of the act
        # (DESIGN.md «Unit IDs»); the text bank's notice on it stands before its title.
        carried = bool(labels) and _carried_title(items[labels[0]], labels[0])
        pre_notes: list[_Para] = []
        if carried:
            # The text bank's notice, and a remark in brackets beside it («(Протокол о
            # внесении изменений и дополнений в Соглашение … от 11 ноября 1997 года)», 3376
            # ru line 9: the protocol printed after the agreement), stand before the title.
            while bound > 0 and (_is_note(items[bound - 1]) or _bracketed(items[bound - 1])):
                bound -= 1
            pre_notes = items[bound : labels[0]]
        j = bound
        while j > 0 and _short(items[j - 1]):
            j -= 1
        sig: list[_Para] = []
        sig_start = sig_end = bound
        kw = next((k for k in range(j, bound) if SIGN_KEYWORD_RE.search(items[k].text)), None)
        if kw is not None:
            s0 = kw
            while s0 > j and (
                SIGN_LEAD_RE.search(items[s0 - 1].text) or NAME_RE.match(items[s0 - 1].text)
            ):
                s0 -= 1
            s1 = kw + 1
            if s1 < bound and items[s1].text in SIGN_TRAILS:
                s1 += 1  # «Президент» ⏎ «Республики Казахстан»
            if labels:
                while s1 < bound and (
                    SIGN_KEYWORD_RE.search(items[s1].text) or NAME_RE.match(items[s1].text)
                ):
                    s1 += 1
            else:
                s1 = bound
            if carried:
                s1 = bound  # place, date and number of signing belong to the signature
            sig_start, sig_end = s0, s1
            sig = items[s0:s1]
        body = items[:sig_start]
        # Annexes: (stamp start, label index) pairs.
        annexes: list[tuple[int, int]] = []
        for n, li in enumerate(labels):
            if _carried_title(items[li], li):
                start = li
            elif n == 0:
                start = sig_end if sig else j
            else:
                start = li
                while start > labels[n - 1] + 1 and _short(items[start - 1]):
                    start -= 1
            annexes.append((start, li))
        sequential = any(units.annex_number(items[li].text) is None for _, li in annexes)
        treaty_sigs: list[_Para] = []
        if carried and not sig:
            body = items[:bound]
        self.emit_units(out, body, None)
        for n, (start, li) in enumerate(annexes):
            stop = annexes[n + 1][0] if n + 1 < len(annexes) else len(items)
            label_num = units.annex_number(items[li].text)
            if STAMP_START_RE.match(items[li].text):
                # «Приложение к Лесному кодексу» ⏎ «Республики Казахстан» ⏎ «### Основные лесные
                # термины …» (3824 ru): the stamp goes on over its short lines up to the title.
                e = li + 1
                while e < stop and _short(items[e]) and not _annex_label(items[e]):
                    e += 1
                if li + 1 < e < stop and items[e].marked:
                    li = e - 1
            label = " ".join(p.text for p in items[start : li + 1])
            num = str(n + 1) if sequential or label_num is None else label_num
            eid = _eid.segment("annex", num)
            out.add(f"## {label} {{#{eid}}}", items[start].line)
            rest = items[li + 1 : stop]
            if n == 0 and carried:
                for q in pre_notes:
                    out.add("> " + q.text, q.line)
            elif (
                rest
                and rest[0].rows is None
                and rest[0].fence is None
                # A carried document's title line is its heading already (104468 ru).
                and not _carried_title(items[li], li)
            ):
                t = rest[0].text
                if _heading_like(t) and not NOTE_RE.match(t):
                    out.add(f"### {t} {{#{_eid.join(eid, 'heading')}}}", rest[0].line)
                    rest = rest[1:]
            if _carried_title(items[li], li):
                rest, signed = self.treaty_signature(rest, annex=eid)
                treaty_sigs.extend(signed)
            self.emit_units(out, rest, eid)
        if sig or treaty_sigs:
            if annexes and sig:
                self.repair("signature_moved", sig[0].line, sig[0].text, "after the annexes")
            out.add("***", (sig or treaty_sigs)[0].line)
            for p in sig + treaty_sigs:
                if p.rows is not None:  # signatures printed in columns
                    out.add(" ".join(c for row in p.rows for c in row if c), p.line)
                else:
                    out.add(("> " if _is_note(p) else "") + p.text, p.line)
        self.check_eids(out)
        return out

    def treaty_signature(self, items: list[_Para], annex: str) -> tuple[list[_Para], list[_Para]]:
        """Split a carried treaty's blocks at its signing clause (units.yml
        ``signature.signing_clause``): (the treaty's text, the blocks after the clause).

        What follows the clause «Совершено в городе Москве 9 декабря 2010 года …» / «… бір
        түпнұсқа данада жасалды» — «За Правительство …», «… Үкіметі үшін», the depositary's
        «Настоящим удостоверяю, что данный текст является полной и аутентичной копией …»,
        «Орыс тіліндегі түпнұсқаға сәйкес мемлекеттік тілге аударылды» — signs and certifies
        the document and is laid out differently in the two languages: it is the act's
        signature (metadata), moved after the text as the format keeps it, and reported.
        Only when no unit heading follows the clause in the document.
        """
        rx = SIGNING_CLAUSE_RE[self.lang]
        cut = None
        for k, p in enumerate(items):
            if p.rows is None and p.fence is None and rx.search(p.text) and len(p.text) < 1500:
                cut = k
        if cut is None or cut + 1 >= len(items):
            return items, []
        # The signatures start at the first line after the clause that is no sentence of
        # the treaty: «За Правительство …», «… Үкіметі үшін», columns of names (a table).
        # Sentences between stay its text: «Подлинный экземпляр настоящего Протокола хранится
        # у депозитария …» (49092 ru), «В случае возникновения разногласий в толковании …»
        # (56626 ru).
        start = next(
            (
                k
                for k in range(cut + 1, len(items))
                if items[k].rows is not None
                or (
                    not _is_note(items[k])
                    and not _ends_sentence(items[k].text)
                    and len(items[k].text.split()) <= 30
                )
            ),
            None,
        )
        if start is None:
            return items, []
        head, tail = items[:start], items[start:]
        if any(
            q.rows is None and (q.marked or units.match_heading(q.text, self.lang)) for q in tail
        ):
            return items, []
        self.repair(
            "signature_moved",
            tail[0].line,
            tail[0].text[:60],
            "the act's signature",
            f"signatures and certification of {annex} after its signing clause (line "
            f"{items[cut].line})",
        )
        return head, tail

    def emit_units(self, out: _Out, items: list[_Para], annex: str | None) -> None:
        last_art: str | None = None
        last_point = 0
        prev_art: str | None = None  # the last article heading of any act (superscripts)
        part_first = False  # a section («Раздел 1») came before the first article
        in_art_sections = False  # «Раздел 1» came after an article: sections of articles
        skip: set[int] = set()  # blocks already taken into a heading
        for k, p in enumerate(items):
            if k in skip:
                continue
            if p.fence is not None:
                out.add("```new-text\n" + "\n\n".join(p.fence) + "\n```", p.line)
                continue
            if p.rows is not None:
                out.add(_table(p.rows), p.line)
                continue
            t = p.text
            if (
                NOTE_RE.match(t)
                or SEE_RE.match(t)
                or (k > 0 and items[k - 1].rows is None and NOTICE_RE.match(items[k - 1].text))
            ):
                # «РҚАО-ның ескертпесі!» on a line of its own: the next block is its text.
                out.add("> " + t, p.line)
                continue
            z = _ze_for_three(t, self.lang)
            if z != t:
                # «Статья ЗПоощрение и защита инвестиций» (336 ru): the letter З for the digit 3.
                self.repair("lookalike_digit", p.line, t[:12], z[:12], "the letter З for 3")
                t = z
            t = self.lost_superscript(t, p, prev_art, items[k + 1 :])
            head = self.unit_heading(t, p.marked, annex)
            hit = units.match_heading(t, self.lang) if head else None
            if (
                hit
                and hit[0] == "part"
                and prev_art is not None
                and not part_first
                and (in_art_sections or hit[1] == "1")
            ):
                # «## Статья 1», «## Раздел 1», «## Раздел 2» … (quyse/kz-laws 33116, the
                # 1944 air services transit agreement): numbered sections of an article, not
                # sections holding articles; the label stays the article's text.
                self.warn(
                    f"{self.path}:{p.line}: {hit[2]!r} inside article {prev_art} kept as text "
                    "(closest rule: a section holds articles)"
                )
                head = None
                in_art_sections = True
            elif hit and hit[0] == "part":
                part_first = True
            elif hit and hit[0] == "art":
                prev_art = hit[1]
            if head and self.amending and annex is None:
                hit = units.match_heading(t, self.lang)
                num = hit[1] if hit and hit[0] == "art" else None
                if (
                    num is not None
                    and last_art is not None
                    and num.isdigit()
                    and last_art.isdigit()
                    and int(num) != int(last_art) + 1
                    and int(num) == last_point + 1
                ):
                    # «14. …» then «15-бап. 26-баптың …» (amendments/104392/kk.md): item 15
                    # misprinted as an article label of the amending act; kept as text.
                    self.warn(
                        f"{self.path}:{p.line}: {hit[2]!r} after item {last_point} of "
                        f"article {last_art} kept as text (closest rule: an item «{num}.»)"
                    )
                    head = None
                elif num is not None:
                    last_art, last_point = num, 0
            if head and hit and hit[0] in ("part", "chp", "art") and t.strip(" .") == hit[2]:
                # «## Глава II» ⏎ «## О СТАНДАРТИЗАЦИИ» (104342 ru), «## 4-бап» ⏎ «## Халықаралық
                # Қызыл Крест Комитеті …» (45116 kk): the title on a heading line of its own is
                # the unit's heading, not text under it.
                nxt = items[k + 1] if k + 1 < len(items) else None
                if (
                    nxt is not None
                    and nxt.marked
                    and nxt.rows is None
                    and nxt.fence is None
                    and _heading_like(nxt.text)
                    and not NOTE_RE.match(nxt.text)
                ):
                    joined = self.unit_heading(f"{hit[2]}. {nxt.text}", p.marked, annex)
                    if joined:
                        head = joined
                        skip.add(k + 1)
            if head:
                for h in head:
                    out.add(h, p.line)
                continue
            m_point = POINT_NUM_RE.match(t)
            if m_point:
                last_point = int(m_point[1])
            m = SECTION_RE.match(t)
            if (
                annex
                and m
                and p.marked
                and _heading_like(m[2])
                and _roman_next(items[k + 1 :], m[1])
            ):
                # «### 1. Жолаушылар тасымалы» before «## ІІ. Жүк тасымалы» (1814 kk; ru «### I.
                # Перевозки пассажиров»): the first of the document's Roman-numbered sections.
                out.add(f"### {t} {{#{_eid.join(annex, _eid.segment('chp', m[1]))}}}", p.line)
                continue
            if annex and m and _heading_like(m[2]) and len(t.split()) <= 20:
                nxt = next((q for q in items[k + 1 :] if not NOTE_RE.match(q.text)), None)
                if nxt is not None and nxt.rows is None and POINT_RE.match(nxt.text):
                    out.add(f"### {t} {{#{_eid.join(annex, _eid.segment('chp', m[1]))}}}", p.line)
                    continue
            out.add(t, p.line)

    def lost_superscript(self, t: str, p: _Para, prev: str | None, rest: list[_Para]) -> str:
        """An article number whose superscript the text bank lost: «Статья 16 1» (ru) and
        «161-бап» / «Статья 161» right after article 16 are article 16-1 (quyse/kz-laws 16022; an
        inserted article is numbered N-1, drafting rules of Law No. 480-V, art. 24).

        Taken only when the number is article ``prev`` with one more digit, is not the
        next article, and the next article heading is ``prev + 1``.
        """
        hit = units.match_heading(t, self.lang)
        if hit is None or hit[0] != "art" or prev is None or not prev.isdigit():
            return t
        if self.amending:
            return t  # «15-бап. 26-баптың …» of an amending act is an item (104392)
        arts = (
            h
            for q in rest
            if q.rows is None and (h := units.match_heading(q.text, self.lang)) and h[0] == "art"
        )
        nxt = next(arts, None)
        if nxt is None or nxt[1] != str(int(prev) + 1):
            return t
        num, label = hit[1], hit[2]
        after = t[len(label) :]
        m = re.match(r" (\d)(?=$|[\s.])", after)
        if num == prev and m:
            new = f"{label}-{m[1]}{after[m.end() :]}"
        elif (
            num.isdigit()
            and len(num) == len(prev) + 1
            and num.startswith(prev)
            and int(num) != int(prev) + 1
            and num[-1] != "0"
            and num in label
        ):
            # «161-бап», «Статья 211» (both texts of 16022)
            new = label.replace(num, f"{prev}-{num[-1]}", 1) + after
        else:
            return t
        self.repair("superscript", p.line, t[:20], new[:20], "a lost superscript: article N-1")
        return new

    def unit_heading(self, t: str, marked: int = 0, annex: str | None = None) -> list[str] | None:
        """A heading block → its structured heading line(s), or None.

        Labels and numbers come from generator/grammar/units.yml: «15-бап.», «Статья 1»,
        «Глава IY.», «II тарау», «Раздел 1», «§ 1». An article label needs a dot, the end of
        the block or a heading mark (else «31-бап 32-бап болып есептелсін» would be one);
        a chapter's or section's title must start with a capital letter.
        """
        hit = units.match_heading(t, self.lang)
        if hit is None or hit[0] == "annex":
            return None
        typ, num, label = hit
        if not marked and units.roman_value(label) is not None:
            return None  # a bare «VII.» heads a chapter only on a heading-marked line
        after = t[len(label) :]
        if typ == "art" and re.match(r"\s+[-–—]\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", after):
            # «Статья 1 - Соблюдение и сфера применения …» (45116): the dash stands for the dot.
            after = "." + after.lstrip()[1:]
        dot = after.lstrip().startswith(".")
        rest = after.strip()
        rest = rest[1:].strip() if dot else rest
        if not dot and re.match(r"[-–—]\s+[^\W\d_]", rest) and rest[2:3].isupper():
            # «Статья 1 - Соблюдение и сфера применения …» (quyse/kz-laws 45116 ru): a
            # dash between the label and its title, as a dot.
            dot, rest = True, rest[1:].strip()
        if typ == "art":
            # «## 243-1-бап мынадай редакцияда жазылсын:» (a marked instruction) is no heading.
            if not (dot or not rest or (marked and not rest[:1].islower())):
                return None
            if self.amending and rest[:1].islower():
                # «40-бап. мынадай редакцияда жазылсын:»: an instruction naming its target.
                return None
        elif not (dot or not rest or marked or (rest[:1].isupper() and _heading_like(rest))):
            return None
        eid = _eid.join(annex, str(EId.of((typ, num))))  # annex_1__art_2, annex_1__chp_2
        level = "###" if typ in ("art", "subchp") else "##"
        if typ == "art" and (not rest or _ends_sentence(rest)):
            lines = [f"{level} {label}. {{#{eid}}}"]
            if rest:
                lines.append(rest)
            return lines
        return [f"{level} {label}. {rest} {{#{eid}}}".replace(".  {", ". {")]

    def check_eids(self, out: _Out) -> None:
        seen = Counter(m[1] for s in out if (m := HEADING_ID_RE.search(s)))
        for eid, n in seen.items():
            if n > 1:
                self.warn(f"{self.path}: heading id {eid!r} occurs {n} times")


class _Out(list):
    """The blocks of a structured document, each with the source line it came from."""

    def __init__(self) -> None:
        super().__init__()
        self.src: list[int] = []

    def add(self, text: str, line: int) -> None:
        self.append(text)
        self.src.append(line)

    def markdown(self) -> tuple[str, dict[int, int]]:
        """The Markdown text and the map from its line numbers to source lines."""
        line_map: dict[int, int] = {}
        n = 1
        for text, src in zip(self, self.src, strict=True):
            line_map[n] = src
            n += text.count("\n") + 2
        return "\n\n".join(self) + "\n", line_map


@dataclass
class _Para:
    text: str
    line: int
    marked: int = 0
    rows: list[list[str]] | None = None
    fence: list[str] | None = None
    carried: bool = False  # the title of a document the act carries (see _mark_carried)


CARRIED_MARKERS = ("Жоба", "Проект")
# Editorial notes of the text bank: «Ескерту.» / «Сноска.», and the Institute of legislation
# and legal information's notices «РҚАО-ның ескертпесі!» / «Примечание РЦПИ!» / «ИЗПИ!».
# Older texts print the word in capitals: «ЕСКЕРТУ. 6-бап өзгерді - …» (quyse/kz-laws 3824 kk,
# targets/104318/kk.md).
NOTE_RE = re.compile(
    rf"^{units.alternatives(tuple(v for w in units.note_words() for v in (w, w.upper())))}\b"
    rf"|^{units.alternatives(units.note_words('notices'))}!"
    # The text bank's notice before a carried treaty: «Примечание. Текст международного
    # Договора, прилагаемый к нормативному правовому акту, не является официальным.»
    r"|^Примечание\.\s+Текст\s+международн(?:ого|ой|ых)\b"
    # The text bank's remark on a carried treaty's publication and entry into force, in
    # brackets under its title: «(Бюллетень международных договоров РК, 2010 г., N 5, ст.
    # 42)(Вступил в силу 1 июля 2010 года)» (53546 ru line 15), «(ҚР халықаралық шарттары
    # бюллетені, 1999 ж., N 4, 77-құжат)…» (848 kk), «(Официальный сайт МИД РК - Вступило в
    # силу …)», «(2012 жылғы … күшіне енді - ҚР СІМ-нің ресми сайты)».
    # The same without brackets: «Вступил в силу 2 марта 2016 года -Бюллетень международных
    # договоров РК 2016 г., № 3, ст. 42» (99386 ru line 13).
    r"|^Вступил[оа]?\s+в\s+силу\s[^.]{0,80}Бюллетень\s+международных"
    # «* (2001 жылғы 1 шілдеден бастап күшіне енді - …)» (8868 kk: the title's footnote mark).
    r"|^(?:\*\s*)?\((?=[^()]{0,160}(?:Бюллетень\s+международных|шарттары\s+бюллетені|в\s+силу"
    r"|күшіне\s+енді|сайт\s+МИД))(?:Бюллетень|ҚР\s+халықаралық|Официальный|Вступил|\d{4}\s+жылғы"
    r"|Келісім\s+қол\s+қойылған)"
)
# A note's opening word alone on its line («Ескерту.», «Примечание.»: 126016).
BARE_NOTE_RE = re.compile(rf"(?:Примечание|{units.alternatives(units.note_words())})\.")
# The text bank's own editorial line «Осы Заңның қолданысқа енгізілу тәртібін 2-баптан
# қараңыз.» (amendments/70958/kk.md) / «Порядок введения в действие настоящего Закона см.
# ст. 2»: a note, not law text.
SEE_RE = re.compile(
    # «РҚАО-ның ескертуі: Қолданысқа енгізілу тәртібін 2-баптан қараңыз.» (28752 kk)
    r"^(?:(?:РҚАО-ның\s+ескертуі:\s*)?Қолданысқа\s+енгізілу\s+тәртібін\s.*қараңыз"
    r"|Осы\s+Заңның\s+қолданысқа\s+енгізілу\s+тәртібін\s.*қараңыз"
    r"|Порядок\s+введения\s+в\s+действие\s.*\bсм\.|ҚР\s[^.]*\sқараңыз\.?$)"
)
# The same remark glued after a quotation's closing mark (see `_see_tail`).
SEE_TAIL_RE = re.compile(r"[.;,]?\s*((?:ҚР\s[^.]*\sқараңыз|См\.\s[^.]*)\.?)$")
NOTICE_RE = re.compile(rf"^{units.alternatives(units.note_words('notices'))}!\s*$")
NAME_RE = re.compile(
    r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?)?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_-]+(?:-[^\W\d_]+)?\.?$"
)
OPEN_END_RE = re.compile(r"(?:[«(]|[^\W\d_]-)$")
# «(не биологическими) факторами среды» (3824 ru, a wrapped line of the glossary) goes on too.
LOWER_START_RE = re.compile(r"^(?:\((?![^\W\d_]\)))?[a-zа-яёәғқңөұүһі]")
UNIT_START_RE = re.compile(rf"^{NUM}[.)](?:\s|$)")
POINT_NUM_RE = re.compile(r"^(\d+)\.(?:\s|$)")
ITEM_NUM_RE = re.compile(r"^(\d+)([.)])\s")
POINT_RE = re.compile(rf"^{NUM}\.(?:\s|$)")
SECTION_RE = re.compile(r"^(\d+)\.\s+(\S.*)$")
HEADING_ID_RE = re.compile(r"\{#([^}\s]+)\}$")
_ACT_TYPE = (
    r"(?:ҚАЗАҚСТАН\s+РЕСПУБЛИКАСЫНЫҢ\s+(?:КОНСТИТУЦИЯЛЫҚ\s+)?ЗАҢЫ"
    r"|(?:КОНСТИТУЦИОННЫЙ\s+)?ЗАКОН\s+РЕСПУБЛИКИ\s+КАЗАХСТАН)"
)
ACT_TYPE_PREFIX_RE = re.compile(rf"^{_ACT_TYPE}\s+", re.IGNORECASE)
ACT_TYPE_ONLY_RE = re.compile(rf"^{_ACT_TYPE}\.?$", re.IGNORECASE)
AMENDING_TITLE_RE = _parse.AMENDING_TITLE_RE  # one pattern for both stages
INSTRUCTION_VERB_RE = re.compile(
    r"жазылсын|толықтырылсын|тасталсын|ауыстырылсын|изложить|дополнить|исключить|заменить"
)
# The words an instruction ends with before the quoted words it gives (see _split_instruction).
INSTRUCTION_TAIL_RE = re.compile(r"(?:словами|словом|цифрами|цифрой|деген\s+сөздер|деген\s+сөз)$")
DATE_ABBR_END_RE = re.compile(r"\d{4}\s*(?:г|ж)\.$")
# The end of an editorial note's citation of its amender: «N 462 Заңымен. Z990462_»,
# «1996.11.22. N 46-1 Заңымен. Z960046_» (a date, a number, then the act's kind).
NOTE_TAIL_RE = re.compile(r"^(?:\d{4}\.\d\d\.\d\d\.?\s*)?[N№]\s*\S+\s+\w+\.?\s*(?:[ZUP]\d{6}_?)?$")
LEAD_IN_RE = re.compile(
    r"(?:редакцияда\s+жазылсын|мазмұндағы\s.*толықтырылсын|следующего\s+содержания"
    r"|в\s+следующей\s+редакции)\s*[;.]?$"
)
OPEN_QUOTES = ('"', "«", "“")
# The colon of a lead-in with the quoted new wording glued after it (see _glued_quotation).
GLUED_LEAD_RE = re.compile(r":\s*(?=[\"«“])")
QUOTE_END_RE = re.compile(r"[\"»”][.;,:]?$")
_SIGN = units.data()["signature"]  # generator/grammar/units.yml
SIGN_KEYWORD_RE = re.compile(
    "|".join(
        [re.escape(w) for w in _SIGN["offices"]]
        + [rf"(?<![^\W\d_]){re.escape(w)}" for w in _SIGN["offices_word_start"]]
    )
)
SIGN_LEAD_RE = re.compile(rf"^{units.alternatives(tuple(_SIGN['leads']))}")
SIGN_TRAILS = tuple(_SIGN.get("trails", ()))
SIGNING_CLAUSE_RE = {lg: re.compile(p) for lg, p in _SIGN["signing_clause"].items()}
# An annex's label line: kk «… 1-қосымша» / «… бекітілген» at its end, ru «Приложение 1»
# / «УТВЕРЖДЕН» as the whole line (labels from units.yml).
ANNEX_LABEL_RE = re.compile(
    rf"(?:^|\s)(?:{units.label_regex('annex', 'kk')}|бекітілген|Утвержден[аоы]?)$"
    rf"|^(?:{units.label_regex('annex', 'ru')}|УТВЕРЖДЕН[АОЫ]?)$"
    # «Приложение N 1» ⏎ «к Соглашению между …» joined into one block (10732).
    rf"|^(?:{units.label_regex('annex', 'ru')})\s+к\s"
    # «ПРИЛОЖЕНИЕ» / «ҚОСЫМША» alone: an annex with no number (units.yml).
    rf"|^{units.alternatives(units.unnumbered_labels('annex'))}$"
    # «… Орман Кодексіне қосымша», «Приложение к Лесному кодексу» (3824): an unnumbered stamp.
    rf"|{units.unnumbered_stamp('annex', 'end')}$|^{units.unnumbered_stamp('annex', 'start')}"
)
# A stamp that starts with its label and goes on over the lines after it (see `emit`).
STAMP_START_RE = re.compile(
    rf"^(?:(?:{units.label_regex('annex', 'ru')})\s+к\s|{units.unnumbered_stamp('annex', 'start')})"
)
# «Приложение N 1 к Соглашению между …» (quyse/kz-laws 10732 ru: however long the title).
ANNEX_TO_RE = re.compile(rf"^(?:{units.label_regex('annex', 'ru')})\s+к\s")


_OPEN_MARKS = "«“„"
_CLOSE_MARKS = "»”"


def _quote_steps(text: str):
    """(index, +1 | -1) for each quote mark; a straight quote opens after a space, a
    bracket, another mark or at the start, and closes otherwise."""
    for k, ch in enumerate(text):
        if ch in _OPEN_MARKS:
            yield k, 1
        elif ch in _CLOSE_MARKS:
            yield k, -1
        elif ch == '"':
            before = text[k - 1] if k else " "
            after = text[k + 1 : k + 2]
            # «… на иждивении детей,"Бибi-Ана";» (842 ru): a lost space after a comma, the
            # mark opens the word that follows it.
            # «"iшкi iстер органдарының (" деген сөздерден кейiн …» (22148 kk line 627): after a
            # bracket a mark followed by a space closes the words that end with the bracket.
            opens = (
                before.isspace()
                or (before in "([«“„-–—:" and not (after.isspace() and before == "("))
                or (before in ",;" and after.isalpha())
            )
            # «… предусмотренных законом. ";» (924 ru line 51): a mark with only punctuation
            # after it ends a quotation, even after a space.
            if opens and not text[k + 1 :].strip(" \t.;,:)»”"):
                opens = False
            yield k, 1 if opens else -1


def _quote_depth(text: str) -> int:
    """Opening minus closing quote marks of a block.

    >>> _quote_depth('"2-2. Под … "Вопрос-ответ";'), _quote_depth('5. … услуг.".')
    (1, -1)
    >>> _quote_depth('7) постановления иных органов в случаях, предусмотренных законом. ";')
    -1
    """
    return sum(step for _, step in _quote_steps(text))


def _opens_quotation(text: str) -> bool:
    """A block that starts with a quote mark whose quotation runs to the block's end.

    >>> _opens_quotation("«1) мемлекеттік органдардың;»;")
    True
    >>> _opens_quotation("«келісу арқылы» деген сөздерден кейін «палатаның» деген сөздермен")
    False
    """
    if not text[:1] or text[0] not in OPEN_QUOTES:
        return False
    depth = 0
    for k, step in _quote_steps(text):
        depth += step
        if depth <= 0:
            rest = text[k + 1 :].strip()
            return all(ch in '.;,:»”") ' for ch in rest)
    return True


def _see_tail(text: str) -> int | None:
    """Where the text bank's «… қараңыз» / «См. …» remark starts after a closed quotation.

    >>> t = "«3. … шығарылады.».ҚР Конституциялық кеңесінің 2013 жылғы № 1 қаулысын қараңыз"
    >>> t[_see_tail(t):]
    'ҚР Конституциялық кеңесінің 2013 жылғы № 1 қаулысын қараңыз'
    """
    if text[:1] not in OPEN_QUOTES:
        return None
    depth = 0
    for k, step in _quote_steps(text):
        depth += step
        if depth <= 0:
            m = SEE_TAIL_RE.match(text, k + 1)
            return m.start(1) if m else None
    return None


def _closes_after(paras: list[_Para], j: int) -> bool:
    """Whether a block after ``paras[j]``, before any instruction, closes one quote mark more
    than it opens at its end: the quotation closes there, so the mark that ends ``paras[j]``
    closes a quote inside it. «"2-8. … по принципу "одного окна".» ⏎ «2-9. Принцип "одного
    окна" - …» ⏎ … ⏎ «… Правительством Республики Казахстан.";» (quyse/kz-laws 59918 ru, the
    points 2-8, 2-9 and 2-10 of one quotation); where an instruction comes first («"… "Об
    амнистии … денег".» ⏎ «2. …»), one mark closed both quotes.

    >>> ps = [_Para('"2-8. … по принципу "одного окна".', 9), _Para('2-9. Принцип "одного окна" - …', 11),
    ...       _Para('… Республики Казахстан.";', 15), _Para('2) пункт 4 дополнить словами "а";', 17)]
    >>> _closes_after(ps, 0), _closes_after(ps[:1] + ps[3:], 0)
    (True, False)
    """
    for q in paras[j + 1 : j + 60]:
        if q.rows is not None or q.fence is not None or INSTRUCTION_VERB_RE.search(q.text):
            return False
        depth = _quote_depth(q.text)
        if depth < 0:
            return bool(QUOTE_END_RE.search(q.text.rstrip()))
        if depth > 0:
            return False
    return False


def _next_item(lead: _Para | None, p: _Para) -> bool:
    """Whether ``p`` is the item of the amending act right after the item ``lead`` (the
    lead-in of a quotation): numbered one more in the same notation, an instruction.

    >>> _next_item(_Para("3) 13-бап … толықтырылсын:", 1), _Para("4) 14-баптың … толықтырылсын;", 3))
    True
    >>> _next_item(_Para("2) 1-тармақ … жазылсын:", 1), _Para("3) қызметтер;", 3))
    False
    """
    if lead is None or lead.fence is not None or lead.rows is not None or p.rows is not None:
        return False
    m = ITEM_NUM_RE.match(lead.text)
    if not m or not p.text.startswith(f"{int(m[1]) + 1}{m[2]} "):
        return False
    return bool(INSTRUCTION_VERB_RE.search(p.text))


def _glued_quotation(text: str) -> int | None:
    """Where quoted new wording starts when it is glued to its lead-in's colon.

    >>> t = '13. 130-бап мынадай редакцияда жазылсын:"130-бап. Салықты есептеу және төлеу тәртібі'
    >>> t[_glued_quotation(t):]
    '"130-бап. Салықты есептеу және төлеу тәртібі'
    >>> _glued_quotation('1) 2-тармақ мынадай редакцияда жазылсын:') is None
    True
    """
    for m in GLUED_LEAD_RE.finditer(text):
        head, rest = text[: m.start()], text[m.end() :]
        if (LEAD_IN_RE.search(head) or head.endswith("редакцияда")) and _opens_quotation(rest):
            return m.end()
    return None


def _next_outer_item(
    out: list[_Para], lead: _Para | None, paras: list[_Para], i: int, j: int
) -> bool:
    """Whether ``paras[j + 1]`` is the item after the one that holds the sub-item ``lead``
    («13. 25-бапта:» ⏎ «3) … 2-1-тармақпен толықтырылсын:» ⏎ «"2-1. …» ⏎ … «14. 26-бапта:»,
    quyse/kz-laws 2490 kk), an instruction, and the quotation opened at ``paras[i]`` does not
    close before the item after that one (so it is not a point of the quoted wording: «5)
    статью 233 изложить …:» ⏎ «"Статья 233. …» ⏎ … «2. Те же деяния, совершенные:», 11366 ru)."""

    def item(q: _Para, n: int) -> bool:
        # An instruction, or a short lead-in naming a unit («14. 26-бапта:», «2. В статье
        # 164:»), not a quoted point that ends with a colon («3. Деяния …, если они:»).
        if q.rows is not None or not q.text.startswith(f"{n}. "):
            return False
        rest = q.text[len(f"{n}. ") :].rstrip()
        lead = (
            rest.endswith(":")
            and len(rest.split()) <= 6
            and any(rx.search(rest) for _, rx in units.reference_patterns())
        )
        return lead or bool(INSTRUCTION_VERB_RE.search(rest))

    if lead is None or lead.fence is not None or lead.rows is not None:
        return False
    m = ITEM_NUM_RE.match(lead.text)
    if not m or m[2] != ")":
        return False
    outer = next(
        (
            int(q[1])
            for b in reversed(out)
            if b.rows is None
            and b.fence is None
            and (q := ITEM_NUM_RE.match(b.text))
            and q[2] == "."
        ),
        None,
    )
    if outer is None or not item(paras[j + 1], outer + 1):
        return False
    depth = sum(_quote_depth(q.text) for q in paras[i : j + 1] if q.rows is None)
    for q in paras[j + 1 :]:
        if q.rows is not None:
            continue
        if item(q, outer + 2):
            break
        depth += _quote_depth(q.text)
        if depth <= 0 and QUOTE_END_RE.search(q.text.rstrip()):
            return False
    return True


def _heading_of_new_unit(text: str) -> bool:
    """A quotation that opens with a unit's heading («"353-бап. Борышкерге iздеу салу»,
    «"Статья 16. Аттестация …»): new wording of a whole article or chapter."""
    hit = units.match_heading(text.lstrip('"«“„'))
    return hit is not None and hit[0] != "annex"


def _has_quote(text: str) -> bool:
    return any(q in text for q in '"«»“”„')


def _split_instruction(cur: str, nxt: str) -> bool:
    """An instruction broken across a blank line inside or before its quoted words.

    «23-баптың 4-тармағындағы "Министрлер Кабинеті" деген сөздер» ⏎ «"Үкіметі" деген
    сөзбен ауыстырылсын;» (quyse/kz-laws 104470 kk); «пункт 3 после слова
    "законодательством" дополнить словами» ⏎ «"Республики Казахстан";», «… деген сөздер
    "Қазақстан» ⏎ «Республикасының … заңдарымен" деген сөздермен ауыстырылсын;», «…
    "Қазақстан Республикасының" деп дұрыс жазылған,» ⏎ «"құрамаларының" деген сөзден кейiн
    …» (11622 ru and kk). A new-wording lead-in («… редакцияда жазылсын») is not one.

    >>> _split_instruction('1-тармақтағы "а" деген сөздер', '"б" деген сөзбен ауыстырылсын;')
    True
    >>> _split_instruction("атауы мынадай редакцияда жазылсын", '"7-бап. Құзыреті";')
    False
    """
    if not cur or cur.endswith(":") or not _has_quote(cur) or not _has_quote(nxt):
        return False
    if LEAD_IN_RE.search(cur):
        return False
    verb_next = bool(INSTRUCTION_VERB_RE.search(nxt))
    verb_cur = bool(INSTRUCTION_VERB_RE.search(cur))
    if cur[:1] not in OPEN_QUOTES and _quote_depth(cur) == 1 and _quote_depth(nxt) == -1:
        return verb_next and not verb_cur
    if nxt[:1] not in OPEN_QUOTES or _quote_depth(cur) != 0:
        return False
    if INSTRUCTION_TAIL_RE.search(cur):
        return True
    return (
        (cur[-1].isalpha() and cur[-1].islower() or cur.endswith(","))
        and any(q in cur for q in OPEN_QUOTES)
        and not _opens_quotation(nxt)
        and verb_next
        and not verb_cur
    )


def _closed_instruction(text: str) -> bool:
    """A block that ends with its quoted words closed after their own «;» or «.»: the
    instruction is complete, the next block is not its continuation («подпункт 1) пункта 4
    статьи 9 дополнить словами "и пенсионных выплат;"» ⏎ «в статье 10:», 104210 ru:155).

    >>> _closed_instruction('подпункт 1) пункта 4 статьи 9 дополнить словами "и пенсионных выплат;"')
    True
    >>> _closed_instruction('1-тармақтағы "а" деген сөздер')
    False
    """
    t = text.rstrip()
    return (
        len(t) > 2
        and t[-1] in ('"', "»", "”")
        and t[-2] in ".;"
        and _quote_depth(t) == 0
        and bool(INSTRUCTION_VERB_RE.search(t))
    )


def _two_instructions(cur: str, nxt: str) -> bool:
    """Two instructions across a blank line, the first without its final «;»: «в пункте 1
    слова "с момента …" заменить словами "и иными законодательными актами"» ⏎ «пункты 4 и 5
    изложить в следующей редакции:» (quyse/kz-laws 104470 ru).

    >>> _two_instructions('слова "а" заменить словами "б"', "пункт 2 исключить;")
    True
    """
    return (
        cur[-1:] in '"»”'
        and _quote_depth(cur) == 0
        and bool(INSTRUCTION_VERB_RE.search(cur))
        and bool(INSTRUCTION_VERB_RE.search(nxt))
    )


def _clause_goes_on(cur: str, nxt: str) -> bool:
    """A sentence that goes on after a blank line into a block that starts with a capital,
    a digit or a quote mark: the clauses of a treaty's preamble, «Еуразиялық экономикалық
    одаққа мүше мемлекеттер,» ⏎ «2014 жылғы 29 мамырдағы …» (104296 kk), «… Қазақстан
    Республикасының Үкіметі мен Ресей Федерациясының Үкіметі» ⏎ «"Байқоңыр" кешенін …»
    (156586 kk), as the Russian's «…, именуемые в дальнейшем Сторонами,» ⏎ «руководствуясь
    …» go on in lower case. A comma ends no sentence; a block that ends in a lower-case word
    goes on into a date or a quotation.

    >>> _clause_goes_on("Бұдан әрі Тараптар деп аталатын … мүше мемлекеттер,", "Кеден одағы …")
    True
    >>> _clause_goes_on("Бұдан әрі Тараптар деп аталатын Қазақстан Республикасының Үкіметі мен "
    ...                 "Ресей Федерациясының Үкіметі", '"Байқоңыр" кешенін пайдалану …')
    True
    >>> _clause_goes_on("СОГЛАШЕНИЕ между Правительством Республики Казахстан и Правительством "
    ...                 "Грузии о свободной торговле", "Правительство Республики Казахстан …")
    False
    """
    if NOTE_RE.match(cur):
        return False  # a note ends where the text bank ends its line
    if cur.endswith(","):
        # …but not a stamp's or a signature's short lines: «Беларусь Республикасының
        # Үкіметі,» ⏎ «Қазақстан Республикасының Үкіметі,» (10732 kk, an annex's stamp).
        return len(cur.split()) > 5 or len(nxt.split()) > 5
    return (
        len(cur.split()) >= 8
        # «… мүше мемлекеттер (бұдан әрі - ҰҚШҰ)» ⏎ «2000 жылғы 20 маусымда …» (64550 kk)
        and (cur[-1:].isalpha() and cur[-1:].islower() or cur.endswith(")"))
        and (nxt[:1].isdigit() or nxt[:1] in OPEN_QUOTES)
    )


def _sentence_tail(cur: str, nxt: str) -> bool:
    """The last word of a sentence the text bank put after a blank line: «… предусмотренных
    статьей 39 настоящего» ⏎ «Кодекса.» (quyse/kz-laws 3824 ru lines 379–381).

    >>> _sentence_tail("Лицензия, лесорубочный билет, ордер, лесной билет могут быть "
    ...                "аннулированы в случаях, предусмотренных статьей 39 настоящего", "Кодекса.")
    True
    >>> _sentence_tail("Президент", "Республики Казахстан.")
    False
    """
    return (
        len(cur.split()) >= 8
        and cur[-1:].isalpha()
        and len(nxt.split()) <= 2
        and nxt.endswith(".")
        and nxt[:1].isupper()
        and not _starts_unit(nxt)
    )


def _open_paren(text: str) -> bool:
    """Whether a block leaves a bracket open (a sentence that goes on in the next block).

    >>> _open_paren("Внести в Закон (Ведомости, 1995 г., N 22;"), _open_paren("(а) б)")
    (True, False)
    """
    return text.count("(") > text.count(")") and len(text) > 40


def _fence_text(p: _Para) -> str:
    return _table(p.rows) if p.rows is not None else p.text


def _ends_sentence(text: str) -> bool:
    # «…; <*>»: the text bank's footnote mark after the end of a sentence.
    return text.rstrip().removesuffix("<*>").rstrip().endswith((".", ";", ":", "!", "?"))


def _starts_unit(text: str) -> bool:
    hit = units.match_heading(text)
    return bool(UNIT_START_RE.match(text)) or (hit is not None and hit[0] != "annex")


def _heading_like(text: str) -> bool:
    return bool(text) and not _ends_sentence(text) and not _starts_unit(text)


def _short(p: _Para) -> bool:
    if p.rows is not None or p.fence is not None or p.marked:
        return False
    if len(p.text.split()) > 8 or _starts_unit(p.text) or NOTE_RE.match(p.text):
        return False
    # «Қазақстан РеспубликасыныңПрезиденті.» (quyse/kz-laws 8796 kk): an office with a dot.
    office = len(p.text.split()) <= 3 and bool(SIGN_KEYWORD_RE.search(p.text))
    return not _ends_sentence(p.text) or bool(NAME_RE.match(p.text)) or office


def _ze_for_three(t: str, lang: str) -> str:
    """An article label whose number 3 is printed as the letter З (336 ru).

    >>> _ze_for_three("Статья ЗПоощрение и защита инвестиций", "ru")[:17]
    'Статья 3Поощрение'
    """
    i = t.find("З", 0, 12)
    if i < 0 or units.match_heading(t, lang) is not None:
        return t
    cand = t[:i] + "3" + t[i + 1 :]
    hit = units.match_heading(cand, lang)
    return cand if hit is not None and hit[0] == "art" and len(hit[2]) > i else t


def _roman_next(rest: list[_Para], num: str) -> bool:
    """Whether the next heading-marked chapter after a block «N. …» is the Roman «N+1.»."""
    for q in rest:
        hit = units.match_heading(q.text) if q.marked and q.rows is None else None
        if hit is not None and hit[0] == "chp":
            return units.roman_value(hit[2]) is not None and hit[1] == str(int(num) + 1)
    return False


def _carried_title(p: _Para, i: int) -> bool:
    """A second «# …» title line (or one `_mark_carried` found): the document a
    ratification or approval law carries."""
    return p.carried or (
        i > 0 and p.marked == 1 and p.rows is None and p.fence is None and bool(p.text)
    )


def _first_article(paras: list[_Para], lang: str) -> str | None:
    """The number of the first article heading among ``paras`` (None if there is none)."""
    for p in paras:
        if p.rows is None and p.fence is None:
            hit = units.match_heading(p.text, lang)
            if hit is not None and hit[0] == "art":
                return hit[1]
    return None


def _mark_carried(paras: list[_Para], lang: str) -> None:
    """Mark the titles of carried documents printed as «## …» / «### …» headings.

    After the covering act's signature (quyse/kz-laws 104468 ru: «Президент Республики
    Казахстан», then «## Соглашение между …»), or after a document it already carries
    («### Дополнительный Протокол к Соглашению …»), a heading-marked line that is no unit's
    heading and no quoted wording opens the next carried document (annex_1, annex_2, …).
    """
    signed = carried = False
    arts = False  # an article since the last carried title (a restart needs one)
    for i, p in enumerate(paras):
        if p.rows is not None or p.fence is not None or not p.text:
            continue
        hit_art = units.match_heading(p.text, lang)
        if hit_art is not None and hit_art[0] == "art":
            arts = True
        if _carried_title(p, i):
            carried = True
            arts = False
        elif _annex_label(p):
            return  # annexes by label («1-қосымша»): their «## 1. Жалпы ережелер» are sections
        elif (
            p.marked >= 2
            and (signed or carried)
            and _heading_like(p.text)
            and not p.text.startswith(OPEN_QUOTES)
            and units.match_heading(p.text, lang) is None
            # «## 1-бап» «## Осы Хаттаманы сақтау …» (45116 kk): an article's own title
            and not (i > 0 and units.match_heading(paras[i - 1].text, lang) is not None)
            # the first document after the signature, or one whose articles restart at 1
            # («## ПРЕАМБУЛА» of the charter 84492 is no new document: no article before it)
            and ((signed and not carried) or (arts and _first_article(paras[i + 1 :], lang) == "1"))
        ):
            p.carried = carried = True
        elif _short(p) and SIGN_KEYWORD_RE.search(p.text):
            signed = True


def _bracketed(p: _Para) -> bool:
    """A block wholly in brackets, beside the text bank's notice on a carried treaty."""
    t = p.text
    return (
        p.rows is None
        and p.fence is None
        and t.startswith("(")
        and t.endswith(")")
        and t.count("(") == t.count(")")
    )


def _is_note(p: _Para) -> bool:
    return p.rows is None and p.fence is None and bool(NOTE_RE.match(p.text))


def _annex_label(p: _Para) -> bool:
    return (
        p.rows is None
        and p.fence is None
        and not _starts_unit(p.text)
        and not _ends_sentence(p.text)
        and (
            (len(p.text.split()) <= 30 and bool(ANNEX_LABEL_RE.search(p.text)))
            or bool(ANNEX_TO_RE.match(p.text))
        )
    )


def _snippet(before: str, after: str, ctx: int = 12) -> tuple[str, str]:
    """The parts of a changed line around the change (for the report)."""
    i = 0
    while i < min(len(before), len(after)) and before[i] == after[i]:
        i += 1
    j = 0
    while j < min(len(before), len(after)) - i and before[-1 - j] == after[-1 - j]:
        j += 1
    a = max(0, i - ctx)
    return before[a : len(before) - max(0, j - ctx)], after[a : len(after) - max(0, j - ctx)]


def _glue(a: str, b: str) -> str:
    if a.endswith(("«", "(")) or (a.endswith("-") and len(a) > 1 and a[-2].isalpha()):
        return a + b
    return a + " " + b


def _table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    cells = [[c.replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# Public API


def import_text(
    text: str,
    lang: str,
    path: str = "<text>",
    corrections: list[dict] | None = None,
    lexicon: Container[str] | None = None,
    title: str | None = None,
    kind: str | None = None,
) -> ImportResult:
    """Import official plain text (or text-bank Markdown) into structured Markdown.

    ``corrections``: ``[{find, replace, line?, reason}]`` applied to the source lines first
    (reported as ``editorial_correction``). ``lexicon``: the words letter-spaced runs are
    split into (default: the words of ``text``). ``title`` names an act whose file has no
    title line; ``kind="amending"`` forces the amending-act treatment of quoted wording.

    >>> r = import_text("# О\\n\\nСтатья 2. Закон вводится в действие.\\n", "ru")
    >>> r.documents[0].markdown.splitlines()[2]
    '### Статья 2. {#art_2}'
    """
    return _Importer(text, lang, path, corrections, lexicon, title, kind).run()


def is_raw(text: str) -> bool:
    """False when ``text`` is already structured Markdown (its headings carry ``{#…}``).

    >>> is_raw("# T\\n\\n### 1-бап. X {#art_1}\\n"), is_raw("1-бап. X\\n")
    (False, True)
    """
    return not re.search(r"^#{1,6} .*\{#[^}\s]+\}\s*$", text, re.MULTILINE)


def summarize(repairs: list[Repair]) -> str:
    """The repairs counted by kind, with up to three examples each.

    >>> print(summarize([Repair("latin", 3, "ЕскеRTу", "Ескерту")]))
    1 repair(s):
      latin: 1 (line 3: 'ЕскеRTу' → 'Ескерту')
    """
    if not repairs:
        return "no repairs"
    by_kind: dict[str, list[Repair]] = {}
    for r in repairs:
        by_kind.setdefault(r.kind, []).append(r)
    out = [f"{len(repairs)} repair(s):"]
    for kind, rs in sorted(by_kind.items()):
        ex = "; ".join(f"line {r.line}: {r.before[:40]!r} → {r.after[:40]!r}" for r in rs[:3])
        out.append(f"  {kind}: {len(rs)} ({ex})")
    return "\n".join(out)
