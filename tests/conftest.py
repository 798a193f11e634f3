"""Shared fixtures: where the real source texts are."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# ../shared/sources beside the repository (DESIGN.md): the real official texts.
SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture(scope="session")
def sources() -> Path:
    """The directory of real source texts."""
    if not SOURCES.is_dir():
        pytest.fail(f"real source texts not found at {SOURCES}")
    return SOURCES


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A fresh copy of the repository's corpus to mutate (tests/robustness/harness.py)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "robustness"))
    from harness import make_repo

    return make_repo(tmp_path)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, shared by every browser test module (one
    Playwright per process: its sync API cannot run twice at once)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


# the head rows of `zan grammar-report`'s two tables, as a held-out round's record quotes them
SUMMARY_HEAD = [
    "| language | instructions | read | not read | read % | acts fully read | operations | no change in this language | provisions (no amendment) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
]
PER_ACT_HEAD = [
    "| act | kk read | kk not read | ru read | ru not read | kk ops | ru ops | kk↔ru disagreements | real differences | not judged (not read) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
]


def unread_of(sample: Path, acts: tuple[str, ...]) -> tuple[dict, dict]:
    """Per (act, language) of a held-out round: its instructions not read, as sorted (line,
    reason) pairs, and its records of no change in this language, as (line, target, the
    language changed) — the two lists each round's record pins."""
    from generator.formulas.source import read_file

    unread, no_change = {}, {}
    for act in acts:
        for lang in ("kk", "ru"):
            res = read_file(str(sample / act / f"{lang}.md"), lang)[0]
            bad = sorted((r.line, r.reason) for r in res.readings if r.reason)
            if bad:
                unread[(act, lang)] = bad
            kept = [(x.line, x.target, x.lang_only) for x in res.amender.not_for_this_language]
            if kept:
                no_change[(act, lang)] = kept
    return unread, no_change


def grammar_report_of(sample: Path, acts: tuple[str, ...], tmp_path: Path, today: str) -> list[str]:
    """`zan grammar-report` over some acts of a sample alone (copied, so that the report
    sees only them), as lines; a held-out round's tests (test_fresh_round*.py) read it."""
    import shutil

    from click.testing import CliRunner

    from generator.cli import main

    folder = tmp_path / "amendments"
    for act in acts:
        shutil.copytree(sample / act, folder / act)
    res = CliRunner().invoke(main, ["grammar-report", str(folder), "--today", today])
    assert res.exit_code == 0, res.output
    return res.stdout.splitlines()


def report_per_act(lines: list[str]) -> list[str]:
    """The rows of a grammar report's «## Per act» section."""
    start = lines.index("## Per act")
    end = next(k for k in range(start + 1, len(lines)) if lines[k].startswith("## "))
    return [ln for ln in lines[start + 1 : end] if ln]


def rows_after(before: list[str], changed: dict[str, str]) -> list[str]:
    """A held-out round's before-tuning report rows with those tuning moved, each found by its
    first cell (a table row's act or language, a line's text before «:»)."""
    key = {
        ln: ln.split(" | ")[0].lstrip("| ") if ln[:1] == "|" else ln.split(":")[0] for ln in before
    }
    return [changed.get(key[ln], ln) for ln in before]


def assert_recorded(report: str, ends_at: str, rows: list[str]) -> None:
    """Each of ``rows`` (a grammar report's lines) stands in a held-out round's report
    (benchmarks/realworld-sample/``report``) before its heading ``ends_at``: the record as
    measured before tuning, where the report's title is a sub-heading («### Grammar report»)."""
    doc = (REPO / "benchmarks" / "realworld-sample" / report).read_text("utf-8")
    before = doc.split(ends_at)[0].splitlines()
    for line in rows:
        assert line.replace("# Grammar", "### Grammar") in before, line


# The amending acts of the real-world sample, where the held-out rounds are stored.
SAMPLE_AMENDMENTS = REPO / "benchmarks" / "realworld-sample" / "amendments"


def report_head(acts: int, kk: str, ru: str, agreement: str) -> list[str]:
    """The first lines of a grammar report over ``acts`` acts, as a round records them: its
    title, the table's head, the kk and ru rows and the kk↔ru agreement line."""
    return [f"# Grammar report: {acts} amending act(s)", "", *SUMMARY_HEAD, kk, ru, "", agreement]


def round_record(
    report: str,
    acts: tuple[str, ...],
    before: tuple[list[str], list[str]],
    after: tuple[dict[str, str], dict[str, str]],
    tmp_path: Path,
) -> None:
    """A held-out round's two pins: the record before tuning stands in its report
    (benchmarks/realworld-sample/``report``, before «## Read by hand»), and `zan grammar-report`
    over its acts now gives that record with the rows tuning moved (``after``: summary rows
    and per-act rows, by their first cell)."""
    summary, per_act = before
    assert_recorded(report, "## Read by hand", summary[2:] + per_act)
    lines = grammar_report_of(SAMPLE_AMENDMENTS, acts, tmp_path, "2026-12-03")
    assert lines[:8] == rows_after(summary, after[0])
    assert report_per_act(lines) == rows_after(per_act, after[1])
