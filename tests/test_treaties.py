"""Ratification laws with the documents they carry (issue 12, items 2 and 3), on real
text-bank files committed under benchmarks/realworld-sample/acts (quyse/kz-laws)."""

from __future__ import annotations

import pytest
from conftest import REPO

from generator.importer import import_text
from generator.parse import parse_markdown

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "acts"
STRUCTURE = ("annex", "part", "chp", "art")


def tree(act: str, lang: str):
    rel = f"{act}/{lang}.md"
    result = import_text((SAMPLE / rel).read_text(encoding="utf-8"), lang, rel)
    doc = result.documents[0]
    return result, parse_markdown(doc.markdown, lang, rel, line_map=doc.line_map)


def heads(act) -> list[str]:
    return [u.eid for u in act.walk() if u.type in STRUCTURE]


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("kk", "АЗЫҚ-ТҮЛІК ҚАУІПСІЗДІГІ ЖӨНІНДЕГІ ИСЛАМ ҰЙЫМЫНЫҢ ЖАРҒЫСЫ"),
        ("ru", "УСТАВ ИСЛАМСКОЙ ОРГАНИЗАЦИИ ПО ПРОДОВОЛЬСТВЕННОЙ БЕЗОПАСНОСТИ"),
    ],
)
def test_treaty_after_the_law_without_a_title_line_is_annex_1(lang, title):
    # 84492: «Статья 1. Ратифицировать Устав …», «Статья 2. …», the signature, then the
    # charter's own «Статья 1 Определения»: its articles start again at 1.
    result, act = tree("84492", lang)
    assert heads(act)[:6] == [
        "art_1",
        "art_2",
        "annex_1",
        "annex_1__chp_1",
        "annex_1__art_1",
        "annex_1__art_2",
    ]
    carried = [(r.line, r.before) for r in result.repairs if r.kind == "carried_title"]
    assert carried == [(13, title[:60])]


def test_kk_and_ru_trees_of_the_ratified_charter_are_identical():
    assert heads(tree("84492", "kk")[1]) == heads(tree("84492", "ru")[1])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_protocol_after_the_agreement_is_annex_2(lang):
    # 3376: the agreement's «Статья 16», then «Протокол об изъятиях …» with «Статья 1».
    _, act = tree("3376", lang)
    ids = heads(act)
    assert [e for e in ids if e.startswith("annex_") and "__" not in e] == ["annex_1", "annex_2"]
    assert ids[ids.index("annex_1__art_16") :] == [
        "annex_1__art_16",
        "annex_2",
        "annex_2__art_1",
        "annex_2__art_2",
        "annex_2__art_3",
        "annex_2__art_4",
    ]


@pytest.mark.parametrize(
    ("lang", "first", "tenth"),
    [
        ("kk", "Айқындамалар", "Уағдаласушы Тараптар арасындағыдауларды шешу"),
        ("ru", "Определения", "Решение споров междуДоговаривающимися Сторонами"),
    ],
)
def test_article_label_glued_to_its_title(lang, first, tenth):
    # 336: «## Статья 1Определения», «## Статья 10Решение споров …» (not article 1).
    _, act = tree("336", lang)
    assert act.find("annex_1__art_1").heading == first
    assert act.find("annex_1__art_10").heading == tenth
    assert "annex_1__art_11" in heads(act)


def test_repeated_points_of_an_exchange_of_notes_are_kept_as_text_with_a_warning():
    # 41930 ru: the reply note repeats points 1-15 of the first note.
    _, act = tree("41930", "ru")
    assert act.warnings[0] == (
        "41930/ru.md:87: repeated number para_2 (first at line 17) kept as text (closest "
        "rule: a para numbered in sequence): '2. Офицер связи НАТО/ПИМ должен осуществлять "
        "взаимодействие '"
    )
    assert [u.eid for u in act.body if u.type == "para"][-1] == "para_15"
