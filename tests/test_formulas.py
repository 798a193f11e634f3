"""The formula catalogue (issue 13): every real example of generator/grammar/formulas/{kk,ru}.yml
is read from its act and gives exactly its operations; no example matches two formulas;
the tokenizer's lists, ranges, ordinals and quotes; zan grammar-report and zan ops
catalogue on real acts."""

from __future__ import annotations

import functools
import json
import re

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from generator.cli import main
from generator.formulas.catalogue import catalogue, clauses, match, match_all
from generator.formulas.reader import read_text, targets
from generator.formulas.tokens import mask, tokenize

REALWORLD = REPO.parent / "shared" / "realworld"


def _examples():
    for lang in ("kk", "ru"):
        for f in catalogue(lang):
            for k, ex in enumerate(f.examples):
                yield pytest.param(lang, f.id, ex, id=f"{f.id}-{k}")


def _path(file: str):
    """An example's file: in ../shared/realworld, or the repository's own sample
    (benchmarks/realworld-sample)."""
    return REPO / file if file.startswith("benchmarks/") else REALWORLD / file


@functools.cache
def _read(file: str, lang: str):
    return read_text(_path(file).read_text(encoding="utf-8"), lang)


def _short(op) -> dict:
    """An operation as the catalogue's examples write it (long wordings by their ends)."""
    d = {
        k: v
        for k, v in op.to_dict().items()
        if k not in ("act", "act_date", "item", "line", "source")
    }
    if d.get("new") and len(d["new"]) > 240:
        n = d.pop("new")
        d["new_start"], d["new_end"], d["new_chars"] = n[:80], n[-40:], len(n)
    return d


@pytest.mark.parametrize("lang,fid,ex", list(_examples()))
def test_catalogue_example(lang, fid, ex):
    src = ex["source"]
    path = _path(src["file"])
    text = path.read_text(encoding="utf-8")
    line = text.splitlines()[src["line"] - 1]
    assert ex["sentence"] in line  # the sentence is real, at the line it cites
    meta = yaml.safe_load((path.parent / "source.yml").read_text())
    assert (src["repo"], src["path"], src["commit"]) == (
        meta["repo"],
        meta[lang]["path"],
        meta[lang]["commit"],
    )
    res = _read(src["file"], lang)
    # a citation and the instruction after it in one sentence are two readings of one line
    readings = [r for r in res.readings if r.line == src["line"] and r.kind != "citation"]
    assert len(readings) == 1
    r = readings[0]
    assert r.formulas == ex.get("formulas", [fid])
    assert r.kind == ex.get("kind", "instruction")
    assert r.reason == ex.get("not_read", "")
    ops = [_short(o) for o in res.amender.operations if o.line == src["line"]]
    assert ops == ex.get("ops", [])
    if "acts" in ex:  # the act each operation names, as [title, date] (a repeal of an act)
        got = [[o.act, o.act_date] for o in res.amender.operations if o.line == src["line"]]
        assert got == ex["acts"]


@pytest.mark.parametrize("lang,fid,ex", list(_examples()))
def test_no_example_matches_two_formulas(lang, fid, ex):
    src = ex["source"]
    r = next(r for r in _read(src["file"], lang).readings if r.line == src["line"])
    for cl in r.clauses:
        ids = [m.formula.id for m in match_all(cl, lang, r.quotes)]
        assert len(ids) <= 1, ids


# Formulas whose form the dev set has in one language only, or not at all: each is named
# here with the reason, so that a formula without a real sentence cannot slip in.
NO_EXAMPLE = {
    "ru.repeal_units_verb_first": "no real sentence in the dev set yet",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_formula_has_a_real_sentence(lang):
    # a formula read in an example's second clause counts («…жазылып, алдынан …»)
    seen = {i for f in catalogue(lang) for ex in f.examples for i in ex.get("formulas", [f.id])}
    missing = {f.id for f in catalogue(lang) if f.id not in seen}
    assert missing == {k for k in NO_EXAMPLE if k.startswith(lang + ".")}


# ---------------------------------------------------------------------------- tokens


def _units(sentence: str, lang: str) -> list[tuple[str, list]]:
    return [(t.code, t.nums) for t in tokenize(sentence, lang) if t.kind in ("U", "UI")]


def test_lists_ranges_and_cases():
    # amendments/121214/{ru,kk}.md:21 (quyse/kz-laws rus/121214.md, kaz/121214.md)
    assert _units("5) подпункты 1), 2) и 6) статьи 4 изложить в следующей редакции:", "ru") == [
        ("U:subpara", ["1", "2", "6"]),
        ("U:art", ["4"]),
    ]
    assert _units("5) 4-баптың 1), 2) және 6) тармақшалары мынадай редакцияда жазылсын:", "kk") == [
        ("U:art", ["4"]),
        ("U:subpara", ["1", "2", "6"]),
    ]
    # a range inside a list: amendments/20496/kk.md:51 (words of a quoted wording)
    assert _units("5) - 8) және 12) тармақшаларында", "kk") == [("U:subpara", ["5..8", "12"])]
    # «6, 34, 76-78, 80, 82»: amendments/104392/ru.md:347; «2-2, 2-3, 2-4 және 2-5» compound
    assert _units("43. В статьях 6, 34, 76-78, 80, 82 слова", "ru") == [
        ("U:art", ["6", "34", "76..78", "80", "82"])
    ]
    # the new units of an insert are instrumental: amendments/56656/kk.md:5
    assert _units("1) 2-баптың 1-тармағы мынадай мазмұндағы 6-1) тармақшамен толықтырылсын:", "kk")[
        -1
    ] == ("UI:subpara", ["6-1"])


def test_range_is_one_operation_target():
    # the sentence issue 13 quotes from the real material
    toks = tokenize("3) - 5) тармақшалары мынадай редакцияда жазылсын:", "kk")
    (cl,) = clauses(toks)
    assert match(cl, "kk").formula.id == "kk.replace_units"
    assert targets(cl, (("art", "2"),), "kk")[0] == ["art_2__subpara_3..5"]


def test_ordinals_in_words():
    # amendments/104456/ru.md:33, amendments/10766/kk.md:45 (Latin i), 104392/ru.md:145
    assert _units(
        "абзац двадцать восьмой подпункта 1) части первой статьи 248-1после слов", "ru"
    ) == [
        ("U:al", ["28"]),
        ("U:subpara", ["1"]),
        ("U:al_part", ["1"]),
        ("U:art", ["248-1"]),
    ]
    assert _units("6) 9-баптың екiншi абзацы мынадай редакцияда жазылсын:", "kk") == [
        ("U:art", ["9"]),
        ("U:al", ["2"]),
    ]
    assert _units("16. В части четвертой статьи 29 слова", "ru")[0] == ("U:al_part", ["4"])


def test_quotes_of_the_1990s():
    # amendments/10766/ru.md:91: inner marks of «"Закона "О внутренних войсках МВД"» lost
    s = (REALWORLD / "amendments/10766/ru.md").read_text(encoding="utf-8").splitlines()[90]
    skel, quotes, balanced = mask(s, "ru")
    assert balanced
    assert quotes[:2] == [
        'Закона "О внутренних войсках МВД',
        'Закона "О внутренних войсках МВД Республики Казахстан',
    ]
    # «…"Премьер-Министр Кеңсесiнiң"деген сөздермен»: a closing mark glued to the next word
    # (amendments/104474/kk.md:7)
    codes = [
        t.code
        for t in tokenize(
            '"оның Аппаратының" деген сөздер "Премьер-Министр Кеңсесiнiң"деген сөздермен ауыстырылсын;',
            "kk",
        )
    ]
    assert codes == ["Q", "N", "Q", "NI", "V:subst", ";"]


def test_word_nouns_anchors_scope_verbs():
    # amendments/26258/ru.md:7, amendments/11040/kk.md:65, amendments/121214/ru.md:5,
    # amendments/11040/kk.md:5
    assert [
        t.code for t in tokenize('пункт 1 после слова "отдыха" дополнить словами ", а также"', "ru")
    ] == [
        "U:para",
        "AFTER",
        "N",
        "Q",
        "V:insert",
        "NI",
        "Q",
    ]
    assert [
        t.code
        for t in tokenize(
            '"статистика" деген сөздiң алдынан "мемлекеттiк" деген сөзбен толықтырылсын;', "kk"
        )
    ] == [
        "Q",
        "N",
        "BEFORE",
        "Q",
        "NI",
        "V:insert",
        ";",
    ]
    assert [t.code for t in tokenize("1) по всему тексту слова", "ru")][1:] == ["ALL", "N"]
    assert [t.code for t in tokenize("1. Заңның бүкiл мәтiнi бойынша:", "kk")][-2:] == ["ALL", ":"]


# ---------------------------------------------------------------------------- languages


def test_one_language_only_gives_no_operation():
    # amendments/11040/kk.md:9 «қазақша мәтiн өзгерiссiз қалдырылсын;»: the Russian text
    # changes («слово "региональные" заменить словом "территориальные"», ru.md:9), the
    # Kazakh one not: no operation in kk, one recorded «no change in this language»
    kk = _read("amendments/11040/kk.md", "kk")
    assert [o for o in kk.amender.operations if o.line == 9] == []
    (lo,) = kk.amender.not_for_this_language
    assert (lo.line, lo.target, lo.lang_only) == (9, "*", "ru")
    ru = _read("amendments/11040/ru.md", "ru")
    assert [(o.target, o.action, o.old, o.new) for o in ru.amender.operations if o.line == 9] == [
        ("*", "substitute_words", "региональные", "территориальные")
    ]


def test_entry_into_force_with_an_exception():
    # amendments/153750/{ru,kk}.md:23: one item enters into force later than the rest
    for lang in ("ru", "kk"):
        eif = _read("amendments/153750/" + lang + ".md", lang).amender.entry_into_force
        assert (eif["kind"], eif["date"]) == ("date", "2021-07-01")
        assert eif["exceptions"] == [
            {
                "items": ["art_1__subpara_2"],
                "kind": "days_after_publication",
                "days": 10,
                "calendar": True,
                "first_publication": True,
            }
        ]


# ---------------------------------------------------------------------------- commands


def test_zan_ops_reports_what_it_cannot_read():
    # amendments/59074/ru.md: both instructions name a table of an annex (no eId form yet); the
    # reason names the unit words
    src = REALWORLD / "amendments/59074/ru.md"
    res = CliRunner().invoke(main, ["ops", str(src), "--lang", "ru"])
    assert res.exit_code == 1
    lines = src.read_text(encoding="utf-8").splitlines()
    why = "a unit zan has no eId form for yet (a note, a table or its row, a column, a unit numbered by a letter)"
    assert res.stderr.splitlines()[-3:] == [
        f"{src}:5: instruction not read: {why}: «раздел», «Таблицы»: «{lines[4]}»",
        f"{src}:63: instruction not read: {why}: «Таблицу»: «{lines[62]}»",
        "0 operation(s)",
    ]
    assert json.loads(res.stdout) == []


def test_zan_ops_reads_a_text_that_does_not_parse_by_its_paragraphs():
    # amendments/7762/ru.md does not parse into a tree yet: its paragraphs are read, the
    # lines are the file's; «Подпункт а)» is the subpoint 1 (units.yml: a letter's position)
    src = REALWORLD / "amendments/7762/ru.md"
    res = CliRunner().invoke(main, ["ops", str(src), "--lang", "ru"])
    assert res.exit_code == 0, res.stderr
    ops = json.loads(res.stdout)
    assert [(o["target"], o["action"], o["new"], o["line"]) for o in ops] == [
        (
            "art_7__subpara_1__subpara_1__al_35",
            "insert",
            "гербовый сбор в отношении переводных и простыхвекселей;",
            5,
        )
    ]


def test_zan_ops_reads_instructions_the_importer_kept_inside_a_quoted_block():
    # benchmarks/realworld-sample/amendments/924 (quyse/kz-laws kaz/924.md, rus/924.md): the
    # parsed tree keeps «207-бапта:» (kk) inside the unclosed wording of art. 206, and
    # «статью 340 изложить в следующей редакции:"Статья 340. …» (ru) glued after the closing
    # mark of art. 338's wording inside one quoted block; both are read as the instructions
    # they are, in the units they name
    base = REPO / "benchmarks/realworld-sample/amendments/924"
    kk = CliRunner().invoke(main, ["ops", str(base / "kk.md"), "--lang", "kk"])
    ops = json.loads(kk.stdout)
    assert [(o["target"], o["action"], o.get("new")) for o in ops if o["line"] in (29, 31)] == [
        ("art_207__subpara_3", "repeal", None),
        ("art_207__subpara_4", "renumber", "art_207__subpara_3"),
    ]
    assert next(o for o in ops if o["target"] == "art_206")["new"].endswith(
        "мәжбүрлеп орындатылуға тиіс."
    )
    ru = CliRunner().invoke(main, ["ops", str(base / "ru.md"), "--lang", "ru"])
    ops = {o["target"]: o["new"] for o in json.loads(ru.stdout) if o["action"] == "replace"}
    assert ops["art_338"].endswith(
        "решения иностранных судов в предусмотренных законодательствомслучаях."
    )
    assert ops["art_340"].startswith("Статья 340. Исполнительные документыИсполнительными")
    assert ops["art_340"].endswith(
        "7) постановления иных органов в случаях, предусмотренных законом."
    )


def test_zan_ops_reads_new_paragraphs_and_the_instruction_the_importer_glued():
    # benchmarks/realworld-sample/amendments/55500 (quyse/kz-laws kaz/55500.md, rus/55500.md):
    # the parsed tree joins the two new абзацы of art. 636 and the instruction after them
    # into one paragraph («…бөліктері); биоотын айналымы …;"; екінші бөліктегі "576-8" …»);
    # each абзац ends in «;», and the instruction after the closing mark is read
    base = REPO / "benchmarks/realworld-sample/amendments/55500"
    for lang, first in (
        ("kk", "биоотын өндірісі"),
        ("ru", "уполномоченного органа в области производства"),
    ):
        res = CliRunner().invoke(main, ["ops", str(base / f"{lang}.md"), "--lang", lang])
        ops = [o for o in json.loads(res.stdout) if o["target"].startswith("art_636")]
        assert [(o["target"], o["action"]) for o in ops] == [
            ("art_636__subpara_1__al_18", "insert"),
            ("art_636__subpara_1__al_19", "insert"),
            ("art_636__al_2", "substitute_words"),
        ]
        assert ops[0]["new"].startswith(first) and ops[0]["new"].endswith(");")
        assert ops[1]["new"].endswith("бөліктері);" if lang == "kk" else "четырнадцатая);")
        assert (ops[2]["old"], ops[2]["new"]) == ("576-8", "576-10")


def test_zan_ops_reads_an_omnibus_act():
    src = REALWORLD / "amendments/164356/ru.md"
    res = CliRunner().invoke(main, ["ops", str(src), "--lang", "ru"])
    assert res.exit_code == 0, res.stderr
    ops = json.loads(res.stdout)
    assert [(o["act"], o["target"], o["action"]) for o in ops][:3] == [
        ("О политических партиях", "art_15-1", "replace"),
        ("Об Ассамблее народа Казахстана", "art_7__para_2", "replace"),
        ("О Совете Безопасности Республики Казахстан", "art_1__para_2", "replace"),
    ]


def test_grammar_report_tables():
    dirs = [str(REALWORLD / "amendments" / n) for n in ("3654", "59074")]
    res = CliRunner().invoke(main, ["grammar-report", *dirs])
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0] == "# Grammar report: 2 amending act(s)"
    assert lines[4:6] == [
        "| kk | 4 | 2 | 2 | 50.0 % | 1 / 2 (50.0 %) | 2 | 0 | 1 |",
        "| ru | 4 | 2 | 2 | 50.0 % | 1 / 2 (50.0 %) | 2 | 0 | 1 |",
    ]
    assert "| 59074 | 0 | 2 | 0 | 2 | 0 | 0 | 0 | 0 | 0 |" in lines
    assert "| 3654 | 2 | 0 | 2 | 0 | 2 | 2 | 0 | 0 | 0 |" in lines


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_catalogue_entries_are_well_formed(lang):
    """Every formula names a builder the reader has, with arguments it takes; ids are unique
    and carry the language."""
    import inspect

    from generator.formulas.reader import BUILDERS, NOT_BUILT

    ids = [f.id for f in catalogue(lang)]
    assert len(ids) == len(set(ids)) and all(i.startswith(lang + ".") for i in ids)
    for f in catalogue(lang):
        args = dict(f.yields)
        name = args.pop("builder")
        if name in NOT_BUILT:
            assert set(args) <= NOT_BUILT[name], f.id
            continue
        params = inspect.signature(BUILDERS[name]).parameters
        assert all(a in params or "a" in params for a in args), f.id


def test_every_target_is_an_eid_of_design_md():
    """No operation read from the dev set names a unit DESIGN.md has no eId for (a letter
    number, a table row): those are reported instead."""

    from generator.formulas.report import read_acts
    from generator.model import EID_RE

    bad = []
    for a in read_acts([str(REALWORLD / "amendments")]):
        for lang, res in a.results.items():
            for o in res.amender.operations:
                t = o.target.replace("..", "-")  # a range keeps its ends
                # Roman chapter numbers are their value (units.yml «numbers»: chp_4 for «IV»)
                t = re.sub(r"_[IVXL]+(?=__|$)", "_1", t)
                # the last абзац («соңғы абзацы»), resolved at application (docs/operations.md)
                t = re.sub(r"__al_-1$", "__al_1", t)
                if t not in ("*", "", "toc") and not EID_RE.match(t):
                    bad.append((a.folder, lang, o.line, o.target))
    assert bad == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_unit_word_of_the_tokenizer_comes_from_the_one_units_file(lang):
    """Issue 12's rule: the tokenizer's unit words are exactly the case forms the units
    authority (generator/grammar/units.yml) lists, those include every unit word of the
    authority, and no other data file of the catalogue lists unit words."""
    from generator.formulas.tokens import Tokenizer

    raw = yaml.safe_load((REPO / "generator/grammar/units.yml").read_text(encoding="utf-8"))
    auth = raw["languages"][lang]
    forms = {
        f.lower()
        for spec in auth["instruction_forms"].values()
        for fs in spec["forms"].values()
        for f in fs
    }
    assert set(Tokenizer(lang).form) == forms
    words = {w.lower() for ws in auth["words"].values() for w in ws}
    assert words - forms == set()
    assert sorted(p.name for p in (REPO / "generator/grammar/formulas").iterdir()) == [
        "kk.yml",
        "ru.yml",
    ]
    lex = yaml.safe_load((REPO / f"generator/grammar/formulas/{lang}.yml").read_text())["lexicon"]
    assert "units" not in lex
