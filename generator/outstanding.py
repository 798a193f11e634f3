"""Outstanding effects as data (DESIGN.md, «Operations»: the outstanding-effects rule).

An instruction zan cannot read or apply is an outstanding effect for the act and language
it concerns: the consolidate stage (`consolidate.build_versions`) stops applying at the
amending act that holds it and records every later effect as outstanding after it. This
module gives the consolidate stage what it needs about instructions not read (the act each
one stands under, the units it names) and the build the counts of effects by status. No
interface string is here: the page stage (`outstanding_pages`) words them.

>>> named_units("8) 23-бап мынадай", "kk")
['art_23']
"""

from __future__ import annotations

import re
from collections import Counter

from . import eid as _eid
from .amender_text import mask_quotes
from .consolidate import OUTSTANDING, EffectStatus, Unread
from .formulas.amender import Amender
from .formulas.locate import locate, path_eid, unit_refs

__all__ = ["count_by_status", "named_units", "unread_of"]

# The amender's own item number before an instruction («8) …», «2. …», «а) …»): not a unit
# of the amended act.
ITEM = re.compile(r"^\s*(?:\d+(?:-\d+)*[).]|[а-яәіңғүұқөһ]\))\s*", re.IGNORECASE)
EID = _eid.LOOSE_EID_RE  # Roman chapter numbers as cited (chp_IV) allowed: generator/eid.py


# the amending act naming its own units («настоящего Закона», «Осы Заңның»)
OWN_ACT = re.compile(
    r"\bнастоящего\s+(?:Закона|Указа|Кодекса)|\bОсы\s+(?:Заңның|Жарлықтың|Кодекстің)"
)


def named_units(sentence: str, lang: str) -> list[str]:
    """The eIds a sentence names, as far as the grammar's unit references read them (an
    instruction not read still says which units it is about).

    >>> named_units("3) 2-баптың 1-тармағы 6) тармақшадағы", "kk")
    ['art_2__para_1__subpara_6']
    >>> named_units("8) статью 23 изложи в следующей редакции:", "ru")
    ['art_23']

    Units of the amending act itself («… абзацы қолданысқа енгізілгенге дейін …» of «Осы
    Заңның 1-бабы …», 127764 kk) are not units of the amended act:

    >>> named_units("2. Осы Заңның 1-бабы 2-тармағы 1) тармақшасының тоғызыншы абзацы "
    ...     "қолданысқа енгізілгенге дейін осы абзац мынадай редакцияда қолданылады", "kk")
    []
    """
    skeleton = mask_quotes(ITEM.sub("", sentence, count=1))[0]
    if OWN_ACT.search(skeleton):
        return []
    refs = unit_refs(skeleton, lang)
    if not refs:
        return []
    out: list[str] = []
    for path in locate((), refs, lang):
        if any(num is None for _t, num in path):
            continue
        e = path_eid(path)
        if EID.match(e) and e not in out:
            out.append(e)
    return out


def unread_of(am: Amender) -> list[Unread]:
    """Each instruction of an amender that was not read, under the act it stands under (the
    last citation before its line), with the units it names.

    >>> from generator.formulas.amender import CitedAct, InstructionError
    >>> am = Amender("kk", acts=[CitedAct("Әкімшілік рәсімдер туралы", "2000-11-27", 22)],
    ...     errors=[InstructionError(134, "not read", "8) 23-бап мынадай")])
    >>> u = unread_of(am)[0]
    >>> u.act, u.act_date, u.line, u.targets
    ('Әкімшілік рәсімдер туралы', '2000-11-27', 134, ['art_23'])
    """
    cited = sorted(am.acts, key=lambda c: c.line)
    out = []
    for e in am.errors:
        under = [c for c in cited if c.line <= e.line]
        act = under[-1] if under else None
        out.append(
            Unread(
                line=e.line,
                source=e.sentence,
                reason=e.reason,
                act=act.title if act else "",
                act_date=act.date if act else None,
                targets=named_units(e.sentence, am.lang),
            )
        )
    return out


def count_by_status(rows: list[dict]) -> dict[str, int]:
    """Outstanding effects by reason (status value → count), over ledger rows.

    >>> count_by_status([{"status": "outstanding-not-read"}, {"status": "applied"},
    ...                  {"status": "outstanding-after-earlier"}])
    {'outstanding-not-read': 1, 'outstanding-failed': 0, 'outstanding-after-earlier': 1}
    """
    counts = Counter(r["status"] for r in rows)
    return {s.value: counts.get(s.value, 0) for s in OUTSTANDING}


def is_outstanding(status: str) -> bool:
    """Whether a ledger row's status (its value) is outstanding.

    >>> is_outstanding("outstanding-failed"), is_outstanding("pending")
    (True, False)
    """
    return EffectStatus(status).outstanding
