"""kk ↔ ru agreement of the amending acts read independently in both languages (issue 13,
item 6): the real differences of the two texts listed in generator/grammar/real-differences.yml
are exactly the differences the dev set shows, and the reader gaps that made false ones are
closed (each on the real sentence that showed it)."""

from __future__ import annotations

import functools

import pytest
from click.testing import CliRunner
from conftest import REPO

from generator.cli import main
from generator.formulas.agreement import compare, compare_results, mark_real, real_differences
from generator.formulas.reader import read_text
from generator.formulas.report import acts_under
from generator.model import Operation

REALWORLD = REPO.parent / "shared" / "realworld"
DEV = REALWORLD / "amendments"
SAMPLE = REPO / "benchmarks" / "realworld-sample" / "amendments"


@functools.cache
def _read(folder: str, lang: str):
    base = DEV if (DEV / folder).is_dir() else SAMPLE
    return read_text((base / folder / f"{lang}.md").read_text(encoding="utf-8"), lang)


def _ops(folder: str, lang: str, line: int) -> list[tuple]:
    return [
        (o.target, o.action, o.old, o.new[:30] if o.new else None)
        for o in _read(folder, lang).amender.operations
        if o.line == line
    ]


def _listed(setname: str) -> dict[str, set]:
    out: dict[str, set] = {}
    for act, entries in real_differences().items():
        for e in entries:
            if e["set"] == setname:
                key = (e["kk"]["line"], e["ru"]["line"], e["target"], e["kind"])
                out.setdefault(act, set()).add(key)
    return out


def _found(base) -> dict[str, set]:
    """The differences of the catalogue reader on each act's paragraphs (read_text; the
    report reads the parsed tree, generator/formulas/source.py, whose quoted structures can
    differ: see the note on 104392 kk in docs/formulas.md)."""
    out: dict[str, set] = {}
    for folder in acts_under([str(base)]):
        diffs = compare_results(_read(folder.name, "kk"), _read(folder.name, "ru"))
        mark_real(folder.name, diffs)
        keys = {d.key() for d in diffs if not d.unread or d.real}
        if keys:
            out[folder.name] = keys
    return out


def test_dev_set_differences_are_exactly_the_listed_real_ones():
    """Every kk↔ru difference on ../shared/realworld/amendments (apart from those where one
    language's instruction is not read) is a listed real difference, and every listed one is
    still found: a new reading error, or a fix that makes a listed one disappear, fails here."""
    assert _found(DEV) == _listed("dev")


def test_listed_real_differences_of_the_sample_are_all_found():
    """Each listed difference of the sample is found by the paragraph reader or by the
    report's reading of the parsed tree (they name the other language's instruction by
    different lines only on 22148 ru, whose instructions the tree joins in one sentence)."""
    found = _found(SAMPLE)
    for act, keys in _listed("sample").items():
        missing = keys - found.get(act, set())
        if missing:
            assert missing <= _found_in_tree(act), act


def _found_in_tree(act: str) -> set:
    from generator.formulas.source import read_file

    kk, _ = read_file(str(SAMPLE / act / "kk.md"), "kk")
    ru, _ = read_file(str(SAMPLE / act / "ru.md"), "ru")
    diffs = compare_results(kk, ru)
    mark_real(act, diffs)
    return {d.key() for d in diffs if not d.unread or d.real}


def test_every_listed_difference_quotes_both_real_instructions():
    for act, entries in real_differences().items():
        base = DEV if entries[0]["set"] == "dev" else SAMPLE
        for e in entries:
            for lang in ("kk", "ru"):
                lines = (base / act / f"{lang}.md").read_text(encoding="utf-8").splitlines()
                quote = e[lang]["quote"]
                assert " ".join(lines[e[lang]["line"] - 1].split()) == quote, (act, lang)
            assert e["reason"] and e["kind"] in ("only_kk", "only_ru", "action")


def test_the_dev_set_agrees_outright_on_80_percent_of_its_acts():
    folders = acts_under([str(DEV)])
    outright = [f for f in folders if not compare_results(_read(f.name, "kk"), _read(f.name, "ru"))]
    assert len(outright) / len(folders) >= 0.8


def test_grammar_report_shows_a_real_difference_with_both_quotes():
    res = CliRunner().invoke(main, ["grammar-report", str(DEV / "45378")])
    assert res.exit_code == 0
    rows = [r for r in res.stdout.splitlines() if r.startswith("| 45378 | `")]
    assert rows == [
        "| 45378 | `art_25__para_1__subpara_5` | substitute_words | — | real difference: "
        + real_differences()["45378"][0]["reason"]
        + ' | 9: 3) 25-баптың 1-тармағының 5) тармақшасындағы "ұсынғанда:" деген сөз '
        '"ұсынғанда жол беріледі." деген сөздермен ауыстырылып, 6) тармақшасы алып тасталсын. '
        "| 9: 3) подпункт 6) пункта 1 статьи 25 исключить. |"
    ]
    assert "| 45378 | 3 | 0 | 3 | 0 | 4 | 3 | 0 | 1 | 0 |" in res.stdout


# --------------------------------------------------------------------- the comparison


def test_words_operations_compare_per_unit_not_per_word_form():
    """21680 line 63: Kazakh names five case forms («"тiркеудiң", "тiркегеннен", "тiркеу",
    "тіркелген", "тiркеген" деген сөздер»), Russian one («слово "регистрации"»): the same
    units changed, not 20 differences."""
    diffs = compare_results(_read("21680", "kk"), _read("21680", "ru"))
    assert [(d.target, d.kind, len(d.kk), len(d.ru)) for d in diffs] == [
        ("art_212__para_2__al_2__al_1", "only_kk", 5, 0),
        ("art_212__para_2__al_2", "only_ru", 0, 1),
    ]


def test_paired_replacement_soответственно_agrees_with_one_kazakh_pair():
    """4558 line 7: «слова "минимальных заработных плат", "минимальной заработной платы"
    заменить соответственно словами …» (two pairs) against «"ең төмен жалақы" деген сөздер
    "айлық есептік көрсеткіш" …» (one)."""
    assert [o[:2] for o in _ops("4558", "ru", 7)] == [("art_13__subpara_1", "substitute_words")] * 2
    assert [o[:2] for o in _ops("4558", "kk", 7)] == [("art_13__subpara_1", "substitute_words")]
    assert compare_results(_read("4558", "kk"), _read("4558", "ru")) == []


def test_substitute_in_one_language_and_insert_in_the_other_agree_on_the_unit():
    """156720 line 19: «"Келісімдердің" деген сөз "Осы Кодексте көзделген жағдайларды
    қоспағанда, келісімдердің" деген сөздермен ауыстырылсын» / «пункт 3 статьи 10 дополнить
    словами …»: Kazakh word order makes an insertion at the start a substitution."""
    assert _ops("156720", "kk", 19)[0][:2] == ("art_10__para_3", "substitute_words")
    assert _ops("156720", "ru", 19)[0][:2] == ("art_10__para_3", "insert_words")
    assert compare_results(_read("156720", "kk"), _read("156720", "ru")) == []
    strict = compare(
        _read("156720", "kk").amender.operations,
        _read("156720", "ru").amender.operations,
        strict=True,
    )
    assert ("art_10__para_3", "action") in [(d.target, d.kind) for d in strict]


def test_a_unit_repealed_twice_in_one_language_is_a_difference():
    k = [Operation("А", "art_1", "repeal", line=3), Operation("А", "art_1", "repeal", line=4)]
    r = [Operation("А", "art_1", "repeal", line=3)]
    assert [(d.kind, len(d.kk)) for d in compare(k, r)] == [("only_kk", 1)]


def test_a_difference_from_an_unread_instruction_is_not_judged():
    """10766 ru line 103 «в части второй слова "органы исполнительной власти" заменить …»
    has its Kazakh instruction in the same item not read: not a disagreement."""
    diffs = compare_results(_read("10766", "kk"), _read("10766", "ru"))
    assert [(d.target, d.unread) for d in diffs if d.unread] == [("art_37__al_2", "kk")]


# ------------------------------------------------------------------- the reader's gaps


def test_a_point_numbered_with_a_bracket_is_a_subpoint_of_the_part():
    """162566 line 11 (the Criminal Code of 2014 calls its «5)» items points): «пункт 5)
    части второй статьи 40 исключить» used to repeal the whole part art_40__al_2."""
    assert _ops("162566", "ru", 11) == [("art_40__subpara_5", "repeal", None, None)]
    assert [o[:2] for o in _ops("162566", "kk", 11)] == [
        ("art_40__subpara_4", "substitute_words"),
        ("art_40__subpara_5", "repeal"),
    ]


def test_a_subpoint_added_to_a_part_is_the_same_unit_in_both_languages():
    """7490 line 5: «часть вторую статьи 2 дополнить подпунктом д)» / «2-баптың екінші
    бөлігінің г) тармақшасындағы … д) тармақшасымен толықтырылсын»; 70958: «2-тармақтың
    бірінші бөлігі … 11) тармақшамен» (kk 61) / «часть первую пункта 2 … подпунктом 11)»
    (ru 59): a subpoint's own eId, as the parser names it."""
    assert [o[:2] for o in _ops("7490", "ru", 5)] == [("art_2__subpara_5", "insert")]
    assert [o[:2] for o in _ops("7490", "kk", 5)] == [
        ("art_2__subpara_4", "insert_words"),
        ("art_2__subpara_4", "delete_words"),
        ("art_2__subpara_5", "insert"),
    ]
    assert [o[:2] for o in _ops("70958", "kk", 61)] == [("art_10__para_2__subpara_11", "insert")]
    assert [o[:2] for o in _ops("70958", "ru", 59)] == [("art_10__para_2__subpara_11", "insert")]


def test_a_sibling_subpoint_keeps_the_part_it_stands_in():
    """40358 line 113: «екінші бөліктің б) тармағы … толықтырылып, в) және г) тармақтары
    алып тасталсын» / «пункты в) и г) части второй исключить»."""
    assert [o[:2] for o in _ops("40358", "ru", 113)] == [
        ("art_261__subpara_3", "repeal"),
        ("art_261__subpara_4", "repeal"),
    ]
    assert [o[:2] for o in _ops("40358", "kk", 113)] == [
        ("art_261__subpara_2", "insert_words"),
        ("art_261__subpara_3", "repeal"),
        ("art_261__subpara_4", "repeal"),
    ]


def test_a_wording_whose_closing_mark_is_lost_ends_before_the_next_instruction():
    """104392 kk: the wording of «4-тармақ мынадай редакцияда жазылсын:» ends
    «…тәртiппен белгiленедi;» without its closing mark; the three instructions after it
    (lines 101, 103, 105) were read as part of the wording. They now give what the Russian
    gives (lines 93, 95, 97)."""
    new = [o.new for o in _read("104392", "kk").amender.operations if o.line == 91][0]
    assert new.endswith("Үкiметi айқындайтын тәртiппен белгiленедi")  # its «;» ends the wording
    assert [o[:2] for o in _ops("104392", "kk", 101)] == [
        ("art_11__al_2", "substitute_words"),
        ("art_11__al_4", "substitute_words"),
    ]
    assert _ops("104392", "kk", 103) == [("art_11__al_3", "substitute_words", "5, 7, 9", "3, 5-9")]
    assert [o[:2] for o in _ops("104392", "kk", 105)] == [("art_11__al_6", "insert")]
    assert [o[:2] for o in _ops("104392", "ru", 93) + _ops("104392", "ru", 95)] == [
        ("art_11__al_2", "substitute_words"),
        ("art_11__al_4", "substitute_words"),
        ("art_11__al_3", "substitute_words"),
    ]


def test_an_item_number_printed_with_a_comma_is_repaired_and_reported():
    """104392 kk line 159 «17-1, 34-бап мынадай мазмұндағы екiншi бөлiкпен толықтырылсын:»
    (ru 151 «17-1. Статью 34 дополнить частью второй …»)."""
    assert [o[:2] for o in _ops("104392", "kk", 159)] == [("art_34__al_2", "insert")]
    assert [o[:2] for o in _ops("104392", "ru", 151)] == [("art_34__al_2", "insert")]
    assert (159, "17-1,", "17-1.") in _read("104392", "kk").amender.repairs
    res = CliRunner().invoke(main, ["ops", str(DEV / "104392/kk.md"), "--lang", "kk"])
    assert (
        # the file's own line (the imported text's line 165 was reported before)
        "kk.md:159: repaired: «17-1,» read as «17-1.» (an item's number with a comma for its dot)"
        in res.stderr
    )


SCOPE_OF_TWO = {
    # 24760: «10) 10-баптың 4) тармақшасында және 11-баптың 1-тармағының 7) тармақшасында:» /
    # «10) в абзаце первом статьи 10 и в пункте 1 статьи 11:» (it used to give one unit
    # art_10__art_11__para_1__subpara_4__subpara_7, then was reported as not read): each
    # instruction under it acts on both units, in the order written
    ("kk", 53): [
        ("art_10__subpara_4", "substitute_words", "тiзбесiн", "тiзбесi мен нормаларын"),
        ("art_11__para_1__subpara_7", "substitute_words", "тiзбесiн", "тiзбесi мен нормаларын"),
    ],
    ("kk", 55): [
        ("art_10__subpara_4", "substitute_words", "анықтайтын", "айқындайтын"),
        ("art_10__subpara_4", "substitute_words", "белгiлейтiн", "айқындайтын"),
        ("art_11__para_1__subpara_7", "substitute_words", "анықтайтын", "айқындайтын"),
        ("art_11__para_1__subpara_7", "substitute_words", "белгiлейтiн", "айқындайтын"),
    ],
    ("ru", 55): [
        ("art_10__al_1", "insert_words", "перечень", "и нормы"),
        ("art_11__para_1", "insert_words", "перечень", "и нормы"),
    ],
    ("ru", 57): [
        ("art_10__al_1", "substitute_words", "определяется", "определяются"),
        ("art_11__para_1", "substitute_words", "определяется", "определяются"),
    ],
}


@pytest.mark.parametrize("lang,line", list(SCOPE_OF_TWO))
def test_a_scope_header_naming_two_units_applies_to_each(lang, line):
    assert _ops("24760", lang, line) == SCOPE_OF_TWO[lang, line]
    [r] = [r for r in _read("24760", lang).readings if r.line == line]
    assert r.reason == ""


def test_every_act_of_both_sets_is_compared():
    assert len(acts_under([str(DEV)])) == 54
    assert len(acts_under([str(SAMPLE)])) >= 139


def test_a_kazakh_list_after_a_possessive_locative_is_a_list():
    """3906 kk line 7: «1-баптың 3)-5), 10) және 11) тармақшаларында, 3-баптың 1 және
    2-тармақтарында, 4-бапта, 10-баптың 4 және 5-тармақтарында "кеден" деген сөз алып
    тасталсын» used to give one nested unit art_1__art_3__art_4__art_10__…; it gives the
    units the Russian names (line 7)."""
    want = [
        "art_1__subpara_3..5",
        "art_1__subpara_10",
        "art_1__subpara_11",
        "art_3__para_1",
        "art_3__para_2",
        "art_4",
        "art_10__para_4",
        "art_10__para_5",
    ]
    assert [o[0] for o in _ops("3906", "kk", 7)] == want
    assert [o[0] for o in _ops("3906", "ru", 7)] == want


def test_the_decree_that_enacted_a_law_is_not_the_law():
    """4554 ru line 11: «Постановление Верховного Совета Казахской ССР от 17 июня 1991 г.
    О введении в действие Закона Казахской ССР "О минимальной заработной плате …"» is not
    the law of line 9."""
    acts = [o.act for o in _read("4554", "ru").amender.operations]
    assert acts[2] == (
        "О минимальной заработной плате и государственных социальных гарантиях в области "
        "оплаты труда"
    )
    assert acts[3] == f'О введении в действие Закона Казахской ССР "{acts[2]}"'
    assert compare_results(_read("4554", "kk"), _read("4554", "ru")) == []


def test_an_omnibus_item_citing_a_decree_in_the_locative_is_its_act():
    """104170 kk line 19 «3. … "Сақтандыру туралы" 1995 жылғы 3 қазандағы N 2475 Заң күшi
    бар Жарлығында (…):»: article 39 of line 21 is that decree's, not the act before."""
    [op] = _read("104170", "kk").amender.operations[-1:]
    assert (op.line, op.target, op.act, op.act_date) == (
        21,
        "art_39",
        "Сақтандыру туралы",
        "1995-10-03",
    )


def test_an_act_one_language_does_not_read_shifts_no_other_act():
    """1848: the Kazakh item 7 (line 63) is not read, so its act has no operation; the acts
    after it are still paired with the Russian ones by the item that cites them."""
    kk = read_text(
        (SAMPLE / "1848/kk.md")
        .read_text(encoding="utf-8")
        .replace('". деген сөздер', '" деген', 1),
        "kk",
    )
    assert [e.line for e in kk.amender.errors] == [63]
    diffs = compare_results(kk, _read("1848", "ru"))
    assert [(d.target, d.unread) for d in diffs] == [("art_33__para_1", "kk")]


def test_dots_after_both_marks_of_a_substitution_1848():
    """1848 kk:63 «33-баптың 1-тармағындағы " , сондай-ақ … белгілейді". деген сөздер "жүзеге
    асырылады". деген сөздермен ауыстырылсын.» (kk.substitute_words_dots_outside) and ru:63
    «в пункте 1 статьи 33 слова ", а также … Республики." исключить.»: both change point 1 of
    article 33, the Kazakh by restating the verb its old words hold, so the two agree."""
    kk, ru = _read("1848", "kk"), _read("1848", "ru")
    got = {
        lang: [(o.target, o.action, o.new) for o in r.amender.operations if o.line == 63]
        for lang, r in (("kk", kk), ("ru", ru))
    }
    assert got == {
        "kk": [("art_33__para_1", "substitute_words", "жүзеге асырылады")],
        "ru": [("art_33__para_1", "delete_words", None)],
    }
    assert compare_results(kk, ru) == []


def test_what_follows_an_act_citation_not_read_is_not_the_previous_acts():
    """104170 kk line 19, mutated so that it is not read (a verb put in it): article 39 of
    line 21 would go to the act of item 2 («Тауар биржалары туралы»); it is reported."""
    text = (SAMPLE / "104170/kk.md").read_text(encoding="utf-8")
    bad = text.replace("Заң күшi бар Жарлығында (", "Заң күшi бар Жарлығында толықтырылсын (", 1)
    assert bad != text
    res = read_text(bad, "kk")
    assert [o.line for o in res.amender.operations] == [7, 7, 15]
    assert [(r.line, r.reason) for r in res.readings if r.reason][1] == (
        21,
        "inside a scope not read (the act cited at line 19 is not read)",
    )


def test_an_items_next_lines_go_on_in_the_unit_it_names():
    """104392 ru 303/307 «36. Части первую и вторую статьи 75 изложить …» then «часть
    третью считать частью второй.» (kk 313 «үшiншi бөлiк екiншi бөлiк болып саналсын»):
    the renumbering was of a bare al_3; 9498 ru 117/121 «13. Пункт 2 статьи 15 дополнить
    подпунктом 1-1) …» then «подпункт 4) изложить …»."""
    assert _ops("104392", "ru", 307) == [("art_75__al_3", "renumber", None, "art_75__al_2")]
    assert _ops("104392", "kk", 313) == [("art_75__al_3", "renumber", None, "art_75__al_2")]
    assert [o[:2] for o in _ops("9498", "ru", 121)] == [("art_15__para_2__subpara_4", "replace")]


@pytest.mark.parametrize(
    "lang,line,title,date",
    [
        # «2. Қазақ КСР Жоғарғы Кеңесi 1984 жылғы 22 наурызда қабылдаған … кодексiнде (…).»
        # was skipped as no instruction: its article 169-3 went to the act of item 1
        ("kk", 17, "Әкімшілік құқық бұзушылық туралы кодексі", "1984-03-22"),
        # «5. В Закон Республики Казахстан от 27 декабря 1994 года "Об иностранных
        # инвестициях" (…).» and «4. В Гражданский Кодекс …»: the items of item 3's act before
        ("ru", 97, "Об иностранных инвестициях", "1994-12-27"),
        ("ru", 33, "Гражданский Кодекс", None),
    ],
)
def test_an_omnibus_item_ending_with_a_dot_cites_its_act(lang, line, title, date):
    """104390: the 1990s items end their citation «(…).» instead of «(…):»."""
    [act] = [a for a in _read("104390", lang).amender.acts if a.line == line]
    assert title in act.title and act.date == date


# ------------------------------------------------------------- targets in the stored act


def _missing_targets() -> list[tuple]:
    """Every operation of the dev set's amending acts whose amended act is stored
    (../shared/realworld/targets/<ID>, «amended_by_in_this_set»), applied alone to that
    stored edition: the operations whose unit is not there though its article is (a target
    zan misread would show here)."""
    import datetime as dt

    import yaml

    from generator.amend import AmenderInfo, AmendError, apply
    from generator.cli import load_text
    from generator.consolidate_corpus import blocks_of
    from generator.formulas.reader import read_instructions
    from generator.model import DateSpec

    info = AmenderInfo("X", "", dt.date(2000, 1, 1), "law", DateSpec.parse("unknown"))
    out = []
    for t in sorted((REALWORLD / "targets").iterdir()):
        meta = yaml.safe_load((t / "source.yml").read_text(encoding="utf-8"))
        for a in meta["amended_by_in_this_set"]:
            for lang in ("kk", "ru"):
                act = load_text(str(t / f"{lang}.md"), lang, report=False)
                amd = load_text(str(DEV / str(a) / f"{lang}.md"), lang, report=False)
                for o in read_instructions(blocks_of(amd), lang).operations:
                    art = o.target.split("__")[0]
                    if not art.startswith("art_") or act.find(art) is None:
                        continue  # the stored edition has no such article (kk 104088 parses none)
                    try:
                        apply(act, [o], info)
                    except AmendError as e:
                        if "does not exist" in str(e) or "would leave a gap" in str(e):
                            out.append((str(a), lang, o.line, o.target))
    return out


def test_every_target_is_in_the_stored_amended_act_or_the_edition_explains_it():
    assert _missing_targets() == [
        # 22314 kk: the stored kk edition is AFTER 22314 (its note «17-бап өзгерді - … 2004.12.23.
        # N 21 Заңымен»): «1. Осы» already numbers art. 17's text, its subpoints are point 1's
        ("22314", "kk", 11, "art_17__subpara_1"),
        ("22314", "kk", 11, "art_17__subpara_2"),
        ("22314", "kk", 11, "art_17__subpara_3"),
        # 22314 ru: p. 2 of art. 13 is cut short in the stored edition (subpoints 3), 5), 6)
        # are not in it; docs/applying.md)
        ("22314", "ru", 5, "art_13__para_2__subpara_3"),
        ("22314", "ru", 5, "art_13__para_2__subpara_5"),
        ("22314", "ru", 5, "art_13__para_2__subpara_6"),
        # 11040 kk: the stored kk edition is AFTER 11040: parts two and three of art. 14 are
        # already gone
        ("11040", "kk", 175, "art_14__al_2"),
        ("11040", "kk", 175, "art_14__al_3"),
        # 11040 ru: art. 10 «дополнить абзацами пятым, шестым, седьмым и восьмым»: applied
        # alone, the seventh and eighth leave a gap; art. 11 (7 абзацы stored): the act names
        # абзацы by the numbering its own insertions give (docs/applying.md)
        ("11040", "ru", 115, "art_10__al_7"),
        ("11040", "ru", 115, "art_10__al_8"),
        ("11040", "ru", 135, "art_11__al_8"),
        ("11040", "ru", 137, "art_11__al_9"),
        # 104406 kk and ru: the stored editions are after the repeal of art. 35 («ЕСКЕРТУ.
        # 35-бап алынып тасталды …», «Статья 35. (Исключена …)»)
        ("104406", "kk", 9, "art_35__al_3"),
        ("104406", "kk", 9, "art_35__al_4"),
        ("104406", "ru", 9, "art_35__al_3"),
        ("104406", "ru", 9, "art_35__al_4"),
        # 106504 kk «10-бап мынадай мазмұндағы үшінші бөлікпен толықтырылсын»: the stored kk
        # edition of 104318 prints art. 10 in one block (line 51); the «ЕСКЕРТУ. 10-бап
        # толықтырылды …» after it (line 53) is a note, not its second part
        ("106504", "kk", 5, "art_10__al_3"),
        # 56656 kk: the stored kk edition restates art. 15 (Law of 16.02.2012 № 560-IV): it
        # has no point 3
        ("56656", "kk", 23, "art_15__para_3"),
    ]


def test_a_kazakh_title_that_holds_a_quoted_one_runs_to_its_own_end():
    """342 line 7 (sample): «"Көшiп келу туралы" Қазақстан Республикасы Заңы күшiне
    енгiзутуралы Қазақстан Республикасы Жоғарғы Кеңесiнiң 1992 жылғы 26маусымдағы қаулысы
    (…)» / «постановление Верховного Совета Республики Казахстан от 26 июня 1992 г. "О
    введении в действие Закона Республики Казахстан "Об иммиграции"» — the resolution that
    put the law of line 5 into force, not the law again (the glued «енгiзутуралы» as written)."""
    acts = {
        lang: [(a.line, a.title, a.date) for a in _read("342", lang).amender.acts]
        for lang in ("kk", "ru")
    }
    assert acts == {
        "kk": [
            (5, "Көшiп келу туралы", "1992-06-26"),  # the Latin «i» as written
            (
                7,  # the Latin «i» as written too, now that «26маусымдағы» is read as a date
                '"Көшiп келу туралы" Қазақстан Республикасы Заңы күшiне енгiзутуралы',
                "1992-06-26",
            ),
        ],
        "ru": [
            (5, "Об иммиграции", "1992-06-26"),
            (7, 'О введении в действие Закона Республики Казахстан "Об иммиграции"', "1992-06-26"),
        ],
    }
    assert compare_results(_read("342", "kk"), _read("342", "ru")) == []


def test_the_report_names_the_files_line_after_the_importers_repairs():
    """9498 kk line 105 «3-тармақ 3) тармақшадағы "өндiрiп алған" деген сөздерден
    кейiннүктелi үтiр қойылып, …» (sample): the importer repairs the Latin «i» and the glued
    words, the report still names the file's own line (so the listed real difference is
    found by `zan grammar-report` too)."""
    from generator.formulas.source import read_file

    res, _notes = read_file(str(SAMPLE / "9498" / "kk.md"), "kk")
    assert sorted({o.line for o in res.amender.operations if o.target.startswith("art_11")}) == [
        97,
        101,
        105,
        109,
    ]


def test_the_sample_agreement_figures_none_disagrees():
    """benchmarks/realworld-sample/amendments: of the acts whose every instruction is read in
    both languages, none disagrees (each difference is a listed real one), and most agree
    outright. The figures are the report's own (generator/formulas/report.py, `tally`: one
    computation over the acts as `zan ops` reads them, from the parsed tree), so the pin is
    the line `zan grammar-report` prints."""
    res = CliRunner().invoke(main, ["grammar-report", str(SAMPLE)])
    # the target is 80 %; with the 22 acts of sample round 5 (real differences in most of
    # them) it stands at 137 / 177 (77.4 %): 842 is read fully in Russian since «часть
    # первую дополнить словами следующего содержания:» is read, 104160 since «статью 7
    # дополнить:» and «после второго словосочетания …» are, 11366 agrees outright since its
    # glued citation and Kazakh-only words are read (the earlier pin, 127 / 163, counted the
    # paragraph reader's reading, which read 842 ru fully and 14086 and 104420 not); since scope
    # headers naming two units, new annexes and table-of-contents абзацы are read, 32534
    # agrees outright and 24760, 28536 and 46632 differ only by listed real differences; the
    # Kazakh round read 4572, 162604 (listed real differences), and 2862, 168832 and 12698,
    # which agree outright; round 7a (fresh-round7a.md) adds 26166, 28242 (listed real
    # differences), 56574 and 58062 (agree outright), round 7b 63670, 73338, 80654 and 94878
    # (fresh-round7b.md); with the legal notes of articles read (docs/units.md «Legal notes»)
    # 22148, 26746, 31122, 40596, 46934, 63284 and more are read fully, 40358 and 113178 too,
    # each differing only by listed real differences or agreeing; with the branches merged
    # (191 / 143 / 48); 1848 (dots after both marks, agrees), 80654 and 104410 (a list of
    # headings of the table of contents, a lost mark after «словами»; listed real differences);
    # round 8 (fresh-round8.md) adds 16020 (with its Kazakh record of no change), 20460 and
    # 24728 (agree outright) and 49294 (a listed real difference); with units renumbered
    # into units of another kind read (`renumber_kind`, `renumber_kind_quoted`), 28794 is
    # read fully in both languages and agrees outright (14654 kk still has «мынадай
    # мазмұндағы 10-1) баппен» not read); round 9's 25 held-out acts (fresh-round9.md,
    # measured before tuning) add 12 acts read fully in both languages, 6 agreeing outright
    # and 6 differing only by real differences, read in both texts and listed (23664, 28750,
    # 49292, 51288, 84262, 91690; fresh-round9.md «After reading the differences»: 6 disagreed
    # before); without them the line is 199 / 148 / 51 / 0; round 9's missing formulas
    # (fresh-round9.md «After round-9 formulas») read 43168 kk:29 (several anchors, a listed
    # real difference on the forty-ninth абзац) and 81158 (two headings of the table of
    # contents, one quotation each; agrees outright) and 59918 ru (straight quotes inside its
    # quoted wordings; listed real differences) (214: 155 / 59 / 0); round 10's 14 held-out
    # acts (fresh-round10.md, measured before tuning: 226: 164 / 59 / 3) add 13 acts read
    # fully in both languages (156584 kk once its tabbed lines are text), 10 agreeing outright
    # and 3 differing only by real differences, read in both texts and listed (50300, 110310,
    # 131264; 52384, also listed, has kk:63 and kk:79 not read); round 11's 7 held-out acts
    # (fresh-round11.md, measured before tuning) add 5 acts read fully in both languages:
    # 70574 agrees outright, 43532, 46948 and 123164 differ only by real differences, read in
    # both texts and listed; 28854 still disagrees (kk:101, a reading error of scope, not yet
    # fixed); round 12's 7 acts drawn at random (fresh-round12.md, measured before tuning:
    # 228: 165 / 62 / 1 without round 11) add one, 48626, which differs only by a real
    # difference, listed; with the Kazakh misprints «мынадай реадакцияда» (109670 kk:13) and
    # «18-1)және 23-1)» (15768 kk:27) repaired, 109670 and 15768 are read fully in both, and
    # 143778 with «частями 1-1 и пятой» read in both (a listed real difference elsewhere);
    # 28854 kk:101 read in point 1 (tests/test_formulas_scope_kk.py), so none disagrees;
    # 14654 with «10-1) баппен» read as the article 10-1 its wording opens (agrees outright);
    # round 13's 4 random acts (fresh-round13.md) add none read fully in both languages
    # before tuning, 45710 after (agrees outright, «1) мәтінде …» read as the whole text);
    # with lost and stray quote marks repaired in Kazakh lists (tests/test_formulas_lost_marks.py)
    # 22466 and 26340 agree outright, 52384 differs only by a listed real difference; round 14
    # adds 49742 and 146900, read fully in both, each only by listed real differences; 144588
    # (a list of table rows, now reported, tests/test_formulas_annex_units.py) is no longer
    # read fully in either language; round 15 adds 76940 and 80938, each only by listed real
    # differences; 28796 (kk:49 read, kk.insert_words_groups_own_new) agrees outright:
    assert (
        "of the 249 acts read fully in both languages, 174 agree outright (69.9 %), 75 differ "
        "only by real differences, 0 disagree." in res.stdout
    )
    # over all 248 acts: the 11 that disagreed (920, 15768, 23664, 28750, 43168, 49292, 51288,
    # 59918, 84262, 91690, 104210) and round 10's 5 (50300, 52384, 110310, 131264, 156584)
    # differ only by listed real differences, or by none (178 / 248 before rounds 11 and 12);
    # round 11 adds 70574 (agrees), 43532, 45654, 46948 and 123164 (listed real differences
    # only) and 28854, 34618 that still disagree (fresh-round11.md); round 12's 7 random acts
    # (before tuning 181 / 255, 70, 4 disagree, without round 11) add 3 agreeing outright and
    # 48626, 22174, 31280 and 143778 differing only by listed real differences once «абзац 2»
    # is read as the second абзац (31280 ru:239), 143778's kk:79 and kk:771 are read again as
    # real differences and 22174 kk:57 («нүктелi үтiр алып тасталып»), which had been read as a
    # repeal of the абзац, is not read (kk.punct_semicolon_delete)
    # and 28854, 34618 no longer disagree: both were Kazakh reading errors, now fixed
    # (tests/test_formulas_scope_kk.py), 34618 with one more listed real difference (182 / 262,
    # 80, 0 disagree); round 13's 4 random acts (fresh-round13.md, measured before tuning) add
    # 45710, agreeing outright, and 57224, 125460, 2536, which disagree (57224, 125460 only by
    # real differences not yet listed, 2536 by a Kazakh reading error, 2536 kk:39); after
    # tuning 2536 agrees outright and the five real differences of 57224, 125460 are listed;
    # round 14's 4 random acts (fresh-round14.md) disagreed before tuning, all by real
    # differences (16, now listed); round 15's 4 (fresh-round15.md) add 3 that differ only by
    # listed real differences and 80770, which disagrees (kk:281 «4)-тармақтың 5)
    # тармақшасы», a point written with a sub-item's bracket, ru:281 «подпункт 5) пункта 4»):
    # round 16's 3 (fresh-round16.md) add 49442 and 94844, agreeing outright once read, and
    # 73342, by one listed real difference; round 17's 2 (fresh-round17.md, not yet tuned) add
    # 94794 (two listed real differences) and 7928, which disagrees (not yet read by hand):
    assert (
        "kk ↔ ru: 186 / 279 acts agree outright (66.7 %), 91 more differ only by real "
        "differences of the two texts (99.3 % in all), 2 disagree;" in res.stdout
    )


def test_a_subpoint_numbered_without_its_bracket_is_read_in_russian():
    """104210 line 41: ru «в подпункте 1 части первой статьи 81 слово "текущий" заменить
    словом "истекший".» named the subpoint without its bracket and was read as part one
    (`art_81__al_1`); the kk «81-баптың бiрiншi бөлiгiнiң 1-тармақшасында» names subpoint 1:
    both now read `art_81__subpara_1`, and the act's difference on it is gone."""
    assert _ops("104210", "ru", 41) == [
        ("art_81__subpara_1", "substitute_words", "текущий", "истекший")
    ]
    assert _ops("104210", "kk", 41) == [
        ("art_81__subpara_1", "substitute_words", "ағымдағы", "өткендегi")
    ]
    diffs = compare_results(_read("104210", "kk"), _read("104210", "ru"))
    assert [d.target for d in diffs if d.target.startswith("art_81")] == []


def test_a_record_of_no_change_naming_an_article_covers_its_points():
    """91690 ru:7 «1) внесены изменения в текст статьи 261 на казахском языке, текст на
    русском языке не изменяется;» names the article; kk:7 «1) 261-баптың 1 және
    2-тармақтарындағы «тегін алынып», «тегін алынса» деген сөздер тиісінше … ауыстырылсын;»
    changes its points 1 and 2: Kazakh only, as the Russian says, not a disagreement. The
    same record naming another article (a minimal mutation: «статьи 262») excuses nothing."""
    kk, ru = _read("91690", "kk"), _read("91690", "ru")
    assert [(m.target, m.lang_only, m.line) for m in ru.amender.not_for_this_language] == [
        ("art_261", "kk", 7)
    ]
    assert [d.target for d in compare_results(kk, ru)] == ["art_321__para_2__subpara_3"]
    text = (SAMPLE / "91690" / "ru.md").read_text(encoding="utf-8")
    mutated = read_text(text.replace("в текст статьи 261", "в текст статьи 262", 1), "ru")
    assert [(d.target, d.kind) for d in compare_results(kk, mutated)] == [
        ("art_261__para_1", "only_kk"),
        ("art_261__para_2", "only_kk"),
        ("art_321__para_2__subpara_3", "only_kk"),
    ]


def test_a_one_language_only_record_naming_no_unit_excuses_its_whole_item():
    """40358 (sample) ru:7 «1) внесены изменения в текст на государственном языке, текст на
    русском языке не изменяется;» / kk:7 «1) Қазақстан Республикасы Қылмыстық кодексінің
    мәтіні бойынша "жүйкеге әсер ететін" деген сөздер "психотроптық" деген сөзбен
    ауыстырылсын;»: the Kazakh change of the whole text is the item the Russian records as
    Kazakh only, not a disagreement."""
    kk, ru = _read("40358", "kk"), _read("40358", "ru")
    assert [(m.target, m.item, m.lang_only) for m in ru.amender.not_for_this_language] == [
        ("", "art_1__para_1__subpara_1", "kk")
    ]
    assert [(o.target, o.action) for o in kk.amender.operations if o.line == 7] == [
        ("*", "substitute_words")
    ]
    assert "*" not in [d.target for d in compare_results(kk, ru)]


def test_a_quoted_block_of_the_tree_that_swallowed_instructions_is_read_as_paragraphs():
    """104392 kk (dev) line 91 «4-тармақ мынадай редакцияда жазылсын:»: the wording's closing
    mark is lost, the parsed tree keeps lines 101-105 inside it; `zan ops` (the tree) reads
    them as the paragraph reader does, as the Russian text has them (ru 93-97)."""
    from generator.formulas.source import read_file

    res, _notes = read_file(str(DEV / "104392" / "kk.md"), "kk")
    assert [
        (o.line, o.target, o.action) for o in res.amender.operations if 91 <= o.line <= 105
    ] == [
        (91, "art_11__para_4", "replace"),
        (101, "art_11__al_2", "substitute_words"),
        (101, "art_11__al_4", "substitute_words"),
        (103, "art_11__al_3", "substitute_words"),
        (105, "art_11__al_6", "insert"),
    ]
    replaced = next(o for o in res.amender.operations if o.line == 91)
    # its four paragraphs (kk 93-99), no instruction inside
    assert replaced.new.endswith("Республикасының Үкіметі айқындайтын тәртіппен белгіленеді")
    assert replaced.new.count("\n\n") == 3


def test_the_tree_reading_of_924_ends_wordings_before_the_instructions_they_swallowed():
    """924 (sample), as `zan ops` reads it (the parsed tree): kk:25 «… мәжбүрлеп
    орындатылуға тиiс.» lost its closing mark, so the tree keeps the scope header «207-бапта:»
    inside the wording of art. 206, and «3) тармақша алып тасталсын;» (kk:29) belongs to art.
    207; ru:39 «…случаях.";статью 340 изложить в следующей редакции:"Статья 340. …» glues the
    instruction for art. 340 inside the wording of art. 338."""
    from generator.formulas.source import read_file

    kk, _ = read_file(str(SAMPLE / "924" / "kk.md"), "kk")
    ru, _ = read_file(str(SAMPLE / "924" / "ru.md"), "ru")
    assert [(o.line, o.target, o.action) for o in kk.amender.operations if o.line == 29] == [
        (29, "art_207__subpara_3", "repeal")
    ]
    assert [(o.line, o.target, o.action) for o in ru.amender.operations if 33 <= o.line <= 39] == [
        (33, "art_338", "replace"),
        (39, "art_340", "replace"),
    ]
    a338 = next(o for o in ru.amender.operations if o.target == "art_338")
    assert a338.new.endswith(
        "5) решения иностранных судов в предусмотренных законодательствомслучаях."
    )


def test_an_act_changed_only_in_the_other_language_keeps_its_place():
    """An amender citing two acts where the Kazakh text's only instruction on the first is a
    record that the Russian text alone changes (benchmarks/make_corpus.py met it): the
    second act's operations still pair with the Russian ones, no disagreement."""
    from generator.formulas.amender import LangOnly, compare_languages

    kk = [Operation("Нормативтік құқықтық актілер туралы", "art_3", "repeal", line=7)]
    kk_only = [LangOnly("Мемлекеттік наградалар туралы", None, "art_5", "ru", line=3)]
    ru = [
        Operation("О государственных наградах", "art_5", "replace", line=3),
        Operation("О нормативных правовых актах", "art_3", "repeal", line=7),
    ]
    assert compare_languages(kk, ru, kk_only, ()) == []


def test_words_added_at_the_end_quoted_after_the_content_formula_read_from_the_tree():
    """842 ru line 119 «часть первую дополнить словами следующего содержания: "а также…"»
    (sample): the parsed tree holds the quoted words as the next block (as the Kazakh «бiрiншi
    бөлiк мынадай сөздермен толықтырылсын: "…"», line 115); both read as one insert_words at
    the end of part one of point 3 of article 8, so 842 is read fully in both languages."""
    from generator.formulas.source import read_file

    ops = {}
    for lang, line in (("kk", 115), ("ru", 119)):
        res, _notes = read_file(str(SAMPLE / "842" / f"{lang}.md"), lang)
        assert [r.line for r in res.readings if r.reason] == []
        ops[lang] = [
            (o.target, o.action, o.where) for o in res.amender.operations if o.line == line
        ]
        assert ops[lang] == [("art_8__para_3__al_1", "insert_words", "end")]
    res, _notes = read_file(str(SAMPLE / "842" / "ru.md"), "ru")
    (new,) = [o.new for o in res.amender.operations if o.line == 119]
    assert new == (
        "а такжевыдавать органам, осуществляющим контроль за внесением средств в Дорожныйфонд, "
        "справки об остатках и движении денежных средств на счетах юридическихлиц по вопросам, "
        "связанным с платежами в Дорожный фонд."
    )


def test_a_glued_citation_and_kazakh_only_words_of_the_russian_text():
    """11366 (sample): ru line 95 «2. ВУголовно-процессуальный кодекс Республики Казахстан
    от13 декабря 1997 г. (…):» is the citation of the Code the instructions under it amend
    (framing.yml, `glue`); ru line 127 «1) в заголовке и по всему тексту Закона на
    государственном языке слова "терроршылдыкка", … заменить соответственно словами …» changes
    the Kazakh text only, the whole text with its title (kk line 145 «1) Заңның тақырыбында
    және бүкіл мәтінінде …» is "*"); ru line 123 «3) в пункте 7 статьи 12 на государственном
    языке слово "террорлык" заменить словом "террористiк".» too."""
    from generator.formulas.source import read_file

    kk, _ = read_file(str(SAMPLE / "11366" / "kk.md"), "kk")
    ru, _ = read_file(str(SAMPLE / "11366" / "ru.md"), "ru")
    assert {(o.act, o.act_date) for o in ru.amender.operations if o.line == 101} == {
        ("Уголовно-процессуальный кодекс Республики Казахстан", "1997-12-13")
    }
    assert [(m.line, m.target, m.lang_only) for m in ru.amender.not_for_this_language] == [
        (7, "art_15__para_2", "kk"),
        (123, "art_12__para_7", "kk"),
        (127, "*", "kk"),
    ]
    assert {(o.target, o.action) for o in kk.amender.operations if o.line == 145} == {
        ("*", "substitute_words")
    }
    assert len([o for o in kk.amender.operations if o.line == 145]) == 15
    assert compare_results(kk, ru) == []


def test_a_kazakh_only_record_of_a_list_of_units_names_each():
    """78248 ru line 107 «2) внесены изменения в текст пунктов 1 и 1-2 статьи 30 на казахском
    языке, текст на русском языке не изменяется;»: one record per unit, as the Kazakh line 107
    «2) 30-баптың 1 және 1-2-тармақтарындағы «қосуды», «қосылу» деген сөздер тиісінше … »
    changes each."""
    ru = _read("78248", "ru")
    assert [(m.line, m.target) for m in ru.amender.not_for_this_language if m.line == 107] == [
        (107, "art_30__para_1"),
        (107, "art_30__para_1-2"),
    ]
