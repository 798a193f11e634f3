"""Draft pages (issue 15, items 4 and 10): the comparison draft → enacted law, the
discussion examples built with a day inside their window, the calendar of days off."""

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import REPO

from generator.build import build_site
from generator.corpus import load_record
from generator.drafts import draft_page, prepare
from generator.model import DateSpec
from generator.parse import parse_markdown
from generator.site import SiteAct, SiteVersion

TODAY = dt.date(2026, 11, 21)

# Draft art. → law art. of the complete Kazakh edition (Z2200000141) where the numbers
# differ: the law inserted the competence articles 6-11-1 and articles 19-1, 21-1, 27.
RENUMBERED = [
    "6-бап → 12-бап", "7-бап → 13-бап", "8-бап → 14-бап", "9-бап → 15-бап",
    "10-бап → 16-бап", "11-бап → 17-бап", "5-тарау → 4-тарау", "12-бап → 18-бап",
    "13-бап → 19-бап", "14-бап → 20-бап", "15-бап → 21-бап", "16-бап → 22-бап",
    "17-бап → 23-бап", "18-бап → 24-бап", "19-бап → 25-бап", "6-тарау → 5-тарау",
    "20-бап → 26-бап", "21-бап → 28-бап", "23-бап → 29-бап", "24-бап → 30-бап",
    "25-бап → 31-бап",
]  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("drafts") / "site"
    build_site(REPO, out, today=TODAY, progress=False, search=False)
    return out


def _comparison(html: str) -> str:
    return html[html.index('<h2 id="comparison">') : html.index('<div class="zan-act"')]


def test_draft_is_compared_with_the_complete_edition_of_the_law(built):
    html = (built / "kk/drafts/DP1200001579/index.html").read_text(encoding="utf-8")
    cmp_ = _comparison(html)
    assert '<h2 id="comparison">Қабылданған заңмен салыстыру</h2>' in cmp_
    assert (
        "Салыстырылған редакция: ҚР 14.07.2022 № 141-VII Заңына дейінгі өзгерістермен "
        "(04.07.2022 № 134-VII Заңын қоса)."
    ) in cmp_
    assert re.findall(r'<li><a href="#cmp-[^"]+">([^<]+)</a></li>', cmp_) == RENUMBERED
    art15 = re.search(
        r'<div id="cmp-art_15" class="zan-diff-moved" data-old="art_9" '
        r'data-new="art_15"><span class="zan-diff-label">([^<]+)</span>',
        cmp_,
    )
    assert art15[1] == "9-бап → 15-бап"
    # The preamble and arts. 1-9 of the draft are in the law: none is struck as repealed.
    struck = re.findall(r'class="zan-diff-repealed" data-old="([^"]+)" data-new=""', cmp_)
    assert [e for e in struck if "__" not in e] == ["chp_2", "chp_4", "art_22"]
    assert 'data-old="preamble" data-new="preamble"' not in cmp_  # unchanged: not listed
    assert "zan-partial" not in cmp_


def test_partial_edition_is_said_and_only_what_both_sides_have_is_paired():
    # Were the partial edition (arts. 10-23, before 01.03.2016) the only Kazakh text of the
    # law, the page says so and shows no unit of either side as inserted or repealed.
    errors: list[str] = []
    rec = load_record(REPO / "drafts/DP1200001579", "draft", errors)
    folder = REPO / "corpus/Z1300000088/partial-before-Z1500000408"
    law = parse_markdown((folder / "kk.md").read_text(encoding="utf-8"), "kk")
    v = SiteVersion(
        id="partial-before-Z1500000408",
        date=DateSpec.parse("between 2013-04-16 and 2016-02-29"),
        label={"kk": "", "ru": ""},
        texts={"kk": law},
        provenance={"kk": {"consolidated_up_to": "тек 10-23-баптар"}},
        partial=True,
    )
    target = SiteAct(id="Z1300000088", meta={}, versions=[v])
    pub = SimpleNamespace(act=lambda _id: target, today=TODAY)
    d = prepare({"record": rec, "texts": {"kk": rec.load("kk")}}, pub)
    html = draft_page(d, pub, "kk")
    cmp_ = _comparison(html)
    assert (
        '<div class="zan-banner zan-partial" role="note">Бұл тілде заңның тек ішінара '
        "редакциясы бар: тек екі жақта да бар бірліктер салыстырылады; онда жоқ бірліктер "
        "алып тасталған деп көрсетілмейді.</div>"
    ) in cmp_
    assert 'data-new=""' not in cmp_ and 'data-old=""' not in cmp_
    labels = re.findall(r'<li><a href="#cmp-[^"]+">([^<]+)</a></li>', cmp_)
    assert labels == [
        "4-тарау → 3-тарау", "6-бап → 12-бап", "7-бап → 13-бап", "8-бап → 14-бап",
        "9-бап → 15-бап", "10-бап → 16-бап", "11-бап → 17-бап", "5-тарау → 4-тарау",
        "12-бап → 18-бап",
        "13-бап → 19-бап", "14-бап → 20-бап", "15-бап → 21-бап", "16-бап → 22-бап",
        "17-бап → 23-бап",
    ]  # fmt: skip


def test_closed_example_without_remarks_says_its_report_is_pending(tmp_path):
    out = tmp_path / "site"
    build_site(REPO, out, today=TODAY, examples=True, progress=False, search=False)
    ru = (out / "ru/examples/EX1300008549/index.html").read_text(encoding="utf-8")
    assert "Публичное обсуждение завершено 01.04.2025" in ru
    assert (
        '<div class="zan-banner zan-report-pending" role="note">Публичное обсуждение '
        "завершено; отчёт о нём ещё не опубликован.</div>"
    ) in ru
    # The Russian page quotes art. 15 p. 3 in Russian (edition Z2200000129, same period).
    assert (
        '<blockquote lang="ru">3. Публичное обсуждение проекта подзаконного нормативного '
        "правового акта, определяющего порядок оказания государственной услуги, "
        "осуществляется в течение десяти рабочих дней"
    ) in ru
    kk = (out / "kk/examples/EX1300000845/index.html").read_text(encoding="utf-8")
    assert "zan-report-pending" not in kk and '<h2 id="report">' in kk
    assert (
        "<li>21.03.2023: Наурыз мейрамы (Қазақстан Республикасындағы мерекелер туралы, 3-бап; күні: holidays 0.108 кітапханасы)</li>"
        in kk
    )
    # The drafts feed marks the examples and speaks the feed's language.
    import xml.etree.ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(out / "ru/feeds/drafts.xml").getroot()
    entries = [
        (e.findtext("a:title", namespaces=ns)[:9], e.findtext("a:summary", namespaces=ns))
        for e in feed.findall("a:entry", ns)
    ]
    assert entries == [
        ("[ПРИМЕР] ", "Публичное обсуждение завершено 01.04.2025."),
        ("[ПРИМЕР] ", "Публичное обсуждение завершено 03.04.2023."),
    ]
