"""The figures stage: every reported quantity, its value, unit, approximation and what it counts.

Numbers come from :mod:`newsweave.extract.numbers` (digits in the article's own separator
convention, number words), units from :mod:`newsweave.extract.units` (currency, percent, time),
and what a figure counts from spaCy's dependency parse: the noun the number modifies (its
``unit``: "people", "protesters") and, for people or things something happened to, the verb or
participle that noun goes with (its ``quantity``: "detained", "killed"); percentages and money
count the noun they are of or for ("80% of the votes" -> "votes", "a $1.5bn loan" -> "loan").

Not figures: years and dates ("in 1994", "August 25, 1991"), times, ordinals ("sixth term"),
phone numbers, identifiers ("192.168.1.2", "MH17", "COVID-19") and numbers inside URLs.

Vague amounts have a documented convention: "thousands" is value 1000 with approximate
"thousands" (likewise "hundreds" 100, "dozens" 12, "millions" 1e6, "tens of thousands" 1e4),
and "several thousand" is 1000 with approximate "several".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .. import nlp
from ..model import Article, Figure
from ..pipeline import Config, register
from .numbers import ORDINALS, SCALES, NumberSpan, detect_convention, lex, scan
from .units import (
    UnitMatch,
    aged_before,
    currency_after,
    currency_before,
    percent_after,
    percent_before,
    time_after,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

STAGE = "newsweave.extract.figures.v1"

APPROX = (
    "just over", "just under", "well over", "well under", "slightly more than", "more than",
    "less than", "fewer than", "at least", "at most", "as many as", "as much as", "as few as",
    "as little as", "up to", "upwards of", "in excess of", "close to", "nearly", "almost",
    "about", "around", "approximately", "roughly", "some", "over", "under", "an estimated",
    "estimated", "several", "a few", "a couple of", "tens of", "hundreds of", "circa", "~",
)  # fmt: skip
_APPROX_RE = re.compile(r"(?i)(?<![\w])(" + "|".join(re.escape(a) for a in APPROX) + r")\s*$")
_VAGUE_RE = re.compile(
    r"(?i)(?<![\w])(?:(tens|hundreds) of (thousands|millions)|"
    r"(dozens|hundreds|thousands|millions|billions))(?![\w])"
)
_VAGUE = {"dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
MONTHS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip
#: Words of holding office: a duration attached to them counts "years in power".
TENURE = frozenset(
    {"rule", "ruled", "reign", "reigned", "presidency", "president", "power", "tenure", "office",
     "leadership", "leader", "ruler", "governed", "led", "premiership", "term", "dictator",
     "regime", "helm", "chancellor", "prime"}
)  # fmt: skip
_URL_RE = re.compile(r"\S*(?:://|www\.|@)\S*")
_PHONE_RE = re.compile(r"\+\d[\d\s\-/().]{6,}\d|(?<![\w.])\d{2,4}(?:-\d{2,5}){2,}(?![\w])")
_CLOCK_RE = re.compile(r"\d:\d|:\d\d\b")
_SCALE_AFTER_RE = re.compile(r"(?i)\s(million|billion|trillion)\b")
CURRENCY_LIKE = frozenset({"USD", "EUR", "GBP", "cent", "pence"})
_CENTS_RE = re.compile(r"\s*(?:and\s+)?")


@register(STAGE, reads={"doc"}, writes={"figures"})
def figures_stage(article: Article, config: Config) -> Article:
    """Find every reported quantity: value, unit, approximation, what it counts, whose."""
    article.figures = find_figures(article.text, nlp.doc(article))
    return article


def find_figures(text: str, doc: Doc) -> list[Figure]:
    """The figures of ``text`` (parsed as ``doc``), in text order."""
    lexemes = lex(text)
    spans = scan(text, detect_convention(text), lexemes)
    blocked = _blocked_spans(text)
    out: list[Figure] = []
    taken_until = -1
    for idx, num in enumerate(spans):
        if num.start < taken_until:
            continue
        if not _is_figure(text, num, blocked, doc):
            continue
        fig, used = _figure(text, num, spans[idx + 1 :], doc)
        if fig is not None:
            out.append(fig)
            taken_until = used
    out.extend(_vague_figures(text, doc, out))
    out.sort(key=lambda f: f.start)
    return _merge_ranges(text, out)


# --- what is not a figure -----------------------------------------------------------------


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """URLs, e-mail addresses and phone numbers."""
    return [m.span() for m in _URL_RE.finditer(text)] + [m.span() for m in _PHONE_RE.finditer(text)]


def _is_figure(text: str, num: NumberSpan, blocked: list[tuple[int, int]], doc: Doc) -> bool:
    if num.ordinal or num.kind == "id":
        return False
    if any(a <= num.start < b for a, b in blocked):
        return False
    before = text[max(0, num.start - 12) : num.start]
    after = text[num.end : num.end + 12]
    if _CLOCK_RE.search(before[-2:] + text[num.start : num.end] + after[:3]):
        return False
    if re.search(r"[A-Z][A-Za-z]*-?$", before) and not currency_before(text, num.start):
        return False  # "MH17", "COVID-19", "Su-27"
    if re.match(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", after, re.I):
        return False
    words = re.findall(r"[A-Za-z]+", before)
    if num.value == int(num.value) and 1 <= num.value <= 31 and not num.words:
        if words and words[-1].lower() in MONTHS and before.rstrip().endswith(words[-1]):
            return False  # "August 25"
        nxt = re.match(r"\s*(?:of\s+)?([A-Za-z]+)", after)
        if nxt and nxt.group(1).lower() in MONTHS:
            return False  # "25 August"
    if _is_year(text, num, doc):
        return False
    if num.words and text[num.start : num.end].lower() in ("one", "a"):
        tok = _token_at(doc, num.start)
        if tok is not None and tok.tag_ != "CD":
            return False  # "the one you mentioned", "which one"
    last_word = text[num.start : num.end].split()[-1].lower().split("-")[-1]
    if num.kind == "fraction" and last_word in ORDINALS:
        tok = _token_at(doc, num.end + 1)
        if tok is not None and tok.pos_ in ("NOUN", "PROPN") and tok.idx >= num.end:
            return False  # "a fifth term": an ordinal, not a fifth
    return True


def _is_year(text: str, num: NumberSpan, doc: Doc) -> bool:
    """A bare four-digit year ("in 1994"), unless it counts something ("1500 soldiers")."""
    raw = text[num.start : num.end]
    if not re.fullmatch(r"\d{4}", raw) or not 1000 <= num.value <= 2100:
        return False
    if currency_before(text, num.start) or currency_after(text, num.end):
        return False
    if percent_after(text, num.end):
        return False
    nxt = _token_at(doc, num.end + 1)
    return not (nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.idx <= num.end + 1)


# --- building one figure -------------------------------------------------------------------


def _figure(
    text: str, num: NumberSpan, rest: list[NumberSpan], doc: Doc
) -> tuple[Figure | None, int]:
    """The figure around ``num``, and the offset up to which text is used."""
    start, end, value = num.start, num.end, num.value
    unit: str | None = None
    kind = "count"
    um: UnitMatch | None = currency_before(text, start)
    if um is not None:
        start = um.start
        after = currency_after(text, end)
        if after is not None and after.unit in (um.unit, "USD") and after.unit != "cent":
            end = after.end  # "$ 10 dollars"
    else:
        um = currency_after(text, end) or percent_after(text, end) or percent_before(text, start)
        if um is not None:
            start, end = min(start, um.start), max(end, um.end)
            scale = _SCALE_AFTER_RE.match(text, end) if um.kind == "currency" else None
            if scale is not None:  # "75 USD million"
                value *= SCALES[scale.group(1).lower()]
                end = scale.end()
    if um is not None:
        unit, kind = um.unit, um.kind
        value *= um.scale
        if um.kind == "currency":
            value, end = _cents(text, value, end, rest, um.unit)
    else:
        tm = time_after(text, end)
        if tm is not None:
            unit, kind, end = tm.unit, tm.kind, tm.end
        elif aged_before(text, start):
            unit, kind, start = "years", "age", start - 5
    if num.alt is not None and kind == "count" and _counts_plural_noun(doc, num.end):
        value = num.alt  # "6.500 people": a count, so the dot groups thousands
    approx = _approx(text, start)
    if approx is not None:
        start -= len(approx[1])
    fig = Figure(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        unit=unit,
        approximate=approx[0] if approx else None,
    )
    _from_parse(fig, num, kind, doc)
    return fig, end


def _cents(
    text: str, value: float, end: int, rest: list[NumberSpan], unit: str
) -> tuple[float, int]:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars and 15"."""
    if unit in ("cent", "pence", "JPY", "BTC") or not rest or value != int(value):
        return value, end
    nxt = rest[0]
    gap = text[end : nxt.start]
    if not _CENTS_RE.fullmatch(gap) or not 0 < nxt.value < 100 or nxt.value != int(nxt.value):
        return value, end
    after = text[nxt.end : nxt.end + 12]
    cents = re.match(r"\s*(?:cents?|pence|p)\b", after)
    if cents:
        return value + nxt.value / 100, nxt.end + cents.end()
    if re.match(r"\s*(?:[^\w\s]|and\b|$)", after) and not currency_after(text, nxt.end):
        return value + nxt.value / 100, nxt.end
    return value, end


def _approx(text: str, start: int) -> tuple[str, str] | None:
    """The approximation phrase right before ``start``: (normalised, as written)."""
    m = _APPROX_RE.search(text[max(0, start - 24) : start])
    if not m:
        return None
    return m.group(1).lower(), m.group(0)


def _vague_figures(text: str, doc: Doc, found: list[Figure]) -> list[Figure]:
    """ "thousands", "tens of thousands", "dozens" used as amounts."""
    out = []
    for m in _VAGUE_RE.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        if re.search(r"\d\s*$", before):
            continue
        if m.group(1):
            value = (10.0 if m.group(1).lower() == "tens" else 100.0) * _VAGUE[m.group(2).lower()]
        else:
            value = _VAGUE[m.group(3).lower()]
        phrase = m.group(0).lower()
        fig = Figure(m.start(), m.end(), m.group(0), value, approximate=phrase)
        span = NumberSpan(m.start(), m.end(), value, words=True)
        _from_parse(fig, span, "count", doc)
        out.append(fig)
    return out


def _merge_ranges(text: str, figs: list[Figure]) -> list[Figure]:
    """ "5 to 10 people", "5-10%", "between 5 and 10": one figure with ``value_max``."""
    out: list[Figure] = []
    for f in figs:
        if out and _is_range(text, out[-1], f):
            prev = out[-1]
            prev.value_max = f.value
            prev.end = f.end
            prev.text = text[prev.start : prev.end]
            prev.unit = f.unit or prev.unit
            prev.quantity = prev.quantity or f.quantity
            continue
        out.append(f)
    return out


def _is_range(text: str, prev: Figure, f: Figure) -> bool:
    gap = text[prev.end : f.start]
    if prev.value_max is not None or f.approximate is not None or not f.value > prev.value:
        return False
    if prev.value < 1 <= f.value or not (prev.unit == f.unit or None in (prev.unit, f.unit)):
        return False
    if prev.unit is None and f.unit in CURRENCY_LIKE:
        return False  # "quarter to $254 million"
    if re.search(r"(?i)\bfrom\s+$", text[max(0, prev.start - 6) : prev.start]):
        return False  # "rose from 5% to 10%": a change, not a range
    if gap in ("-", "–", "—", "–", " – ", " to ", " - "):
        return True
    between = re.search(r"(?i)\bbetween\s+$", text[max(0, prev.start - 9) : prev.start])
    return bool(between) and gap == " and "


# --- what it counts: the dependency parse ---------------------------------------------------


def _text(doc: Doc) -> str:
    """``doc.text``, cached (spaCy rebuilds it from the tokens on every access)."""
    text: str | None = doc.user_data.get("newsweave.text")
    if text is None:
        text = doc.text
        doc.user_data["newsweave.text"] = text
    return text


def _token_at(doc: Doc, offset: int) -> Token | None:
    """The first token starting at or after ``offset`` (None past the end)."""
    span = doc.char_span(offset, min(len(_text(doc)), offset + 1), alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    return None


def _counts_plural_noun(doc: Doc, end: int) -> bool:
    """Whether the number ending at ``end`` modifies a plural noun ("6.500 people")."""
    tok = _token_at(doc, max(0, end - 1))
    if tok is None:
        return False
    cands = [tok.head]
    if tok.i + 1 < len(doc):
        cands.append(doc[tok.i + 1])
    return any(c.tag_ in ("NNS", "NNPS") and c.idx >= end for c in cands)


def _num_span(doc: Doc, num: NumberSpan) -> Span | None:
    return doc.char_span(num.start, num.end, alignment_mode="expand")


def _top(span: Span) -> Token:
    """The token of ``span`` whose head lies outside it (the last one if several)."""
    tops = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    return tops[-1] if tops else span[-1]


def _from_parse(fig: Figure, num: NumberSpan, kind: str, doc: Doc) -> None:
    """Fill ``sentence``, ``unit`` (counted noun), ``quantity`` and ``subject`` from the parse."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None or not len(span):
        return
    fig.sentence = _sentence(_text(doc), _sent_of(span[0]), fig.start)
    top = _top(span)
    noun, via_of = _counted_noun(top, span)
    if kind == "age":
        fig.quantity = "age"
        fig.subject = _proper(noun) if noun is not None else None
        return
    if kind == "time":
        head = noun if noun is not None else top
        fig.quantity = _duration_quantity(head, fig.unit or "years")
        fig.subject = _subject(head)
        return
    if kind in ("currency", "percent"):
        if noun is not None and (via_of or noun.pos_ == "NOUN"):
            fig.quantity = noun.text.lower()
        else:
            verb = _governing_verb(top)
            fig.quantity = verb.text.lower() if verb is not None else None
        fig.subject = _subject(noun if noun is not None else top)
        return
    counted = noun if noun is not None else top
    if noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.text.isalpha():
        if fig.unit is None:
            fig.unit = noun.text.lower()
        gap = _text(doc)[fig.end : noun.idx] if noun.idx >= fig.end else "\n"
        if len(gap.split()) <= 3 and re.fullmatch(r"[^\W\d_]*(?:[ -][^\W\d_]+)*[ -]?", gap):
            fig.end = noun.idx + len(noun.text)  # "more than 6.500 people"
            fig.text = _text(doc)[fig.start : fig.end]
    fig.quantity = _count_quantity(counted)
    fig.subject = _subject(counted)


def _counted_noun(top: Token, span: Span) -> tuple[Token | None, bool]:
    """The noun the number modifies, or the noun after "of"; and whether it came via "of"."""
    for child in top.children:
        if child.dep_ == "prep" and child.text.lower() == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return pobj, True
    head = top.head
    if top.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "poss"):
        while head.dep_ in ("compound", "amod", "npadvmod", "nummod") and head.head.i != head.i:
            if head.pos_ == "NOUN" and head.text.lower().rstrip("s") not in _TIME_WORDS:
                break
            head = head.head
        if head.pos_ in ("NOUN", "PROPN") and head.i >= span.start:
            return head, False
    return None, False


_TIME_WORDS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "old"})


def _count_quantity(noun: Token) -> str | None:
    """What a count counts: the passive participle or event verb of its noun, else the noun."""
    for child in noun.children:  # "35,000 people arrested"
        if child.dep_ == "acl" and child.tag_ in ("VBN", "VBG"):
            return child.text.lower()
    head = noun.head
    if noun.dep_ == "nsubjpass" and head.pos_ in ("VERB", "AUX"):
        return head.text.lower()  # "6.500 people were detained"
    objects = ("dobj", "attr", "ccomp", "xcomp")
    if (
        noun.dep_ == "nsubj"
        and head.pos_ == "VERB"
        and not any(c.dep_ in objects for c in head.children)
    ):
        return _verb_phrase(head)  # "two protesters died", "took to the streets"
    if noun.dep_ == "pobj" and head.head.pos_ == "NOUN" and head.text.lower() == "of":
        return _count_quantity(head.head)  # "a total of 28 journalists remain"
    if noun.pos_ in ("NOUN", "PROPN"):
        return noun.text.lower()
    return None


def _verb_phrase(verb: Token) -> str:
    """The verb with its particle and first prepositional phrase: "took to the streets"."""
    words = [verb.text.lower()]
    for child in verb.children:
        if child.dep_ == "prt":
            words.append(child.text.lower())
    for child in verb.children:
        if child.dep_ == "prep" and child.i > verb.i:
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and len(list(pobj[0].subtree)) <= 3:
                words += [child.text.lower(), *(t.text.lower() for t in pobj[0].subtree)]
            break
    return " ".join(words)


def _duration_quantity(head: Token, unit: str) -> str | None:
    """What a duration measures; a tenure ("26-year rule", "president for 20 years") is in power."""
    near = [head, head.head]
    verb = _governing_verb(head)
    if verb is not None:
        near += [verb, *(c for c in verb.children if c.dep_ in ("attr", "acomp", "dobj"))]
    if any(t.text.lower() in TENURE for t in near):
        return f"{unit} in power"
    if head.pos_ == "NOUN" and head.text.lower().rstrip("s") not in _TIME_WORDS:
        return head.text.lower()
    return verb.text.lower() if verb is not None else None


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` in the parse."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _subject(tok: Token) -> str | None:
    """Whose figure it is: a possessor ("Lukashenko's 26-year rule") or a named subject."""
    for cand in (tok, tok.head):
        for child in cand.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return _proper(child)
    verb = _governing_verb(tok)
    for _ in range(3):
        if verb is None:
            return None
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != tok.i and child.pos_ == "PROPN":
                return _proper(child)
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
            name = _name_before(verb)
            if name is not None:
                return name
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            verb = verb.head
        else:
            return None
    return None


def _name_before(verb: Token) -> str | None:
    """A name right before a verb the parse left without a subject, on the same line."""
    for tok in reversed(verb.doc[_sent_of(verb).start : verb.i]):
        if "\n" in tok.text:
            return None
        if tok.pos_ == "PROPN" and tok.dep_ not in ("pobj", "poss", "compound"):
            return _proper(tok)
        if tok.pos_ not in ("AUX", "ADV", "PART"):
            return None
    return None


def _sent_of(tok: Token) -> Span:
    """The sentence of ``tok`` (``Token.sent`` walks all sentences on every call)."""
    doc = tok.doc
    cache = doc.user_data.get("newsweave.sents")
    if cache is None or len(cache[1]) == 0:
        sents = list(doc.sents)
        cache = (sents, [s.start for s in sents])
        doc.user_data["newsweave.sents"] = cache
    sents, starts = cache
    return sents[bisect_right(starts, tok.i) - 1]


def _sentence(text: str, sent: Span, offset: int) -> str:
    """The sentence around ``offset``, cut to its paragraph (headings parse into sentences)."""
    start, end = sent.start_char, sent.end_char
    para_start = text.rfind("\n", start, offset) + 1 or start
    para_end = text.find("\n", offset, end)
    return text[max(start, para_start) : para_end if para_end >= 0 else end].strip()


def _proper(tok: Token) -> str | None:
    """The proper name ``tok`` heads (with its compound parts), or None for common nouns."""
    if tok.pos_ != "PROPN":
        return None
    parts = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    return " ".join(t.text for t in [*parts, tok])
