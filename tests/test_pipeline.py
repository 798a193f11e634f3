"""Stages together on real texts: amend → consolidate → diff."""

import datetime as dt

from conftest import REPO

from generator.consolidate import amender_info, build_versions
from generator.consolidate_corpus import read_amender
from generator.corpus import load_corpus
from generator.diff import diff_acts


def test_every_operation_of_law_262_appears_in_the_diff_and_nothing_else():
    corpus = load_corpus(REPO)
    base_rec = corpus.acts["Z000000107"]
    base = base_rec.editions[0].load("kk")
    read = read_amender(corpus.amendments["Z070000262"])
    am = read.by_lang["kk"]
    info = amender_info(corpus.amendments["Z070000262"].meta, am.entry_into_force)
    versions, ledger = build_versions(
        base, base_rec.meta, [(info, am.operations)], dt.date(2026, 11, 21)
    )
    applied = [e.op for e in ledger.entries["Z070000262"] if e.status == "applied"]
    assert len(applied) == 14
    diff = diff_acts(versions[0].act, versions[-1].act, mode="versions")
    touched = {p.new or p.old: p.status for p in diff.pairs if p.status != "same"}
    # Each operation shows at its own unit …
    for op in applied:
        want = "inserted" if op.action == "insert" else "changed"
        assert touched.get(op.target) == want, (op.target, op.action, touched.get(op.target))
    # … and every other change is a unit inside a new or replaced one (its points).
    targets = {op.target for op in applied}
    others = {
        eid
        for eid in touched
        if eid not in targets and not any(eid.startswith(t + "__") for t in targets)
    }
    assert others == set()
