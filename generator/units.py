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

UNITS_FILE = Path(__file__).with_name("grammar") / "units.yml"


@lru_cache(maxsize=1)
def data() -> dict:
    """The parsed units file.

    >>> sorted(data())[:3]
    ['aliases', 'block_marks', 'languages']
    """
    from .datafile import load_data

    return load_data(UNITS_FILE)


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


def letter_values(letter: str) -> dict[str, tuple[int, str]]:
    """The readings of a subpoint letter: alphabet («cyr», «lat») → (value, the letter in
    that alphabet); a look-alike (units.yml ``letter_lookalikes``) is read in both.

    >>> letter_values("б"), letter_values("a"), letter_values("с")
    ({'cyr': (2, 'б')}, {'cyr': (1, 'а'), 'lat': (1, 'a')}, {'cyr': (17, 'с'), 'lat': (3, 'c')})
    """
    nums = data()["numbers"]
    cyr, lat, look = nums["letters"], nums["latin_letters"], nums["letter_lookalikes"]
    back = {v: k for k, v in look.items()}
    out = {}
    as_cyr = letter if letter in cyr else look.get(letter)
    if as_cyr in cyr:
        out["cyr"] = (cyr.index(as_cyr) + 1, as_cyr)
    as_lat = letter if letter in lat else back.get(letter)
    if as_lat in lat:
        out["lat"] = (lat.index(as_lat) + 1, as_lat)
    return out


def number_range(text: str) -> tuple[str, str] | None:
    """The two ends (as eId numbers) of a range of subpoints at the start of ``text``:
    «3) - 5)», «а)-г)», «а) - г)» (units.yml ``range_dash``); a Latin look-alike letter
    is read as the Cyrillic one.

    >>> number_range("а)-г) тармақшалар"), number_range("а) - г)"), number_range("3) - 5) …")
    (('1', '4'), ('1', '4'), ('3', '5'))
    >>> number_range("а) б)") is None
    True
    """
    nums = data()["numbers"]
    letters = "".join(nums["letters"]) + "".join(nums["letter_lookalikes"])
    one = rf"(?:{nums['arabic']}|[{letters}])"
    m = re.match(rf"^({one})\)\s*{nums['range_dash']}\s*({one})\)", text)
    if not m:
        return None
    ends = []
    for part in (m[1], m[2]):
        if re.fullmatch(nums["arabic"], part):
            ends.append(part)
        else:
            ends.append(str(letter_values(part)["cyr"][0]))
    if ends[0].isdigit() != ends[1].isdigit():
        return None
    return ends[0], ends[1]


def ordinal_value(word: str) -> int | None:
    """The value of a number written as an ordinal word (units.yml ``numbers.ordinals``):
    «Раздел первый», «Бірінші бөлім».

    >>> ordinal_value("первый"), ordinal_value("Тоғызыншы"), ordinal_value("он бірінші")
    (1, 9, 11)
    >>> ordinal_value("первая") is None
    True
    """
    key = " ".join(word.lower().split())
    for value, forms in data()["numbers"]["ordinals"].items():
        if key in forms:
            return int(value)
    return None


def _ordinal_pattern() -> str:
    forms = sorted(
        {f for fs in data()["numbers"]["ordinals"].values() for f in fs}, key=len, reverse=True
    )
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"


def eid_number(num: str) -> str:
    """A number as written → the number an eId carries (Roman numerals, letters and ordinal
    words as their value).

    >>> eid_number("9-1"), eid_number("IY"), eid_number("II"), eid_number("г")
    ('9-1', '4', '2', '4')
    >>> eid_number("Екінші"), eid_number("девятый")
    ('2', '9')

    A compound Roman number, a unit inserted after another («Раздел VI-I», «VI-III Бөлім»:
    quyse/kz-laws 2020, sections added after section VI), carries each part's value:

    >>> eid_number("VI-I"), eid_number("VI-III")
    ('6-1', '6-3')
    """
    if re.fullmatch(notation("arabic"), num):
        return num
    r = roman_value(num)
    if r is not None:
        return str(r)
    if "-" in num and all(roman_value(p) is not None for p in num.split("-")):
        return "-".join(str(roman_value(p)) for p in num.split("-"))
    v = letter_value(num)
    if v is not None:
        return str(v)
    o = ordinal_value(num)
    if o is not None:
        return str(o)
    raise ValueError(f"not a unit number: {num!r}")


def label(typ: str, num: str | None, lang: str) -> str:
    """The label lawyers write for a unit («15-бап», «Статья 15», «подпункт 1)»).

    >>> label("subpara", "1", "ru"), label("preamble", None, "kk")
    ('подпункт 1)', 'кіріспе')
    """
    tmpl = data()["languages"][lang]["labels"].get(typ, typ + " {num}")
    return tmpl.format(num=num or "")


def block_number(typ: str, num: str) -> str | None:
    """How a numbered block of type ``typ`` writes its number at the start of its text
    (units.yml ``block_marks``): a point «1.», a subpoint «1)»; None for a type that has no
    mark (an абзац, an article).

    >>> block_number("para", "1"), block_number("subpara", "7-1"), block_number("al", "2")
    ('1.', '7-1)', None)
    """
    tmpl = data().get("block_marks", {}).get(typ)
    return tmpl.format(num=num) if tmpl else None


def block_mark_number(mark: str, typ: str) -> str | None:
    """The number a block's mark stands for, when ``mark`` is exactly the mark of ``typ``
    (the quoted numbers of «… обозначить соответственно пунктами "1.", "2.", "3." и "4."»,
    28794 ru); None otherwise.

    >>> block_mark_number("1.", "para"), block_mark_number("1.", "subpara")
    ('1', None)
    >>> block_mark_number(" 3) ", "subpara"), block_mark_number("1", "para")
    ('3', None)
    """
    tmpl = data().get("block_marks", {}).get(typ)
    if not tmpl:
        return None
    before, _, after = tmpl.partition("{num}")
    m = re.fullmatch(re.escape(before) + f"({notation('arabic')})" + re.escape(after), mark.strip())
    return m[1] if m else None


def plural_forms(lang: str) -> dict[str, tuple[str, ...]]:
    """A language's plural unit words of instructions (``plural_forms`` in units.yml):
    ``only`` and ``ambiguous`` as listed, ``chain`` as every instruction form of the listed
    types, longest first.

    >>> plural_forms("ru")["ambiguous"], "подпунктами" in plural_forms("ru")["chain"]
    (('статьи', 'главы', 'части'), True)
    """
    lg = data()["languages"][lang]
    pf = lg.get("plural_forms", {})
    forms = lg["instruction_forms"]
    chain = {w for typ in pf.get("chain", ()) for ws in forms[typ]["forms"].values() for w in ws}
    return {
        "only": tuple(pf.get("only", ())),
        "ambiguous": tuple(pf.get("ambiguous", ())),
        "chain": tuple(sorted(chain, key=lambda w: (-len(w), w))),
    }


def numbered_label_regex(typ: str, num: str, lang: str | None = None) -> str:
    """A regular-expression fragment for a unit's label with the number ``num`` (itself a
    fragment), from the label templates of one language or of both: «Статья 40», «40-бап».

    >>> bool(re.match(numbered_label_regex("art", r"\\d+"), "Статья 40. Права"))
    True
    >>> bool(re.match(numbered_label_regex("art", "40", "kk"), "40-бап."))
    True
    """
    langs = [lang] if lang else sorted(data()["languages"])
    alts = []
    for lg in langs:
        tmpl = data()["languages"][lg]["labels"].get(typ)
        if not tmpl or "{num}" not in tmpl:
            continue
        before, _, after = tmpl.partition("{num}")
        rx_before = r"\s+".join(re.escape(w) for w in before.split())
        rx_after = re.escape(after.strip())
        if before.endswith(" "):
            rx_before += r"\s+"
        # a label that ends in a word must end there («40-бап», not «40-баптың»)
        tail = r"\b" if after.strip()[-1:].isalpha() else ""
        alts.append(f"{rx_before}(?:{num}){rx_after}{tail}")
    return "(?:" + "|".join(alts) + ")"


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


def note_words(kind: str = "note_words") -> tuple[str, ...]:
    """The words of every language that open an editorial note (``note_words``) or a
    notice of the Institute of legislation (``notices``), as units.yml lists them.

    >>> note_words(), note_words("notices")[0]
    (('Ескерту', 'РҚАО-ның ескертуі', 'Сноска'), 'РҚАО-ның ескертпесі')
    """
    langs = data()["languages"]
    return tuple(w for lg in sorted(langs) for w in langs[lg].get(kind, ()))


@cache
def _legal_note_res(lang: str) -> tuple[re.Pattern, re.Pattern]:
    spec = data()["languages"][lang]
    head = re.compile(rf"^(?:{alternatives(tuple(spec['legal_note_words']))})\s*[.:]")
    return head, re.compile(spec.get("editorial_note", "(?!)"))


def legal_note(text: str, lang: str | None = None) -> bool:
    """Whether a block opens an article's legal note (a unit ``note``, docs/units.md): it
    starts with a word of ``legal_note_words`` and a dot or colon, and is not the text bank's
    editorial note (``editorial_note``: «… - ҚР … Заңымен.»).

    >>> legal_note("Ескерту. Терроризм актісін дайындауға қатысқан адам …", "kk")
    True
    >>> legal_note("Ескерту. 4-бап өзгерді - Қазақстан Республикасының 2000.05.05. N 47 заңымен .", "kk")
    False
    >>> legal_note("Примечания.", "ru"), legal_note("Примечание РЦПИ!", "ru")
    (True, False)
    """
    for lg in (lang,) if lang else tuple(sorted(data()["languages"])):
        head, editorial = _legal_note_res(lg)
        if head.match(text) and not editorial.search(text):
            return True
    return False


def unnumbered_labels(typ: str, lang: str | None = None) -> tuple[str, ...]:
    """The labels a unit of ``typ`` has when it has no number (alone on a line).

    >>> unnumbered_labels("annex", "ru")
    ('ПРИЛОЖЕНИЕ', 'Приложение')
    """
    langs = [lang] if lang else sorted(data()["languages"])
    return tuple(
        w for lg in langs for w in data()["languages"][lg].get("unnumbered_labels", {}).get(typ, ())
    )


def unnumbered_stamp(typ: str, where: str, lang: str | None = None) -> str:
    """The pattern (a regular-expression fragment) that an unnumbered unit's stamp line starts
    (``where="start"``) or ends (``"end"``) with, for one language or all; «(?!)» if none.

    >>> import re
    >>> bool(re.search(unnumbered_stamp("annex", "end") + "$", "Орман Кодексіне қосымша"))
    True
    >>> bool(re.match(unnumbered_stamp("annex", "start"), "Приложение к Лесному кодексу"))
    True
    """
    langs = [lang] if lang else sorted(data()["languages"])
    pats = [
        p
        for lg in langs
        if (p := data()["languages"][lg].get("unnumbered_stamp", {}).get(typ, {}).get(where))
    ]
    return "(?:" + "|".join(pats) + ")" if pats else "(?!)"


def alternatives(words: tuple[str, ...]) -> str:
    """One regular-expression alternation of literal words.

    >>> print(alternatives(("a.b", "c")))
    (?:a\\.b|c)
    """
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


def _fill(pattern: str) -> str:
    return (
        pattern.replace("{arabic}", notation("arabic"))
        .replace("{roman_compound}", notation("roman_compound"))
        .replace("{roman}", notation("roman"))
        .replace("{ordinal}", _ordinal_pattern())
    )


_NO_LOWER = r"(?!(?-i:[^\W\dA-ZА-ЯЁӘҒҚҢӨҰҮҺІ_]))"


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
                # Not followed by a digit (else «Статья 10Решение» would be «Статья 1»)
                # nor by a lower-case letter; a capital glued to the label starts the
                # heading's title («Статья 1Определения», «1-бапАйқындамалар», 336).
                rx = re.compile(rf"^(?P<label>{_fill(p)})(?!\d){_NO_LOWER}", re.IGNORECASE)
                out.append((typ, rx))
    return tuple(out)


@cache
def _any_heading(lang: str | None) -> re.Pattern:
    """One pattern that matches where any heading label does (a fast first test)."""
    alts = [
        rx.pattern[1:].replace("(?P<label>", "(?:").replace("(?P<num>", "(?:")
        for _, rx in heading_patterns(lang)
    ]
    return re.compile("^(?:" + "|".join(alts) + ")", re.IGNORECASE)


def match_heading(text: str, lang: str | None = None) -> tuple[str, str, str] | None:
    """(type, eId number, label as written) when ``text`` starts with a unit's heading label.

    >>> match_heading("15-бап. Жария талқылау", "kk")
    ('art', '15', '15-бап')
    >>> match_heading("II тарау. ЖАЛПЫ", "kk"), match_heading("1-баптың 2-тармағы", "kk")
    (('chp', '2', 'II тарау'), None)
    """
    if not _any_heading(lang).match(text):
        return None
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


def cross_reference_words(typ: str, lang: str) -> str:
    """The word forms of a unit type in a cross-reference to the same act, as one
    regular-expression alternation (units.yml ``cross_reference``).

    >>> cross_reference_words("art", "kk")
    '(?:бабы|бабының|бабына|бабында|бабымен)'
    """
    return "(?:" + "|".join(data()["languages"][lang]["cross_reference"][typ]) + ")"


@cache
def _glued_patterns(lang: str) -> tuple[re.Pattern, ...]:
    look = "".join(data()["numbers"].get("digit_lookalikes", {}))
    arabic = rf"[\d{look}]+(?:-\d+)*"
    out = []
    for pats in data()["languages"][lang]["headings"].values():
        for p in pats:
            if "{arabic}" in p:
                filled = (
                    p.replace("{arabic}", arabic).replace("|{roman}", "").replace("{roman}|", "")
                )
            elif "{roman}" in p and not p.endswith("{roman})"):  # «I - БапАнықтамалар» (850 kk)
                filled = p.replace("{roman}", notation("roman"))
            else:
                continue
            out.append(re.compile(rf"^(?P<label>{filled})(?=[^\W\d_])", re.IGNORECASE))
    return tuple(out)


@cache
def _glued_roman(lang: str) -> tuple[re.Pattern, ...]:
    out = []
    for pats in data()["languages"][lang]["headings"].values():
        for p in pats:
            if p.endswith("{roman})") and "{arabic}|{roman}" in p:
                filled = p.replace("{arabic}|", "").replace("{roman}", notation("roman"))
                out.append(re.compile(rf"^(?P<label>{filled})", re.IGNORECASE))
    return tuple(out)


def unglue_heading(text: str, lang: str) -> str | None:
    """A heading line whose Arabic-numbered label runs into its title: «Статья 1Определения»,
    «1-бапАйқындамалар», «Статья ЗПоощрение» (a digit look-alike, units.yml
    ``digit_lookalikes``) → the label, a space and the title; None otherwise.

    >>> unglue_heading("Статья 10Решение споров", "ru"), unglue_heading("1-бапАйқындамалар", "kk")
    ('Статья 10 Решение споров', '1-бап Айқындамалар')
    >>> unglue_heading("Статья ЗПоощрение", "ru"), unglue_heading("1-баптың", "kk")
    ('Статья 3 Поощрение', None)
    >>> unglue_heading("Статья VIСовет Министров", "ru"), unglue_heading("Статья IIIПринципы", "ru")
    ('Статья VI Совет Министров', 'Статья III Принципы')
    >>> unglue_heading("I - БапАнықтамалар", "kk")
    'I - Бап Анықтамалар'
    """
    look = data()["numbers"].get("digit_lookalikes", {})
    for rx in _glued_roman(lang):
        # «Статья VIСовет Министров» (quyse/kz-laws 850): the longest Roman number after
        # which a capitalised word starts (С, М, Х, І are Roman digits too).
        m = rx.match(text)
        if not m:
            continue
        num = m["num"]
        for cut in range(len(num), 0, -1):
            rest = text[m.start("num") + cut :]
            if rest[:1].isupper() and rest[1:2].islower() and roman_value(num[:cut]):
                return f"{text[: m.start('num') + cut]} {rest}"
    for rx in _glued_patterns(lang):
        m = rx.match(text)
        if not m or not text[m.end()].isupper():
            continue
        num = "".join(look.get(c, c) for c in m["num"])
        if not re.fullmatch(notation("arabic"), num) and roman_value(num) is None:
            continue
        label = text[: m.start("num")] + num + text[m.end("num") : m.end()]
        return f"{label} {text[m.end() :]}"
    return None


def toc_labels(lang: str | None = None) -> tuple[str, ...]:
    """The words that open a table of contents («Мазмұны», «Оглавление»).

    >>> toc_labels("ru")
    ('Оглавление',)
    """
    langs = [lang] if lang else sorted(data()["languages"])
    return tuple(w for lg in langs for w in data()["languages"][lg]["toc"])


@cache
def reference_patterns(types_: tuple[str, ...] = ("art", "para", "subpara", "chp")):
    """(type, pattern) naming a unit by number in running text (editorial notes):
    kk by label («15-бап», «10-тармақ», «3) тармақша»), ru by word form and number
    («статьи 15», «пункт 10»). Group 1 is the number.

    >>> [(t, m[1]) for t, rx in reference_patterns() for m in rx.finditer("1-тармақша 2-тармақ")]
    [('para', '2')]
    >>> [(t, m[1]) for t, rx in reference_patterns() for m in rx.finditer("подпункт 3 статьи 15")]
    [('art', '15'), ('subpara', '3')]
    """
    num = f"({notation('arabic')})"
    out = []
    kk_labels = data()["languages"]["kk"]["labels"]
    kk_words = {t: w for t, w in data()["languages"]["kk"]["words"].items()}
    for typ in types_:
        tmpl = kk_labels[typ]
        word = tmpl.replace("{num}", "").strip("-) ")
        longer = sorted(
            {v[len(word) :] for t, ws in kk_words.items() if t != typ for v in ws}
            & {v[len(word) :] for ws in kk_words.values() for v in ws if v.startswith(word)} - {""}
        )
        ahead = f"(?!{'|'.join(re.escape(x) for x in longer)})" if longer else ""
        pat = re.escape(tmpl).replace(re.escape("{num}"), num).replace(r"\ ", r"\s*")
        out.append((typ, re.compile(pat + ahead)))
    ru_words = data()["languages"]["ru"]["words"]
    for typ in types_:
        alt = "|".join(sorted(ru_words[typ], key=len, reverse=True))
        out.append((typ, re.compile(rf"(?<![^\W\d_])(?:{alt})\s+{num}", re.IGNORECASE)))
    return tuple(out)


def label_regex(typ: str, lang: str | None = None) -> str:
    """The heading labels of one type as one regular-expression fragment whose only group
    is the number (for labels inside a longer line: an annex's approval stamp).

    >>> re.search(label_regex("annex", "kk"), "№ 193 бұйрығына 1-қосымша")[1]
    '1'
    """
    langs = [lang] if lang else sorted(data()["languages"])
    pats = [
        _fill(p).replace("(?P<num>", "(")
        for lg in langs
        for p in data()["languages"][lg]["headings"].get(typ, ())
    ]
    if len(pats) == 1:
        return pats[0]
    # One number group in all: each alternative's group becomes non-capturing but the
    # first; callers that need the number use `annex_number`.
    return "|".join(f"(?:{p})" for p in pats)


def annex_number(text: str) -> str | None:
    """The number of an annex label at the end of a Kazakh stamp («… 1-қосымша») or at
    the start of a Russian one («Приложение № 2 …»).

    >>> annex_number("бұйрығына 1-қосымша"), annex_number("Приложение № 2 к приказу")
    ('1', '2')
    """
    m = re.search(rf"(?:{label_regex('annex', 'kk')})$", text) or re.match(
        label_regex("annex", "ru"), text
    )
    return m[1] if m else None
