"""The catalogue in parts of bounded size (generator/catalogue.py): one JSON part per act
type and year, their index, and a page holding only the latest acts; the rows are those
of the corpus' own act.yml files."""

import json
from types import SimpleNamespace

import pytest
from conftest import REPO

from generator import catalogue
from generator.corpus import load_corpus
from generator.publish import ActSummary


@pytest.fixture(scope="module")
def pub():
    """The repository's acts and amending acts as the site-wide pages see them."""
    corpus = load_corpus(REPO)
    return SimpleNamespace(
        summaries=[ActSummary(a, corpus.acts[a].meta, []) for a in sorted(corpus.acts)],
        amendments=[{"record": corpus.amendments[a]} for a in sorted(corpus.amendments)],
        drafts=[{"record": corpus.drafts[d]} for d in sorted(corpus.drafts)],
    )


def _codes(rows: list[str]) -> list[str]:
    return [r.split('<code class="zan-nowrap">')[1].split("<")[0] for r in rows]


def test_each_type_and_year_is_one_part_named_by_the_index(pub):
    files = catalogue.catalogue_files(pub, "ru", [0])
    index = json.loads(files["catalogue/index.json"])
    assert index["parts"] == [
        ["decree", "2012", "decree-2012", 1],
        ["decree", "2013", "decree-2013", 1],
        ["draft_law", "2012", "draft_law-2012", 1],
        ["law", "2000", "law-2000", 1],
        ["law", "2007", "law-2007", 1],
        ["law", "2013", "law-2013", 1],
        ["order", "2013", "order-2013", 1],
    ]
    law_2013 = json.loads(files["catalogue/law-2013.json"])["rows"]
    assert _codes(law_2013) == ["Z1300000088"]
    assert law_2013[0].startswith('<tr data-type="law" data-status="in_force" data-year="2013">')
    assert _codes(json.loads(files["catalogue/law-2007.json"])["rows"]) == ["Z070000262"]
    # every row is in exactly one part
    parts = [p for p in files if p.startswith("catalogue/") and p != "catalogue/index.json"]
    assert sorted(c for p in parts for c in _codes(json.loads(files[p])["rows"])) == sorted(
        [*(a.id for a in pub.summaries), "Z070000262", "DP1200001579"]
    )


def test_the_page_holds_only_the_latest_acts(pub, monkeypatch):
    page = catalogue.catalogue_files(pub, "ru", [0])["index.md"]
    assert 'id="zan-latest"' not in page  # all fit: no note
    monkeypatch.setattr(catalogue, "LATEST", 2)
    page = catalogue.catalogue_files(pub, "ru", [0])["index.md"]
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    # the two adopted last (decree No. 845 of 26.08.2013, order No. 193 of 25.06.2013),
    # in the corpus' order as in every part
    assert _codes(body.split("</tr>")[:-1]) == ["P1300000845", "V1300008549"]
    assert (
        '<p id="zan-latest">Показаны последние акты (2); выберите вид или год, чтобы увидеть '
        "остальные.</p>" in page
    )
    # the filters still offer every year of the corpus
    assert '<option value="2000">2000</option>' in page
