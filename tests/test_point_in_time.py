"""Point in time and currency over the whole built site (issue 14): every version page, kk
and ru, states its period in one sentence (``data-zan-period``) and its currency
(``data-zan-currency``); the versions table shows one version in force per language;
redirect pages carry neither (tests/test_outstanding.py)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import REPO

from generator.build import build_site
from generator.published import read_manifest

TODAY = dt.date(2026, 11, 21)
PERIOD = {
    "kk": re.compile(r"^Мәтін .+ (?:қолданыста болды|қолданыста|қолданысқа енгізіледі)\.$"),
    "ru": re.compile(r"^Текст (?:действовал|действует|вводится в действие) .+\.$"),
}
CHECKED = {"kk": "тексерілген күні 21.11.2026.", "ru": "проверено 21.11.2026."}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("pit") / "site"
    build_site(REPO, out, today=TODAY, progress=False, search=False)
    return out


def _one(html: str, attr: str) -> str:
    found = re.findall(rf"<p [^>]*{attr}[^>]*>(.*?)</p>", html)
    assert len(found) == 1, (attr, found)
    return re.sub(r"<a [^>]*>.*?</a>", "", found[0]).strip()


def version_pages(site, lang: str):
    """(path, html) of every page that shows a version's text (the act's page included)."""
    for path in sorted((site / lang / "acts").glob("*/**/index.html")):
        html = path.read_text(encoding="utf-8")
        if 'class="zan-act"' in html and 'http-equiv="refresh"' not in html:
            yield path, html


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_version_page_states_its_period_and_currency(site, lang):
    manifest = read_manifest(site)
    expected = {f"{t['act']}/{t['version']}" for t in manifest["texts"] if t["lang"] == lang}
    seen = set()
    for path, html in version_pages(site, lang):
        period = _one(html, "data-zan-period")
        assert PERIOD[lang].match(period), (path, period)
        currency = _one(html, "data-zan-currency")
        assert CHECKED[lang] in currency, (path, currency)
        rel = path.relative_to(site / lang / "acts").parent
        if len(rel.parts) == 2:
            seen.add(str(rel))
        elif len(rel.parts) == 1:
            # the act's page is the one page of its version in force, whose version URL is a
            # small page sending the reader there with the unit (location.hash) kept
            for alias in sorted(path.parent.glob("*/index.html")):
                if 'location.replace("../"+location.hash)' in alias.read_text(encoding="utf-8"):
                    seen.add(f"{rel}/{alias.parent.name}")
    assert seen == expected


def test_periods_of_law_88_in_russian(site):
    pages = {
        v: (site / f"ru/acts/Z1300000088/{v}index.html").read_text(encoding="utf-8")
        # the version in force (Z2200000129) has one page, the act's
        for v in ("Z1900000272/", "")
    }
    pages["Z1900000272"], pages["Z2200000129"] = pages.pop("Z1900000272/"), pages.pop("")
    assert _one(pages["Z1900000272"], "data-zan-period") == (
        "Текст действовал с даты после 25.11.2019 до даты после 27.06.2022."
    )
    assert _one(pages["Z2200000129"], "data-zan-period") == (
        "Текст действует с даты после 27.06.2022."
    )
    assert _one(pages["Z2200000129"], "data-zan-currency") == (
        "Текст сведён со всеми изменяющими актами этого корпуса до: с изменениями по Закону "
        "РК от 27.06.2022 № 129-VII (после 27.06.2022); проверено 21.11.2026. Невнесённые "
        "изменения: 0; предстоящие изменения: 0."
    )


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_versions_table_shows_one_version_in_force_per_language(site, lang):
    for path in sorted((site / lang / "acts").glob("*/versions/index.html")):
        html = path.read_text(encoding="utf-8")
        in_force = re.findall(r'<td data-zan-status="in_force">', html)
        has_text = 'data-zan-status="past"' in html or in_force
        assert len(in_force) == (1 if has_text else 0), path
    z88 = (site / f"{lang}/acts/Z1300000088/versions/index.html").read_text(encoding="utf-8")
    assert z88.count('data-zan-status="in_force"') == 1
