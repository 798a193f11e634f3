"""Output forms of a diff (`generator.diff.ActDiff`): JSON, terminal text, HTML fragments.

Every form refuses a diff that holds a ``degenerate`` pair (`DegenerateDiff`): such a
diff is never published. All text is HTML-escaped in the HTML forms (a ``<script>`` in a
source is text). Output is deterministic: the same diff gives the same bytes.

>>> from generator.parse import parse_markdown
>>> from generator.diff import diff_acts
>>> a = parse_markdown("# T\\n\\n### 1-бап. А {#art_1}\\n\\n1. Бір <b>.\\n", "kk")
>>> b = parse_markdown("# T\\n\\n### 1-бап. А {#art_1}\\n\\n1. Екі <b>.\\n", "kk")
>>> print(to_terminal(diff_acts(a, b), "kk", color=False))
1-бап 1-тармақ
  1. [-Бір-]{+Екі+} <b>.
<BLANKLINE>
өзгерді 1, енгізілді 0, алып тасталды 0, орны ауысты 0; +1 / -1 сөз
"""

from __future__ import annotations

import json
import re

from .diff import ActDiff, DegenerateDiff, UnitDiff, diff_acts
from .model import Act
from .site import esc, ui  # esc: the site's one escaping path

GREEN = "\x1b[32m"
RED_STRUCK = "\x1b[31;9m"
YELLOW = "\x1b[33m"
BOLD = "\x1b[1m"
RESET = "\x1b[0m"

_SUMMARY = {lang: ui(lang)["redline_summary"] for lang in ("kk", "ru")}  # generator/data/ui.yml


def summary_text(summary: dict, lang: str) -> str:
    """A diff's counts in words of ``lang``.

    >>> summary_text({"changed": 4, "inserted": 42, "repealed": 0, "moved": 0,
    ...               "words_in": 739, "words_out": 21}, "ru")
    'изменено 4, добавлено 42, исключено 0, перемещено 0; +739 / -21 слов'
    """
    keys = ("changed", "inserted", "repealed", "moved", "words_in", "words_out")
    return _SUMMARY[lang].format(**{k: summary.get(k, 0) for k in keys})


_STATUS = {lang: ui(lang)["redline_status"] for lang in ("kk", "ru")}  # generator/data/ui.yml
_FLAG = {lang: ui(lang)["redline_flags"] for lang in ("kk", "ru")}  # generator/data/ui.yml


def check_publishable(diff: ActDiff) -> None:
    """Raise `DegenerateDiff` naming every degenerate pair; else return None.

    >>> from generator.diff import ActDiff, UnitDiff
    >>> check_publishable(ActDiff([UnitDiff("a", "a", "same", [("=", "x")])], "kk", "versions"))
    """
    bad = [p for p in diff.pairs if "degenerate" in p.flags]
    if bad:
        names = ", ".join(f"{p.old} → {p.new}" for p in bad)
        raise DegenerateDiff(
            f"degenerate diff (the texts share most words, the diff replaces everything): "
            f"{names}; not published"
        )


def to_json_data(diff: ActDiff) -> list[dict]:
    """DESIGN.md's list ``[{old, new, status, words}]``; ``flags`` only when there are any.

    >>> from generator.diff import ActDiff, UnitDiff
    >>> to_json_data(ActDiff([UnitDiff("art_9", "art_15", "moved", [("=", "x")])], "kk", "acts"))
    [{'old': 'art_9', 'new': 'art_15', 'status': 'moved', 'words': [['=', 'x']]}]
    """
    check_publishable(diff)
    out = []
    for p in diff.pairs:
        item: dict = {
            "old": p.old,
            "new": p.new,
            "status": p.status,
            "words": [[op, text] for op, text in p.words],
        }
        if p.flags:
            item["flags"] = list(p.flags)
        out.append(item)
    return out


def to_json(diff: ActDiff) -> str:
    """`to_json_data` as JSON text (UTF-8 characters kept, two-space indent).

    >>> from generator.diff import ActDiff, UnitDiff
    >>> d = ActDiff([UnitDiff(None, "art_2", "inserted", [("+", "Жаңа")])], "kk", "acts")
    >>> print(to_json(d))
    [
      {
        "old": null,
        "new": "art_2",
        "status": "inserted",
        "words": [
          [
            "+",
            "Жаңа"
          ]
        ]
      }
    ]
    """
    return json.dumps(to_json_data(diff), ensure_ascii=False, indent=2)


def _term_words(words: list[tuple[str, str]], color: bool) -> str:
    out = []
    for op, text in words:
        if op == "=":
            out.append(text)
        elif color:
            out.append((GREEN if op == "+" else RED_STRUCK) + text + RESET)
        else:
            out.append(f"{{+{text}+}}" if op == "+" else f"[-{text}-]")
    return "".join(out)


def _pair_header(p: UnitDiff, lang: str) -> str:
    status = _STATUS[lang].get(p.status, "")
    bits = [p.label]
    if status:
        bits.append(f"({status})")
    bits.extend(f"[{_FLAG[lang].get(f, f)}]" for f in p.flags)
    return " ".join(bits)


def to_terminal(diff: ActDiff, lang: str | None = None, color: bool = True) -> str:
    """The redline for a terminal: each changed unit's label and its marked text, then the
    summary. Colour: green inserted, red struck-through deleted; without colour the marks
    are ``{+…+}`` and ``[-…-]``. Unchanged units are not shown.

    >>> from generator.diff import ActDiff, UnitDiff
    >>> d = ActDiff([UnitDiff(None, "art_2__para_1", "inserted", [("+", "1. Жаңа.")],
    ...     "", "2-бап 1-тармақ")], "kk", "versions", summary={"changed": 0, "inserted": 1,
    ...     "repealed": 0, "moved": 0, "words_in": 2, "words_out": 0})
    >>> to_terminal(d, color=True).splitlines()[1]
    '  \\x1b[32m1. Жаңа.\\x1b[0m'
    """
    check_publishable(diff)
    lang = lang or diff.lang
    lines: list[str] = []
    for p in diff.changes():
        header = _pair_header(p, lang)
        lines.append(f"{BOLD}{header}{RESET}" if color else header)
        body = _term_words(p.words, color)
        lines.extend("  " + line for line in body.split("\n"))
    lines.append("")
    summary = summary_text(diff.summary, lang)
    lines.append(f"{YELLOW}{summary}{RESET}" if color else summary)
    return "\n".join(lines)


# ------------------------------------------------------------------------------- HTML


def _esc(text: str) -> str:
    return esc(text).replace("\n", "<br>")


_PUNCT_ONLY = re.compile(r"[\W_]+")


def _mark(tag: str, text: str) -> str:
    """``<ins>``/``<del>`` of a change; a change of punctuation alone («;» → «.») is marked
    ``zan-punct`` so the page can make one character as visible as a word."""
    cls = ' class="zan-punct"' if _PUNCT_ONLY.fullmatch(text) and text.strip() else ""
    return f"<{tag}{cls}>{_esc(text)}</{tag}>"


def _inline(words: list[tuple[str, str]], side: str = "both") -> str:
    out = []
    for op, text in words:
        if op == "=":
            out.append(_esc(text))
        elif op == "+" and side in ("both", "new"):
            out.append(_mark("ins", text))
        elif op == "-" and side in ("both", "old"):
            out.append(_mark("del", text))
    return "".join(out)


def _attrs(p: UnitDiff) -> str:
    flags = f' data-flags="{esc(" ".join(p.flags))}"' if p.flags else ""
    return f'class="zan-diff-{p.status}" data-old="{esc(p.old or "")}" ' + (
        f'data-new="{esc(p.new or "")}"{flags}'
    )


def html_inline(diff: ActDiff, changed_only: bool = False, extra: dict | None = None) -> str:
    """HTML fragment: each unit with its changes marked ``<ins>`` / ``<del>`` in place;
    ``extra``: eId → HTML added to that unit's row (the instructions that made the change).

    >>> from generator.diff import ActDiff, UnitDiff
    >>> d = ActDiff([UnitDiff("art_1", "art_1", "changed",
    ...     [("=", "a "), ("-", "<script>"), ("+", "b")], "1-бап", "1-бап")], "kk", "versions")
    >>> print(html_inline(d).splitlines()[1].split("</span> ")[1])
    <p>a <del>&lt;script&gt;</del><ins>b</ins></p></div>
    """
    check_publishable(diff)
    rows = ['<div class="zan-diff zan-diff-inline">']
    for p in diff.pairs:
        if changed_only and p.status == "same":
            continue
        more = (extra or {}).get(p.new or p.old or "", "")  # trusted HTML (page stage)
        rows.append(
            f'<div {_attrs(p)}><span class="zan-diff-label">{_esc(p.label)}</span> '
            f"<p>{_inline(p.words)}</p>{more}</div>"
        )
    rows.append("</div>")
    return "\n".join(rows)


def html_side_by_side(diff: ActDiff, changed_only: bool = False, extra: dict | None = None) -> str:
    """HTML fragment: a table, old text (deletions marked) | new text (insertions marked);
    ``extra`` as in `html_inline`, in the new text's cell.

    >>> from generator.diff import ActDiff, UnitDiff
    >>> d = ActDiff([UnitDiff("art_9", "art_15", "moved", [("=", "a "), ("-", "b"),
    ...     ("+", "c")], "9-бап", "15-бап")], "kk", "acts")
    >>> for cell in html_side_by_side(d).splitlines()[2].split("<td")[1:]:
    ...     print(cell)
     class="zan-diff-old"><span class="zan-diff-label">9-бап</span> a <del>b</del></td>
     class="zan-diff-new"><span class="zan-diff-label">15-бап</span> a <ins>c</ins></td></tr>
    """
    check_publishable(diff)
    rows = ['<table class="zan-diff zan-diff-side-by-side">', "<tbody>"]
    for p in diff.pairs:
        if changed_only and p.status == "same":
            continue
        old = (
            f'<span class="zan-diff-label">{_esc(p.old_label)}</span> {_inline(p.words, "old")}'
            if p.old
            else ""
        )
        new = (
            f'<span class="zan-diff-label">{_esc(p.new_label)}</span> {_inline(p.words, "new")}'
            if p.new
            else ""
        )
        more = (extra or {}).get(p.new or p.old or "", "")  # trusted HTML (page stage)
        rows.append(
            f'<tr {_attrs(p)}><td class="zan-diff-old">{old}</td>'
            f'<td class="zan-diff-new">{new}{more}</td></tr>'
        )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def _parallel_rows(diff_kk: ActDiff, diff_ru: ActDiff, changed_only: bool):
    """(eId, kk pair, ru pair) of the kk | ru table, aligned by eId in the Kazakh order; a
    Russian-only unit goes after the row of the unit that precedes it in the ru diff."""
    check_publishable(diff_kk)
    check_publishable(diff_ru)
    by_ru = {p.key: p for p in diff_ru.pairs}
    keys = [p.key for p in diff_kk.pairs]
    seen = set(keys)
    order: list[str] = list(keys)
    prev = None
    for p in diff_ru.pairs:
        if p.key not in seen:
            at = order.index(prev) + 1 if prev in order else len(order)
            order.insert(at, p.key)
            seen.add(p.key)
        prev = p.key
    by_kk = {p.key: p for p in diff_kk.pairs}
    for key in order:
        pk, pr = by_kk.get(key), by_ru.get(key)
        if changed_only and all(p is None or p.status == "same" for p in (pk, pr)):
            continue
        yield key, pk, pr


def _parallel_cell(p: UnitDiff | None, lang: str, words: bool = True) -> str:
    if p is None:
        return f'<td class="zan-diff-absent" lang="{lang}"></td>'
    body = (
        f'<span class="zan-diff-label">{_esc(p.label)}</span> {_inline(p.words)}' if words else ""
    )
    return f'<td class="zan-diff-{p.status}" lang="{lang}">{body}</td>'


def html_parallel(diff_kk: ActDiff, diff_ru: ActDiff, changed_only: bool = False) -> str:
    """HTML fragment: the same change in Kazakh | Russian, rows aligned by eId.

    A unit present in one language's diff only (the two files are different editions)
    has an empty cell on the other side.

    >>> from generator.diff import ActDiff, UnitDiff
    >>> kk = ActDiff([UnitDiff("art_1", "art_1", "changed", [("-", "бір"), ("+", "екі")],
    ...     "1-бап", "1-бап")], "kk", "versions")
    >>> ru = ActDiff([UnitDiff("art_1", "art_1", "changed", [("-", "один"), ("+", "два")],
    ...     "ст. 1", "ст. 1")], "ru", "versions")
    >>> for cell in html_parallel(kk, ru).splitlines()[2].split("<td ")[1:]:
    ...     print(cell.split("</span> ")[0].split(">")[0], cell.split("</span> ")[1])
    class="zan-diff-changed" lang="kk" <del>бір</del><ins>екі</ins></td>
    class="zan-diff-changed" lang="ru" <del>один</del><ins>два</ins></td></tr>
    """
    rows = ['<table class="zan-diff zan-diff-parallel">', "<tbody>"]
    for key, pk, pr in _parallel_rows(diff_kk, diff_ru, changed_only):
        rows.append(
            f'<tr data-eid="{esc(key)}">{_parallel_cell(pk, "kk")}{_parallel_cell(pr, "ru")}</tr>'
        )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def html_parallel_frame(diff_kk: ActDiff, diff_ru: ActDiff) -> str:
    """The kk | ru table of a redline page (`html_parallel` with ``changed_only``) without
    the words of the changes, which the inline views of the two pages already hold: zan.js
    fills each empty cell with the row of that eId in the inline view of its language
    (this page's, or the other language's page, fetched) and then shows the table. A unit
    unchanged in one language keeps its text in its cell: no inline view holds it.
    Without JavaScript the table stays hidden (the page links the other language's).

    >>> from generator.diff import ActDiff, UnitDiff
    >>> kk = ActDiff([UnitDiff("art_1", "art_1", "changed", [("-", "бір"), ("+", "екі")],
    ...     "1-бап", "1-бап")], "kk", "versions")
    >>> ru = ActDiff([UnitDiff("art_1", "art_1", "same", [("=", "один")],
    ...     "ст. 1", "ст. 1")], "ru", "versions")
    >>> print(html_parallel_frame(kk, ru).splitlines()[2])
    <tr data-eid="art_1"><td class="zan-diff-changed" lang="kk"></td><td class="zan-diff-same" lang="ru"><span class="zan-diff-label">ст. 1</span> один</td></tr>
    """
    rows = ['<table class="zan-diff zan-diff-parallel" hidden>', "<tbody>"]
    for key, pk, pr in _parallel_rows(diff_kk, diff_ru, True):
        cells = "".join(
            _parallel_cell(p, lang, words=p is not None and p.status == "same")
            for p, lang in ((pk, "kk"), (pr, "ru"))
        )
        rows.append(f'<tr data-eid="{esc(key)}">{cells}</tr>')
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def diff_command(
    old_act: Act,
    new_act: Act,
    lang: str | None = None,
    fmt: str = "text",
    mode: str = "versions",
    renumbered: dict[str, str] | None = None,
    color: bool = True,
) -> str:
    """What `zan diff` prints: ``fmt`` ``text`` (terminal redline) or ``json``.

    Raises `generator.diff.DiffError` (a degenerate or oversized diff, a bad mode) for
    the CLI to report on stderr with a non-zero exit.

    >>> from generator.parse import parse_markdown
    >>> a = parse_markdown("# T\\n\\n### 1-бап. А {#art_1}\\n\\n1. Бір.\\n", "kk")
    >>> diff_command(a, a, fmt="json").count('"same"')
    3
    """
    if fmt not in ("text", "json"):
        raise ValueError(f"unknown format {fmt!r} (text or json)")
    diff = diff_acts(old_act, new_act, mode=mode, renumbered=renumbered)
    if fmt == "json":
        return to_json(diff)
    return to_terminal(diff, lang or new_act.lang, color=color)
