"""An amending act's file → the catalogue's reading, the one way ``zan ops`` and ``zan
grammar-report`` both read it (so that what one counts as read the other prints as read).

The text is read from its parsed tree, as the corpus reads it: a raw official text is
imported first (the importer's repairs applied and returned to be reported), structured
Markdown is parsed as it is; a text that does not parse yet is read from its paragraphs
(:func:`generator.formulas.reader.split`), and the reason is returned as a message. Lines of
an imported text are mapped back to the lines of the file.

>>> res, notes = read_file("../shared/realworld/amendments/129702/kk.md", "kk")
>>> [(r.line, r.reason) for r in res.readings if r.reason], len(res.amender.operations)
([], 2)
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

from generator.formulas.reader import Result, read_blocks, split


@functools.cache
def _corpus(root: str) -> tuple[list, frozenset]:
    """The corpus's source records and the lexicon of its texts, read once per process."""
    from generator.importer import build_lexicon
    from generator.ingest import source_entries

    try:
        entries = list(source_entries(Path(root)))
    except (ValueError, OSError):
        entries = []
    texts = []
    for top in ("corpus", "amendments", "drafts"):
        base = Path(root) / top
        if base.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(base.rglob("*.md"))]
    return entries, frozenset(build_lexicon(texts))


def recorded(root: Path, text: str) -> dict:
    """:func:`generator.ingest.recorded_repairs` with the corpus read once per process (the
    same corrections, title and lexicon: a run over many files reads the corpus once)."""
    from generator.importer import build_lexicon

    entries, lexicon = _corpus(str(root))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    out: dict = {}
    for _rec, _ed, _lang, src, _out in entries:
        if src.get("sha256") == digest:
            if src.get("corrections"):
                out["corrections"] = src["corrections"]
            if src.get("title"):
                out["title"] = src["title"]
            break
    out["lexicon"] = set(lexicon) | build_lexicon([text])
    return out


def read_file(file: str, lang: str) -> tuple[Result, list[str]]:
    """The catalogue's reading of ``file`` and the messages to report on stderr (the
    importer's repairs, a text read from its paragraphs)."""
    from generator.consolidate_corpus import blocks_of
    from generator.importer import ImportFailure, import_text, is_raw, summarize
    from generator.parse import ParseError, parse_markdown

    text = Path(file).read_text(encoding="utf-8")
    notes: list[str] = []
    try:  # the parsed tree, as the corpus reads it (repairs of the importer applied)
        if is_raw(text):
            result = import_text(text, lang, file, **recorded(Path("."), text))
            if result.repairs:  # every repair is reported (Latin look-alikes included)
                notes.append(summarize(result.repairs))
            docs = result.documents
            chosen = next((d for d in docs if d.role == "carried"), docs[0])
            act = parse_markdown(chosen.markdown, lang, file)
        else:
            act = parse_markdown(text, lang, file)
        blocks = blocks_of(act)
    except (ImportFailure, ParseError) as e:
        # the text does not parse into a tree yet: its paragraphs, as the grammar splits them
        notes.append(f"{e}; instructions read from the text's paragraphs")
        blocks = split(text)
    res = read_blocks(blocks, lang)
    if is_raw(text):
        file_lines(res, text)
    return res, notes


def file_lines(res: Result, text: str) -> None:
    """Lines of the imported text → lines of the file (DESIGN.md: «the line of the amending
    act's file»): an instruction is found by its first words in the file's paragraphs."""
    from generator.instruction_shape import fold_lookalikes

    def key(s: str) -> str:
        # the importer's repairs (Latin look-alikes, glued or split words) change letters and
        # spaces, not the order of the letters: «кейiннүктелi» / «кейін нүктелі» (9498 kk)
        return re.sub(r"\s+", "", fold_lookalikes(s)[0]).lower()[:32]

    starts: dict[str, int] = {}
    for b in split(text):
        starts.setdefault(key(b.text), b.line)

    def line_of(sentence: str, line: int) -> int:
        return starts.get(key(sentence), line)

    am = res.amender
    for o in am.operations:
        o.line = line_of(o.source, o.line)
    for e in am.errors:
        e.line = line_of(e.sentence, e.line)
    for lo in am.not_for_this_language:
        lo.line = line_of(lo.source, lo.line)
    for r in res.readings:
        r.line = line_of(r.sentence, r.line)
