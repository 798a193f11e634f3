"""Benchmark: the import and parse stages over real text-bank files (issue 12).

Usage (from the repository root)::

    .venv/bin/python benchmarks/realworld.py [DIR ...] [--runs 3] [--show-diffs]

DIR defaults to ../shared/realworld. Every folder under DIR holding kk.md and ru.md is one
act (amendments/<N>, targets/<M>, acts/<N>, or any layout with source.yml). Per file and in
total: whether `zan tree` gives a tree in each language (the same import + parse as the CLI),
whether the kk and ru trees have identical eIds — for every act: amending acts (the new
wording they quote, qstr units, is the instructions' text and is left out), laws, codes,
ratification laws with the treaty they carry — «real difference» when the eIds that differ
are exactly those recorded, with the lines and why, in the set's list of real differences
(DIR/eid-differences.yml; for ../shared/realworld, which the repository does not write
into, benchmarks/realworld-eid-differences.yml); the figures per kind of act (source.yml
``kind``; amendments/ is «amending»); the warnings by kind, the time per file, and the median
time of parsing the whole set over several runs. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.importer import ImportFailure, import_text, is_raw  # noqa: E402
from generator.parse import ParseError, parse_markdown  # noqa: E402

WARNING_KINDS = [
    ("latin_token_kept", re.compile(r"wholly Latin token kept")),
    ("latin_unmapped", re.compile(r"Latin letter with no Cyrillic mapping")),
    ("quote_never_closes", re.compile(r"quoted new wording never (?:closes|balances)")),
    ("block_outside_unit", re.compile(r"unnumbered block outside any unit")),
    ("text_under_container", re.compile(r"text directly under")),
    ("duplicate_heading_id", re.compile(r"heading id .* occurs")),
    ("no_title", re.compile(r"no title line")),
    ("article_label_as_item", re.compile(r"kept as text \(closest rule: an item")),
    ("repeated_number", re.compile(r"repeated number .* kept as text")),
    ("section_in_article", re.compile(r"inside article .* kept as text")),
    ("item_renumbered", re.compile(r"repeats the number of the item before it")),
    ("quote_unbalanced", re.compile(r"quoted new wording (?:has no opening|closes one)")),
    ("heading_without_number", re.compile(r"does not start with its number")),
    ("after_signature", re.compile(r"after the signature kept as signature text")),
    ("letter_other_alphabet", re.compile(r"letter «.\)» read as (?:Latin|Cyrillic)")),
]


def kind_of(warning: str) -> str:
    """The kind of a warning line («latin_token_kept», …; «other» otherwise)."""
    for kind, rx in WARNING_KINDS:
        if rx.search(warning):
            return kind
    return "other"


def read_tree(path: Path, lang: str):
    """(act, warnings) as `zan tree FILE --lang LANG` reads the file; raises on failure."""
    text = path.read_text(encoding="utf-8")
    if not is_raw(text):
        act = parse_markdown(text, lang, str(path))
        return act, list(act.warnings)
    result = import_text(text, lang, str(path))
    doc = result.documents[-1] if len(result.documents) > 1 else result.documents[0]
    act = parse_markdown(doc.markdown, lang, str(path), line_map=doc.line_map)
    return act, list(result.warnings) + list(act.warnings)


def differences_file(d: Path) -> Path:
    """The list of real differences of a set: DIR/eid-differences.yml, else (a set the
    repository does not write into) benchmarks/<DIR name>-eid-differences.yml.

    >>> differences_file(ROOT.parent / "shared" / "realworld").name
    'realworld-eid-differences.yml'
    """
    own = d / "eid-differences.yml"
    return own if own.is_file() else ROOT / "benchmarks" / f"{d.resolve().name}-eid-differences.yml"


def unsorted_differences(d: Path) -> set[str]:
    """The recorded differences not yet sorted into reading error / real difference."""
    path = differences_file(d)
    if not path.is_file():
        return set()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {act for act, entry in data.items() if entry.get("sorted") is False}


def recorded_differences(d: Path) -> dict[str, list[str]]:
    """The kk/ru eId differences recorded for a set: act folder → its differing lines.

    >>> recorded_differences(ROOT / "benchmarks" / "realworld-sample")["amendments/966"]
    ['kk:9 subpara_3', 'ru:9 subpara_2__al_2']
    """
    path = differences_file(d)
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {act: list(entry["differ"]) for act, entry in data.items()}


def act_kind(folder: Path) -> str:
    """The kind of act a folder holds: «amending» under amendments/, else source.yml's
    ``kind`` (law, code, annexed = a ratification law with the treaty it carries, …), else
    «law» (the targets of the development set).

    >>> act_kind(ROOT / "benchmarks" / "realworld-sample" / "acts" / "3824")
    'code'
    """
    if "amendments" in folder.parts:
        return "amending"
    src = folder / "source.yml"
    if src.is_file():
        kind = (yaml.safe_load(src.read_text(encoding="utf-8")) or {}).get("kind")
        if isinstance(kind, str) and kind not in ("law", "constitutional law"):
            return kind
    return "law"


def acts_under(dirs: list[Path]) -> list[Path]:
    """Folders holding both kk.md and ru.md, sorted."""
    found = set()
    for d in dirs:
        for kk in d.rglob("kk.md"):
            if (kk.parent / "ru.md").is_file():
                found.add(kk.parent)
    return sorted(found)


def run_once(folders: list[Path]) -> dict:
    """Parse every file once; the per-file outcome."""
    out = {}
    for folder in folders:
        row = {}
        for lang in ("kk", "ru"):
            t0 = time.perf_counter()
            try:
                act, warnings = read_tree(folder / f"{lang}.md", lang)
                units = [u for u in act.walk() if u.type != "qstr"]
                row[lang] = {
                    "ok": True,
                    "eids": [u.eid for u in units],
                    "lines": {u.eid: u.line for u in units},
                    "warnings": warnings,
                }
            except (ImportFailure, ParseError) as e:
                row[lang] = {"ok": False, "error": str(e), "warnings": []}
            row[lang]["time"] = time.perf_counter() - t0
        out[folder] = row
    return out


def differing_lines(row: dict) -> list[str]:
    """The eIds only one language has, with the line of each."""
    kk, ru = row["kk"], row["ru"]
    out = []
    for op in difflib.ndiff(kk["eids"], ru["eids"]):
        if op[:1] == "-":
            out.append(f"kk:{kk['lines'][op[2:]]} {op[2:]}")
        elif op[:1] == "+":
            out.append(f"ru:{ru['lines'][op[2:]]} {op[2:]}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--show-diffs", action="store_true")
    args = ap.parse_args(argv)
    dirs = args.dirs or [ROOT.parent / "shared" / "realworld"]
    folders = acts_under(dirs)
    recorded = {
        d.resolve() / act: lines for d in dirs for act, lines in recorded_differences(d).items()
    }
    unsorted = {d.resolve() / act for d in dirs for act in unsorted_differences(d)}
    times = []
    result: dict = {}
    per_file: dict = {}
    for _ in range(max(1, args.runs)):
        t0 = time.perf_counter()
        result = run_once(folders)
        times.append(time.perf_counter() - t0)
        for folder, row in result.items():
            per_file.setdefault(folder, []).append(row["kk"]["time"] + row["ru"]["time"])
    files = ok = 0
    kinds: Counter = Counter()
    by_kind: dict[str, Counter] = {}
    differ: list[tuple[Path, list[str]]] = []
    real_list: list[Path] = []
    print("| act | kind | kk tree | ru tree | kk = ru eIds | warnings | ms (kk+ru, median) |")
    print("|---|---|---|---|---|---|---:|")
    for folder, row in result.items():
        files += 2
        ok += sum(1 for lang in ("kk", "ru") if row[lang]["ok"])
        w = Counter(kind_of(x) for lang in ("kk", "ru") for x in row[lang]["warnings"])
        kinds.update(w)
        kind = act_kind(folder)
        tally = by_kind.setdefault(kind, Counter())
        tally["acts"] += 1
        verdict = "—"
        if row["kk"]["ok"] and row["ru"]["ok"]:
            tally["both"] += 1
            if row["kk"]["eids"] == row["ru"]["eids"]:
                tally["same"] += 1
                verdict = "yes"
            elif (
                recorded.get(folder.resolve()) == differing_lines(row)
                and folder.resolve() not in unsorted
            ):
                tally["real"] += 1
                verdict = "real difference"
                real_list.append(folder)
            else:
                tally["unexplained"] += 1
                verdict = "no (not yet sorted)" if folder.resolve() in unsorted else "no"
                differ.append((folder, differing_lines(row)))
        name = folder.relative_to(folder.parent.parent)
        cells = [
            "yes" if row[lang]["ok"] else f"NO: {row[lang]['error'][:80]}" for lang in ("kk", "ru")
        ]
        wtxt = ", ".join(f"{k} {n}" for k, n in sorted(w.items())) or "0"
        ms = 1000 * statistics.median(per_file[folder])
        print(f"| {name} | {kind} | {cells[0]} | {cells[1]} | {verdict} | {wtxt} | {ms:.1f} |")
    print()
    langs = {lang: sum(1 for r in result.values() if r[lang]["ok"]) for lang in ("kk", "ru")}
    print(
        f"files: {files}, trees: {ok} ({files - ok} failed; kk {langs['kk']}/{len(result)}, "
        f"ru {langs['ru']}/{len(result)})"
    )
    total: Counter = sum(by_kind.values(), Counter())
    for kind, t in sorted(by_kind.items()) + [("all", total)]:
        print(
            f"kk = ru eIds, {kind}: {t['acts']} acts, both trees {t['both']}, identical "
            f"{t['same']}, recorded real differences {t['real']}, unexplained {t['unexplained']}"
        )
    print(f"(recorded as not yet sorted: {len(unsorted)})")
    for folder in real_list:
        print(f"real difference: {folder.relative_to(folder.parent.parent)}")
    print("warnings by kind: " + (", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "0"))
    print(
        f"time of the whole set: median {statistics.median(times):.3f} s over {len(times)} run(s)"
        f" ({', '.join(f'{t:.3f}' for t in times)})"
    )
    for folder, lines in differ:
        shown = lines if args.show_diffs else lines[:6]
        more = "" if len(shown) == len(lines) else f" … ({len(lines)} in all)"
        print(f"differ: {folder.relative_to(folder.parent.parent)}: {'; '.join(shown)}{more}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
