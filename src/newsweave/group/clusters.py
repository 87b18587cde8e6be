"""Online clustering of vectors in stream order, with a bounded window of active clusters.

Used for events (articles -> events) and, with its own settings, storylines (events ->
storylines). Each item is compared only with *active* clusters found through an inverted index
over the clusters' strongest features; at most ``max_active`` clusters stay active (least recently
updated ones retire), so the cost per item does not grow with the archive. Similarity is the
average similarity to the cluster's members (the dot product with their vector sum, divided by
their number) times a decay in the time gap; an item joins the best cluster
above ``threshold`` or starts a new one. After each join, the grown cluster is merged with an
active cluster whose centroid is now as close as ``merge_threshold`` (the clusters turned out to
be one story; cf. Miranda et al., EMNLP 2018, who link and revisit clusters as evidence grows).
At the end of a batch, :meth:`OnlineClusterer.refine` revisits the items: one that joined a
cluster before its own had formed moves to it.

With sentence embeddings on (``dense_weight``), the embedding cosine counts only as far as the
two sides are close in time and their names agree (:func:`mix`): an embedding tells that two
texts tell the same kind of story, and two earthquakes, two DUI arrests of one team's players or
two protests in neighbouring countries are the same kind of story; only the same days and the
same participants make them one event.

The active clusters are found through :class:`.index.FeatureIndex`.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

from .index import FeatureIndex
from .signature import Profile, Signature, conflict, conflict_events
from .vectors import N_FEATURES, Dense, SparseVec, dense_dot, dense_sum, dot


class Item(NamedTuple):
    """What the clusterer gets of an item."""

    vec: SparseVec  # weighted TF-IDF (:func:`.vectors.weigh`)
    t: float | None  # days since the epoch
    sig: Signature | None = None  # its participants (events only)
    names: SparseVec | None = None  # its names-part vector (events only)
    dense: Dense | None = None  # its headline embedding (events with an embedder only)


#: A member's item, as a split needs it.
ItemOf = Callable[[str], Item]
#: One half of a split: its key (None: a new one), earlier clusters it holds whole, its items.
Half = tuple[int | None, list["Cluster"], list[str]]

#: Centroid sums keep at most this many features (the weakest are dropped); a level may cut
#: its clusters' sums further (``ClusterParams.max_features``).
MAX_CENTROID_FEATURES = 1500
#: Indexed features two clusters must share before the sweep compares them.
SWEEP_MIN_SHARED = 4
#: Most reassignment passes at the end of a batch (:meth:`OnlineClusterer.refine`); on the
#: labelled sets the moves settle within three (ML-Crisis: 64, 7, 1, then 0 articles).
REFINE_PASSES = 4


@dataclass
class ClusterParams:
    """Settings of one clustering level (fixed; the same for every data set)."""

    threshold: float
    merge_threshold: float
    tau_days: float  # similarity halves after about 0.7 * tau days without news
    decay_floor: float  # the decay never goes below this (long-running stories resume)
    #: Time factor when either side has no date: no evidence that they are close in time, so
    #: less than for two articles of the same day (1.0) and more than the floor.
    undated_factor: float = 1.0
    max_active: int = 2000
    #: Features a cluster's vector sum keeps (its strongest), cut whenever the clusterer
    #: changes the cluster: fewer keep a centroid to what its members share.
    max_features: int = MAX_CENTROID_FEATURES
    #: How much a signature conflict (disjoint participants) lowers a similarity, 0..1.
    conflict_weight: float = 0.0
    #: The same for merging two clusters (their accumulated signatures are surer than one
    #: article's).
    merge_conflict_weight: float = 0.0
    #: How two clusters are linked for a merge: "average" (mean similarity of their members: a
    #: cluster must stay tight, as an event) or "centroid" (cosine of their members' sums: a
    #: cluster may spread, as a storyline whose events differ but share a centre).
    link: str = "average"
    #: Share of the embedding cosine in a similarity when both sides are of the same day and
    #: their names agree (0: TF-IDF alone; see :func:`mix`).
    dense_weight: float = 0.0
    #: The embedding's share falls by e with every this many days between the two sides
    #: (measured with e5: 2 / 7 / 30 days give giveme5w1h events 0.935 / 0.936 / 0.936 and
    #: ML-Crisis storylines 0.728 / 0.743 / 0.680).
    dense_tau_days: float = 7.0


@dataclass
class Cluster:
    """A group of items with the running sum of their vectors."""

    key: int
    members: list[str] = field(default_factory=list)
    total: SparseVec = field(default_factory=dict)
    first: float | None = None  # days since the epoch of the earliest dated member
    last: float | None = None
    sig: Profile = field(default_factory=Profile)  # accumulated participants (events only)
    #: Sum of the members' names-part vectors (events only: storylines weigh names up). Carried
    #: along, never used for the cluster's own similarities.
    names: SparseVec = field(default_factory=dict)
    #: Sum of the members' headline embeddings (None without an embedder).
    dense: Dense | None = None

    def prune(self, n: int) -> None:
        """Keep the ``n`` strongest features of the vector sum."""
        if len(self.total) > n:
            self.total = _strongest(self.total, n)

    def centroid_norm(self) -> float:
        """Norm of the members' vector sum, TF-IDF and embedding parts together."""
        sq = sum(v * v for v in self.total.values())
        if self.dense is not None:
            sq += float(np.dot(self.dense, self.dense))
        return math.sqrt(sq) or 1.0

    def add(
        self,
        item: str,
        vec: SparseVec,
        t: float | None,
        sig: Signature | None = None,
        names: SparseVec | None = None,
        dense: Dense | None = None,
    ) -> None:
        self.members.append(item)
        if sig is not None:
            self.sig.add(sig)
        self.total = _accumulate(self.total, vec)
        self.dense = dense_sum(self.dense, dense)
        if names:
            self.names = _accumulate(self.names, names)
        if t is not None:
            self.first = t if self.first is None else min(self.first, t)
            self.last = t if self.last is None else max(self.last, t)

    def absorb(self, other: Cluster) -> None:
        self.members.extend(other.members)
        self.sig.absorb(other.sig)
        self.total = _accumulate(self.total, other.total)
        self.names = _accumulate(self.names, other.names)
        self.dense = dense_sum(self.dense, other.dense)
        for t in (other.first, other.last):
            if t is not None:
                self.first = t if self.first is None else min(self.first, t)
                self.last = t if self.last is None else max(self.last, t)

    def to_json(self) -> dict[str, Any]:
        out = {
            "key": self.key,
            "members": self.members,
            "total": _rounded(self.total),
            "first": self.first,
            "last": self.last,
            **({"sig": self.sig.to_json()} if self.sig.size else {}),
            **({"names": _rounded(self.names)} if self.names else {}),
        }
        if self.dense is not None:
            out["dense"] = [round(v, 6) for v in self.dense.tolist()]
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Cluster:
        total = {int(k): float(v) for k, v in d["total"].items()}
        dense = np.array(d["dense"], dtype=np.float64) if d.get("dense") else None
        if dense is None and total and max(total) >= LEGACY_DENSE_BASE:
            total, dense = _legacy_dense(total)
        return cls(
            key=int(d["key"]),
            members=list(d["members"]),
            total=total,
            first=d.get("first"),
            last=d.get("last"),
            sig=Profile.from_json(d.get("sig")),
            names={int(k): float(v) for k, v in (d.get("names") or {}).items()},
            dense=dense,
        )


#: Before embedding sums were arrays, a state kept them in ``total`` from this feature on:
#: dimension i as feature ``base + 2i`` (its positive value) and ``base + 2i + 1`` (minus its
#: negative value).
LEGACY_DENSE_BASE = 2 * N_FEATURES


def _legacy_dense(total: SparseVec) -> tuple[SparseVec, Dense]:
    """A legacy ``total`` split into its TF-IDF features and its embedding sum."""
    feats = {f: v for f, v in total.items() if f < LEGACY_DENSE_BASE}
    dense = np.zeros((max(total) - LEGACY_DENSE_BASE) // 2 + 1)
    for f, v in total.items():
        if f >= LEGACY_DENSE_BASE:
            dense[(f - LEGACY_DENSE_BASE) // 2] += v if f % 2 == 0 else -v
    return feats, dense


def held_whole(
    clusters: list[Cluster], items: dict[str, Item], before: dict[int, dict[str, Any]]
) -> dict[int, list[Cluster]]:
    """Which of ``clusters`` can be rebuilt: each one made of ``items`` and of earlier clusters
    it holds whole (``before``: the active clusters in JSON, as the batch found them), mapped to
    those earlier clusters. An earlier run's members keep only their clusters' vector sums."""
    base_of = {m: k for k, cj in before.items() for m in cj["members"]}
    out = {}
    for c in clusters:
        keys = sorted({base_of.get(m, -1) for m in c.members if m not in items})
        olds = [Cluster.from_json(before[k]) for k in keys if k in before]
        if sum(len(o.members) for o in olds) + sum(m in items for m in c.members) == len(c.members):
            out[c.key] = olds
    return out


def _rounded(vec: SparseVec) -> dict[str, float]:
    return {str(k): round(v, 6) for k, v in vec.items()}


def _accumulate(total: SparseVec, vec: SparseVec) -> SparseVec:
    """``total + vec``, keeping at most ``MAX_CENTROID_FEATURES`` features (the weakest go)."""
    for f, v in vec.items():
        total[f] = total.get(f, 0.0) + v
    if len(total) > MAX_CENTROID_FEATURES:
        total = _strongest(total, MAX_CENTROID_FEATURES)
    return total


def _strongest(vec: SparseVec, n: int) -> SparseVec:
    return dict(heapq.nlargest(n, vec.items(), key=lambda kv: kv[1]))


def gap_days(a: float | None, b_first: float | None, b_last: float | None) -> float | None:
    """Days between time ``a`` and the span ``[b_first, b_last]`` (None when either is unknown)."""
    if a is None or b_first is None or b_last is None:
        return None
    if a < b_first:
        return b_first - a
    return max(0.0, a - b_last)


def span_gap(
    a_first: float | None, a_last: float | None, b: tuple[float | None, float | None]
) -> float | None:
    """Days between two time spans (None when either is unknown)."""
    g1 = gap_days(b[0], a_first, a_last)
    g2 = gap_days(b[1], a_first, a_last)
    return None if g1 is None or g2 is None else min(g1, g2)


def decay(gap: float | None, p: ClusterParams) -> float:
    """Time factor of a similarity: 1 for no gap, falling towards ``decay_floor``;
    ``undated_factor`` when the gap is unknown."""
    if gap is None:
        return p.undated_factor
    return p.decay_floor + (1.0 - p.decay_floor) * math.exp(-gap / p.tau_days)


def mix(p: ClusterParams, tfidf: float, dense: float, gap: float | None, clash: float) -> float:
    """A similarity from its TF-IDF and embedding parts (:func:`.vectors.dot`,
    :func:`.vectors.dense_dot`).

    The embedding's share is ``dense_weight`` times the closeness in time
    (``exp(-gap / dense_tau_days)``; 0 when a date is missing: no evidence of the same days) times
    the agreement of names (``1 - clash``). ``tfidf`` and ``dense`` are plain cosines (sums of
    them over a cluster's members)."""
    if not p.dense_weight or gap is None:
        return tfidf
    share = p.dense_weight * math.exp(-gap / p.dense_tau_days) * (1.0 - clash)
    return (1.0 - share) * tfidf + share * dense


def moves_up(to: float, n_to: int, own: float, n_own: int, threshold: float) -> bool:
    """Whether an item gains by leaving the ``n_own`` others of its cluster (average similarity
    ``own``) for a cluster of ``n_to`` (average ``to``).

    Each similarity counts by how far it clears ``threshold``, summed over the members: the
    objective of correlation clustering with ``threshold`` as the line between "same" and
    "different". Comparing averages alone favours small clusters, where one close pair is the
    whole average: a late article of a large event would leave it for the one article it is
    closest to (a Panama Papers follow-up left the 9-article event for a lone later piece)."""
    return n_to * (to - threshold) > n_own * (own - threshold)


class OnlineClusterer:
    """Assigns items to clusters one at a time; state is the active window and its index."""

    def __init__(self, params: ClusterParams, next_key: int = 0) -> None:
        self.p = params
        self.next_key = next_key
        #: Keys below this are of clusters that existed before (restored from the state).
        self.first_key = next_key
        self.active: OrderedDict[int, Cluster] = OrderedDict()  # least recently updated first
        self.retired: list[Cluster] = []
        self.index = FeatureIndex()  # of the active clusters
        self.merged: list[tuple[int, int]] = []  # (absorbed key, surviving key)
        #: Clusters this clusterer created or changed (a sweep starts from these only, so the
        #: cost of a batch does not grow with the window of clusters restored from the state).
        self.touched: set[int] = set()
        #: Clusters scored as candidates of an item (joined or not): the neighbourhood of what
        #: the items brought.
        self.near: set[int] = set()

    def candidates(self, vec: SparseVec) -> set[int]:
        """Active clusters sharing a strong feature with ``vec`` (:class:`.index.FeatureIndex`)."""
        return self.index.candidates(vec)

    def _reindex(self, c: Cluster) -> None:
        c.prune(self.p.max_features)
        self.index.add(c.key, c.total, c.centroid_norm())

    def similarity(
        self,
        vec: SparseVec,
        t: float | None,
        c: Cluster,
        sig: Signature | None = None,
        dense: Dense | None = None,
    ) -> float:
        # Average link: mean similarity to the members (their unit vectors sum to ``total``).
        clash = conflict(sig, c.sig) if sig is not None else 0.0
        gap = gap_days(t, c.first, c.last)
        parts = dot(vec, c.total), dense_dot(dense, c.dense)
        return self._score(*parts, len(c.members), gap, clash)

    def _score(self, tfidf: float, dense: float, n: int, gap: float | None, clash: float) -> float:
        """Average similarity from the dot products with ``n`` members' vector sum."""
        avg = mix(self.p, tfidf, dense, gap, clash) / max(1, n)
        avg *= 1.0 - self.p.conflict_weight * clash
        return avg * decay(gap, self.p)

    def similarity_without(
        self, item: str, c: Cluster, items: dict[str, Item], olds: Sequence[Cluster] = ()
    ) -> float:
        """The similarity of member ``item`` of ``c`` to the rest of ``c`` (``items`` holds
        every member's item but those of the earlier clusters ``olds`` that ``c`` holds whole),
        as :meth:`similarity` would score it against them alone."""
        vec, t, sig, _, emb = items[item]
        rest = [m for m in c.members if m != item]
        tfidf = dot(vec, c.total)
        tfidf -= sum(v * v for f, v in vec.items() if f in c.total)  # its own share (pruned
        # features have none)
        dense = dense_dot(emb, c.dense) - dense_dot(emb, emb) if c.dense is not None else 0.0
        times = [x for x in (items[m][1] for m in rest if m in items) if x is not None]
        times += [x for old in olds for x in (old.first, old.last) if x is not None]
        gap = gap_days(t, min(times), max(times)) if times else None
        clash = conflict(sig, c.sig.without(sig)) if sig is not None else 0.0
        return self._score(tfidf, dense, len(rest), gap, clash)

    def _norm(self, c: Cluster) -> float:
        """Norm of ``c``'s vector sum (kept with the index; computed for unindexed clusters)."""
        return self.index.norm(c.key) or c.centroid_norm()

    # -- stream ----------------------------------------------------------------------------
    def add_cluster(self, c: Cluster) -> None:
        """Put an existing (e.g. restored) cluster into the active window."""
        self.active[c.key] = c
        self.active.move_to_end(c.key)
        self._reindex(c)
        self.next_key = max(self.next_key, c.key + 1)
        self._evict()

    def remove(self, key: int) -> Cluster:
        """Take active cluster ``key`` out of the window (to be grouped again)."""
        self.index.remove(key)
        return self.active.pop(key)

    def _evict(self) -> None:
        while len(self.active) > self.p.max_active:
            _, old = self.active.popitem(last=False)
            self.index.remove(old.key)
            self.retired.append(old)

    def assign(
        self,
        item: str,
        vec: SparseVec,
        t: float | None,
        sig: Signature | None = None,
        names: SparseVec | None = None,
        dense: Dense | None = None,
    ) -> int:
        """Put ``item`` into its best active cluster or a new one; returns the cluster key."""
        scored = sorted(
            (
                (self.similarity(vec, t, self.active[k], sig, dense), k)
                for k in self.candidates(vec)
            ),
            reverse=True,
        )
        self.near.update(k for _, k in scored)
        if scored and scored[0][0] >= self.p.threshold:
            target = self.active[scored[0][1]]
        else:
            target = Cluster(self.next_key)
            self.next_key += 1
            self.active[target.key] = target
        target.add(item, vec, t, sig, names, dense)
        self.touched.add(target.key)
        self.active.move_to_end(target.key)
        self._reindex(target)
        if len(target.members) > 1:  # only runners-up the item itself found close
            near = [k for sc, k in scored[1:4] if sc >= 0.5 * self.p.merge_threshold]
            target = self._merge_around(target, [k for k in near if k != target.key])
        self._evict()
        return target.key

    def link(self, a: Cluster, b: Cluster, p: ClusterParams | None = None) -> float:
        """Average (or centroid) link of two clusters, decayed by their time gap; ``p``
        overrides the clusterer's settings."""
        p = p or self.p
        gap = span_gap(a.first, a.last, (b.first, b.last))
        clash = conflict_events(a.sig, b.sig) if p.merge_conflict_weight or p.dense_weight else 0.0
        raw = mix(p, dot(a.total, b.total), dense_dot(a.dense, b.dense), gap, clash)
        if p.link == "centroid":
            avg = raw / (self._norm(a) * self._norm(b))
        else:
            avg = raw / max(1, len(a.members) * len(b.members))
        avg *= 1.0 - p.merge_conflict_weight * clash
        return avg * decay(gap, p)

    def _merge_around(self, c: Cluster, near: list[int]) -> Cluster:
        """Merge ``c`` with nearby active clusters that are now as close as one event; returns
        the cluster ``c`` ended up in."""
        for k in near:
            other = self.active.get(k)
            if other is not None and self.link(c, other) >= self.p.merge_threshold:
                c = self._merge(c, other)
        return c

    def _merge(self, a: Cluster, b: Cluster) -> Cluster:
        """One cluster of ``a`` and ``b``; returns it. One that existed before this clusterer
        started (an earlier run's) keeps its key over one it created, else the larger (on a tie,
        the older): a story that absorbs a newcomer keeps the id its readers know."""

        def rank(c: Cluster) -> tuple[bool, int, int]:
            return c.key < self.first_key, len(c.members), -c.key

        keep, gone = (a, b) if rank(a) >= rank(b) else (b, a)
        self.touched.add(keep.key)
        keep.absorb(gone)
        self.index.remove(gone.key)
        del self.active[gone.key]
        self.active.move_to_end(keep.key)  # just updated: the last to retire
        self.merged.append((gone.key, keep.key))
        self._reindex(keep)
        return keep

    def sweep(self, p: ClusterParams | None = None) -> None:
        """Merge active clusters pairwise while some pair links above ``merge_threshold``.

        Run at the end of a batch: like average-link agglomeration, but from the clusters this
        batch created or changed, towards any active cluster the inverted index finds close.
        ``p`` overrides the clusterer's settings (its link and merge threshold) for this sweep.
        """
        p = p or self.p
        changed = True
        while changed:
            changed = False
            for key in [k for k in self.active if k in self.touched]:
                c = self.active.get(key)
                if c is None:
                    continue
                best: tuple[float, int] | None = None
                for k, n in self.index.neighbours(key).items():
                    if k == key or n < SWEEP_MIN_SHARED:
                        continue
                    score = self.link(c, self.active[k], p)
                    if score >= p.merge_threshold and (best is None or score > best[0]):
                        best = (score, k)
                if best is not None:
                    self._merge(c, self.active[best[1]])
                    changed = True

    def split(self, c: Cluster, halves: list[Half], item: ItemOf) -> list[int]:
        """Make active cluster ``c`` the clusters ``halves``; returns their keys.

        A half is (its key, or None for a new one; the earlier clusters it holds whole, as they
        were before the batch; its items, rebuilt from ``item``). An earlier cluster that was
        merged into ``c`` and now heads a half of its own is active again under its key: its
        merge is undone."""
        self.index.remove(c.key)
        del self.active[c.key]
        keys = []
        for key, olds, members in halves:
            if key is None:
                key = self.next_key
                self.next_key += 1
            self._rebuild(key, members, item, olds)
            keys.append(key)
        # Each earlier cluster is now an alias of the half that holds it (or none: it heads one).
        owner = {
            old.key: key for key, (_, olds, _) in zip(keys, halves, strict=True) for old in olds
        }
        # a half under the key of a cluster merged away is that cluster again
        revived = {key for key, _, _ in halves if key is not None}
        self.merged = [(g, k) for g, k in self.merged if g not in owner and g not in revived]
        self.merged.extend((g, k) for g, k in owner.items() if g != k)
        self._evict()
        return keys

    def refine(
        self,
        items: dict[str, Item],
        before: dict[int, dict[str, Any]] | None = None,
        passes: int = REFINE_PASSES,
    ) -> dict[str, int]:
        """Reassignment passes over ``items`` (a batch, in stream order); returns the items
        that moved and their new cluster keys.

        Online assignment decides with the evidence at hand when an item arrives: the first
        article of a second incident of one kind joins the first incident's event, which only
        later has a rival. Here each item moves to the active cluster it is now closest to, when
        that similarity reaches ``threshold`` and beats its similarity to the rest of its own
        cluster (:meth:`similarity_without`; 0 for an item alone in its cluster, which then
        dissolves and is recorded in ``merged``), also when each similarity counts once per
        member (:func:`moves_up`). A cluster gives up members when it is rebuilt from ``items``
        and the earlier clusters it holds whole (``before``: the active clusters as the batch
        found them; an earlier member of an unknown cluster keeps the cluster as it is). After
        the first pass, only the members of clusters that gained or lost one are revisited,
        until nothing moves or ``passes`` are done: a local search on the objective of
        :func:`moves_up` (each move raises it as the moving item sees it).
        """
        moved: dict[str, int] = {}
        todo = list(items)
        for _ in range(passes):
            changed = self._refine_pass(items, before or {}, todo, moved)
            if not changed:
                break
            again = {m for c in changed if c in self.active for m in self.active[c].members}
            todo = [m for m in items if m in again]  # stream order
        return moved

    def _refine_pass(
        self,
        items: dict[str, Item],
        before: dict[int, dict[str, Any]],
        todo: list[str],
        moved: dict[str, int],
    ) -> set[int]:
        """One reassignment pass over the items ``todo`` (see :meth:`refine`); records moves
        in ``moved`` and returns the keys of the clusters that lost or gained a member."""
        # Every item of the batch is in a cluster the batch touched.
        batch = [self.active[k] for k in sorted(self.touched) if k in self.active]
        where = {m: c.key for c in batch for m in c.members}
        held = held_whole(batch, items, before)
        changed: set[int] = set()
        for m in todo:
            vec, t, sig, _names, dense = items[m]
            key = where.get(m, -1)
            c = self.active.get(key)
            if c is None or key not in held:
                continue
            # Alone, it has no rest to be close to: it joins the best event that reaches the
            # threshold, the choice assignment would have made had that event existed then.
            own = self.similarity_without(m, c, items, held[key]) if len(c.members) > 1 else 0.0
            scored = [
                (self.similarity(vec, t, self.active[k], sig, dense), k)
                for k in self.candidates(vec)
                if k != key
            ]
            best = max(scored, default=None)
            if best is None or best[0] < self.p.threshold or best[0] <= own:
                continue
            dst = self.active[best[1]]
            if not moves_up(best[0], len(dst.members), own, len(c.members) - 1, self.p.threshold):
                continue
            if len(c.members) > 1:
                rest = [x for x in c.members if x != m and x in items]
                self._rebuild(key, rest, items.__getitem__, held[key])
            else:  # its event is gone; its id becomes an alias of the one it joined
                self.index.remove(key)
                del self.active[key]
                self.merged.append((key, dst.key))
            dst.add(m, *items[m])
            self._reindex(dst)
            self.touched.update((key, dst.key))
            changed.update((key, dst.key))
            where[m] = moved[m] = dst.key
        return changed

    def _rebuild(
        self, key: int, members: list[str], item: ItemOf, olds: Sequence[Cluster] = ()
    ) -> None:
        """Make the active cluster under ``key`` one of the earlier clusters ``olds`` (whole, as
        they were) and ``members`` (rebuilt from ``item``)."""
        new = Cluster(key)
        for old in olds:
            new.absorb(Cluster.from_json(old.to_json()))
        for m in members:
            new.add(m, *item(m))
        self.active[key] = new
        self.touched.add(key)
        self._reindex(new)

    def clusters(self) -> list[Cluster]:
        """All clusters, retired and active, in order of creation."""
        return sorted([*self.retired, *self.active.values()], key=lambda c: c.key)
