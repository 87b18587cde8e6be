"""Weighted TF-IDF vectors of an article's title+lead, body, word pairs and names, hashed.

The vocabulary is not known in advance and grows with the stream, so features are hashed
(scikit-learn's ``HashingVectorizer``) and document frequencies are counted as articles arrive
(``DocFreq``, persisted with the grouping state). Each part is sublinear-TF x IDF and
L2-normalised, then scaled by its weight; the parts live in separate hashed namespaces, so the
dot product of two vectors is the weighted sum of the per-part cosines.

The ``pairs`` part holds the body's adjacent content words ("reggie bush", "injured reserve",
"sixth round"): two incidents of one kind share their words but less often their phrases. It is
hashed into a range of its own (from ``PAIRS_BASE``) so that storylines, which link different
happenings and want their shared vocabulary, can read the vector without it (:func:`lexical`).

With an embedder (see :mod:`newsweave.embed`), a sentence embedding of the headline goes beside
the TF-IDF vector as a numpy array (``Dense``): centred on the running mean of the stream's
embeddings (:class:`DenseMean`, persisted like ``DocFreq``: raw sentence embeddings of any two
news texts are similar, centring makes unrelated articles score about 0 as with TF-IDF) and unit
length. Sums of them (a cluster's) are arrays too, so comparing an article with an event is one
sparse intersection (:func:`dot`) and one ``np.dot`` (:func:`dense_dot`): the clusterer decides
how much the embedding counts (see :func:`.clusters.mix`), the split pass reads the TF-IDF part
alone, storylines the words alone (:func:`lexical`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from .text import Parts

N_FEATURES = 2**20
#: Weight of each part in the combined vector (its share of the cosine).
#: ``pairs`` measured on giveme5w1h / ECB+ events with the events stage's thresholds lowered to
#: match (0.12 -> 0.09): 0.25: 0.931 / 0.921, 0.3: 0.940 / 0.920, 0.35: 0.925 / 0.906 (without
#: the part: 0.937 / 0.897; docs/evaluation.md).
WEIGHTS: dict[str, float] = {"head": 0.35, "body": 0.4, "pairs": 0.3, "names": 0.25}

#: Tokens a part needs to count fully; shorter parts (a stub body under a real title) weigh less.
FULL_TOKENS: dict[str, float] = {"head": 1.0, "body": 60.0, "pairs": 60.0, "names": 4.0}

SparseVec = dict[int, float]

#: First feature of the word-pairs part (hashed like the others, then moved up by this much).
PAIRS_BASE = N_FEATURES
#: A headline's centred, unit-length embedding, or the sum of several (a cluster's).
Dense = np.ndarray


def _identity(doc: Sequence[str]) -> Sequence[str]:
    return doc


_HASHER = HashingVectorizer(
    n_features=N_FEATURES,
    analyzer=_identity,
    alternate_sign=False,
    norm=None,
)


@dataclass
class DocFreq:
    """Document frequencies of hashed features, counted as articles arrive."""

    n_docs: int = 0
    df: dict[int, int] = field(default_factory=dict)

    def add(self, features: Sequence[int]) -> None:
        self.n_docs += 1
        for f in set(features):
            self.df[f] = self.df.get(f, 0) + 1

    def idf(self, f: int) -> float:
        """Smoothed IDF, as scikit-learn's ``TfidfTransformer(smooth_idf=True)``."""
        return math.log((1 + self.n_docs) / (1 + self.df.get(f, 0))) + 1.0

    def to_json(self) -> dict[str, Any]:
        return {"n_docs": self.n_docs, "df": {str(k): v for k, v in self.df.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocFreq:
        return cls(int(data["n_docs"]), {int(k): int(v) for k, v in data["df"].items()})


def part_tokens(p: Parts) -> dict[str, list[str]]:
    """Namespaced token lists per part (the title counts twice in the head)."""
    head = [f"h:{t}" for t in p.title * 2 + p.lead]
    body = [f"b:{t}" for t in p.body]
    pairs = [f"p:{a} {b}" for a, b in zip(p.body, p.body[1:], strict=False)]
    names = [f"n:{t}" for t in p.names]
    return {"head": head, "body": body, "pairs": pairs, "names": names}


def hashed_counts(p: Parts) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per part: hashed feature indices and their raw counts."""
    keys = list(part_tokens(p).items())
    mat = _HASHER.transform([toks for _, toks in keys]).tocsr()
    out = {}
    for i, (name, _) in enumerate(keys):
        row = slice(mat.indptr[i], mat.indptr[i + 1])
        idx = mat.indices[row].astype(np.int64)
        out[name] = (idx + PAIRS_BASE if name == "pairs" else idx, mat.data[row].copy())
    return out


def weigh(counts: dict[str, tuple[np.ndarray, np.ndarray]], df: DocFreq) -> SparseVec:
    """The combined, weighted, unit-length TF-IDF vector of one article."""
    vec: SparseVec = {}
    total = 0.0
    for name, (idx, cnt) in counts.items():
        if not len(idx):
            continue
        vals = [(1.0 + math.log(c)) * df.idf(int(f)) for f, c in zip(idx, cnt, strict=True)]
        norm = math.sqrt(sum(v * v for v in vals))
        w = WEIGHTS[name] * min(1.0, float(cnt.sum()) / FULL_TOKENS[name])
        total += w * w
        for f, v in zip(idx, vals, strict=True):
            vec[int(f)] = w * v / norm
    if total:
        scale = 1.0 / math.sqrt(total)
        vec = {f: v * scale for f, v in vec.items()}
    return vec


def dot(a: SparseVec, b: SparseVec) -> float:
    """Dot product of two sparse vectors (a C-level set intersection of their features: an
    article's 1,000 features met a cluster's one by one in Python cost more)."""
    if len(a) > len(b):
        a, b = b, a
    return math.fsum(a[f] * b[f] for f in a.keys() & b.keys())


def dense_dot(a: Dense | None, b: Dense | None) -> float:
    """Dot product of two embeddings or embedding sums (0 when either is missing). A shorter
    one (a state's legacy sum whose last dimensions were pruned) counts as zero beyond its end."""
    if a is None or b is None:
        return 0.0
    n = min(len(a), len(b))
    return float(np.dot(a[:n], b[:n]))


def dense_sum(total: Dense | None, d: Dense | None) -> Dense | None:
    """``total + d`` as a new array (either may be missing; the shorter is padded with zeros)."""
    if d is None:
        return total
    if total is None:
        return np.array(d, dtype=np.float64)
    if len(total) < len(d):
        total, d = d, total
    out = np.array(total, dtype=np.float64)
    out[: len(d)] += d
    return out


def lexical(vec: SparseVec) -> SparseVec:
    """The words of ``vec``: its TF-IDF part without word pairs and embedding."""
    return {f: v for f, v in vec.items() if f < PAIRS_BASE}


@dataclass
class DenseMean:
    """Running sum of the stream's raw embeddings (their mean centres new ones)."""

    n: int = 0
    total: list[float] = field(default_factory=list)

    def add(self, rows: np.ndarray) -> None:
        if not len(rows):
            return
        s = rows.sum(axis=0, dtype=np.float64)
        self.total = (np.asarray(self.total) + s).tolist() if self.total else s.tolist()
        self.n += len(rows)

    def centre(self, rows: np.ndarray) -> np.ndarray:
        """``rows`` minus the mean, back to unit length."""
        x = np.asarray(rows, dtype=np.float64)
        if self.n:
            x = x - np.asarray(self.total) / self.n
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        return x / np.where(norms > 0, norms, 1.0)

    def to_json(self) -> dict[str, Any]:
        return {"n": self.n, "total": [round(v, 6) for v in self.total]}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> DenseMean:
        return cls(int(data["n"]), list(data["total"])) if data else cls()


#: Headlines a language's own mean needs before it counts as much as the stream's mean of all
#: languages in centring that language's headlines (:func:`centre_by_language`).
LANGUAGE_PRIOR = 50.0
#: Headlines the stream's mean needs before it centres anything. Centred on the mean of a
#: handful, headlines are mostly each other's opposites (two of them: a cosine of exactly -1),
#: which would keep two reports of one strike apart; until then the headlines are not
#: embedded and TF-IDF decides alone, and they never are: the first run of a feed below it
#: groups without embeddings. Measured (BCubed F1, session 21): 10, 20 and 30 give the same
#: figures on every labelled set and path but giveme5w1h as a feed of 12 runs (its first run
#: holds 31 headlines), 0.944 against 0.940 at 50.
MIN_REFERENCE = 20


def centre_by_language(
    raw: np.ndarray, languages: Sequence[str | None], means: dict[str, Any], model: str
) -> np.ndarray:
    """``raw`` embeddings of one model centred on the running mean of their language's
    headlines, each back to unit length; the running sums in ``means`` (``model`` for all
    languages, ``model:LANG`` for each) take the new rows in.

    A multilingual model places the texts of one language near each other. Centred on the mean
    of a stream mostly in English, the Spanish headlines keep that shared direction, so any two
    of them look alike (ML-Crisis grouped with the English sets: storylines 0.824 with one mean,
    0.840 with a mean per language; alone, where all are Spanish, 0.758 and 0.761). A language
    with few headlines yet is centred mostly on the mean of all (``LANGUAGE_PRIOR``
    pseudo-headlines of it), not on a mean of a handful. Rows stay zero (no embedding) while
    the stream has fewer than ``MIN_REFERENCE`` headlines."""
    overall = DenseMean.from_json(means.get(model))
    overall.add(raw)
    means[model] = overall.to_json()
    langs = [lang or "und" for lang in languages]
    by_lang = {lang: [i for i, x in enumerate(langs) if x == lang] for lang in sorted(set(langs))}
    own: dict[str, DenseMean] = {}
    for lang, rows in by_lang.items():
        own[lang] = DenseMean.from_json(means.get(f"{model}:{lang}"))
        own[lang].add(raw[rows])
        means[f"{model}:{lang}"] = own[lang].to_json()
    out = np.zeros(raw.shape, dtype=np.float64)
    if overall.n < MIN_REFERENCE:
        return out
    prior = LANGUAGE_PRIOR * np.asarray(overall.total) / overall.n
    for lang, rows in by_lang.items():
        total = (np.asarray(own[lang].total) + prior).tolist()
        out[rows] = DenseMean(own[lang].n + int(LANGUAGE_PRIOR), total).centre(raw[rows])
    return out


def embedded(emb: Dense | None) -> Dense | None:
    """``emb`` when it holds an embedding, None when it is empty or zero (not embedded yet, see
    ``MIN_REFERENCE``)."""
    return emb if emb is not None and len(emb) and np.any(emb) else None
