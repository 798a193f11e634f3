"""`zan build`: the whole pipeline, corpus → site/.

import (stored texts) → parse → amend/consolidate (versions) → diff → render pages →
mkdocs-material (one build per language) → Pagefind search index → swap into place.
A build that fails leaves the previous site untouched: everything is built in a staging
folder beside the output and swapped in only at the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import publish
from .site import LANGS, json_dump, ui

THEME = Path(__file__).with_name("theme")


@dataclass
class BuildSummary:
    """What a build produced."""

    acts: int = 0
    versions: int = 0
    pages: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One-line summary for the terminal."""
        return (
            f"built {self.acts} acts, {self.versions} versions, {self.pages} pages "
            f"in {self.seconds:.1f} s"
        )


def mkdocs_config(lang: str, docs: Path, site: Path, base: Path | None = None) -> dict:
    """The mkdocs configuration of one language tree: mkdocs.yml plus the language's own."""
    t = ui(lang)
    config = yaml.safe_load(base.read_text(encoding="utf-8")) if base and base.exists() else {}
    config = config or {}
    theme = dict(config.get("theme") or {"name": "material"})
    theme["language"] = lang
    theme["custom_dir"] = str(THEME)  # always the package's partials (kk strings)
    theme["font"] = False
    config.update(
        {
            "site_name": t["site_name"],
            "docs_dir": str(docs),
            "site_dir": str(site),
            "theme": theme,
            "plugins": [],
            "nav": [{t["catalogue"]: "index.md"}, {t["search"]: "search/index.md"}],
        }
    )
    extra = dict(config.get("extra") or {})
    extra["generator"] = False  # no «Made with …» line: no English on a Kazakh page
    config["extra"] = extra
    config.setdefault("markdown_extensions", ["attr_list", "md_in_html", "tables"])
    config.setdefault("extra_css", ["assets/zan.css"])
    config.setdefault("extra_javascript", ["assets/zan.js"])
    return config


def _write_pages(pages: dict[str, str | bytes], docs: Path) -> None:
    for rel_path, content in sorted(pages.items()):
        path = docs / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _run_mkdocs(config: dict, workdir: Path) -> None:
    cfg = workdir / f"mkdocs-{config['theme']['language']}.yml"
    cfg.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=True), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(cfg)],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "0"},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{proc.stderr}")


def _run_pagefind(site: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"pagefind failed:\n{proc.stdout}\n{proc.stderr}")


def _strip_nondeterminism(site: Path) -> None:
    """mkdocs writes build dates into sitemaps; drop them for byte-identical builds."""
    for gz in site.rglob("sitemap.xml.gz"):
        gz.unlink()
    for sm in site.rglob("sitemap.xml"):
        sm.unlink()


def bulk_zip(files: dict[str, bytes]) -> bytes:
    """A deterministic zip (fixed timestamps, sorted names)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name])
    return buf.getvalue()


def build_site(
    root: Path,
    out: Path,
    today: dt.date | None = None,
    examples: bool = False,
    progress: bool = True,
    search: bool = True,
) -> BuildSummary:
    """Build the site from the corpus under ``root`` into ``out`` (swapped in at the end)."""
    from tqdm import tqdm

    start = time.perf_counter()
    today = today or dt.date.today()
    summary = BuildSummary()
    published = publish.assemble(root, today=today, examples=examples)
    summary.acts = len(published.acts)
    summary.versions = sum(len(a.versions) for a in published.acts)
    summary.warnings = list(published.warnings)

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=out.parent))
    try:
        work = staging / "_work"
        site_root = staging / "site"
        work.mkdir()
        site_root.mkdir()
        steps = [*LANGS]
        bar = tqdm(total=len(steps) * 3 + 2, disable=not progress, desc="zan build", unit="step")
        data_files: dict[str, bytes] = {}
        for lang in LANGS:
            pages = publish.pages(published, lang)
            summary.pages += sum(1 for p in pages if p.endswith(".md"))
            docs = work / "docs" / lang
            _write_pages(pages, docs)
            assets = docs / "assets"
            assets.mkdir(parents=True, exist_ok=True)
            for f in sorted((THEME / "assets").iterdir()):
                shutil.copyfile(f, assets / f.name)
            bar.update(1)
            _run_mkdocs(mkdocs_config(lang, docs, site_root / lang, root / "mkdocs.yml"), work)
            bar.update(1)
            for rel_path, content in pages.items():
                if rel_path.endswith(".json"):
                    data_files[f"{lang}/{rel_path}"] = (
                        content.encode("utf-8") if isinstance(content, str) else content
                    )
            _strip_nondeterminism(site_root / lang)
            bar.update(1)
        # Root: only helps choose a language.
        (site_root / "index.html").write_text(publish.root_index(), encoding="utf-8")
        manifest = publish.manifest(published)
        (site_root / "manifest.json").write_text(json_dump(manifest), encoding="utf-8")
        files = {name: data for name, data in data_files.items()}
        files["manifest.json"] = json_dump(manifest).encode("utf-8")
        (site_root / "download").mkdir()
        (site_root / "download" / "zan-corpus.zip").write_bytes(bulk_zip(files))
        bar.update(1)
        if search:
            _run_pagefind(site_root)
        bar.update(1)
        bar.close()
        # Swap: the previous site stays in place until the new one is complete.
        old = None
        if out.exists():
            old = out.with_name(out.name + ".old")
            if old.exists():
                shutil.rmtree(old)
            out.rename(old)
        site_root.rename(out)
        if old is not None:
            shutil.rmtree(old)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    summary.seconds = time.perf_counter() - start
    return summary


def tree_digest(path: Path) -> str:
    """SHA-256 over every file's relative path and bytes (for reproducibility checks)."""
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(path)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def main_build(root: Path, out: Path, examples: bool, search: bool) -> int:
    """Entry point for `zan build`: prints the summary; exit status."""
    try:
        summary = build_site(root, out, examples=examples, search=search)
    except (ValueError, RuntimeError) as e:
        print(f"build failed; the previous site is untouched.\n{e}", file=sys.stderr)
        return 1
    for w in summary.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(summary.line() + f"; site in {out}/", file=sys.stderr)
    return 0


__all__ = ["build_site", "BuildSummary", "main_build", "tree_digest", "json"]
