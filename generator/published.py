"""Every file a build publishes, with its SHA-256 (the manifest's ``published`` list).

The list is made from the finished site folder itself, so it holds exactly what a reader
can fetch: pages, open data, downloads, the search index and the theme's assets. Hashes
of files whose size and modification time are unchanged since the last build are taken
from a small record in the build cache (a page not rewritten is not read again: size,
modification and change times and inode all the same); the record is checked against
the file's own state, except in the folders the build names as untouched since it was
written (acts not rebuilt, search shards not re-indexed), which are not even visited.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> (d / "kk").mkdir(); _ = (d / "kk" / "index.html").write_text("<p>Заң</p>", "utf-8")
>>> _ = (d / "manifest.json").write_text("{}", "utf-8")
>>> [(f["path"], f["bytes"]) for f in published_files(d, d / "hashes.json")]
[('kk/index.html', 13)]
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

# Not listed: the manifest itself (it cannot hold its own hash), the release marker
# (generator/releases.py) and the hash record when it lies in the folder listed.
UNLISTED = frozenset({"manifest.json", ".zan-site"})


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _group(rel: str) -> str:
    """The folder a file's record is kept under: its first three path segments (an act's
    folder ``kk/acts/Z1``, a search shard ``pagefind/kk/a03``), '' for a file nearer the top.

    >>> _group("kk/acts/Z1/history/index.html"), _group("kk/index.html")
    ('kk/acts/Z1', '')
    """
    parts = rel.split("/")
    return "/".join(parts[:3]) if len(parts) > 3 else ""


def published_files(
    site: Path, record: Path, unchanged: frozenset[str] = frozenset()
) -> list[dict]:
    """``[{path, sha256, bytes}]`` for every file under ``site`` (paths relative to it,
    ``/``-separated, sorted), the manifest and the release marker excepted; ``record``:
    the cache file of (size, mtime, ctime, inode) → hash kept between builds, by folder
    (`_group`). ``unchanged``: folders (of `_group`'s kind) the build knows it did not touch
    since the record was written (acts not rebuilt, search shards not re-indexed): their
    files are listed from the record without being visited."""
    try:
        known = json.loads(record.read_text(encoding="utf-8"))["groups"]
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        known = {}
    fresh: dict[str, dict[str, list]] = {}
    for dirpath, dirnames, filenames in os.walk(site):
        rel_dir = Path(dirpath).relative_to(site).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        kept = []
        for d in sorted(dirnames):
            r = rel_dir + d
            if r in unchanged and r in known:
                fresh[r] = known[r]  # listed from the record, not visited
            else:
                kept.append(d)
        dirnames[:] = kept
        for name in filenames:
            path = Path(dirpath) / name
            rel = rel_dir + name
            if rel in UNLISTED or path == record:
                continue
            st = path.stat()
            # the file's identity and state: a rewrite (in place or by rename) changes it
            state = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
            group = _group(rel)
            seen = known.get(group, {}).get(rel)
            digest = seen[-1] if seen and seen[:-1] == state else _sha256(path)
            fresh.setdefault(group, {})[rel] = [*state, digest]
    record.parent.mkdir(parents=True, exist_ok=True)
    tmp = record.with_name(record.name + ".tmp")
    tmp.write_text(json.dumps({"groups": fresh}, sort_keys=True), encoding="utf-8")
    tmp.replace(record)
    out = [
        {"path": rel, "sha256": st[-1], "bytes": st[0]}
        for files in fresh.values()
        for rel, st in files.items()
    ]
    return sorted(out, key=lambda f: f["path"])
