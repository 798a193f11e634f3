"""Robustness: the act an amending act cites is found, or the citation is reported (issue 11,
issue 12 item 5).

Each case mutates the real citation of the 2000 Law in Law No. 262 (kk «"Әкімшілік рәсімдер
туралы" 2000 жылғы 27 қарашадағы …», ru «от 27 ноября 2000 г. "Об административных
процедурах"», line 22 of each text). What real citations vary in (quote kinds, case,
Latin look-alikes, line breaks, a lost space) is an exact match: nothing to say, and the
consolidated text is the same. A date one day or one digit off, or a title one letter off,
is applied only because exactly one act fits, with a warning naming both spellings. A
citation near the act but further off is an error naming the nearest title.
"""

from __future__ import annotations

import shutil

import pytest
from harness import run
from unsourced import unsource

CATEGORY = "citations"

KK = 'Әкімшілік рәсімдер туралы" 2000 жылғы 27'
RU = 'от 27 ноября 2000 г. "Об административных процедурах"'
WHERE = "amendments/Z070000262/{lang}.md:22"
ACT_KK = "Z000000107 «Әкімшілік рәсімдер туралы» adopted 2000-11-27"
ACT_RU = "Z000000107 «Об административных процедурах» adopted 2000-11-27"
DATE = "(a date one day or one digit off)"
LETTER = "(the title one letter off)"


def warn(lang: str, title: str, date: str, why: str) -> str:
    act = ACT_KK if lang == "kk" else ACT_RU
    return (
        f"warning: {WHERE.format(lang=lang)}: inexact citation: cites «{title}» of {date}: "
        f"read as {act} {why}"
    )


def error(lang: str, title: str, date: str) -> str:
    act = ACT_KK if lang == "kk" else ACT_RU
    return (
        f"{WHERE.format(lang=lang)}: cites «{title}» of {date}: no act of the corpus has that "
        f"title and date; nearest: {act}"
    )


T_KK, T_RU = "Әкімшілік рәсімдер туралы", "Об административных процедурах"
# (language, the citation as mutated, expected: None = exact match, or the stderr line)
CASES = [
    # normalised: an exact match
    ("kk", "«Әкімшілік рәсімдер туралы» 2000 жылғы 27", None),
    ("kk", 'ӘКІМШІЛІК РӘСІМДЕР ТУРАЛЫ" 2000 жылғы 27', None),
    ("kk", 'Әкiмшiлiк рәсiмдер турaлы" 2000 жылғы 27', None),
    ("kk", 'Әкімшілік  рәсімдер\nтуралы" 2000 жылғы 27', None),
    ("kk", 'Әкімшілікрәсімдер туралы" 2000 жылғы 27', None),
    ("kk", 'Әкімшілік рәсімдер туралы"  2000  жылғы  27', None),
    ("ru", "от 27 ноября 2000 г. «Об административных процедурах»", None),
    ("ru", 'от 27 ноября 2000 г. "Обадминистративных процедурах"', None),
    ("ru", 'от 27 ноября 2000 г. "ОБ АДМИНИСТРАТИВНЫХ ПРОЦЕДУРАХ"', None),
    ("ru", 'от 27 ноября 2000 г. "Об aдминистративных прoцедурах"', None),
    ("ru", 'от 27 ноября 2000 г. "Об административных\nпроцедурах"', None),
    ("ru", "от 27 ноября 2000 г. “Об административных процедурах”", None),
    # one inexact step, one act fits: applied, with a warning naming both spellings
    ("kk", 'Әкімшілік рәсімдер туралы" 2000 жылғы 28', warn("kk", T_KK, "2000-11-28", DATE)),
    ("kk", 'Әкімшілік рәсімдер туралы" 2000 жылғы 26', warn("kk", T_KK, "2000-11-26", DATE)),
    ("kk", 'Әкімшілік рәсімдер туралы" 2001 жылғы 27', warn("kk", T_KK, "2001-11-27", DATE)),
    ("kk", 'Әкімшілік рәсімдер туралы" 2000 жылғы 17', warn("kk", T_KK, "2000-11-17", DATE)),
    (
        "kk",
        'Әкімшлік рәсімдер туралы" 2000 жылғы 27',
        warn("kk", "Әкімшлік рәсімдер туралы", "2000-11-27", LETTER),
    ),
    (
        "kk",
        'Әкімшілік рәсімдер тұралы" 2000 жылғы 27',
        warn("kk", "Әкімшілік рәсімдер тұралы", "2000-11-27", LETTER),
    ),
    (
        "kk",
        'Әкімшіліік рәсімдер туралы" 2000 жылғы 27',
        warn("kk", "Әкімшіліік рәсімдер туралы", "2000-11-27", LETTER),
    ),
    (
        "ru",
        'от 28 ноября 2000 г. "Об административных процедурах"',
        warn("ru", T_RU, "2000-11-28", DATE),
    ),
    (
        "ru",
        'от 27 ноября 2001 г. "Об административных процедурах"',
        warn("ru", T_RU, "2001-11-27", DATE),
    ),
    (
        "ru",
        'от 27 декабря 2000 г. "Об административных процедурах"',
        warn("ru", T_RU, "2000-12-27", DATE),
    ),
    (
        "ru",
        'от 27 ноября 2000 г. "Об административных процедуах"',
        warn("ru", "Об административных процедуах", "2000-11-27", LETTER),
    ),
    (
        "ru",
        'от 27 ноября 2000 г. "Об админстративных процедурах"',
        warn("ru", "Об админстративных процедурах", "2000-11-27", LETTER),
    ),
    # near the act but not one inexact step away: an error with the nearest title
    ("kk", 'Әкімшілік рәсімдер туралы" 1999 жылғы 27', error("kk", T_KK, "1999-11-27")),
    (
        "kk",
        'Әкімшлік рәсімдр туралы" 2000 жылғы 27',
        error("kk", "Әкімшлік рәсімдр туралы", "2000-11-27"),
    ),
    (
        "kk",
        'Әкімшлік рәсімдер туралы" 2000 жылғы 28',
        error("kk", "Әкімшлік рәсімдер туралы", "2000-11-28"),
    ),
    ("kk", 'Әкімшілік рәсімдер" 2000 жылғы 27', error("kk", "Әкімшілік рәсімдер", "2000-11-27")),
    (
        "ru",
        'от 27 ноября 1999 г. "Об административных процедурах"',
        error("ru", T_RU, "1999-11-27"),
    ),
    (
        "ru",
        'от 27 ноября 2000 г. "Об администартивных процедурах"',
        error("ru", "Об администартивных процедурах", "2000-11-27"),
    ),
    (
        "ru",
        'от 28 ноября 2000 г. "Об администратвных процедурах"',
        error("ru", "Об администратвных процедурах", "2000-11-28"),
    ),
    (
        "ru",
        'от 27 ноября 2000 г. "Об административных"',
        error("ru", "Об административных", "2000-11-27"),
    ),
]


def _mutate(repo, lang: str, new: str) -> None:
    path = repo / f"amendments/Z070000262/{lang}.md"
    old = KK if lang == "kk" else RU
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    unsource(path.parent)


def _citation_lines(out) -> list[str]:
    """stderr without the kk/ru comparison notes of `zan check`."""
    lines = out.error_lines()
    return [ln for ln in lines if "kk/ru differ" not in ln and not ln.startswith("  ")]


@pytest.mark.parametrize(
    ("lang", "new", "expected"),
    [pytest.param(*c, id=f"check-{c[0]}-{i}") for i, c in enumerate(CASES)],
)
def test_check_reports_the_citation(repo, lang, new, expected):
    _mutate(repo, lang, new)
    out = run(repo, "check")
    assert out.traceback is None, out.traceback
    if expected is None:
        assert out.exit_code == 0
        assert _citation_lines(out) == ["corpus OK"]
    elif expected.startswith("warning: "):
        assert out.exit_code == 0
        assert _citation_lines(out) == [expected, "corpus OK"]
    else:
        assert out.exit_code == 1
        assert _citation_lines(out) == [expected, "1 error(s)"]


BASE = "corpus/Z000000107/before-Z070000262/kk.md"
LAW = "amendments/Z070000262/kk.md"


@pytest.fixture
def reference(repo, tmp_path_factory):
    """The consolidated text of the unmutated Law 262 + 2000 Law (Kazakh)."""
    out = run(repo, "consolidate", BASE, LAW, "--lang", "kk")
    assert out.exit_code == 0
    return out.stdout


KK_CASES = [c for c in CASES if c[0] == "kk"]


@pytest.mark.parametrize(
    ("new", "expected"),
    [pytest.param(c[1], c[2], id=f"consolidate-{i}") for i, c in enumerate(KK_CASES)],
)
def test_consolidate_applies_or_reports(repo, reference, new, expected):
    """Exact and one-step matches give the same consolidated text; a near miss is an error
    naming the base act and nothing is written."""
    _mutate(repo, "kk", new)
    out = run(repo, "consolidate", BASE, LAW, "--lang", "kk", "-o", "out.txt")
    assert out.traceback is None, out.traceback
    if expected is None or expected.startswith("warning: "):
        assert out.exit_code == 0
        assert (repo / "out.txt").read_text(encoding="utf-8") == reference
        warnings = [ln for ln in out.error_lines() if ln.startswith("warning: ")]
        if expected is None:
            assert warnings == []
        else:  # consolidate names the act by its act.yml (no file line: the base is given)
            assert warnings == ["warning: " + expected.split(": inexact citation: ", 1)[1]]
        return
    assert out.exit_code == 1
    cited = expected.split(": cites ", 1)[1].split(": no act", 1)[0]
    title, date = cited[1:].split("» of ")
    assert out.error_lines() == [
        "Z070000262 does not amend «Әкімшілік рәсімдер туралы»: its instructions cite "
        f"«Нормативтік құқықтық актілер туралы» 1998-03-24, «{title}» {date}; cites {cited}: "
        f"no act of the corpus has that title and date; nearest: {ACT_KK}"
    ]
    assert not (repo / "out.txt").exists()


def test_build_strict_fails_on_an_inexact_citation(repo, tmp_path):
    _mutate(repo, "kk", 'Әкімшілік рәсімдер туралы" 2000 жылғы 28')
    site = tmp_path / "site"
    out = run(repo, "build", "--strict", "--out", str(site), "--no-search", "--today", "2026-12-01")
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert out.error_lines() == [
        "build failed; the previous site is untouched.",
        "--strict: " + warn("kk", T_KK, "2000-11-28", DATE)[len("warning: ") :],
    ]
    assert not site.exists()


def test_build_applies_an_inexact_citation_and_says_so(repo, tmp_path):
    """Without --strict the amendment applies, the build warns, and the amending act's page
    shows how the act was found."""
    _mutate(repo, "kk", 'Әкімшілік рәсімдер туралы" 2000 жылғы 28')
    site = tmp_path / "site"
    out = run(repo, "build", "--out", str(site), "--no-search", "--today", "2026-12-01")
    assert out.traceback is None, out.traceback
    assert out.exit_code == 0
    line = warn("kk", T_KK, "2000-11-28", DATE)
    assert line in out.error_lines()
    page = (site / "kk/amendments/Z070000262/index.html").read_text(encoding="utf-8")
    shown = line.split(": inexact citation: ", 1)[1].replace("«", "&laquo;").replace("»", "&raquo;")
    assert page.count("акт дәл емес сілтеме бойынша табылды") == 14
    assert shown in page or line.split(": inexact citation: ", 1)[1] in page
    assert (site / "kk/acts/Z000000107/Z070000262/index.html").exists()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "# Қазақстан Республикасының Заңы Әкімшілік рәсімдер туралы",
            "base.md: no act.yml: matched by title alone, the date is not checked",
        ),
        ("# ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ", None),
    ],
)
def test_a_header_line_is_not_the_title(repo, title, expected):
    """A bare base file: its title is its name, never the header line of its kind."""
    text = (repo / BASE).read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1].replace("# Әкімшілік рәсімдер туралы", title, 1)
    (repo / "base.md").write_text(body, encoding="utf-8")
    out = run(repo, "consolidate", "base.md", LAW, "--lang", "kk")
    assert out.traceback is None, out.traceback
    if expected is None:
        assert out.exit_code == 1
        assert out.error_lines() == [
            "base.md:1: no title: «ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ» is the header of the act's kind"
        ]
        return
    assert out.exit_code == 0
    assert out.error_lines()[0] == expected
    assert out.stdout.splitlines()[0] == "Қазақстан Республикасының Заңы Әкімшілік рәсімдер туралы"


def test_build_fails_on_a_citation_near_an_act_that_matches_none(repo, tmp_path):
    """The year 1999 for 2000: Law No. 262 would silently stop applying; the build fails
    naming the nearest act, and the previous site is untouched."""
    _mutate(repo, "kk", 'Әкімшілік рәсімдер туралы" 1999 жылғы 27')
    site = tmp_path / "site"
    out = run(repo, "build", "--out", str(site), "--no-search", "--today", "2026-12-01")
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert out.error_lines() == [
        "build failed; the previous site is untouched.",
        error("kk", T_KK, "1999-11-27"),
    ]
    assert not site.exists()


def test_an_inexact_citation_of_the_base_yields_to_an_exact_one_of_another_act(repo):
    """A second act of the same title adopted on 2000-11-28 (a copy of the 2000 Law's act.yml
    with its ID and date changed): Law No. 262 citing «2000 жылғы 28 қарашадағы» names that
    act exactly, so the 2000 Law is not amended and `zan consolidate` says which act it is."""
    shutil.copytree(repo / "corpus/Z000000107", repo / "corpus/Z000000108")
    yml = repo / "corpus/Z000000108/act.yml"
    text = yml.read_text(encoding="utf-8")
    text = text.replace("id: Z000000107", "id: Z000000108", 1)
    yml.write_text(text.replace("adopted: 2000-11-27", "adopted: 2000-11-28", 1), encoding="utf-8")
    _mutate(repo, "kk", 'Әкімшілік рәсімдер туралы" 2000 жылғы 28')
    out = run(repo, "consolidate", BASE, LAW, "--lang", "kk")
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert out.error_lines() == [
        "Z070000262 does not amend «Әкімшілік рәсімдер туралы»: its instructions cite "
        "«Нормативтік құқықтық актілер туралы» 1998-03-24, «Әкімшілік рәсімдер туралы» "
        "2000-11-28 (Z000000108)"
    ]
    out = run(repo, "check")
    assert [ln for ln in _citation_lines(out) if "inexact" in ln or "cites" in ln] == []
