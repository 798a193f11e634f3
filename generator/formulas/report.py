"""``zan grammar-report DIR…``: how well the formula catalogue reads real amending acts.

Per language: instructions read / not read, by formula and by reason; per act: read fully
or not in each language, and whether kk and ru give the same targets and actions
(:func:`generator.formulas.amender.compare_languages`, one-language-only changes excused).

>>> print(report(["../shared/realworld/amendments/164356"]).splitlines()[0])
# Grammar report: 1 amending act(s)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.formulas.amender import compare_languages
from generator.formulas.reader import Result
from generator.formulas.source import read_file

LANGS = ("kk", "ru")


@dataclass
class ActReport:
    """One amending act read in both languages.

    ``disagreements`` counts the kk↔ru differences (same targets and actions or not);
    ``unit_differences`` those left when only the units are compared: a difference in the
    words operations on the same unit (kk replaces words where ru deletes or adds them, one
    language names more word forms) is a real difference of the two texts, not a reading
    error.
    """

    folder: str
    results: dict[str, Result]
    disagreements: int
    unit_differences: int = 0

    def read_fully(self, lang: str) -> bool:
        """Whether every instruction of this language was read."""
        return not any(r.reason for r in self.results[lang].readings)


def acts_under(dirs: list[str]) -> list[Path]:
    """Folders holding an amending act (``kk.md`` and ``ru.md``), sorted, each once.

    >>> [p.name for p in acts_under(["../shared/realworld/amendments"])][:2]
    ['472', '3382']
    """
    out: set[Path] = set()
    for d in dirs:
        p = Path(d)
        for kk in [p / "kk.md"] if (p / "kk.md").exists() else p.rglob("kk.md"):
            if (kk.parent / "ru.md").exists():
                out.add(kk.parent)
    return sorted(out, key=lambda x: (str(x.parent), _num_key(x.name)))


def _num_key(name: str) -> tuple:
    return (0, int(name), "") if name.isdigit() else (1, 0, name)


def read_acts(dirs: list[str]) -> list[ActReport]:
    """Read every amending act under the folders in both languages."""
    acts = []
    for folder in acts_under(dirs):
        # read as `zan ops` reads it (generator/formulas/source.py): one counting
        res = {lang: read_file(str(folder / f"{lang}.md"), lang)[0] for lang in LANGS}
        dis = compare_languages(
            res["kk"].amender.operations,
            res["ru"].amender.operations,
            res["kk"].amender.not_for_this_language,
            res["ru"].amender.not_for_this_language,
        )
        acts.append(ActReport(str(folder), res, len(dis), _unit_differences(res)))
    return acts


def _unit_differences(res: dict[str, Result]) -> int:
    """Units changed in one language only (by position of the cited act, one-language-only
    records excused)."""
    units = {}
    for lang in LANGS:
        am = res[lang].amender
        acts: dict[tuple, int] = {}
        got = set()
        for o in am.operations:
            k = acts.setdefault((o.act, o.act_date), len(acts))
            got.add((k, o.target))
        units[lang] = got
    excused = {
        t for lang in LANGS for lo in res[lang].amender.not_for_this_language for t in [lo.target]
    }
    diff = units["kk"] ^ units["ru"]
    return sum(1 for _k, t in diff if t not in excused)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "—"


def _reason_kind(reason: str) -> str:
    """A reason without its token sequence («no formula: U:art Q …» → «no formula»)."""
    return re.sub(r":\s.*$", "", reason) if reason.startswith("no formula") else reason


def report(dirs: list[str]) -> str:
    """The Markdown report over every amending act under ``dirs``."""
    acts = read_acts(dirs)
    lines = [f"# Grammar report: {len(acts)} amending act(s)", ""]
    lines += [
        "| language | instructions | read | not read | read % | acts fully read | "
        "operations | no change in this language | provisions (no amendment) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    by_formula: dict[str, Counter] = {lang: Counter() for lang in LANGS}
    by_reason: dict[str, Counter] = {lang: Counter() for lang in LANGS}
    for lang in LANGS:
        n = bad = ops = lo = prov = full = 0
        for a in acts:
            r = a.results[lang]
            ins = [x for x in r.readings if x.kind == "instruction"]
            n += len(ins)
            bad += sum(1 for x in ins if x.reason)
            ops += len(r.amender.operations)
            lo += sum(1 for x in r.readings if x.kind == "lang_only")
            prov += sum(1 for x in r.readings if x.kind == "provision")
            full += a.read_fully(lang)
            for x in r.readings:
                if x.reason:
                    by_reason[lang][_reason_kind(x.reason)] += 1
                for f in x.formulas:
                    by_formula[lang][f] += 1
        lines.append(
            f"| {lang} | {n} | {n - bad} | {bad} | {_pct(n - bad, n)} | "
            f"{full} / {len(acts)} ({_pct(full, len(acts))}) | {ops} | {lo} | {prov} |"
        )
    both = [a for a in acts if a.read_fully("kk") and a.read_fully("ru")]
    agree = sum(1 for a in acts if a.disagreements == 0)
    agree_both = sum(1 for a in both if a.disagreements == 0)
    units = sum(1 for a in acts if a.unit_differences == 0)
    lines += [
        "",
        f"kk ↔ ru: {agree} / {len(acts)} acts agree outright ({_pct(agree, len(acts))}); "
        f"of the {len(both)} acts read fully in both languages, {agree_both} agree; "
        f"{units} / {len(acts)} ({_pct(units, len(acts))}) change the same units in both "
        "languages (the rest of the differences are in the words operations on those units).",
        "",
    ]
    for lang in LANGS:
        lines += [f"## {lang}: by formula", "", "| formula | clauses |", "|---|---:|"]
        lines += [f"| `{f}` | {c} |" for f, c in sorted(by_formula[lang].items())]
        lines += [
            "",
            f"## {lang}: not read, by reason",
            "",
            "| reason | instructions |",
            "|---|---:|",
        ]
        lines += [f"| {r} | {c} |" for r, c in by_reason[lang].most_common()]
        lines.append("")
    lines += [
        "## Per act",
        "",
        "| act | kk read | kk not read | ru read | ru not read | kk ops | ru ops "
        "| kk↔ru differences | units in one language only |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for a in acts:
        cells = []
        for lang in LANGS:
            ins = [x for x in a.results[lang].readings if x.kind == "instruction"]
            bad = sum(1 for x in ins if x.reason)
            cells += [str(len(ins) - bad), str(bad)]
        ops = [str(len(a.results[lang].amender.operations)) for lang in LANGS]
        name = Path(a.folder).name
        lines.append(
            f"| {name} | {' | '.join(cells)} | {' | '.join(ops)} | {a.disagreements} "
            f"| {a.unit_differences} |"
        )
    lines.append("")
    return "\n".join(lines)
