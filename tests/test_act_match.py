"""Citations matched to acts (generator/act_match.py) on the real titles and dates of the
corpus (corpus/*/act.yml) and of Law No. 262's citations; a second act with the same title
is a copy of a real act.yml with its adoption date changed (a mutation, to see the date
choose)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from generator.act_match import act_title, date_slip, match_act, title_key

REPO = Path(__file__).resolve().parents[1]


def meta(act_id: str) -> dict:
    return yaml.safe_load((REPO / "corpus" / act_id / "act.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, dict]]:
    return [(p.name, meta(p.name)) for p in sorted((REPO / "corpus").iterdir()) if p.is_dir()]


TRANSFER = (
    "О гарантированном трансферте из Национального фонда Республики Казахстан на 2007-2009 годы"
)


@pytest.mark.parametrize(
    "variant",
    [
        TRANSFER.replace("2007-2009", "2007 - 2009"),
        TRANSFER.replace("2007-2009", "2007–2009"),
        TRANSFER.replace("2007-2009", "2007 —2009"),
        TRANSFER.upper(),
        TRANSFER.replace(" из ", "\nиз "),
        TRANSFER.replace("О гарантированном", "Огарантированном"),
        TRANSFER.replace("Казахстан", "Kaзахстан"),  # Latin K and a
        f"«{TRANSFER}»",
        f'"{TRANSFER}."',
    ],
)
def test_what_real_citations_vary_in_is_folded_away(variant):
    assert title_key(variant) == title_key(TRANSFER)


def test_a_dropped_letter_is_not_folded_away():
    assert title_key(TRANSFER.replace("Национального", "Национаьного")) != title_key(TRANSFER)


def test_the_header_line_is_no_title():
    # seed 002's heading line «ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ Мемлекеттік қызметтер көрсету туралы»
    assert act_title("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ Мемлекеттік қызметтер көрсету туралы") == (
        "Мемлекеттік қызметтер көрсету туралы"
    )
    assert act_title("ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН") == ""
    assert act_title("Қазақстан Республикасының Заңына өзгерістер енгізу туралы") == (
        "Қазақстан Республикасының Заңына өзгерістер енгізу туралы"
    )


def test_law_262_citations_match_exactly(corpus):
    kk = match_act("Әкімшілік рәсімдер туралы", "2000-11-27", corpus)
    ru = match_act("Об административных процедурах", "2000-11-27", corpus)
    assert (kk.act_id, kk.warning, kk.error) == ("Z000000107", None, None)
    assert (ru.act_id, ru.warning, ru.error) == ("Z000000107", None, None)


def test_an_act_not_in_the_corpus_comes_near_nothing(corpus):
    m = match_act("Нормативтік құқықтық актілер туралы", "1998-03-24", corpus)
    assert (m.act_id, m.warning, m.error) == (None, None, None)


def test_the_cited_date_chooses_between_acts_of_one_title(corpus):
    other = copy.deepcopy(meta("Z000000107"))
    other["adopted"] = "2000-11-28"
    acts = corpus + [("Z000000108", other)]
    assert match_act("Әкімшілік рәсімдер туралы", "2000-11-27", acts).act_id == "Z000000107"
    assert match_act("Әкімшілік рәсімдер туралы", "2000-11-28", acts).act_id == "Z000000108"
    # one day off both: two acts fit, so neither is applied
    m = match_act("Әкімшілік рәсімдер туралы", "2000-11-29", acts)
    assert m.act_id is None
    assert m.error == (
        "cites «Әкімшілік рәсімдер туралы» of 2000-11-29: more than one act fits (several acts "
        "one inexact step away): Z000000107 «Әкімшілік рәсімдер туралы» adopted 2000-11-27, "
        "Z000000108 «Әкімшілік рәсімдер туралы» adopted 2000-11-28"
    )


def test_a_title_one_letter_off_is_applied_only_when_one_act_fits(corpus):
    m = match_act("Мемлекеттік көрсетілетін қызметтр туралы", "2013-04-15", corpus)
    assert m.act_id == "Z1300000088"
    assert m.warning == (
        "cites «Мемлекеттік көрсетілетін қызметтр туралы» of 2013-04-15: read as Z1300000088 "
        "«Мемлекеттік көрсетілетін қызметтер туралы» adopted 2013-04-15 (the title one letter off)"
    )


@pytest.mark.parametrize(
    ("cited", "adopted", "slip"),
    [
        ("2000-11-28", "2000-11-27", True),
        ("2000-11-26", "2000-11-27", True),
        ("2001-11-27", "2000-11-27", True),
        ("2000-10-27", "2000-11-27", True),
        ("2000-12-01", "2000-11-30", True),  # one day off across a month
        ("2000-11-27", "2000-11-27", False),
        ("1999-11-27", "2000-11-27", False),
        ("2000-11-30", "2000-11-27", False),
    ],
)
def test_date_slip(cited, adopted, slip):
    assert date_slip(cited, adopted) is slip
