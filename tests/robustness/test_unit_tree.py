"""Robustness: the unit tree of every stored text with headings. A heading whose eId
contradicts its number (anchors that would point at the wrong article), a reversed range,
a malformed eId, articles out of order, a point, subpoint or article deleted (a numbering
gap: generator/validate.py says why a gap cannot be real in a complete official text) —
each gives one exact error naming file, line and unit.
"""

from __future__ import annotations

import re

import pytest
from harness import REPO, assert_error, run

CATEGORY = "unit tree"

HEADED = sorted(
    str(p.relative_to(REPO))
    for top in ("corpus", "amendments", "drafts")
    for p in (REPO / top).rglob("*.md")
    if re.search(r"^#+ (\d+-бап|Статья \d)", p.read_text(encoding="utf-8"), re.M)
)
HEADING_RE = re.compile(
    r"^(#+) (?:(\d+(?:-\d+)*)-бап|Статья (\d+(?:-\d+)*))\.(.*)\{#art_([\d-]+)\}$"
)
PARA_RE = re.compile(r"^(\d+)\. ")


def _lines(rel: str) -> list[str]:
    return (REPO / rel).read_text(encoding="utf-8").split("\n")


def _headings(rel: str) -> list[tuple[int, str]]:
    """(0-based line, article number) of the article headings of a real text."""
    return [(i, m[5]) for i, s in enumerate(_lines(rel)) if (m := HEADING_RE.match(s))]


def _spread(items: list, n: int) -> list:
    """Up to n items spread through a list (first, …, last)."""
    if len(items) <= n:
        return items
    return [items[round(k * (len(items) - 1) / (n - 1))] for k in range(n)]


def _label(rel: str, num: str) -> str:
    return f"Статья {num}" if rel.endswith("ru.md") else f"{num}-бап"


def _relabel_cases():
    for rel in HEADED:
        for i, num in _spread(_headings(rel), 5):
            if "-" in num:
                continue
            other = str(int(num) + 1)
            yield rel, i, num, other


RELABEL = list(_relabel_cases())


@pytest.mark.parametrize(("rel", "index", "num", "other"), RELABEL)
def test_a_heading_number_that_contradicts_its_eid(repo, rel, index, num, other):
    path = repo / rel
    lines = _lines(rel)
    lines[index] = lines[index].replace(_label(rel, num), _label(rel, other), 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    out = run(repo, "check")
    got = assert_error(out, rel, index + 1, f"art_{num}")
    assert got == (
        f"{rel}:{index + 1}: art_{num}: heading «{_label(rel, other)}» has number {other} but "
        f"its eId says {num} (expected art_{other})"
    )


@pytest.mark.parametrize(("rel", "index", "num", "other"), RELABEL)
def test_an_eid_that_contradicts_its_heading_number(repo, rel, index, num, other):
    # «### 5-бап. … {#art_4-1}»: the anchor would name another article.
    path = repo / rel
    lines = _lines(rel)
    wrong = f"{int(num) - 1}-1" if num != "1" else "0-1"
    lines[index] = lines[index].replace(f"{{#art_{num}}}", f"{{#art_{wrong}}}")
    path.write_text("\n".join(lines), encoding="utf-8")
    out = run(repo, "check")
    got = assert_error(out, rel, index + 1, f"art_{wrong}")
    assert got == (
        f"{rel}:{index + 1}: art_{wrong}: heading «{_label(rel, num)}» has number {num} but "
        f"its eId says {wrong} (expected art_{num})"
    )


@pytest.mark.parametrize(("rel", "index", "num", "other"), RELABEL)
def test_a_malformed_heading_eid(repo, rel, index, num, other):
    path = repo / rel
    lines = _lines(rel)
    lines[index] = lines[index].replace(f"{{#art_{num}}}", f"{{#Art_{num}}}")
    path.write_text("\n".join(lines), encoding="utf-8")
    out = run(repo, "check")
    got = assert_error(out, rel, index + 1)
    assert got == f"{rel}:{index + 1}: unknown heading type in eId 'Art_{num}'"


def _swap_cases():
    for rel in HEADED:
        hs = [(i, n) for i, n in _headings(rel) if "-" not in n]
        for (i, a), (j, b) in _spread(list(zip(hs, hs[1:], strict=False)), 2):
            yield rel, i, a, j, b


@pytest.mark.parametrize(("rel", "i", "a", "j", "b"), list(_swap_cases()))
def test_articles_out_of_order(repo, rel, i, a, j, b):
    path = repo / rel
    lines = _lines(rel)
    # Two neighbouring articles exchange their numbers (label and eId both): 2 before 1.
    lines[i] = (
        lines[i]
        .replace(_label(rel, a), _label(rel, b), 1)
        .replace(f"{{#art_{a}}}", f"{{#art_{b}}}")
    )
    lines[j] = (
        lines[j]
        .replace(_label(rel, b), _label(rel, a), 1)
        .replace(f"{{#art_{b}}}", f"{{#art_{a}}}")
    )
    path.write_text("\n".join(lines), encoding="utf-8")
    out = run(repo, "check")
    got = assert_error(out, rel, j + 1, f"art_{a}")
    assert got == f"{rel}:{j + 1}: art_{a}: number {a} comes after {b} (numbers out of order)"


def _article_gap_cases():
    for rel in HEADED:
        lines = _lines(rel)
        hs = _headings(rel)
        # Three articles in a row in one chapter (no chapter heading between them).
        triples = [
            (hs[k], hs[k + 1], hs[k + 2])
            for k in range(len(hs) - 2)
            if all("-" not in n for _, n in hs[k : k + 3])
            and not any(lines[i].startswith("## ") for i in range(hs[k][0], hs[k + 2][0]))
        ]
        for prev, gone, nxt in _spread(triples, 2):
            yield rel, prev[1], gone[0], nxt[0], nxt[1]


@pytest.mark.parametrize(("rel", "prev", "start", "end", "nxt"), list(_article_gap_cases()))
def test_an_article_deleted_is_a_numbering_gap(repo, rel, prev, start, end, nxt):
    path = repo / rel
    lines = _lines(rel)
    del lines[start:end]  # the article's heading and every line up to the next article
    path.write_text("\n".join(lines), encoding="utf-8")
    line = start + 1
    out = run(repo, "check")
    got = assert_error(out, rel, line, f"art_{nxt}")
    assert got == (
        f"{rel}:{line}: art_{nxt}: numbering gap: {nxt} follows {prev} (units missing between "
        "them; a gap of the official text itself is recorded under the edition's `gaps`)"
    )


def _para_gap_cases():
    for rel in HEADED:
        lines = _lines(rel)
        found = []
        for (h, num), nxt in zip(
            _headings(rel), [*_headings(rel)[1:], (len(lines), "")], strict=False
        ):
            body = range(h + 1, nxt[0])
            paras = [(i, PARA_RE.match(lines[i])[1]) for i in body if PARA_RE.match(lines[i])]
            nums = [p for _, p in paras]
            if nums[:3] == ["1", "2", "3"] and not any(lines[i].startswith("#") for i in body):
                found.append((rel, num, paras[1][0], paras[2][0]))
        yield from _spread(found, 3)


@pytest.mark.parametrize(("rel", "art", "start", "end"), list(_para_gap_cases()))
def test_a_point_deleted_is_a_numbering_gap(repo, rel, art, start, end):
    path = repo / rel
    lines = _lines(rel)
    del lines[start:end]  # point 2 and all it holds, up to point 3
    path.write_text("\n".join(lines), encoding="utf-8")
    line = start + 1
    out = run(repo, "check")
    got = assert_error(out, rel, line, f"art_{art}__para_3")
    assert got == (
        f"{rel}:{line}: art_{art}__para_3: numbering gap: 3 follows 1 (units missing between "
        "them; a gap of the official text itself is recorded under the edition's `gaps`)"
    )


RANGES = [
    (str(p.relative_to(REPO)), i)
    for p in sorted((REPO / "corpus").rglob("*.md"))
    for i, s in enumerate(p.read_text(encoding="utf-8").split("\n"))
    if s.startswith("3) - 9) ")
]


@pytest.mark.parametrize(("rel", "index"), RANGES)
def test_a_reversed_range(repo, rel, index):
    path = repo / rel
    lines = _lines(rel)
    lines[index] = lines[index].replace("3) - 9) ", "9) - 3) ", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    out = run(repo, "check")
    got = assert_error(out, rel, index + 1, "art_6__subpara_9")
    assert got == f"{rel}:{index + 1}: art_6__subpara_9: range 9 - 3 runs backwards"


@pytest.mark.parametrize(("rel", "index"), RANGES)
def test_a_range_cut_to_one_end_leaves_a_gap(repo, rel, index):
    # «3) - 9) исключены» → «3) исключены»: subpoints 4 to 9 vanish from the tree.
    path = repo / rel
    lines = _lines(rel)
    lines[index] = lines[index].replace("3) - 9) ", "3) ", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    nxt = next(k for k in range(index + 1, len(lines)) if lines[k].startswith("10) "))
    out = run(repo, "check")
    got = assert_error(out, rel, nxt + 1, "art_6__subpara_10")
    assert got == (
        f"{rel}:{nxt + 1}: art_6__subpara_10: numbering gap: 10 follows 3 (units missing "
        "between them; a gap of the official text itself is recorded under the edition's `gaps`)"
    )
