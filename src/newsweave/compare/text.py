"""Sentences and text similarity shared by the story-level stages.

Sentences come from spaCy's rule-based ``sentencizer`` on a blank pipeline, run per line: the
parse made by ``newsweave.nlp`` does not cross worker processes, and re-running the full model
on every story would be slow, while the sentencizer keeps abbreviations ("Mr.", "U.S.") whole.
Similarity is TF-IDF over character n-grams (scikit-learn), robust to inflection and to the
small wording changes of translated or rewritten copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

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


@lru_cache(maxsize=2048)
def sentences(text: str, language: str | None = "en") -> tuple[Sentence, ...]:
    """The sentences of ``text``, each line (paragraph) split on its own."""
    nlp = _splitter((language or "en").split("-")[0].lower())
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


def char_tfidf(texts: list[str]) -> csr_matrix:
    """L2-normalised TF-IDF rows over word-bounded character 3–5-grams (sparse: a big story
    has thousands of sentences and ~10^5 n-grams, far too many for a dense matrix)."""
    if not texts:
        return csr_matrix((0, 1))
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    try:
        return csr_matrix(vec.fit_transform(texts))
    except ValueError:  # only empty or punctuation texts
        return csr_matrix((len(texts), 1))


def word_tfidf(texts: list[str]) -> csr_matrix:
    """L2-normalised TF-IDF rows over word unigrams and bigrams, English stop words removed."""
    if not texts:
        return csr_matrix((0, 1))
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english")
    try:
        return csr_matrix(vec.fit_transform(texts))
    except ValueError:
        return csr_matrix((len(texts), 1))


def row_max(query: csr_matrix, pool: csr_matrix) -> np.ndarray:
    """For each row of ``query``, its highest cosine with any row of ``pool`` (0 if empty)."""
    if query.shape[0] == 0 or pool.shape[0] == 0:
        return np.zeros(query.shape[0])
    return np.asarray((query @ pool.T).max(axis=1).toarray()).ravel()


def char_similarity(texts: list[str]) -> np.ndarray:
    """Pairwise cosine similarity of ``texts`` over character n-grams."""
    if not texts:
        return np.zeros((0, 0))
    return np.asarray(cosine_similarity(char_tfidf(texts)))
