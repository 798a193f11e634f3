"""Robustness: stored texts tied to their bytes. Every stored text of the corpus (corpus/,
amendments/, drafts/, examples/drafts/) damaged as a careless edit or a bad copy would damage
it — a NUL byte, a byte that is not UTF-8, a UTF-16 copy, a byte-order mark, a cut file, a
subpoint deleted by hand, a hand edit that act.yml's `text_sha256` was changed to vouch for —
gives one exact error line; so do a source file that is missing or has other bytes.
"""

from __future__ import annotations

import hashlib
import re

import pytest
import yaml
from harness import REPO, assert_error, run

CATEGORY = "stored texts"

TEXTS = sorted(
    str(p.relative_to(REPO))
    for top in ("corpus", "amendments", "drafts", "examples/drafts")
    for p in (REPO / top).rglob("*.md")
    if p.name in ("kk.md", "ru.md")
)
SOURCED = [t for t in TEXTS if not t.startswith("examples/")]


def _yml_of(rel: str) -> str:
    parts = rel.split("/")
    return "/".join(parts[:2] if rel.startswith("corpus/") else parts[:-1]) + "/act.yml"


def _body_line(path) -> int:
    """The line of the first paragraph of the text after its title (a real sentence)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    title = next(i for i, s in enumerate(lines) if s.startswith("# "))
    return next(i for i in range(title + 1, len(lines)) if lines[i] and lines[i][0] != "#") + 1


def _sentence_line(path) -> int:
    """The line of the first paragraph of at least four words after the title."""
    lines = path.read_text(encoding="utf-8").splitlines()
    title = next(i for i, s in enumerate(lines) if s.startswith("# "))
    return next(
        i + 1
        for i in range(title + 1, len(lines))
        if lines[i][:1] not in ("", "#", ">") and len(lines[i].split()) >= 4
    )


def _sha_error(repo, rel: str) -> str:
    got = hashlib.sha256((repo / rel).read_bytes()).hexdigest()
    want = hashlib.sha256((REPO / rel).read_bytes()).hexdigest()
    return (
        f"{rel}:0: stored text has SHA-256 {got}, act.yml records {want} (edited or truncated "
        "by hand? record the change as an editorial correction and run zan reimport)"
    )


@pytest.mark.parametrize("rel", TEXTS)
def test_a_nul_byte_names_file_and_line(repo, rel):
    path = repo / rel
    line = _body_line(path)
    lines = path.read_bytes().split(b"\n")
    lines[line - 1] = lines[line - 1][:6] + b"\x00" + lines[line - 1][6:]
    path.write_bytes(b"\n".join(lines))
    out = run(repo, "check")
    got = assert_error(out, rel, line)
    assert got == f"{rel}:{line}: NUL byte (the file is binary or UTF-16, not UTF-8 text)"


@pytest.mark.parametrize("rel", TEXTS)
def test_a_byte_that_is_not_utf8_names_file_line_and_column(repo, rel):
    path = repo / rel
    line = _body_line(path)
    lines = path.read_bytes().split(b"\n")
    lines[line - 1] = b"\xff" + lines[line - 1]
    path.write_bytes(b"\n".join(lines))
    out = run(repo, "check")
    assert assert_error(out, rel, line) == f"{rel}:{line}: not valid UTF-8 (byte 0xff at column 1)"


@pytest.mark.parametrize("rel", TEXTS)
def test_a_cyrillic_letter_cut_in_half_is_not_replaced_by_u_fffd(repo, rel):
    path = repo / rel
    raw = path.read_bytes()
    at = next(m.start() for m in re.finditer(rb"[\xd0-\xd3][\x80-\xbf]", raw))
    path.write_bytes(raw[: at + 1] + raw[at + 2 :])  # the first byte of a letter kept alone
    line = raw.count(b"\n", 0, at) + 1
    col = at - (raw.rfind(b"\n", 0, at) + 1) + 1
    out = run(repo, "check")
    got = assert_error(out, rel, line)
    assert got == f"{rel}:{line}: not valid UTF-8 (byte 0x{raw[at]:02x} at column {col})"


@pytest.mark.parametrize("rel", TEXTS)
def test_a_utf16_copy_is_one_error(repo, rel):
    path = repo / rel
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    out = run(repo, "check")
    assert assert_error(out, rel, 1) == f"{rel}:1: UTF-16 byte-order mark (corpus files are UTF-8)"


@pytest.mark.parametrize("rel", TEXTS)
def test_a_utf16_copy_without_bom_is_a_nul_byte(repo, rel):
    path = repo / rel
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    out = run(repo, "check")
    got = assert_error(out, rel, 1)
    assert got == f"{rel}:1: NUL byte (the file is binary or UTF-16, not UTF-8 text)"


@pytest.mark.parametrize("rel", TEXTS)
def test_a_utf8_bom_is_one_error(repo, rel):
    path = repo / rel
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    out = run(repo, "check")
    got = assert_error(out, rel, 1)
    assert got == f"{rel}:1: UTF-8 byte-order mark (corpus files are UTF-8 without one)"


@pytest.mark.parametrize("rel", TEXTS)
def test_a_truncated_text_is_a_sha256_error(repo, rel):
    path = repo / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    # Cut after the last complete paragraph of the first half: a file that still parses.
    half = len(lines) // 2
    while lines[half]:
        half -= 1
    path.write_text("\n".join(lines[:half]) + "\n", encoding="utf-8")
    out = run(repo, "check")
    assert assert_error(out, rel, 0) == _sha_error(repo, rel)


@pytest.mark.parametrize("rel", TEXTS)
def test_a_paragraph_deleted_by_hand_is_a_sha256_error(repo, rel):
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    line = _body_line(path)
    lines = text.split("\n")
    del lines[line - 1 : line + 1]
    path.write_text("\n".join(lines), encoding="utf-8")
    out = run(repo, "check")
    assert assert_error(out, rel, 0) == _sha_error(repo, rel)


@pytest.mark.parametrize("rel", SOURCED)
def test_a_hand_edit_vouched_for_by_a_new_text_sha256_is_still_an_error(repo, rel):
    path = repo / rel
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    # One word of a real sentence dropped, as a hand edit would: the stored text parses.
    line = _sentence_line(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    words = lines[line - 1].split(" ")
    lines[line - 1] = " ".join(words[:2] + words[3:])
    path.write_text("\n".join(lines), encoding="utf-8")
    after = hashlib.sha256(path.read_bytes()).hexdigest()
    yml = repo / _yml_of(rel)
    yml.write_text(yml.read_text(encoding="utf-8").replace(before, after), encoding="utf-8")
    meta = yaml.safe_load(yml.read_text(encoding="utf-8"))
    lang = rel[-5:-3]
    srcs = (
        next(e for e in meta["editions"] if e["id"] == rel.split("/")[2])["sources"]
        if "editions" in meta
        else meta["sources"]
    )
    out = run(repo, "check")
    got = assert_error(out, rel, 0)
    assert got == (
        f"{rel}:0: stored text is not the text regenerated from {srcs[lang]['file']} "
        f"(SHA-256 {before}; act.yml records {after}): record the change as an editorial "
        "correction and run zan reimport"
    )


def _source_lines(yml_rel: str) -> list[tuple[int, str, str]]:
    """(line, field path, the line) of each `file:` line of a source in an act.yml."""
    path = REPO / yml_rel
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    fields = []
    for i, ed in enumerate(meta.get("editions") or []):
        fields += [f"editions[{i}].sources.{lang}.file" for lang in sorted(ed.get("sources", {}))]
    fields += [f"sources.{lang}.file" for lang in sorted(meta.get("sources") or {})]
    lines = [
        (n, s)
        for n, s in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"\s+file: \.\./shared/", s)
    ]
    return [(n, f, s) for (n, s), f in zip(lines, fields, strict=True)]


SOURCES = [
    (yml, n, field, s)
    for yml in sorted({_yml_of(t) for t in SOURCED})
    for n, field, s in _source_lines(yml)
]


@pytest.mark.parametrize(("yml", "line", "field", "text"), SOURCES)
def test_a_missing_source_file_is_an_error(repo, yml, line, field, text):
    path = repo / yml
    name = text.split("file: ", 1)[1]
    gone = name.replace(".txt", ".gone.txt").replace(".md", ".gone.md")
    path.write_text(path.read_text(encoding="utf-8").replace(name, gone), encoding="utf-8")
    out = run(repo, "check")
    got = assert_error(out, yml, line, field)
    assert got == f"{yml}:{line}: {field}: source file {gone} not found"


@pytest.mark.parametrize(("yml", "line", "field", "text"), SOURCES)
def test_a_source_with_other_bytes_is_an_error(repo, yml, line, field, text):
    path = repo / yml
    lines = path.read_text(encoding="utf-8").split("\n")
    old = lines[line].split("sha256: ", 1)[1]  # the line after `file:`
    new = hashlib.sha256(old.encode()).hexdigest()
    lines[line] = lines[line].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    out = run(repo, "check")
    got = assert_error(out, yml, line, field)
    assert (
        got
        == f"{yml}:{line}: {field}: {text.split('file: ', 1)[1]} has SHA-256 {old}, act.yml says {new}"
    )


@pytest.mark.parametrize("yml", sorted({_yml_of(t) for t in TEXTS}))
def test_a_nul_byte_in_act_yml_names_its_line(repo, yml):
    path = repo / yml
    raw = path.read_bytes()
    at = raw.index(b"\nstatus: ") + 1
    path.write_bytes(raw[:at] + b"\x00" + raw[at:])
    line = raw.count(b"\n", 0, at) + 1
    out = run(repo, "check")
    got = assert_error(out, yml, line)
    assert got == f"{yml}:{line}: NUL byte (the file is binary or UTF-16, not UTF-8 text)"


@pytest.mark.parametrize("folder", ["examples/drafts/EX1300000845", "examples/drafts/EX1300008549"])
def test_a_text_without_source_still_records_its_sha256(repo, folder):
    yml = repo / folder / "act.yml"
    text = yml.read_text(encoding="utf-8")
    cut = text.index("text_sha256:")
    yml.write_text(text[:cut], encoding="utf-8")
    digest = hashlib.sha256((repo / folder / "kk.md").read_bytes()).hexdigest()
    line = next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("id: "))
    out = run(repo, "check")
    got = assert_error(out, f"{folder}/act.yml", line, "text_sha256.kk")
    assert got == (
        f"{folder}/act.yml:{line}: text_sha256.kk: missing (kk.md has no recorded SHA-256; it has "
        f"{digest})"
    )
