"""Robustness: text-bank files (../shared/realworld) mutated minimally; `zan tree` keeps
every file, reports a block that fits no rule as a warning, and names both lines of a real
conflict (issue 12, item 3)."""

from __future__ import annotations

import json
import shutil

import pytest
from harness import SHARED, assert_error, line_of, mutate, run

CATEGORY = "text bank structure"
REAL = SHARED / "realworld"


def _copy(repo, rel):
    dest = repo / "x.md"
    shutil.copy2(REAL / rel, dest)
    return dest


@pytest.mark.parametrize(
    ("rel", "lang", "old", "new", "first_needle"),
    [
        (
            "targets/104140/ru.md",
            "ru",
            "### Статья 2. Основные понятия",
            "### Статья 1. Основные понятия",
            "### Статья 1. Сфера",
        ),
        ("targets/42316/ru.md", "ru", "## ГЛАВА 2.", "## ГЛАВА 1.", "## ГЛАВА 1."),
        ("targets/104140/kk.md", "kk", "### 2-бап. ", "### 1-бап. ", "### 1-бап. "),
    ],
)
def test_two_units_with_one_eid_name_both_lines(repo, rel, lang, old, new, first_needle):
    path = _copy(repo, rel)
    first = line_of(path, first_needle)
    second = line_of(path, old)
    mutate(path, old, new)
    out = run(repo, "tree", "x.md", "--lang", lang, "--format", "json")
    line = assert_error(out, "x.md", second, f"(first at line {first})")
    assert line.startswith(f"x.md:{second}: duplicate unit ")


@pytest.mark.parametrize(
    ("rel", "lang", "heading", "owner"),
    [
        ("targets/104140/ru.md", "ru", "### Статья 1. Сфера применения настоящего Закона", "chp_1"),
        ("targets/104140/kk.md", "kk", "### 1-бап. Осы Заңның қолданылу аясы", "chp_1"),
    ],
)
def test_a_block_that_fits_no_rule_is_kept_with_a_warning(repo, rel, lang, heading, owner):
    path = _copy(repo, rel)
    text_line = line_of(path, heading) + 2
    lines = path.read_text(encoding="utf-8").split("\n")
    # The importer maps the text bank's Latin «i» inside Kazakh words to «і» (a repair).
    kept = lines[text_line - 1].strip().replace("i", "і")
    mutate(path, next(s for s in lines if s.startswith(heading)) + "\n\n", "")
    out = run(repo, "tree", "x.md", "--lang", lang, "--format", "json")
    assert out.traceback is None and out.exit_code == 0, out.stderr
    # (the importer's notes on Latin tokens such as «N» are warnings of their own kind)
    warning = [
        s
        for s in out.error_lines()
        if s.startswith("warning: x.md:") and "wholly Latin token kept" not in s
    ]
    assert warning == [
        f"warning: x.md:{text_line - 2}: text directly under {owner} kept as its абзац "
        f"(closest rule: a chapter holds articles): {kept[:60]!r}"
    ]
    tree = json.loads(out.stdout)
    chp = next(u for u in tree if u["eid"] == owner)
    assert chp["children"][0]["eid"] == f"{owner}__al_2"
    assert chp["children"][0]["text"] == kept


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_unnumbered_instruction_list_is_units(repo, lang):
    # amendments/24100: «4) в статье 15:» then unnumbered instructions (refused before).
    _copy(repo, f"amendments/24100/{lang}.md")
    out = run(repo, "tree", "x.md", "--lang", lang, "--format", "json")
    assert out.traceback is None and out.exit_code == 0, out.stderr
    item4 = next(u for u in json.loads(out.stdout) if u["eid"] == "subpara_4")
    assert [c["eid"] for c in item4["children"]] == ["subpara_4__al_2", "subpara_4__al_3"]
    assert [c["eid"] for c in item4["children"][1]["children"]] == ["subpara_4__al_3__qstr_1"]


@pytest.mark.parametrize("command", ["tree", "import"])
def test_a_file_that_is_not_utf8_is_one_line_error(repo, command):
    # targets/104140/ru.md with its first letter made a byte that is not UTF-8.
    path = _copy(repo, "targets/104140/ru.md")
    path.write_bytes(b"\xff" + path.read_bytes()[1:])
    out = run(repo, command, "x.md", "--lang", "ru")
    assert out.traceback is None and out.exit_code == 1
    assert out.error_lines() == ["x.md: not UTF-8 text (byte 0xff at offset 0)"]


def test_an_empty_file_is_one_line_error(repo):
    (repo / "x.md").write_text("", encoding="utf-8")
    out = run(repo, "tree", "x.md", "--lang", "kk")
    assert out.traceback is None and out.exit_code == 1
    assert out.error_lines() == ["x.md:1: no text"]
