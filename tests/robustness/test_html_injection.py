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
import hashlib
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
        f"ҚР 18.06.2007 № 262 {JOINED} Заңы",
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
        "draft body.ru",
        f"{EX8549}/act.yml",
        "  ru: (образец данных)",
        "ru/examples/EX1300008549/",
        key="  ru",
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
        "kk/acts/Z1300000088/",  # the text in force: its version address only leads here
    ),
    Field(
        "article heading",
        Z88_KK,
        f"### 5-бап. {ART5} {{#art_5}}",
        f"### 5-бап. {ART5} {JOINED} {{#art_5}}",
        "kk/acts/Z1300000088/",
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
        path = root / f.file
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        mutate(path, f.old, f.new)
        if path.suffix == ".md":
            # The stored text changed on purpose: its act.yml records the new SHA-256.
            after = hashlib.sha256(path.read_bytes()).hexdigest()
            yml = next(p / "act.yml" for p in path.parents if (p / "act.yml").is_file())
            mutate(yml, before, after)
    # The payloads stand for text that reached the corpus the regular way (an editorial
    # correction recorded and reimported): the comparison with the text regenerated from
    # the official source is what this suite does not test (tests/robustness of the schema).
    with pytest.MonkeyPatch.context() as mp:
        import generator.validate

        mp.setattr(generator.validate, "_regenerated", lambda *args: [])
        out = run(root, "build", "--examples", "--today", TODAY, "--out", "site")
        assert out.traceback is None, out.traceback
        assert out.exit_code == 0, out.stderr
        yield root


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
    # The feed lists the open example, marked «[МЫСАЛ]», its title shortened before the payload.
    assert any(t.startswith("[МЫСАЛ] ") and PAYLOADS[n] in t for t in titles), titles


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
# The schema (generator/schemas/draft.yml) refuses what is not http, https or mailto; what
# its pattern lets through but cannot be a link is refused by links.py.
NOT_URL = "not an http, https or mailto URL: "
BAD_URLS = [
    ("javascript:alert(3)", NOT_URL + "'javascript:alert(3)'"),
    ("JavaScript:alert(3)", NOT_URL + "'JavaScript:alert(3)'"),
    (" javascript:alert(3)", NOT_URL + "' javascript:alert(3)'"),
    ("java\tscript:alert(3)", NOT_URL + "'java\\tscript:alert(3)'"),
    ("java\nscript:alert(3)", NOT_URL + "'java\\nscript:alert(3)'"),
    (
        "data:text/html,<script>alert(3)</script>",
        NOT_URL + "'data:text/html,<script>alert(3)</script>'",
    ),
    ("vbscript:msgbox(3)", NOT_URL + "'vbscript:msgbox(3)'"),
    ("file:///etc/passwd", NOT_URL + "'file:///etc/passwd'"),
    ("//example.org/sample-revised-draft", NOT_URL + "'//example.org/sample-revised-draft'"),
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
    assert line.endswith(f"{EX845}/act.yml:14: revised_draft: {NOT_URL}{url!r}")
    assert not (repo / "site").exists()


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
    pg.locator("#zan-search-q").fill(query)
    pg.locator(".zan-search-results .zan-search-link").first.wait_for(timeout=15000)
    pg.wait_for_timeout(300)
    titles = pg.eval_on_selector_all(
        ".zan-search-results .zan-search-link", "as => as.map(a => a.innerText)"
    )
    # The result's title is the page's <h1>, shown exactly as the field holds it.
    assert any(EX845_TITLE.shown in t for t in titles), titles
    assert chromium.dialogs == []
    assert pg.evaluate("typeof window.zx") == "undefined"


def test_check_accepts_html_characters_in_text_fields(injected):
    """A title or a remark may hold «<» or «&»: not an error, the site escapes it."""
    out = run(injected, "check", "--today", TODAY)
    assert out.traceback is None
    assert out.exit_code == 0, out.stderr
    assert out.stderr.splitlines()[-1] == "corpus OK"
