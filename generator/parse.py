"""Parse stage: structured Markdown → unit tree (an `Act`).

The format is described in docs/structured-markdown.md. Headings carry their eIds; points,
subpoints and unnumbered blocks get theirs from their numbers and position.

>>> act = parse_markdown("# T\\n\\n### 1-бап. Мақсаты {#art_1}\\n\\n1. Бірінші.\\n", "kk")
>>> [u.eid for u in act.walk()]
['art_1', 'art_1__para_1']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from . import eid as _eid
from . import units
from .datafile import LOADER
from .model import CONTAINER_TYPES, HEADING_TYPES, Act, Note, Unit


class ParseError(ValueError):
    """Structured Markdown that does not describe a valid unit tree (names file and line)."""


_YAML_LOADER = LOADER  # libyaml when present
_MD = (
    MarkdownIt("commonmark")
    .enable("table")
    # Legal points «1.» and «1)» are not Markdown lists; indented text is not code.
    .disable(["list", "code", "lheading", "html_block", "reference"])
    # Only the blocks' raw text is used: no inline tokenisation.
    .disable("inline")
    .use(front_matter_plugin)
)

# The title of an amending act («… өзгерістер енгізу туралы», «… толықтырулар енгізу
# жөнінде», «… күші жойылды деп тану туралы», «О внесении изменений …», «О признании
# утратившими силу …»); the text bank mixes Latin i into Kazakh words.
AMENDING_TITLE_RE = re.compile(
    r"енг[іi]зу\s+(?:туралы|жөн[іi]нде)\s*$|енг[іi]зу\s+және\s"
    r"|күш[іi]\s+жойылды\s+деп\s+тану\s+туралы\s*$"
    r"|^О\s+внесении\s+(?:изменени|дополнени)|^О\s+признании\s+утратившими?\s+силу",
    re.IGNORECASE,
)
HEADING_ID_RE = re.compile(r"\s*\{#([^}\s]+)\}\s*$")
NUM = r"\d+(?:-\d+)*"
# «2.»"Әкімшілік …» (a stray mark after the number is in the official source of Law 262).
PARA_RE = re.compile(rf"^({NUM})\.(?=\s|$|[«»\"“])")
SUBPARA_RE = re.compile(rf"^({NUM})\)")
SUBPARA_RANGE_RE = re.compile(rf"^({NUM})\)\s*[-–—]\s*({NUM})\)")
# A subpoint numbered by a letter «а) …», «б) …» (generator/grammar/units.yml, numbers).
_LETTERS = units.data()["numbers"]
LETTER_RE = re.compile(rf"^([{''.join(_LETTERS['letters'] + _LETTERS['latin_letters'])}])\)\s")
NOTE_RE = re.compile(rf"^({units.alternatives(units.note_words())})\.?")  # units.yml
# What a heading line says before its heading text: generator/grammar/units.yml
# (units.match_heading); inside an annex a section is «1. Жалпы ережелер».
SECTION_LABEL_RE = re.compile(rf"^({NUM})\.\s*")
# «1-қосымша», «Приложение № 1»; unnumbered: «… Орман Кодексіне қосымша», «Приложение к
# Лесному кодексу …» (3824).
ANNEX_LABEL_RE = re.compile(
    rf"{units.label_regex('annex')}|{units.unnumbered_stamp('annex', 'end')}$"
    rf"|^{units.unnumbered_stamp('annex', 'start')}"
    # «Қосымша» / «Приложение» alone: the label of an act's one annex (units.yml)
    rf"|^{units.alternatives(units.unnumbered_labels('annex'))}$"
)
# Words a note uses to name its unit («1-бапқа», «10-тармақ», «Статья 1», «пункт 10»).
NOTE_TARGET_RES = units.reference_patterns()  # generator/grammar/units.yml
# In an amending act, «1) тармақша …», «6), 7) және 8) тармақшалар …», «3) - 5) …»: a
# number that names the target unit, not an item of the act.
# «3) тармашада "қордың" деген сөз …» (quyse/kz-laws 2490 kk line 201): the text bank drops
# the «қ» of «тармақша»; the word still names the target.
_SUBPARA_KK = units.words("subpara", "kk")[0].replace("қ", "қ?")
REFERENCE_START_RE = re.compile(
    rf"^{NUM}\)\s*(?:-\s*)?(?:{_SUBPARA_KK}|,\s*{NUM}\)|және\s+{NUM}\)|мен\s+{NUM}\)"
    rf"|[-–—]\s*{NUM}\))"
)
REPEALED_RE = re.compile(
    r"(алып\s+тасталды|күші\s+жойылды|исключен[аоы]?\b|утратил[аи]?\s+силу)", re.IGNORECASE
)
# Scopes that enter the eIds of the units inside them.
SCOPE_TYPES = units.of_kind("scope") + ("para", "subpara", "al")
RANK = {t: units.rank(t) for t in HEADING_TYPES}
# The drafting rules' word for an unnumbered block, named in warnings (units.yml, ru words).
AL_WORD = units.words("al", "ru")[0]
# `_split_heading` kind of a section of an annex («1. Жалпы ережелер»).
ANNEX_SECTION = "section of an annex"


@dataclass
class _Block:
    kind: str  # heading | para | note | table | hr | fence
    text: str
    line: int
    eid: str | None = None


def _blocks(text: str, source: str) -> tuple[dict, list[_Block]]:
    tokens = _MD.parse(text)
    lines = text.split("\n")
    meta: dict = {}
    blocks: list[_Block] = []
    in_quote = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = tok.map[0] + 1 if tok.map else 0
        if tok.type == "front_matter":
            try:
                meta = yaml.load(tok.content, Loader=_YAML_LOADER) or {}
            except yaml.YAMLError as e:
                raise ParseError(f"{source}:{line}: front matter is not valid YAML: {e}") from e
        elif tok.type == "blockquote_open":
            in_quote += 1
        elif tok.type == "blockquote_close":
            in_quote -= 1
        elif tok.type == "heading_open":
            content = tokens[i + 1].content
            m = HEADING_ID_RE.search(content)
            level = len(tok.markup)
            if m:
                blocks.append(_Block("heading", content[: m.start()].strip(), line, m[1]))
            elif level == 1:
                blocks.append(_Block("title", content.strip(), line))
            else:
                raise ParseError(
                    f"{source}:{line}: heading without an eId {{#…}}: {content.strip()!r}"
                )
            i += 2
        elif tok.type == "paragraph_open":
            content = tokens[i + 1].content
            if "\n" in content:
                content = " ".join(s.strip() for s in content.split("\n"))
            blocks.append(_Block("note" if in_quote else "para", content, line))
            i += 2
        elif tok.type == "table_open":
            start, end = tok.map
            blocks.append(_Block("table", "\n".join(lines[start:end]).rstrip(), line))
            while tokens[i].type != "table_close":
                i += 1
        elif tok.type == "fence":
            blocks.append(_Block("fence", tok.content.rstrip("\n"), line, tok.info.strip()))
        elif tok.type == "hr":
            blocks.append(_Block("hr", "", line))
        elif tok.type in ("html_block", "code_block"):
            raise ParseError(f"{source}:{line}: unexpected block {tok.type}")
        i += 1
    return meta, blocks


_join = _eid.join


def _split_heading(kind: str, text: str, lang: str) -> tuple[str | None, str | None]:
    """Split «15-бап. Heading» into («15-бап», «Heading»); «Глава IY. …» too.

    >>> _split_heading("chp", "Глава IY. ОБЩИЕ ПОЛОЖЕНИЯ", "ru")
    ('Глава IY', 'ОБЩИЕ ПОЛОЖЕНИЯ')
    """
    if kind == ANNEX_SECTION:
        m = SECTION_LABEL_RE.match(text)
        if not m:
            return None, text or None
        label, rest = m[0].rstrip().rstrip(".").rstrip(), text[m.end() :]
    else:
        hit = units.match_heading(text, lang) or units.match_heading(text)
        if hit is None or hit[0] != kind:
            return None, text or None
        label = hit[2]
        rest = text[len(label) :].strip()
        rest = rest[1:] if rest.startswith(".") else rest
    rest = rest.strip()
    return label, rest or None


class _Builder:
    def __init__(self, lang: str, source: str):
        self.lang = lang
        self.source = source
        self.body: list[Unit] = []
        self.act_notes: list[Note] = []
        self.heads: list[Unit] = []  # open heading units (annex/part/chp/subchp/art)
        self.blocks: list[Unit] = []  # open block units (preamble/para/subpara) in scope
        self.last: Unit | None = None  # the unit the last block belonged to
        self.last_was_heading = False
        self.noted: set[int] = set()  # ids of units that already have notes
        self.warnings: list[str] = []
        # An amending act: its numbered items are instructions, quoted wording is theirs.
        self.amending = False
        self.quote_owner: Unit | None = None
        # Imported text (parse_markdown got a line map): what the importer could not place
        # is a warning, never a refused file (issue 12, item 3).
        self.lenient = False
        # Subpoints numbered by a letter «а)», «b)»: id → (letter as printed, alphabet).
        self.letter_of: dict[int, tuple[str, str]] = {}
        self.letter_lists: dict[int, tuple[Unit, str]] = {}  # parent id → (parent, alphabet)
        self.seen: dict[str, int] = {}  # eId → line of the unit that has it
        self.legal_note: Unit | None = None  # the open legal note of an article (docs/units.md)

    def error(self, line: int, msg: str) -> ParseError:
        return ParseError(f"{self.source}:{line}: {msg}")

    # -- where things go -------------------------------------------------
    def _container_children(self) -> list[Unit]:
        return self.heads[-1].children if self.heads else self.body

    def _scope_eid(self) -> str:
        for u in reversed(self.blocks):
            return u.eid
        for u in reversed(self.heads):
            if u.type in SCOPE_TYPES:
                return u.eid
        return ""

    def _append(self, parent_children: list[Unit], unit: Unit, owner: Unit | None) -> None:
        # The text bank prints editorial notes between the paragraphs of a unit
        # (targets/104140/kk.md): the note stays attached to the unit it concerns.
        parent_children.append(unit)
        self.seen.setdefault(unit.eid, unit.line)

    def warn(self, line: int, msg: str) -> None:
        self.warnings.append(f"{self.source}:{line}: {msg}")

    # -- block kinds -----------------------------------------------------
    def heading(self, b: _Block) -> None:
        self.legal_note = None
        eid = b.eid or ""
        last_seg = _eid.split(eid)[-1] if eid else ""
        typ, num = _eid.last(eid)
        if last_seg == "heading":
            owner_eid = _eid.parent(eid)
            owner = next((u for u in reversed(self.heads) if u.eid == owner_eid), None)
            if owner is None:
                raise self.error(b.line, f"{eid}: no open unit {owner_eid} to take this heading")
            owner.heading = b.text
            self.blocks = []
            self.last = owner
            self.last_was_heading = True
            return
        if typ not in HEADING_TYPES or num is None:
            raise self.error(b.line, f"unknown heading type in eId {eid!r}")
        rank = RANK[typ]
        in_annex = bool(self.heads) and self.heads[0].type == "annex" and typ != "annex"
        while self.heads and RANK[self.heads[-1].type] >= rank:
            self.heads.pop()
        self.blocks = []
        scope = next((u.eid for u in reversed(self.heads) if u.type in SCOPE_TYPES), "")
        expected = _join(scope, last_seg)
        if eid != expected:
            raise self.error(b.line, f"heading eId {eid!r} should be {expected!r} here")
        if typ == "annex":
            # «1-қосымша», or the whole approval stamp that ends with it, is the annex's
            # label line; the carried document's title comes as `annex_N__heading`.
            stamp = ANNEX_LABEL_RE.search(b.text)
            label, heading = (b.text, None) if stamp else (None, b.text or None)
        else:
            label, heading = _split_heading(ANNEX_SECTION if in_annex else typ, b.text, self.lang)
            if label is None and in_annex:
                label, heading = _split_heading(typ, b.text, self.lang)
        if label is None and typ != "annex" and b.text:
            if not self.lenient:
                raise self.error(
                    b.line, f"{eid}: heading {b.text!r} does not start with its number"
                )
            self.warn(b.line, f"{eid}: heading {b.text!r} does not start with its number")
        unit = Unit(type=typ, num=num, eid=eid, heading=heading, line=b.line, label_text=label)
        owner = self.heads[-1] if self.heads else None
        self._append(self._container_children(), unit, owner)
        self.heads.append(unit)
        self.last = unit
        self.last_was_heading = True

    def text_block(self, b: _Block, text: str) -> None:
        if self._legal_note_start(b, text):
            return
        m_range = SUBPARA_RANGE_RE.match(text)
        m_sub = SUBPARA_RE.match(text)
        m_para = PARA_RE.match(text)
        m_letter = None if (self.amending or m_sub or m_para) else LETTER_RE.match(text)
        if m_letter and self._letter_item(b, text, m_letter[1]):
            return
        span = None if (self.amending or m_sub or m_para or m_letter) else units.number_range(text)
        if span and text[:1].isalpha():
            # «а)-в) алып тасталды» / «а) - в) исключены»: one unit for the range of letter
            # subpoints (units.yml numbers, range_dash), numbered by its first letter.
            if self._letter_item(b, text, text[0], through=span[1]):
                return
        if self.amending and (m_sub or m_range) and REFERENCE_START_RE.match(text):
            # «1) тармақша мынадай редакцияда жазылсын», «6), 7) және 8) тармақшалар …»: the
            # number names the unit the instruction targets, it is not an item of the act.
            m_sub = m_range = None
        if m_sub or m_range:
            typ, num = "subpara", (m_range or m_sub)[1]
            # A subpoint belongs to the open point, or to the article/annex/act itself.
            while self.blocks and self.blocks[-1].type in ("subpara", "al"):
                self.blocks.pop()
        elif m_para:
            typ, num = "para", m_para[1]
            # the points of an article's legal note are the note's (art_3__note__para_1)
            self.blocks = [self.legal_note] if self.legal_note else []
        else:
            typ, num = "al", None
        if typ == "al":
            self._unnumbered(b, text)
            return
        if self.blocks and self.blocks[-1].type == "preamble":
            self.blocks = []
        parent = self.blocks[-1] if self.blocks else (self.heads[-1] if self.heads else None)
        children = parent.children if parent else self.body
        if typ == "subpara" and children and _restarts_under_lead_in(children, num):
            # «…: 1) … 13) … При оказании … не допускается …: 1) …»: a second list whose
            # numbering restarts belongs to the lead-in before it (DESIGN.md, Unit IDs).
            parent = children[-1]
            self.blocks.append(parent)
            children = parent.children
        eid = _join(self._scope_eid(), _eid.segment(typ, num))
        if self.lenient and self.amending and not m_range:
            eid, num = self._misnumbered_item(b, children, typ, num, eid)
        if self.lenient and not self.amending and eid in self.seen:
            # A numbering that repeats where no rule gives it a unit of its own (an exchange
            # of notes quoting the points of the agreement, quyse/kz-laws 41930): its text
            # stays with the enclosing unit, reported (issue 12, item 3).
            self.warn(
                b.line,
                f"repeated number {eid} (first at line {self.seen[eid]}) kept as text "
                f"(closest rule: a {typ} numbered in sequence): {text[:60]!r}",
            )
            if typ == "para":
                self.blocks = []
            self._unnumbered(b, text)
            return
        unit = Unit(type=typ, num=num, eid=eid, text=text, line=b.line)
        if m_range:
            unit.through = m_range[2]
        unit.repealed = bool(REPEALED_RE.search(text[:80]))
        self._append(children, unit, parent)
        self.blocks.append(unit)
        self.last = unit
        self.last_was_heading = False

    def _misnumbered_item(
        self, b: _Block, siblings: list[Unit], typ: str, num: str, eid: str
    ) -> tuple[str, str]:
        """The eId and number of an amending act's item that repeats the number of the item just
        before it: «3) дополнить статьей 557-1 …» then «3) в абзаце десятом …» where the
        Kazakh text numbers the second item «4)» (quyse/kz-laws 19682 ru). Items of an act
        are numbered in sequence (Law «On legal acts» art. 24), so the repeated number is
        read as the next one, with a warning; any other repeat stays a conflict."""
        prev = next((u for u in reversed(siblings) if u.type == typ), None)
        if prev is None or prev.eid != eid or not num.isdigit():
            return eid, num
        nxt = _eid.join(_eid.parent(eid), _eid.segment(typ, int(num) + 1))
        if any(u.eid == nxt for u in siblings):
            return eid, num
        self.warn(
            b.line,
            f"item {num} repeats the number of the item before it (line {prev.line}); read "
            f"as {nxt} (closest rule: the items of an act are numbered in sequence)",
        )
        return nxt, str(int(num) + 1)

    def _letter_item(self, b: _Block, text: str, letter: str, through: str | None = None) -> bool:
        """A letter subpoint «а) …» (docs/units.md): the same ``subpara`` type, the
        letter's place in the drafting rules' sequence as its eId number, nested under the
        open numbered subpoint, else under the open point or article. Only a list that
        starts at «а)» and goes on letter by letter; anything else stays text. A treaty's
        list may run in Latin letters «a) b) c)» (quyse/kz-laws 7792); a letter printed in
        the other alphabet («с)» between «b)» and «d)», 5044) is read in the list's
        (units.yml ``letter_lookalikes``) and reported when the parse ends."""
        readings = units.letter_values(letter)
        stack = list(self.blocks)
        while stack and (stack[-1].type == "al" or id(stack[-1]) in self.letter_of):
            stack.pop()
        if stack:
            parent = stack[-1]
        elif self.heads and self.heads[-1].type in SCOPE_TYPES:
            parent = self.heads[-1]
        else:
            return False
        if parent.type == "preamble":
            return False
        letters = [c for c in parent.children if id(c) in self.letter_of]
        last = letters[-1] if letters else None
        want = int((last.through or last.num or 0) if last else 0) + 1
        current = self.letter_lists.get(id(parent), (parent, None))[1] if letters else None
        # The list's alphabet, else the other one when every earlier item reads in it too.
        alphabet = None
        for alpha in ([current] if current else []) + ["cyr", "lat"]:
            if readings.get(alpha, (0,))[0] != want:
                continue
            if alpha != current and not all(
                alpha in units.letter_values(self.letter_of[id(c)][0]) for c in letters
            ):
                continue
            alphabet = alpha
            break
        eid = _eid.join(parent.eid, _eid.segment("subpara", want))
        if alphabet is None or any(c.eid == eid for c in parent.children):
            return False
        unit = Unit(type="subpara", num=str(want), eid=eid, text=text, line=b.line)
        if through is not None:
            if int(through) <= want:
                return False
            unit.through = through
        unit.repealed = bool(REPEALED_RE.search(text[:80]))
        self.letter_of[id(unit)] = (letter, alphabet)
        self.letter_lists[id(parent)] = (parent, alphabet)
        self._append(parent.children, unit, parent)
        self.blocks = stack + [unit] if stack else [unit]
        self.last = unit
        self.last_was_heading = False
        return True

    def letter_warnings(self) -> None:
        """Report each list letter printed in the other alphabet than its list's."""
        native = {"cyr": set(_LETTERS["letters"]), "lat": set(_LETTERS["latin_letters"])}
        name = {"cyr": "Cyrillic", "lat": "Latin"}
        for parent, alphabet in self.letter_lists.values():
            for c in parent.children:
                if id(c) not in self.letter_of:
                    continue
                letter = self.letter_of[id(c)][0]
                if letter not in native[alphabet]:
                    read = units.letter_values(letter)[alphabet][1]
                    other = "Latin" if alphabet == "cyr" else "Cyrillic"
                    self.warn(
                        c.line,
                        f"{c.eid}: {other} letter «{letter})» read as {name[alphabet]} "
                        f"«{read})» (closest rule: a list's letters are of one alphabet)",
                    )

    def _unnumbered(self, b: _Block, text: str, quoted: bool = False) -> None:
        # The first block of a unit is its own text; later ones are its абзацы (al_K).
        # In an amending act an unnumbered block after an item («4) в статье 15:», then
        # «в пункте 1 слово … исключить;») and the wording an item quotes belong to it.
        if not (self.amending or quoted):
            while self.blocks and self.blocks[-1].type in ("subpara", "al"):
                self.blocks.pop()
        else:
            while self.blocks and self.blocks[-1].type == "al":
                self.blocks.pop()
        owner = self.blocks[-1] if self.blocks else (self.heads[-1] if self.heads else None)
        if owner is None or (owner.type in CONTAINER_TYPES and not owner.children):
            if owner is None and not self.body:
                unit = Unit(type="preamble", num=None, eid="preamble", text=text, line=b.line)
                self.body.append(unit)
                self.blocks = [unit]
                self.last = unit
                self.last_was_heading = False
                return
            if owner is None:
                # Top-level unnumbered block after units: an абзац of the act's body.
                pre = self.body[0] if self.body and self.body[0].type == "preamble" else None
                if pre is None or len(self.body) > 1:
                    owner = self.body[-1]
                    self.warn(
                        b.line,
                        f"unnumbered block outside any unit kept as text of {owner.eid} "
                        f"(closest rule: an {AL_WORD} of a unit): {text[:60]!r}",
                    )
                else:
                    owner = pre
            else:
                self.warn(
                    b.line,
                    f"text directly under {owner.eid} kept as its {AL_WORD} "
                    f"(closest rule: a chapter holds articles): {text[:60]!r}",
                )
        if not owner.text and not owner.children and owner.type not in CONTAINER_TYPES:
            owner.text = text
            owner.repealed = owner.repealed or bool(REPEALED_RE.search(text[:80]))
            self.last = owner
            self.last_was_heading = False
            self.blocks = [u for u in self.blocks if u is not owner] + [owner]
            return
        k = sum(1 for c in owner.children if c.type != "qstr") + 2
        unit = Unit(
            type="al",
            num=str(k),
            eid=_join(owner.eid, _eid.segment("al", k)),
            text=text,
            line=b.line,
        )
        self._append(owner.children, unit, owner)
        if owner not in self.blocks:
            self.blocks.append(owner)
        self.last = unit
        self.last_was_heading = False

    def quotation(self, b: _Block) -> None:
        """New wording an instruction quotes: a `qstr` (Akoma Ntoso quotedStructure) of the
        instruction that leads in to it, however the quoted text is numbered; it takes no
        абзац number of the amending act («4) … редакцияда жазылсын:» → subpara_4__qstr_1)."""
        owner = self.quote_owner if self.last is not None and self.last.type == "qstr" else None
        if owner is None:
            owner = self.last if self.last is not None else None
        if owner is None:
            self._unnumbered(b, b.text, quoted=True)
            self.last.quoted = True  # type: ignore[union-attr]
            return
        k = sum(1 for c in owner.children if c.type == "qstr") + 1
        unit = Unit(
            type="qstr",
            num=str(k),
            eid=_join(owner.eid, _eid.segment("qstr", k)),
            text=b.text,
            line=b.line,
            quoted=True,
        )
        owner.children.append(unit)
        self.quote_owner = owner
        self.last = unit
        self.last_was_heading = False

    def _legal_note_start(self, b: _Block, text: str) -> bool:
        """An article's legal note («Примечание. …», «Ескертулер.» then its points 1., 2.):
        a unit ``note`` of the article (docs/units.md «Legal notes»), not the text bank's
        editorial note (units.yml ``editorial_note``). Only in the text of an act, not in
        an amending act, whose quoted wording belongs to its instructions."""
        art = self.heads[-1] if self.heads else None
        if self.amending or art is None or art.type != "art" or not units.legal_note(text):
            return False
        if any(c.type == "note" for c in art.children):
            return False  # one note per article: a second stays what it was
        unit = Unit(type="note", num=None, eid=_join(art.eid, "note"), text=text, line=b.line)
        self._append(art.children, unit, art)
        self.legal_note = unit
        self.blocks = [unit]
        self.last = unit
        self.last_was_heading = False
        return True

    def note(self, b: _Block) -> None:
        if self._legal_note_start(b, b.text):
            return  # a legal «Ескерту.» the importer marked as a note (kk)
        note = Note(text=b.text, line=b.line)
        if self.last is None:
            self.act_notes.append(note)
            return
        if self.last_was_heading:
            # A note right after a heading line stays there («Заголовок статьи 13 …»,
            # «Глава 2 в редакции …»).
            self.last.heading_notes.append(note)
            return
        path = self._open_path()
        target = None
        named = _note_names(b.text)
        for u in reversed(path):
            if u.type not in CONTAINER_TYPES and (u.type, u.num) in named:
                target = u
                break
        if target is None:
            target = self.last
        target.notes.append(note)
        self.noted.add(id(target))
        # Nothing more may be added inside the noted unit (see _append).

    def _open_path(self) -> list[Unit]:
        path = list(self.heads) + [u for u in self.blocks if u not in self.heads]
        if self.last is not None and self.last not in path:
            path.append(self.last)
        return path


_num_key = _eid.num_key


def _restarts_under_lead_in(siblings: list[Unit], num: str) -> bool:
    lead = siblings[-1]
    if lead.type != "al" or not lead.text.rstrip().endswith(":"):
        return False
    key = _num_key(num)
    return any(u.type == "subpara" and _num_key(u.num or "") >= key for u in siblings)


def _note_names(text: str) -> set[tuple[str, str]]:
    head = text[:160]
    return {(typ, m[1]) for typ, rx in NOTE_TARGET_RES for m in rx.finditer(head)}


def parse_markdown(
    text: str,
    lang: str,
    source: str = "<text>",
    line_map: dict[int, int] | None = None,
    amending: bool | None = None,
) -> Act:
    """Parse structured Markdown into an `Act`.

    >>> act = parse_markdown("# T\\n\\nStatute.\\n\\n1) бір;\\n\\n> Ескерту. x\\n", "kk")
    >>> [(u.eid, u.text) for u in act.walk()]
    [('preamble', 'Statute.'), ('subpara_1', '1) бір;')]
    """
    if lang not in ("kk", "ru"):
        raise ParseError(f"{source}: unknown language {lang!r} (kk or ru)")
    meta, blocks = _blocks(text, source)
    if line_map:
        # Imported text: lines name the source file's lines, not the Markdown's.
        for blk in blocks:
            blk.line = line_map.get(blk.line, blk.line)
    title = None
    b = _Builder(lang, source)
    b.lenient = line_map is not None
    b.amending = meta.get("kind") == "amending" or any(blk.kind == "fence" for blk in blocks)
    if amending is not None:
        b.amending = amending
    signature: list[str] = []
    after_hr = False
    for blk in blocks:
        if after_hr:
            if blk.kind == "note" and line_map is not None:
                # An imported text: a note after the signature («Примечание РЦПИ!») is a
                # note on the act, not a refusal of the file.
                b.act_notes.append(Note(text=blk.text, line=blk.line))
                continue
            if blk.kind != "para":
                if line_map is None:
                    raise ParseError(f"{source}:{blk.line}: only plain lines may follow *** ")
                b.warn(blk.line, f"{blk.kind} after the signature kept as signature text")
            signature.append(blk.text)
            continue
        if blk.kind == "title":
            if title is not None:
                raise ParseError(f"{source}:{blk.line}: a second title (# …)")
            title = blk.text
            b.amending = b.amending or bool(AMENDING_TITLE_RE.search(title))
            if amending is not None:
                b.amending = amending
        elif blk.kind == "heading":
            b.heading(blk)
        elif blk.kind == "para":
            b.text_block(blk, blk.text)
        elif blk.kind == "fence":
            if blk.eid != "new-text":
                raise ParseError(f"{source}:{blk.line}: unknown fenced block {blk.eid!r}")
            b.quotation(blk)
        elif blk.kind == "table":
            b._unnumbered(blk, blk.text)
        elif blk.kind == "note":
            b.note(blk)
        elif blk.kind == "hr":
            after_hr = True
    if title is None:
        raise ParseError(f"{source}:1: the act has no title line (# …)")
    b.letter_warnings()
    act = Act(
        title=title,
        lang=lang,
        body=b.body,
        meta=meta,
        source=source,
        signature=signature,
        notes=b.act_notes,
        warnings=b.warnings,
    )
    _check_duplicates(act)
    for u in act.walk():
        # «### Статья 16. … » + «Сноска. Статья 16 исключена …»: a placeholder with no text.
        if not u.text and not u.children and not u.repealed:
            notes = u.heading_notes + u.notes
            u.repealed = any(REPEALED_RE.search(n.text[:120]) for n in notes)
    return act


def _check_duplicates(act: Act) -> None:
    seen: dict[str, int] = {}
    for u in act.walk():
        if u.eid in seen:
            raise ParseError(
                f"{act.source}:{u.line}: duplicate unit {u.eid} (first at line {seen[u.eid]})"
            )
        seen[u.eid] = u.line
