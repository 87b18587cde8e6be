"""Bylines and datelines at the top of an article, moved into metadata.

"Moscow, RussiaUpdated: Aug 28, 2020, 07:51 AM IST" gives place "Moscow, Russia" and date
2020-08-28; "By Jane Doe" or a short name line beside a dateline gives the author.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

from dateutil import parser as dateparser

from .lines import ends_sentence, words

# Labels that introduce a publication or update time (no \b before: scraped text glues them to
# the place, as in "RussiaUpdated:").
_LABEL = re.compile(
    r"(?i)(?:last\s+updated|first\s+published|last\s+modified|updated|published|posted|"
    r"aktualisiert|veröffentlicht|letzte\s+änderung|actualizado|publicado|mis\s+à\s+jour|"
    r"publié|release\s+date)(?:\s+(?:on|am|le|el|at))?\s*:?\s*"
)
_HAS_DATE = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b", re.IGNORECASE)
_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
_BY = re.compile(r"^(?:by|von|por|par|di|door|av)\s+(.+)$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]*|and|&|de|da|van|von|der|la|le|y)$")


@dataclass
class Dateline:
    """Place and ISO date read from a dateline."""

    place: str | None
    date: str | None


def parse_date(s: str) -> str | None:
    """ISO date (YYYY-MM-DD) of a short date expression, or None when it holds no clear date."""
    if not _HAS_DATE.search(s):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names such as "IST" are ignored
            dt = dateparser.parse(s, fuzzy=True, ignoretz=True, dayfirst=bool(_DOTTED.search(s)))
    except (ValueError, OverflowError, TypeError):
        return None
    return dt.date().isoformat() if dt and 1900 < dt.year < 2100 else None


def parse_dateline(s: str, max_words: int = 15) -> Dateline | None:
    """A dateline ("Place Updated: date") or a bare date line; None for anything else."""
    if len(words(s)) > max_words:
        return None
    m = _LABEL.search(s)
    if m:
        date = parse_date(s[m.end() :])
        if date is None:
            return None
        place = s[: m.start()].strip(" ,|-–—·:")
        return Dateline(place or None, date)
    if ends_sentence(s) and not s.rstrip().endswith(tuple("0123456789")) and len(words(s)) > 6:
        return None
    # A line that is nothing but a date (optionally with a time).
    stripped = re.sub(r"(?i)\b(?:am|pm|um|uhr|h|gmt|utc|ist|est|cet)\b", " ", s)
    leftover = re.sub(
        r"(?i)[\d\s.,:/|–—-]+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
        r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b",
        " ",
        stripped,
    ).strip()
    if leftover:
        return None
    date = parse_date(s)
    return Dateline(None, date) if date else None


def parse_byline(s: str, beside_dateline: bool = False) -> str | None:
    """Author named by a byline ("By Jane Doe"), or a bare name line beside a dateline."""
    m = _BY.match(s)
    cand = m.group(1).strip() if m else (s.strip() if beside_dateline else "")
    toks = cand.split()
    if not toks or len(toks) > 6 or ends_sentence(cand) or any(ch.isdigit() for ch in cand):
        return None
    if not all(_NAME_WORD.match(t.strip(",")) for t in toks):
        return None
    return cand
