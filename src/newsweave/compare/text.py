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


def best_elsewhere(
    matrix: csr_matrix, rows: list[int], who: list[str], owners: np.ndarray, chunk: int = 256
) -> np.ndarray:
    """For each row index ``rows[k]``, its highest cosine with any row of ``matrix`` that
    ``who[k]`` does not own (``owners[i]`` owns row ``i``; 0 when there is none).

    One sparse product per chunk of rows against the whole matrix, with the owner's own rows
    masked out: slicing out each owner's pool instead copied most of a big story's matrix once
    per article."""
    out = np.zeros(len(rows))
    if not rows or matrix.shape[0] == 0:
        return out
    pool_t = matrix.T.tocsr()
    idx, asking = np.asarray(rows), np.asarray(who)
    for start in range(0, len(idx), chunk):
        part = idx[start : start + chunk]
        sims = (matrix[part] @ pool_t).toarray()
        sims[asking[start : start + chunk][:, None] == owners[None, :]] = 0.0
        out[start : start + len(part)] = sims.max(axis=1)
    return out


def char_similarity(texts: list[str]) -> np.ndarray:
    """Pairwise cosine similarity of ``texts`` over character n-grams."""
    if not texts:
        return np.zeros((0, 0))
    return np.asarray(cosine_similarity(char_tfidf(texts)))
