"""What python-markdown makes of the generator's page bodies, compared byte for byte.

The generator writes each page's body as HTML (the contents panel comes from the front
matter's ``zan_toc``); mkdocs passes that body through python-markdown before filling the
theme. For every page of one chunk's mkdocs configuration (written by ``zan build`` in its
cache's ``work/`` folder, e.g. after ``benchmarks/run.py --acts 100 --e2e --keep``) this
counts, by page kind, the pages whose converted content equals the body itself, and shows
the first difference of each kind. Prints a Markdown table (benchmarks/RESULTS.md).

    .venv/bin/python benchmarks/md_parity.py benchmarks/.work/cache-e2e-a100/work/mkdocs-kk-c0.yml
"""

from __future__ import annotations

import collections
import difflib
import sys
import time


def page_kind(src_uri: str) -> str:
    """The page's kind: its folder with act codes and version pairs as ``*``.

    >>> page_kind("acts/ZB00000069/ZBA00000045/parallel/index.md")
    'acts/*/*/parallel'
    >>> page_kind("index.md")
    '(index)'
    """
    parts = src_uri.split("/")[:-1]
    return "/".join("*" if p.startswith("Z") or "--" in p else p for p in parts) or "(index)"


def first_difference(body: str, content: str) -> str:
    """The first place where the converted content differs from the body, with context.

    >>> first_difference("</h2><ul>", "</h2>\\n<ul>")
    "'</h2><ul>' → '</h2>\\\\n<ul>'"
    """
    sm = difflib.SequenceMatcher(None, body, content, autojunk=False)
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op != "equal":
            return f"{body[max(0, a1 - 40) : a2 + 20]!r} → {content[max(0, b1 - 40) : b2 + 20]!r}"
    return ""


def main(argv: list[str]) -> int:
    """Compare every page of the configuration named; print the table."""
    from mkdocs import config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    cfg = config.load_config(config_file=argv[0])
    files = get_files(cfg)
    pages: collections.Counter = collections.Counter()
    same: collections.Counter = collections.Counter()
    examples: dict[str, str] = {}
    seconds = 0.0
    for f in files.documentation_pages():
        page = Page(None, f, cfg)
        page.read_source(cfg)
        start = time.perf_counter()
        page.render(cfg, files)
        seconds += time.perf_counter() - start
        kind = page_kind(f.src_uri)
        pages[kind] += 1
        body = page.markdown.strip("\n")
        if page.content == body:
            same[kind] += 1
        elif kind not in examples:
            examples[kind] = first_difference(body, page.content)
    print("| page kind | pages | output = body |\n|---|---:|---:|")
    for kind in sorted(pages):
        print(f"| `{kind}` | {pages[kind]} | {same[kind]} |")
    print(f"| all | {sum(pages.values())} | {sum(same.values())} |\n")
    print(f"python-markdown: {seconds:.1f} s for {sum(pages.values())} pages")
    for kind, diff in sorted(examples.items()):
        print(f"- {kind}: {diff}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
