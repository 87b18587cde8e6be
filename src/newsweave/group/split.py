"""Second pass: split an event that is two incidents of the same kind.

Online assignment decides on little evidence early on: when two similar incidents are reported
in interleaved order, the second incident's first article joins the first incident's event
before either event has a clear signature. After the batch, each event formed in it is bisected
(two seeds as far apart as possible, then members go to the half they are closer to on average,
a few rounds) and the halves are kept apart when they would not be merged again: their average
link, lowered by the conflict of their participants' signatures (:func:`.signature.conflict_halves`)
and by their time gap (as in :meth:`.clusters.OnlineClusterer.link`), is below the merge
threshold.

An event of an earlier run keeps only its vector sum, not its members' vectors. When a later
run's articles join it (the second incident of a kind arrives, and its first articles have only
the first incident's event to be compared with) or bridge two earlier events, which the sweep
then merges, the event is bisected in units (:class:`Unit`): each of the batch's articles, and each
earlier event whole, weighed by its size (:func:`bisect_units`). The halves can give an earlier
event back its own id.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .clusters import ClusterParams, decay, span_gap
from .signature import Profile, Signature, conflict_halves
from .vectors import SparseVec, dot

#: Smallest event that is tried, and smallest half kept (in articles).
MIN_SIZE = 4
MIN_HALF = 2
ROUNDS = 5


@dataclass
class Unit:
    """What a split keeps together: one article of the batch (``n`` 1, its signature ``sig``)
    or an event of an earlier run (its vector sum, size and accumulated ``profile``)."""

    total: SparseVec
    first: float | None
    last: float | None
    n: int = 1
    sig: Signature | None = None
    profile: Profile | None = None


def _profile(units: list[Unit]) -> Profile:
    p = Profile()
    for u in units:
        if u.profile is not None:
            p.absorb(u.profile)
        elif u.sig is not None:
            p.add(u.sig)
    return p


def _span(units: list[Unit]) -> tuple[float | None, float | None]:
    known = [t for u in units for t in (u.first, u.last) if t is not None]
    return (min(known), max(known)) if known else (None, None)


def _inner(u: Unit) -> float:
    """Sum of the similarities of the pairs within ``u``: members' TF-IDF parts are unit
    vectors, so it is ``(|sum|^2 - n) / 2`` (0 for an article)."""
    if u.n < 2:
        return 0.0
    return max(0.0, (dot(u.total, u.total) - u.n) / 2.0)


def bisect_units(units: list[Unit], p: ClusterParams) -> list[int] | None:
    """Indexes of the units to split off, or None when the event stays whole.

    Two seeds as far apart as possible (mean similarity of their members), then each unit goes
    to the half its members are closer to on average (its own other members counted on either
    side), a few rounds; the halves stay apart when their average link, lowered by their
    participants' conflict and time gap, is below the merge threshold. With articles alone this
    is the plain bisection of an event's members."""
    n = len(units)
    w = np.array([u.n for u in units], dtype=float)
    if w.sum() < MIN_SIZE or n < 2:
        return None
    # TF-IDF alone: an embedding sees two incidents of one kind as one, which is what a split
    # must tell apart.
    sim = np.array([[dot(units[i].total, units[j].total) for j in range(n)] for i in range(n)])
    inner = 2.0 * np.array([_inner(u) for u in units])
    far = sim / np.outer(w, w) + np.diag(np.full(n, np.inf))
    i, j = np.unravel_index(np.argmin(far), far.shape)
    np.fill_diagonal(sim, 0.0)
    side = sim[:, j] / w[j] > sim[:, i] / w[i]  # True: with seed j
    side[i], side[j] = False, True
    for _ in range(ROUNDS):
        n_b = int(side.sum())
        if n_b < 1 or n_b > n - 1:
            return None
        # mean similarity of a unit's members to each half's other members
        w_b, w_a = float(w[side].sum()), float(w[~side].sum())
        to_b = (sim[:, side].sum(axis=1) + inner) / (w * np.maximum(1, w_b - w * side + w - 1))
        to_a = (sim[:, ~side].sum(axis=1) + inner) / (w * np.maximum(1, w_a - w * ~side + w - 1))
        new = to_b > to_a
        if (new == side).all():
            break
        side = new
    a, b = [k for k in range(n) if not side[k]], [k for k in range(n) if side[k]]
    if w[a].sum() < MIN_HALF or w[b].sum() < MIN_HALF:
        return None
    link = float(sim[np.ix_(a, b)].sum() / (w[a].sum() * w[b].sum()))
    clash = conflict_halves(_profile([units[k] for k in a]), _profile([units[k] for k in b]))
    link *= 1.0 - p.merge_conflict_weight * clash
    first, last = _span([units[k] for k in a])
    link *= decay(span_gap(first, last, _span([units[k] for k in b])), p)
    return b if link < p.merge_threshold else None


def bisect(
    vecs: list[SparseVec],
    sigs: list[Signature],
    p: ClusterParams,
    times: list[float | None] | None = None,
) -> list[int] | None:
    """Indexes of the members to split off an event of articles alone, or None."""
    ts = times or [None] * len(vecs)
    units = [Unit(v, t, t, sig=s) for v, s, t in zip(vecs, sigs, ts, strict=True)]
    return bisect_units(units, p)
