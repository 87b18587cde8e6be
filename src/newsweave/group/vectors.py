"""Weighted TF-IDF vectors of an article's title+lead, body and names, in one hashed space.

The vocabulary is not known in advance and grows with the stream, so features are hashed
(scikit-learn's ``HashingVectorizer``) and document frequencies are counted as articles arrive
(``DocFreq``, persisted with the grouping state). Each part is sublinear-TF x IDF and
L2-normalised, then scaled by its weight; the parts live in separate hashed namespaces, so the
dot product of two vectors is the weighted sum of the per-part cosines.
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
WEIGHTS: dict[str, float] = {"head": 0.35, "body": 0.4, "names": 0.25}

#: Tokens a part needs to count fully; shorter parts (a stub body under a real title) weigh less.
FULL_TOKENS: dict[str, float] = {"head": 1.0, "body": 60.0, "names": 4.0}

SparseVec = dict[int, float]


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
    names = [f"n:{t}" for t in p.names]
    return {"head": head, "body": body, "names": names}


def hashed_counts(p: Parts) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per part: hashed feature indices and their raw counts."""
    keys = list(part_tokens(p).items())
    mat = _HASHER.transform([toks for _, toks in keys]).tocsr()
    out = {}
    for i, (name, _) in enumerate(keys):
        row = slice(mat.indptr[i], mat.indptr[i + 1])
        out[name] = (mat.indices[row].copy(), mat.data[row].copy())
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
    """Dot product of two sparse vectors (iterates over the smaller)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(f, 0.0) for f, v in a.items())
