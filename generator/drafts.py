"""Draft pages: the draft, its discussion window and status, the comparison with the text
in force, a «remark on this unit» action per unit, the remarks and the report.

The window comes from `discussion` (article 15 of Law No. 88-V in the edition in force on
the posting day). Where the rule does not apply (seed 002 is a draft LAW of 2012, before
that Law existed), the page says so and why.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import discussion
from . import eid as _eid
from .diff import DiffError, diff_acts, unit_label
from .links import email_problem, link_errors, safe_href
from .model import ACT_ID_RE, Act, DateSpec
from .redline import html_inline
from .site import (
    OTHER,
    UnitContext,
    act_container,
    date_text,
    day_text,
    esc,
    lang_switch,
    page,
    render_unit,
    toc_entries,
    ui,
)


def _article_or_chapter(eid: str | None) -> bool:
    """Whether an eId is a top-level article or chapter («art_5», «chp_2»; not «art_5__para_1»)."""
    if not eid or len(_eid.split(eid)) != 1:
        return False
    typ, num = _eid.last(eid)
    return typ in ("art", "chp") and num is not None


TEXT = {lang: ui(lang)["drafts"] for lang in ("kk", "ru")}  # generator/data/ui.yml

# Why article 15 does not apply to the draft law of seed 002, in each language.
REASON = {lang: ui(lang)["draft_reasons"] for lang in ("kk", "ru")}  # generator/data/ui.yml


def prepare(d: dict, pub) -> dict:
    """Compute a draft's window, status, remarks and comparison once, for both languages."""
    rec = d["record"]
    meta = rec.meta
    # Named as `zan check` names it: relative to the repository.
    yml = Path(os.path.relpath(rec.folder / "act.yml", pub.corpus.root))
    bad_links = link_errors(meta, pub.corpus.root / yml, shown=yml)
    if bad_links:
        raise ValueError("\n".join(bad_links))
    window, warnings = discussion.window_for(meta)
    d["window"] = window
    d["warnings"] = warnings
    d["status"] = discussion.status(meta, window, pub.today)
    remarks_path = rec.folder / "remarks.yml"
    d["remarks"] = []
    if remarks_path.exists():
        if window is None:
            raise ValueError(f"{remarks_path}:1: remarks for a draft without a discussion window")
        items = discussion.load_remarks(remarks_path)
        remarks, errors = discussion.validate_remarks(items, d["texts"], window, str(remarks_path))
        if errors:
            raise ValueError("\n".join(errors))
        d["remarks"] = remarks
    d["comparison"] = {}
    cmp_ = meta.get("compare_with")
    if cmp_:
        target = pub.act(cmp_["act"])
        if target is None:
            raise ValueError(
                f"{rec.folder / 'act.yml'}:0: compare_with names {cmp_['act']}, not in the corpus"
            )
        named = cmp_.get("version")
        chosen = next((x for x in target.versions if x.id == named), None)
        if named and chosen is None:
            # Never silently compare with another text than the one act.yml names.
            raise ValueError(
                f"{rec.folder / 'act.yml'}:0: compare_with.version: {named!r} is not a version "
                f"of {cmp_['act']} ({', '.join(x.id for x in target.versions)})"
            )
        for lang, text in d["texts"].items():
            v = _comparison_version(target, lang, cmp_.get("version"), bool(meta.get("adopted_as")))
            if v is None:
                continue
            mode = cmp_.get("mode", "versions")
            # An adopted draft is compared draft → enacted law; a draft under discussion,
            # text in force → draft.
            old, new = (text, v.texts[lang]) if meta.get("adopted_as") else (v.texts[lang], text)
            entry = {"version": v, "partial": v.partial}
            d["law_versions"] = target.versions
            try:
                diff = diff_acts(old, new, mode=mode)
                if v.partial:
                    # A partial edition holds only some articles: what it lacks is unknown,
                    # not repealed — only the units both sides have are shown.
                    diff.pairs = [p for p in diff.pairs if p.old and p.new]
                entry["pairs"] = [p for p in diff.pairs if p.old and p.new and p.old != p.new]
                entry["html"] = html_inline(diff, changed_only=True)
            except DiffError as e:
                entry["html"] = f"<p>{esc(str(e))}</p>"
            d["comparison"][lang] = entry
    return d


def _comparison_version(target, lang: str, wanted: str | None, adopted: bool):
    """The edition of ``target`` a draft is compared with in ``lang``.

    A complete edition wherever there is one: the one ``compare_with`` names if it is
    complete, else (an adopted draft) the earliest complete edition, the nearest to the text
    as enacted, or (a draft under discussion) the text in force. Only where the language
    has partial editions alone, the named (or latest) partial one.
    """
    having = [x for x in target.versions if lang in x.texts and x.status != "pending"]
    complete = [x for x in having if not x.partial]
    named = next((x for x in having if x.id == wanted), None)
    if named is not None and not named.partial:
        return named
    if complete:
        return complete[0] if adopted else target.current(lang)
    return named or (having[-1] if having else None)


def _act_link(act_id: object) -> str:
    """A link to a corpus act named by its ID (text only when the value is not an act ID)."""
    if isinstance(act_id, str) and ACT_ID_RE.match(act_id):
        return f'<a href="../../acts/{act_id}/">{act_id}</a>'
    return esc(act_id)


def _status_banner(d: dict, lang: str) -> str:
    t = TEXT[lang]
    st = d["status"]
    meta = d["record"].meta
    if st["kind"] == "not_applicable":
        reason = REASON[lang] if meta.get("carried_by") == "P1200001579" else st.get("reason", "")
        extra = ""
        if st.get("act"):
            extra = f" {esc(t['adopted_as'])}: {_act_link(st['act'])}."
        return (
            f'<div class="zan-banner" role="note"><strong>{esc(t["not_applicable"])}.</strong> '
            f"{esc(reason)}{extra}</div>"
        )
    if st["kind"] == "adopted":
        return (
            f'<div class="zan-banner" role="note"><strong>{esc(t["adopted"])}:</strong> '
            f"{_act_link(st['act'])}</div>"
        )
    key, date = ("open", st["until"]) if st["kind"] == "open" else ("closed", st["closed_on"])
    prov = f" {esc(t['provisional'])}" if st.get("provisional") else ""
    return (
        f'<div class="zan-banner zan-discussion-{key}" role="status"><strong>'
        f"{esc(t[key].format(date=day_text(date)))}</strong>.{prov}</div>"
    )


def _rule_block(d: dict, lang: str) -> str:
    w = d["window"]
    if w is None:
        warn = "".join(f"<li>{esc(x)}</li>" for x in d.get("warnings", []))
        return f"<ul>{warn}</ul>" if warn else ""
    t = TEXT[lang]
    info = w.to_dict()
    cit = w.citation.get(lang) if isinstance(w.citation, dict) else str(w.citation)
    quote = w.rule.quote(w.rule.period_eid, lang)
    rows = [
        f"<p><strong>{esc(t['posted'])}:</strong> {esc(day_text(info['posted']))}. "
        f"<strong>{esc(t['window'])}:</strong> {esc(day_text(info['opens']))} — {esc(day_text(info['closes']))}.</p>",
        f"<p><strong>{esc(t['rule'])}:</strong> {esc(cit or '')}</p>",
    ]
    if quote and quote[0] != lang:
        quote = _quote_in(w.rule, lang) or quote
    if quote:
        if len(quote) > 2:
            names = {"kk": "Қазақ тіліндегі", "ru": "Русский"}
            rows.append(
                f'<p class="zan-note">{esc(t["quote_other"].format(lang_text=names[lang], edition=quote[2], length=w.rule.length, used=", ".join(w.rule.editions)))}</p>'
            )
        rows.append(f'<blockquote lang="{quote[0]}">{esc(quote[1])}</blockquote>')
    rows.append(_days_off_block(info, lang))
    for ed, spec in zip(w.rule.editions, w.rule.in_force, strict=False):
        ds = DateSpec.parse(spec)
        if ds.exact is None:
            rows.append(
                f'<p class="zan-note">{esc(t["edition_range"].format(edition=ed, date=date_text(ds, lang)))}</p>'
            )
    if info.get("posting_due"):
        rows.append(f"<p>{esc(t['posting_due'])}: {esc(day_text(info['posting_due']))}</p>")
    if info.get("override"):
        rows.append(
            f"<p>{esc(t['override'])}: {esc(day_text(info['override']['closes']))} — "
            f"{esc(str(info['override'].get('reason', '')))}</p>"
        )
    for n in info.get("notes", []):
        rows.append(f'<p class="zan-note">{esc(n.get(lang, ""))}</p>')
    for x in d.get("warnings", []):
        rows.append(f'<p class="zan-note">{esc(x)}</p>')
    return "".join(rows)


def _quote_in(rule, lang: str) -> tuple[str, str, str] | None:
    """The period provision in ``lang`` from another stored edition of article 15 that sets
    the same period, where the edition applied has no text in ``lang`` (the nearest one)."""
    applied = discussion.editions()
    ids = [e["id"] for e in applied]
    at = min(ids.index(e) for e in rule.editions)
    best = None
    for k, ed in enumerate(applied):
        p = ed["period"]
        text = (ed.get("quotes") or {}).get(rule.period_eid, {}).get(lang)
        if text and (int(p["length"]), p["unit"]) == (rule.length, rule.unit):
            if best is None or abs(k - at) < abs(best[0] - at):
                best = (k, ed["id"], text)
    return (lang, best[2], best[1]) if best else None


def _days_off_block(info: dict, lang: str) -> str:
    """The non-working days of the window, each with where it comes from."""
    t = TEXT[lang]
    rows = []
    quotes = discussion.calendar_quotes()
    for day in info.get("days_off") or []:
        r = day["reasons"][0]
        lib = f"{r['source']['library']} {r['source']['version']}"
        if day["working"]:
            what = t["worked"].format(to=day_text(r["transfer_to"]))
            src = t["library"].format(library=lib)
        else:
            names = "; ".join(
                x["name"].get(lang) or x["name"].get("kk", "") for x in day["reasons"]
            )
            what = names
            if r.get("moved_from"):
                what += f" — {t['moved_from'].format(date=day_text(r['moved_from']))}"
            cites = [quotes[x["quote"]] for x in day["reasons"] if x.get("quote") in quotes]
            src = "; ".join(c[lang] for c in cites)
            src = (
                f"{src}; {t['library'].format(library=lib)}"
                if src
                else t["library"].format(library=lib)
            )
        rows.append(f"<li>{esc(day_text(day['date']))}: {esc(what)} ({esc(src)})</li>")
    if not rows:
        return ""
    return f'<p><strong>{esc(t["days_off"])}:</strong></p><ul class="zan-days-off">{"".join(rows)}</ul>'


def _remarks_by_unit(d: dict, lang: str) -> dict[str, list[str]]:
    t = TEXT[lang]
    out: dict[str, list[str]] = {}
    for r in d["remarks"]:
        summary = r.summary.get(lang) or r.summary.get(OTHER[lang], "")
        status = r.status_text.get(lang, "")
        decision = discussion.LABELS[lang].get(r.decision or "undecided", "")
        reasons = r.reasons.get(lang) or r.reasons.get(OTHER[lang], "")
        item = (
            f'<li class="zan-remark-item zan-remark-{r.status}">{esc(day_text(r.received))}, '
            f"{esc(discussion.LABELS[lang].get(r.author, r.author))}: {esc(summary)} — "
            f"{esc(status)}"
            + (f"; {esc(t['decision'])}: {esc(decision)}" if r.status != "late" else "")
            + (f" ({esc(reasons)})" if reasons and r.status != "late" else "")
            + "</li>"
        )
        out.setdefault(r.unit, []).append(item)
    return out


def _report(d: dict, lang: str) -> str:
    if d["window"] is None or not d["remarks"] and d["status"]["kind"] == "open":
        return ""
    t = TEXT[lang]
    if not (d["record"].folder / "remarks.yml").exists():
        # Closed, and no remarks file: the report is not known yet, not empty.
        return f'<div class="zan-banner zan-report-pending" role="note">{esc(t["report_pending"])}</div>'

    meta = d["record"].meta
    rep = discussion.report(d["remarks"], d["window"], lang, meta.get("revised_draft"))
    rows = []
    for e in rep["remarks"]:
        rows.append(
            "<tr>"
            + "".join(
                f'<td data-label="{esc(label)}">{esc(str(value))}</td>'
                for label, value in (
                    ("№", e["number"]),
                    (t["received"], day_text(e["received"])),
                    (t["unit"], unit_label(e["unit"], lang)),
                    (t["author"], e["author_label"]),
                    (t["summary"], e["summary"] or ""),
                    (t["decision"], e["decision_label"]),
                    (t["reasons"], e.get("reasons") or ""),
                )
            )
            + "</tr>"
        )
    late = "".join(
        f"<li>{esc(day_text(e['received']))}, {esc(unit_label(e['unit'], lang))}, {esc(e['author_label'])}: "
        f"{esc(e['summary'] or '')} — {esc(e['status_text'] or '')}</li>"
        for e in rep["not_considered"]
    )
    revised = rep.get("revised_draft")
    revised = revised.get(lang) if isinstance(revised, dict) else revised
    href = safe_href(revised)
    if href:
        rev = f'<p>{esc(t["revised"])}: <a href="{esc(href)}">{esc(href)}</a></p>'
    elif revised:
        # Never a live link (`zan check` and `zan build` reject it before it gets here).
        rev = f"<p>{esc(t['revised'])}: <code>{esc(revised)}</code></p>"
    else:
        rev = f"<p>{esc(t['missing_revised'])}</p>"
    basis = esc(rep["basis"]["citation"])
    return (
        f'<h2 id="report">{esc(t["report"])}</h2><p>{basis}</p>'
        f'<div class="zan-table-wrap" tabindex="0" role="region" aria-label="{esc(t["report"])}">'
        f"<table><thead><tr><th>№</th><th>{esc(t['received'])}</th><th>{esc(t['unit'])}</th>"
        f"<th>{esc(t['author'])}</th><th>{esc(t['summary'])}</th><th>{esc(t['decision'])}</th>"
        f"<th>{esc(t['reasons'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        + (f"<h3>{esc(t['not_considered'])}</h3><ul>{late}</ul>" if late else "")
        + rev
    )


def _comparison_block(d: dict, c: dict, lang: str) -> str:
    """The comparison with the enacted law (or the text in force): which edition, whether it
    is complete, the units paired under other numbers («9-бап → 15-бап»), the redline."""
    t = TEXT[lang]
    v = c["version"]
    adopted = bool(d["record"].meta.get("adopted_as"))
    what = (v.provenance.get(lang) or {}).get("consolidated_up_to") or v.id
    head = t["comparison_law" if adopted else "comparison"]
    out = [f'<h2 id="comparison">{esc(head)}</h2>']
    out.append(f"<p>{esc(t['compared_edition'].format(what=what))}</p>")
    if c["partial"]:
        out.append(
            f'<div class="zan-banner zan-partial" role="note">{esc(t["partial_edition"])}</div>'
        )
    elif adopted and not any(x.id == "original" for x in d["law_versions"]):
        out.append(f'<p class="zan-note">{esc(t["no_original"])}</p>')
    pairs = c.get("pairs") or []
    if pairs:
        items = "".join(
            f'<li><a href="#cmp-{esc(p.new)}">{esc(p.label)}</a></li>'
            for p in pairs
            if _article_or_chapter(p.old)
        )
        if items:
            out.append(
                f'<details class="zan-pairs" open><summary>{esc(t["renumbered_pairs"])}</summary>'
                f"<ul>{items}</ul></details>"
            )
    out.append(f'<div class="zan-redline">{_anchor_pairs(c["html"])}</div>')
    return "".join(out)


def _anchor_pairs(html: str) -> str:
    """Give each compared unit an anchor (``cmp-<new eId>``) for the list of pairs."""
    import re

    return re.sub(
        r'<div class="(zan-diff-[a-z]+)" data-old="([^"]*)" data-new="([^"]+)"',
        lambda m: (
            f'<div id="cmp-{m.group(3)}" class="{m.group(1)}" data-old="{m.group(2)}" '
            f'data-new="{m.group(3)}"'
        ),
        html,
    )


def draft_page(d: dict, pub, lang: str) -> str:
    """The page of one draft in one language."""
    rec = d["record"]
    meta = rec.meta
    t = TEXT[lang]
    base = "drafts" if not meta.get("example") else "examples"
    page_dir = f"{lang}/{base}/{rec.id}/"
    parts = [lang_switch(lang, page_dir, f"{OTHER[lang]}/{base}/{rec.id}/")]
    if meta.get("example"):
        parts.append(
            f'<div class="zan-banner zan-example" role="note"><strong>{esc(t["example"])}</strong></div>'
        )
    parts.append(_status_banner(d, lang))
    parts.append(_rule_block(d, lang))
    body = (meta.get("body") or {}).get(lang)
    if body:
        parts.append(f"<p><strong>{esc(t['body'])}:</strong> {esc(body)}</p>")
    contact = (meta.get("contact") or {}).get("email")
    contact = contact if email_problem(contact) is None else None  # prepare() rejected it
    if contact:
        parts.append(f"<p><strong>{esc(t['contact'])}:</strong> <code>{esc(contact)}</code></p>")
    carried = meta.get("carried_by")
    if carried:
        parts.append(f"<p>{esc(t['carried_by'])}: {_act_link(carried)}</p>")
    comparison = d.get("comparison", {}).get(lang)
    if comparison:
        parts.append(_comparison_block(d, comparison, lang))
    text: Act | None = d["texts"].get(lang)
    if text is None:
        parts.append(
            f'<div class="zan-banner" role="note">{esc(ui(lang)["language_missing"])}</div>'
        )
    else:
        remark_to = contact if d["status"]["kind"] == "open" else None
        ctx = UnitContext(lang, rec.id, "draft", meta, page_dir, set(), None)
        ctx.remark_to = remark_to
        ctx.remark_label = t["remark"]
        ctx.remarks = _remarks_by_unit(d, lang)
        ctx.url_base = base
        rendered = "".join(render_unit(u, ctx, esc) for u in text.body)
        parts.append(act_container(ctx, rendered, " data-pagefind-body"))
    report = _report(d, lang)
    parts.append(report)
    title = rec.title(lang)
    if meta.get("example"):
        title = f"[{EXAMPLE_MARK[lang]}] {title}"
    # The contents panel: the comparison, the draft's chapters and articles, the report.
    toc = []
    if comparison:
        adopted = bool(meta.get("adopted_as"))
        toc.append({"id": "comparison", "title": t["comparison_law" if adopted else "comparison"]})
    if text is not None:
        toc += toc_entries(text.body)
    if report:
        toc.append({"id": "report", "title": t["report"]})
    return page(title, "\n\n".join(p for p in parts if p), {"zan_toc": toc} if toc else None)


EXAMPLE_MARK = {lang: ui(lang)["example_mark"] for lang in ("kk", "ru")}  # generator/data/ui.yml


def feed_entry_text(d: dict, lang: str) -> tuple[str, str]:
    """Title and summary of a draft's feed entry, in words of ``lang``; an example is marked.

    >>> import datetime as dt, types
    >>> rec = types.SimpleNamespace(meta={"example": True}, title=lambda lang: "Жоба")
    >>> d = {"record": rec, "status": {"kind": "open", "until": dt.date(2025, 4, 1)}}
    >>> feed_entry_text(d, "ru")
    ('[ПРИМЕР] Жоба', 'Публичное обсуждение идёт по 01.04.2025 включительно.')
    """
    rec, st = d["record"], d["status"]
    title = rec.title(lang)
    if rec.meta.get("example"):
        title = f"[{EXAMPLE_MARK[lang]}] {title}"
    t = TEXT[lang]
    if st["kind"] == "open":
        summary = t["open"].format(date=day_text(st["until"])) + "."
    elif st["kind"] == "closed":
        summary = t["closed"].format(date=day_text(st["closed_on"])) + "."
    elif st["kind"] == "adopted":
        summary = f"{t['adopted']}: {st['act']}."
    else:
        summary = t["not_applicable"] + "."
    if st.get("provisional"):
        summary += " " + t["provisional"]
    return title, summary


__all__ = ["draft_page", "feed_entry_text", "prepare"]
