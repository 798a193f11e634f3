"""Redline pages of the site, rendered from the diff stage: inline, side by side (made
from the inline view by zan.js), kk | ru (filled by zan.js from the inline views of the
two languages' pages: each language's change is written once, on its own page).

Versions are named in words (`publish.version_name`), their IDs only in the page's path:

>>> ui("ru")["diff_title"].format(a="Первоначальный текст", b="С изменениями по Закону РК")
'Сравнение редакций: Первоначальный текст → С изменениями по Закону РК'
"""

from __future__ import annotations

from .diff import DiffError, diff_acts
from .parallel import parallel_link
from .redline import html_inline, html_parallel_frame, summary_text
from .site import (
    OTHER,
    ROOT,
    SiteAct,
    SiteVersion,
    act_url,
    date_text,
    esc,
    lang_switch,
    page,
    rel,
    ui,
    version_name,
)


def views_html(views: list[tuple[str, str, str]], lang: str) -> str:
    """The redline's views (id, title, HTML), one shown at a time with a switch and
    next/previous change buttons (zan.js). The side-by-side view is not written twice:
    zan.js makes it from the inline one, second in the switch (the same rows: the old
    words with the deletions on the left, the new ones with the insertions on the right,
    ``data-side`` its title); without JavaScript the views written are shown in turn.

    >>> html = views_html([("inline", "В тексте", "<p>x</p>")], "ru")
    >>> html.count('data-view="inline"'), 'data-side="Рядом"' in html
    (1, True)
    """
    t = ui(lang)
    nav = {"prev": t["change_prev"], "next": t["change_next"], "views": t["change_views"]}
    sections = "".join(
        f'<section class="zan-view" data-view="{vid}"><h2 id="{vid}">{esc(title)}</h2>'
        f"{html}</section>"
        for vid, title, html in views
    )
    return (
        f'<div class="zan-views" data-prev="{esc(nav["prev"])}" data-next="{esc(nav["next"])}" '
        f'data-label="{esc(nav["views"])}" data-side="{esc(t["side_by_side"])}">'
        f"{sections}</div>"
    )


def _summary(diff, lang: str) -> str:
    """The diff's summary in the page's language (statuses and words in and out)."""
    t = ui(lang)
    return (
        f'<p class="zan-summary"><strong>{esc(t["summary"])}:</strong> '
        f"{esc(summary_text(diff.summary, lang))}</p>"
    )


def change_links(act: SiteAct, a: SiteVersion, b: SiteVersion, lang: str, diff, page_dir: str):
    """eId → the links to the instructions that made each change of the redline ``a`` →
    ``b`` (those of the amending acts whose versions lie after ``a`` up to ``b``): «Нұсқау:
    <the instructions, linked>» in a ``zan-diff-why`` paragraph, one link per instruction.
    A redline page is not in the search index (build.py indexes act pages), so the links
    go without the act page's search-ignore wrapper (`instruction_links.instruction_links`),
    and point into the page's own language tree by the shortest relative path."""
    from .instruction_links import changed_rows, instruction_href, instruction_words, touches
    from .publish import amender_name

    vs = [v.id for v in act.versions if lang in v.texts]
    between = set(vs[vs.index(a.id) + 1 : vs.index(b.id) + 1]) if a.id in vs else set()
    made = changed_rows(act.amendments, lang, between)
    if not made:
        return {}
    names = {m: amender_name(meta, lang) for m, meta in act.amender_meta.items()}
    label = esc(ui(lang)["instruction_link"])
    out = {}
    for p in diff.changes():
        eid = p.new or p.old or ""
        seen: dict[tuple[str, str], dict] = {}
        for r in made:
            if touches(r, eid):
                seen.setdefault((r["amender"], r.get("item") or ""), r)
        if not seen:
            continue
        links = ", ".join(
            f'<a class="zan-instruction-link" href="'
            f'{esc(rel(page_dir, instruction_href(r, lang).replace(ROOT, "")))}">'
            f"{esc(instruction_words(r, lang, names))}</a>"
            for r in seen.values()
        )
        out[eid] = f'<p class="zan-diff-why">{label}: {links}</p>'
    return out


def diff_page(act: SiteAct, a: SiteVersion, b: SiteVersion, lang: str) -> str:
    """The page comparing version ``a`` with ``b`` of an act in one language (versions
    named in words, `site.version_name`)."""
    t = ui(lang)

    def name(v: SiteVersion) -> str:
        return version_name(act, v, lang)

    page_dir = act_url(lang, act.id) + f"diff/{a.id}--{b.id}/"
    other = OTHER[lang]
    other_dir = (
        act_url(other, act.id) + f"diff/{a.id}--{b.id}/"
        if other in a.texts and other in b.texts
        else act_url(other, act.id) + "versions/"
    )
    title = t["diff_title"].format(a=name(a), b=name(b))
    links = (
        f'<p><a href="{esc(rel(page_dir, act.page_url(lang, a.id)))}">{esc(t["old"])}: '
        f"{esc(name(a))} ({esc(date_text(a.date, lang))})</a> → "
        f'<a href="{esc(rel(page_dir, act.page_url(lang, b.id)))}">{esc(t["new"])}: '
        f"{esc(name(b))} ({esc(date_text(b.date, lang))})</a></p>"
    )
    parts = [lang_switch(lang, page_dir, other_dir), links]
    if a.partial or b.partial:
        parts.append('<div class="zan-banner" role="note">' + esc(t["diff_partial"]) + "</div>")
    try:
        diff = act.remember(
            ("diff", a.id, b.id, lang),
            lambda: diff_acts(a.texts[lang], b.texts[lang], mode="versions"),
        )
        parts.append(_summary(diff, lang))
        why = change_links(act, a, b, lang, diff, page_dir)
        views = [
            (
                "inline",
                t["inline"],
                f'<div class="zan-redline" lang="{lang}">'
                f"{html_inline(diff, changed_only=True, extra=why)}</div>",
            ),
        ]
        if other in a.texts and other in b.texts:
            other_diff = act.remember(
                ("diff", a.id, b.id, other),
                lambda: diff_acts(a.texts[other], b.texts[other], mode="versions"),
            )
            pair = (diff, other_diff) if lang == "kk" else (other_diff, diff)
            # The words of the changes are in the two inline views only (this page's and
            # the other language's page): zan.js fills the table's cells from them.
            href = esc(rel(page_dir, other_dir))
            html = (
                f'<div class="zan-redline" data-zan-pair="{href}">'
                f'<p class="zan-pair-link"><a href="{href}" hreflang="{other}">'
                f"{esc(t['diff_pair_other'])}</a></p>{html_parallel_frame(*pair)}</div>"
            )
        else:
            html = f"<p>{esc(t['diff_no_parallel'])}</p>" + parallel_link(act, lang, None, page_dir)
        views.append(("parallel", t["parallel"], html))
        parts.append(views_html(views, lang))
    except DiffError as e:
        parts.append(
            f'<div class="zan-banner" role="alert">{esc(t["diff_unreliable"].format(why=e))}</div>'
        )
    return page(title, "\n\n".join(parts))
