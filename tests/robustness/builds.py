"""Helpers of the build-integrity and reproducibility cases: whole `zan build` runs on
copies of this repository's corpus, compared by a digest of every published file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from harness import make_repo

from generator.build import build_site, tree_digest

TODAY = dt.date(2026, 11, 21)
# A stored text changed the recorded way (the validator refuses a hand edit of a stored
# text): one editorial correction of the order No. 193 dropped, its text re-imported, so
# «аэроғарыш» goes back to the source's own «аэробарыш». One act changes.
_CORRECTION = """\
          - find: аэробарыш
            replace: аэроғарыш
            line: 71
            kind: spelling
            reason:
              kk: «ғ» орнына «б» басылған; сол бұйрықтың басқа ескертулерінде «аэроғарыш».
              ru: Вместо «ғ» напечатано «б»; в других сносках о том же приказе — «аэроғарыш».
"""
EDIT = ("corpus/V1300008549/act.yml", _CORRECTION, "          # (correction dropped)\n")


def edit(root: Path, change=EDIT) -> None:
    """Apply a (file, old, new) change to the copy at ``root``; a change of an act.yml's
    sources is recorded as `zan reimport` records it (the act's texts re-imported, their
    `text_sha256` updated)."""
    rel, old, new = change
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if rel.endswith("act.yml") and "sources:" in text:
        _reimport(root, path.parent)


def _reimport(root: Path, folder: Path) -> None:
    """Re-import the stored texts of one act folder and record their new SHA-256."""
    import hashlib

    from generator.ingest import regenerate, source_entries

    yml = folder / "act.yml"
    # Every source is read (the importer's lexicon is the whole corpus's); one act is written.
    for out, text in regenerate(root, list(source_entries(root))):
        if not out.is_relative_to(folder) or out.read_text(encoding="utf-8") == text:
            continue
        before = hashlib.sha256(out.read_bytes()).hexdigest()
        out.write_text(text, encoding="utf-8")
        after = hashlib.sha256(out.read_bytes()).hexdigest()
        yml.write_text(yml.read_text(encoding="utf-8").replace(before, after), encoding="utf-8")


def build(root: Path, search: bool = True, examples: bool = False) -> Path:
    """A build in-process into ``root/site``; returns the site."""
    build_site(root, root / "site", today=TODAY, progress=False, search=search, examples=examples)
    return root / "site"


def zan_build(root: Path, kill_at: str | None = None, *extra: str) -> subprocess.Popen:
    """`zan build` as a separate process (a build can be SIGKILLed only from outside of
    pytest), at ``root`` with ``ZAN_TEST_KILL_AT`` = ``kill_at``."""
    env = {k: v for k, v in os.environ.items() if k != "ZAN_TEST_KILL_AT"}
    if kill_at:
        env["ZAN_TEST_KILL_AT"] = kill_at
    cmd = [sys.executable, "-m", "generator.cli", "build", "--today", TODAY.isoformat(), *extra]
    return subprocess.Popen(
        cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def digest(site: Path) -> str | None:
    """The digest of the published site (None: there is none)."""
    return tree_digest(site) if site.exists() else None


def copy_of(template: Path, tmp_path: Path) -> Path:
    """A copy of a built repository (corpus, cache, site link and releases) in ``tmp_path``."""
    root = tmp_path / "repo"
    shutil.copytree(template, root, symlinks=True)
    if not (tmp_path / "shared").exists():
        (tmp_path / "shared").symlink_to(template.parent / "shared", target_is_directory=True)
    return root


def fresh(tmp_path: Path) -> Path:
    """A fresh copy of the repository's corpus (nothing built)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    return make_repo(tmp_path)


def stray(site: Path) -> list[str]:
    """What must never be seen in a published site: half-written files, no release mark."""
    bad = [str(p.relative_to(site)) for p in site.rglob("*") if ".zan-tmp" in p.name]
    if not (site / ".zan-site").is_file():
        bad.append("no .zan-site")
    return bad
