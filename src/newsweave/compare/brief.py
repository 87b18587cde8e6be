"""Brief: 3–7 sentences chosen across a story's outlets, each citing its articles.

Extractive by default (:class:`ExtractiveBrief`): candidate sentences are full sentences of
8–60 words from the story's news articles (opinion pieces only when there is nothing else).
Each gets word TF-IDF centrality (cosine to the story's centroid) plus a small lead bonus, and
Maximal Marginal Relevance (λ = 0.7) picks central, non-redundant ones, with a penalty for an
outlet already used twice. Each sentence cites every article of the story whose text holds it or
a near-identical sentence (character n-gram cosine ≥ 0.8). A second list, "where sources
disagree", states each figure conflict of the story with the articles on each side.

Other back ends (an LLM summariser, say) plug in through :data:`BACKENDS` and the
``backend`` option; they receive the same :class:`Scope` and must return cited sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Protocol

import numpy as np

from ..model import BriefSentence, Comparison, Event, Report, Storyline
from ..pipeline import Config, register
from .scopes import Scope, all_scopes, in_story_order, outlet_of, source_label
from .text import Sentence, char_tfidf, sentences_of, word_tfidf

STAGE = "newsweave.compare.brief.v1"
MIN_WORDS, MAX_WORDS = 8, 60
LAMBDA = 0.7
CITE_THRESHOLD = 0.8
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


class BriefBackend(Protocol):
    """Writes a story's brief: sentences that each cite at least one of the story's articles."""

    def write(self, scope: Scope, size: int) -> list[BriefSentence]: ...


def brief_size(scope: Scope) -> int:
    """3 to 7 sentences: one more than the story has original articles."""
    return max(3, min(7, len(scope.originals) + 1))


class ExtractiveBrief:
    """MMR over sentence TF-IDF vectors (see the module docstring)."""

    def __init__(self, lam: float = LAMBDA) -> None:
        self.lam = lam

    def write(self, scope: Scope, size: int) -> list[BriefSentence]:
        news = [a for a in scope.originals if a.kind != "opinion"] or scope.originals
        cands: list[tuple[str, int, Sentence]] = []  # (article id, position, sentence)
        for art in news:
            for pos, s in enumerate(sentences_of(art)):
                if MIN_WORDS <= s.words <= MAX_WORDS and _SENTENCE_END.search(s.text):
                    cands.append((art.id, pos, s))
        if not cands:
            return []
        texts = [c[2].text for c in cands]
        vec = word_tfidf(texts)
        centroid = np.asarray(vec.mean(axis=0)).ravel()
        norm = float(np.linalg.norm(centroid)) or 1.0
        relevance = np.asarray(vec @ (centroid / norm)).ravel()
        relevance += np.array([0.05 / (1 + c[1]) for c in cands])
        # Redundancy: each candidate's highest similarity to a chosen sentence, kept up to
        # date one column at a time (an n x n similarity matrix would not fit big stories).
        redundancy = np.zeros(len(cands))
        outlets = {a.id: outlet_of(a) for a in scope.articles}
        chosen: list[int] = []
        used: Counter[str] = Counter()
        while len(chosen) < min(size, len(cands)):
            best, best_score = -1, -np.inf
            for i in range(len(cands)):
                if i in chosen or texts[i] in {texts[j] for j in chosen}:
                    continue
                score = self.lam * relevance[i] - (1 - self.lam) * redundancy[i]
                if used[outlets[cands[i][0]]] >= 2:
                    score -= 0.05
                if score > best_score:
                    best, best_score = i, score
            if best < 0:
                break
            chosen.append(best)
            used[outlets[cands[best][0]]] += 1
            column = np.asarray((vec @ vec[best].T).toarray()).ravel()
            redundancy = np.maximum(redundancy, column)
        order = {a.id: n for n, a in enumerate(scope.articles)}
        chosen.sort(key=lambda i: (order[cands[i][0]], cands[i][1]))
        picked = [texts[i] for i in chosen]
        return [
            BriefSentence(t, cited)
            for t, cited in zip(picked, citations(scope, picked), strict=True)
        ]


def citations(scope: Scope, texts: list[str]) -> list[list[str]]:
    """For each of ``texts``: every article of ``scope`` whose text holds it or a
    near-identical sentence (one character TF-IDF over the story's sentences for all texts)."""
    out = [[a.id for a in scope.articles if t in a.text] for t in texts]
    sents = [(a.id, s.text) for a in scope.articles for s in sentences_of(a)]
    if not sents or not texts:
        return out
    vec = char_tfidf(list(texts) + [t for _, t in sents])
    sims = np.asarray((vec[len(texts) :] @ vec[: len(texts)].T).toarray())  # sentences x texts
    for k, cited in enumerate(out):
        close = (aid for (aid, _), v in zip(sents, sims[:, k], strict=True) if v >= CITE_THRESHOLD)
        cited += [aid for aid in dict.fromkeys(close) if aid not in cited]
    return out


BACKENDS: dict[str, type[ExtractiveBrief]] = {"extractive": ExtractiveBrief}


def _number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def disagreements(scope: Scope, comparisons: list[Comparison]) -> list[BriefSentence]:
    """One sentence per figure conflict whose values come from ``scope``'s articles."""
    arts = {a.id: a for a in scope.articles}
    ids = set(arts)
    out: list[BriefSentence] = []
    for c in comparisons:
        values = [v for v in c.values if v.article in ids]
        if c.verdict != "conflict" or len({v.value for v in values}) < 2:
            continue
        sides = "; ".join(
            f"{source_label(v.outlet, arts[v.article].title, v.article)} reports "
            f"{(v.approximate + ' ') if v.approximate else ''}"
            f"{_number(v.value)}{(' ' + v.unit) if v.unit else ''}"
            for v in values
        )
        out.append(
            BriefSentence(
                f"Sources disagree on {c.quantity}: {sides}.",
                list(dict.fromkeys(v.article for v in values)),
            )
        )
    return out


@register(STAGE, reads={"text"}, writes={"events", "storylines"}, scope="report")
def write_briefs(report: Report, config: Config) -> None:
    """Write each event's and storyline's brief, with a "where sources disagree" list in ext."""
    backend = BACKENDS[str(config.get(STAGE, "backend", "extractive"))]()
    targets: dict[tuple[str, str], Event | Storyline] = {("event", e.id): e for e in report.events}
    targets |= {("storyline", s.id): s for s in report.storylines}
    conflicts = [c for c in report.comparisons if c.verdict == "conflict"]
    by_article: dict[str, list[int]] = {}  # the conflicts each article gives a value to
    for k, c in enumerate(conflicts):
        for aid in dict.fromkeys(v.article for v in c.values):
            by_article.setdefault(aid, []).append(k)
    for scope in in_story_order(all_scopes(report), report):
        obj = targets[(scope.kind, scope.id)]
        obj.brief = [b for b in backend.write(scope, brief_size(scope)) if b.citations]
        mine = sorted({k for a in scope.articles for k in by_article.get(a.id, ())})
        obj.ext["disagreements"] = disagreements(scope, [conflicts[k] for k in mine])
