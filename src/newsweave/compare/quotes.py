"""Who said what: a story's quotes grouped by speaker, and by statement within a speaker.

Speakers are keyed by their story-level entity id when the entity stage set one, else by their
canonical name; a name whose words are all part of a longer name of the story ("Putin" inside
"Vladimir Putin") joins it. Within a speaker, two quotes are the same statement when their texts
are similar: cosine over character n-gram TF-IDF (so inflection and small rewordings or
translations still match) at or above ``threshold`` (default 0.35). Single-link groups keep every
wording with its article. Quotes with no speaker join a group only when very similar (0.6).
"""

from __future__ import annotations

import numpy as np

from ..model import Article, Quote, QuoteGroup, QuoteWording, Report
from ..pipeline import Config, register
from .scopes import Scope, story_scopes
from .text import char_similarity, words

STAGE = "newsweave.compare.quotes.v1"
THRESHOLD = 0.35
ANONYMOUS_THRESHOLD = 0.6


def _speaker_keys(quotes: list[tuple[Quote, Article]]) -> list[str | None]:
    names = {q.speaker for q, _ in quotes if q.speaker}
    # A short name ("Putin") joins the longest name containing all its words.
    canon: dict[str, str] = {}
    for n in names:
        ws = set(words(n))
        longer = [m for m in names if ws and ws <= set(words(m))]
        canon[n] = max(longer, key=lambda m: (len(words(m)), m)) if longer else n
    keys: list[str | None] = []
    for q, _ in quotes:
        if q.speaker_entity:
            keys.append(f"ent:{q.speaker_entity}")
        elif q.speaker:
            keys.append(f"name:{canon[q.speaker].lower()}")
        else:
            keys.append(None)
    # Entity ids and names of the same speaker are one key.
    by_name: dict[str, str] = {}
    for (q, _), k in zip(quotes, keys, strict=True):
        if q.speaker and k and k.startswith("ent:"):
            by_name.setdefault(f"name:{canon[q.speaker].lower()}", k)
    return [by_name.get(k, k) if k else None for k in keys]


def group_scope(scope: Scope, threshold: float = THRESHOLD) -> list[QuoteGroup]:
    """Quote groups of one story (original articles only: wire copies repeat the same words)."""
    quotes: list[tuple[Quote, Article]] = []
    seen: set[tuple[str, str]] = set()
    for a in scope.originals:
        for q in a.quotes:
            key = (a.id, " ".join(words(q.text)))
            if q.text.strip() and key not in seen:  # a headline repeating the body's quote
                seen.add(key)
                quotes.append((q, a))
    if not quotes:
        return []
    keys = _speaker_keys(quotes)
    sim = char_similarity([q.text for q, _ in quotes])
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            same = keys[i] is not None and keys[i] == keys[j]
            anonymous = keys[i] is None or keys[j] is None
            if (same and sim[i, j] >= threshold) or (
                anonymous and sim[i, j] >= ANONYMOUS_THRESHOLD
            ):
                parent[find(i)] = find(j)
    members: dict[int, list[int]] = {}
    for i in range(len(quotes)):
        members.setdefault(find(i), []).append(i)
    groups: list[QuoteGroup] = []
    for idx in members.values():
        idx.sort(key=lambda i: (scope.when(quotes[i][1]) or "9999", quotes[i][1].order))
        named = [quotes[i][0] for i in idx if quotes[i][0].speaker]
        speaker = max((q.speaker for q in named if q.speaker), key=len, default=None)
        entity = next((q.speaker_entity for q in named if q.speaker_entity), None)
        wordings = [
            QuoteWording(
                article=a.id,
                text=q.text,
                outlet=a.outlet,
                published=scope.when(a),
                direct=q.direct,
                start=q.start,
                end=q.end,
            )
            for q, a in (quotes[i] for i in idx)
        ]
        groups.append(
            QuoteGroup(
                scope=scope.id,
                speaker=speaker,
                speaker_entity=entity,
                wordings=wordings,
                outlets=list(dict.fromkeys(w.outlet or w.article for w in wordings)),
            )
        )
    # Statements carried by most outlets first, then by speaker.
    groups.sort(key=lambda g: (-len(g.outlets), -len(g.wordings), g.speaker or "~"))
    return groups


def mean_similarity(texts: list[str]) -> float:
    """Mean pairwise similarity of ``texts`` (1.0 for a single text)."""
    if len(texts) < 2:
        return 1.0
    sim = char_similarity(texts)
    return float(np.mean(sim[np.triu_indices(len(texts), 1)]))


@register(STAGE, reads={"text"}, writes={"report.ext"}, scope="report")
def group_quotes(report: Report, config: Config) -> None:
    """Group each story's quotes by speaker and statement (``report.ext["quote_groups"]``)."""
    threshold = float(config.get(STAGE, "threshold", THRESHOLD))
    report.ext["quote_groups"] = [
        g for s in story_scopes(report) for g in group_scope(s, threshold)
    ]
