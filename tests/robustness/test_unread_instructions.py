"""Robustness: an instruction zan cannot read is reported, never dropped (issue 11).

Each case mutates one real instruction of Law No. 262 (amendments/Z070000262/{kk,ru}.md)
or of the shared transfer case (../shared/sources/cases/transfer-2007-2009-98-IV, the
amending Law No. 98-IV) minimally — its verb negated, cut or mistyped with a Latin letter,
the sentence cut short — and asserts what `zan ops` says: the exact stderr (file, line,
reason, the sentence quoted), exit 1, and the operations it still read. A Latin look-alike
letter of the look-alike table in a verb is repaired, and the repair is reported (exit 0,
every operation read); a Latin letter the table does not list is not a repair.
"""

from __future__ import annotations

import json
import shutil

import pytest
from harness import REPO, SHARED, run
from unsourced import unsource

CATEGORY = "instructions"

LAW = "amendments/Z070000262/{lang}.md"
# Operations per instruction line of Law No. 262 (the same lines in both languages; the
# Kazakh text has two word substitutions the Russian one has not).
OPS = {
    "kk": {14: 2, 24: 1, 26: 4, 38: 2, 44: 2, 50: 1, 64: 1, 70: 2, 134: 1},
    "ru": {14: 2, 24: 1, 26: 4, 38: 1, 44: 1, 50: 1, 64: 1, 70: 2, 134: 1},
}


def _last(line: str, old: str, new: str) -> str:
    """``line`` with its last ``old`` replaced by ``new``."""
    a, b, c = line.rpartition(old)
    assert b, (old, line)
    return a + new + c


def mutations(lang: str, line: str) -> dict[str, str]:
    """The mutations of one instruction line (each a minimal change of the real line)."""
    if lang == "kk":
        verb = "жазылсын" if "жазылсын" in line else "толықтырылсын"
        out = {
            "negated": _last(line, verb, verb[:-3] + "масын"),
            "verb cut": line.rsplit(" ", 1)[0],
            "latin look-alike": _last(line, verb, verb.replace("о", "o").replace("а", "a", 1)),
            "latin, no look-alike": _last(line, verb, verb.replace("ы", "q", 1)),
        }
        if "мынадай" in line:
            out["cut short"] = line[: line.index("мынадай") + len("мынадай")]
        if "деген сөздер" in line:
            out["cut after words"] = line[: line.index("деген сөздер") + len("деген сөздер")]
        return out
    verb = "изложить" if "изложить" in line else "дополнить"
    out = {
        "negated": line.replace(verb, "не " + verb, 1),
        "verb cut": line.replace(verb, verb[:-2], 1),
        "latin look-alike": line.replace(verb, verb.replace("о", "o", 1), 1),
        "latin, no look-alike": line.replace(verb, verb.replace("ть", "tь"), 1),
        "cut short": line[: line.index(verb) + len(verb)],
    }
    if "словами" in line:
        out["cut after words"] = line[: line.index("словами") + len("словами")]
    return out


LOOKS = "looks like an instruction but was not read ({})"
NOFORM = "no action formula the grammar knows"
ORPHAN = "quoted new wording that no instruction takes"
REPAIR = "repair"
UNIT = LOOKS.format("names a unit")
UNIT_COLON = LOOKS.format("names a unit, a colon before quoted text")
UNIT_WORDS = LOOKS.format("names a unit, quotes words")
RU_VERB = LOOKS.format("names a unit, has an instruction verb, a colon before quoted text")
RU_WORDS = LOOKS.format("names a unit, quotes words, has an instruction verb")


QUOTED_FOLLOWS = "a quoted wording follows, but no formula says what to do with it"
# What the formula catalogue (generator/formulas) makes of a sentence it matches with no
# formula: the token codes it saw (U unit, UI unit in the instrumental, W an unknown word,
# CONTENT «мынадай мазмұндағы» / «следующего содержания», V a verb, NI a noun of words).
KK_CODES = {
    14: "U:art U:para CONTENT UI:subpara W :",
    26: "U:art CONTENT UI:para W :",
    38: "CONTENT UI:subpara W :",
    44: "CONTENT UI:subpara W :",
    50: "CONTENT UI:art W :",
    64: "U:art U:para CONTENT UI:al_part W :",
    70: "CONTENT UI:art W :",
}
RU_CODES = {
    14: "U:para U:art W UI:subpara CONTENT :",
    26: "U:art W UI:para CONTENT :",
    38: "U:para U:art W UI:subpara CONTENT :",
    44: "U:art W UI:subpara CONTENT :",
    50: "W UI:art CONTENT :",
    64: "U:para U:art W UI:al_part CONTENT :",
    70: "W UI:art CONTENT :",
}
RU_CUT = {
    14: "U:para U:art V:insert",
    24: "U:preamble V:insert",
    26: "U:art V:insert",
    38: "U:para U:art V:insert",
    44: "U:art V:insert",
    50: "V:insert",
    64: "U:para U:art V:insert",
    70: "V:insert",
}


def _expected(lang: str, n: int, kind: str) -> str:
    """The reason zan must give for a mutation: what instruction_shape says of a sentence
    the reader takes for no instruction, or what the formula catalogue says of one it
    cannot match (never nothing)."""
    if kind == "latin look-alike":
        return REPAIR
    if kind == "negated":
        return "a negated instruction verb ({})".format(
            "«жазылма»"
            if lang == "kk" and n == 134
            else "«толықтырылма»"
            if lang == "kk"
            else "«не изложить»"
            if n == 134
            else "«не дополнить»"
        )
    if lang == "kk":
        if kind == "cut after words":
            return UNIT_WORDS
        if (
            n in (38, 44) and kind == "verb cut"
        ):  # «… ауыстырылып, мынадай мазмұндағы 7) тармақшамен»
            return "no formula: CONTENT UI:subpara"
        if n in (38, 44) and kind == "cut short":
            return "no formula: W"
        if kind == "verb cut":
            return UNIT_WORDS if n == 24 else UNIT
        if kind == "latin, no look-alike":
            if n == 24:
                return UNIT_WORDS
            return QUOTED_FOLLOWS if n == 134 else f"no formula: {KK_CODES[n]}"
        # cut short after «мынадай»: with no unit named, its quoted wording is what is left
        return ORPHAN if n in (50, 70) else UNIT
    if kind == "cut after words":
        return "no formula: U:preamble V:insert NI"
    if kind == "cut short":
        return (
            LOOKS.format("names a unit, has an instruction verb")
            if n == 134
            else (f"no formula: {RU_CUT[n]}")
        )
    if n == 24:
        return RU_WORDS
    return QUOTED_FOLLOWS if n == 134 else f"no formula: {RU_CODES[n]}"


CASES = []
for _lang in ("kk", "ru"):
    _src = (REPO / LAW.format(lang=_lang)).read_text(encoding="utf-8").splitlines()
    for _n in OPS[_lang]:
        for _kind, _new in mutations(_lang, _src[_n - 1]).items():
            CASES.append(pytest.param(_lang, _n, _kind, _new, id=f"262-{_lang}-{_n}-{_kind}"))


@pytest.mark.parametrize(("lang", "n", "kind", "new"), CASES)
def test_law_262_instruction_mutated(repo, lang, n, kind, new):
    rel = LAW.format(lang=lang)
    path = repo / rel
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[n - 1] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run(repo, "ops", rel, "--lang", lang, "--format", "json")
    assert out.traceback is None, out.traceback
    total = sum(OPS[lang].values())
    reason = _expected(lang, n, kind)
    if reason == REPAIR:
        old = next(w for w in new.split() if any(c in "oa" for c in w)).rstrip(":;")
        fixed = old.replace("o", "о").replace("a", "а")
        assert out.exit_code == 0
        assert out.error_lines() == [
            f"{rel}:{n}: repaired: «{old}» read as «{fixed}» (Latin look-alike letters)",
            f"{total} operation(s)",
        ]
        assert len(json.loads(out.stdout)) == total
        return
    left = total - OPS[lang][n]
    assert out.exit_code == 1
    assert out.error_lines() == [
        f"{rel}:{n}: instruction not read: {reason}: «{new}»",
        f"{left} operation(s)",
    ]
    assert len(json.loads(out.stdout)) == left  # what it read is still printed


TRANSFER = SHARED / "sources/cases/transfer-2007-2009-98-IV"
TRANSFER_CASES = [
    ("kk", "жазылсын:", "жазылмасын:", "a negated instruction verb («жазылма»)"),
    ("kk", " мынадай редакцияда жазылсын:", " мынадай", UNIT),
    ("kk", " жазылсын:", "", UNIT),
    ("kk", "жазылсын:", "жазqлсын:", QUOTED_FOLLOWS),
    ("kk", "жазылсын:", "жaзылсын:", REPAIR),
    ("ru", "изложить", "не изложить", "a negated instruction verb («не изложить»)"),
    ("ru", "изложить", "изложи", QUOTED_FOLLOWS),
    (
        "ru",
        " изложить в следующей редакции:",
        " изложить",
        LOOKS.format("names a unit, has an instruction verb"),
    ),
    ("ru", "абзац четвертый статьи 1 изложить", "абзац четвертый статьи 1", QUOTED_FOLLOWS),
    ("ru", "изложить", "излoжить", REPAIR),
]


@pytest.mark.parametrize(
    ("lang", "old", "new", "reason"),
    [pytest.param(*c, id=f"98-IV-{c[0]}-{i}") for i, c in enumerate(TRANSFER_CASES)],
)
def test_transfer_case_instruction_mutated(repo, lang, old, new, reason):
    """A raw official text: the error names the raw file's own line (5), not its import's."""
    rel = f"amender-1.{lang}.md"
    path = repo / rel
    shutil.copy(TRANSFER / rel, path)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    sentence = path.read_text(encoding="utf-8").splitlines()[4]
    out = run(repo, "ops", rel, "--lang", lang, "--format", "json")
    assert out.traceback is None, out.traceback
    if reason == REPAIR:  # the importer repairs a raw text and says so
        assert out.exit_code == 0
        word = "жaзылсын" if lang == "kk" else "излoжить"
        fixed = word.replace("a", "а").replace("o", "о")
        assert f"  latin: 1 (line 5: '{word}' → '{fixed}')" in out.error_lines()
        assert out.error_lines()[-1] == "1 operation(s)"
        assert [o["target"] for o in json.loads(out.stdout)] == ["art_1__al_4"]
        return
    assert out.exit_code == 1
    assert out.error_lines()[-2:] == [
        f"{rel}:5: instruction not read: {reason}: «{sentence.strip()}»",
        "0 operation(s)",
    ]
    assert json.loads(out.stdout) == []


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("8) 23-бап мынадай редакцияда жазылсын:", "8) 23-бап мынадай", UNIT),
        (
            "редакцияда жазылсын:",
            "редакцияда жазылмасын:",
            "a negated instruction verb («жазылма»)",
        ),
        (
            "2-5-тармақтармен толықтырылсын:",
            "2-5-тармақтармен толqқтырылсын:",
            "no formula: U:art CONTENT UI:para W :",
        ),
        (
            'деген сөздер "органдарының;" деген сөзбен ауыстырылып, мынадай мазмұндағы 7) '
            "тармақшамен толықтырылсын:",
            "деген сөздер",
            UNIT_WORDS,
        ),
    ],
)
def test_consolidate_writes_nothing_when_an_instruction_is_not_read(repo, old, new, reason):
    """`zan consolidate -o` exits 1 with the report and writes nothing (DESIGN.md)."""
    rel = LAW.format(lang="kk")
    text = (repo / rel).read_text(encoding="utf-8")
    assert text.count(old) == 1
    (repo / rel).write_text(text.replace(old, new), encoding="utf-8")
    n = next(i for i, ln in enumerate(text.splitlines(), 1) if old in ln)
    sentence = (repo / rel).read_text(encoding="utf-8").splitlines()[n - 1]
    base = "corpus/Z000000107/before-Z070000262/kk.md"
    out = run(repo, "consolidate", base, rel, "--lang", "kk", "-o", "out.txt")
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert out.error_lines() == [f"{rel}:{n}: instruction not understood: {reason}: «{sentence}»"]
    assert not (repo / "out.txt").exists()


def test_build_fails_with_the_instruction_not_read(repo, tmp_path):
    """`zan build` fails with the error (until outstanding effects are published)."""
    rel = LAW.format(lang="kk")
    text = (repo / rel).read_text(encoding="utf-8")
    (repo / rel).write_text(
        text.replace("8) 23-бап мынадай редакцияда жазылсын:", "8) 23-бап мынадай")
    )
    unsource((repo / rel).parent)
    out = run(
        repo, "build", "--out", str(tmp_path / "site"), "--no-search", "--today", "2026-12-01"
    )
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert out.error_lines() == [
        "build failed; the previous site is untouched.",
        "1 error(s) in the corpus (zan check):",
        f"{rel}:134: instruction not understood: {UNIT}: «8) 23-бап мынадай»",
    ]
    assert not (tmp_path / "site").exists()


def test_a_repaired_instruction_is_a_warning_and_fails_a_strict_build(repo, tmp_path):
    rel = LAW.format(lang="kk")
    text = (repo / rel).read_text(encoding="utf-8")
    old = "2-5-тармақтармен толықтырылсын:"
    (repo / rel).write_text(text.replace(old, "2-5-тармақтармен тoлықтырылсын:"), encoding="utf-8")
    unsource((repo / rel).parent)
    repair = (
        f"{rel}:26: repaired: «тoлықтырылсын» read as «толықтырылсын» (Latin look-alike letters)"
    )
    out = run(repo, "check")
    assert out.exit_code == 0
    assert f"warning: {repair}" in out.error_lines()
    site = tmp_path / "site"
    out = run(repo, "build", "--strict", "--out", str(site), "--no-search", "--today", "2026-12-01")
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert out.error_lines() == [
        "build failed; the previous site is untouched.",
        f"--strict: {repair}",
    ]
    assert not site.exists()


def test_check_reports_an_instruction_not_read(repo):
    """`zan check` says what `zan build` would fail on, with no traceback."""
    rel = LAW.format(lang="ru")
    text = (repo / rel).read_text(encoding="utf-8")
    old = "8) статью 23 изложить в следующей редакции:"
    (repo / rel).write_text(text.replace(old, "8) статью 23 изложи в следующей редакции:"))
    unsource((repo / rel).parent)
    out = run(repo, "check")
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert out.error_lines() == [
        f"{rel}:134: instruction not understood: {QUOTED_FOLLOWS}: "
        "«8) статью 23 изложи в следующей редакции:»",
        "1 error(s)",
    ]
