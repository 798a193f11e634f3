"""The site as a lawyer uses it (issue 15, items 2, 3, 9, 11), in Debian's Chromium.

The site is built once (``--today``) and served under a sub-path (``/site/…``), as on a
host that does not give it the root: every link, search bundle and result must hold there.
Screenshots of the act page, the redline, the parallel view and the search at 1280 and
390 px go to build/screenshots/ (not committed).
"""

import contextlib
import datetime as dt
import functools
import http.server
import io
import re
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
SHOTS = REPO / "build" / "screenshots"
ACT = "acts/Z1300000088/"
REDLINE = ACT + "diff/Z1900000272--Z2200000129/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D401 - silence the test output
        pass


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The built site folder and what the build wrote on a stderr that is not a terminal."""
    out = tmp_path_factory.mktemp("subpath") / "site"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        build_site(REPO, out, today=TODAY, progress=True)
    return out, err.getvalue()


@pytest.fixture(scope="module")
def site(built):
    """The site's base URL, served under the sub-path /site/."""
    handler = functools.partial(_Quiet, directory=str(built[0].parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/site"
    httpd.shutdown()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport=DESKTOP)
    pg = context.new_page()
    missing: list[str] = []
    pg.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    yield pg
    assert missing == [], f"not found under the sub-path: {missing}"
    context.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(700)  # the header's title cross-fades after a jump to an anchor
    page.screenshot(path=str(SHOTS / f"{name}.png"))


# ---------------------------------------------------------------- item 2: headings


def test_act_page_has_a_heading_per_chapter_and_article_and_a_filled_contents_panel(page, site):
    page.goto(f"{site}/kk/{ACT}")
    chapters = page.locator(".zan-act h2.zan-h")
    articles = page.locator(".zan-act h3.zan-h")
    assert chapters.first.inner_text() == "1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР"
    assert chapters.first.get_attribute("id") == "chp_1"
    assert page.locator("h3#art_15").inner_text() == (
        "15-бап. Мемлекеттік қызметтер көрсету тәртібін айқындайтын заңға тәуелді "
        "нормативтік құқықтық актілердің жобаларын жария талқылау"
    )
    # Article 15's section keeps its eId for its points: art_15__para_2 is inside it.
    assert page.locator("[data-eid='art_15'] > section#art_15__para_2").count() == 1
    toc = page.locator(".md-sidebar--secondary [data-md-component=toc] a.md-nav__link")
    assert toc.count() == chapters.count() + articles.count()
    hrefs = [toc.nth(i).get_attribute("href") for i in range(toc.count())]
    ids = page.eval_on_selector_all(".zan-act .zan-h[id]", "els => els.map(e => '#' + e.id)")
    assert hrefs == ids
    assert (
        page.locator(".md-sidebar--secondary a[href='#art_15']")
        .inner_text()
        .startswith("15-бап. Мемлекеттік қызметтер")
    )
    page.goto(f"{site}/ru/{ACT}")
    assert page.locator("h3#art_15").inner_text() == (
        "Статья 15. Публичное обсуждение проектов подзаконных нормативных правовых актов, "
        "определяющих порядок оказания государственных услуг"
    )
    assert page.locator(".md-sidebar--secondary a[href='#chp_1']").count() == 1


def test_the_theme_storage_scope_is_the_language_tree_under_the_sub_path(page, site):
    # The theme's storage helpers come from one shared file (assets/zan-scope.js); their
    # scope is the language tree's root, as the theme's inline script made it from base_url.
    page.goto(f"{site}/kk/{ACT}history/")
    assert page.evaluate("__md_scope.pathname") == "/site/kk/"
    page.evaluate("__md_set('zan-test', [1, 2])")
    assert page.evaluate("localStorage.getItem('/site/kk/.zan-test')") == "[1,2]"
    page.goto(f"{site}/kk/")
    assert page.evaluate("__md_get('zan-test')") == [1, 2]


def _tab_stops(page) -> list[str]:
    """Every element Tab reaches on the page, in order, until it comes round again."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    seen: list[str] = []
    for _ in range(3000):
        page.keyboard.press("Tab")
        key = page.evaluate(
            "(() => { const e = document.activeElement; if (!e || e === document.body) "
            "return null; if (!e.dataset.zanTab) e.dataset.zanTab = String(Math.random()); "
            "return e.dataset.zanTab + ' ' + (e.closest('.zan-act') ? 'act' : 'page') })()"
        )
        if seen and key == seen[-1]:
            continue  # Tab moving between the day, month and year of one date field
        if key is None or key in seen:
            break
        seen.append(key)
    return seen


def test_unit_actions_take_no_tab_stop_per_unit(page, site):
    page.goto(f"{site}/kk/{ACT}")
    stops = _tab_stops(page)
    in_text = [s for s in stops if s.endswith(" act")]
    # In the law text Tab reaches only its links (cross-references, «cited by»): no action.
    links = page.locator(".zan-act a.zan-xref, .zan-act .zan-cited-by a").count()
    assert len(in_text) == links
    assert page.locator(".zan-actions").count() <= 1
    # 1 259 tab stops before (3-4 per unit); now the page's links, the contents panel and
    # the go-to box.
    assert len(stops) < 100, len(stops)


def test_the_unit_named_by_the_address_takes_the_focus_and_tab_reaches_its_actions(page, site):
    page.goto(f"{site}/kk/{ACT}#art_15__para_3")
    assert page.evaluate("document.activeElement.id") == "art_15__para_3"
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.classList.contains('zan-anchor'), "
        "document.activeElement.closest('section').id]"
    )
    assert focused == [True, "art_15__para_3"]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("#art_15__para_3 > .zan-actions .zan-copy-cite").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "«Мемлекеттік көрсетілетін қызметтер туралы» 2013 жылғы 15 сәуірдегі № 88-V "
        "Қазақстан Республикасы Заңының 15-бабының 3-тармағы"
    )


def test_the_action_bar_never_moves_the_text(page, site):
    page.goto(f"{site}/ru/{ACT}")
    top = "e => e.getBoundingClientRect().top + window.scrollY"
    below = page.locator("h3#art_16")
    before = below.evaluate(top)
    page.locator("#art_15__para_2 > .zan-text").hover()
    assert page.locator("#art_15__para_2 > .zan-actions").is_visible()
    assert below.evaluate(top) == before


def test_go_to_article_box(page, site):
    page.goto(f"{site}/ru/{ACT}")
    assert page.locator("#zan-goto label").inner_text() == "Перейти к статье"
    page.locator("#zan-goto-n").fill("15.2")
    page.locator("#zan-goto button").click()
    assert page.url == f"{site}/ru/{ACT}#art_15__para_2"
    assert page.evaluate("document.activeElement.id") == "art_15__para_2"
    page.locator("#zan-goto-n").fill("99")
    page.locator("#zan-goto-n").press("Enter")
    assert page.locator(".zan-goto-status").inner_text() == "В этом тексте нет «99»."
    page.goto(f"{site}/kk/{ACT}")
    assert page.locator("#zan-goto label").inner_text() == "Бапқа өту"
    page.locator("#zan-goto-n").fill("11-1")
    page.locator("#zan-goto-n").press("Enter")
    assert page.url == f"{site}/kk/{ACT}#art_11-1"


# ---------------------------------------------------------------- item 3: search


def _search(page, site, lang: str, query: str) -> str:
    page.goto(f"{site}/{lang}/search/")
    page.locator("#zan-search-q").fill(query)
    message = page.locator(".zan-search-message")
    page.wait_for_function(
        "q => !document.querySelector('.zan-search-message').textContent.includes('…')"
        " && document.querySelector('.zan-search-message').textContent.includes(q)",
        arg=query,
        timeout=15000,
    )
    return message.inner_text()


def _hrefs(page) -> list[str]:
    return page.eval_on_selector_all(".zan-search-results a", "els => els.map(e => e.href)")


def test_kazakh_search_lands_on_the_highlighted_unit_with_kazakh_strings(page, site):
    message = _search(page, site, "kk", "талқылау")
    assert re.fullmatch(r"«талқылау» бойынша \d+ нәтиже", message), message
    assert page.locator("#zan-search-q").get_attribute("placeholder") == "Іздеу сөзі"
    assert page.locator(".zan-search-filters legend").inner_text() == "Сүзгілер"
    labels = page.eval_on_selector_all(
        ".zan-search-filter", "els => els.map(e => e.firstChild.textContent.trim())"
    )
    assert labels == ["Түрі", "Мәртебесі", "Жылы"]
    text = page.locator(".md-content").inner_text()
    assert [w for w in ("results", "Clear", "Load more", "Filters") if w in text] == []
    _shot(page, "search-kk-1280")
    page.set_viewport_size(PHONE)
    _shot(page, "search-kk-390")
    sub = page.locator(f".zan-search-sublink[href*='/site/kk/{ACT}'][href$='#art_15']")
    href = sub.get_attribute("href")
    assert href.startswith(f"/site/kk/{ACT}?zan-hl=")
    sub.click()
    page.wait_for_load_state()
    assert page.url.endswith("#art_15")
    unit = page.locator("[data-eid='art_15']")
    assert unit.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 246, 204)"
    marks = page.locator("[data-eid='art_15'] mark.zan-hit").all_inner_texts()
    assert "талқылау" in marks and all(m.lower().startswith("талқыла") for m in marks)


def test_each_language_searches_its_own_pages(page, site):
    _search(page, site, "ru", "корпорация")
    hrefs = _hrefs(page)
    assert hrefs and all(h.startswith(f"{site}/ru/") for h in hrefs), hrefs
    _search(page, site, "kk", "терезе")
    hrefs = _hrefs(page)
    assert hrefs and all(h.startswith(f"{site}/kk/") for h in hrefs), hrefs


def test_nonsense_finds_nothing(page, site):
    # A real word with letters added: Pagefind alone shortens it until something matches.
    assert _search(page, site, "kk", "талқылаужж") == "«талқылаужж» бойынша ештеңе табылмады"
    assert _hrefs(page) == []
    assert _search(page, site, "ru", "услугиzz") == "По запросу «услугиzz» ничего не найдено"
    assert _hrefs(page) == []


def test_search_filters_by_status(page, site):
    _search(page, site, "ru", "закон")
    assert any("/ru/amendments/" in h for h in _hrefs(page))
    assert any(f"/ru/{ACT}" in h for h in _hrefs(page))
    page.locator(".zan-search-filter", has_text="Статус").locator("select").select_option(
        "Изменяющий акт"
    )
    page.wait_for_function(
        "() => [...document.querySelectorAll('.zan-search-results a')].length > 0 && "
        "[...document.querySelectorAll('.zan-search-results a')].every("
        "a => a.href.includes('/ru/amendments/'))",
        timeout=15000,
    )


# ---------------------------------------------------------------- item 9: parallel view


def _aligned_88():
    from generator.parallel import aligned
    from generator.parse import parse_markdown

    # the texts in force: kk Z2200000141, ru Z2200000129
    kk = (REPO / "corpus/Z1300000088/Z2200000141/kk.md").read_text("utf-8")
    ru = (REPO / "corpus/Z1300000088/Z2200000129/ru.md").read_text("utf-8")
    return aligned(parse_markdown(kk, "kk"), parse_markdown(ru, "ru"))


def test_parallel_view_aligns_kazakh_and_russian_by_eid(page, site):
    page.goto(f"{site}/kk/{ACT}")
    page.locator(".zan-par-link a").click()
    assert page.url == f"{site}/kk/{ACT}parallel/"
    assert (
        page.locator(".zan-par-editions")
        .inner_text()
        .startswith(
            "Екі тілдегі мәтін әр түрлі редакциядан: қазақша — ҚР 14.07.2022 № 141-VII "
            "Заңына дейінгі өзгерістермен (04.07.2022 № 134-VII Заңын қоса)"
        )
    )
    assert (
        "орысша — ҚР 27.06.2022 № 129-VII Заңына дейінгі өзгерістермен"
        in page.locator(".zan-par-editions").inner_text()
    )

    # The rows are laid out by zan.js from the kk and the ru page (issue 16: the texts are
    # not written again): one row per eId, in the order `parallel.aligned` gives.
    page.wait_for_selector(".zan-par[data-zan-rows]")
    got = page.eval_on_selector_all(
        ".zan-par > .zan-par-row[id]",
        "rows => rows.map(r => [r.id, ...[...r.children].map("
        "c => !c.classList.contains('zan-par-missing'))])",
    )
    assert got == [[e, k is not None, r is not None] for e, k, r in _aligned_88()]
    assert len(got) == 328 and sum(1 for _, k, r in got if not (k and r)) == 21  # one text only
    # the contents panel is the Kazakh text's own: its links land on the rows
    panel = page.locator("nav.md-nav--secondary a[href='#art_15']")
    assert panel.inner_text().startswith("15-бап. Мемлекеттік қызметтер көрсету тәртібін")
    assert page.locator(".zan-par-missing[lang=ru] .zan-par-absent").first.inner_text() == (
        "Бұл мәтінде жоқ"
    )

    def row(eid: str) -> tuple[str, str]:
        cells = page.locator(f"[id='{eid}'] > .zan-par-cell")
        assert [cells.nth(i).get_attribute("lang") for i in range(cells.count())] == ["kk", "ru"]
        return tuple(cells.nth(i).locator(".zan-h, .zan-text").first.inner_text() for i in (0, 1))

    assert row("art_15") == (
        "15-бап. Мемлекеттік қызметтер көрсету тәртібін айқындайтын заңға тәуелді "
        "нормативтік құқықтық актілердің жобаларын жария талқылау",
        "Статья 15. Публичное обсуждение проектов подзаконных нормативных правовых актов, "
        "определяющих порядок оказания государственных услуг",
    )
    assert row("art_1") == (
        "1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар",
        "Статья 1. Основные понятия, используемые в настоящем Законе",
    )
    kk, ru = row("art_15__para_3")
    assert kk.startswith("3. Мемлекеттік қызмет көрсету тәртібін айқындайтын")
    assert ru.startswith("3. Публичное обсуждение проекта подзаконного нормативного")
    page.goto(f"{site}/kk/{ACT}parallel/#art_15")
    _shot(page, "parallel-kk-1280")
    cells = page.locator("[id='art_15'] > .zan-par-cell")
    assert cells.nth(0).bounding_box()["y"] == cells.nth(1).bounding_box()["y"]
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/ru/{ACT}parallel/#art_15")
    _shot(page, "parallel-ru-390")
    a, b = (cells.nth(i).bounding_box() for i in (0, 1))
    assert a["x"] == b["x"] and a["width"] > 300 and b["y"] > a["y"]  # stacked on a phone


# ---------------------------------------------------------------- item 11: redline page


@pytest.mark.parametrize(
    "lang,act_id,a,b",
    [
        ("ru", "Z1300000088", "Z1900000272", "Z2200000129"),
        ("kk", "Z000000107", "before-Z070000262", "Z070000262"),
    ],
)
def test_side_by_side_view_is_the_table_the_redline_stage_writes(page, site, lang, act_id, a, b):
    """zan.js makes the side-by-side view from the inline one: the same table as
    `redline.html_side_by_side` of the page's diff, with the instructions' links."""
    from generator.consolidate_corpus import AmendersIndex, ledgers
    from generator.corpus import load_corpus
    from generator.diff import diff_acts
    from generator.publish import assemble_act, ledger_rows_by_act
    from generator.redline import html_side_by_side
    from generator.redline_pages import change_links

    corpus = load_corpus(REPO)
    index = AmendersIndex(corpus)
    rows = ledger_rows_by_act(ledgers(corpus, TODAY, index))
    act = assemble_act(corpus, corpus.acts[act_id], index, rows.get(act_id, []), TODAY)
    va, vb = (next(v for v in act.versions if v.id == x) for x in (a, b))
    diff = diff_acts(va.texts[lang], vb.texts[lang], mode="versions")
    page_dir = f"{lang}/acts/{act_id}/diff/{a}--{b}/"
    why = change_links(act, va, vb, lang, diff, page_dir)
    expected = html_side_by_side(diff, changed_only=True, extra=why)
    page.goto(f"{site}/{page_dir}#side-by-side")
    got = page.locator(".zan-diff-side-by-side").evaluate("t => t.outerHTML")
    parsed = page.evaluate(
        "html => { const t = document.createElement('template'); t.innerHTML = html;"
        " return t.content.firstElementChild.outerHTML; }",
        expected,
    )
    assert re.sub(r">\s+<", "><", got) == re.sub(r">\s+<", "><", parsed)
    assert got.count("<tr ") == len(diff.changes()) > 3


def test_redline_shows_one_view_at_a_time_and_goes_to_the_next_change(page, site):
    page.goto(f"{site}/ru/{REDLINE}")
    views = page.locator(".zan-view")
    assert [views.nth(i).is_visible() for i in range(3)] == [True, False, False]
    _shot(page, "redline-ru-1280")
    page.locator(".zan-view-switch button", has_text="Рядом").click()
    assert [views.nth(i).is_visible() for i in range(3)] == [False, True, False]
    assert page.url.endswith("#side-by-side")
    page.locator(".zan-change-next").click()
    page.locator(".zan-change-next").click()
    current = page.locator(".zan-change-current")
    assert current.count() == 1
    assert current.get_attribute("data-new") == "art_4__para_1__subpara_7"
    page.locator(".zan-change-prev").click()
    assert page.locator(".zan-change-current").get_attribute("data-new") == (
        "art_4__para_1__subpara_6"
    )
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/ru/{REDLINE}#side-by-side")
    _shot(page, "redline-ru-390")
    old, new = (
        page.locator(".zan-diff-side-by-side tr").first.locator(f"td.zan-diff-{s}")
        for s in ("old", "new")
    )
    a, b = old.bounding_box(), new.bounding_box()
    assert a["width"] > 300 and a["x"] == b["x"]  # stacked, not two 170 px columns


def test_act_page_screenshots(page, site):
    page.goto(f"{site}/kk/{ACT}#art_15")
    _shot(page, "act-kk-1280")
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/ru/{ACT}#art_15")
    _shot(page, "act-ru-390")
    assert page.locator("h3#art_15").is_visible()


def test_no_lunr_and_no_progress_bar_in_a_log(built):
    out, err = built
    for lang in ("kk", "ru"):
        assert sorted(p.name for p in (out / lang / "assets" / "javascripts").iterdir()) == [
            p.name
            for p in sorted((out / lang / "assets" / "javascripts").iterdir())
            if p.name.startswith("bundle.")
        ]
        assert not (out / lang / "assets" / "javascripts" / "lunr").exists()
    assert "\r" not in err and "zan build:" not in err


# ---------------------------------------------------------------- axe-core


def _axe(page) -> list[tuple[str, str]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [(v["id"], v.get("impact")) for v in results.response["violations"]]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(
    "what",
    ["catalogue", "act", "versions", "history", "redline", "parallel", "ledger", "search"],
)
def test_no_accessibility_violation_of_any_impact(page, site, what, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    path = {
        "catalogue": "",
        "act": ACT + "#art_15",
        "versions": ACT + "versions/",
        "history": "acts/Z000000107/history/",
        "redline": REDLINE,
        "parallel": ACT + "parallel/",
        "ledger": "amendments/Z070000262/",
        "search": "search/",
    }[what]
    page.goto(f"{site}/{lang}/{path}")
    if what == "search":
        _search(page, site, lang, {"kk": "талқылау", "ru": "услуги"}[lang])
    else:
        page.locator("[id='art_15__para_3']" if what == "act" else "h1").first.hover()
    assert _axe(page) == []
    # Nothing wider than the screen (a table's columns fit, or it is read as blocks).
    if what in ("catalogue", "versions", "history", "ledger"):
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_catalogue_and_ledger_screenshots(page, site):
    """The catalogue and the ledger of Law No. 262 at 1280 and 390 px; on a phone the
    catalogue reads as labelled blocks (every act's number and date visible)."""
    page.goto(f"{site}/kk/")
    _shot(page, "catalogue-kk-1280")
    row = page.locator("#zan-catalogue tbody tr", has_text="Z1300000088")
    assert row.locator("td").nth(3).inner_text() == "88-V"
    assert row.locator("td").nth(4).inner_text() == "15.04.2013"
    page.goto(f"{site}/kk/amendments/Z070000262/")
    _shot(page, "ledger-kk-1280")
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/ru/")
    _shot(page, "catalogue-ru-390")
    cell = page.locator("#zan-catalogue tbody tr", has_text="Z1300000088").locator("td").nth(4)
    assert cell.bounding_box()["x"] < PHONE["width"]
    page.goto(f"{site}/ru/amendments/Z070000262/")
    _shot(page, "ledger-ru-390")


def _catalogue_ready(page) -> None:
    """The rows of the parts the filters need are fetched (generator/catalogue.py)."""
    page.wait_for_selector("#zan-catalogue[data-zan-ready]", state="attached")


def test_catalogue_filters_live_in_the_address(page, site):
    page.goto(f"{site}/ru/?type=law&year=2013")
    _catalogue_ready(page)
    rows = page.locator("#zan-catalogue tbody tr:not([hidden])")
    assert [rows.nth(i).locator("code").inner_text() for i in range(rows.count())] == [
        "Z1300000088"
    ]
    assert page.locator("#zan-nothing").is_hidden()
    page.select_option("select[name=year]", "2000")
    _catalogue_ready(page)
    assert page.url.endswith("/ru/?type=law&year=2000")
    assert page.locator("#zan-catalogue tbody tr:not([hidden]) code").inner_text() == "Z000000107"
    page.select_option("select[name=type]", "order")
    _catalogue_ready(page)
    assert page.locator("#zan-nothing").inner_text() == "Актов, отвечающих фильтру, нет."
