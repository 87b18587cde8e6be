"""Date expressions normalised against the publication date (stage ``newsweave.extract.dates.v1``).

Rule-based, after HeidelTime (Strötgen & Gertz): expression patterns
(:mod:`.temporal_patterns`), one normaliser per pattern (:mod:`.temporal_normalize`) and
anchoring rules relative to the document creation time and the tense of the governing verb
(:mod:`.temporal_anchor`, :mod:`.temporal_tense`). Written by hand rather than taken from
``dateparser``: its ``search_dates`` scores 0.652 on TempEval-3 platinum, misses bare years and
"last year", and puts "Friday" in an article dated that Friday a week back (see BASELINES.md);
the anchoring rules here are what fixes those cases.

Values are TIMEX3 strings: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYYY-Www``, ``YYYY-Qn``,
``YYYY-SU`` (seasons), ``YYY`` (decades), ``YY`` (centuries), plus the non-calendar references
``PRESENT_REF`` ("now", "currently"), ``PAST_REF`` ("recently") and ``FUTURE_REF``; use
:func:`is_calendar` to keep only calendar values (e.g. for timelines). Without a publication
date, absolute dates are still extracted; relative ones are resolved only at year granularity
against an estimated reference year (:func:`estimate_reference_year`) and marked ``estimated``,
else skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from dateutil import parser as dateparser

from .. import nlp
from ..model import Article, DateMention
from ..pipeline import Config, register
from .temporal_normalize import NORMALIZERS, Context
from .temporal_patterns import RULES, scan
from .temporal_tense import tense_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

STAGE = "newsweave.extract.dates.v1"


def parse_published(published: str | None) -> dt.date | None:
    """The calendar date of an ISO date or datetime string (``None`` when unreadable)."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        pass
    try:
        return dateparser.parse(published).date()
    except (ValueError, OverflowError):
        return None


def is_calendar(value: str) -> bool:
    """Whether ``value`` names a calendar period (not ``PRESENT_REF`` and the like)."""
    return value[:1].isdigit()


def _matches(text: str) -> list[tuple[re.Match[str], int]]:
    """All rule matches, longest first, then in rule order (overlaps are resolved later)."""
    found = scan(text)
    found.sort(key=lambda c: (c[0].start() - c[0].end(), c[1], c[0].start()))
    return found


class _Tokens:
    """Token facts by character offset, built on first use."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._by_idx: dict[int, Token] | None = None

    def _token(self, offset: int) -> Token | None:
        if self._by_idx is None:
            self._by_idx = {tok.idx: tok for tok in self.doc}
        return self._by_idx.get(offset)

    def entity(self, offset: int) -> str:
        tok = self._token(offset)
        return tok.ent_type_ if tok is not None else ""

    def counts(self, offset: int) -> bool:
        """A number modifying a plural noun ("2000 people") counts things, it is no year."""
        tok = self._token(offset)
        return tok is not None and tok.dep_ == "nummod" and tok.head.tag_ == "NNS"


_LAST_YEAR = re.compile(r"\blast year(?:'s|’s)?\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def estimate_reference_year(text: str, mentions: list[DateMention]) -> int | None:
    """The year an undated article was most likely written in, or None.

    News style names past years explicitly ("in August 2020") and calls the year before
    publication "last year". When an undated text does both, the latest year it names
    explicitly is taken as last year, so the text was written the year after. A weak, documented
    estimate: used only to place relative expressions at year granularity (``estimated=True``),
    never written to ``published``.
    """
    if not _LAST_YEAR.search(text):
        return None
    years = [
        int(m.group(1))
        for d in mentions
        if not d.relative
        for m in [_YEAR.search(d.text)]
        if m is not None
    ]
    return max(years) + 1 if years else None


def extract_dates(text: str, published: str | None, doc: Doc) -> list[DateMention]:
    """Every date expression in ``text`` (parsed as ``doc``), normalised against ``published``."""
    dct = parse_published(published)
    found = _extract(text, dct, doc)
    if dct is not None:
        return found
    year = estimate_reference_year(text, found)
    if year is None:
        return found
    # Resolve relative expressions against mid-year, then keep only the year: the day is unknown.
    estimated = []
    for d in _extract(text, dt.date(year, 7, 1), doc):
        if d.relative and is_calendar(d.value):
            d.value, d.estimated = d.value[:4], True
            estimated.append(d)
    return sorted(found + estimated, key=lambda d: d.start)


def _extract(text: str, dct: dt.date | None, doc: Doc) -> list[DateMention]:
    tokens = _Tokens(doc)
    ctx = Context(
        text=text,
        dct=dct,
        tense=lambda s, e: tense_at(doc, s, e),
        entity=tokens.entity,
        counts=tokens.counts,
    )
    sents = list(doc.sents)
    sent_starts = [s.start_char for s in sents]
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for match, idx in _matches(text):
        start, end = match.span()
        if any(start < e and end > s for s, e in taken):
            continue
        result = NORMALIZERS[RULES[idx].name](match, ctx)
        if result is None:
            continue
        taken.append((start, end))
        value, relative = result
        sent = sents[bisect_right(sent_starts, start) - 1].text if sents else ""
        out.append(DateMention(start, end, text[start:end], value, sent, relative))
    out.sort(key=lambda d: d.start)
    return out


@register(STAGE, reads={"doc", "published"}, writes={"dates"})
def dates_stage(article: Article, config: Config) -> Article:
    """Find date expressions and normalise them against the publication date."""
    article.dates = extract_dates(article.text, article.published, nlp.doc(article))
    if not article.published and any(d.estimated for d in article.dates):
        year = estimate_reference_year(article.text, article.dates)
        article.ext.setdefault("newsweave", {})["reference_year"] = year
    return article
