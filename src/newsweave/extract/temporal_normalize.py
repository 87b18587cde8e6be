"""Normalisers: one function per pattern rule, turning a match into a TIMEX3 value.

Each takes the regex match and a :class:`Context` (document creation time, the tense of the
governing verb, the surrounding text) and returns ``(value, relative)`` or ``None`` to reject
the match; ``relative`` is true when the value was anchored to the creation time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.easter import easter

from . import temporal_anchor as anc
from .temporal_anchor import Tense, Unit
from .temporal_patterns import (
    DECADE_WORDS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    SEASON_INDEX,
    WEEKDAYS,
)

Result = tuple[str, bool] | None

#: Words after which a bare "May" is the month, not the modal verb or a name.
MAY_CONTEXT = frozenset(
    {
        *("in", "since", "by", "until", "till", "before", "after", "through", "throughout"),
        *("of", "during", "from", "to", "early", "late", "mid", "last", "this", "next"),
    }
)
_OFFSETS = {
    "last": -1,
    "the past": -1,
    "the last": -1,
    "the previous": -1,
    "the latest": -1,
    "this past": -1,
    "this": 0,
    "the current": 0,
    "next": 1,
    "the coming": 1,
    "this coming": 1,
}
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")


@dataclass
class Context:
    """What a normaliser may consult besides the match itself."""

    text: str
    dct: dt.date | None
    tense: Callable[[int, int], Tense]  # tense of the verb governing a span
    entity: Callable[[int], str]  # spaCy entity label of the token starting at an offset
    counts: Callable[[int], bool]  # whether the number at an offset counts things ("2000 people")


#: Prepositions that point forward from a past verb: "extended until Nov. 20", "by June".
FORWARD = frozenset({"until", "till", "through", "by"})


def _direction(ctx: Context, m: re.Match[str]) -> Tense:
    before = ctx.text[max(0, m.start() - 8) : m.start()].split()
    if before and before[-1].lower() in FORWARD:
        return "future"
    tense = ctx.tense(m.start(), m.end())
    return tense if tense in ("past", "future") else None


def _rel(m: re.Match[str]) -> int | None:
    rel = m.groupdict().get("rel")
    return _OFFSETS[" ".join(rel.lower().split())] if rel else None


def _month(m: re.Match[str]) -> int:
    return MONTHS[m.group("m").rstrip(".").lower()]


def _date(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def iso(m: re.Match[str], ctx: Context) -> Result:
    d = _date(int(m.group("y")), int(m.group("mm")), int(m.group("dd")))
    return (d.isoformat(), False) if d else None


def full_date(m: re.Match[str], ctx: Context) -> Result:
    d = _date(int(m.group("y")), _month(m), int(m.group("d")))
    return (d.isoformat(), False) if d else None


def month_year(m: re.Match[str], ctx: Context) -> Result:
    return f"{int(m.group('y')):04d}-{_month(m):02d}", False


def month_rel_year(m: re.Match[str], ctx: Context) -> Result:
    if ctx.dct is None:
        return None
    return f"{ctx.dct.year + (_rel(m) or 0):04d}-{_month(m):02d}", True


def month_day(m: re.Match[str], ctx: Context) -> Result:
    if ctx.dct is None or not 1 <= int(m.group("d")) <= 31:
        return None
    d = anc.month_day(ctx.dct, _month(m), int(m.group("d")), _direction(ctx, m))
    return (d.isoformat(), True) if d else None


def month(m: re.Match[str], ctx: Context) -> Result:
    if ctx.dct is None:
        return None
    mo = _month(m)
    rel, part = _rel(m), m.group("part")
    if rel is None and part is None:
        if _NAME_AFTER.match(ctx.text, m.end()):  # "June Carter", "August Busch"
            return None
        before = ctx.text[max(0, m.start() - 12) : m.start()].split()
        if mo == 5 and (not before or before[-1].lower() not in MAY_CONTEXT):
            return None
    dct = ctx.dct
    if rel == -1:
        year = dct.year if mo < dct.month else dct.year - 1
    elif rel == 1:
        year = dct.year if mo > dct.month else dct.year + 1
    elif rel == 0:
        year = dct.year
    else:
        year = anc.month_year(dct, mo, _direction(ctx, m))
    return f"{year:04d}-{mo:02d}", True


def weekday(m: re.Match[str], ctx: Context) -> Result:
    if ctx.dct is None:
        return None
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = _rel(m)
    one = dt.timedelta(days=1)
    if rel == -1:
        d = anc.weekday(ctx.dct - one, wd, "past")
    elif rel == 1:
        d = anc.weekday(ctx.dct + one, wd, "future")
    else:
        tense = ctx.tense(m.start(), m.end())
        d = anc.weekday(ctx.dct, wd, "future" if tense == "future" else "past")
    return d.isoformat(), True


def numeric_date(m: re.Match[str], ctx: Context) -> Result:
    """``28.08.2020`` (day first with dots) or ``8/28/2020`` (month first with slashes)."""
    a, b = int(m.group("a")), int(m.group("b"))
    day_first = a > 12 or (b <= 12 and m.group("sep") == ".")
    d = _date(int(m.group("y")), b, a) if day_first else _date(int(m.group("y")), a, b)
    return (d.isoformat(), False) if d else None


def _holiday(name: str, y: int) -> dt.date:
    if name.startswith("thanksgiving"):  # fourth Thursday of November (United States)
        first = dt.date(y, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        return easter(y)
    fixed = {"christmas eve": (12, 24), "new year's eve": (12, 31), "new year's": (1, 1)}
    fixed |= {"christmas": (12, 25), "halloween": (10, 31), "valentine's": (2, 14)}
    key = next(k for k in fixed if name.startswith(k))
    return dt.date(y, *fixed[key])


def holiday(m: re.Match[str], ctx: Context) -> Result:
    name = " ".join(m.group("h").lower().split())
    if m.group("y"):
        return _holiday(name, int(m.group("y"))).isoformat(), False
    if ctx.dct is None:
        return None
    cands = [_holiday(name, y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    return anc.pick(cands, ctx.dct, _direction(ctx, m)).isoformat(), True


def year(m: re.Match[str], ctx: Context) -> Result:
    at = m.start("y")
    if ctx.entity(at) in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT") or ctx.counts(at):
        return None
    return m.group("y"), False


def decade(m: re.Match[str], ctx: Context) -> Result:
    return m.group("dy"), False


def decade_short(m: re.Match[str], ctx: Context) -> Result:
    digit = int(m.group("dd"))
    century = 20 if ctx.dct and digit <= (ctx.dct.year % 100) // 10 else 19
    return f"{century}{digit}", False


def decade_word(m: re.Match[str], ctx: Context) -> Result:
    return f"19{DECADE_WORDS[m.group('dw').lower()]}", False


def century(m: re.Match[str], ctx: Context) -> Result:
    o = m.group("o").lower()
    n = int(o[:-2]) if o[0].isdigit() else ORDINALS[o]
    return (f"{n - 1:02d}", False) if 1 <= n <= 30 else None


def year_tail(m: re.Match[str], ctx: Context) -> Result:
    """The second year of a range written short: the "58" of "1957-58"."""
    first = ctx.text[m.start() - 5 : m.start() - 1]
    tail = int(m.group("yy"))
    if tail <= int(first[2:]):
        return None
    return f"{first[:2]}{tail:02d}", False


def season_year(m: re.Match[str], ctx: Context) -> Result:
    s = SEASON_INDEX[m.group("s").lower()]
    return f"{m.group('y')}-{anc.SEASONS[s]}", False


def season(m: re.Match[str], ctx: Context) -> Result:
    if ctx.dct is None:
        return None
    s = SEASON_INDEX[m.group("s").lower()]
    return anc.season(ctx.dct, s, _rel(m), _direction(ctx, m)), True


def quarter(m: re.Match[str], ctx: Context) -> Result:
    q = ORDINALS[m.group("q").lower()]
    y = m.group("y") or m.group("y2")
    if y:
        return f"{y}-Q{q}", False
    if ctx.dct is None:
        return None
    lead = m.group(0).lower()
    for word, off in (("this year's", 0), ("last year's", -1), ("next year's", 1)):
        if lead.startswith(word):
            return f"{ctx.dct.year + off:04d}-Q{q}", True
    return anc.quarter(ctx.dct, q, _direction(ctx, m)), True


def half(m: re.Match[str], ctx: Context) -> Result:
    return f"{m.group('y')}-H{1 if m.group('h').lower() == 'first' else 2}", False


def unit_rel(m: re.Match[str], ctx: Context) -> Result:
    if ctx.dct is None:
        return None
    unit = m.group("unit").lower()
    off = _rel(m) or 0
    if unit == "weekend":
        return anc.week(anc.shift(ctx.dct, "week", off)) + "-WE", True
    u: Unit = unit  # type: ignore[assignment]
    return anc.value_at(anc.shift(ctx.dct, u, off), u), True


def ago(m: re.Match[str], ctx: Context) -> Result:
    if ctx.dct is None or m.group("dir").lower() != "ago":
        return None
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else NUMBERS[raw]
    unit = m.group("unit").lower()
    if unit == "decade":
        return anc.value_at(anc.shift(ctx.dct, "year", -10 * n), "year"), True
    u: Unit = unit  # type: ignore[assignment]
    return anc.value_at(anc.shift(ctx.dct, u, -n), u), True


def deictic(m: re.Match[str], ctx: Context) -> Result:
    if ctx.dct is None:
        return None
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m.group("word").lower()]
    return (ctx.dct + dt.timedelta(days=off)).isoformat(), True


def the_weekend(m: re.Match[str], ctx: Context) -> Result:
    if ctx.dct is None:
        return None
    future = ctx.tense(m.start(), m.end()) == "future"
    saturday = anc.weekday(ctx.dct, 5, "future" if future else "past")
    return anc.week(saturday) + "-WE", True


def _ref(value: str) -> Callable[[re.Match[str], Context], Result]:
    def norm(m: re.Match[str], ctx: Context) -> Result:
        return (value, True) if ctx.dct is not None else None

    return norm


NORMALIZERS: dict[str, Callable[[re.Match[str], Context], Result]] = {
    "iso": iso,
    "month_day_year": full_date,
    "day_month_year": full_date,
    "month_year": month_year,
    "month_rel_year": month_rel_year,
    "month_day": month_day,
    "day_month": month_day,
    "month": month,
    "weekday": weekday,
    "year": year,
    "year_tail": year_tail,
    "numeric_date": numeric_date,
    "holiday": holiday,
    "decade": decade,
    "decade_short": decade_short,
    "decade_word": decade_word,
    "century": century,
    "season_year": season_year,
    "season": season,
    "quarter": quarter,
    "half": half,
    "unit_rel": unit_rel,
    "ago": ago,
    "deictic": deictic,
    "the_weekend": the_weekend,
    "present_ref": _ref("PRESENT_REF"),
    "past_ref": _ref("PAST_REF"),
    "future_ref": _ref("FUTURE_REF"),
}
