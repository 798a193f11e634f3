"""Instructions of an amending act, read from its parsed tree (issue 12, item 4).

An amending act's items («1.», «1)», «2-бап.», «Статья 1.», and the unnumbered
instruction paragraphs of older acts, al_N) are units of its tree; the new wording an
item quotes is a ``qstr`` child of that item (generator/parse.py), never a unit of the
amending act however it is numbered. `instruction_blocks` gives the instruction reader
one block per item with its line and its quoted payloads, in document order.

>>> from generator.parse import parse_markdown
>>> md = ("# О внесении изменений\\n\\n### Статья 1. {#art_1}\\n\\n"
...       "Внести в Закон следующие изменения:\\n\\n"
...       "1) статью 4 дополнить подпунктом 8) следующего содержания:\\n\\n"
...       "```new-text\\n\\"8) поэтапная регистрация прав;\\".\\n```\\n")
>>> for b in instruction_blocks(parse_markdown(md, "ru")):
...     print(b.eid, b.line, b.text[:30], [p.text for p in b.payloads])
art_1 3 Статья 1. Внести в Закон следу []
art_1__subpara_1 7 1) статью 4 дополнить подпункт ['"8) поэтапная регистрация прав;".']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Act, Unit

HEADED = ("art", "chp", "part", "subchp", "annex")


@dataclass
class Payload:
    """New wording an instruction quotes (outer quote marks kept, as the act prints it).

    >>> Payload(12, '"8) текст;".').line
    12
    """

    line: int
    text: str
    eid: str = ""


@dataclass
class InstructionBlock:
    """One item of an amending act: its eId, line, text (with an article's label when the
    item is an article, «Статья 2. Признать утратившим силу …») and quoted payloads.

    >>> InstructionBlock("art_1__subpara_1", 7, "1) …").payloads
    []
    """

    eid: str
    line: int
    text: str
    payloads: list[Payload] = field(default_factory=list)
    type: str = ""


def _head_text(u: Unit) -> str:
    head = f"{u.label_text}." if u.label_text else ""
    if u.heading:
        head = f"{u.label_text}. {u.heading}" if u.label_text else u.heading
    return f"{head} {u.text}".strip() if u.text else head


def instruction_blocks(act: Act) -> list[InstructionBlock]:
    """The amending act's items in order, each with the new wording it quotes.

    Quoted blocks that stand where no item leads in to them (a quote right after the
    title) are payloads of the nearest item before them.
    """
    out: list[InstructionBlock] = []
    for u in act.walk():
        if u.type == "qstr":
            continue
        if u.quoted:  # a quotation with no item before it (kept as an al of the act)
            if out:
                out[-1].payloads.append(Payload(u.line, u.text, u.eid))
            continue
        text = _head_text(u) if u.type in HEADED else u.text
        if not text:
            continue
        block = InstructionBlock(u.eid, u.line, text, type=u.type)
        block.payloads = [Payload(c.line, c.text, c.eid) for c in u.children if c.type == "qstr"]
        out.append(block)
    return out


def as_reader_blocks(act: Act) -> list:
    """The items and payloads as the instruction reader's `amender_text.Block` list (each
    item, then its quoted payloads with ``quoted=True``), the same order
    `consolidate_corpus.blocks_of` gives, for a reader that takes them from the tree.

    >>> from generator.parse import parse_markdown
    >>> md = "# О внесении изменений\\n\\n1) пункт 2 изложить:\\n\\n```new-text\\n\\"2. Т.\\".\\n```\\n"
    >>> [(b.line, b.quoted) for b in as_reader_blocks(parse_markdown(md, "ru"))]
    [(3, False), (5, True)]
    """
    from .amender_text import Block

    out = []
    for item in instruction_blocks(act):
        out.append(Block(item.line, item.text))
        out.extend(Block(p.line, p.text, quoted=True) for p in item.payloads)
    return out
