"""Robustness: the bad values that ended in a Python traceback (issue 11, «Tracebacks»):
each is now one exact error line with file, line and field, in `zan check` and in
`zan build` alike (one validator; the build stops before publishing anything).
"""

from __future__ import annotations

import pytest
from harness import assert_error, line_of, mutate, run

CATEGORY = "tracebacks"

TODAY = "2026-11-21"
COMMANDS = {
    "check": ("check", "--today", TODAY),
    "build": ("build", "--today", TODAY, "--no-search", "--examples", "--out", "site"),
}
A107 = "corpus/Z000000107/act.yml"
A262 = "amendments/Z070000262/act.yml"
EX845 = "examples/drafts/EX1300000845"

# (case, file, old, new, line needle (after the mutation), field, message)
YAML_CASES = [
    (
        "adopted-feb30",
        A107,
        "adopted: 2000-11-27",
        "adopted: 2023-02-30",
        "adopted:",
        "adopted",
        "not a date: '2023-02-30' (day is out of range for month)",
    ),
    (
        "title-number",
        A107,
        "  kk: Әкімшілік рәсімдер туралы",
        "  kk: 107",
        "  kk: 107",
        "title.kk",
        "must be a string, not 107",
    ),
    (
        "sources-list",
        A107,
        "      kk:\n        file:",
        "      - file:",
        "    sources:",
        "editions[0].sources",
        "must be a mapping, not a list",
    ),
    (
        "edition-null",
        A107,
        "  - id: before-Z070000262\n",
        "  - null\n  - id: before-Z070000262\n",
        "- null",
        "editions[0]",
        "must be a mapping, not null",
    ),
    (
        "remark-reasons-string",
        f"{EX845}/remarks.yml",
        '  reasons:\n    kk: "Үлгі шешім: ескерту ескерілді."\n    ru: "Образец решения: замечание учтено."',
        '  reasons: "Үлгі шешім: ескерту ескерілді."',
        "  reasons:",
        "[0].reasons",
        "must be a mapping, not 'Үлгі шешім: ескерту ескерілді.'",
    ),
    (
        "discussion-edition",
        f"{EX845}/act.yml",
        "edition: Z2200000141",
        "edition: Z9999999999",
        "edition:",
        "discussion.edition",
        "'Z9999999999' is not an edition of article 15 of Law No. 88-V (known: "
        "partial-before-Z1500000408, Z1900000272, Z2200000129, Z2200000141)",
    ),
    (
        "duplicate-title",
        A107,
        "title:\n  kk:",
        "title: x\ntitle:\n  kk:",
        "title:\n",
        "title",
        "duplicate key (first at line 10)",
    ),
    (
        "partial-no",
        "corpus/Z1300000088/act.yml",
        "    partial: true",
        '    partial: "no"',
        "partial:",
        "editions[0].partial",
        "must be a boolean (true or false), not 'no'",
    ),
    (
        "adopted-future",
        A262,
        "adopted: 2007-06-18",
        "adopted: 2099-11-27",
        "adopted:",
        "adopted",
        f"2099-11-27 is after today ({TODAY}, --today)",
    ),
    (
        "no-title-kk",
        A107,
        "  kk: Әкімшілік рәсімдер туралы\n",
        "",
        "title:",
        "title.kk",
        "missing (required: the act has a kk text)",
    ),
]


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(
    ("rel", "old", "new", "needle", "field", "message"),
    [c[1:] for c in YAML_CASES],
    ids=[c[0] for c in YAML_CASES],
)
def test_a_bad_value_is_one_line_not_a_traceback(
    repo, command, rel, old, new, needle, field, message
):
    path = repo / rel
    mutate(path, old, new)
    if needle == "title:\n":
        line = line_of(path, "title:") + 1
    else:
        line = line_of(path, needle)
    out = run(repo, *COMMANDS[command])
    got = assert_error(out, rel, line, field)
    assert got == f"{rel}:{line}: {field}: {message}"
    assert not (repo / "site").exists()


BYTES = [
    ("act-yml-utf16", A107, "utf-16", 1, "UTF-16 byte-order mark (corpus files are UTF-8)"),
    (
        "kk-md-utf16",
        "corpus/Z000000107/before-Z070000262/kk.md",
        "utf-16",
        1,
        "UTF-16 byte-order mark (corpus files are UTF-8)",
    ),
    (
        "amender-utf16",
        "amendments/Z070000262/ru.md",
        "utf-16",
        1,
        "UTF-16 byte-order mark (corpus files are UTF-8)",
    ),
    (
        "remarks-utf16",
        f"{EX845}/remarks.yml",
        "utf-16",
        1,
        "UTF-16 byte-order mark (corpus files are UTF-8)",
    ),
    ("act-yml-latin1", A107, "latin-1-ish", 11, "not valid UTF-8 (byte 0xd3 at column 7)"),
]


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(
    ("rel", "encoding", "line", "message"), [c[1:] for c in BYTES], ids=[c[0] for c in BYTES]
)
def test_bytes_that_are_not_utf8(repo, command, rel, encoding, line, message):
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    if encoding == "latin-1-ish":
        raw = path.read_bytes()
        at = raw.index("Әкімшілік".encode())
        path.write_bytes(raw[:at] + raw[at : at + 1] + raw[at + 2 :])  # half a letter
    else:
        path.write_bytes(text.encode(encoding))
    out = run(repo, *COMMANDS[command])
    assert assert_error(out, rel, line) == f"{rel}:{line}: {message}"


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_root_that_does_not_exist(repo, command):
    out = run(repo, command, "--root", "nowhere", "--today", TODAY)
    assert out.traceback is None and out.exit_code != 0
    assert "nowhere:0: no such folder (--root): not a zan repository" in out.error_lines()


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_root_that_is_no_repository(repo, command):
    (repo / "empty").mkdir()
    out = run(repo, command, "--root", "empty", "--today", TODAY)
    assert out.traceback is None and out.exit_code != 0
    assert (
        "empty:0: not a zan repository (no corpus/, amendments/ or drafts/ folder)"
        in out.error_lines()
    )


AMENDER = "amendments/Z070000262/kk.md"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("## 1-бап. {#art_1}", "## 1-бап.", "heading without an eId {#…}: '1-бап.'"),
        ("## 2-бап. {#art_2}", "## 2-бап. {#art_1}", "duplicate unit art_1 (first at line 8)"),
        ("act: Z070000262\n", "act: [Z070000262\n", "front matter is not valid YAML"),
        ("## 1-бап. {#art_1}", "## 1-бап. {#Art_1}", "unknown heading type in eId 'Art_1'"),
    ],
)
def test_check_never_crashes_on_an_amending_act_it_cannot_read(repo, old, new, message):
    path = repo / AMENDER
    mutate(path, old, new)
    out = run(repo, "check", "--today", TODAY)
    line = line_of(path, new.split("\n")[0]) if new.startswith("##") else 1
    got = assert_error(out, AMENDER, line, message)
    assert got.startswith(f"{AMENDER}:{line}: {message}")


# Editorial corrections for `zan import --corrections FILE`: the entries of a real act.yml.
CORRECTION = '- {find: "ж о л д а й д ы", replace: жолдайды, line: 158, reason: "letter-spaced"}\n'


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (CORRECTION.replace(', reason: "letter-spaced"', ""), 1, "[0].reason: missing (required)"),
        (
            CORRECTION.replace("line: 158", "line: '158'"),
            1,
            "[0].line: must be an integer, not '158'",
        ),
        (CORRECTION.replace("- {", "{"), 1, "(top level): must be a list, not a mapping"),
        (
            CORRECTION + CORRECTION.replace("find:", "find: x, find:"),
            2,
            "find: duplicate key (first at line 2)",
        ),
    ],
)
def test_import_with_bad_corrections(repo, text, line, message):
    (repo / "fix.yml").write_text(text, encoding="utf-8")
    src = str(repo.parent / "shared/sources/seeds/004_12eeafb54609fdfa.txt")
    out = run(repo, "import", src, "--lang", "kk", "--corrections", "fix.yml")
    assert assert_error(out, "fix.yml", line) == f"fix.yml:{line}: {message}"


CONSOLIDATE = (
    "consolidate",
    "corpus/Z000000107/before-Z070000262/kk.md",
    "amendments/Z070000262/kk.md",
    "--lang",
    "kk",
)


@pytest.mark.parametrize(
    ("rel", "old", "new", "line", "message"),
    [
        (
            A107,
            "adopted: 2000-11-27",
            "adopted: 2023-02-30",
            4,
            "adopted: not a date: '2023-02-30' (day is out of range for month)",
        ),
        (
            A262,
            "adopted: 2007-06-18",
            "adopted: 2007-02-30",
            4,
            "adopted: not a date: '2007-02-30' (day is out of range for month)",
        ),
        (
            A107,
            "status: in_force",
            "status: in_force\nstatus: repealed",
            15,
            "status: duplicate key (first at line 14)",
        ),
        (
            A262,
            "  kk: Қазақстан",
            "  kk: 262\n  xx: Қазақстан",
            12,
            "title.kk: must be a string, not 262",
        ),
    ],
)
def test_consolidate_reads_act_yml_as_the_validator_does(repo, rel, old, new, line, message):
    mutate(repo / rel, old, new)
    out = run(repo, *CONSOLIDATE)
    assert assert_error(out, rel, line) == f"{rel}:{line}: {message}"
