"""Whether a sentence of an amending act looks like an instruction (issue 11).

An instruction zan cannot read is reported, never skipped (DESIGN.md, «Operations»). The
reader (the formula catalogue, ``generator/formulas/reader.py``) calls :func:`signs` on every
sentence that yielded no operation: a sentence that names a unit, quotes words, has an
instruction verb, or ends with a colon before quoted text is an unread instruction unless
:func:`amends_nothing` recognises it as a provision that changes no text (entry into
force, an order to the Government, a transitional provision). The words are data in
``grammar/shape.yml``. :func:`fold_lookalikes` repairs Latin look-alike letters in an
instruction's own words (never in the words it quotes) and says what it repaired, so that
the repair is reported.

>>> signs("8) 23-бап мынадай", "kk")
['names a unit']
>>> amends_nothing("Осы Заң ресми жарияланған күнінен бастап күнтізбелік он күн өткеннен "
...                "кейін қолданысқа енгізіледі.", "kk")
'entry into force'
>>> fold_lookalikes("2-5-тармақтармен тoлықтырылсын:")
('2-5-тармақтармен толықтырылсын:', [('тoлықтырылсын', 'толықтырылсын')])
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from .datafile import load_data
from .letters import lookalikes

SHAPE_FILE = Path(__file__).parent / "grammar" / "shape.yml"
PLACEHOLDER = r"⟦\d+⟧"  # a quoted string masked by amender_text.mask_quotes


@functools.cache
def _shape(lang: str) -> dict:
    data = load_data(SHAPE_FILE)[lang]
    return {
        "verbs": re.compile(data["verbs"], re.I),
        "negated": re.compile(data["negated"], re.I),
        "nothing": {k: re.compile(v, re.I) for k, v in data["amends_nothing"].items()},
    }


def signs(
    skeleton: str, lang: str, before_quoted: bool = False, names_unit: bool | None = None
) -> list[str]:
    """What makes a sentence (its quoted strings masked) look like an instruction.

    ``before_quoted``: the next block is quoted text; ``names_unit``: the caller's unit
    references (default: any unit word of the grammar with a number).

    >>> signs('3) 2-баптың 1-тармағы 6) тармақшадағы ⟦0⟧ деген сөздер', "kk")
    ['names a unit', 'quotes words']
    >>> signs("статью 23 изложить в следующей редакции:", "ru", before_quoted=True)
    ['names a unit', 'has an instruction verb', 'a colon before quoted text']
    >>> signs("Настоящий Закон вводится в действие с 1 января 2009 года.", "ru")
    []
    """
    out = []
    if names_unit is None:
        from .formulas.locate import unit_refs

        names_unit = bool(unit_refs(skeleton, lang))
    if names_unit:
        out.append("names a unit")
    if re.search(PLACEHOLDER, skeleton):
        out.append("quotes words")
    if _shape(lang)["verbs"].search(skeleton):
        out.append("has an instruction verb")
    if skeleton.rstrip().endswith(":") and before_quoted:
        out.append("a colon before quoted text")
    return out


def negated(skeleton: str, lang: str) -> str | None:
    """The negated instruction verb of a sentence («жазылмасын», «не дополнить»), if any:
    such a sentence orders nothing that zan could apply, and is reported.

    >>> negated("8) 23-бап мынадай редакцияда жазылмасын:", "kk")
    'жазылма'
    >>> negated("статью 23 не изложить в следующей редакции:", "ru")
    'не изложить'
    """
    m = _shape(lang)["negated"].search(skeleton)
    if not m:
        return None
    if lang == "ru":
        return skeleton[m.start() : re.search(r"\w+", skeleton[m.end() - 1 :]).end() + m.end() - 1]
    return m.group()


def amends_nothing(skeleton: str, lang: str) -> str | None:
    """The kind of provision a sentence is when it changes no text, else None.

    >>> amends_nothing("Правительству Республики Казахстан привести свои нормативные "
    ...                "правовые акты в соответствие с настоящим Законом.", "ru")
    'order'
    """
    text = re.sub(r"^\s*(?:\d+[.)]\s*)+", "", skeleton)
    for kind, rx in _shape(lang)["nothing"].items():
        if rx.search(text):
            return kind.replace("_", " ")
    return None


_CYR = "а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ"
_MIXED = re.compile(rf"[{_CYR}A-Za-zəƏ]*[{_CYR}][{_CYR}A-Za-zəƏ]*")


def fold_lookalikes(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Latin look-alike letters inside Cyrillic words → Cyrillic, with each word repaired
    (as written, as read). Only words that mix the two scripts are touched, and only by
    the look-alike table of ``data/latin_lookalikes.yml`` (the importer's table).

    >>> fold_lookalikes("изл0жить в cледующей редакции")
    ('изл0жить в следующей редакции', [('cледующей', 'следующей')])
    """
    table = lookalikes()
    fixes: list[tuple[str, str]] = []

    def fix(m: re.Match) -> str:
        word = m.group()
        if not re.search(r"[A-Za-zəƏ]", word):
            return word
        new = "".join(table.get(c, c) for c in word)
        if re.search(r"[A-Za-zəƏ]", new):
            return word  # a letter the table has no look-alike for: not a repair
        fixes.append((word, new))
        return new

    return _MIXED.sub(fix, text), fixes


def unread_reason(
    skeleton: str, lang: str, amending: bool, provision: bool, next_block: object = None
) -> str | None:
    """Why a sentence that a reader read as no instruction is an instruction not read, or
    None when it is none (a title, a signature, a provision that amends nothing). For a
    reader's «no instruction here» branch (the formula catalogue's, generator/formulas).

    ``amending``: an act is cited (the sentence stands among its instructions);
    ``provision``: it stands in an article of the amender that amends no act, where only an
    instruction verb counts; ``next_block``: the block after it (a quoted wording there
    that no instruction takes is reported at this sentence).

    >>> unread_reason("8) 23-бап мынадай", "kk", True, False)
    'looks like an instruction but was not read (names a unit)'
    >>> unread_reason("Қазақстан Республикасының Президенті", "kk", True, False) is None
    True
    """
    quoted_next = next_block is not None and (
        getattr(next_block, "quoted", False) or getattr(next_block, "text", "").strip()[:1] in '"«“'
    )
    if amends_nothing(skeleton, lang):
        return None
    why = signs(skeleton, lang, before_quoted=quoted_next)
    if provision and "has an instruction verb" not in why:
        return None
    if why:
        return "looks like an instruction but was not read (" + ", ".join(why) + ")"
    if amending and quoted_next and getattr(next_block, "quoted", False):
        return "quoted new wording that no instruction takes"
    return None
