"""The legal notes of an article as units (docs/units.md «Legal notes»): «Ескерту.» /
«Ескертулер.» / «Примечание.» / «Примечания.» with their points are `art_N__note`,
`art_N__note__para_M`; the text bank's editorial notes («Ескерту. … Заңымен.», «Сноска.»)
stay data of their unit. Every text here is real: the amending acts of
benchmarks/realworld-sample/amendments (quyse/kz-laws) and its acts/."""

from __future__ import annotations

import pytest
from conftest import REPO

from generator.amend import AmenderInfo, AmendError, apply
from generator.formulas.reader import read_text
from generator.importer import import_text
from generator.model import DateSpec, Operation
from generator.parse import parse_markdown
from generator.render import render_text

SAMPLE = REPO / "benchmarks/realworld-sample"


def _lines(act: str, lang: str, first: int, last: int) -> list[str]:
    """Lines first..last (1-based) of an amending act's file, blank lines left out."""
    text = (SAMPLE / "amendments" / act / f"{lang}.md").read_text(encoding="utf-8")
    return [ln for ln in text.splitlines()[first - 1 : last] if ln.strip()]


def _unquote(line: str) -> str:
    """A line of quoted wording without the instruction's own marks («"…», «…";»)."""
    return line.lstrip('"').removesuffix(";").removesuffix('"')


def _op(act: str, lang: str, target: str) -> Operation:
    text = (SAMPLE / "amendments" / act / f"{lang}.md").read_text(encoding="utf-8")
    return next(o for o in read_text(text, lang).amender.operations if o.target == target)


def _article_233(lang: str):
    """Article 233 of the Criminal Code of 16.07.1997 as Law 11366 (quyse/kz-laws 11366,
    «5) статью 233 изложить в следующей редакции» / «5) 233-бап мынадай редакцияда
    жазылсын») words it, with its note, as the text of an act of that one article."""
    op = _op("11366", lang, "art_233")
    head, *rest = op.new.split("\n\n")
    md = "\n\n".join([f"# {op.act}", f"### {head} {{#art_233}}", *rest]) + "\n"
    return parse_markdown(md, lang, f"11366/{lang}.md", amending=False)


@pytest.mark.parametrize(
    "lang,line,word",
    [("kk", 65, "Ескерту. Терроризм актісін"), ("ru", 61, "Примечание. Лицо, участвующее")],
)
def test_the_note_of_a_quoted_article_is_its_note_unit(lang, line, word):
    act = _article_233(lang)
    note = act.find("art_233__note")
    assert note.text == _unquote(_lines("11366", lang, line, line)[0])
    assert note.text.startswith(word) and note.children == []
    # the note comes after the article's last part, its own unit: not a part or абзац
    assert [u.eid for u in act.find("art_233").children] == [
        "art_233__para_1",
        "art_233__para_2",
        "art_233__para_3",
        "art_233__para_4",
        "art_233__note",
    ]


def test_editorial_note_stays_editorial_and_legal_note_is_a_unit_in_one_base():
    """One base of two real Kazakh texts joined: the ratification law of acts/16022/kk.md,
    whose annexed charter's articles carry the text bank's editorial notes («Ескерту.
    1-бапқа өзгеріс енгізілді - ҚР 2011.11.28 № 499-IV Заңымен.»), then article 233 of the
    Criminal Code as Law 11366 words it, with its legal «Ескерту.» (the article lands in the
    annex, the last open scope: only the notes are tested)."""
    base = (SAMPLE / "acts/16022/kk.md").read_text(encoding="utf-8").rstrip("\n")
    art = _op("11366", "kk", "art_233").new.replace('"', "")
    result = import_text(base + "\n\n" + art + "\n", "kk", "16022+11366/kk.md")
    doc = result.documents[0]
    act = parse_markdown(doc.markdown, "kk", "16022+11366/kk.md", line_map=doc.line_map)
    assert [n.text for n in act.find("annex_1__art_1").notes] == [
        "Ескерту. 1-бапқа өзгеріс енгізілді - ҚР 2011.11.28 № 499-IV Заңымен."
    ]
    editorial = [u.eid for u in act.walk() if u.notes]
    assert len(editorial) == 8 and "annex_1__art_233" not in editorial
    assert [u.eid for u in act.walk() if u.type == "note"] == ["annex_1__art_233__note"]
    note = act.find("annex_1__art_233__note")
    assert note.text == _unquote(_lines("11366", "kk", 65, 65)[0])


@pytest.mark.parametrize("lang,first,last", [("kk", 61, 65), ("ru", 61, 65)])
def test_a_note_replaced_as_a_whole_46934(lang, first, last):
    """Law 46934 «примечание изложить в следующей редакции» / «ескерту мынадай редакцияда
    жазылсын» (in article 233) applied to article 233 as Law 11366 worded it. The base is
    an earlier wording than the one 46934 amended (other acts changed the article between),
    so the expected unit is derived by hand from the base and the instruction: the article's
    parts as 11366 words them, then the note exactly as 46934 quotes it, its two points
    numbered 1. and 2. as units of the note."""
    act = _article_233(lang)
    parts_before = [(u.eid, u.text) for u in act.find("art_233").children[:4]]
    # the Kazakh act numbers its date and number nowhere: the note says they are unknown
    info = AmenderInfo("46934", "", None, "law", DateSpec.parse("unknown"))
    new = apply(act, [_op("46934", lang, "art_233__note")], info)
    head, p1, p2 = (_unquote(x) for x in _lines("46934", lang, first, last))
    art = new.find("art_233")
    assert [(u.eid, u.text) for u in art.children[:4]] == parts_before
    note = art.children[4]
    assert (note.eid, note.text) == ("art_233__note", head)
    assert [(u.eid, u.text) for u in note.children] == [
        ("art_233__note__para_1", p1),
        ("art_233__note__para_2", p2),
    ]
    assert [n.text for n in art.notes] == [
        {
            "kk": "Ескерту. 233-бапқа өзгеріс енгізілді - ҚР күні мен нөмірі белгісіз Заңымен.",
            "ru": "Сноска. Статья 233 с изменением, внесенным Законом РК (дата и номер неизвестны).",
        }[lang]
    ]
    assert render_text(new).rstrip("\n").split("\n")[-3:] == [head, p1, p2]


def test_a_note_inserted_where_the_article_has_one_is_a_failure_31122():
    """«1) статью 50 дополнить примечанием следующего содержания:» (31122 ru:81) on an article
    that has a note already (article 233 above, renamed 50 by no instruction: only the
    failure is tested) — the exact reason, never a second note."""
    act = _article_233("ru")
    op = _op("31122", "ru", "art_50__note")
    with pytest.raises(AmendError) as e:
        apply(act, [Operation(**{**op.to_dict(), "target": "art_233__note"})], _info())
    assert str(e.value).endswith("→ art_233__note: art_233__note already exists")


def _info() -> AmenderInfo:
    return AmenderInfo("31122", "", None, "law", DateSpec.parse("unknown"))
