"""The open data of an act's versions: each unit's text stored once per act and language.

A version's ``act.json`` (``<lang>/acts/<ACT-ID>/<VERSION>/act.json``) says what the
version is (act, version, date, lang, title, provenance) and lists its unit tree, nodes
``[eid, ref, children?]``; each unit's own data (heading, text, notes, repealed; type and
num where the eId does not say them) is in the act's ``units.json``
(``<lang>/acts/<ACT-ID>/units.json``) under ``units[eid][ref]``, ``ref`` the first 8 hex
digits of the SHA-256 of that data: one entry
per distinct text of a unit over all versions, so a unit no amending act touched is
written once, not once per version (issue 16: a site a host can carry). `decode` gives
back the full tree, as ``zan tree --format json`` writes it (docs/open-data.md).
"""

from __future__ import annotations

import hashlib
import json

from . import eid as _eid
from .model import Act, Unit
from .render import unit_fields

FORMAT = 2  # 1: every version's act.json held its whole tree (before issue 16)
TABLE = "units.json"  # beside the version folders; a version's act.json names it as ../units.json


# What a record leaves out when the unit has it (most units: no heading, no notes, in force).
DEFAULTS = {"heading": None, "text": "", "notes": [], "repealed": False}


def unit_record(unit: Unit) -> dict:
    """A unit's own data, without its children and without what goes without saying: the
    fields with their default value (`DEFAULTS`), the type and number its eId names.

    >>> from generator.model import Unit
    >>> unit_record(Unit(eid="art_1", type="art", num="1",
    ...     heading="Осы Заңда пайдаланылатын негізгі ұғымдар"))
    {'heading': 'Осы Заңда пайдаланылатын негізгі ұғымдар'}
    """
    # The unit's own fields only: `unit_tree` would build (and drop) its whole subtree,
    # for every unit of every version (issue 16, generator speed).
    tree = unit_fields(unit)
    kind, num = _eid.last(unit.eid)
    said = {**DEFAULTS, "type": kind, "num": num}
    return {k: v for k, v in sorted(tree.items()) if k not in said or v != said[k]}


def unit_ref(record: dict) -> str:
    """The reference of one text of a unit: the first 8 hex digits of the SHA-256 of its
    record (canonical JSON), so versions sharing the text share the reference (two texts
    of one unit with the same reference are an error, `refs`: never a wrong text).

    >>> unit_ref({"text": "Осы Заңда мынадай негізгі ұғымдар пайдаланылады:"})
    'd05b7175'
    """
    raw = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]


def refs(units: list[Unit], table: dict[str, dict[str, dict]]) -> list[list]:
    """The tree of ``units`` as references, a node ``[eid, ref]`` or, where the unit has
    children, ``[eid, ref, children]``; each unit's record goes to ``table[eid][ref]``.

    >>> from generator.model import Unit
    >>> table = {}
    >>> refs([Unit(eid="art_1", type="art", num="1",
    ...     text="Осы Заңда мынадай негізгі ұғымдар пайдаланылады:")], table)
    [['art_1', 'd05b7175']]
    >>> table["art_1"]["d05b7175"]
    {'text': 'Осы Заңда мынадай негізгі ұғымдар пайдаланылады:'}
    """
    out = []
    for u in units:
        rec = unit_record(u)
        ref = unit_ref(rec)
        texts = table.setdefault(u.eid, {})
        if texts.setdefault(ref, rec) != rec:
            raise ValueError(f"{u.eid}: two texts with one reference {ref} (act_data.unit_ref)")
        node: list = [u.eid, ref]
        if u.children:
            node.append(refs(u.children, table))
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
    >>> decode(v, {"units": table})
    [{'eid': 'art_1', 'type': 'art', 'num': '1', 'heading': None, 'text': 'Осы Заңда мынадай негізгі ұғымдар пайдаланылады:', 'notes': [], 'repealed': False, 'children': []}]
    """
    units = table["units"]

    def one(node: list) -> dict:
        eid, ref = node[0], node[1]
        kind, num = _eid.last(eid)
        own = {"type": kind, "num": num, **DEFAULTS, "notes": [], **units[eid][ref]}
        return {"eid": eid, **own, "children": [one(c) for c in (node[2] if len(node) > 2 else [])]}

    return [one(n) for n in version["units"]]
