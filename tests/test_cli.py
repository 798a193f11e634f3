"""The `zan` command line on the real texts: consolidate, ops, diff, check — exit codes,
stdout/stderr separation, exact errors, and no output file on failure."""

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SOURCES

CASE = SOURCES / "cases" / "transfer-2007-2009-98-IV"
BASE_2000 = REPO / "corpus/Z000000107/before-Z070000262/kk.md"
LAW_262_KK = REPO / "amendments/Z070000262/kk.md"


def zan(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
    )


def test_consolidate_law_262_writes_the_2007_edition(tmp_path):
    out = tmp_path / "2007.txt"
    r = zan("consolidate", BASE_2000, LAW_262_KK, "--lang", "kk", "--notes", "-o", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "Әкімшілік рәсімдер туралы"
    heads = [ln.split(".")[0] for ln in lines if "-бап." in ln[:10]]
    assert heads[8:12] == ["9-бап", "9-1-бап", "10-бап", "11-бап"]
    assert heads[15:19] == ["15-бап", "15-1-бап", "15-2-бап", "16-бап"]
    assert "23-бап. Осы Заңды бұзғаны үшін жауаптылық" in lines
    assert "Ескерту. 23-бап жаңа редакцияда - ҚР 18.06.2007 № 262 Заңымен." in lines
    # Without --notes, no editorial note at all.
    r2 = zan("consolidate", BASE_2000, LAW_262_KK, "--lang", "kk")
    assert r2.returncode == 0
    assert "Ескерту." not in r2.stdout
    # The instruction for the 1998 law is reported, not silently dropped.
    assert (
        "Z070000262: art_3__para_3__subpara_1-2 insert: not applied: the amended act is not in "
        "the corpus" in r.stderr
    )


def _law_lines(text: str) -> list[str]:
    """The law's own lines: notes and the signature block left out, spacing collapsed."""
    out = []
    for line in text.splitlines():
        line = " ".join(line.replace("#", "").split())
        if not line or line.startswith("Сноска") or line.startswith("Президент"):
            continue
        out.append(line)
    return out


def test_transfer_case_reproduces_the_official_after_text():
    r = zan("consolidate", CASE / "before.ru.md", CASE / "amender-1.ru.md", "--lang", "ru")
    assert r.returncode == 0, r.stderr
    got = [ln for ln in _law_lines(r.stdout) if ln != "Республики Казахстан"]
    want = _law_lines((CASE / "after.ru.md").read_text(encoding="utf-8"))
    assert got == want
    assert "2009 год - 843 100 000 тысяч тенге." in got


def test_an_amender_that_does_not_amend_the_base_fails_without_output(tmp_path):
    out = tmp_path / "x.txt"
    base = REPO / "corpus/Z1300000088/Z2200000141/kk.md"
    r = zan("consolidate", base, LAW_262_KK, "--lang", "kk", "-o", out)
    assert r.returncode == 1
    assert not out.exists()
    assert r.stderr.splitlines()[-1] == (
        "Z070000262 does not amend «Мемлекеттік көрсетілетін қызметтер туралы»: its "
        "instructions cite «Нормативтік құқықтық актілер туралы» 1998-03-24, "
        "«Әкімшілік рәсімдер туралы» 2000-11-27 (Z000000107)"
    )


def test_a_unit_that_does_not_exist_fails_without_output(tmp_path):
    # The real «before» text with its 2009 line missing: абзац 4 of art. 1 is gone.
    base = tmp_path / "before.ru.md"
    text = (CASE / "before.ru.md").read_text(encoding="utf-8")
    base.write_text(text.replace("      2009 год - 337 027 071 тысяча тенге.\n\n", ""), "utf-8")
    out = tmp_path / "after.txt"
    r = zan("consolidate", base, CASE / "amender-1.ru.md", "--lang", "ru", "-o", out)
    assert r.returncode == 1
    assert not out.exists()
    assert "art_1__al_4" in r.stderr
    assert "абзац четвертый статьи 1 изложить в следующей редакции" in r.stderr


def test_words_not_in_the_target_fail_without_output(tmp_path):
    # The real 2000 law with the preamble's «жол бермеуге» gone: Law 262's first instruction
    # for it («кіріспе "жол бермеуге" деген сөздерден кейін …») has nothing to anchor on.
    base_dir = tmp_path / "corpus/Z000000107/before-Z070000262"
    base_dir.mkdir(parents=True)
    (base_dir.parents[1] / "Z000000107").mkdir(exist_ok=True)
    (tmp_path / "corpus/Z000000107/act.yml").write_bytes(
        (REPO / "corpus/Z000000107/act.yml").read_bytes()
    )
    text = BASE_2000.read_text(encoding="utf-8").replace(
        "пайдалануына жол бермеуге", "пайдалануына"
    )
    (base_dir / "kk.md").write_text(text, encoding="utf-8")
    out = tmp_path / "x.txt"
    r = zan("consolidate", base_dir / "kk.md", LAW_262_KK, "--lang", "kk", "-o", out)
    assert r.returncode == 1
    assert not out.exists()
    assert "preamble" in r.stderr and "жол бермеуге" in r.stderr


def test_ops_json_is_parseable_and_counts_per_language():
    kk = zan("ops", LAW_262_KK, "--lang", "kk", "--format", "json")
    ru = zan("ops", REPO / "amendments/Z070000262/ru.md", "--lang", "ru", "--format", "json")
    assert kk.returncode == ru.returncode == 0
    ops_kk, ops_ru = json.loads(kk.stdout), json.loads(ru.stdout)
    assert (len(ops_kk), len(ops_ru)) == (16, 14)
    assert [o["target"] for o in ops_kk if o["action"] == "insert"][-2:] == [
        "art_15-1",
        "art_15-2",
    ]
    assert {(o["target"], o["action"]) for o in ops_ru} <= {
        (o["target"], o["action"]) for o in ops_kk
    } | {("preamble", "insert_words")}


def test_ops_on_the_raw_official_text_equal_the_corpus_ones():
    raw = zan("ops", SOURCES / "seeds/000_68549f57bdbdd563.txt", "--lang", "kk")
    stored = zan("ops", LAW_262_KK, "--lang", "kk")
    strip = lambda ops: [{k: v for k, v in o.items() if k != "line"} for o in ops]  # noqa: E731
    assert strip(json.loads(raw.stdout)) == strip(json.loads(stored.stdout))


def test_check_lists_kk_ru_disagreements_of_law_262():
    r = zan("check")
    assert r.returncode == 0
    assert (
        "amendments/Z070000262: kk/ru differ: only_kk substitute_words "
        "art_2__para_1__subpara_6" in r.stderr
    )
    assert "only_kk substitute_words art_3__subpara_11" in r.stderr


def test_diff_draft_against_enacted_law_pairs_articles():
    r = zan(
        "diff",
        SOURCES / "seeds/002_12d8e6cb32431658.txt",
        SOURCES / "seeds/001_f58e8d8e0d8e4ea5.txt",
        "--lang",
        "kk",
        "--format",
        "json",
    )
    assert r.returncode == 0, r.stderr
    pairs = json.loads(r.stdout)
    moved = {(p["old"], p["new"]) for p in pairs if p["status"] == "moved"}
    assert ("art_9", "art_15") in moved
    assert ("art_13", "art_19") in moved
    assert not any(p["old"] == "art_13" and p["new"] == "art_13" for p in pairs)


def test_diff_by_act_id_and_date_inside_an_uncertain_range():
    r = zan("diff", "Z1300000088@Z1900000272", "Z1300000088@Z2200000129", "--lang", "ru")
    assert r.returncode == 0, r.stderr
    r2 = zan("diff", "Z1300000088@2022-07-01", "Z1300000088", "--lang", "ru")
    assert r2.returncode == 1
    assert r2.stderr.strip() == (
        "Z1300000088@2022-07-01: 2022-07-01 falls inside an uncertain in-force date; "
        "candidate versions: Z1900000272 (after 2019-11-25), Z2200000129 (after 2022-06-27)"
    )


def test_check_validates_remarks_with_file_line_and_unit(tmp_path):
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(REPO / "examples", root / "examples")
    for top in ("corpus", "amendments", "drafts"):
        shutil.copytree(REPO / top, root / top)
    remarks = root / "examples/drafts/EX1300000845/remarks.yml"
    text = remarks.read_text(encoding="utf-8").replace(
        "unit: annex_1__para_11-1", "unit: annex_1__para_99"
    )
    remarks.write_text(text, encoding="utf-8")
    r = zan("check", "--root", root)
    assert r.returncode == 1
    line = next(
        i for i, s in enumerate(text.splitlines(), 1) if s.startswith("- received: 2023-03-28")
    )
    assert f"{remarks}:{line}: remark 2" in r.stderr
    assert "annex_1__para_99" in r.stderr
