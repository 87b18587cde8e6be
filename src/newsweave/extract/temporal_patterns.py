"""Date expression patterns (HeidelTime-style): vocabulary and one regular expression per rule.

Each rule's name selects its normaliser in :mod:`newsweave.extract.temporal_normalize`; the
named groups (``y``, ``m``, ``d``, ``wd``, ``rel``, ``unit``, ``n``, ...) carry the parts.
Month and weekday names are matched case-sensitively (capitalised), so "march" and "may" as
verbs are not dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
SEASON_INDEX: dict[str, int] = {"winter": 0, "spring": 1, "summer": 2, "fall": 3, "autumn": 3}
DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _cap(words: list[str]) -> list[str]:
    return [w.capitalize() for w in words] + [w.upper() for w in words if len(w) > 3]


_FULL_MONTHS = [
    m for m in MONTHS if len(m) == max(len(k) for k, v in MONTHS.items() if v == MONTHS[m])
]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
_ABBR = _alt(_cap(_ABBR_MONTHS))
MONTH = rf"(?P<m>(?:{_ABBR})\.|{_alt(_cap(_FULL_MONTHS))}|(?:{_ABBR})(?=\s+\d))"
MONTH_FULL = rf"(?P<m>{_alt(_cap(_FULL_MONTHS))})"
WEEKDAY = rf"(?P<wd>{_alt(_cap(list(WEEKDAYS)))})"
OPT_WEEKDAY = rf"(?:(?:{_alt(_cap(list(WEEKDAYS)))}),?\s+)?"
DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<y>(?:1[5-9]|20)\d\d)"
NUM = rf"(?P<n>\d+|{_alt(list(NUMBERS))})"
REL = (
    r"(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+coming|the\s+current|the\s+past"
    r"|the\s+last|the\s+previous|the\s+latest)"
)
PART = (
    r"(?:(?P<part>early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of"
    r"|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of)(?:\s*-\s*|\s+)(?:in\s+)?)?"
)
SEASON = r"(?P<s>winter|spring|summer|fall|autumn)"
ORDINAL = rf"(?P<o>\d{{1,2}}(?:st|nd|rd|th)|{_alt(list(ORDINALS))})"
END = r"(?![\w-])"


@dataclass(frozen=True)
class Rule:
    """One date pattern; ``name`` picks its normaliser, ``keys`` are the words that trigger it."""

    name: str
    regex: re.Pattern[str]
    keys: frozenset[str]


DIGITS = "#"  #: the key standing for any run of digits
_MONTH_KEYS = frozenset(MONTHS)
_DAY_KEYS = frozenset(WEEKDAYS)
_UNITS = frozenset({"week", "weekend", "month", "year", "quarter", "decade", "century"})


def _rule(name: str, pattern: str, keys: frozenset[str] | set[str], flags: int = 0) -> Rule:
    return Rule(name, re.compile(r"(?<!\w)" + pattern, flags), frozenset(keys))


IC = re.IGNORECASE

#: All rules; where matches overlap, the longest wins, then the earlier rule.
RULES: tuple[Rule, ...] = (
    _rule("iso", r"(?<![\d-])" + YEAR + r"-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)(?![\d])", {DIGITS}),
    _rule(
        "month_day_year",
        OPT_WEEKDAY + MONTH + r"\s+" + DAY + r",?\s+" + YEAR + r"(?!\d)",
        _MONTH_KEYS,
    ),
    _rule(
        "day_month_year",
        OPT_WEEKDAY + r"(?:the\s+)?" + DAY + r"\s+(?:of\s+)?" + MONTH + r",?\s+" + YEAR + r"(?!\d)",
        _MONTH_KEYS,
    ),
    _rule("month_year", MONTH + r",?\s+(?:of\s+)?" + YEAR + r"(?![\d%])", _MONTH_KEYS),
    _rule(
        "month_rel_year",
        MONTH_FULL + r"\s+(?:of\s+)?(?P<rel>last|this|next)\s+year" + END,
        _MONTH_KEYS,
    ),
    _rule("month_day", OPT_WEEKDAY + MONTH + r"\s+" + DAY + r"(?![\d:.,%]\d|\d)", _MONTH_KEYS),
    _rule(
        "day_month",
        OPT_WEEKDAY + r"(?:the\s+)?" + DAY + r"\s+(?:of\s+)?" + MONTH + END,
        _MONTH_KEYS,
    ),
    _rule(
        "month",
        r"(?:(?i:(?P<part>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
        r"|the\s+middle\s+of))(?:\s*-\s*|\s+))?"
        r"(?:(?i:(?P<rel>last|this|next|this\s+past|this\s+coming))\s+)?" + MONTH_FULL + END,
        _MONTH_KEYS,
    ),
    _rule(
        "weekday",
        r"(?:(?i:(?P<part>early|late))\s+)?"
        r"(?:(?i:(?P<rel>last|this|next|this\s+past|this\s+coming))\s+)?" + WEEKDAY + END,
        _DAY_KEYS,
    ),
    _rule(
        "year",
        r"(?<![\d$€£¥.,:/])(?<!(?<!\d\d\d\d)-)(?:(?i:(?P<part>early|late|mid|the\s+end\s+of|the\s+beginning\s+of"
        r"|the\s+start\s+of|the\s+middle\s+of))(?:\s*-\s*|\s+))?(?:(?i:fiscal(?:\s+year)?)\s+)?"
        + YEAR
        + r"(?![\d%]|,\d|\.\d)",
        {DIGITS},
    ),
    _rule(
        "numeric_date",
        r"(?<![\d./])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep)" + YEAR + r"(?![\d]|\.\d)",
        {DIGITS},
    ),
    _rule(
        "holiday",
        r"(?P<h>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+Eve|New\s+Year's\s+Day"
        r"|Thanksgiving(?:\s+Day)?|Halloween|Valentine's\s+Day|Easter(?:\s+Sunday)?)"
        r"(?:,?\s+" + YEAR + r")?(?![\w-])",
        {"christmas", "new", "thanksgiving", "halloween", "valentine", "easter"},
    ),
    _rule("year_tail", r"(?<=(?:1[5-9]|20)\d\d[-–/])(?P<yy>\d\d)(?![\d%])", {DIGITS}),
    _rule(
        "decade",
        r"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?"
        r"(?P<dy>(?:1[5-9]|20)\d)0\s?'?s" + END,
        {DIGITS},
        IC,
    ),
    _rule(
        "decade_short",
        r"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?['‘’](?P<dd>\d)0s" + END,
        {DIGITS},
        IC,
    ),
    _rule(
        "decade_word",
        rf"the\s+(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+))?(?P<dw>{_alt(list(DECADE_WORDS))})"
        + END,
        set(DECADE_WORDS),
        IC,
    ),
    _rule("century", r"(?:the\s+)?" + ORDINAL + r"[-\s]century" + END, {"century"}, IC),
    _rule(
        "season_year",
        r"(?:the\s+)?" + SEASON + r"\s+(?:of\s+)?" + YEAR + r"(?!\d)",
        set(SEASON_INDEX),
        IC,
    ),
    _rule(
        "season",
        r"(?:(?P<rel>last|this|next|this\s+past|the\s+coming)\s+|the\s+)" + SEASON + END,
        set(SEASON_INDEX),
        IC,
    ),
    _rule(
        "quarter",
        r"(?:(?:the|its|this\s+year's|next\s+year's|last\s+year's)\s+)?(?:" + YEAR + r"\s+)?"
        r"(?:fiscal[-\s]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter"
        r"(?:\s+of\s+(?:fiscal\s+)?(?P<y2>(?:1[5-9]|20)\d\d))?" + END,
        {"quarter"},
        IC,
    ),
    _rule(
        "half",
        r"(?:the\s+)?(?P<h>first|second)\s+half\s+of\s+(?:fiscal\s+)?" + YEAR + r"(?!\d)",
        {"half"},
        IC,
    ),
    _rule(
        "unit_rel",
        PART
        + REL
        + r"\s+(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)(?!-)"
        + END,
        _UNITS,
        IC,
    ),
    _rule(
        "ago",
        r"(?:(?:about|almost|nearly|some|roughly|just|only|more\s+than|less\s+than)\s+)?"
        + NUM
        + r"\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|earlier|before)"
        + END,
        {"ago", "earlier", "before"},
        IC,
    ),
    _rule(
        "deictic",
        r"(?P<word>today|yesterday|tomorrow|tonight)" + END,
        {"today", "yesterday", "tomorrow", "tonight"},
        IC,
    ),
    _rule("the_weekend", r"the\s+weekend" + END, {"weekend"}, IC),
    _rule(
        "present_ref",
        r"(?P<word>(?:right\s+)?now|currently|nowadays|at\s+present|these\s+days)" + END,
        {"now", "currently", "nowadays", "present", "days"},
        IC,
    ),
    _rule(
        "past_ref",
        r"(?P<word>recently|recent\s+(?:years|months|weeks|days)|(?<=in\s)the\s+past"
        r"(?!\s+(?:week|month|year|decade|few|several|two|three|\d)))" + END,
        {"recently", "recent", "past"},
        IC,
    ),
    _rule(
        "future_ref",
        r"(?P<word>(?<=in\s)the\s+(?:near\s+)?future|(?<=in\s)(?:coming|the\s+coming)\s+"
        r"(?:years|months|weeks|days))" + END,
        {"future", "coming"},
        IC,
    ),
)

#: Rule indexes per trigger key.
KEY_INDEX: dict[str, tuple[int, ...]] = {
    key: tuple(i for i, r in enumerate(RULES) if key in r.keys)
    for key in frozenset().union(*(r.keys for r in RULES))
}
_WORD = re.compile(r"[a-z]+|\d+")
_SPACE = re.compile(r"\s")
#: How far a match may reach before / after the word that triggers its rule (characters).
BEFORE, AFTER = 48, 32


def scan(text: str) -> list[tuple[re.Match[str], int]]:
    """All ``(match, rule index)`` pairs in ``text``, possibly overlapping.

    Linear and cheap: one pass finds trigger words, and each rule runs only in windows around
    its triggers (running every rule over the whole text costs ~2 ms per 1,000 characters).
    """
    spans: dict[int, list[tuple[int, int]]] = {}
    for w in _WORD.finditer(text.lower()):
        tok = w.group()
        for idx in KEY_INDEX.get(DIGITS if tok[0].isdigit() else tok, ()):
            spans.setdefault(idx, []).append(w.span())
    out: list[tuple[re.Match[str], int]] = []
    for idx, hits in spans.items():
        regex = RULES[idx].regex
        windows: list[list[int]] = []
        for start, end in hits:
            lo = max(0, start - BEFORE)
            space = _SPACE.search(text, end + AFTER)
            hi = space.start() if space else len(text)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        for lo, hi in windows:
            out.extend((m, idx) for m in regex.finditer(text, lo, hi) if m.end() > m.start())
    return out
