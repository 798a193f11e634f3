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
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.model import ACT_ID_RE  # noqa: E402
from generator.parse import REPEALED_RE, parse_markdown  # noqa: E402

MARK = "[SYNTHETIC TEST DATA]"
VERSION = 2  # of the generator's output (benchmarks/run.py keeps corpora apart by it)
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


def _words(rng: random.Random, paras: list[str], n: int) -> str | None:
    """A run of n real words from a paragraph without quotes/brackets (for substitutions)."""
    cands = []
    for p in paras:
        if p.startswith(">"):
            continue
        p = re.sub(r"^\d+(-\d+)?[.)]\s*", "", p)
        ws = p.split()
        for i in range(0, max(0, len(ws) - n)):
            chunk = ws[i : i + n]
            s = " ".join(chunk).rstrip(",")
            if WORDS_OK.match(s) and len(s) > 12 and not s[0].isdigit():
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


def _amender_md(act_id: str, lang: str, title: str, items: list[tuple[dict, list[dict]]]) -> str:
    out = [f"---\nact: {act_id}\nlang: {lang}\n---\n", f"# {title}\n"]
    out.append("## 1-бап. {#art_1}\n" if lang == "kk" else "## Статья 1. {#art_1}\n")
    out.append(
        "Қазақстан Республикасының мына заңнамалық актілеріне өзгеріс пен толықтырулар енгізілсін:\n"
        if lang == "kk"
        else "Внести изменение и дополнения в следующие законодательные акты Республики Казахстан:\n"
    )
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


def _yml(path: Path, data: dict) -> None:
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
    )


def act_id(prefix: str, n: int) -> str:
    aid = f"{prefix}{n:08d}"
    assert ACT_ID_RE.match(aid), aid
    return aid


def make(
    root: Path, out: Path, acts: int, amendments: int, seed: int, last_targets: int = 0
) -> dict:
    """Write the synthetic corpus under ``out``; returns a summary.

    The first M amending acts of a corpus with M+1 are those of the corpus with M (same
    seed); ``last_targets`` forces how many acts the last amending act touches.
    """
    rng = random.Random(seed)
    pool, chapters, preamble = load_pool(root)
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
        f"{MARK} generated by benchmarks/make_corpus.py --acts {acts} --amendments "
        f"{amendments} --seed {seed}; recombined real texts, not law.\n",
        encoding="utf-8",
    )
    base = dt.date(1990, 1, 1)
    meta: list[dict] = []
    for i in range(1, acts + 1):
        aid = act_id("ZB", i)
        k = rng.randint(8, min(30, len(pool)))
        arts = rng.sample(pool, k)
        nch = max(1, min(len(chapters), k // 5))
        cuts = sorted(rng.sample(range(1, k), nch - 1)) if nch > 1 else []
        groups = [arts[a:b] for a, b in zip([0, *cuts], [*cuts, k], strict=True)]
        ch_titles = rng.sample(chapters, nch)
        adopted = base + dt.timedelta(days=i)
        title = {lang: f"{MARK} {real_titles[lang]}" for lang in ("kk", "ru")}
        folder = out / "corpus" / aid
        (folder / "original").mkdir(parents=True)
        for lang in ("kk", "ru"):
            md = _act_md(aid, "original", lang, title[lang], preamble[lang], groups, ch_titles)
            (folder / "original" / f"{lang}.md").write_text(md, encoding="utf-8")
        _yml(
            folder / "act.yml",
            {
                "id": aid,
                "synthetic": True,
                "synthetic_note": "Recombined real articles of "
                + SOURCE_ACT
                + " (renumbered): "
                + ", ".join(a.src for a in arts),
                "type": "law",
                "number": f"B{i}",
                "adopted": adopted,
                "published": "unknown",
                "in_force": adopted,
                "title": title,
                "status": "in_force",
                "editions": [
                    {
                        "id": "original",
                        "includes": "original",
                        "date": adopted,
                        "languages": ["kk", "ru"],
                        "text_sha256": _hashes(folder / "original"),
                    }
                ],
            },
        )
        meta.append({"id": aid, "title": title, "adopted": adopted, "arts": arts})
    am_base = dt.date(2010, 1, 1)
    n_ops = 0
    for j in range(1, amendments + 1):
        aid = act_id("ZBA", j)
        adopted = am_base + dt.timedelta(days=j)
        n_targets = rng.choice([1, 1, 1, 2, 3])
        if last_targets and j == amendments:
            n_targets = last_targets
        targets = rng.sample(meta, min(len(meta), n_targets))
        items = []
        for t_i, act in enumerate(sorted(targets, key=lambda a: a["adopted"])):
            # Amenders are applied in order of entry into force, chained per act and
            # language: track each act's current articles so every instruction applies.
            cur = act.setdefault("cur", dict(enumerate(act["arts"], 1)))
            dirty = act.setdefault("dirty", set())  # substituted once: not again
            inserted = act.setdefault("inserted", set())  # K where K-1 was inserted
            nums = rng.sample(range(1, len(act["arts"]) + 1), rng.randint(1, 3))
            instrs = []
            for n_i, num in enumerate(sorted(nums)):
                last = t_i == len(targets) - 1 and n_i == len(nums) - 1
                end = "." if last else ";"
                kind = rng.choice(OPERATIONS)
                target = cur[num]
                other = rng.choice([a for a in pool if a is not target])
                if kind == "insert" and num in inserted:
                    kind = "replace"
                if kind in WORD_OPERATIONS + ("repeal",) and num in dirty:
                    kind = "replace"  # its text was changed in place: not touched again
                words = {}
                if kind in WORD_OPERATIONS:
                    for lang in ("kk", "ru"):
                        words[lang] = (
                            _words(rng, target.body[lang], rng.randint(3, 5)),
                            _words(rng, other.body[lang], rng.randint(3, 5)),
                        )
                    if any(None in w for w in words.values()):
                        kind = "replace"
                para = _para_numbers(target) if kind == "repeal" else []
                if kind == "repeal" and not para:
                    kind = "replace"
                chosen = rng.choice(para) if kind == "repeal" else None
                ins = {}
                for lang in ("kk", "ru"):
                    if kind in WORD_OPERATIONS:
                        old, new = ({lang: w} for w in words[lang])
                        ins[lang] = _instruction(rng, kind, lang, num, old, new, end)
                    elif kind == "repeal":
                        ins[lang] = _instruction(rng, kind, lang, num, {"para": chosen}, other, end)
                    else:
                        ins[lang] = _instruction(rng, kind, lang, num, {}, other, end)
                if kind == "replace":
                    cur[num] = Article(
                        other.src, other.title, {lg: other.payload(lg) for lg in ("kk", "ru")}
                    )
                    dirty.discard(num)
                elif kind == "insert":
                    inserted.add(num)
                else:
                    dirty.add(num)
                instrs.append(ins)
                n_ops += 1
            items.append((act, instrs))
        title = {lang: f"{MARK} {am_titles[lang]}" for lang in ("kk", "ru")}
        folder = out / "amendments" / aid
        folder.mkdir()
        for lang in ("kk", "ru"):
            md = _amender_md(aid, lang, title[lang], items)
            (folder / f"{lang}.md").write_text(md, encoding="utf-8")
        _yml(
            folder / "act.yml",
            {
                "id": aid,
                "synthetic": True,
                "synthetic_note": f"Instruction shapes of {AMENDER}; payloads are real "
                f"articles/words of {SOURCE_ACT}.",
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
    return {"acts": acts, "amendments": amendments, "ops": n_ops, "pool": len(pool)}


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
    args = ap.parse_args(argv)
    out = args.out.resolve()
    for bad in ("corpus", "amendments", "drafts"):
        if out == REPO / bad or (REPO / bad) in out.parents:
            ap.error(f"refusing to write into the repository's {bad}/")
    m = args.amendments if args.amendments is not None else max(1, args.acts // 2)
    print(make(REPO, out, args.acts, m, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
