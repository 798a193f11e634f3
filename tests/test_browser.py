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


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_unit_bar_says_the_phrase_cite_unit_phrase_makes(page, site, lang):
    """zan.js makes each unit's citation phrase from its eId (the page gives the forms):
    the same phrase as `cite.unit_phrase` for every citable unit of Law 88-V."""
    from generator.cite import unit_phrase

    page.goto(f"{site}/{lang}/acts/Z1300000088/")
    got = page.evaluate(
        """() => [...document.querySelectorAll('.zan-act section.zan-unit')]
        .filter(u => !u.matches('.zan-part, .zan-chp, .zan-subchp'))
        .map(u => { u.querySelector('.zan-h, p, section').dispatchEvent(
              new MouseEvent('mouseover', {bubbles: true}));
            return [u.id || u.dataset.eid,
                    document.querySelector('.zan-actions').getAttribute('aria-label')]; })"""
    )
    assert len(got) > 300  # points, subpoints, paragraphs and articles of the law
    assert got == [[eid, unit_phrase(eid, lang)] for eid, _ in got]
    assert (
        ["art_5__para_2__al_16__subpara_1", "5-бабының 2-тармағының 16-абзацының 1) тармақшасы"]
        in got
        if lang == "kk"
        else ["art_15__para_2", "пункт 2 статьи 15"] in got
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
    # A day inside the open example's window (14.03.2025 — 01.04.2025): the remark action.
    build_site(REPO, out, today=dt.date(2025, 3, 20), examples=True, progress=False, search=False)
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
        "Жария талқылау 01.04.2025 қоса алғанда жүріп жатыр."
    )
    assert "Жарияланған күні: 13.03.2025." in page.locator(".md-content").inner_text()
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
    mark = page.locator('[data-eid="art_23"] [data-zan-outstanding-mark] a')
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
        .startswith("Орыс тіліндегі мәтін — басқа редакция: онда бұл мәтін ескерген")
    )
    page.locator("a.zan-switch").first.click()
    page.wait_for_load_state()
    assert page.url == f"{real}/ru/acts/Z1300000088/#art_15"
    assert page.locator("h3#art_15").inner_text().startswith("Статья 15.")
    banner = page.locator("[data-zan-edition]")
    assert banner.is_visible()
    assert banner.inner_text() == (
        "Текст на казахском языке — другая редакция: в нём учтены изменяющие "
        "акты, которых нет в этом тексте: с изменениями по Закону РК от 14.07.2022 № 141-VII "
        "(включая Закон от 04.07.2022 № 134-VII)."
    )


# -- issue 15, items 4, 8 and 10: shifted anchors, the draft → law comparison, draft pages ----
# Screenshots of the draft page go to build/screenshots/ (not committed, .gitignore).
SCREENSHOTS = REPO / "build" / "screenshots"
WIDTHS = {"desktop": 1280, "mobile": 390}


def _page(browser, width: int = 1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    return context, context.new_page()


def test_shifted_abzac_anchor_of_2019_lands_on_its_new_eid(browser, site):
    # «абз. 14 п. 2 ст. 5» of the 2019 Russian edition is the 15th block of point 2 in the
    # text in force (subpoint 13) was inserted before it); a link without a version means
    # the text in force.
    context, page = _page(browser)
    page.goto(f"{site}/ru/acts/Z1300000088/Z1900000272/#art_5__para_2__al_14")
    assert page.locator("#zan-fate-notice").is_hidden()
    old_text = page.locator("[id='art_5__para_2__al_14'] > p.zan-text").inner_text()
    page.goto(f"{site}/ru/acts/Z1300000088/#art_5__para_2__al_14")
    notice = page.locator("#zan-fate-notice")
    assert notice.inner_text() == (
        "Ссылка дана на абз. 14 п. 2 ст. 5 редакции с изменениями по Закону РК от "
        "25.11.2019 № 272-VI; в этой редакции это абз. 15 п. 2 ст. 5. абз. 15 п. 2 ст. 5"
    )
    assert notice.locator("a").get_attribute("href") == "#art_5__para_2__al_15"
    landed = page.locator(".zan-unit.zan-landed")
    assert landed.get_attribute("id") == "art_5__para_2__al_15"
    assert landed.locator("> p.zan-text").inner_text() == old_text
    assert (
        old_text
        == "При оказании государственных услуг не допускается истребования от услугополучателей:"
    )
    # The notice stands just above the unit and both are on screen.
    assert (
        page.evaluate("document.getElementById('zan-fate-notice').nextElementSibling.id")
        == "art_5__para_2__al_15"
    )
    assert landed.is_visible() and notice.is_visible()
    box = notice.bounding_box()
    assert -1 < box["y"] < 900  # scrolled to it (sub-pixel offsets of the fixed header)
    context.close()


def test_repealed_unit_notice_quotes_its_placeholder(browser, site):
    """The notice of a unit repealed later quotes the placeholder's words (zan.js takes
    them from the page: the first 160 characters, as publish._fate_map names them)."""
    from generator.parse import parse_markdown

    md = (REPO / "corpus/Z1300000088/Z2200000141/kk.md").read_text(encoding="utf-8")
    words = parse_markdown(md, "kk").index()["art_10__subpara_2"].text
    assert words.startswith("2) алып тасталды - ҚР 25.11.2019 № 272-VI")
    context, page = _page(browser)
    page.goto(f"{site}/kk/acts/Z1300000088/#art_10__subpara_2")
    notice = page.locator("#zan-fate-notice")
    assert notice.text_content() == "Бұл бірлік кейінірек алып тасталды: " + words[:160]
    # An article repealed whole keeps its heading and note, no words of its own.
    page.goto(f"{site}/ru/acts/Z1300000088/Z1900000272/#art_16")
    assert notice.text_content() == "Эта единица позднее исключена: "
    assert notice.is_visible()
    context.close()


def test_anchor_that_never_existed_says_so(browser, site):
    context, page = _page(browser)
    page.goto(f"{site}/kk/acts/Z1300000088/#art_99")
    assert page.locator("#zan-fate-notice").inner_text() == (
        "Сілтеме берілген бірлік (art_99) бұл актінің сақталған редакцияларының ешқайсысында жоқ."
    )
    page.goto(f"{site}/ru/acts/Z1300000088/#art_99")
    assert page.locator("#zan-fate-notice").inner_text() == (
        "Единицы, на которую дана ссылка (art_99), нет ни в одной сохранённой редакции этого акта."
    )
    # An existing unit: no notice.
    page.goto(f"{site}/ru/acts/Z1300000088/#art_15")
    assert page.locator("#zan-fate-notice").is_hidden()
    context.close()


def test_unit_only_in_a_later_version_links_to_it(browser, site):
    context, page = _page(browser)
    page.goto(f"{site}/ru/acts/Z1300000088/Z1900000272/#art_11-1__para_4__subpara_6-2")
    notice = page.locator("#zan-fate-notice")
    assert notice.inner_text() == (
        "подп. 6-2) п. 4 ст. 11-1: в этой редакции такой единицы ещё нет; впервые она "
        "появляется в редакции: с изменениями по Закону РК от 27.06.2022 № 129-VII. "
        "Открыть в этой редакции"
    )
    notice.locator("a").click()
    page.wait_for_load_state()
    # the version in force is the act's own page (issue 16: one page, not two)
    assert page.url == f"{site}/ru/acts/Z1300000088/#art_11-1__para_4__subpara_6-2"
    assert page.locator("#zan-fate-notice").is_hidden()
    context.close()


@pytest.mark.parametrize(
    "lang,version,eid,words",
    [
        (
            "kk",
            "Z2200000141",
            "art_15__para_2",
            "2. Мемлекеттік қызмет көрсету тәртібін айқындайтын",
        ),
        (
            "ru",
            "Z2200000129",
            "art_15__para_2",
            "2. Центральный государственный орган, разрабатывающий",
        ),
    ],
)
def test_cited_version_address_of_the_text_in_force_lands_on_the_unit(
    browser, site, lang, version, eid, words
):
    """A citation names the version (`…/<VERSION>/#art_15__para_2`): for the version in
    force that address is a small page leading to the act's page, the unit kept."""
    context, page = _page(browser)
    page.goto(f"{site}/{lang}/acts/Z1300000088/{version}/#{eid}")
    page.wait_for_url(f"{site}/{lang}/acts/Z1300000088/#{eid}")
    unit = page.locator(f"[id='{eid}']")
    assert unit.evaluate("el => el.matches(':target')")
    assert unit.locator(":scope > .zan-text").inner_text().startswith(words)
    assert unit.bounding_box()["y"] < 900  # in view
    context.close()


def test_draft_page_pairs_draft_article_9_with_law_article_15(browser, site):
    context, page = _page(browser)
    page.goto(f"{site}/kk/drafts/DP1200001579/")
    link = page.locator("details.zan-pairs a", has_text="9-бап → 15-бап")
    link.click()
    assert page.url.endswith("/kk/drafts/DP1200001579/#cmp-art_15")
    row = page.locator("#cmp-art_15")
    assert row.locator(".zan-diff-label").inner_text() == "9-бап → 15-бап"
    # The heading of art. 15 as the 2022 edition words it.
    assert row.locator("del").all_inner_texts() == ["стандарттарының"]
    assert row.locator("ins").all_inner_texts() == [
        "тәртібін айқындайтын заңға тәуелді нормативтік құқықтық актілердің"
    ]
    # Neither the preamble nor any of arts. 1-9 is struck.
    for eid in ["preamble"] + [f"art_{n}" for n in range(1, 10)]:
        assert page.locator(f".zan-redline [data-old='{eid}'][data-new='']").count() == 0
    context.close()


def _axe_all(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    return [(v["id"], v.get("impact")) for v in Axe().run(page).response["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_draft_pages_have_no_accessibility_violation(browser, site, example_site, lang, width):
    context, page = _page(browser, WIDTHS[width])
    for url in (
        f"{site}/{lang}/drafts/DP1200001579/",
        f"{example_site}/{lang}/examples/EX1300008549/",
        f"{example_site}/{lang}/examples/EX1300000845/",
    ):
        page.goto(url)
        assert _axe_all(page) == [], url
        # Nothing wider than the screen: the report table and redline fit or scroll.
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width], url
    if lang == "kk":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.goto(f"{site}/kk/drafts/DP1200001579/#comparison")
        page.wait_for_timeout(800)  # the header's title transition
        page.screenshot(path=str(SCREENSHOTS / f"draft-DP1200001579-{WIDTHS[width]}.png"))
        page.goto(f"{example_site}/kk/examples/EX1300000845/#report")
        page.wait_for_timeout(800)
        page.screenshot(path=str(SCREENSHOTS / f"example-report-{WIDTHS[width]}.png"))
    context.close()
