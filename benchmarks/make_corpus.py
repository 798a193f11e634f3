"""Generate a deterministic SYNTHETIC benchmark corpus laid out like the repository.

No legal text is invented: every act is a recombination of real articles (whole
``### … {#art_N}`` sections with their points and notes) of the Kazakh and Russian editions
stored in ``corpus/``, renumbered 1..k and grouped under real chapter headings; every
amending act uses the real instruction shapes of Law No. 262 (``amendments/Z070000262``)
with real payloads taken from the corpus. Everything is marked as synthetic test data
(``synthetic: true`` in act.yml, «[SYNTHETIC TEST DATA]» in titles). Never write the
output into the repository's corpus/, amendments/ or drafts/.

    python benchmarks/make_corpus.py --acts 100 --amendments 50 --seed 1 --out benchmarks/.work/c100
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator import sentences  # noqa: E402
from generator.importer import import_text, is_raw  # noqa: E402
from generator.model import ACT_ID_RE, walk_units  # noqa: E402
from generator.parse import REPEALED_RE, parse_markdown  # noqa: E402
from generator.validate import check_act_tree  # noqa: E402

MARK = "[SYNTHETIC TEST DATA]"
GAP_REASON = f"{MARK} units of the real act left out when its units were recombined"
VERSION = 3  # of the generator's output (benchmarks/run.py keeps corpora apart by it)
SOURCE_ACT = "Z1300000088"
# (kk edition, ru edition) of the same act whose articles are paired by number; only
# articles whose unit trees (eIds) are identical in both files are used.
PAIRS = [("Z2200000141", "Z2200000129"), ("Z2200000141", "Z1900000272")]
AMENDER = "Z070000262"
KK_MONTHS = "қаңтардағы ақпандағы наурыздағы сәуірдегі мамырдағы маусымдағы шілдедегі тамыздағы қыркүйектегі қазандағы қарашадағы желтоқсандағы".split()
RU_MONTHS = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
)
ART_HEAD = {
    "kk": re.compile(r"^### (?P<num>[\d-]+)-бап\.\s*(?P<title>.*?)\s*\{#art_(?P<eid>[\w-]+)\}\s*$"),
    "ru": re.compile(
        r"^### Статья (?P<num>[\d-]+)\.\s*(?P<title>.*?)\s*\{#art_(?P<eid>[\w-]+)\}\s*$"
    ),
}
CHP_HEAD = {
    "kk": re.compile(r"^## (?P<num>\d+)-тарау\.\s*(?P<title>.*?)\s*\{#chp_\d+\}\s*$"),
    "ru": re.compile(r"^## Глава (?P<num>\d+)\.\s*(?P<title>.*?)\s*\{#chp_\d+\}\s*$"),
}
WORDS_OK = re.compile(r"^[^\"«»“”()\[\]:;]+$")
# The operations generated, each in the sentence shape of a real act (see _instruction);
# «renumber» has no real sentence in the sources and is not generated.
OPERATIONS = ("replace", "insert", "repeal", "substitute", "delete", "insert_words")
WORD_OPERATIONS = ("substitute", "delete", "insert_words")
POINT = re.compile(r"^(\d+)\. ")


@dataclass
class Article:
    """One real article in both languages: heading title and body paragraphs."""

    src: str  # e.g. Z2200000141/Z2200000129 art_9-1
    title: dict[str, str]
    body: dict[str, list[str]]  # paragraphs (blank-line separated), notes included
    trees: dict | None = field(default=None, compare=False, repr=False)  # see _trees

    def payload(self, lang: str) -> list[str]:
        """Body paragraphs without editorial notes (for new-text quotes)."""
        return [p for p in self.body[lang] if not p.startswith(">")]


def _para_numbers(article: Article) -> list[str]:
    """Numbers of the points («2. …») an article has in force in both languages."""
    found = [
        {
            m[1]
            for p in article.body[lang]
            if (m := POINT.match(p)) and not REPEALED_RE.search(p[:80])
        }
        for lang in ("kk", "ru")
    ]
    return sorted(found[0] & found[1], key=int)


def _sections(text: str, lang: str) -> tuple[str, list[tuple[str, str]], dict[str, list[str]]]:
    """(preamble, chapters [(num, title)], articles {eid: lines incl. heading})."""
    lines = text.split("\n")
    i = 0
    if lines[0] == "---":
        i = lines.index("---", 1) + 1
    pre: list[str] = []
    chapters: list[tuple[str, str]] = []
    arts: dict[str, list[str]] = {}
    cur: list[str] | None = None
    seen_title = False
    for line in lines[i:]:
        if line.strip() == "***":
            break  # the signature block is not part of any article
        if line.startswith("# ") and not seen_title:
            seen_title = True
            continue
        m = ART_HEAD[lang].match(line)
        if m:
            cur = arts.setdefault(m["eid"], [line])
            continue
        c = CHP_HEAD[lang].match(line)
        if c:
            chapters.append((c["num"], c["title"]))
            cur = None
            continue
        if line.startswith("#"):
            cur = None
            continue
        if cur is not None:
            cur.append(line)
        elif not chapters and not arts:
            pre.append(line)
    return "\n".join(pre).strip(), chapters, arts


def _paras(lines: list[str]) -> list[str]:
    return [p.strip() for p in "\n".join(lines).split("\n\n") if p.strip()]


def _tree(md: str, lang: str) -> list[str]:
    act = parse_markdown(md, lang)
    return sorted(u.eid for u in act.walk())


def load_pool(root: Path) -> tuple[list[Article], list[dict[str, str]], dict[str, str]]:
    """Real article pairs, real chapter-heading pairs, real preambles."""
    folder = root / "corpus" / SOURCE_ACT
    pool: list[Article] = []
    used: set[str] = set()
    chapters: list[dict[str, str]] = []
    preamble: dict[str, str] = {}
    for kk_ed, ru_ed in PAIRS:
        texts = {
            "kk": (folder / kk_ed / "kk.md").read_text(encoding="utf-8"),
            "ru": (folder / ru_ed / "ru.md").read_text(encoding="utf-8"),
        }
        parts = {lang: _sections(texts[lang], lang) for lang in texts}
        if not preamble:
            preamble = {lang: parts[lang][0] for lang in parts}
            kk_ch = dict(parts["kk"][1])
            chapters = [
                {"kk": kk_ch[n], "ru": t} for n, t in parts["ru"][1] if n in kk_ch and kk_ch[n]
            ]
        for eid, kk_lines in parts["kk"][2].items():
            ru_lines = parts["ru"][2].get(eid)
            if ru_lines is None or eid in used:
                continue
            heads = {
                "kk": ART_HEAD["kk"].match(kk_lines[0]),
                "ru": ART_HEAD["ru"].match(ru_lines[0]),
            }
            body = {"kk": _paras(kk_lines[1:]), "ru": _paras(ru_lines[1:])}
            art = Article(
                src=f"{kk_ed}/{ru_ed} art_{eid}",
                title={lang: heads[lang]["title"] for lang in heads},
                body=body,
            )
            # Same unit tree in both languages once renumbered as article 1?
            md = {
                lang: _act_md("X", "x", lang, "T", "", [[art]], [{"kk": "", "ru": ""}])
                for lang in body
            }
            try:
                if _tree(md["kk"], "kk") != _tree(md["ru"], "ru"):
                    continue
            except Exception:
                continue
            used.add(eid)
            pool.append(art)
    return pool, chapters, preamble


def _art_head(lang: str, num: str, title: str) -> str:
    return f"{num}-бап. {title}".strip() if lang == "kk" else f"Статья {num}. {title}".strip()


def _act_md(
    act_id: str,
    edition: str,
    lang: str,
    title: str,
    preamble: str,
    chapters: list[list[Article]],
    chapter_titles: list[dict[str, str]],
) -> str:
    out = [f"---\nact: {act_id}\nedition: {edition}\nlang: {lang}\n---\n", f"# {title}\n"]
    if preamble:
        out.append(preamble + "\n")
    n = 0
    for ci, arts in enumerate(chapters, 1):
        ct = chapter_titles[(ci - 1) % len(chapter_titles)][lang]
        if ct:
            head = f"{ci}-тарау. {ct}" if lang == "kk" else f"Глава {ci}. {ct}"
            out.append(f"## {head} {{#chp_{ci}}}\n")
        for art in arts:
            n += 1
            out.append(f"### {_art_head(lang, str(n), art.title[lang])} {{#art_{n}}}\n")
            out += [p + "\n" for p in art.body[lang]]
    return "\n".join(out)


def _kk_date(d: dt.date) -> str:
    return f"{d.year} жылғы {d.day} {KK_MONTHS[d.month - 1]}"


def _ru_date(d: dt.date) -> str:
    return f"от {d.day} {RU_MONTHS[d.month - 1]} {d.year} г."


def _quote(lines: list[str], end: str) -> str:
    """A new-text block as Law 262 writes it: «"first … last".» (end is «.» or «;»)."""
    lines = list(lines)
    lines[0] = '"' + lines[0]
    lines[-1] = lines[-1] + '"' + end
    return "```new-text\n" + "\n\n".join(lines) + "\n```"


def _words(
    rng: random.Random, paras: list[str], n: int, once: bool = False, heads: tuple = ()
) -> str | None:
    """A run of n real words from a paragraph without quotes/brackets (for substitutions);
    ``once``: only words found once in the whole text (an insertion anchor found several
    times in the unit named is a conflict, README «Conflicts are failures»)."""
    cands = []
    whole = "\n".join([*paras, *heads])  # headings are the unit's text too
    for p in paras:
        if p.startswith(">"):
            continue
        p = re.sub(r"^\d+(-\d+)?[.)]\s*", "", p)
        ws = p.split()
        for i in range(0, max(0, len(ws) - n)):
            chunk = ws[i : i + n]
            s = " ".join(chunk).rstrip(",")
            if WORDS_OK.match(s) and len(s) > 12 and not s[0].isdigit():
                if not once or whole.count(s) == 1:
                    cands.append(s)
    return rng.choice(cands) if cands else None


def _instruction(rng, kind, lang, num, art, other, end):
    """One numbered instruction (without its item number) and its block, or None."""
    if kind == "replace":
        head = (
            f"{num}-бап мынадай редакцияда жазылсын:"
            if lang == "kk"
            else (f"статью {num} изложить в следующей редакции:")
        )
        body = [_art_head(lang, str(num), other.title[lang]), *other.payload(lang)]
        return f"{head}\n\n{_quote(body, end)}"
    if kind == "insert":
        new = f"{num}-1"
        head = (
            f"мынадай мазмұндағы {new}-баппен толықтырылсын:"
            if lang == "kk"
            else (f"дополнить статьей {new} следующего содержания:")
        )
        body = [_art_head(lang, new, other.title[lang]), *other.payload(lang)]
        return f"{head}\n\n{_quote(body, end)}"
    if kind == "repeal":
        # «3-баптың 2-тармағы алып тасталсын.» / «пункт 2 статьи 3 исключить.»
        para = art["para"]
        if lang == "kk":
            return f"{num}-баптың {para}-тармағы алып тасталсын{end}"
        return f"пункт {para} статьи {num} исключить{end}"
    old, new = art[lang], other[lang]
    if kind == "delete":
        # «… "…" деген сөздер алып тасталсын;» / «в части третьей слова "…" исключить;»
        if lang == "kk":
            return f'{num}-баптағы "{old}" деген сөздер алып тасталсын{end}'
        return f'в статье {num} слова "{old}" исключить{end}'
    if kind == "insert_words":
        # «Статью 11 после слов "…" дополнить словами "…".» and the Kazakh of DESIGN.md
        if lang == "kk":
            return (
                f'{num}-баптағы "{old}" деген сөздерден кейін "{new}" деген сөздермен '
                f"толықтырылсын{end}"
            )
        return f'статью {num} после слов "{old}" дополнить словами "{new}"{end}'
    # substitute words: old words from the target article, new words from another one
    if lang == "kk":
        return f'{num}-баптағы "{old}" деген сөздер "{new}" деген сөздермен ауыстырылсын{end}'
    return f'в статье {num} слова "{old}" заменить словами "{new}"{end}'


# -- version 3: structures of real acts (chapters, parts, annexes with their points) --------

# Real acts in both languages whose units are reused: the text bank's mirror files of
# benchmarks/realworld-sample/acts and ../shared/realworld/targets (imported as `zan import`
# imports them). Only top-level units (or the units of a container) whose kk and ru unit
# trees are identical are used.
STRUCT_DIRS = ("benchmarks/realworld-sample/acts", "../shared/realworld/targets")
CONTAINERS = ("part", "chp", "annex")


@dataclass
class Structured:
    """A real act's usable blocks in both languages (Markdown lines, in document order)."""

    src: str  # e.g. benchmarks/realworld-sample/acts/7776
    title: dict[str, str]
    blocks: list[tuple[str, dict[str, list[str]]]]  # (eId of the block, {lang: lines})


def _subtree(unit) -> list[str]:
    return [u.eid for u in unit.walk()]


def _spans(units, lines_end: int) -> list[tuple[object, int, int]]:
    """(unit, first line index, end index) of sibling units (0-based, end exclusive)."""
    out = []
    for i, u in enumerate(units):
        end = units[i + 1].line - 1 if i + 1 < len(units) else lines_end
        out.append((u, u.line - 1, end))
    return out


def _blocks_of(acts: dict, lines: dict[str, list[str]]) -> list[tuple[str, dict]]:
    """The blocks whose kk and ru trees agree: whole top-level units, or a container's
    heading with those of its children that agree."""
    ends = {
        lg: next((i for i, x in enumerate(lines[lg]) if x.strip() == "***"), len(lines[lg]))
        for lg in lines
    }
    spans = {lg: {u.eid: (u, a, b) for u, a, b in _spans(acts[lg].body, ends[lg])} for lg in acts}
    out: list[tuple[str, dict]] = []
    for eid, (uk, ak, bk) in spans["kk"].items():
        if eid not in spans["ru"]:
            continue
        ur, ar, br = spans["ru"][eid]
        if uk.repealed or ur.repealed:
            continue
        if _subtree(uk) == _subtree(ur):
            out.append((eid, {"kk": lines["kk"][ak:bk], "ru": lines["ru"][ar:br]}))
            continue
        if uk.type not in CONTAINERS or ur.type != uk.type or not uk.children or not ur.children:
            continue
        ck = {c.eid: (c, a, b) for c, a, b in _spans(uk.children, bk)}
        cr = {c.eid: (c, a, b) for c, a, b in _spans(ur.children, br)}
        keep = [
            e
            for e in ck
            if e in cr
            and _subtree(ck[e][0]) == _subtree(cr[e][0])
            and ck[e][0].type != "al"
            and not ck[e][0].repealed
        ]
        if len(keep) < 2:
            continue
        blk = {
            "kk": lines["kk"][ak : uk.children[0].line - 1],
            "ru": lines["ru"][ar : ur.children[0].line - 1],
        }
        for e in keep:
            for lg, c in (("kk", ck), ("ru", cr)):
                blk[lg] += lines[lg][c[e][1] : c[e][2]]
        out.append((eid, blk))
    return out


def load_structured(root: Path) -> list[Structured]:
    """Real acts whose agreeing blocks give the same unit tree in kk and ru once put together."""
    found: list[Structured] = []
    for base in STRUCT_DIRS:
        folder = (root / base).resolve()
        if not folder.is_dir():
            continue
        for d in sorted(folder.iterdir(), key=lambda x: x.name):
            acts, lines = {}, {}
            try:
                for lg in ("kk", "ru"):
                    text = (d / f"{lg}.md").read_text(encoding="utf-8")
                    if not is_raw(text):
                        raise ValueError("not a raw text")
                    res = import_text(text, lg, f"{base}/{d.name}/{lg}.md")
                    if len(res.documents) != 1:
                        raise ValueError("several documents")
                    md = res.documents[0].markdown
                    acts[lg] = parse_markdown(md, lg)
                    lines[lg] = md.split("\n")
            except Exception:  # a real text zan cannot read yet is simply not used
                continue
            blocks = _blocks_of(acts, lines)
            if sum(1 for e, _ in blocks if e != "preamble") < 2:
                continue
            title = {lg: acts[lg].title for lg in acts}
            if any(not t or QUOTES.search(t) for t in title.values()):
                continue
            st = Structured(f"{base}/{d.name}", title, blocks)
            md = {lg: _struct_md("X", lg, "T", st.blocks) for lg in ("kk", "ru")}
            try:
                if _tree(md["kk"], "kk") != _tree(md["ru"], "ru"):
                    continue
                if any(_tree_errors(md[lg], lg)[1] for lg in LANGS):
                    continue  # only numbering gaps (units left out) are allowed
            except Exception:
                continue
            found.append(st)
    return found


QUOTES = re.compile(r"[\"«»“”„]")


def _tree_errors(md: str, lang: str) -> tuple[list[str], list[str]]:
    """(eIds after a numbering gap, other errors) of a text, as `zan check` finds them."""
    gaps, other = [], []
    for e in check_act_tree(parse_markdown(md, lang, "x")):
        m = re.match(r"x:\d+: (\S+): numbering (?:gap|starts at)", e)
        (gaps if m else other).append(m[1] if m else e)
    return gaps, other


def _struct_md(act_id: str, lang: str, title: str, blocks) -> str:
    body = "\n".join("\n".join(b[lang]).strip("\n") + "\n" for _e, b in blocks)
    return f"---\nact: {act_id}\nedition: original\nlang: {lang}\n---\n\n# {title}\n\n{body}"


# -- version 3: instructions in the formulas of the catalogue ------------------------------
#
# Each generated instruction is written in the sentence shape of a real example of
# generator/grammar/formulas/{kk,ru}.yml and recorded with the operations it is meant to
# give (``intended-ops.json``; tests/test_make_corpus.py reads every one back with `zan ops`).

# The kinds on articles of Law No. 88-V (the tree of each article is known): the six of
# version 2 and, after the catalogue's examples:
#   repeal_many  «2) подпункты 1), 2), 4) и 5) статьи 15 исключить;» (ru.repeal_units)
#   repeal_range «подпункты 3) - 5) …» (DESIGN.md: a range is one operation)
#   sentence     «… дополнить предложением вторым следующего содержания: "…"» (ru.insert_units)
#   heading      «заголовок статьи N изложить в следующей редакции: "…"» (ru.replace_units)
#   renumber     «статью 31 считать статьей 32:» (ru.renumber, 104422)
#   kk_only      ru «8) в подпункт 1) пункта 1 статьи 23-1 внесены изменения на казахском
#                языке, текст на русском языке не изменяется.» (ru.lang_only, 125644)
#   ru_only      kk «қазақша мәтiн өзгерiссiз қалдырылсын;» (kk.lang_only)
#   pair         «слова "…", "…" заменить соответственно словами "…", "…";» (11040)
KINDS_V3 = (
    *OPERATIONS,
    "repeal_many",
    "repeal_range",
    "sentence",
    "heading",
    "renumber",
    "kk_only",
    "ru_only",
    "pair",
)
KK_ORD = {2: "екінші", 3: "үшінші", 4: "төртінші"}
RU_ORD = {2: "вторым", 3: "третьим", 4: "четвертым"}
OMNIBUS = "../shared/realworld/amendments/21680"  # the real omnibus act whose framing is used


def _trees(art: Article) -> dict:
    """The article's unit tree per language, numbered as article 1 (kept on the article)."""
    if art.trees is None:
        md = {lg: _act_md("X", "x", lg, "T", "", [[art]], [{"kk": "", "ru": ""}]) for lg in LANGS}
        art.trees = {lg: parse_markdown(md[lg], lg).body[0] for lg in LANGS}
    return art.trees


def _in_force(unit) -> bool:
    return not unit.repealed and unit.num is not None and unit.num.isdigit()


def _apart(paras: list[str], olds: list[str], news: list[str]) -> bool:
    """Two replacements paired «соответственно» that do not touch each other's words: the
    second old words are all still there after the first replacement."""
    whole = "\n".join(paras)
    (o1, o2), (n1, n2) = olds, news
    if o1 in o2 or o2 in o1 or n1 == n2 or o2 in n1:
        return False
    return whole.replace(o1, n1).count(o2) == whole.count(o2) > 0


def _groups(art: Article, num: int) -> list[tuple[str, str, list[str]]]:
    """(parent eId, child type, numbers in force in both languages) with ≥ 3 children."""
    kk, ru = (_trees(art)[lg] for lg in LANGS)
    out = []
    for pk, pr in zip(kk.walk(), ru.walk(), strict=True):
        if pk.type not in ("art", "para"):
            continue
        for typ in ("para", "subpara"):
            if pk.type == "para" and typ == "para":
                continue
            nums = [
                ck.num
                for ck, cr in zip(pk.children, pr.children, strict=True)
                if ck.type == typ and _in_force(ck) and _in_force(cr)
            ]
            if len(nums) >= 3:
                out.append((pk.eid.replace("art_1", f"art_{num}", 1), typ, nums))
    return out


def _join(items: list[str], lang: str) -> str:
    conj = " және " if lang == "kk" else " и "
    return ", ".join(items[:-1]) + conj + items[-1]


def _units_phrase(parent: str, typ: str, nums: list[str], lang: str, rng_: bool) -> str:
    """«подпункты 1), 2) и 4) пункта 4 статьи 7» / «7-баптың 4-тармағының 1), 2) және 4)
    тармақшалары» (or a range «3) - 5)»)."""
    parts = dict(p.split("_", 1) for p in parent.split("__"))
    art, para = parts["art"], parts.get("para")
    if typ == "subpara":
        labels = [f"{n})" for n in nums]
    else:
        labels = list(nums)
    listed = f"{labels[0]} - {labels[-1]}" if rng_ else _join(labels, lang)
    if lang == "ru":
        word = "подпункты" if typ == "subpara" else "пункты"
        where = (f" пункта {para}" if para else "") + f" статьи {art}"
        return f"{word} {listed}{where}"
    where = f"{art}-баптың " + (f"{para}-тармағының " if para else "")
    word = "тармақшалары" if typ == "subpara" else "тармақтары"
    if typ == "para" and not rng_:  # «6-баптың 2 және 4-тармақтары»
        return f"{where}{listed}-{word}"
    return f"{where}{listed} {word}"


def _one_sentence_points(art: Article, num: int) -> list[tuple[str, int]]:
    """(point eId, sentences) of the article's points that are leaves in force with 1–2
    sentences in both languages."""
    kk, ru = (_trees(art)[lg] for lg in LANGS)
    out = []
    for ck, cr in zip(kk.children, ru.children, strict=True):
        if ck.type != "para" or not _in_force(ck) or not _in_force(cr) or ck.children:
            continue
        n = {len(sentences.split(re.sub(r"^\d+\.\s*", "", u.text))) for u in (ck, cr)}
        if len(n) == 1 and n <= {1, 2} and not ck.notes and not cr.notes:
            out.append((f"art_{num}__para_{ck.num}", n.pop()))
    return out


def _sentence_pool(pool: list[Article]) -> list[dict[str, str]]:
    """Real one-sentence points (kk and ru of the same point), without their number."""
    out = []
    for art in pool:
        kk, ru = (_trees(art)[lg] for lg in LANGS)
        for ck, cr in zip(kk.children, ru.children, strict=True):
            if ck.type != "para" or ck.children or not _in_force(ck) or not _in_force(cr):
                continue
            s = {lg: re.sub(r"^\d+\.\s*", "", u.text) for lg, u in (("kk", ck), ("ru", cr))}
            if all(len(sentences.split(x)) == 1 and not QUOTES.search(x) for x in s.values()):
                if all(x.endswith(".") and len(x) < 300 for x in s.values()):
                    out.append(s)
    return out


LANGS = ("kk", "ru")


class _NoAliases(yaml.SafeDumper):
    """The validator refuses YAML aliases: a date used twice is written twice."""

    def ignore_aliases(self, data) -> bool:
        return True


def _yml(path: Path, data: dict) -> None:
    path.write_text(
        yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8",
    )


def act_id(prefix: str, n: int) -> str:
    aid = f"{prefix}{n:08d}"
    assert ACT_ID_RE.match(aid), aid
    return aid


def _op(target: str, action: str, **kw) -> dict:
    return {"target": target, "action": action, **{k: v for k, v in kw.items() if v is not None}}


class _Gen:
    """The amending acts' instructions, with each act's current text tracked so that every
    instruction applies when amending acts are chained (an article changed in place is only
    replaced afterwards)."""

    def __init__(self, rng: random.Random, pool: list[Article]):
        self.rng = rng
        self.pool = pool
        self.sentences = _sentence_pool(pool)

    # -- acts made of Law No. 88-V's articles
    def law_instruction(
        self, act: dict, num: int, end: str, first: bool = False, busy: tuple = ()
    ) -> tuple[dict, dict, str]:
        """({lang: sentence}, {lang: [intended ops]}, kind) for article ``num`` of ``act``.

        The first instruction on an act changes both languages: an act named in one
        language by a one-language-only sentence alone shifts the positions by which
        `zan check` pairs the acts of the two texts (generator/formulas/amender.py,
        ``_act_index``), so that case is left out.
        """
        rng = self.rng
        cur, dirty, inserted = act["cur"], act["dirty"], act["inserted"]
        kind = rng.choice(KINDS_V3)
        if first and kind in ("kk_only", "ru_only"):
            kind = "substitute"
        if kind == "renumber" and num != max(cur) and max(cur) not in busy:
            num = max(cur)  # «статью 31 считать статьей 32»: the last article moves on
        target = cur[num]
        other = rng.choice([a for a in self.pool if a is not target])
        a = f"art_{num}"
        if kind == "insert" and num in inserted:
            kind = "replace"
        if kind == "renumber" and (num != max(cur) or num in inserted or act["renumbered"] > 2):
            kind = "replace"
        if kind not in ("replace", "insert", "heading", "renumber") and num in dirty:
            kind = "replace"  # its text was changed in place: not touched again
        if kind == "heading" and (
            not other.title["kk"]
            or not other.title["ru"]
            or other.title == target.title
            or any(QUOTES.search(t) for t in other.title.values())
        ):
            kind = "replace"
        words: dict = {}
        if kind in (*WORD_OPERATIONS, "kk_only", "ru_only", "pair"):
            k = 2 if kind == "pair" else 1
            for lang in LANGS:
                olds = [
                    _words(
                        rng,
                        target.body[lang],
                        rng.randint(3, 5),
                        once=kind == "insert_words",
                        heads=(target.title[lang],),
                    )
                    for _ in range(k)
                ]
                news = [_words(rng, other.body[lang], rng.randint(3, 5)) for _ in range(k)]
                words[lang] = (olds, news)
            flat = [w for lang in LANGS for ws in words[lang] for w in ws]
            if None in flat:
                kind = "replace"
            elif kind == "pair" and not all(
                _apart(target.body[lang], *words[lang]) for lang in LANGS
            ):
                kind = "replace"
        groups = _groups(target, num) if kind in ("repeal_many", "repeal_range") else []
        if kind == "repeal_range":
            runs = [
                (p, t, ns[i : i + 3])
                for p, t, ns in groups
                if t == "subpara"
                for i in range(len(ns) - 2)
                if int(ns[i + 2]) - int(ns[i]) == 2
            ]
            if not runs:
                kind = "replace"
        if kind == "repeal_many" and not groups:
            kind = "replace"
        para = _para_numbers(target) if kind == "repeal" else []
        if kind == "repeal" and not para:
            kind = "replace"
        points = _one_sentence_points(target, num) if kind == "sentence" else []
        if kind == "sentence" and not (points and self.sentences):
            kind = "replace"

        ins: dict[str, str] = {}
        ops: dict[str, list[dict]] = {lang: [] for lang in LANGS}
        if kind in ("replace", "insert"):
            for lang in LANGS:
                ins[lang] = _instruction(rng, kind, lang, num, {}, other, end)
            new_num = str(num) if kind == "replace" else f"{num}-1"
            for lang in LANGS:
                body = [_art_head(lang, new_num, other.title[lang]), *other.payload(lang)]
                ops[lang].append(_op(f"art_{new_num}", kind, new="\n\n".join(body)))
            if kind == "replace":
                cur[num] = Article(other.src, other.title, {lg: other.payload(lg) for lg in LANGS})
                dirty.discard(num)
            else:
                inserted.add(num)
        elif kind == "repeal":
            chosen = rng.choice(para)
            for lang in LANGS:
                ins[lang] = _instruction(rng, kind, lang, num, {"para": chosen}, other, end)
                ops[lang].append(_op(f"{a}__para_{chosen}", "repeal"))
            dirty.add(num)
        elif kind in WORD_OPERATIONS:
            for lang in LANGS:
                old, new = words[lang][0][0], words[lang][1][0]
                ins[lang] = _instruction(rng, kind, lang, num, {lang: old}, {lang: new}, end)
                action = {"substitute": "substitute_words", "delete": "delete_words"}.get(
                    kind, "insert_words"
                )
                op = _op(a, action, old=old)
                if kind != "delete":
                    op["new"] = new
                if kind == "insert_words":
                    op["where"] = "after"
                ops[lang].append(op)
            dirty.add(num)
        elif kind in ("kk_only", "ru_only"):
            changed = "kk" if kind == "kk_only" else "ru"
            old, new = words[changed][0][0], words[changed][1][0]
            ins[changed] = _instruction(
                rng, "substitute", changed, num, {changed: old}, {changed: new}, end
            )
            ops[changed].append(_op(a, "substitute_words", old=old, new=new))
            if kind == "kk_only":  # 125644 ru: «… внесены изменения на казахском языке, …»
                ins["ru"] = (
                    f"в статью {num} внесены изменения на казахском языке, текст на русском "
                    f"языке не изменяется{end}"
                )
            else:  # kk.lang_only: «қазақша мәтiн өзгерiссiз қалдырылсын;»
                ins["kk"] = f"{num}-баптың қазақша мәтіні өзгеріссіз қалдырылсын{end}"
            ops["lang_only"] = {("ru" if changed == "kk" else "kk"): a}
            dirty.add(num)
        elif kind == "pair":
            for lang in LANGS:
                (o1, o2), (n1, n2) = words[lang]
                if lang == "kk":
                    ins[lang] = (
                        f'{num}-баптағы "{o1}", "{o2}" деген сөздер тиісінше "{n1}", "{n2}" '
                        f"деген сөздермен ауыстырылсын{end}"
                    )
                else:
                    ins[lang] = (
                        f'в статье {num} слова "{o1}", "{o2}" заменить соответственно словами '
                        f'"{n1}", "{n2}"{end}'
                    )
                ops[lang] += [
                    _op(a, "substitute_words", old=o1, new=n1),
                    _op(a, "substitute_words", old=o2, new=n2),
                ]
            dirty.add(num)
        elif kind in ("repeal_many", "repeal_range"):
            if kind == "repeal_range":
                parent, typ, nums = rng.choice(runs)
            else:
                parent, typ, cands = rng.choice(groups)
                nums = sorted(rng.sample(cands, rng.randint(2, min(3, len(cands)))), key=int)
            for lang in LANGS:
                phrase = _units_phrase(parent, typ, nums, lang, kind == "repeal_range")
                verb = "алып тасталсын" if lang == "kk" else "исключить"
                ins[lang] = f"{phrase} {verb}{end}"
                if kind == "repeal_range":
                    ops[lang].append(_op(f"{parent}__{typ}_{nums[0]}..{nums[-1]}", "repeal"))
                else:
                    ops[lang] += [_op(f"{parent}__{typ}_{n}", "repeal") for n in nums]
            dirty.add(num)
        elif kind == "sentence":
            point, n = rng.choice(points)
            s = rng.choice(self.sentences)
            p = point.rsplit("_", 1)[1]
            ins["kk"] = (
                f"{num}-баптың {p}-тармағы мынадай мазмұндағы {KK_ORD[n + 1]} сөйлеммен "
                f'толықтырылсын: "{s["kk"]}"{end}'
            )
            ins["ru"] = (
                f"пункт {p} статьи {num} дополнить предложением {RU_ORD[n + 1]} следующего "
                f'содержания: "{s["ru"]}"{end}'
            )
            for lang in LANGS:
                ops[lang].append(_op(point, "insert", new=s[lang], sentence=n + 1))
            dirty.add(num)
        elif kind == "heading":
            for lang in LANGS:
                new = _art_head(lang, str(num), other.title[lang])
                if lang == "kk":
                    ins[lang] = f'{num}-баптың тақырыбы мынадай редакцияда жазылсын: "{new}"{end}'
                else:
                    ins[lang] = (
                        f'заголовок статьи {num} изложить в следующей редакции: "{new}"{end}'
                    )
                ops[lang].append(_op(f"{a}__heading", "replace", new=new))
            cur[num] = Article(target.src, other.title, target.body)
        elif kind == "renumber":
            to = num + 1
            ins["kk"] = f"{num}-бап {to}-бап деп есептелсін{end}"
            ins["ru"] = f"статью {num} считать статьей {to}{end}"
            for lang in LANGS:
                ops[lang].append(_op(a, "renumber", new=f"art_{to}"))
            cur[to] = cur.pop(num)
            if num in dirty:
                dirty.discard(num)
                dirty.add(to)
            act["renumbered"] += 1
        return ins, ops, kind

    # -- acts made of real acts' structures
    def struct_instruction(self, act: dict, end: str) -> tuple[dict, dict, str] | None:
        """A word operation or a repeal on an article or annex point of a structured act."""
        rng = self.rng
        cands = [u for u in act["units"] if u not in act["dirty"]]
        if not cands:
            return None
        eid = rng.choice(cands)
        units = {lang: act["trees"][lang][eid] for lang in LANGS}
        kind = rng.choice(("substitute", "delete", "insert_words", "repeal"))
        if kind == "repeal" and not re.fullmatch(r"art_\d+", eid):
            kind = "substitute"
        other = rng.choice(self.pool)
        words = {}
        for lang in LANGS:
            texts = [u.text for u in units[lang].walk() if not u.quoted]
            words[lang] = (
                _words(
                    rng,
                    texts,
                    rng.randint(3, 5),
                    once=kind == "insert_words",
                    heads=tuple(u.heading or "" for u in units[lang].walk()),
                ),
                _words(rng, other.body[lang], rng.randint(3, 5)),
            )
        if kind != "repeal" and any(None in w for w in words.values()):
            return None
        ins, ops = {}, {lang: [] for lang in LANGS}
        for lang in LANGS:
            where = _unit_where(eid, lang)
            if kind == "repeal":
                n = eid.split("_")[1]
                ins[lang] = (
                    f"{n}-бап алып тасталсын{end}" if lang == "kk" else f"статью {n} исключить{end}"
                )
                ops[lang].append(_op(eid, "repeal"))
                continue
            old, new = words[lang]
            if kind == "substitute":
                ins[lang] = (
                    f'{where} "{old}" деген сөздер "{new}" деген сөздермен ауыстырылсын{end}'
                    if lang == "kk"
                    else f'{where} слова "{old}" заменить словами "{new}"{end}'
                )
                ops[lang].append(_op(eid, "substitute_words", old=old, new=new))
            elif kind == "delete":
                ins[lang] = (
                    f'{where} "{old}" деген сөздер алып тасталсын{end}'
                    if lang == "kk"
                    else f'{where} слова "{old}" исключить{end}'
                )
                ops[lang].append(_op(eid, "delete_words", old=old))
            else:
                ins[lang] = (
                    f'{where} "{old}" деген сөздерден кейін "{new}" деген сөздермен '
                    f"толықтырылсын{end}"
                    if lang == "kk"
                    else f'{where} после слов "{old}" дополнить словами "{new}"{end}'
                )
                ops[lang].append(_op(eid, "insert_words", old=old, new=new, where="after"))
        act["dirty"].add(eid)
        if kind == "repeal":  # its points are gone with it
            act["dirty"].update(u for u in act["units"] if u.startswith(eid + "__"))
        return ins, ops, kind


def _unit_where(eid: str, lang: str) -> str:
    """«в статье 5» / «5-баптағы», «в пункте 3 приложения 2» / «2-қосымшаның 3-тармағындағы»."""
    parts = dict(p.split("_", 1) for p in eid.split("__"))
    if "annex" in parts:
        a, p = parts["annex"], parts["para"]
        return (
            f"{a}-қосымшаның {p}-тармағындағы" if lang == "kk" else f"в пункте {p} приложения {a}"
        )
    if "para" in parts and "art" not in parts:
        p = parts["para"]
        return f"{p}-тармақтағы" if lang == "kk" else f"в пункте {p}"
    return f"{parts['art']}-баптағы" if lang == "kk" else f"в статье {parts['art']}"


def _struct_units(trees: dict) -> list[str]:
    """The eIds word operations may name: articles, and points of annexes or of an act
    without articles, in force in both languages."""
    out = []
    ru = {u.eid: u for u in trees["ru"].values()}
    for eid, u in trees["kk"].items():
        if eid not in ru or u.repealed or ru[eid].repealed:
            continue
        if re.fullmatch(r"art_\d+|annex_\d+__para_\d+|para_\d+", eid):
            out.append(eid)
    return out


def _framing(omnibus: bool, am_titles: dict, omni: dict) -> tuple[dict, dict]:
    """(titles, lead-ins of article 1): Law 262's, or the real omnibus act 21680's."""
    if omnibus:
        return omni["title"], omni["lead"]
    return am_titles, {
        "kk": "Қазақстан Республикасының мына заңнамалық актілеріне өзгеріс пен толықтырулар "
        "енгізілсін:",
        "ru": "Внести изменение и дополнения в следующие законодательные акты Республики "
        "Казахстан:",
    }


def _omnibus(root: Path) -> dict:
    """Title and article 1 lead-in of the real omnibus act 21680, as `zan import` reads them."""
    out: dict = {"title": {}, "lead": {}}
    for lang in LANGS:
        text = (root / OMNIBUS / f"{lang}.md").read_text(encoding="utf-8")
        act = parse_markdown(
            import_text(text, lang, f"{OMNIBUS}/{lang}.md").documents[0].markdown, lang
        )
        out["title"][lang] = act.title
        out["lead"][lang] = act.body[0].text
    return out


def _close(s: str) -> str:
    """The last instruction of an amending act ends with «.» instead of «;»."""
    if s.endswith('";\n```'):
        return s[: -len('";\n```')] + '".\n```'
    return s[:-1] + "." if s.endswith(";") else s


def _amender_md(
    act_id: str, lang: str, title: str, lead: str, items: list[tuple[dict, list[dict]]]
) -> str:
    out = [f"---\nact: {act_id}\nlang: {lang}\n---\n", f"# {title}\n"]
    out.append("## 1-бап. {#art_1}\n" if lang == "kk" else "## Статья 1. {#art_1}\n")
    out.append(lead + "\n")
    for i, (act, instrs) in enumerate(items, 1):
        if lang == "kk":
            out.append(
                f'{i}. "{act["title"]["kk"]}" {_kk_date(act["adopted"])} Қазақстан Республикасының Заңына:\n'
            )
        else:
            out.append(
                f'{i}. В Закон Республики Казахстан {_ru_date(act["adopted"])} "{act["title"]["ru"]}":\n'
            )
        for j, ins in enumerate(instrs, 1):
            out.append(f"{j}) {ins[lang]}\n")
    if lang == "kk":
        out.append("## 2-бап. {#art_2}\n")
        out.append(
            "Осы Заң ресми жарияланған күнінен бастап күнтізбелік он күн өткеннен кейін қолданысқа енгізіледі.\n"
        )
    else:
        out.append("## Статья 2. {#art_2}\n")
        out.append(
            "Настоящий Закон вводится в действие по истечении десяти календарных дней со дня его официального опубликования.\n"
        )
    return "\n".join(out)


# One act a day from 1990-01-01 and one amending act a day from 2010-01-01, as long as the
# days fit: up to 10 000 acts (to 2017-05-19) and 5 002 amending acts (to 2023-09-11, in
# force 10 days later, before the benchmarks' --today 2026-11-21). A larger corpus starts
# earlier and ends on the same days, still one act a day (30 000 acts: from 1935-04-01, 15 002 amending acts from 1982-08-17), so
# an act is still cited by its title and date alone; the corpora up to those sizes are
# unchanged.
ACT_DAYS, AMENDING_DAYS = 10_000, 5_002


def _day(i: int, n: int, span: int) -> int:
    """The day offset from the base date of the i-th of n acts (i itself while n fits in
    ``span`` days; earlier, ending on day ``span``, when it does not).

    >>> _day(7, 10_000, 10_000), _day(30_000, 30_000, 10_000), _day(1, 30_000, 10_000)
    (7, 10000, -19999)
    """
    return i - max(0, n - span)


def make(
    root: Path,
    out: Path,
    acts: int,
    amendments: int,
    seed: int,
    last_targets: int = 0,
    omnibus_share: float = 0.1,
    structured_share: float = 0.25,
    extras: bool = False,
) -> dict:
    """Write the synthetic corpus under ``out``; returns a summary.

    The first M amending acts of a corpus with M+1 are those of the corpus with M (same
    seed); ``last_targets`` forces how many acts the last amending act touches (5 or more:
    an omnibus act). ``extras`` also writes, under ``out/extra/``, the amending acts that
    would come next — one touching 1 act, one omnibus act touching 20 — and an edit of one
    stored text (an act no amending act touches, its last article removed), for
    benchmarks/run.py. ``out/intended-ops.json`` holds the operations each instruction is
    written to give, per amending act and language.
    """
    rng = random.Random(seed)
    pool, chapters, preamble = load_pool(root)
    structs = load_structured(root) if structured_share else []
    omni = _omnibus(root)
    gen = _Gen(rng, pool)
    order = rng.sample(structs, len(structs))
    real_titles = yaml.safe_load((root / "corpus" / SOURCE_ACT / "act.yml").read_text("utf-8"))[
        "title"
    ]
    am_titles = yaml.safe_load((root / "amendments" / AMENDER / "act.yml").read_text("utf-8"))[
        "title"
    ]
    if out.exists():
        shutil.rmtree(out)
    (out / "corpus").mkdir(parents=True)
    (out / "amendments").mkdir()
    shutil.copyfile(root / "mkdocs.yml", out / "mkdocs.yml")
    (out / "SYNTHETIC.txt").write_text(
        f"{MARK} generated by benchmarks/make_corpus.py (version {VERSION}) --acts {acts} "
        f"--amendments {amendments} --seed {seed} --omnibus-share {omnibus_share} "
        f"--structured-share {structured_share}; recombined real texts, not law.\n",
        encoding="utf-8",
    )
    base = dt.date(1990, 1, 1)
    meta: list[dict] = []
    n_struct = 0
    for i in range(1, acts + 1):
        aid = act_id("ZB", i)
        adopted = base + dt.timedelta(days=_day(i, acts, ACT_DAYS))
        folder = out / "corpus" / aid
        (folder / "original").mkdir(parents=True)
        if structs and rng.random() < structured_share:
            st = order[n_struct % len(order)]  # each real act in turn, in a seeded order
            body = [b for b in st.blocks if b[0] != "preamble"]
            keep = set(rng.sample(range(len(body)), rng.randint(2, len(body))))
            blocks = [b for b in st.blocks if b[0] == "preamble"]
            blocks += [b for k, b in enumerate(body) if k in keep]
            title = {lang: f"{MARK} {st.title[lang]}" for lang in LANGS}
            trees = {}
            for lang in LANGS:
                md = _struct_md(aid, lang, title[lang], blocks)
                (folder / "original" / f"{lang}.md").write_text(md, encoding="utf-8")
                trees[lang] = {u.eid: u for u in walk_units(parse_markdown(md, lang).body)}
            gaps = sorted(set(_tree_errors(md, "kk")[0]) | set(_tree_errors(md, "ru")[0]))
            note = f"Real units of {st.src} (imported; the same unit tree in kk and ru): " + (
                ", ".join(e for e, _ in blocks)
            )
            rec = {
                "kind": "struct",
                "gaps": gaps,
                "trees": trees,
                "units": _struct_units(trees),
                "dirty": set(),
            }
            n_struct += 1
        else:
            k = rng.randint(8, min(30, len(pool)))
            arts = rng.sample(pool, k)
            nch = max(1, min(len(chapters), k // 5))
            cuts = sorted(rng.sample(range(1, k), nch - 1)) if nch > 1 else []
            groups = [arts[a:b] for a, b in zip([0, *cuts], [*cuts, k], strict=True)]
            ch_titles = rng.sample(chapters, nch)
            title = {lang: f"{MARK} {real_titles[lang]}" for lang in LANGS}
            for lang in LANGS:
                md = _act_md(aid, "original", lang, title[lang], preamble[lang], groups, ch_titles)
                (folder / "original" / f"{lang}.md").write_text(md, encoding="utf-8")
            note = (
                "Recombined real articles of "
                + SOURCE_ACT
                + " (renumbered): "
                + ", ".join(a.src for a in arts)
            )
            rec = {
                "kind": "law",
                "cur": dict(enumerate(arts, 1)),
                "dirty": set(),
                "inserted": set(),
                "renumbered": 0,
                "groups": groups,
                "ch_titles": ch_titles,
            }
        _act_yml(folder, aid, i, adopted, title, note, rec.get("gaps", ()))
        meta.append({"id": aid, "title": title, "adopted": adopted, "touched": False, **rec})
    am_base = dt.date(2010, 1, 1)
    n_ops = 0
    kinds: dict[str, int] = {}
    intended: dict[str, dict] = {}
    n_omnibus = 0
    total = amendments + (2 if extras else 0)
    for j in range(1, total + 1):
        aid = act_id("ZBA", j)
        adopted = am_base + dt.timedelta(days=_day(j, total, AMENDING_DAYS))
        omnibus = rng.random() < omnibus_share
        n_targets = rng.randint(5, 30) if omnibus else rng.choice([1, 1, 1, 2, 3])
        if last_targets and j == amendments:
            n_targets, omnibus = last_targets, last_targets >= 5
        if extras and j > amendments:  # the next amending acts: 1 act, then 20 acts
            n_targets, omnibus = (1, False) if j == amendments + 1 else (20, True)
        targets = rng.sample(meta, min(len(meta), n_targets))
        chosen: list[tuple[dict, list[dict], list[tuple]]] = []
        drawn = {a["id"] for a in targets}
        queue = list(targets)
        while queue:
            act = queue.pop(0)
            results = _act_instructions(gen, rng, act, omnibus)
            if results:
                chosen.append((act, [r[0] for r in results], results))
            elif len(drawn) < len(meta):  # no unit left to change there: another act
                nxt = rng.choice(meta)
                for _ in range(20):
                    if nxt["id"] not in drawn:
                        break
                    nxt = rng.choice(meta)
                if nxt["id"] not in drawn:
                    drawn.add(nxt["id"])
                    queue.append(nxt)
        if not chosen:  # the first act of articles: it always has an article to replace
            act = next(a for a in meta if a["kind"] == "law")
            chosen.append((act, *_unzip([gen.law_instruction(act, min(act["cur"]), ";", True)])))
        items = []
        ops: dict = {"kk": [], "ru": [], "lang_only": {"kk": [], "ru": []}}
        for act, instrs, results in sorted(chosen, key=lambda c: c[0]["adopted"]):
            items.append((act, instrs))
            if j <= amendments:
                act["touched"] = True
            for _ins, iops, kind in results:
                kinds[kind] = kinds.get(kind, 0) + 1
                for lang in LANGS:
                    ops[lang] += iops[lang]
                for lang, target in iops.get("lang_only", {}).items():
                    ops["lang_only"][lang].append(target)
        last = items[-1][1][-1]
        for lang in LANGS:
            last[lang] = _close(last[lang])
        n_ops += sum(len(x[1]) for x in items)
        n_omnibus += omnibus
        intended[aid] = ops
        ttl, lead = _framing(omnibus, am_titles, omni)
        title = {lang: f"{MARK} {ttl[lang]}" for lang in LANGS}
        folder = (out / "extra" if j > amendments else out) / "amendments" / aid
        folder.mkdir(parents=True)
        for lang in LANGS:
            md = _amender_md(aid, lang, title[lang], lead[lang], items)
            (folder / f"{lang}.md").write_text(md, encoding="utf-8")
        framing = f"{OMNIBUS} (omnibus act)" if omnibus else AMENDER
        _yml(
            folder / "act.yml",
            {
                "id": aid,
                "synthetic": True,
                "synthetic_note": f"Title and framing of {framing}; instructions in the "
                "sentence shapes of the real examples of the formula catalogue "
                "(generator/grammar/formulas/kk.yml, ru.yml); payloads are real articles, "
                f"sentences and words of {SOURCE_ACT} and of the acts amended.",
                "type": "law",
                "number": f"BA{j}",
                "adopted": adopted,
                "published": "unknown",
                "in_force": adopted + dt.timedelta(days=10),
                "title": title,
                "status": "in_force",
                "text_sha256": _hashes(folder),
            },
        )
    if extras:
        _edit(out, meta, preamble, pool)
    (out / "intended-ops.json").write_text(
        json.dumps(intended, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    return {
        "acts": acts,
        "structured_acts": n_struct,
        "amendments": amendments,
        "omnibus": n_omnibus,
        "instructions": n_ops,
        "kinds": dict(sorted(kinds.items())),
        "pool": len(pool),
        "structured_sources": len(structs),
    }


def _act_instructions(gen: _Gen, rng: random.Random, act: dict, omnibus: bool) -> list[tuple]:
    """The instructions of one amending act on one act: [(sentences, ops, kind)]."""
    if act["kind"] == "law":
        cur = act["cur"]
        nums = rng.sample(sorted(cur), min(len(cur), rng.randint(1, 2 if omnibus else 3)))
        return [
            gen.law_instruction(act, num, ";", first=k == 0, busy=tuple(nums))
            for k, num in enumerate(sorted(nums))
        ]
    results = [gen.struct_instruction(act, ";") for _ in range(rng.randint(1, 2))]
    return [r for r in results if r is not None]


def _unzip(results: list[tuple]) -> tuple[list, list]:
    return [r[0] for r in results], results


def _act_yml(
    folder: Path, aid: str, i: int, adopted: dt.date, title: dict, note: str, gaps=()
) -> None:
    edition = {
        "id": "original",
        "includes": "original",
        "date": adopted,
        "languages": ["kk", "ru"],
        "text_sha256": _hashes(folder / "original"),
    }
    if gaps:  # units of the real act the recombination left out
        edition["gaps"] = [{"unit": g, "reason": GAP_REASON} for g in gaps]
    _yml(
        folder / "act.yml",
        {
            "id": aid,
            "synthetic": True,
            "synthetic_note": note,
            "type": "law",
            "number": f"B{i}",
            "adopted": adopted,
            "published": "unknown",
            "in_force": adopted,
            "title": title,
            "status": "in_force",
            "editions": [edition],
        },
    )


def _edit(out: Path, meta: list[dict], preamble: dict[str, str], pool: list[Article]) -> None:
    """out/extra/edit/: one stored text edited — a real article of the pool appended to the
    last act made of Law No. 88-V's articles that no amending act renumbered (kk and ru)."""
    for act in reversed(meta):  # the last such act that lacks an article of the pool
        used = {a.src for g in act.get("groups", []) for a in g}
        spare = [a for a in pool if a.src not in used]
        if act["kind"] == "law" and not act["renumbered"] and spare:
            break
    extra = spare[0]
    groups = [*act["groups"][:-1], [*act["groups"][-1], extra]]
    folder = out / "extra" / "edit" / "corpus" / act["id"]
    (folder / "original").mkdir(parents=True)
    for lang in LANGS:
        md = _act_md(
            act["id"],
            "original",
            lang,
            act["title"][lang],
            preamble[lang],
            groups,
            act["ch_titles"],
        )
        (folder / "original" / f"{lang}.md").write_text(md, encoding="utf-8")
    arts = [a for g in groups for a in g]
    note = (
        f"Recombined real articles of {SOURCE_ACT} (renumbered): "
        + ", ".join(a.src for a in arts)
        + " (benchmark edit: the last article appended)"
    )
    _act_yml(folder, act["id"], int(act["id"][2:]), act["adopted"], act["title"], note)


def verify(out: Path, today: dt.date) -> list[str]:
    """What would keep the corpus from building cleanly: every effect not applied (an
    outstanding effect of `zan build`, with its reason) and every version whose kk and ru
    unit trees differ. [] when every instruction applies.

    Runs the consolidate stage as `zan build` does (generator.publish.assemble_act), without
    rendering pages.
    """
    from generator import consolidate_corpus, publish
    from generator.corpus import load_corpus
    from generator.outstanding import is_outstanding

    corpus = load_corpus(out)
    index = consolidate_corpus.AmendersIndex(corpus)
    ledgers = consolidate_corpus.ledgers(corpus, today, index)
    rows = publish.ledger_rows_by_act(ledgers)
    problems = [f"not read: {line}" for line in index.not_read]
    for rec in sorted(corpus.acts.values(), key=lambda r: r.id):
        act = publish.assemble_act(corpus, rec, index, rows.get(rec.id, []), today, diffs=False)
        for r in act.effects:
            if is_outstanding(r["status"]):
                problems.append(
                    f"{rec.id} {r['amender']} {r['lang']} {r['target']} {r['action']}: "
                    f"{r['status']} {r.get('detail', '')}"
                )
        for v in act.versions:
            trees = {lg: _eids(v.texts[lg]) for lg in LANGS if lg in v.texts}
            if len(trees) == 2 and trees["kk"] != trees["ru"]:
                problems.append(f"{rec.id} {v.id}: kk and ru trees differ")
    return problems


def _eids(act) -> list[str]:
    return [u.eid for u in walk_units(act.body)]


def _hashes(folder: Path) -> dict[str, str]:
    """The SHA-256 of each stored text of a folder (act.yml `text_sha256`: the validator
    ties every stored text to it)."""
    return {
        lang: hashlib.sha256((folder / f"{lang}.md").read_bytes()).hexdigest()
        for lang in ("kk", "ru")
        if (folder / f"{lang}.md").is_file()
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--acts", type=int, default=20)
    ap.add_argument("--amendments", type=int, default=None, help="default: acts // 2")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--omnibus-share", type=float, default=0.1, help="amending acts of 5–30 acts")
    ap.add_argument("--structured-share", type=float, default=0.25, help="acts of real structures")
    ap.add_argument("--extras", action="store_true", help="also out/extra/ (benchmarks/run.py)")
    ap.add_argument(
        "--verify", action="store_true", help="then list every effect that would not apply"
    )
    args = ap.parse_args(argv)
    out = args.out.resolve()
    for bad in ("corpus", "amendments", "drafts"):
        if out == REPO / bad or (REPO / bad) in out.parents:
            ap.error(f"refusing to write into the repository's {bad}/")
    m = args.amendments if args.amendments is not None else max(1, args.acts // 2)
    print(
        make(
            REPO,
            out,
            args.acts,
            m,
            args.seed,
            omnibus_share=args.omnibus_share,
            structured_share=args.structured_share,
            extras=args.extras,
        )
    )
    if args.verify:
        problems = verify(out, dt.date(2026, 11, 21))
        print("\n".join(problems) or "every effect applies; kk and ru trees identical")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
