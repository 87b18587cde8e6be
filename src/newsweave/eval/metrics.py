"""Clustering metrics: BCubed and pairwise precision/recall/F1 (reusable by any task).

Both take two mappings ``item -> cluster label`` over the same items. BCubed (Bagga & Baldwin
1998; Amigó et al. 2009) averages per-item precision and recall of the item's cluster; the
pairwise ("standard") scores count item pairs placed together. Written by hand because
scikit-learn has no BCubed and its pair-confusion matrix needs integer-encoded label arrays;
both are a few lines of counting over the contingency table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PRF:
    """Precision, recall and their harmonic mean."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _contingency(
    gold: Mapping[Any, Any], pred: Mapping[Any, Any]
) -> tuple[Counter[tuple[Hashable, Hashable]], Counter[Hashable], Counter[Hashable]]:
    missing = set(gold) ^ set(pred)
    if missing:
        raise ValueError(f"gold and predicted cover different items, e.g. {next(iter(missing))!r}")
    joint: Counter[tuple[Hashable, Hashable]] = Counter((gold[i], pred[i]) for i in gold)
    return joint, Counter(gold.values()), Counter(pred.values())


def bcubed(gold: Mapping[Any, Any], pred: Mapping[Any, Any]) -> PRF:
    """BCubed precision and recall of ``pred`` against ``gold``."""
    if not gold:
        return PRF(1.0, 1.0)
    joint, gsize, psize = _contingency(gold, pred)
    n = len(gold)
    # Each of the ``c`` items in cell (g, p) has precision c/|p| and recall c/|g|.
    p = sum(c * c / psize[pl] for (_, pl), c in joint.items()) / n
    r = sum(c * c / gsize[gl] for (gl, _), c in joint.items()) / n
    return PRF(p, r)


def pairwise(gold: Mapping[Any, Any], pred: Mapping[Any, Any]) -> PRF:
    """Pairwise precision and recall: item pairs put together by ``pred`` that ``gold`` joins."""
    joint, gsize, psize = _contingency(gold, pred)

    def pairs(k: int) -> int:
        return k * (k - 1) // 2

    tp = sum(pairs(c) for c in joint.values())
    pred_pairs = sum(pairs(c) for c in psize.values())
    gold_pairs = sum(pairs(c) for c in gsize.values())
    return PRF(tp / pred_pairs if pred_pairs else 1.0, tp / gold_pairs if gold_pairs else 1.0)


def scores(gold: Mapping[Any, Any], pred: Mapping[Any, Any]) -> dict[str, float]:
    """BCubed and pairwise precision/recall/F1 in one flat dict (the eval's metric names)."""
    b, pw = bcubed(gold, pred), pairwise(gold, pred)
    return {
        "bcubed_precision": b.precision,
        "bcubed_recall": b.recall,
        "bcubed_f1": b.f1,
        "pairwise_precision": pw.precision,
        "pairwise_recall": pw.recall,
        "pairwise_f1": pw.f1,
    }
