"""Round 7a's held-out acts (benchmarks/realworld-sample, 2005-2011): exact readings of real
instructions, as `zan ops` reads them (the parsed tree, generator/formulas/source.py)."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import REPO

from generator.cli import main
from generator.formulas.reader import read_text
from generator.formulas.source import read_file

SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"


def _ops(act: str, lang: str, line: int) -> list[tuple]:
    res, _ = read_file(str(SAMPLE / act / f"{lang}.md"), lang)
    assert [r.reason for r in res.readings if r.line == line] == [""]
    return [
        (o.target, o.action, o.old, o.new, o.where)
        for o in res.amender.operations
        if o.line == line
    ]


def test_a_bare_unit_word_after_a_converb_names_the_unit_in_scope():
    # 28242 kk:47 «5) 178-баптың 3) тармақшасының үшінші абзацындағы "…" деген сөздер
    # "үлестерін өткізу" деген сөздермен ауыстырылып, тармақша мынадай мазмұндағы абзацпен
    # толықтырылсын:» - the words change in the third абзац, the new абзац ends the
    # subparagraph («тармақша»), where the Russian (ru:45) puts it too
    assert _ops("28242", "kk", 47) == [
        (
            "art_178__subpara_3__al_3",
            "substitute_words",
            "үлестерін өткізу нәтижесінде алынған құн өсімінен түскен табыстар;",
            "үлестерін өткізу",
            None,
        ),
        (
            "art_178__subpara_3",
            "insert",
            None,
            "резидент еместер шығарған және Алматы қаласының өңірлік қаржы орталығының арнайы "
            "сауда алаңына жіберілген борыштық бағалы қағаздарды өткізу нәтижесінде алынған құн "
            "өсімінен түскен табыстар;",
            "end",
        ),
    ]
    assert _ops("28242", "ru", 45) == [
        (
            "art_178__subpara_3",
            "insert",
            None,
            "реализации долговых ценных бумаг, выпущенных нерезидентами и допущенных на "
            "специальную торговую площадку регионального финансового центра города Алматы;",
            "end",
        )
    ]


def test_a_bare_unit_word_naming_no_unit_of_the_scope_is_reported(tmp_path):
    # the same sentence with «тармақ» (a paragraph: article 178 has none in scope) for
    # «тармақша», a minimal mutation: reported with file and line, never guessed
    text = (SAMPLE / "28242" / "kk.md").read_text(encoding="utf-8")
    old = "ауыстырылып, тармақша мынадай мазмұндағы абзацпен"
    assert text.count(old) == 1
    path = tmp_path / "kk.md"
    path.write_text(text.replace(old, old.replace("тармақша", "тармақ")), encoding="utf-8")
    res = CliRunner().invoke(main, ["ops", str(path), "--lang", "kk", "--today", "2026-12-01"])
    assert res.exit_code == 1
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith(f"{path}:47:")]
    assert len(errors) == 1
    assert errors[0].startswith(
        f"{path}:47: instruction not read: «тармақ» names no unit of the scope "
        "art_178__subpara_3__al_3"
    )


def test_several_new_subparagraphs_each_with_its_own_quoted_wording():
    # 28242 ru:25 «1) пункт 1 статьи 91 дополнить подпунктами 1-1), 3-1) и 11) следующего
    # содержания:», then three quoted wordings, one per line (27, 29, 31)
    assert [(t, a, new[:5]) for t, a, _o, new, _w in _ops("28242", "ru", 25)] == [
        ("art_91__para_1__subpara_1-1", "insert", "1-1) "),
        ("art_91__para_1__subpara_3-1", "insert", "3-1) "),
        ("art_91__para_1__subpara_11", "insert", "11) д"),
    ]


def test_a_change_of_the_russian_text_only():
    # 56574 kk:113 «8) 10-баптың 1-тармағы бірінші абзацының орыс тіліндегі мәтініне өзгеріс
    # енгізілді, қазақ тіліндегі мәтіні өзгермейді;»: no Kazakh operation; the Russian, ru:113
    # «8) в абзаце первом пункта 1 статьи 10 слова "Республики Казахстан" заменить словом
    # "Республики";»
    res, _ = read_file(str(SAMPLE / "56574" / "kk.md"), "kk")
    assert [o for o in res.amender.operations if o.line == 113] == []
    assert [(x.target, x.lang_only, x.line) for x in res.amender.not_for_this_language] == [
        ("art_10__para_1__al_1", "ru", 113)
    ]
    assert _ops("56574", "ru", 113) == [
        ("art_10__para_1__al_1", "substitute_words", "Республики Казахстан", "Республики", None)
    ]


def test_an_unnumbered_repeal_inside_an_item_and_its_numbered_kazakh_twin():
    # 58062 ru:47 «статью 11 исключить;» stands unnumbered after item 4); the Kazakh numbers
    # it, kk:47 «5) 11-бап алып тасталсын;»: one repeal of article 11 in both
    assert (
        _ops("58062", "ru", 47)
        == _ops("58062", "kk", 47)
        == [("art_11", "repeal", None, None, None)]
    )


def _new(act: str, lang: str, line: int) -> list[tuple]:
    """The paragraph reader's operations of one line: target, action, the wording's ends."""
    text = (SAMPLE / act / f"{lang}.md").read_text(encoding="utf-8")
    res = read_text(text, lang)
    assert [r.line for r in res.readings if r.reason] == []
    return [
        (o.target, o.action, o.new[:24], o.new[-40:])
        for o in res.amender.operations
        if o.line == line
    ]


def test_a_straight_quoted_chapter_runs_to_its_own_closing_mark():
    # 58062 ru:49 «главу 3 изложить в следующей редакции:», then the new chapter (ru:51-355):
    # inner pairs end two of its blocks («… словами "параграф" и "подраздел".» ru:175 before
    # «3. Кодекс …»; «… пометка "(по согласованию)".» ru:217) and ru:309 sounds like an
    # instruction («… признается утратившим силу …»); the wording ends at «…рассмотрения.";»
    assert _new("58062", "ru", 49) == [
        (
            "chp_3",
            "replace",
            "Глава 3. Подготовка и оф",
            "ативы, на любой стадии его рассмотрения.",
        )
    ]
    # 14086 kk:47 «138-140-баптар мынадай редакцияда жазылсын:»: kk:83 «2. Преференциялардың
    # қолданылуы мерзiмiнен бұрын тоқтатылған кезде …» is the wording's last paragraph
    assert _new("14086", "kk", 47) == [
        (
            "art_138..140",
            "replace",
            "138-бап. Инвестициялық с",
            "да белгiленген тәртiппен жауапты болады.",
        )
    ]
