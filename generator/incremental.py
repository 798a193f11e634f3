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

The published site `<out>` is a symbolic link to one complete release of
`<out>.zan-releases/`, switched in one rename; each publish costs what changed
(generator/releases.py).

>>> shard_of("Z1300000088", 16), shard_of("Z000000107", 16)
(0, 3)
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

GENERATOR = Path(__file__).parent
STATE_VERSION = 2  # 2: an amending act's «shown» rows kept as their SHA-256


@contextmanager
def plain_data() -> Iterator[None]:
    """While plain data is loaded (JSON, pickled dicts and lists): millions of objects and
    no reference cycle among them, so Python's cyclic garbage collector, which would walk
    them all again each time enough new ones were made, is paused (issue 16: the records
    of 10 000 acts, 126 MB of JSON, load in 3.1 s instead of 6.1 s).

    >>> import gc
    >>> with plain_data():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@cache
def code_hash() -> str:
    """Hash of the generator's own files: a new zan rebuilds everything."""
    h = hashlib.sha256()
    for p in sorted(GENERATOR.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".yml", ".html", ".css", ".js"):
            h.update(str(p.relative_to(GENERATOR)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


SHARDS = 64  # search index, bulk download and manifest shards (acts are spread by their ID)


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
        with plain_data():
            self._read_parts()

    def _read_parts(self) -> None:
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
