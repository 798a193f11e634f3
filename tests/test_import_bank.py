"""`zan import-bank DIR` (issue 16, item 5) on real text-bank files of ../shared/realworld.

A mirror folder (``kaz/N.md``, ``rus/N.md``, as quyse/kz-laws lays them out) is made in
tmp_path from real acts: amendments/11040 (the law amending «О государственной
статистике») and targets/104140 (that law; its kk file is an edition after 11040, its ru
file one before it: ../shared/realworld/targets/104140/source.yml), and amendments/22314
with targets/104088.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml
from conftest import REPO

sys.path.insert(0, str(Path(__file__).parent / "robustness"))
from harness import run  # noqa: E402

REAL = REPO.parent / "shared" / "realworld"
TODAY = "2026-01-01"


def mirror(tmp_path: Path, acts: dict[str, str], only: dict[str, str] | None = None) -> Path:
    """kaz/N.md and rus/N.md copied from ../shared/realworld/<group>/N ({N: group}); ``only``
    ({N: lang}) copies one language only."""
    out = tmp_path / "mirror"
    for sub in ("kaz", "rus"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for n, group in acts.items():
        for lang, sub in (("kk", "kaz"), ("ru", "rus")):
            if only and n in only and only[n] != lang:
                continue
            shutil.copy(REAL / group / n / f"{lang}.md", out / sub / f"{n}.md")
    return out


def hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".zan-cache" not in p.parts
    }


def report(root: Path) -> dict:
    return yaml.safe_load((root / ".zan-cache" / "import-bank.yml").read_text(encoding="utf-8"))


def act_yml(root: Path, top: str, act_id: str) -> dict:
    return yaml.safe_load((root / top / act_id / "act.yml").read_text(encoding="utf-8"))


STATISTICS = {"11040": "amendments", "104140": "targets"}


def test_act_and_its_amending_act(repo: Path, tmp_path: Path) -> None:
    src = mirror(tmp_path, STATISTICS)
    out = run(repo, "--today", TODAY, "import-bank", str(src), "--root", ".")
    assert out.traceback is None and out.exit_code == 0, out.stderr
    assert out.stdout.splitlines() == [
        "added: 2",
        "ledger other-language: 1",
        "ledger outstanding-failed: 88",
        # the glued formula words of the two texts, repaired and reported (kk.yml/ru.yml glue)
        "warning: amendments/TB011040/kk.md:216: repaired: «дегенсөздермен» read as «деген "
        "сөздермен» (words glued together)",
        "warning: amendments/TB011040/ru.md:166: repaired: «заменитьсловами» read as «заменить "
        "словами» (words glued together)",
    ]
    act = act_yml(repo, "corpus", "TB104140")
    assert {k: act[k] for k in ("id", "type", "number", "adopted", "status", "title")} == {
        "id": "TB104140",
        "type": "law",  # signed by the President, no «ПОСТАНОВЛЯЮ»
        "number": "unknown",
        "adopted": "unknown",
        "status": "in_force",
        "title": {"kk": "Мемлекеттік статистика туралы", "ru": "О ГОСУДАРСТВЕННОЙ СТАТИСТИКЕ"},
    }
    # The two files are different editions: their notes cite different acts.
    eds = {e["id"]: e for e in act["editions"]}
    assert sorted(eds) == ["bank-kk", "bank-ru"]
    assert (eds["bank-kk"]["languages"], eds["bank-kk"]["date"]) == (["kk"], "after 2004-12-20")
    assert (eds["bank-ru"]["languages"], eds["bank-ru"]["date"]) == (["ru"], "after 2001-01-29")
    assert "2002-01-15 No. 280" in eds["bank-kk"]["includes_note"]
    assert eds["bank-ru"]["bank"]["ru"]["file"] == "rus/104140.md"
    am = act_yml(repo, "amendments", "TB011040")
    assert (am["type"], am["number"], am["adopted"]) == ("law", "unknown", "unknown")
    assert am["title"]["ru"] == (
        'О внесении изменений и дополнений в Закон Республики Казахстан "О государственной '
        'статистике"'
    )
    assert sorted(p.name for p in (repo / "amendments" / "TB011040").iterdir()) == [
        "act.yml",
        "kk.md",
        "ru.md",
    ]
    # 11040 states neither its date nor its number: whether an edition reflects it cannot
    # be told, so every effect is outstanding with that reason (never applied twice, never
    # called reflected by guess).
    rows = report(repo)["ledger"]
    assert Counter((r["lang"], r["status"]) for r in rows) == {
        ("kk", "outstanding-failed"): 46,
        ("ru", "outstanding-failed"): 42,
        ("kk", "other-language"): 1,
    }
    assert {r["detail"] for r in rows if r["lang"] == "ru" and r["status"] != "other-language"} == {
        "its date is not known, so whether the stored edition bank-ru already reflects it "
        "cannot be told"
    }
    assert {r["act"] for r in rows if r["status"] == "outstanding-failed"} == {"TB104140"}


def test_reflected_by_the_editions_note(repo: Path, tmp_path: Path) -> None:
    """With the date and number the kk edition's notes cite for it («ҚР 2002.01.15 N 280
    Заңымен», targets/104140/kk.md), written as the bank writes a signature date (a minimal
    mutation: these files carry none), 11040 is reflected in the kk edition by its note and
    applied to the ru edition, which predates it."""
    src = mirror(tmp_path, STATISTICS)
    with (src / "kaz" / "11040.md").open("a", encoding="utf-8") as f:
        f.write("\n2002 жылғы 15 қаңтар\nN 280\n")
    with (src / "rus" / "11040.md").open("a", encoding="utf-8") as f:
        f.write("\n15 января 2002 года\nN 280\n")
    out = run(repo, "--today", TODAY, "import-bank", str(src), "--root", ".")
    assert out.traceback is None and out.exit_code == 0, out.stderr
    am = act_yml(repo, "amendments", "TB011040")
    assert (am["number"], am["adopted"]) == ("280", "2002-01-15")
    data = report(repo)
    assert data["reflected_by_note"] == [
        {"amender": "TB011040", "act": "TB104140", "edition": "bank-kk", "lang": "kk"}
    ]
    rows = data["ledger"]
    kk = [r for r in rows if r["lang"] == "kk" and r["status"] != "other-language"]
    assert {(r["status"], r["version"]) for r in kk} == {("reflected", "bank-kk")}
    assert len(kk) == 46
    ru = Counter(r["status"] for r in rows if r["lang"] == "ru")
    assert ru == {"outstanding-failed": 6, "outstanding-after-earlier": 36}
    first = next(r for r in rows if r["lang"] == "ru" and r["status"] == "outstanding-failed")
    assert (first["line"], first["target"], first["action"]) == (
        78,
        "art_5__heading",
        "insert_words",
    )


def test_reflected_by_its_in_force_day(repo: Path, tmp_path: Path) -> None:
    """104406 states no date or number, but its Russian text names its day of entry into
    force («Настоящий Закон вступает в силу с 1 января 1996 года»; the Kazakh one says only
    «1996 жылғы қаңтардан бастап»). Both stored editions of 104318 stand from later days
    (their notes' latest acts: kk «ЕСКЕРТУ … 2001.05.03. N 180», ru 17.03.2015 № 293-V),
    so its effects are reflected there, not applied again."""
    src = mirror(tmp_path, {"104406": "amendments", "104318": "targets"})
    out = run(repo, "--today", TODAY, "import-bank", str(src), "--root", ".")
    assert out.traceback is None and out.exit_code == 0, out.stderr
    assert out.stdout.splitlines() == ["added: 2", "ledger reflected: 6"]
    am = act_yml(repo, "amendments", "TB104406")
    assert (am["number"], am["adopted"], am["in_force"]) == ("unknown", "unknown", "1996-01-01")
    eds = {e["id"]: e["date"] for e in act_yml(repo, "corpus", "TB104318")["editions"]}
    assert eds == {"bank-kk": "after 2001-05-02", "bank-ru": "after 2015-03-16"}
    rows = report(repo)["ledger"]
    assert [(r["lang"], r["line"], r["target"], r["status"], r["version"]) for r in rows] == [
        ("kk", 14, "art_35__al_1", "reflected", "bank-kk"),
        ("kk", 16, "art_35__al_3", "reflected", "bank-kk"),
        ("kk", 16, "art_35__al_4", "reflected", "bank-kk"),
        ("ru", 14, "art_35__al_1", "reflected", "bank-ru"),
        ("ru", 16, "art_35__al_3", "reflected", "bank-ru"),
        ("ru", 16, "art_35__al_4", "reflected", "bank-ru"),
    ]


def test_second_run_changes_nothing(repo: Path, tmp_path: Path) -> None:
    src = mirror(tmp_path, STATISTICS)
    first = run(repo, "--today", TODAY, "import-bank", str(src), "--root", ".")
    assert first.exit_code == 0, first.stderr
    (repo / ".gitignore").write_text(".zan-cache/\n", encoding="utf-8")
    git = ["git", "-c", "user.name=zan", "-c", "user.email=zan@localhost"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "import"], cwd=repo, check=True)
    before = hashes(repo)
    again = run(repo, "--today", TODAY, "import-bank", str(src), "--root", ".")
    assert again.traceback is None and again.exit_code == 0, again.stderr
    assert again.stdout.splitlines()[0] == "unchanged: 2"
    assert "added" not in again.stdout
    assert hashes(repo) == before
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=repo, check=True, capture_output=True, text=True
    )
    assert status.stdout == ""


def test_not_placed_report(repo: Path, tmp_path: Path) -> None:
    """22314 with its Kazakh text only is not placed, and says why; so is a file that is not
    a bank text, and 104088, whose Russian tree the validator rejects (file:line: unit):
    in the bank's file point 1 of art. 13 goes on with subparagraph 3) (rus/104088.md:121)."""
    src = mirror(tmp_path, {"22314": "amendments", "104088": "targets"}, only={"22314": "kk"})
    (src / "kaz" / "notes.txt").write_text("x\n", encoding="utf-8")
    out = run(repo, "--today", TODAY, "import-bank", str(src), "--root", ".")
    assert out.traceback is None and out.exit_code == 0, out.stderr
    invalid = (
        "invalid: rus/104088.md:121: art_13__para_1__subpara_3: numbering starts at 3, not 1 "
        "(units missing before it) (stored as corpus/TB104088/bank-ru/ru.md:125)"
    )
    assert out.stdout.splitlines() == [
        "not-placed: 3",
        "not placed: kaz/notes.txt:0: not a text-bank file (N.md)",
        "not placed: kaz/22314.md:0: only in kk: no rus/22314.md (both languages needed)",
        f"not placed: {invalid}",
        "not placed, invalid: 1",
        "not placed, not a bank file: 1",
        "not placed, one language missing: 1",
    ]
    data = report(repo)
    assert data["not_placed"] == [
        {"n": "notes.txt", "files": [], "reason": "kaz/notes.txt:0: not a text-bank file (N.md)"},
        {
            "n": "22314",
            "files": ["kaz/22314.md"],
            "reason": "kaz/22314.md:0: only in kk: no rus/22314.md (both languages needed)",
        },
        {"n": "104088", "files": ["kaz/104088.md", "rus/104088.md"], "reason": invalid},
    ]
    assert data["acts"] == []
    assert not (repo / "amendments" / "TB022314").exists()
    assert not (repo / "corpus" / "TB104088").exists()


def test_missing_folder_is_one_line(repo: Path, tmp_path: Path) -> None:
    out = run(repo, "import-bank", "no-such-mirror", "--root", ".")
    assert out.traceback is None and out.exit_code == 1
    assert out.stderr.splitlines() == ["no-such-mirror:0: no such folder (FOLDER)"]


def test_amending_by_title_or_tree() -> None:
    """Amending by title (11040); not amending: a ratification law whose treaty is worded
    as instructions (130742), a law that enacts a code and amends other laws besides its
    own provisions (33276, «О введении в действие Трудового кодекса»), a law (104140)."""
    from generator.bank import is_amending, read_text

    sample = REPO / "benchmarks" / "realworld-sample" / "acts"
    dirs = {
        "11040": REAL / "amendments" / "11040",
        "104140": REAL / "targets" / "104140",
        "130742": sample / "130742",
        "33276": sample / "33276",
    }
    got = {
        n: is_amending({lang: read_text(d / f"{lang}.md", n, lang) for lang in ("kk", "ru")})
        for n, d in dirs.items()
    }
    assert got == {"11040": True, "104140": False, "130742": False, "33276": False}
