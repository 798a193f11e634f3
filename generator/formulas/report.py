"""``zan grammar-report DIR…``: how well the formula catalogue reads real amending acts.

Per language: instructions read / not read, by formula and by reason; per act: read fully
or not in each language, and whether kk and ru give the same targets and actions
(:mod:`generator.formulas.agreement`: one-language-only changes excused, the real
differences of the two texts listed in ``generator/grammar/real-differences.yml`` shown as
such, a difference where one language's instruction was not read counted under not read).

>>> print(report(["../shared/realworld/amendments/164356"]).splitlines()[0])
# Grammar report: 1 amending act(s)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.formulas.agreement import Difference, compare_results, mark_real
from generator.formulas.reader import Result
from generator.formulas.source import read_file

LANGS = ("kk", "ru")


@dataclass
class ActReport:
    """One amending act read in both languages.

    ``differences`` are the kk↔ru differences (:mod:`generator.formulas.agreement`);
    ``disagreements`` counts those that are neither a listed real difference of the two
    texts nor due to an instruction not read; ``stale`` the listed real differences that no
    longer appear.
    """

    folder: str
    results: dict[str, Result]
    differences: list[Difference] = field(default_factory=list)
    stale: list[dict] = field(default_factory=list)

    @property
    def disagreements(self) -> int:
        """Differences that are reading errors until shown otherwise."""
        return sum(1 for d in self.differences if not d.real and not d.unread)

    @property
    def real(self) -> int:
        """Listed real differences of the two texts."""
        return sum(1 for d in self.differences if d.real)

    @property
    def unread(self) -> int:
        """Differences where one language's instruction was not read."""
        return sum(1 for d in self.differences if d.unread and not d.real)

    def read_fully(self, lang: str) -> bool:
        """Whether every instruction of this language was read."""
        return not any(r.reason for r in self.results[lang].readings)


def acts_under(dirs: list[str]) -> list[Path]:
    """Folders holding an amending act (``kk.md`` and ``ru.md``), sorted, each once.

    >>> [p.name for p in acts_under(["../shared/realworld/amendments"])][:2]
    ['472', '3382']
    """
    return _partition(dirs)[0]


def skipped_under(dirs: list[str]) -> Counter:
    """Folders under ``dirs`` holding a bilingual act that is not an amending act, by the
    ``kind`` their ``source.yml`` gives (:func:`not_amending`).

    >>> sorted(skipped_under(["benchmarks/realworld-sample/acts"]).items())[:2]
    [('annexed', 65), ('code', 2)]
    """
    return _partition(dirs)[1]


def not_amending(folder: Path) -> str | None:
    """The ``kind`` of a folder's act when its ``source.yml`` says it is not an amending
    act: neither ``kind: amending`` (benchmarks/realworld-sample) nor an ``amends:`` list
    (../shared/realworld/amendments, where ``kind`` is the act's form, «law»). A folder
    without ``source.yml`` is taken as the amending act the user points at.

    A law ratifying a treaty carries the treaty's articles as its annex («Статья 2 …»,
    1814): read as instructions they would be counted as instructions not read.

    >>> not_amending(Path("benchmarks/realworld-sample/acts/1814"))
    'annexed'
    >>> not_amending(Path("../shared/realworld/amendments/472")) is None
    True
    """
    src = folder / "source.yml"
    if not src.exists():
        return None
    meta = yaml.safe_load(src.read_text(encoding="utf-8")) or {}
    kind = str(meta.get("kind", ""))
    if kind == "amending" or meta.get("amends"):
        return None
    return kind or "no kind given"


def _partition(dirs: list[str]) -> tuple[list[Path], Counter]:
    out: set[Path] = set()
    for d in dirs:
        p = Path(d)
        for kk in [p / "kk.md"] if (p / "kk.md").exists() else p.rglob("kk.md"):
            if (kk.parent / "ru.md").exists():
                out.add(kk.parent)
    skipped: Counter = Counter()
    acts = []
    for f in sorted(out, key=lambda x: (str(x.parent), _num_key(x.name))):
        kind = not_amending(f)
        if kind is None:
            acts.append(f)
        else:
            skipped[kind] += 1
    return acts, skipped


def _num_key(name: str) -> tuple:
    return (0, int(name), "") if name.isdigit() else (1, 0, name)


def read_acts(dirs: list[str]) -> list[ActReport]:
    """Read every amending act under the folders in both languages."""
    return _read_folders(acts_under(dirs))


def _read_folders(folders: list[Path]) -> list[ActReport]:
    acts = []
    for folder in folders:
        # read as `zan ops` reads it (generator/formulas/source.py): one counting
        res = {lang: read_file(str(folder / f"{lang}.md"), lang)[0] for lang in LANGS}
        diffs = compare_results(res["kk"], res["ru"])
        stale = mark_real(folder.name, diffs)
        acts.append(ActReport(str(folder), res, diffs, stale))
    return acts


@dataclass
class Agreement:
    """The kk↔ru tally of a set of acts, as `zan grammar-report` prints it (the one
    computation the report and the tests share): acts that agree outright, that differ only
    by listed real differences, that disagree (a reading error until shown otherwise, or an
    instruction not read in one language)."""

    acts: int
    outright: int
    real: int
    disagree: int


def tally(acts: list[ActReport], both: bool = False) -> Agreement:
    """The agreement of ``acts`` (``both``: only the acts read fully in both languages).

    >>> t = tally(read_acts(["../shared/realworld/amendments/45378"]))
    >>> (t.acts, t.outright, t.real, t.disagree)
    (1, 0, 1, 0)
    """
    if both:
        acts = [a for a in acts if all(a.read_fully(lang) for lang in LANGS)]
    outright = sum(1 for a in acts if not a.disagreements and not a.real)
    real = sum(1 for a in acts if not a.disagreements and a.real)
    return Agreement(len(acts), outright, real, len(acts) - outright - real)


def _quote(text: str, limit: int = 300) -> str:
    t = " ".join(text.split()).replace("|", "\\|")
    return t if len(t) <= limit else t[: limit - 1] + "…"


def _differences(acts: list[ActReport]) -> list[str]:
    """Every kk↔ru difference with both quotes: disagreements first, then the real ones."""
    out = ["", "## kk ↔ ru differences", ""]
    rows = []
    for a in acts:
        name = Path(a.folder).name
        for d in a.differences:
            if d.unread and not d.real:
                continue
            what = f"real difference: {d.real}" if d.real else "disagreement"
            acts_kk = ", ".join(d.actions("kk")) or "—"
            acts_ru = ", ".join(d.actions("ru")) or "—"
            rows.append(
                (
                    bool(d.real),
                    f"| {name} | `{d.target}` | {acts_kk} | {acts_ru} | {what} "
                    f"| {d.kk_line}: {_quote(d.kk_source)} | {d.ru_line}: {_quote(d.ru_source)} |",
                )
            )
        for e in a.stale:
            rows.append(
                (
                    False,
                    f"| {name} | `{e['target']}` | — | — | listed as real, no longer found "
                    f"| {e['kk']['line']}: {_quote(e['kk']['quote'])} "
                    f"| {e['ru']['line']}: {_quote(e['ru']['quote'])} |",
                )
            )
    if not rows:
        return out + ["None.", ""]
    out += [
        "| act | target | kk actions | ru actions | what | kk (line: instruction) "
        "| ru (line: instruction) |",
        "|---|---|---|---|---|---|---|",
    ]
    out += [r for real, r in rows if not real] + [r for real, r in rows if real]
    return out + [""]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "—"


def _reason_kind(reason: str) -> str:
    """A reason without its token sequence («no formula: U:art Q …» → «no formula») or the
    unit word it names («… a unit numbered by a letter): «кестесі»» → «… by a letter)»)."""
    if reason.startswith("the new wording stands on the instruction's own line"):
        return re.sub(r" \(«.*»\)(?=: where)", "", reason)
    if reason.startswith("a quote mark is lost: the quote"):
        return "a quote mark is lost: a quote holds the formula's own words"
    if reason.startswith("a unit zan has no eId form"):
        return re.sub(r"\): «.*»$", ")", reason)
    return re.sub(r":\s.*$", "", reason) if reason.startswith("no formula") else reason


def report(dirs: list[str]) -> str:
    """The Markdown report over every amending act under ``dirs``."""
    folders, skipped = _partition(dirs)  # one walk and one source.yml read per folder
    acts = _read_folders(folders)
    lines = [f"# Grammar report: {len(acts)} amending act(s)", ""]
    if skipped:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(skipped.items()))
        lines += [
            f"Skipped {sum(skipped.values())} folder(s) that are not amending acts "
            f"(source.yml kind: {kinds}): their text is a law, not instructions.",
            "",
        ]
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
    t, b = tally(acts), tally(acts, both=True)
    lines += [
        "",
        f"kk ↔ ru: {t.outright} / {t.acts} acts agree outright ({_pct(t.outright, t.acts)}), "
        f"{t.real} more differ only by real differences of the two texts "
        f"({_pct(t.outright + t.real, t.acts)} in all), {t.disagree} disagree; of the {b.acts} "
        f"acts read fully in both languages, {b.outright} agree outright "
        f"({_pct(b.outright, b.acts)}), {b.real} differ only by real differences, "
        f"{b.disagree} disagree. Real differences listed: {sum(a.real for a in acts)}; differences "
        f"where one language's instruction was not read (counted under not read): "
        f"{sum(a.unread for a in acts)}.",
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
        "| kk↔ru disagreements | real differences | not judged (not read) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for a in acts:
        cells = []
        for lang in LANGS:
            ins = [x for x in a.results[lang].readings if x.kind == "instruction"]
            bad_n = sum(1 for x in ins if x.reason)
            cells += [str(len(ins) - bad_n), str(bad_n)]
        ops = [str(len(a.results[lang].amender.operations)) for lang in LANGS]
        name = Path(a.folder).name
        lines.append(
            f"| {name} | {' | '.join(cells)} | {' | '.join(ops)} | {a.disagreements} "
            f"| {a.real} | {a.unread} |"
        )
    lines += _differences(acts)
    lines.append("")
    return "\n".join(lines)
