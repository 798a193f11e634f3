"""Every file a build publishes, with its SHA-256: the manifest's ``published`` lists, in
parts of bounded size (issue 16: at 30 000 acts one list would hold 800 000 files).

The lists are made from the finished site folder itself, so they hold exactly what a
reader can fetch: pages, open data, downloads, the search index and the theme's assets.
A site's files fall in *parts* (`part_of`): an act's folders in both languages and its
search shard in ``aNN`` (NN its shard, `incremental.shard_of`), an amending act's in
``mNN``, everything else (site-wide pages, downloads, assets, the parts themselves) in
the site-wide list of ``manifest.json``. A part the build did not touch (no act of it
rebuilt, its search shard not re-indexed) is not listed again: its file
``manifest/<part>.json`` stays as the last build wrote it.

Hashes of files whose size, modification and change times and inode are unchanged since
the last build are taken from a record in the build cache (one file per part), so a page
not rewritten is not read again; folders the build names as untouched (acts not rebuilt)
are listed from the record without being visited.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> (d / "kk" / "acts" / "Z1").mkdir(parents=True)
>>> _ = (d / "kk" / "acts" / "Z1" / "index.html").write_text("<p>Заң</p>", "utf-8")
>>> _ = (d / "kk" / "index.html").write_text("<p>zan</p>", "utf-8")
>>> _ = (d / "manifest.json").write_text("{}", "utf-8")
>>> records = pathlib.Path(tempfile.mkdtemp())
>>> parts, present = list_parts(d, records, frozenset(), touched=None)
>>> {p: [(f["path"], f["bytes"]) for f in files] for p, files in parts.items()}, present
({'a07': [('kk/acts/Z1/index.html', 13)]}, ['a07'])
>>> [(f["path"], f["bytes"]) for f in list_site_wide(d, records)]
[('kk/index.html', 10)]
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from .incremental import SHARDS, shard_of

LANGS = ("kk", "ru")
PARTS_DIR = "manifest"  # <site>/manifest/<part>.json
# Not listed: the manifest itself (it cannot hold its own hash) and the release marker
# (generator/releases.py).
UNLISTED = frozenset({"manifest.json", ".zan-site"})
SEARCH_SHARD = re.compile(r"[am]\d\d")


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


def part_of(group: str) -> str:
    """The manifest part of a folder of `_group`'s kind: ``aNN`` for an act's folder and
    an act search shard, ``mNN`` for an amending act's, '' (site-wide) for the rest.

    >>> part_of("kk/acts/Z000000107"), part_of("ru/acts/Z000000107"), part_of("pagefind/ru/m03")
    ('a19', 'a19', 'm03')
    >>> part_of("kk/amendments/Z070000262"), part_of("pagefind/kk/m25")
    ('m25', 'm25')
    >>> part_of("kk/catalogue/2020"), part_of("pagefind/kk/site"), part_of("")
    ('', '', '')
    """
    bits = group.split("/")
    if len(bits) != 3:
        return ""
    top, kind, name = bits
    if top in LANGS and kind in ("acts", "amendments"):
        return f"{'a' if kind == 'acts' else 'm'}{shard_of(name, SHARDS):02d}"
    if top == "pagefind" and kind in LANGS and SEARCH_SHARD.fullmatch(name):
        return name
    return ""


def _load(record: Path) -> dict:
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _store(record: Path, data: dict) -> None:
    record.parent.mkdir(parents=True, exist_ok=True)
    tmp = record.with_name(record.name + ".tmp")
    tmp.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    tmp.replace(record)


def _state(path: Path, rel: str, seen: dict) -> list:
    """``[size, mtime, ctime, inode, sha256]``: the hash from ``seen`` where the file's
    identity and state are the same (a rewrite, in place or by rename, changes them)."""
    st = path.stat()
    state = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
    old = seen.get(rel)
    return [*state, old[-1] if old and old[:-1] == state else _sha256(path)]


def _walk(site: Path, folder: Path, seen: dict, skip=lambda rel: False) -> dict[str, list]:
    """Every file under ``folder`` (paths relative to ``site``) with its `_state`;
    sub-folders ``skip`` names are not visited."""
    out: dict[str, list] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        rel_dir = Path(dirpath).relative_to(site).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(d for d in dirnames if not skip(rel_dir + d))
        for name in filenames:
            rel = rel_dir + name
            if rel not in UNLISTED:
                out[rel] = _state(Path(dirpath) / name, rel, seen)
    return out


def _listed(files: dict[str, list]) -> list[dict]:
    return [{"path": r, "sha256": st[-1], "bytes": st[0]} for r, st in sorted(files.items())]


def list_parts(
    site: Path, records: Path, unchanged: frozenset[str], touched: set[str] | None
) -> tuple[dict[str, list[dict]], list[str]]:
    """``({part: [{path, sha256, bytes}]}, every part of the site)``: the files of the parts
    to list again: those in
    ``touched`` (None: every part), and any part with no record or no ``manifest/`` file
    yet. ``unchanged``: folders (of `_group`'s kind) not touched since the record was
    written: listed from it without being visited. A part no longer in the site has its
    record removed; the parts not returned are as the last build listed them."""
    groups: dict[str, list[str]] = {}
    for top, kinds in ((lang, ("acts", "amendments")) for lang in LANGS):
        for kind in kinds:
            base = site / top / kind
            if base.is_dir():
                for entry in os.scandir(base):
                    if entry.is_dir(follow_symlinks=False):
                        group = f"{top}/{kind}/{entry.name}"
                        groups.setdefault(part_of(group), []).append(group)
    for lang in LANGS:
        base = site / "pagefind" / lang
        if base.is_dir():
            for entry in os.scandir(base):
                group = f"pagefind/{lang}/{entry.name}"
                if entry.is_dir(follow_symlinks=False) and part_of(group):
                    groups.setdefault(part_of(group), []).append(group)
    for gone in {p.stem for p in records.glob("[am][0-9][0-9].json")} - set(groups):
        (records / f"{gone}.json").unlink()
    out: dict[str, list[dict]] = {}
    for part in sorted(groups):
        record = records / f"{part}.json"
        if (
            touched is not None
            and part not in touched
            and record.is_file()
            and (site / PARTS_DIR / f"{part}.json").is_file()
        ):
            continue
        known = _load(record)
        fresh: dict[str, dict[str, list]] = {}
        for group in sorted(groups[part]):
            if group in unchanged and group in known:
                fresh[group] = known[group]  # listed from the record, not visited
            else:
                fresh[group] = _walk(site, site / group, known.get(group, {}))
        _store(record, fresh)
        out[part] = _listed({r: st for files in fresh.values() for r, st in files.items()})
    return out, sorted(groups)


def list_site_wide(site: Path, records: Path) -> list[dict]:
    """``[{path, sha256, bytes}]`` for every file in no part (site-wide pages, downloads,
    assets, Pagefind's code, the ``manifest/`` parts), the manifest and the release marker
    excepted; the folders of parts are not visited."""
    record = records / "site.json"
    files = _walk(site, site, _load(record), skip=lambda rel: bool(part_of(rel)))
    _store(record, files)
    return _listed(files)


def read_manifest(site: Path) -> dict:
    """The whole manifest of a built site in one dict, as a reader would assemble it from
    ``manifest.json`` and its parts: ``published`` (every file, sorted by path), ``texts``
    and ``texts_amending`` (sorted by act, each act's entries in their order)."""
    root = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    published, texts, amending = list(root["published"]), [], []
    for part in root["parts"]:
        data = json.loads((site / part["path"]).read_text(encoding="utf-8"))
        published += data["published"]
        texts += data["texts"]
        amending += data["texts_amending"]
    return {
        "generator": root["generator"],
        "published": sorted(published, key=lambda f: f["path"]),
        "texts": sorted(texts, key=lambda t: t["act"]),
        "texts_amending": sorted(amending, key=lambda t: t["act"]),
    }


__all__ = ["list_parts", "list_site_wide", "part_of", "read_manifest", "PARTS_DIR"]
