"""What an act's own text says about its kind, date and number (issue 12, item 5–6).

Read from the lines the text bank prints after the signature («Астана, Ақорда, 2007 жылғы
18 маусым № 262» / «Астана, Акорда, 18 июня 2007 года № 262-III») and from a header line
of the kind of act («ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН»). Nothing is guessed: a field the text
does not state is absent.

>>> read_header(["Қазақстан Республикасының Президенті", "Астана, Ақорда, 2007 жылғы 18 маусым",
...              "№ 262-III"], "kk")
{'date': '2007-06-18', 'number': '262-III'}
>>> read_header(["Президент Республики Казахстан", "Н. НАЗАРБАЕВ"], "ru")
{}
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "kk": [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
}
NUMBER_RE = re.compile(r"(?:№|N)\s*(\d+(?:-[IVXLCМ]+|-[А-ЯA-Z]+)?)\b")
KIND_RE = {
    "law": re.compile(r"^(?:ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН|ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ)$", re.I),
    "constitutional_law": re.compile(
        r"^(?:КОНСТИТУЦИОННЫЙ ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН"
        r"|ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ КОНСТИТУЦИЯЛЫҚ ЗАҢЫ)$",
        re.I,
    ),
}


def _date(text: str, lang: str) -> dt.date | None:
    months = "|".join(MONTHS[lang])
    if lang == "kk":
        m = re.search(rf"(\d{{4}})\s*жылғы\s+(\d{{1,2}})\s+({months})", text, re.I)
        if m:
            year, day, month = int(m[1]), int(m[2]), MONTHS["kk"].index(m[3].lower()) + 1
        else:
            return None
    else:
        m = re.search(rf"(\d{{1,2}})\s+({months})\s+(\d{{4}})", text, re.I)
        if not m:
            return None
        day, month, year = int(m[1]), MONTHS["ru"].index(m[2].lower()) + 1, int(m[3])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_header(lines: list[str], lang: str) -> dict[str, str]:
    """``kind``, ``date`` (ISO) and ``number`` where the given lines state them.

    >>> read_header(["ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН"], "ru")
    {'kind': 'law'}
    """
    out: dict[str, str] = {}
    for line in lines:
        s = line.strip()
        for kind, rx in KIND_RE.items():
            if rx.match(s):
                out.setdefault("kind", kind)
    tail = " ".join(lines[-4:])
    day = _date(tail, lang)
    if day is not None:
        out["date"] = day.isoformat()
        m = NUMBER_RE.search(tail[tail.find(str(day.year)) :])
        if m:
            out["number"] = m[1]
    return out
