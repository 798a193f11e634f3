"""Import stage for the corpus: regenerate every stored text from the source act.yml names.

Each edition (and each amending act and draft) lists its source file per language with
its SHA-256, which document of the file it is (`covering`/`carried`), a title when the file
has none, and recorded editorial corrections. `zan reimport` runs the importer on each and
writes `<edition>/<lang>.md`; a source whose bytes changed is an error.

>>> sorted(source_entries.__annotations__)
['return', 'root']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .corpus import ActRecord, load_corpus, sha256_file
from .importer import LookedUp, build_lexicon, import_text
from .parse import parse_markdown
from .paths import language_problem, line_with, source_problem
from .render import render_markdown


def source_entries(root: Path) -> Iterator[tuple[ActRecord, str | None, str, dict, Path]]:
    """(record, edition id or None, lang, source entry, output path) for every stored text."""
    problems: list[str] = []
    corpus = load_corpus(root, problems)  # texts not yet written are what we are making
    real = source_problems(problems)
    if real:
        raise ValueError("\n".join(real))
    for rec in corpus.all():
        yield from record_entries(rec)


def source_problems(problems: list[str]) -> list[str]:
    """The problems of a load that stop the import: a stored text not written yet (or its
    SHA-256 not recorded yet) is what reimport makes, no problem here.

    >>> source_problems(["corpus/A/x/kk.md:0: missing kk.md", "corpus/A/act.yml:3: id: bad"])
    ['corpus/A/act.yml:3: id: bad']
    """
    return [
        p
        for p in problems
        if not (p.endswith(".md") and ": missing " in p)
        and "no kk.md or ru.md" not in p
        and "has no recorded SHA-256" not in p
    ]


def record_entries(rec: ActRecord) -> list[tuple[ActRecord, str | None, str, dict, Path]]:
    """(record, edition id or None, lang, source entry, output path) of each stored text of
    one record (an act's per edition, an amending act's or a draft's its own), languages in
    order: what `source_entries` yields for it.

    >>> from generator.corpus import load_record
    >>> rec = load_record(Path("corpus/Z000000107"), "act", [])
    >>> [(ed, lang, str(out)) for _r, ed, lang, _s, out in record_entries(rec)][:1]
    [('before-Z070000262', 'kk', 'corpus/Z000000107/before-Z070000262/kk.md')]
    """
    if rec.kind == "act":
        return [
            (rec, ed.id, lang, src, rec.folder / ed.id / f"{lang}.md")
            for ed in rec.editions
            for lang, src in sorted(ed.sources.items())
        ]
    return [
        (rec, None, lang, src, rec.folder / f"{lang}.md")
        for lang, src in sorted((rec.meta.get("sources") or {}).items())
    ]


def reimport(root: Path, log=print) -> list[Path]:
    """Re-import every source into the corpus; returns the files written."""
    written = []
    for out, text in regenerate(root, list(source_entries(root)), log):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        written.append(out)
    return written


def read_sources(root: Path, entries: list, texts: dict | None = None) -> dict[Path, str]:
    """The source text of each entry (``entries`` from `source_entries`) by its resolved
    path, its language and file checked and its SHA-256 the one act.yml records; ``texts``:
    those already read (extended and returned)."""
    texts = {} if texts is None else texts
    for rec, _ed, lang, src, _out in entries:
        # The language names the file written, the source is read: both checked first.
        bad = language_problem(lang) or source_problem(root, src.get("file"))
        if bad:
            yml = rec.folder / "act.yml"
            where = src.get("file") if language_problem(lang) is None else lang
            raise ValueError(f"{yml}:{line_with(yml, str(where))}: sources.{lang}: {bad}")
        path = (root / src["file"]).resolve()
        if path not in texts:
            got = sha256_file(path)
            if got != src["sha256"]:
                raise ValueError(f"{path}: SHA-256 {got} differs from act.yml ({src['sha256']})")
            texts[path] = path.read_text(encoding="utf-8")
    return texts


def regenerate(
    root: Path,
    entries: list,
    log=None,
    lexicon: set[str] | None = None,
    texts: dict | None = None,
    looked: dict | None = None,
) -> list[tuple[Path, str]]:
    """(output path, text) of every stored text as the importer makes it from its source
    (``entries`` from `source_entries`), nothing written: what `zan reimport` writes and
    what the validator ties each stored text to.

    ``lexicon``: the words for letter-spaced runs when known (by default those of the
    entries' sources: for every stored text, the corpus's); ``texts``: sources already read
    (`read_sources`); ``looked``: gets, per output path, what its import asked of the
    lexicon (`importer.LookedUp`): what else its text depends on."""
    texts = read_sources(root, entries, texts)
    if lexicon is None:
        used = dict.fromkeys((root / src["file"]).resolve() for *_x, src, _o in entries)
        lexicon = build_lexicon(texts[p] for p in used)
    made = []
    for rec, ed, lang, src, out in entries:
        path = (root / src["file"]).resolve()
        kind = "amending" if rec.kind == "amending" else None
        asked = LookedUp(lexicon) if looked is not None else lexicon
        result = import_text(
            texts[path],
            lang,
            src["file"],
            corrections=src.get("corrections"),
            lexicon=asked,
            title=src.get("title"),
            kind=kind,
        )
        if looked is not None:
            looked[out] = asked
        role = src.get("document")
        docs = [d for d in result.documents if role is None or d.role == role]
        if len(docs) != 1:
            raise ValueError(
                f"{src['file']}: expected one document{f' ({role})' if role else ''}, "
                f"found {[d.role for d in result.documents]}"
            )
        act = parse_markdown(docs[0].markdown, lang, src["file"])
        act.meta = {"act": rec.id, **({"edition": ed} if ed else {}), "lang": lang}
        shown = _editorial_corrections(
            act, src.get("corrections") or [], src["file"], texts[path].splitlines()
        )
        if shown:
            act.meta["corrections"] = shown
        made.append((out, render_markdown(act)))
        if log is not None:
            log(f"{out}: {len(result.repairs)} repair(s), {len(result.warnings)} warning(s)")
    return made


def _editorial_corrections(
    act, corrections: list[dict], source: str, lines: list[str]
) -> list[dict]:
    """Where each spelling correction landed (eId), for the page to show it.

    Letter-spacing repairs keep the letters and are not listed; a `kind: spelling`
    correction changes a letter and is shown on the page as an editorial correction.
    """
    out = []
    for c in corrections:
        if c.get("kind") != "spelling":
            continue
        # The corrected words with what follows them on their source line: where they
        # landed, even when the same words stand elsewhere too.
        line = lines[c["line"] - 1] if c.get("line") and c["line"] <= len(lines) else ""
        at = line.find(c["find"])
        tail = line[at:].replace(c["find"], c["replace"], 1) if at >= 0 else c["replace"]
        probe = " ".join(tail.replace("*", "").split()[:6])
        places = [(u.eid, u.text or "") for u in act.walk()]
        places += [(u.eid, n.text) for u in act.walk() for n in u.heading_notes + u.notes]
        places += [("act", n.text) for n in act.notes] + [("title", act.title)]
        hits = [eid for eid, text in places if probe in text]
        hits = hits or [eid for eid, text in places if c["replace"] in text]
        if not hits:
            raise ValueError(
                f"{source}:{c.get('line', 0)}: correction {c['find']!r} landed nowhere"
            )
        out.append(
            {
                "eid": hits[0],
                "find": c["find"],
                "replace": c["replace"],
                "source_line": c.get("line"),
                "reason": c.get("reason"),
            }
        )
    return out


def recorded_repairs(root: Path, text: str, role: str | None = None) -> dict:
    """What the corpus has recorded for a source file with these bytes.

    Returns keyword arguments for `import_text`: the editorial corrections recorded in
    act.yml for a source with the same SHA-256 (and document role), its title override,
    and a lexicon of the corpus's words (for splitting letter-spaced runs).
    """
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    out: dict = {}
    try:
        entries = list(source_entries(root))
    except (ValueError, OSError):
        entries = []
    for _rec, _ed, _lang, src, _out in entries:
        if src.get("sha256") == digest and (role is None or src.get("document") in (None, role)):
            if src.get("corrections"):
                out["corrections"] = src["corrections"]
            if src.get("title"):
                out["title"] = src["title"]
            break
    texts = [text]
    for top in ("corpus", "amendments", "drafts"):
        base = root / top
        if base.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(base.rglob("*.md"))]
    out["lexicon"] = build_lexicon(texts)
    return out
