"""The consolidate stage over the whole corpus: amenders → operations → versions → ledger.

For each act of `corpus/`, every amending act in `amendments/` whose instructions cite it
is applied (`consolidate.build_versions`) to the latest stored edition in each language
that predates it. Operations citing acts that are not in the corpus are ledgered as such.

>>> [b.text for b in blocks_of(__import__("generator.parse", fromlist=["x"]).parse_markdown(
...     "# T\\n\\n## 1-бап. {#art_1}\\n\\nМәтін:\\n\\n1) бір;\\n", "kk"))]
['1-бап. Мәтін:', '1) бір;']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .consolidate import (
    ConsolidateError,
    Resolution,
    amender_info,
    build_versions,
    load_manual,
)
from .corpus import ActRecord, Corpus
from .instructions import Amender, Block, parse_amender
from .model import Act, Operation
from .site import LANGS, SiteAct, SiteVersion, ui


def blocks_of(act: Act) -> list[Block]:
    """The amending act's paragraphs in order, as the instruction grammar reads them."""
    blocks: list[Block] = []
    for u in act.walk():
        if u.type in ("art", "chp", "part", "subchp", "annex"):
            head = f"{u.label_text}." if u.label_text else ""
            if u.heading:
                head = f"{u.label_text}. {u.heading}" if u.label_text else u.heading
            text = f"{head} {u.text}".strip() if u.text else head
            if text:
                blocks.append(Block(u.line, text))
        elif u.text:
            blocks.append(Block(u.line, u.text, quoted=u.quoted))
    return blocks


@dataclass
class AmenderRead:
    """One amending act read in each of its languages."""

    record: ActRecord
    by_lang: dict[str, Amender]
    texts: dict[str, Act]


def read_amender(rec: ActRecord) -> AmenderRead:
    """Parse an amending act's texts and read their instructions."""
    texts = {lang: rec.load(lang) for lang in sorted(rec.files)}
    by_lang = {lang: parse_amender(blocks_of(act), lang) for lang, act in texts.items()}
    for lang, am in by_lang.items():
        for op in am.operations:
            op.source = op.source  # already quoted by the grammar
        if am.errors:
            first = am.errors[0]
            raise ConsolidateError(
                f"{rec.files[lang]}:{first.line}: instruction not understood: {first.reason}: "
                f"«{first.sentence}»"
            )
    return AmenderRead(rec, by_lang, texts)


@dataclass
class Ledgers:
    """Effects of every amending act, for the site."""

    rows: list[dict] = field(default_factory=list)
    amenders: list[dict] = field(default_factory=list)  # {record, texts, ledger}
    warnings: list[str] = field(default_factory=list)


def _status_text(status: str, lang: str) -> str:
    t = ui(lang)
    if status.startswith("applied"):
        return f"{t['effect_applied']} ({status.split(' in ', 1)[-1]})"
    if status.startswith("pending"):
        return f"{t['effect_pending']} ({status.split(' until ', 1)[-1]})"
    if "not in the corpus" in status:
        return t["effect_not_in_corpus"]
    if status.startswith("resolved manually"):
        return f"{t['effect_manual']}: {status.split(': ', 1)[-1]}"
    if status.startswith("not applied: for another act"):
        return status
    return f"{t['effect_failed']}: {status.split(': ', 1)[-1]}"


def _cited_act_id(corpus: Corpus, op: Operation) -> str | None:
    from .consolidate import cites_base

    for rec in corpus.acts.values():
        if cites_base(op, rec.meta)[0]:
            return rec.id
    return None


def _manual(rec: ActRecord) -> list[Resolution]:
    return load_manual(rec.folder / "manual.yml")


def computed_versions(
    corpus: Corpus, rec: ActRecord, stored: list[SiteVersion], today: dt.date
) -> tuple[list[SiteVersion], dict[str, list[dict]]]:
    """The versions produced by applying the corpus's amending acts to ``rec``."""
    out: dict[str, SiteVersion] = {}
    history: dict[str, list[dict]] = {}
    others = {r.id: r.meta for r in corpus.acts.values() if r.id != rec.id}
    for am_rec in sorted(corpus.amendments.values(), key=lambda r: r.id):
        read = read_amender(am_rec)
        for lang, am in read.by_lang.items():
            mine = [op for op in am.operations if _cited_act_id(corpus, op) == rec.id]
            if not mine:
                continue
            bases = [v for v in stored if lang in v.texts and not v.partial]
            if not bases:
                continue
            info = amender_info(am_rec.meta, am.entry_into_force or None)
            already = [v for v in bases if v.date.sort_key() >= info.in_force.sort_key()]
            if already and bases.index(already[0]) == 0:
                continue  # every stored edition is later: it already reflects the amender
            base_v = bases[-1] if not already else bases[bases.index(already[0]) - 1]
            versions, ledger = build_versions(
                base_v.texts[lang],
                {**rec.meta, "in_force": str(base_v.date)},
                [(info, mine)],
                today,
                manual={am_rec.id: _manual(am_rec)},
                corpus_titles=others,
                base_id=base_v.id,
            )
            v = versions[-1]
            sv = out.get(v.id)
            if sv is None:
                sv = SiteVersion(
                    id=v.id,
                    date=v.in_force,
                    label={
                        lg: ui(lg)["version_by"].format(act=_amender_name(am_rec, lg))
                        for lg in LANGS
                    },
                    texts={},
                    status="pending" if v.status == "pending" else "past",
                )
                out[v.id] = sv
            sv.texts[lang] = v.act
            sv.provenance[lang] = {
                "kind": "computed",
                "consolidated_up_to": _amender_name(am_rec, lang),
                "derived_from": [f"{base_v.id} + {am_rec.id}"],
                "base": base_v.id,
                "source": str(am_rec.files[lang]),
                "flags": v.flags,
            }
            for entry in ledger.entries.get(am_rec.id, []):
                if entry.status.startswith(("applied", "pending")):
                    history.setdefault(entry.op.target, []).append(
                        {"amender": am_rec.id, "action": entry.op.action, "lang": lang}
                    )
    for lang in LANGS:
        for sv in out.values():
            if lang not in sv.texts:
                sv.not_reflected.append({"act": sv.id, "reason": ui(lang)["language_missing"]})
    return list(out.values()), history


def _amender_name(rec: ActRecord, lang: str) -> str:
    meta = rec.meta
    date = str(meta.get("adopted", ""))
    if lang == "kk":
        d = date.replace("-", ".")
        return f"ҚР {d} № {meta.get('number')} Заңы"
    parts = date.split("-")
    d = ".".join(reversed(parts)) if len(parts) == 3 else date
    return f"Закон РК от {d} № {meta.get('number')}"


def ledgers(corpus: Corpus, today: dt.date) -> Ledgers:
    """The effects ledger of every amending act against the whole corpus."""
    result = Ledgers()
    for am_rec in sorted(corpus.amendments.values(), key=lambda r: r.id):
        read = read_amender(am_rec)
        rows: list[dict] = []
        for lang, am in read.by_lang.items():
            info = amender_info(am_rec.meta, am.entry_into_force or None)
            pending = info.in_force.earliest is None or info.in_force.earliest > today
            for op in am.operations:
                act_id = _cited_act_id(corpus, op)
                if act_id is None:
                    status = "not applied: the amended act is not in the corpus"
                elif pending:
                    status = f"pending until {info.in_force}"
                else:
                    status = f"applied in {am_rec.id}"
                row = {
                    "amender": am_rec.id,
                    "act": op.act,
                    "act_id": act_id,
                    "target": op.target,
                    "action": op.action,
                    "status": status.split(":")[0].split(" ")[0],
                    "status_full": status,
                    "status_text": _status_text(status, lang),
                    "version": am_rec.id if act_id else None,
                    "lang": lang,
                    "line": op.line,
                }
                if row["status"] == "not":
                    row["status"] = "not_in_corpus"
                rows.append(row)
            for lo in am.not_for_this_language:
                rows.append(
                    {
                        "amender": am_rec.id,
                        "act": lo.act,
                        "act_id": None,
                        "target": lo.target,
                        "action": "—",
                        "status": "other_language",
                        "status_full": f"changes only the {lo.lang_only} text",
                        "status_text": f"{lo.lang_only}",
                        "version": None,
                        "lang": lang,
                        "line": lo.line,
                    }
                )
        result.rows += rows
        result.amenders.append({"record": am_rec, "texts": read.texts, "ledger": rows})
    return result


def version_diffs(act: SiteAct) -> dict[tuple[str, str, str], str]:
    """Redline pages between every two versions of an act in each language."""
    from .redline_pages import diff_page

    out: dict[tuple[str, str, str], str] = {}
    for lang in LANGS:
        vs = [v for v in act.versions if lang in v.texts]
        for i, a in enumerate(vs):
            for b in vs[i + 1 :]:
                out[(a.id, b.id, lang)] = diff_page(act, a, b, lang)
    return out
