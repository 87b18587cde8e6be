"""The inverted index of the active clusters: which clusters share a strong feature with a vector.

Each active cluster is indexed under the strongest TF-IDF features of its vector sum; a query
finds the clusters sharing its own strongest features, at most ``MAX_CANDIDATES`` of them (those
sharing the most), so the work per article is bounded whatever the size of the window.

Written by hand rather than with an ANN library because centroids change with every article a
cluster takes in and clusters retire as the stream moves on: an inverted index over a few dozen
top features per centroid takes cheap updates and deletions, and faiss is not part of the base
install.
"""

from __future__ import annotations

import heapq

from .vectors import SparseVec

#: Features of a centroid under which its cluster is indexed, and of an item used to query.
INDEX_FEATURES = 40
QUERY_FEATURES = 40
#: Most candidate clusters scored per article (those sharing the most strong features).
MAX_CANDIDATES = 40


def top_features(vec: SparseVec, n: int) -> list[int]:
    """The ``n`` strongest features of ``vec`` (embeddings are not indexed: a dimension is set
    in nearly every vector, so it would find every cluster)."""
    return heapq.nlargest(n, vec, key=vec.__getitem__)


class FeatureIndex:
    """Cluster keys by the strongest features of their vector sums, with each sum's norm."""

    def __init__(self) -> None:
        self._postings: dict[int, set[int]] = {}
        self._indexed: dict[int, list[int]] = {}
        self._norms: dict[int, float] = {}

    def add(self, key: int, total: SparseVec, norm: float) -> None:
        """Index cluster ``key`` under its vector sum ``total`` (again, if it was), whose norm
        (with the embedding sum's) is ``norm``."""
        self.remove(key)
        feats = top_features(total, INDEX_FEATURES)
        for f in feats:
            self._postings.setdefault(f, set()).add(key)
        self._indexed[key] = feats
        self._norms[key] = norm

    def remove(self, key: int) -> None:
        """Take cluster ``key`` out of the index (nothing when it is not in)."""
        for f in self._indexed.pop(key, []):
            keys = self._postings.get(f)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._postings[f]
        self._norms.pop(key, None)

    def norm(self, key: int) -> float | None:
        """The norm of indexed cluster ``key``'s vector sum (None when it is not indexed)."""
        return self._norms.get(key)

    def candidates(self, vec: SparseVec) -> set[int]:
        """Clusters sharing a strong feature with ``vec``, at most ``MAX_CANDIDATES``."""
        shared: dict[int, int] = {}
        for f in top_features(vec, QUERY_FEATURES):
            for k in self._postings.get(f, ()):
                shared[k] = shared.get(k, 0) + 1
        if len(shared) <= MAX_CANDIDATES:
            return set(shared)
        # Bound the work per article: only the clusters sharing the most strong features.
        return set(heapq.nlargest(MAX_CANDIDATES, shared, key=shared.__getitem__))

    def neighbours(self, key: int) -> dict[int, int]:
        """Clusters sharing an indexed feature with indexed cluster ``key`` (itself included),
        with how many they share."""
        shared: dict[int, int] = {}
        for f in self._indexed.get(key, []):
            for k in self._postings.get(f, ()):
                shared[k] = shared.get(k, 0) + 1
        return shared
