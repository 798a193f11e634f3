"""The build cache and the published releases.

`.zan-cache/` (beside the corpus, not committed) keeps the pages of the last build
(`docs/`), mkdocs' output (`site/`, rebuilt with `--dirty`), the corpus records by folder
signature (`corpus.pickle`, corpus.load_corpus), and `state.json` with `state/<NN>.json`:
per act, the key of its inputs, the files it produced and its summary, in parts by ID. An act whose key is unchanged is not
assembled again; a page whose bytes are unchanged is not rewritten, so mkdocs --dirty
rebuilds only what changed. `state.json` is written last, once everything is built; the
marker `building` stands from the first page a build touches until then, and a build that
finds it trusts nothing of the cache (State). `published.json` names the release last
published from these records.

The published site `<out>` is a symbolic link to one complete release,
`<out>.zan-releases/<NNNNNN>/` (each holds the marker file `.zan-site`): a new release is
made beside the current one, files that did not change hard-linked from it, then the link
is switched in one rename, so a reader gets every page from one build (publish_release).

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


STATE_PARTS = 64  # the records of acts and amending acts are kept in this many files


@dataclass
class State:
    """What the last complete build produced, per act (the cache's records).

    The records of acts and amending acts (``data["acts"]``, ``data["amenders"]``) are kept
    in STATE_PARTS files by ID (``state/<NN>.json``, shard_of), the rest in ``state.json``:
    a build rewrites only the parts whose records it replaced or removed, not the records
    of the whole corpus. A record is replaced, never changed in place (``save`` tells a
    part changed by the records' identity).

    The records are written last, after every page, the site and its search index are
    built (``save``); the marker ``building`` stands in the cache from the first page a
    build touches until then. A build that finds it distrusts the whole cache (pages,
    mkdocs' output, search shards may be half-written) and builds everything anew.
    """

    path: Path
    data: dict = field(default_factory=dict)
    loaded_token: str | None = None  # the token of the records as found (published.json)
    # part → {(kind, ID): record} as loaded (held, so no other object takes its id()):
    # what save() compares
    loaded: dict[int, dict[tuple[str, str], object]] = field(default_factory=dict)

    KINDS = ("acts", "amenders")

    @classmethod
    def load(cls, path: Path, context: dict) -> State:
        """The stored state, or an empty one when the context (code, day, flags) changed or
        a build stopped half-way (its marker is still there)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            data = {}
        state = cls(path, data)
        if data.get("context") != context or state.marker.exists():
            state.data = {"context": context, "acts": {}, "site_files": []}
        else:
            state._load_parts()
        state.loaded_token = state.data.get("token")
        return state

    @property
    def parts_dir(self) -> Path:
        """The folder of the records by part (``state/``)."""
        return self.path.with_name("state")

    def _load_parts(self) -> None:
        for kind in self.KINDS:
            self.data.setdefault(kind, {})
        for n in self.data.pop("parts", []):
            try:
                part = json.loads((self.parts_dir / f"{n:02d}.json").read_text("utf-8"))
            except (FileNotFoundError, ValueError):  # never expected: the marker guards it
                self.data = {"context": self.data["context"], "acts": {}, "site_files": []}
                self.loaded = {}
                return
            seen = self.loaded.setdefault(n, {})
            for kind in self.KINDS:
                for key, rec in part.get(kind, {}).items():
                    self.data[kind][key] = rec
                    seen[(kind, key)] = rec

    @property
    def marker(self) -> Path:
        """Present while a build is rewriting the cache (removed by ``save``)."""
        return self.path.with_name("building")

    def begin(self) -> None:
        """Record, before any page is touched, that the cache is being rewritten."""
        self.marker.parent.mkdir(parents=True, exist_ok=True)
        self.marker.write_text("a zan build is rewriting this cache\n", encoding="utf-8")

    def save(self) -> None:
        """Store the records (atomically: the parts that changed, then ``state.json``),
        then remove the marker: the cache is complete."""
        import secrets

        parts: dict[int, dict[tuple[str, str], object]] = {}
        for kind in self.KINDS:
            for key, rec in self.data.get(kind, {}).items():
                parts.setdefault(shard_of(key, STATE_PARTS), {})[(kind, key)] = rec
        for n in sorted(set(parts) | set(self.loaded)):
            members = parts.get(n, {})
            before = self.loaded.get(n)
            if (
                before is not None
                and before.keys() == members.keys()
                and all(before[k] is v for k, v in members.items())
            ):
                continue
            path = self.parts_dir / f"{n:02d}.json"
            if not members:
                path.unlink(missing_ok=True)
                continue
            part = {kind: {} for kind in self.KINDS}
            for (kind, key), rec in sorted(members.items()):
                part[kind][key] = rec
            path.parent.mkdir(parents=True, exist_ok=True)
            write_if_changed(path, json.dumps(part, ensure_ascii=False, sort_keys=True))
        self.loaded = parts
        main = {k: v for k, v in self.data.items() if k not in self.KINDS}
        main["parts"] = sorted(parts)
        main["token"] = secrets.token_hex(8)  # names this set of records (not output)
        self.data["token"] = main["token"]
        write_if_changed(self.path, json.dumps(main, ensure_ascii=False, sort_keys=True))
        self.marker.unlink(missing_ok=True)


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


RELEASES = ".zan-releases"  # <out>.zan-releases/: the releases of the site <out> links to
SITE_MARK = ".zan-site"  # in every release: what makes a folder recognisable as a zan site
KEEP_RELEASES = 2  # the current release and the one before (a reader may still be in it)


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


def _release_ids(releases: Path) -> list[int]:
    try:
        names = os.listdir(releases)
    except FileNotFoundError:
        return []
    return sorted(int(n) for n in names if n.isdigit())


def publish_release(
    built: Path, out: Path, unchanged: frozenset[str] = frozenset(), kill=lambda _: None
) -> str | None:
    """Publish the complete build ``built`` as a new release and switch ``out`` to it.

    Returns the new release's name, or None when ``out`` already shows exactly ``built``.
    Called only once the whole build has succeeded. The release is filled beside the
    current one: a file whose size and time equal the current release's is hard-linked
    from it (``os.link``: no bytes copied), any other is copied (new bytes, never written
    into a published file); ``unchanged`` names folders known to hold the same files as
    the current release (site_changes), linked without comparing. Then ``.zan-site`` is
    written, ``out`` is switched with one ``os.replace`` of a symbolic link, and releases
    older than the last KEEP_RELEASES are removed. ``out`` as a plain folder (an older
    zan site) becomes a release itself, once. ``kill``: the test hook (generator.killpoint).

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
    if base is not None:
        copy, remove = site_changes(built, base, unchanged)
        remove = [r for r in remove if r != SITE_MARK]  # the release's own, not the build's
        if not copy and not remove and prev is not None and (prev / SITE_MARK).exists():
            return None
        copy_set = set(copy)
    else:
        copy_set = {""}
    releases.mkdir(parents=True, exist_ok=True)
    ids = _release_ids(releases)
    last = (ids[-1] if ids else 0) + (1 if plain else 0)  # the older site takes an id first
    name = f"{last + 1:06d}"
    new = releases / name
    _remove_path(new)  # never expected: ids only grow
    _fill(built, base, new, copy_set, kill)
    (new / SITE_MARK).write_text("zan site\n", encoding="utf-8")
    kill("publish-switch")
    switch = releases / ".switch"
    _remove_path(switch)
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


def _fill(built: Path, base: Path | None, new: Path, copy: set[str], kill) -> None:
    """Make ``new`` a copy of ``built``: paths in ``copy`` (files or whole folders) copied,
    every other file hard-linked from ``base`` (copied where the link fails)."""

    def walk(rel: str, whole: bool) -> None:
        src_dir = os.path.join(built, rel)
        os.makedirs(os.path.join(new, rel), exist_ok=True)
        with os.scandir(src_dir) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            r = os.path.join(rel, e.name) if rel else e.name
            fresh = whole or r in copy
            if e.is_dir(follow_symlinks=False):
                walk(r, fresh)
                continue
            dst = os.path.join(new, r)
            if not fresh and base is not None:
                try:
                    os.link(os.path.join(base, r), dst)
                    continue
                except OSError:
                    pass  # not in the base after all, or no hard links here: copy it
            shutil.copy2(e.path, dst)
            kill("publish-copy")

    walk("", "" in copy)


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
    """Remove every release but the current one and the ``keep - 1`` complete ones before
    it (and what an interrupted publish left); returns the names removed.

    >>> prune_releases(Path("no-such-site"))  # no site: nothing is touched
    []
    """
    releases = releases_of(out)
    cur = current_release(out)
    if cur is None:
        return []
    older = [
        f"{i:06d}"
        for i in _release_ids(releases)
        if i < int(cur.name) and (releases / f"{i:06d}" / SITE_MARK).exists()
    ]
    kept = {cur.name, *older[len(older) - (keep - 1) :]} if keep > 1 else {cur.name}
    removed = []
    for n in sorted(os.listdir(releases)):
        if n not in kept:
            _remove_path(releases / n)
            removed.append(n)
    return removed


def _remove_path(path: Path) -> None:
    """Remove a file or a whole folder, if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
