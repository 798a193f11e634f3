"""The build cache: content-hash keys per act, pages written only when their bytes change.

`.zan-cache/` (beside the corpus, not committed) keeps the pages of the last build
(`docs/`), mkdocs' output (`site/`, rebuilt with `--dirty`), and `state.json`: per act, the
key of its inputs, the files it produced and its summary. An act whose key is unchanged is
not assembled again; a page whose bytes are unchanged is not rewritten, so mkdocs --dirty
rebuilds only what changed.

>>> shard_of("Z1300000088", 16), shard_of("Z000000107", 16)
(0, 3)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

GENERATOR = Path(__file__).parent
STATE_VERSION = 1


@cache
def code_hash() -> str:
    """Hash of the generator's own files: a new zan rebuilds everything."""
    h = hashlib.sha256()
    for p in sorted(GENERATOR.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".yml", ".html", ".css", ".js"):
            h.update(str(p.relative_to(GENERATOR)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def folder_signature(folder: Path) -> str:
    """Names, sizes and modification times of a folder's files (no file is read).

    A file rewritten with the same bytes changes the signature: the act is assembled again
    and its pages come out the same, so nothing wrong is published.
    """
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(folder)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def shard_of(act_id: str, shards: int) -> int:
    """The search-index shard of an act (stable across builds)."""
    return int(hashlib.sha1(act_id.encode()).hexdigest()[:8], 16) % shards


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write a file only when its bytes differ; True when written."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".zan-tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


@dataclass
class State:
    """What the last build produced, per act."""

    path: Path
    data: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, context: dict) -> State:
        """The stored state, or an empty one when the context (code, day, flags) changed."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            data = {}
        if data.get("context") != context:
            data = {"context": context, "acts": {}, "site_files": []}
        return cls(path, data)

    def save(self) -> None:
        """Store the state (atomically)."""
        write_if_changed(self.path, json.dumps(self.data, ensure_ascii=False, sort_keys=True))


def publish_tree(built: Path, previous: Path, staging: Path) -> bool:
    """Make ``staging`` a copy of ``built``, sharing unchanged files with ``previous``.

    ``staging`` starts as a hard-linked copy of the published site (``cp -al``); a file whose
    size or modification time differs is replaced by a fresh copy (a new inode, so the
    published site is never modified) and what ``built`` no longer has is removed. Returns
    whether anything differs from ``previous``.
    """
    import subprocess

    if previous.exists():
        subprocess.run(["cp", "-al", str(previous), str(staging)], check=True)
    else:
        staging.mkdir(parents=True)
    changed = not previous.exists()
    seen: set[str] = set()

    def walk(src: Path, rel: str) -> None:
        nonlocal changed
        with os.scandir(src) as entries:
            for e in entries:
                r = f"{rel}{e.name}"
                seen.add(r)
                dst = staging / r
                if e.is_dir(follow_symlinks=False):
                    if not dst.is_dir():
                        if dst.exists():
                            dst.unlink()
                        dst.mkdir()
                        changed = True
                    walk(Path(e.path), r + "/")
                    continue
                st = e.stat(follow_symlinks=False)
                try:
                    dst_st = dst.stat()
                    if dst_st.st_size == st.st_size and dst_st.st_mtime_ns == st.st_mtime_ns:
                        continue
                    dst.unlink()
                except FileNotFoundError:
                    pass
                shutil.copy2(e.path, dst)
                changed = True

    def prune(dst: Path, rel: str) -> None:
        nonlocal changed
        with os.scandir(dst) as entries:
            for e in entries:
                r = f"{rel}{e.name}"
                if r not in seen:
                    changed = True
                    if e.is_dir(follow_symlinks=False):
                        shutil.rmtree(e.path)
                    else:
                        os.unlink(e.path)
                elif e.is_dir(follow_symlinks=False):
                    prune(Path(e.path), r + "/")

    walk(built, "")
    prune(staging, "")
    return changed
