"""Parser and renderer on real text (the transfer case of 2006-2008, quoted verbatim)."""

from pathlib import Path

import pytest

from generator.parse import ParseError, parse_markdown
from generator.render import render_markdown, render_text

# cases/transfer-2007-2009-98-IV/before.ru.md, as structured Markdown: the same words.
BEFORE_RU = """\
# О гарантированном трансферте из Национального фонда Республики Казахстан на 2007-2009 годы

## Статья 1. {#art_1}

Утвердить следующие размеры гарантированного трансферта из Национального фонда \
Республики Казахстан в республиканский бюджет на 2007-2009 годы:

2007 год - 301 715 681 тысяча тенге;

2008 год - 461 430 640 тысяч тенге;

2009 год - 337 027 071 тысяча тенге.

> Сноска. Статья 1 с изменениями, внесенными Законом РК от 04.06.2008   N 36-IV   \
(порядок введения в действие см.   ст.2  ).

## Статья 2. {#art_2}

Настоящий Закон вводится в действие с 1 января 2007 года.

***

Президент

Республики Казахстан
"""


def test_transfer_case_units_and_abzacy():
    act = parse_markdown(BEFORE_RU, "ru", "before.ru.md")
    assert [u.eid for u in act.walk()] == [
        "art_1",
        "art_1__al_2",
        "art_1__al_3",
        "art_1__al_4",
        "art_2",
    ]
    idx = act.index()
    # «абзац четвертый статьи 1» is the 2009 line: the lead-in is абзац 1.
    assert idx["art_1__al_4"].text == "2009 год - 337 027 071 тысяча тенге."
    assert idx["art_1"].heading is None
    assert [n.text for n in idx["art_1"].notes] == [
        "Сноска. Статья 1 с изменениями, внесенными Законом РК от 04.06.2008   N 36-IV   "
        "(порядок введения в действие см.   ст.2  )."
    ]
    assert act.signature == ["Президент", "Республики Казахстан"]


def test_round_trip_is_identical_and_byte_stable():
    act = parse_markdown(BEFORE_RU, "ru")
    once = render_markdown(act)
    again = parse_markdown(once, "ru")
    assert render_markdown(again) == once
    assert [(u.eid, u.text, u.heading) for u in again.walk()] == [
        (u.eid, u.text, u.heading) for u in act.walk()
    ]


def test_plain_layout_puts_headless_article_on_one_line():
    text = render_text(parse_markdown(BEFORE_RU, "ru"))
    lines = text.splitlines()
    assert lines[1] == (
        "Статья 1. Утвердить следующие размеры гарантированного трансферта из Национального "
        "фонда Республики Казахстан в республиканский бюджет на 2007-2009 годы:"
    )
    assert lines[5] == "Статья 2. Настоящий Закон вводится в действие с 1 января 2007 года."


def test_duplicate_eid_is_an_error_naming_file_and_line():
    src = BEFORE_RU.replace("## Статья 2. {#art_2}", "## Статья 1. {#art_1}")
    with pytest.raises(ParseError, match=r"^x\.md:15: duplicate unit art_1 \(first at line 3\)"):
        parse_markdown(src, "ru", "x.md")


def test_heading_without_eid_is_an_error():
    src = BEFORE_RU.replace("## Статья 2. {#art_2}", "## Статья 2.")
    with pytest.raises(ParseError, match=r"^x\.md:15: heading without an eId"):
        parse_markdown(src, "ru", "x.md")


def test_points_and_subpoints_under_articles_kk():
    # kk/z000000107-adminproc-2000.before-2007.kk.md, art. 1 para 3 (verbatim, indents removed)
    src = Path(__file__).with_name("data").joinpath("adminproc_art1.kk.md").read_text()
    act = parse_markdown(src, "kk")
    eids = [u.eid for u in act.walk()]
    assert eids[:5] == ["preamble", "chp_1", "art_1", "art_1__para_1", "art_1__para_1__subpara_1"]
    assert "art_1__para_3__al_2" in eids
    assert act.index()["art_1__para_3__subpara_2"].text.startswith("2) нақты мемлекеттiк органда")
