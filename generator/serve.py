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


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; a missing page answers 404 with the site's own page in the
    language of the path (``ru/…`` → ``ru/404.html``, otherwise kk), not the server's
    English one."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / not_found_page(self.path)
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def not_found_page(path: str) -> str:
    """The site's 404 page for a request path.

    >>> not_found_page("/ru/acts/Z9/"), not_found_page("/nothing")
    ('ru/404.html', 'kk/404.html')
    """
    return "ru/404.html" if path.lstrip("/").startswith("ru/") else "kk/404.html"


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
    handler = functools.partial(SiteHandler, directory=str(out.absolute()))
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
