"""Acts that are not amending acts: a ratification law carrying a treaty (1814, 8480 of
benchmarks/realworld-sample/acts) is neither a traceback in the reader nor counted by
``zan grammar-report`` as instructions not read."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import REPO

from generator.cli import main
from generator.formulas.reader import NotRead, targets
from generator.formulas.report import acts_under, skipped_under
from generator.formulas.source import read_file
from generator.formulas.tokens import tokenize

ACTS = REPO / "benchmarks" / "realworld-sample" / "acts"
DEV = REPO.parent / "shared" / "realworld" / "amendments"


@pytest.mark.parametrize(
    ("path", "lang", "line", "sentence"),
    [
        # «в статье 5 …» named inside «1. Разрешения, … :» under a part named by its title
        ("1814/ru.md", "ru", 61, "1. Разрешения, указанные в статье 5 настоящего Соглашения"),
        ("8480/kk.md", "kk", 49, "(б) Жоғарыда жазылған (а) тармақшасының шарттарына"),
    ],
)
def test_a_treaty_read_as_text_has_no_traceback(path, lang, line, sentence):
    # these headers used to reach RANK with the "?" of a scope not read (KeyError: '?')
    res = read_file(str(ACTS / path), lang)[0]
    assert res.amender.operations == []
    (r,) = [r for r in res.readings if r.line == line]
    assert (r.kind, r.reason, r.sentence.startswith(sentence)) == ("scope", "", True)


def test_a_unit_inside_a_scope_not_read_is_not_read_with_its_reason():
    toks = [t for t in tokenize("в статье 5", "ru") if t.kind == "U"]
    with pytest.raises(NotRead, match=r"^a part named by its title$"):
        targets(toks, (("?", "a part named by its title"),), "ru")


def test_grammar_report_skips_acts_that_amend_nothing():
    dirs = [str(ACTS / "1814"), str(ACTS / "8480"), str(DEV / "3654")]
    res = CliRunner().invoke(main, ["grammar-report", *dirs])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[:7] == [
        "# Grammar report: 1 amending act(s)",
        "",
        "Skipped 2 folder(s) that are not amending acts (source.yml kind: 2 annexed): "
        "their text is a law, not instructions.",
        "",
        "| language | instructions | read | not read | read % | acts fully read | "
        "operations | no change in this language | provisions (no amendment) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        "| kk | 2 | 2 | 0 | 100.0 % | 1 / 1 (100.0 %) | 2 | 0 | 0 |",
    ]


def test_the_whole_sample_counts_its_amending_acts_only():
    # `zan grammar-report benchmarks/realworld-sample` reads amendments/ and skips acts/
    # (the amending acts: round 7a's 26166, 28242, 56574, 58062, round 7b's 63670,
    # 73338, 80654 and 94878, round 8's 2600, 9060, 14654, 16020, 20460, 24728, 28794 and
    # 49294, round 9's 25 held-out acts, fresh-round9.md, round 10's 14, fresh-round10.md,
    # round 11's 7, fresh-round11.md, round 12's 7 drawn at random, fresh-round12.md, and
    # round 13's 4 random acts (fresh-round13.md) add 4: 266; round 14's 4, fresh-round14.md:
    # 270; round 15's 4, fresh-round15.md: 274; round 16's 3, fresh-round16.md: 277; round
    # 17's 2, fresh-round17.md: 279)
    dirs = [str(ACTS.parent)]
    assert (len(acts_under(dirs)), sorted(skipped_under(dirs).items())) == (
        279,
        [("annexed", 65), ("code", 2), ("law", 21), ("ratification", 1)],
    )
