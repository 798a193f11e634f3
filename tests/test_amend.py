"""The amend stage on real texts: Law No. 262 of 2007 applied to the 2000 Law
«Әкімшілік рәсімдер туралы» (kk), whole units asserted exactly.

Every legal string below is copied verbatim from ../shared/sources (the base
kk/z000000107-adminproc-2000.before-2007.kk.md keeps its Latin «i»; the amender
seeds/000_68549f57bdbdd563.txt uses Kazakh «і»); `test_pieces_are_verbatim` checks that.
The imported base (generator.importer) has the Latin «i» repaired to «і», so its expected
texts are the same strings with that one documented repair applied (`imported`).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.amend import (
    AmenderInfo,
    AmendError,
    NoteEvent,
    apply,
    find_words,
    normalise,
    render_note,
)
from generator.amender_text import blocks_from_text
from generator.formulas.reader import read_instructions
from generator.importer import import_text
from generator.model import DateSpec, Operation
from generator.parse import parse_markdown

BASE = "kk/z000000107-adminproc-2000.before-2007.kk.md"
LAW262 = "seeds/000_68549f57bdbdd563.txt"
LAW262_INFO = AmenderInfo(
    act_id="Z070000262",
    number="262",
    date=dt.date(2007, 6, 18),
    doc_type="law",
    in_force=DateSpec.parse("after 2007-06-18"),
)

# --- verbatim pieces of the base (Latin i as in the source) ------------------------------
B_PREAMBLE = (
    "Осы Заң басқару қызметiн ұйымдастыруды жетiлдiруге, мемлекеттiк органдардың iркiлiссiз "
    "жұмыс iстеуiн қамтамасыз етуге, басқарушылық шешiмдердi жедел қабылдауға, азаматтардың "
    "құқықтары мен бостандықтарын сақтауға, мемлекеттік мүдделердi қорғауға, мемлекеттiк "
    "қызметшiлердiң лауазымдық өкілеттікті қызметтен тыс мақсаттарда пайдалануына жол бермеуге"
)
B_PREAMBLE_END = " жәрдемдесетiн әкiмшiлiк рәсiмдердi белгiлеуге бағытталған."
B_SUB6 = "6) Қазақстан Республикасының жергiлiктi атқарушы органдарының"
B_SUB6_END = " қызметiнде қолданылады."
B_SUB11 = "11) үнемдiлiк пен "
B_SUB11_END = "тиiмдiлiк принциптерiне негiзделедi."
B_ART13_P4 = (
    "4. Ақпараттық рәсiмдер мемлекеттiң мүдделерiмен байланысты қызметтік және өзге де "
    "ақпараттың жария етiлуiне жол бермеуi тиiс. Мемлекеттік қызметшiлерге қызметтiк ақпарат "
    "оларға жүктелген қызмет мiндеттерiн орындау үшiн ғана берiледi. Бұл ақпаратты қызметтен "
    "тыс мақсаттарға пайдалануға болмайды."
)
B_SUB5 = "5) Қазақстан Республикасының жергiлiктi өкiлдi органдары аппараттарының;"

# --- verbatim quoted words of Law No. 262 (kk) --------------------------------------------
A_PREAMBLE = ", сондай-ақ мемлекеттік қызметтер көрсету жөніндегі қызметке"
A_SUB6 = "органдарының;"
A_SUB7 = (
    "7) мемлекеттік қызметтерді ұсынуы кезінде мемлекеттік қызметтер көрсету "
    "субъектілерінің қызметінде қолданылады."
)
A_SUB11 = "тиімділік;"
A_SUB12 = "12) мемлекеттік қызметтердің қол жетімділігі мен сапасы принциптеріне негізделеді."
A_PARAS_2_2_TO_2_5 = [
    "2-2. Мемлекеттік қызметтер деп жеке және заңды тұлғалардың құқықтарын, бостандықтарын "
    "және заңды мүдделерінің қорғалуын қамтамасыз етуге бағытталған, бюджеттік бағдарламаларды "
    "(кіші бағдарламаларды) іске асыру аясында мемлекеттік органдар, өзге де мемлекеттік "
    "мекемелер, мемлекеттік кәсіпорындар, жеке және (немесе) заңды тұлғалар жүзеге асыратын "
    "қызмет ұғынылады.",
    "2-3. Мемлекеттік қызмет көрсету стандарты - мемлекеттік қызмет саны, сапасы және қол "
    "жетімділігі көрсеткіштерінің нормативтік мәндерін, жеке және заңды тұлғалармен өзара "
    "іс-қимыл тәртібі мен жеке және заңды тұлғалардың белгіленген сан мен сапада мемлекеттік "
    "қызметтер көрсетуді алу құқығын қамтамасыз ететін, орындалуы міндетті өзге де нормаларды "
    "белгілейтін нормативтік құқықтық акт.",
    "2-4. Мемлекеттік қызмет көрсету регламенті - мемлекеттік органдардың, өзге де мемлекеттік "
    "мекемелер мен мемлекеттік кәсіпорындардың, олардың құрылымдық бөлімшелерінің, сондай-ақ "
    "лауазымды адамдардың мемлекеттік қызмет көрсету жөніндегі қызметінің тәртібін айқындайтын "
    "нормативтік құқықтық акт.",
    "2-5. Мемлекеттік қызметтер тізілімі - біртектес қызметтер ұсынуды қамтамасыз ететін "
    "мемлекеттік органдарды, өзге де мемлекеттік мекемелер мен мемлекеттік кәсіпорындарды "
    "көрсете отырып, осындай қызметтердің топтары мен кіші топтарын қамтитын, республикалық "
    "және жергілікті деңгейлерде көрсетілетін мемлекеттік қызметтер тізбесі.",
]
A_ART9_1 = [
    ("art_9-1__para_1", "1. Мемлекеттік орган өз қызметін ұйымдастыру мен оның ішкі тәртібі "
     "мәселелері бойынша регламент қабылдайды."),
    ("art_9-1__para_2", "2. Мемлекеттік орган ішкі қызметін ұйымдастыру мен оның тәртібі және "
     "мемлекеттік қызмет көрсету бойынша жеке және заңды тұлғалармен өзара іс-қимыл қызметі "
     "мәселелері бойынша мемлекеттік қызмет көрсетудің стандарты мен регламентін қабылдайды."),
    ("art_9-1__para_2__al_2", "Мемлекеттік қызмет көрсетудің стандарты мен регламенті "
     "мемлекеттік органның құзыретіне кіретін әрбір мемлекеттік қызмет көрсету бойынша "
     "қабылданады."),
    ("art_9-1__para_3", "3. Мемлекеттік қызмет көрсетудің стандарты мен регламенті, "
     "мемлекеттік органның регламенті Қазақстан Республикасының Үкіметі бекітетін үлгілік "
     "стандарттар мен регламенттер негізінде әзірленеді."),
]  # fmt: skip
A_ART13_AL2 = (
    "Қызметтік ақпаратпен жұмыс істеу ережесін Қазақстан Республикасының Үкіметі белгілейді."
)
A_ART15_1 = [
    ("art_15-1__para_1", "1. Бюджеттік бағдарламаларды (кіші бағдарламаларды) іске асыру "
     "аясында қызметтер ұсынатын мемлекеттік органдар, өзге де мемлекеттік мекемелер, "
     "мемлекеттік кәсіпорындар, жеке және заңды тұлғалар мемлекеттік қызметтер көрсету "
     "субъектілері болып табылады."),
    ("art_15-1__para_1__al_2", "Мемлекеттік қызметтер көрсетуді мемлекеттік органдар "
     "қамтамасыз етеді."),
    ("art_15-1__para_2", "2. Мемлекеттік қызмет көрсету жөніндегі қызмет мемлекеттік қызмет "
     "көрсету стандарты мен регламентінің талаптарына сәйкес келуге тиіс."),
    ("art_15-1__para_3", "3. Қазақстан Республикасының Үкіметі мемлекеттік қызметтер көрсету "
     "тізілімін бекітеді."),
    ("art_15-1__para_4", "4. Мемлекеттік қызметтер көрсету субъектілері оны көрсету үшін "
     "мемлекеттік органдардан, өзге де мемлекеттік мекемелер мен мемлекеттік кәсіпорындардан "
     "қосымша ақпарат алу қажет болатын қызметті ұсыну кезінде, егер Қазақстан Республикасының "
     "заңдарында өзгеше белгіленбеген болса, жеке және заңды тұлғалардан оны талап етпестен "
     "қажетті ақпарат алмасуды қамтамасыз етуге тиіс."),
]  # fmt: skip
A_ART23 = "Осы Заңды бұзу Қазақстан Республикасының заңдарына сәйкес жауаптылыққа әкеп соғады."


def _latin_i_repaired(s: str) -> str:
    """The importer's documented repair of the text bank's Latin «i» inside Kazakh words."""
    return s.replace("i", "і").replace("Y", "Ү")


def hand_structured(raw: str) -> str:
    """The base as structured Markdown by hand: indentation stripped, heading eIds added,
    the signature after ***; every word byte-exact."""
    lines = []
    for line in raw.split("\n"):
        line = line.strip()
        m = re.match(r"^##+ (\d+(?:-\d+)*)-тарау\.", line)
        if m:
            line = f"{line} {{#chp_{m[1]}}}"
        m = re.match(r"^### (\d+(?:-\d+)*)-бап\.", line)
        if m:
            line = f"{line} {{#art_{m[1]}}}"
        lines.append(line)
    text = "\n".join(lines)
    sig = "\n\nҚазақстан Республикасының\n\nПрезиденті"
    assert text.rstrip().endswith(sig.strip())
    return text.rstrip()[: -len(sig.strip())] + "***" + sig + "\n"


@pytest.fixture(scope="module")
def raw_base(sources):
    return (sources / BASE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ops262(sources):
    text = (sources / LAW262).read_text(encoding="utf-8")
    am = read_instructions(blocks_from_text(text), "kk")
    assert am.errors == []
    return am.operations


@pytest.fixture(scope="module", params=["hand", "imported"])
def base(request, raw_base):
    if request.param == "hand":
        return request.param, parse_markdown(hand_structured(raw_base), "kk", BASE)
    md = import_text(raw_base, "kk", BASE).documents[0].markdown
    return request.param, parse_markdown(md, "kk", BASE)


def test_pieces_are_verbatim(sources):
    base_text = (sources / BASE).read_text(encoding="utf-8")
    amender = (sources / LAW262).read_text(encoding="utf-8")
    for piece in (B_PREAMBLE + B_PREAMBLE_END, B_SUB6 + B_SUB6_END, B_SUB11 + B_SUB11_END,
                  B_ART13_P4, B_SUB5):  # fmt: skip
        assert piece in base_text
    pieces = [A_PREAMBLE, A_SUB6, A_SUB7, A_SUB11, A_SUB12, A_ART13_AL2, A_ART23]
    pieces += A_PARAS_2_2_TO_2_5 + [t for _, t in A_ART9_1 + A_ART15_1]
    for piece in pieces:
        assert piece in amender, piece


def test_law262_gives_the_2007_edition(base, ops262):
    kind, act = base
    fix = _latin_i_repaired if kind == "imported" else (lambda s: s)
    mine = [op for op in ops262 if op.act_date == "2000-11-27"]
    assert len(mine) == 14
    before = [(u.eid, u.text, u.heading) for u in act.walk()]
    new = apply(act, mine, LAW262_INFO)
    assert [(u.eid, u.text, u.heading) for u in act.walk()] == before  # input untouched
    idx = new.index()

    # preamble: words inserted after «жол бермеуге»
    assert idx["preamble"].text == fix(B_PREAMBLE) + A_PREAMBLE + fix(B_PREAMBLE_END)
    # art. 1: points 2-2 … 2-5 after point 2, before point 3
    art1 = [c.eid for c in idx["art_1"].children]
    assert art1 == [f"art_1__para_{n}" for n in ("1", "2", "2-2", "2-3", "2-4", "2-5", "3")]
    for text in A_PARAS_2_2_TO_2_5:
        assert idx[f"art_1__para_{text.split('.')[0]}"].text == text
        assert idx[f"art_1__para_{text.split('.')[0]}"].children == []
    # art. 2 para 1: subpoint 6 words replaced, subpoint 7 added
    assert idx["art_2__para_1__subpara_6"].text == fix(B_SUB6)[: -len("органдарының")] + A_SUB6
    assert idx["art_2__para_1__subpara_7"].text == A_SUB7
    assert [c.num for c in idx["art_2__para_1"].children] == [str(n) for n in range(1, 8)]
    # art. 3: subpoint 11 words replaced («тиiмдiлiк…» → «тиімділік;»), subpoint 12 added
    assert idx["art_3__subpara_11"].text == fix(B_SUB11) + A_SUB11
    assert idx["art_3__subpara_12"].text == A_SUB12
    # art. 9-1 in chapter 3, after art. 9 and before art. 10
    chp3 = [u.eid for u in idx["chp_3"].children]
    assert chp3[:3] == ["art_9", "art_9-1", "art_10"]
    art91 = idx["art_9-1"]
    assert (art91.label_text, art91.heading) == ("9-1-бап", "Регламенттер мен стандарттар")
    assert [(u.eid, u.text) for u in art91.walk()][1:] == A_ART9_1
    # art. 13 para 4: a second part
    p4 = idx["art_13__para_4"]
    assert p4.text == fix(B_ART13_P4)
    assert [(c.eid, c.text) for c in p4.children] == [("art_13__para_4__al_2", A_ART13_AL2)]
    # arts. 15-1, 15-2 in chapter 4 after art. 15, before art. 16
    chp4 = [u.eid for u in idx["chp_4"].children]
    assert chp4[:4] == ["art_15", "art_15-1", "art_15-2", "art_16"]
    art151 = idx["art_15-1"]
    assert art151.heading == "Мемлекеттік қызметтер көрсетуді жүзегеасыру"
    assert [(u.eid, u.text) for u in art151.walk()][1:] == A_ART15_1
    assert idx["art_15-2"].heading == (
        "Мемлекеттік органдардың жеке және заңдытұлғаларға ақпараттық қызметтер ұсынуы"
    )
    assert idx["art_15-2__para_1"].text == (
        "1. Мемлекеттік органдар жеке және заңды тұлғаларға ақпараттық қызметтер ұсыну үшін "
        "веб-сайттар құрады."
    )
    # art. 23 in its new wording
    art23 = idx["art_23"]
    assert (art23.heading, art23.text) == ("Осы Заңды бұзғаны үшін жауаптылық", A_ART23)
    assert art23.children == []
    # Articles in number order through the act.
    arts = [u.num for u in new.walk() if u.type == "art"]
    assert arts[8:12] == ["9", "9-1", "10", "11"] and arts[15:19] == ["15", "15-1", "15-2", "16"]
    # Every other unit is as it was.
    changed = {
        "preamble", "art_2__para_1__subpara_6", "art_3__subpara_11", "art_23",
    }  # fmt: skip
    old = {u.eid: (u.text, u.heading) for u in act.walk()}
    for u in new.walk():
        if u.eid in old and u.eid not in changed:
            assert (u.text, u.heading) == old[u.eid], u.eid


def test_law262_notes(base, ops262):
    _, act = base
    new = apply(act, [op for op in ops262 if op.act_date == "2000-11-27"], LAW262_INFO)
    notes = {u.eid: [n.text for n in u.notes] for u in new.walk() if u.notes}
    assert notes == {
        "preamble": ["Ескерту. Кіріспеге өзгеріс енгізілді - ҚР 18.06.2007 № 262 Заңымен."],
        "art_1": ["Ескерту. 1-бапқа өзгерістер енгізілді - ҚР 18.06.2007 № 262 Заңымен."],
        "art_2": ["Ескерту. 2-бапқа өзгерістер енгізілді - ҚР 18.06.2007 № 262 Заңымен."],
        "art_3": ["Ескерту. 3-бапқа өзгерістер енгізілді - ҚР 18.06.2007 № 262 Заңымен."],
        "art_9-1": ["Ескерту. 3-тарау 9-1-баппен толықтырылды - ҚР 18.06.2007 № 262 Заңымен."],
        "art_13": ["Ескерту. 13-бапқа өзгеріс енгізілді - ҚР 18.06.2007 № 262 Заңымен."],
        "art_15-1": ["Ескерту. 4-тарау 15-1-баппен толықтырылды - ҚР 18.06.2007 № 262 Заңымен."],
        "art_15-2": ["Ескерту. 4-тарау 15-2-баппен толықтырылды - ҚР 18.06.2007 № 262 Заңымен."],
        "art_23": ["Ескерту. 23-бап жаңа редакцияда - ҚР 18.06.2007 № 262 Заңымен."],
    }
    assert all(n.generated for u in new.walk() for n in u.notes)


def test_notes_accumulate_across_amenders_ru(sources):
    """Two amending acts on one article: one note, the official «законами РК … ; от …»."""
    case = sources / "cases/transfer-2007-2009-98-IV"
    md = import_text((case / "before.ru.md").read_text(encoding="utf-8"), "ru").documents[0]
    act = parse_markdown(md.markdown, "ru")
    amender = (case / "amender-1.ru.md").read_text(encoding="utf-8")
    am = read_instructions(blocks_from_text(amender), "ru")
    assert am.errors == []
    (op,) = am.operations
    info98 = AmenderInfo("Z080000098", "98-IV", dt.date(2008, 12, 4), "law",
                         DateSpec.parse("2009-01-01"))  # fmt: skip
    once = apply(act, [op], info98)
    # The official note of Law 36-IV is extended in its own formula, not repeated.
    assert [(n.text, n.generated) for n in once.find("art_1").notes] == [
        (
            "Сноска. Статья 1 с изменениями, внесенными законами РК от 04.06.2008 N 36-IV "
            "(порядок введения в действие см. ст.2 ); от 04.12.2008 № 98-IV (вводится в "
            "действие с 01.01.2009).",
            True,
        )
    ]
    # The same amending act once more (mechanism): still one note, one entry per act.
    twice = apply(once, [op], info98)
    assert [n.text for n in twice.find("art_1").notes] == [n.text for n in once.find("art_1").notes]
    # A unit without an official note gets a note of its own.
    art2 = Operation(act=op.act, target="art_2__al_1", action="replace", new=op.new)
    assert [n.text for n in apply(act, [art2], info98).find("art_2").notes] == [
        "Сноска. Статья 2 с изменением, внесенным Законом РК от 04.12.2008 № 98-IV "
        "(вводится в действие с 01.01.2009)."
    ]


# --- matching through variants -------------------------------------------------------------


def test_words_match_through_latin_i_quotes_dashes_and_spaces(sources):
    base_text = (sources / BASE).read_text(encoding="utf-8")
    # Latin i in the base, Kazakh і in the instruction
    assert find_words(B_SUB6 + B_SUB6_END, "органдарының қызметінде қолданылады.") == [
        (len(B_SUB6) - len("органдарының"), len(B_SUB6 + B_SUB6_END))
    ]
    # «» in one text, "" in the other (Law 262 writes "электрондық үкімет")
    kk88 = (sources / "kk/z1300000088-state-services.kk.md").read_text(encoding="utf-8")
    line = next(ln for ln in kk88.splitlines() if "«электрондық үкімет»" in ln)
    assert find_words(line, '"электрондық үкімет"')
    # dash kinds and spacing runs
    line13 = next(ln for ln in base_text.splitlines() if "Ақпарат алмасу - мемлекеттiк" in ln)
    assert find_words(line13, "Ақпарат алмасу – мемлекеттiк") == find_words(
        line13, "Ақпарат  алмасу - мемлекеттiк"
    )
    assert find_words(line13, "Ақпарат алмасу — мемлекеттiк")
    assert normalise("a\u00a0 e")[0] == "а е"


def test_words_never_match_part_of_a_longer_word():
    # «органдары» is a real word of the base (art. 13), but inside «органдарының» it is not one
    assert find_words(B_SUB6, "органдары") == []
    assert find_words(B_SUB6, "органдарының") == [(len(B_SUB6) - 12, len(B_SUB6))]


# --- failures on real sentences ------------------------------------------------------------


def _op(ops, target):
    return next(op for op in ops if op.target == target)


def test_words_not_in_target_fail(ops262, raw_base):
    act = parse_markdown(hand_structured(raw_base), "kk", BASE)
    op = _op(ops262, "art_2__para_1__subpara_6")
    wrong = Operation(**{**op.__dict__, "target": "art_2__para_1__subpara_5"})
    with pytest.raises(AmendError) as e:
        apply(act, [wrong], LAW262_INFO)
    assert str(e.value) == (
        '«3) 2-баптың 1-тармағы 6) тармақшадағы "органдарының қызметінде қолданылады." деген '
        'сөздер "органдарының;" деген сөзбен ауыстырылып, мынадай мазмұндағы 7) тармақшамен '
        "толықтырылсын:» (line 27) → art_2__para_1__subpara_5: the words «органдарының қызметінде "
        "қолданылады.» are not in art_2__para_1__subpara_5"
    )
    assert act.find("art_2__para_1__subpara_5").text == B_SUB5


def test_unit_that_does_not_exist_fails(ops262, raw_base):
    """Law 262's instruction for the 1998 Law applied to the 2000 Law: no art. 3 para 3."""
    act = parse_markdown(hand_structured(raw_base), "kk", BASE)
    with pytest.raises(AmendError) as e:
        apply(act, [ops262[0]], LAW262_INFO)
    assert str(e.value) == (
        "«3-баптың 3-тармағы мынадай мазмұндағы 1-2) және 1-3) тармақшалармен толықтырылсын:» "
        "(line 7) → art_3__para_3__subpara_1-2: unit art_3__para_3 does not exist in "
        "'Әкімшілік рәсімдер туралы'"
    )


def test_insert_of_an_existing_number_fails(ops262, raw_base):
    act = parse_markdown(hand_structured(raw_base), "kk", BASE)
    once = apply(act, [_op(ops262, "art_9-1")], LAW262_INFO)
    with pytest.raises(AmendError) as e:
        apply(once, [_op(ops262, "art_9-1")], LAW262_INFO)
    assert str(e.value) == (
        "«5) мынадай мазмұндағы 9-1-баппен толықтырылсын:» (line 35) → art_9-1: "
        "art_9-1 already exists"
    )


def test_repeal_keeps_a_placeholder(ops262, raw_base):
    act = parse_markdown(hand_structured(raw_base), "kk", BASE)
    rep = Operation(act="Әкімшілік рәсімдер туралы", target="art_2__para_1__subpara_5",
                    action="repeal")  # fmt: skip
    new = apply(act, [rep], LAW262_INFO)
    assert new.find("art_2__para_1__subpara_5").text == (
        "5) алып тасталды - ҚР 18.06.2007 № 262 Заңымен;"
    )
    assert new.find("art_2__para_1__subpara_5").repealed
    art = apply(act, [Operation(act="", target="art_23", action="repeal")], LAW262_INFO)
    u = art.find("art_23")
    assert (u.heading, u.text, u.children, u.repealed) == ("Жауапкершілiк", "", [], True)
    assert [n.text for n in u.notes] == [
        "Ескерту. 23-бап алып тасталды - ҚР 18.06.2007 № 262 Заңымен."
    ]


def test_renumber_moves_the_unit_and_its_descendants(raw_base):
    act = parse_markdown(hand_structured(raw_base), "kk", BASE)
    op = Operation(act="", target="art_13__para_3", action="renumber", new="art_13__para_4")
    with pytest.raises(AmendError, match="art_13__para_4 already exists"):
        apply(act, [op], LAW262_INFO)
    op = Operation(act="", target="art_2__para_2", action="renumber", new="art_2__para_3")
    new = apply(act, [op], LAW262_INFO)
    assert new.find("art_2__para_2") is None
    assert new.find("art_2__para_3").text.startswith("3. Осы Заңда көзделген рәсiмдердiң күшi:")
    assert [c.eid for c in new.find("art_2__para_3").children] == [
        f"art_2__para_3__subpara_{n}" for n in (1, 2, 3)
    ]


# --- note formulas reproduce real notes ----------------------------------------------------

TEN = "ten_days_after_publication"
L408 = AmenderInfo(
    "Z1500000408", "408-V", dt.date(2015, 11, 17), "law", DateSpec.parse("2016-03-01")
)
L433 = AmenderInfo(
    "Z1500000433", "433-V", dt.date(2015, 12, 3), "law", DateSpec.parse("2016-01-01")
)
L272 = AmenderInfo("Z1900000272", "272-VI", dt.date(2019, 11, 25), "law",
                   DateSpec.parse("after 2019-11-25"), in_force_rule=TEN)  # fmt: skip
L347 = AmenderInfo("Z2000000347", "347-VI", dt.date(2020, 6, 25), "law",
                   DateSpec.parse("after 2020-06-25"), in_force_rule=TEN)  # fmt: skip
L141 = AmenderInfo("Z2200000141", "141-VII", dt.date(2022, 7, 14), "law",
                   DateSpec.parse("after 2022-07-14"), in_force_rule=TEN)  # fmt: skip

REAL_NOTES = [
    # (language, subject (type, num, heading?), events, the note as the source writes it)
    ("ru", ("art", "20", False), [NoteEvent(L408, "replaced"), NoteEvent(L272, "changed", 2)],
     "Сноска. Статья 20 в редакции Закона РК от 17.11.2015 № 408-V (вводится в действие с "
     "01.03.2016); с изменениями, внесенными Законом РК от 25.11.2019 № 272-VI (вводится в "
     "действие по истечении десяти календарных дней после дня его первого официального "
     "опубликования)."),
    ("ru", ("art", "12", False), [NoteEvent(L272, "changed")],
     "Сноска. Статья 12 с изменением, внесенным Законом РК от 25.11.2019 № 272-VI (вводится в "
     "действие по истечении десяти календарных дней после дня его первого официального "
     "опубликования)."),
    ("ru", ("art", "16", False), [NoteEvent(L272, "repealed")],
     "Сноска. Статья 16 исключена Законом РК от 25.11.2019 № 272-VI (вводится в действие по "
     "истечении десяти календарных дней после дня его первого официального опубликования)."),
    ("ru", ("art", "14", True), [NoteEvent(L272, "replaced")],
     "Сноска. Заголовок статьи 14 в редакции Закона РК от 25.11.2019 № 272-VI (вводится в "
     "действие по истечении десяти календарных дней после дня его первого официального "
     "опубликования)."),
    ("ru", ("art", "4", False),
     [NoteEvent(L408, "changed"), NoteEvent(L433, "changed"), NoteEvent(L272, "changed"),
      NoteEvent(L347, "changed")],
     "Сноска. Статья 4 с изменениями, внесенными законами РК от 17.11.2015 № 408-V (вводится в "
     "действие с 01.03.2016); от 03.12.2015 № 433-V (вводится в действие с 01.01.2016); от "
     "25.11.2019 № 272-VI (вводится в действие по истечении десяти календарных дней после дня "
     "его первого официального опубликования); от 25.06.2020 № 347-VI (вводится в действие по "
     "истечении десяти календарных дней после дня его первого официального опубликования)."),
    ("kk", ("art", "12", False), [NoteEvent(L272, "changed")],
     "Ескерту. 12-бапқа өзгеріс енгізілді - ҚР 25.11.2019 № 272-VI (алғашқы ресми жарияланған "
     "күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Заңымен."),
    ("kk", ("art", "16", False), [NoteEvent(L272, "repealed")],
     "Ескерту. 16-бап алып тасталды - ҚР 25.11.2019 № 272-VI (алғашқы ресми жарияланған "
     "күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Заңымен."),
    ("kk", ("art", "14", True), [NoteEvent(L272, "replaced")],
     "Ескерту. 14-баптың тақырыбы жаңа редакцияда - ҚР 25.11.2019 № 272-VI (алғашқы ресми "
     "жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Заңымен."),
    ("kk", ("art", "20", False),
     [NoteEvent(L408, "replaced"), NoteEvent(L272, "changed", 2), NoteEvent(L141, "changed", 2)],
     "Ескерту. 20-бап жаңа редакцияда - ҚР 17.11.2015 № 408-V (01.03.2016 бастап қолданысқа "
     "енгізіледі); өзгерістер енгізілді - ҚР 25.11.2019 № 272-VI (алғашқы ресми жарияланған "
     "күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі); 14.07.2022 № 141-VII "
     "(алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа "
     "енгізіледі) заңдарымен."),
]  # fmt: skip


@pytest.mark.parametrize("lang,subject,events,expected", REAL_NOTES)
def test_note_formulas_reproduce_real_notes(sources, lang, subject, events, expected):
    src = {
        "ru": "ru/z1300000088-state-services.ru.txt",
        "kk": "kk/z1300000088-state-services.kk.md",
    }
    lines = (sources / src[lang]).read_text(encoding="utf-8").splitlines()
    assert expected in [ln.strip() for ln in lines]  # the expected note is verbatim
    assert render_note(lang, subject, events) == expected


def test_inserted_article_note_reproduces_the_real_note(sources):
    lines = (sources / "ru/z1300000088-state-services.ru.txt").read_text(encoding="utf-8")
    expected = next(
        ln.strip() for ln in lines.splitlines() if "Глава 2 дополнена статьей 9-1" in ln
    )
    events = [NoteEvent(L408, "inserted", 1, ("chp", "2")), NoteEvent(L272, "changed", 2)]
    assert render_note("ru", ("art", "9-1", False), events) == expected


def test_inserted_article_note_reproduces_the_real_note_kk(sources):
    lines = (sources / "kk/z1300000088-state-services.kk.md").read_text(encoding="utf-8")
    expected = next(ln.strip() for ln in lines.splitlines() if "2-тарау 9-1-баппен" in ln)
    events = [
        NoteEvent(L408, "inserted", 1, ("chp", "2")),
        NoteEvent(L272, "changed", 2),
        NoteEvent(L141, "changed", 2),
    ]
    assert render_note("kk", ("art", "9-1", False), events) == expected


def test_a_block_past_the_end_fails(ops262, raw_base):
    act = parse_markdown(hand_structured(raw_base), "kk", BASE)
    op = _op(ops262, "art_13__para_4__al_2")
    with pytest.raises(AmendError) as e:
        apply(act, [Operation(**{**op.__dict__, "target": "art_13__para_4__al_3"})], LAW262_INFO)
    assert str(e.value) == (
        "«6) 13-баптың 4-тармағы мынадай мазмұндағы екінші бөлікпен толықтырылсын:» (line 47) "
        "→ art_13__para_4__al_3: block 3 would leave a gap: art_13__para_4 has 1 block(s)"
    )


def test_whole_act_words_reach_every_unit(ops262, raw_base):
    """Mechanism: Law 262's preamble words applied «бүкіл мәтіні бойынша» (target *) reach
    each place the anchor stands (the preamble and art. 13 para 3), each noted."""
    act = parse_markdown(hand_structured(raw_base), "kk", BASE)
    op = _op(ops262, "preamble")
    new = apply(act, [Operation(**{**op.__dict__, "target": "*"})], LAW262_INFO)
    assert new.find("preamble").text == B_PREAMBLE + A_PREAMBLE + B_PREAMBLE_END
    changed = [u.eid for u in new.walk() if u.text != (act.find(u.eid).text)]
    assert changed == ["preamble", "art_13__para_3"]
    assert [n.text for n in new.find("art_13").notes] == [
        "Ескерту. 13-бапқа өзгеріс енгізілді - ҚР 18.06.2007 № 262 Заңымен."
    ]


def test_the_2007_edition_renders_and_parses_back(base, ops262):
    """The consolidated text is valid structured Markdown: each note comes back on its unit."""
    from generator.render import render_markdown

    _, act = base
    new = apply(act, [op for op in ops262 if op.act_date == "2000-11-27"], LAW262_INFO)
    again = parse_markdown(render_markdown(new), "kk")

    def tree(a):
        return [(u.eid, u.heading, u.text, [n.text for n in u.notes]) for u in a.walk()]

    assert tree(again) == tree(new)
