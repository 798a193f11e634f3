"""Generated pages skip python-markdown (generator/md_html.py, generator/mkdocs_chunks.py).

On a build of this repository's corpus: every generated page's body is exactly what
python-markdown returns for it (what benchmarks/md_parity.py counts), and the site the
chunk builder makes without converting them equals, byte for byte, the site plain
``mkdocs build`` (python-markdown on every page) makes of the same pages.
"""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from generator.build import build_site
from generator.md_html import as_markdown_output
from generator.site import page

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(site, cache) of the repository's corpus."""
    tmp = tmp_path_factory.mktemp("mdhtml")
    build_site(REPO, tmp / "site", today=TODAY, progress=False, search=False, cache_dir=tmp / "c")
    return tmp / "site", tmp / "c"


def _pages(cache: Path, lang: str) -> list[Path]:
    return sorted((cache / "docs" / lang / "c0").rglob("*.md"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_page_body_is_what_python_markdown_returns(built, lang):
    from mkdocs import config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    _site, cache = built
    cfg = config.load_config(config_file=str(cache / "work" / f"mkdocs-{lang}-c0.yml"))
    files = get_files(cfg)
    same, generated, pages = [], [], files.documentation_pages()
    for f in pages:
        p = Page(None, f, cfg)
        p.read_source(cfg)
        generated += [f.src_uri] if p.meta.get("zan_html") is True else []
        body = p.markdown.strip("\n")
        p.render(cfg, files)  # python-markdown, as mkdocs converts a page
        same += [f.src_uri] if p.content == body else []
    # 33 before the version in force had one page (its version URL an alias, not a page)
    assert len(pages) == len(_pages(cache, lang)) == {"kk": 28, "ru": 32}[lang]
    assert same == generated == [f.src_uri for f in pages]  # every page generated, all equal


def test_pages_not_converted_equal_the_python_markdown_site_byte_for_byte(built, tmp_path):
    site, cache = built
    cfg = yaml.safe_load((cache / "work" / "mkdocs-kk-c0.yml").read_text("utf-8"))
    cfg["site_dir"] = str(tmp_path / "plain")
    plain_cfg = tmp_path / "plain.yml"
    plain_cfg.write_text(yaml.safe_dump(cfg, allow_unicode=True), "utf-8")
    # Plain mkdocs: python-markdown converts every page (the build before md_html.py), with
    # the theme's chrome compacted as the chunk builder has it (generator/chrome.py).
    plain_build = (
        "import sys\n"
        "from mkdocs import config\n"
        "from mkdocs.commands import build\n"
        "from generator.chrome import CompactChrome\n"
        "cfg = config.load_config(config_file=sys.argv[1])\n"
        "cfg.plugins['zan-compact-chrome'] = CompactChrome()\n"
        "cfg.plugins.on_startup(command='build', dirty=False)\n"
        "build.build(cfg)\n"
    )
    subprocess.run(
        [sys.executable, "-c", plain_build, str(plain_cfg)],
        check=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "0"},
    )
    plain = sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*.html"))
    assert len(plain) == 34  # 28 pages, 5 alias pages copied as they are, mkdocs' 404.html
    for rel in plain:
        assert (site / "kk" / rel).read_bytes() == (tmp_path / "plain" / rel).read_bytes(), rel
    # A real page: Law No. 88-V in force, with its units.
    law = (site / "kk" / "acts/Z1300000088/index.html").read_text("utf-8")
    assert '<section class="zan-unit zan-para" id="art_15__para_2"><p class="zan-text">2.' in law


def test_page_writes_the_body_as_python_markdown_returns_it():
    # The heading and the first block of the kk catalogue page, as site.page is given them.
    text = page("Актілер каталогы", "<p>a</p><table><tr><td>b</td></tr></table>")
    assert text == (
        "---\ntitle: Актілер каталогы\nzan_html: true\n---\n\n"
        "<h1>Актілер каталогы</h1>\n\n<p>a</p>\n<table><tr><td>b</td></tr></table>\n"
    )


@pytest.mark.parametrize(
    "body",
    [
        "<h2>A</h2><ul><li>x</li></ul> <p>b</p>\n\n\n\n<p>c</p>\n",
        '<style>p>a{}</style><div class="zan-par"><p>a</p>\n\n\n<p>b</p></div><hr><p>c</p>',
        '<p data-x=\'a>b\'>x</p><script type="application/json">{"a":"</p><p>"}</script><p>y</p>',
        "<p>a</p>  \n<p>b</p><!-- c --><p>d</p>",
    ],
)
def test_as_markdown_output_equals_python_markdown(body):
    import markdown

    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables"])
    assert as_markdown_output(body) == md.convert(body)
