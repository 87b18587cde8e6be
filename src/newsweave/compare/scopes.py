"""Stories as the compare stages see them: a scope (storyline or event) and its articles.

Comparisons, quote groups, only-here claims and timelines are computed once per *story*: a
storyline (spanning its events), or an event that belongs to no storyline. Coverage and briefs
are computed for every event and every storyline.

The stages declare ``reads={"text"}`` only: every annotation they use (figures, quotes, dates,
entities, clusters) is optional, and a story without it simply yields nothing for that part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..model import Article, Event, Report, Storyline


@dataclass
class Scope:
    """One story and its articles, oldest first (wire copies included)."""

    id: str
    kind: Literal["event", "storyline"]
    articles: list[Article]
    events: dict[str, Event] = field(default_factory=dict)

    @property
    def originals(self) -> list[Article]:
        """Articles that are not near-copies of another article of the scope."""
        ids = {a.id for a in self.articles}
        return [a for a in self.articles if not a.duplicate_of or a.duplicate_of not in ids]

    def when(self, article: Article) -> str | None:
        """When ``article`` reported: its publication date, else its event's start."""
        if article.published:
            return article.published[:10]
        ev = self.events.get(article.event or "")
        return ev.start[:10] if ev and ev.start else None


def outlet_of(article: Article) -> str:
    """The article's outlet, else its id (so every article has a column)."""
    return article.outlet or article.id


def source_label(outlet: str | None, title: str | None, article_id: str, width: int = 40) -> str:
    """How to name an article's source for people: its outlet, else its short title and id."""
    if outlet:
        return outlet
    title = " ".join((title or "").split())
    if not title:
        return article_id
    if len(title) > width:
        title = title[:width].rsplit(" ", 1)[0].rstrip(",;:.-–—") + "…"
    return f"“{title}” ({article_id})"


def _sort_key(article: Article) -> tuple[str, int]:
    return (article.published or "9999", article.order)


class _Index:
    """A report's articles by id, its events, and each storyline's article ids (its own and
    its events'), built once per listing of scopes: per scope they made listing quadratic in
    the number of stories."""

    def __init__(self, report: Report) -> None:
        self.by_id = {a.id: a for a in report.articles}
        self.events = {e.id: e for e in report.events}
        holders: dict[str, set[str]] = {}  # event id -> storylines listing it
        for sl in report.storylines:
            for eid in sl.events:
                holders.setdefault(eid, set()).add(sl.id)
        #: Per storyline, its events' article ids, events in report order.
        self.extra: dict[str, list[str]] = {}
        for ev in report.events:
            sids = holders.get(ev.id, set()) | ({ev.storyline} if ev.storyline else set())
            for sid in sids:
                self.extra.setdefault(sid, []).extend(ev.articles)

    def scope(self, sid: str, kind: Literal["event", "storyline"], ids: list[str]) -> Scope:
        by_id = self.by_id
        arts = sorted((by_id[i] for i in dict.fromkeys(ids) if i in by_id), key=_sort_key)
        return Scope(sid, kind, arts, self.events)

    def storyline_ids(self, sl: Storyline) -> list[str]:
        return list(sl.articles) + self.extra.get(sl.id, [])


def story_scopes(report: Report) -> list[Scope]:
    """Storylines, plus events outside any known storyline."""
    ix = _Index(report)
    out = [ix.scope(sl.id, "storyline", ix.storyline_ids(sl)) for sl in report.storylines]
    covered = {e for sl in report.storylines for e in sl.events}
    known = {sl.id for sl in report.storylines}
    for ev in report.events:
        if ev.id not in covered and ev.storyline not in known:
            out.append(ix.scope(ev.id, "event", ev.articles))
    return [s for s in out if s.articles]


def all_scopes(report: Report) -> list[Scope]:
    """Every event and every storyline."""
    ix = _Index(report)
    out = [ix.scope(ev.id, "event", ev.articles) for ev in report.events]
    out += [ix.scope(sl.id, "storyline", ix.storyline_ids(sl)) for sl in report.storylines]
    return [s for s in out if s.articles]


def in_story_order(scopes: list[Scope], report: Report) -> list[Scope]:
    """``scopes`` with each storyline right after its events (then events of no storyline).

    A stage that reads every event and every storyline reads an event's sentences again for
    its storyline; read one after the other, they are still in the n-gram memo of
    :mod:`.text`, which holds the latest few million n-grams, not a whole large run."""
    rank = {sl.id: k for k, sl in enumerate(report.storylines)}
    story_of = {ev.id: ev.storyline for ev in report.events}

    def key(item: tuple[int, Scope]) -> tuple[int, int, int]:
        k, sc = item
        sid = sc.id if sc.kind == "storyline" else story_of.get(sc.id)
        return (rank.get(sid or "", len(rank)), sc.kind == "storyline", k)

    return [sc for _, sc in sorted(enumerate(scopes), key=key)]
