"""Outstanding effects, point in time and editions in a real browser (Playwright driving
Debian's Chromium, as tests/test_browser.py): the banner and the unit marker of an act
with an instruction not read (the corpus of tests/test_outstanding.py: Law No. 262 with its
line 134 cut, and the constructed later act), the work-queue page, the date form, and the
kk→ru switch on Law No. 88-V landing on the same article with the edition banner.
"""

import datetime as dt
import functools
import http.server
import threading

import pytest
from conftest import REPO
from test_browser import CHROMIUM, _Quiet, browser  # noqa: F401 - the shared browser fixture
from test_outstanding import outstanding_repo

from generator.build import build_site

playwright_api = pytest.importorskip("playwright.sync_api")
TODAY = dt.date(2026, 11, 21)
assert CHROMIUM.exists()


def _serve(out):
    handler = functools.partial(_Quiet, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Two builds: this repository's corpus, and the corpus with an outstanding effect."""
    tmp = tmp_path_factory.mktemp("browser-outstanding")
    real, bad = tmp / "real", tmp / "bad"
    build_site(REPO, real, today=TODAY, progress=False, search=False, cache_dir=tmp / "c1")
    (tmp / "bad-repo").mkdir()
    root = outstanding_repo(tmp / "bad-repo")
    build_site(root, bad, today=TODAY, progress=False, search=False, cache_dir=tmp / "c2")
    servers = [_serve(real), _serve(bad)]
    yield [f"http://127.0.0.1:{s.server_address[1]}" for s in servers]
    for s in servers:
        s.shutdown()


@pytest.fixture
def page(browser, sites):  # noqa: F811
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


def test_banner_and_unit_marker(page, sites):
    _real, bad = sites
    page.goto(f"{bad}/kk/acts/Z000000107/")
    banner = page.locator("[data-zan-outstanding]")
    assert banner.is_visible()
    row = page.locator("#zan-out-Z070000262-kk-134")
    assert row.inner_text().split("\t")[2] == "«8) 23-бап мынадай» (134-жол)"
    mark = page.locator("#art_23 [data-zan-outstanding-mark] a")
    assert mark.inner_text() == "Бұл бірлікке енгізілетін өзгеріс әлі қолданылмаған"
    mark.click()
    assert page.url.endswith("#zan-out-Z070000262-kk-134")
    assert row.is_visible()


def test_work_queue_page(page, sites):
    _real, bad = sites
    page.goto(f"{bad}/kk/")
    page.locator('a[href="outstanding/"]').first.click()
    page.wait_for_load_state()
    assert page.url == f"{bad}/kk/outstanding/"
    counts = page.locator("ul.zan-counts li").all_inner_texts()
    assert counts == [
        "нұсқау оқылмады: 1",
        "нұсқау қолданылмады: 0",
        "бұған дейінгі енгізілмеген өзгерістен кейін: 14",
    ]
    assert page.locator("#zan-out-ZCONSTRUCTED262-kk-14").is_visible()


def test_date_form_lands_on_the_version_in_force(page, sites):
    real, _bad = sites
    page.goto(f"{real}/kk/acts/Z000000107/")
    form = page.locator("form[data-zan-date-form]").first
    form.locator("input[name=date]").fill("2005-01-01")
    form.locator("button").click()
    page.wait_for_url(f"{real}/kk/acts/Z000000107/before-Z070000262/")
    assert "Мәтін белгісіз күннен бастап 18.06.2007 кейінгі күнге дейін қолданыста болды." in (
        page.locator("[data-zan-period]").inner_text()
    )


def test_date_form_inside_an_uncertain_range_says_which_versions_it_may_be(page, sites):
    real, _bad = sites
    page.goto(f"{real}/kk/acts/Z000000107/versions/")
    form = page.locator("form[data-zan-date-form]").first
    form.locator("input[name=date]").fill("2010-01-01")
    form.locator("button").click()
    answer = form.locator(".zan-date-answer")
    answer.wait_for(state="visible")
    assert answer.locator("p").inner_text() == (
        "Бұл күн нақты белгісіз мерзімге түседі; мәтін мына редакциялардың бірі болуы мүмкін:"
    )
    assert answer.locator("li").all_inner_texts() == [
        "before-Z070000262 (белгісіз)",
        "Z070000262 (18.06.2007 кейін)",
    ]


def test_language_switch_on_law_88_shows_the_edition_banner_on_the_same_article(page, sites):
    real, _bad = sites
    page.goto(f"{real}/kk/acts/Z1300000088/#art_15")
    assert (
        page.locator("[data-zan-edition]")
        .inner_text()
        .startswith("Орыс тіліндегі мәтін — басқа редакция (Z2200000129)")
    )
    page.locator("a.zan-switch").first.click()
    page.wait_for_load_state()
    assert page.url == f"{real}/ru/acts/Z1300000088/#art_15"
    assert page.locator("#art_15 .zan-h").first.inner_text().startswith("Статья 15.")
    banner = page.locator("[data-zan-edition]")
    assert banner.is_visible()
    assert banner.inner_text() == (
        "Текст на казахском языке — другая редакция (Z2200000141): в нём учтены изменяющие "
        "акты, которых нет в этом тексте: с изменениями по Закону РК от 14.07.2022 № 141-VII "
        "(включая Закон от 04.07.2022 № 134-VII)."
    )
