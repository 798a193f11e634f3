"""Robustness: every field of every act.yml of the corpus, mutated to a bad value, gives one
exact error line naming file, line and field (generator/schemas/, generator/schema.py).

Cases are generated from the real act.yml files of this repository: for each file, each
field it has is given a value of the wrong kind (a number for a title, a string for a
boolean, an impossible or future date, a list for a mapping, an unknown enum value …).
"""

from __future__ import annotations

import re

import pytest
from harness import REPO, assert_error, run

CATEGORY = "yaml fields"

TODAY = "2026-11-21"
ACTS = sorted(str(p.relative_to(REPO)) for p in (REPO / "corpus").glob("*/act.yml"))
AMENDERS = sorted(str(p.relative_to(REPO)) for p in (REPO / "amendments").glob("*/act.yml"))
DRAFTS = sorted(str(p.relative_to(REPO)) for p in REPO.glob("*drafts/*/act.yml")) + sorted(
    str(p.relative_to(REPO)) for p in REPO.glob("examples/drafts/*/act.yml")
)
ALL = ACTS + AMENDERS + DRAFTS


TITLE_KK = r"(?<=^title:\n)  kk: "  # the kk title: the line after «title:»


def _line(rel: str, pattern: str) -> tuple[int, str]:
    """(1-based line, the line) of the first line of a real file matching ``pattern``."""
    for n, text in enumerate((REPO / rel).read_text(encoding="utf-8").splitlines(), 1):
        if re.search(pattern, text):
            return n, text
    raise LookupError(pattern)


def _has(rel: str, pattern: str) -> bool:
    try:
        _line(rel, pattern)
    except LookupError:
        return False
    return True


def _first_source_path(rel: str) -> str:
    """The field path of the first source entry of a file (acts: in editions[0])."""
    text = (REPO / rel).read_text(encoding="utf-8")
    lang = re.search(r"\n\s*sources:\n\s+(kk|ru):", text)[1]
    return f"editions[0].sources.{lang}" if rel.startswith("corpus/") else f"sources.{lang}"


def _first_text_sha(rel: str) -> str:
    """The `text_sha256` the file records first (the hash of its first stored text)."""
    return _line(rel, r"^\s+text_sha256: ")[1].split(": ")[1]


def _cases():
    """(case id, file, line pattern, new line (None: deleted), expected field, message)."""
    for rel in ALL:
        name = rel.split("/")[-2]
        kinds = (
            "law, code, decree, order, resolution"
            if rel not in DRAFTS
            else "draft_law, draft_bylaw"
        )
        yield (
            f"{name}-type",
            rel,
            r"^type: ",
            "type: statute",
            "type",
            (f"'statute' is not one of {kinds}"),
        )
        yield (
            f"{name}-type-list",
            rel,
            r"^type: ",
            "type: [law]",
            "type",
            (f"['law'] is not one of {kinds}"),
        )
        statuses = "draft, adopted_draft" if rel in DRAFTS else "in_force, repealed, not_in_force"
        yield (
            f"{name}-status",
            rel,
            r"^status: ",
            "status: valid",
            "status",
            (f"'valid' is not one of {statuses}"),
        )
        yield (
            f"{name}-status-bool",
            rel,
            r"^status: ",
            "status: yes",
            "status",
            (f"True is not one of {statuses}"),
        )
        yield (
            f"{name}-id-lower",
            rel,
            r"^id: ",
            f"id: {name.lower()}",
            "id",
            (f"not an act ID (^[A-Z][A-Z0-9]{{5,19}}$): '{name.lower()}'"),
        )
        yield (
            f"{name}-id-other",
            rel,
            r"^id: ",
            "id: Z9999999999",
            "id",
            (f"'Z9999999999' does not match the folder '{name}'"),
        )
        yield (
            f"{name}-title-number",
            rel,
            TITLE_KK,
            "  kk: 88",
            "title.kk",
            ("must be a string, not 88"),
        )
        yield f"{name}-title-empty", rel, TITLE_KK, "  kk: ''", "title.kk", "must not be empty"
        yield (
            f"{name}-title-list",
            rel,
            r"^title:",
            "title: [a, b]",
            "title",
            ("must be a mapping, not a list"),
        )
        yield (
            f"{name}-unknown-field",
            rel,
            r"^status: ",
            "statu: in_force",
            "statu",
            ("unknown field"),
        )
        if _has(rel, r"^adopted: "):
            yield (
                f"{name}-adopted-feb30",
                rel,
                r"^adopted: ",
                "adopted: 2023-02-30",
                "adopted",
                ("not a date: '2023-02-30' (day is out of range for month)"),
            )
            yield (
                f"{name}-adopted-future",
                rel,
                r"^adopted: ",
                "adopted: 2099-11-27",
                "adopted",
                (f"2099-11-27 is after today ({TODAY}, --today)"),
            )
            yield (
                f"{name}-adopted-dotted",
                rel,
                r"^adopted: ",
                "adopted: 27.11.2000",
                "adopted",
                (
                    "not a date: '27.11.2000' (expected YYYY-MM-DD, 'after D', 'before D', "
                    "'between D1 and D2' or 'unknown')"
                ),
            )
            yield (
                f"{name}-adopted-number",
                rel,
                r"^adopted: ",
                "adopted: 2000",
                "adopted",
                ("not a date: 2000"),
            )
        if _has(rel, r"^\s+sha256: "):
            src = _first_source_path(rel)
            ind = _line(rel, r"^\s+sha256: ")[1].split("sha256")[0]
            yield (
                f"{name}-sha256",
                rel,
                r"^\s+sha256: ",
                f"{ind}sha256: abc",
                f"{src}.sha256",
                ("not a SHA-256 (64 lowercase hex digits): 'abc'"),
            )
            yield (
                f"{name}-source-file",
                rel,
                r"^\s+file: ",
                f"{ind}file: /etc/passwd",
                (f"{src}.file"),
                "not a file under ../shared/sources/: '/etc/passwd'",
            )
            yield (
                f"{name}-source-up",
                rel,
                r"^\s+file: ",
                (f"{ind}file: ../shared/sources/../../x.txt"),
                f"{src}.file",
                "not a file under ../shared/sources/: '../shared/sources/../../x.txt'",
            )
            yield (
                f"{name}-text-sha-gone",
                rel,
                r"^\s+text_sha256: ",
                None,
                (f"{src}.text_sha256"),
                f"missing (required; the stored {src[-2:]}.md has {_first_text_sha(rel)})",
            )
            yield (
                f"{name}-source-extra",
                rel,
                r"^\s+sha256: ",
                f"{ind}sha265: abc",
                (f"{src}.sha265"),
                "unknown field",
            )
        if _has(rel, r"^    languages: "):
            yield (
                f"{name}-languages-str",
                rel,
                r"^    languages: ",
                "    languages: kk",
                ("editions[0].languages"),
                "must be a list, not 'kk'",
            )
            yield (
                f"{name}-languages-xx",
                rel,
                r"^    languages: ",
                "    languages: [en]",
                ("editions[0].languages[0]"),
                "'en' is not one of kk, ru",
            )
            yield (
                f"{name}-edition-date",
                rel,
                r"^    date: ",
                "    date: 2013-13-01",
                ("editions[0].date"),
                "not a date: '2013-13-01' (month must be in 1..12)",
            )
            yield (
                f"{name}-edition-id-path",
                rel,
                r"^  - id: ",
                "  - id: ../../etc",
                ("editions[0].id"),
                "not an edition ID (^[A-Za-z0-9][A-Za-z0-9-]{0,63}$): '../../etc'",
            )
            yield (
                f"{name}-editions-null",
                rel,
                r"^editions:",
                "editions: null",
                "editions",
                ("must be a list, not null"),
            )
            yield (
                f"{name}-editions-empty",
                rel,
                r"^editions:",
                "editions: []",
                "editions",
                ("must not be empty"),
            )


CASES = list(_cases())


def _mutate(path, pattern: str, new: str | None) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    if pattern == TITLE_KK:
        n = next(i for i, s in enumerate(lines) if s == "title:") + 1
        assert lines[n].startswith("  kk: ")
    else:
        n = next(i for i, s in enumerate(lines) if re.search(pattern, s))
    if new is None:
        del lines[n]
    else:
        lines[n] = new
    if pattern in (r"^title:", r"^editions:") and new is not None:
        # The block under the key goes with it.
        k = n + 1
        while k < len(lines) and (lines[k].startswith(" ") or lines[k].startswith("#")):
            k += 1
        del lines[n + 1 : k]
    path.write_text("\n".join(lines), encoding="utf-8")
    return n + 1


@pytest.mark.parametrize(
    ("rel", "pattern", "new", "field", "message"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_a_bad_field_is_one_exact_error(repo, rel, pattern, new, field, message):
    line = _mutate(repo / rel, pattern, new)
    if new is None:  # a deleted line: the error is at the mapping that lacks it
        line -= 3  # the language's key: file, sha256, text_sha256 under it
    out = run(repo, "check", "--today", TODAY)
    got = assert_error(out, rel, line, field)
    assert got == f"{rel}:{line}: {field}: {message}"


def test_the_cases_are_many():
    assert len(CASES) >= 150


@pytest.mark.parametrize("rel", [d for d in DRAFTS if d.startswith("examples/")])
def test_an_example_not_marked_as_one(repo, rel):
    path = repo / rel
    path.write_text(path.read_text(encoding="utf-8").replace("example: true\n", ""), "utf-8")
    out = run(repo, "check", "--today", TODAY)
    got = assert_error(out, rel, 1, "example")
    assert got == f"{rel}:1: example: an example must say `example: true`"


@pytest.mark.parametrize("rel", ALL)
def test_an_act_folder_without_act_yml(repo, rel):
    (repo / rel).unlink()
    out = run(repo, "check", "--today", TODAY)
    assert assert_error(out, rel, 0) == f"{rel}:0: missing act.yml"


@pytest.mark.parametrize("rel", ACTS + AMENDERS)
def test_an_act_folder_whose_name_is_no_act_id(repo, rel):
    folder = (repo / rel).parent
    bad = folder.with_name(folder.name.lower())
    folder.rename(bad)
    top = rel.split("/")[0]
    out = run(repo, "check", "--today", TODAY)
    got = assert_error(out, f"{top}/{bad.name}", 0)
    assert got == (
        f"{top}/{bad.name}:0: folder name {bad.name!r} is not an act ID (^[A-Z][A-Z0-9]{{5,19}}$)"
    )


BOMB = "lol: &a [x, x, x, x, x, x, x, x, x]\nlol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"


@pytest.mark.parametrize("rel", ALL)
def test_yaml_aliases_are_refused(repo, rel):
    path = repo / rel
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + BOMB, encoding="utf-8")
    line = text.count("\n") + 2
    out = run(repo, "check", "--today", TODAY)
    got = assert_error(out, rel, line)
    assert got == f"{rel}:{line}: YAML aliases (&anchor / *alias) are not allowed"
