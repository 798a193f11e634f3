"""The formula catalogue: patterns over tokens → operations (issue 13).

A formula is data (``generator/grammar/formulas/{kk,ru}.yml``): an id, a pattern over the
token codes of :mod:`generator.formulas.tokens`, the builder that turns a match into
operations, and the real sentences it was made from. A pattern is compiled once to a
regular expression over the clause's code string («U:subpara U:art V:replace : »), never
over the text; the first formula whose pattern matches the whole clause wins.

>>> f = match(clauses(tokenize("подпункты 1), 2) и 6) статьи 4 изложить в следующей редакции:",
...     "ru"))[0], "ru")
>>> f.formula.id
'ru.replace_units'
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from generator.datafile import load_data
from generator.formulas.tokens import DATA_DIR, Token, tokenize, tokenizer  # noqa: F401 (doctests)

# Tokens that end a clause the way a verb does («… нүктелі үтір қойылып, …»).
VERBISH = {
    "V:replace",
    "V:insert",
    "V:subst",
    "V:delete",
    "V:repeal",
    "V:renumber",
    "V:upper",
    "V:lower",
    "V:suspend",
    "K:punct_semicolon",
}
# a list or a range of numbers («I, II, III, IV», «I-V» / «1, 2, 3, 4», «1-5»)
ROMAN = re.compile(r"^[IVXLІ]+(?:\s*[,-]\s*[IVXLІ]+)*$")
ARABIC = re.compile(r"^\d+(?:\s*[,-]\s*\d+)*$")


@dataclass
class Formula:
    """One catalogue entry, compiled."""

    id: str
    pattern: str
    yields: dict
    regex: re.Pattern
    when: str | None = None
    examples: list[dict] = field(default_factory=list)


@dataclass
class Match:
    """A formula matched on a clause: the captured token groups by name."""

    formula: Formula
    tokens: list[Token]
    groups: dict[str, list[Token]]


@functools.cache
def catalogue(lang: str) -> list[Formula]:
    """The formulas of a language, in order.

    >>> catalogue("kk")[0].id
    'kk.lang_only'
    """
    # libyaml's loader (same data, about 7× faster: read in every worker process)
    data = load_data(DATA_DIR / f"{lang}.yml")
    macros = data.get("macros", {})
    out = []
    for entry in data["formulas"]:
        pat = entry["pattern"]
        # «name=( … )q» : the closing paren of a named group must close the named group too
        rx = _compile_named(pat, macros)
        out.append(
            Formula(
                entry["id"], pat, entry["yields"], rx, entry.get("when"), entry.get("examples", [])
            )
        )
    return out


def _compile_named(pattern: str, macros: dict[str, str]) -> re.Pattern:
    """A token pattern → a regular expression over the code string; «name=( a | b )+»
    captures the whole repetition.

    >>> bool(_compile_named("U+ V:replace :?", {}).fullmatch("U:art U:para V:replace : "))
    True
    """
    for _ in range(3):
        for name, body in macros.items():
            pattern = re.sub(rf"(?<![\w:]){name}(?![\w:])", f"( {body} )", pattern)
    els = pattern.split()
    out: list[str] = []
    stack: list[str | None] = []
    for el in els:
        m = re.fullmatch(r"(?:(\w+)=)?(\(|\)|\||\.\*|\.\+|[^?*+]+)([?*+]\??)?", el)
        if not m:
            raise ValueError(f"bad pattern element {el!r} in {pattern!r}")
        name, atom, quant = m.group(1), m.group(2), m.group(3) or ""
        if atom == "(":
            stack.append(name)
            out.append(f"(?P<{name}>(?:" if name else "(?:")
            continue
        if atom == ")":
            opened = stack.pop()
            out.append(f"){quant})" if opened else f"){quant}")
            continue
        if atom == "|":
            out.append("|")
            continue
        if atom in (".*", ".+"):
            rx = r"(?:\S+ )" + atom[1]
        elif atom in (",", ":", ";", "."):
            rx = f"(?:{re.escape(atom)} ){quant}"
        elif ":" in atom:
            rx = f"(?:{re.escape(atom)} ){quant}"
        else:
            rx = rf"(?:{re.escape(atom)}(?::\S*)? ){quant}"
        if atom in (".*", ".+"):
            rx = f"(?:{rx})"
        out.append(f"(?P<{name}>{rx})" if name else rx)
    if stack:
        raise ValueError(f"unbalanced parentheses in {pattern!r}")
    return re.compile("".join(out))


def codes(tokens: list[Token]) -> str:
    """The code string a pattern is matched against.

    >>> codes(tokenize("статью 347 исключить;", "ru"))
    'U:art V:delete ; '
    """
    return "".join(t.code + " " for t in tokens)


def _when(name: str | None, m: Match, quotes: list[str]) -> bool:
    """A formula's condition on what its captures hold; «!name» negates it."""
    if name is None:
        return True
    if name.startswith("!"):
        return not _when(name[1:], m, quotes)
    if name == "roman_to_arabic":  # «цифры "I, II, III, IV" заменить цифрами "1, 2, 3, 4"»
        old = [quotes[t.quote] for t in m.groups.get("old", []) if t.kind == "Q"]
        new = [quotes[t.quote] for t in m.groups.get("new", []) if t.kind == "Q"]
        return (
            len(old) == len(new) == 1
            and bool(ROMAN.match(old[0].strip()))
            and bool(ARABIC.match(new[0].strip()))
        )
    if name == "bare_number":  # «4) тармақша 3) болып есептелсін»: «3)» is a number alone
        new = m.groups.get("new", [])
        return len(new) == 1 and bool(re.fullmatch(r"\d+(?:-\d+)*", new[0].text))
    if name == "kind_change":  # «абзацы второй-шестой считать соответственно подпунктами 1)-5)»
        old = {t.utype for t in m.groups.get("old", []) if t.kind in ("U", "UI")}
        new = {t.utype for t in m.groups.get("new", []) if t.kind in ("U", "UI")}
        return bool(new) and not new & old
    if name == "unit_word":
        # «… обозначить соответственно пунктами "1.", …»: the word before the quotes names units
        lang = m.formula.id.partition(".")[0]
        word = m.groups.get("unit", [])
        return bool(word) and word[0].text.lower() in tokenizer(lang).form
    raise ValueError(f"unknown condition {name!r}")


def match_all(tokens: list[Token], lang: str, quotes: list[str] | None = None) -> list[Match]:
    """Every formula that matches a clause, in catalogue order (the first one wins)."""
    s = codes(tokens)
    starts = []
    pos = 0
    for t in tokens:
        starts.append(pos)
        pos += len(t.code) + 1
    out = []
    for f in catalogue(lang):
        m = f.regex.fullmatch(s)
        if not m:
            continue
        groups = {}
        for name, span in ((n, m.span(n)) for n in m.groupdict()):
            if span[0] < 0 or m.group(name) is None:
                continue
            a = bisect.bisect_left(starts, span[0])
            b = bisect.bisect_left(starts, span[1])
            groups[name] = tokens[a:b]
        mt = Match(f, tokens, groups)
        if _when(f.when, mt, quotes or []):
            out.append(mt)
    return out


def match(tokens: list[Token], lang: str, quotes: list[str] | None = None) -> Match | None:
    """The first formula that matches a clause, or None."""
    ms = match_all(tokens, lang, quotes)
    return ms[0] if ms else None


def _verb_before_semicolon(tokens: list[Token], start: int) -> bool:
    """Whether a verb follows ``start`` before the next «;» (or the end)."""
    for t in tokens[start:]:
        if t.kind == ";":
            return False
        if t.kind == "V":
            return True
    return False


def _shares_verb(cur: list[Token], tokens: list[Token], i: int) -> bool:
    """Whether a «;» with no verb before it in its clause separates items that share the verb
    after it: quotes of one list («"Аталған тізімге"; "бұл тізімге" деген сөздер …», 52934
    kk) or pairs of words («"он мың" деген сөздер "екi жүз" деген сөздермен; "бес мың" …
    ауыстырылсын», 530 kk)."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or nxt.kind != "Q" or not cur:
        return False
    if cur[-1].kind == "Q":
        return True
    return cur[-1].kind == "NI" and any(t.kind == "V" for t in tokens[i + 1 :])


def clauses(tokens: list[Token]) -> list[list[Token]]:
    """Split one instruction's tokens into clauses.

    A clause ends at «;» (Russian runs several instructions on a line), after a Kazakh
    converb and its comma («… ауыстырылып, …»), at «и»/«және» that joins a verb to a new
    clause («… считать частью второй и в ней …», «… болып саналсын және ондағы …»), and in
    Russian at a comma before a new group of words («…, слова …», «…, после слов …»).

    >>> [codes(c) for c in clauses(tokenize('тақырыптағы "С" деген сөз кiшi әрiппен жазылып, '
    ...     'алдынан "М" деген сөзбен толықтырылсын;', "kk"))]
    ['U:heading Q N V:lower ', 'BEFORE Q NI V:insert ; ']
    """
    out: list[list[Token]] = []
    cur: list[Token] = []
    seen_verb = False
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            t.kind == ";"
            and nxt is not None
            and t.depth == 0
            and not (not seen_verb and _shares_verb(cur, tokens, i))
        ):
            cur.append(t)
            out.append(cur)
            cur, seen_verb = [], False
            continue
        if (
            t.kind == ","
            and not seen_verb
            and nxt is not None
            and nxt.kind == "U"
            and cur
            and cur[-1].kind == "UI"
            and any(x.kind == "CONTENT" for x in cur)
            and _verb_before_semicolon(tokens, i + 1)
        ):
            # «18-баптың 1-тармағы мынадай мазмұндағы 7-1) тармақшамен, 9) тармақшадағы …
            # ауыстырылып, мынадай мазмұндағы 10) және 11) тармақшалармен толықтырылсын:»
            # (123266 kk): new units whose verb is the list's last one, a clause of their own
            # (its comma kept: the formula wants it, a verb cut short is no such clause)
            cur.append(t)
            out.append(cur)
            cur, seen_verb = [], False
            continue
        if t.kind == "," and nxt is not None and nxt.code == "K:further":
            out.append(cur)  # «…, далее по тексту;» is a clause of its own
            cur, seen_verb = [], False
            continue
        if t.kind == "," and cur and cur[-1].code in VERBISH and t.depth == 0:
            out.append(cur)
            cur, seen_verb = [], False
            continue
        if (
            t.kind == "AND"
            and nxt is not None
            and (
                seen_verb
                and (
                    nxt.code in ("K:inside",)
                    or nxt.kind in ("N", "AFTER", "W", "U", "CONTENT", "Q", "V")
                )
            )
        ):
            if (
                nxt.code == "K:inside"
                or (cur and cur[-1].code in VERBISH)
                # «… заменить словом "доли" и слова "…" заменить словами "…"» (104390 ru):
                # «и» then the noun of new quoted words and their own verb
                or (nxt.kind == "N" and _verb_before_semicolon(tokens, i + 1))
                # «пункт 3 считать пунктом 4 и изложить в следующей редакции:» (104448 ru)
                or (nxt.kind == "V" and cur and cur[-1].kind == "UI")
            ):
                out.append(cur)
                cur, seen_verb = [], False
                continue
        if (
            seen_verb
            and nxt is not None
            and nxt.kind == "U"
            and (t.kind == "." or (t.kind == "Q" and cur and cur[-1].kind in ("NI", "N")))
        ):
            # two instructions the text bank glued: «… деген сөзбен ауыстырылсын.6-тарау алып
            # тасталсын.» (12698 kk), «… заменить словами "…" пункты 4 и 5 изложить …» (104470)
            cur.append(t)
            out.append(cur)
            cur, seen_verb = [], False
            continue
        nxt2 = tokens[i + 2] if i + 2 < len(tokens) else None
        # «…, в статье 52 слова "A" - словами "B", в статьях …»: an elliptic pair ends too
        paired = len(cur) > 1 and cur[-1].kind == "Q" and cur[-2].kind == "NI"
        if (
            t.kind == ","
            and (seen_verb or paired)
            and nxt is not None
            and (
                nxt.kind in ("N", "AFTER", "BEFORE", "V")
                or nxt.code == "K:inside"
                or (nxt.text.lower() in ("в", "во") and nxt2 is not None and nxt2.kind == "U")
                # «главу Y считать главой III, статьи 54-79 считать …» (530 ru)
                or (nxt.kind == "U" and cur[-1].kind == "UI")
            )
        ):
            out.append(cur)
            cur, seen_verb = [], False
            continue
        cur.append(t)
        if t.code in VERBISH:
            seen_verb = True
    if cur:
        out.append(cur)
    # a clause of punctuation only («…;» then «.») belongs to the one before
    merged: list[list[Token]] = []
    for c in out:
        if merged and all(t.kind in (",", ";", ".", ":") for t in c):
            continue
        else:
            merged.append(c)
    return [c for c in merged if c]


def formula_ids(lang: str) -> list[str]:
    """The ids of the catalogue, in order.

    >>> "ru.replace_units" in formula_ids("ru")
    True
    """
    return [f.id for f in catalogue(lang)]
