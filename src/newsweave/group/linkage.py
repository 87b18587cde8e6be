"""Order-independent linking of a batch's events into groups: average-link agglomeration.

Storylines link events at a low similarity (a storyline's events are different happenings), so
an online pass is chaotic there: which events exist when another arrives decides links, and a
small change in the events (one article moving) flips a few of them and, through the links,
whole storylines. Within a batch, the events are instead grouped by average-link agglomeration
(scikit-learn) on their pairwise similarities: the same pairs give the same groups whatever the
order, and no early link decides a later one.

The similarity of two events is the one online linking scores an event against a storyline of
one event: the cosine of their storyline vectors, lowered by the conflict of their participants
(``conflict_weight``) and decayed with the gap between their time spans (``tau_days``,
``decay_floor``; ``undated_factor`` when either has no date).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.cluster import AgglomerativeClustering

from .clusters import ClusterParams
from .signature import Signature
from .vectors import SparseVec


def _csr(rows: Sequence[dict[int, float]] | Sequence[frozenset[str]]) -> sparse.csr_matrix:
    """Rows of sparse vectors (or sets of words, as 1s) as a matrix over a shared column index."""
    cols: dict[object, int] = {}
    ind: list[int] = []
    ptr = [0]
    dat: list[float] = []
    for row in rows:
        items = row.items() if isinstance(row, dict) else ((w, 1.0) for w in sorted(row))
        for f, v in items:
            ind.append(cols.setdefault(f, len(cols)))
            dat.append(v)
        ptr.append(len(ind))
    return sparse.csr_matrix((dat, ind, ptr), shape=(len(rows), max(1, len(cols))))


def clash_matrix(sigs: Sequence[Signature | None]) -> np.ndarray:
    """Pairwise conflict of events' participants, as :func:`.signature.conflict` scores one
    event's signature against a storyline holding only the other: the mean share of each side's
    core names the other does not mention (0 when either side has none)."""
    empty: frozenset[str] = frozenset()
    n = len(sigs)
    # one column index for both kinds of rows: stack them, then split
    both = _csr(
        [*(s.mentioned if s else empty for s in sigs), *(s.salient if s else empty for s in sigs)]
    )
    mentioned, salient = both[:n], both[n:]
    shared = (mentioned @ salient.T).toarray()  # [i, j]: j's core names that i mentions
    n_core = np.asarray(salient.sum(axis=1)).ravel()
    has = n_core > 0
    missing = np.zeros((n, n))
    missing[:, has] = 1.0 - shared[:, has] / n_core[has]  # [i, j]: j's core missing from i
    clash = (missing + missing.T) / 2
    clash[~has, :] = 0.0
    clash[:, ~has] = 0.0
    return clash


def decay_matrix(
    first: Sequence[float | None], last: Sequence[float | None], p: ClusterParams
) -> np.ndarray:
    """Pairwise time factor of events with spans ``[first, last]`` (see :func:`.clusters.decay`)."""
    lo = np.array([np.nan if f is None else f for f in first], dtype=float)
    hi = np.array([lo[i] if x is None else x for i, x in enumerate(last)], dtype=float)
    gap = np.maximum(0.0, np.maximum(lo[None, :] - hi[:, None], lo[:, None] - hi[None, :]))
    out = p.decay_floor + (1.0 - p.decay_floor) * np.exp(-gap / p.tau_days)
    return np.where(np.isnan(gap), p.undated_factor, out)


def similarities(
    vecs: Sequence[SparseVec],
    sigs: Sequence[Signature | None],
    first: Sequence[float | None],
    last: Sequence[float | None],
    p: ClusterParams,
) -> np.ndarray:
    """Pairwise similarity of events with unit vectors ``vecs`` (1 on the diagonal)."""
    x = _csr(vecs)
    sim = (x @ x.T).toarray()
    sim *= 1.0 - p.conflict_weight * clash_matrix(sigs)
    sim *= decay_matrix(first, last, p)
    np.fill_diagonal(sim, 1.0)
    return np.clip(sim, 0.0, 1.0)


def groups(sim: np.ndarray, threshold: float) -> list[int]:
    """A group label per item: average-link agglomeration of the pairwise similarities
    ``sim`` until no two groups are on average as similar as ``threshold``."""
    n = len(sim)
    if n < 2:
        return [0] * n
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold
    )
    return [int(x) for x in model.fit_predict(1.0 - sim)]
