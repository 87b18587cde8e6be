"""BCubed and pairwise scores on hand-checked partitions."""

import pytest

from newsweave.eval.metrics import bcubed, pairwise, scores


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
