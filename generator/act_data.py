"""The open data of an act's versions: each unit's text stored once per act and language.

A version's ``act.json`` (``<lang>/acts/<ACT-ID>/<VERSION>/act.json``) says what the
version is (act, version, date, lang, title, provenance) and lists its unit tree,
``[{eid, ref, children}]``; each unit's own data (type, num, heading, text, notes,
repealed) is in the act's ``units.json`` (``<lang>/acts/<ACT-ID>/units.json``) under
``units[eid][ref]``, ``ref`` the first 12 hex digits of the SHA-256 of that data: one entry
per distinct text of a unit over all versions, so a unit no amending act touched is
written once, not once per version (issue 16: a site a host can carry). `decode` gives
back the full tree, as ``zan tree --format json`` writes it (docs/open-data.md).
"""

from __future__ import annotations

import hashlib
import json

from .model import Act, Unit
from .render import unit_tree

FORMAT = 2  # 1: every version's act.json held its whole tree (before issue 16)
TABLE = "units.json"  # beside the version folders; a version's act.json names it as ../units.json


# What a record leaves out when the unit has it (most units: no heading, no notes, in force).
DEFAULTS = {"heading": None, "text": "", "notes": [], "repealed": False}


def unit_record(unit: Unit) -> dict:
    """A unit's own data, without its children and without the fields that have their
    default value (`DEFAULTS`): what the table stores.

    >>> from generator.model import Unit
    >>> unit_record(Unit(eid="art_1", type="art", num="1",
    ...     heading="Осы Заңда пайдаланылатын негізгі ұғымдар"))["heading"]
    'Осы Заңда пайдаланылатын негізгі ұғымдар'
    """
    tree = unit_tree(unit)
    del tree["children"], tree["eid"]
    return {k: v for k, v in sorted(tree.items()) if k not in DEFAULTS or v != DEFAULTS[k]}


def unit_ref(record: dict) -> str:
    """The reference of one text of a unit: the first 12 hex digits of the SHA-256 of its
    record (canonical JSON), so versions sharing the text share the reference.

    >>> unit_ref({"num": "1", "text": "Осы Заңда мынадай негізгі ұғымдар пайдаланылады:",
    ...     "type": "art"})
    'b3a4cb9784c2'
    """
    raw = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]


def refs(units: list[Unit], table: dict[str, dict[str, dict]]) -> list[dict]:
    """The tree of ``units`` as references (``[{eid, ref, children?}]``, ``children``
    only where there are some), adding each unit's record to ``table[eid][ref]``.

    >>> from generator.model import Unit
    >>> table = {}
    >>> refs([Unit(eid="art_1", type="art", num="1",
    ...     text="Осы Заңда мынадай негізгі ұғымдар пайдаланылады:")], table)
    [{'eid': 'art_1', 'ref': 'b3a4cb9784c2'}]
    >>> table["art_1"]["b3a4cb9784c2"]["text"]
    'Осы Заңда мынадай негізгі ұғымдар пайдаланылады:'
    """
    out = []
    for u in units:
        rec = unit_record(u)
        ref = unit_ref(rec)
        table.setdefault(u.eid, {})[ref] = rec
        node = {"eid": u.eid, "ref": ref}
        if u.children:
            node["children"] = refs(u.children, table)
        out.append(node)
    return out


def version_data(head: dict, text: Act, table: dict[str, dict[str, dict]]) -> dict:
    """A version's ``act.json``: ``head`` (act, version, date, lang, title, provenance),
    the format, where the unit texts are, and the reference tree (records into ``table``)."""
    return {**head, "format": FORMAT, "unit_texts": "../" + TABLE, "units": refs(text.body, table)}


def table_data(act_id: str, lang: str, table: dict[str, dict[str, dict]]) -> dict:
    """An act's ``units.json`` in one language: every text of every unit, by eId and ref."""
    return {"act": act_id, "lang": lang, "format": FORMAT, "units": table}


def decode(version: dict, table: dict) -> list[dict]:
    """A version's full unit tree (``[{eid, type, num, heading, text, notes, repealed,
    children}]``, as before format 2) from its ``act.json`` and the act's ``units.json``.

    >>> from generator.model import Unit
    >>> table = {}
    >>> v = {"units": refs([Unit(eid="art_1", type="art", num="1",
    ...     text="Осы Заңда мынадай негізгі ұғымдар пайдаланылады:")], table)}
    >>> [(u["eid"], u["text"]) for u in decode(v, {"units": table})]
    [('art_1', 'Осы Заңда мынадай негізгі ұғымдар пайдаланылады:')]
    """
    units = table["units"]

    def one(node: dict) -> dict:
        own = {**DEFAULTS, "notes": [], **units[node["eid"]][node["ref"]]}
        return {"eid": node["eid"], **own, "children": [one(c) for c in node.get("children", [])]}

    return [one(n) for n in version["units"]]
