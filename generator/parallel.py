"""The kk | ru parallel reading view of an act: Kazakh left, Russian right, row by eId.

One page per act for the texts in force (``…/<ACT>/parallel/``) and one per version that
both languages have (``…/<ACT>/<VERSION>/parallel/``). Where the two texts in force are
different stored editions (Law 88-V: kk Z2200000141, ru Z2200000129) the page says so
above the rows. A unit that one language's text lacks has an empty cell that says so.
The rows are laid out in the browser (zan.js) from the kk and the ru page of the texts,
by the rule of `aligned`: the page holds only where they are (`parallel_shell`).

>>> PAR["ru"]["absent"]
'В этом тексте нет'
"""

from __future__ import annotations

import difflib

from .model import Act, Unit
from .site import (
    LANGS,
    OTHER,
    SiteAct,
    SiteVersion,
    act_url,
    date_text,
    esc,
    lang_switch,
    page,
    rel,
    ui,
    version_name,
)

PAR = {lang: ui(lang)["parallel_view"] for lang in ("kk", "ru")}  # generator/data/ui.yml


def aligned(kk: Act, ru: Act) -> list[tuple[str, Unit | None, Unit | None]]:
    """The rows of the view: (eId, kk unit, ru unit), in the texts' order; a unit that one
    text lacks stands where the other text has it.

    >>> from .parse import parse_markdown
    >>> a = parse_markdown("# T\\n\\n### 1-бап. А {#art_1}\\n\\n1. Бір.\\n\\n2. Екі.\\n", "kk")
    >>> b = parse_markdown("# T\\n\\n### Статья 1. А {#art_1}\\n\\n1. Один.\\n", "ru")
    >>> [(e, k is not None, r is not None) for e, k, r in aligned(a, b)]
    [('art_1', True, True), ('art_1__para_1', True, True), ('art_1__para_2', True, False)]
    """
    left = [u for u in kk.walk() if u.eid]
    right = [u for u in ru.walk() if u.eid]
    a, b = [u.eid for u in left], [u.eid for u in right]
    rows: list[tuple[str, Unit | None, Unit | None]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            rows += [
                (left[i].eid, left[i], right[j])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
        else:
            rows += [(left[i].eid, left[i], None) for i in range(i1, i2)]
            rows += [(right[j].eid, None, right[j]) for j in range(j1, j2)]
    return rows


def _css_text(text: str) -> str:
    """A string as the inside of a CSS string in a style element (``\\``, ``"`` and ``<``
    as CSS escapes: no HTML entity is read there)."""
    return "".join(f"\\{ord(c):x} " if c in '\\"<' else c for c in text)


def cell_labels() -> str:
    """The language name above each cell where the columns stack (a phone, zan.css): said
    once per page in a style rule, not in every cell; decorative (``/ ""``: not read out),
    as the column heads name the languages.

    >>> cell_labels()
    '<style>.zan-par-cell[lang=kk]::before{content:"Қазақша"/""}.zan-par-cell[lang=ru]::before{content:"Русский"/""}</style>'
    """
    rules = "".join(
        f'.zan-par-cell[lang={lg}]::before{{content:"{_css_text(ui(lg)["lang_name"])}"/""}}'
        for lg in LANGS
    )
    return f"<style>{rules}</style>"


def parallel_shell(act: SiteAct, vk: SiteVersion, vr: SiteVersion, lang: str, page_dir: str) -> str:
    """The parallel view as the page holds it: the column heads and where the two texts
    are; zan.js fetches the kk and the ru page and lays their units side by side, row by
    eId (`aligned` is the rule: the texts' order, a unit one text lacks where the other has
    it). The texts are not written a third and fourth time (issue 16: a site a host can
    carry); without JavaScript the page links to both texts.

    >>> from generator.model import DateSpec
    >>> v = SiteVersion("original", DateSpec.parse("2013-04-15"), {}, {"kk": None, "ru": None})
    >>> a = SiteAct("Z1300000088", {}, [v])
    >>> shell = parallel_shell(a, v, v, "ru", "ru/acts/Z1300000088/parallel/")
    >>> import html, json, re
    >>> json.loads(html.unescape(re.search(r'data-zan-parallel="([^"]*)"', shell)[1]))
    {'absent': 'В этом тексте нет', 'kk': '../../../../kk/acts/Z1300000088/', 'ru': '../'}
    """
    import json

    heads = "".join(
        f'<h2 class="zan-par-head" lang="{lg}">{esc(ui(lg)["lang_name"])}</h2>' for lg in LANGS
    )
    where = {
        "kk": rel(page_dir, act.page_url("kk", vk.id)),
        "ru": rel(page_dir, act.page_url("ru", vr.id)),
        "absent": PAR[lang]["absent"],
    }
    links = " · ".join(
        f'<a href="{esc(where[lg])}" lang="{lg}">{esc(ui(lg)["lang_name"])}</a>' for lg in LANGS
    )
    return (
        f'{cell_labels()}<div class="zan-par" data-pagefind-ignore '
        f'data-zan-parallel="{esc(json.dumps(where, ensure_ascii=False, sort_keys=True))}">'
        f'<div class="zan-par-row">{heads}</div></div><noscript><p>{links}</p></noscript>'
    )


def parallel_pair(act: SiteAct, version: str | None) -> tuple[SiteVersion, SiteVersion] | None:
    """The kk and ru versions a parallel page shows: the texts in force (``version`` None)
    or one version both languages have; None when there is no pair."""
    if version is None:
        kk, ru = act.current("kk"), act.current("ru")
        return (kk, ru) if kk and ru else None
    v = next((x for x in act.versions if x.id == version), None)
    return (v, v) if v and all(lg in v.texts for lg in LANGS) else None


def parallel_url(lang: str, act_id: str, version: str | None = None) -> str:
    """Site path of a parallel page."""
    return act_url(lang, act_id, version) + "parallel/"


def parallel_page(act: SiteAct, lang: str, version: str | None = None) -> str | None:
    """The parallel page in one language tree (labels in ``lang``), or None."""
    pair = parallel_pair(act, version)
    if pair is None:
        return None
    vk, vr = pair
    t = ui(lang)
    page_dir = parallel_url(lang, act.id, version)
    title = act.meta["title"].get(lang) or act.meta["title"].get(OTHER[lang]) or act.id
    parts = [lang_switch(lang, page_dir, parallel_url(OTHER[lang], act.id, version))]
    if vk.id != vr.id:
        what = {
            lg: f"{version_name(act, v, lang)} ({t['in_force_from']}: {date_text(v.date, lang)})"
            for lg, v in (("kk", vk), ("ru", vr))
        }
        parts.append(
            '<div class="zan-banner zan-par-editions" role="note">'
            f"{esc(PAR[lang]['editions_differ'].format(**what))}</div>"
        )
    links = " · ".join(
        f'<a href="{esc(rel(page_dir, act.page_url(lg, v.id)))}" lang="{lg}">'
        f"{esc(ui(lg)['lang_name'])}: {esc(version_name(act, v, lang))}</a>"
        for lg, v in (("kk", vk), ("ru", vr))
    )
    parts.append(f'<p class="zan-version-line">{links}</p>')
    parts.append(parallel_shell(act, vk, vr, lang, page_dir))
    # The contents panel (the page's language's headings, every row carries its eId) is
    # the fetched text's own, put in place by zan.js with the rows.
    return page(f"{title}: {t['parallel']}", "\n\n".join(parts))


def _in_force_version(act: SiteAct) -> str | None:
    """The version whose kk and ru texts are both the texts in force, if one is: its
    parallel view is the act's ``…/parallel/`` page."""
    pair = parallel_pair(act, None)
    return pair[0].id if pair and pair[0].id == pair[1].id else None


def parallel_pages(act: SiteAct, lang: str) -> dict[str, str]:
    """Every parallel page of an act in one language tree (paths relative to the tree).

    The version in force in both languages has one parallel page, ``…/parallel/``; its
    own address ``…/<VERSION>/parallel/`` leads there (the unit named by the address
    kept), until a later version comes into force and it gets its page again.
    """
    from .outstanding_pages import redirect_page

    out = {}
    now = _in_force_version(act)
    for version in [None, *(v.id for v in act.versions)]:
        path = f"acts/{act.id}/" + (f"{version}/" if version else "") + "parallel/index.md"
        if version is not None and version == now:
            here = parallel_url(lang, act.id, version)
            title = act.meta["title"].get(lang) or act.meta["title"].get(OTHER[lang]) or act.id
            target = rel(here, parallel_url(lang, act.id))
            out[path[: -len(".md")] + ".html"] = redirect_page(
                target, f"{title}: {ui(lang)['parallel']}", lang
            )
            continue
        html = parallel_page(act, lang, version)
        if html is not None:
            out[path] = html
    return out


def parallel_link(act: SiteAct, lang: str, version: str | None, page_dir: str) -> str:
    """A link from an act page to its parallel view, or '' when there is none."""
    if parallel_pair(act, version) is None:
        return ""
    if version is not None and version == _in_force_version(act):
        version = None  # the texts in force: the act's own parallel page
    href = rel(page_dir, parallel_url(lang, act.id, version))
    return f'<p class="zan-par-link"><a href="{esc(href)}">{esc(PAR[lang]["open"])}</a></p>'
