"""The kk | ru view of a redline (issue 16, item 4: each language's change written once).

The page writes the table's frame (`redline.html_parallel_frame`); zan.js fills its cells
from the inline views of the two languages' pages. The repository's corpus has no pair of
versions in both languages, so this builds the synthetic corpus (benchmarks/make_corpus.py,
real text recombined) of 8 acts, where act ZB00000004 changes in both languages.
"""

import datetime as dt
import functools
import http.server
import re
import sys
import threading
from pathlib import Path

import pytest
from conftest import REPO

from generator.build import build_site

sys.path.insert(0, str(REPO / "benchmarks"))
import make_corpus  # noqa: E402

playwright_api = pytest.importorskip("playwright.sync_api")
if not Path("/usr/bin/chromium").exists():
    pytest.fail("Debian's chromium is not installed (./dev test installs it)", pytrace=False)

TODAY = dt.date(2026, 11, 21)
ACT = "ZB00000004"
PAIR = ("original", "ZBA00000004")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D401 - silence the test output
        pass


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """(corpus root, site folder, base URL) of the 8-act synthetic corpus."""
    tmp = tmp_path_factory.mktemp("redline-pair")
    make_corpus.make(REPO, tmp / "c", 8, 4, 1)
    build_site(tmp / "c", tmp / "site", today=TODAY, progress=False, search=False,
               cache_dir=tmp / "cache")  # fmt: skip
    handler = functools.partial(_Quiet, directory=str(tmp / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield tmp / "c", tmp / "site", f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _diffs(root: Path):
    from generator.consolidate_corpus import AmendersIndex, ledgers
    from generator.corpus import load_corpus
    from generator.diff import diff_acts
    from generator.publish import assemble_act, ledger_rows_by_act

    corpus = load_corpus(root)
    index = AmendersIndex(corpus)
    rows = ledger_rows_by_act(ledgers(corpus, TODAY, index))
    act = assemble_act(corpus, corpus.acts[ACT], index, rows.get(ACT, []), TODAY)
    va, vb = (next(v for v in act.versions if v.id == x) for x in PAIR)
    return {
        lang: diff_acts(va.texts[lang], vb.texts[lang], mode="versions") for lang in ("kk", "ru")
    }


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_kk_ru_view_is_the_table_of_both_diffs(browser, synthetic, lang):
    """zan.js fills the frame into exactly `redline.html_parallel` of the two diffs."""
    from generator.redline import html_parallel

    root, _, base = synthetic
    d = _diffs(root)
    expected = html_parallel(d["kk"], d["ru"], changed_only=True)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/{lang}/acts/{ACT}/diff/{PAIR[0]}--{PAIR[1]}/#parallel")
    table = page.locator("table.zan-diff-parallel")
    table.wait_for(state="visible")
    got = table.evaluate("t => t.outerHTML")
    parsed = page.evaluate(
        "html => { const t = document.createElement('template'); t.innerHTML = html;"
        " return t.content.firstElementChild.outerHTML; }",
        expected,
    )
    assert re.sub(r">\s+<", "><", got) == re.sub(r">\s+<", "><", parsed)
    # rows changed in one language only keep the other's unchanged text (4 here)
    assert got.count('class="zan-diff-same"') == 4
    assert got.count("<tr ") == 7
    context.close()


def test_without_javascript_each_page_holds_its_change_once(browser, synthetic):
    """Without JavaScript: the inline view shows every change of the page's language, the
    kk | ru table stays hidden and the page links the other language's redline; the
    words of a change are written once over the two pages."""
    from generator.redline import html_inline

    root, site, base = synthetic
    d = _diffs(root)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for lang, other in (("kk", "ru"), ("ru", "kk")):
        path = f"{lang}/acts/{ACT}/diff/{PAIR[0]}--{PAIR[1]}/"
        page.goto(f"{base}/{path}")
        assert page.locator(".zan-diff-inline > div").count() == len(d[lang].changes()) == 5
        assert not page.locator("table.zan-diff-parallel").is_visible()
        link = page.locator(".zan-pair-link a")
        assert (
            link.get_attribute("href")
            == f"../../../../../{other}/acts/{ACT}/diff/{PAIR[0]}--{PAIR[1]}/"
        )
        html = (site / path / "index.html").read_text(encoding="utf-8")
        for p in d[lang].changes():
            marked = html_inline(type(d[lang])([p], lang, "versions")).splitlines()[1]
            words = marked.split("<p>", 1)[1].split("</p>", 1)[0]
            assert html.count(words) == 1, p.key
    context.close()
