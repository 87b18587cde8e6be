"""Storylines: chains of events about one developing subject, linked event by event.

Events (not articles) are the items. The new events of a batch are grouped by average-link
agglomeration on their pairwise similarities (:mod:`.linkage`: the same events give the same
groups whatever their order; the online linking used before was chaotic at this low threshold).
The groups then link as storylines, to each other and to the storylines of earlier runs, when
the average similarity of their events, decayed slowly over months by the gap between their
spans (so a story can pause and resume), reaches the same threshold; last, storylines whose
centres point the same way are merged (``SWEEP``). Events known from an earlier run keep their
storyline.

An event is seen through its centroid's words (title/lead, body and names, without the word
pairs: :func:`.vectors.lexical`) with the names weighed up (``NAMES_SHARE``): the events of one
storyline are different happenings, so their words differ, but their central actors and places
recur. Measured on three labelled sets
(giveme5w1h topics, ECB+ topics, the ML-Crisis country storylines), a names share of 0.2-0.4 lifts
all three over the plain centroid (docs/evaluation.md).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from typing import Any

from ..model import Report, Storyline
from . import linkage
from .clusters import Cluster, ClusterParams, OnlineClusterer
from .events import EventProfile, resolve

#: The one fixed storyline configuration (the same for every data set).
PARAMS = ClusterParams(
    # Measured with the agglomeration (giveme5w1h / ECB+ / ML-Crisis topics; with e5 events):
    # 0.03: 0.439 / 0.923 / 0.712 (0.437 / 0.927 / 0.728), 0.0325: 0.434 / 0.923 / 0.756
    # (0.436 / 0.940 / 0.724), 0.035: 0.435 / 0.949 / 0.751 (0.421 / 0.940 / 0.744), 0.0375:
    # 0.398 / 0.940 / 0.759 (0.398 / 0.940 / 0.715), 0.04: 0.399 / 0.940 / 0.759 (0.382 / 0.940
    # / 0.707); docs/evaluation.md.
    threshold=0.035,
    merge_threshold=0.035,  # groups link as storylines at the same bar as events in a group
    tau_days=180.0,
    decay_floor=0.5,
    conflict_weight=0.5,
    merge_conflict_weight=0.5,
)


#: Share of an event's storyline vector given to its names-part centroid (the rest: its centroid).
NAMES_SHARE = 0.2

#: The end-of-batch sweep: storylines whose centres point the same way (cosine of their vector
#: sums, decayed by their gap) are one storyline that online linking split, often because a
#: story ran for months with few events in between (ML-Crisis: Syria 2011-2013 and 2018-2019).
#: Measured on ML-Crisis, 0.4-0.6 gives the same storylines; 0.35 and below merges countries.
SWEEP = replace(PARAMS, link="centroid", merge_threshold=0.5)

#: Most new events grouped in one agglomeration (its time and memory grow with the square of
#: it); a larger batch is grouped in chunks of consecutive events, and each chunk's groups join
#: the storylines of earlier chunks as a batch's groups join those of earlier runs.
CHUNK = 2000


def storyline_id(key: int) -> str:
    return f"s{key + 1}"


def _unit(vec: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {f: v / norm for f, v in vec.items()}


def story_vector(prof: EventProfile, names_share: float = NAMES_SHARE) -> dict[int, float]:
    """Unit vector of an event for storyline linking: its centroid and its names centroid mixed
    ``1 - names_share : names_share`` (the centroid alone when the event has no names)."""
    if not prof.names or not names_share:
        return _unit(prof.total)
    a, b = math.sqrt(1.0 - names_share), math.sqrt(names_share)
    out = {f: a * v for f, v in _unit(prof.total).items()}
    for f, v in _unit(prof.names).items():
        out[f] = out.get(f, 0.0) + b * v
    return _unit(out)


def _claims(members: dict[int, list[int]], was: list[int | None]) -> dict[int, int]:
    """Which group takes back which revisited storyline's key (``was``: per item, the key its
    event had): greedily, the pair of a key and a group holding most of its events first (on a
    tie, the older key, then the earlier group), each key and each group once; so a storyline
    whose events mostly stay together keeps its id."""
    pairs = []
    for pos, (label, idx) in enumerate(members.items()):  # in order of their first event
        for key, n in Counter(k for k in (was[i] for i in idx) if k is not None).items():
            pairs.append((-n, key, pos, label))
    claims: dict[int, int] = {}
    taken: set[int] = set()
    for _, key, _, label in sorted(pairs):
        if label not in claims and key not in taken:
            claims[label] = key
            taken.add(key)
    return claims


def _group_chunk(
    clusterer: OnlineClusterer,
    chunk: list[EventProfile],
    params: ClusterParams,
    was: dict[str, int] | None = None,
) -> dict[str, int]:
    """Group ``chunk`` (new and revisited events in stream order) by
    :func:`.linkage.groups`. A group takes back the key of a revisited storyline (``was``:
    event -> the key it had) whose events it mostly holds (:func:`_claims`); else it joins the
    closest storyline of an earlier run or chunk when their link reaches ``threshold`` (found
    as online assignment finds candidates: any shared strong feature), else becomes a
    storyline, keyed in the order of its first event. Returns each event's key."""
    was = was or {}
    vecs = [story_vector(p) for p in chunk]
    sim = linkage.similarities(
        vecs, [p.sig for p in chunk], [p.first for p in chunk], [p.last for p in chunk], params
    )
    members: dict[int, list[int]] = {}
    for i, label in enumerate(linkage.groups(sim, params.threshold)):
        members.setdefault(label, []).append(i)
    claims = _claims(members, [was.get(p.id) for p in chunk])
    key_of: dict[str, int] = {}
    earlier = set(clusterer.active)  # the chunk's own groups are linked by the sweep
    for label, idx in members.items():  # in order of their first event
        group = Cluster(-1)
        for i in idx:
            prof = chunk[i]
            group.add(prof.id, vecs[i], prof.first, prof.sig)
            if prof.last is not None:
                group.last = max(group.last or prof.last, prof.last)
        scored = [
            (clusterer.link(group, clusterer.active[k]), k)
            for k in clusterer.candidates(group.total)
            if k in earlier
        ]
        best = max(scored, default=None)
        if label in claims:
            target = Cluster(claims[label])  # a revisited storyline keeps its id
        elif best is not None and best[0] >= params.threshold:
            target = clusterer.active[best[1]]  # a known storyline keeps its id
        else:
            target = Cluster(clusterer.next_key)
            clusterer.next_key += 1
        target.absorb(group)
        clusterer.add_cluster(target)  # (re)indexed, the last to retire
        clusterer.touched.add(target.key)
        key_of.update((m, target.key) for m in group.members)
    return key_of


def _revisit(
    clusterer: OnlineClusterer, profiles: dict[str, EventProfile], event_alias: dict[str, str]
) -> dict[str, int]:
    """Take out of ``clusterer`` the storylines of earlier runs all of whose events are at hand
    (in ``profiles``: their vectors are this run's; an event merged into another since is that
    one, by ``event_alias``); returns their events and the keys they had. Their events are
    grouped again with the run's new ones, as one batch would group them: fed as a live feed,
    a storyline's events arrive over many runs, and a run's events could otherwise only join a
    storyline whole, never regroup its events."""
    was: dict[str, int] = {}
    for key, c in list(clusterer.active.items()):
        events = {resolve(event_alias, m) for m in c.members}
        if events and events <= profiles.keys():
            was.update((m, key) for m in sorted(events) if m not in was)
            clusterer.remove(key)
    return was


def assign_storylines(
    profiles: dict[str, EventProfile], st: dict[str, Any], params: ClusterParams = PARAMS
) -> dict[str, str]:
    """Storyline id of every event in ``profiles`` (new events are linked, known ones kept)."""
    alias: dict[str, str] = st.setdefault("storyline_alias", {})
    clusterer = OnlineClusterer(params, st["storyline_clusters"]["next_key"])
    for cj in st["storyline_clusters"]["active"]:
        clusterer.add_cluster(Cluster.from_json(cj))
    was = _revisit(clusterer, profiles, st.get("event_alias", {}))
    out: dict[str, str] = {}
    fresh = []
    for eid, prof in profiles.items():
        prev = st["events"].get(eid, {}).get("storyline")
        if prev and eid not in was:
            out[eid] = prev
        else:
            fresh.append(prof)
    fresh.sort(key=lambda p: (p.first if p.first is not None else -math.inf, p.order))
    for start in range(0, len(fresh), CHUNK):
        chunk = fresh[start : start + CHUNK]
        for eid, key in _group_chunk(clusterer, chunk, params, was).items():
            out[eid] = storyline_id(key)
    # a revisited storyline that no group took back is an alias of the one most of it joined
    gone: dict[int, Counter[int]] = {}
    for eid, key in was.items():
        if key not in clusterer.active:
            gone.setdefault(key, Counter())[int(out[eid][1:]) - 1] += 1
    for key, joined in sorted(gone.items()):
        clusterer.merged.append((key, min(joined, key=lambda k: (-joined[k], k))))
    # The groups link as storylines (their events' average similarity, decayed by the gap
    # between their spans): to each other and to the storylines of earlier runs and chunks.
    clusterer.sweep()
    clusterer.sweep(SWEEP)
    for absorbed, survivor in clusterer.merged:
        alias[storyline_id(absorbed)] = storyline_id(survivor)
    for eid, sid in out.items():
        out[eid] = resolve(alias, sid)
    st["storyline_clusters"] = {
        "active": [c.to_json() for c in clusterer.active.values()],
        "next_key": clusterer.next_key,
    }
    return out


def build_storylines(report: Report, story_of: dict[str, str], st: dict[str, Any]) -> None:
    """Set storyline ids on events and articles and fill ``report.storylines``; the state
    records every event's storyline (also of events the report does not hold)."""
    joined: dict[str, set[str]] = {}
    for eid, story in story_of.items():
        known = st["events"].setdefault(eid, {})
        was = st["storylines"].get(known.get("storyline"), {}).get("events", [])
        if known.get("storyline") != story and eid in was:  # regrouped: it left that storyline
            was.remove(eid)
        known["storyline"] = story
        joined.setdefault(story, set()).add(eid)
    for story, eids in joined.items():
        entry = st["storylines"].setdefault(story, {"events": []})
        entry["events"] = sorted(set(entry["events"]) | eids)
    by_id: dict[str, Storyline] = {}
    for ev in report.events:
        sid = story_of.get(ev.id)
        if sid is None:
            continue
        ev.storyline = sid
        s = by_id.setdefault(sid, Storyline(id=sid, events=[], articles=[]))
        s.events.append(ev.id)
        s.articles.extend(ev.articles)
        if ev.start and (s.start is None or ev.start < s.start):
            s.start = ev.start
        if ev.end and (s.end is None or ev.end > s.end):
            s.end = ev.end
    event_size = {ev.id: len(ev.articles) for ev in report.events}
    event_title = {ev.id: ev.title for ev in report.events}
    for s in by_id.values():
        s.title = event_title[max(s.events, key=lambda e: event_size[e])]
    for a in report.articles:
        a.storyline = story_of.get(a.event) if a.event else None
    report.storylines = sorted(by_id.values(), key=lambda s: int(s.id[1:]))
