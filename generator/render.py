"""Render stage (text forms): an `Act` → structured Markdown or the official plain layout.

`render_markdown` is the inverse of `parse.parse_markdown`: parse → render → parse gives the
same tree and render is byte-stable. `render_text` is the official plain layout used by
`zan consolidate --format text`.

>>> from generator.parse import parse_markdown
>>> src = "# T\\n\\n### Статья 1. {#art_1}\\n\\nУтвердить:\\n\\n2009 год.\\n"
>>> print(render_text(parse_markdown(src, "ru")))
T
Статья 1. Утвердить:
2009 год.
<BLANKLINE>
"""

from __future__ import annotations

import yaml

from .model import Act, Unit


def heading_line(unit: Unit) -> str:
    """A heading unit's line as written: «15-бап. Heading», «Статья 1.», «1-қосымша»."""
    label = unit.label_text or ""
    if unit.type == "annex":
        return label or unit.heading or ""
    if unit.heading:
        return f"{label}. {unit.heading}" if label else unit.heading
    return f"{label}."


def render_markdown(act: Act, meta: bool = True) -> str:
    """Structured Markdown of the act (docs/structured-markdown.md), byte-stable."""
    out: list[str] = []
    if meta and act.meta:
        dumped = yaml.safe_dump(act.meta, allow_unicode=True, sort_keys=False).rstrip("\n")
        out.append(f"---\n{dumped}\n---")
    out.append(f"# {act.title}")
    for note in act.notes:
        out.append(f"> {note.text}")

    def emit(unit: Unit, depth: int) -> None:
        hashes = "#" * min(depth + 2, 6)
        if unit.type == "annex" and unit.label_text:
            # «1-қосымша», the approval stamp, then the title of the document it carries.
            out.append(f"{hashes} {unit.label_text} {{#{unit.eid}}}")
            if unit.text:
                out.append(unit.text)
            if unit.heading:
                out.append(f"{'#' * min(depth + 3, 6)} {unit.heading} {{#{unit.eid}__heading}}")
            out.extend(f"> {n.text}" for n in unit.heading_notes)
            child_depth = depth + 1
        elif unit.type in ("annex", "part", "chp", "subchp", "art"):
            out.append(f"{hashes} {heading_line(unit)} {{#{unit.eid}}}")
            out.extend(f"> {n.text}" for n in unit.heading_notes)
            if unit.text:
                out.append(unit.text)
            child_depth = depth + 1
        else:
            if unit.quoted:
                out.append(f"```new-text\n{unit.text}\n```")
            elif unit.text:
                out.append(unit.text)
            child_depth = depth
        for child in unit.children:
            emit(child, child_depth)
        out.extend(f"> {n.text}" for n in unit.notes)

    for unit in act.body:
        emit(unit, 0)
    if act.signature:
        out.append("***")
        out.extend(act.signature)
    return "\n\n".join(out) + "\n"


def render_text(act: Act, notes: bool = False) -> str:
    """The official plain layout: title, then one line per heading and per paragraph.

    An article without a heading is its number and first paragraph on one line
    («Статья 1. Утвердить …»); editorial notes only with ``notes=True``.
    """
    out: list[str] = [act.title]
    if notes:
        out.extend(n.text for n in act.notes)

    def emit(unit: Unit) -> None:
        if unit.type in ("annex", "part", "chp", "subchp", "art"):
            line = heading_line(unit)
            if unit.type == "art" and not unit.heading and unit.text:
                out.append(f"{line} {unit.text}")
            else:
                out.append(line)
                if unit.text:
                    out.append(unit.text)
                if unit.type == "annex" and unit.label_text and unit.heading:
                    out.append(unit.heading)
            if notes:
                out.extend(n.text for n in unit.heading_notes)
        elif unit.text:
            out.append(unit.text)
        for child in unit.children:
            emit(child)
        if notes:
            out.extend(n.text for n in unit.notes)

    for unit in act.body:
        emit(unit)
    out.extend(act.signature)
    return "\n".join(out) + "\n"


def unit_tree(unit: Unit) -> dict:
    """A unit as plain data (`zan tree --format json`, the site's open data)."""
    return {"eid": unit.eid, **unit_fields(unit), "children": [unit_tree(c) for c in unit.children]}


def unit_fields(unit: Unit) -> dict:
    """A unit's own fields as `unit_tree` gives them, without its eId and its children
    (whose data the caller may not need: act_data's records are per unit).

    >>> unit_fields(Unit(type="art", num="9", eid="art_9", heading="Жария талқылау"))
    {'type': 'art', 'num': '9', 'heading': 'Жария талқылау', 'text': '', 'notes': [], 'repealed': False}
    """
    return {
        "type": unit.type,
        "num": unit.num,
        "heading": unit.heading,
        "text": unit.text,
        "notes": [n.text for n in unit.heading_notes + unit.notes],
        "repealed": unit.repealed,
    }
