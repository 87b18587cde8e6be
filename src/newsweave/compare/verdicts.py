"""The verdict on aligned figures: ``agree``, ``evolving`` or ``conflict``.

Each pair of values is compared; a value's time is its article's publication date, else its
event's start. Two values are *at the same time* when given less than two days apart, when
nothing tells them apart, or when both are anchored to the same past year ("in 2009"); else
one is *older* and one *newer* (by date, else by the elapsed time their context names: "after
a week" vs "after months"). Each value stands for a range (:func:`.quantities.bounds`). A pair is

* **same** – at the same time with overlapping ranges; or at different times with values equal
  within 2%, or with a newer value lower than the older one but inside its range (a vaguer
  later report: "dozens" after "at least 30");
* **change** – at different times, a newer count higher than the older one (counts accumulate:
  "at least 30 boats" on the 3rd, "more than 45" on the 10th), or a duration grown by the time
  elapsed (±1 year: a "20-year rule" becomes a "26-year rule" six years later); also
  incompatible values of different events that no date orders;
* **conflict** – otherwise: ranges that do not overlap at the same time, a count that falls
  below the older range, a duration grown by other than the time elapsed.

A group is ``conflict`` if any pair conflicts, else ``evolving`` if any pair changed, else
``agree``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from ..model import Article, Figure
from .quantities import compatible, in_years, unit_family
from .scopes import Scope
from .text import sentence_at, sentences_of

Relation = Literal["same", "change", "conflict"]
#: A figure with its article and the year its clause is anchored to (None: the reporting time).
Item = tuple[Figure, Article, int | None]


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3,
    "a few": 3, "several": 3,
}  # fmt: skip
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4, "year": 365.25}
_SPAN = re.compile(
    r"\b(a few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|"
    r"several|\d{1,3})\s+(?:full\s+|straight\s+)?(day|week|month|year)s?\b"
    r"|\b(day|week|month|year)s\s+of\b",
    re.I,
)


def elapsed_days(fig: Figure, article: Article) -> float | None:
    """How long the story had run when the figure was given, from its context, in days.

    Read from the figure's sentence and the one before it: "protests have been taking place for
    a week now" → 7, "months of protests" → 61. The longest span mentioned wins; spans inside
    the figure itself ("a 26-year rule") are skipped. None when the context names no span.
    """
    sents = sentences_of(article)
    here = sentence_at(sents, fig.start)
    if here is None:
        return None
    k = sents.index(here)
    context = sents[max(0, k - 1) : k + 1]
    spans: list[float] = []
    for sent in context:
        for m in _SPAN.finditer(sent.text):
            start = sent.start + m.start()
            if fig.start <= start < fig.end or start <= fig.start < sent.start + m.end():
                continue
            if m.group(3):  # "months of": at least two
                spans.append(2 * _UNIT_DAYS[m.group(3).lower()])
                continue
            word = m.group(1).lower()
            n = float(word) if word.isdigit() else float(_NUMBER_WORDS.get(word, 1))
            spans.append(n * _UNIT_DAYS[m.group(2).lower()])
    return max(spans) if spans else None


def order_in_time(a: Item, b: Item, scope: Scope) -> tuple[Item, Item, float] | None:
    """(older, newer, days apart) when the two were given at different times, else None."""
    if a[2] is not None and a[2] == b[2]:
        return None  # both about the same past year: one happening, whenever reported
    da, db = _day(scope.when(a[1])), _day(scope.when(b[1]))
    if da and db and abs((db - da).days) >= 2:
        return (a, b, (db - da).days) if da < db else (b, a, (da - db).days)
    ea, eb = elapsed_days(a[0], a[1]), elapsed_days(b[0], b[1])
    if ea and eb and max(ea, eb) >= 2 * min(ea, eb) and abs(ea - eb) >= 3:
        return (a, b, eb - ea) if ea < eb else (b, a, ea - eb)
    return None


def relation(a: Item, b: Item, scope: Scope) -> Relation:
    """How two aligned values relate: the same, a change over time, or a conflict."""
    ordered = order_in_time(a, b, scope)
    if ordered is not None:
        (older, _, _), (newer, _, _), days = ordered
        return over_time(older, newer, days)
    if compatible(a[0], b[0]):
        return "same"
    anchored = a[2] is not None and a[2] == b[2]
    different_events = a[1].event and b[1].event and a[1].event != b[1].event
    return "change" if different_events and not anchored else "conflict"


def over_time(older: Figure, newer: Figure, days: float) -> Relation:
    """How ``newer``, given ``days`` after ``older``, relates to it."""
    if unit_family(older.unit) == "time":  # a duration grows with the calendar
        grown = in_years(newer) - in_years(older)
        if abs(grown - days / 365.25) > 1.0:
            return "conflict"
        return "same" if compatible(older, newer) else "change"
    if abs(newer.value - older.value) <= 0.02 * max(abs(older.value), abs(newer.value)):
        return "same"
    if newer.value > older.value:
        return "change"
    return "same" if compatible(older, newer) else "conflict"


def verdict(items: list[Item], scope: Scope) -> Literal["agree", "evolving", "conflict"]:
    """``agree``, ``evolving`` or ``conflict`` for aligned values (see module docstring)."""
    found = {
        relation(items[i], items[j], scope)
        for i in range(len(items))
        for j in range(i + 1, len(items))
    }
    if "conflict" in found:
        return "conflict"
    return "evolving" if "change" in found else "agree"
