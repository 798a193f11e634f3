"""No raw code in what a reader sees (issue 15, item 7), over every page of the built site.

Every label a reader sees is a word of the page's language or a citation in its legal
form: version statuses, ledger statuses, operation actions, version IDs and eIds stay in
URLs, anchors and data attributes. The site is built from the repository's corpus, with
the discussion examples (`--examples`), at a fixed date.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
import yaml
from conftest import REPO

from generator.build import build_site
from generator.consolidate import EffectStatus
from generator.model import Operation

TODAY = dt.date(2026, 11, 21)
# What the engine and the ledger call things (DESIGN.md «Operations», «outstanding effects»).
STATUS_CODES = ["past", "in_force", "pending"]
# The engine's own codes: every ledger status and every action of DESIGN.md.
LEDGER_CODES = [str(s) for s in EffectStatus if s is not EffectStatus.PENDING]
ACTION_CODES = list(Operation.ACTIONS)
EID = re.compile(
    r"(?<![\w/#-])(?:annex|part|chp|subchp|art|para|subpara|al|table|row|qstr)_[\w.-]+"
    r"|(?<![\w/#-])(?:preamble|toc|heading)(?![\w-])"
)
# The theme's and the browser's English (the theme translates most of its strings by
# `theme.language`; these are the ones seen untranslated before).
ENGLISH = ["Not found", "results for", "No results", "Load more", "Clear", "Made with"]
ATTRS = ("title", "aria-label", "alt", "placeholder")
HIDDEN = {"script", "style", "template", "code"}


def _edition_ids() -> list[str]:
    """The edition folder names of the corpus that are not an act's ID («original»,
    «before-Z070000262», «partial-before-Z1500000408», «V2020-19-NK»)."""
    ids = set()
    for f in sorted((REPO / "corpus").glob("*/act.yml")):
        for ed in yaml.safe_load(f.read_text(encoding="utf-8")).get("editions") or []:
            if not re.fullmatch(r"[A-Z]{1,2}\d{7,}", str(ed["id"])):
                ids.add(str(ed["id"]))
    return sorted(ids)


class _Visible(HTMLParser):
    """The text a reader sees (and hears: titles, labels, alternative texts)."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        self.texts += [v for k, v in attrs if k in ATTRS and v]

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.texts.append(data.strip())


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, list[str]]:
    out = tmp_path_factory.mktemp("words") / "site"
    build_site(REPO, out, today=TODAY, examples=True, progress=False)
    found = {}
    for p in sorted(out.rglob("*.html")):
        v = _Visible()
        v.feed(p.read_text(encoding="utf-8"))
        found[str(p.relative_to(out))] = v.texts
    return found


def _hits(pages: dict[str, list[str]], pattern: re.Pattern) -> list[tuple[str, str]]:
    return [
        (name, text[:120])
        for name, texts in pages.items()
        for text in texts
        if pattern.search(text)
    ]


def test_the_site_has_the_pages_looked_at(pages):
    """The scan covers every kind of page: texts, versions, history, redlines, parallel
    views, amending acts, drafts and their discussion, search, outstanding list, 404."""
    kinds = {
        "kk/acts/Z000000107/index.html",
        "ru/acts/Z000000107/versions/index.html",
        "kk/acts/Z000000107/history/index.html",
        "ru/acts/Z1300000088/diff/Z1900000272--Z2200000129/index.html",
        "kk/amendments/Z070000262/index.html",
        "ru/amendments/Z070000262/index.html",
        "kk/drafts/DP1200001579/index.html",
        "kk/search/index.html",
        "ru/404.html",
        "kk/404.html",
    }
    assert kinds <= set(pages), sorted(kinds - set(pages))
    assert len(pages) >= 60


@pytest.mark.parametrize(
    "codes",
    [STATUS_CODES, LEDGER_CODES, ACTION_CODES, _edition_ids()],
    ids=["version statuses", "ledger statuses", "actions", "edition IDs"],
)
def test_no_code_in_visible_text(pages, codes):
    word = re.compile(r"(?<![\w/#.-])(?:" + "|".join(map(re.escape, codes)) + r")(?![\w-])")
    assert _hits(pages, word) == []


def test_no_eid_in_visible_text(pages):
    """Units are named as lawyers write them («15-бап 2-тармақ», «п. 2 ст. 15»)."""
    assert _hits(pages, EID) == []


def test_no_english_interface_string(pages):
    english = re.compile("|".join(map(re.escape, ENGLISH)))
    assert _hits(pages, english) == []


def test_the_404_pages_speak_the_language():
    """`zan serve` answers a missing page with the site's own page of that language."""
    from generator.serve import not_found_page

    assert [not_found_page(p) for p in ("/ru/acts/Z9/", "/kk/x", "/")] == [
        "ru/404.html",
        "kk/404.html",
        "kk/404.html",
    ]


def test_named_versions_and_units(pages):
    """What stands in place of the codes: the words, exactly."""
    versions = " | ".join(pages["kk/acts/Z000000107/versions/index.html"])
    assert (
        "ҚР 18.06.2007 № 262 Заңы күшіне енгенге дейінгі мәтін (2004 жылғы бір түзетумен, "
        "оның нөмірі дереккөздерде жоқ)" in versions
    )
    assert "zan есептеген: ҚР 18.06.2007 № 262 Заңы енгізген өзгерістер қолданылды" in versions
    history = pages["kk/acts/Z000000107/history/index.html"]
    assert "9-1-бап" in history
    assert pages["ru/404.html"].count("Страница не найдена") >= 1


def test_a_change_of_punctuation_alone_is_marked(tmp_path):
    """Law 88-V, ru, subpara 3) of art. 18: the 2022 edition only changes the quotes
    around «электронного правительства» — one character each, marked to be seen."""
    from generator.corpus import load_corpus
    from generator.diff import diff_acts
    from generator.redline import html_inline

    corpus = load_corpus(REPO)
    eds = {e.id: e for e in corpus.acts["Z1300000088"].editions}
    old, new = (eds[v].load_with_digest("ru")[0] for v in ("Z1900000272", "Z2200000129"))
    html = html_inline(diff_acts(old, new, mode="versions"), changed_only=True)
    assert (
        '<p>3) посредством веб-портала <del class="zan-punct">&#34;</del>'
        '<ins class="zan-punct">«</ins>электронного правительства' in html
    )


def test_a_quoted_title_of_another_act_links_to_it():
    """Order V1300008549 (2020 edition, line 26) cites Law 88-V by its quoted title: the title
    links to the act's page; a quoted phrase that is not a title of the corpus stays text."""
    from generator.corpus import load_corpus
    from generator.publish import act_titles
    from generator.site import ROOT, make_linkify

    titles = act_titles(load_corpus(REPO))
    line = (REPO / "corpus/V1300008549/V2020-19-NK/kk.md").read_text(encoding="utf-8")
    sentence = line.splitlines()[25]
    assert sentence.startswith('"Мемлекеттік көрсетілетін қызметтер туралы" 2013 жылғы')
    html = make_linkify("kk", {}, titles, "V1300008549")(sentence)
    assert html.startswith(
        f'<a class="zan-xref" href="{ROOT}kk/acts/Z1300000088/">'
        "&#34;Мемлекеттік көрсетілетін қызметтер туралы&#34;</a> 2013 жылғы 15 сәуірдегі"
    )
    # The act's own title is never linked to itself.
    assert "zan-xref" not in make_linkify("kk", {}, titles, "Z1300000088")(sentence)
