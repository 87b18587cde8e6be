"""Bylines, datelines and URL lines at the top of an article, moved into metadata.

"Moscow, RussiaUpdated: Aug 28, 2020, 07:51 AM IST" gives place "Moscow, Russia" and date
2020-08-28; "May 3, 2013 at 7:31 AM ET" or "Reuters Sep 18, 2013" give the date alone; "By Jane
Doe" or a short name line beside a dateline gives the author; a line that is only the page's URL
gives the URL and, through htmldate, the date the URL carries ("/2013/03/14/").
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import datetime

from dateutil import parser as dateparser
from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor

from .lines import ends_sentence, words

# Labels that introduce a publication or update time (no \b before: scraped text glues them to
# the place, as in "RussiaUpdated:").
_LABEL = re.compile(
    r"(?i)(?:last\s+updated|first\s+published|last\s+modified|updated|published|posted|"
    r"aktualisiert|veröffentlicht|letzte\s+änderung|actualizado|publicado|mis\s+à\s+jour|"
    r"publié|release\s+date|released|(?:story\s+)?created)(?:\s+(?:on|am|le|el|at))?\s*:?\s*"
)
_HAS_DATE = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b", re.IGNORECASE)
_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
#: A full date: day, month and year ("Sep 18, 2013", "26 September 2013", "05/03/2013").
_FULL_DATE = re.compile(
    rf"(?i)\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d{{2}}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
)
#: Words a date line may hold besides the date: times, zones, "at"/"on" and their kin.
_TIME_WORDS = re.compile(
    r"(?i)\b(?:[ap]\.\s?m\.|[ap]m|[ap]|um|uhr|h|at|on|le|el|gmt|utc|ist|est|edt|cet|cest|bst|"
    r"pst|pdt|cst|cdt|mst|mdt|et|pt|ct)\b"
)
#: Other words a short line with a full date may carry: an outlet or a place ("Reuters").
MAX_DATE_LINE_EXTRA_WORDS = 2
_BY = re.compile(r"^(?:by|von|por|par|di|door|av)\s+(.+)$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]*|and|&|de|da|van|von|der|la|le|y)$")


@dataclass
class Dateline:
    """Place and ISO date read from a dateline."""

    place: str | None
    date: str | None


_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


def _tidy_digits(s: str) -> str:
    """Close spaces inside numbers written with separators ("05 / 03 / 2013", "7: 31")."""
    s = re.sub(r"(?<=\d) ?([/:.]) ?(?=\d)", r"\1", s)
    s = re.sub(r"\b((?:19|20)\d{2}) - (\d{2}) - (\d{2})\b", r"\1-\2-\3", s)
    return re.sub(r"(?i)\b([ap])\.\s?m\.", r"\1m", s)


def parse_date(s: str) -> str | None:
    """ISO date (YYYY-MM-DD) of a short date expression, or None when it holds no clear date."""
    s = _tidy_digits(s)
    if not _HAS_DATE.search(s):
        return None
    full = _FULL_DATE.search(s)
    if full:  # parse the date alone: times, zones and separators around it only confuse dateutil
        s = full.group()
    # dateutil fills what the text lacks from a default date: parsing against two defaults that
    # differ in day and month tells a full date from "May 2013", which has no day to give.
    dates = []
    for default in _DEFAULTS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # unknown zone names such as "IST" are ignored
                dt = dateparser.parse(
                    s, default=default, fuzzy=True, ignoretz=True, dayfirst=bool(_DOTTED.search(s))
                )
        except (ValueError, OverflowError, TypeError):
            return None
        dates.append(dt.date())
    if dates[0] != dates[1] or not 1900 < dates[0].year < 2100:
        return None
    return dates[0].isoformat()


def parse_dateline(s: str, max_words: int = 15) -> Dateline | None:
    """A dateline ("Place Updated: date") or a bare date line; None for anything else."""
    if len(words(s)) > max_words:
        return None
    labels = list(_LABEL.finditer(s))
    if labels:
        # The date after the first label (up to the next one), else the date before it
        # ("16 September 2013 Last updated at 12:42 GMT").
        m = labels[0]
        after = s[m.end() : labels[1].start() if len(labels) > 1 else len(s)]
        before = s[: m.start()]
        date = parse_date(after) or (parse_date(before) if _FULL_DATE.search(before) else None)
        if date is None:
            return None
        place = None if _HAS_DATE.search(before) else before.strip(" ,|-–—·:") or None
        return Dateline(place, date)
    tidy = _tidy_digits(s)
    sentence = ends_sentence(tidy) and not tidy.rstrip().endswith(tuple("0123456789"))
    if sentence and len(words(tidy)) > 6:
        return None
    # A line that is nothing but a date (optionally with a time, a zone, a weekday), or a full
    # date beside a word or two (the outlet or place: "Reuters Sep 18, 2013").
    stripped = _TIME_WORDS.sub(" ", tidy)
    leftover = re.sub(rf"(?i)[\d\s.,:/|()+–—-]+|\b{_MONTH}|\b{_WEEKDAY}", " ", stripped).split()
    if leftover and (
        len(leftover) > MAX_DATE_LINE_EXTRA_WORDS
        or not _FULL_DATE.search(tidy)
        or len(words(tidy)) > 8
    ):
        return None
    date = parse_date(s)
    return Dateline(None, date) if date else None


_URL_LINE = re.compile(r"^(?:https?://|www\.)[^\s/]+\.[a-z]{2,}(?:[/?#]\S*)?$", re.IGNORECASE)
_URL_DATES = Extractor(False, datetime(2100, 1, 1), datetime(1990, 1, 1), True, "%Y-%m-%d")


def parse_url_line(s: str) -> str | None:
    """The URL a line consists of (spaces inside it closed up, as text conversions leave them:
    "http: / / www. example. com / 2013 / 05 / 02 / a - b /"), or None."""
    compact = "".join(s.split())
    if len(compact) > 2048 or not _URL_LINE.match(compact):
        return None
    return compact


def url_date(url: str | None) -> str | None:
    """The Y-M-D date a URL's path carries ("/2013/03/14/", "2012-08-07"), via htmldate."""
    if not url:
        return None
    return extract_url_date(url, _URL_DATES)


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
