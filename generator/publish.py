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
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import eid as _eid
from .corpus import ActRecord, Corpus
from .diff import unit_label
from .incremental import SHARDS, shard_of
from .model import Act
from .outstanding import is_outstanding
from .outstanding_pages import (
    currency_html,
    date_form_html,
    edition_banner,
    effect_rows_html,
    mark_html,
    outstanding_banner,
    outstanding_marks,
    period_html,
    redirect_page,
    status_text,
    versions_data,
)
from .parallel import parallel_link, parallel_pages
from .published import PARTS_DIR
from .render import unit_tree
from .site import (
    LANGS,
    OTHER,
    ROOT,
    SiteAct,
    SiteVersion,
    UnitContext,
    act_container,
    act_url,
    cited_by,
    correction_html,
    date_text,
    day_text,
    esc,
    first_upper,
    json_dump,
    lang_switch,
    make_linkify,
    operation_text,
    page,
    rel,
    render_unit,
    root_prefix,
    toc_entries,
    ui,
    version_name,
)
from .site_nav import goto_form, search_facets

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
    from .consolidate_corpus import repo_path

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
                # the stored text, relative to the repository (the same on every machine)
                "file": repo_path(ed.files[lang], rec.folder),
                "source": src.get("file", ""),
                "source_sha256": src.get("sha256", ""),
                # Stored texts are in canonical form (tests/test_corpus.py): hash the bytes.
                "text_sha256": read[lang][1],
            }
        label = {  # what the edition is consolidated up to, in words (act.yml `consolidated`)
            lang: (
                ui(lang)["version_original"]
                if ed.includes == "original"
                else ui(lang)["version_stored"].format(
                    what=(ed.meta.get("consolidated") or {}).get(lang)
                    or ui(lang)["version_unnamed"]
                )
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


def act_titles(corpus: Corpus) -> dict[str, str]:
    """title_key(title) → act ID over the corpus's acts, both languages (computed once per
    corpus; a title two acts share links to neither)."""
    if "act_titles" not in corpus.__dict__:
        from .act_match import title_key

        seen: dict[str, set[str]] = {}
        for rec in corpus.acts.values():
            for title in (rec.meta.get("title") or {}).values():
                if title:
                    seen.setdefault(title_key(str(title)), set()).add(rec.id)
        corpus.__dict__["act_titles"] = {
            k: next(iter(ids)) for k, ids in sorted(seen.items()) if len(ids) == 1
        }
    return corpus.__dict__["act_titles"]


def titles_digest(corpus: Corpus) -> str:
    """What every act page's links to other acts depend on (build.py's cache context)."""
    data = json.dumps(act_titles(corpus), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


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
    computed, hist, effects = consolidate_corpus.computed_versions(
        corpus, rec, versions, today, index
    )
    for v in computed:  # the consolidate stage gives data; its words are the page stage's
        v.label = {
            lg: ui(lg)["version_by"].format(act=amender_name(v.amender or {}, lg)) for lg in LANGS
        }
        for lg, prov in v.provenance.items():
            prov["consolidated_up_to"] = amender_name(v.amender or {}, lg)
    versions = sorted(versions + computed, key=lambda v: v.date.sort_key())
    for v in versions:
        v.status = "pending" if v.date.earliest and v.date.earliest > today else "past"
    for lang in LANGS:
        cur = [v for v in versions if lang in v.texts and v.status != "pending"]
        for v in versions:
            if lang in v.texts:
                v.lang_status[lang] = "pending" if v.status == "pending" else "past"
        if cur:
            cur[-1].lang_status[lang] = "in_force"
            cur[-1].status = "in_force" if cur[-1].status == "past" else cur[-1].status
    site_act = SiteAct(id=rec.id, meta=rec.meta, versions=versions, history=hist)
    site_act.act_titles = act_titles(corpus)
    site_act.amendments = consolidate_corpus.merge_effects(rows, effects)
    site_act.effects = effects
    site_act.today = today
    site_act.amender_meta = {
        r["amender"]: corpus.amendments[r["amender"]].meta
        for r in site_act.amendments
        if r["amender"] in corpus.amendments
    }
    if diffs:
        site_act.diffs = version_diffs(site_act)
    return site_act


def version_diffs(act: SiteAct) -> dict[tuple[str, str, str], str]:
    """Redline pages between every two versions of an act in each language."""
    from .consolidate_corpus import redline_pairs
    from .redline_pages import diff_page

    out: dict[tuple[str, str, str], str] = {}
    for lang in LANGS:
        vs = [v for v in act.versions if lang in v.texts]
        for a, b in redline_pairs([v.id for v in vs]):
            va, vb = next(v for v in vs if v.id == a), next(v for v in vs if v.id == b)
            out[(a, b, lang)] = diff_page(act, va, vb, lang)
    return out


def amender_name(meta: dict, lang: str) -> str:
    """An amending act as the pages name it («ҚР 18.06.2007 № 262 Заңы»).

    >>> amender_name({"adopted": "2007-06-18", "number": "262"}, "ru")
    'Закон РК от 18.06.2007 № 262'
    >>> amender_name({"adopted": "2007-06-18", "number": "262"}, "kk")
    'ҚР 18.06.2007 № 262 Заңы'
    >>> amender_name({"adopted": "unknown", "number": "unknown"}, "ru")
    'Закон РК (дата и номер неизвестны)'
    """
    from .amend import note_formulas

    # Day first in both languages, as the text bank's notes write it («ҚР 18.06.2007 № 262
    # Заңымен»); an unknown date stays as the sources give it.
    d = day_text(str(meta.get("adopted", "")))
    if meta.get("adopted") == "unknown" or meta.get("number") == "unknown":
        # A text-bank act that states neither (zan import-bank): said as the notes say it
        # (grammar/notes.yml, entry_unknown), never «№ unknown».
        unknown = note_formulas()[lang]["entry_unknown"]
        return f"ҚР Заңы, {unknown}" if lang == "kk" else f"Закон РК {unknown}"
    if lang == "kk":
        return f"ҚР {d} № {meta.get('number')} Заңы"
    return f"Закон РК от {d} № {meta.get('number')}"


@dataclass
class ActSummary:
    """What the site-wide pages (catalogue, manifest, feeds) need to know of an act."""

    id: str
    meta: dict
    versions: list[dict]
    effects: list[dict] = field(default_factory=list)  # the act's ledger rows (its results)


def summarize(act: SiteAct) -> ActSummary:
    """The summary of an assembled act (small, cached between builds)."""
    versions = []
    for v in act.versions:
        versions.append(
            {
                "id": v.id,
                "date": v.date.text,
                "status": v.status,
                "lang_status": dict(v.lang_status),
                "label": dict(v.label),
                "langs": sorted(v.texts),
                "json_sha256": {lg: _sha256_text(act_json(act, v, lg)) for lg in sorted(v.texts)},
                "inputs": {lg: text_inputs(v.provenance.get(lg, {})) for lg in sorted(v.texts)},
                "kind": {
                    lg: v.provenance.get(lg, {}).get("kind", "stored") for lg in sorted(v.texts)
                },
            }
        )
    return ActSummary(id=act.id, meta=act.meta, versions=versions, effects=list(act.effects))


def load_drafts(pub: Published, root: Path, examples: bool) -> None:
    """Drafts (and, with ``examples``, the example drafts) with their discussion data."""
    from .corpus import load_record
    from .drafts import prepare
    from .paths import record_folders

    corpus = pub.corpus
    records = sorted(corpus.drafts.values(), key=lambda r: r.id)
    if examples:
        errors: list[str] = []
        base = root / "examples" / "drafts"
        for folder in record_folders(base, root, errors):  # nothing read from outside
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


def _file_line(t: dict, item: dict) -> str:
    """«корпустағы файл <code>…</code>, SHA-256 <code>…</code>; ресми дереккөз …»."""
    bits = []
    if item.get("file"):
        bits.append(
            f"{esc(t['prov_file'])} <code>{esc(item['file'])}</code>, "
            f"{esc(t['sha256'])} <code>{esc(item.get('sha256', ''))}</code>"
        )
    if item.get("source"):
        bits.append(
            f"{esc(t['prov_source'])} <code>{esc(item['source'])}</code>, "
            f"{esc(t['sha256'])} <code>{esc(item.get('source_sha256', ''))}</code>"
        )
    return "; ".join(bits)


def provenance_html(act: SiteAct, v: SiteVersion, lang: str, page_dir: str) -> str:
    """Where a version's text comes from, in words of the page's language: a stored
    edition (its file and official source, each with its SHA-256), or a version zan
    computed — from which stored edition and which amending acts, each with its files and
    their SHA-256 (`publish.text_inputs`: the same data as act.json and the manifest)."""
    t = ui(lang)
    prov = v.provenance.get(lang, {})
    inputs = text_inputs(prov)
    if prov.get("kind") == "computed":
        items = []
        for item in inputs:
            if item["role"] == "base":
                base = next((x for x in act.versions if x.id == item.get("version")), None)
                what = esc(version_name(act, base, lang) if base else item.get("version", ""))
                href = rel(page_dir, act.page_url(lang, item.get("version")))
                head = f'{esc(t["prov_base"])}: <a href="{esc(href)}">{what}</a>'
            else:
                am = item.get("act", "")
                href = rel(page_dir, f"{lang}/amendments/{am}/")
                name = amender_name(act.amender_meta.get(am) or v.amender or {}, lang)
                head = f'{esc(t["prov_amender"])}: <a href="{esc(href)}">{esc(name)}</a>'
            items.append(
                f'<li data-zan-input="{esc(item["role"])}">{head} — {_file_line(t, item)}</li>'
            )
        words = t["prov_computed"]
    else:
        items = [f'<li data-zan-input="stored">{_file_line(t, inputs[0])}</li>']
        words = t["prov_stored"]
    return (
        f'<div class="zan-inputs" data-zan-provenance="{esc(prov.get("kind", "stored"))}">'
        f"<p>{esc(words)}</p><ul>{''.join(items)}</ul></div>"
    )


def _provenance(v: SiteVersion, lang: str, act: SiteAct, page_dir: str) -> str:
    t = ui(lang)
    prov = v.provenance.get(lang, {})
    rows = [
        f"<p>{esc(t['unofficial'])}: "
        f'<a href="{OFFICIAL_BANK}" rel="external">adilet.zan.kz</a>.</p>',
        f"<p>{esc(t['consolidated_up_to'].format(what=prov.get('consolidated_up_to', '')))}</p>",
    ]
    notes = [
        {"act": n["act"], "reason": t[n["reason_key"]] if n.get("reason_key") else n["reason"]}
        for n in v.not_reflected
    ]
    if prov.get("kind") == "stored" and v.lang_status.get(lang) == "in_force":
        # Amending acts of the corpus this stored text does not reflect: one line each,
        # never the act that produced this version.
        seen = set()
        for r in act.amendments:
            if r.get("lang") not in (None, lang) or r["amender"] == v.id:
                continue
            if r["status"] == "applied" and r.get("version") == v.id:
                continue
            if r["status"] in ("for-another-act", "other-language"):
                continue
            reason = status_text(r, lang)
            if (r["amender"], reason) not in seen:
                seen.add((r["amender"], reason))
                meta = act.amender_meta.get(r["amender"])
                name = amender_name(meta, lang) if meta else r["amender"]
                notes.append({"act": name, "reason": reason})
    if notes:
        items = "".join(f"<li>{esc(n['act'])}: {esc(n['reason'])}</li>" for n in notes)
        rows.append(f"<p>{esc(t['not_reflected'])}:</p><ul>{items}</ul>")
    rows.append(provenance_html(act, v, lang, page_dir))
    json_href = rel(page_dir, act_url(lang, act.id, v.id)) + "act.json"
    rows.append(f'<p><a href="{esc(json_href)}">{esc(t["open_data"])}</a></p>')
    return f'<div class="zan-provenance">{"".join(rows)}</div>'


def _index(act: SiteAct, v: SiteVersion, lang: str) -> dict:
    """eId → unit of a version's text (computed once per act: texts are final here)."""
    return act.remember(("index", v.id, lang), v.texts[lang].index)


def _fate_map(act: SiteAct, v: SiteVersion, lang: str, page_dir: str) -> dict:
    """What became of each unit cited in another version and not in this one.

    A unit's notice is one of a few sentences of ui.yml, so the map gives each sentence and
    each other version once, and each unit a short row (zan.js fills the sentence in):
    ``{"text": {key: sentence}, "link": words, "v": [[version name, its page], …], "u":
    {eId: row}}``. A row is ``[key, old, k]``: the unit (``old``, its label) is in version
    ``v[k]`` (the last one before this version, or the first after it, or one in the other
    language), the notice links to it there (``v[k][1] + "#" + eId``); or ``[key, old, k,
    to, new]``: it is here as ``to`` (renumbered by an operation or shifted by position,
    `generator.diff.renaming`: a citation of the old eId lands on it, labelled ``new``); or
    ``0``: a repealed unit's placeholder (zan.js quotes the placeholder's words from the
    page). (DESIGN.md, «Unit IDs»: a citation keeps working in later versions; where the
    unit was renumbered or repealed, the page says so.)
    """
    from .diff import renaming

    t = ui(lang)
    here = _index(act, v, lang)
    rows: dict[str, list | int] = {}
    texts: dict[str, str] = {}
    versions: list[list[str]] = []
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
            what = version_name(act, other, lang)
            k = None
            for eid in index:
                if eid in here or eid in rows:
                    continue
                if k is None:
                    k = len(versions)
                    versions.append([what, rel(page_dir, act.page_url(text_lang, other.id))])
                old = unit_label(eid, lang)
                if eid in ren and ren[eid] in here:
                    texts["unit_renamed"] = t["unit_renamed"]
                    rows[eid] = ["unit_renamed", old, k, ren[eid], unit_label(ren[eid], lang)]
                    continue
                key = (
                    "unit_other_language"
                    if text_lang != lang
                    else ("unit_gone_after" if pos[id(other)] < pos[id(v)] else "unit_not_yet")
                )
                texts[key] = t[key]
                rows[eid] = [key, old, k]
    for eid, unit in here.items():
        if unit.repealed:
            # its notice quotes the placeholder's own words, on the page: zan.js takes
            # them from there (the first 160 characters, `unit_repealed_later`)
            rows[eid] = 0
    if not rows:
        return {}  # every unit cited anywhere is here
    return {"link": t["unit_fate_link"], "text": texts, "u": rows, "v": versions}


def fate_notice(fate: dict, eid: str) -> dict | None:
    """The notice of a cited unit as zan.js makes it from `_fate_map`: ``{text, to?, link?,
    href?}`` (``{repealed: True}`` for a repealed unit's placeholder), None if the map has
    none for it. Tests and docs read the map through it.

    >>> fate = {"link": "Открыть", "text": {"unit_gone_after": "{old} нет: {version}."},
    ...         "u": {"art_3": ["unit_gone_after", "статья 3", 0], "art_4": 0},
    ...         "v": [["первая", "original/"]]}
    >>> fate_notice(fate, "art_3")
    {'text': 'статья 3 нет: первая.', 'href': 'original/#art_3', 'link': 'Открыть'}
    >>> fate_notice(fate, "art_4"), fate_notice(fate, "art_5"), fate_notice({}, "art_3")
    ({'repealed': True}, None, None)
    """
    row = fate.get("u", {}).get(eid)
    if row is None:
        return None
    if row == 0:
        return {"repealed": True}
    key, old, k, *rest = row
    name, href = fate["v"][k]
    new = rest[1] if rest else ""
    words = {"old": old, "version": name, "new": new}
    text = re.sub(r"\{(old|version|new)\}", lambda m: words[m[1]], fate["text"][key])
    if rest:
        return {"text": text, "to": rest[0], "link": new}
    return {"text": text, "href": f"{href}#{eid}", "link": fate["link"]}


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
        act.page_url(other, v.id)
        if other in v.texts
        else (act_url(other, act.id) if act.current(other) else None)
    )
    ctx = UnitContext(
        lang=lang,
        act_id=act.id,
        version=v.id,
        meta=act.meta,
        page_dir=page_dir,
        other_missing=(
            act.remember(
                ("missing", v.id, lang, other_v.id, other),
                lambda: set(_index(act, v, lang)) - set(_index(act, other_v, other)),
            )
            if other_v
            else set()
        ),
        other_version=other_v.id if other_v else None,
        other_page=act.page_url(other, other_v.id) if other_v else None,
        refs=act.remember(("refs", v.id, lang), lambda: cited_by(text, lang, _index(act, v, lang))),
    )
    for c in text.meta.get("corrections") or []:
        ctx.corrections.setdefault(c["eid"], []).append(c)
    in_force = v.lang_status.get(lang) == "in_force"
    names = {a: amender_name(m, lang) for a, m in act.amender_meta.items()}
    if in_force:  # the markers link to the banner of the text in force (same page)
        here = set(_index(act, v, lang))
        ctx.marks = {e: mark_html(a, lang) for e, a in outstanding_marks(act, lang, here).items()}
    parts = [lang_switch(lang, page_dir, other_dir)]
    status = act.meta.get("status")
    if status == "repealed":
        by = act.meta.get("repealed_by", {})
        by_text = (by.get("text") or {}).get(lang) or f"{by.get('act', '')} ({by.get('date', '')})"
        parts.append(_banner(esc(t["repealed_banner"].format(by=by_text)), "zan-repealed-act"))
    edition = edition_banner(act, v, lang)
    if other not in v.texts:
        missing = (act.meta.get("languages_missing") or {}).get(other)
        if other_v is None or missing:
            parts.append(_banner(esc(t["other_language_missing"])))
        elif not edition:
            parts.append(
                _banner(
                    esc(t["language_edition_differs"].format(what=version_name(act, other_v, lang)))
                )
            )
    parts.append(edition)
    if in_force:
        parts.append(outstanding_banner(act, lang, page_dir, names))
    pending = [x for x in act.versions if x.status == "pending" and lang in x.texts]
    for p in pending:
        parts.append(
            _banner(f"{esc(t['upcoming'])}: {esc(p.label[lang])} ({esc(date_text(p.date, lang))})")
        )
    parts.append(period_html(act, v, lang, page_dir))
    parts.append(
        f'<p class="zan-version-line"><strong>{esc(t["version"])}:</strong> '
        f"{esc(version_name(act, v, lang))} — {esc(t['in_force_from'])}: {esc(date_text(v.date, lang))}. "
        f'<a href="{esc(rel(page_dir, act_url(lang, act.id) + "versions/"))}">{esc(t["versions"])}</a> · '
        f'<a href="{esc(rel(page_dir, act_url(lang, act.id) + "history/"))}">{esc(t["history"])}</a></p>'
    )
    today = act.today or dt.date.min
    parts.append(currency_html(act, v, lang, today, page_dir, names))
    parts.append(date_form_html(act, lang, page_dir))
    parts.append(_provenance(v, lang, act, page_dir))
    parts.append(parallel_link(act, lang, None if searchable else v.id, page_dir))
    parts.append(goto_form(lang))
    fate = act.remember(
        ("fate", v.id, lang, page_dir),
        # JSON in a script element: raw text, only «<» needs escaping.
        lambda: _json.dumps(
            _fate_map(act, v, lang, page_dir),
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        ).replace("<", "\\u003c"),
    )
    parts.append(
        f'<p id="zan-fate-notice" role="status" data-never="{esc(t["unit_never"])}" '
        f'data-repealed="{esc(t["unit_repealed_later"])}" hidden></p>'
    )
    parts.append(f'<script type="application/json" id="zan-fate">{fate}</script>')

    def render_text_html() -> str:
        from .instruction_links import changed_rows, instruction_links, touches

        # each generated note links to the instructions that made it (instruction_links)
        upto = {x.id for x in act.versions[: act.versions.index(v) + 1]}
        made = changed_rows(act.amendments, lang, upto)
        for u in text.walk():
            if made and any(n.generated for n in u.notes):
                html = instruction_links([r for r in made if touches(r, u.eid)], lang, names)
                if html:
                    ctx.note_links[u.eid] = html
        linkify = make_linkify(lang, _index(act, v, lang), act.act_titles, act.id)
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
    units_html = act.remember(("html", v.id, lang), render_text_html).replace(
        ROOT, root_prefix(page_dir)
    )
    # Only the text in force is indexed for search; past versions are reached from it.
    parts.append(act_container(ctx, units_html, " data-pagefind-body" if searchable else ""))
    toc = act.remember(("toc", v.id, lang), lambda: toc_entries(text.body))
    return page(text.title, "\n\n".join(p for p in parts if p), {"zan_toc": toc} if toc else None)


def act_json(act: SiteAct, v: SiteVersion, lang: str) -> str:
    """Open data: the version's unit tree with the same eIds."""
    return act.remember(("json", v.id, lang), lambda: _act_json(act, v, lang))


def _act_json(act: SiteAct, v: SiteVersion, lang: str) -> str:

    text = v.texts[lang]
    head = {
        "act": act.id,
        "version": v.id,
        "date": str(v.date),
        "lang": lang,
        "title": text.title,
        "provenance": v.provenance.get(lang, {}),
    }
    return json_dump({**head, **_unit_refs(act, lang)[1][v.id]})


def _unit_refs(act: SiteAct, lang: str) -> tuple[dict, dict]:
    """The act's table of unit texts in one language (`act_data`) and, per version, the
    part of its act.json that refers to it."""
    from .act_data import version_data

    def make() -> tuple[dict, dict]:
        table: dict[str, dict] = {}
        per = {}
        for v in act.versions:
            if lang in v.texts:
                data = version_data({}, v.texts[lang], table)
                per[v.id] = data
        return table, per

    return act.remember(("unit-refs", lang), make)


def units_json(act: SiteAct, lang: str) -> str:
    """Open data: every text of every unit of the act in one language, once
    (``…/<ACT-ID>/units.json``, named by each version's act.json; `act_data`)."""
    from .act_data import table_data

    return json_dump(table_data(act.id, lang, _unit_refs(act, lang)[0]))


def versions_page(act: SiteAct, lang: str) -> str:
    """The list of versions with the amending act behind each, and redline links."""
    t = ui(lang)
    page_dir = act_url(lang, act.id) + "versions/"
    rows = []
    in_lang = [v for v in act.versions if lang in v.texts]
    for v in act.versions:
        name = first_upper(version_name(act, v, lang))
        link = (
            f'<a href="{esc(rel(page_dir, act.page_url(lang, v.id)))}">{esc(name)}</a>'
            if lang in v.texts
            else f"{esc(name)} ({esc(t['version_other_language_only'])})"
        )
        redline = ""
        if lang in v.texts:
            j = in_lang.index(v)
            if j > 0:
                prev = in_lang[j - 1]
                href = rel(page_dir, act_url(lang, act.id) + f"diff/{prev.id}--{v.id}/")
                redline = f'<a href="{esc(href)}">{esc(t["redline_prev"])}</a>'
        made_by = (
            esc(t["version_kind_computed"].format(act=amender_name(v.amender, lang)))
            if v.amender
            else esc(t["version_kind_stored"])
        )
        rows.append(
            f"<tr><td>{link}</td><td>{made_by}</td><td>{esc(date_text(v.date, lang))}</td>"
            f'<td data-zan-status="{esc(v.lang_status.get(lang, ""))}">'
            f"{esc(t['version_statuses'].get(v.lang_status.get(lang, ''), ''))}</td>"
            f"<td>{redline}</td></tr>"
        )
    table = (
        f"<table><thead><tr><th>{esc(t['version'])}</th><th>{esc(t['amending_act'])}</th>"
        f"<th>{esc(t['in_force_from'])}</th><th>{esc(t['status'])}</th>"
        f"<th>{esc(t['redline'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    from .consolidate_corpus import redline_pairs

    pairs = []
    by_id = {v.id: v for v in in_lang}
    for a, b in redline_pairs([v.id for v in in_lang]):
        href = rel(page_dir, act_url(lang, act.id) + f"diff/{a}--{b}/")
        va, vb = by_id[a], by_id[b]
        pair = f"{version_name(act, va, lang)} → {version_name(act, vb, lang)}"
        pairs.append(f'<li><a href="{esc(href)}">{esc(pair)}</a></li>')
    any_two = f"<h2>{esc(t['compare_any'])}</h2><ul>{''.join(pairs)}</ul>" if pairs else ""
    other_dir = act_url(OTHER[lang], act.id) + "versions/"
    title = act.meta["title"].get(lang) or act.meta["title"].get(OTHER[lang])
    form = date_form_html(act, lang, page_dir)
    return page(
        f"{title}: {t['versions']}",
        lang_switch(lang, page_dir, other_dir) + "\n\n" + form + "\n\n" + table + "\n\n" + any_two,
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
    by_id = {v.id: v for v in act.versions}
    from .instruction_links import changed_rows, instruction_links, resolve_up, touches

    made = changed_rows(act.amendments, lang, {v.id for v in act.versions})
    names = {a: amender_name(m, lang) for a, m in act.amender_meta.items()}
    for eid in sorted(seen, key=_eid_order):
        href = rel(page_dir, act_url(lang, act.id)) + f"#{eid}" if cur else "#"
        items = "".join(
            f"<li>{esc(note)} "
            f'(<a href="{esc(rel(page_dir, act.page_url(lang, vid)))}">'
            f"{esc(version_name(act, by_id[vid], lang))}</a>)</li>"
            for note, vid in seen[eid].items()
        )
        # the instructions that made the change (links to the amending act's page)
        why = instruction_links([r for r in made if touches(r, eid)], lang, names)
        if why:
            items += f"<li>{resolve_up(why.strip(), page_dir)}</li>"
        rows.append(
            f'<tr><td><a href="{esc(href)}">{esc(unit_label(eid, lang))}</a></td>'
            f"<td><ul>{items}</ul></td></tr>"
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


def work_queue_page(pub: Published, lang: str) -> str:
    """The editors' work queue: every outstanding effect of the corpus in this language,
    with the counts per reason."""
    from .outstanding import count_by_status

    t = ui(lang)
    page_dir = f"{lang}/outstanding/"
    rows = [
        dict(r, act_id=a.id)
        for a in sorted(pub.summaries, key=lambda a: a.id)
        for r in a.effects
        if r["lang"] == lang and is_outstanding(r["status"])
    ]
    # instructions not read that stand under no citation: no act to list them under
    rows += [
        dict(r, act_id="")
        for am in pub.amendments
        for r in am["ledger"]
        if r.get("lang") == lang and not r.get("act_id") and is_outstanding(r["status"])
    ]
    counts = count_by_status(rows)
    items = "".join(
        f'<li data-zan-count="{esc(k)}">{esc(t["reason_names"][k])}: {n}</li>'
        for k, n in counts.items()
    )
    names = {am["record"].id: amender_name(am["record"].meta, lang) for am in pub.amendments}
    titles = {
        a.id: a.meta["title"].get(lang) or a.meta["title"].get(OTHER[lang]) for a in pub.summaries
    }
    body = [
        lang_switch(lang, page_dir, f"{OTHER[lang]}/outstanding/"),
        f"<p>{esc(t['work_queue_intro'])}</p>",
        f'<ul class="zan-counts">{items}</ul>',
    ]
    if not rows:
        body.append(f"<p>{esc(t['outstanding_none'])}</p>")
    for act_id in sorted({r["act_id"] for r in rows}, key=lambda a: (not a, a)):
        mine = [r for r in rows if r["act_id"] == act_id]

        def unit_href(row: dict, eid: str, act_id: str = act_id) -> str | None:
            return rel(page_dir, act_url(lang, act_id)) + f"#{eid}" if act_id else None

        if act_id:
            href = rel(page_dir, act_url(lang, act_id))
            head = (
                f'<h2><a href="{esc(href)}">{esc(titles.get(act_id) or act_id)}</a> '
                f"<code>{esc(act_id)}</code></h2>"
            )
        else:
            head = f"<h2>{esc(t['work_queue_no_act'])}</h2>"
        body.append(head + effect_rows_html(mine, lang, page_dir, names, unit_href))
    return page(t["work_queue"], "\n\n".join(body))


def search_bundles(
    lang: str, shards: list[int], amender_shards: list[int] = (), site_shard: bool = True
) -> list[str]:
    """The Pagefind bundles of a language's search, site-relative, in the order the search
    page merges them: the first is the primary, the one whose code the page loads.

    >>> search_bundles("kk", [0, 14], [25], False)
    ['pagefind/kk/a00/', 'pagefind/kk/a14/', 'pagefind/kk/m25/']
    """
    bundles = [f"pagefind/{lang}/a{n:02d}/" for n in shards]
    bundles += [f"pagefind/{lang}/m{n:02d}/" for n in amender_shards]
    if site_shard:
        bundles.append(f"pagefind/{lang}/site/")
    return bundles


def search_page(
    lang: str, shards: list[int], amender_shards: list[int] = (), site_shard: bool = True
) -> str:
    """The offline search page: Pagefind UI over the language's index shards (acts and
    amending acts by ID, one for drafts), merged in the browser (site_nav.search_body)."""
    from .site_nav import search_body

    t = ui(lang)
    bundles = [f"../../{b}" for b in search_bundles(lang, shards, amender_shards, site_shard)]
    return page(
        t["search"],
        lang_switch(lang, f"{lang}/search/", f"{OTHER[lang]}/search/")
        + "\n\n"
        + search_body(lang, bundles),
    )


def amendment_page(am: dict, lang: str) -> str:
    """An amending act: its date/number header, the unofficial notice, where its text comes
    from (file and source, with SHA-256), its JSON, its effects — every instruction of
    either language's text (those of the other text only marked), each linked to its place
    in the text and to the unit it changed — and the text, each instruction anchored by its
    item's eId with the units it changed under it."""
    from .consolidate_corpus import amender_provenance
    from .instruction_links import (
        amender_header,
        both_languages,
        changed_units_html,
        item_of,
        line_items,
        unit_link,
    )

    t = ui(lang)
    rec: ActRecord = am["record"]
    page_dir = f"{lang}/amendments/{rec.id}/"
    text: Act | None = am["texts"].get(lang) if am["texts"] else None
    parts = [lang_switch(lang, page_dir, f"{OTHER[lang]}/amendments/{rec.id}/")]
    parts.append(amender_header(rec.meta, lang, amender_name(rec.meta, lang)))
    parts.append(
        f'<p class="zan-unofficial">{esc(t["unofficial_text"])}: '
        f'<a href="{OFFICIAL_BANK}" rel="external">adilet.zan.kz</a>.</p>'
    )
    if lang in rec.files:
        src = amender_provenance(rec, lang)
        json_href = "act.json"
        parts.append(
            f'<div class="zan-inputs" data-zan-provenance="amending"><p>{_file_line(t, src)}</p>'
            f'<p><a href="{json_href}">{esc(t["open_data"])}</a></p></div>'
        )
    items = {lg: line_items((am["texts"] or {}).get(lg)) for lg in LANGS}
    ledger = [dict(r, item=item_of(r, items.get(r.get("lang") or lang, []))) for r in am["ledger"]]
    mine = [r for r in ledger if r.get("lang") in (None, lang)]
    theirs = [r for r in ledger if r.get("lang") == OTHER[lang]]
    out_rows = [r for r in mine if str(r.get("status", "")).startswith("outstanding-")]
    if out_rows:  # the same rows as on the amended act's banner, per instruction

        def unit_href(row: dict, eid: str) -> str | None:
            if not row.get("act_id"):
                return None
            return rel(page_dir, act_url(lang, row["act_id"])) + f"#{eid}"

        names = {rec.id: rec.title(lang)}
        parts.append(
            f'<div class="zan-banner zan-outstanding" role="note" data-zan-outstanding>'
            f"<p><strong>{esc(t['outstanding_title'])}</strong></p>"
            f"{effect_rows_html(out_rows, lang, page_dir, names, unit_href)}</div>"
        )
    rows = []
    by_item: dict[str, list] = {}
    for row, only in both_languages(mine, theirs):
        by_item.setdefault(row.get("item") or "", []).append((row, only))
        item = row.get("item") or ""
        where = (
            f'<a href="#{esc(item)}">{esc(_eid_words(item, lang))}</a>'
            if item and text is not None
            else esc(_eid_words(item, lang))
        )
        status = t["instruction_only_in"] if only else status_text(row, lang)
        src_lang = f' lang="{esc(row["lang"])}"' if only else ""
        rows.append(
            f'<tr data-zan-status="{esc("other-language-only" if only else row["status"])}" '
            f'data-zan-item="{esc(item)}"><td>{where}</td><td{src_lang}>{esc(row["act"])}</td>'
            f"<td>{unit_link(row, lang, page_dir, only)}</td><td>{esc(operation_text(row['action'], lang))}</td>"
            f"<td>{esc(status)}</td></tr>"
        )
    parts.append(
        f"<h2>{esc(t['effects'])}</h2><table data-zan-ledger><thead><tr>"
        f"<th>{esc(t['instruction'])}</th>"
        f"<th>{esc(t['acts'])}</th><th>{esc(t['target'])}</th><th>{esc(t['operation'])}</th>"
        f"<th>{esc(t['result'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    if text is not None:
        ctx = UnitContext(lang, rec.id, "text", rec.meta, page_dir, set(), None)
        ctx.url_base = "amendments"
        ctx.marks = {
            item: html
            for item, lst in by_item.items()
            if item and (html := changed_units_html(lst, lang, page_dir))
        }
        body = "".join(render_unit(u, ctx, esc) for u in text.body)
        parts.append(f"<h2>{esc(t['text'])}</h2>" + act_container(ctx, body, " data-pagefind-body"))
    else:
        parts.append(_banner(esc(t["language_missing"])))
    return page(rec.title(lang), "\n\n".join(parts))


def amendment_json(am: dict, lang: str) -> str | None:
    """Open data of an amending act in one language: where its text comes from (file and
    source, with SHA-256), its unit tree and its effects (ledger rows, plain data)."""
    from .consolidate_corpus import amender_provenance

    rec: ActRecord = am["record"]
    text: Act | None = am["texts"].get(lang) if am["texts"] else None
    if text is None or lang not in rec.files:
        return None
    keep = ("act", "act_id", "action", "item", "line", "status", "target", "targets", "version")
    return json_dump(
        {
            "act": rec.id,
            "lang": lang,
            "title": text.title,
            "type": rec.meta.get("type"),
            "number": rec.meta.get("number"),
            "adopted": str(rec.meta.get("adopted", "")),
            "in_force": str(rec.meta.get("in_force", "")),
            "provenance": amender_provenance(rec, lang),
            "effects": [
                {k: r.get(k) for k in keep} for r in am["ledger"] if r.get("lang") in (None, lang)
            ],
            "units": [unit_tree(u) for u in text.body],
        }
    )


def _eid_words(eid: str, lang: str) -> str:
    from .diff import unit_label

    return unit_label(eid, lang) if eid else ""


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
                act.page_url(other, v.id),
                f"{title}: {version_name(act, v, lang)}",
                ui(lang)["version_language_missing"].format(version=version_name(act, v, lang)),
                act_url(lang, act.id) + "versions/",
            )
            continue
        if v is cur:
            # One page for the text in force: its version address leads to the act's
            # page, keeping the unit a citation names (`…/<VERSION>/#art_15__para_2`),
            # until a later version comes into force and it gets its own page again.
            out[base + f"{v.id}/index.html"] = redirect_page(
                "../", f"{title}: {version_name(act, v, lang)}", lang
            )
        else:
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
    by_id = {v.id: v for v in act.versions}
    for (a, b, dlang), html in act.diffs.items():
        if dlang == lang:
            out[base + f"diff/{a}--{b}/index.md"] = html
        elif (a, b, lang) not in act.diffs:
            page_dir = act_url(lang, act.id) + f"diff/{a}--{b}/"
            out[base + f"diff/{a}--{b}/index.md"] = _stub(
                lang,
                page_dir,
                act_url(dlang, act.id) + f"diff/{a}--{b}/",
                ui(lang)["diff_title"].format(
                    a=version_name(act, by_id[a], lang), b=version_name(act, by_id[b], lang)
                ),
                ui(lang)["diff_language_missing"],
                act_url(lang, act.id) + "versions/",
            )
    out[base + "versions/index.md"] = versions_page(act, lang)
    out[base + "history/index.md"] = history_page(act, lang)
    out[base + "versions.json"] = json_dump(versions_data(act, lang))
    if any(lang in v.texts for v in act.versions):
        out[base + "units.json"] = units_json(act, lang)
    # …/<ACT-ID>/<DATE>/ for each version's exact start date (DESIGN.md, point in time)
    for v in act.versions:
        if lang in v.texts and v.date.exact and not v.partial:
            target = "../" if v is cur else f"../{v.id}/"
            out[base + f"{v.date.text}/index.html"] = redirect_page(target, title, lang)
    out.update(parallel_pages(act, lang))
    return out


def site_pages(
    pub: Published,
    lang: str,
    shards: list[int] | None = None,
    amender_shards: list[int] | None = None,
    search: tuple[list[int], list[int], bool] | None = None,
) -> dict[str, str]:
    """The site-wide pages of one language tree: catalogue, search, amending acts, drafts,
    feeds. ``shards``: the download shards that hold acts; ``search``: this language's
    search-index shards (acts, amending acts, drafts or not), by default the same."""
    shards = shards if shards is not None else [0]
    if search is None:
        amenders = amender_shards if amender_shards is not None else [0] if pub.amendments else []
        search = (shards, amenders, bool(pub.drafts))
    from .catalogue import catalogue_files

    out: dict[str, str] = {
        **catalogue_files(pub, lang, shards),
        "outstanding/index.md": work_queue_page(pub, lang),
        "search/index.md": search_page(lang, *search),
        "search/facets.json": search_facets(pub, lang),
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


ROOT_STYLE = (  # the root page has no theme: a few rules in the theme's colours and type
    "body{margin:0;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "color:#1f1f1f;background:#fff}header{background:#3f51b5;color:#fff;padding:1rem 1.5rem}"
    "h1{margin:0;font-size:1.4rem;font-weight:500}main{max-width:40rem;margin:2rem auto;"
    "padding:0 1.5rem}ul{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}"
    "a{display:inline-block;padding:.75rem 1.5rem;border:2px solid #3f51b5;border-radius:.3rem;"
    "color:#283593;text-decoration:none;font-size:1.1rem}a:hover,a:focus{background:#e8eaf6}"
    "p{margin:0 0 1rem}"
)


def root_index() -> str:
    """The root page: only helps choose a language (in both, each marked with its own)."""
    kk, ru = ui("kk"), ui("ru")
    return (
        '<!doctype html>\n<html lang="kk"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>zan</title><style>{ROOT_STYLE}</style></head><body>"
        f'<header><h1>{esc(kk["site_name"])} · <span lang="ru">{esc(ru["site_name"])}</span>'
        "</h1></header><main>"
        f'<p>{esc(kk["choose_language"])} / <span lang="ru">{esc(ru["choose_language"])}</span></p>'
        "<ul>"
        f'<li><a href="kk/" hreflang="kk" lang="kk">{esc(kk["lang_name"])}</a></li>'
        f'<li><a href="ru/" hreflang="ru" lang="ru">{esc(ru["lang_name"])}</a></li>'
        "</ul></main></body></html>\n"
    )


def text_inputs(prov: dict) -> list[dict]:
    """The files a published text is made from, each with its SHA-256 and the official
    source it was imported from: a stored edition's own file; for a version computed by
    zan, the stored edition it starts from, then each amending act applied, in order.

    >>> text_inputs({"kind": "stored", "file": "corpus/X/original/kk.md", "text_sha256": "a",
    ...              "source": "../shared/sources/x.txt", "source_sha256": "b"})[0]["role"]
    'stored'
    >>> [i["role"] for i in text_inputs({"kind": "computed", "base": {"version": "v",
    ...     "file": "f", "sha256": "a"}, "amenders": [{"act": "Z", "file": "g", "sha256": "c"}]})]
    ['base', 'amender']
    """
    if prov.get("kind") == "computed":
        base = dict(prov.get("base") or {}, role="base")
        return [base] + [dict(a, role="amender") for a in prov.get("amenders") or []]
    return [
        {
            "role": "stored",
            "file": prov.get("file", ""),
            "sha256": prov.get("text_sha256", ""),
            "source": prov.get("source", ""),
            "source_sha256": prov.get("source_sha256", ""),
        }
    ]


def manifest_parts(pub: Published, listed: dict[str, list[dict]]) -> dict[str, dict]:
    """The manifest's parts to write again (``listed``: their files, from
    `published.list_parts`), ``{part: data}``. A part ``aNN`` holds the acts of search shard
    NN: every published text of theirs with its SHA-256 and the inputs it is made from
    (``texts``) and every file of their folders and search shard with its SHA-256 and size
    (``published``); a part ``mNN`` the amending acts' own texts (``texts_amending``)."""
    from .consolidate_corpus import amender_provenance

    parts = {
        part: {"generator": "zan", "part": part, "published": files, "texts": []}
        | {"texts_amending": []}
        for part, files in listed.items()
    }
    for act in sorted(pub.summaries, key=lambda a: a.id):
        part = parts.get(f"a{shard_of(act.id, SHARDS):02d}")
        if part is None:
            continue
        for v in act.versions:
            for lang in v["langs"]:
                url = act_url(lang, act.id, v["id"])
                part["texts"].append(
                    {
                        "act": act.id,
                        "version": v["id"],
                        "lang": lang,
                        "date": v["date"],
                        "kind": v["kind"][lang],
                        "url": url,
                        "json": url + "act.json",
                        "sha256": v["json_sha256"][lang],
                        "inputs": v["inputs"][lang],
                    }
                )
    # The amending acts' own texts: their file and source, and the hash of their act.json.
    for am in sorted(pub.amendments, key=lambda a: a["record"].id):
        rec = am["record"]
        part = parts.get(f"m{shard_of(rec.id, SHARDS):02d}")
        if part is None:
            continue
        hashes = {f["path"]: f["sha256"] for f in part["published"]}
        for lang in sorted(rec.files):
            url = f"{lang}/amendments/{rec.id}/"
            src = amender_provenance(rec, lang)
            part["texts_amending"].append(
                {
                    "act": rec.id,
                    "lang": lang,
                    "date": str(rec.meta.get("in_force", "")),
                    "kind": "amending",
                    "url": url,
                    "json": url + "act.json",
                    "sha256": hashes.get(url + "act.json", ""),
                    "inputs": [dict(src, role="stored")],
                }
            )
    return parts


def manifest(site_wide: list[dict]) -> dict:
    """``manifest.json``: every site-wide file with its SHA-256 and size (``published``:
    `published.list_site_wide`, the parts ``manifest/<part>.json`` among them) and the
    parts (``parts``: their path, SHA-256 and size; `manifest_parts`)."""
    prefix = PARTS_DIR + "/"
    return {
        # keys sorted: "generator" stays first (releases.is_zan_site reads the head)
        "generator": "zan",
        "manifest_format": 2,
        "parts": [f for f in site_wide if f["path"].startswith(prefix)],
        "published": site_wide,
    }


__all__ = [
    "assemble_act",
    "act_pages",
    "site_pages",
    "pages",
    "root_index",
    "manifest",
    "manifest_parts",
]
