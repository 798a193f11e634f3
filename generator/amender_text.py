"""An amending act's text as the instruction reader sees it: paragraphs and quotes.

Shared by every stage that reads instructions (the formula catalogue's reader
``generator.formulas.reader``, the unread-instruction report ``generator.outstanding``,
the amending act's tree ``generator.amender_tree``): a :class:`Block` is one paragraph
with its source line; quoted strings are masked (each becomes ``⟦n⟧``) so that nothing
inside a quote is read as a word of the instruction.

>>> [(b.line, b.text) for b in blocks_from_text("# Title\\n\\n1-бап . Text\\n\\n  **2)** x")]
[(3, '1-бап . Text'), (5, '2) x')]
>>> mask_quotes('слово «Астаны» заменить словом «Нур-Султана».')
('слово ⟦0⟧ заменить словом ⟦1⟧.', ['Астаны', 'Нур-Султана'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "PH",
    "PH_RE",
    "QUOTES",
    "Block",
    "blocks_from_text",
    "fold_dotless_i",
    "mask_quotes",
    "mask_quotes_checked",
    "unquote",
]

PH = "⟦{}⟧"  # placeholder of the n-th quoted string
PH_RE = r"⟦\d+⟧"
# Opening mark → closing mark, as both languages' official texts write them.
QUOTES: dict[str, str] = {'"': '"', "«": "»", "“": "”"}
_CLOSERS = set(QUOTES.values()) - set(QUOTES)


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


def blocks_from_text(text: str) -> list[Block]:
    """Split a plain or Markdown amending act into paragraphs (the title dropped).

    Paragraphs are separated by blank lines; leading ``#``, ``**`` and indentation are
    stripped; a fenced ```` ```new-text ```` block is kept whole as one quoted block.
    A first paragraph that is a level-1 Markdown heading is the act's title: dropped.

    >>> [(b.line, b.text, b.quoted) for b in blocks_from_text(
    ...     "1) пункт 2 изложить:\\n\\n```new-text\\n2. Текст.\\n```")]
    [(1, '1) пункт 2 изложить:', False), (4, '2. Текст.', True)]
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


def mask_quotes(text: str) -> tuple[str, list[str]]:
    """Replace each quoted string by a placeholder; drop stray closing marks.

    Quotes nest («О "X"»); a closing mark with no open quote is extraction noise (the
    official seed has «кіріспе»"жол бермеуге"») and is dropped.

    >>> mask_quotes('кіріспе»"жол бермеуге" деген сөздерден кейін')
    ('кіріспе⟦0⟧ деген сөздерден кейін', ['жол бермеуге'])
    """
    skel, quotes, _ = mask_quotes_checked(text)
    return skel, quotes


def _reopens(text: str, i: int) -> bool:
    """Whether a straight ``"`` at ``i`` opens a nested quote rather than closing one: it
    follows a space or an opening sign and precedes a letter («"О введении … Кодекса "О
    налогах …" (Налоговый кодекс)"»)."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "(«“—:") and nxt.isalnum()


def mask_quotes_checked(text: str) -> tuple[str, list[str], bool]:
    """:func:`mask_quotes` and whether the quotes were balanced (an unbalanced rest is
    kept as one quote).

    >>> mask_quotes_checked('слова "Закона" заменить словами "Закона "О войсках""')
    ('слова ⟦0⟧ заменить словами ⟦1⟧', ['Закона', 'Закона "О войсках"'], True)
    >>> mask_quotes_checked('слова "Закона заменить')
    ('слова ⟦0⟧', ['Закона заменить'], False)
    """
    out: list[str] = []
    quotes: list[str] = []
    stack: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if stack and ch == QUOTES[stack[-1]]:
            if ch == QUOTES.get(ch) and _reopens(text, i):
                stack.append(ch)
                continue
            stack.pop()
            if not stack:
                quotes.append(text[start:i])
                out.append(PH.format(len(quotes) - 1))
            continue
        if ch in QUOTES:
            if not stack:
                start = i + 1
            stack.append(ch)
            continue
        if ch in _CLOSERS and not stack:
            continue
        if not stack:
            out.append(ch)
    if stack:  # unbalanced: keep the rest as one quote
        quotes.append(text[start:])
        out.append(PH.format(len(quotes) - 1))
    return "".join(out), quotes, not stack


def unquote(text: str) -> str:
    """The text of a quoted new wording: outer quotes and trailing ``.``/``;`` removed,
    whitespace of each paragraph folded.

    >>> unquote('"2009 год - 843 100 000 тысяч тенге.";')
    '2009 год - 843 100 000 тысяч тенге.'
    >>> unquote('«в городе «Астана»;')  # the outer closing mark lost
    'в городе «Астана»'
    >>> unquote('"2. … мәжбүрлеп орындатылуға тиiс.')  # no closing mark at all
    '2. … мәжбүрлеп орындатылуға тиiс.'
    """
    t = text.strip()
    if t and t[0] in QUOTES:
        opening, close = t[0], QUOTES[t[0]]
        t = t[1:]
        bare = re.sub(r"\s*[.;,]?\s*$", "", t)
        # a wording that lost its closing mark keeps its last sentence's dot («… мәжбүрлеп
        # орындатылуға тиiс.», 924 kk): only a mark's «.»/«;» is the instruction's own
        t = bare if bare.endswith(close) or not t.rstrip().endswith(".") else t.rstrip()
        if t.endswith(close):
            inner = t[: -len(close)]
            # an official text that lost the outer closing mark («…«Астана»;»): the last
            # mark closes the inner quote and stays
            if opening == close or inner.count(close) >= inner.count(opening):
                t = inner
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", t)]
    return "\n\n".join(p for p in paras if p)


def fold_dotless_i(text: str) -> str:
    """Latin ``i`` inside Cyrillic words → Kazakh ``і`` (the text bank writes «қызметiнде»).

    >>> fold_dotless_i("қызметiнде")
    'қызметінде'
    """
    return re.sub(r"(?<=[а-яәғқңөұүһі])i|i(?=[а-яәғқңөұүһі])", "і", text, flags=re.I)
