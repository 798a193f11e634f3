"""Sentences that look like instructions but are not read are reported (issue 11), on real
amending acts: the development set ../shared/realworld (byte-exact from quyse/kz-laws, its
README gives commit and length) and Law No. 262."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.amender_text import blocks_from_text, mask_quotes
from generator.formulas.reader import read_instructions
from generator.instruction_shape import amends_nothing, fold_lookalikes, negated, signs

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "realworld" / "amendments"


def read(act: str, lang: str):
    return read_instructions(blocks_from_text((REAL / act / f"{lang}.md").read_text("utf-8")), lang)


@pytest.mark.parametrize(
    ("sentence", "lang", "kind"),
    [
        (
            "Осы Заң ресми жарияланған күнінен бастап күнтізбелік он күн өткеннен кейін "
            "қолданысқа енгізіледі.",
            "kk",
            "entry into force",
        ),
        ("Настоящий Закон вводится в действие с 1 января 2009 года.", "ru", "entry into force"),
        (  # 104392 ru, art. 4
            "Правительству Республики Казахстан в двухмесячный срок принять необходимые акты "
            'по применению Закона Республики Казахстан "О внесении изменений и дополнений в '
            'Закон Казахской ССР "О пенсионном обеспечении граждан в Казахской ССР", привести '
            "решения Правительства Республики Казахстан в соответствие с указанным Законом.",
            "ru",
            "order",
        ),
        ("3) пункт 1 статьи 2 дополнить подпунктом 7) следующего содержания:", "ru", None),
    ],
)
def test_provisions_that_amend_nothing(sentence, lang, kind):
    assert amends_nothing(mask_quotes(sentence)[0], lang) == kind


def test_signs_of_an_instruction():
    assert signs("8) 23-бап мынадай", "kk") == ["names a unit"]
    assert signs("8) статью 23 изложи в следующей редакции:", "ru", before_quoted=True) == [
        "names a unit",
        "has an instruction verb",
        "a colon before quoted text",
    ]
    assert signs("Қазақстан Республикасының Президенті", "kk") == []


def test_negated_verbs():
    assert negated("8) 23-бап мынадай редакцияда жазылмасын:", "kk") == "жазылма"
    assert negated("8) 23-бап мынадай редакцияда жазылсын:", "kk") is None
    assert negated("5) не дополнить статьей 9-1 следующего содержания:", "ru") == "не дополнить"
    assert negated("текст на русском языке не изменяется", "ru") is None


def test_lookalikes_are_repaired_only_inside_cyrillic_words():
    assert fold_lookalikes("2-5-тармақтармен тoлықтырылсын:") == (
        "2-5-тармақтармен толықтырылсын:",
        [("тoлықтырылсын", "толықтырылсын")],
    )
    assert fold_lookalikes("N 20, 379-құжат") == ("N 20, 379-құжат", [])
    assert fold_lookalikes("толqқтырылсын") == ("толqқтырылсын", [])  # q: no look-alike


def test_104392_kk_instructions_once_dropped_are_read():
    """The 1997 Kazakh text writes «алынып тасталсын» and «… сөз қосылсын» (the old grammar
    knew only «алып тасталсын» and reported them): the catalogue reads them."""
    ops = {
        o.line: (o.target, o.action, o.old, o.new, o.where) for o in read("104392", "kk").operations
    }
    assert ops[9] == ("preamble", "repeal", None, None, None)  # «2. Кiрiспе алынып тасталсын.»
    assert ops[167] == ("art_35__para_4", "repeal", None, None, None)  # «4-тармақ алынып …»
    # «12-тармақтағы "аумағында" деген сөздiң алдынан "бұрынғы" деген сөз қосылсын;»
    assert ops[197] == ("art_40__para_12", "insert_words", "аумағында", "бұрынғы", "before")


def test_104392_ru_suspension_is_read():
    """«Статья 2. Приостановить до 1 января 2001 г. действие статей 13 и 37 …» stands in an
    article that amends no act: a suspension, the act's status with its period, no text
    (DESIGN.md, «More rules of the vocabulary»: `suspend`, empty target)."""
    a = read("104392", "ru")
    assert [(o.target, o.action, o.new, o.act) for o in a.operations if o.line == 351] == [
        (
            "",
            "suspend",
            "until 2001-01-01",
            "О пенсионном обеспечении граждан в Республике Казахстан",
        )
    ]
    assert 351 not in {e.line for e in a.errors}


def test_121214_kk_two_verbs_give_every_operation():
    """«9) 9-баптың 4-тармағының 3) тармақшасы алып тасталсын және 4) тармақшасындағы …
    ауыстырылып, 5) тармақшасы алып тасталсын;»: three operations, the first included."""
    ops = [(o.target, o.action) for o in read("121214", "kk").operations if o.line == 69]
    assert ops == [
        ("art_9__para_4__subpara_3", "repeal"),
        ("art_9__para_4__subpara_4", "substitute_words"),
        ("art_9__para_4__subpara_5", "repeal"),
    ]


def test_121214_ru_the_same_repeals():
    ops = [o for o in read("121214", "ru").operations if o.source.startswith("9) подпункты 3)")]
    assert [(o.target, o.action) for o in ops] == [
        ("art_9__para_4__subpara_3", "repeal"),
        ("art_9__para_4__subpara_5", "repeal"),
    ]


def test_21680_kk_two_clauses_joined_by_and():
    """«12) 217-баптың тақырыбындағы "тіркеудің" деген сөз … ауыстырылсын және 1-тармағындағы
    …»: was one clause read wrongly («a heading of a unit that has none»)."""
    a = read("21680", "kk")
    assert not [e for e in a.errors if e.line == 79]
    assert [o.target for o in a.operations if o.line == 79][:2] == [
        "art_217__heading",
        "art_217__para_1",
    ]
