"""The corpus in this repository: layout, round trips, `zan check`, reproducible import."""

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from generator.corpus import check_corpus, load_corpus
from generator.ingest import reimport
from generator.parse import parse_markdown
from generator.render import render_markdown

TEXTS = sorted(p for top in ("corpus", "amendments", "drafts") for p in (REPO / top).rglob("*.md"))


def _lang(path: Path) -> str:
    return path.stem


def test_every_source_has_its_place_in_the_corpus():
    corpus = load_corpus(REPO)
    assert sorted(corpus.acts) == [
        "P1200001579",
        "P1300000845",
        "V1300008549",
        "Z000000107",
        "Z1300000088",
    ]
    assert sorted(corpus.amendments) == ["Z070000262"]
    assert sorted(corpus.drafts) == ["DP1200001579"]
    law = corpus.acts["Z1300000088"]
    assert [(e.id, e.languages, str(e.date)) for e in law.editions] == [
        ("partial-before-Z1500000408", ["kk"], "between 2013-04-16 and 2016-02-29"),
        ("Z1900000272", ["ru"], "after 2019-11-25"),
        ("Z2200000129", ["ru"], "after 2022-06-27"),
        ("Z2200000141", ["kk"], "after 2022-07-14"),
    ]
    assert corpus.acts["P1300000845"].meta["status"] == "repealed"
    assert corpus.acts["P1300000845"].meta["repealed_by"]["act"] == "P1500000624"
    # Languages the sources lack are recorded, never filled.
    assert "ru" in corpus.acts["Z000000107"].meta["languages_missing"]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(REPO)))
def test_round_trip_is_identical_and_byte_stable(path):
    text = path.read_text(encoding="utf-8")
    act = parse_markdown(text, _lang(path), str(path))
    rendered = render_markdown(act)
    assert rendered == text  # stored texts are in canonical form
    again = parse_markdown(rendered, _lang(path))
    assert [(u.eid, u.heading, u.text, [n.text for n in u.notes]) for u in again.walk()] == [
        (u.eid, u.heading, u.text, [n.text for n in u.notes]) for u in act.walk()
    ]


def test_state_services_law_keeps_every_article_in_both_languages():
    corpus = load_corpus(REPO)
    law = corpus.acts["Z1300000088"]
    want = [str(n) for n in range(1, 32)]
    for extra, after in (("9-1", "9"), ("11-1", "11"), ("19-1", "19"), ("21-1", "21")):
        want.insert(want.index(after) + 1, extra)
    for ed_id, lang in (("Z2200000141", "kk"), ("Z2200000129", "ru"), ("Z1900000272", "ru")):
        ed = next(e for e in law.editions if e.id == ed_id)
        arts = [u.num for u in ed.load(lang).walk() if u.type == "art"]
        assert arts == want, ed_id
    partial = next(e for e in law.editions if e.id == "partial-before-Z1500000408")
    assert [u.num for u in partial.load("kk").walk() if u.type == "art"] == [
        str(n) for n in range(10, 24)
    ]


def test_draft_law_has_25_articles_in_6_chapters():
    draft = load_corpus(REPO).drafts["DP1200001579"].load("kk")
    assert [u.num for u in draft.walk() if u.type == "art"] == [str(n) for n in range(1, 26)]
    assert [u.eid for u in draft.body if u.type == "chp"] == [f"chp_{n}" for n in range(1, 7)]
    art25 = draft.index()["art_25"]
    assert art25.text == (
        "Осы Заң алғашқы ресми жарияланғанынан кейін күнтізбелік отыз күн өткен соң "
        "қолданысқа енгізіледі."
    )


def test_amending_law_has_identical_eids_in_kk_and_ru():
    amender = load_corpus(REPO).amendments["Z070000262"]
    kk = [u.eid for u in amender.load("kk").walk()]
    ru = [u.eid for u in amender.load("ru").walk()]
    assert kk == ru
    assert kk[:3] == ["art_1", "art_1__para_1", "art_1__para_1__al_2"]


def test_no_latin_letter_inside_a_cyrillic_word_anywhere():
    import re

    mixed = re.compile(r"\b(?=\w*[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі])(?=\w*[A-Za-z])\w+\b")
    for path in TEXTS:
        hits = mixed.findall(path.read_text(encoding="utf-8"))
        assert hits == [], f"{path}: {hits[:5]}"


def test_check_passes_on_this_corpus():
    assert check_corpus(REPO) == []


def _broken_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for top in ("corpus", "amendments", "drafts"):
        shutil.copytree(REPO / top, root / top)
    return root


def test_check_names_file_line_and_unit(tmp_path):
    root = _broken_copy(tmp_path)
    path = root / "corpus/Z1300000088/Z2200000129/ru.md"
    text = path.read_text(encoding="utf-8")
    # Swap two articles' numbers: 9-1 before 9 is out of order.
    text = text.replace("### Статья 9. ", "### Статья 9-2. ", 1).replace("{#art_9}", "{#art_9-2}")
    path.write_text(text, encoding="utf-8")
    errors = check_corpus(root)
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "{#art_9-1}" in s)
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    assert errors == [
        f"{path}:0: stored text has SHA-256 {got}, act.yml records "
        "2f2ccf22b0b5ed7db45d67e3ec580a0e3ad5223942d8456080c0242af50cd317 (edited or truncated "
        "by hand? record the change as an editorial correction and run zan reimport)",
        f"{path}:{line}: art_9-1: number 9-1 comes after 9-2 (numbers out of order)",
    ]


def test_check_reports_act_yml_fields_with_line(tmp_path):
    root = _broken_copy(tmp_path)
    yml = root / "corpus/Z000000107/act.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8").replace("adopted: 2000-11-27", "adopted: 27.11.2000"),
        encoding="utf-8",
    )
    errors = check_corpus(root)
    assert errors == [
        f"{yml}:4: adopted: not a date: '27.11.2000' (expected YYYY-MM-DD, 'after D', "
        "'before D', 'between D1 and D2' or 'unknown')"
    ]


def test_zan_check_exit_status(tmp_path):
    ok = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check"], cwd=REPO, capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    root = _broken_copy(tmp_path)
    path = root / "corpus/P1300000845/P1300001472/kk.md"
    path.write_text(path.read_text(encoding="utf-8").replace("{#annex_3", "{#annex_2"), "utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "--root", str(root)],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert "duplicate unit annex_2" in bad.stderr


def test_reimport_reproduces_the_stored_corpus(tmp_path):
    root = _broken_copy(tmp_path)
    (root / "../shared").resolve().parent.mkdir(parents=True, exist_ok=True)
    # act.yml names sources relative to the repository: ../shared/sources.
    shared = root.parent / "shared"
    shared.symlink_to(REPO.parent / "shared")
    written = reimport(root, log=lambda m: None)
    assert len(written) == 11
    for path in written:
        rel = path.relative_to(root)
        assert path.read_bytes() == (REPO / rel).read_bytes(), rel


def test_zan_tree_json_on_raw_seed_002():
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "tree",
            str(REPO.parent / "shared/sources/seeds/002_12d8e6cb32431658.txt"),
            "--lang",
            "kk",
            "--format",
            "json",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    tree = json.loads(out.stdout)

    def walk(units):
        for u in units:
            yield u
            yield from walk(u["children"])

    units = list(walk(tree))
    assert [u["num"] for u in units if u["type"] == "art"] == [str(n) for n in range(1, 26)]
    assert sum(u["type"] == "chp" for u in units) == 6
    assert set(units[0]) == {
        "eid",
        "type",
        "num",
        "heading",
        "text",
        "notes",
        "repealed",
        "children",
    }


def test_folders_git_vouches_for_are_not_walked_for_links(tmp_path, monkeypatch):
    import generator.corpus as corpus_module

    cache = tmp_path / "corpus.pickle"
    fresh = load_corpus(REPO, cache=cache)
    folders = frozenset(f"{r.folder.parent.name}/{r.id}" for r in fresh.all())
    walked: list[str] = []
    escaping_links = corpus_module.escaping_links

    def counted(path, root):
        walked.append(path.relative_to(REPO).as_posix())
        return escaping_links(path, root)

    monkeypatch.setattr(corpus_module, "escaping_links", counted)
    # One folder not vouched for (as git names an edited one): only it is walked.
    again = load_corpus(REPO, cache=cache, unchanged=folders - {"corpus/Z000000107"})
    assert walked == ["corpus/Z000000107"]
    assert list(again.acts) == list(fresh.acts) and list(again.drafts) == list(fresh.drafts)


def test_records_from_the_load_cache_equal_records_read_afresh(tmp_path, monkeypatch):
    import generator.corpus as corpus_module

    cache = tmp_path / "corpus.pickle"
    fresh = load_corpus(REPO)
    load_corpus(REPO, cache=cache)  # reads every folder, writes the cache
    monkeypatch.setattr(corpus_module, "load_record", None)  # nothing may be read again
    cached = load_corpus(REPO, cache=cache)  # every folder unchanged: from the cache
    for bucket in ("acts", "amendments", "drafts"):
        mine, theirs = getattr(cached, bucket), getattr(fresh, bucket)
        assert list(mine) == list(theirs)
        for act_id, rec in mine.items():
            assert rec.signature
            rec.signature = ""
            assert rec == theirs[act_id]
