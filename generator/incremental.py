"""The build cache: content-hash keys per act, pages written only when their bytes change.

`.zan-cache/` (beside the corpus, not committed) keeps the pages of the last build
(`docs/`), mkdocs' output (`site/`, rebuilt with `--dirty`), the corpus records by folder
signature (`corpus.pickle`, corpus.load_corpus), and `state.json`: per act, the key of its
inputs, the files it produced and its summary. An act whose key is unchanged is not
assembled again; a page whose bytes are unchanged is not rewritten, so mkdocs --dirty
rebuilds only what changed. Two files exist only while a build runs: `state.json.pending`
(the acts being rewritten, forgotten by the next build if this one dies) and `publishing`
(the published site is being brought up to date: the next build compares all of it).

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


def shard_of(act_id: str, shards: int) -> int:
    """The search-index shard of an act (stable across builds)."""
    return int(hashlib.sha1(act_id.encode()).hexdigest()[:8], 16) % shards


def write_if_changed(path: Path, content: str | bytes, atomic: bool = True) -> bool:
    """Write a file only when its bytes differ; True when written.

    ``atomic``: written beside and renamed over, so a reader never sees half a file. The
    build's own Markdown pages need not be (a page cut short by a crash belongs to an act
    the build journal names, and is rewritten by the next build).
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    if not atomic:
        path.write_bytes(data)
        return True
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
        """The stored state, or an empty one when the context (code, day, flags) changed.

        Acts listed in the journal of a build that did not finish are forgotten: their
        pages may be half-written, so they are assembled again.
        """
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            data = {}
        if data.get("context") != context:
            data = {"context": context, "acts": {}, "site_files": []}
        state = cls(path, data)
        try:
            unfinished = json.loads(state.journal.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            unfinished = []
        for act_id in unfinished:
            data["acts"].pop(act_id, None)
        return state

    @property
    def journal(self) -> Path:
        """The acts a running build is rewriting (removed when the build is saved)."""
        return self.path.with_name(self.path.name + ".pending")

    def begin(self, act_ids: list[str]) -> None:
        """Record, before their pages are touched, which acts this build rewrites."""
        write_if_changed(self.journal, json.dumps(sorted(act_ids)))

    def save(self) -> None:
        """Store the state (atomically), then close the journal."""
        write_if_changed(self.path, json.dumps(self.data, ensure_ascii=False, sort_keys=True))
        self.journal.unlink(missing_ok=True)


# Above this many differing files a new copy of the site is swapped in whole (a cold build,
# a new zan); below it the published site is brought up to date file by file.
SWAP_FROM = 2000


def site_changes(
    built: Path, out: Path, unchanged: frozenset[str] = frozenset()
) -> tuple[list[str], list[str]]:
    """What makes ``out`` equal to ``built``: (paths to copy, paths to remove), relative.

    Files are compared by size and modification time (copies keep the time); a folder
    missing from ``out`` is listed once, as a whole. Folders named in ``unchanged`` (known
    to hold the same files as at the last complete publish) are not walked. Nothing is
    read or written.
    """
    copy: list[str] = []
    remove: list[str] = []

    def entries(path: str) -> dict[str, os.DirEntry]:
        try:
            with os.scandir(path) as it:
                return {e.name: e for e in it}
        except FileNotFoundError:
            return {}

    def walk(rel: str) -> None:
        src, dst = entries(os.path.join(built, rel)), entries(os.path.join(out, rel))
        for name in sorted(src):
            e, r = src[name], os.path.join(rel, name)
            if r in unchanged:
                continue
            d = dst.get(name)
            if e.is_dir(follow_symlinks=False):
                if d is not None and d.is_dir(follow_symlinks=False):
                    walk(r)
                else:
                    copy.append(r)  # a new folder, or a file that becomes a folder
                continue
            if d is not None and not d.is_dir(follow_symlinks=False):
                st, dst_st = e.stat(follow_symlinks=False), d.stat(follow_symlinks=False)
                if st.st_size == dst_st.st_size and st.st_mtime_ns == dst_st.st_mtime_ns:
                    continue
            copy.append(r)
        remove.extend(
            r
            for r in (os.path.join(rel, n) for n in sorted(set(dst) - set(src)))
            if r not in unchanged
        )

    walk("")
    return copy, remove


def publish_tree(built: Path, out: Path, unchanged: frozenset[str] = frozenset()) -> int:
    """Make the published site ``out`` equal to ``built``; returns how many paths changed.

    Called only once the whole build has succeeded. A few changed files are copied in
    place, each written beside its target and renamed over it (a reader never sees half a
    page), then what is gone is removed. Many changes (or no site yet): a full copy is made
    beside ``out`` and swapped in with one rename; the replaced copy is removed in the
    background, nothing waits on it. ``unchanged``: folders not to walk (site_changes).
    """
    import subprocess
    import tempfile

    copy, remove = site_changes(built, out, unchanged) if out.exists() else (["."], [])
    if not copy and not remove:
        return 0
    if not out.exists() or len(copy) + len(remove) > SWAP_FROM:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".site-", dir=out.parent))
        try:
            subprocess.run(["cp", "-a", str(built), str(staging / "site")], check=True)
            if out.exists():
                out.rename(staging / "previous")
            (staging / "site").rename(out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        subprocess.Popen(["rm", "-rf", str(staging)], start_new_session=True)
        return len(copy) + len(remove)
    for rel in copy:
        src, dst = built / rel, out / rel
        tmp = dst.with_name(dst.name + ".zan-tmp")
        if src.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(src, tmp)
        else:
            shutil.copy2(src, tmp)
        if (dst.is_dir() and not dst.is_symlink()) or src.is_dir():
            _remove_path(dst)  # os.replace puts a file over a file only
        os.replace(tmp, dst)
    for rel in remove:
        _remove_path(out / rel)
    return len(copy) + len(remove)


def _remove_path(path: Path) -> None:
    """Remove a file or a whole folder, if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
