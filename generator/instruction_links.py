"""Amending acts ↔ the units they change, both ways (page stage).

Each instruction of an amending act has its anchor on the amending act's page: the eId of
the item that holds it («1-бап 2-тармақ 2) тармақша» is ``art_1__para_2__subpara_2``),
the same in the kk and the ru text, since the two texts have one tree. From the amended
act, every generated note, history row and redline change links to the instructions that
made it; on the amending act's page every instruction links to the units it changed, in the
version it produced (`…/<ACT-ID>/<VERSION>/#eId`).

The unit HTML of a version is shared by the version's page and the «text in force» page
(publish.act_version_page), which stand at different depths: the links it holds are
written from the site's root behind `site.ROOT` and made relative per page (`resolve_up`,
the same replacement the version page makes for references to other acts).

>>> resolve_up(f'<a href="{ROOT}kk/amendments/Z070000262/#art_1">', "kk/acts/Z000000107/")
'<a href="../../../kk/amendments/Z070000262/#art_1">'
"""

from __future__ import annotations

from . import eid as _eid
from .diff import unit_label
from .model import Act
from .site import ROOT, esc, root_prefix, ui

CHANGED = ("applied", "resolved-manually", "pending")  # rows whose change is in a version


def resolve_up(html: str, page_dir: str) -> str:
    """``html`` with its links from the site's root (`site.ROOT`) made relative to
    ``page_dir`` (a site path)."""
    return html.replace(ROOT, root_prefix(page_dir))


def within(eid: str, outer: str) -> bool:
    """Whether ``eid`` is ``outer`` or a unit inside it.

    >>> within("art_1__para_2-2", "art_1"), within("art_10", "art_1")
    (True, False)
    """
    return eid == outer or eid.startswith(outer + "__")


def touches(row: dict, eid: str) -> bool:
    """Whether a ledger row changed the unit ``eid``: its target is the unit, lies inside
    it (a note of an article records a change to its point) or holds it (a replaced article
    changes each of its points).

    >>> touches({"target": "art_1__para_2-2"}, "art_1"), touches({"target": "art_23"}, "art_23__para_1")
    (True, True)
    """
    target = row.get("target") or ""
    return bool(target) and (within(target, eid) or within(eid, target))


def line_items(text: Act | None) -> list[tuple[int, str]]:
    """(line, eId) of each item of an amending act's text, in order: the instruction at a
    line stands in the last item that starts at or before it.

    >>> from generator.parse import parse_markdown
    >>> line_items(parse_markdown("# T\\n\\n### 1-бап. {#art_1}\\n\\n1. Бір:\\n\\n1) екі;\\n", "kk"))
    [(3, 'art_1'), (5, 'art_1__para_1'), (7, 'art_1__para_1__subpara_1')]
    """
    if text is None:
        return []
    return [(u.line, u.eid) for u in text.walk() if u.line and not u.quoted and u.type != "qstr"]


def item_of(row: dict, items: list[tuple[int, str]]) -> str:
    """The item (eId) of the amending act that holds a row's instruction: as read, or for
    an instruction not read, the item its line stands in.

    >>> item_of({"item": "", "line": 27}, [(24, "art_1__para_2__subpara_1"), (26, "art_1__para_2__subpara_2")])
    'art_1__para_2__subpara_2'
    """
    if row.get("item"):
        return row["item"]
    line = row.get("line") or 0
    found = ""
    for start, eid in items:
        if start <= line:
            found = eid
        else:
            break
    return found


def instruction_href(row: dict, lang: str) -> str:
    """The instruction's anchor on the amending act's page, from the site's root (`ROOT`).

    >>> h = instruction_href({"amender": "Z070000262", "item": "art_1__para_2__subpara_5"}, "kk")
    >>> h.replace(ROOT, "")
    'kk/amendments/Z070000262/#art_1__para_2__subpara_5'
    """
    item = row.get("item") or ""
    return f"{ROOT}{lang}/amendments/{row['amender']}/" + (f"#{item}" if item else "")


def instruction_words(row: dict, lang: str, names: dict) -> str:
    """An instruction named in words: the amending act and its item.

    >>> instruction_words({"amender": "Z070000262", "item": "art_1__para_2__subpara_2"}, "ru",
    ...                   {"Z070000262": "Закон РК от 18.06.2007 № 262"})
    'Закон РК от 18.06.2007 № 262, подп. 2) п. 2 ст. 1'
    """
    name = names.get(row["amender"], row["amender"])
    item = row.get("item") or ""
    return f"{name}, {unit_label(item, lang)}" if item else name


def instruction_links(rows: list[dict], lang: str, names: dict) -> str:
    """«Нұсқау: <the instructions, linked>» for the rows that made a change (one link per
    instruction), or "" when there are none.

    >>> r = {"amender": "Z070000262", "item": "art_1__para_2__subpara_8"}
    >>> html = instruction_links([r, r], "ru", {"Z070000262": "Закон РК от 18.06.2007 № 262"})
    >>> print(resolve_up(html, "ru/acts/Z000000107/"))
     <span class="zan-instructions" data-zan-instructions data-pagefind-ignore>Инструкция: <a class="zan-instruction-link" href="../../../ru/amendments/Z070000262/#art_1__para_2__subpara_8">Закон РК от 18.06.2007 № 262, подп. 8) п. 2 ст. 1</a></span>
    """
    seen: dict[tuple[str, str], dict] = {}
    for r in rows:
        seen.setdefault((r["amender"], r.get("item") or ""), r)
    if not seen:
        return ""
    links = ", ".join(
        f'<a class="zan-instruction-link" href="{esc(instruction_href(r, lang))}">'
        f"{esc(instruction_words(r, lang, names))}</a>"
        for r in seen.values()
    )
    return (
        f' <span class="zan-instructions" data-zan-instructions data-pagefind-ignore>'
        f"{esc(ui(lang)['instruction_link'])}: {links}</span>"
    )


def changed_rows(rows: list[dict], lang: str, versions: set[str]) -> list[dict]:
    """The rows of one language whose change is in one of ``versions``.

    >>> rows = [{"lang": "kk", "status": "applied", "version": "Z070000262"},
    ...         {"lang": "ru", "status": "no-text-in-language", "version": None}]
    >>> len(changed_rows(rows, "kk", {"Z070000262"})), len(changed_rows(rows, "ru", {"Z070000262"}))
    (1, 0)
    """
    return [
        r
        for r in rows
        if r.get("lang") == lang and r.get("status") in CHANGED and r.get("version") in versions
    ]


def effect_key(row: dict) -> tuple:
    """What identifies one operation in both languages of an amending act: its item, the
    act it amends, the unit and the action (lines differ between the kk and ru files).

    >>> effect_key({"item": "art_1__para_2__subpara_5", "act_id": "Z000000107",
    ...             "target": "art_9-1", "action": "insert", "line": 50})
    ('art_1__para_2__subpara_5', 'Z000000107', 'art_9-1', 'insert')
    """
    return (row.get("item") or "", row.get("act_id") or "", row.get("target"), row.get("action"))


def _order(eid: str) -> tuple:
    try:
        return tuple(
            (typ, _eid.num_key(num)) for typ, num in (_eid.last(s) for s in _eid.split(eid))
        )
    except (ValueError, TypeError, IndexError):
        return ()


def both_languages(mine: list[dict], theirs: list[dict]) -> list[tuple[dict, bool]]:
    """The ledger rows of one language and those of the other language that have no
    counterpart here (``True``: the instruction is only in the other text), in the order of
    the amending act's items; each row as (row, only_in_other).

    >>> kk = [{"item": "art_1__para_2__subpara_3", "act_id": "Z", "target": "art_2__para_1__subpara_6",
    ...        "action": "substitute_words"}, {"item": "art_1__para_2__subpara_3", "act_id": "Z",
    ...        "target": "art_2__para_1__subpara_7", "action": "insert"}]
    >>> [(r["target"], only) for r, only in both_languages(kk[1:], kk)]
    [('art_2__para_1__subpara_6', True), ('art_2__para_1__subpara_7', False)]
    """
    keys = {effect_key(r) for r in mine}
    # «… орыс тіліндегі мәтін өзгертілді, қазақ тіліндегі мәтін өзгермейді»: this text has
    # the instruction too (its row says it changes only the other text)
    said = {r.get("item") for r in mine if r.get("status") == "other-language" and r.get("item")}
    out = [(r, False) for r in mine] + [
        (r, True) for r in theirs if effect_key(r) not in keys and r.get("item") not in said
    ]
    if all(r.get("item") for r, _ in out):
        out.sort(key=lambda p: (_order(p[0]["item"]), _order(p[0].get("target") or "")))
    return out


# ---------------------------------------------------------------- the amending act's page


def amender_header(meta: dict, lang: str, name: str) -> str:
    """The amending act's date/number header: its kind, number, adoption and in-force
    dates (as known, never a guessed day).

    >>> print(amender_header({"type": "law", "number": "262", "adopted": "2007-06-18",
    ...     "in_force": "after 2007-06-18"}, "ru", "Закон РК от 18.06.2007 № 262"))
    <p class="zan-act-header" data-zan-header><strong>Закон РК от 18.06.2007 № 262</strong> · Закон · Номер: № 262 · Дата принятия: 18.06.2007 · Дата введения в действие: после 18.06.2007</p>
    """
    from .model import DateSpec
    from .site import date_text

    t = ui(lang)
    kind = t["types"].get(meta.get("type", ""), meta.get("type", ""))
    bits = [f"<strong>{esc(name)}</strong>", esc(kind)]
    if meta.get("number") and meta["number"] != "unknown":  # `unknown`: not in its text
        bits.append(f"{esc(t['number'])}: № {esc(meta['number'])}")
    if meta.get("adopted"):
        bits.append(
            f"{esc(t['adopted'])}: {esc(date_text(DateSpec.parse(str(meta['adopted'])), lang))}"
        )
    if meta.get("in_force"):
        when = date_text(DateSpec.parse(str(meta["in_force"])), lang)
        bits.append(f"{esc(t['in_force_from'])}: {esc(when)}")
    return f'<p class="zan-act-header" data-zan-header>{" · ".join(bits)}</p>'


def unit_link(row: dict, lang: str, page_dir: str, only_other: bool) -> str:
    """The unit a row changed, in words, linked to the version it produced (in the row's
    own language: a kk-only instruction links to the kk text)."""
    from .site import act_url, rel

    targets = row.get("targets") or [row.get("target") or ""]
    words = ", ".join(unit_label(e, lang) if e and e != "*" else e for e in targets)
    if row.get("act_id") and row.get("version") and row.get("status") in CHANGED:
        href = rel(page_dir, act_url(row["lang"], row["act_id"], row["version"]))
        href += f"#{targets[0]}"
        hl = f' hreflang="{esc(row["lang"])}"' if only_other else ""
        return f'<a href="{esc(href)}"{hl} data-zan-unit="{esc(targets[0])}">{esc(words)}</a>'
    return esc(words)


def changed_units_html(rows: list[dict], lang: str, page_dir: str) -> str:
    """Under an instruction of the amending act's text: the units it changed (linked to
    the version it produced) and, for any it did not, what became of it."""
    from .outstanding_pages import status_text

    t = ui(lang)
    bits = []
    for r, only in rows:
        link = unit_link(r, lang, page_dir, only)
        if r.get("status") in CHANGED and not only:
            bits.append(link)
        else:
            why = t["instruction_only_in"] if only else status_text(r, lang)
            bits.append(f"{link} ({esc(why)})")
    if not bits:
        return ""
    return (
        f'<p class="zan-changed-units" data-zan-changed-units data-pagefind-ignore>'
        f"{esc(t['instruction_changed'])}: {', '.join(bits)}</p>"
    )
