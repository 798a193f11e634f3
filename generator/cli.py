"""The `zan` command (DESIGN.md, «Command line»).

Results go to stdout or to ``-o``; reports, repairs and warnings go to stderr, so that
``--format json`` output is always parseable.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .model import Act, Unit

LANG = click.Choice(["kk", "ru"])


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
    try:
        if is_raw(text):
            from .ingest import recorded_repairs

            result = import_text(text, lang, path, **recorded_repairs(Path("."), text))
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
            return parse_markdown(chosen.markdown, lang, path)
        return parse_markdown(text, lang, path)
    except (ImportFailure, ParseError) as e:
        _fail(str(e))
    raise AssertionError("unreachable")


def unit_json(unit: Unit) -> dict:
    """The `zan tree` form of a unit."""
    return {
        "eid": unit.eid,
        "type": unit.type,
        "num": unit.num,
        "heading": unit.heading,
        "text": unit.text,
        "notes": [n.text for n in unit.notes],
        "children": [unit_json(c) for c in unit.children],
    }


@click.group()
@click.version_option(package_name="zan")
def main() -> None:
    """zan: consolidated legislation of Kazakhstan in Kazakh and Russian."""


@main.command("import")
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
    import yaml

    from .importer import ImportFailure, import_text, summarize
    from .ingest import recorded_repairs

    text = Path(file).read_text(encoding="utf-8")
    options = recorded_repairs(Path("."), text)
    if corrections:
        options["corrections"] = yaml.safe_load(Path(corrections).read_text("utf-8")) or []
    try:
        result = import_text(text, lang, file, **options)
    except ImportFailure as e:
        _fail(str(e))
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
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", type=LANG, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "md", "text"]), default="json")
@click.option("--document", type=click.Choice(["covering", "carried"]), default=None)
def tree(file: str, lang: str, fmt: str, document: str | None) -> None:
    """The unit tree of a text (raw official text or structured Markdown)."""
    from .render import render_markdown, render_text

    act = load_text(file, lang, document)
    if fmt == "json":
        data = [unit_json(u) for u in act.body]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "md":
        sys.stdout.write(render_markdown(act))
    else:
        sys.stdout.write(render_text(act, notes=True))


@main.command()
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True)
def check(root: str) -> None:
    """Validate the corpus; errors name file, line and unit; exit 1 on any error."""
    from .corpus import check_corpus

    errors = check_corpus(Path(root))
    try:
        from .checks import language_disagreements

        notes = language_disagreements(Path(root))
    except ImportError:
        notes = []
    for line in notes:
        click.echo(line, err=True)
    for e in errors:
        click.echo(e, err=True)
    if errors:
        click.echo(f"{len(errors)} error(s)", err=True)
        sys.exit(1)
    click.echo("corpus OK", err=True)


@main.command()
@click.option("--out", type=click.Path(file_okay=False), default="site", show_default=True)
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True)
@click.option("--examples", is_flag=True, help="Also build the example drafts in examples/.")
@click.option("--no-search", is_flag=True, help="Skip the Pagefind search index.")
def build(out: str, root: str, examples: bool, no_search: bool) -> None:
    """Build the whole static site (kk and ru) from the corpus."""
    from .build import main_build

    sys.exit(main_build(Path(root), Path(out), examples, not no_search))


@main.command()
@click.option("--out", type=click.Path(file_okay=False), default="site", show_default=True)
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--examples", is_flag=True)
def serve(out: str, root: str, port: int, examples: bool) -> None:
    """Serve the site on localhost, rebuilding when the corpus changes."""
    from .serve import serve as run

    run(Path(root), Path(out), port, examples)


@main.command()
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True)
def reimport(root: str) -> None:
    """Re-import every corpus text from the source files its act.yml names."""
    from .ingest import reimport as run

    try:
        run(Path(root), log=lambda m: click.echo(m, err=True))
    except ValueError as e:
        _fail(str(e))


if __name__ == "__main__":  # pragma: no cover
    main()
