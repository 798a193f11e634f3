"""The consolidate stage on real texts: versions, ledger, manual resolutions, in-force dates.

Legal texts come from ../shared/sources only (Law No. 262 of 2007 and the 2000 Law it
amends; the transfer case cases/transfer-2007-2009-98-IV). Metadata (act IDs, dates) comes
from the corpus act.yml files or from the sources' own words (SOURCE.md of the case).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from generator.amend import AmenderInfo
from generator.amender_text import blocks_from_text
from generator.consolidate import (
    ConsolidateError,
    amender_info,
    build_versions,
    load_manual,
    version_at,
)
from generator.formulas.reader import read_instructions
from generator.importer import import_text
from generator.model import DateSpec, Operation
from generator.parse import parse_markdown

REPO = Path(__file__).resolve().parents[1]
BASE = "kk/z000000107-adminproc-2000.before-2007.kk.md"
LAW262 = "seeds/000_68549f57bdbdd563.txt"
CASE = "cases/transfer-2007-2009-98-IV"
TODAY = dt.date(2026, 11, 21)
TRANSFER_TITLE = (
    "О гарантированном трансферте из Национального фонда Республики Казахстан на 2007-2009 годы"  # noqa: E501
)
# Law of 04.12.2008 No. 98-IV: number, date and in-force date as SOURCE.md of the case gives
# them; the ID follows the registry pattern (laws: Z + year + number).
TRANSFER_AMENDER = {"id": "Z080000098", "type": "law", "number": "98-IV", "adopted": "2008-12-04"}


def _imported(path: Path, lang: str):
    md = import_text(path.read_text(encoding="utf-8"), lang, str(path)).documents[0].markdown
    return parse_markdown(md, lang, str(path))


@pytest.fixture(scope="module")
def base(sources):
    return _imported(sources / BASE, "kk")


@pytest.fixture(scope="module")
def base_meta():
    return yaml.safe_load((REPO / "corpus/Z000000107/act.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def law262(sources):
    blocks = blocks_from_text((sources / LAW262).read_text(encoding="utf-8"))
    meta = yaml.safe_load((REPO / "amendments/Z070000262/act.yml").read_text(encoding="utf-8"))
    meta = {k: v for k, v in meta.items() if k != "in_force"}  # from the text's own rule
    am = read_instructions(blocks, "kk")
    assert am.errors == []
    return amender_info(meta, am.entry_into_force), am.operations


@pytest.fixture(scope="module")
def transfer(sources):
    before = _imported(sources / CASE / "before.ru.md", "ru")
    after = _imported(sources / CASE / "after.ru.md", "ru")
    blocks = blocks_from_text((sources / CASE / "amender-1.ru.md").read_text(encoding="utf-8"))
    am = read_instructions(blocks, "ru")
    assert am.errors == []
    return before, after, amender_info(TRANSFER_AMENDER, am.entry_into_force), am.operations


def test_in_force_from_the_amenders_own_words(law262, transfer):
    info, _ = law262
    # «…ресми жарияланған күнінен бастап күнтізбелік он күн өткеннен кейін…», publication
    # date unknown → only «after 18 June 2007», never a guessed day
    assert info.in_force == DateSpec.parse("after 2007-06-18")
    assert transfer[2].in_force == DateSpec.parse("2009-01-01")  # «с 1 января 2009 года»


def test_law262_versions_and_ledger(base, base_meta, law262):
    info, ops = law262
    versions, ledger = build_versions(base, base_meta, [(info, ops)], TODAY)
    assert [(v.id, v.status, str(v.in_force), v.flags) for v in versions] == [
        ("original", "in_force", "unknown", []),
        ("Z070000262", "in_force", "after 2007-06-18", ["in_force_uncertain"]),
    ]
    statuses = [(e.op.target, e.text) for e in ledger.entries["Z070000262"]]
    assert statuses[:2] == [
        ("art_3__para_3__subpara_1-2", "not applied: the amended act is not in the corpus"),
        ("art_3__para_3__subpara_1-3", "not applied: the amended act is not in the corpus"),
    ]
    assert {s for _, s in statuses[2:]} == {"applied in Z070000262"}
    assert len(statuses) == 16 and ledger.failed() == [] and ledger.warnings == []
    new = versions[1].act
    assert new.find("art_23").text == (
        "Осы Заңды бұзу Қазақстан Республикасының заңдарына сәйкес жауаптылыққа әкеп соғады."
    )
    assert versions[0].act.find("art_9-1") is None and new.find("art_9-1") is not None
    # The day the law was adopted: the original; later: the range is uncertain.
    assert version_at(versions, dt.date(2007, 6, 18)).id == "original"
    with pytest.raises(ConsolidateError) as e:
        version_at(versions, dt.date(2008, 1, 1))
    assert str(e.value) == (
        "2008-01-01 falls inside an uncertain in-force range: original (unknown), "
        "Z070000262 (after 2007-06-18)"
    )


def test_law262_pending_before_it_can_be_in_force(base, base_meta, law262):
    info, ops = law262
    versions, ledger = build_versions(base, base_meta, [(info, ops)], dt.date(2007, 6, 18))
    assert versions[1].status == "pending"
    assert ledger.entries["Z070000262"][2].text == "pending until after 2007-06-18"


def test_transfer_case_reproduces_the_official_after_text(transfer):
    before, after, info, ops = transfer
    meta = {"title": {"ru": TRANSFER_TITLE}, "adopted": "2006-11-25"}
    versions, ledger = build_versions(before, meta, [(info, ops)], TODAY)
    got = versions[-1].act

    def units(act):
        return [
            (u.eid, re.sub(r"\s+", " ", u.text).strip(), u.heading, u.repealed) for u in act.walk()
        ]

    assert units(got) == units(after)
    assert got.title == after.title
    assert [e.text for e in ledger.entries["Z080000098"]] == ["applied in Z080000098"]
    assert got.find("art_1__al_4").text == "2009 год - 843 100 000 тысяч тенге."
    # The note too: the official one extended; only «№» differs from this file's older «N».
    (official,) = [n.text for n in after.find("art_1").notes]
    assert [n.text for n in got.find("art_1").notes] == [official.replace("N 98-IV", "№ 98-IV")]
    assert version_at(versions, dt.date(2008, 12, 31)).id == "original"
    assert version_at(versions, dt.date(2009, 1, 1)).id == "Z080000098"


def test_bare_file_is_matched_by_title_alone(transfer):
    before, _, info, ops = transfer
    _, ledger = build_versions(before, {"title": {"ru": TRANSFER_TITLE}}, [(info, ops)], TODAY)
    assert ledger.warnings == [f"{TRANSFER_TITLE!r}: matched by title alone, date not checked"]


def test_an_amender_that_does_not_amend_the_base_is_an_error(base, base_meta, transfer):
    _, _, info, ops = transfer
    with pytest.raises(ConsolidateError) as e:
        build_versions(base, base_meta, [(info, ops)], TODAY)
    assert str(e.value) == (
        "Z080000098 does not amend «Әкімшілік рәсімдер туралы»: its instructions cite "
        f"«{TRANSFER_TITLE}» 2006-11-25"
    )


def _misread(ops):
    """Law 262's subpoint-6 instruction read with the wrong target (subpoint 5)."""
    op = next(op for op in ops if op.target == "art_2__para_1__subpara_6")
    return op, Operation(**{**op.__dict__, "target": "art_2__para_1__subpara_5"})


def test_a_failed_operation_fails_the_build(base, base_meta, law262):
    info, ops = law262
    _, wrong = _misread(ops)
    with pytest.raises(ConsolidateError) as e:
        build_versions(base, base_meta, [(info, [wrong])], TODAY)
    assert str(e.value) == (
        "1 operation(s) failed:\nZ070000262: «3) 2-баптың 1-тармағы 6) тармақшадағы "
        '"органдарының қызметінде қолданылады." деген сөздер "органдарының;" деген сөзбен '
        "ауыстырылып, мынадай мазмұндағы 7) тармақшамен толықтырылсын:» (line 27) → "
        "art_2__para_1__subpara_5: the words «органдарының қызметінде қолданылады.» are not in "
        "art_2__para_1__subpara_5"
    )
    assert e.value.ledger.failed()[0][1].text.startswith("failed: «3) 2-баптың")


def test_manual_resolution_replaces_or_skips(tmp_path, base, base_meta, law262):
    info, ops = law262
    right, wrong = _misread(ops)
    manual = tmp_path / "manual.yml"
    manual.write_text(
        yaml.safe_dump(
            [
                {
                    "match": {"target": "art_2__para_1__subpara_5", "action": "substitute_words"},
                    "operation": {
                        k: v for k, v in right.to_dict().items() if k not in ("line", "source")
                    },
                    "reason": "the instruction names subpoint 6",
                }
            ],
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    res = {"Z070000262": load_manual(manual)}
    versions, ledger = build_versions(base, base_meta, [(info, [wrong])], TODAY, manual=res)
    assert ledger.entries["Z070000262"][0].text == (
        "resolved manually: the instruction names subpoint 6"
    )
    assert versions[1].act.find("art_2__para_1__subpara_6").text == (
        "6) Қазақстан Республикасының жергілікті атқарушы органдарының;"
    )
    skip = [{"match": {"target": "art_2__para_1__subpara_5"}, "skip": True, "reason": "r"}]
    manual.write_text(yaml.safe_dump(skip), encoding="utf-8")
    _, ledger = build_versions(
        base, base_meta, [(info, [wrong])], TODAY, manual={"Z070000262": load_manual(manual)}
    )
    assert ledger.entries["Z070000262"][0].text == "resolved manually: r"
    manual.write_text(yaml.safe_dump([{"match": {"target": "x"}, "skip": True}]))
    with pytest.raises(ConsolidateError, match="needs a 'reason'"):
        load_manual(manual)


def test_overlapping_ranges_are_ordered_by_adoption_and_flagged(base, base_meta, law262):
    """Mechanism only: Law 262's operations split between two amenders whose in-force ranges
    overlap; the one adopted first is applied first, and both versions are flagged."""
    info, ops = law262
    first = AmenderInfo("TESTONLY01", "262", dt.date(2007, 6, 1), "law",
                        DateSpec.parse("between 2007-06-20 and 2007-07-31"))  # fmt: skip
    amenders = [(info, ops[:9]), (first, ops[:2] + ops[9:])]
    versions, _ = build_versions(base, base_meta, amenders, TODAY)
    assert [(v.id, v.flags) for v in versions] == [
        ("original", []),
        ("TESTONLY01", ["range_overlap"]),
        ("Z070000262", ["in_force_uncertain", "range_overlap"]),
    ]
