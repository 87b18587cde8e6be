"""BCubed and pairwise scores on hand-checked partitions."""

import pytest

from newsweave.eval.metrics import bcubed, bcubed_interval, pairwise, scores


def test_perfect_clustering_scores_one() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    pred = {"a": "x", "b": "x", "c": "y"}
    assert scores(gold, pred)["bcubed_f1"] == pytest.approx(1.0)
    assert scores(gold, pred)["pairwise_f1"] == pytest.approx(1.0)


def test_all_in_one_cluster() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    pred = dict.fromkeys(gold, 0)
    b = bcubed(gold, pred)
    assert b.precision == pytest.approx(0.5)  # each item: 2 of 4 right
    assert b.recall == pytest.approx(1.0)
    pw = pairwise(gold, pred)
    assert pw.precision == pytest.approx(2 / 6)
    assert pw.recall == pytest.approx(1.0)


def test_singletons() -> None:
    gold = {"a": 1, "b": 1, "c": 1}
    pred = {"a": 1, "b": 2, "c": 3}
    b = bcubed(gold, pred)
    assert b.precision == pytest.approx(1.0)
    assert b.recall == pytest.approx(1 / 3)
    assert pairwise(gold, pred).recall == 0.0


def test_mixed_example_by_hand() -> None:
    # gold {a,b,c} {d}; pred {a,b} {c,d}
    gold = {"a": "g1", "b": "g1", "c": "g1", "d": "g2"}
    pred = {"a": "p1", "b": "p1", "c": "p2", "d": "p2"}
    b = bcubed(gold, pred)
    assert b.precision == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert b.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert b.f1 == pytest.approx(2 * b.precision * b.recall / (b.precision + b.recall))


def test_items_must_match() -> None:
    with pytest.raises(ValueError):
        bcubed({"a": 1}, {"b": 1})


def test_bcubed_interval_holds_the_score_and_narrows_with_more_stories() -> None:
    def sample(stories: int) -> tuple[dict[int, int], dict[int, int]]:
        gold = {i: i // 5 for i in range(stories * 5)}
        # every third story's last article is put with the next story
        pred = {i: (i // 5 + 1 if i // 5 % 3 == 0 and i % 5 == 4 else i // 5) for i in gold}
        return gold, pred

    gold, pred = sample(20)
    low, high = bcubed_interval(gold, pred)
    assert low < bcubed(gold, pred).f1 < high < 1.0
    assert bcubed_interval(gold, pred) == (low, high)  # seeded: the same every time
    big_low, big_high = bcubed_interval(*sample(200))
    assert big_high - big_low < (high - low) / 2
    perfect = bcubed_interval(gold, gold)
    assert perfect == pytest.approx((1.0, 1.0))
    assert {"bcubed_f1_low", "bcubed_f1_high"} <= scores(gold, pred, interval=True).keys()


def test_paired_interval_of_a_difference() -> None:
    gold = {i: i // 4 for i in range(200)}
    good = dict(gold)
    worse = {i: (i // 4 if i % 4 else -i) for i in gold}  # each story's first article alone
    low, high = bcubed_interval(gold, good, other=worse)
    assert 0.0 < low <= high  # better on every draw: the difference holds
    assert bcubed_interval(gold, good, other=good) == pytest.approx((0.0, 0.0))
    low, high = bcubed_interval(gold, worse, other=good)
    assert high < 0.0
