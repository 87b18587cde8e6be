"""Calendar arithmetic that anchors relative date expressions to the document creation time.

Values follow TIMEX3: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYYY-Www`` (ISO week),
``YYYY-Qn`` (quarter), ``YYYY-SU`` (season) and ``YYY`` (decade). Direction words follow
HeidelTime's anchoring: ``"past"`` picks the latest occurrence up to the anchor, ``"future"``
the earliest from it on, ``None`` the nearest one.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from dateutil.relativedelta import relativedelta

Tense = Literal["past", "present", "future"] | None
Unit = Literal["day", "week", "month", "quarter", "year", "decade", "century"]

SEASONS: tuple[str, ...] = ("WI", "SP", "SU", "FA")


def day(d: dt.date) -> str:
    return d.isoformat()


def month(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def value_at(d: dt.date, unit: Unit) -> str:
    """``d`` written at the granularity of ``unit``."""
    if unit == "day":
        return day(d)
    if unit == "week":
        return week(d)
    if unit == "month":
        return month(d)
    if unit == "quarter":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    return f"{d.year // 100:02d}"


def shift(d: dt.date, unit: Unit, n: int) -> dt.date:
    """``d`` moved by ``n`` units (negative: into the past)."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "month":
        return d + relativedelta(months=n)
    if unit == "quarter":
        return d + relativedelta(months=3 * n)
    if unit == "year":
        return d + relativedelta(years=n)
    if unit == "decade":
        return d + relativedelta(years=10 * n)
    return d + relativedelta(years=100 * n)


def pick(candidates: list[dt.date], anchor: dt.date, direction: Tense) -> dt.date:
    """The candidate chosen by ``direction``: latest <= anchor (past), earliest >= (future)."""
    if direction == "past":
        before = [c for c in candidates if c <= anchor]
        if before:
            return max(before)
    elif direction == "future":
        after = [c for c in candidates if c >= anchor]
        if after:
            return min(after)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


def weekday(anchor: dt.date, wd: int, direction: Tense) -> dt.date:
    """Weekday ``wd`` (Monday = 0) nearest ``anchor`` in ``direction``; the anchor's day wins."""
    back = anchor - dt.timedelta(days=(anchor.weekday() - wd) % 7)
    fwd = anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)
    if direction == "future":
        return fwd
    if direction == "past" or back == fwd:
        return back
    return back if (anchor - back) <= (fwd - anchor) else fwd


#: Beyond this many days from the anchor, a tense-chosen month or day yields to the nearest
#: one: news style omits the year only for dates of the current year, so "extended to Nov. 20"
#: in early November is this Nov. 20 although the verb is past.
FAR = 300


def month_day(anchor: dt.date, m: int, d: int, direction: Tense) -> dt.date | None:
    """Month ``m`` day ``d`` in the year that ``direction`` chooses around ``anchor``."""
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append(dt.date(y, m, d))
        except ValueError:
            continue
    if not cands:
        return None
    chosen = pick(cands, anchor, direction)
    return chosen if abs((chosen - anchor).days) <= FAR else pick(cands, anchor, None)


def month_year(anchor: dt.date, m: int, direction: Tense) -> int:
    """The year of month ``m`` chosen by ``direction``; the anchor's own month is this year."""
    if m == anchor.month:
        return anchor.year
    firsts = [dt.date(y, m, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    here = dt.date(anchor.year, anchor.month, 1)
    chosen = pick(firsts, here, direction)
    return chosen.year if abs((chosen - here).days) <= FAR else pick(firsts, here, None).year


def season_of(d: dt.date) -> tuple[int, int]:
    """(year, index into SEASONS) of the meteorological season ``d`` falls in."""
    if d.month == 12:
        return d.year + 1, 0
    return d.year, [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3][d.month - 1]


def season(anchor: dt.date, s: int, offset: int | None, direction: Tense) -> str:
    """Season ``s`` (index into SEASONS): ``offset`` -1/0/+1 for last/this/next, else by tense."""
    y, cur = season_of(anchor)
    if offset == 0 or (offset is None and s == cur):
        return f"{y:04d}-{SEASONS[s]}"
    if offset == -1 or (offset is None and direction != "future"):
        return f"{y if s < cur else y - 1:04d}-{SEASONS[s]}"
    return f"{y if s > cur else y + 1:04d}-{SEASONS[s]}"


def quarter(anchor: dt.date, q: int, direction: Tense) -> str:
    """Quarter ``q`` of the year chosen by ``direction`` (the current quarter is this year)."""
    cur = quarter_of(anchor)
    if q == cur:
        y = anchor.year
    elif direction == "future":
        y = anchor.year if q > cur else anchor.year + 1
    else:
        y = anchor.year if q < cur else anchor.year - 1
    return f"{y:04d}-Q{q}"
