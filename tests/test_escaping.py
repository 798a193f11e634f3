"""Escaping by construction (issue 11, «What to build» 2): one escaping path for every
corpus string that reaches HTML, the theme's page titles included."""

from __future__ import annotations

import re
from pathlib import Path

import material
from conftest import REPO

from generator.site import esc, page

THEME = REPO / "generator" / "theme"
MATERIAL = Path(material.__file__).parent / "templates"
# A page title printed without the escape filter (`striptags` and a default do not escape).
RAW_TITLE = re.compile(r"\{\{\s*page\.(?:meta\.)?title\s*(?:\|\s*(?:striptags|d\([^)]*\))\s*)*\}\}")


def _raw_titles(folder: Path) -> dict[str, int]:
    out = {}
    for f in sorted(folder.rglob("*.html")):
        n = len(RAW_TITLE.findall(f.read_text(encoding="utf-8")))
        if n:
            out[str(f.relative_to(folder))] = n
    return out


def test_the_theme_prints_page_titles_raw_where_zan_overrides_it():
    # What mkdocs-material 9.8.1 prints raw (mkdocs renders templates without autoescape).
    assert _raw_titles(MATERIAL) == {
        "base.html": 2,
        "partials/content.html": 1,
        "partials/header.html": 2,
    }
    # zan's overrides: the partials are replaced, base.html's title block is overridden.
    assert _raw_titles(THEME) == {}
    for partial in ("partials/content.html", "partials/header.html"):
        assert (THEME / partial).exists()
    main = (THEME / "main.html").read_text(encoding="utf-8")
    assert "{% block htmltitle %}" in main
    assert "<title>{{ page.meta.title | e }} - {{ config.site_name | e }}</title>" in main


def test_every_theme_override_is_the_pinned_partial_with_only_the_escape_added():
    for partial in ("partials/content.html", "partials/header.html"):
        ours = (THEME / partial).read_text(encoding="utf-8").split("-#}\n", 1)[1]
        theirs = (MATERIAL / partial).read_text(encoding="utf-8").split("-#}\n", 1)[1]
        assert _unescaped(ours) == _unescaped(theirs)


def _unescaped(template: str) -> str:
    """A template with every ``| e`` filter removed (and spaces before ``}}``)."""
    return re.sub(r"\s*\}\}", "}}", re.sub(r"\s*\|\s*e\s*\}\}", "}}", template))


def test_one_escaping_path_in_the_generator():
    """Only site.py escapes (markupsafe); every other module calls `site.esc`."""
    escapers = re.compile(
        r"^\s*(?:import html\b|from html import|from xml\.sax|import markupsafe)", re.M
    )
    users = sorted(
        str(f.relative_to(REPO))
        for f in (REPO / "generator").rglob("*.py")
        if escapers.search(f.read_text(encoding="utf-8"))
    )
    assert users == ["generator/site.py"]


def test_esc_escapes_the_five_characters_and_nothing_else():
    assert esc("«Заң» <b> & \"x\" 'y'") == "«Заң» &lt;b&gt; &amp; &#34;x&#34; &#39;y&#39;"
    assert esc(107) == "107"


def test_esc_escapes_a_string_that_claims_to_be_safe_html():
    from markupsafe import Markup

    assert esc(Markup("<img src=x onerror=alert(1)>")) == "&lt;img src=x onerror=alert(1)&gt;"


def test_a_page_heading_is_escaped_html_and_no_markdown():
    md = page("Әкімшілік рәсімдер туралы {: onclick=x } [a](javascript:b) &amp;", "<p></p>")
    assert "<h1>Әкімшілік рәсімдер туралы {: onclick=x } [a](javascript:b) &amp;amp;</h1>" in md
    # The front matter keeps the plain title (the theme escapes it).
    assert md.startswith("---\ntitle: 'Әкімшілік рәсімдер туралы {: onclick=x } [a](javascript:b)")
