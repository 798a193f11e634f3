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
from test_outstanding import outstanding_repo

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


@pytest.fixture(scope="session")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


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
    assert page.locator("#art_15 .zan-h").first.inner_text().startswith("15-бап.")
    page.locator("a.zan-switch").first.click()
    page.wait_for_load_state()
    assert page.url == f"{site}/ru/acts/Z1300000088/#art_15"
    assert page.locator("#art_15 .zan-h").first.inner_text().startswith("Статья 15.")


def test_cross_reference_leads_to_the_cited_unit(page, site):
    page.goto(f"{site}/kk/acts/Z1300000088/")
    link = page.locator("a.zan-xref").first
    assert link.inner_text() == "осы Заңның 15-бабы"
    link.click()
    assert page.url == f"{site}/kk/acts/Z1300000088/#art_15"
    assert page.locator("[id='art_15'] .zan-h").first.inner_text().startswith("15-бап.")
    # …and article 15 lists the units that cite it.
    cited = page.locator("[id='art_15'] > .zan-cited-by").inner_text()
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
    page.locator("[id='art_15'] > p.zan-h").hover()  # the bar opens on hover, as for a reader
    page.locator("[id='art_15'] > .zan-actions .zan-copy-link").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"{site}/kk/acts/Z1300000088/Z2200000141/#art_15"
    )


def test_search_finds_a_kazakh_word_and_reaches_its_article(page, site):
    page.goto(f"{site}/kk/search/")
    page.locator("#zan-search input").fill("талқылау")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    links = page.locator(".pagefind-ui__result-link")
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
    page.goto(f"{example_site}/kk/examples/EX1300008549/")
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


def _finds(page, site, lang: str, query: str, href: str) -> bool:
    """Whether a search lists a result linking to ``href`` (the merged shards answer one
    after another: the result is waited for, not only the first one)."""
    page.goto(f"{site}/{lang}/search/")
    page.locator("#zan-search input").fill(query)
    page.locator(f'.pagefind-ui__result-link[href*="{href}"]').first.wait_for(timeout=15000)
    return True


def test_search_finds_words_next_to_quotes_and_brackets(page, site):
    # «бір терезе» and «одного окна» stand inside guillemets, «Государственная корпорация»
    # inside brackets «(далее – Государственная корпорация)».
    assert _finds(page, site, "kk", "терезе", "/kk/acts/Z1300000088/")
    assert _finds(page, site, "ru", "окна", "/ru/acts/Z1300000088/")
    assert _finds(page, site, "ru", "корпорация", "/ru/acts/Z1300000088/")


# ---------------------------------------------------------------- outstanding effects (issue 14)
# The banner and the unit marker of an act with an instruction not read (the corpus of
# tests/test_outstanding.py: Law No. 262 with its line 134 cut, and the constructed later
# act), the work-queue page, the date form, and the kk→ru switch on Law No. 88-V landing on
# the same article with the edition banner.


def _serve(out):
    handler = functools.partial(_Quiet, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="module")
def sites(tmp_path_factory, site):
    """This repository's site (``site``) and a build of the corpus with an outstanding
    effect."""
    tmp = tmp_path_factory.mktemp("browser-outstanding")
    (tmp / "repo").mkdir()
    root = outstanding_repo(tmp / "repo")
    bad = tmp / "bad"
    build_site(root, bad, today=TODAY, progress=False, search=False, cache_dir=tmp / "c")
    server = _serve(bad)
    yield [site, f"http://127.0.0.1:{server.server_address[1]}"]
    server.shutdown()


@pytest.fixture
def opage(browser, sites):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


def test_banner_and_unit_marker(opage, sites):
    page = opage
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
    # a marker of an instruction held back after it opens the section that lists it
    held = page.locator("#zan-out-Z070000262-kk-24")
    assert not held.is_visible()
    page.locator("#preamble [data-zan-outstanding-mark] a").click()
    assert page.url.endswith("#zan-out-Z070000262-kk-24")
    held.wait_for(state="visible")
    assert page.locator("details[data-zan-held] summary").inner_text() == (
        "Осыдан кейін тұрғандықтан енгізілмеген нұсқаулар: 8"
    )


def test_work_queue_page(opage, sites):
    page = opage
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


def test_date_form_lands_on_the_version_in_force(opage, sites):
    page = opage
    real, _bad = sites
    page.goto(f"{real}/kk/acts/Z000000107/")
    form = page.locator("form[data-zan-date-form]").first
    form.locator("input[name=date]").fill("2005-01-01")
    form.locator("button").click()
    page.wait_for_url(f"{real}/kk/acts/Z000000107/before-Z070000262/")
    assert "Мәтін белгісіз күннен бастап 18.06.2007 кейінгі күнге дейін қолданыста болды." in (
        page.locator("[data-zan-period]").inner_text()
    )


def test_date_form_inside_an_uncertain_range_says_which_versions_it_may_be(opage, sites):
    page = opage
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


def test_language_switch_on_law_88_shows_the_edition_banner_on_the_same_article(opage, sites):
    page = opage
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
