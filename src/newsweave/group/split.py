"""Second pass: split an event that is two incidents of the same kind.

Online assignment decides on little evidence early on: when two similar incidents are reported
in interleaved order, the second incident's first article joins the first incident's event
before either event has a clear signature. After the batch, each event formed in it is bisected
(two seeds as far apart as possible, then members go to the half they are closer to on average,
a few rounds) and the halves are kept apart when they would not be merged again: their average
link, lowered by the conflict of their participants' signatures (:func:`.signature.conflict_halves`)
and by their time gap (as in :meth:`.clusters.OnlineClusterer.link`), is below the merge
threshold.
"""

from __future__ import annotations

import numpy as np

from .clusters import ClusterParams, decay, span_gap
from .signature import Profile, Signature, conflict_halves
from .vectors import SparseVec, dot_parts

#: Smallest event that is tried, and smallest half kept.
MIN_SIZE = 4
MIN_HALF = 2
ROUNDS = 5


def _profile(sigs: list[Signature]) -> Profile:
    p = Profile()
    for s in sigs:
        p.add(s)
    return p


def _span(times: list[float | None]) -> tuple[float | None, float | None]:
    known = [t for t in times if t is not None]
    return (min(known), max(known)) if known else (None, None)


def bisect(
    vecs: list[SparseVec],
    sigs: list[Signature],
    p: ClusterParams,
    times: list[float | None] | None = None,
) -> list[int] | None:
    """Indexes of the half to split off, or None when the event stays whole."""
    n = len(vecs)
    if n < MIN_SIZE:
        return None
    # TF-IDF alone: an embedding sees two incidents of one kind as one, which is what a split
    # must tell apart.
    sim = np.array([[dot_parts(vecs[i], vecs[j])[0] for j in range(n)] for i in range(n)])
    far = sim + np.diag(np.full(n, np.inf))
    i, j = np.unravel_index(np.argmin(far), far.shape)
    np.fill_diagonal(sim, 0.0)
    side = sim[:, j] > sim[:, i]  # True: with seed j
    side[i], side[j] = False, True
    for _ in range(ROUNDS):
        n_b = int(side.sum())
        if n_b < 1 or n_b > n - 1:
            return None
        # mean similarity to each half, leaving the item itself out of its own half
        to_b = sim[:, side].sum(axis=1) / np.maximum(1, n_b - side)
        to_a = sim[:, ~side].sum(axis=1) / np.maximum(1, n - n_b - ~side)
        new = to_b > to_a
        if (new == side).all():
            break
        side = new
    a, b = [k for k in range(n) if not side[k]], [k for k in range(n) if side[k]]
    if len(a) < MIN_HALF or len(b) < MIN_HALF:
        return None
    link = float(sim[np.ix_(a, b)].mean())
    clash = conflict_halves(_profile([sigs[k] for k in a]), _profile([sigs[k] for k in b]))
    link *= 1.0 - p.merge_conflict_weight * clash
    ts = times or [None] * n
    first, last = _span([ts[k] for k in a])
    link *= decay(span_gap(first, last, _span([ts[k] for k in b])), p)
    return b if link < p.merge_threshold else None
