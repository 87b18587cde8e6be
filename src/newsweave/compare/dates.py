"""Ordering normalised date values (TIMEX3 style) on one calendar axis."""

from __future__ import annotations

import datetime as dt
import re

_FORMS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})"), "day"),
    (re.compile(r"^(\d{4})-W(\d{2})$"), "week"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})X?$"), "decade"),
)
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: Finer granularities sort after coarser ones on the same start day.
RANK = {"day": 5, "week": 4, "month": 3, "season": 2, "quarter": 2, "year": 1, "decade": 0}


def parse(value: str) -> tuple[dt.date, str] | None:
    """The first day a date value covers and its granularity, or None if it is not a date."""
    for rx, gran in _FORMS:
        m = rx.match(value.strip())
        if not m:
            continue
        try:
            if gran == "day":
                return dt.date(int(m[1]), int(m[2]), int(m[3])), gran
            if gran == "week":
                return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), gran
            if gran == "month":
                return dt.date(int(m[1]), int(m[2]), 1), gran
            if gran == "quarter":
                return dt.date(int(m[1]), 3 * int(m[2]) - 2, 1), gran
            if gran == "season":
                return dt.date(int(m[1]), _SEASON_MONTH[m[2]], 1), gran
            if gran == "year":
                return dt.date(int(m[1]), 1, 1), gran
            return dt.date(int(m[1]) * 10, 1, 1), gran
        except ValueError:
            return None
    return None


def sort_key(value: str) -> tuple[dt.date, int]:
    """Chronological key: start day, then coarse before fine; non-dates last."""
    p = parse(value)
    if p is None:
        return (dt.date.max, 0)
    return (p[0], RANK[p[1]])


def covers(coarse: str, fine: str) -> bool:
    """Whether date value ``coarse`` contains ``fine`` ("2020-08" contains "2020-08-09")."""
    return fine.startswith(coarse) and len(fine) >= len(coarse)
