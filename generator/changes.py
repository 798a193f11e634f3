"""Which corpus folders changed since the last complete build, from git.

Where the repository is a git work tree, git already knows what changed: the commits since
the last build (``git diff``) and what is edited, added or ignored but not committed
(``git status``). A folder neither names is as the last complete build saw it: the
validator and the loader take its records from their caches without listing its files
(otherwise every folder's file names, sizes and times are compared: the fallback where
there is no git, no record, or git fails).

The record (``.zan-cache/changes.json``: the commit last built and the folders still to
check) is rewritten before any cache is touched, with every folder this build will check
added, and only once the build is complete with the folders dirty then: a build that fails
or is killed leaves its folders to be checked by the next one, however they change back.

>>> folder_of("corpus/Z1300000088/Z2200000141/kk.md"), folder_of("examples/drafts/EX1/act.yml")
('corpus/Z1300000088', 'examples/drafts/EX1')
>>> folder_of("corpus/README.md") is None, folder_of("docs/x.md") is None
(True, True)
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

TOPS = ("corpus", "amendments", "drafts", "examples/drafts")


def folder_of(path: str) -> str | None:
    """The corpus folder (``top/NAME``) a repository path lies in, or None."""
    for top in sorted(TOPS, key=len, reverse=True):
        if path.startswith(top + "/"):
            name, sep, _rest = path[len(top) + 1 :].partition("/")
            return f"{top}/{name}" if sep and name else None
    return None


def _git(root: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


class Changes:
    """The folders a build may take from its caches unchecked (``unchanged``: None when
    every folder must be checked), and the record kept for the next build."""

    def __init__(self, root: Path, record: Path | None):
        self.root, self.record = root, record
        self.where = str(root.resolve())  # the repository the record speaks of
        self.unchanged: frozenset[str] | None = None
        self.head: str | None = None
        self.dirty: set[str] = set()
        self.pending: set[str] | None = None  # the folders to check (None: every folder)
        self._scan()

    def _scan(self) -> None:
        if self.record is None or not self.root.is_dir():
            return
        head = _git(self.root, "rev-parse", "--verify", "HEAD")
        prefix = _git(self.root, "rev-parse", "--show-prefix")
        if head is None or prefix is None:
            return  # not a git work tree (or no commit yet): signatures decide
        self.head, prefix = head.strip(), prefix.strip()
        status = _git(
            self.root,
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            # «traditional» with every untracked file: an ignored folder is listed file by
            # file. With «matching» git names only the ignored folder itself ("!! w/"), so
            # a corpus inside a folder an enclosing repository ignores, or an ignored
            # `corpus/`, would have its edits never seen.
            "--ignored=traditional",
            "--no-renames",
            "--",
            *TOPS,
        )
        if status is None:
            self.head = None
            return
        for entry in status.split("\0"):
            path = entry[3:]  # "XY path" (paths from the top of the work tree)
            if len(entry) > 3 and path.startswith(prefix):
                folder = folder_of(path[len(prefix) :])
                if folder:
                    self.dirty.add(folder)
        try:
            last = json.loads(self.record.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            last = None
        if not isinstance(last, dict) or last.get("root") != self.where:
            self._write(last_head=None, pending=None)
            return
        pending = set(last.get("pending") or [])
        if last.get("head") != self.head:
            diff = _git(
                self.root,
                "diff",
                "--name-only",
                "-z",
                "--no-renames",
                "--relative",
                str(last.get("head")),
                self.head,
                "--",
                *TOPS,
            )
            if diff is None:  # the commit last built is gone (rebased away): check all
                self._write(last_head=None, pending=None)
                return
            pending |= {f for f in map(folder_of, diff.split("\0")) if f}
        pending |= self.dirty
        self.pending = pending
        self._write(last_head=last.get("head"), pending=pending)
        listed = set()
        for top in TOPS:
            base = self.root / top
            if base.is_dir() and not base.is_symlink():
                listed |= {f"{top}/{p.name}" for p in base.iterdir()}
        self.unchanged = frozenset(listed - pending)

    def _write(self, last_head: str | None, pending: set[str] | None) -> None:
        """The record as this build starts: nothing it checks is forgotten if it fails."""
        data = {"root": self.where, "head": last_head, "pending": sorted(pending or [])}
        if last_head is None:
            data = {"root": self.where, "head": None, "pending": []}
        self._store(data)

    def _store(self, data: dict) -> None:
        self.record.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.record.with_name(self.record.name + ".zan-tmp")
        tmp.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        tmp.replace(self.record)

    @property
    def nothing_changed(self) -> bool:
        """Git says no corpus folder changed since the last complete build (no commit
        touching one, nothing edited, added or removed but not committed)."""
        return self.unchanged is not None and not self.pending

    def complete(self) -> None:
        """The build is complete: the next one checks only what changes from here."""
        if self.head is not None and self.record is not None:
            data = {"root": self.where, "head": self.head, "pending": sorted(self.dirty)}
            self._store(data)


__all__ = ["Changes", "folder_of", "TOPS"]
