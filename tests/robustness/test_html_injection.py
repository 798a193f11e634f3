"""Robustness: HTML and script in every corpus field a page shows (issue 11, «Stored XSS»).

One build of a copy of this repository's corpus carries every payload in every field
(mutations of real files: the payloads are appended to the real title, remark, note…).
Each case (field × payload) asserts the exact text on the page, escaped in its HTML, shown
as text in Chromium, and that no script of the corpus ran there (no dialog, no marker the
payload would set). `test_no_built_page_runs_a_script` loads every page of the build.
Values that cannot be legitimate (a URL with another scheme than http, https or mailto, an
address that is not an e-mail address) are errors of `zan check` and `zan build`.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from harness import assert_error, make_repo, mutate, run

from generator.site import esc, ui

CATEGORY = "html injection"
TODAY = "2026-11-21"
CHROMIUM = Path("/usr/bin/chromium")

# Each would set window.zx and open a dialog if the browser ran it.
PAYLOADS = [
    '<img src=x onerror="zx=1;alert(1)">',
    "<script>zx=2;alert(2)</script>",
    '"><svg onload=zx=3;alert(3)>',
    "'><img src=x onerror=zx=4;alert(4)>",
    "</title><script>zx=5;alert(5)</script>",
    "</script><img src=x onerror=zx=6;alert(6)>",
    "&lt;img src=x onerror=zx=7;alert(7)&gt;",
    "[x](javascript:zx=8;alert(8))",
    '<a href="javascript:zx=9;alert(9)">x9</a>',
    '{: onclick="zx=10;alert(10)" }',
    '<iframe srcdoc="<script>parent.zx=11;parent.alert(11)</script>"></iframe>',
    "<!--<img src=x onerror=zx=12;alert(12)>-->",
]
JOINED = " ".join(PAYLOADS)


@dataclass(frozen=True)
class Field:
    """A corpus field: the real text it is mutated from and the page that shows it."""

    name: str
    file: str  # relative to the repository
    old: str  # the real text in the file
    new: str  # the same with the payloads
    page: str  # site-relative URL of a page that shows it
    shown: str  # the exact text the page shows
    title: bool = False  # the page's title: <title>, header and <h1>
    suffix: str = ""  # what the page's title adds to the field


def _yaml(key: str, value: str) -> str:
    return f"{key}: {json.dumps(value, ensure_ascii=False)}"


def _field(name, file, old, page, *, key=None, title=False, text=None, suffix="") -> Field:
    """``old`` with the payloads appended; ``key``: a YAML key whose value ``old`` is."""
    real = old if key is None else old.split(": ", 1)[1]
    shown = f"{text if text is not None else real} {JOINED}"
    new = _yaml(key, f"{real} {JOINED}") if key else f"{old} {JOINED}"
    return Field(name, file, old, new, page, shown, title, suffix)


Z107 = "corpus/Z000000107/act.yml"
Z107_KK = "corpus/Z000000107/before-Z070000262/kk.md"
P845 = "corpus/P1300000845/P1300001472/kk.md"
Z88_KK = "corpus/Z1300000088/Z2200000141/kk.md"
EX845 = "examples/drafts/EX1300000845"
EX8549 = "examples/drafts/EX1300008549"
ART5 = "Көрсетілетін қызметті берушілердің құқықтары мен міндеттері"
NOTE = (
    "> Ескерту. 10-тармақ жаңа редакцияда - ҚР Үкіметінің 31.12.2013 № 1472 қаулысымен "
    "(алғашқы ресми жарияланған қунінен бастап қолданысқа енгізіледі)."
)
FIELDS = [
    _field(
        "act.yml title.kk",
        "corpus/P1200001579/act.yml",
        "  kk: «Мемлекеттік қызметтер көрсету туралы» Қазақстан Республикасы Заңының жобасы туралы",
        "kk/acts/P1200001579/versions/",
        key="  kk",
        title=True,
        suffix=f": {ui('kk')['versions']}",
    ),
    Field(
        "amending act number",
        "amendments/Z070000262/act.yml",
        'number: "262"',
        _yaml("number", f"262 {JOINED}"),
        "kk/acts/Z000000107/versions/",
        f"ҚР 2007.06.18 № 262 {JOINED} Заңы",
    ),
    _field(
        "act.yml title.ru",
        Z107,
        "  ru: Об административных процедурах",
        "ru/acts/Z000000107/versions/",
        key="  ru",
        title=True,
        suffix=f": {ui('ru')['versions']}",
    ),
    _field(
        "stored text title line",
        Z107_KK,
        "# Әкімшілік рәсімдер туралы",
        "kk/acts/Z000000107/",
        title=True,
        text="Әкімшілік рәсімдер туралы",
    ),
    _field(
        "amending act title.kk",
        "amendments/Z070000262/act.yml",
        "  kk: Қазақстан Республикасының кейбір заңнамалық актілеріне әкімшілік рәсімдерді "
        "жетілдіру мәселелері бойынша өзгеріс пен толықтырулар енгізу туралы",
        "kk/amendments/Z070000262/",
        key="  kk",
        title=True,
    ),
    _field(
        "draft title.kk",
        "drafts/DP1200001579/act.yml",
        "  kk: Мемлекеттік қызметтер көрсету туралы",
        "kk/drafts/DP1200001579/",
        key="  kk",
        title=True,
    ),
    _field(
        "remark summary.kk",
        f"{EX845}/remarks.yml",
        '    kk: "Үлгі ескерту: тармақтағы мерзімді нақтылау ұсынылады."',
        "kk/examples/EX1300000845/",
        key="    kk",
    ),
    _field(
        "remark reasons.kk",
        f"{EX845}/remarks.yml",
        '    kk: "Үлгі шешім: ескерту ескерілді."',
        "kk/examples/EX1300000845/",
        key="    kk",
    ),
    _field(
        "draft body.kk",
        f"{EX845}/act.yml",
        "  kk: (үлгі деректер)",
        "kk/examples/EX1300000845/",
        key="  kk",
    ),
    _field(
        "discussion override reason",
        f"{EX8549}/act.yml",
        "    reason: \"sample data: the calendar holds no data for 2026, so this example's window "
        'is set by hand"',
        "kk/examples/EX1300008549/",
        key="    reason",
    ),
    _field(
        "edition consolidated.kk",
        Z107,
        "      kk: ҚР 18.06.2007 № 262 Заңы күшіне енгенге дейінгі мәтін (2004 жылғы бір түзетумен, "
        "оның нөмірі дереккөздерде жоқ)",
        "kk/acts/Z000000107/before-Z070000262/",
        key="      kk",
    ),
    _field(
        "repealed_by text.kk",
        "corpus/P1300000845/act.yml",
        "    kk: ҚР Үкіметінің 10.08.2015 № 624 қаулысымен (алғашқы ресми жарияланған күнінен "
        "бастап қолданысқа енгізіледі)",
        "kk/acts/P1300000845/",
        key="    kk",
    ),
    _field(
        "unit text",
        Z88_KK,
        "1. Көрсетілетін қызметті берушілердің:",
        "kk/acts/Z1300000088/Z2200000141/",
    ),
    Field(
        "article heading",
        Z88_KK,
        f"### 5-бап. {ART5} {{#art_5}}",
        f"### 5-бап. {ART5} {JOINED} {{#art_5}}",
        "kk/acts/Z1300000088/Z2200000141/",
        f"5-бап. {ART5} {JOINED}",
    ),
    _field("editorial note", P845, NOTE, "kk/acts/P1300000845/", text=NOTE[2:]),
    _field(
        "correction reason.kk",
        P845,
        "    kk: «К» орнына «Қ» басылған («Күші жойылды» — ресми формула).",
        "kk/acts/P1300000845/",
        key="    kk",
    ),
]
EX845_TITLE = _field(
    "example draft title.kk",
    f"{EX845}/act.yml",
    "  kk: Мемлекеттік көрсетілетін қызметтерді оңтайландыру және автоматтандыру қағидаларын "
    "бекіту туралы",
    "kk/examples/EX1300000845/",
    key="  kk",
)
FIELDS.append(EX845_TITLE)
CASES = [(f, n) for f in FIELDS for n in range(len(PAYLOADS))]


# What a page shows and whether a payload ran, in one round trip.
SEEN_JS = """() => {
  const text = (sel) => { const el = document.querySelector(sel); return el ? el.innerText : ""; };
  return {
    marker: typeof window.zx === "undefined" ? null : window.zx,
    title: document.title,
    text: document.body.innerText,
    header: text("[data-md-component=header-topic]"),
    h1: text("h1"),
    links: Array.from(document.querySelectorAll("a[href]"), (a) => a.href),
  };
}"""


def _serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D401 - silence the test output
        pass


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    """The corpus with every payload in every field, built once (with the examples)."""
    root = make_repo(tmp_path_factory.mktemp("xss"))
    for f in FIELDS:
        mutate(root / f.file, f.old, f.new)
    out = run(root, "build", "--examples", "--today", TODAY, "--out", "site")
    assert out.traceback is None, out.traceback
    assert out.exit_code == 0, out.stderr
    return root


@pytest.fixture(scope="module")
def chromium(injected):
    """Chromium on the built site: ``load(url)`` → what one page did (loaded once)."""
    api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed (./dev test installs it)", pytrace=False)
    httpd = _serve(injected / "site")
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    seen: dict[str, dict] = {}
    with api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
        )
        context = browser.new_context()

        pg = context.new_page()
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        def load(url: str) -> dict:
            if url not in seen:
                dialogs.clear()
                pg.goto(base + url, wait_until="load")
                pg.wait_for_timeout(50)  # an <img onerror> fires after the failed load
                seen[url] = pg.evaluate(SEEN_JS) | {"dialogs": list(dialogs)}
            return seen[url]

        load.page = pg
        load.base = base
        load.dialogs = dialogs
        yield load
        browser.close()
    httpd.shutdown()


@pytest.mark.parametrize(("field", "n"), CASES, ids=[f"{f.name}-{n + 1}" for f, n in CASES])
def test_a_payload_is_shown_as_text_and_never_runs(injected, chromium, field, n):
    payload = PAYLOADS[n]
    html = (injected / "site" / field.page / "index.html").read_text(encoding="utf-8")
    # Escaped where it stands in the HTML: the five characters as entities, nothing else.
    assert esc(payload) in html
    assert esc(field.shown) in html
    if field.title:
        site_name = ui(field.page[:2])["site_name"]
        heading = field.shown + field.suffix
        assert f"<title>{esc(heading)} - {esc(site_name)}</title>" in html
        assert f"<h1>{esc(heading)}</h1>" in html
    # In Chromium: shown as text, and nothing of it ran.
    seen = chromium(field.page)
    assert seen["dialogs"] == []
    assert seen["marker"] is None
    assert payload in seen["text"]
    assert not any(link.lower().startswith("javascript:") for link in seen["links"])
    if field.title:
        assert seen["title"] == f"{heading} - {site_name}"
        assert seen["header"].strip() == heading
        assert seen["h1"].strip() == heading


@pytest.mark.parametrize(
    "n", range(len(PAYLOADS)), ids=[f"feed-{n + 1}" for n in range(len(PAYLOADS))]
)
def test_a_payload_in_a_draft_title_is_text_in_the_atom_feed(injected, n):
    """The feed is XML: the same escaping, and the title comes back exactly when parsed."""
    raw = (injected / "site" / "kk" / "feeds" / "drafts.xml").read_text(encoding="utf-8")
    assert esc(PAYLOADS[n]) in raw
    feed = ET.fromstring(raw)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert EX845_TITLE.shown in titles


def test_no_built_page_runs_a_script(injected, chromium):
    """Every page of the build carrying the payloads, loaded in Chromium."""
    site = injected / "site"
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    assert len(pages) > 60
    ran = {}
    for rel in pages:
        seen = chromium(rel)
        if seen["dialogs"] or seen["marker"] is not None:
            ran[rel] = (seen["dialogs"], seen["marker"])
    assert ran == {}


# ---------------------------------------------------------------- values that cannot be legitimate

REVISED = "revised_draft: https://example.org/sample-revised-draft"
BAD_URLS = [
    ("javascript:alert(3)", "scheme 'javascript' is not allowed (http, https, mailto)"),
    ("JavaScript:alert(3)", "scheme 'javascript' is not allowed (http, https, mailto)"),
    (" javascript:alert(3)", "a URL may not hold spaces or control characters"),
    ("java\tscript:alert(3)", "a URL may not hold spaces or control characters"),
    ("java\nscript:alert(3)", "a URL may not hold spaces or control characters"),
    (
        "data:text/html,<script>alert(3)</script>",
        "scheme 'data' is not allowed (http, https, mailto)",
    ),
    ("vbscript:msgbox(3)", "scheme 'vbscript' is not allowed (http, https, mailto)"),
    ("file:///etc/passwd", "scheme 'file' is not allowed (http, https, mailto)"),
    ("//example.org/sample-revised-draft", "a URL needs a scheme (http, https, mailto)"),
    ("https:alert(3)", "an https URL needs a host"),
    (
        "mailto:x@example.org?bcc=y@example.org",
        "not an e-mail address: 'x@example.org?bcc=y@example.org'",
    ),
]


@pytest.mark.parametrize(("url", "why"), BAD_URLS, ids=[repr(u) for u, _ in BAD_URLS])
def test_a_revised_draft_url_with_another_scheme_is_an_error(repo, url, why):
    yml = repo / EX845 / "act.yml"
    mutate(yml, REVISED, _yaml("revised_draft", url))
    out = run(repo, "check", "--today", TODAY)
    line = assert_error(out, f"{EX845}/act.yml", 14, "revised_draft")
    assert line == f"{EX845}/act.yml:14: revised_draft: {why}"


@pytest.mark.parametrize("url", ["javascript:alert(3)", "data:text/html,<script>alert(3)</script>"])
def test_build_refuses_a_javascript_url_and_never_links_it(repo, url):
    mutate(repo / EX845 / "act.yml", REVISED, _yaml("revised_draft", url))
    out = run(repo, "build", "--examples", "--no-search", "--today", TODAY, "--out", "site")
    line = assert_error(out, f"{EX845}/act.yml", 14, "revised_draft")
    assert line == (
        f"{EX845}/act.yml:14: revised_draft: scheme '{url.split(':')[0]}' is not allowed "
        "(http, https, mailto)"
    )
    assert not (repo / "site").exists()


def test_a_url_that_reaches_the_renderer_is_never_a_live_link(repo, monkeypatch):
    """With the check bypassed, the report still shows the value as text, not as a link."""
    import generator.drafts

    monkeypatch.setattr(generator.drafts, "link_errors", lambda meta, yml, shown: [])
    mutate(repo / EX845 / "act.yml", REVISED, _yaml("revised_draft", "javascript:alert(3)"))
    out = run(repo, "build", "--examples", "--no-search", "--today", TODAY, "--out", "site")
    assert out.exit_code == 0, out.stderr
    html = (repo / "site/kk/examples/EX1300000845/index.html").read_text(encoding="utf-8")
    assert "<code>javascript:alert(3)</code>" in html
    assert 'href="javascript:' not in html


EMAIL = "contact: {email: remarks@example.org}"
BAD_EMAILS = [
    "x@example.org?bcc=y@example.org",
    '"><img src=x onerror=alert(1)>@example.org',
    "javascript:alert(1)",
    "remarks@example.org#x",
    "remarks example.org",
]


@pytest.mark.parametrize("email", BAD_EMAILS)
def test_a_contact_that_is_not_an_email_address_is_an_error(repo, email):
    mutate(repo / EX845 / "act.yml", EMAIL, f"contact: {{email: {json.dumps(email)}}}")
    out = run(repo, "check", "--today", TODAY)
    line = assert_error(out, f"{EX845}/act.yml", 13, "contact.email")
    assert line == f"{EX845}/act.yml:13: contact.email: not an e-mail address: {email!r}"


def test_the_check_sees_a_payload_that_runs(injected, chromium):
    """Control: the same payloads written raw into a page are caught (the check can fail)."""
    raw = injected / "site" / "control.html"
    raw.write_text(f"<!doctype html><title>c</title><body>{PAYLOADS[0]} {PAYLOADS[1]}</body>")
    seen = chromium("control.html")
    raw.unlink()
    assert sorted(seen["dialogs"]) == ["1", "2"]
    assert seen["marker"] in (1, 2)


@pytest.mark.parametrize("query", ["onerror", "alert", "javascript"])
def test_search_results_show_the_payloads_as_text(injected, chromium, query):
    """Pagefind's results (titles and excerpts of the indexed pages) run nothing either."""
    pg = chromium.page
    chromium.dialogs.clear()
    pg.goto(chromium.base + "kk/search/", wait_until="load")
    pg.locator("#zan-search input").fill(query)
    pg.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    pg.wait_for_timeout(300)
    titles = pg.eval_on_selector_all(".pagefind-ui__result-link", "as => as.map(a => a.innerText)")
    # The result's title is the page's <h1>, shown exactly as the field holds it.
    assert f"[МЫСАЛ] {EX845_TITLE.shown}" in titles
    assert chromium.dialogs == []
    assert pg.evaluate("typeof window.zx") == "undefined"


def test_check_accepts_html_characters_in_text_fields(injected):
    """A title or a remark may hold «<» or «&»: not an error, the site escapes it."""
    out = run(injected, "check", "--today", TODAY)
    assert out.traceback is None
    assert out.exit_code == 0, out.stderr
    assert out.stderr.splitlines()[-1] == "corpus OK"
