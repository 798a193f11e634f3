"""Units of an annex the grammar had dropped from a target, so that an operation went to the
wrong unit in both languages alike and no kk↔ru check could show it (issue 13): the act's one
annex named without a number is `annex_1` (docs/units.md), and a list of an annex's table rows
is reported, never read as the annex itself. Real sentences of the sample, read by the reader
as `zan ops` reads them."""

from __future__ import annotations

from conftest import REPO

from generator.formulas.source import read_file

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"


def _at(act: str, lang: str, line: int) -> tuple[list, list]:
    res = read_file(str(SAMPLE / act / f"{lang}.md"), lang)[0]
    ops = [(o.target, o.action) for o in res.amender.operations if o.line == line]
    return ops, [r.reason for r in res.readings if r.line == line and r.reason]


def test_an_annex_opening_the_instruction_is_the_acts_one_annex():
    # 55500, under «4. В Закон … "О частном предпринимательстве" …»: ru:147 «приложение
    # дополнить пунктами 39 и 40 следующего содержания:», kk:145 «қосымша мынадай мазмұндағы 39
    # және 40-тармақтармен толықтырылсын:» (before: the law's own points 39 and 40)
    want = [("annex_1__para_39", "insert"), ("annex_1__para_40", "insert")]
    assert _at("55500", "ru", 147) == (want, [])
    assert _at("55500", "kk", 145) == (want, [])


def test_the_word_for_additional_is_no_annex():
    # 156584 kk:117 «қосымша білім берудің …» opens a wording line: «қосымша» is the adjective
    # «additional» there, never the act's annex
    from generator.formulas.tokens import tokenizer

    line = (SAMPLE / "156584" / "kk.md").read_text(encoding="utf-8").splitlines()[116]
    assert line.startswith("қосымша білім берудің")
    assert tokenizer("kk").one_annex(line) == line


def test_a_list_of_an_annexs_table_rows_is_reported_not_read_as_the_annex():
    # 144588 ru:239 «строки 67, 68, 69 и 70 приложения 1 изложить в следующей редакции:», kk:239
    # «1-қосымшаның 67, 68, 69 және 70-жолдары мынадай редакцияда жазылсын:» over a table of four
    # rows: before, the plural row word was no unit word, and the instruction read as
    # `replace annex_1`, the whole annex rewritten by four rows
    reason = (
        "a unit zan has no eId form for yet (a note, a table or its row, a column, a unit "
        "numbered by a letter)"
    )
    for lang in ("ru", "kk"):
        ops, why = _at("144588", lang, 239)
        assert ops == []
        assert [w.split(":")[0] for w in why] == [reason], lang
