"""The copy detector: cut and retitled agency copy, the LSH's reach, lookups, older states."""

from __future__ import annotations

import random

import pytest

from newsweave.group import dedupe
from newsweave.group.dedupe import Deduper, containment
from newsweave.model import Article

_WORDS = [f"w{i}" for i in range(5000)]


def _paragraphs(seed: int, n: int = 10, words: int = 30) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_WORDS) for _ in range(words)) for _ in range(n)]


def _article(aid: str, paras: list[str], title: str) -> Article:
    return Article(id=aid, source="x", text="\n".join(paras), title=title)


def test_containment_from_jaccard_and_sizes() -> None:
    # 60 of 100 shingles, all inside the other: Jaccard 0.6, containment 1
    assert containment(0.6, 60, 100) == pytest.approx(1.0)
    # two sets of 100 sharing 50: Jaccard 1/3, half of each inside the other
    assert containment(1 / 3, 100, 100) == pytest.approx(0.5)
    assert containment(0.5, 0, 10) == 0.0


def test_copy_cut_from_the_bottom_under_its_own_headline_is_found() -> None:
    # A paper keeps the first 6 of 10 paragraphs and writes its own headline: Jaccard about
    # 0.6 and no shared title, which the Jaccard rules alone (0.7, or 0.4 with the title) miss.
    found = 0
    for seed in range(20):
        d = Deduper()
        paras = _paragraphs(seed)
        d.check(_article("wire", paras, "Storm batters the coast"))
        copy = _article("paper", paras[:6], f"Local families count the cost {seed}")
        found += d.find(copy) == "wire"
    assert found == 20


def test_a_shared_paragraph_is_no_copy() -> None:
    d = Deduper()
    mine, theirs = _paragraphs(1), _paragraphs(2)
    d.check(_article("a", mine, "One story"))
    # one paragraph of ten in common: Jaccard and containment about 0.05-0.1
    assert d.check(_article("b", [mine[0], *theirs[1:]], "Another story")) is None


def test_lsh_makes_a_candidate_of_every_pair_a_rule_accepts() -> None:
    # Same title, six paragraphs of ten kept and one of its own: Jaccard about 0.55, which the
    # rules accept. With datasketch's banding for a threshold of 0.4 (16 bands of 4 rows) about
    # a quarter of such pairs were never compared; with 32 bands of 2 rows all are.
    found = 0
    for seed in range(40):
        d = Deduper()
        paras = _paragraphs(100 + seed)
        d.check(_article("wire", paras, "Minister resigns over leak"))
        edited = paras[:6] + _paragraphs(500 + seed, n=1)
        found += d.find(_article("paper", edited, "Minister resigns over leak")) == "wire"
    assert found >= 39


def test_find_does_not_index() -> None:
    d = Deduper()
    paras = _paragraphs(7)
    d.check(_article("a", paras, "Title"))
    assert d.find(_article("b", paras, "Title")) == "a"
    assert "b" not in d.sigs and d.find(_article("c", paras, "Title")) == "a"


def test_state_of_an_older_version_without_sizes_loads() -> None:
    d = Deduper()
    paras = _paragraphs(3)
    d.check(_article("a", paras, "Title"))
    old = [item[:4] for item in d.to_json()]  # no shingle count
    again = Deduper(old)
    assert again.sizes["a"] == 0
    # the Jaccard rules still apply; containment waits for a known size
    assert again.find(_article("b", paras, "Quite different words")) == "a"
    assert again.find(_article("c", paras[:6], "Quite different words")) is None
    assert len(Deduper(d.to_json()).to_json()[0]) == 5


def test_containment_needs_a_long_enough_text() -> None:
    d = Deduper()
    paras = _paragraphs(9)
    d.check(_article("a", paras, "Title"))
    stub = paras[0].split()[: dedupe.MIN_WORDS - 5]  # a stub inside the story
    assert d.find(_article("b", [" ".join(stub)], "Other")) is None
