"""The `zan` command (DESIGN.md, «Command line»).

Results go to stdout or to ``-o``; reports, repairs and warnings go to stderr, so that
``--format json`` output is always parseable.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .model import Act

LANG = click.Choice(["kk", "ru"])


def _set_today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """`--today DATE`: fix the build date for this run (clock.today())."""
    import datetime as dt

    from .clock import set_today

    if value is None:
        return
    try:
        set_today(dt.date.fromisoformat(value))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


def today_option(f):
    """Every command takes `--today DATE` (DESIGN.md, «Command line»)."""
    return click.option(
        "--today",
        metavar="DATE",
        expose_value=False,
        is_eager=True,
        callback=_set_today,
        help="Fix the build date (YYYY-MM-DD); default: the machine's clock.",
    )(f)


def _fail(msg: str, code: int = 1) -> None:
    click.echo(msg, err=True)
    sys.exit(code)


def _write(text: str, out: str | None) -> None:
    if out:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    else:
        sys.stdout.write(text)


def load_text(path: str, lang: str, document: str | None = None, report: bool = True) -> Act:
    """Parse a file that is either structured Markdown or raw official text.

    Raw text is imported in memory first (repairs reported on stderr). When the file holds
    a covering act and the document it carries, ``document`` picks one (default: carried).
    """
    from .importer import ImportFailure, import_text, is_raw, summarize
    from .parse import ParseError, parse_markdown

    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        _fail(f"{path}: cannot read: {e.strerror}", 2)
    except UnicodeDecodeError as e:
        _fail(f"{path}: not UTF-8 text (byte 0x{e.object[e.start]:02x} at offset {e.start})")
    try:
        if is_raw(text):
            from .ingest import recorded_repairs

            result = import_text(text, lang, path, **recorded_repairs(_project_root(), text))
            docs = result.documents
            chosen = docs[0]
            if len(docs) > 1:
                want = document or "carried"
                chosen = next((d for d in docs if d.role == want), docs[0])
                if report:
                    names = ", ".join(f"{d.role}: «{d.title}»" for d in docs)
                    click.echo(
                        f"{path}: holds {len(docs)} documents ({names}); "
                        f"using the {chosen.role} one (--document to choose)",
                        err=True,
                    )
            if report and result.repairs:
                click.echo(summarize(result.repairs), err=True)
            act = parse_markdown(chosen.markdown, lang, path, line_map=chosen.line_map)
            act.warnings[:0] = result.warnings  # the import's warnings first, then the parse's
        else:
            act = parse_markdown(text, lang, path)
        if report:
            for w in act.warnings:
                click.echo(f"warning: {w}", err=True)
        return act
    except ImportFailure as e:
        _fail(str(e) + _no_project_hint(str(e)))
    except ParseError as e:
        _fail(str(e))
    raise AssertionError("unreachable")


def _project_root() -> Path:
    """The zan project the command runs in: the current folder or the nearest one above it
    holding corpus/ (its act.yml files record the editorial corrections of known sources)."""
    here = Path(".")
    for cand in [here, *here.resolve().parents]:
        if (cand / "corpus").is_dir():
            return cand
    return here


def _no_project_hint(message: str) -> str:
    """Said after an import failure that a recorded correction could resolve, outside a
    project: the corrections were not looked up."""
    if "correction" not in message or (_project_root() / "corpus").is_dir():
        return ""
    return (
        " — run inside the zan project to use the corpus's recorded corrections "
        "(no corpus/ folder here or above), or give them to zan import --corrections FILE"
    )


@click.group()
@click.version_option(package_name="zan")
@today_option
def main() -> None:
    """zan: consolidated legislation of Kazakhstan in Kazakh and Russian."""


@main.command("import")
@today_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", type=LANG, required=True)
@click.option("-o", "out", type=click.Path(dir_okay=False), help="Output file (default stdout).")
@click.option(
    "--document",
    type=click.Choice(["covering", "carried", "all"]),
    default=None,
    help="For a file holding a covering act and the document it carries.",
)
@click.option("--corrections", type=click.Path(exists=True), help="YAML editorial corrections.")
def import_cmd(file: str, lang: str, out: str | None, document: str | None, corrections) -> None:
    """Official plain text or Markdown → structured Markdown; reports each repair."""
    from .importer import ImportFailure, import_text, summarize
    from .ingest import recorded_repairs

    try:
        text = Path(file).read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        _fail(f"{file}: not UTF-8 text (byte 0x{e.object[e.start]:02x} at offset {e.start})")
    options = recorded_repairs(_project_root(), text)
    if corrections:
        from .schema import check_file

        data, _lines, problems = check_file(Path(corrections), "corrections")
        if problems:
            _fail("\n".join(problems))
        options["corrections"] = data or []
    try:
        result = import_text(text, lang, file, **options)
    except ImportFailure as e:
        _fail(str(e) + _no_project_hint(str(e)))
    click.echo(summarize(result.repairs), err=True)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    docs = result.documents
    if len(docs) > 1 and document != "all":
        want = document or "covering"
        if document is None:
            click.echo(
                f"{file}: holds {len(docs)} documents "
                f"({', '.join(d.role for d in docs)}); writing the covering act "
                "(--document carried|all for the others)",
                err=True,
            )
        docs = [d for d in docs if d.role == want]
    if out and len(docs) > 1:
        base = Path(out)
        for d in docs:
            _write(d.markdown, str(base.with_name(f"{base.stem}.{d.role}{base.suffix}")))
        return
    _write("".join(d.markdown for d in docs), out)


@main.command()
@today_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", type=LANG, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "md", "text"]), default="json")
@click.option("--document", type=click.Choice(["covering", "carried"]), default=None)
def tree(file: str, lang: str, fmt: str, document: str | None) -> None:
    """The unit tree of a text (raw official text or structured Markdown)."""
    from .render import render_markdown, render_text, unit_tree

    act = load_text(file, lang, document)
    if fmt == "json":
        data = [unit_tree(u) for u in act.body]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "md":
        sys.stdout.write(render_markdown(act))
    else:
        sys.stdout.write(render_text(act, notes=True))


def _amender_read(path: str, lang: str, partial: bool = False):
    """(Act, Amender) of an amending act file (raw or structured).

    Each instruction not read is reported on stderr (file, line, reason, the sentence);
    unless ``partial`` (``zan ops`` prints what it read, then exits 1), the command stops.
    Each Latin look-alike repaired in an instruction's words is reported as a repair.
    """
    from .consolidate_corpus import blocks_of, instruction_report
    from .formulas.reader import read_instructions
    from .importer import is_raw

    act = load_text(path, lang)
    am = read_instructions(blocks_of(act), lang)
    text = Path(path).read_text(encoding="utf-8")
    raw = text if is_raw(text) else None
    errors, repairs = instruction_report(path, am, raw)
    for line in repairs:
        click.echo(line, err=True)
    if am.errors and not partial:
        _fail("\n".join(errors))
    return act, am


def _meta_beside(path: str, levels: int) -> dict | None:
    """act.yml of the corpus entry a text file belongs to, if any (read as the validator
    reads it: a duplicate key or bytes that are not UTF-8 are a one-line error)."""
    from .schema import YamlError, load_file, validate

    p = Path(path).resolve()
    for parent in list(p.parents)[:levels]:
        yml = parent / "act.yml"
        if yml.exists():
            shown = os.path.relpath(yml) if yml.is_relative_to(Path.cwd()) else str(yml)
            try:
                data, lines = load_file(yml)
            except YamlError as e:
                _fail(str(e).replace(str(yml), shown, 1))
            kind = {"corpus": "act", "amendments": "amending", "drafts": "draft"}.get(
                parent.parent.name
            )
            problems = validate(data, lines, kind, shown) if kind else []
            if problems:
                _fail("\n".join(problems))
            return data if isinstance(data, dict) else None
    return None


@main.command()
@today_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", type=LANG, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "yaml"]), default="json")
def ops(file: str, lang: str, fmt: str) -> None:
    """The operations of an amending act, in the schema of DESIGN.md, read by the formula
    catalogue: every operation read, the instructions not read on stderr, exit 1."""
    _ops_catalogue(file, lang, fmt)


def _ops_catalogue(file: str, lang: str, fmt: str) -> None:
    """``zan ops``: every operation read, the unread ones on stderr, exit 1."""
    import yaml

    from .formulas.source import read_file

    try:
        Path(file).read_text(encoding="utf-8")
    except OSError as e:
        _fail(f"{file}: cannot read: {e.strerror}", 2)
    # read as `zan grammar-report` reads it: one counting (generator/formulas/source.py)
    res, notes = read_file(file, lang)
    for note in notes:
        click.echo(note, err=True)
    am = res.amender
    from .formulas.amender import repair_reason

    for line, old, new in am.repairs:
        why = repair_reason(old, new)
        click.echo(f"{file}:{line}: repaired: «{old}» read as «{new}» ({why})", err=True)
    data = [op.to_dict() for op in am.operations]
    for lo in am.not_for_this_language:
        click.echo(
            f"{file}:{lo.line}: {lo.target or '(unit in scope)'}: changes only the "
            f"{lo.lang_only} text (no change in this language)",
            err=True,
        )
    for e in am.errors:
        click.echo(f"{file}:{e.line}: instruction not read: {e.reason}: «{e.sentence}»", err=True)
    click.echo(f"{len(data)} operation(s)", err=True)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    if am.errors:
        sys.exit(1)


@main.command("grammar-report")
@today_option
@click.argument("dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
def grammar_report(dirs: tuple) -> None:
    """Per language, over every amending act under DIRS: instructions read / not read, by
    formula and by reason; kk↔ru agreement per act (Markdown), read by the formula catalogue."""
    from .formulas.report import report

    click.echo(report(list(dirs)))


@main.command()
@today_option
@click.argument("base", type=click.Path(exists=True, dir_okay=False))
@click.argument("amenders", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", type=LANG, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "md"]), default="text")
@click.option("--notes", is_flag=True, help="Include editorial notes.")
@click.option("-o", "out", type=click.Path(dir_okay=False))
@click.option(
    "--until-outstanding",
    is_flag=True,
    help="When an instruction is not read or not applied, write the last text zan can vouch "
    "for (with the report; exit 1).",
)
def consolidate(
    base: str, amenders: tuple, lang: str, fmt: str, notes: bool, out, until_outstanding: bool
) -> None:
    """Apply every instruction of the amenders that targets BASE, in order of entry into force.

    Exit 1 and nothing written when any instruction for BASE is not applied; with
    ``--until-outstanding`` the last text zan can vouch for is written (DESIGN.md).
    """

    from .clock import today
    from .consolidate import (
        ConsolidateError,
        Unread,
        amender_info,
        build_versions,
        cites_base,
        load_manual,
    )
    from .outstanding import unread_of
    from .render import render_markdown, render_text

    base_act = load_text(base, lang)
    base_meta = _meta_beside(base, 3)
    if base_meta is None:
        from .act_match import act_title

        title = act_title(base_act.title)  # never the «ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН» line
        if not title:
            _fail(f"{base}:1: no title: «{base_act.title}» is the header of the act's kind")
        base_meta = {"title": {lang: title}}
        click.echo(f"{base}: no act.yml: matched by title alone, the date is not checked", err=True)
    pairs, manual, unread = [], {}, {}
    for path in amenders:
        _act, am = _amender_read(path, lang, partial=until_outstanding)
        meta = _meta_beside(path, 1)
        if meta is None:
            meta = {
                "id": Path(path).stem.upper().replace(".", "-"),
                "number": None,
                "adopted": None,
            }
            info = _bare_amender(meta, am, path, _act)
        else:
            info = amender_info(meta, am.entry_into_force or None)
            manual[info.key] = load_manual(Path(path).parent / "manual.yml")
        pairs.append((info, am.operations))
        if am.errors:  # reported (file, line, reason, the sentence); kept as outstanding
            from .consolidate_corpus import instruction_report
            from .importer import is_raw

            raw = Path(path).read_text(encoding="utf-8")
            for line in instruction_report(path, am, raw if is_raw(raw) else None)[0]:
                click.echo(line, err=True)
            unread[info.key] = [
                u for u in unread_of(am) if not u.act or cites_base(u, base_meta)[0]
            ]
    try:
        versions, ledger = build_versions(
            base_act,
            base_meta,
            pairs,
            today(),
            manual=manual,
            # a base of the corpus competes with the other acts of the corpus
            corpus_titles=_corpus_metas() if base_meta.get("id") else None,
            strict=not until_outstanding,
            unread=unread,
        )
    except ConsolidateError as e:
        click.echo(str(e), err=True)
        sys.exit(1)
    for w in ledger.warnings:
        click.echo(f"warning: {w}", err=True)
    for aid, entries in ledger.entries.items():
        for entry in entries:
            if isinstance(entry.op, Unread):
                where = f"line {entry.op.line}: {entry.op.target}"
                click.echo(f"{aid}: {where}: {entry.text}", err=True)
            else:
                click.echo(f"{aid}: {entry.op.target} {entry.op.action}: {entry.text}", err=True)
    outstanding = ledger.outstanding()
    final = versions[-1].act
    if not notes:
        for u in final.walk():
            u.notes = []
            u.heading_notes = []
        final.notes = []
    text = render_text(final, notes=notes) if fmt == "text" else render_markdown(final)
    _write(text, out)
    if outstanding:
        click.echo(
            f"{len(outstanding)} outstanding effect(s): the text written is the last version "
            f"zan can vouch for ({versions[-1].id})",
            err=True,
        )
        sys.exit(1)


def _corpus_metas() -> dict[str, dict]:
    """act ID → act.yml of the acts in ./corpus (when run inside a repository): an inexact
    citation of BASE counts only when no other act of the corpus fits it."""
    import yaml

    out: dict[str, dict] = {}
    for yml in sorted(Path("corpus").glob("*/act.yml")):
        try:
            meta = yaml.safe_load(yml.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # `zan check` reports it
        if isinstance(meta, dict):
            out[str(meta.get("id") or yml.parent.name)] = meta
    return out


def _bare_amender(meta: dict, am, path: str, act: Act | None = None):
    """AmenderInfo for an amending act given as a bare file (no act.yml): its date and
    number as its own text states them (generator/header.py), else unknown — the notes
    then say «күні мен нөмірі белгісіз» / «дата и номер неизвестны», never «№ ?»."""
    import datetime as dt

    from .amend import AmenderInfo
    from .header import read_header
    from .model import DateSpec

    stated = read_header(act.signature, act.lang) if act is not None else {}
    rule = am.entry_into_force or {}
    if rule.get("kind") == "date":
        in_force = DateSpec.parse(rule["date"])
    elif stated.get("date"):
        in_force = DateSpec.parse(f"after {stated['date']}")
    else:
        in_force = DateSpec.parse("unknown")
    adopted = dt.date.fromisoformat(stated["date"]) if stated.get("date") else None
    known = ", ".join(f"{k} {stated[k]} (from its text)" for k in ("date", "number") if k in stated)
    unknown = [k for k in ("number", "adoption date") if k.split()[-1] not in stated]
    click.echo(
        f"{path}: no act.yml: "
        + (f"{known}; " if known else "")
        + (f"the amending act's {' and '.join(unknown)} unknown; " if unknown else "")
        + f"in force: {in_force}",
        err=True,
    )
    return AmenderInfo(
        act_id=meta["id"],
        number=stated.get("number") if adopted else None,
        date=adopted or in_force.earliest or dt.date.min,
        doc_type="law",
        in_force=in_force,
    )


@main.command()
@today_option
@click.argument("old")
@click.argument("new")
@click.option(
    "--lang", type=LANG, default=None, help="Language (default: from the files, else kk)."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--mode", type=click.Choice(["auto", "versions", "acts"]), default="auto")
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True)
def diff(old: str, new: str, lang: str | None, fmt: str, mode: str, root: str) -> None:
    """The redline between two texts: ACT-ID[@VERSION] from the corpus, or file paths."""
    from .diff import DiffError
    from .redline import diff_command
    from .resolve import ResolveError, resolve_text

    lang = lang or _guess_lang(old, new)
    try:
        a = resolve_text(Path(root), old, lang, load_text)
        b = resolve_text(Path(root), new, lang, load_text)
    except ResolveError as e:
        _fail(str(e))
    if mode == "auto":
        same = a.id_hint and a.id_hint == b.id_hint
        mode = (
            "versions" if same or _norm_title(a.act.title) == _norm_title(b.act.title) else "acts"
        )
    try:
        out = diff_command(a.act, b.act, lang, fmt, mode, color=sys.stdout.isatty())
    except DiffError as e:
        _fail(f"diff not published: {e}")
    sys.stdout.write(out if out.endswith("\n") else out + "\n")


def _norm_title(t: str) -> str:
    return " ".join(t.replace('"', "").replace("«", "").replace("»", "").split()).casefold()


def _guess_lang(*specs: str) -> str:
    for s in specs:
        name = Path(s).name
        if name.startswith("ru.") or ".ru." in name or "/ru/" in s:
            return "ru"
    return "kk"


@main.command()
@today_option
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True)
def check(root: str) -> None:
    """Validate the corpus; errors name file, line and unit; exit 1 on any error."""
    from .checks import language_disagreements
    from .consolidate import ConsolidateError
    from .consolidate_corpus import citation_report
    from .validate import validate_corpus

    top = Path(root)
    # The validator's cache changes outside a build: the next build's change list
    # (changes.py) cannot vouch for it, so it checks every folder once.
    try:
        (top / ".zan-cache" / "changes.json").unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache: the validator cannot write to it either
    stats: dict = {}
    errors = validate_corpus(
        top, cache=top / ".zan-cache" / "validate.json", jobs=os.cpu_count() or 1, stats=stats
    )
    # kk/ru disagreements are notes, shown for a valid corpus only; so are citations
    # (act_match): near misses are errors, inexact matches and repairs warnings.
    notes: list[str] = []
    if not errors:
        # Kept under the digest of every folder's files (and the code and the day): a
        # corpus unchanged since the last check gets the same report without reading
        # every amending act again.
        from .incremental import write_if_changed

        kept = top / ".zan-cache" / "check.json"
        try:
            report = json.loads(kept.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            report = {}
        if not isinstance(report, dict) or report.get("digest") != stats["digest"]:
            found: list[str] = []
            try:
                found = language_disagreements(top)
                cite_errors, cite_warnings = citation_report(top)
            except ConsolidateError as e:  # an amending act with instructions not read
                cite_errors, cite_warnings = str(e).splitlines(), []
            report = {
                "digest": stats["digest"],
                "notes": found,
                "errors": cite_errors,
                "warnings": cite_warnings,
            }
            try:
                write_if_changed(kept, json.dumps(report))
            except OSError:
                pass  # a read-only checkout: the report is made again next time
        notes = list(report["notes"])
        errors += report["errors"]
        notes += [f"warning: {w}" for w in report["warnings"]]
    for line in notes:
        click.echo(line, err=True)
    for e in errors:
        click.echo(e, err=True)
    if errors:
        click.echo(f"{len(errors)} error(s)", err=True)
        sys.exit(1)
    click.echo("corpus OK", err=True)


def default_out(out: str | None, examples: bool) -> str:
    """Where a build goes without ``--out``: ``site`` for the corpus; with ``--examples``
    ``build/examples``, so that the example drafts never mix into the published site.

    >>> default_out(None, False), default_out(None, True), default_out("x", True)
    ('site', 'build/examples', 'x')
    """
    return out if out is not None else ("build/examples" if examples else "site")


@main.command()
@today_option
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Where the site goes [default: site; with --examples: build/examples].",
)
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True)
@click.option("--examples", is_flag=True, help="Also build the example drafts in examples/.")
@click.option("--no-search", is_flag=True, help="Skip the Pagefind search index.")
@click.option("--strict", is_flag=True, help="Fail on inexact citations and repaired instructions.")
def build(out: str | None, root: str, examples: bool, no_search: bool, strict: bool) -> None:
    """Build the whole static site (kk and ru) from the corpus."""
    from .build import main_build

    target = Path(default_out(out, examples))
    sys.exit(main_build(Path(root), target, examples, not no_search, strict))


@main.command()
@today_option
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Where the site goes [default: site; with --examples: build/examples].",
)
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--examples", is_flag=True)
def serve(out: str | None, root: str, port: int, examples: bool) -> None:
    """Serve the site on localhost, rebuilding when the corpus changes."""
    from .serve import serve as run

    run(Path(root), Path(default_out(out, examples)), port, examples)


@main.command()
@today_option
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True)
def reimport(root: str) -> None:
    """Re-import every corpus text from the source files its act.yml names."""
    from .ingest import reimport as run

    try:
        run(Path(root), log=lambda m: click.echo(m, err=True))
    except ValueError as e:
        _fail(str(e))


@main.command("import-bank")
@today_option
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True)
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="The report as YAML [default: ROOT/.zan-cache/import-bank.yml].",
)
def import_bank_cmd(folder: str, root: str, report_file: str | None) -> None:
    """Add the acts of a text-bank mirror folder (kaz/N.md, rus/N.md) to the corpus."""
    from .bank import import_bank as run
    from .bank import write_report

    top, src = Path(root), Path(folder)
    for need, what in ((src, "FOLDER"), (top, "--root")):
        if not need.is_dir():
            _fail(f"{need}:0: no such folder ({what})")
    (top / "corpus").mkdir(exist_ok=True)  # an empty root becomes a corpus
    try:
        from .clock import today

        report = run(src, top, today())
    except (ValueError, OSError) as e:
        _fail(str(e).splitlines()[0] if str(e) else type(e).__name__)
    for line in report.lines():
        click.echo(line)
    write_report(
        report, Path(report_file) if report_file else top / ".zan-cache" / "import-bank.yml"
    )


if __name__ == "__main__":  # pragma: no cover
    main()
