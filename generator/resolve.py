"""Resolve `ACT-ID[@VERSION]` (or a file path) to a text, for `zan diff`.

VERSION is `original`, a stored edition's ID, an amending act's ID, or a date; a date
inside an uncertain in-force range is an error naming the candidate versions.

>>> parse_spec("Z1300000088@2020-01-01")
('Z1300000088', '2020-01-01')
>>> parse_spec("Z1300000088")
('Z1300000088', None)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .model import ACT_ID_RE, Act


class ResolveError(ValueError):
    """A spec that names no text, or a date that falls between uncertain versions."""


@dataclass
class Resolved:
    """A text and the act it belongs to (when known)."""

    act: Act
    id_hint: str | None
    version: str | None = None


def parse_spec(spec: str) -> tuple[str, str | None]:
    """Split `ACT-ID[@VERSION]`."""
    act_id, _, version = spec.partition("@")
    return act_id, version or None


def resolve_text(root: Path, spec: str, lang: str, load_file) -> Resolved:
    """The text a spec names in a language."""
    if Path(spec).exists():
        return Resolved(load_file(spec, lang), None)
    act_id, version = parse_spec(spec)
    if not ACT_ID_RE.match(act_id):
        raise ResolveError(f"{spec}: neither a file nor ACT-ID[@VERSION]")
    from .corpus import load_corpus
    from .publish import assemble_act

    corpus = load_corpus(root)
    rec = corpus.acts.get(act_id)
    if rec is None:
        raise ResolveError(f"{act_id}: not in the corpus ({', '.join(sorted(corpus.acts))})")
    from .clock import today as build_date

    today = build_date()
    act = assemble_act(corpus, rec, None, [], today, diffs=False)
    in_lang = [v for v in act.versions if lang in v.texts]
    if not in_lang:
        raise ResolveError(f"{act_id}: no text in {lang} in the corpus")
    if version is None:
        chosen = [v for v in in_lang if not (v.date.earliest and v.date.earliest > today)][-1]
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", version):
        chosen = _at_date(in_lang, dt.date.fromisoformat(version), spec)
    else:
        chosen = next((v for v in in_lang if v.id == version), None)
        if chosen is None:
            raise ResolveError(
                f"{spec}: no version {version!r} in {lang}; versions: "
                + ", ".join(f"{v.id} ({v.date})" for v in in_lang)
            )
    return Resolved(chosen.texts[lang], act_id, chosen.id)


def _at_date(versions: list, day: dt.date, spec: str):
    certain = [v for v in versions if v.date.latest is not None and v.date.latest <= day]
    possible = [v for v in versions if v.date.contains(day) and v not in certain]
    if possible:
        cands = ([certain[-1]] if certain else []) + possible
        raise ResolveError(
            f"{spec}: {day} falls inside an uncertain in-force date; candidate versions: "
            + ", ".join(f"{v.id} ({v.date})" for v in cands)
        )
    if not certain:
        raise ResolveError(f"{spec}: no version in force on {day}")
    return certain[-1]
