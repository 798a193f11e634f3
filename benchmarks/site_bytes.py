"""Where the bytes of a built site go: by page kind, and within HTML pages theme chrome vs
content. Per act and in total.

    .venv/bin/python benchmarks/site_bytes.py SITE [--gzip] [--json]

SITE is a folder `zan build` wrote (or the `site` link to one). Every file is counted once
by its path (docs: benchmarks/README.md):

- act pages: the text in force (``acts/<ID>/index.html``), each version
  (``acts/<ID>/<VERSION>/index.html``), versions, history, redline (``diff/…``) and
  parallel pages, the act's JSON (``act.json``, ``units.json``, ``versions.json``); the
  pages that only lead to another (a day's address ``acts/<ID>/<YYYY-MM-DD>/``, the version
  address and the parallel address of the version in force) are counted as redirects;
- amending acts (page, JSON), site-wide pages (catalogue, search, work queue, feeds,
  drafts, 404), downloads (``download/``), ``manifest.json`` and its parts, the search index
  (``pagefind/``: index fragments vs Pagefind's own code), the theme's assets.

Within an HTML page, «content» is what the generator wrote (mkdocs-material's
``<article>``), the rest is the theme's chrome, split into head, header, navigation, the
contents panel (toc), and the footer with the scripts. Inside the content, two parts the
generator writes beside the law text are counted apart: the unit actions' configuration
(``data-zan``, which lists the other language's eIds) and the map of units of other
versions (``zan-fate``).

>>> kind("kk/acts/Z1300000088/Z2200000141/index.html")
'act version'
>>> kind("ru/acts/Z1300000088/diff/original--Z070000262/index.html")
'redline'
>>> kind("pagefind/kk/a00/pagefind-ui.js")
'search code'
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def kind(path: str) -> str:
    """The kind of a published file, from its path relative to the site root."""
    parts = path.split("/")
    name = parts[-1]
    if parts[0] == "pagefind":
        if name.endswith((".js", ".css")) or name.startswith("wasm."):
            return "search code"
        return "search index"
    if parts[0] == "download":
        return "downloads"
    if path == "manifest.json" or parts[0] == "manifest":
        return "manifest"
    if len(parts) == 1:
        return "site-wide"
    lang_rest = parts[1:]
    if lang_rest[0] == "assets":
        return "assets"
    if lang_rest[0] == "acts" and len(lang_rest) >= 3:
        sub = lang_rest[2:]  # after acts/<ID>/
        if sub == ["index.html"]:
            return "act in force"
        if sub == ["versions.json"]:
            return "versions JSON"
        if sub[0] == "versions":
            return "versions"
        if sub[0] == "history":
            return "history"
        if sub[0] == "diff":
            return "redline"
        if "parallel" in sub:
            return "parallel"
        if DAY.match(sub[0]):
            return "day redirect"
        if name == "act.json" or sub == ["units.json"]:  # units.json: act_data (format 2)
            return "act JSON"
        return "act version"
    if lang_rest[0] == "amendments":
        return "amending JSON" if name.endswith(".json") else "amending act"
    return "site-wide"


# The theme's regions of a page, in the order they stand (mkdocs-material 9.8.1).
REGIONS = [
    ("head", "<head>", "</head>"),
    ("header", '<header class="md-header', "</header>"),
    (
        "nav",
        '<div class="md-sidebar md-sidebar--primary"',
        '<div class="md-sidebar md-sidebar--secondary"',
    ),
    ("toc", '<div class="md-sidebar md-sidebar--secondary"', '<div class="md-content"'),
]
CONTENT = ('<article class="md-content__inner md-typeset">', "</article>")
DATA_ZAN = re.compile(rb""" data-zan=(?:"[^"]*"|'[^']*')""")  # site.json_attr: single quotes
FATE = re.compile(rb'<script type="application/json" id="zan-fate">.*?</script>', re.S)


def html_spans(data: bytes) -> dict[str, list[tuple[int, int]]]:
    """Where each region of one HTML page stands: region → its (start, end) byte spans
    (head, header, nav, toc, the rest of the chrome; the content with its ``data-zan``
    configuration and ``zan-fate`` map apart)."""
    start = data.find(CONTENT[0].encode())
    end = data.find(CONTENT[1].encode(), start)
    if start < 0 or end < 0:  # not a theme page (the root page, a redirect)
        return {"content": [(0, len(data))]}
    out: dict[str, list[tuple[int, int]]] = {"content: data-zan": [], "content: zan-fate": []}
    for name, rx in (("content: data-zan", DATA_ZAN), ("content: zan-fate", FATE)):
        out[name] = [(m.start(), m.end()) for m in rx.finditer(data, start, end)]
    inner = sorted(out["content: data-zan"] + out["content: zan-fate"])
    out["content"] = _gaps(start, end, inner)
    used = []
    for name, a, b in REGIONS:
        i = data.find(a.encode(), 0, start)  # the theme's regions all stand before the content
        j = data.find(b.encode(), i + 1, start + 1) if i >= 0 else -1
        if i >= 0 and j >= 0:
            out["chrome: " + name] = [(i, j)]
            used.append((i, j))
    used.append((start, end))
    out["chrome: other"] = _gaps(0, len(data), sorted(used))
    return out


def _gaps(lo: int, hi: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [lo, hi) outside the sorted, non-overlapping ``spans``."""
    out, at = [], lo
    for i, j in spans:
        if i > at:
            out.append((at, i))
        at = max(at, j)
    if hi > at:
        out.append((at, hi))
    return out


def html_split(data: bytes) -> dict[str, int]:
    """Bytes of one HTML page by region (`html_spans`).

    >>> page = (b'<head>ab</head><header class="md-header">c</header><article class='
    ...         b'"md-content__inner md-typeset">' b"<div data-zan='{}'>law</div></article>")
    >>> sorted(html_split(page).items())  # doctest: +NORMALIZE_WHITESPACE
    [('chrome: head', 8), ('chrome: header', 27), ('chrome: other', 26), ('content', 60),
     ('content: data-zan', 14), ('content: zan-fate', 0)]
    """
    return {r: sum(j - i for i, j in sp) for r, sp in html_spans(data).items()}


def gzip_saved(data: bytes) -> dict[str, int]:
    """What each region costs compressed: the page's gzip -6 bytes less those of the page
    without that region (a region's bytes compress against the rest of its page)."""
    whole = len(gzip.compress(data, 6, mtime=0))
    out = {}
    for r, spans in html_spans(data).items():
        keep = _gaps(0, len(data), spans)
        rest = b"".join(data[i:j] for i, j in keep)
        out[r] = whole - len(gzip.compress(rest, 6, mtime=0))
    return out


def measure(site: Path, with_gzip: bool = False) -> dict:
    """Bytes (and with ``with_gzip`` gzip -6 bytes) by kind and by HTML region."""
    site = site.resolve()
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # files, bytes, gzip
    regions: dict[str, int] = defaultdict(int)
    regions_gzip: dict[str, int] = defaultdict(int)  # what each region adds compressed
    regions_by_kind: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    acts = set()
    for dirpath, _dirs, files in os.walk(site):
        for f in files:
            p = Path(dirpath) / f
            rel = p.relative_to(site).as_posix()
            if rel.startswith("."):
                continue
            data = p.read_bytes()
            k = kind(rel)
            if f.endswith(".html") and b'http-equiv="refresh"' in data[:400]:
                k = "redirects"  # a day's address, the version in force's own and parallel ones
            row = by_kind[k]
            row[0] += 1
            row[1] += len(data)
            if with_gzip:
                row[2] += len(gzip.compress(data, 6, mtime=0))
            parts = rel.split("/")
            if len(parts) > 3 and parts[1] == "acts":
                acts.add(parts[2])
            if f.endswith(".html"):
                for r, n in html_split(data).items():
                    regions[r] += n
                    regions_by_kind[k][r] += n
                if with_gzip:
                    for r, n in gzip_saved(data).items():
                        regions_gzip[r] += n
    return {
        "acts": len(acts),
        "kinds": {k: {"files": v[0], "bytes": v[1], "gzip": v[2]} for k, v in by_kind.items()},
        "regions": dict(regions),
        "regions_gzip": dict(regions_gzip),
        "regions_by_kind": {k: dict(v) for k, v in regions_by_kind.items()},
    }


def report(m: dict, with_gzip: bool) -> str:
    """The measurement as Markdown tables (bytes per act and in total)."""
    n = max(m["acts"], 1)
    total = sum(v["bytes"] for v in m["kinds"].values())
    gz = sum(v["gzip"] for v in m["kinds"].values())
    lines = [
        f"acts: {m['acts']}; files: {sum(v['files'] for v in m['kinds'].values())}; "
        f"total {total / 1e6:.1f} MB, {total / n / 1e3:.0f} KB per act"
        + (f"; gzip {gz / 1e6:.1f} MB, {gz / n / 1e3:.0f} KB per act" if with_gzip else ""),
        "",
        "| kind | files | MB | KB per act | share |" + (" gzip KB per act |" if with_gzip else ""),
        "|---|---:|---:|---:|---:|" + ("---:|" if with_gzip else ""),
    ]
    for k, v in sorted(m["kinds"].items(), key=lambda kv: -kv[1]["bytes"]):
        row = (
            f"| {k} | {v['files']} | {v['bytes'] / 1e6:.1f} | {v['bytes'] / n / 1e3:.1f} | "
            f"{100 * v['bytes'] / total:.1f} % |"
        )
        if with_gzip:
            row += f" {v['gzip'] / n / 1e3:.1f} |"
        lines.append(row)
    html = sum(m["regions"].values())
    lines += [
        "",
        f"HTML pages: {html / 1e6:.1f} MB, by region:",
        "",
        "| region | MB | KB per act | share of HTML |"
        + (" gzip KB per act (what the page saves without it) |" if with_gzip else ""),
        "|---|---:|---:|---:|" + ("---:|" if with_gzip else ""),
    ]
    gz_regions = m.get("regions_gzip", {})
    for r, b in sorted(m["regions"].items(), key=lambda kv: -kv[1]):
        row = f"| {r} | {b / 1e6:.1f} | {b / n / 1e3:.1f} | {100 * b / html:.1f} % |"
        if with_gzip:
            row += f" {gz_regions.get(r, 0) / n / 1e3:.1f} |"
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--gzip", action="store_true", help="also gzip -6 each file")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: not a folder", file=sys.stderr)
        return 2
    m = measure(args.site, args.gzip)
    print(json.dumps(m, indent=1, sort_keys=True) if args.json else report(m, args.gzip))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
