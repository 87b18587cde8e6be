"""Timeline: a story's dated happenings, merged across articles and ordered.

Each date mention whose value is a calendar date yields its sentence (a full sentence of at
least six words, taken from the article's own text so citations can be checked). Two entries
are the same happening when their dates are equal or one contains the other ("2020-08" and
"2020-08-09") and their sentences are similar (character n-gram cosine ≥ 0.35); the merged
entry keeps the finer date, the earliest article's sentence and cites every article that holds
a similar sentence (wire copies included). Storyline timelines span all of their events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article, Report, TimelineEntry
from ..pipeline import Config, register
from .dates import covers, parse, sort_key
from .scopes import Scope, story_scopes
from .text import char_similarity, sentence_at, sentences_of

STAGE = "newsweave.compare.timeline.v1"
THRESHOLD = 0.35
MIN_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


@dataclass
class _Item:
    date: str
    text: str
    article: Article
    cites: list[str] = field(default_factory=list)


def _items(scope: Scope) -> list[_Item]:
    out: list[_Item] = []
    seen: set[tuple[str, str, str]] = set()
    for art in scope.originals:
        sents = sentences_of(art)
        for dm in art.dates:
            if parse(dm.value) is None:
                continue
            s = sentence_at(sents, dm.start)
            if s is None or s.words < MIN_WORDS or not _SENTENCE_END.search(s.text):
                continue
            key = (art.id, dm.value, s.text)
            if key not in seen:
                seen.add(key)
                out.append(_Item(dm.value, s.text, art))
    return out


def _same_day(a: str, b: str) -> bool:
    return covers(a, b) or covers(b, a)


def _only(values: set[str]) -> str | None:
    return next(iter(values)) if len(values) == 1 else None


def timeline_scope(scope: Scope, threshold: float = THRESHOLD) -> list[TimelineEntry]:
    """The ordered timeline of one story."""
    items = _items(scope)
    if not items:
        return []
    sim = char_similarity([it.text for it in items])
    merged: list[list[int]] = []
    for i, it in enumerate(items):
        for grp in merged:
            if any(_same_day(items[j].date, it.date) and sim[i, j] >= threshold for j in grp):
                grp.append(i)
                break
        else:
            merged.append([i])
    out: list[TimelineEntry] = []
    for grp in merged:
        first = items[grp[0]]
        date = max((items[j].date for j in grp), key=lambda v: (len(v), v))
        cited = list(dict.fromkeys(items[j].article.id for j in grp))
        texts = {items[j].text for j in grp}
        for art in scope.articles:  # wire copies carrying the same sentence
            if art.id not in cited and any(t in art.text for t in texts):
                cited.append(art.id)
        events = {a.event for a in scope.articles if a.id in cited and a.event}
        out.append(
            TimelineEntry(
                date=date,
                text=first.text,
                articles=cited,
                storyline=scope.id if scope.kind == "storyline" else None,
                event=scope.id if scope.kind == "event" else _only(events),
            )
        )
    out.sort(key=lambda e: (sort_key(e.date), -len(e.articles)))
    return out


@register(STAGE, reads={"text"}, writes={"timeline"}, scope="report")
def build_timeline(report: Report, config: Config) -> None:
    """Order each story's dated happenings into ``report.timeline``."""
    threshold = float(config.get(STAGE, "threshold", THRESHOLD))
    report.timeline = [e for s in story_scopes(report) for e in timeline_scope(s, threshold)]
