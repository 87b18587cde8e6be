"""The split pass on events of earlier runs: their articles' vectors are gone, only their sums
remain, so each earlier event is one unit of the bisection."""

import math

from newsweave.group.clusters import Cluster, ClusterParams, Item, OnlineClusterer
from newsweave.group.events import _split_pass
from newsweave.group.signature import Signature
from newsweave.group.split import Unit, bisect, bisect_units

P = ClusterParams(threshold=0.12, merge_threshold=0.15, tau_days=60, decay_floor=0.5)


def _unit(vec: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {f: v / norm for f, v in vec.items()}


def _sig(name: str) -> Signature:
    return Signature(frozenset({name}), frozenset({name}))


def _incident(word: int, n: int) -> list[dict[int, float]]:
    """``n`` articles of one incident: a vocabulary shared with every incident of the kind,
    the incident's own word and a word of each article's own."""
    return [_unit({0: 0.3, word: 0.8, 100 * word + k: 0.3}) for k in range(n)]


def _earlier(key: int, vecs: list[dict[int, float]], sig: Signature) -> Cluster:
    c = Cluster(key)
    for k, v in enumerate(vecs):
        c.add(f"old{key}-{k}", v, 10.0, sig)
    return c


def test_an_earlier_event_is_one_unit_weighed_by_its_size() -> None:
    a, b = _incident(1, 5), _incident(5, 3)
    sa, sb = _sig("rahman"), _sig("thompson")
    old = _earlier(0, a, sa)
    units = [Unit(old.total, old.first, old.last, n=5, profile=old.sig)]
    units += [Unit(v, 11.0, 11.0, sig=sb) for v in b]
    assert bisect_units(units, P) == [1, 2, 3]  # the new incident leaves, the earlier one stays
    same = [Unit(v, 11.0, 11.0, sig=sa) for v in _incident(1, 3)]
    assert bisect_units(units[:1] + same, P) is None  # more of the same incident: kept whole
    # articles alone: the unit bisection is the plain one
    vecs = [a[0], b[0], a[1], b[1], a[2], b[2]]
    sigs = [sa, sb, sa, sb, sa, sb]
    assert bisect(vecs, sigs, P) == bisect_units(
        [Unit(v, None, None, sig=s) for v, s in zip(vecs, sigs, strict=True)], P
    )


def _batch(clusterer: OnlineClusterer, c: Cluster, vecs: list[dict[int, float]], sig: Signature,
           items: dict, key_of: dict, sigs: dict) -> None:  # fmt: skip
    for k, v in enumerate(vecs):
        m = f"new{c.key}-{k}"
        items[m] = Item(v, 11.0, sig, {})
        sigs[m] = sig
        c.add(m, *items[m])
        key_of[m] = c.key
        clusterer.touched.add(c.key)


def test_a_later_runs_second_incident_leaves_the_earlier_event() -> None:
    sa, sb = _sig("rahman"), _sig("thompson")
    old = _earlier(0, _incident(1, 5), sa)
    before = {0: old.to_json()}
    clusterer = OnlineClusterer(P, 1)
    clusterer.add_cluster(Cluster.from_json(before[0]))
    items: dict = {}
    key_of: dict = {}
    sigs: dict = {}
    _batch(clusterer, clusterer.active[0], _incident(5, 3), sb, items, key_of, sigs)
    _split_pass(clusterer, items, key_of, sigs, P, before)
    assert clusterer.active[0].members == old.members  # the earlier event as it was
    assert set(key_of.values()) == {1}  # the new incident, an event of its own
    assert clusterer.active[1].members == sorted(items)


def test_two_earlier_events_a_batch_merged_come_apart_under_their_own_ids() -> None:
    sa, sb = _sig("rahman"), _sig("thompson")
    x, y = _earlier(0, _incident(1, 5), sa), _earlier(1, _incident(5, 3), sb)
    before = {0: x.to_json(), 1: y.to_json()}
    clusterer = OnlineClusterer(P, 2)
    for cj in before.values():
        clusterer.add_cluster(Cluster.from_json(cj))
    items: dict = {}
    key_of: dict = {}
    sigs: dict = {}
    _batch(clusterer, clusterer.active[0], _incident(1, 2), sa, items, key_of, sigs)
    _batch(clusterer, clusterer.active[1], _incident(5, 2), sb, items, key_of, sigs)
    clusterer._merge(clusterer.active[0], clusterer.active[1])  # as a bridging article would
    assert clusterer.merged == [(1, 0)] and list(clusterer.active) == [0]
    _split_pass(clusterer, items, key_of, sigs, P, before)
    assert clusterer.merged == []  # the merge is undone: y's articles are y's again
    assert clusterer.active[1].members[:3] == y.members
    assert clusterer.active[0].members[:5] == x.members
    assert {key_of["new0-0"], key_of["new0-1"]} == {0} and {key_of["new1-0"], key_of["new1-1"]} == {
        1
    }


def _window(clusterer: OnlineClusterer, key: int, word: int, n: int, sig: Signature,
            items: dict, sigs: dict) -> Cluster:  # fmt: skip
    """An event of an earlier run rebuilt from the window: its articles are items too."""
    c = Cluster(key)
    for k, v in enumerate(_incident(word, n)):
        m = f"win{key}-{k}"
        items[m] = Item(v, 10.0, sig, {})
        sigs[m] = sig
        c.add(m, *items[m])
    clusterer.add_cluster(c)
    return c


def test_the_half_with_the_earlier_articles_keeps_the_id_and_a_merged_event_comes_back() -> None:
    sa, sb = _sig("rahman"), _sig("thompson")
    clusterer = OnlineClusterer(P, 2)
    items: dict = {}
    sigs: dict = {}
    x = _window(clusterer, 0, 1, 5, sa, items, sigs)
    y = _window(clusterer, 1, 5, 3, sb, items, sigs)
    before = {0: x.to_json(), 1: y.to_json()}
    xs, ys = list(x.members), list(y.members)
    earlier = set(items)
    key_of: dict = {}
    _batch(clusterer, clusterer.active[0], _incident(5, 2), sb, items, key_of, sigs)
    clusterer.touched.add(1)
    clusterer._merge(clusterer.active[0], clusterer.active[1])  # as a bridging article would
    assert clusterer.merged == [(1, 0)]
    _split_pass(clusterer, items, key_of, sigs, P, before, earlier)
    assert clusterer.merged == []  # y is y again, under its own id
    assert sorted(clusterer.active[0].members) == sorted(xs)
    assert set(ys) <= set(clusterer.active[1].members)
    assert {key_of["new0-0"], key_of["new0-1"]} == {1}


def test_a_merge_keeps_the_id_of_the_event_readers_know() -> None:
    clusterer = OnlineClusterer(P, 5)  # keys below 5 are of earlier runs
    old = _earlier(0, _incident(1, 2), _sig("rahman"))
    clusterer.add_cluster(old)
    new = Cluster(clusterer.next_key)
    for k, v in enumerate(_incident(1, 4)):
        new.add(f"n{k}", v, 11.0)
    clusterer.add_cluster(new)
    assert clusterer._merge(clusterer.active[5], clusterer.active[0]).key == 0
    assert clusterer.merged == [(5, 0)]  # the larger newcomer joined the known event
