"""Only here: claims of a story that a single outlet reports.

A claim is a sentence (of at least six words, ending like a sentence, not a headline) that holds
a figure, a quote, or a named actor (a PERSON, ORG, GPE or NORP mention; when the entity stage
did not run, a capitalised name inside the sentence). It is reported elsewhere when an article
of another outlet in the same story has a similar sentence (character n-gram cosine ≥ 0.4 or
word TF-IDF cosine ≥ 0.3), an aligned figure with a compatible value, or a wording of the same
quote group. What is left is only here.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ..model import Article, Claim, Figure, QuoteGroup, Report
from ..pipeline import Config, register
from .figures import aligned, compatible
from .quantities import concepts, unit_family
from .scopes import Scope, outlet_of, story_scopes
from .text import Sentence, best_elsewhere, char_tfidf, sentences_of, word_tfidf

STAGE = "newsweave.compare.claims.v1"
CHAR_THRESHOLD = 0.4
WORD_THRESHOLD = 0.3
MIN_WORDS = 6
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_INNER_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+")


def _reasons(art: Article, s: Sentence) -> list[str]:
    def inside(start: int, end: int) -> bool:
        return start < s.end and end > s.start

    out = []
    if any(inside(f.start, f.end) for f in art.figures):
        out.append("figure")
    if any(inside(q.start, q.end) for q in art.quotes):
        out.append("quote")
    if art.entities:
        if any(m.label in ACTOR_LABELS and inside(m.start, m.end) for m in art.entities):
            out.append("actor")
    elif _INNER_NAME.search(s.text):
        out.append("actor")
    return out


def claims_of(art: Article) -> list[tuple[Sentence, list[str]]]:
    """The article's claim sentences, each with why it is a claim."""
    out = []
    for s in sentences_of(art):
        if s.words < MIN_WORDS or not _SENTENCE_END.search(s.text):
            continue
        reasons = _reasons(art, s)
        if reasons:
            out.append((s, reasons))
    return out


#: Figures of a story by unit family and quantity concept, with their outlet: figures align
#: only within a family and when their quantities share a concept (:func:`.figures.aligned`).
FigureIndex = dict[tuple[str, str], list[tuple[str, Figure]]]


def _figure_index(articles: list[Article]) -> FigureIndex:
    out: FigureIndex = {}
    for a in articles:
        for g in a.figures:
            for c in concepts(g.quantity):
                out.setdefault((unit_family(g.unit), c), []).append((outlet_of(a), g))
    return out


def _figure_elsewhere(art: Article, s: Sentence, index: FigureIndex) -> bool:
    """Whether a figure of sentence ``s`` has an aligned, compatible figure in another outlet's
    article (only the figures sharing a family and a concept are tried: comparing every pair
    took most of the stage's time on stories of hundreds of articles)."""
    outlet = outlet_of(art)
    for f in art.figures:
        if not s.start <= f.start < s.end:
            continue
        family, tried = unit_family(f.unit), set()
        for c in concepts(f.quantity):
            for o, g in index.get((family, c), ()):
                if o == outlet or id(g) in tried:
                    continue
                tried.add(id(g))
                if aligned(f, g) and compatible(f, g):
                    return True
    return False


def _quoted(groups: list[QuoteGroup]) -> dict[str, list[int]]:
    """Where wordings of quotes that two or more outlets carry start, by article."""
    out: dict[str, list[int]] = {}
    for g in groups:
        if len(g.outlets) >= 2:
            for w in g.wordings:
                out.setdefault(w.article, []).append(w.start)
    return out


def only_here(scope: Scope, groups: list[QuoteGroup]) -> list[Claim]:
    """Claims of ``scope`` that no other outlet's article reports."""
    arts = scope.originals
    if len({outlet_of(a) for a in arts}) < 2:
        return []
    sents = {a.id: sentences_of(a) for a in arts}
    texts: list[str] = []
    owner: list[str] = []
    for a in arts:
        texts += [s.text for s in sents[a.id]]
        owner += [outlet_of(a)] * len(sents[a.id])
    if not texts:
        return []
    index = {t: i for i, t in enumerate(texts)}
    chars, wordv = char_tfidf(texts), word_tfidf(texts)
    owners = np.array(owner)
    out: list[Claim] = []
    figures = _figure_index(arts)
    quoted = _quoted(groups)
    claims = [(a, s, reasons) for a in arts for s, reasons in claims_of(a)]
    # each claim's best match among other outlets' sentences
    rows = [index[s.text] for _, s, _ in claims]
    who = [outlet_of(a) for a, _, _ in claims]
    # (the character n-grams, the costlier product, only for claims the words leave open)
    best_w = best_elsewhere(wordv, rows, who, owners)
    open_ = [k for k, w in enumerate(best_w) if w < WORD_THRESHOLD]
    best_c = np.zeros(len(claims))
    best_c[open_] = best_elsewhere(chars, [rows[k] for k in open_], [who[k] for k in open_], owners)
    for (a, s, reasons), c, w in zip(claims, best_c, best_w, strict=True):
        if c >= CHAR_THRESHOLD or w >= WORD_THRESHOLD:
            continue
        if any(s.start <= w < s.end for w in quoted.get(a.id, ())):
            continue  # a quote another outlet carries
        if _figure_elsewhere(a, s, figures):
            continue
        out.append(Claim(scope.id, a.id, s.text, s.start, s.end, a.outlet, reasons))
    return out


def _groups(report: Report) -> list[QuoteGroup]:
    raw: list[Any] = report.ext.get("quote_groups", [])
    return [g for g in raw if isinstance(g, QuoteGroup)]


@register(STAGE, reads={"text"}, writes={"report.ext"}, scope="report")
def find_only_here(report: Report, config: Config) -> None:
    """Claims only one outlet of a story reports (``report.ext["only_here"]``)."""
    groups = _groups(report)
    report.ext["only_here"] = [
        c
        for s in story_scopes(report)
        for c in only_here(s, [g for g in groups if g.scope == s.id])
    ]
