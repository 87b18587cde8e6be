"""Near-duplicates and wire copies: MinHash LSH on word shingles, plus title similarity.

An article is a copy when its 5-word-shingle Jaccard similarity (estimated by MinHash) to an
earlier article is at least ``JACCARD``, or at least ``JACCARD_WITH_TITLE`` when the titles are
nearly the same (a reprint with an edited lead or tail), or when most of the shorter text's
shingles are in the longer one (``CONTAINMENT``: papers cut agency copy from the bottom and put
their own headline on it, which leaves Jaccard at the share they kept). A text of fewer than
``MIN_WORDS`` words (a video page's stub, a cookie notice) is too short to identify a story:
such pages are copies only when their titles agree too. ``duplicate_of`` points to the earliest
copy. Only the ``RECENT`` latest signatures stay in the LSH index, so the cost is bounded.
Measured by ``newsweave eval duplicates`` (docs/evaluation.md).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Article
from .text import content_lines, title_of, tokens

NUM_PERM = 64
SHINGLE = 5
JACCARD = 0.7
JACCARD_WITH_TITLE = 0.4
TITLE_OVERLAP = 0.8
#: Share of the shorter text's shingles found in the longer one, estimated from the MinHash
#: Jaccard J and the two shingle counts (the overlap is J / (1 + J) times their sum), for a copy
#: under another headline; only when J is at least ``CONTAINMENT_MIN_JACCARD``, as at a small J
#: the estimate's error, scaled up by a long text's count, would find a brief inside any long
#: story of its event.
CONTAINMENT = 0.8
CONTAINMENT_MIN_JACCARD = 0.25
MIN_WORDS = 25
RECENT = 5000
#: LSH banding of the ``NUM_PERM`` hash values: 32 bands of 2 rows. A pair becomes a candidate
#: (and is then checked against the rules above) with probability 1 - (1 - J^2)^32: 0.996 at
#: the lowest Jaccard a rule accepts (0.4), 0.73 at 0.2. datasketch's choice for a threshold of
#: 0.4 (16 bands of 4 rows) made a pair at 0.4 a candidate only a third of the time, at 0.6 89%:
#: a copy cut to 60% of its paragraphs was missed one time in six (``newsweave eval
#: duplicates``). The extra candidates cost one comparison of 64 hash values each.
BANDS, ROWS = 32, 2


def _minhash(hashvalues: list[int] | None = None) -> MinHash:
    """A MinHash with the fixed seed and permutation scheme (datasketch >= 2 names it)."""
    hv = np.array(hashvalues, dtype=np.uint64) if hashvalues is not None else None
    try:
        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=hv, scheme="affine32")
    except TypeError:  # datasketch < 2.0 has one scheme and no ``scheme`` argument
        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=hv)


def _words(text: str, language: str | None = None) -> list[str]:
    return tokens("\n".join(content_lines(text)), language)


def shingles(words: list[str]) -> set[str]:
    """The word 5-shingles of ``words`` (one, the whole text, when it is shorter)."""
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def signature(text: str, words: list[str] | None = None) -> MinHash:
    """MinHash of the word 5-shingles of ``text`` (URL lines dropped; ``words``: its tokens)."""
    return _signature(shingles(_words(text) if words is None else words))


def _signature(shingled: set[str]) -> MinHash:
    m = _minhash()
    m.update_batch([s.encode("utf-8") for s in shingled])
    return m


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller of two sets inside the larger, from their Jaccard and sizes."""
    if not size_a or not size_b:
        return 0.0
    return min(1.0, jaccard / (1.0 + jaccard) * (size_a + size_b) / min(size_a, size_b))


def is_copy(jaccard: float, contained: float, same_title: bool, short: bool) -> bool:
    """The copy rule, from a pair's Jaccard, the share of the shorter text inside the longer
    (:func:`containment`), whether their titles agree and whether a text is too short to
    identify a story on its own."""
    if short:
        return same_title and jaccard >= JACCARD_WITH_TITLE
    return (
        jaccard >= JACCARD
        or (same_title and jaccard >= JACCARD_WITH_TITLE)
        or (jaccard >= CONTAINMENT_MIN_JACCARD and contained >= CONTAINMENT)
    )


def _title_overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class Deduper:
    """Finds copies among articles given in publication order."""

    def __init__(self, recent: list[list[Any]] | None = None) -> None:
        self.lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
        self.sigs: dict[str, MinHash] = {}
        self.titles: dict[str, set[str]] = {}
        self.sizes: dict[str, int] = {}  # shingle count (0: unknown, from an older state)
        self.original: dict[str, str] = {}  # copy -> earliest copy
        self.order: list[str] = []
        self.rank: dict[str, int] = {}  # insertion counter: lower is earlier
        self._n = 0
        for item in recent or []:
            aid, title, hv, orig = item[:4]
            self._insert(aid, _minhash(hv), title, item[4] if len(item) > 4 else 0)
            if orig:
                self.original[aid] = orig

    def _insert(self, aid: str, sig: MinHash, title: list[str], size: int) -> None:
        self.lsh.insert(aid, sig)
        self.sigs[aid] = sig
        self.titles[aid] = set(title)
        self.sizes[aid] = size
        self.order.append(aid)
        self.rank[aid] = self._n
        self._n += 1
        while len(self.order) > RECENT:
            old = self.order.pop(0)
            self.lsh.remove(old)
            del self.sigs[old], self.titles[old], self.rank[old], self.sizes[old]
            self.original.pop(old, None)

    def check(self, article: Article) -> str | None:
        """The id of the earliest earlier copy of ``article``, or None; then index it."""
        if article.id in self.sigs:
            return self.original.get(article.id)
        root, sig, title, size = self._match(article)
        self._insert(article.id, sig, title, size)
        if root is not None:
            self.original[article.id] = root
        return root

    def find(self, article: Article) -> str | None:
        """The id of the earliest indexed copy of ``article``, or None, without indexing it."""
        return self._match(article)[0]

    def _match(self, article: Article) -> tuple[str | None, MinHash, list[str], int]:
        """The earliest indexed copy's root (or None), and what indexing ``article`` needs."""
        words = _words(article.text, article.language)
        shingled = shingles(words)
        size, sig = len(shingled), _signature(shingled)
        title = tokens(title_of(article, content_lines(article.text)), article.language)
        short = len(words) < MIN_WORDS
        best: tuple[int, str] | None = None
        for cand in self.lsh.query(sig):
            jac = sig.jaccard(self.sigs[cand])
            same_title = _title_overlap(set(title), self.titles[cand]) >= TITLE_OVERLAP
            if is_copy(jac, containment(jac, size, self.sizes[cand]), same_title, short):
                root = self.original.get(cand, cand)
                rank = self.rank.get(root, -1)
                if best is None or (rank, root) < best:  # ties by id: the same in every run
                    best = (rank, root)
        return (best[1] if best is not None else None), sig, title, size

    def to_json(self) -> list[list[Any]]:
        return [
            [aid, sorted(self.titles[aid]), self.sigs[aid].hashvalues.tolist(),
             self.original.get(aid), self.sizes[aid]]
            for aid in self.order
        ]  # fmt: skip
