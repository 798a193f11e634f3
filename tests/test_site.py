"""`zan build` on this repository's corpus: pages, anchors, data, safety, reproducibility."""

import datetime as dt
import hashlib
import html as html_lib
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO

from generator.build import build_site, main_build, tree_digest
from generator.publish import fate_notice
from generator.published import read_manifest

TODAY = dt.date(2026, 11, 21)


def _copy_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for top in ("corpus", "amendments", "drafts"):
        shutil.copytree(REPO / top, root / top)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _edit_recorded(path: Path, old: str, new: str) -> None:
    """Edit a stored text and record its new SHA-256 in act.yml (`text_sha256`), as a
    recorded change does; an unrecorded edit is an error of the validator."""
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    after = hashlib.sha256(path.read_bytes()).hexdigest()
    yml = next(p / "act.yml" for p in path.parents if (p / "act.yml").is_file())
    yml.write_text(yml.read_text("utf-8").replace(before, after), "utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(REPO, out, today=TODAY, progress=False, search=False)
    return out


def test_both_language_trees_mirror_each_other(built):
    kk = sorted(p.relative_to(built / "kk") for p in (built / "kk").rglob("index.html"))
    ru = sorted(p.relative_to(built / "ru") for p in (built / "ru").rglob("index.html"))
    assert kk == ru
    assert Path("acts/Z1300000088/Z2200000141/index.html") in kk
    assert Path("acts/Z1300000088/diff/Z1900000272--Z2200000129/index.html") in kk
    root = (built / "index.html").read_text(encoding="utf-8")
    assert 'href="kk/"' in root and 'href="ru/"' in root


def test_every_unit_has_its_anchor_and_actions(built):
    html = (built / "kk/acts/Z1300000088/index.html").read_text(encoding="utf-8")
    for eid in ("art_15", "art_15__para_2", "art_5__para_2__al_16__subpara_1", "art_9-1"):
        assert f'id="{eid}"' in html
    # Each unit carries its eId as anchor …
    assert '<section class="zan-unit zan-para" id="art_15__para_2"><p class="zan-text">2.' in html
    # … and the page says once what the actions are built from (zan.js), the forms its
    # citation phrase is made of included (the browser tests check the phrases).
    raw = re.search(r"<div class=\"zan-act\" lang=\"kk\" data-zan='([^']*)'", html)[1]
    config = json.loads(html_lib.unescape(raw))
    assert config["href"] == "Z2200000141/"
    assert config["cite"] == [
        "«Мемлекеттік көрсетілетін қызметтер туралы» 2013 жылғы 15 сәуірдегі № 88-V "
        "Қазақстан Республикасы Заңының ",
        "",
    ]
    # What every page of the language tree shares, the forms of the phrase included, is in
    # one file the theme loads before zan.js (not on every page).
    assert "phrase" not in config and "labels" not in config
    shared = (built / "kk/assets/zan-ui.js").read_text(encoding="utf-8")
    assert '<script src="../../assets/zan-ui.js"></script>' in html
    ui_data = json.loads(re.search(r"^window\.zanUI=(.*);$", shared, re.M)[1])
    assert (ui_data["phrase"]["up"]["art"], ui_data["phrase"]["last"]["para"]) == (
        "{num}-бабының",
        "{num}-тармағы",
    )
    assert ui_data["phrase"]["last_first"] is False
    assert ui_data["labels"]["copy_link"] == "Сілтемені көшіру"
    # The same unit in the other language (the Russian text is another edition, the one in
    # force there: the act's own page, whose version address only leads to it).
    assert config["other"]["href"] == "../../../ru/acts/Z1300000088/"
    # Only the units the Russian text lacks are listed (they get no other-language link):
    # the kk edition Z2200000141 has them, the ru edition Z2200000129 does not.
    assert "art_15__para_2" not in config["other"]["missing"]
    assert config["other"]["missing"] == [
        "art_10__subpara_13-1",
        "art_14__al_19",
        "art_14__al_7",
        "art_18__subpara_5",
        "art_18__subpara_6",
        "art_1__subpara_17-3",
        "art_1__subpara_17-4",
        "art_1__subpara_4-1",
        "art_29__para_3__al_6",
        "art_4__para_1__subpara_4-1",
        "art_5__para_2__al_16",
        "art_5__para_2__al_16__subpara_1",
        "art_5__para_2__al_16__subpara_2",
        "art_5__para_2__subpara_14",
    ]


def test_unit_missing_from_a_version_says_what_became_of_it(built):
    html = (built / "ru/acts/Z1300000088/Z1900000272/index.html").read_text(encoding="utf-8")
    fate = json.loads(
        re.search(r'<script type="application/json" id="zan-fate">(.*?)</script>', html)[1]
    )
    # Art. 16 was repealed by Law No. 272-VI: its placeholder says so (zan.js quotes the
    # placeholder's words from the page; tests/test_browser.py reads the notice).
    assert fate_notice(fate, "art_16") == {"repealed": True}
    assert 'data-repealed="Эта единица позднее исключена: {what}"' in html


def test_the_map_of_units_of_other_versions_gives_each_sentence_once(built):
    html = (built / "kk/acts/Z1300000088/index.html").read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="zan-fate">(.*?)</script>', html)[1]
    fate = json.loads(raw)
    # The notice zan.js makes for a unit of the partial edition (arts. 10–23) that the text
    # in force lacks: the same words and link as when each unit carried its sentence.
    assert fate_notice(fate, "art_12__para_2__al_2") == {
        "text": "12-бап 2-тармақ 2-абзац бұл редакцияда жоқ; ол соңғы рет мына редакцияда бар: "
        "тек 10-23-баптар; 01.03.2016 дейінгі ескі редакция, қандай түзетулерді қамтитыны "
        "белгісіз.",
        "href": "partial-before-Z1500000408/#art_12__para_2__al_2",
        "link": "Сол редакцияда ашу",
    }
    # … from a row naming the version once for all its units, not the sentence itself.
    assert fate["u"]["art_12__para_2__al_2"][:2] == ["unit_gone_after", "12-бап 2-тармақ 2-абзац"]
    assert raw.count("01.03.2016 дейінгі ескі редакция") == 1


def test_the_theme_chrome_has_no_blank_line_or_indentation(built):
    html = (built / "kk/acts/Z1300000088/index.html").read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner md-typeset">')
    end = html.rindex("</article>")
    chrome = html[:start] + html[end:]
    # generator/chrome.py: every white-space run with a line break is one line break
    assert re.findall(r"\n[ \t]|[ \t]\n|\n\n", chrome) == []
    assert html[start:].startswith('<article class="md-content__inner md-typeset">\n<h1>')
    # the theme's storage helpers from one shared file; no empty footer, no tabs script
    assert '<script src="../../assets/zan-scope.js"></script>' in chrome
    assert "__md_scope" not in chrome and "md-footer" not in chrome and "__tabbed_" not in chrome
    # the theme's configuration with its Kazakh strings as they are (not «\u0410…»)
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', chrome)
    assert json.loads(config[1])["translations"] == {
        "clipboard.copied": "Алмасу буферіне көшірілді",
        "clipboard.copy": "Алмасу буферіне көшіру",
    }
    assert "Алмасу буферіне көшіру" in config[1]


def test_kazakh_pages_have_no_english_interface_strings(built):
    english = ["Search", "Table of contents", "Back to top", "Skip to content", "Made with"]
    for page in ("kk/index.html", "kk/acts/Z1300000088/index.html", "kk/search/index.html"):
        html = (built / page).read_text(encoding="utf-8")
        visible = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", html, flags=re.S))
        for word in english:
            assert word not in visible, (page, word)
        assert '<html lang="kk"' in html


def test_provenance_and_open_data(built):
    html = (built / "kk/acts/Z1300000088/index.html").read_text(encoding="utf-8")
    assert "f1821d56139a0f054d9b53d720b5f2b760d294c9de9aab36c70f0ed952db59d7" in html
    assert "Бұл ресми емес шоғырландырылған мәтін" in html
    data = json.loads((built / "kk/acts/Z1300000088/Z2200000141/act.json").read_text("utf-8"))
    assert data["act"] == "Z1300000088" and data["version"] == "Z2200000141"
    eids = []

    def walk(units):
        for u in units:  # act.json format 2: [eid, ref] or [eid, ref, children]
            eids.append(u[0])
            walk(u[2] if len(u) > 2 else [])

    walk(data["units"])
    assert "art_15__para_2" in eids
    manifest = read_manifest(built)
    entries = {(t["act"], t["version"], t["lang"]) for t in manifest["texts"]}
    assert ("Z000000107", "Z070000262", "kk") in entries  # a consolidated version
    assert ("Z1300000088", "Z1900000272", "ru") in entries
    assert all(re.fullmatch(r"[0-9a-f]{64}", t["sha256"]) for t in manifest["texts"])
    import zipfile

    names = []
    for z in sorted((built / "download").glob("zan-corpus-*.zip")):
        names += zipfile.ZipFile(z).namelist()
    assert "kk/acts/Z1300000088/Z2200000141/act.json" in names
    assert "ru/acts/Z1300000088/Z1900000272/act.json" in names


def test_consolidated_version_and_effects_ledger(built):
    # the version in force: the act's own page (its version address leads there)
    html = (built / "kk/acts/Z000000107/index.html").read_text(encoding="utf-8")
    assert 'id="art_9-1"' in html and 'id="art_15-2"' in html
    assert "Ескерту. 23-бап жаңа редакцияда - ҚР 18.06.2007 № 262 Заңымен." in html
    # The date is shown as known, never a guessed day.
    assert "18.06.2007 кейін" in html
    ledger = (built / "kk/amendments/Z070000262/index.html").read_text(encoding="utf-8")
    assert "қолданылмады: өзгертілетін акт корпуста жоқ" in ledger
    assert 'href="../../acts/Z000000107/Z070000262/#art_9-1"' in ledger
    ru = (built / "ru/acts/Z000000107/index.html").read_text(encoding="utf-8")
    assert "Текста этого акта на русском языке в источниках нет." in ru


def test_repealed_act_is_marked_with_the_repealing_act(built):
    html = (built / "kk/acts/P1300000845/index.html").read_text(encoding="utf-8")
    assert "Күші жойылған акт: ҚР Үкіметінің 10.08.2015 № 624 қаулысымен" in html


def test_same_corpus_builds_byte_identical_output(tmp_path, built):
    again = tmp_path / "again"
    build_site(REPO, again, today=TODAY, progress=False, search=False)
    assert tree_digest(again) == tree_digest(built)


def test_source_html_is_escaped(tmp_path):
    root = _copy_repo(tmp_path)
    path = root / "corpus/V1300008549/V2020-19-NK/kk.md"
    _edit_recorded(path, "4. Осы бұйрық", "4. <script>alert(1)</script> Осы бұйрық")
    out = tmp_path / "site"
    build_site(root, out, today=TODAY, progress=False, search=False)
    html = (out / "kk/acts/V1300008549/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path, capsys):
    root = _copy_repo(tmp_path)
    out = tmp_path / "site"
    assert main_build(root, out, examples=False, search=False) == 0
    before = tree_digest(out)
    path = root / "corpus/Z1300000088/Z2200000129/ru.md"
    path.write_text(path.read_text("utf-8").replace(" {#art_9-1}", ""), "utf-8")
    assert main_build(root, out, examples=False, search=False) == 1
    err = capsys.readouterr().err
    assert "build failed; the previous site is untouched." in err
    assert "heading without an eId" in err
    assert tree_digest(out) == before
    # the first release and its two spare trees (generator/releases.py), nothing new
    assert sorted(p.name for p in (tmp_path / "site.zan-releases").iterdir()) == [
        "000001",
        "000001.json",
        "000002",
        "000002.json",
        "000003",
        "000003.json",
    ]


def test_seed_draft_is_published_as_adopted_with_not_applicable_banner(built):
    html = (built / "kk/drafts/DP1200001579/index.html").read_text(encoding="utf-8")
    assert "Жария талқылау мерзімі қолданылмайды." in html
    assert "2012 жылғы 12 желтоқсандағы № 1579" in html
    assert 'href="../../acts/Z1300000088/"' in html
    # The renumbering-aware comparison: draft art. 9 is art. 15 of the enacted law.
    assert 'data-old="art_9" data-new="art_15"' in html
    ru = (built / "ru/drafts/DP1200001579/index.html").read_text(encoding="utf-8")
    assert "Срок публичного обсуждения не применяется." in ru
    # No posting date, body or remarks are invented for it.
    assert "remarks.yml" not in html and "zan-remark" not in html


def test_examples_are_built_only_with_the_flag(built, tmp_path):
    assert not (built / "kk/examples").exists()
    out = tmp_path / "site"
    build_site(REPO, out, today=TODAY, examples=True, progress=False, search=False)
    closed = (out / "ru/examples/EX1300000845/index.html").read_text(encoding="utf-8")
    assert "ПРИМЕР: эта страница показывает работу zan." in closed
    assert "Публичное обсуждение завершено 03.04.2023" in closed
    assert "Отчёт о завершении публичного обсуждения" in closed
    assert "поступило по истечении срока, не подлежит рассмотрению" in closed
    kk = (out / "kk/examples/EX1300000845/index.html").read_text(encoding="utf-8")
    # Remarks under the units they concern (the draft's text is in Kazakh only).
    assert kk.count('class="zan-remark-item zan-remark-in_time"') == 2
    assert kk.count('class="zan-remark-item zan-remark-late"') == 1
    import xml.etree.ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(out / "kk/feeds/drafts.xml").getroot()
    ids = [e.findtext("a:id", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert ids == ["urn:zan:kk:draft:EX1300008549", "urn:zan:kk:draft:EX1300000845"]
    changes = ET.parse(out / "ru/feeds/changes.xml").getroot()
    titles = [e.findtext("a:id", namespaces=ns) for e in changes.findall("a:entry", ns)]
    assert "urn:zan:ru:act:Z1300000088:Z2200000129" in titles


def test_editorial_corrections_are_shown_where_they_landed(built):
    html = (built / "kk/acts/V1300008549/index.html").read_text(encoding="utf-8")
    unit = re.search(
        r'<section class="zan-unit zan-al" id="annex_1__para_5__al_6"[^>]*>.*?</section>',
        html,
        re.S,
    )
    assert unit and "заңды тұлғалардың жүгінуі" in unit.group(0)
    assert (
        "Редакциялық түзету: «занды тұлғалардың» → «заңды тұлғалардың» (дереккөздің 85-жолы)."
        in unit.group(0)
    )


def test_incremental_rebuild_touches_only_the_changed_act(tmp_path):
    root = _copy_repo(tmp_path)
    out, clean = tmp_path / "site", tmp_path / "clean"
    build_site(root, out, today=TODAY, progress=False, search=False)
    other_page = out / "kk/acts/Z1300000088/index.html"
    before = other_page.stat().st_mtime_ns
    path = root / "corpus/V1300008549/V2020-19-NK/kk.md"
    _edit_recorded(path, "4. Осы бұйрық", "4. Осы  бұйрық")
    build_site(root, out, today=TODAY, progress=False, search=False)
    # the build state's records, in parts by act ID (incremental.State)
    parts = (root / ".zan-cache/state").glob("*.json")
    assert {a for p in parts for a in json.loads(p.read_text(encoding="utf-8"))["acts"]} == {
        "P1200001579",
        "P1300000845",
        "V1300008549",
        "Z000000107",
        "Z1300000088",
    }
    # An unchanged act's page is the same file, untouched …
    assert other_page.stat().st_mtime_ns == before
    # … and the incremental result is byte-identical to a full build of the same corpus.
    build_site(root, clean, today=TODAY, progress=False, search=False, cache_dir=tmp_path / "c2")
    assert tree_digest(out) == tree_digest(clean)


def test_chunked_mkdocs_builds_give_the_same_site(tmp_path, monkeypatch, built):
    # Large corpora are built by mkdocs in chunks of acts (bounded memory); the pages must
    # come out exactly as from one build.
    import generator.build as build_module

    monkeypatch.setattr(build_module, "ACTS_PER_CHUNK", 2)
    out = tmp_path / "site"
    build_site(REPO, out, today=TODAY, progress=False, search=False, cache_dir=tmp_path / "c")
    assert sorted(p.name for p in (tmp_path / "c/docs/kk").iterdir()) == ["c0", "c1", "c2", "site"]
    assert tree_digest(out) == tree_digest(built)


def test_a_publish_that_did_not_finish_is_compared_whole_by_the_next_build(tmp_path):
    root = _copy_repo(tmp_path)
    out = tmp_path / "site"
    build_site(root, out, today=TODAY, progress=False, search=False)
    good = tree_digest(out)
    # The published release is zan's own: while published.json vouches for it, an
    # unchanged act's folder is not compared again (what keeps a small rebuild fast) …
    _edit_recorded(root / "corpus/V1300008549/V2020-19-NK/kk.md", "4. Осы бұйрық", "4. Осы  бұйрық")
    page = out / "kk/acts/Z1300000088/index.html"
    whole = page.read_bytes()
    page.write_bytes(whole[:100])  # (a hand-made damage zan does not expect)
    build_site(root, out, today=TODAY, progress=False, search=False)
    assert page.read_bytes() == whole[:100]
    # … without it (a build killed while publishing removes it first) everything is.
    (root / ".zan-cache/published.json").unlink()
    _edit_recorded(root / "corpus/V1300008549/V2020-19-NK/kk.md", "4. Осы  бұйрық", "4. Осы бұйрық")
    assert (root / "corpus/V1300008549/V2020-19-NK/kk.md").read_bytes() == (
        REPO / "corpus/V1300008549/V2020-19-NK/kk.md"
    ).read_bytes()
    build_site(root, out, today=TODAY, progress=False, search=False)
    assert tree_digest(out) == good


def test_a_build_that_did_not_finish_makes_the_next_one_trust_nothing(tmp_path):
    root = _copy_repo(tmp_path)
    out = tmp_path / "site"
    first = build_site(root, out, today=TODAY, progress=False, search=False)
    assert first.rebuilt_acts == 5
    assert build_site(root, out, today=TODAY, progress=False, search=False).rebuilt_acts == 0
    # A build killed after it began rewriting the cache leaves its marker behind.
    (root / ".zan-cache/building").write_text("", encoding="utf-8")
    again = build_site(root, out, today=TODAY, progress=False, search=False)
    assert again.rebuilt_acts == 5
    assert not (root / ".zan-cache/building").exists()


def test_an_empty_feed_is_dated_by_the_build_date(built):
    # No draft of this corpus is open for discussion; Atom still needs the feed's
    # `updated`: the day --today gives, not an invented one.
    feed = (built / "kk/feeds/drafts.xml").read_text(encoding="utf-8")
    assert "<entry>" not in feed
    assert "<updated>2026-11-21T00:00:00Z</updated>" in feed


# ---------------------------------------------------------------- issue 16: site bytes

TITLE_88_KK = "Мемлекеттік көрсетілетін қызметтер туралы"


def test_version_address_of_the_text_in_force_is_a_page_leading_to_the_act(built):
    """One page for the text in force: its version address (cited as
    `…/Z2200000141/#art_15__para_2`) sends the reader to the act's page with the unit."""
    alias = (built / "kk/acts/Z1300000088/Z2200000141/index.html").read_text("utf-8")
    assert alias == (
        '<!doctype html>\n<html lang="kk"><head><meta charset="utf-8">'
        '<script>location.replace("../"+location.hash)</script>'
        '<meta http-equiv="refresh" content="0; url=../">'
        '<link rel="canonical" href="../"><title>'
        f"{TITLE_88_KK}: ҚР 14.07.2022 № 141-VII Заңына дейінгі өзгерістермен "
        "(04.07.2022 № 134-VII Заңын қоса)</title></head>"
        '<body><p><a href="../">Редакцияға өту</a></p></body></html>\n'
    )
    # the Russian text in force is another edition: its own address leads to its act page
    ru = (built / "ru/acts/Z1300000088/Z2200000129/index.html").read_text("utf-8")
    assert '<script>location.replace("../"+location.hash)</script>' in ru
    assert "zan-act" not in ru
    # the act's page has the text (and names the version for the open data); a past
    # version keeps its whole page
    page = (built / "kk/acts/Z1300000088/index.html").read_text("utf-8")
    assert 'id="art_15__para_2"' in page and 'href="Z2200000141/act.json"' in page
    past = (built / "kk/acts/Z1300000088/partial-before-Z1500000408/index.html").read_text("utf-8")
    assert 'id="art_15__para_2"' in past


def test_site_links_name_the_one_page_of_the_text_in_force(built):
    versions = (built / "kk/acts/Z1300000088/versions/index.html").read_text("utf-8")
    links = re.findall(r'<td><a href="([^"]*)">', versions)
    assert links == [
        "../partial-before-Z1500000408/",
        "../",
        "../diff/partial-before-Z1500000408--Z2200000141/",  # the redline to the previous
    ]
    history = (built / "kk/acts/Z1300000088/history/index.html").read_text("utf-8")
    assert '<td><a href="../#art_15">' in history
    redline = built / "kk/acts/Z1300000088/diff/partial-before-Z1500000408--Z2200000141/index.html"
    heads = re.search(r'<p><a href="([^"]*)">[^<]*</a> → <a href="([^"]*)">', redline.read_text())
    assert heads.groups() == ("../../partial-before-Z1500000408/", "../../")


def _site_acts():
    from generator.consolidate_corpus import AmendersIndex, ledgers
    from generator.corpus import load_corpus
    from generator.publish import assemble_act, ledger_rows_by_act

    corpus = load_corpus(REPO)
    index = AmendersIndex(corpus)
    rows = ledger_rows_by_act(ledgers(corpus, TODAY, index))
    return [
        assemble_act(corpus, rec, index, rows.get(rec.id, []), TODAY, diffs=False)
        for rec in corpus.acts.values()
    ]


def _refs(nodes: list[list]) -> set[tuple[str, str]]:
    here = {(n[0], n[1]) for n in nodes}  # [eid, ref] or [eid, ref, children]
    return here | {r for n in nodes for r in _refs(n[2] if len(n) > 2 else [])}


def test_act_json_decodes_to_every_versions_units_stored_once(built):
    """act.json (format 2, generator/act_data.py): each version's tree refers to the act's
    units.json; decoded, it is the version's unit tree as the consolidation made it."""
    from generator.act_data import decode
    from generator.render import unit_tree

    shared = {}
    for act in _site_acts():
        for lang in ("kk", "ru"):
            versions = [v for v in act.versions if lang in v.texts]
            if not versions:
                assert not (built / lang / "acts" / act.id / "units.json").exists()
                continue
            table = json.loads((built / lang / "acts" / act.id / "units.json").read_text())
            assert (table["act"], table["lang"], table["format"]) == (act.id, lang, 2)
            used = set()
            for v in versions:
                data = json.loads((built / lang / "acts" / act.id / v.id / "act.json").read_text())
                assert (data["act"], data["version"], data["lang"]) == (act.id, v.id, lang)
                assert data["unit_texts"] == "../units.json"
                assert decode(data, table) == [unit_tree(u) for u in v.texts[lang].body]

                used |= _refs(data["units"])
            stored = {(eid, ref) for eid, texts in table["units"].items() for ref in texts}
            assert used == stored  # nothing in the table that no version uses
            shared[(act.id, lang)] = (len(versions), len(stored))
    # Law No. 107-II: 204 + 246 units in its two versions, 254 texts (Law No. 262 changed
    # or added the others); Law No. 88-V in Russian: 308 + 314 units, 334 texts
    assert shared[("Z000000107", "kk")] == (2, 254)
    assert shared[("Z1300000088", "ru")] == (2, 334)


def test_a_small_rebuild_gives_mkdocs_only_the_pages_that_changed(tmp_path, monkeypatch):
    # Issue 16, item 3: in chunks of 2 acts, one edited text makes mkdocs read the act's
    # changed pages and the navigation's two pages, not its chunk; the site is the one a
    # cold build of the edited corpus gives, byte for byte.
    import generator.build as build_module

    monkeypatch.setattr(build_module, "ACTS_PER_CHUNK", 2)
    root = _copy_repo(tmp_path)
    out, clean = tmp_path / "site", tmp_path / "clean"
    build_site(root, out, today=TODAY, progress=False, search=False)
    _edit_recorded(root / "corpus/V1300008549/V2020-19-NK/kk.md", "4. Осы бұйрық", "4. Осы  бұйрық")
    build_site(root, out, today=TODAY, progress=False, search=False)
    delta = root / ".zan-cache/work/delta"
    given = {str(p.relative_to(delta)) for p in delta.rglob("*") if p.is_file()}
    assert given == {
        "kk/index.md",  # the navigation
        "kk/search/index.md",
        "kk/acts/V1300008549/index.md",  # the text in force, its open data
        "kk/acts/V1300008549/V2020-19-NK/act.json",
        "kk/acts/V1300008549/units.json",
    }
    build_site(root, clean, today=TODAY, progress=False, search=False, cache_dir=tmp_path / "c2")
    assert tree_digest(out) == tree_digest(clean)


def test_an_act_assembled_again_takes_its_amending_acts_as_read_from_the_cache(
    tmp_path, monkeypatch
):
    # Issue 16: assembling an act again reads every amending act that cites it; the build
    # cache keeps each one as read (consolidate_corpus.ReadsStore), so the act's history is
    # not read again. Law No. 262 amends the 2000 law: an edit of the 2000 law's stored
    # text assembles it again, and the second build must not read No. 262's instructions.
    import generator.consolidate_corpus as cc

    root = _copy_repo(tmp_path)
    out, clean = tmp_path / "site", tmp_path / "clean"
    build_site(root, out, today=TODAY, progress=False, search=False)
    assert sorted(p.name for p in (root / ".zan-cache/reads").iterdir()) == ["Z070000262.pickle"]

    def no_reading(rec, keep=False):
        raise AssertionError(f"{rec.id} read again")

    monkeypatch.setattr(cc, "read_amender", no_reading)
    path = root / "corpus/Z000000107/before-Z070000262/kk.md"
    _edit_recorded(path, "# Әкімшілік рәсімдер туралы", "# Әкімшілік  рәсімдер туралы")
    summary = build_site(root, out, today=TODAY, progress=False, search=False)
    assert summary.rebuilt_acts == 1
    monkeypatch.undo()
    # … and the site is byte-identical to a full build of the same corpus.
    build_site(root, clean, today=TODAY, progress=False, search=False, cache_dir=tmp_path / "c2")
    assert tree_digest(out) == tree_digest(clean)


def test_an_amending_act_added_or_removed_assembles_again_the_act_it_cites_and_only_it(tmp_path):
    # The acts an amending act cites are found by their key's inputs (build._act_key_inputs:
    # folder and citing amending acts); the other acts keep their records' keys (issue 16).
    # Law No. 262 of 2007 amends the 2000 law (Z000000107), and only it.
    root = _copy_repo(tmp_path)
    law_262 = tmp_path / "Z070000262"
    shutil.move(root / "amendments/Z070000262", law_262)
    out = tmp_path / "site"
    build_site(root, out, today=TODAY, progress=False, search=False)
    shutil.move(law_262, root / "amendments/Z070000262")
    added = build_site(root, out, today=TODAY, progress=False, search=False)
    assert added.rebuilt_acts == 1
    version_page = out / "ru/acts/Z000000107/Z070000262/index.html"  # the version it made
    assert version_page.is_file()
    parts = (root / ".zan-cache/state").glob("*.json")
    records = {a: r for p in parts for a, r in json.loads(p.read_text("utf-8"))["acts"].items()}
    assert sorted(a for a, r in records.items() if "inputs" in r) == sorted(records)
    clean = tmp_path / "clean"
    build_site(root, clean, today=TODAY, progress=False, search=False, cache_dir=tmp_path / "c2")
    assert tree_digest(out) == tree_digest(clean)
    shutil.move(root / "amendments/Z070000262", law_262)
    removed = build_site(root, out, today=TODAY, progress=False, search=False)
    assert removed.rebuilt_acts == 1
    assert not version_page.exists()
