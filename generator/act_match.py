"""Which act of the corpus an instruction cites (issue 11, issue 12 item 5).

An instruction names the act it amends by its title and adoption date («"Әкімшілік рәсімдер
туралы" 2000 жылғы 27 қарашадағы … Заңына», «в Закон … от 27 ноября 2000 г. "Об
административных процедурах"»). Real citations differ from the act's own title in ways
that change nothing: dashes and the spaces around them, quote kinds, letter case, Latin
look-alike letters, line breaks, a space lost after a preposition. :func:`title_key` folds
these away, so that such a citation is an exact match. Two steps are *inexact*: a title one
letter off (a letter dropped, added or mistyped), and a cited date one day or one digit off
the act's adoption date. An inexact match is applied only when exactly one act of the
corpus fits, and always with a warning naming both spellings (``--strict`` makes it an
error); when several acts share a title the cited date chooses. A citation that matches
nothing but comes near an act of the corpus (the same title with another date, or a title
a few letters off with the same date) is an error naming the nearest titles; one that
comes near nothing is an act that is not in the corpus.

The title of an act is its name, never the header line «ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН» /
«ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ» that the text bank prints before it (:func:`act_title`).

>>> acts = [("Z000000107", {"title": {"kk": "Әкімшілік рәсімдер туралы",
...          "ru": "Об административных процедурах"}, "adopted": "2000-11-27"})]
>>> m = match_act("Әкімшілік рәсімдер туралы", "2000-11-28", acts)
>>> m.act_id, m.warning
('Z000000107', 'cites «Әкімшілік рәсімдер туралы» of 2000-11-28: read as Z000000107 «Әкімшілік рәсімдер туралы» adopted 2000-11-27 (a date one day or one digit off)')
>>> match_act("Об администартивных процедурах", "2000-11-27", acts).act_id is None
True
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .instruction_shape import fold_lookalikes
from .letters import SIMILARITY_FOLD

# The header lines the text bank prints above an act's name (they name its kind, not it).
HEADER = re.compile(
    r"^\s*(?:ЗАКОН\s+РЕСПУБЛИКИ\s+КАЗАХСТАН|КОНСТИТУЦИОННЫЙ\s+ЗАКОН\s+РЕСПУБЛИКИ\s+КАЗАХСТАН"
    r"|ҚАЗАҚСТАН\s+РЕСПУБЛИКАСЫНЫҢ\s+(?:КОНСТИТУЦИЯЛЫҚ\s+)?ЗАҢЫ)(?=\s|$)",
    re.I,
)
QUOTES = "\"'«»„“”‟″’‘`´"
# A title key this many letters long or more may match one letter off; shorter titles
# («О банках») are too short to tell a slip from another act.
FUZZY_FROM = 12
# «Near» a citation: the same title with any date, or a title this share of letters off.
NEAR_SHARE = 0.2


def act_title(title: str) -> str:
    """The act's name without the header line the text bank prints before it.

    >>> act_title("Қазақстан Республикасының Заңы Қазақстан Республикасының мемлекеттiк "
    ...           "наградалары туралы")
    'Қазақстан Республикасының мемлекеттiк наградалары туралы'
    >>> act_title("ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН")
    ''
    """
    return HEADER.sub("", title, count=1).strip()


@functools.lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """The title as matching compares it: look-alikes, quotes, dashes, case and spaces
    folded away.

    >>> title_key("О гарантированном трансферте … на 2007 – 2009 годы") == title_key(
    ...     "О  гарантированном трансферте … на 2007-2009 годы")
    True
    >>> title_key("Об  административных процедурах") == title_key("Обадминистративных процедурах")
    True
    """
    t = fold_lookalikes(act_title(title))[0].translate(SIMILARITY_FOLD).casefold()
    t = "".join(c for c in t if c not in QUOTES)
    return re.sub(r"[\s.]+", "", t)  # spaces, line breaks, a lost space, a final dot


def date_slip(cited: str, adopted: str) -> bool:
    """Whether a cited date is one day or one digit off an adoption date (both ISO).

    >>> date_slip("2000-11-28", "2000-11-27"), date_slip("2001-11-27", "2000-11-27")
    (True, True)
    >>> date_slip("2000-11-27", "2000-11-27"), date_slip("2002-11-29", "2000-11-27")
    (False, False)
    """
    if cited == adopted or len(cited) != len(adopted):
        return False
    if sum(a != b for a, b in zip(cited, adopted, strict=True)) == 1:
        return True
    try:
        return abs((dt.date.fromisoformat(cited) - dt.date.fromisoformat(adopted)).days) == 1
    except ValueError:
        return False


def slips(date: str) -> list[str]:
    """Every date one day or one digit off ``date`` (for finding the acts near a citation
    by look-ups, never by a scan of the corpus).

    >>> len(slips("2000-11-27")), "2000-11-28" in slips("2000-11-27")
    (72, True)
    """
    out = []
    for i, c in enumerate(date):
        if c.isdigit():
            out += [date[:i] + d + date[i + 1 :] for d in "0123456789" if d != c]
    try:
        day = dt.date.fromisoformat(date)
        out += [str(day - dt.timedelta(days=1)), str(day + dt.timedelta(days=1))]
    except ValueError:
        pass
    return list(dict.fromkeys(out))


@dataclass
class ActMatch:
    """What a citation matched: the act (or None), the warning of an inexact step, the
    error of a near miss (with the nearest titles), and whether the date was checked."""

    act_id: str | None
    warning: str | None = None
    error: str | None = None
    nearest: list[str] = field(default_factory=list)
    date_checked: bool = True


def _adopted(meta: dict) -> str:
    value = meta.get("adopted")
    return "" if value in (None, "", "unknown") else str(value)


def _titles(meta: dict) -> list[str]:
    titles = meta.get("title") or {}
    if isinstance(titles, str):
        return [titles]
    return [t for t in titles.values() if isinstance(t, str) and t]


def _show(act_id: str, meta: dict, title: str) -> str:
    adopted = _adopted(meta)
    return f"{act_id} «{title}»" + (f" adopted {adopted}" if adopted else "")


def match_act(
    title: str, date: str | None, acts: Iterable[tuple[str, dict]], near: bool = True
) -> ActMatch:
    """The act of ``acts`` (ID, act.yml) that a citation of ``title`` of ``date`` names.

    >>> acts = [("Z000000107", {"title": {"ru": "Об административных процедурах"},
    ...          "adopted": "2000-11-27"})]
    >>> match_act("Об  административных процедурах", "2000-11-27", acts).act_id
    'Z000000107'
    >>> print(match_act("Об административных процедурах", "1999-11-27", acts).error)
    cites «Об административных процедурах» of 1999-11-27: no act of the corpus has that title and date; nearest: Z000000107 «Об административных процедурах» adopted 2000-11-27
    """
    acts = list(acts)
    key = title_key(title)
    cited = f"«{title}»" + (f" of {date}" if date else "")
    same = [(a, m, t) for a, m in acts for t in _titles(m) if title_key(t) == key and key]
    ids = list(dict.fromkeys(a for a, _m, _t in same))
    if same:
        if not date:
            if len(ids) == 1:
                why = f"{title!r}: the instruction cites no date, date not checked"
                return ActMatch(ids[0], why, None, [], False)
            return _ambiguous(cited, same, "the instruction cites no date to choose")
        exact = list(dict.fromkeys(a for a, m, _t in same if _adopted(m) == date))
        if len(exact) == 1:
            return ActMatch(exact[0])
        if len(exact) > 1:
            return _ambiguous(cited, [s for s in same if s[0] in exact], "same title and date")
        undated = list(dict.fromkeys(a for a, m, _t in same if not _adopted(m)))
        slips = [(a, m, t) for a, m, t in same if _adopted(m) and date_slip(date, _adopted(m))]
        slip_ids = list(dict.fromkeys(a for a, _m, _t in slips))
        if len(slip_ids) == 1 and not undated:
            a, m, t = slips[0]
            return ActMatch(
                a, f"cites {cited}: read as {_show(a, m, t)} (a date one day or one digit off)"
            )
        if len(undated) == 1 and not slip_ids:
            why = f"{title!r}: matched by title alone, date not checked"
            return ActMatch(undated[0], why, None, [], False)
        if len(slip_ids) + len(undated) > 1:
            return _ambiguous(cited, same, "several acts one inexact step away")
    # One letter off, with the date the instruction cites (one inexact step at a time).
    if len(key) >= FUZZY_FROM:
        fuzzy = [
            (a, m, t)
            for a, m in acts
            for t in _titles(m)
            if (not date or not _adopted(m) or _adopted(m) == date)
            and Levenshtein.distance(title_key(t), key, score_cutoff=1) == 1
        ]
        fuzzy_ids = list(dict.fromkeys(a for a, _m, _t in fuzzy))
        if len(fuzzy_ids) == 1:
            a, m, t = fuzzy[0]
            checked = bool(date and _adopted(m))
            return ActMatch(
                a,
                f"cites {cited}: read as {_show(a, m, t)} (the title one letter off)"
                + ("" if checked else "; date not checked"),
                None,
                [],
                checked,
            )
        if len(fuzzy_ids) > 1:
            return _ambiguous(cited, fuzzy, "several titles one letter off")
    if not near:
        return ActMatch(None)
    nearest = _near(key, date, acts, same)
    if not nearest:
        return ActMatch(None)
    return ActMatch(
        None,
        None,
        f"cites {cited}: no act of the corpus has that title and date; nearest: "
        + ", ".join(nearest),
        nearest,
    )


def _ambiguous(cited: str, found: list[tuple[str, dict, str]], why: str) -> ActMatch:
    shown = list(dict.fromkeys(_show(a, m, t) for a, m, t in found))
    return ActMatch(
        None, None, f"cites {cited}: more than one act fits ({why}): " + ", ".join(shown), shown
    )


def _near(key: str, date: str | None, acts: list, same: list) -> list[str]:
    """The acts near a citation that matched none: the same title (any date), or a title a
    few letters off adopted on the cited date; at most three, nearest first."""
    if same:
        return list(dict.fromkeys(_show(a, m, t) for a, m, t in same))[:3]
    pool = [
        (a, m, t)
        for a, m in acts
        for t in _titles(m)
        if not date or _adopted(m) == date or date_slip(date, _adopted(m))
    ]
    if not pool or not key:
        return []
    limit = max(2, int(len(key) * NEAR_SHARE))
    keys = [title_key(t) for _a, _m, t in pool]
    found = process.extract(key, keys, scorer=Levenshtein.distance, score_cutoff=limit, limit=3)
    picked = [i for _k, _d, i in found]
    # a word dropped or added («"Әкімшілік рәсімдер" … Заңына»): one title inside the other
    picked += [
        i
        for i, k in enumerate(keys)
        if i not in picked
        and (key in k or k in key)
        and min(len(k), len(key)) >= NEAR_SHARE * 3 * max(len(k), len(key))
    ]
    return list(dict.fromkeys(_show(*pool[i][:2], pool[i][2]) for i in picked))[:3]
