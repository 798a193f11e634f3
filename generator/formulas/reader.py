"""The catalogue reader: an amending act's text → operations, by the formula catalogue.

It gives an :class:`~generator.formulas.amender.Amender` of
:class:`~generator.model.Operation` (the acts cited, the operations, the instructions not
read, the in-force rule), plus, per
instruction, the formula that read it or the reason it was not read (``Reading``), for
``zan grammar-report``. The split of the act into instructions is :func:`split` (one
function, to be replaced by the parsed tree of the amending act when the parser gives its
items with their quoted payloads); the framing (cited acts, item numbers, scope headers)
is read by :mod:`generator.formulas.framing`.

>>> r = read_text(open("../shared/realworld/amendments/164356/ru.md").read(), "ru")
>>> [(o.target, o.action) for o in r.amender.operations][:2]
[('art_15-1', 'replace'), ('art_7__para_2', 'replace')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from generator import eid as _eid
from generator import units as _units
from generator.amend_units import normal_target
from generator.amender_text import QUOTES, Block, blocks_from_text, unquote
from generator.amender_text import fold_dotless_i as _norm
from generator.formulas.amender import Amender, CitedAct, InstructionError, LangOnly
from generator.formulas.catalogue import Match, clauses, match
from generator.formulas.framing import cited_date as _date
from generator.formulas.framing import entry_into_force as _entry_into_force
from generator.formulas.framing import framing, parse_citation
from generator.formulas.locate import NESTS_EITHER_WAY, RANK, WHOLE, Ref
from generator.formulas.locate import locate as _locate_paths
from generator.formulas.locate import path_eid as _path_eid
from generator.formulas.locate import split_new_wording as _split_new
from generator.formulas.tokens import Token, lexicon, mask, tokenizer
from generator.importer import NOTICE_RE
from generator.instruction_shape import fold_lookalikes, negated, unread_reason
from generator.model import Operation

UNKNOWN_UNIT = (
    "a unit zan has no eId form for yet (a note, a table or its row, a column, a unit numbered "
    "by a letter)"
)
SKIPPED: list | None = None  # debugging aid: blocks read as no instruction
RANK_X = {**RANK, "toc": 4, "row": 9, "table": 1, "text": 10, "sentence": 10}


@dataclass
class Reading:
    """How one instruction was read: by which formulas, or why not."""

    line: int
    sentence: str
    formulas: list[str] = field(default_factory=list)
    reason: str = ""  # empty when read
    ops: int = 0
    kind: str = "instruction"  # instruction | provision | scope | lang_only | citation
    item: str = ""  # the amender's item that holds it (as ``Operation.item``)
    clauses: list = field(default_factory=list, repr=False)  # token lists, as matched
    quotes: list = field(default_factory=list, repr=False)


@dataclass
class Result:
    """An amending act read by the catalogue in one language."""

    amender: Amender
    readings: list[Reading] = field(default_factory=list)


class NotRead(Exception):
    """An instruction the catalogue matched but cannot turn into operations."""


class WordingEndUnknown(NotRead):
    """A quoted wording whose end the marks cannot tell: it closes inside its paragraph and a
    closing mark with no opening one ends the paragraph (161992 kk:105 «"Қазақстан …
    мәртебесі туралы" Қазақстан … айқындалады.";» with guillemets: the title's closing mark or
    the wording's, and the title's opening mark or the wording's, cannot be told apart)."""


WORDING_END_UNKNOWN = (
    "the quoted wording closes inside its paragraph and the paragraph ends with a closing mark"
    " that opens nowhere: where the new text ends cannot be told"
)


# ---------------------------------------------------------------------------- split


def split(text: str) -> list[Block]:
    """The amending act's paragraphs, as the current reader splits them.

    Replaceable by the parsed tree's items once the parser gives them (issue 12).

    >>> [b.line for b in split("# T\\n\\n1) x;\\n\\n2) y.")]
    [3, 5]

    The text bank's notice «Примечание РЦПИ!» / «РҚАО-ның ескертпесі!» and the block after
    it, its text, are editorial, never the act's (80770 ru:317 stands between «часть первую
    пункта 7 изложить в следующей редакции:» and its wording; the importer keeps them as
    notes, this is the reader of a text that does not parse):

    >>> [b.text for b in split("1) x:\\n\\nПримечание РЦПИ!\\n\\nАбзац … см.\\n\\n«2. y.»")]
    ['1) x:', '«2. y.»']
    """
    out: list[Block] = []
    after_notice = False
    for b in blocks_from_text(text):
        if not after_notice and NOTICE_RE.match(b.text):
            after_notice = True
            continue
        if not after_notice:
            out.append(b)
        after_notice = False
    return out


def _strip_close(text: str | None) -> str | None:
    """A closing mark left at the end of a wording whose marks are mixed («"…языках.»»,
    «…суда."» in 56656) is the outer closing mark: dropped.

    >>> _strip_close('3-1. Кандидатуры … суда."')
    '3-1. Кандидатуры … суда.'
    """
    if not text:
        return text
    t = text.rstrip()
    last = t[-1:]
    if last == '"' and t.count('"') % 2 == 1:
        return t[:-1]
    if last in "»”" and t.count(last) > t.count({"»": "«", "”": "“"}[last]):
        return t[:-1]
    return text


def _body_after_closed_heading(
    new: str, blocks: list[Block], i: int, lang: str
) -> tuple[str, int] | None:
    """An article's wording whose heading line the text bank closed with a mark of its own
    («"8-бап. Жергiлiктi өкiлдi органдар - мәслихаттардың құзыретi".», then the article's
    paragraphs up to «…бақылау жасау" .», 104420 kk and ru): the paragraphs up to the block
    that closes, when no instruction stands between; None otherwise."""
    hit = _units.match_heading(new, lang)
    if "\n" in new or hit is None or hit[0] not in ("art", "chp"):
        return None
    for j in range(i, min(len(blocks), i + 60)):
        b = blocks[j]
        t = b.text.strip()
        if b.quoted or not t or t[0] in QUOTES or _instruction_like(blocks, j, lang):
            return None
        if _units.match_heading(t, lang) is not None or ITEM_START.match(t):
            return None
        if re.search(r'"\s*[.;]\s*$', t):
            if t.count('"') != 1:
                return None
            tail = re.sub(r'"\s*[.;]\s*$', "", t)
            body = [x.text.strip() for x in blocks[i:j]] + [tail]
            return "\n\n".join([new, *body]), j + 1
    return None


def take_quoted(blocks: list[Block], i: int, lang: str) -> tuple[str | None, int]:
    """The quoted new wording starting at ``blocks[i]`` and the index after it (see
    :func:`_take_quoted`), a stray outer closing mark dropped."""
    new, j = _take_quoted(blocks, i, lang)
    return _strip_close(new), j


def skip_quoted(blocks: list[Block], i: int, lang: str) -> int:
    """The index after the quoted wording at ``blocks[i]`` that goes with an instruction not
    read: a wording whose end cannot be told (:class:`WordingEndUnknown`) is its one block."""
    try:
        return take_quoted(blocks, i, lang)[1]
    except WordingEndUnknown:
        return i + 1


def _wording_at(blocks: list[Block], i: int) -> bool:
    """Whether ``blocks[i]`` is a quoted wording (quoted by the importer, or opening with a
    mark): the wording of the instruction before it, not an instruction."""
    return i < len(blocks) and (blocks[i].quoted or blocks[i].text.lstrip()[:1] in '"«')


def _instruction_after_close(t: str, lang: str) -> re.Match | None:
    """The closing mark (and its «.»/«;») of a straight-quoted wording ``t`` that an
    instruction with a wording of its own is glued after — a lower-case one or a numbered item
    («…случаях.";статью 340 изложить …:"Статья 340. …», 924 ru; «…белгіленеді.";5) 40-бап
    мынадай редакцияда жазылсын:"40-бап. …», 2536 kk:39); None when there is none.

    >>> _instruction_after_close('"А.";5) 40-бап мынадай редакцияда жазылсын:"40-бап. Б.";', "kk")[0]
    '";'
    """
    if t[:1] != '"':
        return None
    for m in re.finditer(r'"\s*[.;](?=[а-яәғқңөұүһіё]|\d+(?:-\d+)*\)\s)', t):
        para = t[m.end() :].split("\n\n", 1)[0]
        if t[: m.start()].count('"') % 2 == 1 and _wording_after_colon(para, lang) is not None:
            return m
    return None


def _take_quoted(blocks: list[Block], i: int, lang: str) -> tuple[str | None, int]:
    """The quoted new wording starting at ``blocks[i]`` and the index after it.

    The reading of a quoted wording (a wording may span
    several blocks; text after its closing mark in the same block is put back as a block of
    its own; a wording never closed ends at the first block ending with a closing mark and
    «.»/«;»), in one pass over the blocks instead of re-reading the joined text per block.

    >>> bs = [Block(1, '"1) а;'), Block(3, '2) б.";дополнить')]
    >>> _take_quoted(bs, 0, "ru")[0].split(chr(10) * 2), bs[-1].text
    (['1) а;', '2) б.'], 'дополнить')
    """
    pairs = QUOTES
    closers = set(pairs.values()) - set(pairs)
    if i >= len(blocks):
        return None, i
    b = blocks[i]
    if b.quoted:
        t = b.text.strip()
        head, _, last = t.rpartition("\n\n")
        if (
            head
            and t[:1] == '"'
            and head.count('"') % 2 == 1
            and last.endswith(":")
            and _instruction_follows(Block(b.line, last), lang)
        ):
            # «"206-бап. … орындатылуға тиiс.» then «207-бапта:» (924 kk) kept in one quoted
            # block by the importer: the wording lost its closing mark and ends before the
            # scope header, which is read as the instruction it is
            blocks.insert(i + 1, Block(b.line, last))
            return head[1:].strip(), i + 1
        if (m := _instruction_after_close(t, lang)) is not None:
            # «…случаях.";статью 340 изложить в следующей редакции:"Статья 340. …» (924 ru)
            # kept in one quoted block by the importer: the wording ends at its closing mark,
            # the instruction glued after it is read as one
            blocks.insert(i + 1, Block(b.line, t[m.end() :]))
            return unquote(t[: m.end()].rstrip(".;").strip()), i + 1
        if t[:1] in "«“" and _closes_early_stray(t.split("\n\n", 1)[0], lang):
            # the same wording when the importer fenced it (161992 kk:105, its tab a space)
            raise WordingEndUnknown(WORDING_END_UNKNOWN)
        return (unquote(t) if t[:1] in pairs else t), i + 1
    if b.text and b.text[0] not in pairs and (lost := _lost_open(b.text)) is not None:
        # «2) конкурстық өтінімдер … шарттары;";» (1762 kk): a wording whose opening mark the
        # text bank lost, numbered as the unit it brings and closed by its mark
        return lost, i + 1
    if not b.text or b.text[0] not in pairs:
        return None, i
    if b.text[0] == '"':
        # straight marks cannot tell an inner quote from the closing one: the end of a
        # block first (_take_straight), the marks counted only where that finds none
        got = _take_straight(blocks, i, lang)
        if got is not None:
            return got
    stack: list[str] = []
    parts: list[str] = []
    j = i
    # «"206-бап. … орындатылуға тиiс.» then «207-бапта:» (924 kk): a wording whose closing
    # mark the text bank lost ends before the next instruction, it never swallows it
    stop = next((k for k in range(i + 1, len(blocks)) if _instruction_like(blocks, k, lang)), None)
    while j < len(blocks):
        if stop is not None and j >= stop:
            break
        text = blocks[j].text
        end = None
        for k, ch in enumerate(text):
            if stack and ch == pairs[stack[-1]]:
                if ch == pairs.get(ch) and (k or parts):
                    prev = text[k - 1] if k else "\n"
                    nxt = text[k + 1 : k + 3]
                    # a nested quote opens before a letter, or a bracket and a letter
                    # («пометка "(по согласованию)"», 58062 ru:217)
                    if (prev.isspace() or prev in "(«“—:") and re.match(r"\(?\w", nxt):
                        stack.append(ch)
                        continue
                stack.pop()
                if not stack:
                    mm = re.match(r"\s*[.;]", text[k + 1 :])
                    end = k + 1 + (mm.end() if mm else 0)
                    break
                continue
            if ch in pairs:
                stack.append(ch)
            elif ch in closers and not stack:
                end = -1
                break
        if end == -1:
            break
        if end is None and stack and stack[0] == '"' and re.search(r'"\s*[.;]?\s*$', text):
            # straight marks cannot say which of them closes: a block ending with an odd
            # one more mark and «.»/«;» ends the wording (1990s texts lose inner marks)
            if (text.count('"') - (1 if j == i else 0)) % 2 == 1:
                end = len(text)
            elif j == i and j + 1 < len(blocks) and ITEM_START.match(blocks[j + 1].text):
                # the outer closing mark lost («"Закон … "О пенсионном …".» then «2. …»); a
                # later block whose own marks pair («… словами "параграф" и "подраздел".»
                # then «3. Кодекс …», 58062 ru:175) closes its inner quote, not the wording
                end = len(text)
        if (
            end is None
            and stack == ['"']
            and re.search(r"[.;]\s*$", text)
            and j + 1 < len(blocks)
            and _instruction_follows(blocks[j + 1], lang)
            and not _closes_later(blocks, j + 1, stop)
        ):
            # the outer closing mark lost before the next instruction (104392 kk:
            # «…тәртiппен белгiленедi;» then «екiншi және төртiншi бөлiктердегi "…" деген
            # сөздер … ауыстырылсын;»): the wording ends here, the instruction is read
            end = len(text)
        if end is not None:
            rest = text[end:].strip()
            verbless = bool(rest) and not _has_verb(rest, lang)
            # «"… туралы" Қазақстан Республикасының Заңы".» (11622 kk): the wording's own
            # closing mark after the rest, the inner quote's opening mark lost
            closed = re.search(r"[\"»”]\s*[.;]$", rest) and (text.count('"') % 2 == 1)
            if (
                verbless
                and j == i
                and len(rest) < 80
                and re.search(r"[.;]$", rest)
                and (
                    not re.search(r"[\"«»“”]", rest)
                    or (closed and not re.search(r"[\"«»“”]", rest.rstrip(".; ")[:-1]))
                )
            ):
                # «"… туралы" Қазақстан Республикасының Заңы;»: the wording goes on after a
                # quote that opens it (a new title), nothing of an instruction follows
                body = text.rstrip().rstrip(".;").rstrip()
                parts.append(body[:-1] if closed else body)
                return "\n\n".join(parts).strip(), j + 1
            if rest and j == i and not parts and _stray_close(rest):
                raise WordingEndUnknown(WORDING_END_UNKNOWN)
            parts.append(text[:end])
            if rest:
                blocks.insert(j + 1, Block(blocks[j].line, rest))
            return unquote("\n\n".join(parts)), j + 1
        parts.append(text)
        j += 1
    close = re.compile(r"[\"»”]\s*[.;]\s*$")
    k = next((k for k in range(i, stop or len(blocks)) if close.search(blocks[k].text)), None)
    if k is None and stop is not None:
        # no closing mark: only the opening one goes, the last sentence keeps its «.»
        return "\n\n".join(x.text for x in blocks[i:stop]).strip()[1:].strip(), stop
    if k is None:
        return None, i
    return unquote("\n\n".join(x.text for x in blocks[i : k + 1])), k + 1


def _closes_early_stray(para: str, lang: str) -> bool:
    """Whether a paragraph opening with a guillemet or curly mark closes it inside (marks of
    the same pair nested) and goes on to a closing mark that no mark after it opens, as
    :func:`_take_quoted` reads an unfenced wording (a short verbless rest after it, «"…
    туралы" Қазақстан Республикасының Заңы;», being the wording's own).

    >>> t = "«Қазақстан Республикасының сот жүйесі мен судьяларының мәртебесі туралы» Қазақстан"
    >>> t += " Республикасы Конституциялық заңының 29-бабының 4-тармағында белгіленген"
    >>> _closes_early_stray(t + " талаптарға сәйкес келетін … айқындалады.»;", "kk")  # 161992
    True
    >>> _closes_early_stray("«в городе «Астана»;", "ru")  # the outer closing mark lost
    False
    """
    opening, close = para[0], QUOTES[para[0]]
    depth = 0
    for k, ch in enumerate(para):
        if ch == opening:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                rest = para[k + 1 :].strip()
                if not rest or re.fullmatch(r"[.;,]*", rest):
                    return False
                short = len(rest) < 80 and not _has_verb(rest, lang)
                return not short and _stray_close(rest)
    return False


def _stray_close(rest: str) -> bool:
    """Whether the text after a quoted wording's closing mark ends with a closing guillemet
    or curly mark and «.»/«;» that no mark of it opens (161992 kk:105, the part after
    «"… туралы"»).

    >>> _stray_close("Қазақстан … айқындалады.»;"), _stray_close("деген «сөз»;")
    (True, False)
    """
    m = re.search(r"([»”])\s*[.;]\s*$", rest)
    if m is None:
        return False
    close = m.group(1)
    return rest.count(close) > rest.count({"»": "«", "”": "“"}[close])


def _closes_later(blocks: list[Block], j: int, stop: int | None) -> bool:
    """Whether a block from ``j`` up to the next instruction (``stop``) ends a straight-quoted
    wording with its own closing mark («…на любой стадии его рассмотрения.";», 58062 ru:355):
    then the wording's closing mark is not lost, and a sentence of it that only sounds like an
    instruction («9. В случае, если … признается утратившим силу …», ru:309) stays in it.

    >>> bs = [Block(1, "9. … признать утратившими силу …."), Block(3, 'рассмотрения.";')]
    >>> _closes_later(bs, 0, None), _closes_later(bs, 0, 1)
    (True, False)
    """
    end = len(blocks) if stop is None else stop
    return any(
        re.search(r'"\s*[.;]\s*$', b.text) and b.text.count('"') % 2 == 1 for b in blocks[j:end]
    )


# The end of an instruction, never of a law's own sentence: the imperative of a formula verb
# (kk «…жазылсын:», «…алып тасталсын;», «…болып есептелсін;»), the Russian formula's last words
# («… исключить;», «… изложить в следующей редакции:», «… следующего содержания:», «… словами "…";»)
INSTRUCTION_END = {
    "kk": re.compile(r"\w(?:сын|сiн|сін)\s*[:;.]?\s*$"),  # with a formula verb (below)
    "ru": re.compile(
        r"(?:исключить|изложить\s+в\s+следующей\s+редакции|следующего\s+содержания"
        r"|признать\s+утратившими?\s+силу|(?:словами|словом|цифрами|цифрой)\s+⟦\d+⟧)"
        r"\s*[:;.]?\s*$"
    ),
}


def _instruction_like(blocks: list[Block], k: int, lang: str) -> bool:
    """Whether block ``k`` is an instruction, not a paragraph of a quoted wording: it ends as
    an instruction does and opens no quote, or it is a scope header («207-бапта:») that such
    an instruction follows."""

    def ends(b: Block) -> bool:
        t = b.text.strip()
        return (
            not b.quoted
            and bool(t)
            and t[0] not in QUOTES
            and len(t) < 400
            # «…мiндеттi.";6-тармақты … ауыстырылсын.»: a wording's end glued to the next
            # instruction is the quote reader's to split
            and not re.search(r"[\"»”]\s*[.;]", t)
            and bool(INSTRUCTION_END[lang].search(skel := mask(t, lang)[0]))
            and bool(toks := tokenizer(lang).tokenize(skel))
            and any(x.kind == "V" for x in toks[-3:])
        )

    text = blocks[k].text.strip()
    if ends(blocks[k]):
        return True
    return (
        not blocks[k].quoted
        and text.endswith(":")
        and len(text) < 120
        and bool(text)
        and text[0] not in QUOTES
        and k + 1 < len(blocks)
        and ends(blocks[k + 1])
    )


def _without_stray_close(text: str, lang: str) -> str | None:
    """An instruction ended by a closing mark that closes nothing, without it; None when the
    marks do not balance then.

    >>> _without_stray_close('4) 10) тармақшада "а" деген сөз "б" деген сөзбен ауыстырылсын.".', "kk")
    '4) 10) тармақшада "а" деген сөз "б" деген сөзбен ауыстырылсын.'
    """
    m = re.search(r"[.;]\s*[\"»”]\s*[.;]?\s*$", text)
    if not m:
        return None
    fixed = text[: m.start() + 1]
    return fixed if mask(fixed, lang)[2] and _has_verb(fixed, lang) else None


def _without_stray_open(text: str, lang: str) -> str | None:
    """A scope header opened by a mark that never closes («"1-тармақта:», 34618 kk:61; ru
    «в пункте 1:»), without it; None for anything else.

    >>> _without_stray_open('"1-тармақта:', "kk")
    '1-тармақта:'
    >>> _without_stray_open('"1-тармақ мынадай редакцияда жазылсын:', "kk") is None
    True
    """
    m = re.fullmatch(r"\s*[\"«“](?P<rest>[^\"«»“”]+:)\s*", text)
    if not m:
        return None
    toks = tokenizer(lang).tokenize(mask(m["rest"], lang)[0])
    if any(t.kind in ("V", "K") for t in toks) or not any(t.kind == "U" for t in toks):
        return None
    return m["rest"]


@functools.cache
def _bracketed_article_rx() -> re.Pattern:
    """«10-1) баппен»: a number with a sub-item's bracket before a Kazakh article word."""
    words = sorted((w for w, (u, _c) in tokenizer("kk").form.items() if u == "art"), key=len)
    return re.compile(rf"(?<![\w-])(\d+(?:-\d+)*)\)\s*({'|'.join(words[::-1])})(?!\w)")


def _article_with_bracket(skel: str, after: list[Block]) -> tuple[str, str, str] | None:
    """A Kazakh skeleton with an article's number written with a sub-item's bracket («10-1)
    баппен») put in the article's form («10-1-баппен»), and the repair, when the wording that
    follows opens with that article's heading («"10-1-бап. …»); None otherwise.

    >>> _article_with_bracket("⟦0⟧ 10-1) баппен толықтырылсын:", [Block(3, '"10-1-бап. Б')])[1:]
    ('10-1) баппен', '10-1-баппен')
    >>> _article_with_bracket("⟦0⟧ 10-1) баппен толықтырылсын:", [Block(3, '"10-2-бап. Б')])
    """
    m = _bracketed_article_rx().search(skel)
    if not m or not after:
        return None
    head = re.sub(r"^[\"«]", "", after[0].text.strip())
    if not re.match(_units.numbered_label_regex("art", re.escape(m[1]), "kk") + r"\.", head):
        return None
    new = f"{m[1]}-{m[2]}"
    return skel[: m.start()] + new + skel[m.end() :], m.group(), new


def _lost_open(text: str) -> str | None:
    """A wording that lost its opening mark: it starts with a unit's number and ends with a
    closing mark that has no opening one.

    >>> _lost_open('42) археологические и реставрационные работы памятников.".')
    '42) археологические и реставрационные работы памятников.'
    """
    t = text.strip()
    m = re.search(r"[\"»”]\s*[.;]?\s*$", t)
    if not m or not re.match(r"^\d+(?:-\d+)*[.)]\s", t):
        return None
    body = t[: m.start()]
    if body.count('"') % 2 or body.count("«") != body.count("»"):
        return None
    return body


# «X деген сөздер»: the noun that names quoted words (Kazakh puts it after them)
_KK_NOUN_AFTER = re.compile(r"\s*деген\s*(?:сөз|цифр|сан|тіркес)", re.I)


def _lost_open_kk(text: str, why: list[str] | None = None) -> str | None:
    """A Kazakh instruction whose quoted words lost their opening mark (or both marks)
    before «деген сөз…», with the marks put back; None when it is not one.

    Kazakh names quoted words by «деген сөз…» after them, so the words are the run between
    the last token of the instruction's own grammar (an anchor: «кейін», or the clause's
    start) and the mark: «… деген сөздерден кейін, ұйымдастырылған …
    алуды" деген сөздермен» (10326 kk; the comma is the new words', as the Russian
    «дополнить словами ", покупка …"» has it), «Қазақстан Республикасы азаматтық заңдарының
    ережелері бойынша деген сөздер» (1762 kk, no mark at all). Only plain words may stand in
    the run, and every other mark must pair (an opening one after a space, a closing one
    before one: inner quotes «", "Қазақстанның Еңбек Ері""» included).

    >>> _lost_open_kk('"а" деген сөзден кейін, б в" деген сөздермен толықтырылсын;')
    '"а" деген сөзден кейін", б в" деген сөздермен толықтырылсын;'
    >>> _lost_open_kk('"а" деген сөздерден кейін ", "б"" деген сөздермен толықтырылсын;') is None
    True
    """
    if "«" in text or "»" in text:
        return None
    nouns = [m.start() for m in _KK_NOUN_AFTER.finditer(text)]
    if not nouns:
        return None
    depth, lost = 0, None
    for m in re.finditer('"', text):
        k = m.start()
        prev = text[k - 1] if k else " "
        nxt = text[k + 1] if k + 1 < len(text) else " "
        if (prev.isspace() or prev in "(") and not nxt.isspace():
            depth += 1
        elif depth:
            depth -= 1
        elif k + 1 in nouns or any(text[k + 1 : n].strip() == "" for n in nouns if n > k):
            if lost is not None:
                return None
            lost = k  # a closing mark before «деген» that nothing opened
        else:
            return None  # a mark zan cannot place: not this repair's
    if depth:
        return None
    if lost is None:
        # both marks lost: only words before the first mark, right before «деген»
        first = text.find('"')
        cands = [n for n in nouns if first < 0 or n < first]
        if not cands or text[: cands[0]].rstrip().endswith('"'):
            return None
        stop = close_at = cands[0]
    else:
        stop, close_at = lost, None
        if any(n < lost and text[:n].rstrip().endswith('"') is False for n in nouns):
            return None  # an earlier «деген» without its own quote
    start = text.rfind('"', 0, stop) + 1
    seg = fold_lookalikes(mask(text[start:stop], "kk")[0])[0]  # «үшiншi» read as «үшінші»
    toks = tokenizer("kk").tokenize(seg)
    if len(seg) != stop - start:
        return None
    k = len(toks)
    while k and toks[k - 1].kind == "W":
        k -= 1
    if k > 1 and toks[k - 1].kind == "," and toks[k - 2].kind == "AFTER":
        k -= 1  # «кейін, ұйымдастырылған …"»: the comma is the words'
    # after an anchor («кейін»), an attributive locative or at the clause's start only: after
    # a plain locative («абзацында») the words could still be the unit's own phrase (reported
    # with that reason)
    # an attributive locative («үшінші абзацтағы», «-дағы/-дегі»: Kazakh puts it right before
    # the noun phrase it qualifies, here the words «деген сөздер» names) is followed by the
    # words themselves (12698 kk, ru «в абзаце третьем слова "исполнительных органов власти"»)
    attributive = k and toks[k - 1].kind == "U" and re.search(r"(?:ғы|гі)$", toks[k - 1].text)
    if k == len(toks) or (k and toks[k - 1].kind not in ("AFTER", "BEFORE") and not attributive):
        if why is not None and k < len(toks) and k and toks[k - 1].kind == "U":
            words = seg[toks[k].start :].strip()
            why.append(
                f"the opening quote mark of the old words is lost after «{toks[k - 1].text}»: "
                f"«{words}\"» may be those words or the unit's own phrase before them"
            )
        return None
    if not k and start:
        return None  # after a quote and its noun, a run of words is no lost quote
    # the run starts after that token («кейін, ұйымдастырылған …"»: the comma is the words')
    cut = start + (toks[k - 1].end if k else 0)
    rest = text[cut:stop]
    if not rest.strip():
        return None
    opening = cut + len(rest) - len(rest.lstrip())
    if close_at is None:
        return text[:opening] + '"' + text[opening:]
    body = text[opening:close_at].rstrip()
    return text[:opening] + '"' + body + '"' + text[opening + len(body) :]


def _lost_mark_in_list(text: str) -> str | None:
    """A list of quoted words («"а", "б", "в" деген сөздер», «слова "а", "б"») in which one
    item lost its opening or its closing mark, with the mark put back; None when it is not one.

    Only straight marks, only one item, and only between items of the list: the item's other
    mark and the list's «", "» on both sides tell where it stands. «"қалыпты баға", қалыпты
    бағасын", "қалыпты бағаны"» (26340 kk:7) lost an opening, «"І", "II, "III"» (22466 kk:75,
    ru «цифры "I", "II", "III"») a closing mark.

    >>> _lost_mark_in_list('"І", "II, "III" деген цифрлар тиісінше "бірінші", "екінші" деген')
    '"І", "II", "III" деген цифрлар тиісінше "бірінші", "екінші" деген'
    >>> _lost_mark_in_list('"баға", бағасын", "бағаны" деген сөздер')
    '"баға", "бағасын", "бағаны" деген сөздер'
    >>> _lost_mark_in_list('"баға", "бағасын", "бағаны" деген сөздер') is None
    True
    """
    if "«" in text or "»" in text or text.count('"') % 2 == 0:
        return None
    fixes = [
        # an item after «", » that ends with a closing mark followed by the list's «, "»
        (m.start(1), m.group(1))
        for m in re.finditer(r'",\s+([^",\s][^"]*?)",\s+"', text)
        if "," not in m.group(1)
    ] + [
        # an item opened after the list's «", "» that runs into the next item's «, "»
        (m.end(1), "")
        for m in re.finditer(r'",\s+"([^",\s][^",]*?)(?=,\s+")', text)
    ]
    if len(fixes) != 1:
        return None
    at = fixes[0][0]
    fixed = text[:at] + '"' + text[at:]
    return fixed if mask(fixed, "ru")[2] else None


# the formula's own words, which a quote holds only where a closing mark was lost
_FORMULA_IN_QUOTE = {
    "kk": re.compile(r"(?<!\w)деген\s*(?:сөз|цифр|сан)\w*", re.I),
    "ru": re.compile(
        r"(?<!\w)(?:заменить|дополнить)\s+(?:словами|словом|цифрами|цифрой)(?!\w)", re.I
    ),
}


def _quote_holds_formula(quotes: list[str], lang: str) -> str | None:
    """Why an instruction whose quote holds the formula's own words is not read: a mark the
    text bank lost shifts every quote after it, so where the old and the new words end
    cannot be told (104392 kk:351: «"(10-бап)" деген сөздер "(10-баптың бiрiншi бөлiгi)
    деген сөздермен, "10, 37, …»); None when no quote holds them.

    >>> print(_quote_holds_formula(["(10-бап)", "(10-баптың бірінші бөлігі) деген сөздермен, "], "kk"))
    a quote mark is lost: the quote «(10-баптың бірінші бөлігі) деген сөздермен» holds the formula's own «деген сөздермен», so which words are old and which new cannot be told
    >>> _quote_holds_formula(["а", "б"], "kk") is None
    True
    """
    rx = _FORMULA_IN_QUOTE.get(lang)
    for q in quotes:
        if rx and (m := rx.search(q)):
            shown = q[: m.end()].strip() + ("…" if q[m.end() :].strip(" ,;") else "")
            return (
                f"a quote mark is lost: the quote «{shown}» holds the formula's own "
                f"«{m.group(0)}», so which words are old and which new cannot be told"
            )
    return None


# «по строке - уплата процентов … бюджета" цифру "1067000" …» (104422 ru:61): the row's name
# comes right after «по строке» (and its list dash, as «по строке - "от прибыли …"» writes it)
_RU_ROW_LOST = re.compile(r'^(\s*по\s+строке\s+(?:-\s+)?)([^"«»]+)(?="\s+(?:цифр|слов))', re.I)
# «… дополнить словами применение иных санкций, … капитала";» (104410 ru:25): the new words
# come right after their noun and run to the mark that closes the clause
_RU_NEW_LOST = re.compile(
    r'(?<!\w)((?:словами|словом|цифрами|цифрой)\s+)([^"«»]+)(?="\s*[;.]?\s*$)', re.I
)


def _lost_open_ru(text: str) -> str | None:
    """A Russian instruction whose quoted words lost their opening mark where the formula
    puts them right after its own word, with the mark put back; None when it is not one.

    >>> _lost_open_ru('по строке - уплата процентов" цифру "1067000" заменить цифрой "О";')
    'по строке - "уплата процентов" цифру "1067000" заменить цифрой "О";'
    >>> _lost_open_ru('после слова "а" дополнить словами б, в";')
    'после слова "а" дополнить словами "б, в";'
    >>> _lost_open_ru('после слова "а" дополнить словами "б, в";') is None
    True
    """
    for rx in (_RU_ROW_LOST, _RU_NEW_LOST):
        m = rx.search(text)
        if not m or text[: m.start(2)].count('"') % 2:
            continue
        fixed = text[: m.start(2)] + '"' + text[m.start(2) :]
        if fixed.count('"') % 2 == 0 and mask(fixed, "ru")[2]:
            return fixed
    return None


def _provision_without_marks(text: str, lang: str) -> str | None:
    """The skeleton of a sentence whose marks do not balance, read without them, when it is
    a provision that amends nothing (entry into force, an order to the Government, a
    transitional provision) and names no words or verb of an instruction; else None."""
    plain = _norm(re.sub(r"[\"«»“”]", " ", text))
    toks = tokenizer(lang).tokenize(plain)
    if any(t.kind in ("V", "N", "NI") for t in toks):
        return None
    provision = {"K:eif", "K:gov", "K:transitional"}
    return plain if any(t.code in provision for t in toks) else None


@functools.cache
def _lang_only_rx(lang: str) -> re.Pattern | None:
    """The lexicon's records of no change in this language («… мемлекеттік тілдегі мәтіні
    өзгермейді»), as one pattern."""
    ks = lexicon(lang)["phrases"]["K"]
    rx = "|".join(ks.get("lang_only_ru", []) + ks.get("lang_only_kk", []))
    return re.compile(rx, re.I) if rx else None


def _after_lang_only(text: str, lang: str) -> tuple[str, str] | None:
    """A record of no change in this language and the instruction glued after its «;», apart;
    None when the text is not one.

    >>> _after_lang_only("4-тармақта мемлекеттік тілдегі мәтіні өзгермейді; 5-тармақта:", "kk")
    ('4-тармақта мемлекеттік тілдегі мәтіні өзгермейді;', '5-тармақта:')
    >>> _after_lang_only("ресми тілдегі мәтінге түзету енгізілді, мемлекеттік тілдегі мәтін өзгермейді;", "kk")
    """
    rx = _lang_only_rx(lang)
    if rx is None:
        return None
    folded = _norm(text)  # the same length: one letter for one
    for m in rx.finditer(folded):
        glued = re.match(r"\s*;\s*(?=\S)", folded[m.end() :])
        if glued:
            cut = m.end() + glued.end()
            return text[:cut].rstrip(), text[cut:]
    return None


def _wording_after_colon(text: str, lang: str) -> tuple[str, str] | None:
    """An instruction and the quoted wording glued to it after its colon, apart; None when
    the text is not one.

    >>> _wording_after_colon('статью 340 изложить в следующей редакции:"Статья 340. …', "ru")
    ('статью 340 изложить в следующей редакции:', '"Статья 340. …')
    """
    m = re.search(r":\s*(?=[\"«])", text)
    if not m or re.search(r"[\"«»“”]", text[: m.start()]):
        return None
    head = text[: m.start() + 1]
    toks = tokenizer(lang).tokenize(mask(head, lang)[0])
    if any(t.kind in ("N", "NI") for t in toks):
        return None  # «дополнить словами следующего содержания: "…"»: the words are its own
    wants = any(t.code == "V:replace" for t in toks) or (
        any(t.code == "V:insert" for t in toks) and any(t.kind in ("CONTENT", "UI") for t in toks)
    )
    return (head, text[m.end() :]) if wants else None


def _instruction_follows(block: Block, lang: str) -> bool:
    """Whether a block is an instruction of its own: not quoted, opened by a lower-case
    word, a unit or a number as instructions are, with a verb of a formula and ending as
    an instruction does («;», «:», «.»)."""
    t = block.text.strip()
    if block.quoted or t[:1] in '"«' or not re.match(r"^(?:[а-яәғқңөұүһіё]|\d)", t):
        return False
    if re.search(r"[.;:]$", t) and _has_verb(t, lang):
        return True
    # a scope header of units alone («207-бапта:», «в статье 207:»; 924 kk)
    toks = tokenizer(lang).tokenize(mask(t, lang)[0])
    return (
        t.endswith(":")
        and any(x.kind == "U" for x in toks)
        and all(x.kind in ("U", "AND", ",", ":") or x.text.lower() in ("в", "во") for x in toks)
    )


def _has_verb(text: str, lang: str) -> bool:
    """Whether a text holds a verb of an instruction formula (quotes masked)."""
    return tokenizer(lang).has_verb(mask(text, lang)[0])


def _glued_wording_unpaired(text: str, lang: str) -> str | None:
    """Why an instruction whose new wording the text bank glued to its own line after «:», with
    marks that do not pair, is not read: the wording's opening mark is lost (or merged with an
    inner quote's), so where it starts and ends cannot be told (3772 kk:23 «6. 11-бап мынадай
    мазмұндағы үшінші абзацпен толықтырылсын:- "Барыс" (Барс)"», ru «"-"Барыс" (Барс)".» on a
    line of its own); None when it is not one.

    >>> print(_glued_wording_unpaired('11-бап мынадай мазмұндағы үшінші абзацпен толықтырылсын:- "Барыс" (Барс)"', "kk"))
    the new wording stands on the instruction's own line after «:» and its quote marks do not pair («- "Барыс" (Барс)"»): where it starts and ends cannot be told
    >>> _glued_wording_unpaired('11-бап мынадай мазмұндағы абзацпен толықтырылсын: "а"', "kk") is None
    True
    """
    k = text.find(":")
    while k >= 0:
        head, rest = text[:k], text[k + 1 :].strip()
        if (
            rest
            and (rest.count('"') % 2 or rest.count("«") != rest.count("»"))
            and _has_verb(head, lang)
            and mask(head, lang)[2]
        ):
            shown = rest if len(rest) <= 60 else rest[:60] + "…"
            return (
                "the new wording stands on the instruction's own line after «:» and its quote "
                f"marks do not pair («{shown}»): where it starts and ends cannot be told"
            )
        k = text.find(":", k + 1)
    return None


def _take_straight(blocks: list[Block], i: int, lang: str) -> tuple[str, int] | None:
    """A wording opened by a straight mark: straight marks cannot tell an inner quote from
    the closing one, so the wording ends where a block ends with the mark and «.»/«;»
    (or with the mark, before the next numbered item), or where the mark, «.»/«;» and an
    instruction follow inside a block («…значение.";дополнить пунктом 4 …»)."""
    for j in range(i, min(len(blocks), i + 400)):
        if blocks[j].quoted:
            return None
        text = blocks[j].text
        if j > i and text[:1] not in '"«' and _has_verb(text, lang):
            return None  # an instruction follows: the wording did not run on
        start = 1 if j == i else 0
        for m in re.finditer(r'"\s*[.;]', text[start:]):
            k = start + m.end()
            rest = text[k:].strip()
            if (
                rest
                and _has_verb(rest, lang)
                and (not re.search(r'"\s*[.;]?\s*$', rest) or _whole_instruction(rest, lang))
            ):
                blocks.insert(j + 1, Block(blocks[j].line, rest))
                body = "\n\n".join([x.text for x in blocks[i:j]] + [text[:k]])
                return _term_mark(unquote(body)), j + 1
        ends = re.search(r'["»”]\s*[.;]\s*$', text) or (
            re.search(r'"\s*$', text)
            and (j + 1 >= len(blocks) or ITEM_START.match(blocks[j + 1].text))
        )
        # the closing mark is the block's odd one out («…сервиса "Вопрос-ответ";» inside a
        # wording has its two marks and does not end it)
        odd = (
            (text.count('"') - (j == i)) % 2 == 1
            or text.count("»") > text.count("«")
            or bool(j == i and TERM_OPENS.match(text))
        )
        if ends and odd:
            body = "\n\n".join(x.text for x in blocks[i : j + 1])
            return _term_mark(unquote(body)), j + 1
    return None


def _whole_instruction(text: str, lang: str) -> bool:
    """Whether a text after a wording's closing mark is a whole instruction of its own, its
    marks paired and ended as an instruction ends («…четырнадцатая);"; в части второй цифры
    "576-8" заменить цифрами "576-10".», 55500 ru), not the rest of a wording.

    >>> _whole_instruction('в части второй цифры "576-8" заменить цифрами "576-10".', "ru")
    True
    >>> _whole_instruction('Статья 5. "Х" и "У".', "ru")
    False
    """
    if not re.match(r"[а-яәғқңөұүһіё]", text):
        return False
    skel, _q, balanced = mask(text, lang)
    return balanced and bool(INSTRUCTION_END[lang].search(skel))


# «""тікелей инвестициялар" - …;";» printed «"тікелей инвестициялар" - …;";» (3734 kk): the
# wording opens with a defined term in quotes and the text bank merged the two opening marks
TERM_OPENS = re.compile(r'"[^"«»]{1,120}"\s*[-–—]\s')


def _term_mark(body: str) -> str:
    """A wording whose first defined term lost its opening mark with the wording's own.

    >>> _term_mark('Тікелей шетелдік инвестициялар" - оларға қатысты')
    '"Тікелей шетелдік инвестициялар" - оларға қатысты'
    """
    return f'"{body}' if re.match(r'[^"«»\n]{1,120}"\s*[-–—]\s', body) else body


# ---------------------------------------------------------------------------- targets


def _merge(ctx: tuple, utype: str, num: str | None) -> tuple:
    """Put a unit into a path: the path cut at the unit's level, then the unit.

    A unit of a type the path already holds replaces the last one («… 4) тармағындағы …
    ауыстырылып, 5) тармағы алып тасталсын»: the 5) of the same part); a subpoint named
    inside a part or paragraph other than the first («в части пятой статьи 48: в пункте
    а) …») is its item, as the parser nests the items after a lead-in
    (``art_48__al_5__subpara_1``); the first block is the unit's own text.

    >>> _merge((("art", "40"), ("al_part", "2"), ("subpara", "4")), "subpara", "5")
    (('art', '40'), ('al_part', '2'), ('subpara', '5'))
    >>> _merge((("art", "48"), ("al_part", "5")), "subpara", "1")
    (('art', '48'), ('al_part', '5'), ('subpara', '1'))
    """
    types = [t for t, _n in ctx]
    if utype in types:
        ctx = ctx[: len(types) - 1 - types[::-1].index(utype)]
    elif utype != "subpara":
        return tuple(p for p in ctx if RANK[p[0]] < RANK[utype]) + ((utype, num),)
    if utype == "subpara":
        # the first block of a unit is its lead-in, its own text: its items are the unit's
        while ctx and ctx[-1][0] in ("al", "al_part") and ctx[-1][1] == "1":
            ctx = ctx[:-1]
        if ctx and ctx[-1][0] in ("al", "al_part"):
            return ctx + ((utype, num),)
    return tuple(p for p in ctx if RANK[p[0]] < RANK[utype]) + ((utype, num),)


def _refs(tokens: list[Token]) -> list[Ref]:
    out = []
    for t in tokens:
        if t.kind in ("U", "UI") and t.utype not in ("sentence",):
            nums = list(t.nums)
            out.append(Ref(t.utype, nums, t.case, t.start, t.end))
    return out


def merge(ctx: tuple, utype: str, num: str | None) -> tuple:
    """Put a unit into a path. A unit of a type the path already holds is its sibling,
    under the same outer units («40-баптың екінші бөлігінің 4) тармақшасындағы …
    ауыстырылып, 5) тармақшасы алып тасталсын»: 5) of the same part); otherwise the path is
    cut at the unit's level (:func:`generator.formulas.locate.merge`).

    >>> merge((("art", "40"), ("al_part", "2"), ("subpara", "4")), "subpara", "5")
    (('art', '40'), ('al_part', '2'), ('subpara', '5'))
    >>> merge((("art", "2"), ("para", "1"), ("subpara", "4")), "para", "3")
    (('art', '2'), ('para', '3'))
    >>> merge((("art", "2"), ("al_part", "2")), "subpara", "5")
    (('art', '2'), ('al_part', '2'), ('subpara', '5'))
    """
    same = [k for k, (t, _n) in enumerate(ctx) if t == utype]
    if same:
        return ctx[: same[-1]] + ((utype, num),)
    if ctx and {ctx[-1][0], utype} <= NESTS_EITHER_WAY:
        # «часть вторую статьи 2 дополнить подпунктом д)» (7490 ru): a part holds subpoints,
        # a subpoint parts: the unit goes inside
        return ctx + ((utype, num),)
    return _merge(ctx, utype, num)


def locate(ctx: tuple, refs: list[Ref], lang: str = "kk") -> list[tuple]:
    """Paths of the location references merged into a context (several for lists), as
    :func:`generator.formulas.locate.locate` with this reader's :func:`merge`."""
    return _locate_paths(ctx, refs, lang, merge)


def _segments(tokens: list[Token]) -> list[list[list[Token]]]:
    """Unit references in groups split at commas, each group in segments split where «и»,
    «және», «мен» coordinates them: «в заголовке, пункте 1, абзаце первом части первой и
    части второй пункта 2» → [[заголовок], [пункт 1], [абзац первый части первой, часть
    вторая пункта 2]] (the genitive tail belongs to its own group)."""
    groups: list[list[list[Token]]] = [[[]]]
    prev_unit = False
    for t in tokens:
        if t.kind in ("U", "UI"):
            groups[-1][-1].append(t)
            prev_unit = True
        elif t.kind == "AND" and prev_unit:
            groups[-1].append([])
            prev_unit = False
        elif t.kind == "," and prev_unit:
            groups.append([[]])
            prev_unit = False
    return [[s for s in g if s] for g in groups if any(g)]


def _ru_phrases(seg: list[Token]) -> list[Token]:
    """Russian units inner → outer when a locative phrase comes first.

    «в части первой подпункт 12)» names the part (after «в») first and the unit acted on
    after it: the object phrase is the inner one. A phrase starts at a unit after «в» or at a
    unit whose form cannot be a genitive (genitives continue the phrase: «подпункта 1)
    части первой статьи 248-1»).
    """
    phrases: list[list[Token]] = []
    for t in seg:
        if not phrases or t.prep or "gen" not in t.cases:
            phrases.append([t])
        else:
            phrases[-1].append(t)
    if len(phrases) < 2 or not any(p[0].prep for p in phrases):
        return seg
    objects = [p for p in phrases if not p[0].prep]
    locs = [p for p in phrases if p[0].prep]
    return [t for p in objects + locs[::-1] for t in p]


MULTI = "&"  # the marker of a scope that names several units (not an eId level)


def scope_of(paths: list) -> tuple:
    """The scope a header sets: its one unit's path, or for several units one scope that
    holds them all, in the order written (DESIGN.md: one operation per unit).

    >>> scope_of([(("art", "10"),)])
    (('art', '10'),)
    >>> scope_of([(("art", "10"),), (("art", "11"),)])
    (('&', ((('art', '10'),), (('art', '11'),))),)
    """
    if len(paths) == 1:
        return paths[0]
    flat = [q for p in paths for q in _scope_paths(p)]
    return ((MULTI, tuple(flat)),)


def is_multi(ctx: tuple) -> bool:
    """Whether ``ctx`` is a scope naming several units (``scope_of``).

    >>> is_multi(scope_of([(("art", "10"),), (("art", "11"),)])), is_multi((("art", "10"),))
    (True, False)
    """
    return bool(ctx) and ctx[0][0] == MULTI


def _scope_paths(ctx: tuple) -> tuple:
    """The path of each unit a scope names, in order (one for a scope of one unit).

    >>> _scope_paths(scope_of([(("art", "10"),), (("art", "11"),)]))
    ((('art', '10'),), (('art', '11'),))
    """
    return ctx[0][1] if is_multi(ctx) else (ctx,)


def _wheres(ctx: tuple) -> list[str]:
    """Each eId a scope names, in order; [""] for no scope (["art_10", "art_11"])."""
    return [eid(p) for p in _scope_paths(ctx) if p] or [""]


def _where(ctx: tuple) -> str:
    """The eIds a scope names, for a report («art_10, art_11»)."""
    return ", ".join(_wheres(ctx))


def targets(loc: list[Token], ctx: tuple, lang: str) -> tuple[list[str], list, int | None]:
    """eIds of the units a clause names, in order; their paths; the sentence if named.

    Coordinated units share the outer units of the full chain: Russian names it last
    («в заголовке и пункте 1 статьи 217»), Kazakh first («5-баптың тақырыбы мен бiрiншi
    бөлiгiнде»).
    """
    if is_multi(ctx):
        # a unit named under a header naming several units («10-баптың 4) тармақшасында
        # және 11-баптың 1-тармағының 7) тармақшасында:», 24760): the unit in each of them
        tgs, pss, sent = [], [], None
        for p in _scope_paths(ctx):
            tg, ps, s = targets(loc, p, lang)
            tgs, pss, sent = tgs + tg, pss + ps, sent if sent is not None else s
        return tgs, pss, sent
    if ctx and ctx[0][0] == "?":
        # a unit named inside a scope that was not read (a header under «Статья 2. …» of
        # a treaty a ratification law carries, 1814 ru): it is not read either, with the
        # outer reason — a "?" path never reaches the levels of RANK
        raise NotRead(ctx[0][1])
    if ctx and ctx[0][0] == "toc" and len(ctx) == 1:
        # «в оглавлении: в заголовке главы 22 слова … исключить» (151390): an entry of the
        # table of contents is ``toc__<eId of the unit>`` (docs/operations.md)
        tg, paths, sent = targets(loc, (), lang)
        return [_eid.join("toc", t) for t in tg], [(("toc", None), *p) for p in paths], sent
    sentence = None
    for t in loc:
        if t.utype == "sentence" and t.nums and t.nums[0]:
            sentence = int(t.nums[0])
    units = [t for t in loc if t.kind == "U" and t.utype != "sentence"]
    if any(t.utype in ("row", "table") for t in units):
        raise NotRead("a table row or table (no eId form for it yet)")
    if any(re.fullmatch(r"[а-яё]", n or "") for t in units for n in t.nums):
        raise NotRead("a unit numbered by a letter (no eId form for it yet)")
    if any(t.utype == "toc" for t in units):
        rest = [t for t in loc if t.utype != "toc"]
        if any(t.kind == "U" for t in rest):  # «в оглавлении заголовки статей 155 и 400 …»
            return targets(rest, (("toc", None),), lang)
        return ["toc"], [(("toc", None),)], sentence
    seq = [t for t in loc if t.kind in ("U", "AND", ",") and t.utype != "sentence"]
    if lang == "kk":
        # «2. 129-бапта, 9) тармақшадағы …»: a bare locative («-та», «-да») and a comma open
        # a chain, they do not start a list («271-баптың …-індегі, 322-баптың …-індегі»)
        # — but only before a unit inside it: «4-бапта, 10-баптың …» and «3)-5), 10) және
        # 11) тармақшаларында, 3-баптың …» (3906 kk, a possessive locative) are lists
        seq = [
            t
            for k, t in enumerate(seq)
            if not (
                t.kind == ","
                and k
                and seq[k - 1].kind == "U"
                and re.search(r"(?:та|те|да|де)$", seq[k - 1].text.lower())
                and not re.search(r"н(?:да|де)$", seq[k - 1].text.lower())
                and k + 1 < len(seq)
                and seq[k + 1].kind == "U"
                and RANK_X[seq[k + 1].utype] > RANK_X[seq[k - 1].utype]
            )
        ]
    groups = _segments(seq)
    if not groups:
        return ([eid(ctx)] if ctx else []), [ctx], sentence
    if lang == "ru":
        groups = [[_ru_phrases(seg) for seg in g] for g in groups]

    def full_of(segs: list[list[Token]]) -> list[Token]:
        # the segment that names the whole chain: Russian names it last, Kazakh first
        return segs[-1] if lang == "ru" else segs[0]

    def head_rank(chain: list[Token]) -> int:
        # its innermost unit («в заголовке и тексте статьи 38»: the text; «38-баптың
        # тақырыбы мен мәтiнiндегi»: the heading)
        return RANK_X[(chain[0] if lang == "ru" else chain[-1]).utype]

    def borrow(seg: list[Token], full: list[Token]) -> list[Token]:
        """The outer units of ``full`` that ``seg`` lacks."""
        low = min(RANK_X[t.utype] for t in seg)
        bound = min(low, head_rank(full))
        if all(t.utype == "heading" for t in seg):
            # «заголовок, абзац первый части первой … статьи 213»: the heading is the
            # article's, never a part's (only articles and the levels above have headings)
            bound = min(bound, RANK["art"] + 1)
        got = [t for t in full if t.utype != "text" and RANK_X[t.utype] < bound]
        if (
            lang == "ru"
            and all(t.utype == "al" for t in seg)
            and full[0].utype != "al_part"
            and any(t.utype == "al_part" for t in full)
        ):
            # «абзац первый и пункт 5) части первой … дополнить словами» (49442 ru:373, kk
            # «бірінші бөлігінің бірінші абзацы … және 5) тармағы …»): the part named last is
            # the абзац's too, never when it is the sibling named («абзац второй и часть
            # третью»)
            got = [t for t in full if t.utype != "text" and RANK_X[t.utype] <= RANK_X["al"]]
            got = [t for t in got if t.utype != "subpara" and t not in seg]
        return seg + got if lang == "ru" else got + seg

    top = full_of(full_of(groups))
    paths = []
    for g in groups:
        gfull = full_of(g)
        for seg in g:
            if all(t.utype == "text" for t in seg):
                # «… тақырыбы мен мәтiнiндегi»: the text of the unit itself
                chain = [
                    t for t in gfull if t.utype != "text" and RANK_X[t.utype] < head_rank(gfull)
                ]
            else:
                chain = [t for t in seg if t.utype != "text"]
                if seg is not gfull:
                    chain = borrow(chain, gfull)
            if g is not groups[-1 if lang == "ru" else 0] and chain:
                chain = borrow(chain, top)  # «в заголовке, пункте 1 … статьи 217»
            # «1) в тексте слова … заменить …» / «1) мәтінде "…" деген сөздер …» right under the
            # act (45710:101): the act's whole text, `*` (DESIGN.md), never an empty target
            paths += locate(ctx, _refs(chain), lang) if chain else [ctx or WHOLE]
    for p in paths:
        for k, (t, _n) in enumerate(p):
            if t == "heading" and k and p[k - 1][0] in ("para", "subpara", "al", "al_part"):
                raise NotRead("a heading of a unit that has none")
            if t == "note" and (_n or not any(x == "art" for x, _m in p[:k])):
                # a legal note is an article's and has no number of its own (docs/units.md
                # «Legal notes»): «1-ескертпе» or a note outside an article names none
                raise NotRead("a note that is not an article's unnumbered note")
        types = [t for t, _n in p if t in ("art", "chp", "part", "para", "annex")]
        if len(types) != len(set(types)):
            # «art_1__art_3__…» from a list read as one chain: never an eId of a unit
            raise NotRead(f"units that do not nest ({eid(p)})")
    return [eid(p) for p in paths], paths, sentence


# ---------------------------------------------------------------------------- builders


# how a point and a subpoint are numbered in their own text («3. …», «42) …»)
_LABEL_MARK = {"para": r"\.", "subpara": r"\)"}


@dataclass
class _State:
    lang: str
    act: CitedAct | None
    item: str
    line: int
    source: str
    quotes: list[str]
    ctx: tuple
    new: str | None = None  # quoted wording after the instruction (inline or next blocks)
    used_new: bool = False
    prev_old: str | None = None
    prev_new: str | None = None  # the new words of the clause before («одан кейiнгi …»)
    prev_paths: list = field(default_factory=list)  # several units the last clause named
    text: str = ""
    fetch: object = None  # () → the next quoted wording right after, or None
    fetch_label: object = None  # (rx) → the next block if it starts with a unit's label
    fetch_block: object = None  # (test) → that block alone, when its opening mark is lost
    named: list[str] = field(default_factory=list)  # titles of the table parts in scope
    start_ctx: tuple = ()  # the units in scope when the sentence began
    repairs: list = field(default_factory=list)  # (as written, as read) misprints repaired

    def more(self) -> str | None:
        """The next quoted wording that follows (a list of units quoted one by one)."""
        return self.fetch() if self.fetch else None  # type: ignore[operator]

    def unquoted(self, utype: str, num: str | None) -> str | None:
        """The next block as the wording of unit ``utype`` ``num`` when it is not quoted but
        starts with that unit's label («42) …», «2) …», «Статья 9.», «9-бап.»)."""
        if not self.fetch_block or not num:
            return None

        def starts(text: str) -> bool:
            if text[:1] in '"«':
                return False
            if utype in ("subpara", "para"):
                return bool(re.match(rf"{re.escape(num)}{_LABEL_MARK[utype]}\s", text))
            hit = _units.match_heading(text, self.lang)
            return hit is not None and hit[:2] == (utype, num)

        # a unit with a heading (an article, a chapter) is never its heading line alone: its
        # wording runs on to the mark that closes it
        whole = utype not in ("subpara", "para")
        return self.fetch_block(starts, whole)  # type: ignore[operator]

    def more_labelled(self, nums: list[str]) -> str | None:
        """The next block when it starts with the heading label (units.yml) of a unit
        numbered one of ``nums``, and no quote."""
        if not self.fetch_label:
            return None

        def starts(text: str) -> bool:
            hit = _units.match_heading(text, self.lang)
            return hit is not None and hit[1] in nums

        return self.fetch_label(starts)  # type: ignore[operator]


def eid(path: tuple) -> str:
    """The eId of a path (:func:`generator.formulas.locate.path_eid`), a numbered point or subpoint
    inside a part as the parser names it: «пункт 5) части второй статьи 40», «2-тармақтың
    бірінші бөлігінің 11) тармақшасы» are the numbered child's own eId, without the part
    (DESIGN.md «Unit IDs»: when the N-th block is a numbered child, the target is that
    child's own eId; the parser keeps the items of a part as blocks of the article), and so
    is a subpoint «of the first абзац» (the lead-in is the unit's own text: «476-баптың
    бірінші абзацының 3) тармақшасы» is ``art_476__subpara_3``). A later абзац stays: the
    parser nests a list under an абзац whose numbering restarts.

    >>> eid((("art", "40"), ("al_part", "2"), ("subpara", "5")))
    'art_40__subpara_5'
    >>> eid((("art", "5"), ("para", "2"), ("al", "14"), ("subpara", "1")))
    'art_5__para_2__al_14__subpara_1'
    >>> eid((("art", "71"), ("al_part", "6"), ("al", "1"), ("subpara", "22")))
    'art_71__subpara_22'
    """
    kept: list = []
    for p in reversed(path):  # from the inside out: «бөлігі бірінші абзацының 22) тармағы»
        nested = kept and kept[0][0] in ("para", "subpara")
        if nested and (p[0] == "al_part" or (p[0] == "al" and p[1] == "1")):
            continue
        kept.insert(0, p)
    kept = tuple(kept)
    return _path_eid(kept)


def _op(st: _State, target: str, action: str, **kw) -> Operation:
    if action == "renumber" and kw.get("new") and "_" in kw["new"]:
        kw["new"] = normal_target(kw["new"])
    return Operation(
        act=st.act.title if st.act else "",
        act_date=st.act.date if st.act else None,
        target=normal_target(target),
        action=action,
        source=st.source,
        line=st.line,
        item=st.item,
        **kw,
    )


def _q(st: _State, toks: list[Token] | None) -> list[str]:
    return [st.quotes[t.quote] for t in (toks or []) if t.kind == "Q"]


def _loc(m: Match, *exclude: str) -> list[Token]:
    skip = {id(t) for n in exclude for t in m.groups.get(n, [])}
    return [t for t in m.tokens if id(t) not in skip]


def _pairs(olds: list[str], news: list[str]) -> list[tuple[str, str]]:
    if len(olds) == len(news):
        return list(zip(olds, news, strict=True))
    if len(news) == 1:
        return [(o, news[0]) for o in olds]
    raise NotRead(_unpaired(olds, news))


def _unpaired(olds: list[str], news: list[str]) -> str:
    """Why quoted old and new words that do not pair are not read: a substitution pairs them
    one to one in order («тиісінше» / «соответственно») or gives one new wording for all.

    >>> _unpaired(["а", "б", "в"], ["г", "д"])
    '3 old and 2 new words do not pair (one new for each old one, or one for all): which new words replace which old ones the act does not say'
    """
    return (
        f"{len(olds)} old and {len(news)} new words do not pair (one new for each old one, or "
        "one for all): which new words replace which old ones the act does not say"
    )


def b_words(m: Match, st: _State, action: str, **a) -> list[Operation]:
    """substitute_words / insert_words / delete_words / case."""
    loc = _loc(m, "old", "new", "anchor")
    if st.ctx == WHOLE and any(t.kind == "U" for t in loc):
        raise NotRead("a unit inside «the whole text»")
    whole = any(t.kind == "ALL" or t.code == "K:whole_text" for t in loc) or st.ctx == WHOLE
    ctx = () if whole and not st.ctx else st.ctx
    if whole and not any(t.kind == "U" for t in loc):
        tg, paths, sent = ["*"], [WHOLE], None
    elif st.prev_paths and not any(t.kind == "U" for t in loc):
        # «38-баптың тақырыбы мен мәтiнiндегi "…" деген сөздер алып тасталып, "…" деген
        # сөздер …»: a clause naming no unit works on the units of the clause before it
        paths = st.prev_paths
        tg, sent = [eid(p) for p in paths], None
    else:
        tg, paths, sent = targets(loc, ctx, st.lang)
        if whole and tg == ["title"]:
            # «в заголовке и по всему тексту Закона» / «Заңның тақырыбында және бүкіл
            # мәтінінде» (11366): the whole text, title included, is "*" (DESIGN.md)
            tg, paths, sent = ["*"], [WHOLE], None
    if not tg:
        raise NotRead("words operation without a target")
    olds, news, anchors = _q(st, m.groups.get("old")), _q(st, m.groups.get("new")), []
    anchors = _q(st, m.groups.get("anchor"))
    ops: list[Operation] = []
    kw = {"sentence": sent} if sent else {}
    if action == "case":
        upper = m.groups["case"][0].sub == "upper"
        within = _q(st, m.groups.get("within"))
        for t in tg:
            for o in olds:
                new = (o[:1].upper() if upper else o[:1].lower()) + o[1:]
                if not within:
                    ops.append(_op(st, t, "case", old=o, new=new, **kw))
                # «"статистикалық жұмыстардың жоспары", … деген сөздердегі "статистикалық"
                # деген сөз бас әріппен жазылсын»: the word changes inside each phrase
                for w in within:
                    if o not in w:
                        raise NotRead(f"«{o}» is not inside «{w}»")
                    ops.append(_op(st, t, "case", old=w, new=w.replace(o, new, 1), **kw))
        # «… кіші әріппен жазылып, алдынан "Мемлекеттік" деген сөзбен толықтырылсын»: the
        # next clause anchors on the word as it now reads
        st.prev_old = ops[-1].new if ops and not within else (olds[-1] if olds else None)
    elif action == "substitute_words":
        resp = any(t.kind == "RESP" for t in m.tokens)
        if resp and len(olds) == 1 and len(news) > 1:
            # «слово "СССР" заменить соответственно словами "Республике Казахстан",
            # "Республики Казахстан"»: the k-th occurrence takes the k-th new form
            for t in tg:
                for k, n in enumerate(news, 1):
                    ops.append(
                        _op(st, t, "substitute_words", old=olds[0], new=n, occurrence=str(k), **kw)
                    )
        else:
            if a.get("new_fixed"):  # «"X" деген сөздердің орнына нүктелі үтір қойылып»
                news = [a["new_fixed"]]
            pairs = _pairs(olds, news)
            anchor = a.get("anchor")
            if anchor and len(anchors) != 1:
                raise NotRead("a replacement after words that names no single anchor")
            for t in tg:
                for o, n in pairs:
                    if anchor == "after":
                        # «после слова "казахском" слово "и" заменить словом "или"»: the
                        # word that follows the anchor, not the first «и» of the unit
                        o, n = f"{anchors[0]} {o}", f"{anchors[0]} {n}"
                    ops.append(_op(st, t, "substitute_words", old=o, new=n, **kw))
        st.prev_new = news[-1] if news else None
    elif action == "delete_words":
        if a.get("anchor_from") == "previous":
            # «"A" деген сөздер "B" деген сөздермен ауыстырылып, одан кейiнгi "X" деген сөздер
            # алып тасталсын» (10326 kk): the words right after the new ones
            if not st.prev_new:
                raise NotRead("an anchor that names no words")
            anchors, a = [st.prev_new], {**a, "anchor": "after"}
        for t in tg:
            for o in olds:
                w = m.groups.get("where", [])
                anchor = a.get("anchor")
                if anchor == "where":
                    anchor = "before" if w and w[0].kind == "BEFORE" else "after"
                if anchor == "after":  # «исключить слова "X" после слов "A"»: «A X» → «A»
                    for an in anchors:
                        ops.append(_op(st, t, "substitute_words", old=f"{an} {o}", new=an, **kw))
                elif anchor == "before":  # «"A" деген сөздердің алдындағы "X"»: «X A» → «A»
                    for an in anchors:
                        ops.append(_op(st, t, "substitute_words", old=f"{o} {an}", new=an, **kw))
                else:
                    ops.append(_op(st, t, "delete_words", old=o, **kw))
        where_deleted = a.get("anchor")
        if where_deleted == "where":
            w = m.groups.get("where", [])
            where_deleted = "before" if w and w[0].kind == "BEFORE" else "after"
        if where_deleted == "after" and len(anchors) == 1:
            # «"A" деген сөздерден кейінгі "және" деген шылау алып тасталып, "үтір" тыныс
            # белгісімен толықтырылсын» (15328): the next clause works right after «A»
            st.prev_old = anchors[0]
    elif action == "insert_words":
        where = a.get("where")
        if not where:
            w = m.groups.get("where", [])
            where = "before" if w and w[0].kind == "BEFORE" else "after"
        if a.get("anchor_from") == "previous":
            if not st.prev_old:
                raise NotRead("an anchor that names no words")
            anchors = [st.prev_old]
        if a.get("new_from") == "text":
            news = _q(st, m.groups.get("new")) or ([st.new] if st.new else [])
            if not news:
                raise NotRead("an inserted sentence without its quoted text")
            if not _q(st, m.groups.get("new")):
                st.used_new = True
        if a.get("new_fixed"):  # «… деген сөздерден кейін нүктелі үтір қойылып»
            news = [a["new_fixed"]]
        if a.get("punctuation"):  # «"үтір" тыныс белгісімен», «знаком препинания "запятая"»
            marks = a["punctuation"]
            if len(news) != 1 or news[0].strip().lower() not in marks:
                raise NotRead(f"a punctuation mark zan does not know: {news}")
            news = [marks[news[0].strip().lower()]]
        if not news:
            raise NotRead("insert_words without new words")
        # «словами "Указом …, "О государственной службе".» (936 ru): one straight mark closed
        # the inner quote and the outer one; inserted words get the inner closing mark back
        news = [n + '"' if n.count('"') % 2 and "«" not in n else n for n in news]
        resp = any(x.kind == "RESP" for x in m.tokens) and len(news) > 1 and where != "end"
        if resp and len(anchors) == 1 and len(news) == len(tg) > 1:
            # «заголовок и текст статьи 558 после слова "безопасности" дополнить
            # соответственно словами "X", "Y"»: the k-th unit takes the k-th words
            per = [(t, [(anchors[0], n)]) for t, n in zip(tg, news, strict=True)]
        elif resp and len(anchors) != len(news):
            raise NotRead(f"{len(anchors)} anchors and {len(news)} new words do not pair")
        elif resp and len(tg) == len(anchors) > 1:
            # «558-баптың тақырыбы мен мәтiнi "…комитетiнiң", "…комитетiне" деген сөздерден
            # кейiн тиiсiнше "…", "…" деген сөздермен» (22148 kk; ru: «заголовок и текст …
            # после слова "безопасности" … соответственно словами …»): the k-th unit, anchor
            # and words go together
            per = [(t, [(an, n)]) for t, an, n in zip(tg, anchors, news, strict=True)]
        elif resp and len(tg) > 1:
            raise NotRead(
                "«respectively» over several units and several words (which words go to"
                " which unit is not said)"
            )
        elif resp:
            # «после слов "A" и "B" дополнить соответственно словами "C" и "D"»: each anchor
            # takes its own new words
            per = [(tg[0], list(zip(anchors, news, strict=True)))]
        elif len(tg) == len(anchors) > 1 and len(news) == 1:
            # «подпункты 4) и 6) после слов "лечению", "лечения" дополнить словами
            # "ВИЧ-инфекции и"» (28794 ru:49; the Kazakh, kk:51 and kk:53, names the two
            # sub-items one by one): as many anchors as units, in the units' order - the forms
            # of one word each unit has, not every anchor in every unit
            per = [(t, [(an, news[0])]) for t, an in zip(tg, anchors, strict=True)]
        else:
            per = [(t, [(a_, n) for a_ in anchors for n in news]) for t in tg]
        if a.get("occurrence_from"):
            # «после второго словосочетания "…"»: the anchor's N-th occurrence (K:occurrence)
            word = " ".join(m.groups[a["occurrence_from"]][0].text.split()[:-1])
            nth = tokenizer(st.lang).ordinal(word)
            if not nth or nth < 1:
                raise NotRead(f"an occurrence zan cannot number: «{word}»")
            kw = {**kw, "occurrence": str(nth)}
        for t, pairs in per:
            if where == "end":
                for n in news:
                    ops.append(_op(st, t, "insert_words", new=n, where="end", **kw))
            else:
                for an, n in pairs:
                    ops.append(_op(st, t, "insert_words", old=an, new=n, where=where, **kw))
    st.ctx = paths[0] if paths else st.ctx
    st.prev_paths = paths if len(paths) > 1 else []
    return ops


def _groups(m: Match, st: _State) -> list[tuple[list[str], list[Operation], dict]]:
    """The groups of a Kazakh list that shares one verb, each with its own units or those of
    the group before: [(targets, quotes by role, sentence)]. A group ends where its quotes
    end and the next unit starts («139-баптың 1-тармағындағы "A", 141-баптың 3-тармағындағы
    және 146-баптың … тармақшасындағы "B" деген сөздер алып тасталсын», 6460 kk); a group
    that names only inner units takes the outer ones of the first («405-баптың 2-тармағының
    4) тармақшасындағы "A" деген сөздер, 5) тармақшасындағы "B" деген сөздер …», 28752 kk).
    """
    out: list = []
    first: list[Token] = []
    loc: list[Token] = []
    roles: dict[str, list[str]] = {}
    cur: list[str] = []
    after_q = False

    def close() -> None:
        nonlocal loc, roles, cur
        if not roles and not cur:
            return
        if cur:
            roles.setdefault("q", []).extend(cur)
        if not first and not loc and not out:
            tg, paths, sent = ([eid(st.ctx)] if st.ctx else []), [st.ctx], None
        elif not loc:
            tg, paths, sent = out[-1][0], out[-1][3], out[-1][2]
        else:
            head = first if first is not loc else []
            comma = [Token(",", ",", 0, 0)] if head else []
            tg, paths, sent = targets(head + comma + loc, st.ctx, st.lang)
            skip = len(targets(head, st.ctx, st.lang)[0]) if head else 0
            tg, paths = tg[skip:], paths[skip:]
        out.append((tg, roles, sent, paths))
        loc, roles, cur = [], {}, []

    for t in m.tokens:
        if t.kind in ("U", "AND", ",") and not (t.kind == "U" and t.utype == "sentence"):
            if t.kind == "U" and after_q:
                close()
                after_q = False
            if t.kind == "U" or loc:
                loc.append(t)
                if not out:
                    first = loc
        elif t.kind == "Q":
            cur.append(st.quotes[t.quote])
            after_q = True
        elif t.kind == "N":
            roles.setdefault("old", []).extend(cur)
            cur = []
    close()
    return out


def b_list(m: Match, st: _State, action: str) -> list[Operation]:
    """A Kazakh list of word operations that share the verb at its end: deletions
    (:func:`_groups`) and insertions after words («"A" деген сөзден кейiн "B" деген
    сөздермен, "C" деген сөздерден кейiн "D" деген сөздермен толықтырылсын», 11622 kk)."""
    ops: list[Operation] = []
    if action == "insert_words":
        loc = [t for t in m.tokens[: next(k for k, t in enumerate(m.tokens) if t.kind == "Q")]]
        if any(t.kind == "U" for t in loc):
            tg, paths, sent = targets(loc, st.ctx, st.lang)
        else:
            tg, paths, sent = ([eid(st.ctx)] if st.ctx else []), [st.ctx], None
        if not tg:
            raise NotRead("words operation without a target")
        kw = {"sentence": sent} if sent else {}
        cur: list[str] = []
        anchors: list[str] = []
        where = "after"
        comma = ""
        for t in m.tokens:
            if t.kind == "Q":
                cur.append(st.quotes[t.quote])
            elif t.kind == "N":
                anchors, cur = cur, []
            elif t.kind in ("AFTER", "BEFORE"):
                where = "after" if t.kind == "AFTER" else "before"
            elif t.code == "K:punct_comma":
                # «"деректер" деген сөзден кейін үтір қойылып, "атап айтқанда:" деген
                # сөздермен» (3906 kk): the comma, then the words
                if where != "after":
                    raise NotRead("a comma put before words")
                comma = ", "
            elif t.kind == "NI":
                ops += [
                    _op(
                        st,
                        x,
                        "insert_words",
                        old=an,
                        new=comma + n.strip() if comma else n,
                        where=where,
                        **kw,
                    )
                    for x in tg
                    for an in anchors
                    for n in cur
                ]
                anchors, cur, comma = [], [], ""
        st.ctx = paths[0] if paths else st.ctx
        return ops
    groups = _groups(m, st)
    every = [p for g in groups for p in g[3]]
    common = every[0] if every else ()
    for p in every[1:]:  # the units the next clause works in: what the groups share
        k = 0
        while k < min(len(common), len(p)) and common[k] == p[k]:
            k += 1
        common = common[:k]
    st.ctx = common or st.ctx
    for k, (tg, roles, sent, _paths) in enumerate(groups):
        kw = {"sentence": sent} if sent else {}
        if not tg:
            raise NotRead("words operation without a target")
        for t in tg:
            if action == "delete_words":
                olds = roles.get("old", []) or roles.get("q", [])
                if not olds and k + 1 < len(groups):
                    # «"жылжымайтын", 141-баптың … "жылжымалы" деген сөздер»: the noun after the
                    # last group names the quotes of every group
                    olds = roles.get("q", [])
                ops += [_op(st, t, "delete_words", old=o, **kw) for o in olds]
    if not ops:
        raise NotRead("a list of word operations that names no words")
    return ops


def b_shared_new(m: Match, st: _State) -> list[Operation]:
    """Two groups of words in units of their own replaced by the same new words: «в статьях
    44, 61, 65 слово "СССР", а в статье 93 слова "Казахской ССР" - словами "Республики
    Казахстан"» (104392 ru; the verb «заменить» of the list stands in its first clause)."""
    cut = next(k for k, t in enumerate(m.tokens) if t.kind == "," and t.depth == 0)
    news = _q(st, m.groups.get("new"))
    ops: list[Operation] = []
    for part in (m.tokens[:cut], m.tokens[cut + 1 :]):
        olds = [st.quotes[t.quote] for t in part if t.kind == "Q" and t not in m.groups["new"]]
        tg, _paths, sent = targets(
            [t for t in part if t.kind in ("U", "AND", ",")], st.ctx, st.lang
        )
        if not tg or len(news) != 1:
            raise NotRead("words operation without a target")
        kw = {"sentence": sent} if sent else {}
        ops += [_op(st, x, "substitute_words", old=o, new=news[0], **kw) for x in tg for o in olds]
    return ops


def b_words_list(m: Match, st: _State) -> list[Operation]:
    """Kazakh pairs that share one verb, each after its own units or those before it:
    «11-баптың 3-тармағындағы "A" деген сөз "B" деген сөздермен, 4-тармақтағы "C" деген
    сөздер "D" деген сөздермен ауыстырылсын»."""
    ops: list[Operation] = []
    loc: list[Token] = []
    olds: list[str] = []
    cur: list[str] = []
    tg: list[str] = []
    paths: list = []
    sent = None
    base = st.ctx
    scope = None
    for t in m.tokens:
        if t.kind in ("U", "AND", ",", "ALL") or t.code in ("K:whole_text", "K:inside"):
            if t.kind == "U" or loc:
                loc.append(t)
        elif t.kind == "Q":
            cur.append(st.quotes[t.quote])
        elif t.kind == "N":
            olds, cur = cur, []
        elif t.kind == "NI":
            units = [x for x in loc if x.kind == "U"]
            if not ops:
                scope = _scope(loc, base, st.lang)
            if not units and scope is not None:
                # the unit a bare locative names («17-бапта») is the list's scope; a unit
                # with «-дағы» («1) тармақшадағы») names the words of its own pair only:
                # «17-бапта "Осы" деген сөз "1. Осы" деген сөзбен, 1) тармақшадағы "…" деген
                # сөздер "…" деген сөздермен, "4) Экологиялық" деген сөз "2. Экологиялық"
                # сөзбен ауыстырылып» (22314 kk: «4) Экологиялық» opens subpoint 4) of the
                # article, it is not in subpoint 1))
                tg, paths, sent = scope
            elif units or not tg:
                # a pair's own units: inside the article the first ones named
                # («11-баптың 3-тармағындағы …, 4-тармақтағы …»)
                ctx = base if not paths else paths[0][:1]
                tg, paths, sent = targets(loc, ctx, st.lang)
                if not ops:
                    base = st.ctx
            if not tg:
                raise NotRead("words operation without a target")
            kw = {"sentence": sent} if sent else {}
            ops += [
                _op(st, x, "substitute_words", old=o, new=n, **kw)
                for x in tg
                for o, n in _pairs(olds, cur)
            ]
            loc, cur = [], []
    st.ctx = paths[0] if paths else st.ctx
    return ops


def _scope(loc: list[Token], ctx: tuple, lang: str) -> tuple | None:
    """The units a Kazakh list of pairs works in when its first pair names them with a bare
    locative («17-бапта», «2-тармағында»), not with «-дағы» («1) тармақшадағы», the units
    of its own words only): the targets of the chain up to that locative; None when there
    is none.

    >>> from generator.formulas.tokens import tokenize
    >>> toks = [t for t in tokenize("13-баптың 2-тармағында 4) тармақшадағы", "kk")]
    >>> _scope(toks, (), "kk")[0]
    ['art_13__para_2']
    >>> _scope(toks[-1:], (), "kk") is None
    True
    """
    k = max(
        (i for i, t in enumerate(loc) if t.kind == "U" and re.search(r"(?:та|те|да|де)$", t.text)),
        default=None,
    )
    return None if k is None else targets(loc[: k + 1], ctx, lang)


def b_words_respective(m: Match, st: _State) -> list[Operation]:
    """Words of several units replaced, «respectively», by one list of new words:
    «8-баптың 5-тармағындағы "A" деген сөздер және 9-баптың 5) тармақшасындағы "B" деген
    сөздер тиiсiнше "C" және "D" деген сөздермен ауыстырылсын» (14086 kk): the k-th old
    words, in the order written, take the k-th new words, in their own units.
    """
    groups: list[tuple[list[Token], list[str]]] = []
    loc: list[Token] = []
    cur: list[str] = []
    news: list[str] = []
    resp = False
    for t in m.tokens:
        if t.kind == "RESP":
            resp = True
        elif t.kind == "Q":
            (news if resp else cur).append(st.quotes[t.quote])
        elif t.kind == "N" and not resp:
            groups.append((loc, cur))
            loc, cur = [], []
        elif t.kind in ("U", "AND", ",") and not resp and (t.kind == "U" or loc):
            loc.append(t)
    olds = [o for _l, os_ in groups for o in os_]
    if len(olds) != len(news):
        raise NotRead(_unpaired(olds, news))
    ops: list[Operation] = []
    k = 0
    for g_loc, g_olds in groups:
        tg, paths, sent = targets(g_loc, st.ctx, st.lang)
        if not tg:
            raise NotRead("words operation without a target")
        kw = {"sentence": sent} if sent else {}
        for o in g_olds:
            ops += [_op(st, x, "substitute_words", old=o, new=news[k], **kw) for x in tg]
            k += 1
    return ops


def b_anchors_units(m: Match, st: _State) -> list[Operation]:
    """Words inserted after an anchor of each unit's own, one new wording for all: «73-баптың
    2-тармағындағы "салық" және 3-тармағындағы "салығы" деген сөздерден кейін "кедендік
    ресімдеу кезінде де" деген сөздермен толықтырылсын» (2486 kk): one ``insert_words`` per
    unit, after its own anchor, in the order written. Each unit may say where its own anchor
    stands: «636-баптың бірінші бөлігі 1) тармақшасының он бірінші абзацы "317-1" деген
    цифрлардың алдынан, отыз үшінші абзацы "140" деген цифрлардың алдынан, қырық сегізінші
    абзацы "317-1" деген цифрлардың алдынан "87-2," деген цифрлармен толықтырылып» (43168
    kk:29); a unit that does not takes the last one's. A unit after the first stands where the
    unit before it stands (its siblings: «отыз үшінші абзацы» of the same sub-item). A group
    may name its own new words: «3-баптың 3) тармақшасы мен 26-баптың 2) тармақшасындағы
    "табиғи-қорық" деген сөздiң алдынан тиiсiнше "мемлекеттiк" деген сөзбен, 55-баптың …
    4) тармақшасындағы "табиғат-қорық" деген сөздердiң алдынан "мемлекеттiк" деген сөзбен
    толықтырылсын» (28796 kk:49); a group without them takes the last group's."""
    groups: list[tuple[list[Token], list[str], str | None, list[str]]] = []
    loc: list[Token] = []
    cur: list[str] = []
    where = None
    news: list[str] = []
    for t in m.tokens:
        if t.kind in ("AFTER", "BEFORE"):
            where = "after" if t.kind == "AFTER" else "before"
        elif t.kind == "Q":
            (news if where is not None else cur).append(st.quotes[t.quote])
        elif t.kind == "U":
            if cur:  # a unit after quoted words opens the next unit's group
                groups.append((loc, cur, where, news))
                loc, cur, where, news = [], [], None, []
            loc.append(t)
        elif t.kind in ("AND", ",") and loc and not cur:
            loc.append(t)
    groups.append((loc, cur, where, news))
    if len(news) != 1 or where is None or any(len(g[3]) > 1 for g in groups):
        raise NotRead("insertions after the words of several units need one new wording")
    ops: list[Operation] = []
    ctx = st.ctx
    for g_loc, anchors, g_where, g_news in groups:
        tg, paths, sent = targets(g_loc, ctx, st.lang)
        if not tg or not anchors:
            raise NotRead("words operation without a target")
        if paths:  # «…-баптың 2-тармағындағы …, 3-тармағындағы …»: the next unit's parent
            ctx = paths[0][:-1] if len(paths[0]) > 1 else paths[0][:1]
            st.ctx = paths[0]
        kw = {"sentence": sent} if sent else {}
        new = (g_news or news)[0]
        ops += [
            _op(st, x, "insert_words", old=a, new=new, where=g_where or where, **kw)
            for x in tg
            for a in anchors
        ]
    return ops


def b_unit(m: Match, st: _State, action: str) -> list[Operation]:
    """replace / repeal of the named units (one operation per unit, in order)."""
    loc = _loc(m, "inline")
    units = [t for t in loc if t.kind == "U"]
    pronouns = lexicon(st.lang).get("pronouns", [])
    if not units and (
        words := [t.text for t in loc if t.kind == "W" and t.text.lower() not in pronouns]
    ):
        # words before the verb and no unit the tokenizer knows: they may hide the unit
        # («бірінші бөліктің2-3) тармақшасы мынадай редакцияда жазылсын:», 80654 kk:151,
        # before its glue repair, was read as a replace of the whole scope, art. 7)
        raise NotRead(f"{action} naming no unit zan knows: «{' '.join(words)}»")
    if not st.ctx and units and all(t.utype == "text" for t in units):
        # «текст изложить в следующей редакции:» right under the act: its whole text
        tg, paths, sent = ["*"], [WHOLE], None
    else:
        tg, paths, sent = targets(loc, st.ctx, st.lang)
    if not tg or tg == [""]:
        raise NotRead(f"{action} without a target")
    kw = {"sentence": sent} if sent else {}
    st.ctx = paths[0]
    if action == "repeal":
        return [_op(st, t, "repeal", **kw) for t in tg]
    new = _q(st, m.groups.get("inline"))
    text = new[0] if new else st.new
    if text is None and len(paths) == 1 and paths[0]:
        text = st.unquoted(*paths[0][-1])
        st.used_new = text is not None
    if text is None:
        raise NotRead("new wording without quoted text")
    if not new:
        st.used_new = True
    if len(tg) == 1:
        _check_style(tg, [text], units)
        return [_op(st, tg[0], "replace", new=text, **kw)]
    last = [t for t in loc if t.kind == "U"]
    last_t = max(last, key=lambda t: RANK_X[t.utype])
    nums = last_t.nums
    parts = (
        _split_new(text, last_t.utype, [n or "" for n in nums], st.lang)
        if len(nums) == len(tg)
        else None
    )
    if parts is None:
        parts = split_any(text, tg, strict=True)
    nums_of = [t.rsplit("_", 1)[-1] for t in tg]
    while parts is None and (nxt := st.more() or st.more_labelled(nums_of)) is not None:
        text = f"{text}\n\n{nxt}"
        parts = split_any(text, tg, strict=True)
    if parts is None:
        # a unit numbered in another form than its type's («2) тармақша» over «2.», 6458)
        parts = split_any(text, tg)
    if parts is None:
        parts = _split_parts(text, len(tg)) if _all_parts(tg) else None
    if parts is None and _all_parts(tg) and (rng := _as_range(tg)):
        # «36. Части первую и вторую статьи 75 изложить в следующей редакции:» over one
        # paragraph (104392): the wording does not show which unit takes what; one replace
        # of the range (applied: the wording takes the first unit, the others go). Units
        # numbered in their own text (articles, points) must show their labels instead.
        return [_op(st, rng, "replace", new=text, **kw)]
    if parts is None:
        raise NotRead(f"cannot split the new wording among {len(tg)} units")
    _check_style(tg, parts, units)
    return [_op(st, t, "replace", new=p, **kw) for t, p in zip(tg, parts, strict=True)]


def _check_style(tg: list[str], parts: list[str], units: list[Token]) -> None:
    """Refuse a Kazakh «N-тармақша» whose new wording is numbered as a paragraph («3.»).

    A paragraph (тармақ) is numbered «3-тармақ» and its wording «3.», a sub-item (тармақша)
    «3) тармақша» and «3)» (the drafting rules of the Law «On legal acts» No. 480-V):
    «21-баптың 3, 4-тармақшалары мынадай редакцияда жазылсын:» over «3. Жоғарғы Бас
    қолбасшылықтың …» / «4. …» (63670 kk:193, sample; the ru text, ru:197, says «пункты 3, 4
    статьи 21») names sub-items in the paragraphs' number form, and the wording gives
    paragraphs: reported, never guessed. A sub-item named «2) тармақша» keeps its wording's
    «2.» (6458, sample: the 1995 tax Decree numbers the sub-items of its art. 128 so).

    >>> from generator.formulas.tokens import tokenize
    >>> hy = tokenize("3, 4-тармақшалары мынадай редакцияда жазылсын:", "kk")
    >>> _check_style(["art_21__subpara_3"], ["3) а;"], hy)
    >>> try:
    ...     _check_style(["art_21__subpara_3"], ["3. Жоғарғы Бас қолбасшылықтың Ставкасы"], hy)
    ... except NotRead as e:
    ...     print(e)
    the new wording numbers its unit 3. (a paragraph), the instruction names a sub-item 3)
    >>> pa = tokenize("2) тармақшасы мынадай редакцияда жазылсын:", "kk")
    >>> _check_style(["art_128__para_1__subpara_2"], ["2. Жүк автомобильдері:"], pa)
    """
    if not any(u.utype == "subpara" and re.search(r"\d-[^\W\d_]", u.text) for u in units):
        return
    for target, part in zip(tg, parts, strict=False):
        typ, num = _eid.last(target)
        if (
            typ == "subpara"
            and _eid.parent(target)  # a sub-item inside a unit
            and re.fullmatch(r"\d+(?:-\d+)*", num or "")
            and re.match(rf"\s*[\"«]?{re.escape(num)}\.\s", part)
        ):
            raise NotRead(
                f"the new wording numbers its unit {num}. (a paragraph), "
                f"the instruction names a sub-item {num})"
            )


# how each unit's own wording opens, by its type, when the split is strict: a point «6.»,
# a sub-point «6)», an article, chapter or section by its heading («Статья 4.», «4-бап.»)
_OWN_MARK = {"para": r"\.", "subpara": r"\)", "art": None, "chp": None, "part": None}


def split_any(text: str, tg: list[str], strict: bool = False) -> list[str] | None:
    """Split a wording for several units at their numbers («3. …», «6) …», «Статья 9.»).

    A heading named first («заголовок, пункты 1 и 2 изложить …») takes the paragraph(s)
    before the first numbered one; unnumbered parts («бірінші және екінші бөліктері»)
    take one paragraph each when the counts agree. ``strict`` finds each unit only by its
    own number form: «пункты 2, 3 и 6 статьи 9 изложить» over «3. …» with items «6) …»
    (70574 ru:115) must not give point 6 the items of point 3, nor «статьи 2 и 4» the
    item «4)» of article 2 (48626 ru:25); the wording of point 6 or of article 4 is the
    next quotation.

    >>> split_any("3. А:\\n\\n6) б.", ["art_9__para_3", "art_9__para_6"])
    ['3. А:', '6) б.']
    >>> split_any("3. А:\\n\\n6) б.", ["art_9__para_3", "art_9__para_6"], strict=True) is None
    True
    """
    paras = text.split("\n\n")
    if tg[0].endswith("heading") or tg[0] == "title":
        rest = (
            split_any("\n\n".join(paras[1:]), tg[1:], strict)
            if len(tg) > 1 and len(paras) > 1
            else None
        )
        if rest is None and len(paras) == len(tg):
            return paras
        return [paras[0], *rest] if rest is not None else None
    if all(re.search(r"__al_\d+$", t) for t in tg):
        return paras if len(paras) == len(tg) else None
    nums = [t.rsplit("_", 1)[-1] for t in tg]
    marks = ["[.)]"] * len(tg)
    for i, t in enumerate(tg):
        # «пункт 1 и часть первую пункта 2 изложить в следующей редакции:» (94878 ru:47 /
        # kk:47, sample): part one of a numbered paragraph opens with that paragraph's own
        # number «2.» (not «2)», a sub-item of the wording before it); a later part has no
        # number of its own to find
        part = re.search(r"__para_([^_]+)__al_(\d+)$", t)
        if part and part[2] != "1":
            return None
        if part:
            nums[i], marks[i] = part[1], r"\."
    letters = _units.data()["numbers"]["letters"]
    starts = []
    for n, mark in zip(nums, marks, strict=True):
        # a subpoint numbered by a letter: its eId number is the letter's position («б)» → 2)
        lt = letters[int(n) - 1] if n.isdigit() and 0 < int(n) <= len(letters) else None
        num = (
            f"(?:{re.escape(n)}|{lt}(?=\\)))"
            if lt and tg[0].rsplit("__", 1)[-1].startswith("subpara")
            else re.escape(n)
        )
        own, heading = _eid.last(tg[len(starts)])[0], "art"
        if strict and own in _OWN_MARK:
            mark = _OWN_MARK[own] or r"(?!)"
            heading = own if _OWN_MARK[own] is None else "art"
        # «"48-бап. …» (104392 kk): each unit of the wording may open its own quote
        label = _units.numbered_label_regex(heading, num)
        rx = re.compile(rf"^[\"«]?(?:{num}{mark}|{label})")
        idx = [i for i, p in enumerate(paras) if rx.match(p) and (not starts or i > starts[-1])]
        if not idx:
            return None
        starts.append(idx[0])
    if starts[0] != 0:
        return None
    bounds = starts + [len(paras)]
    parts = ["\n\n".join(paras[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return [_strip_own_quote(p) for p in parts] if len(parts) > 1 else parts


def _all_parts(tg: list[str]) -> bool:
    """Whether every target is a part or paragraph of a unit (``…__al_N``)."""
    return all(re.search(r"__al_\d+$", t) for t in tg)


def _split_parts(text: str, n: int) -> list[str] | None:
    """A wording for ``n`` parts of an article split by the drafting rule of their
    paragraphs: a paragraph ending in «:» leads in the абзацы that follow it, those ending in
    «;» and the first that does not (its last); any other paragraph is a part by itself.
    None unless that gives exactly ``n`` parts.

    >>> _split_parts("А:\\n\\nб;\\n\\nв.\\n\\nГ.", 2)
    ['А:\\n\\nб;\\n\\nв.', 'Г.']
    """
    paras = [p for p in text.split("\n\n") if p.strip()]
    parts: list[list[str]] = []
    open_list = False
    for p in paras:
        if open_list:
            parts[-1].append(p)
            open_list = p.rstrip().endswith((";", ":"))
            continue
        parts.append([p])
        open_list = p.rstrip().endswith(":")
    if len(parts) == n:
        return ["\n\n".join(g) for g in parts]
    # parts that each define a term («"Инвестициялық дау" - … , оның iшiнде:» with its
    # абзацы, «"Қолданылатын құқық" - …» with a paragraph of its own; 104448): each part
    # starts at its quoted term and dash
    starts = [k for k, p in enumerate(paras) if _TERM_PART.match(p)]
    if len(starts) == n and starts[0] == 0:
        bounds = [*starts, len(paras)]
        return ["\n\n".join(paras[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return None


_TERM_PART = re.compile(r'^["«][^"«»\n]{1,120}["»]\s*[-–—]\s')


def _as_range(tg: list[str]) -> str | None:
    """Consecutive units of one parent as one range target (``art_75__al_1..2``).

    >>> _as_range(["art_75__al_1", "art_75__al_2"]), _as_range(["art_1", "art_3"])
    ('art_75__al_1..2', None)
    """
    ms = [re.fullmatch(r"(.*?)(\d+)", t) for t in tg]
    if not all(ms) or len({m[1] for m in ms}) != 1:  # type: ignore[index]
        return None
    nums = [int(m[2]) for m in ms]  # type: ignore[index]
    if nums != list(range(nums[0], nums[0] + len(nums))):
        return None
    return f"{ms[0][1]}{nums[0]}..{nums[-1]}"  # type: ignore[index]


def _strip_own_quote(part: str) -> str:
    """A unit of a wording for several units that opens a quote of its own («"48-бап. …»)
    and never closes it: the mark is the quoting's, not the text's; so is a closing mark
    left at its end («…белгiленедi".»).

    >>> _strip_own_quote('"48-бап. Мерзiмдi қызметтiң …')
    '48-бап. Мерзiмдi қызметтiң …'
    >>> _strip_own_quote('55-бап. Батыр аналарға және "Алтын алқа" … белгiленедi".')
    '55-бап. Батыр аналарға және "Алтын алқа" … белгiленедi.'
    >>> _strip_own_quote('42) археологические … памятников истории и культуры.".')
    '42) археологические … памятников истории и культуры.'
    """

    def odd(t: str, mark: str) -> bool:
        return t.count('"') % 2 == 1 if mark == '"' else t.count("«") != t.count("»")

    t = part
    if t[:1] in '"«' and odd(t, t[0]):
        t = t[1:]
    m = re.search(r'["»]([.;]?)$', t)
    if m and odd(t, m[0][0]):
        # «…культуры.".»: the wording's own stop stays, the instruction's after the mark goes
        t = t[: m.start()] + ("" if t[: m.start()].endswith((".", ";")) else m[1])
    return t


def b_insert(m: Match, st: _State) -> list[Operation]:
    """New units («дополнить подпунктом 6-1)», «мынадай мазмұндағы 9-1-баппен»)."""
    loc = _loc(m, "new", "inline")
    new_units = [t for t in m.groups.get("new", []) if t.kind == "UI"]
    tg, paths, _sent = targets(loc, st.ctx, st.lang)
    base = paths[0]
    inline = _q(st, m.groups.get("inline"))
    text = inline[0] if inline else st.new
    if not inline and st.used_new and text is not None:
        # a second insertion of one instruction takes the next wording (123266 kk: «… 7-1)
        # тармақшамен, … мынадай мазмұндағы 10) және 11) тармақшалармен толықтырылсын:»
        # then «7-1) …» and «10) … 11) …»)
        text = st.more()
        if text is None:
            raise NotRead("a second insertion without a wording of its own")
    if text is None and len(new_units) == 1 and len(new_units[0].nums) == 1:
        text = st.unquoted(new_units[0].utype, new_units[0].nums[0])
    if text is None:
        raise NotRead("insert without quoted new text")
    if not inline:
        st.used_new = True
    ops = []
    if any(u.utype in ("row", "table") for u in new_units):
        raise NotRead("a new table row (no eId form for it yet)")
    if any(re.fullmatch(r"[а-яё]", n or "") for u in new_units for n in u.nums):
        raise NotRead("a unit numbered by a letter (no eId form for it yet)")
    if len(new_units) == 1 and new_units[0].utype == "sentence":
        # «дополнить предложением вторым» is sentence 2; «часть первую дополнить предложением
        # следующего содержания:» / «бiрiншi бөлiк мынадай мазмұндағы сөйлеммен толықтырылсын:»
        # names no place: the sentence is added after the last one, `sentence: -1` (the new
        # last sentence, as `al_-1` is the last абзац; docs/operations.md)
        n = new_units[0].nums[0]
        st.ctx = base  # the next instruction goes on in the unit that holds the sentence
        return [_op(st, eid(base), "insert", new=text, sentence=int(n) if n else -1)]
    if base and base[0][0] == "toc" and new_units and all(u.utype == "al" for u in new_units):
        named = _toc_count(new_units)
        got = len([p for p in text.split("\n\n") if p.strip()])
        if named is not None and named != got:
            # «дополнить абзацами сто восемьдесят седьмым - сто девяносто вторым следующего
            # содержания:» over a wording that ends after its first heading (59936 ru:149,
            # the inner «"Астана - новый город"» closing it): six named, one read
            raise NotRead(
                f"the instruction names {named} new entries of the table of contents, the "
                f"wording read has {got}"
            )
        return _toc_entries(st, text)
    if len(new_units) == 1 and new_units[0].utype == "heading" and len(paths) > 1:
        # «дополнить заголовками статей 98-1 и 98-2» / «98-1 және 98-2-баптардың
        # тақырыптарымен толықтырылсын» (117702): one heading per unit named, each its own
        # paragraph of the wording, labelled with that unit's number
        parts = text.split("\n\n")
        while len(parts) < len(paths) and (nxt := st.more()) is not None:
            # «мынадай мазмұндағы 10-1 және 138-1-баптардың тақырыптарымен толықтырылсын:»
            # then «10-1-бап. …»; and «138-1-бап. …»; (81158 kk:63, ru:69): one quotation each
            parts += nxt.split("\n\n")
        if len(parts) != len(paths) or any(
            (hit := _units.match_heading(part, st.lang)) is None or hit[:2] != p[-1]
            for part, p in zip(parts, paths, strict=False)
        ):
            raise NotRead(f"cannot split the new headings among {len(paths)} units")
        st.ctx = base
        return [
            _op(st, _eid.join(eid(p), "heading"), "insert", new=part)
            for part, p in zip(parts, paths, strict=True)
        ]
    texts = {id(u): text for u in new_units}
    if len(new_units) > 1 and any(u.utype == "note" for u in new_units):
        # «дополнить пунктами 3, 4 и примечанием» / «3, 4-тармақтармен және ескертумен
        # толықтырылсын» (113178): the note is the wording from its «Примечание.» /
        # «Ескерту.» on, the points are what comes before it
        paras = text.split("\n\n")
        at = next((k for k, p in enumerate(paras) if _units.legal_note(p, st.lang)), None)
        if not at:
            raise NotRead("cannot find the new note in the wording")
        for u in new_units:
            part = paras[at:] if u.utype == "note" else paras[:at]
            texts[id(u)] = "\n\n".join(part)
    for u in new_units:
        text = texts[id(u)]
        nums = []
        for n in u.nums:  # new units named as a range: one per number
            a, _, b = (n or "").partition("..")
            nums += _new_range(a, b) if b else [n or ""]
        parts = _split_new(text, u.utype, nums, st.lang) if len(nums) > 1 else [text]
        if parts is None and len(new_units) == 1:
            parts = _numbered_as(_split_paras(text, len(nums)), u.utype, nums)
        if parts is None:  # parts numbered in the wording («15. …», «16. …»)
            parts = split_any(text, [f"x_{n}" for n in nums])
        if parts is None and u.utype in ("al", "al_part"):
            parts = _split_parts(text, len(nums))  # parts with their абзацы (104392)
        if parts is None and u.utype == "subpara":
            parts = _split_glued(text, nums)
        if parts is None and u.utype == "al" and "\n\n" not in text.strip():
            # new абзацы of a list, each ending in «;», glued into one paragraph (55500: «…
            # бөліктері); биоотын айналымы …»): split after each «;» when that gives them all
            cut = re.split(r"(?<=;)\s+(?=[а-яәғқңөұүһіё])", text.strip())
            parts = cut if len(cut) == len(nums) and all(c.endswith(";") for c in cut) else None
        while parts is None and (nxt := st.more()) is not None:
            text = f"{text}\n\n{nxt}"
            parts = _split_new(text, u.utype, nums, st.lang) or _numbered_as(
                _split_paras(text, len(nums)), u.utype, nums
            )
        if parts is None:
            raise NotRead(f"cannot split the new text among {u.utype} {nums}")
        if nums and (extra := _unnamed_sibling(parts[-1], u.utype, nums[-1])):
            # «дополнить подпунктами 20-9), …, 20-14), 20-15, 20-16), …» (155528 ru:237, the
            # bracket of «20-15» lost): the list read ends at 20-14), the wording goes on to
            # 20-25) — never inserted as the last unit's text
            raise NotRead(
                f"the wording goes on with {u.utype} {extra}, which the instruction does not "
                f"name (it names {', '.join(nums)})"
            )

        for n, part in zip(nums, parts, strict=True):
            own = (
                re.match(r"^\s*[\"«]?(\d+(?:-\d+)*|[а-яё])\)", part)
                if u.utype == "subpara"
                else None
            )
            if own and n and _units.eid_number(own[1]) != n:
                if len(nums) == 1 and len(new_units) == 1 and _doubled_digit_lost(n, own[1]):
                    # «7-бап мынадай мазмұндағы 1) тармақшамен толықтырылсын: "11) …"» (2862
                    # kk; ru «подпунктом 11)»): the instruction's number lost one of a doubled
                    # digit — the wording's own number, repaired and reported
                    st.repairs.append((f"{n})", f"{own[1]})"))
                    n = own[1]
                else:
                    # «дополнить подпунктами а) и б)» over a wording numbered «1-2)», «1-3)»:
                    # the instruction and its wording disagree — reported, never guessed
                    raise NotRead(
                        f"the new wording numbers its unit {own[1]}), the instruction {n}"
                    )
            if base and base[0][0] == "toc":
                # «оглавление дополнить заголовком статьи 52-2 …» (117702): a new entry
                new_eid = _eid.join("toc", eid(_merge(base[1:], u.utype, n or None)))
            else:
                new_eid = eid(_merge(base, u.utype, n or None))
            ops.append(_op(st, new_eid, "insert", new=part))
    st.ctx = base
    return ops


def _unnamed_sibling(part: str, utype: str, last: str) -> str | None:
    """The number of a later paragraph of a new unit's wording that opens the unit after it
    («20-15) …» inside the wording of «20-14)»: same form, same depth, a higher number);
    None when there is none.

    >>> _unnamed_sibling("20-14) а;\\n\\n20-15) б;", "subpara", "20-14")
    '20-15'
    >>> _unnamed_sibling("5) а:\\n\\n1) б;", "subpara", "5") is None
    True
    """
    form = {"subpara": r"\)", "para": r"\.\s"}.get(utype)
    if form is None or not re.fullmatch(r"\d+(?:-\d+)*", last):
        return None
    mine = tuple(int(x) for x in last.split("-"))
    for para in part.split("\n\n")[1:]:
        m = re.match(rf"^[\"«]?(\d+(?:-\d+)*){form}", para.strip())
        if m:
            num = tuple(int(x) for x in m[1].split("-"))
            if len(num) == len(mine) and num > mine:
                return m[1]
    return None


def _doubled_digit_lost(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` with one digit of a doubled pair dropped (a misprint).

    >>> _doubled_digit_lost("1", "11"), _doubled_digit_lost("12", "11"), _doubled_digit_lost("2", "12")
    (True, False, False)
    """
    return (
        short.isdigit()
        and full.isdigit()
        and any(
            full[k] == full[k + 1] and full[:k] + full[k + 1 :] == short
            for k in range(len(full) - 1)
        )
    )


def _split_glued(text: str, nums: list[str]) -> list[str] | None:
    """New subpoints the text bank glued into one paragraph after their «;» (4288 kk:
    «44) … сатып алу;45) астықты …»), split where each next number follows a «;» exactly
    once; None otherwise.

    >>> _split_glued("44) а алу;45) б.", ["44", "45"])
    ['44) а алу;', '45) б.']
    >>> _split_glued("44) а;45) б; 45) в.", ["44", "45"]) is None
    True
    """
    if not nums or not all(nums) or not re.match(rf"^{re.escape(nums[0])}\)\s", text):
        return None
    cuts = []
    for n in nums[1:]:
        hits = [m.end(1) for m in re.finditer(rf"(;)\s*{re.escape(n)}\)\s", text)]
        if len(hits) != 1:
            return None
        cuts.append(hits[0])
    if cuts != sorted(cuts):
        return None
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]


def _numbered_as(parts: list[str] | None, utype: str, nums: list[str]) -> list[str] | None:
    """Paragraphs taken one per new unit only where each starts with a number of its own:
    «2-1) … о» / «Парламенте …;» is one subpoint broken by a blank line (20246 ru), not the
    subpoints 2-1) and 8-1)."""
    if parts is None or utype not in ("subpara", "para") or not all(nums):
        return parts
    mark = ")" if utype == "subpara" else "."

    def own(p: str) -> str | None:  # the part's own number as an eId number («к-1)» → 10-1)
        m = re.match(rf"^[\"«]?([0-9]+|[а-яё])((?:-\d+)*)\{mark}", p)
        return (m[1] if m[1].isdigit() else _units.eid_number(m[1])) + m[2] if m else None

    # a paragraph without a number of its own is the rest of the one before it; numbers that
    # differ from the instruction's are reported by the caller
    return parts if all(own(p) is not None for p in parts) else None


def _new_range(a: str, b: str) -> list[str]:
    """The numbers of new units named as a range, one per unit: «12-14» → 12, 13, 14, and a
    range of inserted numbers of one base «83-1 - 83-10» (24728 ru «дополнить статьями 83-1 -
    83-10», kk «83-1 - 83-10-баптармен») → 83-1 … 83-10; any other pair is reported.

    >>> _new_range("83-1", "83-3")
    ['83-1', '83-2', '83-3']
    """
    if a.isdigit() and b.isdigit() and int(a) < int(b):
        return [str(k) for k in range(int(a), int(b) + 1)]
    ma, mb = re.fullmatch(r"(\d+(?:-\d+)*)-(\d+)", a), re.fullmatch(r"(\d+(?:-\d+)*)-(\d+)", b)
    if ma and mb and ma[1] == mb[1] and int(ma[2]) < int(mb[2]):
        return [f"{ma[1]}-{k}" for k in range(int(ma[2]), int(mb[2]) + 1)]
    raise NotRead(f"a range of new units zan cannot expand: «{a} - {b}»")


def _split_paras(text: str, n: int) -> list[str] | None:
    paras = text.split("\n\n")
    return paras if len(paras) == n else None


def b_renumber(m: Match, st: _State, bare: bool = False, quoted: bool = False) -> list[Operation]:
    """«статью 31 считать статьей 32» / «31-бап 32-бап болып есептелсін»; ``bare``: the new
    number without its unit word, which the old one names («4) тармақша 3) болып
    есептелсін», 924 kk); ``quoted``: the new units' numbers quoted as their marks, their
    unit word beside them («части первую, вторую, третью и четвертую обозначить
    соответственно пунктами "1.", "2.", "3." и "4."», 28794 ru).

    Units may become units of another kind («абзацы второй-шестой считать соответственно
    подпунктами 1)-5)», 14654 ru): one ``renumber`` per unit, ``new`` the eId of the new
    kind (``art_5__al_2`` → ``art_5__subpara_1``)."""

    old_u = [t for t in m.groups.get("old", []) if t.kind in ("U", "UI")]
    new_u = [t for t in m.groups.get("new", []) if t.kind in ("U", "UI")]
    if bare:
        num = [t.text for t in m.groups.get("new", []) if t.kind == "W"]
        new_u = [Token("U", num[0], 0, 0, utype=old_u[-1].utype, nums=num)] if old_u else []
    if quoted:
        word = m.groups["unit"][0].text
        utype = tokenizer(st.lang).form[word.lower()][0]
        marks = _q(st, m.groups.get("new"))
        nums = [_units.block_mark_number(q, utype) for q in marks]
        if None in nums:
            shown = ", ".join(f"«{q}»" for q in marks)
            raise NotRead(
                f"the quoted numbers {shown} are not all numbers of a {utype} as its text writes"
                " them (units.yml block_marks): which units they make cannot be told"
            )
        new_u = [Token("UI", word, 0, 0, utype=utype, nums=nums)]
    loc = [t for t in _loc(m, "old", "new") if t.kind == "U"]
    unit = old_u[0] if st.lang == "ru" else old_u[-1]
    outer = [t for t in old_u if t is not unit] + loc
    _tg, paths, _s = targets(outer, st.ctx, st.lang) if outer else ([], [st.ctx], None)
    base = paths[0]
    olds = [n for n in unit.nums]
    kind = unit.utype
    if new_u and all(t.utype != unit.utype for t in new_u):
        # «абзацы второй-шестой считать соответственно подпунктами 1)-5)» (14654 ru, kk
        # «екінші-алтыншы абзацтар тиісінше 1-5) тармақшалар болып есептелсін»): the units
        # become units of another kind, one new number for each
        kind = new_u[0].utype
        if any(t.utype != kind for t in new_u):
            raise NotRead("renumbering units as units of several kinds")
        olds = [x for o in olds for x in (_span(o) or [o])]
        news = [n for t in new_u for n in t.nums]
        news = [x for n in news for x in (_span(n) or _compound_span(n, len(olds), news) or [n])]
        if len(olds) != len(news):
            raise NotRead(f"{len(olds)} units renumbered as {len(news)} new numbers")
        ops = [
            _op(st, eid(_merge(base, unit.utype, o)), "renumber", new=eid(_merge(base, kind, n)))
            for o, n in zip(olds, news, strict=True)
        ]
        st.ctx = _merge(base, kind, news[-1])
        return ops
    news = [n for t in new_u if t.utype == unit.utype for n in t.nums]
    if len(olds) == len(news) == 1 and ".." in (news[0] or ""):
        # «статьи 54-79 считать соответственно статьями 37-62» (530 ru): the old numbers are
        # the range of the same length as the new one («статьи» names both forms)
        a, _, b = news[0].partition("..")
        pair = re.fullmatch(r"(\d+)[-.]+(\d+)", olds[0] or "")
        if pair and int(pair[2]) - int(pair[1]) == int(b) - int(a):
            olds = [f"{pair[1]}..{pair[2]}"]
    expanded_o, expanded_n = [], []
    for o, n in zip(olds, news, strict=False):
        ro, rn = _span(o), _span(n)
        if ro and rn and len(ro) == len(rn):  # a range renumbered to a range: unit by unit
            expanded_o += ro
            expanded_n += rn
        else:
            expanded_o.append(o)
            expanded_n.append(n)
    if len(olds) == len(news):
        olds, news = expanded_o, expanded_n
    if len(olds) != len(news):
        raise NotRead("renumber lists differ in length")
    ops = [
        _op(st, eid(_merge(base, unit.utype, o)), "renumber", new=eid(_merge(base, unit.utype, n)))
        for o, n in zip(olds, news, strict=True)
    ]
    st.ctx = _merge(base, unit.utype, news[-1])
    return ops


def _compound_span(num: str | None, count: int, news: list) -> list[str] | None:
    """A Kazakh range of new subpoints written as one compound number («екінші-алтыншы
    абзацтар тиісінше 1-5) тармақшалар», 14654 kk, where ru has «подпунктами 1)-5)»): read
    as the range only where the old units are as many as the ranges so read give.

    >>> _compound_span("1-5", 5, ["1-5"]), _compound_span("1-5", 8, ["1-5", "7-9"])
    (['1', '2', '3', '4', '5'], ['1', '2', '3', '4', '5'])
    >>> _compound_span("7-9", 8, ["1..5", "7-9"]), _compound_span("9-1", 1, ["9-1"]) is None
    (['7', '8', '9'], True)
    """

    def width(n: str | None) -> int:
        m = re.fullmatch(r"(\d+)-(\d+)", n or "")
        return int(m[2]) - int(m[1]) + 1 if m and int(m[2]) > int(m[1]) else 0

    if not width(num) or sum(width(n) or len(_span(n) or [n]) for n in news) != count:
        return None
    a, _, b = (num or "").partition("-")
    return [str(k) for k in range(int(a), int(b) + 1)]


def _span(num: str | None) -> list[str] | None:
    """The numbers of a range «54..79» (None for a single number)."""
    m = re.fullmatch(r"(\d+)\.\.(\d+)", num or "")
    return (
        [str(k) for k in range(int(m[1]), int(m[2]) + 1)] if m and int(m[2]) > int(m[1]) else None
    )


def b_renumber_style(m: Match, st: _State) -> list[Operation]:
    """Numbering style: «В главах цифры "I, II, III, IV" заменить цифрами "1, 2, 3, 4"»."""
    loc = _loc(m, "old", "new")
    # «в тексте» / «мәтiнде» right under the act: the whole text
    units = [t for t in loc if t.kind == "U" and not (t.utype == "text" and not st.ctx)]
    tg = targets(units, st.ctx, st.lang)[0] if units else ["*"]
    old, new = _q(st, m.groups.get("old"))[0], _q(st, m.groups.get("new"))[0]
    return [_op(st, t, "renumber", old=old, new=new) for t in tg]


def b_repeal_act(m: Match, st: _State) -> list[Operation]:
    """«Признать утратившим силу Закон …» / «… Заңының … күші жойылды деп танылсын»."""
    if any(t.kind == "U" for t in m.tokens) and not re.search(
        r"Закон|Указ|Кодекс|Заң|Жарлы|кодекс", st.text
    ):
        return b_unit(m, st, "repeal")
    cit = parse_citation(st.text, st.lang, colon=False) or parse_citation(
        _unglue(st.text), st.lang, colon=False
    )
    if not cit:
        cit = _repealed_act(st.text, st.lang)
    if not cit:
        raise NotRead("repeal of an act whose citation is not read")
    cit.line, cit.item = st.line, st.item  # the cited act's line and item, as for a citation
    st.act = cit
    return [_op(st, "", "repeal_act")]


def _unglue(text: str) -> str:
    """Dates and words the text bank glued («18шілдедегіҚазақстан», «от27 января»,
    «декабря1998 г."О …»), Latin look-alikes folded.

    >>> _unglue('от 30 декабря1998 г."О занятости населения"')
    'от 30 декабря 1998 г. "О занятости населения"'
    """
    t = _norm(text)
    t = re.sub(r"(?<=\d)(?=[^\W\d_])|(?<=\bот)(?=\d)|(?<=[^\W\d_])(?=\d{4}\b)", " ", t)
    t = re.sub(r"(?<=[а-яәғқңөұүһі])(?=[А-ЯӘҒҚҢӨҰҮҺІ])", " ", t)  # «...дегіҚазақстан»
    return re.sub(r'(?<=\.)(?=["«])', " ", t)


# The word of the act repealed, in the forms a repeal names it («Заңының», «Жарлығының»,
# «Закон», «Указ …»).
REPEALED_KIND = re.compile(r"Заң|Жарлы|[кК]одекс|Қаулы|Закон|Указ|Постановлени", re.I)


def _head(text: str, lang: str) -> str:
    """A citation's text before its publication («(Қазақстан Республикасы … Жаршысы …»).

    >>> _head('Закон от 4 июля 1992 г. "О …" (Ведомости …);', "ru")
    'Закон от 4 июля 1992 г. "О …" '
    """
    pub = framing(lang).publication.search(text)
    return text[: pub.start()] if pub else text


def _repealed_act(text: str, lang: str) -> CitedAct | None:
    """The act a repeal names when the citation reader does not read it: its title between
    the first opening mark and the last closing one before its date, the date as written
    (1990s acts: «Қазақстан Республикасы Президентiнiң "Атакент" еркiн сауда аймағы туралы"
    1994 жылғы 18 сәуiрдегi N 1663 Заң күшi бар Жарлығының күшi жойылған деп танылсын»).
    None when no act word and no quoted title stand before the publication.

    >>> c = _repealed_act('1-бап. Қазақстан Республикасы Президентінің "Мемлекеттік қызмет '
    ...     'туралы" 1995 жылғы 26 желтоқсандағы N 2730 заң күші бар Жарлығының (Қазақстан …) '
    ...     'күші жойылды деп танылсын.', "kk")
    >>> c.title, c.date
    ('Мемлекеттік қызмет туралы', '1995-12-26')
    """
    am = framing(lang).article.match(_norm(text.strip()))  # «1-бап. …» / «Статья 1. …»
    t = _unglue(re.sub(r"^\d+\.\s*", "", am["rest"] if am else text.strip()))
    pub = framing(lang).publication.search(t)
    head = t[: pub.start()] if pub else t
    if not REPEALED_KIND.search(head):
        return None
    date, dm = _date(head, lang)
    before = head[: dm.start()] if (dm and lang == "kk") else head
    o = re.search(r"[\"«“]", before)
    c = [x.start() for x in re.finditer(r"[\"»”]", before)]
    if not o or not c or c[-1] <= o.start():
        return None
    title = before[o.end() : c[-1]]
    return CitedAct(title=" ".join(title.split()), date=date, line=0, source=text.strip())


def b_suspend(m: Match, st: _State) -> list[Operation]:
    """«Приостановить до … действие статей 13 и 37 Закона …»: a status, no text change."""
    cit = parse_citation(st.text, st.lang, colon=False)
    g = framing(st.lang)
    # the date the suspension runs until, not the cited act's own date («… действие пункта 4
    # статьи 23 Закона … от 25 апреля 2003 года …» with «до 1 января 2011 года», 45654 ru:133)
    until = None
    if cit is None and st.act is not None and not re.search(r"[\"«]", st.text):
        # «1) действие пункта 2 статьи 13, статьи 15, статьи 16 приостановить до 1 января
        # 2000 года;» under «4. В Закон … "О социальной защите …":» (2536 ru:65): the act in scope
        cit = st.act
    if cit is None:
        title = re.search(r"[\"«]([^\"»]+)[\"»]", st.text)
        cit = CitedAct(title=title.group(1) if title else "", date=None, line=st.line)
    m2 = re.search(r"до\s+(\d{1,2})\s+(\w+)\s+(\d{4})", st.text) or re.search(
        r"(\d{4})\s*жыл(?:ғы|дың)\s+(\d{1,2})\s+(\w+)\s+дейін", st.text
    )
    if m2:
        if st.lang == "ru":
            d, mon, y = m2.group(1), g.month(m2.group(2)), m2.group(3)
        else:
            y, d, mon = m2.group(1), m2.group(2), g.month(m2.group(3))
        until = f"{int(y):04d}-{mon:02d}-{int(d):02d}" if mon else None
    if until is None:
        until, _m = _date(_norm(st.text), st.lang)
    st.act = cit
    # the units as listed, with their commas and conjunctions («пункта 2 статьи 13, статьи 15,
    # статьи 16», «13-баптың 2-тармағының, 15-баптың, 16-баптың», 2536): one list, not a chain
    units = [t for t in m.tokens if t.kind in ("U", "AND", ",")]
    tg = targets(units, (), st.lang)[0] if any(t.kind == "U" for t in units) else []
    return [_op(st, "", "suspend", new=f"until {until}" if until else None, old=", ".join(tg))]


def _part_label(toks: list[Token], quotes: list[str], lang: str) -> tuple[str, str] | None:
    """A part of a table named by its title: (the kind of part, the title).

    The kind is the unit type when the part has a number («в разделе I "…"», «"…" деген I
    бөлiмде»), else the stem of its word («в части "Доходы"», «"Кiрiстер" бөлiгiнде»), so
    that a later part of the same kind replaces it.

    >>> from generator.formulas.tokens import mask
    >>> skel, q, _b = mask('"Кiрiстер" бөлiгiнде:', "kk")
    >>> _part_label(tokenizer("kk").tokenize(skel), q, "kk")
    ('бөліг', 'Кiрiстер')
    """
    qs = [t for t in toks if t.kind == "Q"]
    if len(qs) != 1:
        return None
    units = [t for t in toks if t.kind == "U"]
    if units:
        return units[0].utype, quotes[qs[0].quote]
    k = toks.index(qs[0])
    words = toks[k + 1 :] if lang == "kk" else toks[:k][::-1]
    word = next(
        (t.text for t in words if t.kind == "W" and t.text.lower() not in ("в", "деген")), ""
    )
    if not word:
        return None
    return word.lower().replace("i", "і")[:5], quotes[qs[0].quote]


def _named_or_scope(m: Match, st: _State) -> tuple:
    """The path of the first unit the clause names, else the unit in scope («строку 74
    приложения 1 …» → the annex; «дополнить строкой …» after «в приложении 1:» → the scope)."""
    units = [t for t in m.tokens if t.kind == "U"]
    if not units:
        return st.ctx
    _tg, paths, _s = targets(units, st.ctx, st.lang)
    return paths[0]


def b_row(m: Match, st: _State, action: str) -> list[Operation]:
    """A row of a table: by its number («строку 74 приложения 1 исключить», «1-қосымшаның
    74-жолы алып тасталсын»: ``annex_1__row_74``) or by its text under the parts in scope
    («по строке "…" цифру "A" заменить цифрой "B"», «"…" деген жолдағы "A" деген сан "B"
    деген санмен ауыстырылсын»: ``annex_1__row`` with ``named``); «дополнить строкой
    следующего содержания:» adds a row to the part in scope."""
    row = next(t for t in m.tokens if t.kind == "ROW")
    path = _named_or_scope(m, st)
    if not path or path[0][0] != "annex":
        raise NotRead("a table row outside any annex")
    owner = eid(path)
    label = _q(st, m.groups.get("row"))
    if len(row.nums) > 1 or row.range:
        # «строки 67, 68, 69 и 70 приложения 1 изложить в следующей редакции:» (144588
        # ru:239): which part of the wording is which row's the table's own layout says, not
        # the instruction; until zan splits a wording by rows it is reported, never one row
        raise NotRead(f"several table rows in one instruction («{row.text}»)")
    num = row.nums[0] if row.nums else None
    if num:
        target, named = _eid.join(owner, _eid.segment("row", num)), None
    elif label:
        target, named = _eid.join(owner, "row"), [*st.named, label[0]]
    elif action == "insert" and st.named:
        target, named = _eid.join(owner, "row"), list(st.named)
    else:
        raise NotRead("a table row named neither by its number nor by its text")
    kw = {"named": named} if named else {}
    if action == "repeal":
        return [_op(st, target, "repeal", **kw)]
    if action == "insert":
        if st.new is None:
            raise NotRead("a new row without its quoted text")
        st.used_new = True
        return [_op(st, target, "insert", new=st.new, **kw)]
    olds, news = _q(st, m.groups.get("old")), _q(st, m.groups.get("new"))
    return [_op(st, target, "substitute_words", old=o, new=n, **kw) for o, n in _pairs(olds, news)]


def b_append(m: Match, st: _State) -> list[Operation]:
    """New unnumbered абзацы at the end of a unit («статью 21 дополнить абзацами следующего
    содержания:», «бiрiншi бөлiк мынадай мазмұндағы абзацтармен толықтырылсын:»): their
    numbers depend on the base act, so the operation is an ``insert`` on the unit with
    ``where: end``; the new blocks get the next ``al_N`` of it at application."""
    # «абзацами», «абзацтармен»: a word of the block unit (units.yml's instruction forms)
    forms = tokenizer(st.lang).form
    noun = next(
        (t for t in m.tokens if t.kind == "W" and forms.get(t.text.lower(), ("",))[0] == "al"),
        None,
    )
    annex = next(
        (t for t in m.tokens if t.kind == "W" and forms.get(t.text.lower(), ("",))[0] == "annex"),
        None,
    )
    if noun is None and annex is not None:
        return _new_annex(st)
    if noun is None:
        raise NotRead("new unnumbered paragraphs (their numbers depend on the base act)")
    units = [t for t in m.tokens if t.kind == "U"]
    path = _named_or_scope(m, st)
    if not units and path and (owner := _bare_owner(m, path, forms)) is not None:
        path = owner
    elif not units and path and path[-1][0] == "al" and (scope := _sentence_scope(st)):
        path = scope
    if path and path[-1] == ("al", "-1"):
        path = path[:-1]  # «21-баптың соңғы абзацы … абзацтармен толықтырылсын»: its end
    if not path or path == WHOLE:
        raise NotRead("new blocks without the unit they end")
    inline = _q(st, m.groups.get("inline"))
    text = inline[0] if inline else st.new
    if text is None:
        raise NotRead("insert without quoted new text")
    if not inline:
        st.used_new = True
    st.ctx = path
    return [_op(st, eid(path), "insert", new=text, where="end")]


def b_insert_after(m: Match, st: _State) -> list[Operation]:
    """New абзацы after a numbered one, which the instruction does not number («после абзаца
    семнадцатого дополнить абзацем следующего содержания:», «он жетінші абзацтан кейін
    мынадай мазмұндағы абзацпен толықтырылсын:», 9060:65): an ``insert`` of each new абзац
    by its own eId, the numbers after the one named (DESIGN.md: an insert names the new
    unit's eId, as «дополнить абзацем восемнадцатым» does)."""
    tk = tokenizer(st.lang)
    block = "al"  # the unit type of an абзац (units.yml)
    nouns = [
        t for t in m.tokens if t.kind == "W" and tk.form.get(t.text.lower(), ("",))[0] == block
    ]
    anchors = [t for t in m.tokens if t.kind == "U"]
    if len(nouns) != 1 or len(anchors) != 1 or anchors[0].utype != block:
        raise NotRead("new paragraphs after a unit that is no paragraph")
    num = anchors[0].nums[0] if len(anchors[0].nums) == 1 else None
    if not num or not num.isdigit():
        raise NotRead("new paragraphs after a paragraph zan cannot number")
    tg, paths, _sent = targets(anchors, st.ctx, st.lang)
    if len(tg) != 1:
        raise NotRead("new paragraphs after several units")
    if st.new is None:
        raise NotRead("insert without quoted new text")
    st.used_new = True
    parts = [p for p in st.new.split("\n\n") if p.strip()]
    # the plural noun («абзацами», «абзацтармен»: the lexicon's ``plural_blocks``) takes
    # every paragraph of the wording, the singular one paragraph only
    plural = nouns[0].text.lower() in tk.lex.get("plural_blocks", [])
    if not plural and len(parts) != 1:
        raise NotRead(f"one new paragraph named, the wording has {len(parts)}")
    parent = _eid.parent(tg[0])
    st.ctx = paths[0][:-1]
    return [
        _op(st, _eid.join(parent, _eid.segment(block, int(num) + k + 1)), "insert", new=part)
        for k, part in enumerate(parts)
    ]


def _bare_owner(m: Match, path: tuple, forms: dict) -> tuple | None:
    """The unit in scope that a bare unit word names by its kind: in «… 3) тармақшасының
    үшінші абзацындағы "…" деген сөздер "…" деген сөздермен ауыстырылып, тармақша мынадай
    мазмұндағы абзацпен толықтырылсын:» (28242 kk:47, sample) «тармақша» is the subparagraph
    whose абзац the clause before changed, so the new абзац ends the subparagraph, not that
    абзац. None when the clause has no such word; not read when the word names a kind of unit
    the scope does not have (never a guess).

    >>> from generator.formulas.tokens import Token
    >>> m = Match(None, [Token("W", "тармақша", 0, 8)], {})
    >>> path = (("art", "178"), ("subpara", "3"), ("al", "3"))
    >>> _bare_owner(m, path, {"тармақша": ("subpara", "nom")})
    (('art', '178'), ('subpara', '3'))
    """
    for t in m.tokens:
        if t.kind == "CONTENT":
            break
        utype, case = forms.get(t.text.lower(), ("", ""))
        if t.kind != "W" or case != "nom" or utype in ("", "al"):
            continue
        levels = [i for i, (kind, _n) in enumerate(path) if kind == utype]
        if not levels:
            raise NotRead(f"«{t.text}» names no unit of the scope {eid(path)}")
        return path[: levels[-1] + 1]
    return None


def _toc_count(units: list[Token]) -> int | None:
    """How many абзацы a list or range of ordinals names («сто восемьдесят седьмым - сто
    девяносто вторым» → 6, «триста десятым и триста одиннадцатым» → 2); None when one has no
    number («абзацами» alone).

    >>> from generator.formulas.tokens import tokenize
    >>> _toc_count([t for t in tokenize("дополнить абзацами 187 - 192", "ru") if t.kind == "UI"])
    6
    """
    count = 0
    for u in units:
        for n in u.nums:
            a, dots, b = (n or "").partition("..")
            if not a.isdigit() or (dots and not b.isdigit()):
                return None
            count += int(b) - int(a) + 1 if dots else 1
    return count or None


def _toc_entries(st: _State, text: str) -> list[Operation]:
    """New абзацы of the table of contents («мазмұны мынадай мазмұндағы екі жүз отыз
    тоғызыншы абзацпен толықтырылсын:», «оглавление дополнить абзацем двести тридцать
    девятым следующего содержания:», 46632): each абзац is the heading of a unit, so it is
    the entry ``toc__<eId>__heading`` of the unit its label names (docs/operations.md); the
    ordinal is the text bank's line count, which zan's table of contents, made from the
    tree's headings, does not keep.

    >>> st = _State("kk", None, "", 1, "", [], ())
    >>> [o.target for o in _toc_entries(st, "199-1-бап. Технологияларға талаптар")]
    ['toc__art_199-1__heading']
    """
    ops = []
    for part in text.split("\n\n"):
        hit = _units.match_heading(part.strip(), st.lang)
        if hit is None:
            raise NotRead("a paragraph of the table of contents that is no unit's heading")
        unit = _eid.segment(hit[0], hit[1])
        ops.append(_op(st, _eid.join("toc", unit, "heading"), "insert", new=part.strip()))
    return ops


def _new_annex(st: _State) -> list[Operation]:
    """A new annex of the act («мынадай мазмұндағы қосымшамен толықтырылсын:», «дополнить
    приложением следующего содержания:», 28536): the quoted wording starts with the annex's
    own label, which gives its eId — «1-қосымша» / «Приложение 1» is ``annex_1``, a label
    with no number («Қосымша», «Приложение»: units.yml ``unnumbered_labels``) is the act's
    one annex, ``annex_1`` (docs/units.md). Annexes are units of the act itself (Law
    No. 480-V, art. 25), so a new one is never inside a point or an article.

    >>> st = _State("ru", None, "", 1, "", [], (), new="Приложение\\n\\nПеречень имущества")
    >>> [(o.target, o.action) for o in _new_annex(st)]
    [('annex_1', 'insert')]
    """
    if st.ctx and st.ctx != WHOLE:
        raise NotRead(f"a new annex inside {_where(st.ctx)}")
    if st.new is None:
        raise NotRead("insert without quoted new text")
    first = st.new.strip().split("\n", 1)[0].strip()
    hit = _units.match_heading(first, st.lang)
    if hit is not None and hit[0] == "annex":
        num = hit[1]
    elif first in _units.unnumbered_labels("annex", st.lang):
        num = "1"
    else:
        raise NotRead("a new annex whose wording does not start with its label")
    st.used_new = True
    return [_op(st, _eid.segment("annex", num), "insert", new=st.new)]


def _sentence_scope(st: _State) -> tuple | None:
    """The unit a Kazakh sentence is about when it opens with a unit in the nominative
    before a unit with «-дағы» that names words only: «4) 12-бап төртiншi абзацтағы
    "бюллетеньдерiн" деген сөзден кейiн нүктелi үтiр қойылып, … алып тасталсын және
    мынадай мазмұндағы абзацпен толықтырылсын:» (8794 kk) supplements art. 12, not its
    fourth абзац. None when the sentence does not open so.

    >>> st = _State("kk", None, "", 1, "", [], (), text='12-бап төртiншi абзацтағы "а" деген сөз')
    >>> _sentence_scope(st)
    (('art', '12'),)
    """
    if st.lang != "kk":
        return None
    from generator.formulas.tokens import tokenize

    toks = tokenize(st.text, st.lang)
    first_q = next((k for k, t in enumerate(toks) if t.kind == "Q"), len(toks))
    lead = [t for t in toks[:first_q] if t.kind == "U"]
    k = next((i for i, t in enumerate(lead) if re.search(r"(?:ғы|гі)$", t.text)), None)
    if not k or re.search(r"(?:та|те|да|де|ғы|гі|ың|ің|ның|нің|дың|дің|тың|тің)$", lead[0].text):
        return None  # no unit before the «-дағы» one, or the first is not in the nominative
    _tg, paths, _s = targets(lead[:k], st.start_ctx, st.lang)
    return paths[0] if paths and paths[0] else None


def b_nothing(m: Match, st: _State) -> list[Operation]:
    """A clause that adds nothing to the operation before it («, далее по тексту»)."""
    return []


def b_unsupported(m: Match, st: _State, reason: str) -> list[Operation]:
    """A formula recognised but not yet representable: reported with its reason (a unit
    word with no eId form is named: «… a unit numbered by a letter): «раздел», «Таблицы»», 59074)."""
    unk = [t.text for t in m.tokens if t.kind == "UNK"]
    named = ", ".join(f"«{w}»" for w in dict.fromkeys(unk))
    raise NotRead(f"{reason}: {named}" if unk and reason == UNKNOWN_UNIT else reason)


BUILDERS = {
    "unsupported": b_unsupported,
    "words": b_words,
    "words_list": b_words_list,
    "words_respective": b_words_respective,
    "anchors_units": b_anchors_units,
    "list": b_list,
    "shared_new": b_shared_new,
    "unit": b_unit,
    "insert": b_insert,
    "renumber": b_renumber,
    "renumber_style": b_renumber_style,
    "repeal_act": b_repeal_act,
    "suspend": b_suspend,
    "row": b_row,
    "append": b_append,
    "insert_after": b_insert_after,
    "nothing": b_nothing,
}
# Builders the reader handles itself (they yield no operation), with the arguments they take.
NOT_BUILT = {
    "provision": {"kind"},
    "scope": {"named"},
    "lang_only": {"lang"},
    "repeal_list": set(),
}


def _needs_new(m: Match) -> bool:
    y = m.formula.yields
    if m.groups.get("inline") or m.groups.get("new") and y["builder"] == "words":
        return False
    if y["builder"] in ("insert", "append", "insert_after") or (
        y["builder"] == "row" and y.get("action") == "insert"
    ):
        return True
    if y["builder"] == "unit" and y.get("action") == "replace":
        return True
    return y.get("new_from") == "text"


# ---------------------------------------------------------------------------- amender


# an amending act's item: «1. », «2) », «Статья 2», «2-бап» (labels from units.yml)
_ITEM_NUM = r"\d+(?:-\d+)?"
ITEM_START = re.compile(
    rf"^(?:{_ITEM_NUM}\s*[.)]\s|{_units.numbered_label_regex('art', _ITEM_NUM)})"
)
# «Внести изменения в следующие законодательные акты …:» / «… мына заңнамалық актілерге …»:
# an omnibus frame names no act itself; its items do
OMNIBUS = re.compile(
    r"следующие\s+законодательные\s+акты|мына(?:дай)?\s+(?:заңнамалық|заң)\s+акт[іi]л[еe]р", re.I
)
FRAME_VERBS = re.compile(r"\bВнести\b|енгізілсін|енгізілсiн", re.I)


def _loose_citation(text: str, lang: str) -> CitedAct:
    """An amended act named in a frame the citation reader cannot date («Внести в
    Конституцию …», «… 1996 жылғы24 желтоқсандағы Заңына …»): its title, date unknown."""
    q = re.search(r"[\"«]([^\"»]+)[\"»]", text)
    if q:
        title = q.group(1)
    elif re.match(r"^(?:Закон|Кодекс|Указ|Постановление|Конституц)", text):
        title = re.split(r"\s*[,(]|\s+от\s", text, maxsplit=1)[0]
    else:
        m = re.search(r"\bв\s+(\S+(?:\s+\S+){0,6}?)(?:\s*,|\s+от\s|\s+принят|\s*\()", text)
        title = m.group(1) if m else text[:60]
    return CitedAct(title=" ".join(title.split()), date=None, line=0, source=text.strip())


def _next_item(prev: str, num: str) -> bool:
    """Whether ``num`` is the item number after ``prev`` («42» → «43», «17» → «17-1»).

    >>> _next_item("42", "43"), _next_item("17", "17-1"), _next_item("42", "6")
    (True, True, False)
    """
    if not prev.isdigit():
        return False
    return num == str(int(prev) + 1) or num == f"{prev}-1"


@functools.cache
def _item_comma_before_article() -> re.Pattern:
    """«17-1, 34-бап …»: an item number and a comma before one article named in the
    singular (the nominative of units.yml's Kazakh article forms)."""
    nom = tokenizer("kk").lex["units"]["art"]["forms"]["nom"][0]
    return re.compile(rf"^(\d+(?:-\d+)?),(?=\s*\d+(?:-\d+)*-{re.escape(nom)}\s)")


# «Постановление Верховного Совета … О введении в действие Закона … "О минимальной …"»
# (4554 ru, line 11): the decree that enacted a law, its own title unquoted before the
# law's quoted one
ENACTING = re.compile(r"\bО\s+(?:порядке\s+)?введении\s+в\s+действие\s+[^\"«]{0,80}?[\"«]")


def _enacting_title(item: str, title: str) -> str:
    """The title of a decree that enacted a law, where the repeal list quotes only the law's
    title: not the law itself (repealing «the law» twice would be another act).

    >>> _enacting_title('Постановление … от 17 июня 1991 г. О введении в действие Закона '
    ...     'Казахской ССР "О минимальной заработной плате" (Ведомости …).', "О минимальной "
    ...     "заработной плате")
    'О введении в действие Закона Казахской ССР "О минимальной заработной плате"'
    """
    m = ENACTING.search(item)
    if not m or title.startswith("О ") and "введении в действие" in title:
        return title
    k = item.find(title, m.end() - 1)
    if k < 0:
        return title
    end = k + len(title)
    close = item[end : end + 1] if item[end : end + 1] in '"»' else ""
    return " ".join(item[m.start() : end].split()) + close


def _cites_an_act(text: str, lang: str) -> bool:
    """Whether a block not read is an omnibus item that cites the act its sub-items amend
    («3. В Указ …:», «4. … Жарлығына (…):»): what follows is not the previous act's, so it
    is reported as under an act not read (104170 kk line 19, before the locative was read).

    >>> _cites_an_act("3. В Указ Президента Республики Казахстан … (…):", "ru")
    True
    >>> _cites_an_act("3) подпункт 6) пункта 1 статьи 25 исключить.", "ru")
    False
    >>> _cites_an_act('3. … "… банк қызметi туралы" … Заң күшi бар Жарлығы (…):', "kk")
    True
    """
    t = _norm(text.strip())
    if not re.match(r"^\d+\.\s", t) or not re.search(r"(?::|\)[;.])$", t):
        return False
    if lang == "ru":
        return bool(re.match(r"^\d+\.\s+В\s+(?:Закон|Кодекс|Указ|Постановлен|Конституц)", t))
    # the dative or locative («… Жарлығына (…):»), or the nominative before the list of its
    # instructions («3. … Заң күшi бар Жарлығы (…):», 920 kk line 97)
    kind = r"(?:Заң|Жарлы|кодекс|Кодекс|Қаулы)\w*(?:на|не|нда|нде)\b"
    named = r"(?:Заңы|Жарлығы|[кК]одексі|[қҚ]аулысы)\s*(?:\(|:$)"
    return bool(re.search(kind, t[:400]) or re.search(named, t))


def _names_an_act(text: str, lang: str) -> bool:
    """Whether a block is an omnibus item that names an amended act: «N. В <act> …:» /
    «N. "<title>" … Заңына / кодексіне / Жарлығында (…):», with no verb of an instruction.

    The 1990s omnibus acts end such an item with «;» or «.» as often as with «:» (104390:
    «1. "Мемлекеттiк нотариат туралы" 1974 жылғы 13 тамыздағы Қазақ КСР Заңына (…);» then
    its instructions) and name the act in the locative («… Заң күшi бар Жарлығында (…):»).

    >>> _names_an_act('8. В Указ Президента Республики Казахстан, имеющий силу закона, от 5 '
    ...     'октября 1995 г. N 2486 "О производственном кооперативе" (Ведомости …);', "ru")
    True
    """
    t = fold_lookalikes(_norm(text.strip()))[0]  # «В Aдминистративный …» (162586 ru)
    if not re.match(r"^\d+\.\s", t) or not re.search(r"[:;.]$|\):", t):
        return False
    head = t[:200]
    if lang == "ru":
        ok = re.match(
            # «4. В Административный процедурно-процессуальный кодекс …» (162586 ru)
            r"^\d+\.\s+В\s+(?:Закон|Кодекс|Указ|Конституц|Постановлени|(?:[\w-]+\s+){1,3}кодекс)",
            head,
            re.I,
        )
    else:
        ok = re.search(FRAME_ACT_KK, head)
    return bool(ok) and not tokenizer(lang).has_verb(mask(t, lang)[0])


# The amended act named in a Kazakh frame: dative («Заңына») or locative («Жарлығында»).
FRAME_ACT_KK = (
    r"(?:Заңына|Заңында|[кК]одексіне|[кК]одексінде|Жарлығына|Жарлығында|Қаулысына|"
    r"Қаулысында|Конституция)"
)


def _frame_citation(text: str, lang: str) -> CitedAct:
    """The act of an omnibus item :func:`_names_an_act` accepts: its title and date where the
    citation reader finds them once the item is read as a frame («:», the dative), else by
    its name, date unknown (:func:`_loose_citation`)."""
    t = re.sub(r"[;.]$", ":", _norm(text.strip()))
    if lang == "kk":
        t = re.sub(r"(Заң|[кК]одексі|Жарлығы|Қаулысы)нда(?=\s*\()", r"\1на", t)
    cit = parse_citation(t, lang, colon=False)
    body = re.sub(r"^\d+\.\s*", "", _norm(text.strip()))
    adopted = re.search(r"қабылдаған\s+([^\"«(]*?[кК]одекс)і(?:не|нде)\b", body)
    if lang == "kk" and adopted and (cit is None or len(cit.title) > 200):
        # «Қазақ КСР Жоғарғы Кеңесi 1984 жылғы 22 наурызда қабылдаған Қазақ КСР-iнiң
        # Әкiмшiлiк құқық бұзушылық туралы кодексiнде (…)»: the code as it is called
        date = cit.date if cit else _date(body[: adopted.start()], lang)[0]
        cit = CitedAct(title=" ".join(adopted[1].split()) + "і", date=date, line=0)
    elif cit is None or len(cit.title) > 200:
        # «4. В Гражданский Кодекс Республики Казахстан (общая часть), принятый …»: the name
        # before «, принятый», «от …» or its publication
        pub = _publication(body, lang)
        name = body[: pub.start()] if pub else body
        if lang == "ru":
            name = re.split(r",\s*принят|,\s*утвержд|\s+от\s", re.sub(r"^В\s+", "", name))[0]
        cit = _loose_citation(name.strip().rstrip(",:;"), lang)
    cit.source = text.strip()
    return cit


def _repeals(text: str, lang: str) -> bool:
    """Whether a text holds the verb of a repeal («күшi жойылды деп танылсын»).

    >>> _repeals("Признать утратившими силу следующие законодательные акты:", "ru")
    True
    """
    toks = tokenizer(lang).tokenize(mask(text, lang)[0])
    return any(t.code == "V:repeal" for t in toks)


def _citation(text: str, lang: str) -> CitedAct | None:
    """The cited act of a frame, read as written or with Latin look-alikes fixed."""
    if not text:
        return None
    got = parse_citation(text, lang) or parse_citation(_norm(text), lang)
    if got is None:
        # «4. В Aдминистративный процедурно-процессуальный кодекс …» (162586 ru: a Latin A)
        folded, fixed = fold_lookalikes(text)
        got = parse_citation(folded, lang) if fixed else None
    return got


def _closed_in_quotes(text: str, lang: str) -> bool:
    """An instruction whose last words are quoted and end with their own «;» or «.»: it is
    whole, the next block does not go on with it («подпункт 1) пункта 4 статьи 9 дополнить
    словами "и пенсионных выплат;"» then «в статье 10:», 104210 ru:155-157).

    >>> _closed_in_quotes('подпункт 1) дополнить словами "и пенсионных выплат;"', "ru")
    True
    >>> _closed_in_quotes('1-тармақтағы "а" деген сөздер', "kk")
    False
    """
    t = text.rstrip()
    return bool(re.search(r"[.;][\"»”]$", t)) and mask(t, lang)[2] and _has_verb(t, lang)


def _runs_on(text: str, nxt: str, lang: str) -> bool:
    """Whether an instruction broken by a blank line goes on in the next block: it ends with
    the noun of words still to be quoted («… деген сөздер» / «"Үкiметi" деген сөзбен
    ауыстырылсын;», 104470 kk; «… дополнить словами» / «"Республики Казахстан";», 11622 ru),
    or a quote it opened closes there («… деген сөздер "Қазақстан» / «Республикасының …
    заңдарымен" деген сөздермен ауыстырылсын;», 11622 kk); also a frame whose publication
    in parentheses closes there («… Заңына (Қаза…» / «N 24, 338-құжат) мынадай өзгеріс
    енгізілсін:», 12176 kk).

    >>> _runs_on('2) пункт 3 после слова "законодательством" дополнить словами',
    ...     '"Республики Казахстан";', "ru")
    True
    """
    t, n = text.strip(), nxt.strip()
    conj = tokenizer(lang).lex["and"][0]
    if n and n[:1] not in '"«' and re.search(rf"(?<!\w){conj}$", t) and _has_verb(n, lang):
        # «… мынадай мазмұндағы 11) және» / «12) тармақшаларымен толықтырылсын:» (4572 kk):
        # a conjunction ends no sentence, so the next block goes on even where it opens
        # with a unit's number
        return True
    if not n or ITEM_START.match(n):
        return False
    joined = f"{t} {n}"
    if (
        t.count("(") > t.count(")")
        and joined.count("(") == joined.count(")")
        and FRAME_VERBS.search(_norm(n))
    ):
        return True
    if re.search(r"[.;:]$", t):
        return False
    tk = tokenizer(lang)
    skel, _q, balanced = mask(t, lang)
    toks = tk.tokenize(skel)
    if (
        toks
        and toks[-1].kind in ("N", "NI", "AFTER", "BEFORE")
        and n[:1] in '"«'
        and re.search(r"[.;]$", n)
    ):
        return True
    if (
        not balanced
        and mask(joined, lang)[2]
        and _has_verb(joined, lang)
        and not _has_verb(t, lang)
    ):
        return True
    return False


@functools.cache
def _letter_list(lang: str) -> re.Pattern:
    """Quotes listed next to a word of a point or subpoint (the units authority's forms)."""
    tk = tokenizer(lang)
    words = sorted(
        (f for f, (u, _c) in tk.form.items() if u in ("para", "subpara")), key=len, reverse=True
    )
    alt = "|".join(re.escape(w) for w in words)
    conj = "|".join(re.escape(w) for w in tk.lex["and"])
    quotes = rf"⟦\d+⟧(?:\s*(?:,|{conj})\s*⟦\d+⟧)*"
    if lang == "ru":
        return re.compile(rf"(?<!\w)({alt})\s+({quotes})", re.I)
    return re.compile(rf"({quotes})\s+({alt})(?!\w)", re.I)


def letter_quotes(skel: str, quotes: list[str], lang: str) -> str:
    """Subpoints numbered by a quoted letter («подпункты "а" и "б" пункта 2», «2-тармақтың "А"
    және "Б" тармақшалары», 104390) as the bracketed letters they are («а) и б)»).

    >>> letter_quotes("подпункты ⟦0⟧ и ⟦1⟧ пункта 2", ["а", "б"], "ru")
    'подпункты а) и б) пункта 2'
    """

    def one(m: re.Match) -> str:
        group = 2 if lang == "ru" else 1
        ids = [int(x) for x in re.findall(r"⟦(\d+)⟧", m.group(group))]
        if not all(re.fullmatch(r"[а-яёА-ЯЁ]\)?", quotes[k].strip()) for k in ids):
            return m.group()
        lst = re.sub(
            r"⟦(\d+)⟧",
            lambda q: quotes[int(q[1])].strip().rstrip(")").lower() + ")",
            m.group(group),
        )
        return f"{m.group(1)} {lst}" if lang == "ru" else f"{lst} {m.group(2)}"

    return _letter_list(lang).sub(one, skel) if "⟦" in skel else skel


def _after_publication(text: str, lang: str) -> str | None:
    """The instruction after a citation's publication in parentheses, when one follows in
    the same sentence («… Заңы) мынадай мазмұндағы 170-5-баппен толықтырылсын:»).

    >>> _after_publication('Закон от 1 мая 1995 г. "О …" (Ведомости …, № 1) дополнить '
    ...     'статьей 5 следующего содержания:', "ru")
    'дополнить статьей 5 следующего содержания:'
    """
    pub = _publication(text, lang)
    if not pub:
        return None
    depth = 0
    for k in range(pub.start(), len(text)):
        depth += {"(": 1, ")": -1}.get(text[k], 0)
        if depth == 0:
            tail = text[k + 1 :].strip().lstrip(",").strip()
            return tail if tail and _has_verb(tail, lang) else None
    return None


def _inline_citation(text: str, lang: str) -> tuple[CitedAct, str] | None:
    """An act cited and amended in one sentence: the act (its quoted title and date) and
    the instruction, the units named before the act put back in front of it (ru «В статье
    13 Указа …»). None when no instruction follows the publication."""
    tail = _after_publication(text, lang)
    if not tail:
        return None
    toks = tokenizer(lang).tokenize(mask(tail, lang)[0])
    if not any(t.kind == "U" for t in toks) and any(t.code == "V:repeal" for t in toks):
        return None  # «Закон … (…) признать утратившим силу.»: the repeal of the act itself
    head = text[: _publication(text, lang).start()]
    units = ""
    if lang == "ru":
        # «В статье 13 Указа …», «Абзац третий пункта 2 статьи 9 Закона …»
        um = re.match(
            r"^(?:\d+\.\s*)?([^\"«]+?)\s+(?=(?:Закона|Указа|Кодекса|Постановления)\b)", head
        )
        if um and any(t.kind == "U" for t in tokenizer(lang).tokenize(um.group(1))):
            units, head = um.group(1), head[um.end() :]
    cit = parse_citation(head + ":", lang) or _repealed_act(head, lang)
    adopted = re.search(r"қабылдаған\s+([^\"«]+?)\s*$", _norm(head)) if lang == "kk" else None
    if adopted and (cit is None or "қабылдаған" in cit.title):
        # «Қазақ КСР Жоғарғы Кеңесi 1984 жылғы 22 наурызда қабылдаған Қазақ КСР-iнiң
        # Әкiмшiлiк құқық бұзушылық туралы кодексi (…)»: the code by its name
        cit = CitedAct(title=adopted[1], date=_date(_norm(head), lang)[0], line=0)
    if cit is None:
        return None
    cit.source = text.strip()
    return cit, f"{units} {tail}".strip()


def _publication(text: str, lang: str) -> re.Match | None:
    """Where a citation's publication in parentheses opens (the grammar's form, or any
    parenthesis that names a gazette: «(Қазақ КСР Жоғарғы Кеңесiнiң Жаршысы, …»)."""
    t = _norm(text)  # _norm keeps every position
    return framing(lang).publication.search(t) or re.search(
        r"\((?=[^()]{0,80}(?:Жаршы|Ведомост|ПҮАЖ|САПП))", t
    )


def _next_article(art_item: str, num: str) -> bool:
    """Whether ``num`` is the article after ``art_item`` («art_1» → «2»)."""
    typ, cur = _eid.last(art_item)
    return typ == "art" and (cur or "").isdigit() and num.isdigit() and int(num) == int(cur) + 1


def _glued_scopes(clauses_: list[list[Token]]) -> list[list[Token]]:
    """The units of the scope headers glued into a line of instructions, in order («7-бапта:
    2-тармақта: бiрiншi абзацта: "…" деген сөз алып тасталсын; … 7-1-бапта: тақырыбындағы
    …; 1-тармақта: бiрiншi абзацта: …»): each clause that opens with units and «:»."""
    out = []
    for cl in clauses_:
        cut = max((k for k, t in enumerate(cl) if t.kind == ":" and t.depth == 0), default=-1)
        if cut <= 0 or cut + 1 >= len(cl) or cl[cut + 1].kind not in ("U", "Q"):
            continue
        head = cl[:cut]
        if head[0].kind == "U" and all(t.kind in ("U", ":") for t in head):
            out.append([t for t in head if t.kind == "U"])
    return out


def _unswallow(blocks: list[Block], lang: str) -> list[Block]:
    """A quoted block of the parsed tree that runs on over instructions — its closing mark
    lost in the official text, so the tree keeps the next instructions inside the wording
    (104392 kk: «4-тармақ мынадай редакцияда жазылсын:» then the wording «"4) шалғайдағы …
    белгiленедi;», and «екiншi және төртiншi бөлiктердегi "…" деген сөздер … ауыстырылсын;»
    inside it) — is given back as its paragraphs, one line each, as the paragraph reader
    (:func:`split`) sees them: the wording then ends before the first instruction, as there.
    """
    out: list[Block] = []
    for i, b in enumerate(blocks):
        parts = b.text.split("\n\n")
        if b.quoted and len(parts) > 2:
            plain = [Block(b.line + 2 * k, p) for k, p in enumerate(parts)]
            # a scope header at its end is one when the next block is an instruction
            # («… орындатылуға тиiс.» then «207-бапта:», «3) тармақша алып тасталсын;», 924 kk)
            seen = plain + blocks[i + 1 : i + 2]
            if any(_instruction_like(seen, k, lang) for k in range(1, len(plain))) or any(
                # «…случаях.";статью 340 изложить в следующей редакции:"Статья 340. …» (924
                # ru): a wording's end and the next instruction glued inside a paragraph
                (rest := p.text[m.end() :].strip()) and _has_verb(rest, lang)
                for p in plain
                for m in re.finditer(r'(?<=.)["»”]\s*[.;]', p.text)
            ):
                out += plain
                continue
        out.append(b)
    return out


def read_blocks(blocks: list[Block], lang: str) -> Result:
    """Read an amending act's blocks with the catalogue (see the module's docstring)."""
    g = framing(lang)
    tk = tokenizer(lang)
    labels: list[tuple[str, str]] = []  # parts of an annex's table named by their titles
    labels_of: tuple = ()  # the annex they are parts of
    item_unit: tuple = ()  # the unit a numbered item's parts were named in
    blocks = _unswallow(list(blocks), lang)
    am = Amender(lang=lang)
    res = Result(am)
    act: CitedAct | None = None
    art_item = act_item = item1 = item2 = ""
    base1: tuple = ()
    fresh1 = False  # a level-1 scope header with no numbered item under it yet
    scope: tuple = ()
    amending = False
    repeal_list = False  # «Признать утратившими силу:» / «Мыналардың күші жойылды деп танылсын:»
    eif_blocks: list[Block] = []
    item_ctx: tuple = ()  # the unit the last numbered item worked in, while its list goes on
    point_ctx: tuple = ()  # the point of the article in scope the last instruction named
    i = 0
    tagged, cur_item = 0, ""  # readings given their item so far; the current item
    took: tuple | None = None  # (reading, its operations) of an instruction that took a wording
    while i < len(blocks):
        for r in res.readings[tagged:]:
            r.item = r.item or cur_item
        tagged = len(res.readings)
        b = blocks[i]
        i += 1
        if b.quoted:
            if took is not None and took[0] is res.readings[-1]:
                # a quoted wording right after the one an instruction took, that no action
                # takes (143778 ru:819 «статью 465 дополнить частями 1-1 и пятой …» read as
                # one insert, the wording of part five left over): the instruction is
                # reported not read, never applied with a wording lost
                _unread_leftover(am, *took)
            took = None
            continue
        took = None
        text = b.text.strip()
        if (cut := _after_lang_only(text, lang)) is not None:
            # «4-тармақта мемлекеттік тілдегі мәтіні өзгермейді; 5-тармақта:» (34618 kk:217): a
            # record of no change and the next instruction glued on one line
            text, rest = cut
            blocks.insert(i, Block(b.line, rest))
        elif (cut := _wording_after_colon(text, lang)) is not None:
            # «статью 340 изложить в следующей редакции:"Статья 340. …» (924 ru): the wording
            # glued to its instruction is a block of its own, and an instruction glued after its
            # closing mark another («…телефонын … құқығы бар.";6) 41-бап алып тасталсын;…», 2536)
            text, rest = cut
            if (m := _instruction_after_close(rest, lang)) is not None:
                blocks.insert(i, Block(b.line, rest[m.end() :]))
                rest = rest[: m.end()]
            blocks.insert(i, Block(b.line, rest))
        # a sentence that runs on after a blank line («"…", "…"» / «қазақша мәтін …»)
        while (
            i < len(blocks)
            and not blocks[i].quoted
            and re.match(r"^[\"«]", text)
            # a wording closed by its mark and «.»/«;» is whole (104448 ru: «"4. … договора.";»
            # then «в статье 4:» is the next instruction's scope)
            and not re.search(r"[\"»][.;]\s*$", text)
            and not tk.phrase_re.search(mask(text, lang)[0])
            and re.match(r"^[а-яәғқңөұүһі]", blocks[i].text.strip())
        ):
            text = f"{text} {blocks[i].text.strip()}"
            i += 1
        # a sentence broken by a blank line: no closing punctuation, the next block goes on
        # in lower case («… төртiншi, бесiншi, алтыншы және» / «жетiншi бөлiктермен …»)
        joined = 0
        while (
            i < len(blocks)
            and not blocks[i].quoted
            and len(text) < 4000
            and (
                (
                    not re.search(r"[.;:]\s*$", text)
                    and re.match(r"^[а-яәғқңөұүһіё]", blocks[i].text.strip())
                    and not _closed_in_quotes(text, lang)
                )
                or (
                    # «## 2-бап. "Арал … туралы" 1999 жылғы …» / «Қазақстан Республикасы
                    # Заңының (…) күші жойылды деп танылсын.»: an article heading whose
                    # sentence goes on in the next block
                    joined == 0
                    and (am_ := g.article.match(_norm(text))) is not None
                    and am_["rest"].strip()
                    and not FRAME_VERBS.search(_norm(text))
                    # «Статья 151-6. … зоны "Бурабай";» then «дополнить абзацами триста
                    # десятым …» (59936 ru:161, a wording's line read as an instruction): a
                    # sentence closed by «;» goes on nowhere
                    and not re.search(r"[:;]\s*$", text)
                    and not tk.phrase_re.search(mask(text, lang)[0])
                    and not ITEM_START.match(blocks[i].text)
                    and tk.phrase_re.search(mask(blocks[i].text, lang)[0])
                )
                or (
                    # «Внести в Закон … от 20 июля 1995 г.» / «"О таможенном деле …" (…):»
                    FRAME_VERBS.search(_norm(text))
                    and not text.rstrip().endswith(":")
                    and joined < 3
                    and not g.article.match(_norm(blocks[i].text))
                )
                or (joined < 2 and _runs_on(text, blocks[i].text, lang))
            )
        ):
            joined += 1
            text = f"{text} {blocks[i].text.strip()}"
            i += 1
        m = g.article.match(_norm(text))
        if m and re.match(r"^[а-яәғқңөұүһі]", m["rest"].strip()) and _has_verb(m["rest"], lang):
            # «40-бап. мынадай редакцияда жазылсын:» — the unit an instruction names, not an
            # article of the amending act
            text, m = f"{_units.label('art', m['num'], lang)} {m['rest'].strip()}", None
        if m and art_item and amending and not _next_article(art_item, m["num"]):
            # «15-бап. 26-баптың …:» inside article 1 (104392 kk): an item numbered as an
            # article by mistake, not the amender's next article
            text = f"{m['num']}. {m['rest']}"
            m = None
        if m:
            repeal_list = False
        elif repeal_list:
            item = re.sub(r"^\d+\s*[.)]\s*", "", text)
            if (
                ITEM_START.match(text)
                or g.act_kinds.search(item[:120])
                or REPEALED_KIND.search(_head(item, lang))
            ) and not tk.phrase_re.search(mask(item, lang)[0]):
                # one act of the list, repealed as a whole (its status changes, DESIGN.md)
                # dates the text bank glued («от27 января», «14сентября»)
                unglued = re.sub(r"(?<=\d)(?=[^\W\d_])|(?<=\bот)(?=\d)", " ", _norm(item))
                cit = parse_citation(item, lang, colon=False) or parse_citation(
                    unglued, lang, colon=False
                )
                reading = Reading(b.line, b.text.strip(), formulas=[f"{lang}.repeal_list"])
                res.readings.append(reading)
                if cit is None:
                    # the act as the list names it (its title quoted or before the
                    # publication), its date as written if any
                    cit = _loose_citation(item, lang)
                    cit.date = _date(unglued, lang)[0]
                cit.title = _enacting_title(item, cit.title)
                cit.line, cit.item = b.line, art_item
                am.acts.append(cit)
                am.operations.append(
                    Operation(
                        act=cit.title,
                        act_date=cit.date,
                        target="",
                        action="repeal_act",
                        source=b.text.strip(),
                        line=b.line,
                        item=art_item,
                    )
                )
                reading.ops = 1
                continue
            repeal_list = False
        inline = None
        if m:
            art_item = _eid.segment("art", m["num"])
            text = m["rest"].strip()
            act, act_item, item1, item2 = None, art_item, "", ""
            base1 = scope = ()
            fresh1 = True  # no numbered item under the new article yet
            cit = _citation(text, lang) if text else None
            amending = bool(cit) or bool(text and FRAME_VERBS.search(_norm(text)))
            # «Статья 2. Кодекс Казахской ССР об административных правонарушениях, принятый
            # … 22 марта 1984 г., (…):» (1562 ru): an article that names the act it amends
            amending = amending or bool(
                text
                and re.search(r"[:]$|\):", text)
                and re.match(r"(?:Закон|Кодекс|Указ|Постановлени|Конституц)", text)
                and not _has_verb(text, lang)
            )
            if not text:
                continue
            if amending and text.rstrip().endswith(":") and not cit and not OMNIBUS.search(text):
                pub = _publication(text, lang)  # the act's name stands before its publication
                act = _loose_citation(text[: pub.start()] if pub else text, lang)
                act.line, act.item = b.line, art_item
                am.acts.append(act)
                res.readings.append(Reading(b.line, text, kind="citation"))
                continue
        else:
            cit = _citation(text, lang)
            if cit and any(
                t.code in ("V:suspend", "K:temporary") for t in tk.tokenize(mask(text, lang)[0])
            ):
                # «"Міндетті әлеуметтік сақтандыру туралы" … Заңының 23-бабы 4-тармағының
                # қолданылуы … тоқтатыла тұрсын, ол … мынадай редакцияда қолданылады деп
                # белгіленсін:» (45654 kk:133): the act and its suspension in one sentence, an
                # instruction — it had been taken for the citation of the next lines, unreported
                cit = None
            if cit and text.rstrip().endswith(":") and _repeals(text, lang):
                # «"Бюджет жүйесi туралы" … Заңының қабылдануына байланысты … мынадай заң
                # актiлерiнiң күшi жойылды деп танылсын:» names the act it follows from; the
                # acts it repeals are listed after it (the formula kk.repeal_list)
                cit = None
            if (
                not cit
                and FRAME_VERBS.search(_norm(text))
                and not OMNIBUS.search(text)
                and (text.rstrip().endswith(":") or "):" in text)
                and not act
            ):
                amending = True
                act = _loose_citation(text, lang)
                act.line, act.item = b.line, art_item
                am.acts.append(act)
                res.readings.append(Reading(b.line, text, kind="citation"))
                continue
            if not cit and _names_an_act(text, lang):
                # «1. В Гражданский кодекс Республики Казахстан (общая часть), принятый
                # Верховным Советом … 27 декабря 1994 г. (…):» — an item of an omnibus act
                # whose citation carries no «от …» date: the act by its name, date unknown
                cit = _frame_citation(text, lang)
            inline = None if cit else _inline_citation(text, lang)
            if inline:
                # «9. … N 2823 Заң күшi бар Жарлығының (…), 13-бабындағы "…" деген сөздер …
                # ауыстырылсын.» / «9. В статье 13 Указа … (…) слова "…" заменить …»: the act
                # and its one instruction in one sentence
                cit, inline_tail = inline
        if cit:
            amending = True
            nm = re.match(r"^(\d+)\.", text)
            act = cit
            act.line = b.line
            act_item = _eid.join(art_item, _eid.segment("para", nm[1])) if nm else art_item
            act.item = act_item
            am.acts.append(act)
            item1 = item2 = ""
            base1 = scope = ()
            fresh1 = True  # nor under the cited act
            res.readings.append(Reading(b.line, text, kind="citation"))
            tail = text.split("):", 1)[1].strip() if "):" in text else ""
            if inline:
                tail = inline_tail
            elif not tail:
                # «2-бап. … кодексі (…) мынадай мазмұндағы 170-5-баппен толықтырылсын:» (1562
                # kk), «3. Абзац третий пункта 2 статьи 9 Закона … (…) изложить в следующей
                # редакции:» (104390 ru): the instruction after the publication, never dropped
                got = _inline_citation(text, lang)
                tail = got[1] if got else (_after_publication(text, lang) or "")
                if got and len(act.title) > 200:  # the citation reader took the whole text
                    act = got[0]
                    act.line, act.item = b.line, act_item
                    am.acts[-1] = act
            if not tail:
                continue
            text = tail
        if art_item and not amending:
            eif_blocks.append(Block(b.line, text))
        level = 0
        bad = _item_comma_before_article().match(text) if lang == "kk" else None
        seq = re.match(r"^(\d+(?:-\d+)?),(?=\s*\d)", text)
        if bad is None and seq and act and _next_item(item1.rsplit("_", 1)[-1], seq[1]):
            # «43, 6, 34, 76-78, 80, 82-баптардағы …» (104392 kk, ru «43. В статьях 6, 34, …»):
            # the number that follows item 42 is the item's own
            bad = seq
        if bad and act:
            # «17-1, 34-бап мынадай мазмұндағы екiншi бөлiкпен толықтырылсын:» (104392 kk,
            # ru «17-1. Статью 34 дополнить …»): a list of numbers before the singular
            # «бап» is no list (several articles are «баптар»): the item's number lost its
            # dot; repaired and reported
            am.repairs.append((b.line, f"{bad[1]},", f"{bad[1]}."))
            text = f"{bad[1]}.{text[bad.end() :]}"
        nm1 = re.match(r"^(\d+(?:-\d+)?)\s*\.\s*(.*)$", text, re.S)
        nm2 = re.match(r"^(\d+(?:-\d+)?)\)\s*(.*)$", text, re.S)
        if nm2:
            # (a unit word that lost a letter still names the unit: «3) тармашада», 2490 kk)
            toks2 = tk.tokenize(tk.misprints(mask(text, lang)[0])[0])
            if toks2 and toks2[0].kind in ("U", "UI") and toks2[0].start == 0:
                nm2 = None  # «17) тармақша …»: the number is the unit's
        if nm1 and act:
            level, item1, item2, body = 1, f"{act_item}__para_{nm1[1]}", "", nm1[2]
            base1 = scope = ()
            fresh1 = False
            item_unit = ()
        elif nm2:
            level, item2, body = 2, f"{item1 or act_item}__subpara_{nm2[1]}", nm2[2]
            scope = base1
            fresh1 = False
        elif nm1:
            body = nm1[2]
        else:
            body = text
        item = cur_item = (item2 or item1 or act_item).strip("_")
        skel, quotes, balanced = mask(body, lang)
        if (not balanced or _stray_close(body)) and (
            stray := _without_stray_close(body, lang)
        ) is not None:
            # «… деген сөздермен толықтырылсын.";» (104448 kk): a closing mark after the
            # instruction's own end closes nothing; so does a guillemet, which the masking
            # drops and calls balanced («… деген цифрлармен толықтырылсын.».», 52384 kk:63,
            # the last instruction of a block quoted in the act it amends)
            body = stray
            skel, quotes, balanced = mask(body, lang)
        if not balanced and (header := _without_stray_open(body, lang)) is not None:
            am.repairs.append((b.line, body, header))  # reported: «a stray quote mark»
            body = header
            skel, quotes, balanced = mask(body, lang)
        lost_why: list[str] = []
        if (lost := _lost_mark_in_list(body)) is not None:  # an odd count of marks
            am.repairs.append((b.line, body, lost))  # reported: «a quote mark the text bank lost»
            body = lost
            skel, quotes, balanced = mask(body, lang)
        if lang == "kk" and (lost := _lost_open_kk(body, lost_why)) is not None:
            # «үшінші абзацтағы атқарушы өкімет органдарында" деген сөздер …» (12698 kk):
            # the words' lost opening mark put back, reported as a repair
            am.repairs.append((b.line, body, lost))
            body = lost
            skel, quotes, balanced = mask(body, lang)
        elif lang == "ru" and (lost := _lost_open_ru(body)) is not None:
            am.repairs.append((b.line, body, lost))  # reported as a repair, like the above
            body = lost
            skel, quotes, balanced = mask(body, lang)
        if not balanced and (plain := _provision_without_marks(body, lang)) is not None:
            # «5-бап. "… туралы" … Заңына … енгiзутуралы" … Заңы жарияланған күнiнен бастап
            # күшiне енгiзiлсiн.» (104392 kk): an entry into force whose title lost a mark
            skel, quotes, balanced = plain, [], True
        same = i  # the blocks the text bank glued to this one's line (its wording, 3772 kk:87)
        while same < len(blocks) and blocks[same].line == b.line:
            same += 1
        on_line = " ".join([body, *(blk.text.strip() for blk in blocks[i:same])])
        # reported instead of what the reading fails on, when it fails
        glued_why = _glued_wording_unpaired(on_line, lang)
        skel = letter_quotes(skel, quotes, lang)
        # Latin look-alikes in the instruction's own words: repaired and reported
        # (instruction_shape; the quoted words stay as written)
        skel, fixed = fold_lookalikes(skel)
        am.repairs += [(b.line, old, new) for old, new in fixed]
        # formula words glued together («сөздерментолықтырылсын», 2486 kk): split by the
        # lexicon's glue list and reported
        skel, glued = tk.unglue(skel)
        am.repairs += [(b.line, old, new) for old, new in glued]
        # a formula word that lost one letter («3) тармашада», «деген сөдермен», 2490 kk)
        skel, lost = tk.misprints(skel)
        am.repairs += [(b.line, old, new) for old, new in lost]
        # a comma between a unit word and its ordinal («часть, первую», 104210 ru:99)
        skel, commas = tk.stray_commas(skel)
        am.repairs += [(b.line, old, new) for old, new in commas]
        skel = tk.one_annex(skel)  # «пункт 27 приложения к указанному Закону» (34478 ru:97)
        # a sub-item's number that lost its bracket in a list («20-14), 20-15, 20-16)», 155528)
        skel, brackets = tk.lost_brackets(skel)
        am.repairs += [(b.line, old, new) for old, new in brackets]
        if lang == "kk" and (art := _article_with_bracket(skel, blocks[i : i + 1])) is not None:
            # «10) мынадай мазмұндағы 10-1) баппен толықтырылсын:» over «"10-1-бап. …» (14654
            # kk:127; ru «дополнить статьей 10-1»): an article numbered with a sub-item's
            # bracket, as its wording numbers it; repaired and reported
            skel, old, new = art
            am.repairs.append((b.line, old, new))
        toks = tk.tokenize(skel)
        if not toks:
            continue
        garbled = next(
            (
                skel[skel.rfind(" ", 0, a.start) + 1 : c.end]  # the whole written word
                for a, c in zip(toks, toks[1:], strict=False)
                if a.kind == "W"
                and re.search(r"\d", a.text)
                and c.kind == "W"
                and c.text.lower() in tk.form
            ),
            None,
        )
        if garbled and any(t.kind == "V" for t in toks):
            # «9-баптың 4-тармағының 1/-тармақшасы "…" деген сөздермен толықтырылсын.» (104210
            # kk:181, ru «подпункт 1) пункта 4 статьи 9»): a unit whose number zan cannot read;
            # read without it, the words would go to the end of point 4 — never guessed
            why = f"a unit whose number zan cannot read: «{garbled}»"
            res.readings.append(Reading(b.line, b.text.strip(), reason=why))
            am.errors.append(InstructionError(b.line, why, b.text.strip()))
            if _wording_at(blocks, i):
                i = skip_quoted(blocks, i, lang)  # its wording goes with it
            continue
        neg = negated(skel, lang) if act else None
        if neg:  # «… жазылмасын», «не дополнить»: no change zan could apply (issue 11)
            reading = Reading(
                b.line, b.text.strip(), reason=f"a negated instruction verb («{neg}»)"
            )
            res.readings.append(reading)
            am.errors.append(InstructionError(b.line, reading.reason, b.text.strip()))
            continue
        has_verb = any(t.kind in ("V", "K") for t in toks)
        if not has_verb and not balanced and tk.phrase_re.search(_norm(body)):
            # the verb is hidden inside a quote that never closes: reported, not skipped
            reading = Reading(b.line, b.text.strip(), reason="unbalanced quotes")
            res.readings.append(reading)
            am.errors.append(InstructionError(b.line, reading.reason, b.text.strip()))
            continue
        scope_semicolon = (  # «5) в абзаце втором … статьи 636 ;» (40596 ru): «;» for «:»
            toks[-1].kind == ";"
            and any(t.kind == "U" for t in toks)
            and all(t.kind in ("U", "W", ";") for t in toks)
        )
        if not has_verb and not text.rstrip().endswith(":") and not scope_semicolon:
            nxt = blocks[i] if i < len(blocks) else None
            why = unread_reason(skel, lang, bool(act), art_item and not amending, nxt)
            if why:  # looks like an instruction, yields nothing: reported, never skipped
                reading = Reading(b.line, b.text.strip(), reason=why)
                res.readings.append(reading)
                am.errors.append(InstructionError(b.line, why, b.text.strip()))
                if _cites_an_act(text, lang):
                    scope = base1 = (("?", f"the act cited at line {b.line} is not read"),)
                elif level in (1, 2):
                    # «Статья 151-2. …» (59936 ru:153, a line of a wording whose end was read
                    # too early) opens an item of its own: the instructions after it, «дополнить
                    # абзацами триста десятым …» (ru:163, under «1) в оглавлении:»), are never
                    # read in that item's empty scope (they had been read as the Code's al_310)
                    scope = (("?", f"the item at line {b.line} is not read"),)
                if _wording_at(blocks, i):
                    i = skip_quoted(blocks, i, lang)  # its wording goes with it
                continue
            if SKIPPED is not None:
                SKIPPED.append((b.line, text))
            continue  # a title, signature, editorial line: no instruction
        ctx = scope if level == 0 else (base1 if level == 2 else ())
        if level == 0 and not scope and item1 and item_unit:
            # «36. Части первую и вторую статьи 75 изложить …: "…"» then «часть третью
            # считать частью второй.» (104392): the item's next sentence is inside its unit
            ctx = item_unit
        colon = next((k for k, t in enumerate(toks) if t.kind == ":"), None)
        if (
            colon
            and colon < len(toks) - 1
            and any(t.kind == "U" for t in toks[:colon])
            and all(t.kind in ("U", "W", "AND", ",") for t in toks[:colon])
            and any(t.kind == "V" for t in toks[colon + 1 :])
        ):
            # «135-бапта: 1-тармақтың бiрiншi абзацында …»: a scope header and the first
            # instruction under it on one line; the scope holds for the lines that follow
            try:
                _tg, paths, _s = targets(toks[:colon], ctx, lang)
                scope = ctx = scope_of(paths)
                if level == 1:
                    base1 = scope
                toks = toks[colon + 1 :]
            except NotRead:
                pass
        if level == 0 and not ctx and item_ctx and not any(t.kind == "U" for t in toks):
            # «2) в части первой статьи 6 … заменить словом "или";» then «слово "трех"
            # заменить словом "двух";» (104390 ru): an unnumbered instruction that names no unit
            # goes on in the unit of the numbered item before it
            ctx = item_ctx
        item_ctx = ()
        units_named = [t for t in toks if t.kind in ("U", "UI")]
        if (
            level == 0
            and point_ctx
            and point_ctx[:-1] == ctx
            and units_named
            and all(t.utype == "al_part" for t in units_named)
        ):
            # «7-бапта:» then «1-тармақ мынадай редакцияда жазылсын:» and «екiншi бөлiк алып
            # тасталсын;» (28854 kk:101; ru «в пункте 1: … часть вторую исключить;»): an
            # article is divided into points or into parts, never both, so a part named
            # alone after an instruction on a point of the article is that point's part
            ctx = point_ctx
        point_ctx = ()
        reading = Reading(b.line, b.text.strip())
        res.readings.append(reading)
        i_read = i  # the block after the instruction: a wording it takes starts there
        st = _State(lang, act, item, b.line, b.text.strip(), quotes, ctx, text=body, start_ctx=ctx)
        st.named = [lb for _k, lb in labels] if labels and ctx == labels_of else []

        def fetch() -> str | None:
            nonlocal i
            if i < len(blocks) and blocks[i].text.strip()[:1] in '"«':
                try:
                    new, i = take_quoted(blocks, i, lang)
                except WordingEndUnknown:
                    i += 1  # the wording's one block goes with the instruction
                    raise
                return new
            return None

        def reopened(mark: str, least: int = 1, starts=None) -> str | None:
            # the wording at block i (one that ``starts``, when given) read as if it opened
            # with ``mark`` (its opening mark lost), when it then ends after at least
            # ``least`` blocks; the blocks it took go with it
            nonlocal i
            if i >= len(blocks) or (starts and not starts(blocks[i].text.strip())):
                return None
            rest = [Block(blocks[i].line, mark + blocks[i].text.strip()), *blocks[i + 1 :]]
            new, j = take_quoted(rest, 0, lang)
            if new is None or j < least:
                return None
            blocks[i:] = rest
            i += j
            return new

        def fetch_label(starts) -> str | None:
            # «55-бап. …» after «"48-бап. …»: the next unit of a wording for several units,
            # its opening mark dropped (104392 kk); it ends where a quoted wording would
            return reopened('"', starts=starts)

        def fetch_block(starts, whole: bool = False) -> str | None:
            # «дополнить пункт 1 подпунктом 42) следующего содержания:» then «42) археологические
            # … культуры.".» (104132 ru): a wording whose opening mark is lost, one block that
            # starts with the new unit's own label; its stray closing mark dropped
            nonlocal i
            if i >= len(blocks) or not starts(blocks[i].text.strip()):
                return None
            text = blocks[i].text.strip()
            if whole and not re.search(r"[\"»”]\s*[.;]?\s*$", text):
                # «6) 44-бап мынадай редакцияда жазылсын:» then «44-бап. Отандық …» and its
                # points up to «… жүзеге асыруға құқылы.».» (49742 kk:277-293; ru:283 opens
                # «"Статья 44. …»): the article's opening mark is lost, its wording runs on to
                # the mark that closes it, or it is not read
                return reopened("«", least=2) or reopened('"', least=2)
            i += 1
            return _strip_own_quote(text)

        st.fetch = fetch
        st.fetch_label = fetch_label
        st.fetch_block = fetch_block
        cls = clauses(toks)
        reading.clauses, reading.quotes = cls, quotes
        named = [t for t in (cls[0] if cls else []) if t.kind in ("U", "AND", ",")]
        if level == 1 and not ctx and any(t.kind == "U" and t.utype == "art" for t in named):
            # «36. Части первую и вторую статьи 75 изложить …» then «часть третью считать
            # частью второй.» (104392), «13. Пункт 2 статьи 15 дополнить подпунктом 1-1) …»
            # then «подпункт 4) изложить …» (9498): the item's unnumbered lines go on in the
            # unit it names first
            try:
                scope = base1 = targets(named, (), lang)[1][0]
            except NotRead:
                pass
        ops: list[Operation] = []
        matches: list[Match] = []
        for k, cl in enumerate(cls):
            mt = match(cl, lang, quotes)
            if (
                mt is None
                and k == len(cls) - 1
                and cl
                and cl[-1].kind == ":"
                and not _wording_at(blocks, i)
                and (semi := match([*cl[:-1], replace(cl[-1], kind=";", text=";")], lang, quotes))
                and not _needs_new(semi)
            ):
                # «6-баптың екiншi және үшiншi абзацтарындағы "есептеледi" деген сөз "…" деген
                # сөздермен ауыстырылсын:» then the next instruction (104210 kk:233): a whole
                # instruction closed by «:» for «;», no wording after it — read, and reported
                mt = semi
                last = re.search(r"\S*\s*:\s*$", text).group().rstrip()  # «ауыстырылсын:»
                am.repairs.append((b.line, last, last[:-1] + ";"))
            if mt is None and glued_why:
                reading.reason = glued_why
                while i < len(blocks) and blocks[i].line == b.line:
                    i += 1  # the rest of the line is that wording, not instructions
                break
            if mt is None and any(m.formula.yields["builder"] == "unsupported" for m in matches):
                break  # a clause before says why the instruction is not read (20536 kk:15)
            if mt is None:
                reading.reason = "no formula: " + " ".join(t.code for t in cl)
                if any(t.kind == "ROW" for t in cl):  # a row in a form no formula reads
                    reading.reason = UNKNOWN_UNIT
                elif lost_why:  # «үшінші абзацтағы атқарушы өкімет органдарында" деген
                    reading.reason = lost_why[0]  # сөздер …» (12698 kk): never guessed
                elif why := _quote_holds_formula(quotes, lang):
                    reading.reason = why
                break
            matches.append(mt)
        if reading.reason:
            am.errors.append(InstructionError(b.line, reading.reason, b.text.strip()))
            if level == 1 and _cites_an_act(text, lang):
                scope = base1 = (("?", f"the act cited at line {b.line} is not read"),)
            elif (
                text.rstrip().endswith(":")
                and len(text) <= 80
                and not any(t.kind in ("V", "K") for t in toks)
                and any(t.kind in ("U", "Q") for t in toks)
                and i < len(blocks)
                and not _wording_at(blocks, i)
            ):
                # «"1-тармақта:» (34618 kk:61, a stray mark) over «1) тармақшадағы … »: a
                # scope header not read; the lines under it are never read in the scope
                # before it (they had been read as art_5__subpara_1, not point 1's)
                scope = (("?", f"the scope header at line {b.line} is not read"),)
                if level == 1:
                    base1 = scope
            continue
        reading.formulas = [mt.formula.id for mt in matches]
        kinds = {mt.formula.yields["builder"] for mt in matches}
        if any(_needs_new(mt) for mt in matches) or (
            body.rstrip().endswith(":")
            and "unsupported" in kinds
            and any(t.kind == "CONTENT" or t.code in ("V:replace", "V:insert") for t in toks)
        ):
            # a wording an unsupported formula introduces is its own, not instructions
            try:
                new, i = take_quoted(blocks, i, lang)
            except WordingEndUnknown as e:
                i += 1  # the wording's one block goes with the instruction, never read
                reading.reason = str(e)
                am.errors.append(InstructionError(b.line, reading.reason, b.text.strip()))
                continue
            if new is not None and (more := _body_after_closed_heading(new, blocks, i, lang)):
                new, i = more
            st.new = new
        if not balanced and not kinds <= {"provision"}:
            reading.reason = "unbalanced quotes"
            am.errors.append(InstructionError(b.line, reading.reason, b.text.strip()))
            continue
        if kinds <= {"provision"}:
            reading.kind = "provision"
            if (
                body.rstrip().endswith(":")
                and i < len(blocks)
                and blocks[i].text.strip()[:1] in '"«'
            ):
                # «Установить, что до введения в действие абзаца девятого … данный абзац
                # действует в следующей редакции:» (127764): the wording is the provision's own
                i = skip_quoted(blocks, i, lang)
            if art_item and not amending and b not in eif_blocks:
                eif_blocks.append(Block(b.line, text))
            continue
        if kinds == {"repeal_list"}:
            reading.kind = "scope"  # the acts it repeals follow, one a block
            repeal_list = True
            continue
        if (
            kinds == {"scope"}
            and i < len(blocks)
            and (
                blocks[i].quoted
                or (
                    blocks[i].text.strip()[:1] in '"«'
                    and not blocks[i].text.rstrip().endswith(":")
                    and not _has_verb(blocks[i].text, lang)
                    # «бірінші бөлікте:» then «"заңдарына" деген сөздің қазақша нұсқасы
                    # өзгеріссіз қалады;» (13464 kk:101): a record of no change, not a wording
                    and not tokenizer(lang).records_no_change(mask(blocks[i].text, lang)[0])
                )
            )
        ):
            # «… тармақшалармен өзгертілсін:» then a quoted wording: read as a scope it would
            # leave the wording to nobody — a verb the catalogue does not know
            reading.reason = "a quoted wording follows, but no formula says what to do with it"
            am.errors.append(InstructionError(b.line, reading.reason, b.text.strip()))
            i = skip_quoted(blocks, i, lang)
            continue
        if kinds == {"scope"}:
            reading.kind = "scope"
            units = [t for t in toks if t.kind == "U"]
            start = scope if level == 0 else (base1 if level == 2 else ())
            if any(mt.formula.yields.get("named") for mt in matches):
                annex = [t for t in units if t.utype == "annex"]
                label = _part_label(toks, quotes, lang)
                if annex:
                    # «в приложении N 1 к Указу "Республиканский бюджет …":» / «… деген N 1
                    # қосымшада:»: the annex by its number, its title only confirms it
                    scope = targets(annex, (), lang)[1][0]
                    labels, labels_of = [], scope
                elif start and start == labels_of and start[0][0] == "annex" and label:
                    # «в части "Доходы":», «"Кiрiстер" бөлiгiнде:», «в разделе I "…":»: a
                    # part of the annex's table named by its title; the rows under it are
                    # found by their text at application (docs/operations.md). A part of
                    # the same kind replaces the one before it and those inside it.
                    k = next((j for j, (kk, _l) in enumerate(labels) if kk == label[0]), None)
                    labels = [*labels[:k], label] if k is not None else [*labels, label]
                    scope = start
                else:
                    # a part named by its title outside an annex: not located
                    scope = (("?", "a part named by its title"),)
            elif any(t.kind == "ALL" for t in toks) and not units:
                scope = WHOLE
            elif units:
                try:
                    seq = [t for t in toks if t.kind in ("U", "AND", ",")]
                    _tg, paths, _s = targets(seq, start, lang)
                    # «10-баптың 4) тармақшасында және 11-баптың 1-тармағының 7)
                    # тармақшасында:» (24760): the instructions under it act on each unit
                    scope = scope_of(paths)
                    labels, labels_of = [], scope
                except NotRead as e:
                    scope = (("?", str(e)),)
            if level == 1 or (level == 0 and fresh1):
                # «7. В статье 9:» then «в пункте 1:» before its first numbered item
                # (4288 ru): the unnumbered header narrows the scope of the items under it
                base1 = scope
                fresh1 = True
            continue
        if "lang_only" in kinds:
            reading.kind = "lang_only"
            other = next(mt for mt in matches if mt.formula.yields["builder"] == "lang_only")
            # «үшінші бөлікте орыс тіліндегі мәтінге түзету енгізілді, …»: the unit named
            # — each unit of a list («в текст пунктов 1 и 1-2 статьи 30 на казахском языке»,
            # 78248 ru line 107), as the other language's operations name them one by one
            last = max((i for i, t in enumerate(toks) if t.kind == "U"), default=-1)
            units = [t for t in toks[: last + 1] if t.kind in ("U", "AND", ",")]
            try:
                wheres = targets(units, ctx, lang)[0] if units else _wheres(ctx)
            except NotRead:
                wheres = _wheres(ctx)
            if wheres == ["title"] and any(t.kind == "ALL" for t in toks):
                wheres = ["*"]  # «в заголовке и по всему тексту Закона на государственном языке»
            for where in wheres:
                am.not_for_this_language.append(
                    LangOnly(
                        act.title if act else "",
                        act.date if act else None,
                        where,
                        other.formula.yields["lang"],
                        b.text.strip(),
                        b.line,
                        item,
                    )
                )
            continue
        if ctx and ctx[0][0] == "?":
            reading.reason = f"inside a scope not read ({ctx[0][1]})"
        elif not act and not any(
            mt.formula.yields["builder"] in ("repeal_act", "suspend", "unsupported")
            for mt in matches
        ):
            reading.reason = "instruction before any cited act"
        if reading.reason:
            am.errors.append(InstructionError(b.line, reading.reason, b.text.strip()))
            continue
        tail = None
        if len(matches) > 1 and matches[-1].formula.yields["builder"] == "scope":
            # «7-тармағындағы "…" деген сөздер алып тасталсын;8-тармағында:» (9498 kk): an
            # instruction and the next scope header glued on one line
            tail = matches.pop()
        try:
            if tail is not None:
                units = [t for t in tail.tokens if t.kind == "U"]
                tail_scope = scope_of(targets(units, ctx, lang)[1]) if units else None
                if tail_scope is None:
                    raise NotRead("a scope header that names no unit")
            # under a header naming several units the instruction acts on each, in the
            # order written (DESIGN.md: one operation per unit); a wording quoted after
            # it is the same for each
            each = _scope_paths(st.ctx)
            i0, ends = i, set()
            for path in each:
                i = i0
                one = st
                if len(each) > 1:
                    one = replace(st, ctx=path, start_ctx=path, prev_paths=list(st.prev_paths))
                for mt in matches:
                    y = dict(mt.formula.yields)
                    builder = BUILDERS[y.pop("builder")]
                    ops += builder(mt, one, **y)
                if one.new is not None and not one.used_new:
                    raise NotRead("quoted new text that no action takes")
                ends.add(i)
            am.repairs += [(b.line, old, new) for old, new in dict.fromkeys(st.repairs)]
            if len(ends) > 1:
                raise NotRead(f"a wording that differs among the {len(each)} units in scope")
        except (NotRead, KeyError, ValueError, IndexError) as e:
            # a builder's own failure is reported like any instruction not read
            reading.reason = str(e) if isinstance(e, NotRead) else f"reader failure: {e!r}"
            if glued_why and isinstance(e, NotRead):
                reading.reason = glued_why
                while i < len(blocks) and blocks[i].line == b.line:
                    i += 1  # the rest of the line is that wording, not instructions
            am.errors.append(InstructionError(b.line, reading.reason, b.text.strip()))
            continue
        if tail is not None:
            scope = tail_scope
            if level == 1:
                base1 = scope
        elif level == 0 and len(glued := _glued_scopes(reading.clauses)) > 1:
            # «…;7-1-бапта:тақырыбындағы …;1-тармақта:бiрiншi абзацта:"…" деген сөз алып
            # тасталсын;» (12698 kk, instructions the text bank glued on one line): the
            # scope headers glued in stay in force for the lines after, as they would on
            # lines of their own
            try:
                for head in glued:
                    scope = scope_of(targets(head, scope, lang)[1])
            except NotRead as e:
                scope = (("?", str(e)),)
        for o in ops:
            if o.action in ("repeal_act", "suspend"):
                am.acts.append(st.act) if st.act and st.act not in am.acts else None
        reading.ops = len(ops)
        am.operations += ops
        if ops and i > i_read:
            took = (reading, len(ops))
        if (
            level == 0
            and ops
            and scope
            and scope[0][0] == "art"
            and st.ctx
            and st.ctx[0][0] == "art"
            and st.ctx[0] != scope[0]
            and any(t.kind == "U" and t.utype == "art" for t in toks)
        ):
            # «7-бап:» then «8-баптың 1-тармағының 2)-тармақшасы … толықтырылсын» and «5)-тармақша
            # … толықтырылсын» (104160 kk): an instruction that names another article ends the
            # header's scope; the lines after it go on in its units
            scope = st.ctx
        if level == 1 and ops and not scope:
            last = st.ctx
            item_unit = last[:-1] if last and last[-1][0] in ("al", "al_part") else ()
        if level == 2 and b.text.rstrip().endswith(";") and st.ctx:
            item_ctx = st.ctx
        if (
            level == 0
            and ops
            and scope
            and scope[-1][0] == "art"
            and len(st.ctx) > len(scope)
            and st.ctx[: len(scope)] == scope
            and st.ctx[len(scope)][0] == "para"
        ):
            point_ctx = st.ctx[: len(scope) + 1]
        if level == 0 or level == 2:
            scope = scope if level == 0 else scope
    for r in res.readings[tagged:]:
        r.item = r.item or cur_item
    am.entry_into_force = _entry_into_force(eif_blocks, lang)
    return res


LEFTOVER_WORDING = "a second quoted wording that no action takes"


def _unread_leftover(am: Amender, reading: Reading, n_ops: int) -> None:
    """Report the instruction of ``reading`` not read, its last ``n_ops`` operations taken
    back: a quoted wording follows the one it took and nothing takes it."""
    del am.operations[len(am.operations) - n_ops :]
    reading.ops = 0
    reading.reason = LEFTOVER_WORDING
    am.errors.append(InstructionError(reading.line, reading.reason, reading.sentence))


def read_instructions(blocks: list[Block], lang: str) -> Amender:
    """The catalogue's reading of an amending act as the corpus and ``zan`` use it.

    >>> a = read_instructions(blocks_from_text(open(
    ...     "../shared/sources/seeds/000_68549f57bdbdd563.txt").read()), "kk")
    >>> len(a.acts), len(a.operations), a.errors
    (2, 16, [])
    """
    return read_blocks(blocks, lang).amender


def read_text(text: str, lang: str) -> Result:
    """Read an amending act's text (raw official text or structured Markdown)."""
    return read_blocks(split(text), lang)
