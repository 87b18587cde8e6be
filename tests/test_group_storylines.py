"""Storyline vectors weigh an event's names up; the names sum travels with the event state."""

from __future__ import annotations

import math

from newsweave.group.clusters import Cluster
from newsweave.group.events import EventProfile
from newsweave.group.storylines import story_vector
from newsweave.group.vectors import dot


def _unit(v: dict[int, float]) -> dict[int, float]:
    n = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / n for k, x in v.items()}


def test_story_vector_mixes_centroid_and_names_cosines() -> None:
    # Two events with different words (features 1-4) and the same central names (100, 101).
    a = EventProfile("e1", {1: 1.0, 2: 1.0, 100: 0.5}, None, None, 0, names={100: 1.0, 101: 1.0})
    b = EventProfile("e2", {3: 1.0, 4: 1.0, 100: 0.5}, None, None, 1, names={100: 1.0, 101: 1.0})
    plain = dot(_unit(a.total), _unit(b.total))
    mixed = dot(story_vector(a, 0.2), story_vector(b, 0.2))
    assert plain < 0.2 < mixed  # the shared names carry the link
    assert math.isclose(sum(x * x for x in story_vector(a, 0.2).values()), 1.0)
    assert story_vector(a, 0.0) == _unit(a.total)
    bare = EventProfile("e3", {1: 2.0}, None, None, 2)  # no names: the centroid alone
    assert story_vector(bare, 0.2) == {1: 1.0}


def test_names_sum_is_kept_through_add_absorb_and_json() -> None:
    c = Cluster(0)
    c.add("a1", {1: 1.0}, 10.0, names={7: 0.5})
    other = Cluster(1)
    other.add("a2", {2: 1.0}, 12.0, names={7: 0.25, 8: 1.0})
    c.absorb(other)
    assert c.names == {7: 0.75, 8: 1.0}
    back = Cluster.from_json(c.to_json())
    assert back.names == c.names and back.members == ["a1", "a2"]
    assert "names" not in Cluster(2).to_json()  # storyline clusters carry none


def test_centroid_sweep_merges_spread_clusters_with_one_centre() -> None:
    from dataclasses import replace

    from newsweave.group.clusters import ClusterParams, OnlineClusterer

    avg = ClusterParams(threshold=0.9, merge_threshold=0.5, tau_days=60.0, decay_floor=0.5)
    c = OnlineClusterer(avg)
    for side, t in (("a", 0.0), ("b", 400.0)):  # a year apart: the decay floor applies
        first = c.assign(f"{side}0", {1: 1.0}, t)
        for i, f in enumerate((2, 3, 4), 1):
            c.active[first].add(f"{side}{i}", {f: 1.0}, t)  # members unlike one another
        c.add_cluster(c.active[first])  # reindexed
    assert len(c.active) == 2
    c.sweep()  # average link 0.25 x decay: stays apart
    assert len(c.active) == 2
    c.sweep(replace(avg, link="centroid"))  # same centre (cosine 1.0 x 0.5 decay): one
    assert len(c.active) == 1 and len(next(iter(c.active.values())).members) == 8


def test_sweep_starts_from_what_this_batch_touched() -> None:
    from newsweave.group.clusters import ClusterParams, OnlineClusterer

    p = ClusterParams(threshold=0.99, merge_threshold=0.5, tau_days=60.0, decay_floor=0.5)
    vec = {1: 0.5, 2: 0.5, 3: 0.5, 4: 0.5}
    restored = []
    for key in (0, 1):  # two close clusters from an earlier run's state
        c = Cluster(key)
        c.add(f"old{key}", vec, 0.0)
        restored.append(c)
    c = OnlineClusterer(p)
    for r in restored:
        c.add_cluster(r)
    c.sweep()
    assert len(c.active) == 2  # nothing this batch touched: the earlier run left them apart
    c.assign("new", {9: 1.0}, 0.0)
    c.active[1].add("new2", vec, 0.0)  # changed in this batch
    c.touched.add(1)
    c.add_cluster(c.active[1])  # reindexed
    c.sweep()
    assert len(c.active) == 2 and sorted(c.active[1].members) == ["new2", "old0", "old1"]


def test_a_merge_keeps_the_id_of_the_larger_story() -> None:
    from newsweave.group.clusters import ClusterParams, OnlineClusterer

    p = ClusterParams(threshold=0.99, merge_threshold=0.5, tau_days=60.0, decay_floor=0.5)
    vec = {1: 0.5, 2: 0.5, 3: 0.5, 4: 0.5}
    known = Cluster(0)  # a story from an earlier run, with five articles
    for i in range(5):
        known.add(f"old{i}", vec, 0.0)
    c = OnlineClusterer(p, next_key=1)
    c.add_cluster(known)
    c.assign("a", {9: 1.0}, 0.0)  # a newcomer that turns out to be the same story
    c.active[1].add("b", vec, 0.0)
    c.touched.add(1)
    c.add_cluster(c.active[1])  # reindexed
    c.sweep()
    assert list(c.active) == [0] and c.merged == [(1, 0)]
    assert len(c.active[0].members) == 7
