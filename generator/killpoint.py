"""A test hook: `ZAN_TEST_KILL_AT=<point>[:<n>]` makes a build SIGKILL itself at a named
point (the n-th time it passes there, default the first), as a crash or `kill -9` would.

The kill test (tests/test_build_integrity.py) uses it to stop `zan build` at every stage
and check that the published site is always one complete build and the next build correct.
Without the variable `point` does nothing.

>>> point("load")  # ZAN_TEST_KILL_AT unset: nothing happens
"""

from __future__ import annotations

import os
import signal

ENV = "ZAN_TEST_KILL_AT"
POINTS = (
    "load",  # the corpus read, nothing of the cache touched yet
    "begin",  # the marker written, no page yet
    "act",  # after each act's pages (with :n, the n-th act)
    "acts",  # every act assembled and written
    "amenders",  # the amending acts' pages written
    "site-pages",  # the site-wide pages written
    "mkdocs",  # the mkdocs processes running
    "mkdocs-done",  # mkdocs finished
    "data",  # download archives written
    "search",  # the Pagefind processes running
    "search-done",  # the search index complete (the manifest is written after it)
    "saved",  # the cache's records written, nothing published yet
    "publish-copy",  # while the new release is filled (after each file copied)
    "publish-switch",  # the new release complete, the link not yet switched
    "publish-prune",  # the link switched, old releases not yet removed
)
_seen: dict[str, int] = {}


def point(name: str) -> None:
    """Kill this process with SIGKILL when ZAN_TEST_KILL_AT names this point (and count)."""
    want = os.environ.get(ENV)
    if not want:
        return
    where, _, nth = want.partition(":")
    if where != name:
        return
    _seen[name] = _seen.get(name, 0) + 1
    if _seen[name] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
