"""Draft pages: the draft, its discussion status, and its comparison with the law in force.

A draft in `drafts/<ID>/` says in act.yml whether the public-discussion rule of article 15
of Law No. 88-V applies to it; where it does not (seed 002 is a draft LAW of 2012, before
that Law existed), the page says so and why.
"""

from __future__ import annotations

from .site import OTHER, UnitContext, esc, lang_switch, page, render_unit, ui

BANNER = {
    "kk": {
        "not_applicable": "Жария талқылау мерзімі қолданылмайды",
        "adopted_as": "Қабылданған акт",
        "comparison": "Қабылданған заңмен салыстыру",
        "carried_by": "Жобаны енгізген акт",
    },
    "ru": {
        "not_applicable": "Срок публичного обсуждения не применяется",
        "adopted_as": "Принятый акт",
        "comparison": "Сравнение с принятым законом",
        "carried_by": "Акт, которым внесён проект",
    },
}

# Why article 15 does not apply to a draft law (facts from the sources, in each language).
REASON = {
    "kk": (
        "Бұл — Қазақстан Республикасы Үкіметінің 2012 жылғы 12 желтоқсандағы № 1579 "
        "қаулысымен Мәжілістің қарауына енгізілген заң жобасы, заңға тәуелді акт жобасы емес; "
        "«Мемлекеттік көрсетілетін қызметтер туралы» Заң (2013 жылғы 15 сәуір, № 88-V) ол "
        "кезде әлі болмаған, сондықтан оның 15-бабындағы жария талқылау ережесі қолданылмайды."
    ),
    "ru": (
        "Это проект закона, внесённый на рассмотрение Мажилиса постановлением Правительства "
        "Республики Казахстан от 12 декабря 2012 года № 1579, а не проект подзаконного акта; "
        "Закона «О государственных услугах» (от 15 апреля 2013 года № 88-V) тогда ещё не "
        "было, поэтому правило публичного обсуждения его статьи 15 не применяется."
    ),
}


def draft_page(d: dict, pub, lang: str) -> str:
    """The page of one draft in one language."""
    rec = d["record"]
    t = ui(lang)
    b = BANNER[lang]
    page_dir = f"{lang}/drafts/{rec.id}/"
    parts = [lang_switch(lang, page_dir, f"{OTHER[lang]}/drafts/{rec.id}/")]
    disc = rec.meta.get("discussion") or {}
    if disc.get("applies") is False:
        adopted = rec.meta.get("adopted_as")
        extra = ""
        if adopted:
            extra = (
                f' {esc(b["adopted_as"])}: <a href="../../acts/{esc(adopted)}/">{esc(adopted)}</a>.'
            )
        parts.append(
            f'<div class="zan-banner" role="note"><strong>{esc(b["not_applicable"])}.</strong> '
            f"{esc(REASON[lang])}{extra}</div>"
        )
    carried = rec.meta.get("carried_by")
    if carried:
        parts.append(
            f'<p>{esc(b["carried_by"])}: <a href="../../acts/{esc(carried)}/">{esc(carried)}</a></p>'
        )
    comparison = d.get("comparison", {}).get(lang)
    if comparison:
        parts.append(f"<h2>{esc(b['comparison'])}</h2>{comparison}")
    text = d["texts"].get(lang)
    if text is None:
        parts.append(f'<div class="zan-banner" role="note">{esc(t["language_missing"])}</div>')
    else:
        ctx = UnitContext(lang, rec.id, "draft", rec.meta, page_dir, set(), None)
        body = "".join(render_unit(u, ctx, esc) for u in text.body)
        parts.append(f'<div class="zan-act" lang="{lang}" data-pagefind-body>{body}</div>')
    title = rec.title(lang)
    return page(title, "\n\n".join(parts))
