"""Render stage (site): published acts, versions and diffs → Markdown pages for mkdocs.

The pages are plain Markdown files whose law text is pre-rendered, escaped HTML, so the
site can move to another static generator without touching this module. Every unit gets
its eId as anchor, a copy-link and a copy-citation action and a link to the same unit in
the other language.

>>> rel("kk/acts/Z1/original/", "ru/acts/Z1/original/")
'../../../../ru/acts/Z1/original/'
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import markupsafe
import yaml

from . import units
from .cite import cite_parts, phrase_forms, unit_phrase
from .eid import EId
from .md_html import as_markdown_output
from .model import HEADING_TYPES, Act, DateSpec, Unit  # HEADING_TYPES: units.yml
from .render import heading_line

LANGS = ("kk", "ru")
OTHER = {"kk": "ru", "ru": "kk"}


@cache
def ui(lang: str) -> dict:
    """Interface strings of a language (data/ui.yml)."""
    from .datafile import DATA, load_data

    return load_data(DATA / "ui.yml")[lang]


DATE_FORMS = {
    "kk": {
        "after": "{d} кейін",
        "before": "{d} дейін",
        "between": "{a} мен {b} аралығында",
        "unknown": "белгісіз",
    },
    "ru": {
        "after": "после {d}",
        "before": "до {d}",
        "between": "между {a} и {b}",
        "unknown": "неизвестна",
    },
}


def first_upper(text: str) -> str:
    """A phrase that begins a line or a cell: «с изменениями …» → «С изменениями …»."""
    return text[:1].upper() + text[1:]


def operation_text(action: str, lang: str) -> str:
    """What an operation does, in words of ``lang`` (never its code).

    >>> operation_text("substitute_words", "ru"), operation_text("insert", "kk")
    ('замена слов', 'толықтыру')
    """
    names = ui(lang)["operations"]
    return names.get(action) or names["other"]


def day_text(day: dt.date | str | None) -> str:
    """A day as the pages write it in both languages, day first; a value that is not a
    whole ISO date (an unknown date) stays as the sources give it.

    >>> day_text("2013-04-15"), day_text(dt.date(2007, 6, 18)), day_text("unknown")
    ('15.04.2013', '18.06.2007', 'unknown')
    """
    iso = day.isoformat() if isinstance(day, dt.date) else str(day or "")
    parts = iso.split("-")
    return ".".join(reversed(parts)) if len(parts) == 3 else iso


def date_text(spec: DateSpec, lang: str, forms: dict | None = None) -> str:
    """A date as known, in the page's language (never a guessed day); ``forms`` gives the
    phrases of a sentence that holds it (exact, after, before, between, unknown: a form it
    lacks is said as unknown), by default the bare date forms of ``DATE_FORMS``.

    >>> date_text(DateSpec.parse("after 2007-06-18"), "kk")
    '18.06.2007 кейін'
    >>> date_text(DateSpec.parse("between 2013-04-16 and 2016-02-29"), "ru")
    'между 16.04.2013 и 29.02.2016'
    """
    forms = forms or DATE_FORMS[lang]
    words = spec.text.split()
    if spec.exact:
        return forms.get("exact", "{d}").format(d=day_text(spec.text))
    if words and words[0] in ("after", "before") and words[0] in forms:
        return forms[words[0]].format(d=day_text(words[1]))
    if words and words[0] == "between":
        return forms["between"].format(a=day_text(words[1]), b=day_text(words[3]))
    return forms["unknown"]


_HTML_SPECIAL = re.compile("[&<>\"']")


def esc(text: object) -> str:
    """HTML-escape a string from the corpus: the one escaping path of the site.

    Every corpus string that reaches a page goes through here (markupsafe's escape, the
    same function the theme's ``| e`` filter applies to the page title), in text and in
    attribute values alike: ``& < > " '`` become entities, so a `<script>` in a source, a
    title or a remark appears as text and a quote cannot end an attribute.

    >>> esc('<script> & "x"'), esc("«Заң»")
    ('&lt;script&gt; &amp; &#34;x&#34;', '«Заң»')
    >>> esc("'><img src=x onerror=alert(1)>")
    '&#39;&gt;&lt;img src=x onerror=alert(1)&gt;'
    """
    # A plain str always (a markupsafe.Markup would pass through unescaped).
    text = str.__str__(text) if isinstance(text, str) else str(text)
    # Most law text has none of the five characters: returned as it is.
    return str(markupsafe.escape(text)) if _HTML_SPECIAL.search(text) else text


def json_attr(data: object) -> str:
    """An attribute value holding JSON, with its quotes: single-quoted, so the JSON's own
    double quotes stay as they are (``"`` would take 5 bytes each as ``&#34;``); ``&``,
    ``<`` and ``'`` become entities (markupsafe's, as `esc`), so no value ends the attribute.

    >>> print(json_attr({"a": "«x» & 'y' </div>"}))
    '{"a":"«x» &amp; &#39;y&#39; &lt;/div>"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "'" + text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;") + "'"


@lru_cache(maxsize=1 << 16)
def rel(from_dir: str, to: str) -> str:
    """Relative URL from one page directory to another path (both site-relative)."""
    target = posixpath.relpath(to.rstrip("/") or ".", from_dir.rstrip("/") or ".")
    return target + ("/" if to.endswith("/") else "")


@dataclass
class SiteVersion:
    """One version of an act as published: its texts and where they came from."""

    id: str
    date: DateSpec
    label: dict[str, str]  # per language: what produced it
    texts: dict[str, Act]
    provenance: dict[str, dict] = field(default_factory=dict)  # per language
    not_reflected: list[dict] = field(default_factory=list)  # {act, reason}
    status: str = "past"  # in_force | pending | past
    partial: bool = False
    amender: dict | None = None  # act.yml of the amending act that produced it (computed)
    # per language: in_force | pending | past (a version in force in one language may be
    # past in the other: each language's text in force is its own latest version)
    lang_status: dict[str, str] = field(default_factory=dict)


@dataclass
class SiteAct:
    """An act of the corpus with everything its pages show."""

    id: str
    meta: dict
    versions: list[SiteVersion]
    history: dict[str, list[dict]] = field(default_factory=dict)  # eid → changes
    amendments: list[dict] = field(default_factory=list)  # ledger rows that target it
    effects: list[dict] = field(default_factory=list)  # its own consolidation's rows
    amender_meta: dict[str, dict] = field(default_factory=dict)  # amending act ID → act.yml
    today: object = None  # the build date (clock.today(), `--today`)
    diffs: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (a,b,lang) → html
    first_seen: dict | None = None  # eId → first version that has it (publish._fate_map)
    # Work done once per act and reused by its pages (unit indexes, rendered texts, diffs).
    memo: dict = field(default_factory=dict, repr=False)
    # title_key(title) → act ID for every act of the corpus (references to other acts).
    act_titles: dict[str, str] = field(default_factory=dict, repr=False)

    def remember(self, key: tuple, make):
        """The memoised result of ``make()`` under ``key``."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    def outstanding(self, lang: str) -> list[dict]:
        """The outstanding effects on this act's text in one language (ledger rows)."""
        return [  # in the order the effects were to be applied (consolidate stage)
            r
            for r in self.effects
            if r.get("lang") == lang and str(r.get("status", "")).startswith("outstanding-")
        ]

    def current(self, lang: str) -> SiteVersion | None:
        """The latest version in force with a text in this language."""
        cands = [v for v in self.versions if lang in v.texts and v.status != "pending"]
        return cands[-1] if cands else None

    def page_url(self, lang: str, version: str | None) -> str:
        """Site path of a version's page: the act's own page for the version in force in
        ``lang`` (its version address is a small page leading there, fragment kept:
        `publish.act_pages`), else ``…/<ACT-ID>/<VERSION>/``.

        >>> from generator.model import DateSpec
        >>> v = SiteVersion("original", DateSpec.parse("2013-04-15"), {}, {"kk": None})
        >>> a = SiteAct("Z1300000088", {}, [v])
        >>> a.page_url("kk", "original"), a.page_url("ru", "original")
        ('kk/acts/Z1300000088/', 'ru/acts/Z1300000088/original/')
        """
        cur = self.current(lang)
        return act_url(lang, self.id, None if cur is not None and cur.id == version else version)


def version_name(act: SiteAct, v: SiteVersion, lang: str) -> str:
    """A version named in words of ``lang``, as the pages show it (never its ID).

    A stored edition is named by what it is consolidated up to (act.yml ``consolidated``),
    a computed one by the amending act whose changes zan applied.

    >>> from generator.model import DateSpec
    >>> ed = SiteVersion("Z1900000272", DateSpec.parse("after 2019-11-25"), {}, {})
    >>> a = SiteAct("Z1300000088", {"editions": [{"id": "Z1900000272", "consolidated":
    ...     {"ru": "с изменениями по Закону РК от 25.11.2019 № 272-VI"}}]}, [ed])
    >>> version_name(a, ed, "ru")
    'с изменениями по Закону РК от 25.11.2019 № 272-VI'
    """
    for ed in act.meta.get("editions") or []:
        if isinstance(ed, dict) and ed.get("id") == v.id:
            words = str((ed.get("consolidated") or {}).get(lang) or "")
            if words:
                return words
    return v.label.get(lang) or ui(lang)["version_unnamed"]


# ---------------------------------------------------------------- unit rendering


def act_url(lang: str, act_id: str, version: str | None = None) -> str:
    """Site path of an act page (or of one of its versions)."""
    return f"{lang}/acts/{act_id}/" + (f"{version}/" if version else "")


@dataclass
class UnitContext:
    """What the unit renderer needs to know about the page it writes into."""

    lang: str
    act_id: str
    version: str
    meta: dict
    page_dir: str
    other_missing: set[str]  # eIds of this text that the other language's text lacks
    other_version: str | None
    refs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # eid → citing
    # Drafts: where remarks go (mailto), and the remarks already received per unit.
    remark_to: str | None = None
    remark_label: str = ""
    remarks: dict[str, list[str]] = field(default_factory=dict)
    url_base: str = "acts"
    # Editorial corrections recorded in the corpus, by the eId they landed in.
    corrections: dict[str, list[dict]] = field(default_factory=dict)
    # Units named by outstanding effects: eId → the marker's HTML (outstanding_pages).
    marks: dict[str, str] = field(default_factory=dict)
    # eId → the links to the instructions that made its generated notes (instruction_links)
    note_links: dict[str, str] = field(default_factory=dict)
    # the other language's page of ``other_version`` when it is not its version address
    # (the version in force there: the act's own page, `SiteAct.page_url`)
    other_page: str | None = None


# Heading level of each heading unit (units.yml's heading types): parts, chapters and annexes h2,
# sub-chapters
# and articles h3 (the page title is the h1).
HEADING_LEVEL = {"annex": 2, "part": 2, "chp": 2, "subchp": 3, "art": 3}


def toc_entries(body: list[Unit]) -> list[dict]:
    """The contents panel of an act page: its heading units, nested, with their eIds.

    >>> from .parse import parse_markdown
    >>> act = parse_markdown("# T\\n\\n### 1-бап. Мақсаты {#art_1}\\n\\n1. Бірінші.\\n", "kk")
    >>> toc_entries(act.body)
    [{'id': 'art_1', 'title': '1-бап. Мақсаты'}]
    """
    out = []
    for u in body:
        if u.type in HEADING_TYPES:
            entry = {"id": u.eid, "title": heading_line(u)}
            children = toc_entries(u.children)
            if children:
                entry["children"] = children
            out.append(entry)
    return out


def render_unit(unit: Unit, ctx: UnitContext, linkify) -> str:
    """HTML of one unit and its children (escaped text, anchors, actions)."""
    t = ui(ctx.lang)
    # Each unit's citation phrase (copy citation; parts, chapters and sub-chapters have
    # none) is made by zan.js from its eId (act_container: `cite.phrase_forms`).
    heading = unit.type in HEADING_TYPES
    # Chapters, articles (and parts, sections, annexes) are real headings carrying the eId
    # (contents panel, screen-reader navigation, search sub-results); their section keeps
    # the eId as data-eid. Other units (points, subpoints) keep it as the section's id.
    anchor = f' data-eid="{esc(unit.eid)}"' if heading else f' id="{esc(unit.eid)}"'
    parts = [
        f'<section class="zan-unit zan-{unit.type}{" zan-repealed" if unit.repealed else ""}"'
        f"{anchor}>"
    ]
    if heading:
        level = HEADING_LEVEL[unit.type]
        head = heading_line(unit)
        h_open = f'<h{level} class="zan-h zan-h{level}" id="{esc(unit.eid)}">'
        parts.append(f"{h_open}{esc(head)}</h{level}>")
        if unit.text:
            parts.append(f'<p class="zan-text">{linkify(unit.text)}</p>')
        if unit.type == "annex" and unit.label_text and unit.heading:
            parts.append(f'<p class="zan-h zan-h3"><strong>{esc(unit.heading)}</strong></p>')
    elif unit.text:
        if unit.text.startswith("|"):
            parts.append(_table_html(unit.text))
        else:
            parts.append(f'<p class="zan-text">{linkify(unit.text)}</p>')
    if unit.eid in ctx.marks:
        parts.append(ctx.marks[unit.eid])
    for note in unit.heading_notes:
        cls = "zan-note zan-generated" if note.generated else "zan-note"
        parts.append(f'<p class="{cls}">{esc(note.text)}</p>')
    # The unit's actions (anchor, copy link, copy citation, other language, remark) are
    # added here by zan.js from the page's configuration (act_container).
    for child in unit.children:
        parts.append(render_unit(child, ctx, linkify))
    for note in unit.notes:
        cls = "zan-note zan-generated" if note.generated else "zan-note"
        links = ctx.note_links.get(unit.eid, "") if note.generated else ""
        parts.append(f'<p class="{cls}">{esc(note.text)}{links}</p>')
    for c in ctx.corrections.get(unit.eid, []):
        parts.append(correction_html(c, ctx.lang))
    received = ctx.remarks.get(unit.eid)
    if received:
        parts.append(f'<ul class="zan-remarks">{"".join(received)}</ul>')
    citing = ctx.refs.get(unit.eid)
    if citing:
        links = ", ".join(f'<a href="#{esc(e)}">{esc(lbl)}</a>' for e, lbl in citing)
        parts.append(f'<p class="zan-cited-by">{esc(t["cited_by"])}: {links}</p>')
    parts.append("</section>")
    return "".join(parts)


def correction_html(c: dict, lang: str) -> str:
    """An editorial correction as the page shows it: what, where, why; original kept."""
    t = ui(lang)
    reason = c.get("reason") or {}
    why = reason.get(lang) if isinstance(reason, dict) else str(reason)
    where = f" ({t['source_line'].format(line=c['source_line'])})" if c.get("source_line") else ""
    return (
        f'<p class="zan-correction">{esc(t["editorial_correction"])}: '
        f"«{esc(c['find'])}» → «{esc(c['replace'])}»{esc(where)}. {esc(why or '')}</p>"
    )


ANCHOR_LABEL = {lang: ui(lang)["anchor_label"] for lang in ("kk", "ru")}  # generator/data/ui.yml


def actions_ui(lang: str) -> dict:
    """What the unit actions of every page of a language tree share: how a unit's own
    phrase is made from its eId (``phrase``: `cite.phrase_forms`) and the buttons' words.
    Written once per language tree (``assets/zan-ui.js``, `actions_ui_script`), not on
    every page.

    >>> actions_ui("ru")["labels"]["copy_link"], actions_ui("kk")["phrase"]["last_first"]
    ('Копировать ссылку', False)
    """
    t = ui(lang)
    return {
        "phrase": phrase_forms(lang),
        "labels": {
            "copy_link": t["copy_link"],
            "copy_cite": t["copy_cite"],
            "copied": t["copied"],
            "anchor": ANCHOR_LABEL[lang],
        },
    }


def actions_ui_script(lang: str) -> str:
    """``assets/zan-ui.js`` of a language tree: `actions_ui` for zan.js (loaded before it by
    generator/theme/main.html).

    >>> actions_ui_script("kk").splitlines()[1].startswith('window.zanUI={"labels":{"anchor":')
    True
    """
    data = json.dumps(actions_ui(lang), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        "// zan: generator/site.py actions_ui\nwindow.zanUI=" + data.replace("<", "\\u003c") + ";\n"
    )


def act_container(ctx: UnitContext, units_html: str, extra: str = "") -> str:
    """The law text of a page with the configuration its unit actions are built from.

    What every citation of the act shares, the versioned link and the other language's
    page are said once here (what every page of the language shares: `actions_ui`).
    """
    before, after = cite_parts(ctx.meta, ctx.lang)
    if ctx.url_base == "acts":
        version_path = act_url(ctx.lang, ctx.act_id, ctx.version)
    else:
        version_path = f"{ctx.lang}/{ctx.url_base}/{ctx.act_id}/"
    config = {
        "href": rel(ctx.page_dir, version_path),
        "cite": [before, after],
    }
    if ctx.remark_to:
        config["remark"] = {"to": ctx.remark_to, "label": ctx.remark_label}
    if ctx.other_version:
        other = OTHER[ctx.lang]
        config["other"] = {
            "href": rel(
                ctx.page_dir, ctx.other_page or act_url(other, ctx.act_id, ctx.other_version)
            ),
            "name": ui(other)["lang_name"],
            "lang": other,
            # the units without the other language's link (most texts: none)
            "missing": sorted(ctx.other_missing),
        }
    return (
        f'<div class="zan-act" lang="{ctx.lang}" data-zan={json_attr(config)}{extra}>'
        f"{units_html}</div>"
    )


def _table_html(text: str) -> str:
    rows = [r.strip().strip("|").split("|") for r in text.splitlines()]
    rows = [r for r in rows if not all(set(c.strip()) <= set("-: ") for c in r)]
    if not rows:
        return ""
    head, *body = rows
    out = ['<table class="zan-table"><thead><tr>']
    # A header cell the source leaves empty is no header (a <td>: nothing to announce).
    out += [f"<th>{esc(c.strip())}</th>" if c.strip() else "<td></td>" for c in head]
    out.append("</tr></thead><tbody>")
    for r in body:
        out.append("<tr>" + "".join(f"<td>{esc(c.strip())}</td>" for c in r) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


# ---------------------------------------------------------------- cross-references

NUM = r"\d+(?:-\d+)*"
# «осы Заңның 13-бабы 4-тармағы», «осы Заңның 13-бабының 4-тармағына», «осы баптың 2-тармағы»
# (the unit words: generator/grammar/units.yml, cross_reference)
KK_REF = re.compile(
    rf"осы\s+(?:Заңның|Кодекстің|Қағидалардың|қаулының|бұйрықтың)\s+({NUM})-"
    rf"{units.cross_reference_words('art', 'kk')}"
    rf"(?:\s+({NUM})-{units.cross_reference_words('para', 'kk')}\w*)?"
)
# «пунктом 3 статьи 15 настоящего Закона», «статьей 15 настоящего Закона»
RU_REF = re.compile(
    rf"(?:{units.cross_reference_words('para', 'ru')}\s+({NUM})\s+)?"
    rf"{units.cross_reference_words('art', 'ru')}\s+({NUM})\s+настоящего\s+(?:Закона|Кодекса)"
)

REF_WORD = {"kk": "осы", "ru": "настоящего"}


def find_references(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Cross-references to units of the same act: (start, end, eId).

    >>> find_references("пунктом 3 статьи 15 настоящего Закона", "ru")
    [(0, 37, 'art_15__para_3')]
    >>> find_references("осы Заңның 13-бабы 4-тармағында", "kk")
    [(0, 31, 'art_13__para_4')]
    """
    out: list[tuple[int, int, str]] = []
    # Every pattern contains its language's word: most texts are passed over at once.
    if REF_WORD[lang] not in text:
        return out
    rx, art, para = (KK_REF, 1, 2) if lang == "kk" else (RU_REF, 2, 1)
    for m in rx.finditer(text):
        segs = [("art", m[art])] + ([("para", m[para])] if m[para] else [])
        out.append((m.start(), m.end(), str(EId.of(*segs))))
    return out


# A quoted title: «…» or "…" (the text bank uses both).
QUOTED_TITLE = re.compile(r'[«"“]([^«»"“”\n]{4,300})[»"”]')
# The site root of the page a piece of unit HTML ends up on: the unit HTML of a version is
# rendered once and shared by pages at different depths (act_version_page fills it in).
ROOT = "\x00zan-root\x00"


@cache
def _act_words(lang: str) -> re.Pattern:
    from .cite import act_words

    stems = act_words(lang)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + r")", re.I)


def find_act_references(
    text: str, lang: str, titles: dict[str, str], near: int = 100
) -> list[tuple[int, int, str]]:
    """Quoted titles of acts of the corpus, each with an act word near it: (start, end, ID).

    The title must be an act's title exactly (as act_match.title_key folds spaces, quotes,
    dashes, case and look-alikes): a link never guesses.

    >>> from generator.act_match import title_key
    >>> titles = {title_key("Мемлекеттік көрсетілетін қызметтер туралы"): "Z1300000088"}
    >>> text = ('"Мемлекеттік көрсетілетін қызметтер туралы" 2013 жылғы 15 сәуірдегі '
    ...         'Қазақстан Республикасы Заңының 8-бабының 8) тармақшасына сәйкес')
    >>> find_act_references(text, "kk", titles)
    [(0, 43, 'Z1300000088')]
    >>> find_act_references("2) Мемлекеттік көрсетілетін қызметтер туралы ақпарат", "kk", titles)
    []
    """
    from .act_match import title_key

    out: list[tuple[int, int, str]] = []
    if not titles:
        return out
    words = _act_words(lang)
    for m in QUOTED_TITLE.finditer(text):
        act_id = titles.get(title_key(m[1]))
        if act_id is None:
            continue
        around = text[max(0, m.start() - near) : m.start()] + " " + text[m.end() : m.end() + near]
        if words.search(around):
            out.append((m.start(), m.end(), act_id))
    return out


def make_linkify(
    lang: str, index: dict[str, Unit], titles: dict[str, str] | None = None, own: str = ""
):
    """A function that escapes a text and links its cross-references: units of the same
    act present in ``index``, and quoted titles of the other acts of the corpus
    (``titles``: title_key → act ID; ``own``: this act's ID, never linked to itself)."""
    others = {k: v for k, v in (titles or {}).items() if v != own}

    def linkify(text: str) -> str:
        refs = [(s, e, f"#{eid}") for s, e, eid in find_references(text, lang) if eid in index]
        refs += [
            (s, e, f"{ROOT}{lang}/acts/{act_id}/")
            for s, e, act_id in find_act_references(text, lang, others)
        ]
        if not refs:
            return esc(text)
        out, pos = [], 0
        for start, end, href in sorted(refs):
            if start < pos:  # overlapping references: the first one wins
                continue
            out.append(esc(text[pos:start]))
            out.append(f'<a class="zan-xref" href="{esc(href)}">{esc(text[start:end])}</a>')
            pos = end
        out.append(esc(text[pos:]))
        return "".join(out)

    return linkify


def root_prefix(page_dir: str) -> str:
    """The relative path from a page's folder to the site root («kk/acts/Z1/» → «../../../»)."""
    return "../" * len([p for p in page_dir.split("/") if p])


def cited_by(
    act: Act, lang: str, idx: dict[str, Unit] | None = None
) -> dict[str, list[tuple[str, str]]]:
    """eId → the units of the same text that cite it (eId, label); ``idx``: act.index()."""
    idx = idx if idx is not None else act.index()
    out: dict[str, list[tuple[str, str]]] = {}
    for u in act.walk():
        for text in (u.text,):
            for _, _, eid in find_references(text, lang):
                if eid in idx and u.eid != eid:
                    lst = out.setdefault(eid, [])
                    item = (u.eid, unit_phrase(u.eid, lang))
                    if item not in lst:
                        lst.append(item)
    return out


# ---------------------------------------------------------------- page helpers


def page(title: str, body: str, meta: dict | None = None) -> str:
    """A Markdown page: YAML front matter, the title as an escaped ``<h1>``, then raw HTML.

    The front matter holds the title as plain text: the theme prints it into ``<title>``
    and the header through its ``| e`` filter (generator/theme/main.html,
    partials/header.html), the page's heading is written here with `esc`. The heading is
    HTML, not a Markdown ``#`` line, so no Markdown syntax in a title (``[x](…)``, ``{: …}``,
    entities) is ever interpreted.

    >>> print(page("<b> & [x](javascript:y)", "<p>…</p>"))
    ---
    title: <b> & [x](javascript:y)
    zan_html: true
    ---
    <BLANKLINE>
    <h1>&lt;b&gt; &amp; [x](javascript:y)</h1>
    <BLANKLINE>
    <p>…</p>
    <BLANKLINE>
    """
    fm = {"title": title, **(meta or {}), "zan_html": True}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when installed
    dumped = yaml.dump(fm, Dumper=dumper, allow_unicode=True, sort_keys=True).rstrip("\n")
    # The body as python-markdown would return it (generator/md_html.py): `zan_html` tells
    # the mkdocs chunk builder to hand it to the theme as it is, unconverted.
    html = as_markdown_output(f"<h1>{esc(title)}</h1>\n\n{body}")
    return f"---\n{dumped}\n---\n\n{html}\n"


def lang_switch(lang: str, page_dir: str, other_dir: str | None) -> str:
    """The language switch: lands on the same page, keeping the anchor (site.js)."""
    other = OTHER[lang]
    if other_dir is None:
        return ""
    href = rel(page_dir, other_dir)
    return (
        f'<p class="zan-lang-switch" data-pagefind-ignore><a class="zan-switch" '
        f'hreflang="{other}" lang="{other}" href="{esc(href)}">{esc(ui(other)["lang_name"])}</a></p>'
    )


def json_dump(data: object) -> str:
    """Deterministic JSON."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
