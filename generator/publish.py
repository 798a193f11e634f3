"""Assemble what the site publishes (versions, ledgers, diffs) and write its pages.

`assemble_act` runs one act through the stages: stored editions are parsed, amending acts
in `amendments/` are applied (consolidate stage) and its versions are diffed (diff stage).
`act_pages` and `site_pages` render a language tree as Markdown pages for mkdocs; the build
(`build.build_site`) streams acts through them.

>>> version_sort_key("original", "2013-04-15")[0]
0
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import eid as _eid
from .corpus import ActRecord, Corpus
from .model import Act
from .render import unit_tree
from .site import (
    LANGS,
    OTHER,
    SiteAct,
    SiteVersion,
    UnitContext,
    act_container,
    act_url,
    cited_by,
    correction_html,
    date_text,
    esc,
    json_dump,
    lang_switch,
    make_linkify,
    page,
    rel,
    render_unit,
    ui,
)

OFFICIAL_BANK = "https://adilet.zan.kz/"


def version_sort_key(version_id: str, date: str) -> tuple[int, str]:
    """Order: the original first, then by date."""
    return (0 if version_id == "original" else 1, date)


@dataclass
class Published:
    """Everything the site shows."""

    corpus: Corpus
    today: dt.date
    acts: list[SiteAct] = field(default_factory=list)  # only when assembled in memory
    summaries: list = field(default_factory=list)  # ActSummary of every act
    index: object = None
    ledger_rows: dict = field(default_factory=dict)
    amendments: list[dict] = field(default_factory=list)  # {record, texts, ledger}
    drafts: list[dict] = field(default_factory=list)  # {record, texts, comparison}
    warnings: list[str] = field(default_factory=list)

    def act(self, act_id: str) -> SiteAct | None:
        """An act assembled on demand (drafts compare with it)."""
        found = next((a for a in self.acts if a.id == act_id), None)
        if found is None and act_id in self.corpus.acts:
            rec = self.corpus.acts[act_id]
            found = assemble_act(
                self.corpus, rec, self.index, self.ledger_rows.get(act_id, []), self.today
            )
        return found


def _sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stored_versions(rec: ActRecord, today: dt.date) -> list[SiteVersion]:
    out = []
    for ed in rec.editions:
        read = {lang: ed.load_with_digest(lang) for lang in ed.languages}
        texts = {lang: act for lang, (act, _digest) in read.items()}
        prov = {}
        for lang in ed.languages:
            src = ed.sources.get(lang, {})
            prov[lang] = {
                "kind": "stored",
                "consolidated_up_to": (ed.meta.get("consolidated") or {}).get(lang) or ed.includes,
                "source": src.get("file", ""),
                "source_sha256": src.get("sha256", ""),
                # Stored texts are in canonical form (tests/test_corpus.py): hash the bytes.
                "text_sha256": read[lang][1],
            }
        label = {
            lang: (
                ui(lang)["version_original"]
                if ed.includes == "original"
                else ui(lang)["version_stored"].format(what=ed.id)
            )
            for lang in LANGS
        }
        out.append(
            SiteVersion(
                id=ed.id,
                date=ed.date,
                label=label,
                texts=texts,
                provenance=prov,
                partial=bool(ed.meta.get("partial")),
            )
        )
    return out


def ledger_rows_by_act(ledgers) -> dict[str, list[dict]]:
    """The effects-ledger rows grouped by the corpus act they target."""
    out: dict[str, list[dict]] = {}
    for row in ledgers.rows:
        if row.get("act_id"):
            out.setdefault(row["act_id"], []).append(row)
    return out


def assemble_act(
    corpus: Corpus,
    rec: ActRecord,
    index,
    rows: list[dict],
    today: dt.date,
    stored: list[SiteVersion] | None = None,
    diffs: bool = True,
) -> SiteAct:
    """One act through the stages: stored editions (parsed here unless given), computed
    versions, and (with ``diffs``) the redlines between them."""
    from . import consolidate_corpus

    versions = stored if stored is not None else _stored_versions(rec, today)
    computed, hist = consolidate_corpus.computed_versions(corpus, rec, versions, today, index)
    versions = sorted(versions + computed, key=lambda v: v.date.sort_key())
    for v in versions:
        v.status = "pending" if v.date.earliest and v.date.earliest > today else "past"
    for lang in LANGS:
        cur = [v for v in versions if lang in v.texts and v.status != "pending"]
        if cur:
            cur[-1].status = "in_force" if cur[-1].status == "past" else cur[-1].status
    site_act = SiteAct(id=rec.id, meta=rec.meta, versions=versions, history=hist)
    site_act.amendments = rows
    if diffs:
        site_act.diffs = consolidate_corpus.version_diffs(site_act)
    return site_act


@dataclass
class ActSummary:
    """What the site-wide pages (catalogue, manifest, feeds) need to know of an act."""

    id: str
    meta: dict
    versions: list[dict]


def summarize(act: SiteAct) -> ActSummary:
    """The summary of an assembled act (small, cached between builds)."""
    versions = []
    for v in act.versions:
        versions.append(
            {
                "id": v.id,
                "date": v.date.text,
                "status": v.status,
                "label": dict(v.label),
                "langs": sorted(v.texts),
                "json_sha256": {lg: _sha256_text(act_json(act, v, lg)) for lg in sorted(v.texts)},
                "source": {
                    lg: v.provenance.get(lg, {}).get("source", "") for lg in sorted(v.texts)
                },
                "source_sha256": {
                    lg: v.provenance.get(lg, {}).get("source_sha256", "") for lg in sorted(v.texts)
                },
            }
        )
    return ActSummary(id=act.id, meta=act.meta, versions=versions)


def load_drafts(pub: Published, root: Path, examples: bool) -> None:
    """Drafts (and, with ``examples``, the example drafts) with their discussion data."""
    from .corpus import load_record
    from .drafts import prepare

    corpus = pub.corpus
    records = sorted(corpus.drafts.values(), key=lambda r: r.id)
    if examples:
        errors: list[str] = []
        base = root / "examples" / "drafts"
        for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
            rec = load_record(folder, "draft", errors)
            if rec is not None:
                if not rec.meta.get("example"):
                    errors.append(f"{folder / 'act.yml'}:1: an example must say `example: true`")
                records.append(rec)
        if errors:
            raise ValueError("\n".join(errors))
    for rec in records:
        texts = {lang: rec.load(lang) for lang in sorted(rec.files)}
        pub.drafts.append(prepare({"record": rec, "texts": texts}, pub))


# ---------------------------------------------------------------- pages


def _banner(text: str, cls: str = "") -> str:
    return f'<div class="zan-banner {cls}" role="note">{text}</div>'


def _provenance(v: SiteVersion, lang: str, act: SiteAct, page_dir: str) -> str:
    t = ui(lang)
    prov = v.provenance.get(lang, {})
    rows = [
        f"<p>{esc(t['unofficial'])}: "
        f'<a href="{OFFICIAL_BANK}" rel="external">adilet.zan.kz</a>.</p>',
        f"<p>{esc(t['consolidated_up_to'].format(what=prov.get('consolidated_up_to', '')))}</p>",
    ]
    missing = [r for r in act.amendments if r.get("lang") in (None, lang)]
    not_reflected = (
        [r for r in missing if r["status"] != "applied" or r.get("version") != v.id]
        if v.provenance.get(lang, {}).get("kind") == "stored"
        else []
    )
    notes = list(v.not_reflected)
    if not_reflected and v.status == "in_force":
        notes += [{"act": r["amender"], "reason": r["status_text"]} for r in not_reflected]
    if notes:
        items = "".join(f"<li>{esc(n['act'])}: {esc(n['reason'])}</li>" for n in notes)
        rows.append(f"<p>{esc(t['not_reflected'])}:</p><ul>{items}</ul>")
    if prov.get("source"):
        rows.append(
            f"<p>{esc(t['source'])}: <code>{esc(Path(prov['source']).name)}</code>, "
            f"{esc(t['sha256'])} <code>{esc(prov.get('source_sha256', ''))}</code></p>"
        )
    for base in prov.get("derived_from", []):
        rows.append(f"<p>{esc(base)}</p>")
    json_href = rel(page_dir, act_url(lang, act.id, v.id)) + "act.json"
    rows.append(f'<p><a href="{esc(json_href)}">{esc(t["open_data"])}</a></p>')
    return f'<div class="zan-provenance">{"".join(rows)}</div>'


def _index(act: SiteAct, v: SiteVersion, lang: str) -> dict:
    """eId → unit of a version's text (computed once per act: texts are final here)."""
    return act.remember(("index", v.id, lang), v.texts[lang].index)


def _version_words(act: SiteAct, v: SiteVersion, lang: str) -> str:
    """A version named in words of ``lang``: what its edition is consolidated up to."""
    for ed in act.meta.get("editions") or []:
        if isinstance(ed, dict) and ed.get("id") == v.id:
            words = (ed.get("consolidated") or {}).get(lang)
            if words:
                return str(words)
    return v.label.get(lang, v.id)


def _fate_map(act: SiteAct, v: SiteVersion, lang: str, page_dir: str) -> dict[str, dict]:
    """eId → what became of a unit cited in another version and not in this one.

    Each entry is ``{text, to?, href?}``: ``to`` the eId the unit has here (renumbered by an
    operation or shifted by position, `generator.diff.renaming`: a citation of the old eId
    lands on it), else ``href`` the version that has it (the last one before this version,
    or the first after it, or one in the other language). A repealed unit's placeholder
    says so. (DESIGN.md, «Unit IDs»: a citation keeps working in later versions; where the
    unit was renumbered or repealed, the page says so.)
    """
    from .diff import renaming, unit_label

    t = ui(lang)
    here = _index(act, v, lang)
    fate: dict[str, dict] = {}
    pos = {id(x): k for k, x in enumerate(act.versions)}
    others = [x for x in act.versions if x is not v]
    # Versions before this one first, nearest first; then the later ones, nearest first.
    before = sorted((x for x in others if pos[id(x)] < pos[id(v)]), key=lambda x: -pos[id(x)])
    after = [x for x in others if pos[id(x)] > pos[id(v)]]
    for other in before + after:
        text_langs = [lang] if lang in other.texts else list(other.texts)
        for text_lang in text_langs:
            index = _index(act, other, text_lang)
            ren = (
                act.remember(
                    ("renaming", other.id, v.id, lang),
                    lambda o=other: renaming(o.texts[lang], v.texts[lang]),
                )
                if text_lang == lang
                else {}
            )
            what = _version_words(act, other, lang)
            for eid in index:
                if eid in here or eid in fate:
                    continue
                old = unit_label(eid, lang)
                if eid in ren and ren[eid] in here:
                    new = unit_label(ren[eid], lang)
                    fate[eid] = {
                        "text": t["unit_renamed"].format(old=old, version=what, new=new),
                        "to": ren[eid],
                        "link": new,
                    }
                    continue
                key = (
                    "unit_other_language"
                    if text_lang != lang
                    else ("unit_gone_after" if pos[id(other)] < pos[id(v)] else "unit_not_yet")
                )
                href = rel(page_dir, act_url(text_lang, act.id, other.id)) + f"#{eid}"
                fate[eid] = {
                    "text": t[key].format(old=old, version=what),
                    "href": href,
                    "link": t["unit_fate_link"],
                }
    for eid, unit in here.items():
        if unit.repealed:
            fate[eid] = {"text": t["unit_repealed_later"].format(what=unit.text[:160])}
    return fate


def act_version_page(
    act: SiteAct, v: SiteVersion, lang: str, page_dir: str, searchable: bool = False
) -> str:
    """The text of one version of an act, with its anchors and actions."""
    import json as _json

    t = ui(lang)
    text = v.texts[lang]
    other = OTHER[lang]
    other_v = v if other in v.texts else act.current(other)
    other_dir = (
        act_url(other, act.id, v.id)
        if other in v.texts
        else (act_url(other, act.id) if act.current(other) else None)
    )
    ctx = UnitContext(
        lang=lang,
        act_id=act.id,
        version=v.id,
        meta=act.meta,
        page_dir=page_dir,
        other_exists=(
            act.remember(("eids", other_v.id, other), lambda: set(_index(act, other_v, other)))
            if other_v
            else set()
        ),
        other_version=other_v.id if other_v else None,
        refs=act.remember(("refs", v.id, lang), lambda: cited_by(text, lang, _index(act, v, lang))),
    )
    for c in text.meta.get("corrections") or []:
        ctx.corrections.setdefault(c["eid"], []).append(c)
    parts = [lang_switch(lang, page_dir, other_dir)]
    status = act.meta.get("status")
    if status == "repealed":
        by = act.meta.get("repealed_by", {})
        by_text = (by.get("text") or {}).get(lang) or f"{by.get('act', '')} ({by.get('date', '')})"
        parts.append(_banner(esc(t["repealed_banner"].format(by=by_text)), "zan-repealed-act"))
    if other not in v.texts:
        missing = (act.meta.get("languages_missing") or {}).get(other)
        if other_v is None or missing:
            parts.append(_banner(esc(t["other_language_missing"])))
        elif other_v is not None:
            parts.append(_banner(esc(t["language_edition_differs"].format(what=other_v.id))))
    pending = [x for x in act.versions if x.status == "pending" and lang in x.texts]
    for p in pending:
        parts.append(
            _banner(f"{esc(t['upcoming'])}: {esc(p.label[lang])} ({esc(date_text(p.date, lang))})")
        )
    parts.append(
        f'<p class="zan-version-line"><strong>{esc(t["version"])}:</strong> '
        f"{esc(v.label[lang])} — {esc(t['in_force_from'])}: {esc(date_text(v.date, lang))}. "
        f'<a href="{esc(rel(page_dir, act_url(lang, act.id) + "versions/"))}">{esc(t["versions"])}</a> · '
        f'<a href="{esc(rel(page_dir, act_url(lang, act.id) + "history/"))}">{esc(t["history"])}</a></p>'
    )
    parts.append(_provenance(v, lang, act, page_dir))
    fate = act.remember(
        ("fate", v.id, lang, page_dir),
        # JSON in a script element: raw text, only «<» needs escaping.
        lambda: _json.dumps(
            _fate_map(act, v, lang, page_dir), ensure_ascii=False, sort_keys=True
        ).replace("<", "\\u003c"),
    )
    parts.append(
        f'<p id="zan-fate-notice" role="status" data-never="{esc(t["unit_never"])}" hidden></p>'
    )
    parts.append(f'<script type="application/json" id="zan-fate">{fate}</script>')

    def render_text_html() -> str:
        linkify = make_linkify(lang, _index(act, v, lang))
        body = "".join(render_unit(u, ctx, linkify) for u in text.body)
        notes = "".join(f'<p class="zan-note">{esc(n.text)}</p>' for n in text.notes)
        notes += "".join(
            correction_html(c, lang)
            for eid in ("title", "act")
            for c in ctx.corrections.get(eid, [])
        )
        sig = "".join(f'<p class="zan-signature">{esc(s)}</p>' for s in text.signature)
        return notes + body + sig

    # The unit HTML holds no page-relative link: the version page and the «text in force»
    # page share it.
    units_html = act.remember(("html", v.id, lang), render_text_html)
    # Only the text in force is indexed for search; past versions are reached from it.
    parts.append(act_container(ctx, units_html, " data-pagefind-body" if searchable else ""))
    return page(text.title, "\n\n".join(p for p in parts if p))


def act_json(act: SiteAct, v: SiteVersion, lang: str) -> str:
    """Open data: the version's unit tree with the same eIds."""
    return act.remember(("json", v.id, lang), lambda: _act_json(act, v, lang))


def _act_json(act: SiteAct, v: SiteVersion, lang: str) -> str:

    text = v.texts[lang]
    return json_dump(
        {
            "act": act.id,
            "version": v.id,
            "date": str(v.date),
            "lang": lang,
            "title": text.title,
            "provenance": v.provenance.get(lang, {}),
            "units": [unit_tree(u) for u in text.body],
        }
    )


def versions_page(act: SiteAct, lang: str) -> str:
    """The list of versions with the amending act behind each, and redline links."""
    t = ui(lang)
    page_dir = act_url(lang, act.id) + "versions/"
    rows = []
    in_lang = [v for v in act.versions if lang in v.texts]
    for v in act.versions:
        link = (
            f'<a href="{esc(rel(page_dir, act_url(lang, act.id, v.id)))}">{esc(v.id)}</a>'
            if lang in v.texts
            else f"{esc(v.id)} ({esc(', '.join(sorted(v.texts)))})"
        )
        redline = ""
        if lang in v.texts:
            j = in_lang.index(v)
            if j > 0:
                prev = in_lang[j - 1]
                href = rel(page_dir, act_url(lang, act.id) + f"diff/{prev.id}--{v.id}/")
                redline = f'<a href="{esc(href)}">{esc(t["redline_prev"])}</a>'
        rows.append(
            f"<tr><td>{link}</td><td>{esc(v.label[lang])}</td><td>{esc(date_text(v.date, lang))}</td>"
            f"<td>{esc(v.status)}</td><td>{redline}</td></tr>"
        )
    table = (
        f"<table><thead><tr><th>{esc(t['version'])}</th><th>{esc(t['amending_act'])}</th>"
        f"<th>{esc(t['in_force_from'])}</th><th>{esc(t['status'])}</th>"
        f"<th>{esc(t['redline'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    from .consolidate_corpus import redline_pairs

    pairs = []
    for a, b in redline_pairs([v.id for v in in_lang]):
        href = rel(page_dir, act_url(lang, act.id) + f"diff/{a}--{b}/")
        pairs.append(f'<li><a href="{esc(href)}">{esc(a)} → {esc(b)}</a></li>')
    any_two = f"<h2>{esc(t['compare_any'])}</h2><ul>{''.join(pairs)}</ul>" if pairs else ""
    other_dir = act_url(OTHER[lang], act.id) + "versions/"
    title = act.meta["title"].get(lang) or act.meta["title"].get(OTHER[lang])
    return page(
        f"{title}: {t['versions']}",
        lang_switch(lang, page_dir, other_dir) + "\n\n" + table + "\n\n" + any_two,
    )


def history_page(act: SiteAct, lang: str) -> str:
    """Per-unit history: which acts changed each unit and when (notes and zan's ledger)."""
    t = ui(lang)
    page_dir = act_url(lang, act.id) + "history/"
    rows = []
    # eId → note text → the first version that carries it (a note repeats in later ones).
    seen: dict[str, dict[str, str]] = {}
    for v in act.versions:
        text = v.texts.get(lang)
        if text is None:
            continue
        for u in text.walk():
            for n in u.heading_notes + u.notes:
                seen.setdefault(u.eid, {}).setdefault(n.text, v.id)
    cur = act.current(lang)
    for eid in sorted(seen, key=_eid_order):
        href = rel(page_dir, act_url(lang, act.id, cur.id)) + f"#{eid}" if cur else "#"
        items = "".join(f"<li>{esc(f'{note} [{vid}]')}</li>" for note, vid in seen[eid].items())
        rows.append(
            f'<tr><td><a href="{esc(href)}">{esc(eid)}</a></td><td><ul>{items}</ul></td></tr>'
        )
    title = act.meta["title"].get(lang) or act.meta["title"].get(OTHER[lang])
    body = (
        f"<p>{esc(t['history_intro'])}</p><table><thead><tr><th>{esc(t['unit'])}</th>"
        f"<th>{esc(t['changed_by'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return page(
        f"{title}: {t['history']}",
        lang_switch(lang, page_dir, act_url(OTHER[lang], act.id) + "history/") + "\n\n" + body,
    )


def _eid_order(eid: str) -> tuple:
    out = []
    for typ, num in (_eid.last(seg) for seg in _eid.split(eid)):
        out.append((typ, _eid.num_key(num)))
    return tuple(out)


def catalogue_page(pub: Published, lang: str, shards: list[int]) -> str:
    """The catalogue of acts with filters by type, status and year."""
    t = ui(lang)
    rows = []
    entries = []
    for act in pub.summaries:
        entries.append((act.id, act.meta, f"acts/{act.id}/", act.meta.get("status", "")))
    for am in pub.amendments:
        rec = am["record"]
        entries.append((rec.id, rec.meta, f"amendments/{rec.id}/", "amending"))
    for d in pub.drafts:
        rec = d["record"]
        where = "examples" if rec.meta.get("example") else "drafts"
        entries.append((rec.id, rec.meta, f"{where}/{rec.id}/", rec.meta.get("status", "draft")))
    years, types, statuses = set(), set(), set()
    for act_id, meta, href, status in entries:
        date = meta.get("adopted") or meta.get("submitted") or ""
        year = str(date)[:4]
        years.add(year)
        types.add(meta.get("type", ""))
        statuses.add(status)
        title = meta["title"].get(lang) or meta["title"].get(OTHER[lang])
        marker = "" if meta["title"].get(lang) else f" ({ui(OTHER[lang])['lang_name']})"
        rows.append(
            f'<tr data-type="{esc(meta.get("type", ""))}" data-status="{esc(status)}" '
            f'data-year="{esc(year)}"><td><a href="{esc(href)}">{esc(title)}</a>{esc(marker)}</td>'
            f"<td>{esc(t['types'].get(meta.get('type', ''), meta.get('type', '')))}</td>"
            f"<td>{esc(t['statuses'].get(status, status))}</td><td>{esc(year)}</td>"
            f"<td><code>{esc(act_id)}</code></td></tr>"
        )

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
        + select("type", t["type"], types, t["types"])
        + select("status", t["status"], statuses, t["statuses"])
        + select("year", t["year"], years)
        + "</form>"
    )
    table = (
        f'<table id="zan-catalogue"><thead><tr><th>{esc(t["title"])}</th><th>{esc(t["type"])}</th>'
        f"<th>{esc(t['status'])}</th><th>{esc(t['year'])}</th><th>ID</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    zips = " ".join(f'<a href="../download/zan-corpus-{n:02d}.zip">{n + 1}</a>' for n in shards)
    download = f'<p>{esc(t["download"])}: {zips} · <a href="../manifest.json">manifest.json</a></p>'
    switch = lang_switch(lang, f"{lang}/", f"{OTHER[lang]}/")
    return page(
        t["catalogue"],
        f"{switch}\n\n<p>{esc(t['catalogue_intro'])}</p>\n\n{form}\n\n{table}\n\n{download}",
    )


def search_page(
    lang: str, shards: list[int], amender_shards: list[int] = (), site_shard: bool = True
) -> str:
    """The offline search page: Pagefind UI over the site's index shards (acts and amending
    acts by ID, one for drafts), merged in the browser."""
    t = ui(lang)
    bundles = [f"../../pagefind/a{n:02d}/" for n in shards]
    bundles += [f"../../pagefind/m{n:02d}/" for n in amender_shards]
    if site_shard:
        bundles.append("../../pagefind/site/")
    merge = ",".join(f"{{bundlePath:{_js_str(b)}}}" for b in bundles[1:])
    body = (
        f'<link href="{bundles[0]}pagefind-ui.css" rel="stylesheet">'
        f'<script src="{bundles[0]}pagefind-ui.js"></script>'
        f'<div id="zan-search" data-lang="{lang}"></div>'
        "<script>window.addEventListener('DOMContentLoaded',function(){"
        f"new PagefindUI({{element:'#zan-search',showSubResults:true,bundlePath:{_js_str(bundles[0])},"
        f"mergeIndex:[{merge}],"
        f"translations:{{placeholder:{_js_str(t['search_placeholder'])}}}}});"
        "var box=document.querySelector('#zan-search input');"
        f"if(box){{box.setAttribute('aria-label',{_js_str(t['search'])});}}}});</script>"
    )
    return page(
        t["search"], lang_switch(lang, f"{lang}/search/", f"{OTHER[lang]}/search/") + "\n\n" + body
    )


def _js_str(s: str) -> str:
    import json as _json

    return _json.dumps(s, ensure_ascii=False).replace("<", "\\u003c")


def amendment_page(am: dict, lang: str) -> str:
    """An amending act: its text and its effects (applied / pending / failed)."""
    t = ui(lang)
    rec: ActRecord = am["record"]
    page_dir = f"{lang}/amendments/{rec.id}/"
    text: Act | None = am["texts"].get(lang)
    parts = [lang_switch(lang, page_dir, f"{OTHER[lang]}/amendments/{rec.id}/")]
    rows = []
    for row in am["ledger"]:
        if row.get("lang") not in (None, lang):
            continue
        target = esc(row["target"])
        if row.get("version") and row["status"] == "applied":
            href = rel(page_dir, act_url(lang, row["act_id"], row["version"])) + f"#{row['target']}"
            target = f'<a href="{esc(href)}">{target}</a>'
        rows.append(
            f"<tr><td>{esc(row['act'])}</td><td>{target}</td><td>{esc(row['action'])}</td>"
            f"<td>{esc(row['status_text'])}</td></tr>"
        )
    parts.append(
        f"<h2>{esc(t['effects'])}</h2><table><thead><tr><th>{esc(t['acts'])}</th>"
        f"<th>{esc(t['target'])}</th><th>{esc(t['operation'])}</th><th>{esc(t['result'])}</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    if text is not None:
        ctx = UnitContext(lang, rec.id, "text", rec.meta, page_dir, set(), None)
        ctx.url_base = "amendments"
        body = "".join(render_unit(u, ctx, esc) for u in text.body)
        parts.append(f"<h2>{esc(t['text'])}</h2>" + act_container(ctx, body, " data-pagefind-body"))
    else:
        parts.append(_banner(esc(t["language_missing"])))
    return page(rec.title(lang), "\n\n".join(parts))


def pages(pub: Published, lang: str) -> dict[str, str]:
    """Every page (and data file) of one language tree, by path relative to its docs dir."""
    out = site_pages(pub, lang, None)
    for act in pub.acts:
        out.update(act_pages(act, lang))
    for am in pub.amendments:
        out[f"amendments/{am['record'].id}/index.md"] = amendment_page(am, lang)
    return out


def act_pages(act: SiteAct, lang: str) -> dict[str, str]:
    """The pages of one act in one language tree (paths relative to the tree)."""
    out: dict[str, str] = {}
    base = f"acts/{act.id}/"
    cur = act.current(lang)
    other = OTHER[lang]
    title = act.meta["title"].get(lang) or act.meta["title"].get(other) or act.id
    for v in act.versions:
        page_dir = act_url(lang, act.id, v.id)
        if lang not in v.texts:
            # The trees mirror each other: this version exists in the other language
            # only, and the page says so instead of showing another text.
            out[base + f"{v.id}/index.md"] = _stub(
                lang,
                page_dir,
                act_url(other, act.id, v.id),
                f"{title}: {v.id}",
                ui(lang)["version_language_missing"].format(version=v.id),
                act_url(lang, act.id) + "versions/",
            )
            continue
        out[base + f"{v.id}/index.md"] = act_version_page(act, v, lang, page_dir)
        out[base + f"{v.id}/act.json"] = act_json(act, v, lang)
    if cur is not None:
        out[base + "index.md"] = act_version_page(
            act, cur, lang, act_url(lang, act.id), searchable=True
        )
    else:
        out[base + "index.md"] = _stub(
            lang,
            act_url(lang, act.id),
            act_url(other, act.id),
            title,
            ui(lang)["language_missing"],
            act_url(lang, act.id) + "versions/",
        )
    for (a, b, dlang), html in act.diffs.items():
        if dlang == lang:
            out[base + f"diff/{a}--{b}/index.md"] = html
        elif (a, b, lang) not in act.diffs:
            page_dir = act_url(lang, act.id) + f"diff/{a}--{b}/"
            out[base + f"diff/{a}--{b}/index.md"] = _stub(
                lang,
                page_dir,
                act_url(dlang, act.id) + f"diff/{a}--{b}/",
                f"{title}: {a} → {b}",
                ui(lang)["diff_language_missing"],
                act_url(lang, act.id) + "versions/",
            )
    out[base + "versions/index.md"] = versions_page(act, lang)
    out[base + "history/index.md"] = history_page(act, lang)
    return out


def site_pages(
    pub: Published,
    lang: str,
    shards: list[int] | None = None,
    amender_shards: list[int] | None = None,
) -> dict[str, str]:
    """The site-wide pages of one language tree: catalogue, search, amending acts, drafts,
    feeds. ``shards``: the search-index and download shards that hold acts."""
    shards = shards if shards is not None else [0]
    out: dict[str, str] = {
        "index.md": catalogue_page(pub, lang, shards),
        "search/index.md": search_page(
            lang,
            shards,
            amender_shards if amender_shards is not None else ([0] if pub.amendments else []),
            bool(pub.drafts),
        ),
    }
    from .drafts import draft_page

    for d in pub.drafts:
        where = "examples" if d["record"].meta.get("example") else "drafts"
        out[f"{where}/{d['record'].id}/index.md"] = draft_page(d, pub, lang)
    from .feeds import feeds

    out.update(feeds(pub, lang))
    return out


def _stub(lang: str, page_dir: str, other_dir: str, title: str, message: str, back: str) -> str:
    """A mirror page for something that exists only in the other language."""
    t = ui(lang)
    body = (
        lang_switch(lang, page_dir, other_dir)
        + "\n\n"
        + _banner(esc(message))
        + f'\n\n<p><a href="{esc(rel(page_dir, back))}">{esc(t["versions"])}</a></p>'
    )
    return page(title, body)


def root_index() -> str:
    """The root page: only helps choose a language."""
    kk, ru = ui("kk"), ui("ru")
    return (
        '<!doctype html>\n<html lang="kk"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>zan</title></head><body><main><h1>zan</h1>"
        f"<p>{esc(kk['choose_language'])} / {esc(ru['choose_language'])}</p><ul>"
        f'<li><a href="kk/" hreflang="kk" lang="kk">{esc(kk["lang_name"])}</a></li>'
        f'<li><a href="ru/" hreflang="ru" lang="ru">{esc(ru["lang_name"])}</a></li>'
        "</ul></main></body></html>\n"
    )


def manifest(pub: Published) -> dict:
    """Every published text with its SHA-256."""
    texts = []
    for act in sorted(pub.summaries, key=lambda a: a.id):
        for v in act.versions:
            for lang in v["langs"]:
                url = act_url(lang, act.id, v["id"])
                texts.append(
                    {
                        "act": act.id,
                        "version": v["id"],
                        "lang": lang,
                        "date": v["date"],
                        "url": url,
                        "json": url + "act.json",
                        "sha256": v["json_sha256"][lang],
                        "source": v["source"][lang],
                        "source_sha256": v["source_sha256"][lang],
                    }
                )
    return {"generator": "zan", "texts": texts}


__all__ = ["assemble_act", "act_pages", "site_pages", "pages", "root_index", "manifest"]
