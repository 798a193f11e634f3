"""The one authority for units: reads generator/grammar/units.yml.

Unit types, their Akoma Ntoso aliases, rank, nesting, number notations, and per language
the labels, heading patterns and word forms. Every stage (importer, parser, validation,
notes, citations, site labels) asks this module instead of keeping its own lists.

>>> label("art", "9-1", "kk"), label("art", "9-1", "ru")
('9-1-бап', 'Статья 9-1')
>>> canonical("article"), rank("chp") < rank("art")
('art', True)
>>> match_heading("Глава IY. ОБЩИЕ ПОЛОЖЕНИЯ", "ru")
('chp', '4', 'Глава IY')
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import yaml

UNITS_FILE = Path(__file__).with_name("grammar") / "units.yml"


@lru_cache(maxsize=1)
def data() -> dict:
    """The parsed units file.

    >>> sorted(data())[:3]
    ['aliases', 'languages', 'nesting']
    """
    return yaml.safe_load(UNITS_FILE.read_text(encoding="utf-8"))


def types() -> dict[str, dict]:
    """Unit type → its properties (akn, kind, rank, heading).

    >>> types()["art"]["akn"]
    'article'
    """
    return data()["types"]


def of_kind(kind: str) -> tuple[str, ...]:
    """The types of one kind, outermost first (``scope``, ``container``, ``block``).

    >>> of_kind("container")
    ('part', 'chp', 'subchp')
    """
    return tuple(t for t, p in types().items() if p["kind"] == kind)


def heading_types() -> tuple[str, ...]:
    """Structural levels that carry headings, from the outermost.

    >>> heading_types()
    ('annex', 'part', 'chp', 'subchp', 'art')
    """
    return tuple(t for t, p in types().items() if p.get("heading"))


def rank(typ: str) -> int:
    """Nesting rank of a structural level (smaller = outer).

    >>> rank("annex"), rank("art")
    (0, 4)
    """
    return types()[typ]["rank"]


def canonical(name: str) -> str:
    """The eId segment of a type name or alias («article» → «art»); KeyError if unknown.

    >>> canonical("attachment"), canonical("subpara")
    ('annex', 'subpara')
    """
    if name in types():
        return name
    return data()["aliases"][name]


def may_contain(outer: str, inner: str) -> bool:
    """Whether a unit of type ``inner`` may stand directly in ``outer`` («document» = the act).

    >>> may_contain("art", "para"), may_contain("para", "art")
    (True, False)
    """
    return inner in data()["nesting"].get(outer, ())


def notation(name: str) -> str:
    """A number notation as a regular-expression fragment (``arabic``, ``roman``).

    >>> re.fullmatch(notation("arabic"), "9-1") is not None
    True
    """
    return data()["numbers"][name]


def roman_value(text: str) -> int | None:
    """The value of a Roman numeral as the text bank writes it (Cyrillic look-alikes, «IY»).

    >>> roman_value("IY"), roman_value("ІІ"), roman_value("XIV"), roman_value("abc")
    (4, 2, 14, None)
    """
    table = data()["numbers"]["roman_letters"]
    s = "".join(table.get(ch, ch) for ch in text.upper())
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    if not s or any(ch not in vals for ch in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def letter_value(letter: str) -> int | None:
    """The position of a letter subpoint «в)» in the drafting rules' sequence.

    >>> letter_value("а"), letter_value("н"), letter_value("ё")
    (1, 13, None)
    """
    seq = data()["numbers"]["letters"]
    return seq.index(letter) + 1 if letter in seq else None


def eid_number(num: str) -> str:
    """A number as written → the number an eId carries (Roman and letters as their value).

    >>> eid_number("9-1"), eid_number("IY"), eid_number("II"), eid_number("г")
    ('9-1', '4', '2', '4')
    """
    if re.fullmatch(notation("arabic"), num):
        return num
    r = roman_value(num)
    if r is not None:
        return str(r)
    v = letter_value(num)
    if v is not None:
        return str(v)
    raise ValueError(f"not a unit number: {num!r}")


def label(typ: str, num: str | None, lang: str) -> str:
    """The label lawyers write for a unit («15-бап», «Статья 15», «подпункт 1)»).

    >>> label("subpara", "1", "ru"), label("preamble", None, "kk")
    ('подпункт 1)', 'кіріспе')
    """
    tmpl = data()["languages"][lang]["labels"].get(typ, typ + " {num}")
    return tmpl.format(num=num or "")


def labels(lang: str) -> dict[str, str]:
    """Type → label template for one language.

    >>> labels("kk")["art"]
    '{num}-бап'
    """
    return dict(data()["languages"][lang]["labels"])


def words(typ: str, lang: str) -> tuple[str, ...]:
    """The word forms in which texts of ``lang`` name a unit type.

    >>> "статьи" in words("art", "ru"), "бабы" in words("art", "kk")
    (True, True)
    """
    return tuple(data()["languages"][lang]["words"].get(typ, ()))


def _fill(pattern: str) -> str:
    return pattern.replace("{arabic}", notation("arabic")).replace("{roman}", notation("roman"))


@cache
def heading_patterns(lang: str | None = None) -> tuple[tuple[str, re.Pattern], ...]:
    """(type, compiled pattern) of every heading label, for one language or both.

    A pattern matches the label at the start of a block, case-insensitively, and not
    inside a longer word («1-баптың» is not a heading).

    >>> [t for t, rx in heading_patterns("ru") if rx.match("Статья 5. Цель")]
    ['art']
    """
    langs = [lang] if lang else sorted(data()["languages"])
    out = []
    for lg in langs:
        for typ, pats in data()["languages"][lg]["headings"].items():
            for p in pats:
                rx = re.compile(rf"^(?P<label>{_fill(p)})(?![^\W\d_])", re.IGNORECASE)
                out.append((typ, rx))
    return tuple(out)


def match_heading(text: str, lang: str | None = None) -> tuple[str, str, str] | None:
    """(type, eId number, label as written) when ``text`` starts with a unit's heading label.

    >>> match_heading("15-бап. Жария талқылау", "kk")
    ('art', '15', '15-бап')
    >>> match_heading("II тарау. ЖАЛПЫ", "kk"), match_heading("1-баптың 2-тармағы", "kk")
    (('chp', '2', 'II тарау'), None)
    """
    for typ, rx in heading_patterns(lang):
        m = rx.match(text)
        if m:
            num = m["num"]
            try:
                value = eid_number(num)
            except ValueError:
                continue
            return typ, value, m["label"]
    return None


def toc_labels(lang: str | None = None) -> tuple[str, ...]:
    """The words that open a table of contents («Мазмұны», «Оглавление»).

    >>> toc_labels("ru")
    ('Оглавление',)
    """
    langs = [lang] if lang else sorted(data()["languages"])
    return tuple(w for lg in langs for w in data()["languages"][lg]["toc"])
