"""Signatures: the specific participants of an article or event, for negative evidence.

Two incidents of the same kind (two earthquakes, two DUI arrests of players of one team) share
their vocabulary but not their participants. An article's signature is the set of words of the
names it mentions (``mentioned``) and the few it is about (``salient``: repeated, or in the
title). An event accumulates, per name word, how many of its members mention it and how many are
about it. :func:`conflict` is high when both sides have confident names and they are disjoint:
the event's core names are missing from the article *and* the article's salient names are
missing from the event.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .text import Parts

#: Salient name words kept per article.
SALIENT = 8
#: Share of an event's members that must be about a name for it to be a core name.
CORE_SHARE = 0.5
#: Name words an event keeps (the most frequent).
MAX_WORDS = 300
#: Words of names that say nothing about who is involved.
_WEAK = frozenset({"the", "of", "and", "de", "la", "al", "van", "von", "bin", "&", "st"})


@dataclass
class Signature:
    """Name words an article mentions, with the salient ones it is about."""

    mentioned: frozenset[str]
    salient: frozenset[str]


def name_words(names: list[str]) -> list[str]:
    """Words of names in mention order (lower case, no particles or one-letter words)."""
    return [w for n in names for w in n.replace(".", " ").split() if len(w) > 1 and w not in _WEAK]


def of_parts(p: Parts) -> Signature:
    """Signature of an article: repeated name words and name words in its title are salient."""
    words = name_words(p.names)
    counts = Counter(words)
    first = {w: i for i, w in reversed(list(enumerate(words)))}
    in_title = set(p.title) & set(counts)
    ranked = sorted(
        (w for w, c in counts.items() if c >= 2 or w in in_title),
        key=lambda w: (-(counts[w] + 2 * (w in in_title)), first[w]),
    )
    return Signature(frozenset(counts), frozenset(ranked[:SALIENT]))


@dataclass
class Profile:
    """An event's accumulated signature: per name word, members mentioning it / about it."""

    size: int = 0
    mentioned: dict[str, int] = field(default_factory=dict)
    salient: dict[str, int] = field(default_factory=dict)

    def add(self, sig: Signature) -> None:
        self.size += 1
        # Sorted: the order words enter decides ties later, and a set's order changes from one
        # process to the next (string hashing is salted), which must not change the groups.
        for w in sorted(sig.mentioned):
            self.mentioned[w] = self.mentioned.get(w, 0) + 1
        for w in sorted(sig.salient):
            self.salient[w] = self.salient.get(w, 0) + 1
        self._prune()

    def absorb(self, other: Profile) -> None:
        self.size += other.size
        for w, c in other.mentioned.items():
            self.mentioned[w] = self.mentioned.get(w, 0) + c
        for w, c in other.salient.items():
            self.salient[w] = self.salient.get(w, 0) + c
        self._prune()

    def without(self, sig: Signature) -> Profile:
        """A copy of this profile with one member's signature ``sig`` taken out again (a name
        word pruned meanwhile stays out)."""
        out = Profile(max(0, self.size - 1), dict(self.mentioned), dict(self.salient))
        for counts, words in ((out.mentioned, sig.mentioned), (out.salient, sig.salient)):
            for w in words:
                if counts.get(w, 0) > 1:
                    counts[w] -= 1
                else:
                    counts.pop(w, None)
        return out

    def _prune(self) -> None:
        if len(self.mentioned) > MAX_WORDS:
            keep = heapq.nlargest(MAX_WORDS, self.mentioned.items(), key=lambda kv: (kv[1], kv[0]))
            self.mentioned = dict(keep)
            self.salient = {w: c for w, c in self.salient.items() if w in self.mentioned}

    def core(self) -> dict[str, float]:
        """Name words most members are about, with the share of members about them."""
        if not self.size:
            return {}
        return {w: c / self.size for w, c in self.salient.items() if c / self.size >= CORE_SHARE}

    def as_signature(self) -> Signature:
        """The event seen as one item (for storylines): its names and its core names."""
        core = sorted(self.core().items(), key=lambda kv: (-kv[1], kv[0]))[:SALIENT]
        return Signature(frozenset(self.mentioned), frozenset(w for w, _ in core))

    def to_json(self) -> dict[str, Any]:
        return {"size": self.size, "mentioned": self.mentioned, "salient": self.salient}

    @classmethod
    def from_json(cls, d: dict[str, Any] | None) -> Profile:
        if not d:
            return cls()
        return cls(int(d["size"]), dict(d["mentioned"]), dict(d["salient"]))


def _missing(core: dict[str, float], present: set[str] | dict[str, int]) -> float:
    """Share of the weight of ``core`` absent from ``present``."""
    total = math.fsum(core.values())  # fsum: exact, so the same whatever the order
    if not total:
        return 0.0
    return math.fsum(v for w, v in core.items() if w not in present) / total


def conflict(sig: Signature, ev: Profile) -> float:
    """How far an article's participants and an event's disagree (0 = no evidence, 1 = disjoint)."""
    core = ev.core()
    if not core or not sig.salient:
        return 0.0
    mine = {w: 1.0 for w in sig.salient}
    return (_missing(core, set(sig.mentioned)) + _missing(mine, ev.mentioned)) / 2


def conflict_events(a: Profile, b: Profile) -> float:
    """Conflict of two events' accumulated signatures (symmetric)."""
    ca, cb = a.core(), b.core()
    if not ca or not cb:
        return 0.0
    return (_missing(ca, b.mentioned) + _missing(cb, a.mentioned)) / 2


def _unshared(core: dict[str, float], other: Profile) -> float:
    """Weight of ``core`` that ``other``'s members do not mention, by the share that does not."""
    total = math.fsum(core.values())
    if not total or not other.size:
        return 0.0
    return (
        math.fsum(
            v * (1.0 - min(1.0, other.mentioned.get(w, 0) / other.size)) for w, v in core.items()
        )
        / total
    )


def conflict_halves(a: Profile, b: Profile) -> float:
    """Conflict of two halves of one event (for the split pass): like :func:`conflict_events`,
    but a core name counts as shared only as far as the other half's members mention it; one
    article of twenty naming "Reggie Bush" in passing does not make him a participant of the
    Pierre Thomas half."""
    ca, cb = a.core(), b.core()
    if not ca or not cb:
        return 0.0
    return (_unshared(ca, b) + _unshared(cb, a)) / 2
