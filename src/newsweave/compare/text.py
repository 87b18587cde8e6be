"""Sentences and text similarity shared by the story-level stages.

Sentences come from spaCy's rule-based ``sentencizer`` on a blank pipeline, run per line: the
parse made by ``newsweave.nlp`` does not cross worker processes, and re-running the full model
on every story would be slow, while the sentencizer keeps abbreviations ("Mr.", "U.S.") whole.
Similarity is TF-IDF over character n-grams (scikit-learn), robust to inflection and to the
small wording changes of translated or rewritten copy.

The n-gram counts of each sentence are memoised (:class:`_Counts`): one run looks at a
sentence once for its event, once for its storyline, again for "only here" claims and for the
brief's citations, and a server's save recomputes the stories it touches over their stored
articles. Only the IDF and the weighting are computed per call, over the texts given, as
``TfidfVectorizer(sublinear_tf=True)`` would (:func:`_tfidf`): a storyline of 200 articles
no longer re-reads 5,000 sentences' n-grams for each of its views.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter, OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity
from sklearn.preprocessing import normalize

from ..model import Article, base_language

if TYPE_CHECKING:
    from spacy.language import Language

_WORD = re.compile(r"[^\W_]+", re.U)
_BULLET = re.compile(r"^\s*(?:[•·▪►◦‣∙*]|[-–—](?=\s))\s*")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its span in the text and the text itself."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


@lru_cache(maxsize=4)
def _splitter(language: str) -> Language:
    import spacy

    try:
        nlp = spacy.blank(language)
    except Exception:  # a language spaCy has no tokenizer rules for
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def sentences_of(article: Article) -> tuple[Sentence, ...]:
    """The sentences of ``article``'s text, kept on the article while its text stays the same
    (the story-level stages each read every article's sentences: a cache of this process, kept
    small, was emptied between stages in runs of more articles than it held)."""
    cached = article.__dict__.get("_sents")
    if cached is not None and cached[0] is article.text and cached[1] == article.language:
        return cached[2]
    out = sentences(article.text, article.language)
    article.__dict__["_sents"] = (article.text, article.language, out)
    return out


@lru_cache(maxsize=2048)
def sentences(text: str, language: str | None = "en") -> tuple[Sentence, ...]:
    """The sentences of ``text``, each line (paragraph) split on its own."""
    nlp = _splitter(base_language(language))
    out: list[Sentence] = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if not line.strip():
            continue
        for sent in nlp(line).sents:
            raw = sent.text
            s = _BULLET.sub("", raw).strip()
            if not s:
                continue
            start = m.start() + sent.start_char + (len(raw) - len(_BULLET.sub("", raw).lstrip()))
            out.append(Sentence(start, start + len(s), s))
    return tuple(out)


def sentence_at(sents: tuple[Sentence, ...], offset: int) -> Sentence | None:
    """The sentence containing character ``offset``."""
    for s in sents:
        if s.start <= offset < s.end:
            return s
    return None


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``."""
    return [w.lower() for w in _WORD.findall(text)]


class _Counts:
    """N-gram count rows of texts, memoised per text (the latest, up to ``budget`` n-gram
    entries in all, about 8 bytes each; a run over a 200-article storyline holds ~1M).

    Written here rather than taken from ``TfidfVectorizer``, which re-reads every text on each
    fit and cannot reuse what an earlier fit counted. The n-grams are scikit-learn's own
    (``build_analyzer``), numbered in a vocabulary of this process (exact, where hashing them
    would let two n-grams collide); memo and vocabulary start again when the vocabulary
    outgrows a twentieth of the budget (each term costs about 150 bytes)."""

    def __init__(self, vectorizer: TfidfVectorizer, budget: int = 8_000_000) -> None:
        self.analyze = vectorizer.build_analyzer()
        self.budget, self.held = budget, 0
        self.vocab: dict[str, int] = {}
        self.memo: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self.lock = threading.Lock()  # callers on threads share one memo

    def _row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        grams = Counter(self.analyze(text))
        vocab = self.vocab
        ids = np.fromiter((vocab.setdefault(g, len(vocab)) for g in grams), np.int32, len(grams))
        return ids, np.fromiter(grams.values(), np.float32, len(grams))

    def matrix(self, texts: list[str]) -> csr_matrix:
        """Count rows of ``texts``; their columns are this object's vocabulary."""
        with self.lock:
            if len(self.vocab) > self.budget // 20:
                self.vocab.clear()
                self.memo.clear()
                self.held = 0
            rows = []
            for t in texts:
                row = self.memo.get(t)
                if row is None:
                    row = self.memo[t] = self._row(t)
                    self.held += len(row[0])
                else:
                    self.memo.move_to_end(t)
                rows.append(row)
            while self.held > self.budget and len(self.memo) > len(texts):
                self.held -= len(self.memo.popitem(last=False)[1][0])
            size = max(len(self.vocab), 1)
        indptr = np.zeros(len(texts) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(r[0]) for r in rows])
        indices = np.concatenate([r[0] for r in rows])
        data = np.concatenate([r[1] for r in rows]).astype(np.float64)
        return csr_matrix((data, indices, indptr), shape=(len(texts), size))


_CHARS = _Counts(TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)))
_WORDS = _Counts(TfidfVectorizer(ngram_range=(1, 2), stop_words="english"))


def _tfidf(counts: csr_matrix) -> csr_matrix:
    """L2-normalised sublinear-TF x smoothed-IDF rows of ``counts``, with IDF over these rows
    (``TfidfVectorizer(sublinear_tf=True)``'s weighting); columns are the n-grams present,
    renumbered (rows compare with rows of the same matrix only)."""
    n = counts.shape[0]
    if counts.nnz == 0:  # only empty or punctuation texts
        return csr_matrix((n, 1))
    cols, inv = np.unique(counts.indices, return_inverse=True)
    df = np.bincount(inv, minlength=len(cols))  # a row holds each of its n-grams once
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    data = (np.log(counts.data) + 1.0) * idf[inv]
    out = csr_matrix((data, inv.astype(np.int32), counts.indptr), shape=(n, len(cols)))
    return csr_matrix(normalize(out, copy=False))


def char_tfidf(texts: list[str]) -> csr_matrix:
    """L2-normalised TF-IDF rows over word-bounded character 3–5-grams (sparse: a big story
    has thousands of sentences and ~10^5 n-grams, far too many for a dense matrix)."""
    if not texts:
        return csr_matrix((0, 1))
    return _tfidf(_CHARS.matrix(texts))


def word_tfidf(texts: list[str]) -> csr_matrix:
    """L2-normalised TF-IDF rows over word unigrams and bigrams, English stop words removed."""
    if not texts:
        return csr_matrix((0, 1))
    return _tfidf(_WORDS.matrix(texts))


def best_elsewhere(
    matrix: csr_matrix, rows: list[int], who: list[str], owners: np.ndarray, chunk: int = 256
) -> np.ndarray:
    """For each row index ``rows[k]``, its highest cosine with any row of ``matrix`` that
    ``who[k]`` does not own (``owners[i]`` owns row ``i``; 0 when there is none).

    One sparse product per chunk of rows against the whole matrix, with the owner's own rows
    masked out: slicing out each owner's pool instead copied most of a big story's matrix once
    per article. The chunks run on threads (scipy's sparse product releases the GIL: 1.8x on
    two cores)."""
    out = np.zeros(len(rows))
    if not rows or matrix.shape[0] == 0:
        return out
    pool_t = matrix.T.tocsr()
    # owners as integer codes: comparing strings made the mask cost as much as the product
    code: dict[str, int] = {}
    owned = np.array([code.setdefault(str(o), len(code)) for o in owners])
    idx = np.asarray(rows)
    asking = np.array([code.setdefault(str(w), len(code)) for w in who])

    def best(start: int) -> None:
        part = idx[start : start + chunk]
        sims = (matrix[part] @ pool_t).toarray()
        sims[asking[start : start + chunk][:, None] == owned[None, :]] = 0.0
        out[start : start + len(part)] = sims.max(axis=1)

    starts = range(0, len(idx), chunk)
    if len(starts) == 1:
        best(0)
    else:
        with ThreadPoolExecutor(min(len(starts), os.cpu_count() or 1, 4)) as pool:
            list(pool.map(best, starts))
    return out


def char_similarity(texts: list[str]) -> np.ndarray:
    """Pairwise cosine similarity of ``texts`` over character n-grams."""
    if not texts:
        return np.zeros((0, 0))
    return np.asarray(cosine_similarity(char_tfidf(texts)))
