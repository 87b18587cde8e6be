"""Find and read numbers in English text: digits in either separator convention, number words.

Hand-written rather than taken from quantulum3 or recognizers-text-suite, because both read
"6.500" as 6.5 and "$1.5bn" as 1.5 (see the project's BASELINES), and the separator convention
of news text has to be decided per article, which neither library lets a caller do.

:func:`scan` is one linear pass over light lexemes (digit runs, words, single symbols) and
returns every :class:`NumberSpan`: digits ("6,500", "1.234.567", "12,34,567.89", "1 234 567",
"1.5", "3/4", "2 1/4", "1e10", "1.1^23"), digits with a scale ("10k", "1.5bn", "2 million",
"322 hundred"), number words ("one hundred and twenty-one", "ninety-five hundred",
"three lakh crore"), fractions ("two thirds", "a twenty-first", "one and a half",
"five and a half million", "one over three"), decimals in words ("nine point nought four"),
dozens ("half a dozen", "3 dozens") and signs ("-4/5", "minus five").
Units (currency, percent, counted nouns) are the figures stage's job.

Separator convention: ``"comma"`` (English, "6,500.5"), ``"dot"`` ("6.500,5") or ``None``
when the text does not say; :func:`detect_convention` decides it per text. With ``None``, a
lone "6.500" (1-3 digits, a dot, exactly three digits) is read as the decimal 6.5 and carries
the thousands reading 6500 as ``alt``, for the caller to pick from context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

Convention = Literal["comma", "dot"] | None

UNITS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
#: Scale words; "hundred" works inside a group, the others close one.
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lac": 1e5, "crore": 1e7,
}  # fmt: skip
#: Scale abbreviations written after digits ("10k", "1.5bn", "2 mln", "1,674.5 G").
SUFFIXES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
    "m": 1e6, "G": 1e9, "B": 1e9, "b": 1e9, "bn": 1e9, "bln": 1e9, "T": 1e12, "tn": 1e12,
    "tln": 1e12, "tr": 1e12,
}  # fmt: skip
#: Abbreviations also accepted after a space ("2.33 k"); "m", "b", "T" only when attached.
SPACED_SUFFIXES = frozenset({"k", "K", "M", "MM", "G", "bn", "mn", "mln", "bln", "tn", "tln"})
#: Ambiguous abbreviations ("10m" is ten metres as often as ten million): callers decide.
WEAK_SUFFIXES = frozenset({"m"})
DOZENS = frozenset({"dozen", "dozens", "dz", "dzs", "doz", "dozs"})
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 10**6, "billionth": 10**9, "trillionth": 10**12,
}  # fmt: skip
#: Fraction words that are not ordinals: "a half", "three quarters".
VULGAR: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
PARTS: dict[str, int] = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
_TIME_NOUNS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
     "minute", "minutes", "decade", "decades", "seconds"}
)  # fmt: skip
#: Non-number words that matter between numbers ("one over three", "one in five").
_JOINERS = frozenset({"over", "out", "of", "in", "/"})
SIGN_WORDS = frozenset({"minus", "negative"})

LEX_RE = re.compile(
    r"(?<![\w.])\.\d+(?![.,]\d)"  # ".25"
    r"|\d+(?:[.,]\d+)*(?:[eE][+-]?\d+(?![^\W\d_])|[x×]10\^[+-]?\d+)?(?:\^[+-]*\d+)?"
    r"[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]?"  # digits, 1e10, 1.3x10^6, 1.1^23, 2½
    r"|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]"
    r"|[^\W\d_]+"  # words
    r"|\S"  # any other single character
)
_GROUP_SPACE = {" ", "\u00a0", "\u202f", "\u2009"}


class Lexeme(NamedTuple):
    text: str
    start: int
    end: int


@dataclass
class NumberSpan:
    """A number found in text: ``text[start:end]`` reads as ``value``."""

    start: int
    end: int
    value: float
    alt: float | None = None  # the other separator reading of an ambiguous "6.500"
    words: bool = False  # written (partly) in words
    ordinal: bool = False  # "4th", "sixth": a rank, not an amount
    kind: str = "number"  # number | fraction | approx ("thousands") | id ("192.168.1.2")
    first: int = 0  # lexeme indexes [first, last) covered, for callers that look around
    last: int = 0


def lex(text: str) -> list[Lexeme]:
    """The lexemes of ``text``: digit runs, words and single other characters."""
    return [Lexeme(m.group(), *m.span()) for m in LEX_RE.finditer(text)]


_DOT_EVIDENCE = re.compile(
    r"\d\.\d{3}\.\d{3}(?!\d)|\d\.\d{3},\d|(?<![\d.,])\d{1,3},\d{1,2}(?![\d,])\s*(?:%|\w)"
)
_COMMA_EVIDENCE = re.compile(
    r"\d,\d{3}(?![\d])|(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.,])|\d,\d{3}\.\d"
)


def detect_convention(text: str) -> Convention:
    """The digit-group separator ``text`` uses, when its numbers say so unambiguously.

    "1.234.567", "6.500,5" or a decimal comma ("5,5 %") say dot; "6,500", "6,500.5" or a
    decimal dot with other than three digits ("1.5", "6.25") say comma. Mixed or no evidence
    gives ``None``.
    """
    dot = len(_DOT_EVIDENCE.findall(text))
    comma = len(_COMMA_EVIDENCE.findall(text))
    if dot and not comma:
        return "dot"
    if comma and not dot:
        return "comma"
    return None


def read_digits(
    s: str, convention: Convention = None
) -> list[tuple[int, int, float, float | None]]:
    """Read a digit run ("6,500", "1.5", "22,24,26", "1.1^23") as ``(start, end, value, alt)``.

    Usually one number; a run whose separators cannot be digit grouping ("22,24,26,31") is
    several numbers. ``alt`` is the thousands reading of an ambiguous "6.500".
    """
    if s.startswith("."):
        return [(0, len(s), float("0" + s), None)]
    if s[-1] in VULGAR:
        whole = read_digits(s[:-1], convention) if len(s) > 1 else [(0, 0, 0.0, None)]
        return [(0, len(s), whole[0][2] + VULGAR[s[-1]], None)]
    times = re.fullmatch(r"(.+)[x×]10\^([+-]?\d+)", s)
    if times:
        head = read_digits(times.group(1), convention)
        return [(0, len(s), head[0][2] * 10 ** int(times.group(2)), None)]
    base, _, power = s.partition("^")
    if power:
        exp = int(power.lstrip("+-")) * (-1 if power.count("-") % 2 else 1)
        head = read_digits(base, convention)
        if len(head) == 1:
            return [(0, len(s), head[0][2] ** exp, None)]
        return head
    mant, exp_s = _split_exponent(base)
    if exp_s is not None:
        head = read_digits(mant, convention)
        if len(head) == 1:
            return [(0, len(s), float(head[0][2]) * 10 ** int(exp_s), None)]
    parts = re.split(r"([.,])", base)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return [(0, len(s), float(int(groups[0])), None)]
    value = _grouped(groups, seps, convention)
    if value is not None:
        val, alt = value
        return [(0, len(s), val, alt)]
    out: list[tuple[int, int, float, float | None]] = []  # a list: "22,24,26,31"
    pos = 0
    for g in groups:
        out.append((pos, pos + len(g), float(int(g)), None))
        pos += len(g) + 1
    return out


def _split_exponent(s: str) -> tuple[str, str | None]:
    m = re.fullmatch(r"(.+?)[eE]([+-]?\d+)", s)
    return (m.group(1), m.group(2)) if m else (s, None)


def _grouped(
    groups: list[str], seps: list[str], conv: Convention
) -> tuple[float, float | None] | None:
    """Value (and alternative) of digit groups joined by separators, or None for a list."""
    first, rest = groups[0], groups[1:]
    if len(seps) == 1:
        sep, g = seps[0], rest[0]
        decimal = float(f"{first}.{g}")
        if len(g) == 3 and len(first) <= 3 and first != "0":
            thousands = float(int(first + g))
            if sep == ",":
                return (decimal, None) if conv == "dot" else (thousands, None)
            if conv == "dot":
                return thousands, None
            if conv == "comma":
                return decimal, None
            return decimal, thousands
        return decimal, None  # "1.5", "1,3" (a decimal comma), "4.8000"
    last_sep = seps[-1]
    body_seps = seps[:-1] if last_sep != seps[0] else seps
    if any(x != body_seps[0] for x in body_seps):
        return None
    body = [first, *rest[: len(body_seps)]]
    if not _valid_grouping(body):
        return None
    whole = "".join(body)
    if last_sep != seps[0]:  # "1,234,567.89" / "1.234.567,89"
        return float(f"{whole}.{rest[-1]}"), None
    return float(int(whole)), None


def _valid_grouping(groups: list[str]) -> bool:
    """Thousands grouping (1-3 digits, then threes) or Indian (1-2, twos, then three)."""
    if not 1 <= len(groups[0]) <= 3 or len(groups[-1]) != 3:
        return False
    middle = groups[1:-1]
    if all(len(g) == 3 for g in middle):
        return True
    return len(groups[0]) <= 2 and all(len(g) == 2 for g in middle)


# --- the scanner ------------------------------------------------------------------------


@dataclass
class _Item:
    kind: str  # unit teen tens digits hundred scale dozen ord part a and point over sep
    value: float
    lex: int  # index of its (last) lexeme
    plural: bool = False
    first_lex: int = -1
    alt: float | None = None
    word: str = ""  # the lowercased lexeme of a ``sep`` item ("over", "out", "of", ".")
    span: tuple[int, int] | None = None  # own offsets of one number in a list ("22,24")

    def __post_init__(self) -> None:
        if self.first_lex < 0:
            self.first_lex = self.lex


def _word_item(word: str, idx: int) -> _Item | None:
    w = word.lower()
    if w in UNITS:
        return _Item("unit", UNITS[w], idx)
    if w in TEENS:
        return _Item("teen", TEENS[w], idx)
    if w in TENS:
        return _Item("tens", TENS[w], idx)
    if w in SCALES:
        return _Item("hundred" if w == "hundred" else "scale", SCALES[w], idx)
    if w.endswith("s") and w[:-1] in SCALES:
        return _Item("hundred" if w == "hundreds" else "scale", SCALES[w[:-1]], idx, plural=True)
    if w in DOZENS:
        return _Item("dozen", 12, idx, plural=w.endswith("s"))
    if w in ORDINALS:
        return _Item("ord", ORDINALS[w], idx)
    if w.endswith("s") and w[:-1] in ORDINALS and w not in {"seconds", "firsts"}:
        return _Item("ord", ORDINALS[w[:-1]], idx, plural=True)
    if w == "firsts":
        return _Item("ord", 1, idx, plural=True)
    if w in PARTS:
        return _Item("part", PARTS[w], idx, plural=w.endswith("s"))
    if w in ("a", "an"):
        return _Item("a", 1, idx)
    if w == "and":
        return _Item("and", 0, idx)
    if w == "point":
        return _Item("point", 0, idx)
    return None


def scan(
    text: str, convention: Convention = None, lexemes: list[Lexeme] | None = None
) -> list[NumberSpan]:
    """Every number in ``text``, in order, non-overlapping."""
    lx = lexemes if lexemes is not None else lex(text)
    items = _items(text, lx, convention)
    out: list[NumberSpan] = []
    i = 0
    while i < len(items):
        res = _phrase(items, i)
        if res is None:
            i += 1
            continue
        span, j = res
        first, last = items[i].first_lex, items[j - 1].lex
        own = items[i].span if j == i + 1 else None
        a, b = own if own is not None else (lx[first].start, lx[last].end)
        num = NumberSpan(a, b, span[0], span[1], span[2],
                         kind=span[3], first=first, last=last + 1)  # fmt: skip
        out.append(_with_sign(text, lx, num))
        i = j
    return [_mark_ordinal(text, lx, n) for n in out]


def _items(text: str, lx: list[Lexeme], conv: Convention) -> list[_Item]:
    """Lexemes as number items; anything else becomes a ``sep`` item that stops phrases."""
    items: list[_Item] = []
    k = 0
    while k < len(lx):
        t = lx[k]
        if k and "\n" in text[lx[k - 1].end : t.start]:
            items.append(_Item("sep", 0, k - 1, word="\n"))  # numbers do not cross lines
        if t.text[0].isdigit() or t.text in VULGAR or (t.text[0] == "." and len(t.text) > 1):
            k = _digit_items(text, lx, k, conv, items)
            continue
        word = _word_item(t.text, k) if t.text[0].isalpha() else None
        if word is not None:
            items.append(word)
        elif t.text in "-‐‑" and items and items[-1].lex == k - 1 and k + 1 < len(lx):
            # a hyphen inside a number written in words ("twenty-one", "one-eighth") is dropped
            nxt = _word_item(lx[k + 1].text, k + 1) if lx[k + 1].text[0].isalpha() else None
            prev = items[-1].kind
            if (
                nxt is not None
                and prev not in ("digits", "sep")
                and (
                    (prev == "tens" and nxt.kind == "unit")
                    or nxt.kind in ("ord", "part", "hundred")
                )
            ):
                k += 1
                continue
            items.append(_Item("sep", 0, k, word=t.text))
        elif t.text == "/" and items and items[-1].kind == "digits":
            items.append(_Item("over", 0, k))
        else:
            w = t.text.lower()
            # one item stands for a run of other words: only the first one is ever looked at
            if w in _JOINERS or not items or items[-1].kind != "sep" or items[-1].word in _JOINERS:
                items.append(_Item("sep", 0, k, word=w))
        k += 1
    return items


def _digit_items(text: str, lx: list[Lexeme], k: int, conv: Convention, items: list[_Item]) -> int:
    """Append the item(s) of the digit lexeme at ``k`` (merging "1 234 567"); next index."""
    t = lx[k]
    s, end, last = t.text, t.end, k
    # space-grouped thousands: "1 234 567", "40 000" (only plain digit runs of 1-3, then 3s)
    if re.fullmatch(r"\d{1,3}", s):
        while (
            last + 1 < len(lx)
            and re.fullmatch(r"\d{3}(?:[.,]\d{1,2})?", lx[last + 1].text)
            and "." not in s[-3:]
            and text[end : lx[last + 1].start] in _GROUP_SPACE
            and not (last + 2 < len(lx) and lx[last + 2].start == lx[last + 1].end
                     and lx[last + 2].text == "/")
        ):  # fmt: skip
            s += lx[last + 1].text
            end = lx[last + 1].end
            last += 1
    try:
        pieces = (
            read_digits(s, conv) if last == k else [(0, len(s), float(s.replace(",", ".")), None)]
        )
    except (ValueError, OverflowError):  # digits int() refuses ("₁"), or beyond a float
        return k + 1
    if len(pieces) > 1:
        kind = "id" if "." in s else "digits"
        for a, b, v, _ in pieces:
            items.append(_Item(kind, v, k, span=(t.start + a, t.start + b)))
        return k + 1
    _, _, value, alt = pieces[0]
    item = _Item("digits", value, last, first_lex=k, alt=alt)
    items.append(item)
    # a scale abbreviation: "10k", "1.5bn", "2.33 k", "1,674.5 G"
    if last + 1 < len(lx):
        nxt = lx[last + 1]
        attached = nxt.start == end
        gap = text[end : nxt.start]
        if nxt.text in SUFFIXES and (
            attached or (gap in (" ", "  ") and nxt.text in SPACED_SUFFIXES)
        ):
            after = lx[last + 2] if last + 2 < len(lx) else None
            if after is None or after.start > nxt.end or not after.text[0].isalnum():
                items.append(_Item("suffix", SUFFIXES[nxt.text], last + 1))
                return last + 2
    return last + 1


Parsed = tuple[float, float | None, bool, str]  # value, alt, words, kind


def _phrase(items: list[_Item], i: int) -> tuple[Parsed, int] | None:
    """The longest number phrase starting at ``items[i]``, with the index after it."""
    it = items[i]
    if it.kind in ("sep", "and", "point", "over", "suffix", "id"):
        if it.kind == "id":
            return (it.value, None, False, "id"), i + 1
        return None
    if it.kind == "digits":
        return _digit_phrase(items, i)
    lead = _leading_fraction(items, i)
    card = _cardinal(items, i)
    if card is None:
        return lead
    value, j, kind = _extend(items, i, card[1], card[0])
    if lead is not None and lead[1] > j:
        return lead
    if j == i:
        return None
    if items[i].kind == "a" and j == i + 1:
        return None
    return (value, None, True, kind), j


def _digit_phrase(items: list[_Item], i: int) -> tuple[Parsed, int]:
    it = items[i]
    value, alt, j = it.value, it.alt, i + 1
    if j < len(items) and items[j].kind == "suffix":
        return (value * items[j].value, None, False, "number"), j + 1
    # "3/4", "2 1/4"
    if j + 1 < len(items) and items[j].kind == "over" and items[j + 1].kind == "digits":
        if j + 2 < len(items) and items[j + 2].kind == "over":  # "5/17/2018": a date, not ours
            return (value, None, False, "id"), (j + 4 if j + 3 < len(items) else j + 3)
        den = items[j + 1].value
        if den:
            return (value / den, None, False, "fraction"), j + 2
    if (
        j + 2 < len(items)
        and items[j].kind == "digits"
        and items[j + 1].kind == "over"
        and items[j + 2].kind == "digits"
        and items[j + 2].value
        and items[j].value < items[j + 2].value
        and value == int(value)
    ):
        return (value + items[j].value / items[j + 2].value, None, False, "fraction"), j + 3
    # digits with scale words: "2 million", "322 hundred", "3 hundred and 21", "3 dozens"
    nxt = items[j] if j < len(items) else None
    if (
        nxt is not None
        and nxt.kind in ("hundred", "scale", "dozen")
        and (not nxt.plural or nxt.kind == "dozen")
    ):
        card = _cardinal(items, i)
        if card is not None and card[1] > j:
            v, k, _ = card
            v, k, kind = _extend(items, i, k, v)
            return (v, None, True, kind), k
    # "2000 over 3", "1 over twenty-one"
    v2, k2 = _over(items, j, value)
    if k2 > j:
        return (v2, None, True, "fraction"), k2
    return (value, alt, False, "number"), j


def _cardinal(items: list[_Item], i: int) -> tuple[float, int, bool] | None:
    """Greedy cardinal from ``items[i]``: (value, end index, words only) or None."""
    total = 0.0
    cur = 0.0  # the group below the last big scale
    seg = 0.0  # the small number since the last hundred/scale (for "two dozens")
    small: str | None = None  # kind of the last small number in this group
    hundred = False
    last_big = float("inf")
    good: tuple[float, int] | None = None
    before_and: tuple[float, int] | None = None  # where to stop if what follows "and" fails
    words = True
    n = len(items)
    j = i
    while j < n:
        it = items[j]
        k = it.kind
        stop = False
        if k == "a":
            if j != i or j + 1 >= n or items[j + 1].kind not in ("hundred", "scale", "dozen"):
                break
            cur, seg, small = 1, 1, "unit"
        elif k in ("unit", "teen", "tens", "digits"):
            if k == "digits":
                words = False
            if small is not None and not (small == "tens" and k == "unit" and it.value > 0):
                break
            if k == "digits" and j > i and items[j - 1].kind not in ("and", "hundred", "scale"):
                break
            cur += it.value
            seg = it.value if small is None else seg + it.value
            small = k
        elif k == "hundred":
            # "five hundreds" reads as 500; a bare "hundreds" is a vague amount
            stop = hundred or (it.plural and small is None) or (small is None and j > i)
            if not stop:
                cur = (cur or 1) * 100
                hundred, small, seg = True, None, 0
        elif k == "scale":
            if it.plural:
                break
            if it.value < last_big:
                total += (cur or 1) * it.value
                last_big = it.value
            elif cur == 0 and total > 0:
                total *= it.value  # "three lakh crore"
                last_big = it.value
            else:
                stop = True
            if not stop:
                cur, seg, small, hundred = 0, 0, None, False
        elif k == "dozen":
            if (it.plural and j == i) or small == "dozen":
                break
            if cur == 0 and total == 0:
                cur = seg = 1
            cur = cur - seg + (seg or 1) * 12
            seg, small = 0, "dozen"
        elif k == "and":
            # "one hundred and six", "twenty-one trillion and three hundred": inside a number
            inside = (hundred and small is None) or (small is None and total > 0 and cur == 0)
            if (
                inside
                and j + 1 < n
                and items[j + 1].kind in ("unit", "teen", "tens", "digits")
                and items[j + 1].value != 0  # "3 hundred and 0": two numbers
            ):
                after = _cardinal(items, j + 1) if total > 0 and cur == 0 else None
                if after is not None and after[1] < n and items[after[1]].kind in ("ord", "part"):
                    break  # "nine million and five ninths": a fraction of the scale
                before_and = good
                j += 1
                continue
            break
        else:
            break
        if stop:
            if before_and is not None:  # "3 hundred and 2 hundred": two numbers
                good = before_and
            break
        if k in ("hundred", "scale"):
            before_and = None
        j += 1
        good = (total + cur, j)
    if good is None:
        return None
    return good[0], good[1], words


def _extend(items: list[_Item], i: int, j: int, value: float) -> tuple[float, int, str]:
    """Continue a cardinal: fractions, "and a half", "point ...", "over"."""
    n = len(items)
    if j < n and items[j].kind == "point":  # "two hundred point zero three"
        digits, k = _point_digits(items, j + 1)
        if digits:
            return float(f"{int(value)}.{digits}"), k, "decimal"
    if j < n and items[j].kind in ("ord", "part"):  # "two thirds", "two hundred fifths"
        frac = _fraction(items, i, j)
        if frac is not None:
            return _scale_fraction(items, frac[1], frac[0])
        return value, j, "number"
    if j + 1 < n and items[j].kind == "and":
        got = _and_fraction(items, i, j, value)
        if got is not None:
            return got
    v2, k2 = _over(items, j, value)
    if k2 > j:
        return v2, k2, "fraction"
    return value, j, "number"


def _and_fraction(
    items: list[_Item], i: int, j: int, value: float
) -> tuple[float, int, str] | None:
    """ "one and a half", "3 million and a half", "twenty and three and three fifths"."""
    n = len(items)
    big = items[j - 1].value if items[j - 1].kind == "scale" else 0.0
    sub = _leading_fraction(items, j + 1, scale=False)
    if sub is not None and sub[0][0] < 1:
        frac, k = sub[0][0], sub[1]
        after = _scale_at(items, k)
        if after is not None:
            scale, k2 = after
            if value < scale:  # "five and a half million"
                return (value + frac) * scale, k2, "fraction"
            return value + frac * scale, k2, "fraction"  # "one billion and a half million"
        if big >= 1e3:
            return value + frac * big, k, "fraction"  # "3 million and a half"
        return value + frac, k, "fraction"
    inner = _cardinal(items, j + 1)  # "twenty and three and three fifths"
    if inner is not None and inner[0] < 10 and inner[1] + 1 < n and items[inner[1]].kind == "and":
        sub2 = _leading_fraction(items, inner[1] + 1, scale=False)
        if sub2 is not None and sub2[0][0] < 1:
            return value + inner[0] + sub2[0][0], sub2[1], "fraction"
    return None


def _scale_at(items: list[_Item], k: int) -> tuple[float, int] | None:
    """A scale at ``items[k]`` ("million", "a million", "of a million", "dozen")."""
    n = len(items)
    if k < n and items[k].kind in ("scale", "dozen", "hundred") and not items[k].plural:
        return items[k].value, k + 1
    if k + 1 < n and items[k].kind == "a" and items[k + 1].kind in ("scale", "dozen", "hundred"):
        return items[k + 1].value, k + 2
    if (
        k + 2 < n
        and items[k].word == "of"
        and items[k + 1].kind == "a"
        and items[k + 2].kind in ("scale", "hundred")
    ):
        return items[k + 2].value, k + 3
    return None


def _scale_fraction(items: list[_Item], k: int, v: float) -> tuple[float, int, str]:
    """A fraction, times a scale that follows: "half million", "two thirds of a million"."""
    after = _scale_at(items, k)
    if after is not None:
        return v * after[0], after[1], "fraction"
    return v, k, "fraction"


_RUN_KINDS = frozenset({"unit", "teen", "tens", "hundred", "scale", "a"})


def _leading_fraction(items: list[_Item], i: int, scale: bool = True) -> tuple[Parsed, int] | None:
    """A phrase read as a fraction: "a half", "half a dozen", "a twenty-first", "two thirds"."""
    n = len(items)
    it = items[i]
    if it.kind == "part" and not it.plural:  # "half", "half a dozen", "half million"
        if (
            it.value == 4
            and _scale_at(items, i + 1) is None
            and (i + 1 >= n or items[i + 1].word != "of")
        ):
            return None  # "the quarter" (of a year) is not a number
        if scale:
            v, k, kind = _scale_fraction(items, i + 1, 1 / it.value)
            return (v, None, True, kind), k
        return (1 / it.value, None, True, "fraction"), i + 1
    if it.kind not in _RUN_KINDS or it.plural:
        return None
    o = i
    while o < n and (
        (items[o].kind in _RUN_KINDS and not items[o].plural)
        or (items[o].kind == "and" and o + 1 < n and items[o + 1].kind in _RUN_KINDS)
    ):
        o += 1
    if o >= n or items[o].kind not in ("ord", "part") or items[o - 1].kind == "and":
        return None
    frac = _fraction(items, i, o)
    if frac is None:
        return None
    if scale:
        v, k, kind = _scale_fraction(items, frac[1], frac[0])
        return (v, None, True, kind), k
    return (frac[0], None, True, "fraction"), frac[1]


def _fraction(items: list[_Item], i: int, o: int) -> tuple[float, int] | None:
    """``items[i:o]`` over the ordinal or part ``items[o]``, with compound denominators.

    A tens word right before a unit ordinal joins the denominator ("one hundred thirty fifths"
    is 100/35, "three twenty-firsts" 3/21); so does a hundred when the numerator would
    otherwise not read ("one one hundred fifth" is 1/105). A singular ordinal needs the
    numerator one ("a fifth"); digits are never numerators here ("100 millionths").
    """
    den_item = items[o]
    run = items[i:o]
    if not run or any(x.kind == "digits" for x in run):
        return None
    splits: list[tuple[list[_Item], float]] = []
    if den_item.kind == "ord" and den_item.value < 10 and len(run) >= 2 and run[-1].kind == "tens":
        splits.append((run[:-1], run[-1].value + den_item.value))
    splits.append((run, float(den_item.value)))
    if den_item.kind == "ord":
        for m in range(len(run) - 1, 0, -1):
            tail = _cardinal(run[m:], 0)
            if tail is not None and tail[1] == len(run) - m and tail[0] % 100 == 0:
                splits.append((run[:m], tail[0] + den_item.value))
    for num_run, den in splits:
        if not num_run:
            continue
        if len(num_run) == 1 and num_run[0].kind == "a":
            value = 1.0
        else:
            num = _cardinal(num_run, 0)
            if num is None or num[1] != len(num_run):
                continue
            value = num[0]
        if den_item.kind == "part":
            if value > den and num_run[-1].kind in ("unit", "teen"):
                small = num_run[-1].value  # "one hundred and three quarters" = 100 + 3/4
                return value - small + small / den, o + 1
        elif not den_item.plural and value != 1:
            return None  # "two millionth": a number next to an ordinal
        return value / den, o + 1
    return None


def _point_digits(items: list[_Item], k: int) -> tuple[str, int]:
    """Digits after "point": "zero three" -> "03", "seventy-one" -> "71", "eleven" -> "11"."""
    out = ""
    n = len(items)
    while k < n:
        it = items[k]
        if it.kind == "unit":
            out += str(int(it.value))
        elif it.kind == "teen" and not out:
            out += str(int(it.value))
            k += 1
            break
        elif it.kind == "tens":
            if k + 1 < n and items[k + 1].kind == "unit" and items[k + 1].value > 0:
                out += str(int(it.value + items[k + 1].value))
                k += 2
            else:
                out += str(int(it.value))
                k += 1
            break
        elif it.kind == "digits" and not out:
            out = str(int(it.value))
            k += 1
            break
        else:
            break
        k += 1
    return out, k


def _over(items: list[_Item], j: int, value: float) -> tuple[float, int]:
    """ "one over three", "2000 over 3" (only at the end of a clause: not "over 3 years")."""
    n = len(items)
    if j + 1 >= n or items[j].kind != "sep":
        return value, j
    if items[j].word == "over":
        den = _cardinal(items, j + 1)
        if den is not None and den[0]:
            k = den[1]
            if k >= n or (items[k].kind == "sep" and not items[k].word[:1].isalpha()):
                return value / den[0], k
    if items[j].word == "in" and value == int(value):  # "1 in twenty-one", "one in five"
        den = _cardinal(items, j + 1)
        if den is not None and value < den[0] <= 1000 and den[0] == int(den[0]):
            k = den[1]
            if k >= n or items[k].word not in _TIME_NOUNS:
                return value / den[0], k
    if items[j].word == "out" and items[j + 1].word == "of" and j + 2 < n:
        den = _cardinal(items, j + 2)
        if den is not None and den[0] > value:
            return value / den[0], den[1]
    return value, j


def _with_sign(text: str, lx: list[Lexeme], num: NumberSpan) -> NumberSpan:
    """Apply a sign written before the number: "-4/5", "- 1 4/5", "minus five"."""
    f = num.first
    if f == 0:
        return num
    prev = lx[f - 1]
    gap = text[prev.end : num.start]
    if prev.text.lower() in SIGN_WORDS and gap.strip() == "":
        num.value, num.start, num.first = -num.value, prev.start, f - 1
        return num
    if prev.text in "-−" and gap in ("", " "):
        before = text[prev.start - 1] if prev.start > 0 else " "
        if before.isspace() or before in "([":
            num.value, num.start, num.first = -num.value, prev.start, f - 1
    return num


def _mark_ordinal(text: str, lx: list[Lexeme], num: NumberSpan) -> NumberSpan:
    """Mark "4th", "21st" as ordinals."""
    if num.last < len(lx):
        nxt = lx[num.last]
        if nxt.start == num.end and nxt.text.lower() in ("st", "nd", "rd", "th"):
            num.ordinal = True
            num.end = nxt.end
    return num
