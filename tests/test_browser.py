"""The built site in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium).

One build of this repository's corpus, served on 127.0.0.1, is shared by every test.
"""

import datetime as dt
import functools
import http.server
import threading
from pathlib import Path

import pytest
from conftest import REPO

from generator.build import build_site

CHROMIUM = Path("/usr/bin/chromium")
playwright_api = pytest.importorskip("playwright.sync_api")

if not CHROMIUM.exists():  # .ci/run installs it; a developer without it is told so.
    pytest.fail("Debian's chromium is not installed (./dev test installs it)", pytrace=False)

TODAY = dt.date(2026, 11, 21)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D401 - silence the test output
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "site"
    build_site(REPO, out, today=TODAY, progress=False)
    handler = functools.partial(_Quiet, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


# `browser`: one Chromium for every browser test module (tests/conftest.py).


@pytest.fixture
def page(browser, site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.requests = requests
    yield pg
    outside = [u for u in requests if not u.startswith(site) and not u.startswith("data:")]
    assert outside == [], f"requests outside the site: {outside}"
    context.close()


def test_language_switch_keeps_the_article(page, site):
    page.goto(f"{site}/kk/acts/Z1300000088/#art_15")
    assert page.locator("h3#art_15").first.inner_text().startswith("15-бап.")
    page.locator("a.zan-switch").first.click()
    page.wait_for_load_state()
    assert page.url == f"{site}/ru/acts/Z1300000088/#art_15"
    assert page.locator("h3#art_15").first.inner_text().startswith("Статья 15.")


def test_cross_reference_leads_to_the_cited_unit(page, site):
    page.goto(f"{site}/kk/acts/Z1300000088/")
    link = page.locator("a.zan-xref").first
    assert link.inner_text() == "осы Заңның 15-бабы"
    link.click()
    assert page.url == f"{site}/kk/acts/Z1300000088/#art_15"
    assert page.locator("h3[id='art_15']").first.inner_text().startswith("15-бап.")
    # …and article 15 lists the units that cite it.
    cited = page.locator("[data-eid='art_15'] > .zan-cited-by").inner_text()
    assert cited.startswith("Осы бірлікке сілтеме жасайтындар:")


def test_copy_citation_puts_the_legal_form_on_the_clipboard(page, site):
    page.goto(f"{site}/kk/acts/Z1300000088/#art_15__para_2")
    page.locator("[id='art_15__para_2'] > .zan-actions .zan-copy-cite").click()
    text = page.evaluate("navigator.clipboard.readText()")
    assert text == (
        "«Мемлекеттік көрсетілетін қызметтер туралы» 2013 жылғы 15 сәуірдегі № 88-V "
        "Қазақстан Республикасы Заңының 15-бабының 2-тармағы"
    )
    page.goto(f"{site}/ru/acts/Z1300000088/#art_15__para_2")
    page.locator("[id='art_15__para_2'] > .zan-actions .zan-copy-cite").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "пункт 2 статьи 15 Закона Республики Казахстан от 15 апреля 2013 года № 88-V "
        "«О государственных услугах»"
    )


def test_copy_link_names_the_version(page, site):
    page.goto(f"{site}/kk/acts/Z1300000088/")
    page.locator("h3[id='art_15']").hover()  # the bar opens on hover, as for a reader
    page.locator("[data-eid='art_15'] > .zan-actions .zan-copy-link").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"{site}/kk/acts/Z1300000088/Z2200000141/#art_15"
    )


def test_search_finds_a_kazakh_word_and_reaches_its_article(page, site):
    page.goto(f"{site}/kk/search/")
    page.locator("#zan-search-q").fill("талқылау")
    page.locator(".zan-search-results a").first.wait_for(timeout=15000)
    links = page.locator(".zan-search-results a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    hits = [h for h in hrefs if "/kk/acts/Z1300000088/" in h]
    assert hits, hrefs
    page.goto(hits[0] if hits[0].startswith("http") else site + hits[0])
    assert "талқылау" in page.locator(".zan-act").inner_text()


def test_redline_marks_inserted_and_deleted_words(page, site):
    page.goto(f"{site}/ru/acts/Z1300000088/diff/Z1900000272--Z2200000129/")
    assert page.locator("#inline ~ .zan-redline ins").count() > 0
    assert page.locator("#inline ~ .zan-redline del").count() > 0


def _axe(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        v["id"]
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/kk/",
        "/kk/acts/Z1300000088/",
        "/ru/acts/Z1300000088/diff/Z1900000272--Z2200000129/",
    ],
)
def test_accessibility_has_no_serious_violations(page, site, path):
    page.goto(site + path)
    assert _axe(page) == []


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("examples") / "site"
    build_site(REPO, out, today=TODAY, examples=True, progress=False, search=False)
    handler = functools.partial(_Quiet, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_example_draft_banner_window_and_remark_action(browser, example_site):
    from urllib.parse import parse_qs, unquote, urlparse

    context = browser.new_context()
    page = context.new_page()
    # The unit's actions are those of the unit the address names (one bar, zan.js).
    page.goto(f"{example_site}/kk/examples/EX1300008549/#annex_1__para_7")
    assert page.locator(".zan-example").inner_text().startswith("МЫСАЛ:")
    assert page.locator(".zan-discussion-open").inner_text() == (
        "Жария талқылау 30.11.2026 қоса алғанда жүріп жатыр."
    )
    assert "16.11.2026" in page.locator(".md-content").inner_text()
    link = page.locator("[id='annex_1__para_7'] > .zan-actions .zan-remark")
    href = link.get_attribute("href")
    url = urlparse(href)
    assert url.scheme == "mailto" and url.path == "remarks@example.org"
    query = parse_qs(url.query)
    cite = (
        "«Орталық мемлекеттік органдардың, облыстардың, респубикалық маңызы бар қалалардың, "
        "астананың, аудандардың, облыстық маңызы бар қалалардың жергілікті атқарушы "
        "органдарының, қаладағы аудандар, аудандық маңызы бар қалалар, кенттер, ауылдар, "
        "ауылдық округтер әкімдерінің мемлекеттік қызметтер көрсету мәселелері жөніндегі "
        "қызметінің есебін қалыптастыру мен ұсыну қағидаларын және оның үлгі нысанын бекіту "
        "туралы» жобасының 1-қосымшасының 7-тармағы"
    )
    assert unquote(query["subject"][0]) == cite
    assert unquote(query["body"][0]).splitlines()[:2] == [
        cite,
        f"{example_site}/kk/examples/EX1300008549/#annex_1__para_7",
    ]
    context.close()


def _search(page, site, lang: str, query: str) -> list[str]:
    page.goto(f"{site}/{lang}/search/")
    page.locator("#zan-search-q").fill(query)
    page.locator(".zan-search-results a").first.wait_for(timeout=15000)
    links = page.locator(".zan-search-results a")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


def test_search_finds_words_next_to_quotes_and_brackets(page, site):
    # «бір терезе» and «одного окна» stand inside guillemets, «Государственная корпорация»
    # inside brackets «(далее – Государственная корпорация)».
    assert any("/kk/acts/Z1300000088/" in h for h in _search(page, site, "kk", "терезе"))
    assert any("/ru/acts/Z1300000088/" in h for h in _search(page, site, "ru", "окна"))
    assert any("/ru/acts/Z1300000088/" in h for h in _search(page, site, "ru", "корпорация"))
