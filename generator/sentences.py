"""Sentences of a unit's text, for operations that work inside «the N-th sentence».

Amending instructions name sentences by ordinal («второе предложение части первой»,
«бірінші бөлігінің екінші сөйлемі», DESIGN.md «More rules of the vocabulary»). A sentence
ends at «.», «!», «?» or «…» followed by a space and a capital letter, a digit or an opening
quote, unless the dot closes an abbreviation the texts use inside sentences («ст.», «п.»,
«г.», «ж.», «т.б.», «и т.д.», «№», initials «И.И. Шувалов»).

>>> split("Приостановить до 1 января 2001 г. действие статей 13 и 37 Закона Республики "
...       "Казахстан.")  # amendments/104392/ru.md:351
['Приостановить до 1 января 2001 г. действие статей 13 и 37 Закона Республики Казахстан.']
>>> split("Ресей Федерациясы үшін - Ресей Федерациясы Үкіметі Төрағасының Бірінші орынбасары "
...       "И.И. Шувалов қол қойған Хаттаманың толық және теңтүпнұсқалы көшірмесі болып "
...       "табылатынын растаймын.")  # benchmarks/realworld-sample/acts/104296/kk.md:51
... # doctest: +ELLIPSIS
['Ресей Федерациясы үшін - ... И.И. Шувалов қол қойған ... растаймын.']
>>> [s[:30] for s in split("наблюдение статистическое — планомерный, научно организованный "
...   "сбор данных о явлениях и процессах социально-экономической жизни путем регистрации по "
...   "заранее разработанной программе. Государственные статистические наблюдения состоят из "
...   "общегосударственных и ведомственных статистических наблюдений;")]  # amendments/11040/ru.md
['наблюдение статистическое — пл', 'Государственные статистические']
"""

from __future__ import annotations

import re

# Abbreviations whose dot does not end a sentence (lower-cased, without their final dot).
# ru: «ст.» статья, «п.» пункт, «пп.» подпункты, «подп.», «ч.» часть, «г.»/«гг.» год(ы),
# «т.е.», «т.ч.», «др.», «см.», «тыс.», «млн.», «млрд.», «руб.», «обл.», «им.», «абз.»;
# kk: «ж.» жыл, «жж.», «б.» бап.
ABBREVIATIONS = frozenset(
    "ст стст п пп подп ч г гг т.е т.ч др см тыс млн млрд руб обл им абз разд гл прил ж жж б".split()
)
# Abbreviations that close an enumeration and may end a sentence: the sentence ends after
# them only when a capital letter follows («…, жоспарлар және т.б. Уәкілетті орган …»).
ENUMERATION_END = frozenset("т.д т.п т.б т.с.с".split())

_END = re.compile(r"(?:[.!?…]+)[\"»”']?(?=\s+[\"«„“(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")
_WORD_BEFORE = re.compile(r"(?:^|[\s(«\"„“])((?:[^\W\d_]+\.)*[^\W\d_]+|№)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the «.» at ``dot`` closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text[:dot])
    if not m:
        return False
    word = m[1]
    low = word.lower()
    if low in ENUMERATION_END:
        return False
    if low in ABBREVIATIONS:
        return True
    # An initial: one capital letter («И.», «И.И.» before a surname).
    parts = word.split(".")
    return all(len(p) == 1 and p.isupper() for p in parts)


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``; the end includes the final mark and any
    closing quote, the space after it belongs to no sentence.

    >>> spans('Внести в Закон Республики Казахстан от 7 мая 1997 г. "О государственной '
    ...       'статистике" (Ведомости Парламента Республики Казахстан, 1997 г., № 9, ст. 91; '
    ...       '2001 г., № 4, ст. 23) следующие изменения и дополнения:')  # amendments/11040/ru.md:3
    [(0, 205)]
    """
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text) and text[start].isspace():
        start += 1
    for m in _END.finditer(text):
        if m.start() < start:
            continue
        mark = text[m.start() : m.end()].rstrip("\"»”'")
        if mark == "." and _is_abbreviation(text, m.start()):
            continue
        out.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    end = len(text.rstrip())
    if start < end:
        out.append((start, end))
    return out


def split(text: str) -> list[str]:
    """The sentences of ``text`` (see the module's examples).

    >>> split("Государственный статистический регистр является инструментом статистического "
    ...   "учета и содержит краткую административную и экономическую информацию о всех "
    ...   "физических и юридических лицах, охваченных статистическим учетом. Его ведение "
    ...   "осуществляется уполномоченным органом.")  # amendments/11040/ru.md:95, cut
    ... # doctest: +ELLIPSIS
    ['Государственный ... учетом.', 'Его ведение осуществляется уполномоченным органом.']
    """
    return [text[a:b] for a, b in spans(text)]
