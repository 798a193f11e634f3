"""Draft pages and shifted anchors in Chromium (issue 15, items 4, 8 and 10).

Screenshots of the draft page go to build/screenshots/ (not committed, .gitignore).
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
if not CHROMIUM.exists():
    pytest.fail("Debian's chromium is not installed (./dev test installs it)", pytrace=False)

TODAY = dt.date(2026, 11, 21)
# A day inside the window of the open example EX1300008549 (posted 13.03.2025, remarks
# accepted 14.03.2025 — 01.04.2025); EX1300000845's window closed in 2023.
EXAMPLES_TODAY = dt.date(2025, 3, 20)
SCREENSHOTS = REPO / "build" / "screenshots"
WIDTHS = {"desktop": 1280, "mobile": 390}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D401 - silence the test output
        pass


def _serve(out: Path):
    handler = functools.partial(_Quiet, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "site"
    build_site(REPO, out, today=TODAY, progress=False, search=False)
    httpd, url = _serve(out)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("examples") / "site"
    build_site(REPO, out, today=EXAMPLES_TODAY, examples=True, progress=False, search=False)
    httpd, url = _serve(out)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update"],
        )  # fmt: skip
        yield b
        b.close()


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
    assert 0 <= box["y"] < 900
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
    assert page.url == f"{site}/ru/acts/Z1300000088/Z2200000129/#art_11-1__para_4__subpara_6-2"
    assert page.locator("#zan-fate-notice").is_hidden()
    context.close()


def test_draft_page_pairs_draft_article_9_with_law_article_15(browser, site):
    context, page = _page(browser)
    page.goto(f"{site}/kk/drafts/DP1200001579/")
    page.locator("details.zan-pairs > summary").click()
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


def _axe(page) -> list:
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
        assert _axe(page) == [], url
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
