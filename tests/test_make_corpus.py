"""The synthetic benchmark corpus (benchmarks/make_corpus.py, version 3): deterministic,
every instruction read back by `zan ops` to exactly the operations it was written to give,
every effect applied, kk and ru trees identical, and the real structures it takes."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from generator.cli import main

sys.path.insert(0, str(REPO / "benchmarks"))
import make_corpus  # noqa: E402

TODAY = dt.date(2026, 11, 21)
KEYS = ("target", "action", "old", "new", "where", "sentence")
LANG_ONLY = re.compile(
    r":\d+: (\S+): changes only the (kk|ru) text \(no change in this language\)$"
)


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    """50 acts (about 60 % from real acts' structures, so that each real act is used),
    30 amending acts (seed 1), with the extras benchmarks/run.py adds."""
    out = tmp_path_factory.mktemp("synth") / "c"
    summary = make_corpus.make(REPO, out, 50, 30, 1, structured_share=0.6, extras=True)
    return out, summary


def test_the_same_seed_gives_a_byte_identical_corpus(corpus, tmp_path):
    out, _ = corpus
    again = tmp_path / "again"
    make_corpus.make(REPO, again, 50, 30, 1, structured_share=0.6, extras=True)
    assert _files(again) == _files(out)
    other = tmp_path / "other"
    make_corpus.make(REPO, other, 50, 30, 2, structured_share=0.6, extras=True)
    assert _files(other) != _files(out)


def _amender_dirs(out: Path) -> list[Path]:
    return sorted([*(out / "amendments").iterdir(), *(out / "extra" / "amendments").iterdir()])


def test_every_instruction_is_read_by_zan_ops_as_intended(corpus):
    out, _ = corpus
    intended = json.loads((out / "intended-ops.json").read_text(encoding="utf-8"))
    folders = _amender_dirs(out)
    assert sorted(intended) == [f.name for f in folders]
    assert len(folders) == 32  # 30 amending acts + the 2 extras
    for folder in folders:
        want = intended[folder.name]
        for lang in ("kk", "ru"):
            res = CliRunner().invoke(main, ["ops", str(folder / f"{lang}.md"), "--lang", lang])
            assert res.exit_code == 0, (folder.name, lang, res.stderr)
            got = [{k: op[k] for k in KEYS if k in op} for op in json.loads(res.stdout)]
            assert got == want[lang], (folder.name, lang)
            notes = [m[1] for line in res.stderr.splitlines() if (m := LANG_ONLY.search(line))]
            assert notes == want["lang_only"][lang], (folder.name, lang)


def test_the_corpus_contains_every_kind_the_catalogue_reads(corpus):
    out, summary = corpus
    assert set(summary["kinds"]) == set(make_corpus.KINDS_V3)
    intended = json.loads((out / "intended-ops.json").read_text(encoding="utf-8"))
    ops = [op for v in intended.values() for lang in ("kk", "ru") for op in v[lang]]
    actions = {op["action"] for op in ops}
    assert actions == {
        "replace",
        "insert",
        "repeal",
        "substitute_words",
        "delete_words",
        "insert_words",
        "renumber",
    }
    assert any(".." in op["target"] for op in ops)  # a range «3) - 5)»
    assert any(op["target"].endswith("__heading") for op in ops)
    assert any("sentence" in op for op in ops)
    assert any(v["lang_only"]["kk"] or v["lang_only"]["ru"] for v in intended.values())


def test_omnibus_acts_amend_5_to_30_acts_in_the_framing_of_a_real_omnibus_act(corpus):
    out, summary = corpus
    assert summary["omnibus"] >= 1
    lead = {
        "ru": "Внести изменения и дополнения в следующие законодательные акты Республики "
        "Казахстан:",
        "kk": "Қазақстан Республикасының мына заң актілеріне өзгерістер мен толықтырулар "
        "енгізілсін:",
    }
    seen = 0
    for folder in _amender_dirs(out):
        for lang in ("kk", "ru"):
            text = (folder / f"{lang}.md").read_text(encoding="utf-8")
            if lead[lang] not in text:
                continue
            seen += 1
            cited = r"^\d+\. В Закон " if lang == "ru" else r"^\d+\. \"\[SYNTHETIC TEST DATA\] "
            n = len(re.findall(cited, text, re.M))
            assert 5 <= n <= 30, (folder.name, lang, n)
            assert (
                "# [SYNTHETIC TEST DATA] О внесении изменений и дополнений в некоторые" in text
                or (
                    "# [SYNTHETIC TEST DATA] Қазақстан Республикасының кейбір заң актілеріне"
                    in text
                )
            )
    assert seen == 2 * (summary["omnibus"])
    extra = (out / "extra" / "amendments" / "ZBA00000032" / "ru.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^\d+\. В Закон", extra, re.M)) == 20


def test_structures_of_real_acts_are_used_and_marked_synthetic(corpus):
    out, summary = corpus
    assert summary["structured_acts"] > summary["structured_sources"]  # each one used
    texts = {p: p.read_text(encoding="utf-8") for p in sorted(out.glob("corpus/*/original/*.md"))}
    assert any(re.search(r"^## Глава [IVX]+\. ", t, re.M) for t in texts.values())
    assert any(re.search(r"^## [IVX]+ тарау\. ", t, re.M | re.I) for t in texts.values())
    for folder in sorted((out / "corpus").iterdir()):
        meta = make_corpus.yaml.safe_load((folder / "act.yml").read_text(encoding="utf-8"))
        assert meta["synthetic"] is True
        assert meta["title"]["kk"].startswith("[SYNTHETIC TEST DATA] ")
        assert meta["title"]["ru"].startswith("[SYNTHETIC TEST DATA] ")
        assert meta["synthetic_note"].startswith(("Real units of ", "Recombined real articles of "))


def test_every_effect_applies_with_and_without_the_extras(corpus, tmp_path):
    out, _ = corpus
    assert make_corpus.verify(out, TODAY) == []
    res = CliRunner().invoke(main, ["check", "--root", str(out)])
    assert res.exit_code == 0, res.output
    grown = tmp_path / "grown"
    shutil.copytree(out, grown)
    for src in sorted((grown / "extra" / "amendments").iterdir()):
        shutil.copytree(src, grown / "amendments" / src.name)
    for src in sorted((grown / "extra" / "edit" / "corpus").iterdir()):
        shutil.copytree(src, grown / "corpus" / src.name, dirs_exist_ok=True)
    shutil.rmtree(grown / "extra")
    assert make_corpus.verify(grown, TODAY) == []


def test_run_py_scenarios_change_the_corpus_and_undo_every_change(corpus, tmp_path):
    """benchmarks/run.py --e2e adds the two extra amending acts and the edit, then restores
    the corpus byte for byte (also when a run was interrupted before its restore)."""
    import run

    out, _ = corpus
    root = tmp_path / "c"
    shutil.copytree(out, root)
    before = _files(root)
    scen = run.Scenarios(root)
    assert scen.new == ["ZBA00000031", "ZBA00000032"]
    [edited] = scen.edited
    scen.add("ZBA00000031")
    scen.add("ZBA00000032")
    scen.edit()
    grown = _files(root)
    assert grown["amendments/ZBA00000032/ru.md"] == before["extra/amendments/ZBA00000032/ru.md"]
    assert (
        grown[f"corpus/{edited}/original/kk.md"]
        == before[f"extra/edit/corpus/{edited}/original/kk.md"]
        != before[f"corpus/{edited}/original/kk.md"]
    )
    run.Scenarios(root)  # a new run first undoes what an interrupted one left
    assert _files(root) == before
    scen.add("ZBA00000031")
    scen.restore()
    assert _files(root) == before


def test_split_stages_counts_the_stages_before_mkdocs():
    import run

    stages = {"load": 1.0, "acts": 2.5, "site pages": 0.5, "mkdocs": 4.0, "data": 1.0}
    assert run.split_stages(stages) == (4.0, 4.0)
