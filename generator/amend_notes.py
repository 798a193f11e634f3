"""Applying operations on an article's legal note (docs/units.md «Legal notes»).

A legal note («Примечание.», «Примечания.» then its points; «Ескерту.», «Ескертулер.») is
the unit ``note`` of its article (``art_50__note``), unnumbered, after the article's last
part; its points are ``art_50__note__para_1`` … and change as any point does (generator/
amend.py). Here: a note inserted («статью 50 дополнить примечанием следующего содержания»)
or replaced as a whole («примечание изложить в следующей редакции»).
"""

from __future__ import annotations

from . import eid as _eid
from . import units as _units
from .model import Unit
from .parse import ParseError, parse_markdown


def parse_note(new: str | None, lang: str, article: Unit, err) -> Unit:
    """The quoted wording of a note as the note unit of ``article`` (its points inside).

    >>> art = Unit(type="art", num="50", eid="art_50")
    >>> n = parse_note("Примечания.\\n\\n1. Первый.\\n\\n2. Второй.", "ru", art, ValueError)
    >>> n.eid, [c.eid for c in n.children]
    ('art_50__note', ['art_50__note__para_1', 'art_50__note__para_2'])
    """
    if not new or not new.strip():
        raise err("the instruction quotes no new text")
    if article.type != "art":
        raise err(f"a legal note belongs to an article, not to a {article.type}")
    blocks = [" ".join(x.split()) for x in new.strip().split("\n\n") if x.strip()]
    if not _units.legal_note(blocks[0], lang):
        raise err(f"the new text does not start with a legal note: {blocks[0][:40]!r}")
    label = _units.label(article.type, article.num, lang)
    md = "\n\n".join([f"# {label}", f"### {label} {{#{article.eid}}}", *blocks]) + "\n"
    try:
        snippet = parse_markdown(md, lang, f"<new text of {article.eid}>", amending=False)
    except ParseError as e:
        raise err(f"the new text does not parse: {e}") from e
    art = snippet.body[0] if snippet.body else None
    kids = art.children if art is not None else []
    if len(kids) != 1 or kids[0].type != "note":
        raise err("the new text is not one legal note")
    return kids[0]


def insert(applier, op) -> None:
    """A new note at the end of its article (after its last part)."""
    err = lambda reason: applier.error(op, reason)  # noqa: E731
    path = applier._target(op, _eid.parent(op.target))
    article = path[-1]
    if any(c.type == "note" for c in article.children):
        raise err(f"{op.target} already exists")
    note = parse_note(op.new, applier.act.lang, article, err)
    article.children.append(note)
    applier.note(path + [note], "inserted")


def replace(applier, op) -> None:
    """A note's new wording, all its points with it."""
    err = lambda reason: applier.error(op, reason)  # noqa: E731
    path = applier._target(op)
    old = path[-1]
    article = path[-2]
    note = parse_note(op.new, applier.act.lang, article, err)
    note.notes = old.notes
    article.children[article.children.index(old)] = note
    applier.note(path[:-1] + [note], "replaced")
