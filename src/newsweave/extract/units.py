"""Units written around a number: currencies (ISO 4217 codes), percent, time spans.

Each matcher looks at the text right before or right after a number and returns what it found
with the span it covers, so the figures stage can widen the figure's phrase to include it.
"$", "dollars" and "US$" all mean USD (the report contract's convention); cents and pence keep
their own unit ("50 cents" is 50 "cent").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Currency symbols and the codes they stand for; "$" alone is the US dollar.
SYMBOLS: dict[str, str] = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₿": "BTC",
    "₩": "KRW", "₺": "TRY", "₴": "UAH", "₦": "NGN", "₱": "PHP", "₡": "CRC", "₾": "GEL",
    "₭": "LAK", "₫": "VND", "₪": "ILS", "元": "CNY", "ரூ": "LKR",
}  # fmt: skip
#: Letters written before "$" ("US$", "C$", "HK $").
DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "u.s": "USD", "usd": "USD", "c": "CAD", "ca": "CAD",
    "cad": "CAD", "a": "AUD", "au": "AUD", "aud": "AUD", "hk": "HKD", "nz": "NZD", "nzd": "NZD",
    "mex": "MXN", "mxn": "MXN", "s": "SGD", "r": "BRL",
}  # fmt: skip
CODES = frozenset(
    {
        "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "RUB", "BYN", "UAH", "PLN", "CAD",
        "AUD", "HKD", "NZD", "SGD", "INR", "PKR", "LKR", "TRY", "BRL", "MXN", "SEK", "NOK",
        "DKK", "CZK", "HUF", "KRW", "ZAR", "NGN", "ILS", "BTC",
    }
)  # fmt: skip
#: Currency words, and the code a nationality adjective before them gives.
WORDS: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "kuai": "CNY", "franc": "franc",
    "peseta": "ESP", "markka": "FIM", "guilder": "NLG", "rupee": "INR", "rouble": "RUB",
    "ruble": "RUB", "lira": "TRY", "peso": "peso", "bitcoin": "BTC", "btc": "BTC",
    "satoshi": "satoshi", "zloty": "PLN", "hryvnia": "UAH", "deutschmark": "DEM",
    "cent": "cent", "pence": "pence", "penny": "pence",
}  # fmt: skip
NATIONAL: dict[tuple[str, str], str] = {
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("canadian", "dollar"): "CAD", ("australian", "dollar"): "AUD",
    ("hong kong", "dollar"): "HKD", ("new zealand", "dollar"): "NZD",
    ("singapore", "dollar"): "SGD", ("swiss", "franc"): "CHF", ("french", "franc"): "FRF",
    ("belgian", "franc"): "BEF", ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR", ("mexican", "peso"): "MXN", ("turkish", "lira"): "TRY",
    ("belarusian", "rouble"): "BYN", ("belarusian", "ruble"): "BYN", ("chinese", "yuan"): "CNY",
    ("japanese", "yen"): "JPY", ("dutch", "guilder"): "NLG", ("finnish", "markka"): "FIM",
    ("russian", "rouble"): "RUB", ("russian", "ruble"): "RUB",
}  # fmt: skip
_NATIONS = sorted({n for n, _ in NATIONAL}, key=len, reverse=True)

_SYM = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_PREFIX_RE = re.compile(
    r"(?i)(?:(?<![\w.])(?P<pre>u\.s\.?|us|usd|c|ca|cad|au|aud|hk|nzd|nz|mex|mxn)\s?"
    r"|(?<![\w.])(?P<pre1>c|a|s|r)(?=\$))?"
    rf"(?P<sym>{_SYM})\s?$"
    r"|(?<![\w])(?P<code>[A-Z]{3}|Rs\.?|rs\.?|M[A-Z]{3})\s?$"
)
_SUFFIX_RE = re.compile(
    r"(?i)(?:\s?|-)(?:"
    rf"(?P<sym>{_SYM})"
    rf"|(?:(?P<nat>{'|'.join(re.escape(n) for n in _NATIONS)})\s+)?"
    r"(?P<word>dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|rmb|kuai"
    r"|francs?|pesetas?|markkas?|guilders?|rupees?|roubles?|rubles?|liras?|pesos?|bitcoins?"
    r"|satoshis?|zloty|zlotys|hryvnias?|deutschmarks?|cents?|pence|penny)(?![\w])"
    r"|(?P<code>M?[A-Z]{3})(?![\w])"
    r")"
)
_PERCENT_RE = re.compile(
    r"(?i)\s?(?:%|per\s?cent(?:age)?s?(?:\s+points?)?(?![\w])|percent(?:age)?s?"
    r"(?:\s+points?)?(?![\w])|pct(?![\w]))"
)
_PERCENT_BEFORE_RE = re.compile(r"(?i)(?<![\w])(?:per\s?cent|percent)s?\s+of\s+$")

#: Time units, singular; figures counting them get the plural ("years").
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century"})
_TIME_RE = re.compile(
    r"(?i)(?:\s|-)(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|decades?)"
    r"(?P<old>(?:-|\s)old)?(?![\w])"
)
_AGED_RE = re.compile(r"(?i)(?<![\w])aged\s$")


@dataclass(frozen=True)
class UnitMatch:
    unit: str
    start: int  # span of the unit text (absolute offsets)
    end: int
    scale: float = 1.0  # "30 MUSD" is 30 million
    kind: str = "currency"  # currency | percent | time | age


def currency_before(text: str, start: int) -> UnitMatch | None:
    """A currency symbol or code right before ``start`` ("$", "US$ ", "c $ ", "EUR ")."""
    window = text[max(0, start - 8) : start]
    m = _PREFIX_RE.search(window)
    if not m:
        return None
    base = start - len(window)
    if m.group("sym"):
        sym = m.group("sym")
        pre = (m.group("pre") or m.group("pre1") or "").lower()
        unit = DOLLAR_PREFIXES.get(pre, SYMBOLS[sym]) if sym == "$" else SYMBOLS[sym]
        return UnitMatch(unit, base + m.start(), start)
    code = m.group("code")
    if code.lower().startswith("rs"):
        return UnitMatch("INR", base + m.start(), start)
    if code in CODES:
        return UnitMatch("CNY" if code == "RMB" else code, base + m.start(), start)
    if code[0] == "M" and code[1:] in CODES:
        return UnitMatch(code[1:], base + m.start(), start, scale=1e6)
    return None


def currency_after(text: str, end: int) -> UnitMatch | None:
    """A currency written right after ``end`` ("5 dollars", "100 €", "115USD", "30 MUSD")."""
    m = _SUFFIX_RE.match(text, end, min(len(text), end + 40))
    if not m:
        return None
    if m.group("sym"):
        return UnitMatch(SYMBOLS[m.group("sym")], end, m.end())
    if m.group("code"):
        code = m.group("code").upper()
        if code in CODES:
            return UnitMatch("CNY" if code == "RMB" else code, end, m.end())
        if code[0] == "M" and code[1:] in CODES:
            return UnitMatch(code[1:], end, m.end(), scale=1e6)
        return None
    word = m.group("word").lower().split()[0]
    if word.startswith("pound") and re.match(r"\s+of\b", text[m.end() : m.end() + 5]):
        return None  # "200 pounds of cocaine": weight
    base = word if word in WORDS else word.rstrip("s")
    if base not in WORDS and base.endswith("ie"):
        base = base[:-2] + "y"
    if base not in WORDS:
        return None
    nat = (m.group("nat") or "").lower()
    unit = NATIONAL.get((nat, base), WORDS[base])
    return UnitMatch(unit, end, m.end())


def percent_after(text: str, end: int) -> UnitMatch | None:
    """ "%", " percent", " per cent", " percentage points" right after ``end``."""
    m = _PERCENT_RE.match(text, end, min(len(text), end + 30))
    if not m:
        return None
    unit = "percentage points" if "point" in m.group().lower() else "percent"
    return UnitMatch(unit, end, m.end(), kind="percent")


def percent_before(text: str, start: int) -> UnitMatch | None:
    """ "percent of " right before ``start`` ("per cent of twenty-two")."""
    window = text[max(0, start - 20) : start]
    m = _PERCENT_BEFORE_RE.search(window)
    if not m:
        return None
    return UnitMatch("percent", start - len(window) + m.start(), start, kind="percent")


def time_after(text: str, end: int) -> UnitMatch | None:
    """ "-year", " years", "-year-old" right after ``end``; "-year-old" is an age."""
    m = _TIME_RE.match(text, end, min(len(text), end + 20))
    if not m:
        return None
    unit = m.group("unit").lower().rstrip("s") + "s"
    return UnitMatch(unit, end, m.end(), kind="age" if m.group("old") else "time")


def aged_before(text: str, start: int) -> bool:
    """Whether "aged " comes right before ``start``."""
    return bool(_AGED_RE.search(text[max(0, start - 6) : start]))
