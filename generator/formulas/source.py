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

    starts: dict[str, list[int]] = {}
    whole: list[tuple[int, str]] = []  # each paragraph's line and its letters
    for b in split(text):
        starts.setdefault(key(b.text), []).append(b.line)
        whole.append((b.line, re.sub(r"\s+", "", fold_lookalikes(b.text)[0]).lower()))

    def inside(sentence: str, line: int) -> int | None:
        # an instruction glued inside a paragraph of the file («…случаях.";статью 340
        # изложить …», 924 ru): the paragraph holding its words, the nearest to ``line``
        k = key(sentence)
        found = [n for n, t in whole if k and k in t]
        return min(found, key=lambda n: abs(n - line)) if found else None

    # the readings in document order take the file's lines in order: two instructions with
    # the same words («дополнить абзацами следующего содержания:», 4510 ru:127 and 143) each
    # keep their own line
    moved: dict[int, int] = {}
    last = 0
    for r in sorted(res.readings, key=lambda r: r.line):
        cands = starts.get(key(r.sentence), [])
        after = [n for n in cands if n >= last]
        if after:
            moved.setdefault(r.line, after[0])
            last = after[0]

    def line_of(sentence: str, line: int) -> int:
        if line in moved:
            return moved[line]
        cands = starts.get(key(sentence))
        if cands:
            return cands[0]
        held = inside(sentence, line)
        return line if held is None else held

    def cited(reason: str | None) -> str | None:
        # «inside a scope not read (the act cited at line 265 is not read)», «… (the scope
        # header at line 61 is not read)»: the header's line in the file too (104210 kk:239
        # names its header, kk:231)
        if not reason:
            return reason
        return re.sub(
            r"((?:the act cited|the scope header|the item) at line )(\d+)",
            lambda m: m.group(1) + str(moved.get(int(m.group(2)), int(m.group(2)))),
            reason,
        )

    am = res.amender
    for o in am.operations:
        o.line = line_of(o.source, o.line)
    for e in am.errors:
        e.line = line_of(e.sentence, e.line)
        e.reason = cited(e.reason)
    for lo in am.not_for_this_language:
        lo.line = line_of(lo.source, lo.line)
    # a repair of a whole instruction (its quoted words' lost mark) at its line too
    # (a word's repair at its instruction's line)
    am.repairs = [
        (line_of(o, n) if len(o) >= 40 else moved.get(n, n), o, w) for n, o, w in am.repairs
    ]
    for r in res.readings:
        r.line = line_of(r.sentence, r.line)
        r.reason = cited(r.reason)
