"""Pagefind bundles written by long-running Pagefind processes (``pagefind --service``).

The Pagefind command line indexes one bundle per process: it starts, walks the site folder
for the pages its glob names and writes the bundle with its ready-made interfaces. A cold
build of 100 synthetic acts wrote 172 bundles that way (64 search shards × acts / amending
acts × 2 languages, as many as hold a page): about 32 ms of CPU per process (the launcher
that ties it to the build, Pagefind's start, the walk, its interface files) against about
12 ms per page indexed, so the processes cost more than the pages (benchmarks/RESULTS.md).
Here one service process per core indexes every bundle of a build in turn: it is given each
page's bytes and address (no walk of the site) and writes the bundle, which is then freed.

The service speaks Pagefind's own protocol on its standard input and output (each message
a base64-encoded JSON object followed by a comma; the requests ``NewIndex``, ``AddFile``,
``GetFiles``, ``DeleteIndex``): the bundle's files come back in the answer and are
written here, only those a search shard keeps. The ``pagefind`` Python package's client of it waits
0.1 s between two responses it reads (one page, one tenth of a second): this client reads
each response as soon as it arrives, one request at a time.

Pages are added in the order given (sorted by the caller): the bundle is the same whatever
order the file system lists a folder in (the command line adds them in the order its walk
finds them).
"""

from __future__ import annotations

import base64
import json
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .children import tied


def page_url(rel: str) -> str:
    """The address Pagefind gives a page of the site (directory URLs, as its command line).

    >>> page_url("kk/acts/Z1300000088/index.html"), page_url("kk/drafts/x.html")
    ('/kk/acts/Z1300000088/', '/kk/drafts/x.html')
    """
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return "/" + rel


class PagefindService:
    """One ``pagefind --service`` process, tied to the build (children.tied).

    ``bundle(site, pages, out)`` indexes the pages (paths relative to ``site``) into the
    bundle folder ``out``; a page without text to index (no ``data-pagefind-body`` where
    another page has one) is left out as the command line leaves it out.
    """

    def __init__(self, binary: str) -> None:
        self._err = tempfile.TemporaryFile()
        self._proc = subprocess.Popen(
            tied([binary, "--service"]),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._err,
        )
        self._id = 0
        self._buf = b""

    def _send(self, payload: dict) -> dict:
        self._id += 1
        msg = json.dumps({"message_id": self._id, "payload": payload}, ensure_ascii=False)
        try:
            self._proc.stdin.write(base64.b64encode(msg.encode("utf-8")) + b",")
            self._proc.stdin.flush()
            parts, chunk = [], self._buf
            while b"," not in chunk:  # a response of a whole bundle runs to megabytes
                parts.append(chunk)
                chunk = self._proc.stdout.read1(1 << 20)
                if not chunk:
                    raise BrokenPipeError
        except (BrokenPipeError, OSError):
            self._proc.wait()
            self._err.seek(0)
            err = self._err.read().decode("utf-8", "replace").strip()
            why = f"pagefind failed (exit {self._proc.returncode})" + (f": {err}" if err else "")
            raise RuntimeError(why) from None
        last, self._buf = chunk.split(b",", 1)
        answer = json.loads(base64.b64decode(b"".join([*parts, last])))["payload"]
        if answer.get("type") == "Error":
            raise RuntimeError(f"pagefind failed: {answer.get('message')}")
        return answer

    def bundle(self, site: Path, pages: list[str], out: Path, keep=None) -> None:
        """Index ``pages`` (in this order) into the bundle folder ``out``, then free the
        index; ``keep(name)``: whether a file of the bundle is written (default: all)."""
        index = self._send({"type": "NewIndex", "config": None})["index_id"]
        for rel in pages:
            self._send(
                {
                    "type": "AddFile",
                    "index_id": index,
                    "file_path": None,
                    "url": page_url(rel),
                    "file_contents": (site / rel).read_text(encoding="utf-8"),
                }
            )
        # The files come back in the response and are written here: the service's own
        # WriteFiles answers before its writes are done, and a service that exits then
        # (its input closed) leaves them empty.
        files = self._send({"type": "GetFiles", "index_id": index})["files"]
        self._send({"type": "DeleteIndex", "index_id": index})
        for f in files:
            if keep is None or keep(f["path"]):
                path = out / f["path"]
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(base64.b64decode(f["content"]))

    def close(self) -> None:
        """End the process (its standard input closed: it exits)."""
        if self._proc.stdin:
            self._proc.stdin.close()
        self._proc.wait()
        self._err.close()


def write_bundles(
    binary: str, site: Path, runs: list[tuple[list[str], str]], jobs: int, done=None, keep=None
) -> int:
    """Write each bundle of ``runs`` (pages relative to ``site``, bundle folder relative to
    it) with ``jobs`` Pagefind service processes side by side (fewer when there are fewer
    bundles), the largest bundles first; ``done(folder)`` after each; ``keep(name)``: the
    files of a bundle written (default: all). Returns the number of processes started. Example: ``write_bundles(binary, site, [(["kk/acts/Z1/index.html"],
    "pagefind/kk/a00")], 2)`` → 1.
    """
    if not runs:
        return 0
    order = sorted(runs, key=lambda r: (-len(r[0]), r[1]))
    n = max(1, min(jobs, len(order)))
    parts = [order[i::n] for i in range(n)]

    def work(part: list[tuple[list[str], str]]) -> None:
        service = PagefindService(binary)
        try:
            for pages, folder in part:
                service.bundle(site, pages, site / folder, keep)
                if done:
                    done(folder)
        finally:
            service.close()

    with ThreadPoolExecutor(max_workers=n) as threads:
        list(threads.map(work, parts))
    return n


__all__ = ["PagefindService", "page_url", "write_bundles"]
