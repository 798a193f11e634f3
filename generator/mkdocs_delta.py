"""The docs folder of a small rebuild: only what changed goes to mkdocs.

A chunk (generator/build.py, `DocsLayout`) holds about 250 acts' pages; built ``--dirty``
for one changed page, mkdocs still lists the chunk's folder and the theme's (Material's
14 000 icons), makes a page object of every file and stats each against its output, per
chunk and language: an omnibus act touching 20 acts touches up to 20 chunks. A small
rebuild instead gives mkdocs, per language, a folder of links to the files the build
wrote that mkdocs ``--dirty`` would rebuild, plus the two pages of the navigation
(`stage_delta`); what it reads, lists and renders is in proportion to the change.

The output is the one the chunks give: a page's HTML depends only on itself, the
navigation (the catalogue and the search page, named with their titles in the
configuration) and the theme, never on which other pages the docs folder holds (the pages
are generated HTML, `mkdocs_chunks.PreRendered`: mkdocs rewrites no link in them). No
mkdocs import here: this runs in the build's own process.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path


def theme_versions() -> str:
    """The versions of mkdocs and its theme, part of a build's context: every page holds
    the theme's markup and the site its files, so another theme rebuilds everything.

    >>> theme_versions().startswith("mkdocs ")
    True
    """
    from importlib.metadata import version

    return f"mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}"


def dest_of(rel: str) -> str:
    """The file mkdocs writes for a docs file (directory URLs, as `mkdocs.structure.files`):
    a page ``x/index.md`` → ``x/index.html``, ``x/y.md`` → ``x/y/index.html``; any other
    file is copied as it is.

    >>> dest_of("acts/Z1/index.md"), dest_of("search.md"), dest_of("acts/Z1/act.json")
    ('acts/Z1/index.html', 'search/index.html', 'acts/Z1/act.json')
    """
    if not rel.endswith(".md"):
        return rel
    parent, _, name = rel.rpartition("/")
    stem = name[: -len(".md")]
    out = "index.html" if stem in ("index", "README") else f"{stem}/index.html"
    return f"{parent}/{out}" if parent else out


def stage_delta(
    files: Iterable[tuple[Path, str]], nav: Iterable[tuple[Path, str]], site: Path, dest: Path
) -> int:
    """Fill ``dest`` (emptied first) with links to the docs ``files`` (source, path in the
    language tree) that mkdocs ``--dirty`` would rebuild into ``site`` (no output yet, or
    an output older than the source: `mkdocs.structure.files.File.is_modified`), and to the
    ``nav`` pages (always: the navigation names them). Returns how many of ``files`` it
    linked; with none, ``dest`` is left empty and nothing is to be built.

    >>> import tempfile, time
    >>> tmp = Path(tempfile.mkdtemp()); src = tmp / "docs"; site = tmp / "site"
    >>> for rel in ("index.md", "acts/A/index.md", "acts/B/index.md"):
    ...     (src / rel).parent.mkdir(parents=True, exist_ok=True)
    ...     _ = (src / rel).write_text(rel)
    >>> (site / "acts/A").mkdir(parents=True); _ = (site / "acts/A/index.html").write_text("")
    >>> os.utime(src / "acts/A/index.md", (0, 0))  # older than its page: not rebuilt
    >>> pages = [(src / r, r) for r in ("acts/A/index.md", "acts/B/index.md")]
    >>> stage_delta(pages, [(src / "index.md", "index.md")], site, tmp / "delta")
    1
    >>> sorted(str(p.relative_to(tmp / "delta")) for p in (tmp / "delta").rglob("*.md"))
    ['acts/B/index.md', 'index.md']
    >>> shutil.rmtree(tmp)
    """
    shutil.rmtree(dest, ignore_errors=True)
    picked = [(src, rel) for src, rel in files if _modified(src, site / dest_of(rel))]
    if not picked:
        return 0
    for src, rel in [*picked, *nav]:
        target = dest / rel
        if target.exists():  # a nav page among the files
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, target)  # the same file: its modification time too
        except OSError:
            shutil.copy2(src, target)
    return len(picked)


def _modified(src: Path, out: Path) -> bool:
    """As mkdocs' ``File.is_modified``: no output, or the source is newer."""
    try:
        return src.stat().st_mtime > out.stat().st_mtime
    except FileNotFoundError:
        return src.exists()
