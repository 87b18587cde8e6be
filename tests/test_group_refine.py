"""The reassignment pass after online clustering (``OnlineClusterer.refine``)."""

import math

import numpy as np
import pytest

from newsweave.group.clusters import (
    MAX_CENTROID_FEATURES,
    Cluster,
    ClusterParams,
    Item,
    OnlineClusterer,
    moves_up,
)
from newsweave.group.events import PARAMS
from newsweave.group.signature import Profile, Signature

P = ClusterParams(threshold=0.45, merge_threshold=0.99, tau_days=60.0, decay_floor=0.5)


def _unit(vec: dict[int, float]) -> dict[int, float]:
    n = math.sqrt(sum(v * v for v in vec.values()))
    return {f: v / n for f, v in vec.items()}


def _stream(c: OnlineClusterer, items: dict[str, Item]) -> dict[str, int]:
    return {m: c.assign(m, *it) for m, it in items.items()}


def test_an_article_that_joined_too_early_moves_to_the_event_formed_after_it() -> None:
    items: dict[str, Item] = {
        "a0": Item({1: 1.0}, 0.0),
        # joins a0 (cosine 0.5) before its own story has any article
        "early": Item(_unit({1: 0.5, 2: 0.866}), 0.0),
        "b0": Item({2: 1.0}, 0.0),  # 0.43 to {a0, early}: a new event
        "b1": Item(_unit({2: 0.95, 3: 0.31}), 0.0),
    }
    c = OnlineClusterer(P)
    keys = _stream(c, items)
    assert keys["early"] == keys["a0"] and keys["b0"] == keys["b1"] != keys["a0"]
    moved = c.refine(items)
    assert moved == {"early": keys["b0"]}
    groups = sorted(sorted(cl.members) for cl in c.active.values())
    assert groups == [["a0"], ["b0", "b1", "early"]]
    # the rebuilt event is what its members alone make it
    assert c.active[keys["a0"]].total == {1: 1.0}
    assert c.refine(items) == {}  # nothing left to move


def test_a_member_of_a_large_event_does_not_leave_it_for_its_one_closest_article() -> None:
    items: dict[str, Item] = {f"a{i}": Item({1: 1.0}, 0.0) for i in range(4)}
    items["late"] = Item(_unit({1: 0.5, 2: 0.866}), 0.0)  # 0.5 to each of a0-a3
    items["solo"] = Item(_unit({2: 0.693, 3: 0.721}), 0.0)  # 0.6 to late, 0 to a0-a3
    c = OnlineClusterer(P)
    keys = _stream(c, items)
    assert keys["late"] == keys["a0"] != keys["solo"]
    # 0.6 to solo beats the average 0.5 to the others, but 1 x (0.6 - 0.45) < 4 x (0.5 - 0.45)
    assert c.refine(items) == {}
    assert sorted(len(cl.members) for cl in c.active.values()) == [1, 5]


def test_moves_up_weighs_each_similarity_by_how_far_it_clears_the_threshold() -> None:
    assert moves_up(0.6, 1, 0.5, 4, 0.45) is False
    assert moves_up(0.6, 3, 0.5, 4, 0.45) is True  # 0.45 > 0.2
    assert moves_up(0.5, 1, 0.0, 0, 0.45) is True  # alone: any event above the threshold


def test_an_article_alone_joins_the_event_that_formed_after_it() -> None:
    items: dict[str, Item] = {
        "lone": Item(_unit({3: 1.0, 2: 0.4}), 0.0),
        "b0": Item({2: 1.0}, 0.0),  # 0.37 to lone: a new event
        "b1": Item(_unit({2: 0.9, 3: 0.436}), 0.0),  # 0.90 to b0, 0.74 to lone
    }
    c = OnlineClusterer(P)
    keys = _stream(c, items)
    assert len({keys["lone"], keys["b0"]}) == 2 and keys["b1"] == keys["b0"]
    # lone to {b0, b1}: (0.37 + 0.74) / 2 = 0.56 >= 0.45
    assert c.refine(items) == {"lone": keys["b0"]}
    assert [sorted(cl.members) for cl in c.active.values()] == [["b0", "b1", "lone"]]
    assert (keys["lone"], keys["b0"]) in c.merged  # the old id resolves to the event it joined
    assert keys["lone"] not in c.candidates({3: 1.0})


def test_members_of_an_event_from_an_earlier_run_stay() -> None:
    old = Cluster(0)
    old.add("old", {1: 1.0}, 0.0)
    c = OnlineClusterer(P)
    c.add_cluster(old)
    items: dict[str, Item] = {
        "early": Item(_unit({1: 0.5, 2: 0.866}), 0.0),
        "b0": Item({2: 1.0}, 0.0),
        "b1": Item(_unit({2: 0.95, 3: 0.31}), 0.0),
    }
    keys = _stream(c, items)
    assert keys["early"] == 0
    assert c.refine(items) == {}  # its event holds an article this batch cannot rebuild
    assert sorted(c.active[0].members) == ["early", "old"]


def test_an_earlier_runs_event_gives_up_a_batch_article_and_stays_as_it_was() -> None:
    old = Cluster(0)
    old.add("old", {1: 1.0}, 0.0)
    before = {0: old.to_json()}
    c = OnlineClusterer(P)
    c.add_cluster(Cluster.from_json(before[0]))
    items: dict[str, Item] = {
        "early": Item(_unit({1: 0.5, 2: 0.866}), 0.0),
        "b0": Item({2: 1.0}, 0.0),
        "b1": Item(_unit({2: 0.95, 3: 0.31}), 0.0),
    }
    keys = _stream(c, items)
    assert keys["early"] == 0  # it came before the batch's own event existed
    assert c.refine(items, before) == {"early": keys["b0"]}
    assert c.active[0].members == ["old"] and c.active[0].total == {1: 1.0}
    assert sorted(c.active[keys["b0"]].members) == ["b0", "b1", "early"]


@pytest.mark.parametrize("embedded", [False, True])
def test_similarity_to_the_rest_is_the_similarity_to_an_event_of_the_rest(embedded: bool) -> None:
    p = ClusterParams(
        threshold=0.0,
        merge_threshold=0.99,
        tau_days=60.0,
        decay_floor=0.5,
        conflict_weight=0.3,
        dense_weight=0.3 if embedded else 0.0,
    )
    sig = lambda *w: Signature(frozenset(w), frozenset(w))  # noqa: E731
    rng = np.random.default_rng(3)
    emb = [e / np.linalg.norm(e) if embedded else None for e in rng.normal(size=(3, 4))]
    items: dict[str, Item] = {
        "x": Item(_unit({1: 0.6, 2: 0.8}), 10.0, sig("rahman", "klitschko"), None, emb[0]),
        "y": Item(_unit({1: 0.9, 3: 0.4}), 8.0, sig("thompson", "klitschko"), None, emb[1]),
        "z": Item(_unit({1: 0.7, 2: 0.2, 4: 0.5}), 3.0, sig("rahman", "thompson"), None, emb[2]),
    }
    c = OnlineClusterer(p)
    whole = Cluster(0)
    for m, it in items.items():
        whole.add(m, *it)
    rest = Cluster(1)
    for m in ("y", "z"):
        rest.add(m, *items[m])
    vec, t, s, _, dense = items["x"]
    without = c.similarity_without("x", whole, items)
    assert math.isclose(without, c.similarity(vec, t, rest, s, dense))
    if embedded:  # the embedding counts: without it the similarity differs
        assert not math.isclose(without, c.similarity(vec, t, rest, s))


def test_a_profile_without_a_member_is_the_profile_of_the_others() -> None:
    a = Signature(frozenset({"saints", "bush", "orleans"}), frozenset({"saints", "bush"}))
    b = Signature(frozenset({"saints", "thomas"}), frozenset({"thomas"}))
    both, only_b = Profile(), Profile()
    both.add(a)
    both.add(b)
    only_b.add(b)
    assert both.without(a) == only_b
    assert both.size == 2  # the profile itself is unchanged


def test_reassignment_repeats_until_no_article_moves() -> None:
    raw = {
        "m0": {1: 0.228, 2: 0.342, 3: 0.912},
        "m1": {1: 0.514, 2: 0.857},
        "m2": {1: 1.0},
        "m3": {2: 0.936, 3: 0.351},
        "m4": {1: 0.832, 3: 0.555},
        "m5": {1: 0.707, 3: 0.707},
    }
    items: dict[str, Item] = {m: Item(_unit(v), 0.0) for m, v in raw.items()}
    once = OnlineClusterer(P)
    keys = _stream(once, items)
    assert keys["m0"] == keys["m3"] != keys["m1"] == keys["m2"]
    # one pass: m1 leaves for m3's event; only then is m0 closer to the event m1 left
    assert once.refine(items, passes=1) == {"m1": keys["m0"]}
    assert once.refine(items, passes=1) == {"m0": keys["m2"]}
    settled = OnlineClusterer(P)
    _stream(settled, items)
    assert settled.refine(items) == {"m1": keys["m0"], "m0": keys["m2"]}
    assert settled.refine(items) == {}
    groups = sorted(sorted(cl.members) for cl in settled.active.values())
    assert groups == [["m0", "m2", "m4", "m5"], ["m1", "m3"]]


def test_a_level_cuts_its_centroids_to_their_strongest_features() -> None:
    c = OnlineClusterer(ClusterParams(0.1, 0.99, 60.0, 0.5, max_features=2))
    key = c.assign("a", {1: 0.8, 2: 0.5, 3: 0.33}, 0.0)
    c.assign("b", {1: 0.7, 2: 0.6, 4: 0.39}, 0.0)
    assert c.active[key].total == {1: 1.5, 2: 1.1}  # 3 and 4, the weakest, are gone
    # the events level keeps fewer than the storylines' ceiling
    assert PARAMS.max_features < MAX_CENTROID_FEATURES
