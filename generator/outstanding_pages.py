"""Page stage for outstanding effects, point in time and currency: words and HTML for the
data the consolidate stage returns (ledger rows with an `consolidate.EffectStatus` value,
versions with their dates). Every corpus string passes `site.esc`.

>>> period_sentence(DateSpec.parse("2009-01-01"), DateSpec.parse("after 2010-01-01"), "ru")
'Текст действовал с 01.01.2009 до даты после 01.01.2010.'
>>> period_sentence(DateSpec.parse("after 2007-06-18"), None, "kk")
'Мәтін 18.06.2007 кейінгі күннен бастап қолданыста.'
"""

from __future__ import annotations

import datetime as dt
import json

from .diff import unit_label
from .model import DateSpec
from .site import (
    OTHER,
    SiteAct,
    SiteVersion,
    act_url,
    date_text,
    day_text,
    esc,
    rel,
    ui,
    version_name,
)

__all__ = [
    "currency_html",
    "edition_banner",
    "outstanding_banner",
    "outstanding_marks",
    "period_html",
    "period_sentence",
    "row_anchor",
    "status_text",
    "versions_data",
]


def period_sentence(
    start: DateSpec, next_start: DateSpec | None, lang: str, pending: bool = False
) -> str:
    """The period of a version in one sentence: «Текст действовал с D1 по D2» / «Текст
    действует с D1» (DD.MM.YYYY or DESIGN.md's range forms, never a guessed day). D2 is the
    day before the next version took effect when that day is exact; otherwise the next
    version's own range («до даты после …»).

    >>> period_sentence(DateSpec.parse("unknown"), DateSpec.parse("2009-01-01"), "kk")
    'Мәтін белгісіз күннен бастап 31.12.2008 дейін қолданыста болды.'
    """
    t = ui(lang)
    first = date_text(start, lang, t["period_start"])
    if pending:
        return t["period_pending"].format(start=first)
    if next_start is None:
        return t["period_current"].format(start=first)
    if next_start.exact:
        last = dt.date.fromisoformat(next_start.text) - dt.timedelta(days=1)
        end = t["period_end"]["exact"].format(d=day_text(last))
    else:
        end = date_text(next_start, lang, t["period_end"])
    return t["period_past"].format(start=first, end=end)


def _in_lang(act: SiteAct, lang: str) -> list[SiteVersion]:
    return [v for v in act.versions if lang in v.texts]


def period_html(act: SiteAct, v: SiteVersion, lang: str, page_dir: str) -> str:
    """The period sentence of a version page (``data-zan-period``) and a link to the text
    in force."""
    t = ui(lang)
    vs = [x for x in _in_lang(act, lang) if not x.partial or x is v]
    i = vs.index(v)
    status = v.lang_status.get(lang, v.status)
    nxt = next((x for x in vs[i + 1 :] if x.lang_status.get(lang) != "pending"), None)
    sentence = period_sentence(
        v.date,
        None if status == "in_force" else (nxt.date if nxt else None),
        lang,
        pending=status == "pending",
    )
    latest = rel(page_dir, act_url(lang, act.id))
    return (
        f'<p class="zan-period" data-zan-period>{esc(sentence)} '
        f'<a href="{esc(latest)}" data-zan-latest>{esc(t["latest_version"])}</a></p>'
    )


def versions_data(act: SiteAct, lang: str) -> list[dict]:
    """The versions of one language as the date form reads them (versions.json): id, the
    in-force range (earliest, latest: ISO days or null), the date as shown, the page.

    A version whose date is exact has earliest = latest; «after D» has earliest D+1 and no
    latest; an unknown date has neither (the base of the act: in force from its start).
    """
    out = []
    for v in _in_lang(act, lang):
        if v.partial:
            continue  # a fragment of the act is no version a date lands on
        out.append(
            {
                "id": v.id,
                "earliest": v.date.earliest.isoformat() if v.date.earliest else None,
                "latest": v.date.latest.isoformat() if v.date.latest else None,
                "date": date_text(v.date, lang),
                "href": f"{v.id}/",
                "status": v.lang_status.get(lang, v.status),
            }
        )
    return out


def date_form_html(act: SiteAct, lang: str, page_dir: str) -> str:
    """The date form: a script over versions.json lands on the version in force that day
    (zan.js), or lists the versions it may be when the day falls inside an uncertain range."""
    t = ui(lang)
    data = rel(page_dir, act_url(lang, act.id) + "versions.json")
    base = rel(page_dir, act_url(lang, act.id))
    return (
        f'<form class="zan-date-form" data-zan-date-form data-versions="{esc(data)}" '
        f'data-base="{esc(base)}" data-before="{esc(t["date_before"])}" '
        f'data-may-be="{esc(t["date_may_be"])}" data-pagefind-ignore>'
        f'<label>{esc(t["date_form"])} <input type="date" name="date" required></label> '
        f'<button type="submit">{esc(t["date_form_go"])}</button>'
        '<div class="zan-date-answer" role="status" hidden></div></form>'
    )


def redirect_page(target: str, title: str, lang: str) -> str:
    """A redirect page for ``…/<ACT-ID>/<DATE>/`` (a version's exact start date) and other
    addresses that lead to a page: the unit the address names (``#art_15``) is kept by the
    script; without JavaScript the refresh leads to the page's top."""
    t = ui(lang)
    to = json.dumps(target).replace("<", "\\u003c")
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<script>location.replace({to}+location.hash)</script>"
        f'<meta http-equiv="refresh" content="0; url={esc(target)}">'
        f'<link rel="canonical" href="{esc(target)}"><title>{esc(title)}</title></head>'
        f'<body><p><a href="{esc(target)}">{esc(t["redirect"])}</a></p></body></html>\n'
    )


# ---------------------------------------------------------------- effects


def status_text(row: dict, lang: str) -> str:
    """A ledger row's status in the page's language.

    >>> status_text({"status": "outstanding-after-earlier", "detail": "Z070000262"}, "ru")
    'не применено: следует за более ранним невнесённым изменением (Z070000262)'
    >>> status_text({"status": "applied", "version": "Z070000262"}, "kk")
    'қолданылды'
    """
    t = ui(lang)
    s, detail = row["status"], row.get("detail") or ""
    if s == "applied":
        text = t["effect_applied"]  # the row's unit links to the version it produced
    elif s == "pending":
        until = DateSpec.parse(row["until"]) if row.get("until") else None
        text = f"{t['effect_pending']} ({date_text(until, lang) if until else ''})"
    elif s == "outstanding-not-read":
        # The grammar's and the applier's own reasons (English, in the ledger data and on
        # stderr) are not shown on a kk/ru page: the reason is said in the page's language.
        text = t["effect_not_read"]
    elif s == "outstanding-failed":
        text = t["effect_failed"]
    elif s == "outstanding-after-earlier":
        text = t["effect_after_earlier"].format(act=detail)
    elif s == "not-in-corpus":
        text = t["effect_not_in_corpus"]
    elif s == "no-text-in-language":
        text = t["effect_no_text_partial" if detail == "partial" else "effect_no_text"]
    elif s == "resolved-manually":
        text = f"{t['effect_manual']}: {detail}"
    elif s == "for-another-act":
        text = t["effect_other_act"].format(act=detail)
    else:
        text = t["effect_other_language"]
    if row.get("citation_warning"):  # the page says how the act was found
        text += f" ({t['inexact_citation']}: {row['citation_warning']})"
    return text


def row_anchor(row: dict) -> str:
    """The id of a banner row (the unit markers link to it).

    >>> row_anchor({"amender": "Z070000262", "lang": "kk", "line": 134, "target": "art_23"})
    'zan-out-Z070000262-kk-134'
    """
    return f"zan-out-{row['amender']}-{row['lang']}-{row['line']}"


def by_instruction(rows: list[dict]) -> list[dict]:
    """One row per instruction (amending act, language, line): the operations of one
    instruction share its quote and reason, and their units are listed together.

    >>> [r["targets"] for r in by_instruction([
    ...     {"amender": "A", "lang": "kk", "line": 26, "status": "s", "targets": ["a"]},
    ...     {"amender": "A", "lang": "kk", "line": 26, "status": "s", "targets": ["b"]}])]
    [['a', 'b']]
    """
    out: dict[tuple, dict] = {}
    for r in rows:
        key = (r["amender"], r["lang"], r["line"], r["status"])
        if key in out:
            out[key]["targets"] = out[key]["targets"] + [
                e for e in r.get("targets") or [] if e not in out[key]["targets"]
            ]
        else:
            out[key] = dict(r, targets=list(r.get("targets") or []))
    return list(out.values())


def _amender_link(row: dict, lang: str, page_dir: str, names: dict) -> str:
    am = row["amender"]
    href = rel(page_dir, f"{lang}/amendments/{am}/")
    return f'<a href="{esc(href)}">{esc(names.get(am, am))}</a>'


def effect_rows_html(rows: list[dict], lang: str, page_dir: str, names: dict, unit_href) -> str:
    """A table of effects: amending act, its date, the instruction quoted with its line,
    the units it names (linked), the reason. Each row has its anchor (`row_anchor`)."""
    t = ui(lang)
    out = []
    for r in by_instruction(rows):
        when = DateSpec.parse(r["in_force"]) if r.get("in_force") else None
        units = ", ".join(
            f'<a href="{esc(h)}">{esc(unit_label(e, lang))}</a>'
            if (h := unit_href(r, e))
            else esc(unit_label(e, lang))
            for e in (r.get("targets") or [])
        )
        out.append(
            f'<tr id="{esc(row_anchor(r))}" data-zan-status="{esc(r["status"])}">'
            f"<td>{_amender_link(r, lang, page_dir, names)}</td>"
            f"<td>{esc(date_text(when, lang) if when else '')}</td>"
            f"<td>«{esc(r.get('source') or '')}» "
            f"({esc(t['instruction_line'].format(line=r.get('line')))})</td>"
            f"<td>{units}</td><td>{esc(status_text(r, lang))}</td></tr>"
        )
    return (
        f"<table><thead><tr><th>{esc(t['amending_act'])}</th>"
        f"<th>{esc(t['amending_act_date'])}</th><th>{esc(t['instruction'])}</th>"
        f"<th>{esc(t['units_named'])}</th><th>{esc(t['reason'])}</th></tr></thead>"
        f"<tbody>{''.join(out)}</tbody></table>"
    )


def outstanding_banner(act: SiteAct, lang: str, page_dir: str, names: dict) -> str:
    """The banner at the top of the text in force when it has outstanding effects."""
    rows = act.outstanding(lang)
    if not rows:
        return ""
    t = ui(lang)
    cur = act.current(lang)
    here = (
        act.remember(("eids", cur.id, lang), lambda: set(cur.texts[lang].index())) if cur else set()
    )

    def unit_href(_row: dict, eid: str) -> str | None:
        return f"#{eid}" if eid in here else None

    # The instructions that hold the text back first; those held back after them (each
    # listed, with its units) in a section that opens when a unit marker points into it.
    causes = [r for r in rows if r["status"] != "outstanding-after-earlier"]
    after = [r for r in rows if r["status"] == "outstanding-after-earlier"]
    held = ""
    if after:
        n = len(by_instruction(after))
        held = (
            f'<details class="zan-held" data-zan-held><summary>'
            f"{esc(t['outstanding_held'].format(n=n))}</summary>"
            f"{effect_rows_html(after, lang, page_dir, names, unit_href)}</details>"
        )
    return (
        f'<div class="zan-banner zan-outstanding" role="note" id="zan-outstanding" '
        f"data-zan-outstanding>"
        f"<p><strong>{esc(t['outstanding_title'])}</strong></p>"
        f"<p>{esc(t['outstanding_intro'])}</p>"
        f"{effect_rows_html(causes, lang, page_dir, names, unit_href) if causes else ''}"
        f"{held}</div>"
    )


def outstanding_marks(
    act: SiteAct, lang: str, here: set[str] | None = None
) -> dict[str, list[str]]:
    """eId → the banner rows (anchors) of the outstanding effects that name the unit; a
    unit the text lacks (one an instruction inserts) is marked on its nearest parent that
    the text has (``here``: the eIds of the text in force).

    >>> nearest("art_1__para_2-2", {"art_1"}), nearest("art_99", {"art_1"})
    ('art_1', None)
    """
    out: dict[str, list[str]] = {}
    for r in act.outstanding(lang):
        for e in r.get("targets") or []:
            at = nearest(e, here) if here is not None else e
            if at is not None and row_anchor(r) not in out.get(at, []):
                out.setdefault(at, []).append(row_anchor(r))
    return out


def nearest(eid: str, here: set[str]) -> str | None:
    """``eid`` or its nearest ancestor in ``here`` (None when neither is)."""
    parts = eid.split("__")
    while parts:
        if "__".join(parts) in here:
            return "__".join(parts)
        parts.pop()
    return None


def mark_html(anchors: list[str], lang: str) -> str:
    """The marker a unit named by an outstanding effect carries (links to the banner)."""
    t = ui(lang)
    return (
        f'<p class="zan-outstanding-mark" data-zan-outstanding-mark>'
        f'<a href="#{esc(anchors[0])}">{esc(t["outstanding_mark"])}</a></p>'
    )


# ---------------------------------------------------------------- currency, editions


def currency_html(
    act: SiteAct, v: SiteVersion, lang: str, today: dt.date, page_dir: str, names: dict
) -> str:
    """«consolidated with every amending act in this corpus up to <act, date>; checked on
    <build date>», and the counts of outstanding and pending effects."""
    t = ui(lang)
    prov = v.provenance.get(lang, {})
    what = prov.get("consolidated_up_to") or names.get(v.id, v.id)
    sentence = t["currency"].format(act=what, date=date_text(v.date, lang), today=day_text(today))
    outstanding = len(act.outstanding(lang)) if v.lang_status.get(lang) == "in_force" else 0
    pending = sum(
        1 for r in act.amendments if r.get("lang") == lang and r.get("status") == "pending"
    )
    counts = t["currency_counts"].format(outstanding=outstanding, pending=pending)
    link = f' <a href="#zan-outstanding">{esc(t["outstanding_title"])}</a>' if outstanding else ""
    return f'<p class="zan-currency" data-zan-currency>{esc(sentence)} {esc(counts)}{link}</p>'


def edition_banner(act: SiteAct, v: SiteVersion, lang: str) -> str:
    """When the stored kk and ru texts in force are different editions (Law No. 88-V: the
    kk text reflects No. 141-VII, the ru text only No. 129-VII), the banner naming the
    amending acts the other language reflects and this one does not (or the reverse)."""
    other = OTHER[lang]
    if v.lang_status.get(lang) != "in_force":
        return ""
    theirs = act.current(other)
    if theirs is None or theirs.id == v.id:
        return ""
    t = ui(lang)
    newer = theirs.date.sort_key() > v.date.sort_key()
    later = theirs if newer else v
    what = later.provenance.get(other if newer else lang, {}).get("consolidated_up_to") or later.id
    # The other text's own words name it in its language; the page names it in its own.
    eds = {e.get("id"): e for e in act.meta.get("editions") or []}
    named = ((eds.get(later.id) or {}).get("consolidated") or {}).get(lang) or what
    key = "edition_banner_newer" if newer else "edition_banner_older"
    text = t[key].format(other=version_name(act, theirs, lang), what=named)
    return f'<div class="zan-banner zan-edition" role="note" data-zan-edition>{esc(text)}</div>'
