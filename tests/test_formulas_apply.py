"""New formulas of the catalogue applied end to end (issue 13, item 7): the operations read
from the real amending sentences of benchmarks/realworld-sample, applied to a real act of
the corpus.

The acts these sentences amend (the Law on the National Archive Fund that 15328 amends, the
Law on protective measures that 3906 amends) are not stored: each operation, read from its
real sentence, is moved onto a unit of Law No. 88-V (corpus/Z1300000088) with that unit's
own words as its anchor (no legal text is made up), under an amending act whose date and
number are unknown; the expected units are derived by hand from the law's text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from conftest import REPO

from generator.amend import AmenderInfo, apply
from generator.cli import load_text
from generator.formulas.reader import read_text
from generator.model import DateSpec

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"
LAW_88 = {
    "kk": REPO / "corpus" / "Z1300000088" / "Z2200000141" / "kk.md",
    "ru": REPO / "corpus" / "Z1300000088" / "Z2200000129" / "ru.md",
}
INFO = AmenderInfo("X", "", dt.date(2023, 1, 1), "law", DateSpec.parse("unknown"))


def _ops(act: str, lang: str, line: int):
    text = (SAMPLE / act / f"{lang}.md").read_text(encoding="utf-8")
    return [o for o in read_text(text, lang).amender.operations if o.line == line]


def _unit(act, eid: str) -> str:
    return act.find(eid).text


def test_a_conjunction_deleted_and_a_named_punctuation_mark_put_in_its_place():
    # 15328 kk:7 «1) "…Ішкі істер министрлігінде" деген сөздерден кейінгі "және" деген шылау
    # алып тасталып, "үтір" тыныс белгісімен толықтырылсын;» and ru:7 «1) после слов: "…
    # внутренних дел Республики Казахстан" союз "и" исключить, дополнить знаком препинания
    # "запятая";»: «A және B» → «A, B». Moved onto art. 1 subpoint 17-2) (kk: «… тиімділігін,
    # сапасын және нәтижелілігін …», anchor «сапасын») and art. 3 абзац 3 (ru: «…
    # бюрократизма и волокиты …», anchor «бюрократизма»)
    cases = {
        "kk": (
            "art_1__subpara_17-2",
            "сапасын",
            "Қазақстан Республикасының Ішкі істер министрлігінде",
        ),
        "ru": ("art_3__al_3", "бюрократизма", "Министерстве внутренних дел Республики Казахстан"),
    }
    for lang, (eid, anchor, real) in cases.items():
        ops = _ops("15328", lang, 7)
        conj = "және" if lang == "kk" else "и"
        assert [(o.action, o.old, o.new) for o in ops] == [
            ("substitute_words", f"{real} {conj}", real),
            ("insert_words", real, ","),
        ]
        moved = [
            replace(o, target=eid, old=o.old.replace(real, anchor), new=o.new.replace(real, anchor))
            for o in ops
        ]
        new = apply(load_text(str(LAW_88[lang]), lang, report=False), moved, INFO)
        want = {
            "kk": "17-2) реинжиниринг – ұйым қызметінің тиімділігін, сапасын, нәтижелілігін арттыру"
            " мақсатында ағымдағы жұмыс процесін қайта өзгерту;",
            "ru": "недопустимости проявлений бюрократизма, волокиты при оказании государственных"
            " услуг;",
        }[lang]
        assert _unit(new, eid) == want


def test_a_comma_put_after_words_then_the_words():
    # 3906 kk:37 «… "деректер" деген сөзден кейін үтір қойылып, "атап айтқанда:" деген
    # сөздермен толықтырылсын;»: «деректер» → «деректер, атап айтқанда:». Moved onto art. 3
    # абзац 4 of Law No. 88-V (kk: «… саласындағы есеп берушілік және ашықтық;», anchor
    # «саласындағы»)
    ops = _ops("3906", "kk", 37)
    assert [(o.old, o.new) for o in ops][1] == ("деректер", ", атап айтқанда:")
    op = replace(ops[1], target="art_3__al_4", old="саласындағы")
    new = apply(load_text(str(LAW_88["kk"]), "kk", report=False), [op], INFO)
    assert _unit(new, "art_3__al_4") == (
        "мемлекеттік қызметтер көрсету саласындағы, атап айтқанда: есеп берушілік және ашықтық;"
    )
