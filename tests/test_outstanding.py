"""Outstanding effects (issue 14) on real texts: one instruction of Law No. 262 that zan
cannot read leaves the 2000 Law No. 107-II at its previous version, and the site still
builds and says so.

The unreadable instruction is a real sentence of Law No. 262 (kk, line 134) with its verb
cut, in the test only. The sources hold no second amending act of the 2000 law: the
«later amending act» is a CONSTRUCTED CASE, a copy of amendments/Z070000262 (its article 1
with the citation of the 2000 law and item 8) only, real lines) under the invented ID
ZCONSTRUCTED262 with its dates moved one year later and its item numbered 1. / 1).
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

sys.path.insert(0, str(Path(__file__).parent / "robustness"))
from harness import make_repo, run  # noqa: E402

TODAY = "2026-11-21"
LAW = "amendments/Z070000262/kk.md"
ITEM8 = "8) 23-бап мынадай редакцияда жазылсын:"
CUT = "8) 23-бап мынадай"
LATER = "ZCONSTRUCTED262"
UNIT = "looks like an instruction but was not read (names a unit)"


def _constructed_later_act(root: Path) -> None:
    """The constructed case: Law No. 262's own lines (citation of the 2000 law, item 8),
    adopted 18.06.2008 and in force from 01.07.2008 (moved dates, not a real act)."""
    src = (REPO / LAW).read_text(encoding="utf-8").splitlines()
    assert src[21].startswith("2.»") and src[133] == ITEM8
    # its only item is numbered 1. and 1) (the validator refuses a numbering that starts
    # at 2. or 8)): the item numbers are the only words changed
    item = [src[21].replace("2.»", "1.»", 1), "", src[133].replace("8)", "1)", 1)]
    keep = src[:11] + item + src[134:141] + src[141:]
    folder = root / "amendments" / LATER
    folder.mkdir()
    text = "\n".join(keep).replace("Z070000262", LATER) + "\n"
    (folder / "kk.md").write_text(text, encoding="utf-8")
    meta = yaml.safe_load((REPO / "amendments/Z070000262/act.yml").read_text(encoding="utf-8"))
    meta.update(id=LATER, number="262", adopted="2008-06-18", in_force="2008-07-01")
    del meta["sources"]  # no official source: a synthetic text tied to its own SHA-256
    meta.update(
        synthetic=True,
        synthetic_note="issue 14 test: a copy of Law No. 262's lines with its dates moved later",
        text_sha256={"kk": _sha(text)},
    )
    (folder / "act.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_correction(root: Path, find: str, replace: str) -> None:
    """Record the test's change of Law No. 262 (kk) as an editorial correction of its source
    line and regenerate the stored text from it, as `zan reimport` does: the stored text
    stays tied to its source (the validator checks the tie)."""
    from generator.ingest import regenerate, source_entries

    yml = root / "amendments/Z070000262/act.yml"
    meta = yaml.safe_load(yml.read_text(encoding="utf-8"))
    reason = "issue 14 test: the instruction with its verb cut (not an official text)"
    meta["sources"]["kk"]["corrections"] = [{"find": find, "replace": replace, "reason": reason}]
    yml.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    target = (root / LAW).resolve()
    for out, text in regenerate(root, list(source_entries(root))):
        if Path(out).resolve() == target:
            target.write_text(text, encoding="utf-8")
            meta["sources"]["kk"]["text_sha256"] = _sha(text)
    yml.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")


def outstanding_repo(tmp: Path) -> Path:
    """The repository with line 134 of Law No. 262 (kk) cut, and the constructed act."""
    root = make_repo(tmp)
    assert (root / LAW).read_text(encoding="utf-8").count(ITEM8) == 1
    record_correction(root, ITEM8, CUT)
    assert (root / LAW).read_text(encoding="utf-8").splitlines()[133] == CUT
    _constructed_later_act(root)
    return root


def resolve(root: Path) -> None:
    """The manual resolution of line 134: the operation the real instruction gives (its
    wording quoted from the real Law No. 262)."""
    lines = (REPO / LAW).read_text(encoding="utf-8").splitlines()
    quoted = "\n".join(lines[135:140]).strip().removeprefix("```new-text").strip()
    new = quoted.removesuffix("```").strip().strip('".').strip()
    new = new.replace("\n\n", "\n\n")
    resolution = [
        {
            "match": {"line": 134},
            "operation": {
                "act": "Әкімшілік рәсімдер туралы",
                "target": "art_23",
                "action": "replace",
                "new": new,
            },
            "reason": "«8) 23-бап мынадай» — «мынадай редакцияда жазылсын» оқылады",
        }
    ]
    (root / "amendments/Z070000262/manual.yml").write_text(
        yaml.safe_dump(resolution, allow_unicode=True), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("outstanding")
    root = outstanding_repo(tmp)
    out = run(root, "build", "--out", str(tmp / "site"), "--no-search", "--today", TODAY)
    return root, tmp / "site", out


def _page(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_the_site_builds_and_counts_outstanding_effects_by_reason(built):
    _root, site, out = built
    assert out.traceback is None, out.traceback
    assert out.exit_code == 0, out.stderr
    assert (
        f"warning: outstanding: {LAW}:134: instruction not understood: {UNIT}: «{CUT}»"
        in out.error_lines()
    )
    assert out.error_lines()[-1].endswith(
        "; 15 outstanding effect(s) (outstanding-not-read 1, outstanding-failed 0, "
        f"outstanding-after-earlier 14); site in {site}/"
    )


def test_the_act_stays_at_its_previous_version(built):
    _root, site, _out = built
    acts = site / "kk/acts/Z000000107"
    assert sorted(p.name for p in acts.iterdir() if p.is_dir()) == [
        "before-Z070000262",
        "history",
        "versions",
    ]
    page = _page(site, "kk/acts/Z000000107/index.html")
    # the text in force lacks Law 262's changes (its preamble insertion among them)
    preamble = page[page.index('id="preamble"') :]
    preamble = preamble[: preamble.index("</section>")]
    assert "жол бермеуге жәрдемдесетін" in preamble
    assert "Мәтін белгісіз күннен бастап қолданыста." in page


def test_the_banner_lists_the_instruction_with_its_line_and_reason(built):
    _root, site, _out = built
    page = _page(site, "kk/acts/Z000000107/index.html")
    row = re.search(r'<tr id="zan-out-Z070000262-kk-134"[^>]*>(.*?)</tr>', page).group(1)
    text = re.sub(r"<[^>]+>", "", row)
    assert text == (
        "ҚР 18.06.2007 № 262 Заңы18.06.2007 кейін«8) 23-бап мынадай» (134-жол)23-бап"
        "қолданылмады: нұсқау оқылмады"
    )
    assert '<a href="#art_23">23-бап</a>' in row
    assert 'data-zan-status="outstanding-not-read"' in page


def test_the_named_unit_is_marked(built):
    _root, site, _out = built
    page = _page(site, "kk/acts/Z000000107/index.html")
    art23 = page[page.index('id="art_23"') :]
    art23 = art23[: art23.index("</section>")]
    assert (
        '<p class="zan-outstanding-mark" data-zan-outstanding-mark>'
        '<a href="#zan-out-Z070000262-kk-134">Бұл бірлікке енгізілетін өзгеріс әлі '
        "қолданылмаған</a></p>"
    ) in art23


def test_the_later_amending_act_is_outstanding_after_the_earlier_one(built):
    _root, site, _out = built
    assert not (site / f"kk/acts/Z000000107/{LATER}").exists()
    page = _page(site, "kk/acts/Z000000107/index.html")
    row = re.search(rf'<tr id="zan-out-{LATER}-kk-14"[^>]*>(.*?)</tr>', page).group(0)
    assert 'data-zan-status="outstanding-after-earlier"' in row
    assert "бұған дейінгі енгізілмеген өзгерістен кейін тұр (Z070000262)" in row
    am = _page(site, f"kk/amendments/{LATER}/index.html")
    assert f'<tr id="zan-out-{LATER}-kk-14" data-zan-status="outstanding-after-earlier">' in am
    queue = _page(site, "kk/outstanding/index.html")
    assert f'<tr id="zan-out-{LATER}-kk-14" data-zan-status="outstanding-after-earlier">' in queue


def test_the_work_queue_counts_per_reason(built):
    _root, site, _out = built
    queue = _page(site, "kk/outstanding/index.html")
    counts = re.findall(r'<li data-zan-count="([^"]+)">[^<]*: (\d+)</li>', queue)
    assert counts == [
        ("outstanding-not-read", "1"),
        ("outstanding-failed", "0"),
        ("outstanding-after-earlier", "14"),
    ]
    cat = _page(site, "kk/index.html")
    assert "енгізілмеген өзгерістері бар (15)" in cat


def test_strict_fails_on_the_same_corpus(built, tmp_path):
    root, _site, _out = built
    out = run(root, "build", "--strict", "--out", str(tmp_path / "s"), "--no-search")
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert out.error_lines()[-2:] == [
        "build failed; the previous site is untouched.",
        "--strict: 15 outstanding effect(s) (outstanding-not-read 1, outstanding-failed 0, "
        "outstanding-after-earlier 14)",
    ]
    assert not (tmp_path / "s").exists()


def test_a_manual_resolution_makes_both_apply(tmp_path):
    root = outstanding_repo(tmp_path)
    resolve(root)
    site = tmp_path / "site"
    out = run(root, "build", "--out", str(site), "--no-search", "--today", TODAY)
    assert out.exit_code == 0, out.stderr
    assert "; 0 outstanding effect(s)" in out.error_lines()[-1]
    acts = site / "kk/acts/Z000000107"
    assert (acts / "Z070000262").is_dir() and (acts / LATER).is_dir()
    page = _page(site, "kk/acts/Z000000107/index.html")
    assert "data-zan-outstanding" not in page
    assert "Осы Заңды бұзу Қазақстан Республикасының заңдарына сәйкес" in page
    am = _page(site, "kk/amendments/Z070000262/index.html")
    assert 'data-zan-status="resolved-manually"' in am
    # the constructed act's exact start date has its redirect page: the version it names is
    # the one in force, whose one page is the act's (docs: the version in force has one page)
    redirect = _page(site, "kk/acts/Z000000107/2008-07-01/index.html")
    assert 'location.replace("../"+location.hash)' in redirect and '<a href="../">' in redirect
    assert "data-zan-period" not in redirect and "data-zan-currency" not in redirect


def test_consolidate_keeps_its_contract_and_until_outstanding_writes_the_last_text(tmp_path):
    root = outstanding_repo(tmp_path)
    base = "corpus/Z000000107/before-Z070000262/kk.md"
    out = run(root, "consolidate", base, LAW, "--lang", "kk", "-o", "out.txt")
    assert out.exit_code == 1 and not (root / "out.txt").exists()
    out = run(
        root, "consolidate", base, LAW, "--lang", "kk", "--until-outstanding", "-o", "out.txt"
    )
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    lines = out.error_lines()
    assert lines[0] == f"{LAW}:134: instruction not understood: {UNIT}: «{CUT}»"
    assert f"Z070000262: line 134: art_23: outstanding: not read: {UNIT}" in lines
    assert lines[-1] == (
        "14 outstanding effect(s): the text written is the last version zan can vouch for "
        "(original)"
    )
    text = (root / "out.txt").read_text(encoding="utf-8")
    assert "жол бермеуге жәрдемдесетін" in text  # the preamble as it stood before Law 262
    assert text.splitlines()[0] == "Әкімшілік рәсімдер туралы"


def test_an_incremental_build_after_the_resolution_equals_a_clean_one(tmp_path):
    """Resolving line 134 changes the later act's effects though its files are unchanged:
    its page is written again, and the site is byte-identical to a clean build."""
    from generator.build import build_site, tree_digest

    root = outstanding_repo(tmp_path)
    today = __import__("datetime").date.fromisoformat(TODAY)
    site = tmp_path / "site"
    build_site(root, site, today=today, progress=False, search=False)
    before = _page(site, f"kk/amendments/{LATER}/index.html")
    assert 'data-zan-status="outstanding-after-earlier"' in before
    resolve(root)
    build_site(root, site, today=today, progress=False, search=False)
    after = _page(site, f"kk/amendments/{LATER}/index.html")
    assert "outstanding-after-earlier" not in after and 'data-zan-status="applied"' in after
    clean = tmp_path / "clean"
    build_site(root, clean, today=today, progress=False, search=False, cache_dir=tmp_path / "c")
    assert tree_digest(site) == tree_digest(clean)


def test_the_marker_of_an_inserted_unit_is_on_its_parent(built):
    """Item 2) inserts points 2-2 … 2-5 into art. 1: the text lacks them, art_1 is marked."""
    _root, site, _out = built
    page = _page(site, "kk/acts/Z000000107/index.html")
    art1 = page[page.index('id="art_1"') :]
    art1 = art1[: art1.index('<section class="zan-unit')]
    assert '<a href="#zan-out-Z070000262-kk-26">' in art1
