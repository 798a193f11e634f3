"""The corpus validator (generator/validate.py, generator/schema.py): the one `zan check` and
`zan build` run. Exact messages on mutations of real files; the cache by file signature."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import REPO

from generator import schema
from generator.build import main_build
from generator.validate import validate_corpus

TODAY = dt.date(2026, 11, 21)
sys.path.insert(0, str(Path(__file__).parent / "robustness"))


def _copy(tmp_path: Path, shared: bool = True) -> Path:
    root = tmp_path / "repo"
    for top in ("corpus", "amendments", "drafts", "examples"):
        shutil.copytree(REPO / top, root / top)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    if shared:
        (tmp_path / "shared").symlink_to(REPO.parent / "shared", target_is_directory=True)
    return root


def _counts(stats: dict) -> dict:
    return {k: v for k, v in stats.items() if k != "digest"}


def test_the_corpus_is_valid():
    assert validate_corpus(REPO, today=TODAY) == []


def test_duplicate_keys_are_errors_with_both_lines():
    text = (REPO / "corpus/Z000000107/act.yml").read_text("utf-8")
    text = text.replace("status: in_force", "status: in_force\nstatus: repealed")
    with pytest.raises(schema.YamlError) as e:
        schema.load_yaml(text, "act.yml")
    assert str(e.value) == "act.yml:15: status: duplicate key (first at line 14)"


def test_an_impossible_date_is_a_field_error_not_a_traceback():
    text = (REPO / "corpus/Z000000107/act.yml").read_text("utf-8")
    data, lines = schema.load_yaml(text.replace("2000-11-27", "2000-11-31"), "act.yml")
    assert schema.validate(data, lines, "act", "act.yml") == [
        "act.yml:4: adopted: not a date: '2000-11-31' (day is out of range for month)"
    ]


def test_booleans_are_booleans():
    text = (REPO / "corpus/Z1300000088/act.yml").read_text("utf-8")
    for value, shown in (('"no"', "'no'"), ('"true"', "'true'"), ("1", "1")):
        data, lines = schema.load_yaml(text.replace("partial: true", f"partial: {value}"), "a")
        assert schema.validate(data, lines, "act", "a") == [
            f"a:26: editions[0].partial: must be a boolean (true or false), not {shown}"
        ]


def test_each_kind_of_file_has_its_schema():
    checked = {
        "corpus/Z1300000088/act.yml": "act",
        "amendments/Z070000262/act.yml": "amending",
        "drafts/DP1200001579/act.yml": "draft",
        "examples/drafts/EX1300000845/act.yml": "draft",
        "examples/drafts/EX1300000845/remarks.yml": "remarks",
    }
    for rel, kind in checked.items():
        assert schema.check_file(REPO / rel, kind)[2] == [], rel
    # A draft's fields are not an act's: `discussion` in corpus/ is an unknown field.
    text = (REPO / "corpus/Z000000107/act.yml").read_text(
        "utf-8"
    ) + "discussion: {applies: false}\n"
    data, lines = schema.load_yaml(text, "a")
    assert schema.validate(data, lines, "act", "a") == ["a:34: discussion: unknown field"]


def test_manual_resolutions_have_a_schema():
    ok = "- match: {target: art_2__para_1__subpara_6, action: substitute_words}\n  skip: true\n  reason: r\n"
    assert schema.validate(*schema.load_yaml(ok, "m"), "manual", "m") == []
    both = ok + "  operation: {target: art_2, action: repeal}\n"
    assert schema.validate(*schema.load_yaml(both, "m"), "manual", "m") == [
        "m:1: [0]: give either `skip: true` or an `operation`, not both"
    ]
    bad = ok.replace("substitute_words", "substitute")
    assert schema.validate(*schema.load_yaml(bad, "m"), "manual", "m") == [
        "m:1: [0].match.action: 'substitute' is not one of insert, replace, repeal, "
        "substitute_words, insert_words, delete_words, renumber, case, repeal_act, suspend"
    ]


def test_editorial_corrections_have_a_schema():
    ok = '- {find: "р а с т а й д ы", replace: растайды, line: 297, reason: "letter-spaced"}\n'
    assert schema.validate(*schema.load_yaml(ok, "c"), "corrections", "c") == []
    no_reason = ok.replace(', reason: "letter-spaced"', "")
    assert schema.validate(*schema.load_yaml(no_reason, "c"), "corrections", "c") == [
        "c:1: [0].reason: missing (required)"
    ]
    assert schema.validate(*schema.load_yaml(ok.replace("297", "0"), "c"), "corrections", "c") == [
        "c:1: [0].line: 0 is less than the minimum of 1"
    ]


def _checked_once(tmp_path, without: str | None = None):
    """A copy of the corpus checked once with a fresh cache: (root, cache file, stats);
    ``without``: a folder moved out of the copy first (to ``tmp_path``) to be put back."""
    root = _copy(tmp_path)
    if without:
        shutil.move(root / without, tmp_path / Path(without).name)
    cache = tmp_path / "validate.json"
    stats: dict = {}
    assert validate_corpus(root, cache=cache, stats=stats, today=TODAY) == []
    return root, cache, stats


def test_results_are_cached_per_file_signature(tmp_path):
    root, cache, stats = _checked_once(tmp_path)
    # The 7 folders of corpus/, amendments/ and drafts/ are read for their 11 source entries
    # and the 11 texts regenerated from their sources.
    assert _counts(stats) == {"validated": 9, "cached": 0, "entries_read": 7, "regenerated": 11}
    assert validate_corpus(root, cache=cache, stats=stats, today=TODAY) == []
    assert _counts(stats) == {"validated": 0, "cached": 9, "entries_read": 0, "regenerated": 0}
    # The same bytes written again: the content hash is unchanged, nothing is validated.
    path = root / "corpus/Z1300000088/Z2200000141/kk.md"
    path.write_bytes(path.read_bytes())
    assert validate_corpus(root, cache=cache, stats=stats, today=TODAY) == []
    assert _counts(stats) == {"validated": 0, "cached": 9, "entries_read": 0, "regenerated": 0}
    # A changed text: its act and the draft that cites the act (adopted_as) are validated;
    # with errors nothing is regenerated.
    text = path.read_text("utf-8")
    path.write_text(text.replace("### 5-бап.", "### 6-бап.", 1), "utf-8")
    errors = validate_corpus(root, cache=cache, stats=stats, today=TODAY)
    assert _counts(stats) == {"validated": 2, "cached": 7, "entries_read": 0, "regenerated": 0}
    assert len(errors) == 2 and "art_5: heading «6-бап»" in errors[1]
    # Another day is another context (adoption dates are checked against it).
    validate_corpus(root, cache=cache, stats=stats, today=TODAY + dt.timedelta(days=1))
    assert _counts(stats) == {"validated": 9, "cached": 0, "entries_read": 0, "regenerated": 0}


def test_an_unchanged_folder_is_not_read_again_for_its_source_entries(tmp_path, monkeypatch):
    import generator.corpus
    import generator.ingest

    root, cache, stats = _checked_once(tmp_path)
    read: list[str] = []
    load_record = generator.corpus.load_record

    def counted(folder, *args, **kwargs):
        read.append(folder.relative_to(root).as_posix())
        return load_record(folder, *args, **kwargs)

    def refused(*args, **kwargs):
        raise AssertionError("the whole corpus loaded again")

    monkeypatch.setattr(generator.corpus, "load_record", counted)
    monkeypatch.setattr(generator.ingest, "load_corpus", refused)
    monkeypatch.setattr(generator.ingest, "regenerate", refused)
    assert validate_corpus(root, cache=cache, stats=stats, today=TODAY) == []
    assert _counts(stats) == {"validated": 0, "cached": 9, "entries_read": 0, "regenerated": 0}
    # Only the drafts and the act they name are read (their links are checked on every run).
    assert read == [
        "drafts/DP1200001579",
        "examples/drafts/EX1300000845",
        "examples/drafts/EX1300008549",
        "corpus/P1200001579",
    ]


def test_an_acts_carries_is_kept_in_the_cache_and_checked_on_every_run(tmp_path, monkeypatch):
    import generator.validate

    root = _copy(tmp_path)
    cache = tmp_path / "validate.json"
    assert validate_corpus(root, cache=cache, today=TODAY) == []

    def refused(folder):
        raise AssertionError(f"{folder} read again for its carries")

    monkeypatch.setattr(generator.validate, "_carries", refused)
    # The draft the act carries removed: the act is unchanged (its result and its `carries`
    # come from the cache), the link is checked again.
    shutil.rmtree(root / "drafts/DP1200001579")
    errors = validate_corpus(root, cache=cache, today=TODAY)
    assert errors == [
        f"{root / 'corpus/P1200001579/act.yml'}:10: carries: DP1200001579 is not a draft of "
        "the corpus (drafts/)"
    ]


def test_a_changed_source_entry_rereads_its_folder_alone_and_regenerates(tmp_path):
    root, cache, stats = _checked_once(tmp_path)
    # A hand edit (one word of a real sentence dropped) that act.yml's text_sha256 is changed
    # to vouch for: the folder's entries change, the other six folders' come from the cache.
    rel = "corpus/Z1300000088/Z2200000141/kk.md"
    path = root / rel
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    lines = path.read_text("utf-8").split("\n")
    title = next(i for i, s in enumerate(lines) if s.startswith("# "))
    line = next(
        i
        for i in range(title + 1, len(lines))
        if lines[i][:1] not in ("", "#", ">") and len(lines[i].split()) >= 4
    )
    words = lines[line].split(" ")
    lines[line] = " ".join(words[:2] + words[3:])
    path.write_text("\n".join(lines), "utf-8")
    after = hashlib.sha256(path.read_bytes()).hexdigest()
    yml = root / "corpus/Z1300000088/act.yml"
    yml.write_text(yml.read_text("utf-8").replace(before, after), "utf-8")
    errors = validate_corpus(root, cache=cache, stats=stats, today=TODAY)
    # Nothing is regenerated: the text made from an entry does not depend on the SHA-256
    # it records for the stored text, and the lexicon is unchanged.
    assert _counts(stats) == {"validated": 2, "cached": 7, "entries_read": 1, "regenerated": 0}
    assert errors == [
        f"{root / rel}:0: stored text is not the text regenerated from "
        "../shared/sources/kk/z1300000088-state-services.kk.md "
        f"(SHA-256 {before}; act.yml records {after}): record the change as an editorial "
        "correction and run zan reimport"
    ]
    # Unchanged since: the same result from the cache, nothing read or regenerated.
    assert validate_corpus(root, cache=cache, stats=stats, today=TODAY) == errors
    assert _counts(stats) == {"validated": 0, "cached": 9, "entries_read": 0, "regenerated": 0}


def _regen(cache: Path) -> dict:
    return json.loads(cache.read_text("utf-8"))["regen"]


def test_one_new_amending_act_regenerates_its_texts_and_those_its_words_change(tmp_path):
    # The corpus before the amending Law No. 262 of 2007 came: every text regenerated.
    root, cache, stats = _checked_once(tmp_path, without="amendments/Z070000262")
    assert _counts(stats) == {"validated": 8, "cached": 0, "entries_read": 6, "regenerated": 9}
    # The act added with its two sources: its two texts are made; the two texts of the
    # draft's source (seed 002), whose letter-spaced runs looked up «жетімді» and «ст»,
    # words the act's sources add to the lexicon, have their runs split again, the same
    # (the draft's own «қолжетімді» stays the one-word split): they and the seven others
    # are kept.
    shutil.move(tmp_path / "Z070000262", root / "amendments/Z070000262")
    assert validate_corpus(root, cache=cache, stats=stats, today=TODAY) == []
    assert _counts(stats) == {"validated": 1, "cached": 8, "entries_read": 1, "regenerated": 2}
    # The same as regenerating every text: each text's hash, entry and words looked up,
    # the lexicon and its sources.
    full = tmp_path / "full.json"
    assert validate_corpus(root, cache=full, stats=stats, today=TODAY) == []
    assert stats["regenerated"] == 11
    assert _regen(cache) == _regen(full)
    # The act removed again: its words may leave the lexicon, every text is made again.
    shutil.rmtree(root / "amendments/Z070000262")
    assert validate_corpus(root, cache=cache, stats=stats, today=TODAY) == []
    assert stats["regenerated"] == 9


def test_a_lexicon_file_not_the_one_the_cache_names_regenerates_every_text(tmp_path):
    root, cache, stats = _checked_once(tmp_path, without="amendments/Z070000262")
    lexicon = tmp_path / "validate-lexicon.json"
    words = json.loads(lexicon.read_text("utf-8"))
    lexicon.write_text(json.dumps(words[1:], ensure_ascii=False), "utf-8")
    shutil.move(tmp_path / "Z070000262", root / "amendments/Z070000262")
    assert validate_corpus(root, cache=cache, stats=stats, today=TODAY) == []
    assert stats["regenerated"] == 11
    assert json.loads(lexicon.read_text("utf-8"))[0] == words[0]


def test_a_word_of_a_new_source_that_changes_an_older_split_regenerates_that_text(tmp_path):
    from builds import edit

    root = _copy(tmp_path)
    shutil.move(root / "amendments/Z070000262", tmp_path / "Z070000262")
    # The Law of 2000 (the one Law No. 262 amends) with «жүзеге асыру» of its article 1
    # letter-spaced, as the draft's source spells words: without Law No. 262 the run is split
    # into «жүзеге асыру»; Law No. 262's own article title has «жүзегеасыру» (source
    # seeds/000 line 53), one word, which the fewest-words split then takes.
    sha = "6b3a38f769e3d2284e37e4c501e49fccc90e6df2667a56227cb500cbf4a039de"
    spaced = (
        f"{sha}\n        corrections:\n"
        "          - {find: жүзеге асыру, replace: ж ү з е г е а с ы р у, line: 11, "
        "reason: letter-spaced}\n"
    )
    edit(root, ("corpus/Z000000107/act.yml", f"{sha}\n", spaced))
    out = root / "corpus/Z000000107/before-Z070000262/kk.md"
    assert "өкілеттіктерді жүзеге асыру кезінде" in out.read_text("utf-8")
    cache = tmp_path / "validate.json"
    stats: dict = {}
    assert validate_corpus(root, cache=cache, stats=stats, today=TODAY) == []
    before = json.loads((tmp_path / "validate-lexicon.json").read_text("utf-8"))
    shutil.move(tmp_path / "Z070000262", root / "amendments/Z070000262")
    # The act of 2000 is unchanged, yet made again: its run looked up «жүзегеасыру», which
    # the new act adds, and is split otherwise; the text it now makes is not the stored one.
    errors = validate_corpus(root, cache=cache, stats=stats, today=TODAY)
    assert _counts(stats) == {"validated": 1, "cached": 8, "entries_read": 1, "regenerated": 3}
    stored = hashlib.sha256(out.read_bytes()).hexdigest()
    assert len(errors) == 1 and errors[0].startswith(
        f"{out}:0: stored text is not the text regenerated from "
        "../shared/sources/kk/z000000107-adminproc-2000.before-2007.kk.md (SHA-256 "
    )
    assert errors[0].endswith(
        f"; act.yml records {stored}): record the change as an "
        "editorial correction and run zan reimport"
    )
    lexicon = json.loads((tmp_path / "validate-lexicon.json").read_text("utf-8"))
    assert "жүзегеасыру" in lexicon and "жүзегеасыру" not in before
    full = tmp_path / "full.json"
    assert validate_corpus(root, cache=full, stats=stats, today=TODAY) == errors
    assert _regen(cache) == _regen(full)


def test_a_recorded_gap_of_the_official_text_is_accepted(tmp_path):
    root = _copy(tmp_path, shared=False)  # no ../shared: the stored text's own SHA-256 ties it
    path = root / "corpus/Z1300000088/Z2200000141/kk.md"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    text = path.read_text("utf-8")
    start = text.index("\n2. ", text.index("{#art_15}"))
    end = text.index("\n3. ", start)
    path.write_text(text[:start] + text[end:], "utf-8")
    after = hashlib.sha256(path.read_bytes()).hexdigest()
    yml = root / "corpus/Z1300000088/act.yml"
    yml.write_text(yml.read_text("utf-8").replace(before, after), "utf-8")
    line = text[: end - (end - start)].count("\n") + 2
    assert validate_corpus(root, today=TODAY) == [
        f"{path}:{line}: art_15__para_3: numbering gap: 3 follows 1 (units missing between "
        "them; a gap of the official text itself is recorded under the edition's `gaps`)"
    ]
    yml.write_text(
        yml.read_text("utf-8").replace(
            "    date: after 2022-07-14\n",
            "    date: after 2022-07-14\n    gaps:\n      - {unit: art_15__para_3, reason: test}\n",
        ),
        "utf-8",
    )
    assert validate_corpus(root, today=TODAY) == []


def test_without_shared_sources_are_not_checked_but_texts_are_tied(tmp_path):
    root = _copy(tmp_path, shared=False)
    yml = root / "corpus/Z000000107/act.yml"
    yml.write_text(yml.read_text("utf-8").replace(".kk.md\n", ".gone.kk.md\n"), "utf-8")
    assert validate_corpus(root, today=TODAY) == []
    path = root / "corpus/Z000000107/before-Z070000262/kk.md"
    path.write_bytes(path.read_bytes()[:-200])
    errors = validate_corpus(root, today=TODAY)
    assert len(errors) == 1 and errors[0].startswith(f"{path}:0: stored text has SHA-256 ")


def test_build_fails_with_the_messages_of_check(tmp_path, capsys):
    from harness import run

    root = _copy(tmp_path)
    yml = root / "corpus/Z000000107/act.yml"
    yml.write_text(yml.read_text("utf-8").replace("adopted: 2000-11-27", "adopted: 2023-02-30"))
    line = "corpus/Z000000107/act.yml:4: adopted: not a date: '2023-02-30' (day is out of range for month)"
    check = run(root, "check", "--today", "2026-11-21")
    assert check.exit_code == 1 and check.error_lines() == [line, "1 error(s)"]
    build = run(root, "build", "--today", "2026-11-21", "--no-search", "--out", "site")
    assert build.exit_code == 1
    assert build.error_lines() == [
        "build failed; the previous site is untouched.",
        "1 error(s) in the corpus (zan check):",
        line,
    ]
    assert not (root / "site").exists()
    assert main_build(root, tmp_path / "site2", examples=False, search=False) == 1


def test_the_schemas_are_valid_json_schemas():
    import jsonschema
    import yaml

    names = sorted(p.stem for p in schema.SCHEMAS.glob("*.yml"))
    assert names == ["act", "amending", "common", "corrections", "draft", "manual", "remarks"]
    for name in names:
        data = yaml.safe_load((schema.SCHEMAS / f"{name}.yml").read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(data)


def test_a_posting_on_a_day_off_is_shown_with_its_note():
    from generator.discussion import window_for

    # 2023-03-21: Nauryz (generator/data/calendar.yml).
    meta = {"discussion": {"posted": dt.date(2023, 3, 21), "edition": "Z2200000141"}}
    # Every day of 2023 is known (the holidays library has that year's transfers).
    assert [n["code"] for n in window_for(meta)[0].notes] == []
    meta["discussion"]["posted_note"] = {"kk": "үлгі деректер", "ru": "образец данных"}
    w, _ = window_for(meta)
    assert w.notes[-1] == {
        "code": "posted_day_off",
        "kk": "Жоба жұмыс емес күні (2023-03-21) орналастырылды: үлгі деректер",
        "ru": "Проект размещён в нерабочий день (2023-03-21): образец данных",
    }


def test_check_keeps_its_report_while_the_corpus_is_unchanged(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import generator.checks
    import generator.consolidate_corpus
    from generator.cli import main

    root = _copy(tmp_path)
    made: list[str] = []
    disagreements = generator.checks.language_disagreements
    citations = generator.consolidate_corpus.citation_report

    def counted_disagreements(top):
        made.append("language_disagreements")
        return disagreements(top)

    def counted_citations(top):
        made.append("citation_report")
        return citations(top)

    monkeypatch.setattr(generator.checks, "language_disagreements", counted_disagreements)
    monkeypatch.setattr(generator.consolidate_corpus, "citation_report", counted_citations)

    def check():
        res = CliRunner().invoke(main, ["check", "--root", str(root), "--today", str(TODAY)])
        assert res.exit_code == 0, res.output
        return res.output

    first = check()
    assert "amendments/Z070000262: kk/ru differ: only_kk substitute_words" in first
    assert made == ["language_disagreements", "citation_report"]
    # Nothing changed: the same report, no amending act read again.
    assert check() == first and len(made) == 2
    # An act.yml edited (a typo of its title fixed): the report is made again.
    yml = root / "corpus/V1300008549/act.yml"
    yml.write_text(yml.read_text("utf-8").replace("респубикалық", "республикалық", 1), "utf-8")
    assert check() == first and len(made) == 4
