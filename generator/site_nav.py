"""Finding one's way in the site: «go to article N», search that lands on the unit.

The search page (zan-search.js over Pagefind's JS API) reads one language's index shards;
its strings are in the page's language (Pagefind ships none for Kazakh), its result links
are made from the page's own address (so the site works under any base path) and the
searched words are marked on the unit a result opens.

>>> NAV["kk"]["goto_label"], NAV["ru"]["goto_label"]
('Бапқа өту', 'Перейти к статье')
"""

from __future__ import annotations

import json

from .site import esc, json_dump, ui

NAV = {lang: ui(lang)["goto"] for lang in ("kk", "ru")}  # generator/data/ui.yml

# The search page's strings (Pagefind UI's translation keys), in both languages of the site.
PAGEFIND_STRINGS = {lang: ui(lang)["pagefind"] for lang in ("kk", "ru")}  # generator/data/ui.yml

HIGHLIGHT_PARAM = "zan-hl"  # zan.js marks these words on the unit a result opens


def pagefind_translations(lang: str) -> dict[str, str]:
    """Pagefind UI's strings for a language (its placeholder is the site's own).

    >>> pagefind_translations("kk")["many_results"]
    '«[SEARCH_TERM]» бойынша [COUNT] нәтиже'
    """
    return {"placeholder": ui(lang)["search_placeholder"], **PAGEFIND_STRINGS[lang]}


def goto_form(lang: str) -> str:
    """The «go to article N» box of an act page (zan.js; hidden without it).

    >>> goto_form("ru").count("Перейти")
    2
    """
    t = NAV[lang]
    return (
        f'<form id="zan-goto" class="zan-goto" hidden data-pagefind-ignore '
        f'data-missing="{esc(t["goto_missing"])}">'
        f'<label for="zan-goto-n">{esc(t["goto_label"])}</label>'
        f'<input id="zan-goto-n" type="text" inputmode="decimal" autocomplete="off" '
        f'placeholder="{esc(t["goto_hint"])}">'
        f'<button type="submit">{esc(t["goto_button"])}</button>'
        '<span class="zan-goto-status" role="status"></span></form>'
    )


def facet_values(meta: dict, status: str, lang: str) -> list[str]:
    """What the search filters know of a page: act type, status and year, in words of the
    page's language (the year '' when the sources give none).

    >>> facet_values({"type": "law", "adopted": "2013-04-15"}, "in_force", "ru")
    ['Закон', 'Действует', '2013']
    """
    t = ui(lang)
    kind = meta.get("type", "")
    year = str(meta.get("adopted") or meta.get("submitted") or "")[:4]
    return [
        t["types"].get(kind, kind),
        t["statuses"].get(status, status),
        year if year.isdigit() else "",
    ]


def search_facets(pub, lang: str) -> str:
    """``search/facets.json``: the filters' names and, per indexed page (its path in the
    site), its values. The search page filters its results by it: filters kept out of
    Pagefind's index, whose filter tables Pagefind writes in a random order (two builds
    would differ)."""
    t = ui(lang)
    pages: dict[str, list[str]] = {}
    for act in pub.summaries:
        pages[f"{lang}/acts/{act.id}/"] = facet_values(act.meta, act.meta.get("status", ""), lang)
    for am in pub.amendments:
        rec = am["record"]
        pages[f"{lang}/amendments/{rec.id}/"] = facet_values(rec.meta, "amending", lang)
    for d in pub.drafts:
        rec = d["record"]
        where = "examples" if rec.meta.get("example") else "drafts"
        status = rec.meta.get("status", "draft")
        pages[f"{lang}/{where}/{rec.id}/"] = facet_values(rec.meta, status, lang)
    names = [t["type"], t["status"], t["year"]]
    return json_dump({"names": names, "pages": pages})


def search_body(lang: str, bundles: list[str]) -> str:
    """The search page's body: zan-search.js over Pagefind's ``bundles`` (relative to the
    page; made absolute in the browser, so the site can be served under any path).

    >>> "pagefind/kk/a00/" in search_body("kk", ["../../pagefind/kk/a00/"])
    True
    """
    t = ui(lang)
    if not bundles:
        return f"<p>{esc(PAGEFIND_STRINGS[lang]['total_zero_results'])}</p>"
    options = {
        "bundles": bundles,
        "highlightParam": HIGHLIGHT_PARAM,
        "strings": pagefind_translations(lang),
        "label": t["search"],
        "all": t["all"],
    }
    data = json.dumps(options, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return (
        f'<div id="zan-search" data-lang="{lang}"></div>'
        f'<script type="application/json" id="zan-search-options">{data}</script>'
        '<script src="../assets/zan-search.js"></script>'
    )
