"""Public discussion of a draft under article 15 of Law No. 88-V: window, remarks, report.

Data: ``data/article15.yml`` (the rule of each stored edition of article 15, quoted from the
corpus), ``data/calendar.yml`` (the acts that set the days off, quoted from quyse/kz-laws)
and the `holidays` library (the dates of the days off of every year, the Government's
transfers included). Periods are counted as the Civil Code, General Part, chapter 6 counts
them: the period starts the day after the posting (art. 173) and one that ends on a
non-working day ends on the next working day (art. 175). Nothing the sources do not give is
assumed: a year the library does not cover is refused, a window that a day off the library
does not know (transfers of a later year) or only estimates (a movable date) may touch is
provisional, and a day on which more than one edition of article 15 may apply is reported
with all of them.

>>> rule = rule_of("Z2200000141")
>>> w = window(dt.date(2023, 3, 15), rule)
>>> w.opens, w.closes, w.provisional
(datetime.date(2023, 3, 16), datetime.date(2023, 4, 3), False)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import yaml

from . import units
from .cite import cite
from .clock import today as clock_today
from .datafile import DATA, load_data
from .eid import EId
from .model import Act, DateSpec

AUTHORS = ("individual", "legal_entity")
DECISIONS = ("accepted", "partly", "rejected")
REMARK_FIELDS = {"received", "unit", "author", "summary", "decision", "reasons"}

# Words shown on pages; the statutory phrases are art. 15's own («не подлежат рассмотрению»,
# «қарауға жатпайды»; «физических и юридических лиц», «жеке және заңды тұлғалардың»).
LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "individual": "жеке тұлға",
        "legal_entity": "заңды тұлға",
        "accepted": "қабылданды",
        "partly": "ішінара қабылданды",
        "rejected": "қабылданбады",
        "undecided": "шешім әлі қабылданған жоқ",
        "in_time": "мерзімінде келіп түсті",
        "late": "мерзім өткеннен кейін келіп түсті, қарауға жатпайды",
    },
    "ru": {
        "individual": "физическое лицо",
        "legal_entity": "юридическое лицо",
        "accepted": "принято",
        "partly": "принято частично",
        "rejected": "не принято",
        "undecided": "решение ещё не принято",
        "in_time": "поступило в срок",
        "late": "поступило по истечении срока, не подлежит рассмотрению",
    },
}

# The pages' notes, per language (generator/data/discussion_notes.yml: they name units).
NOTES: dict[str, dict[str, str]] = load_data(DATA / "discussion_notes.yml")


class CalendarError(ValueError):
    """A day the calendar cannot classify (its year is not covered by cited data)."""


@cache
def _article15() -> dict:
    return load_data(DATA / "article15.yml")


@cache
def _calendar_data() -> dict:
    return load_data(DATA / "calendar.yml")


def _note(code: str, **params: object) -> dict[str, str]:
    out = {"code": code}
    for lang in ("kk", "ru"):
        out[lang] = NOTES[code][lang].format(**params)
    return out


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())


# -- the rule --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """The discussion rule of article 15 in one or more editions that agree on it.

    ``unit`` is ``calendar`` or ``working``; ``posting_deadline`` is
    ``{length, unit, from, eid}`` or None where the edition sets none (or the candidate
    editions disagree on it). ``quotes`` maps an eId to ``{lang: text}``.
    """

    editions: tuple[str, ...]
    length: int
    unit: str
    start: str
    period_eid: str
    late_eid: str
    report_eids: tuple[str, ...]
    posting_deadline: dict | None = field(hash=False)
    quotes: dict = field(compare=False, hash=False)
    in_force: tuple[str, ...] = ()

    def quote(self, eid: str, lang: str) -> tuple[str, str] | None:
        """(language, text) of a unit, in ``lang`` when an edition has it, else the other."""
        texts = self.quotes.get(eid, {})
        for lg in (lang, "ru" if lang == "kk" else "kk"):
            if lg in texts:
                return lg, texts[lg]
        return None


def editions() -> list[dict]:
    """The stored editions of article 15 as data (see data/article15.yml)."""
    return list(_article15()["editions"])


def law_meta() -> dict:
    """The act.yml fields of Law No. 88-V that citations need."""
    return dict(_article15()["law"])


def rule_of(edition_id: str) -> Rule:
    """The rule of one edition of article 15.

    >>> r = rule_of("partial-before-Z1500000408")
    >>> (r.length, r.unit, r.posting_deadline["length"])
    (30, 'calendar', 5)
    """
    for ed in editions():
        if ed["id"] == edition_id:
            return _rule([ed])
    known = ", ".join(e["id"] for e in editions())
    raise KeyError(f"no edition {edition_id!r} of article 15 (known: {known})")


def _rule(eds: list[dict]) -> Rule:
    first = eds[0]
    quotes: dict[str, dict[str, str]] = {}
    for ed in eds:
        for eid, texts in ed["quotes"].items():
            for lang, text in texts.items():
                quotes.setdefault(eid, {}).setdefault(lang, text)
    deadlines = [ed.get("posting_deadline") for ed in eds]
    deadline = deadlines[0] if all(d == deadlines[0] for d in deadlines) else None
    p = first["period"]
    return Rule(
        editions=tuple(ed["id"] for ed in eds),
        length=int(p["length"]),
        unit=p["unit"],
        start=p["start"],
        period_eid=p["eid"],
        late_eid=first["late_remarks"],
        report_eids=tuple(first["report"]),
        posting_deadline=dict(deadline) if deadline else None,
        quotes=quotes,
        in_force=tuple(str(ed["in_force"]) for ed in eds),
    )


def rule_for(posting_date: dt.date) -> tuple[Rule | None, list[str]]:
    """The rule of the edition of article 15 in force on the posting day, and warnings.

    When the day falls where the in-force dates are uncertain, every edition that may govern
    it is named; a rule comes back only if those editions agree on the period (their common
    rule, with the posting deadline dropped where they differ on it).

    >>> rule, warnings = rule_for(dt.date(2017, 6, 1))
    >>> rule.editions, warnings
    (('partial-before-Z1500000408',), [])
    >>> rule, warnings = rule_for(dt.date(2023, 3, 15))
    >>> rule is None, len(warnings)
    (True, 2)
    """
    eds = sorted(editions(), key=lambda e: DateSpec.parse(e["in_force"]).sort_key())
    starts = [DateSpec.parse(e["in_force"]) for e in eds]
    candidates = []
    for i, (ed, start) in enumerate(zip(eds, starts, strict=True)):
        if start.earliest is not None and start.earliest > posting_date:
            continue  # cannot have taken effect yet
        superseded = any(s.latest is not None and s.latest <= posting_date for s in starts[i + 1 :])
        if not superseded:
            candidates.append((ed, start))
    warnings: list[str] = []
    if not candidates:
        return None, [f"no stored edition of article 15 can be in force on {posting_date}"]
    first_ed, first_start = candidates[0]
    earlier_possible = first_start.latest is None or first_start.latest > posting_date
    if len(candidates) == 1 and not earlier_possible:
        return _rule([first_ed]), []
    names = [f"{ed['id']} (in force {ed['in_force']})" for ed, _ in candidates]
    if earlier_possible and eds.index(first_ed) == 0:
        names.insert(0, "an earlier wording not stored in the corpus")
    warnings.append(
        f"{posting_date} falls where the in-force dates of article 15 are uncertain; "
        f"it may be governed by: {'; '.join(names)}"
    )
    eds_in = [ed for ed, _ in candidates]
    periods = {(e["period"]["length"], e["period"]["unit"], e["period"]["start"]) for e in eds_in}
    if len(periods) != 1 or (earlier_possible and eds.index(first_ed) == 0):
        warnings.append(
            "the candidate editions differ on the discussion period; choose the edition "
            "explicitly (rule_of) or set the closing date by an override with its reason"
        )
        return None, warnings
    rule = _rule(eds_in)
    deadlines = {repr(e.get("posting_deadline")) for e in eds_in}
    if len(deadlines) != 1:
        warnings.append(
            "the candidate editions differ on the posting deadline (article 15, point 2); "
            "it is not applied"
        )
    return rule, warnings


# -- the calendar ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Year:
    off: dict  # date -> list of reasons (why it is not a working day)
    working: dict  # date -> reason (a day off transferred to be worked)
    unknowns: tuple[str, ...]  # codes: transfers_unknown
    estimated: dict = field(default_factory=dict)  # date -> {kk, ru} name, a movable day estimated


def library() -> dict:
    """The library that gives the dates of the days off, with its version.

    >>> library()["name"], library()["country"]
    ('holidays', 'KZ')
    """
    import holidays

    return {"name": "holidays", "version": holidays.__version__, "country": "KZ"}


def transfers_known_through() -> int:
    """The last year whose Government transfers of days off the library holds.

    >>> transfers_known_through()
    2025
    """
    from holidays.countries.kazakhstan import KazakhstanStaticHolidays

    return max(KazakhstanStaticHolidays.special_public_holidays)


_SUBSTITUTED = re.compile(r"substituted from (\d\d)/(\d\d)/(\d{4})")


@cache
def _year(year: int) -> _Year:
    """The days off of ``year``: dates from the `holidays` library (public holidays, the
    days off moved from a holiday on a day off, the first day of Kurban ait, the
    Government's transfers), each citing the act that sets it where calendar.yml quotes one
    (Law «On holidays» arts. 2, 3, 5; Labour Code art. 84 p. 5, art. 85 p. 3)."""
    import holidays

    data = _calendar_data()
    from holidays.countries.kazakhstan import Kazakhstan

    start = Kazakhstan.start_year
    if year < start:
        raise CalendarError(
            f"calendar has no data for {year} (holidays {library()['version']} covers "
            f"Kazakhstan from {start})"
        )
    src = {"library": "holidays", "version": library()["version"]}
    en = holidays.country_holidays("KZ", years=year, language="en_US")
    kk = holidays.country_holidays("KZ", years=year, language="kk")
    fixed = {item["date"]: item for item in data["fixed"]}
    ru_of = {item["name"].get("kk"): item["name"].get("ru") for item in data["fixed"]}
    off: dict[dt.date, list[dict]] = {}
    working: dict[dt.date, dict] = {}
    estimated: dict[dt.date, dict] = {}
    used: set[dt.date] = set()
    for day in sorted(en):
        for name_en, name_kk in zip(en.get_list(day), kk.get_list(day), strict=True):
            reason: dict = {"source": src}
            sub = _SUBSTITUTED.search(name_en)
            if sub:
                worked = dt.date(int(sub[3]), int(sub[1]), int(sub[2]))
                reason.update(
                    name={"kk": name_kk, "ru": f"Перенесённый выходной день (с {worked:%d.%m.%Y})"},
                    quote="labour_code_art_85_3",
                    transfer_from=worked.isoformat(),
                )
                working[worked] = {"transfer_to": day.isoformat(), "source": src}
            elif "(observed" in name_en:
                base_en = name_en.split(" (observed")[0]
                base_kk = name_kk.split(" (")[0]
                # The holiday that fell on a day off: the earliest not yet moved.
                same = sorted(d for d in en if d < day and base_en in en.get_list(d))
                weekend = [d for d in same if d.isoweekday() in data["week"]["days_off"]]
                free = [d for d in weekend if d not in used] or same[-1:]
                moved = free[0]
                used.add(moved)
                reason.update(
                    name={"kk": base_kk, "ru": ru_of.get(base_kk) or base_kk},
                    quote="holidays_law_art_5",
                    moved_from=moved.isoformat(),
                )
            else:
                base_kk = name_kk.split(" (")[0]
                item = fixed.get(f"{day:%m-%d}")
                if "Eid al-Adha" in name_en:
                    reason.update(
                        name={"kk": base_kk, "ru": "Курбан-айт"}, quote="labour_code_art_84_5"
                    )
                elif item is not None:  # the act's list names this date
                    reason.update(
                        name={"kk": item["name"].get("kk") or base_kk, "ru": item["name"]["ru"]},
                        quote=item["quote"],
                    )
                else:
                    reason.update(name={"kk": base_kk, "ru": ru_of.get(base_kk) or base_kk})
            if "(estimated" in name_en or "estimated)" in name_en:
                estimated[day] = reason["name"]
                reason["estimated"] = True
            off.setdefault(day, []).append(reason)
    unknowns = ("transfers_unknown",) if year > transfers_known_through() else ()
    return _Year(off=off, working=working, unknowns=unknowns, estimated=estimated)


def calendar_quotes() -> dict[str, dict[str, str]]:
    """Quote key → the provision it quotes, cited in words per language.

    >>> calendar_quotes()["labour_code_art_84_5"]["ru"]
    'Трудовой кодекс Республики Казахстан, статья 84, пункт 5'
    """
    data = _calendar_data()
    out: dict[str, dict[str, str]] = {}
    for key, q in data["quotes"].items():
        act = data["acts"][q["act"]]
        unit = q["unit"]
        for lang in ("kk", "ru"):
            title = act["title"].get(lang) or act["title"]["ru"]
            paras = unit.get("para")
            # Labels from units.yml, lower-cased inside the citation («статья 84, пункт 5»).
            bits = [_lower_first(units.label("art", str(unit["art"]), lang))]
            if paras:
                p = ", ".join(paras) if isinstance(paras, list) else paras
                bits.append(_lower_first(units.label("para", str(p), lang)))
            out.setdefault(key, {})[lang] = f"{title}, {', '.join(bits)}"
    return out


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def covered_years() -> list[int]:
    """The years counted with every day off known (transfers included)."""
    from holidays.countries.kazakhstan import Kazakhstan

    return list(range(Kazakhstan.start_year, transfers_known_through() + 1))


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is a working day; CalendarError outside the covered years.

    >>> is_working_day(dt.date(2023, 3, 21)), is_working_day(dt.date(2023, 3, 24))
    (False, True)
    """
    y = _year(day.year)
    if day in y.working:
        return True
    if day in y.off:
        return False
    return day.isoweekday() not in set(_calendar_data()["week"]["days_off"])


def day_reasons(day: dt.date) -> list[dict]:
    """Why ``day`` is not a working day (holiday, moved day off, transfer); [] if none."""
    return list(_year(day.year).off.get(day, []))


def _add_working(after: dt.date, n: int) -> tuple[dt.date, set[int]]:
    """The n-th working day after ``after`` (the day after counts as the first)."""
    d, count, years = after, 0, set()
    while count < n:
        d += dt.timedelta(days=1)
        years.add(d.year)
        if is_working_day(d):
            count += 1
    return d, years


def posting_due(registered: dt.date, rule: Rule) -> dt.date | None:
    """The last day to post the draft, counted from the service's entry in the register.

    None where the edition sets no posting deadline.

    >>> posting_due(dt.date(2023, 3, 17), rule_of("Z2200000129"))
    datetime.date(2023, 3, 29)
    >>> posting_due(dt.date(2023, 3, 17), rule_of("Z2200000141")) is None
    True
    """
    dl = rule.posting_deadline
    if not dl:
        return None
    if dl["unit"] == "working":
        return _add_working(registered, int(dl["length"]))[0]
    last = registered + dt.timedelta(days=int(dl["length"]))
    while not is_working_day(last):
        last += dt.timedelta(days=1)
    return last


# -- the window ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """The discussion window of a draft: remarks received by ``closes`` are considered.

    ``opens`` is the first day of the period (the day after posting); ``notes`` are
    ``{code, kk, ru}``; ``provisional`` when a day off in the period's years is unknown;
    ``computed`` is the rule's own date when ``override`` replaced it.
    """

    posted: dt.date
    opens: dt.date
    closes: dt.date
    rule: Rule
    citation: dict
    notes: tuple[dict, ...] = ()
    provisional: bool = False
    computed: dt.date | None = None
    override: dict | None = None
    posting_due: dt.date | None = None
    days_off: tuple[dict, ...] = ()

    def to_dict(self) -> dict:
        """Plain data for rendering."""
        return {
            "posted": self.posted.isoformat(),
            "opens": self.opens.isoformat(),
            "closes": self.closes.isoformat(),
            "provisional": self.provisional,
            "editions": list(self.rule.editions),
            "period": {"length": self.rule.length, "unit": self.rule.unit},
            "citation": self.citation,
            "notes": list(self.notes),
            "computed": self.computed.isoformat() if self.computed else None,
            "override": self.override,
            "posting_due": self.posting_due.isoformat() if self.posting_due else None,
            "days_off": [dict(d) for d in self.days_off],
        }


def _days_off(first: dt.date, last: dt.date) -> tuple[dict, ...]:
    """The days of ``first``..``last`` that are not what the week makes them: holidays and
    other days off (each with its reasons), and days off transferred to be worked."""
    out = []
    d = first
    while d <= last:
        y = _year(d.year)
        if d in y.working:
            out.append({"date": d.isoformat(), "working": True, "reasons": [y.working[d]]})
        elif d in y.off:
            out.append({"date": d.isoformat(), "working": False, "reasons": list(y.off[d])})
        d += dt.timedelta(days=1)
    return tuple(out)


def _compute(posted: dt.date, rule: Rule) -> tuple[dt.date, set[int], list[dict]]:
    notes: list[dict] = []
    if rule.unit == "working":
        closes, years = _add_working(posted, rule.length)
        return closes, years, notes
    if rule.unit != "calendar":
        raise ValueError(f"unknown period unit {rule.unit!r}")
    last = posted + dt.timedelta(days=rule.length)
    closes, years = last, {last.year}
    while not is_working_day(closes):
        closes += dt.timedelta(days=1)
        years.add(closes.year)
    if closes != last:
        notes.append(_note("end_moved", last=last.isoformat(), closes=closes.isoformat()))
    return closes, years, notes


def window(
    posting_date: dt.date,
    rule: Rule,
    override: dict | None = None,
    registered: dt.date | None = None,
) -> Window:
    """The discussion window of a draft posted on ``posting_date`` under ``rule``.

    ``override`` = ``{closes: DATE, reason: text or {kk, ru}}`` sets the closing date
    explicitly (shown with its reason and the computed date); ``registered`` is the day the
    service entered the register, to check the posting deadline where the edition sets one.

    >>> w = window(dt.date(2023, 3, 15), rule_of("Z2200000129"))
    >>> w.closes.isoformat(), [n["code"] for n in w.notes]
    ('2023-04-03', ['registered_unknown'])
    """
    opens = posting_date + dt.timedelta(days=1)  # Civil Code art. 173
    notes: list[dict] = []
    computed: dt.date | None = None
    years: set[int] = set()
    try:
        computed, years, notes = _compute(posting_date, rule)
    except CalendarError as e:
        if not override:
            raise
        year = str(e).split(" for ", 1)[1].split(" ", 1)[0]
        notes.append(_note("calendar_missing", year=year))
    provisional = False
    lib = f"{library()['name']} {library()['version']}"
    for y in sorted(years):
        for code in _year(y).unknowns:
            notes.append(_note(code, year=y, library=lib))
            provisional = True
    if computed is not None:
        # A movable day the library estimates (Kurban ait of a year it has not confirmed)
        # makes the window provisional only if it, or a day either side of it, falls in it.
        for y in sorted(years | {opens.year}):
            for day, name in sorted(_year(y).estimated.items()):
                if opens - dt.timedelta(days=1) <= day <= computed + dt.timedelta(days=1):
                    n = {"code": "movable_estimated"}
                    for lg in ("kk", "ru"):
                        n[lg] = NOTES["movable_estimated"][lg].format(
                            name=name[lg], date=f"{day:%d.%m.%Y}", library=lib
                        )
                    notes.append(n)
                    provisional = True
    days_off = _days_off(opens, computed) if computed is not None else ()
    due = None
    if rule.posting_deadline:
        if registered is None:
            notes.append(_note("registered_unknown"))
        else:
            due = posting_due(registered, rule)
            if due is not None and posting_date > due:
                notes.append(_note("posted_late", posted=posting_date.isoformat(), due=due))
    closes = computed
    if override:
        if "closes" not in override or not override.get("reason"):
            raise ValueError("an override needs both `closes` and `reason`")
        closes = _date(override["closes"])
        reason = override["reason"]
        texts = reason if isinstance(reason, dict) else {"kk": reason, "ru": reason}
        n = {"code": "override"}
        for lang in ("kk", "ru"):
            text = texts.get(lang) or next(iter(texts.values()))
            n[lang] = NOTES["override"][lang].format(closes=closes.isoformat(), reason=text)
        notes.append(n)
        provisional = False
    assert closes is not None
    if closes < opens:
        raise ValueError(f"override closes the window on {closes}, before it opens on {opens}")
    law = law_meta()
    citation = {
        "kk": cite(rule.period_eid, law, "kk"),
        "ru": cite(rule.period_eid, law, "ru"),
        "counting": ["civil_code_art_173", "civil_code_art_175"],
    }
    return Window(
        posted=posting_date,
        opens=opens,
        closes=closes,
        rule=rule,
        citation=citation,
        notes=tuple(notes),
        provisional=provisional,
        computed=computed if override else None,
        override=dict(override) if override else None,
        posting_due=due,
        days_off=days_off,
    )


def window_for(draft_meta: dict) -> tuple[Window | None, list[str]]:
    """The window of a draft from its act.yml ``discussion`` block, and warnings.

    ``discussion: {posted: DATE, edition: ID?, registered: DATE?, override: {closes, reason}?}``;
    without ``edition`` the edition is found by ``rule_for``. None (with the reasons as
    warnings) where the discussion rule does not apply, the draft is not posted, the edition
    is uncertain or the calendar has no data for the period.

    >>> w, warnings = window_for({"discussion": {"posted": "2023-03-15", "edition": "Z2200000141"}})
    >>> w.closes, warnings
    (datetime.date(2023, 4, 3), [])
    >>> window_for({"discussion": {"posted": "2023-03-15"}})[0] is None
    True
    """
    disc = draft_meta.get("discussion") or {}
    if disc.get("applies") is False or not disc.get("posted"):
        return None, []
    posted = _date(disc["posted"])
    if disc.get("edition"):
        rule, warnings = rule_of(disc["edition"]), []
    else:
        rule, warnings = rule_for(posted)
    if rule is None:
        return None, warnings
    registered = _date(disc["registered"]) if disc.get("registered") else None
    try:
        w = window(posted, rule, disc.get("override"), registered)
    except CalendarError as e:
        return None, [*warnings, str(e)]
    note = disc.get("posted_note")
    if note:
        # A posting on a day off is shown with the note that says why (the validator
        # requires one there).
        texts = note if isinstance(note, dict) else {"kk": note, "ru": note}
        n = {"code": "posted_day_off"}
        for lang in ("kk", "ru"):
            text = texts.get(lang) or next(iter(texts.values()))
            n[lang] = NOTES["posted_day_off"][lang].format(posted=posted.isoformat(), note=text)
        w = replace(w, notes=(*w.notes, n))
    return w, warnings


# -- remarks ---------------------------------------------------------------------------------


@dataclass
class Remark:
    """One remark on a draft (drafts/<ID>/remarks.yml), with its status under the window."""

    received: dt.date
    unit: str
    author: str
    summary: dict
    decision: str | None
    reasons: dict
    line: int = 0
    status: str = "in_time"  # in_time | late
    status_text: dict = field(default_factory=dict)


def load_remarks(path: Path) -> list[dict]:
    """The remarks of a draft file, each dict with its source line under ``_line``."""
    text = Path(path).read_text(encoding="utf-8")
    node = yaml.compose(text)
    data = yaml.safe_load(text) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}:1: remarks.yml must be a list of remarks")
    out = []
    for item, item_node in zip(data, node.value if node else [], strict=False):
        if isinstance(item, dict):
            item = dict(item)
            item["_line"] = item_node.start_mark.line + 1
        out.append(item)
    return out


def validate_remarks(
    remarks: list[dict],
    draft_acts_by_lang: dict[str, Act],
    window: Window,
    source: str = "remarks.yml",
    today: dt.date | None = None,
) -> tuple[list[Remark], list[str]]:
    """Check remarks against the draft's units and the window; mark late ones.

    Article 15(3) of Law No. 88-V: the discussion is held «оның жария талқылау үшін
    орналастырылған күнінен бастап» / «со дня его размещения для публичного обсуждения»; a
    period counted from a day begins on the next day (Civil Code art. 173), so a remark
    dated on or before the posting day is not «in time» but before the period: an error,
    as is a remark dated after ``today`` (it cannot have been received yet).

    Errors name file, line and unit. A remark received after ``window.closes`` is kept with
    status ``late`` (article 15: not considered) and must carry no decision; a decided remark
    needs its reasons.

    >>> from generator.parse import parse_markdown
    >>> draft = {"kk": parse_markdown("# Ж\\n\\n1. Бір.\\n", "kk")}
    >>> w = window(dt.date(2023, 3, 15), rule_of("Z2200000141"))
    >>> items = [{"received": "2023-04-04", "unit": "para_1", "author": "individual",
    ...           "summary": {"kk": "x"}, "decision": None, "_line": 1}]
    >>> rs, errors = validate_remarks(items, draft, w)
    >>> rs[0].status, errors
    ('late', [])
    """
    known: set[str] = set()
    for act in draft_acts_by_lang.values():
        known.update(act.index())
    law = law_meta()
    out: list[Remark] = []
    errors: list[str] = []
    for i, item in enumerate(remarks, 1):
        line = item.get("_line", 0) if isinstance(item, dict) else 0
        where = f"{source}:{line}: remark {i}"
        if not isinstance(item, dict):
            errors.append(f"{where}: not a mapping")
            continue
        extra = set(item) - REMARK_FIELDS - {"_line"}
        if extra:
            errors.append(f"{where}: unknown field(s) {', '.join(sorted(extra))}")
        unit = str(item.get("unit") or "")
        where_u = f"{where} ({unit or 'no unit'})"
        try:
            received = _date(item.get("received"))
        except ValueError:
            errors.append(f"{where_u}: `received` is not a date: {item.get('received')!r}")
            continue
        if unit not in known:
            langs = ", ".join(sorted(draft_acts_by_lang))
            errors.append(f"{where_u}: unknown unit {unit!r} (not in the draft's {langs} text)")
        author = item.get("author")
        if author not in AUTHORS:
            errors.append(f"{where_u}: author must be one of {', '.join(AUTHORS)}: {author!r}")
        decision = item.get("decision")
        if decision is not None and decision not in DECISIONS:
            errors.append(f"{where_u}: decision must be one of {', '.join(DECISIONS)} or null")
        summary = item.get("summary") or {}
        reasons = item.get("reasons") or {}
        if not summary:
            errors.append(f"{where_u}: no summary")
        if received < window.opens:
            errors.append(
                f"{where_u}: received {received}, before the discussion period opened on "
                f"{window.opens} (art. 15 para. 3 of Law No. 88-V: from the day after "
                f"posting on {window.posted})"
            )
        if received > (today or clock_today()):
            errors.append(
                f"{where_u}: received {received}, after today ({today or clock_today()}, --today)"
            )
        late = received > window.closes
        if decision is not None and not late and not any(str(v).strip() for v in reasons.values()):
            errors.append(f"{where_u}: decision {decision!r} without reasons")
        if late and decision is not None:
            errors.append(
                f"{where_u}: received {received}, after the window closed on {window.closes}; "
                "article 15 says it is not considered, so it takes no decision"
            )
        status = "late" if late else "in_time"
        status_text = {}
        for lang in ("kk", "ru"):
            text = LABELS[lang][status]
            if late:
                text += f" ({cite(window.rule.late_eid, law, lang)})"
            status_text[lang] = text
        out.append(
            Remark(
                received=received,
                unit=unit,
                author=str(author),
                summary=dict(summary),
                decision=decision,
                reasons=dict(reasons),
                line=line,
                status=status,
                status_text=status_text,
            )
        )
    return out, errors


def _in_lang(texts: dict, lang: str) -> tuple[str | None, str | None]:
    for lg in (lang, "ru" if lang == "kk" else "kk"):
        if texts.get(lg):
            return lg, texts[lg]
    return None, None


def report(
    remarks: list[Remark], window: Window, lang: str, revised_draft: dict | str | None = None
) -> dict:
    """The report on the discussion as article 15, point 4 prescribes, as data to render.

    It lists the remarks received with their source (individual or legal entity), summary,
    decision and reasons; those received after the window separately as not considered; and
    where the revised draft can be read (``revised_draft``; ``missing`` names what the
    report still lacks).

    >>> w = window(dt.date(2023, 3, 15), rule_of("Z2200000141"))
    >>> r = report([], w, "ru")
    >>> r["totals"]["received"], r["missing"]
    (0, ['revised_draft'])
    """
    law = law_meta()
    rule = window.rule
    basis = {"citation": cite(str(EId.of(("art", 15), ("para", 4))), law, lang), "quotes": []}
    for eid in rule.report_eids:
        q = rule.quote(eid, lang)
        if q:
            basis["quotes"].append({"eid": eid, "lang": q[0], "text": q[1]})
    received, late = [], []
    totals = {k: 0 for k in ("received", "considered", *DECISIONS, "undecided", "not_considered")}
    for n, r in enumerate(sorted(remarks, key=lambda r: (r.received, r.line)), 1):
        totals["received"] += 1
        s_lang, summary = _in_lang(r.summary, lang)
        entry = {
            "number": n,
            "received": r.received.isoformat(),
            "unit": r.unit,
            "author": r.author,
            "author_label": LABELS[lang].get(r.author, r.author),
            "summary": summary,
            "summary_lang": s_lang,
            "status": r.status,
            "status_text": r.status_text.get(lang),
        }
        if r.status == "late":
            totals["not_considered"] += 1
            late.append(entry)
            continue
        totals["considered"] += 1
        totals[r.decision or "undecided"] += 1
        r_lang, reasons = _in_lang(r.reasons, lang)
        entry.update(
            decision=r.decision,
            decision_label=LABELS[lang][r.decision or "undecided"],
            reasons=reasons,
            reasons_lang=r_lang,
        )
        received.append(entry)
    missing = []
    if totals["undecided"]:
        missing.append("decisions")
    if not revised_draft:
        missing.append("revised_draft")
    return {
        "lang": lang,
        "basis": basis,
        "window": window.to_dict(),
        "remarks": received,
        "not_considered": late,
        "totals": totals,
        "revised_draft": revised_draft,
        "missing": missing,
    }


def status(draft_meta: dict, window: Window | None, today: dt.date) -> dict:
    """Where a draft's discussion stands: open, closed, adopted or not applicable.

    >>> status({"discussion": {"applies": False, "reason": "a draft law"}}, None,
    ...        dt.date(2024, 1, 1))["kind"]
    'not_applicable'
    >>> w = window(dt.date(2023, 3, 15), rule_of("Z2200000141"))
    >>> status({}, w, dt.date(2023, 4, 3))
    {'kind': 'open', 'until': datetime.date(2023, 4, 3), 'provisional': False}
    >>> status({}, w, dt.date(2023, 4, 4))
    {'kind': 'closed', 'closed_on': datetime.date(2023, 4, 3), 'provisional': False}
    """
    disc = draft_meta.get("discussion") or {}
    adopted = draft_meta.get("adopted_as")
    if disc.get("applies") is False:
        out = {"kind": "not_applicable", "reason": disc.get("reason")}
        if adopted:
            out["act"] = adopted
        return out
    if adopted:
        return {"kind": "adopted", "act": adopted}
    if window is None:
        raise ValueError("a draft under discussion needs its window (posting date and rule)")
    if today <= window.closes:
        return {"kind": "open", "until": window.closes, "provisional": window.provisional}
    return {"kind": "closed", "closed_on": window.closes, "provisional": window.provisional}
