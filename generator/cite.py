"""Citations of a unit in the legal form of each language (data: data/citation.yml).

>>> meta = {"type": "law", "number": "88-V", "adopted": "2013-04-15",
...         "title": {"kk": "Мемлекеттік көрсетілетін қызметтер туралы",
...                   "ru": "О государственных услугах"}}
>>> print(cite("art_15__para_2", meta, "kk"))
«Мемлекеттік көрсетілетін қызметтер туралы» 2013 жылғы 15 сәуірдегі № 88-V Қазақстан Республикасы Заңының 15-бабының 2-тармағы
>>> print(cite("art_15__para_2", meta, "ru"))
пункт 2 статьи 15 Закона Республики Казахстан от 15 апреля 2013 года № 88-V «О государственных услугах»
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from pathlib import Path

from . import eid as _eid
from . import units as _units
from .datafile import load_data

DATA = Path(__file__).with_name("data") / "citation.yml"


@cache
def _forms() -> dict:
    return load_data(DATA)


def act_words(lang: str) -> list[str]:
    """The stems that name an act in a citation (citation.yml `act_words`).

    >>> "Заң" in act_words("kk")
    True
    """
    return _forms()[lang]["act_words"]


def eid_path(eid: str) -> list[tuple[str, str | None]]:
    """«art_15__para_2» → [("art", "15"), ("para", "2")]."""
    return [_eid.last(seg) for seg in _eid.split(eid)]


@cache
def phrase_forms(lang: str) -> dict:
    """How a unit's citation phrase is made from its eId (`unit_phrase`; the pages give
    this to zan.js, which makes each unit's phrase the same way): the form of the unit
    itself (``last``), of the units above it (``up``), and whether the unit comes first
    (Russian «пункт 2 статьи 15») or last (Kazakh «15-бабының 2-тармағы»).

    >>> f = phrase_forms("kk"); f["up"]["art"], f["last"]["para"], f["last_first"]
    ('{num}-бабының', '{num}-тармағы', False)
    """
    forms = _units.data()["languages"][lang]["citation"]  # generator/grammar/units.yml
    last = forms["possessive" if lang == "kk" else "nominative"]
    return {"last": dict(last), "up": dict(forms["genitive"]), "last_first": lang != "kk"}


@lru_cache(maxsize=1 << 16)
def unit_phrase(eid: str, lang: str) -> str:
    """The units part of a citation: «15-бабының 2-тармағы» / «пункт 2 статьи 15»."""
    forms = phrase_forms(lang)
    # New wording an amending act quotes (qstr) is cited as the instruction that quotes it.
    path = [p for p in eid_path(eid) if p[0] not in ("heading", "qstr")]
    t, n = path[-1]
    last = forms["last"][t].format(num=n)
    up = [forms["up"][t].format(num=n) for t, n in path[:-1]]
    return " ".join([last, *reversed(up)] if forms["last_first"] else [*up, last])


def date_phrase(value: object, lang: str) -> str:
    """«2013 жылғы 15 сәуірдегі» / «от 15 апреля 2013 года» for an exact date."""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    forms = _forms()[lang]
    months = forms["months_locative" if lang == "kk" else "months_genitive"]
    return forms["date"].format(year=day.year, day=day.day, month=months[day.month - 1])


def _exact(value: object) -> bool:
    """Whether an act.yml date is one exact day.

    >>> _exact("2013-04-15"), _exact("unknown"), _exact("after 2007-06-18")
    (True, False, False)
    """
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def cite(eid: str, meta: dict, lang: str) -> str:
    """The full citation of a unit of an act described by its act.yml ``meta``."""
    before, after = cite_parts(meta, lang)
    return before + unit_phrase(eid, lang) + after


def cite_parts(meta: dict, lang: str) -> tuple[str, str]:
    """What stands before and after the units part of every citation of an act.

    >>> meta = {"type": "law", "number": "88-V", "adopted": "2013-04-15",
    ...         "title": {"kk": "Т", "ru": "О государственных услугах"}}
    >>> cite_parts(meta, "ru")
    ('', ' Закона Республики Казахстан от 15 апреля 2013 года № 88-V «О государственных услугах»')
    """
    marker = "\x00"
    number = "" if meta.get("number") in (None, "unknown") else meta["number"]
    forms = _forms()[lang]
    act_form = forms["act_genitive"].get(meta.get("type", "law"), "")
    issuer = (meta.get("issuer") or {}).get(lang, "")
    title = meta["title"].get(lang) or meta["title"].get("kk" if lang == "ru" else "ru")
    fields = {
        "title": title,
        # A date or number the text does not state (`unknown`, a range) is left out.
        "date": date_phrase(meta["adopted"], lang) if _exact(meta.get("adopted")) else "",
        "number": number,
        "act": act_form.format(issuer=issuer).strip(),
        "units": marker,
    }
    tmpl = forms["citation"] if number else forms["citation_no_number"]
    whole = " ".join(tmpl.format(**fields).split())
    before, _, after = whole.partition(marker)
    return before, after
