"""Every file a build publishes, with its SHA-256 (the manifest's ``published`` list).

The list is made from the finished site folder itself, so it holds exactly what a reader
can fetch: pages, open data, downloads, the search index and the theme's assets. Hashes
of files whose size and modification time are unchanged since the last build are taken
from a small record in the build cache (a page not rewritten is not read again: size,
modification and change times and inode all the same); the
record is only a shortcut, checked against the file's own state, never trusted alone.

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
# (generator/incremental.py) and the hash record when it lies in the folder listed.
UNLISTED = frozenset({"manifest.json", ".zan-site"})


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def published_files(site: Path, record: Path) -> list[dict]:
    """``[{path, sha256, bytes}]`` for every file under ``site`` (paths relative to it,
    ``/``-separated, sorted), the manifest and the release marker excepted; ``record``:
    the cache file of (size, mtime, ctime, inode) → hash kept between builds."""
    try:
        known = json.loads(record.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        known = {}
    fresh: dict[str, list] = {}
    out = []
    for dirpath, dirnames, filenames in os.walk(site):
        dirnames.sort()
        for name in filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(site).as_posix()
            if rel in UNLISTED or path == record:
                continue
            st = path.stat()
            # the file's identity and state: a rewrite (in place or by rename) changes it
            state = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
            seen = known.get(rel)
            digest = seen[-1] if seen and seen[:-1] == state else _sha256(path)
            fresh[rel] = [*state, digest]
            out.append({"path": rel, "sha256": digest, "bytes": st.st_size})
    record.parent.mkdir(parents=True, exist_ok=True)
    tmp = record.with_name(record.name + ".tmp")
    tmp.write_text(json.dumps(fresh, sort_keys=True), encoding="utf-8")
    tmp.replace(record)
    return sorted(out, key=lambda f: f["path"])
