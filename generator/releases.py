"""The published site: releases switched in one rename, each publish proportional to what
changed (issue 16).

The site ``<out>`` is a symbolic link to one complete release, ``<out>.zan-releases/<NNNNNN>/``
(each holds the marker file ``.zan-site``), a plain folder of files: any static server or
``cp -r``/``rsync -a`` of ``<out>/`` serves or copies it as it is. A reader gets every page
from one build: a new release is made complete beside the current one, then ``<out>`` is
switched in one ``os.replace`` of a link, then the releases before the last
KEEP_RELEASES are retired.

What makes a publish cost what changed rather than what the site holds (800 000 files at
30 000 acts):

- **Folders as units.** A folder UNIT_DEPTH deep (``kk/acts/<ID>``, ``ru/amendments/<ID>``,
  ``pagefind/kk/a03``: one act in one language, one search shard; published._group's folders)
  is compared, copied and linked as one piece. Its *signature* (``unit_signature``) hashes
  every file's path, size and modification time (a copy keeps the time, a hard link shares
  it). Each release records its units' signatures in ``<NNNNNN>.json`` beside it. A folder
  the build names ``unchanged`` (an act not rebuilt, a search shard not re-indexed) takes
  the current release's signature without being visited; any other is stat-ed. Files and
  folders above that depth (the site-wide pages, downloads, the manifest) are compared by
  size and time one by one.
- **Trees recycled, not made anew.** A release no longer kept is not deleted but retired
  (its marker removed): a *spare* tree whose record says exactly what it holds. The next
  publish renames the newest spare to the new release's name and changes in it only the
  units and files that differ from the new build: a unit is replaced whole (its files
  hard-linked from the current release when it is the same there, copied from the build
  otherwise), a file by one written beside it and renamed over it. No file of a kept
  release is ever written in place (they share inodes with the spare): only the spare's own
  directory entries change. There are KEEP_RELEASES releases and one spare (TREES trees);
  where spares are missing (the first publish, after a kill, a site of an older zan) they
  are made by hard-linking the current release, once.

A publish killed at any point leaves the current release untouched and a tree without
marker and record, which the next publish removes (prune_releases). ``kill``: the test
hook (generator/killpoint.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

RELEASES = ".zan-releases"  # <out>.zan-releases/: the releases of the site <out> links to
SITE_MARK = ".zan-site"  # in every release: what makes a folder recognisable as a zan site
KEEP_RELEASES = 2  # the current release and the one before (a reader may still be in it)
TREES = KEEP_RELEASES + 1  # the kept releases and the spare the next publish refills
UNIT_DEPTH = 3  # kk/acts/<ID>, pagefind/kk/a03: a folder this deep is published as one piece


def releases_of(out: Path) -> Path:
    """The folder of the releases of the site ``out``.

    >>> releases_of(Path("site"))
    PosixPath('site.zan-releases')
    """
    return out.with_name(out.name + RELEASES)


def current_release(out: Path) -> Path | None:
    """The release the site ``out`` links to; None when there is none (no site yet, or
    an older zan site: a plain folder).

    >>> current_release(Path("no-such-site")) is None
    True
    """
    if not out.is_symlink():
        return None
    target = Path(os.readlink(out))
    releases = releases_of(out)
    if target.parent != Path(releases.name) or not (releases / target.name).is_dir():
        return None
    return releases / target.name


def is_zan_site(out: Path) -> bool:
    """Whether ``out`` may be published to: nothing there yet, a link to a release of
    ``<out>.zan-releases/`` (a folder with ``.zan-site``), an empty folder, or the plain
    folder of an older zan site (``manifest.json`` says ``"generator":"zan"``). What the
    `--out` guard accepts.

    >>> is_zan_site(Path("no-such-folder-here"))
    True
    """
    if out.is_symlink():
        return current_release(out) is not None and (current_release(out) / SITE_MARK).is_file()
    if not out.exists():
        return True
    if not out.is_dir():
        return False
    if (out / SITE_MARK).is_file() or not any(out.iterdir()):
        return True
    try:
        head = (out / "manifest.json").read_text(encoding="utf-8")[:40]
    except (OSError, UnicodeDecodeError):
        return False
    return head.startswith('{"generator":"zan"')


def unit_signature(folder: Path) -> str:
    """The state of a published folder: every file's relative path, size and modification
    time (copies keep the time, hard links share it), hashed; every sub-folder counts.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "index.html").write_text("zan"); os.utime(d / "index.html", ns=(0, 0))
    >>> unit_signature(d)
    '0cc60ab678baad1821302d25e214baff'
    >>> os.utime(d / "index.html", ns=(0, 1)); unit_signature(d)  # touched: another state
    '6f9792edff37a415dadfbd70f2621119'
    >>> shutil.rmtree(d)
    """
    h = hashlib.sha256()

    def walk(path: str, rel: str) -> None:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            r = f"{rel}/{e.name}" if rel else e.name
            if e.is_dir(follow_symlinks=False):
                h.update(f"d {r}\n".encode())
                walk(e.path, r)
            else:
                st = e.stat(follow_symlinks=False)
                h.update(f"f {r} {st.st_size} {st.st_mtime_ns}\n".encode())

    walk(str(folder), "")
    return h.hexdigest()[:32]


@dataclass
class _Layout:
    """A site tree down to UNIT_DEPTH: its files there (path → size, modification time),
    the folders above that depth and the folders at it (the units). ``.zan-site`` is the
    release's own, never the build's: left out."""

    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    dirs: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, root: Path | None) -> _Layout:
        """The layout of ``root`` (empty for None or a missing folder)."""
        lay = cls()

        def walk(rel: str, depth: int) -> None:
            try:
                it = os.scandir(os.path.join(root, rel))
            except (FileNotFoundError, NotADirectoryError):
                return
            with it:
                for e in it:
                    r = f"{rel}/{e.name}" if rel else e.name
                    if e.is_dir(follow_symlinks=False):
                        if depth == UNIT_DEPTH:
                            lay.units.add(r)
                        else:
                            lay.dirs.add(r)
                            walk(r, depth + 1)
                    elif r != SITE_MARK:
                        st = e.stat(follow_symlinks=False)
                        lay.files[r] = (st.st_size, st.st_mtime_ns)

        if root is not None:
            walk("", 1)
        return lay


def _record(releases: Path, name: str) -> Path:
    """The record of the tree ``name``: its units' signatures (``<NNNNNN>.json``)."""
    return releases / f"{name}.json"


def _read_record(path: Path) -> dict[str, str] | None:
    try:
        units = json.loads(path.read_text(encoding="utf-8"))["units"]
    except (FileNotFoundError, NotADirectoryError, ValueError, KeyError, TypeError):
        return None
    return units if isinstance(units, dict) else None


def _write_record(path: Path, units: dict[str, str]) -> None:
    tmp = path.with_name(path.name + ".zan-tmp")
    tmp.write_text(json.dumps({"units": units}, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def _release_ids(releases: Path) -> list[int]:
    try:
        names = os.listdir(releases)
    except FileNotFoundError:
        return []
    return sorted(int(n) for n in names if n.isdigit())


def _spares(releases: Path, current: Path | None) -> list[int]:
    """The spare trees (oldest first): numbered folders other than the current release with
    a record and without the marker."""
    return [
        i
        for i in _release_ids(releases)
        if (current is None or f"{i:06d}" != current.name)
        and not (releases / f"{i:06d}" / SITE_MARK).exists()
        and _record(releases, f"{i:06d}").is_file()
    ]


def publish_release(
    built: Path, out: Path, unchanged: frozenset[str] = frozenset(), kill=lambda _: None
) -> str | None:
    """Publish the complete build ``built`` as a new release and switch ``out`` to it.

    Returns the new release's name, or None when ``out`` already shows exactly ``built``.
    Called only once the whole build has succeeded. ``unchanged`` names units (folders
    UNIT_DEPTH deep) known to hold the same files as in the current release: they are not
    visited. The new release is the newest spare tree renamed, brought to the build's state
    (or, without a spare, a new tree: files hard-linked from the current release where they
    are the same, copied otherwise); then ``.zan-site`` is written, ``out`` is switched with
    one ``os.replace`` of a symbolic link, and prune_releases retires the releases before the
    last KEEP_RELEASES. ``out`` as a plain folder (an older zan site) becomes a release
    itself, once. ``kill``: the test hook (generator.killpoint).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> (d / "built").mkdir(); _ = (d / "built" / "index.html").write_text("zan")
    >>> publish_release(d / "built", d / "site"), os.readlink(d / "site")
    ('000001', 'site.zan-releases/000001')
    >>> publish_release(d / "built", d / "site") is None  # nothing changed
    True
    >>> shutil.rmtree(d)
    """
    releases = releases_of(out)
    prev = current_release(out)
    plain = prev is None and out.is_dir() and not out.is_symlink()
    base = prev if prev is not None else (out if plain else None)
    want, have = _Layout.of(built), _Layout.of(base)
    base_units = (_read_record(_record(releases, prev.name)) if prev is not None else None) or {}
    # A unit the build vouches for keeps the current release's signature unseen; any other
    # is looked at, in the build and in the release (a record never stands for the files).
    vouched = frozenset(u for u in unchanged if u in base_units)
    units = {
        u: base_units[u] if u in vouched else unit_signature(built / u) for u in sorted(want.units)
    }
    seen: dict[str, str | None] = {}

    def base_signature(u: str) -> str | None:
        """The state of ``u`` in the current release (None: not there)."""
        if u in vouched:
            return base_units[u]
        if u not in seen:
            seen[u] = unit_signature(base / u) if u in have.units else None
        return seen[u]

    if (
        prev is not None
        and (prev / SITE_MARK).exists()
        and want.units == have.units
        and all(base_signature(u) == sig for u, sig in units.items())
        and (want.files, want.dirs) == (have.files, have.dirs)
    ):
        return None
    releases.mkdir(parents=True, exist_ok=True)
    ids = _release_ids(releases)
    last = (ids[-1] if ids else 0) + (1 if plain else 0)  # the older site takes an id first
    name = f"{last + 1:06d}"
    new = releases / name
    remove_path(new)  # never expected: ids only grow
    spare = _spares(releases, prev)[-1:]
    tree_units = _read_record(_record(releases, f"{spare[0]:06d}")) if spare else None
    if spare and tree_units is not None:
        os.rename(releases / f"{spare[0]:06d}", new)
        _record(releases, f"{spare[0]:06d}").unlink()  # the tree is being changed
    else:
        new.mkdir()
        tree_units = {}

    _refill(built, new, want, units, tree_units, vouched, base, have, base_signature, kill)
    _write_record(_record(releases, name), units)
    (new / SITE_MARK).write_text("zan site\n", encoding="utf-8")
    kill("publish-switch")
    switch = releases / ".switch"
    remove_path(switch)
    os.symlink(os.path.join(releases.name, name), switch)
    if plain:
        # The older site becomes the release before this one; the link takes its place in
        # one exchange where the system has it (Linux renameat2), else in two renames.
        old = releases / f"{last:06d}"
        if not _exchange(switch, out):
            os.rename(out, old)
            os.replace(switch, out)
        else:
            os.rename(switch, old)
        (old / SITE_MARK).write_text("zan site\n", encoding="utf-8")
    else:
        os.replace(switch, out)
    kill("publish-prune")
    prune_releases(out)
    return name


def _refill(
    built: Path,
    tree: Path,
    want: _Layout,
    units: dict[str, str],
    tree_units: dict[str, str],
    vouched: frozenset[str],
    base: Path | None,
    base_layout: _Layout,
    base_signature,
    kill,
) -> None:
    """Make ``tree`` (a spare holding ``tree_units``, or an empty folder) hold what
    ``built`` holds: what the build lacks removed, then each file and unit that differs
    put in, hard-linked from ``base`` (the current release) where it is the same there,
    copied from ``built`` otherwise. A unit of the spare is kept by its record where the
    build vouches for it, by its files' own state otherwise."""
    held = _Layout.of(tree)
    # A path that changes kind (file, folder, unit) is in one set and not the other: removed.
    gone = (held.units - want.units) | (held.files.keys() - want.files.keys())
    for rel in sorted(gone | (held.dirs - want.dirs)):
        remove_path(tree / rel)
    for rel in sorted(want.dirs):
        os.makedirs(tree / rel, exist_ok=True)
    for rel, st in sorted(want.files.items()):
        if held.files.get(rel) == st:
            continue
        same = base is not None and base_layout.files.get(rel) == st
        tmp = tree / (rel + ".zan-tmp")
        remove_path(tmp)
        if not (same and _link(base / rel, tmp)):
            shutil.copy2(built / rel, tmp)
            kill("publish-copy")
        os.replace(tmp, tree / rel)
    for u, sig in sorted(units.items()):
        if (
            u in held.units
            and tree_units.get(u) == sig
            and (u in vouched or unit_signature(tree / u) == sig)
        ):
            continue
        remove_path(tree / u)
        _copy_unit(built / u, base / u if base_signature(u) == sig else None, tree / u, kill)


def _link(src: Path, dst: Path) -> bool:
    """Hard-link ``src`` as ``dst``; False where it cannot."""
    try:
        os.link(src, dst)
    except OSError:
        return False
    return True


def _copy_unit(src: Path, same: Path | None, dst: Path, kill) -> None:
    """Put the folder ``src`` at ``dst``: each file hard-linked from ``same`` (a folder with
    the same files) where given and possible, copied otherwise."""

    def walk(rel: str) -> None:
        os.makedirs(os.path.join(dst, rel), exist_ok=True)
        with os.scandir(os.path.join(src, rel)) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            r = os.path.join(rel, e.name)
            if e.is_dir(follow_symlinks=False):
                walk(r)
                continue
            if same is not None:
                try:
                    os.link(os.path.join(same, r), os.path.join(dst, r))
                    continue
                except OSError:
                    pass  # not there after all, or no hard links here: copy it
            shutil.copy2(e.path, os.path.join(dst, r))
            kill("publish-copy")

    walk("")


def _link_tree(src: Path, dst: Path) -> None:
    """Make ``dst`` a tree of hard links to the files of ``src`` (its marker left out)."""
    for dirpath, dirnames, filenames in os.walk(src):
        rel = os.path.relpath(dirpath, src)
        os.makedirs(os.path.join(dst, rel), exist_ok=True)
        dirnames.sort()
        for name in sorted(filenames):
            if rel == "." and name == SITE_MARK:
                continue
            s, d = os.path.join(dirpath, name), os.path.join(dst, rel, name)
            try:
                os.link(s, d)
            except OSError:
                shutil.copy2(s, d)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where the
    system cannot."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def prune_releases(out: Path, keep: int = KEEP_RELEASES) -> list[str]:
    """Keep the current release and the ``keep - 1`` complete ones before it; retire the
    older ones with a record into spare trees (their marker removed), keep the newest
    ``keep + 1`` minus the kept releases' count of spares, make the missing ones by
    hard-linking the current release, and remove everything else (what an interrupted
    publish left); returns the names removed.

    >>> prune_releases(Path("no-such-site"))  # no site: nothing is touched
    []
    """
    releases = releases_of(out)
    cur = current_release(out)
    if cur is None:
        return []
    ids = _release_ids(releases)
    older = [i for i in ids if i < int(cur.name) and (releases / f"{i:06d}" / SITE_MARK).exists()]
    kept = [*(older[len(older) - (keep - 1) :] if keep > 1 else []), int(cur.name)]
    for i in older:
        if i not in kept and _record(releases, f"{i:06d}").is_file():
            (releases / f"{i:06d}" / SITE_MARK).unlink()  # retired: never served again
    wanted = keep + 1 - len(kept)
    spares = _spares(releases, cur)
    spares = spares[len(spares) - wanted :] if wanted > 0 else []
    names = {f"{i:06d}" for i in [*kept, *spares]}
    keep_names = names | {f"{n}.json" for n in names}
    removed = []
    for n in sorted(os.listdir(releases)):
        if n not in keep_names:
            remove_path(releases / n)
            removed.append(n)
    units = _read_record(_record(releases, cur.name)) if len(spares) < wanted else None
    while units is not None and len(spares) < wanted:
        i = max([*ids, *spares]) + 1
        _link_tree(cur, releases / f"{i:06d}")
        _write_record(_record(releases, f"{i:06d}"), units)
        spares.append(i)
        ids.append(i)
    return removed


def remove_path(path: Path) -> None:
    """Remove a file, a link or a whole folder, if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
