"""Checks on a parsed unit tree, used by `zan check`.

>>> from generator.parse import parse_markdown
>>> act = parse_markdown("# T\\n\\n### 2-бап. A {#art_2}\\n\\n### 1-бап. B {#art_1}\\n", "kk", "x.md")
>>> check_act_tree(act)
['x.md:5: art_1: number 1 comes after 2 (numbers out of order)']
"""

from __future__ import annotations

from . import units
from .model import EID_RE, Act, Unit

KNOWN_TYPES = set(units.types())  # generator/grammar/units.yml


def num_key(num: str) -> tuple[int, ...]:
    """Sort key of a compound number: «9-1» → (9, 1).

    >>> sorted(["10", "9-1", "9", "2-5"], key=num_key)
    ['2-5', '9', '9-1', '10']
    """
    return tuple(int(p) for p in num.split("-") if p.isdigit())


def check_act_tree(act: Act) -> list[str]:
    """Errors in a tree: unknown unit types, bad eIds, numbers out of order."""
    errors: list[str] = []

    def err(u: Unit, msg: str) -> None:
        errors.append(f"{act.source}:{u.line}: {u.eid}: {msg}")

    def siblings(units: list[Unit]) -> None:
        last: dict[str, Unit] = {}
        for u in units:
            if u.type not in KNOWN_TYPES:
                err(u, f"unknown structure {u.type!r}")
            if not EID_RE.match(u.eid):
                err(u, "malformed eId")
            # Articles are numbered through the act even across chapters: compare
            # against the previous article anywhere (handled below), not per chapter.
            if u.type not in ("al", "art", "preamble") and u.num:
                prev = last.get(u.type)
                if (
                    prev is not None
                    and prev.num
                    and num_key(u.num) <= num_key(prev.through or prev.num)
                ):
                    err(u, f"number {u.num} comes after {prev.num} (numbers out of order)")
                last[u.type] = u
            siblings(u.children)

    siblings(act.body)
    arts = [u for u in act.walk() if u.type == "art"]
    for prev, u in zip(arts, arts[1:], strict=False):
        if num_key(u.num or "") <= num_key(prev.num or ""):
            err(u, f"number {u.num} comes after {prev.num} (numbers out of order)")
    return errors
