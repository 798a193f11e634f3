"""The catalogue of acts, split into parts of bounded size.

The catalogue page (``<lang>/index.md``) shows the filters (type, status, year: every value
of the corpus) and the LATEST acts; the whole list is in JSON parts, one per act type and
year (``catalogue/<type>-<year>.json``: the rows of that part, as the page shows them), named
by ``catalogue/index.json``. Choosing a filter (kept in the address, ``?type=law&year=2013``)
fetches the parts it needs and shows their rows (generator/theme/assets/zan.js), «nothing
found» when none fits. A new act changes its own part, the index and the page's latest rows,
whatever the size of the corpus.

>>> part_name("law", "2013"), part_name("", ""), part_name("x/y", "20 13")
('law-2013', 'none-unknown', 'x_y-20_13')
"""

from __future__ import annotations

import datetime as dt
import re

from .outstanding import is_outstanding
from .site import OTHER, day_text, esc, json_dump, lang_switch, page, ui

LATEST = 50  # acts on the catalogue page itself, the most recent first


def part_name(typ: str, year: str) -> str:
    """The file name (without ``.json``) of the catalogue part of one type and year."""
    safe = lambda s, empty: re.sub(r"[^a-z0-9]", "_", s.lower()) if s else empty  # noqa: E731
    return f"{safe(typ, 'none')}-{safe(year, 'unknown')}"


def entries(pub, lang: str) -> list[dict]:
    """Every act, amending act and draft as a catalogue row: ``{id, type, year, status,
    date, html}``, in the order of the corpus (acts, amending acts, drafts)."""
    t = ui(lang)
    outstanding = {
        a.id: sum(1 for r in a.effects if r["lang"] == lang and is_outstanding(r["status"]))
        for a in pub.summaries
    }
    items = [(a.id, a.meta, f"acts/{a.id}/", a.meta.get("status", "")) for a in pub.summaries]
    items += [
        (am["record"].id, am["record"].meta, f"amendments/{am['record'].id}/", "amending")
        for am in pub.amendments
    ]
    for d in pub.drafts:
        rec = d["record"]
        where = "examples" if rec.meta.get("example") else "drafts"
        items.append((rec.id, rec.meta, f"{where}/{rec.id}/", rec.meta.get("status", "draft")))
    out = []
    for act_id, meta, href, status in items:
        date = str(meta.get("adopted") or meta.get("submitted") or "")
        year = date[:4] if date[:4].isdigit() else ""  # an unknown date has no year
        typ = meta.get("type", "")
        title = meta["title"].get(lang) or meta["title"].get(OTHER[lang])
        marker = "" if meta["title"].get(lang) else f" ({ui(OTHER[lang])['lang_name']})"
        n_out = outstanding.get(act_id, 0) if href.startswith("acts/") else 0
        flag = (
            f' <a class="zan-outstanding-flag" data-zan-outstanding-flag href="outstanding/">'
            f"{esc(t['catalogue_outstanding'])} ({n_out})</a>"
            if n_out
            else ""
        )
        cells = [
            (t["title"], f'<a href="{esc(href)}">{esc(title)}</a>{esc(marker)}{flag}'),
            (t["type"], esc(t["types"].get(typ, typ))),
            (t["status"], esc(t["statuses"].get(status, status))),
            # `unknown` (a text-bank act that states neither: zan import-bank) said in words
            (t["number"], esc("" if meta.get("number") == "unknown" else meta.get("number") or "")),
            (t["adopted"], f'<span class="zan-nowrap">{esc(_day_or_range(date, lang))}</span>'),
            (t["doc_code"], f'<code class="zan-nowrap">{esc(act_id)}</code>'),
        ]
        html = (
            f'<tr data-type="{esc(typ)}" data-status="{esc(status)}" data-year="{esc(year)}">'
            + "".join(f'<td data-label="{esc(label)}">{h}</td>' for label, h in cells)
            + "</tr>"
        )
        out.append(
            {"id": act_id, "type": typ, "year": year, "status": status, "date": date, "html": html}
        )
    return out


def catalogue_files(pub, lang: str, shards: list[int]) -> dict[str, str]:
    """The catalogue page of one language tree (``index.md``), its parts by type and year
    (``catalogue/<part>.json``: ``{"rows": [row HTML, …]}``, in the page's order) and their
    index (``catalogue/index.json``: ``{"parts": [[type, year, part, rows], …]}``)."""
    t = ui(lang)
    rows = entries(pub, lang)
    parts: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        parts.setdefault((r["type"], r["year"]), []).append(r)
    files = {
        f"catalogue/{part_name(*key)}.json": json_dump({"rows": [r["html"] for r in members]})
        for key, members in sorted(parts.items())
    }
    files["catalogue/index.json"] = json_dump(
        {
            "parts": [
                [typ, year, part_name(typ, year), len(members)]
                for (typ, year), members in sorted(parts.items())
            ]
        }
    )
    latest = sorted(rows, key=lambda r: (r["date"], r["id"]), reverse=True)[:LATEST]
    order = {id(r): i for i, r in enumerate(rows)}
    latest.sort(key=lambda r: order[id(r)])  # in the corpus' order, as every part

    def select(name: str, label: str, values: set[str], names: dict | None = None) -> str:
        opts = "".join(
            f'<option value="{esc(v)}">{esc((names or {}).get(v, v))}</option>'
            for v in sorted(values)
        )
        return (
            f'<label>{esc(label)} <select name="{name}"><option value="">{esc(t["all"])}</option>'
            f"{opts}</select></label> "
        )

    form = (
        f'<form id="zan-filter" class="zan-filter" aria-label="{esc(t["filter"])}">'
        + select("type", t["type"], {r["type"] for r in rows}, t["types"])
        + select("status", t["status"], {r["status"] for r in rows}, t["statuses"])
        + select("year", t["year"], {r["year"] for r in rows})
        + "</form>"
    )
    shown = (
        f'<p id="zan-latest">{esc(t["catalogue_latest"].format(n=len(latest)))}</p>'
        if len(latest) < len(rows)
        else ""
    )
    table = (
        f'<table id="zan-catalogue" class="zan-cards" data-zan-parts="catalogue/index.json">'
        f"<thead><tr><th>{esc(t['title'])}</th><th>{esc(t['type'])}</th>"
        f"<th>{esc(t['status'])}</th><th>{esc(t['number'])}</th><th>{esc(t['adopted'])}</th>"
        f"<th>{esc(t['doc_code'])}</th></tr></thead>"
        f"<tbody>{''.join(r['html'] for r in latest)}</tbody></table>"
        f'<p id="zan-nothing" role="status" hidden>{esc(t["nothing_found"])}</p>'
    )
    # The corpus archive comes in parts (by act ID, build.py): named in words, not by shard.
    zips = ", ".join(
        f'<a href="../download/zan-corpus-{n:02d}.zip">'
        f"{esc(t['download_part'].format(n=i + 1, of=len(shards)))}</a>"
        for i, n in enumerate(shards)
    )
    download = (
        f"<p>{esc(t['download'])} (ZIP): {zips} · "
        f'<a href="../manifest.json">{esc(t["manifest"])}</a></p>'
    )
    switch = lang_switch(lang, f"{lang}/", f"{OTHER[lang]}/")
    n_out = sum(
        1
        for a in pub.summaries
        for r in a.effects
        if r["lang"] == lang and is_outstanding(r["status"])
    )
    queue = f'<p><a href="outstanding/">{esc(t["work_queue"])}</a> ({n_out})</p>'
    files["index.md"] = page(
        t["catalogue"],
        f"{switch}\n\n<p>{esc(t['catalogue_intro'])}</p>\n\n{queue}\n\n{form}\n\n{shown}"
        f"\n\n{table}\n\n{download}",
    )
    return files


__all__ = ["catalogue_files", "entries", "part_name", "LATEST"]


def _day_or_range(value: object, lang: str) -> str:
    """A catalogue date: the day, or an uncertain date in words (`site.date_text`).

    >>> _day_or_range("2013-04-15", "kk"), _day_or_range("unknown", "ru")
    ('15.04.2013', 'неизвестна')
    """
    from .model import DateSpec
    from .site import date_text

    text = day_text(value)
    if value in (None, "") or text != str(value) or isinstance(value, dt.date):
        return text
    try:
        return date_text(DateSpec.parse(str(value)), lang)
    except ValueError:
        return text
