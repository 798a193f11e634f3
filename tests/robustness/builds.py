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
# A stored text edited (a doubled space in point 4 of the order No. 193): one act changes.
EDIT = ("corpus/V1300008549/V2020-19-NK/kk.md", "4. Осы бұйрық", "4. Осы  бұйрық")


def edit(root: Path, change=EDIT) -> None:
    """Apply a (file, old, new) change to the copy at ``root``."""
    rel, old, new = change
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


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
