"""`zan serve`: the built site on localhost, rebuilt when the corpus changes.

>>> sorted(WATCHED)
['amendments', 'corpus', 'drafts', 'examples', 'mkdocs.yml']
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from .build import main_build

WATCHED = ("corpus", "amendments", "drafts", "examples", "mkdocs.yml")


def _stamp(root: Path) -> tuple:
    files = []
    for name in WATCHED:
        p = root / name
        if p.is_file():
            files.append(p)
        elif p.is_dir():
            files += [f for f in p.rglob("*") if f.is_file()]
    return tuple(sorted((str(f), f.stat().st_mtime_ns) for f in files))


def serve(root: Path, out: Path, port: int, examples: bool = False) -> None:
    """Build, serve ``out`` on 127.0.0.1:port, rebuild on change (Ctrl-C stops)."""
    from .paths import PathError, guard_build

    try:  # an --out the build refuses is not served either
        guard_build(root, out, root / ".zan-cache")
    except PathError as e:
        print(e, file=sys.stderr)
        raise SystemExit(1) from None
    main_build(root, out, examples, True)
    # ``out`` is a link switched to each new release: served through the link (not resolved
    # once), so every request reads the release published last.
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out.absolute()))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    print(f"serving {out}/ on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    last = _stamp(root)
    try:
        while True:
            time.sleep(1.0)
            now = _stamp(root)
            if now != last:
                last = now
                main_build(root, out, examples, True)
    except KeyboardInterrupt:
        httpd.shutdown()
