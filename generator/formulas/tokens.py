"""One amending instruction → typed tokens, read once (issue 13, the formula catalogue).

Quoted strings are masked first (``⟦n⟧``, :func:`generator.amender_text.mask_quotes`), so
nothing inside a quote is read as a word of the instruction. The skeleton is then cut
into tokens, longest phrase first:

=========  ==========================================================================
code       what
=========  ==========================================================================
ROW        a table row («по строке», «строку 74», «74-жолы», «жолмен»)
U:<type>   a unit reference with its numbers («подпункты 1), 2) и 6)», «3-1-тармақтағы»,
           «абзац седьмой», «екiншi абзацы»); ``UI:<type>`` when instrumental (the NEW
           units of an insert: «дополнить подпунктом 6-1)», «… тармақшамен»)
Q          one quoted string
N / NI     the noun naming quoted words («слова», «деген сөздер»); NI instrumental
           («словами», «деген сөздермен»: the new words)
AFTER      «после», «кейін», «соң»; BEFORE «перед», «алдынан»
V:<kind>   a verb formula (replace, insert, subst, delete, repeal, renumber, upper,
           lower, suspend); ``cont`` marks the Kazakh converb («ауыстырылып,»)
CONTENT    «следующего содержания», «мынадай мазмұндағы»
RESP       «соответственно», «тиісінше»
ALL        the whole text («по всему тексту», «в тексте Закона», «бүкіл мәтіні бойынша»)
UNK        a unit word zan has no eId for yet («Примечания», «ескертпе»)
K:<name>   a marker phrase of the lexicon (one language only, entry into force, …)
AND , : ;  conjunctions and punctuation; W any other word
=========  ==========================================================================

Unit words and their case forms come from the units authority ``generator/grammar/units.yml``
(``languages.<lang>.instruction_forms``, read through :mod:`generator.units`: issue 12's one
units file); the other words from the ``lexicon`` of ``generator/grammar/formulas/{kk,ru}.yml``.

>>> [t.code for t in tokenize('подпункты 3) - 5) статьи 2 изложить в следующей редакции:', "ru")]
['U:subpara', 'U:art', 'V:replace', ':']
>>> tokenize('подпункты 3) - 5) статьи 2 исключить', "ru")[0].nums
['3..5']
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator import units as _units
from generator.amender_text import PH_RE
from generator.amender_text import fold_dotless_i as _norm
from generator.amender_text import mask_quotes_checked as _mask
from generator.datafile import load_data

DATA_DIR = Path(__file__).parent.parent / "grammar" / "formulas"


@dataclass
class Token:
    """One token of an instruction.

    >>> Token("Q", "⟦0⟧", 0, 3, quote=0).code
    'Q'
    """

    kind: str
    text: str
    start: int
    end: int
    sub: str = ""
    utype: str = ""
    nums: list[str | None] = field(default_factory=list)
    range: bool = False
    case: str = ""
    quote: int = -1
    cont: bool = False
    cases: tuple[str, ...] = ()  # every case the word form can be
    prep: bool = False  # Russian: right after «в»/«во» (a locative phrase «в части первой»)
    depth: int = 0  # inside parentheses («(Ведомости …, 1999 г., N 23; 2003 г., …)»)

    @property
    def code(self) -> str:
        """The token's code in a pattern (``U:art``, ``Q``, ``V:replace``)."""
        return f"{self.kind}:{self.sub}" if self.sub else self.kind


def _letters_to_eid(num: str | None) -> str | None:
    """A subpoint number with its letters as their eId value (``units.eid_number``).

    >>> _letters_to_eid("в"), _letters_to_eid("а..г"), _letters_to_eid("12"), _letters_to_eid("ч-2")
    ('3', '1..4', '12', '23-2')
    """
    if not num:
        return num
    return "..".join(
        re.sub(r"^[а-яё](?=-\d|$)", lambda m: _units.eid_number(m.group()), p)
        for p in num.split("..")
    )


# A unit word in the plural: Kazakh «тармақтар», «баптарда», «бөліктерінде»; Russian only
# the forms no singular shares («статьями», «пунктах», «статей»; not «статьи»).
PLURAL = {
    "kk": re.compile(
        r"(?:тар|тер|дар|дер|лар|лер)(?:ы|і)?(?:н|на|не|нда|нде|ндағы|ндегі|ның|нің|мен|ға|ге|"
        r"да|де|дағы|дегі|ды|ді)?$"
    ),
    "ru": re.compile(
        rf"(?:ями|ами|ях|ах|ов)$|^{_units.alternatives(_units.plural_forms('ru')['only'])}$"
    ),
}
# Russian forms that are the genitive singular or the plural (units.yml plural_forms)
AMBIGUOUS_PLURAL = {
    "ru": re.compile(rf"^{_units.alternatives(_units.plural_forms('ru')['ambiguous'])}$")
}
CHAIN_BEFORE = re.compile(
    rf"{_units.alternatives(_units.plural_forms('ru')['chain'])}\s+\S+\s*$", re.I
)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def lexicon(lang: str) -> dict:
    """The lexicon of a language (``lexicon`` of ``formulas/<lang>.yml``) with its units.

    >>> sorted(lexicon("ru")["units"])[:3]
    ['al', 'al_part', 'annex']
    """
    # libyaml's loader (same data, about 7× faster: read in every worker process)
    data = load_data(DATA_DIR / f"{lang}.yml")
    units = _units.data()["languages"][lang]["instruction_forms"]  # generator/grammar/units.yml
    lex = dict(data["lexicon"])
    lex["units"] = units
    return lex


def one_letter_more(long: str, short: str) -> bool:
    """Whether ``long`` is ``short`` with one letter put in (a misprint's one-letter
    distance: «тармақшада» / «тармашада», «реадакцияда» / «редакцияда»).

    >>> one_letter_more("тармақшада", "тармашада"), one_letter_more("редакцияда", "реадакцияда")
    (True, False)
    """
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


# a sub-item's number between bracketed ones, its own bracket lost («20-14), 20-15, 20-16)»)
_LOST_BRACKET = re.compile(r"(?<=\d\),\s)(\d+(?:-\d+)*)(?=,\s*\d+(?:-\d+)*\))")


class Tokenizer:
    """The compiled tokenizer of one language."""

    def __init__(self, lang: str):
        self.lang = lang
        lex = lexicon(lang)
        self.lex = lex
        self.form: dict[str, tuple[str, str]] = {}
        self.cases: dict[str, set[str]] = {}
        by_notation: dict[str, list[str]] = {}
        for utype, spec in lex["units"].items():
            for case, forms in spec["forms"].items():
                if "ordinal" in spec["number"] and {"number", "hyphen"} & set(spec["number"]):
                    by_notation.setdefault("mixed", []).extend(forms)
                for f in forms:
                    if f not in self.form or case == "ins":
                        self.form[f.lower()] = (utype, case)
                    self.cases.setdefault(f.lower(), set()).add(case)
                    for n in spec["number"]:
                        by_notation.setdefault(n, []).append(f)
                    if utype == "para" and "paren" not in spec["number"]:
                        # «пунктом д)», «6-2) тармақпен»: a point numbered with a bracket is
                        # a subpoint by its number's form, as the parser numbers the tree
                        by_notation.setdefault("paren", []).append(f)
        self.ordinals: list[tuple[str, int]] = sorted(
            ((w, int(n)) for n, ws in lex["ordinals"].items() for w in ws),
            key=lambda x: -len(x[0]),
        )
        self.tens = {w: int(n) for n, ws in lex["ordinal_tens"].items() for w in ws}
        # «екі жүз отыз тоғызыншы», «двести тридцать девятым» (46632): hundreds before
        self.hundreds = {w: int(n) for n, ws in lex.get("ordinal_hundreds", {}).items() for w in ws}
        ords = _alt(w for w, _ in self.ordinals)
        hund = rf"(?:(?:{_alt(self.hundreds)})\s+)?" if self.hundreds else ""
        ord_one = rf"{hund}(?:(?:{_alt(self.tens)})\s+)?(?:{ords})" + (
            r"\w*" if lang == "ru" else ""
        )
        if lang == "kk":
            ord_one = rf"(?:{ord_one}(?!\w)|{lex['last']})"
        conj = _alt(lex["and"])
        sep = rf"(?:\s*,\s*|\s+(?:{conj})\s+|\s*[-–—]\s*)"
        # Roman, also typed with Cyrillic or Latin look-alikes (І, Х; «IY», «Y» for IV, V)
        # «IV-тарау» (15326 kk): a hyphen after a Roman number joins its unit word, not a part;
        # «VI-I, VI-II и VI-III» (2020): compound Roman numbers, sections inserted after VI
        num = (
            r"(?:\d+(?:-\d+)*|[IVXLІХ][IVXLІХY]*(?:-[IVXLІХ][IVXLІХY]*(?!\w))*(?!\w)"
            r"(?!-[\dIVXLІХY])|Y(?![\w-]))"
        )
        # «17-)» (930 kk: a hyphen typed before the bracket) is the subpoint 17)
        pnum = r"(?:\d+(?:-\d+)*-?|[а-яё](?:-\d+)*)\)"
        nums = rf"{num}(?:{sep}{num})*"
        pnums = rf"{pnum}(?:{sep}{pnum})*"
        ordl = rf"{ord_one}(?:{sep}{ord_one})*"
        w = {k: _alt(v) for k, v in by_notation.items()}
        # figures, then ordinals, in one list: «дополнить частями 1-1 и пятой» (143778 ru:819),
        # «1-1 және бесінші бөліктермен» (kk:819): a new part numbered by its figure beside
        # an existing one by its ordinal (notation ``mixed``)
        mixed = rf"{nums}(?:{sep}{ord_one})+"
        alts: list[str] = []
        if lang == "kk":
            alts += [
                rf"(?P<mixed>(?<![\w-]){mixed})\s+(?P<wmixed>{w['mixed']})(?!\w)",
                rf"(?P<hyphen>(?<![\w-]){nums})(?:\s*-\s*|\s+)(?P<whyphen>{w['hyphen']})(?!\w)",
                # «6) тармақша», also «42)-тармақшамен» (a hyphen after the bracket)
                rf"(?P<paren>(?<![\w-]){pnums})\s*-?\s*(?P<wparen>{w['paren']})(?!\w)",
                rf"(?P<ordinal>(?<!\w){ordl})\s*(?P<wordinal>{w['ordinal']})(?!\w)",
            ]
        else:
            alts += [
                rf"(?<!\w)(?P<wmixed>{w['mixed']})\s+(?P<mixed>{mixed})(?!\w)",
                rf"(?<!\w)(?P<wparen>{w['paren']})\s+(?P<paren>{pnums})",
                # «приложении N 1»: the old «N» / «№» before the number
                rf"(?<!\w)(?P<wnumber>{w['number']})\s+(?:[NН№]\s*)?(?P<number>{nums})(?![\w)])",
                rf"(?<!\w)(?P<wordinal>{w['ordinal']})\s+(?P<ordinal>{ordl})",
                rf"(?<!\w)(?P<ordinal2>{ordl})\s+(?P<wordinal2>{w['ordinal']})(?!\w)",
            ]
        alts.append(rf"(?<!\w)(?P<wnone>{w['none']})(?!\w)")
        self.unit_re = re.compile("|".join(alts), re.I)
        self.sep_re = re.compile(sep)
        phrases: list[tuple[str, str, str]] = []  # (regex, kind, sub)
        for kind, spec in lex["phrases"].items():
            for sub, pats in spec.items():
                for p in pats if isinstance(pats, list) else [pats]:
                    phrases.append((p, kind, "" if sub == "_" else sub))
        self.phrase_re = re.compile(
            "|".join(f"(?P<p{i}>{p})" for i, (p, _k, _s) in enumerate(phrases)), re.I
        )
        self.phrases = phrases
        # Unit words zan has no eId for yet («в пункте 2 Примечания статьи 307»): a token
        # of their own, so that no formula reads past them as if they were not there
        self.unknown_units = re.compile(lex.get("unknown_units", "(?!)"), re.I)
        self.nouns = re.compile(lex["nouns"]["any"], re.I)
        self.nouns_ins = re.compile(lex["nouns"]["ins"], re.I)
        self.nouns_sent = re.compile(lex["nouns"].get("sentence", "(?!)"), re.I)
        self.nouns_in = re.compile(lex["nouns"].get("inside", "(?!)"), re.I)
        self.converb = re.compile(lex["converb"], re.I)
        self.glue = [re.compile(g, re.I) for g in lex.get("glue", [])]
        annex = lex.get("one_annex", {"find": "(?!)", "put": ""})
        self._one_annex = (re.compile(annex["find"]), annex["put"])

    def ordinal(self, word: str) -> int | None:
        """The number an ordinal word stands for («төртінші» → 4, «двадцать восьмой» → 28)."""
        word = " ".join(word.lower().split())
        if self.lang == "kk" and re.fullmatch(self.lex["last"], word):
            return -1
        for h, n in sorted(self.hundreds.items(), key=lambda x: -len(x[0])):
            if word.startswith(h + " "):
                unit = self.ordinal(word[len(h) + 1 :])
                return n + unit if unit is not None and 0 < unit < 100 else None
        head, _, rest = word.partition(" ")
        if rest and head in self.tens:
            unit = self.ordinal(rest)
            return self.tens[head] + unit if unit is not None and 0 < unit < 10 else None
        for stem, n in self.ordinals:
            if word == stem or (self.lang == "ru" and word.startswith(stem)):
                return n
        return None

    def _nums(self, text: str, notation: str) -> tuple[list[str | None], bool] | None:
        """Numbers of a list or range («1), 2) и 6)», «3) - 5)», «76-78», «бірінші және екінші»).

        A range is one item ``a..b`` (DESIGN.md: kept whole, expanded against the amended
        act). ``-`` also joins a compound number («9-1», «2-3»): an unspaced pair is a range
        only inside a list, when its second number is bigger by two or more and no other
        number of the list shares its first part («6, 34, 76-78, 80»; not «2-2, 2-3, 2-4 және
        2-5», nor «7-9)», a subpoint's compound number, alone or in a list).

        >>> tokenizer("kk")._nums("5) - 8) және 12)", "num")
        (['5..8', '12'], True)
        >>> tokenizer("ru")._nums("1-1 и пятой", "mixed")
        (['1-1', '5'], False)
        """
        if notation == "ordinal":
            pieces = re.split(rf"(\s*,\s*|\s+(?:{_alt(self.lex['and'])})\s+|\s*[-–—]\s*)", text)
        else:
            pieces = re.split(
                r"(\s*,\s*|\s+\S+\s+|\s+[-–—]\s*|\s*[-–—]\s+|(?<=\))\s*[-–—]\s*)", text
            )
        vals = [v.strip().rstrip(")").strip().rstrip("-") for v in pieces[0::2]]
        # «1-5), 12-2) и 12-3)» (151240): a number closed by its own bracket is one subpoint's
        # compound number; a range of subpoints brackets both ends («3) - 5)», «а)-г)»)
        closed = [v.strip().endswith(")") for v in pieces[0::2]]
        # Roman numbers typed with the Cyrillic І («ІV тарау») are Latin in eIds
        vals = [
            v.replace("І", "I").replace("Х", "X").replace("Y", "V")
            if re.fullmatch(r"[IVXLІХY]+(?:-[IVXLІХY]+)*", v)
            else v
            for v in vals
        ]
        seps = [x.strip() for x in pieces[1::2]]
        if any(not v for v in vals):
            return None
        for v in vals:
            # «VI-I, VI-II и VI-III» (2020): a section inserted after section VI numbers its
            # later part below its first; «I-V» may be the range I to V: never read as either
            parts = v.split("-") if re.fullmatch(r"[IVXL]+(?:-[IVXL]+)+", v) else []
            if parts and any(
                _units.roman_value(x) >= _units.roman_value(parts[0]) for x in parts[1:]
            ):
                return None
        if notation in ("ordinal", "mixed"):
            got = [
                v if notation == "mixed" and re.fullmatch(r"\d+(?:-\d+)*", v) else self.ordinal(v)
                for v in vals
            ]
            if None in got:
                return None
            vals = [str(n) for n in got]
        out: list[str | None] = []
        i = 0
        while i < len(vals):
            v = vals[i]
            if i < len(seps) and seps[i] in ("-", "–", "—"):
                out.append(f"{v}..{vals[i + 1]}")
                i += 2
                continue
            m = (
                re.fullmatch(r"(\d+)-(\d+)", v)
                if notation == "num" and len(vals) > 1 and not closed[i]
                else None
            )
            if (
                m
                and int(m[2]) >= int(m[1]) + 2
                and not any(w != v and w.startswith(m[1] + "-") for w in vals)
            ):
                out.append(f"{m[1]}..{m[2]}")
            else:
                out.append(v)
            i += 1
        return out, any(".." in (n or "") for n in out)

    def misprints(self, skel: str) -> tuple[str, list[tuple[str, str]]]:
        """A skeleton with each word that lost one letter of a formula word repaired, and
        each repair as ``(as written, as read)`` to be reported: a unit word after a unit's
        number («3) тармашада», 2490 kk), a noun after «деген» («деген сөдермен», 2490 kk),
        the word of the wording after «мынадай» — that one also with a letter too many
        («мынадай реадакцияда», 109670 kk). Only a word that is no known form and becomes
        exactly one known form by one letter put back (or taken out) is repaired; any
        other stays as written (and unread).

        >>> tokenizer("kk").misprints("3) тармашада ⟦0⟧ деген сөдермен толықтырылсын;")[1]
        [('тармашада', 'тармақшада'), ('сөдермен', 'сөздермен')]
        """
        after = self.lex.get("misprint_after", {})
        if not after:
            return skel, []
        if not hasattr(self, "_known"):
            nouns = {w for w in self.lex["nouns"]["any"].split("|") if w.isalpha()}
            wording = set(after.get("wording_words", []))
            self._known = {"unit": set(self.form), "noun": nouns, "wording": wording}
        fixes: list[tuple[str, str]] = []

        def fix(m: re.Match) -> str:
            w = m.group("w")
            kind = next((k for k in ("noun", "wording") if m.group(k)), "unit")
            known = self._known[kind]
            if w.lower() in known:
                return m.group()
            cands = {
                k
                for k in known
                if one_letter_more(k, w.lower())
                or (kind == "wording" and one_letter_more(w.lower(), k))
            }
            if len(cands) != 1:
                return m.group()
            new = cands.pop()
            fixes.append((w, new))
            return m.group()[: m.start("w") - m.start()] + new

        wording = after.get("wording", "(?!)")
        rx = (
            rf"(?:(?P<noun>{after['noun']})|(?P<wording>{wording})|{after['unit']})"
            r"\s+(?P<w>[^\W\d_]+)"
        )
        return re.sub(rx, fix, skel, flags=re.I), fixes

    def stray_commas(self, skel: str) -> tuple[str, list[tuple[str, str]]]:
        """A skeleton with a comma between a unit word and the ordinal that numbers it dropped
        («часть, первую считать частью второй;», 104210 ru:99), and each drop as ``(as
        written, as read)`` to be reported.

        >>> tokenizer("ru").stray_commas("часть, первую считать частью второй;")
        ('часть первую считать частью второй;', [('часть, первую', 'часть первую')])
        """
        if not self.lex.get("stray_comma"):
            return skel, []  # Kazakh: the ordinal comes first, «бірінші бөліктегі, үшінші …» lists
        if not hasattr(self, "_stray_comma"):
            words = sorted(self.form, key=len, reverse=True)
            ords = "|".join(re.escape(w) for w, _n in self.ordinals)
            self._stray_comma = re.compile(
                rf"(?<![\w-])(?P<w>{_alt(words)})\s*,\s+(?P<o>(?:{ords})\w*)(?!\w)", re.I
            )
        fixes: list[tuple[str, str]] = []

        def drop(m: re.Match) -> str:
            fixes.append((m.group(), f"{m['w']} {m['o']}"))
            return f"{m['w']} {m['o']}"

        return self._stray_comma.sub(drop, skel), fixes

    def lost_brackets(self, skel: str) -> tuple[str, list[tuple[str, str]]]:
        """A skeleton with a sub-item's number that lost its bracket inside a list of
        bracketed ones given it back («20-14), 20-15, 20-16)», 155528 ru:237), and each repair
        as ``(as written, as read)`` to be reported.

        >>> tokenizer("ru").lost_brackets("подпунктами 20-14), 20-15, 20-16) и 20-17)")
        ('подпунктами 20-14), 20-15), 20-16) и 20-17)', [('20-15', '20-15)')])
        >>> tokenizer("ru").lost_brackets("статьи 15, 16 и 17")[1]
        []
        """
        fixes = [(m[1], m[1] + ")") for m in _LOST_BRACKET.finditer(skel)]
        return _LOST_BRACKET.sub(lambda m: m[1] + ")", skel), fixes

    def one_annex(self, skel: str) -> str:
        """A skeleton with the act's one annex, named without a number, numbered 1 (the
        lexicon's ``one_annex``; docs/units.md: an unnumbered annex is ``annex_1``).

        >>> tokenizer("ru").one_annex("пункт 27 приложения к указанному Закону изложить")
        'пункт 27 приложения 1 к указанному Закону изложить'
        >>> tokenizer("kk").one_annex("аталған Заңға қосымшаның 27-тармағы")
        'аталған Заңға 1-қосымшаның 27-тармағы'
        >>> tokenizer("ru").one_annex("согласно приложению к настоящему Закону")
        'согласно приложению к настоящему Закону'
        """
        return self._one_annex[0].sub(self._one_annex[1], skel)

    def unglue(self, skel: str) -> tuple[str, list[tuple[str, str]]]:
        """A skeleton with the formula words the text bank glued together split (the
        lexicon's ``glue`` list), and each split as ``(glued, split)`` to be reported.

        >>> tokenizer("kk").unglue("⟦0⟧ деген сөздерментолықтырылсын.")
        ('⟦0⟧ деген сөздермен толықтырылсын.', [('сөздерментолықтырылсын', 'сөздермен толықтырылсын')])
        """
        fixes: list[tuple[str, str]] = []
        for g in self.glue:
            for m in g.finditer(skel):
                left = re.search(r"[\w)]*$", skel[: m.start()]).group()
                right = re.match(r"\w*", skel[m.start() :]).group()
                if left and right:  # a word on each side: glued
                    fixes.append((left + right, f"{left} {right}"))
            skel = g.sub(" ", skel)
        return skel, fixes

    def tokenize(self, skel: str) -> list[Token]:
        """Tokens of a masked sentence skeleton."""
        for g in self.glue:
            skel = g.sub(" ", skel)
        toks: list[Token] = []
        spans: list[tuple[int, int]] = []
        for m in self.phrase_re.finditer(skel):
            i = int(m.lastgroup[1:])
            _p, kind, sub = self.phrases[i]
            tok = Token(kind, m.group(), m.start(), m.end(), sub=sub)
            if kind == "V" and self.converb.search(m.group()):
                tok.cont = True
            toks.append(tok)
            spans.append((m.start(), m.end()))

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e in spans)

        for m in self.unit_re.finditer(skel):
            if not free(m.start(), m.end()):
                continue
            gd = {k: v for k, v in m.groupdict().items() if v is not None}
            word = next(v for k, v in gd.items() if k.startswith("w"))
            notation = next((k for k in gd if not k.startswith("w")), "none").rstrip("2")
            utype, case = self.form.get(word.lower(), ("", ""))
            if not utype:
                continue
            spec = self.lex["units"][utype]["number"]
            if utype == "para" and notation == "paren":
                utype, spec = "subpara", self.lex["units"]["subpara"]["number"]
            if notation not in ("none", "mixed") and notation not in spec:
                continue
            if notation == "none":
                nums, rng = [None], False
                if "none" not in spec:
                    continue
            else:
                raw = gd.get(notation) or gd.get(notation + "2")
                got = self._nums(raw, notation if notation in ("ordinal", "mixed") else "num")
                if got is None:
                    continue
                nums, rng = got
                if utype == "subpara":
                    # «подпункт в)», «б) және в) тармақшалары», «а)-г)»: a letter subpoint's
                    # eId number is its position in the letters of generator/grammar/units.yml
                    nums = [_letters_to_eid(n) for n in nums]
                if (
                    notation in ("hyphen", "number")
                    and not rng
                    and len(nums) == 1
                    and (pair := re.fullmatch(r"(\d+)-(\d+)", nums[0] or ""))
                    and int(pair[2]) > int(pair[1])
                    and (
                        PLURAL[self.lang].search(word.lower())
                        or (
                            # «статьи 138-140 изложить» (14086 ru), «статьи 348-352
                            # исключить» (924 ru): no compound number runs 138-140; «пункт 2
                            # статьи 1-3» (a genitive in a chain) stays the compound
                            self.lang in AMBIGUOUS_PLURAL
                            and AMBIGUOUS_PLURAL[self.lang].search(word.lower())
                            and int(pair[2]) >= int(pair[1]) + 2
                            and not CHAIN_BEFORE.search(skel[max(0, m.start() - 40) : m.start()])
                        )
                    )
                ):
                    # «4-5-тармақтар мынадай редакцияда жазылсын» (104470 kk), «54-79-баптар
                    # тиiсiнше 37-62-баптар болып есептелсiн» (530 kk), «статьями 37-62»: a
                    # plural unit word names two units or a range, not the compound «4-5»
                    if int(pair[2]) == int(pair[1]) + 1:
                        nums = [pair[1], pair[2]]
                    else:
                        nums, rng = [f"{pair[1]}..{pair[2]}"], True
            kind = "UI" if case == "ins" else "U"
            if utype == "row":
                kind = "ROW"  # a table row: never a unit of the path («строку 74», «74-жолы»)
            prep = bool(re.search(r"(?<!\w)во?\s+$", skel[max(0, m.start() - 4) : m.start()]))
            toks.append(
                Token(
                    kind,
                    m.group(),
                    m.start(),
                    m.end(),
                    sub=utype,
                    utype=utype,
                    nums=nums,
                    range=rng,
                    case=case,
                    cases=tuple(sorted(self.cases[word.lower()])),
                    prep=prep,
                )
            )
            spans.append((m.start(), m.end()))
        spans.sort()
        gaps, pos = [], 0
        for a, b in spans:
            if a > pos:
                gaps.append((pos, a))
            pos = max(pos, b)
        gaps.append((pos, len(skel)))
        words = [
            m for a, b in gaps for m in re.compile(rf"{PH_RE}|\w+|[,:;.]").finditer(skel, a, b)
        ]
        for m in words:
            t = m.group()
            if t.startswith("⟦"):
                toks.append(Token("Q", t, m.start(), m.end(), quote=int(t[1:-1])))
            elif t in ",:;.":
                toks.append(Token(t, t, m.start(), m.end()))
            elif t.lower() in self.lex["and"]:
                toks.append(Token("AND", t, m.start(), m.end()))
            elif self.unknown_units.fullmatch(t):
                toks.append(Token("UNK", t, m.start(), m.end()))
            else:
                toks.append(Token("W", t, m.start(), m.end()))
        toks.sort(key=lambda t: t.start)
        for t in toks:  # only clause punctuation asks whether it stands in parentheses
            if t.kind in (";", ","):
                t.depth = max(skel.count("(", 0, t.start) - skel.count(")", 0, t.start), 0)
        return self._nouns(toks)

    def has_verb(self, skel: str) -> bool:
        """Whether a masked text holds a verb of an instruction formula.

        >>> tokenizer("ru").has_verb("пункт 3 изложить в следующей редакции:")
        True
        """
        for g in self.glue:
            skel = g.sub(" ", skel)
        return any(
            self.phrases[int(m.lastgroup[1:])][1] == "V" for m in self.phrase_re.finditer(skel)
        )

    def records_no_change(self, skel: str) -> bool:
        """Whether a masked text holds a one-language record of no change («"заңдарына"
        деген сөздің қазақша нұсқасы өзгеріссіз қалады;», 13464 kk:103).

        >>> tokenizer("kk").records_no_change("⟦0⟧ деген сөздің қазақша нұсқасы өзгеріссіз қалады;")
        True
        """
        for g in self.glue:
            skel = g.sub(" ", skel)
        return any(
            self.phrases[int(m.lastgroup[1:])][1:] in (("K", "lang_only_ru"), ("K", "lang_only_kk"))
            for m in self.phrase_re.finditer(skel)
        )

    def _nouns(self, toks: list[Token]) -> list[Token]:
        """Words that name quoted strings become N / NI («слова», kk «деген сөздер»)."""
        out: list[Token] = []
        for i, t in enumerate(toks):
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                t.kind == "W"
                and t.text.lower() in self.form
                and nxt is not None
                and nxt.kind == "W"
                and re.fullmatch(r"[А-ЯЁӘҒҚҢӨҰҮҺ]", nxt.text)
                and nxt.text not in "ХІ"  # Roman X and I typed in Cyrillic
            ):
                # «раздел В Таблицы I»: a unit numbered by a letter, no eId form for it
                out.append(Token("UNK", t.text, t.start, t.end))
                continue
            if t.kind == "W" and self.lang == "kk" and t.text.lower() == "деген":
                continue  # «"X" деген сөз»: деген belongs to the noun that follows
            if t.kind == "W" and self.nouns.fullmatch(t.text):
                if self.lang == "kk" and not (
                    i and toks[i - 1].text.lower() in ("деген", "мынадай", "мына")
                ):
                    if not (i and toks[i - 1].kind == "Q"):
                        out.append(t)
                        continue
                kind = "NI" if self.nouns_ins.fullmatch(t.text) else "N"
                sub = "sent" if self.nouns_sent.fullmatch(t.text) else ""
                sub = "in" if self.nouns_in.fullmatch(t.text) else sub
                out.append(Token(kind, t.text, t.start, t.end, sub=sub))
                continue
            out.append(t)
        return out


@functools.cache
def tokenizer(lang: str) -> Tokenizer:
    """The tokenizer of ``lang``, compiled once.

    >>> tokenizer("kk").ordinal("екiншi".replace("i", "і"))
    2
    """
    return Tokenizer(lang)


def mask(sentence: str, lang: str) -> tuple[str, list[str], bool]:
    """The skeleton of a sentence (quotes masked, Latin look-alikes fixed), its quotes, balance.

    Where straight marks ``"`` do not balance (the 1990s texts drop inner marks), a mark
    closes a quote only where a word of the formula follows it (:func:`mask_straight`).

    >>> mask('слово «Астаны» заменить словом «Нур-Султана».', "ru")[:2]
    ('слово ⟦0⟧ заменить словом ⟦1⟧.', ['Астаны', 'Нур-Султана'])
    """
    skel, quotes, balanced = _mask(sentence)
    if not balanced and sentence.count("«") == sentence.count("»") + 1 and '"' not in sentence:
        # «в абзаце пятом слово «, «Tm» исключить» (113178): one closing mark stands for the
        # inner quote and the outer one; it closes both where a formula word follows it
        close = re.compile(lexicon(lang)["quote_close"], re.I)
        k = sentence.rfind("»")
        if k > 0 and close.match(sentence, k + 1):
            alt = _mask(sentence[: k + 1] + "»" + sentence[k + 1 :])
            if alt[2]:
                return _norm(alt[0]), alt[1], True
    if balanced and '"' in sentence and any(FORMULA_INSIDE.match(q) for q in quotes):
        # «"… туралы" СССР Заңы" деген сөздер "…"» (104392 kk): marks paired in order put a
        # formula's own words inside a quote; read by what follows each mark instead
        alt = mask_straight(sentence, lang)
        if alt is not None and not any(FORMULA_INSIDE.match(q) for q in alt[1]):
            return _norm(alt[0]), alt[1], True
    if not balanced and '"' in sentence:
        alt = mask_straight(sentence, lang)
        if alt is not None:
            skel, quotes, balanced = alt[0], alt[1], True
    if lang == "kk" and sentence.count('"') % 2 and any(LOST_CLOSE.search(q) for q in quotes):
        # «"186-бабында (үшінші бөлігінде) деген сөздер "186-бабында …" деген сөздермен
        # ауыстырылсын» (22148 kk): the old words' closing mark lost before «деген сөздер "»
        fixed = LOST_CLOSE.sub(r'"\1', sentence, count=1)
        alt = mask_straight(fixed, lang) or _mask(fixed)[:2]
        if not any(LOST_CLOSE.search(q) for q in alt[1]):
            skel, quotes, balanced = alt[0], alt[1], True
    if (not balanced or sentence.count("«") < sentence.count("»")) and (
        "«" in sentence and '"' not in sentence
    ):
        alt = mask_guillemets(sentence, lang)
        if alt is not None:
            skel, quotes, balanced = alt[0], alt[1], True
    return _norm(skel), quotes, balanced


# the noun of the old words and the opening mark of the new ones, inside one quote
LOST_CLOSE = re.compile(r'(?<=[^"\s])(\s+деген\s+(?:сөз|цифр|сан)\w*\s+")')


def mask_guillemets(text: str, lang: str) -> tuple[str, list[str]] | None:
    """Guillemets where one «»» closes two quotes: the text bank merges «»»» into one mark
    («дополнить словами «и «Об игорном бизнесе».», «слово «, «Tm» исключить»). Where the
    marks do not balance, an inner «»» that a formula word or the clause's end follows
    closes the outer quote too.

    >>> mask_guillemets('после слов «финансированию терроризма» дополнить словами '
    ...     '«и «Об игорном бизнесе».', "ru")[1]
    ['финансированию терроризма', 'и «Об игорном бизнесе»']
    """
    close = re.compile(lexicon(lang)["quote_close"], re.I)
    out: list[str] = []
    quotes: list[str] = []
    depth, start, last = 0, 0, 0
    missing = text.count("«") - text.count("»")
    prev: tuple[int, bool] | None = None  # the last quote's start, a formula word after it
    for m in re.finditer("[«»]", text):
        i = m.start()
        if m.group() == "«":
            if depth == 0:
                out.append(text[last:i])
                start = i + 1
            depth += 1
            continue
        if depth == 0:
            if missing < 0 and prev and not prev[1] and close.match(text, i + 1):
                # «деген сөздер «Қазақстан Республикасындағы тіл туралы» Қазақстан …
                # тілінде» деген сөздермен» (162604 kk): one «««» opened the quote and the
                # title inside it; the quote goes on to the mark a formula word follows
                missing += 1
                quotes[-1] = "«" + text[prev[0] : i]
                out[-1] = f"⟦{len(quotes) - 1}⟧"
                out.append("")
                last, prev = i + 1, (prev[0], True)
            continue
        depth -= 1
        if depth == 1 and missing > 0 and close.match(text, i + 1):
            depth, missing = 0, missing - 1
            quotes.append(text[start : i + 1])
        elif depth == 0:
            quotes.append(text[start:i])
        else:
            continue
        out.append(f"⟦{len(quotes) - 1}⟧")
        last = i + 1
        prev = (start, bool(close.match(text, i + 1)))
    if depth or missing:
        return None
    out.append(text[last:])
    return "".join(out), quotes


# A quote that starts with a formula's own words was paired wrongly.
FORMULA_INSIDE = re.compile(
    r"\s*(?:деген\s+(?:сөз|цифр|сан)|(?:заменить|дополнить|исключить)\s|словами\s|словом\s)"
)


def mask_straight(text: str, lang: str) -> tuple[str, list[str]] | None:
    """Straight quotes read by what follows a closing mark: a formula word, punctuation
    that ends the clause, or the end; marks that do not close a quote stay inside it.

    >>> mask_straight('слова "Закона "О войсках МВД" и "Закона "О войсках" заменить словами '
    ...     '"Закона"', "ru")[1]
    ['Закона "О войсках МВД', 'Закона "О войсках', 'Закона']
    """
    if "«" in text or "»" in text:
        return None
    close = re.compile(lexicon(lang)["quote_close"], re.I)
    out: list[str] = []
    quotes: list[str] = []
    start = None
    last = 0
    for m in re.finditer('"', text):
        i = m.start()
        if start is None:
            out.append(text[last:i])
            start = i + 1
            continue
        if close.match(text, i + 1):
            quotes.append(text[start:i])
            out.append(f"⟦{len(quotes) - 1}⟧")
            start, last = None, i + 1
    if (
        start is not None
        and re.fullmatch(r"\s*[;.]?\s*", text[start:])
        and re.search(r"[^\W\d_]$", text[: start - 1])
    ):
        # «… деген сөздермен толықтырылсын";» (4572 kk): a stray mark after the instruction's
        # end opens nothing (the wording it would close is the quote before the verb)
        out.append(text[start:])
        return "".join(out), quotes
    if start is not None:
        # «Жарлыққа "Қазақстан … бюджетi (… бойынша) деген N 1 қосымшада:» (104422 kk): a
        # closing mark dropped before «деген», which always follows the words it names
        gap = list(re.finditer(r"\s+деген(?!\w)", text[start:])) if lang == "kk" else []
        # only an opening mark (a letter right after it) whose words run up to «деген»
        if not gap or not text[start : start + 1].isalnum() or gap[-1].start() == 0:
            return None
        end = start + gap[-1].start()
        quotes.append(text[start:end])
        out.append(f"⟦{len(quotes) - 1}⟧")
        last = end
    out.append(text[last:])
    return "".join(out), quotes


def tokenize(sentence: str, lang: str) -> list[Token]:
    """The tokens of one instruction sentence.

    >>> [t.code for t in tokenize('1-тармақ "демалыс уақыты" деген сөздерден кейін '
    ...     '", сондай-ақ" деген сөздермен толықтырылсын;', "kk")]
    ['U:para', 'Q', 'N', 'AFTER', 'Q', 'NI', 'V:insert', ';']
    """
    return tokenizer(lang).tokenize(mask(sentence, lang)[0])
