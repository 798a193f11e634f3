"""`zan import-bank DIR`: the text bank's Markdown mirror into the corpus (issue 16, item 5).

DIR is laid out as the mirror quyse/kz-laws: ``kaz/N.md`` and ``rus/N.md`` are the Kazakh
and Russian texts of one act N (the text bank's document number, not a registry code).
Each act becomes ``corpus/TB<N>/`` with its stored edition(s) and act.yml, each amending act
``amendments/TB<N>/`` (``TB`` = text bank: the registry code is not in the files, and an ID
is never guessed). Every file goes through the existing stages: `importer.import_text`,
`parse.parse_markdown`, `header.read_header` (kind, date, number where the text states
them), `formulas.read_instructions` (is it an amending act?), the one validator
(`validate.validate_corpus`) and the corpus ledger (`consolidate_corpus`, with `act_match`
finding the cited acts). Nothing is guessed: a date or number the text does not state is
``unknown``.

An effect already in a stored edition is recorded the way the corpus records it: the
edition's date comes from the latest editorial note it carries («Ескерту … ҚР 2004.12.23.
N 21 Заңымен» / «Сноска … Законом РК от 20 мая 2005 г. N 51»), so an amending act whose
date and number the edition's notes cite is reflected there (ledger status applied, in the
stored edition), never applied twice.

>>> bank_id("11040"), bank_id("472")
('TB011040', 'TB000472')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .act_match import act_title
from .header import MONTHS, read_header
from .importer import ImportFailure, import_text
from .model import Act
from .parse import ParseError, parse_markdown
from .render import render_markdown

REPO = "quyse/kz-laws"
LANG_DIRS = {"kaz": "kk", "rus": "ru"}
NAME_RE = re.compile(r"^(\d{1,12})\.md$")

# The titles of amending acts (Law «On legal acts» No. 480-V, art. 65: an act amending,
# supplementing or repealing other acts is named for it): «О внесении изменений…»,
# «… өзгерістер енгізу туралы», «О признании утратившим(и) силу …», «… күші жойылды деп
# тану туралы». Latin «i» for Kazakh «і» is folded first (the bank mixes them).
AMENDING_TITLE = {
    "ru": re.compile(
        r"^о\s+(?:внесении\s+(?:изменени|дополнени)|признании\s+утративш|приостановлении\s+действия)"
    ),
    "kk": re.compile(
        r"(?:(?:өзгеріс|өзгерту|толықтыру)\S*\s+(?:\S+\s+){0,3}енгізу\s+туралы"
        r"|күші\s+жойылды\s+деп\s+тану\s+туралы|тоқтата\s+тұру\s+туралы)\s*$"
    ),
}
RATIFICATION = re.compile(r"^о\s+ратификации|ратификациялау\s+туралы\s*$")
KIND_WORDS = {
    # «Кодекс Республики Казахстан …» / «… кодексі»: a code (law «On legal acts», art. 7).
    "code": re.compile(r"^кодекс\b|\bкодексі\s*$", re.I),
}
SIGNATURE = re.compile(r"президент", re.I)
DECREE = re.compile(r"ПОСТАНОВЛЯЮ|ҚАУЛЫ\s+ЕТЕМІН", re.I)

# Editorial notes cite an amending act by its date and number: kk «ҚР 2004.12.23. N 21
# Заңымен», «2011.07.22 № 479-IV»; ru «Законом РК от 20 мая 2005 г. N 51», «от 20.01.2010
# № 240-IV».
_NUM = r"(?:N|№)\s*(\d+(?:-[IVXLC]+)?)"
NOTE_KK = re.compile(rf"(\d{{4}})\.(\d{{1,2}})\.(\d{{1,2}})\.?\s*{_NUM}")
NOTE_RU_WORDS = re.compile(
    rf"от\s+(\d{{1,2}})\s+({'|'.join(MONTHS['ru'])})\s+(\d{{4}})\s*(?:г\.|года|г)?\s*{_NUM}",
    re.I,
)
NOTE_RU_DIGITS = re.compile(rf"от\s+(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})\s*(?:г\.|года)?\s*{_NUM}")
REPEALED_NOTE = re.compile(r"Утратил\w*\s+силу|күші\s+жойыл", re.I)


def bank_id(n: str) -> str:
    """The corpus ID of text-bank document N: ``TB`` and N in at least six digits."""
    return f"TB{int(n):06d}"


def fold(text: str) -> str:
    """A title as the amending-title patterns read it: lower case, Latin «i» as «і».

    >>> fold("Заңына өзгерiстер енгiзу туралы")
    'заңына өзгерістер енгізу туралы'
    """
    return " ".join(text.replace("i", "і").replace("I", "І").split()).casefold()


def note_citations(text: str, lang: str) -> list[tuple[str, str]]:
    """(ISO date, number) of each act an editorial note cites, in order.

    >>> note_citations("Ескерту. 17-бап өзгерді - ҚР 2004.12.23. N 21 Заңымен.", "kk")
    [('2004-12-23', '21')]
    >>> note_citations("Сноска. Внесены изменения - Законом РК от 20 мая 2005 г. N 51 .", "ru")
    [('2005-05-20', '51')]
    """
    found: list[tuple[int, str, str]] = []

    def add(pos: int, y: str, mo: str | int, d: str, num: str) -> None:
        try:
            day = dt.date(int(y), int(mo), int(d))
        except ValueError:
            return  # «1999.0.07»: a damaged date cites nothing that can be told
        found.append((pos, day.isoformat(), num))

    if lang == "kk":
        for m in NOTE_KK.finditer(text):
            add(m.start(), m[1], m[2], m[3], m[4])
    else:
        for m in NOTE_RU_WORDS.finditer(text):
            add(m.start(), m[3], MONTHS["ru"].index(m[2].lower()) + 1, m[1], m[4])
        for m in NOTE_RU_DIGITS.finditer(text):
            add(m.start(), m[3], m[2], m[1], m[4])
    return [(d, n) for _pos, d, n in sorted(found)]


def act_notes(act: Act) -> list[str]:
    """Every editorial note of a parsed text (the act's own, then each unit's)."""
    out = [n.text for n in act.notes]
    for u in act.walk():
        out += [n.text for n in u.heading_notes + u.notes]
    return out


NOTE_START = re.compile(r"^\s*(?:ескерту|сноска)\b", re.I)
NOTE_NUMBER = re.compile(r"^(?:N|№)\s*\d")


def raw_notes(raw: str) -> list[str]:
    """The editorial notes of a bank file as paragraphs of its own text, including those
    the parser keeps as text: upper case «ЕСКЕРТУ.», and a note whose number the bank
    broke onto a paragraph of its own (targets/104318/kk.md, lines 213–215).

    >>> raw_notes("ЕСКЕРТУ. 34-бап толықтырылды - Қазақстан Республикасының 2001.05.03.\\n"
    ...           "\\n               N 180 Заңымен. Z010180_\\n")
    ['ЕСКЕРТУ. 34-бап толықтырылды - Қазақстан Республикасының 2001.05.03. N 180 Заңымен. Z010180_']
    """
    out: list[str] = []
    open_note = False
    for para in re.split(r"\n\s*\n", raw):
        text = " ".join(para.split())
        if NOTE_START.match(para):
            out.append(text)
            open_note = True
        elif open_note and NOTE_NUMBER.match(text):
            out[-1] += " " + text
        else:
            open_note = False
    return out


@dataclass
class Text:
    """One language file of a bank act, imported and parsed."""

    lang: str
    path: Path  # the file in DIR
    rel: str  # its name relative to DIR («kaz/11040.md»)
    raw: str
    act: Act
    markdown: str  # the structured Markdown the importer made
    cited: list[tuple[str, str]] = field(default_factory=list)  # (date, number) of its notes


@dataclass
class Outcome:
    """What became of one act N of the folder."""

    n: str
    act_id: str
    status: str  # added | updated | unchanged | not-placed
    kind: str = ""  # act | amending
    type: str = ""  # law | code | decree
    reason: str = ""  # not placed: why (one line, file:line first)
    editions: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the files in DIR


@dataclass
class Report:
    """The outcome of one `import-bank` run."""

    outcomes: list[Outcome] = field(default_factory=list)
    ledger: list[dict] = field(default_factory=list)  # rows of the imported amending acts
    reflected: list[dict] = field(default_factory=list)  # note evidence (amender, act, ed)
    warnings: list[str] = field(default_factory=list)  # inexact citations, repairs

    def counts(self) -> dict[str, int]:
        """Acts by outcome.

        >>> Report([Outcome("1", "TB000001", "added")]).counts()
        {'added': 1}
        """
        return dict(sorted(Counter(o.status for o in self.outcomes).items()))

    def not_placed(self) -> dict[str, int]:
        """Files not placed by reason (the reason without its file and line)."""
        return dict(
            sorted(
                Counter(
                    _reason_kind(o.reason) for o in self.outcomes if o.status == "not-placed"
                ).items()
            )
        )

    def ledger_counts(self) -> dict[str, int]:
        """Ledger rows of the imported amending acts by status; an effect already in a
        stored edition (applied, in a version that is not the amending act's own) counts as
        ``reflected``."""
        return dict(sorted(Counter(ledger_status(r) for r in self.ledger).items()))

    def as_data(self) -> dict:
        """The report as plain data (the YAML file)."""
        return {
            "counts": self.counts(),
            "by_kind": dict(
                sorted(
                    Counter(
                        f"{o.kind}:{o.type}" for o in self.outcomes if o.status != "not-placed"
                    ).items()
                )
            ),
            "not_placed": [
                {"n": o.n, "files": o.files, "reason": o.reason}
                for o in self.outcomes
                if o.status == "not-placed"
            ],
            "not_placed_by_reason": self.not_placed(),
            "ledger_by_status": self.ledger_counts(),
            "reflected_by_note": self.reflected,
            "warnings": self.warnings,
            "ledger": [
                {
                    "amender": r.get("amender"),
                    "act": r.get("act_id"),
                    "lang": r.get("lang"),
                    "line": r.get("line"),
                    "target": r.get("target"),
                    "action": r.get("action"),
                    "status": ledger_status(r),
                    "version": r.get("version"),
                    "detail": r.get("detail") or None,
                }
                for r in self.ledger
            ],
            "acts": [
                {
                    "n": o.n,
                    "id": o.act_id,
                    "status": o.status,
                    "kind": o.kind,
                    "type": o.type,
                    "editions": o.editions,
                }
                for o in self.outcomes
                if o.status != "not-placed"
            ],
        }

    def lines(self) -> list[str]:
        """The report as the command prints it."""
        out = [f"{k}: {v}" for k, v in self.counts().items()]
        for o in self.outcomes:
            if o.status == "not-placed":
                out.append(f"not placed: {o.reason}")
        for k, v in self.not_placed().items():
            out.append(f"not placed, {k}: {v}")
        for k, v in self.ledger_counts().items():
            out.append(f"ledger {k}: {v}")
        out += [f"warning: {w}" for w in self.warnings]
        return out


def ledger_status(row: dict) -> str:
    """A ledger row's status, ``reflected`` for an effect already in a stored edition.

    >>> ledger_status({"amender": "TB011040", "status": "applied", "version": "bank-kk"})
    'reflected'
    >>> ledger_status({"amender": "TB011040", "status": "applied", "version": "TB011040"})
    'applied'
    """
    if row.get("status") == "applied" and row.get("version") not in (None, row.get("amender")):
        return "reflected"
    return str(row.get("status"))


_REASONS = [
    ("one language missing", re.compile(r"only in ")),
    ("no title", re.compile(r"no title")),
    ("import error", re.compile(r"cannot import")),
    ("parse error", re.compile(r"cannot parse")),
    ("invalid", re.compile(r"invalid")),
    ("kind not stated", re.compile(r"kind of act")),
    ("already in the corpus", re.compile(r"already in the corpus")),
    ("citation near an act it does not match", re.compile(r"^citation: ")),
    ("not a bank file", re.compile(r"not a text-bank")),
]


def _reason_kind(reason: str) -> str:
    for kind, rx in _REASONS:
        if rx.search(reason):
            return kind
    return "other"


def scan(folder: Path) -> tuple[dict[str, dict[str, Path]], list[Outcome]]:
    """The acts of a mirror folder: N → {lang: file}, and the files that are not a bank
    act's text (a name other than ``N.md``).

    >>> scan(Path("nowhere"))
    ({}, [])
    """
    acts: dict[str, dict[str, Path]] = {}
    odd: list[Outcome] = []
    for sub, lang in LANG_DIRS.items():
        base = folder / sub
        if not base.is_dir():
            continue
        for p in sorted(base.iterdir()):
            m = NAME_RE.match(p.name)
            if m and p.is_file():
                acts.setdefault(str(int(m[1])), {})[lang] = p
            elif p.name != "README.md":
                rel = f"{sub}/{p.name}"
                odd.append(
                    Outcome(
                        p.name, "", "not-placed", reason=f"{rel}:0: not a text-bank file (N.md)"
                    )
                )
    return dict(sorted(acts.items(), key=lambda kv: int(kv[0]))), odd


class NotPlaced(ValueError):
    """A file that cannot be placed; the message is one line, «file:line: why»."""


def read_text(path: Path, rel: str, lang: str, kind: str | None = None) -> Text:
    """Import and parse one bank file (the stages `zan tree` runs)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        line = path.read_bytes()[: e.start].count(b"\n") + 1
        raise NotPlaced(
            f"{rel}:{line}: cannot import: not UTF-8 ({e.reason} at byte {e.start})"
        ) from e
    try:
        result = import_text(raw, lang, rel, kind=kind)
    except ImportFailure as e:
        raise NotPlaced(f"cannot import: {str(e).splitlines()[0]}") from e
    except ParseError as e:
        raise NotPlaced(f"cannot parse: {str(e).splitlines()[0]}") from e
    # A bank file names its act on a «# …» line; without one the importer would take the
    # first paragraph (an instruction, a preamble) for the title: not placed.
    untitled = next((w for w in result.warnings if "no title line" in w), None)
    if untitled is not None:
        where = untitled.split(": no title line")[0]
        raise NotPlaced(f"{where}: no title: no «# …» line names the act")
    docs = result.documents
    if not docs:
        raise NotPlaced(f"{rel}:1: no title: the importer found no document")
    doc = docs[-1] if len(docs) > 1 else docs[0]
    try:
        act = parse_markdown(doc.markdown, lang, rel, line_map=doc.line_map)
    except ParseError as e:
        raise NotPlaced(f"cannot parse: {str(e).splitlines()[0]}") from e
    if not (act.title or "").strip():
        raise NotPlaced(f"{rel}:1: no title line («# …»)")
    return Text(lang, path, rel, raw, act, doc.markdown)


def is_amending(texts: dict[str, Text]) -> bool:
    """An amending act: its title says so (in either language), or its tree is
    instructions: operations are read from it (`formulas.read_instructions`) and every
    article of it but one (the entry into force) holds an instruction read."""
    for lang, t in texts.items():
        if AMENDING_TITLE[lang].search(fold(t.act.title)):
            return True
    # A ratification law (Law «On international treaties», art. 11) amends a treaty, not
    # an act of the corpus, even when the treaty it carries is worded as instructions.
    if any(RATIFICATION.search(fold(t.act.title)) for t in texts.values()):
        return False
    return all(_instructions_only(t.act) for t in texts.values())


def _instructions_only(act: Act) -> bool:
    from .consolidate_corpus import blocks_of
    from .formulas.reader import read_instructions

    try:
        ops = read_instructions(blocks_of(act), act.lang).operations
    except (KeyError, ValueError, IndexError):  # a text the reader cannot take as instructions
        return False
    # Instructions of a treaty a ratification law carries (its annexes) amend the treaty,
    # not an act of the corpus: only those citing an act, outside annexes, count.
    ops = [op for op in ops if op.act and not (op.item or "").startswith("annex")]
    if not ops:
        return False
    arts = {u.eid for u in act.walk() if u.type == "art" and "__" not in u.eid}
    holding = {(op.item or "").split("__")[0] for op in ops}
    return len(arts - holding) <= 1


def act_type(texts: dict[str, Text]) -> str | None:
    """The kind of act as its text states it: a header line («ЗАКОН РЕСПУБЛИКИ
    КАЗАХСТАН»), «Кодекс» in the title, «ПОСТАНОВЛЯЮ» (a decree), or a law signed by the
    President (Constitution, art. 44 p. 1, art. 61 p. 1: laws are signed by the President;
    a decree says «ПОСТАНОВЛЯЮ»). None when the text states none of these."""
    for t in texts.values():
        head = read_header(t.raw.splitlines()[:8], t.lang)
        if head.get("kind") in ("law", "constitutional_law"):
            return "law"
    for t in texts.values():
        if KIND_WORDS["code"].search(fold(t.act.title)):
            return "code"
    for t in texts.values():
        if DECREE.search(t.raw):
            return "decree"
    for t in texts.values():
        if any(SIGNATURE.search(s) for s in t.act.signature) or SIGNATURE.search(
            "\n".join(t.raw.splitlines()[-6:])
        ):
            return "law"
    return None


def stated(texts: dict[str, Text]) -> tuple[dict[str, str], list[str]]:
    """Date and number as the texts state them (their signature lines), and the
    disagreements between the languages (a field they state differently is unknown)."""
    got: dict[str, dict[str, str]] = {}
    for lang, t in texts.items():
        got[lang] = {k: v for k, v in read_header(t.act.signature, lang).items() if k != "kind"}
    out: dict[str, str] = {}
    problems: list[str] = []
    for key in ("date", "number"):
        values = {lang: g[key] for lang, g in got.items() if key in g}
        if len(set(values.values())) > 1:
            problems.append(f"{key}: kk {values.get('kk')} ≠ ru {values.get('ru')}")
        elif values:
            out[key] = next(iter(values.values()))
    return out, problems


def in_force_days(texts: dict[str, Text]) -> list[str]:
    """The days of entry into force the texts name (`formulas`' entry-into-force reading),
    one per distinct day: two different days mean the act's day is not known."""
    from .consolidate_corpus import blocks_of
    from .formulas.reader import read_instructions

    days: set[str] = set()
    for t in texts.values():
        try:
            rule = read_instructions(blocks_of(t.act), t.lang).entry_into_force or {}
        except (KeyError, ValueError, IndexError):
            continue
        if rule.get("kind") == "date":
            days.add(str(rule["date"]))
    return sorted(days)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _day_before(iso: str) -> str:
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def _stored(t: Text, act_id: str, edition: str | None) -> str:
    """The stored Markdown of a text (front matter as `zan reimport` writes it)."""
    act = t.act
    act.meta = {"act": act_id, **({"edition": edition} if edition else {}), "lang": t.lang}
    return render_markdown(act)


def plan_act(n: str, texts: dict[str, Text], kind: str, typ: str) -> dict[str, str]:
    """The files of one act's folder (path relative to the folder → content)."""
    act_id = bank_id(n)
    facts, disagree = stated(texts)
    meta: dict = {
        "id": act_id,
        "type": typ,
        "number": facts.get("number", "unknown"),
        "adopted": facts.get("date", "unknown"),
        "published": "unknown",
        "in_force": "unknown",
        "title": {
            lang: " ".join(act_title(t.act.title).split()) for lang, t in sorted(texts.items())
        },
        "status": "in_force",
    }
    repealed = [
        note
        for t in texts.values()
        for note in (n.text for n in t.act.notes)
        if REPEALED_NOTE.search(note)
    ]
    if repealed:
        meta["status"] = "repealed"
        meta["status_note"] = repealed[0]
    files_of = {
        lang: {"file": t.rel, "sha256": hashlib.sha256(t.path.read_bytes()).hexdigest()}
        for lang, t in sorted(texts.items())
    }

    def bank(langs: list[str], note: str | None = None) -> dict:
        out: dict = {"repo": REPO, **{lang: files_of[lang] for lang in langs}}
        notes = [x for x in (note, *(f"the two texts state different {d}" for d in disagree)) if x]
        if notes:
            out["note"] = "; ".join(notes) + (" (recorded as unknown)" if disagree else "")
        return out

    files: dict[str, str] = {}
    if kind == "amending":
        # The day it enters into force, where its text names one («вступает в силу с 1
        # января 1996 года»): the act's, whichever language states it.
        days = in_force_days(texts)
        if len(days) == 1:
            meta["in_force"] = days[0]
        texts_sha = {}
        for lang, t in sorted(texts.items()):
            files[f"{lang}.md"] = _stored(t, act_id, None)
            texts_sha[lang] = _sha(files[f"{lang}.md"])
        meta["text_sha256"] = texts_sha
        meta["bank"] = bank(sorted(texts))
    else:
        for t in texts.values():
            notes = act_notes(t.act) + raw_notes(t.raw)
            t.cited = sorted({c for note in notes for c in note_citations(note, t.lang)})
        same = len(texts) == 2 and texts["kk"].cited == texts["ru"].cited
        groups = [sorted(texts)] if same else [[lang] for lang in sorted(texts)]
        editions = []
        for langs in groups:
            ed_id = "bank" if same else f"bank-{langs[0]}"
            cited = texts[langs[0]].cited
            ed: dict = {"id": ed_id}
            if cited:
                latest = max(d for d, _n in cited)
                last = ", ".join(f"№ {num}" for d, num in cited if d == latest)
                day = ".".join(reversed(latest.split("-")))
                ed["consolidated"] = {
                    "kk": f"мәтіндер банкіндегі редакция (ескертпелердегі соңғы акт: {day} {last})",
                    "ru": f"редакция банка текстов (последний акт в сносках: от {day} {last})",
                }
                ed["includes_note"] = (
                    "The text as the text bank stores it; its editorial notes cite the acts of "
                    + ", ".join(f"{d} No. {num}" for d, num in cited)
                    + f", the latest of {latest}: the text stands from that act's day on."
                )
                ed["date"] = f"after {_day_before(latest)}"
            else:
                ed["consolidated"] = {
                    "kk": "мәтіндер банкіндегі редакция (түзетуші актілер туралы ескертпесіз)",
                    "ru": "редакция банка текстов (без сносок об изменяющих актах)",
                }
                ed["includes_note"] = (
                    "The text as the text bank stores it; it carries no editorial note "
                    "citing an amending act by date and number."
                )
                ed["date"] = f"after {_day_before(facts['date'])}" if "date" in facts else "unknown"
            ed["includes"] = "unknown"
            ed["languages"] = langs
            ed["text_sha256"] = {}
            for lang in langs:
                text = _stored(texts[lang], act_id, ed_id)
                files[f"{ed_id}/{lang}.md"] = text
                ed["text_sha256"][lang] = _sha(text)
            other = None
            if not same:
                other = (
                    "the kk and ru files are different editions (their notes cite different acts)"
                )
            ed["bank"] = bank(langs, other)
            editions.append(ed)
        meta["editions"] = editions
    files["act.yml"] = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    return files


def _folder_files(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _corpus_titles(root: Path) -> dict[str, str]:
    """title key → ID of the acts already in the corpus (not from the bank)."""
    from .act_match import title_key

    out: dict[str, str] = {}
    for top in ("corpus", "amendments"):
        for yml in sorted((root / top).glob("*/act.yml")):
            if yml.parent.name.startswith("TB"):
                continue
            try:
                meta = yaml.safe_load(yml.read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError):
                continue
            for title in (meta.get("title") or {}).values():
                if isinstance(title, str):
                    out[title_key(title)] = yml.parent.name
    return out


def import_bank(folder: Path, root: Path, today: dt.date | None = None) -> Report:
    """Import every act of a mirror folder into the corpus under ``root``; see the module.

    Writes only files whose bytes change; a second run on the same folder writes nothing.
    """
    from .act_match import title_key

    report = Report()
    acts, odd = scan(folder)
    report.outcomes += odd
    existing = _corpus_titles(root)
    placed: dict[str, tuple[str, dict[str, str]]] = {}  # ID → (top, files)
    read: dict[str, dict[str, Text]] = {}
    for n, paths in acts.items():
        files_rel = [
            f"{'kaz' if lang == 'kk' else 'rus'}/{p.name}" for lang, p in sorted(paths.items())
        ]
        out = Outcome(n, bank_id(n), "not-placed", files=files_rel)
        report.outcomes.append(out)
        if len(paths) < 2:
            have = next(iter(paths))
            other = "rus" if have == "kk" else "kaz"
            out.reason = (
                f"{files_rel[0]}:0: only in {have}: no {other}/{n}.md (both languages needed)"
            )
            continue
        try:
            texts = {
                lang: read_text(p, f"{'kaz' if lang == 'kk' else 'rus'}/{p.name}", lang)
                for lang, p in sorted(paths.items())
            }
            kind = "amending" if is_amending(texts) else "act"
            if kind == "amending":  # the quoted wordings are read as an amending act's
                texts = {
                    lang: read_text(t.path, t.rel, lang, kind="amending")
                    for lang, t in texts.items()
                }
        except NotPlaced as e:
            out.reason = str(e)
            continue
        same = [existing[k] for t in texts.values() if (k := title_key(t.act.title)) in existing]
        if same:
            out.reason = (
                f"{texts['ru'].rel}:1: already in the corpus as {same[0]} (same title); not "
                "imported twice"
            )
            continue
        typ = act_type(texts)
        if typ is None:
            out.reason = f"{texts['ru'].rel}:0: the kind of act is not stated in its text"
            continue
        out.kind, out.type = kind, typ
        top = "amendments" if kind == "amending" else "corpus"
        try:
            placed[out.act_id] = (top, plan_act(n, texts, kind, typ))
            read[out.act_id] = texts
        except ParseError as e:
            out.reason = f"cannot parse: {str(e).splitlines()[0]}"
            out.kind = out.type = ""
            continue
        out.editions = sorted({p.split("/")[0] for p in placed[out.act_id][1] if "/" in p})
    # Write, then validate with the one validator; a folder it rejects is not placed.
    before: dict[str, dict[str, bytes]] = {}
    for act_id, (top, files) in placed.items():
        target = root / top / act_id
        before[act_id] = _folder_files(target)
        want = {rel: text.encode("utf-8") for rel, text in files.items()}
        for rel in sorted(set(before[act_id]) - set(want)):
            (target / rel).unlink()
            if (target / rel).parent != target and not any((target / rel).parent.iterdir()):
                (target / rel).parent.rmdir()  # an edition folder the act no longer has
        for rel, data in want.items():
            if before[act_id].get(rel) != data:
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                (target / rel).write_bytes(data)
    from .validate import validate_corpus

    # The validator's cache (as `zan check` keeps it): a second run re-reads nothing unchanged.
    errors = validate_corpus(
        root, cache=root / ".zan-cache" / "validate.json", today=today, jobs=os.cpu_count() or 1
    )
    by_id = {o.act_id: o for o in report.outcomes if o.act_id in placed}
    for act_id, (top, files) in placed.items():
        # Messages name files under the root as given (relative or not).
        mine = [e for e in errors if _relative(e, root).startswith(f"{top}/{act_id}/")]
        o = by_id[act_id]
        if mine:
            shutil.rmtree(root / top / act_id)
            o.status = "not-placed"
            o.reason = "invalid: " + _in_bank_file(_relative(mine[0], root), read[act_id])
            continue
        want = {rel: text.encode("utf-8") for rel, text in files.items()}
        o.status = (
            "unchanged" if before[act_id] == want else ("updated" if before[act_id] else "added")
        )
    # A citation that comes near an act of the corpus but matches none fails `zan check`
    # and `zan build` (act_match): such an amending act is not placed, the error is its reason.
    from .consolidate_corpus import AmendersIndex
    from .corpus import load_corpus

    corpus = load_corpus(root, [])
    index = AmendersIndex(corpus, jobs=os.cpu_count() or 1)
    removed = False
    for act_id, (top, _files) in placed.items():
        o = by_id[act_id]
        mine = [e for e in index.errors if e.startswith(f"{top}/{act_id}/")]
        if mine and o.status != "not-placed":
            shutil.rmtree(root / top / act_id)
            o.status, o.reason = "not-placed", f"citation: {mine[0]}"
            removed = True
    if removed:  # the corpus without them (read again: rare)
        corpus = load_corpus(root, [])
        index = AmendersIndex(corpus, jobs=os.cpu_count() or 1)
    amenders = {
        a for a, (t, _f) in placed.items() if t == "amendments" and by_id[a].status != "not-placed"
    }
    report.ledger, report.reflected = _ledger(corpus, index, amenders, today)
    # Inexact citations (act_match's one-fit rule) and repaired look-alike letters.
    report.warnings = [w for a in sorted(amenders) for w in index.warnings_of.get(a, [])]
    return report


def _in_bank_file(message: str, texts: dict[str, Text]) -> str:
    """A validator's error on a stored text, named by the bank file and line the unit
    comes from, the stored file's line after it («kaz/N.md:77: annex_1__part_2: … (stored
    as corpus/TB…/kk.md:77)»); other messages as they are."""
    m = re.match(r"^(\S+/(kk|ru)\.md):(\d+): ([a-z][\w-]*(?:__[\w-]+)*): (.*)$", message)
    if not m or m[2] not in texts:
        return message
    t = texts[m[2]]
    unit = next((u for u in t.act.walk() if u.eid == m[4]), None)
    line = unit.line if unit is not None and unit.line else 0
    return f"{t.rel}:{line}: {m[4]}: {m[5]} (stored as {m[1]}:{m[3]})"


def _relative(message: str, root: Path) -> str:
    """An error line with the root's path taken off (messages name repository paths).

    >>> _relative("corpus/TB1/a.md:3: x", Path(".")), _relative("/r/corpus/a:1", Path("/r"))
    ('corpus/TB1/a.md:3: x', 'corpus/a:1')
    """
    for prefix in (str(root.resolve()) + "/", str(root) + "/"):
        if prefix != "./" and message.startswith(prefix):
            return message[len(prefix) :]
    return message[2:] if message.startswith("./") else message


def _ledger(
    corpus, index, amenders: set[str], today: dt.date | None
) -> tuple[list[dict], list[dict]]:
    """The ledger rows of the imported amending acts against the corpus (as `zan build`
    computes them: read, then each cited act's own results), and the editions whose notes
    cite an amending act by its stated date and number."""
    from .clock import today as clock_today
    from .consolidate_corpus import ledgers, merge_effects
    from .publish import assemble_act, ledger_rows_by_act

    day = today or clock_today()
    if not amenders:
        return [], []
    led = ledgers(corpus, day, index)
    rows_by_act = ledger_rows_by_act(led)
    cited = sorted({a for am in amenders for ids in index.cites.get(am, {}).values() for a in ids})
    effects: dict[str, list[dict]] = {}
    for act_id in cited:
        site_act = assemble_act(
            corpus, corpus.acts[act_id], index, rows_by_act.get(act_id, []), day, diffs=False
        )
        for r in site_act.effects:
            effects.setdefault(r["amender"], []).append(r)
    rows = []
    for am in led.amenders:
        if am["record"].id in amenders:
            rows += merge_effects(am["ledger"], effects.get(am["record"].id, []))
    reflected = []
    for am_id in sorted(amenders):
        meta = corpus.amendments[am_id].meta
        if meta.get("adopted") in (None, "unknown") or meta.get("number") in (None, "unknown"):
            continue
        want = (str(meta["adopted"]), str(meta["number"]))
        for act_id in cited:
            for ed in corpus.acts[act_id].editions:
                for lang in ed.languages:
                    notes = act_notes(ed.load(lang))
                    if any(want in note_citations(n, lang) for n in notes):
                        reflected.append(
                            {"amender": am_id, "act": act_id, "edition": ed.id, "lang": lang}
                        )
    return rows, reflected


def write_report(report: Report, path: Path) -> None:
    """Write the report as YAML (paths in it are relative to the mirror folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(report.as_data(), allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
