"""Build several mkdocs configurations (docs chunks, generator/build.py) in one process.

A small rebuild changes a few chunks (the act's, its amending act's, the site pages'), each
in both languages: started one process each, most of their time would be the interpreter,
mkdocs and the theme starting up. Run as ``python -m generator.mkdocs_chunks CFG…``: each
configuration is built in turn with ``--dirty`` (as ``mkdocs build --quiet --dirty
--config-file CFG``); the first failure stops it with its message on stderr.

A small rebuild (``--delta CFG…``) is given one configuration per language whose docs folder
holds only the files the build wrote that mkdocs ``--dirty`` would rebuild, plus the two
pages of the navigation (generator/mkdocs_delta.py).
"""

from __future__ import annotations

import logging
import sys

from mkdocs.plugins import BasePlugin, event_priority

try:
    from generator.chrome import CompactChrome
except ImportError:  # run as a script (build._start_mkdocs_chunks): its own folder first
    from chrome import CompactChrome


class PreRendered(BasePlugin):
    """mkdocs plugin events: a generated page's body is its content, unconverted.

    ``on_page_markdown`` keeps the body and gives python-markdown an empty text (mkdocs
    always calls `Page.render`); ``on_page_content`` puts the body back. The title comes
    from the front matter (every generated page has one), the contents panel from
    ``zan_toc`` (generator/theme/partials/toc.html): neither needs the converted text.

    >>> from types import SimpleNamespace
    >>> p, page = PreRendered(), SimpleNamespace(meta={"zan_html": True})
    >>> p.on_page_markdown("<h1>A</h1>\\n", page), p.on_page_content("", page)
    ('', '<h1>A</h1>')
    >>> p.on_page_markdown("# A", SimpleNamespace(meta={}))
    '# A'
    """

    def __init__(self) -> None:
        self.bodies: dict[int, str] = {}

    @event_priority(100)  # first: any other plugin sees what python-markdown would give
    def on_page_markdown(self, markdown: str, page, **_kw) -> str:
        """The body kept aside for a generated page; other pages unchanged."""
        if page.meta.get("zan_html") is True:
            self.bodies[id(page)] = markdown.strip("\n")
            return ""
        return markdown

    @event_priority(100)
    def on_page_content(self, html: str, page, **_kw) -> str:
        """The generated page's body as its content; other pages' converted HTML."""
        return self.bodies.pop(id(page), html)


def build_all(config_files: list[str], delta: bool = False) -> None:
    """Build each configuration file in turn (dirty: only pages newer than their output).

    ``delta``: the docs folders are `stage_delta`'s, the site already holds the theme's
    files (copied by the cold build; a new theme is a new build context, `mkdocs_delta.theme_versions`):
    the theme's folders (Material's 14 000 icons among them) are not listed again.

    >>> build_all([])  # nothing to build
    """
    from mkdocs import config
    from mkdocs.commands import build
    from mkdocs.structure.files import Files

    listing = Files.add_files_from_theme
    if delta:
        Files.add_files_from_theme = lambda *_a, **_kw: None
    try:
        for cfg_file in config_files:
            cfg = config.load_config(config_file=cfg_file)
            cfg.plugins["zan-prerendered"] = PreRendered()
            cfg.plugins["zan-compact-chrome"] = CompactChrome()  # generator/chrome.py
            cfg.plugins.on_startup(command="build", dirty=True)
            try:
                build.build(cfg, dirty=True)
            finally:
                cfg.plugins.on_shutdown()
    finally:
        Files.add_files_from_theme = listing


def main(argv: list[str]) -> int:
    """Entry point: build every configuration named; exit 1 with the error on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.ERROR)  # as mkdocs --quiet
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.setLevel(logging.ERROR)
    delta = argv[:1] == ["--delta"]
    try:
        build_all(argv[1:] if delta else argv, delta=delta)
    except Exception as e:  # mkdocs' own errors (config, theme, a page): one message
        print(f"mkdocs failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
