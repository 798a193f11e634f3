"""The framing of an amending act: the acts it cites, and its own in-force rule.

Data in ``generator/grammar/framing.yml`` (citation forms, month and number words, the
in-force formulas); the article heading («1-бап.», «Статья 1.») from the units authority
``generator/grammar/units.yml``. The instructions themselves are read by the formula
catalogue (:mod:`generator.formulas.reader`).

>>> c = parse_citation('2. В Закон Республики Казахстан от 27 ноября 2000 г. "Об '
...     'административных процедурах" (Ведомости Парламента Республики Казахстан, 2000 г., '
...     'N 20, ст. 379; 2004 г., N 5, ст. 29):', "ru")
>>> (c.title, c.date)
('Об административных процедурах', '2000-11-27')
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from generator import units as _units
from generator.amender_text import PH_RE, Block, fold_dotless_i, mask_quotes
from generator.datafile import load_data
from generator.formulas.amender import CitedAct
from generator.formulas.locate import locate, path_eid, unit_refs

__all__ = [
    "Framing",
    "cited_date",
    "entry_into_force",
    "framing",
    "in_force_rule",
    "parse_citation",
]

FRAMING_FILE = Path(__file__).parent.parent / "grammar" / "framing.yml"
LANGS = ("kk", "ru")


class Framing:
    """The compiled framing words of one language.

    >>> f = framing("kk")
    >>> f.month("қарашадағы"), f.cardinal("он"), framing("ru").cardinal("десяти")
    (11, 10, 10)
    >>> f.article.match("2-бап. Осы Заң …")["num"]
    '2'
    """

    def __init__(self, lang: str, data: dict):
        self.lang = lang
        self.data = data
        # The amender's own article heading, the first heading form of units.yml («1-бап.»,
        # «Статья 1.»), followed by its text.
        head = _units.data()["languages"][lang]["headings"]["art"][0]
        head = head.replace("{arabic}", _units.notation("arabic"))
        head = head.replace("{roman}", _units.notation("roman"))
        self.article = re.compile(rf"^{head}\s*\.\s*(?P<rest>.*)$")
        cit = data["citation"]
        self.date = re.compile(cit["date"], re.I)
        self.act_kinds = re.compile(cit["act_kinds"])
        self.publication = re.compile(cit["publication"])
        self.glue = [re.compile(g) for g in cit.get("glue", [])]
        self.eif = {k: re.compile(v, re.I) for k, v in data["entry_into_force"].items()}
        self.months = sorted(
            ((stem, int(n)) for n, stem in data["months"].items()), key=lambda x: -len(x[0])
        )

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
def framing(lang: str) -> Framing:
    """The framing words of ``lang`` ("kk" or "ru"), read once.

    >>> framing("ru").lang
    'ru'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (expected kk or ru)")
    data = load_data(FRAMING_FILE)
    return Framing(lang, data[lang])


def cited_date(text: str, lang: str) -> tuple[str | None, re.Match | None]:
    """The ISO date of a citation («от 27 ноября 2000 г.», «2000 жылғы 27 қарашадағы») and
    its match, or (None, None).

    >>> cited_date("2000 жылғы 27 қарашадағы Қазақстан Республикасының Заңына", "kk")[0]
    '2000-11-27'
    """
    f = framing(lang)
    m = f.date.search(text)
    if not m:
        return None, None
    mon = f.month(m["month"])
    if not mon:
        return None, None
    return f"{int(m['year']):04d}-{mon:02d}-{int(m['day']):02d}", m


def parse_citation(text: str, lang: str, colon: bool = True) -> CitedAct | None:
    """The act an item of the amender names, or None when the text is no citation
    (``colon``: a citation that opens instructions ends with «:»).

    >>> c = parse_citation('1. "Әкімшілік рәсімдер туралы" 2000 жылғы 27 қарашадағы '
    ...     'Қазақстан Республикасының Заңына:', "kk")
    >>> (c.title, c.date)
    ('Әкімшілік рәсімдер туралы', '2000-11-27')
    """
    f = framing(lang)
    body = text.strip()
    for g in f.glue:  # words glued where a line break was lost (framing.yml, `glue`)
        body = g.sub(lambda m: m.group() + " ", body)
    body = re.sub(r"^\d+\.\s*", "", body)
    if colon and not (body.rstrip().endswith(":") or "):" in body):
        return None
    pub = f.publication.search(body)
    head = body[: pub.start()] if pub else body.rstrip().rstrip(":")
    date, m = cited_date(fold_dotless_i(head), lang)
    if not date or not m:
        return None
    if not f.act_kinds.search(head):
        return None
    start = rf"(?:Внести\s+(?:[^\"«:]{{0,40}}?\s)?)?(?:в\s+)?[^\"«]{{0,40}}?{f.act_kinds.pattern}"
    if lang == "ru" and not re.match(start, body, re.I):
        return None
    if lang == "kk":
        # «"Әкімшілік рәсімдер туралы" 2000 жылғы …»: from the first opening mark to the
        # last closing mark before the date (a mark lost in the official text is tolerated).
        before = head[: m.start()]
        o = re.search(r"[\"«“]", before)
        c = [x.start() for x in re.finditer(r"[\"»”]", before)]
        t_end = [x.end() for x in re.finditer("туралы", before[c[-1] :])] if c else []
        if (
            o
            and c
            and c[-1] > o.start()
            and t_end
            and o.start() == len(before) - len(before.lstrip())
        ):
            # a title that holds a quoted one and ends after it, unquoted: «"Көшiп келу
            # туралы" Қазақстан Республикасы Заңы күшiне енгiзутуралы Қазақстан Республикасы
            # Жоғарғы Кеңесiнiң 1992 жылғы 26маусымдағы қаулысы» (342 kk; ru «постановление …
            # "О введении в действие Закона Республики Казахстан "Об иммиграции"»)
            title = before[: c[-1] + t_end[-1]].strip()
        elif o and c and c[-1] > o.start():
            title = before[o.end() : c[-1]]
        else:
            title = head[m.end() :].strip()
    else:
        skel, quotes = mask_quotes(head[m.end() :])
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


def in_force_rule(text: str, lang: str) -> dict:
    """One in-force rule read from a phrase (DESIGN.md's date forms; no ``source``).

    >>> in_force_rule("Настоящий Закон вводится в действие по истечении десяти календарных "
    ...     "дней после его первого официального опубликования.", "ru")
    {'kind': 'days_after_publication', 'days': 10, 'calendar': True, 'first_publication': True}
    """
    f = framing(lang)
    m = f.eif["days"].search(text)
    if m:
        rule = {"kind": "days_after_publication", "days": f.cardinal(m["days"])}
        rule["calendar"] = bool(m["calendar"])
    elif m := f.eif["months"].search(text):
        rule = {"kind": "months_after_publication", "months": f.cardinal(m["n"])}
    elif (m := f.eif["date"].search(text)) and f.month(m["month"]):
        mon = f.month(m["month"])
        return {"kind": "date", "date": f"{int(m['year']):04d}-{mon:02d}-{int(m['day']):02d}"}
    elif m := f.eif["publication"].search(text):
        rule = {"kind": "on_publication"}
    else:
        return {"kind": "unknown"}
    if m["first"]:
        rule["first_publication"] = True
    return rule


def entry_into_force(blocks: list[Block], lang: str) -> dict:
    """The amender's own in-force rule, from its provisions (the blocks after the amending
    articles), with per-item exceptions; ``{"kind": "unspecified"}`` when none says.

    >>> entry_into_force([Block(9, "Статья 2. Настоящий Закон вводится в действие с "
    ...     "1 января 2009 года.")], "ru")["date"]
    '2009-01-01'
    """
    f = framing(lang)
    for b in blocks:
        text = fold_dotless_i(re.sub(r"^\d+\.\s*", "", b.text.strip()))
        if not f.eif["verb"].search(text):
            continue
        ex = f.eif["except"].search(text)
        if not ex:
            return {**in_force_rule(text, lang), "source": b.text, "line": b.line}
        # «…, за исключением подпункта 2) статьи 1, который вводится в действие …» /
        # «Осы Заң, … қолданысқа енгізілетін 1-баптың 2) тармақшасын қоспағанда, … енгізіледі.»
        if lang == "ru":
            main, exc = text[: ex.start()], text[ex.end() :]
        else:
            main, exc = text[ex.end() :], text[: ex.start()]
        skel = mask_quotes(exc)[0]
        items = [path_eid(p) for p in locate((), unit_refs(skel, lang), lang) if p]
        rule = {**in_force_rule(main, lang), "source": b.text, "line": b.line}
        rule["exceptions"] = [{"items": items, **in_force_rule(exc, lang)}]
        return rule
    return {"kind": "unspecified"}
