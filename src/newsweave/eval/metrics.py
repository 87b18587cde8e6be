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

import numpy as np
from scipy import stats

#: Resamples of the BCubed F1 interval, and its coverage.
RESAMPLES = 2000
COVERAGE = 0.95


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


def _story_sums(
    gold: Mapping[Any, Any], pred: Mapping[Any, Any], labels: list[Hashable]
) -> tuple[np.ndarray, ...]:
    """Per gold cluster (in ``labels`` order): its size and the sums of its items' BCubed
    precision and recall, taken on the whole clustering ``pred``."""
    joint, gsize, psize = _contingency(gold, pred)
    index = {g: k for k, g in enumerate(labels)}
    p_sum = np.zeros(len(labels))
    r_sum = np.zeros(len(labels))
    for (gl, pl), c in joint.items():  # the c items of a cell share their precision and recall
        p_sum[index[gl]] += c * c / psize[pl]
        r_sum[index[gl]] += c * c / gsize[gl]
    return np.array([gsize[g] for g in labels], dtype=float), p_sum, r_sum


def _f1_of_sums(*cols: np.ndarray, axis: int = -1) -> np.ndarray:
    """BCubed F1 of resampled gold clusters (``n, p_sum, r_sum`` per cluster along ``axis``);
    with six columns, the F1 of the first clustering minus that of the second."""

    def f1(n: np.ndarray, p_sum: np.ndarray, r_sum: np.ndarray) -> np.ndarray:
        items = n.sum(axis=axis)
        p, r = p_sum.sum(axis=axis) / items, r_sum.sum(axis=axis) / items
        return np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)

    out = f1(*cols[:3])
    return out - f1(*cols[3:]) if len(cols) > 3 else out


def bcubed_interval(
    gold: Mapping[Any, Any],
    pred: Mapping[Any, Any],
    other: Mapping[Any, Any] | None = None,
    resamples: int = RESAMPLES,
    coverage: float = COVERAGE,
    seed: int = 0,
) -> tuple[float, float]:
    """A percentile bootstrap interval of BCubed F1 (with ``other``: of F1 of ``pred`` minus
    F1 of ``other`` on the same draws, a paired comparison), resampling gold clusters
    (``scipy.stats.bootstrap``).

    Each item's BCubed precision and recall are taken on the whole clustering; the gold
    clusters are drawn with replacement (the items of one story are not independent draws), and
    F1 is taken on the means of the drawn clusters' items. It says how far the score could move
    on another sample of stories of the same kind. Fixed ``seed``: the same inputs give the
    same interval."""
    if len(set(gold.values())) < 2:  # nothing to resample
        f1 = bcubed(gold, pred).f1 - (bcubed(gold, other).f1 if other is not None else 0.0)
        return f1, f1
    labels = sorted(set(gold.values()), key=str)
    cols = _story_sums(gold, pred, labels)
    if other is not None:
        cols = (*cols, *_story_sums(gold, other, labels))
    res = stats.bootstrap(
        cols,
        _f1_of_sums,
        paired=True,
        vectorized=True,
        method="percentile",
        confidence_level=coverage,
        n_resamples=resamples,
        random_state=np.random.default_rng(seed),
    )
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


def pairwise(gold: Mapping[Any, Any], pred: Mapping[Any, Any]) -> PRF:
    """Pairwise precision and recall: item pairs put together by ``pred`` that ``gold`` joins."""
    joint, gsize, psize = _contingency(gold, pred)

    def pairs(k: int) -> int:
        return k * (k - 1) // 2

    tp = sum(pairs(c) for c in joint.values())
    pred_pairs = sum(pairs(c) for c in psize.values())
    gold_pairs = sum(pairs(c) for c in gsize.values())
    return PRF(tp / pred_pairs if pred_pairs else 1.0, tp / gold_pairs if gold_pairs else 1.0)


def scores(
    gold: Mapping[Any, Any], pred: Mapping[Any, Any], interval: bool = False
) -> dict[str, float]:
    """BCubed and pairwise precision/recall/F1 in one flat dict (the eval's metric names); with
    ``interval``, the 95% bootstrap interval of BCubed F1 as well (:func:`bcubed_interval`)."""
    b, pw = bcubed(gold, pred), pairwise(gold, pred)
    out = {"bcubed_precision": b.precision, "bcubed_recall": b.recall, "bcubed_f1": b.f1}
    if interval:
        out["bcubed_f1_low"], out["bcubed_f1_high"] = bcubed_interval(gold, pred)
    return {
        **out,
        "pairwise_precision": pw.precision,
        "pairwise_recall": pw.recall,
        "pairwise_f1": pw.f1,
    }
