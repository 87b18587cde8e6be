"""Order-independent grouping of a batch's events (``group.linkage``) and its use by storylines."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newsweave.group import linkage, state, storylines
from newsweave.group.clusters import ClusterParams, decay, span_gap
from newsweave.group.events import EventProfile
from newsweave.group.signature import Profile, Signature, conflict

P = ClusterParams(threshold=0.2, merge_threshold=0.2, tau_days=30.0, decay_floor=0.5)


def _sig(mentioned: str, salient: str = "") -> Signature:
    return Signature(frozenset(mentioned.split()), frozenset(salient.split()))


def _partition(labels: list[int], ids: list[str]) -> set[frozenset[str]]:
    out: dict[int, set[str]] = {}
    for i, lab in zip(ids, labels, strict=True):
        out.setdefault(lab, set()).add(i)
    return {frozenset(g) for g in out.values()}


def test_clash_is_the_conflict_of_one_event_with_a_storyline_of_the_other() -> None:
    sigs = [
        _sig("putin lukashenko minsk", "putin lukashenko"),
        _sig("lukashenko tikhanovskaya", "tikhanovskaya"),
        _sig("merkel", ""),  # no core names: no evidence of a conflict
        _sig("putin kremlin peskov", "peskov"),
    ]
    got = linkage.clash_matrix(sigs)
    for i, a in enumerate(sigs):
        for j, b in enumerate(sigs):
            storyline = Profile()
            storyline.add(b)
            assert got[i, j] == pytest.approx(conflict(a, storyline)), (i, j)
    # 1's core (tikhanovskaya) is missing from 0; half of 0's core (putin) from 1
    assert got[0, 1] == pytest.approx(0.75)
    assert not got[2].any() and not got[:, 2].any()


def test_time_factor_is_the_decay_of_the_gap_between_spans() -> None:
    first, last = [0.0, 10.0, 100.0, None], [5.0, 12.0, None, None]
    got = linkage.decay_matrix(first, last, P)
    for i in range(4):
        for j in range(4):
            span_j = (first[j], last[j] or first[j])
            want = decay(span_gap(first[i], last[i] or first[i], span_j), P)
            assert got[i, j] == pytest.approx(want), (i, j)
    assert got[0, 1] == pytest.approx(decay(5.0, P))
    assert got[3, 0] == P.undated_factor


def test_groups_are_average_link_at_the_threshold() -> None:
    sim = np.array([[1.0, 0.5, 0.1], [0.5, 1.0, 0.0], [0.1, 0.0, 1.0]])
    assert _partition(linkage.groups(sim, 0.2), list("abc")) == {
        frozenset("ab"),
        frozenset("c"),
    }
    # c's average similarity to {a, b} is 0.05, enough at 0.04
    assert _partition(linkage.groups(sim, 0.04), list("abc")) == {frozenset("abc")}
    assert linkage.groups(np.ones((1, 1)), 0.2) == [0]


def test_groups_do_not_depend_on_the_order_of_the_events() -> None:
    rng = random.Random(3)
    vecs = []
    for k in range(30):  # three subjects, each with words of its own and shared noise
        vec = {100 * (k % 3) + rng.randrange(6): 1.0 for _ in range(4)}
        vec.update({900 + rng.randrange(40): 0.5 for _ in range(3)})
        norm = sum(v * v for v in vec.values()) ** 0.5
        vecs.append({f: v / norm for f, v in vec.items()})
    ids = [f"e{k}" for k in range(30)]
    sigs: list[Signature | None] = [None] * 30
    times: list[float | None] = [float(k) for k in range(30)]
    base = _partition(linkage.groups(linkage.similarities(vecs, sigs, times, times, P), 0.2), ids)
    assert 3 <= len(base) < 30
    assert all(len({int(i[1:]) % 3 for i in g}) == 1 for g in base)  # no group mixes subjects
    for seed in range(5):
        perm = list(range(30))
        random.Random(seed).shuffle(perm)
        sim = linkage.similarities(
            [vecs[i] for i in perm], sigs, [times[i] for i in perm], [times[i] for i in perm], P
        )
        assert _partition(linkage.groups(sim, 0.2), [ids[i] for i in perm]) == base


def _profile(eid: str, words: dict[int, float], day: float, order: int) -> EventProfile:
    return EventProfile(eid, words, day, day, order)


def test_storylines_link_across_chunks_and_keep_subjects_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Two subjects, alternating day by day; each event has 9 of its subject's 12 words.
    profs = {}
    for k in range(8):
        base = 100 * (k % 2)
        words = {base + w: 1.0 for w in range(12) if w % 4 != k % 4}
        profs[f"e{k}"] = _profile(f"e{k}", words, float(k), k)
    whole = storylines.assign_storylines(profs, state.empty())
    monkeypatch.setattr(storylines, "CHUNK", 3)  # groups of later chunks join earlier ones
    chunked = storylines.assign_storylines(profs, state.empty())
    for got in (whole, chunked):
        stories = {got[f"e{k}"] for k in range(0, 8, 2)}, {got[f"e{k}"] for k in range(1, 8, 2)}
        assert len(stories[0]) == len(stories[1]) == 1 and stories[0] != stories[1]


def test_a_later_run_joins_the_storyline_it_continues_and_keeps_its_id() -> None:
    st = state.empty()
    first = {}
    for k in range(0, 8, 2):
        words = {w: 1.0 for w in range(12) if w % 4 != k % 4}
        first[f"e{k}"] = _profile(f"e{k}", words, float(k), k)
    got = storylines.assign_storylines(first, st)
    (sid,) = set(got.values())
    for eid, s in got.items():
        st["events"][eid] = {"storyline": s}
    # Three words only: too few shared features for the sweep, found as a candidate.
    later = {"e9": _profile("e9", {0: 1.0, 1: 1.0, 2: 1.0}, 9.0, 9)}
    other = {"e10": _profile("e10", {500: 1.0, 501: 1.0}, 9.0, 10)}
    again = storylines.assign_storylines({**later, **other}, st)
    assert again["e9"] == sid and again["e10"] != sid


def test_a_revisited_storylines_key_goes_to_the_group_holding_most_of_it() -> None:
    members = {7: [0, 1, 2], 3: [3, 4]}  # sklearn's labels, in order of their first event
    assert storylines._claims(members, [5, 5, 8, 5, 8]) == {7: 5, 3: 8}
    assert storylines._claims(members, [5, None, None, 5, None]) == {7: 5}  # tie: earlier group
    assert storylines._claims(members, [None] * 5) == {}


def _unit_words(words: range | list[int]) -> dict[int, float]:
    return {w: 1.0 / len(words) ** 0.5 for w in words}


def test_a_later_run_regroups_the_events_of_earlier_storylines_as_one_batch_would() -> None:
    # e1 shares a third of its words with e0 and two thirds with e2, e3, which come later.
    profs = {
        "e0": _profile("e0", _unit_words(range(12)), 0.0, 0),
        "e1": _profile("e1", _unit_words([*range(4), *range(100, 108)]), 1.0, 1),
        "e2": _profile("e2", _unit_words(range(100, 112)), 2.0, 2),
        "e3": _profile("e3", _unit_words(range(100, 110)), 3.0, 3),
    }
    batch = storylines.assign_storylines(profs, state.empty(), P)
    assert batch["e0"] != batch["e1"] == batch["e2"] == batch["e3"]
    st = state.empty()
    first = storylines.assign_storylines({k: profs[k] for k in ("e0", "e1")}, st, P)
    assert first["e0"] == first["e1"]  # all the evidence there is so far
    for eid, sid in first.items():
        st["events"][eid] = {"storyline": sid}
    again = storylines.assign_storylines(profs, st, P)  # every event at hand again
    assert again["e0"] != again["e1"] == again["e2"] == again["e3"]
    assert first["e0"] in (again["e0"], again["e1"])  # one of the two keeps the id
    # an event not at hand (retired, or not in the run's report) keeps its storyline whole
    st2 = state.empty()
    first = storylines.assign_storylines({k: profs[k] for k in ("e0", "e1")}, st2, P)
    for eid, sid in first.items():
        st2["events"][eid] = {"storyline": sid}
    later = storylines.assign_storylines({k: profs[k] for k in ("e1", "e2", "e3")}, st2, P)
    assert later["e1"] == first["e1"]
