"""Search bundles written by Pagefind's service process (generator/search_index.py).

The pages are made of real text: the heading and first point of article 15 of Law No. 88-V
(Kazakh, edition Z2200000141; Russian, Z2200000129) as the corpus stores them.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess

import pytest
from conftest import REPO

from generator import build
from generator.search_index import PagefindService, write_bundles

ACT = "corpus/Z1300000088"


def _article_15(lang: str) -> tuple[str, str]:
    """(heading, first point) of article 15, as the stored text gives them."""
    edition = {"kk": "Z2200000141", "ru": "Z2200000129"}[lang]
    text = (REPO / ACT / edition / f"{lang}.md").read_text(encoding="utf-8")
    m = re.search(r"^### (.+?) \{#art_15\}\n(?:\n>.*\n)?\n(1\. .+)$", text, re.M)
    return m[1], m[2]


def _page(lang: str) -> str:
    heading, point = _article_15(lang)
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{heading}</title></head><body>'
        f'<nav>menu</nav><div data-pagefind-body><h3 id="art_15">{heading}</h3>'
        f'<p id="art_15__para_1">{point}</p></div></body></html>'
    )


@pytest.fixture
def site(tmp_path):
    for lang in ("kk", "ru"):
        page = tmp_path / lang / "acts" / "Z1300000088" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(_page(lang), encoding="utf-8")
    return tmp_path


def _fragment(bundle) -> dict:
    """The one page's fragment (gzip: Pagefind's signature, then JSON)."""
    (frag,) = (bundle / "fragment").iterdir()
    data = gzip.decompress(frag.read_bytes())
    return json.loads(data[data.index(b"{") :])


def _files(folder) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_service_writes_the_bundle_the_command_line_writes(site):
    rel = "kk/acts/Z1300000088/index.html"
    assert build.write_search_bundles(site, [([rel], "pagefind/kk/a00")], jobs=2) == 1
    subprocess.run(
        [build._pagefind_binary(), "--site", str(site), "--silent", "--glob", rel]
        + ["--output-subdir", "cli"],
        check=True,
    )
    raw = _files(site / "cli")
    for name in raw:
        if not build._kept(name):
            (site / "cli" / name).unlink()
    build.sort_pagefind_entry(site / "cli" / "pagefind-entry.json")
    assert _files(site / "pagefind/kk/a00") == _files(site / "cli")
    # only the index and the code are kept: Pagefind's ready-made interfaces are not
    ui = sorted(set(raw) - set(_files(site / "cli")))
    assert ui == [
        "pagefind-component-ui.css",
        "pagefind-component-ui.js",
        "pagefind-highlight.js",
        "pagefind-modular-ui.css",
        "pagefind-modular-ui.js",
        "pagefind-ui.css",
        "pagefind-ui.js",
    ]
    # what the search page reads: the page's address, its title and its article heading
    frag = _fragment(site / "pagefind/kk/a00")
    heading, point = _article_15("kk")
    assert frag["url"] == "/kk/acts/Z1300000088/"
    assert frag["meta"]["title"] == heading
    assert frag["content"] == f"{heading}. {point}"
    assert [(a["element"], a["id"], a["text"]) for a in frag["anchors"]][0] == (
        "h3",
        "art_15",
        heading,
    )


def test_one_process_per_core_writes_every_bundle(site):
    runs = [
        (["kk/acts/Z1300000088/index.html"], "pagefind/kk/a00"),
        (["ru/acts/Z1300000088/index.html"], "pagefind/ru/a00"),
        (["ru/acts/Z1300000088/index.html"], "pagefind/ru/a01"),
    ]
    assert write_bundles(build._pagefind_binary(), site, runs, jobs=2) == 2
    assert write_bundles(build._pagefind_binary(), site, runs[:1], jobs=2) == 1
    assert write_bundles(build._pagefind_binary(), site, [], jobs=2) == 0
    heading, _point = _article_15("ru")
    assert _fragment(site / "pagefind/ru/a01")["meta"]["title"] == heading
    entry = json.loads((site / "pagefind/ru/a00/pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["ru"] and entry["languages"]["ru"]["page_count"] == 1
    # the same pages give the same bytes, whichever process wrote them
    assert _files(site / "pagefind/ru/a00") == _files(site / "pagefind/ru/a01")


def test_a_pagefind_that_died_is_a_clear_error(site):
    service = PagefindService(build._pagefind_binary())
    service._proc.kill()
    with pytest.raises(RuntimeError, match=r"^pagefind failed \(exit -9\)$"):
        service.bundle(site, ["kk/acts/Z1300000088/index.html"], site / "out")
