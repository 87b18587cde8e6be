"""Near-duplicates and wire copies: MinHash LSH on word shingles, plus title similarity.

An article is a copy when its 5-word-shingle Jaccard similarity (estimated by MinHash) to an
earlier article is at least ``JACCARD``, or at least ``JACCARD_WITH_TITLE`` when the titles are
nearly the same (a reprint with an edited lead or tail). A text of fewer than ``MIN_WORDS``
words (a video page's stub, a cookie notice) is too short to identify a story: such pages are
copies only when their titles agree too. ``duplicate_of`` points to the earliest copy. Only the
``RECENT`` latest signatures stay in the LSH index, so the cost is bounded.
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
MIN_WORDS = 25
RECENT = 5000


def _minhash(hashvalues: list[int] | None = None) -> MinHash:
    """A MinHash with the fixed seed and permutation scheme (datasketch >= 2 names it)."""
    hv = np.array(hashvalues, dtype=np.uint64) if hashvalues is not None else None
    try:
        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=hv, scheme="affine32")
    except TypeError:  # datasketch < 2.0 has one scheme and no ``scheme`` argument
        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=hv)


def _words(text: str, language: str | None = None) -> list[str]:
    return tokens("\n".join(content_lines(text)), language)


def signature(text: str, words: list[str] | None = None) -> MinHash:
    """MinHash of the word 5-shingles of ``text`` (URL lines dropped; ``words``: its tokens)."""
    words = _words(text) if words is None else words
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = _minhash()
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def _title_overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class Deduper:
    """Finds copies among articles given in publication order."""

    def __init__(self, recent: list[list[Any]] | None = None) -> None:
        self.lsh = MinHashLSH(threshold=JACCARD_WITH_TITLE, num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}
        self.titles: dict[str, set[str]] = {}
        self.original: dict[str, str] = {}  # copy -> earliest copy
        self.order: list[str] = []
        self.rank: dict[str, int] = {}  # insertion counter: lower is earlier
        self._n = 0
        for item in recent or []:
            aid, title, hv, orig = item
            self._insert(aid, _minhash(hv), title)
            if orig:
                self.original[aid] = orig

    def _insert(self, aid: str, sig: MinHash, title: list[str]) -> None:
        self.lsh.insert(aid, sig)
        self.sigs[aid] = sig
        self.titles[aid] = set(title)
        self.order.append(aid)
        self.rank[aid] = self._n
        self._n += 1
        while len(self.order) > RECENT:
            old = self.order.pop(0)
            self.lsh.remove(old)
            del self.sigs[old], self.titles[old], self.rank[old]
            self.original.pop(old, None)

    def check(self, article: Article) -> str | None:
        """The id of the earliest earlier copy of ``article``, or None; then index it."""
        if article.id in self.sigs:
            return self.original.get(article.id)
        words = _words(article.text, article.language)
        sig = signature(article.text, words)
        title = tokens(title_of(article, content_lines(article.text)), article.language)
        short = len(words) < MIN_WORDS
        best: tuple[int, str] | None = None
        for cand in self.lsh.query(sig):
            jac = sig.jaccard(self.sigs[cand])
            same_title = _title_overlap(set(title), self.titles[cand]) >= TITLE_OVERLAP
            if (jac >= JACCARD and not short) or (same_title and jac >= JACCARD_WITH_TITLE):
                root = self.original.get(cand, cand)
                rank = self.rank.get(root, -1)
                if best is None or (rank, root) < best:  # ties by id: the same in every run
                    best = (rank, root)
        self._insert(article.id, sig, title)
        if best is not None:
            self.original[article.id] = best[1]
            return best[1]
        return None

    def to_json(self) -> list[list[Any]]:
        return [
            [aid, sorted(self.titles[aid]), self.sigs[aid].hashvalues.tolist(),
             self.original.get(aid)]
            for aid in self.order
        ]  # fmt: skip
