"""Harness of the robustness suite (issue 11): bad inputs made by mutating real files of
this repository's corpus (never new legal prose), each with the exact outcome it must have.

A case runs `zan` in-process (click's runner) on a copy of the repository in a temporary
folder, with `../shared` beside it as in a checkout. `run()` never lets a Python traceback
pass: an exception other than `SystemExit` fails the case as «traceback».

Each test module is one category (`test_<category>.py`); `CATEGORY` in it names the
category for the counts the closing note gives (`pytest --collect-only -q tests/robustness`).
"""

from __future__ import annotations

import os
import re
import shutil
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
TOPS = ("corpus", "amendments", "drafts", "examples")


@dataclass
class Outcome:
    """What one `zan` run did."""

    exit_code: int
    stdout: str
    stderr: str
    traceback: str | None  # set when the run ended in an exception that is not SystemExit

    def error_lines(self) -> list[str]:
        """stderr's lines."""
        return self.stderr.splitlines()


def make_repo(tmp_path: Path) -> Path:
    """A copy of the repository's corpus in ``tmp_path/repo``, ``tmp_path/shared`` beside it
    (a link to the real ../shared, read-only by convention: cases never write there)."""
    root = tmp_path / "repo"
    root.mkdir()
    for top in TOPS:
        if (REPO / top).is_dir():
            shutil.copytree(REPO / top, root / top)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    return root


@contextmanager
def _cwd(path: Path):
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run(root: Path, *args: str) -> Outcome:
    """Run `zan ARGS…` with the working directory at ``root``."""
    from generator.cli import main

    runner = CliRunner()
    with _cwd(root):
        result = runner.invoke(main, list(args), catch_exceptions=True)
    tb = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        tb = "".join(traceback.format_exception(result.exception))
    return Outcome(result.exit_code, result.stdout, result.stderr, tb)


def assert_error(out: Outcome, file: str, line: int | None = None, *names: str) -> str:
    """The run failed with a clear error: no traceback, exit ≠ 0, and one stderr line that
    names ``file`` (a path relative to the repo, or its end), ``line`` when given, and every
    one of ``names`` (unit eIds or field names). Returns that line."""
    assert out.traceback is None, f"traceback:\n{out.traceback}"
    assert out.exit_code != 0, f"exit 0; stderr:\n{out.stderr}"
    where = re.escape(file) + (rf":{line}:" if line is not None else r"(:\d+)?:")
    for text in out.error_lines():
        if re.search(where, text) and all(n in text for n in names):
            return text
    raise AssertionError(
        f"no stderr line names {file}:{line if line is not None else '*'} and {names}:\n"
        + out.stderr
    )


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line of ``path`` containing ``needle``."""
    for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in text:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def mutate(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a file (``old`` must be there ``count`` times or more)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
