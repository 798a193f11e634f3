"""Provenance and the per-language truth of ledger rows (issue 15, items 1 and 6), on the
real corpus through the consolidate and page stages (no build)."""

import datetime as dt
import hashlib

from conftest import REPO

from generator.consolidate_corpus import AmendersIndex, ledgers
from generator.corpus import load_corpus
from generator.publish import assemble_act, ledger_rows_by_act, provenance_html

TODAY = dt.date(2026, 11, 21)


def _assemble(root, act_id="Z000000107"):
    corpus = load_corpus(root)
    index = AmendersIndex(corpus)
    rows = ledger_rows_by_act(ledgers(corpus, TODAY, index))
    return assemble_act(corpus, corpus.acts[act_id], index, rows.get(act_id, []), TODAY)


def test_each_language_says_what_became_of_law_262():
    act = _assemble(REPO)
    by_lang = {}
    for r in act.amendments:
        by_lang.setdefault(r["lang"], []).append((r["target"], r["status"], r["version"]))
    # kk: applied in the version zan computed; ru: the 2000 law has no Russian text
    assert {s for _, s, _ in by_lang["kk"]} == {"applied"}
    assert {v for _, _, v in by_lang["kk"]} == {"Z070000262"}
    assert {s for _, s, _ in by_lang["ru"]} == {"no-text-in-language"}
    assert len(by_lang["kk"]) == 14 and len(by_lang["ru"]) == 12
    # the two kk-only operations (words replaced before a new subpoint) are kk rows only
    kk_only = {t for t, _, _ in by_lang["kk"]} - {t for t, _, _ in by_lang["ru"]}
    assert kk_only == {"art_2__para_1__subpara_6", "art_3__subpara_11"}


def test_a_computed_version_records_its_inputs_with_their_hashes():
    act = _assemble(REPO)
    v = next(x for x in act.versions if x.id == "Z070000262")
    prov = v.provenance["kk"]
    base = REPO / "corpus/Z000000107/before-Z070000262/kk.md"
    amender = REPO / "amendments/Z070000262/kk.md"
    assert prov["base"]["file"] == "corpus/Z000000107/before-Z070000262/kk.md"
    assert prov["base"]["sha256"] == hashlib.sha256(base.read_bytes()).hexdigest()
    assert [(a["act"], a["file"], a["sha256"]) for a in prov["amenders"]] == [
        (
            "Z070000262",
            "amendments/Z070000262/kk.md",
            hashlib.sha256(amender.read_bytes()).hexdigest(),
        )
    ]
    html = provenance_html(act, v, "kk", "kk/acts/Z000000107/Z070000262/")
    assert html.count("<li") == 2 and 'href="../before-Z070000262/"' in html
    assert 'href="../../../amendments/Z070000262/"' in html


def test_an_amending_act_older_than_every_stored_edition_is_reflected_there(repo):
    # CONSTRUCTED CASE: the stored edition's date (unknown in the sources) moved after
    # Law No. 262's in-force date, so the edition postdates the amending act.
    yml = repo / "corpus/Z000000107/act.yml"
    text = yml.read_text("utf-8")
    old = "    date: unknown\n    languages: [kk]"
    assert old in text
    yml.write_text(text.replace(old, "    date: after 2008-01-01\n    languages: [kk]"), "utf-8")
    act = _assemble(repo)
    assert [v.id for v in act.versions] == ["before-Z070000262"]
    kk = [r for r in act.amendments if r["lang"] == "kk"]
    assert {(r["status"], r["version"]) for r in kk} == {("applied", "before-Z070000262")}
