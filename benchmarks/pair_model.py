"""Is the events stage's hand-weighted similarity the right combination of its parts?

    .venv/bin/python benchmarks/pair_model.py

Miranda et al. (EMNLP 2018) learn how to combine per-part similarities from labelled data. Here
no set is held out for that, so a learned combination can only be trained on one labelled set
and tested on the other. For each set (giveme5w1h, ECB+ dev) this scores every pair of articles
whose combined cosine is at least ``MIN_COSINE`` (the candidates a clusterer would weigh) on the
same features the events stage reads: the combined cosine, the cosine of each part (head, body,
word pairs, names), the conflict of their names (:func:`newsweave.group.signature.conflict`,
both ways), the time decay and gap, and whether a date is missing. It reports the average
precision of "same gold event" pairs when ranked by

* the events stage's own similarity (cosine x conflict factor x time decay, as
  :meth:`newsweave.group.clusters.OnlineClusterer.similarity` gives for a one-article event,
  with the conflict averaged both ways so that a pair's score does not depend on its order);
* logistic regression and gradient boosting trained on the *other* set;
* gradient boosting in 5-fold cross-validation on the same set (optimistic: the folds share
  articles, so it is an upper bound of what these features can learn there).

The events stage's weights were chosen on these two sets, so the comparison favours them; the
question is whether a learned combination finds more in the same features. A second figure
clusters all pairs offline (average link, the events stage's similarity, the best threshold for
each set chosen after the fact): does the online clusterer or the similarity limit the score?

Results go to benchmarks/results/pair_model.json.
"""

from __future__ import annotations

import json
import math
import platform
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import cross_val_predict

from newsweave.analyze import analyze_records
from newsweave.eval import data_path
from newsweave.eval.clustering import CLEAN_STAGES, load
from newsweave.eval.metrics import scores
from newsweave.group.clusters import decay
from newsweave.group.events import PARAMS
from newsweave.group.order import article_time
from newsweave.group.signature import Profile, Signature, conflict, of_parts
from newsweave.group.text import parts
from newsweave.group.vectors import N_FEATURES, WEIGHTS, DocFreq, SparseVec, hashed_counts, weigh
from newsweave.pipeline import Config

SETS = ("giveme5w1h-news-cluster.jsonl", "ecbplus-dev.jsonl")
#: Pairs below this combined cosine are left out (no clusterer setting would join them).
MIN_COSINE = 0.03
FEATURES = ("cosine", *(f"cos_{k}" for k in WEIGHTS), "conflict", "decay", "undated", "log_gap")
OUT = Path(__file__).with_name("results") / "pair_model.json"


def _gram(vecs: list[SparseVec]) -> np.ndarray:
    """All dot products of ``vecs`` (hashed sparse vectors)."""
    rows = [i for i, v in enumerate(vecs) for _ in v]
    cols = [f for v in vecs for f in v]
    vals = [x for v in vecs for x in v.values()]
    m = sp.csr_matrix((vals, (rows, cols)), shape=(len(vecs), 4 * N_FEATURES))
    return np.asarray((m @ m.T).todense())


def _clash(a: Signature, b: Signature) -> float:
    """Conflict of two articles' names, averaged both ways."""
    pa, pb = Profile(), Profile()
    pa.add(a)
    pb.add(b)
    return (conflict(a, pb) + conflict(b, pa)) / 2


@dataclass
class PairSet:
    """Candidate pairs of one labelled set, and the events stage's similarity of all pairs."""

    x: np.ndarray  # features of the candidate pairs (``FEATURES``)
    same: np.ndarray  # whether each candidate pair is of one gold event
    hand: np.ndarray  # the events stage's similarity of each candidate pair
    sim: np.ndarray  # the events stage's similarity of every pair (articles x articles)
    truth: dict[str, str]  # article id -> gold event
    ids: list[str]


def pair_features(name: str) -> PairSet:
    """Features, gold labels (same event) and the events stage's similarity of the pairs."""
    articles, gold = load(data_path("clustering", name))
    report = analyze_records(articles, config=Config(workers=2), stages=list(CLEAN_STAGES))
    arts = report.articles
    df = DocFreq()
    counts, sigs = [], []
    for a in arts:
        p = parts(a)
        counts.append(hashed_counts(p))
        sigs.append(of_parts(p))
        df.add([int(f) for idx, _ in counts[-1].values() for f in idx])
    full = _gram([weigh(c, df) for c in counts])
    per_part = [_gram([weigh({k: c[k]}, df) for c in counts]) for k in WEIGHTS]
    times = [article_time(a) for a in arts]
    labels = [gold["event"][a.id] for a in arts]
    rows, same, hand = [], [], []
    sim = np.zeros_like(full)
    for i in range(len(arts)):
        for j in range(i + 1, len(arts)):
            if full[i, j] <= 0:
                continue
            ti, tj = times[i], times[j]
            gap = None if ti is None or tj is None else abs(ti - tj)
            clash = _clash(sigs[i], sigs[j])
            dec = decay(gap, PARAMS)
            sim[i, j] = sim[j, i] = full[i, j] * (1.0 - PARAMS.conflict_weight * clash) * dec
            if full[i, j] < MIN_COSINE:
                continue
            rows.append(
                [full[i, j], *(m[i, j] for m in per_part), clash, dec, float(gap is None),
                 math.log1p(gap or 0.0)]
            )  # fmt: skip
            same.append(labels[i] == labels[j])
            hand.append(sim[i, j])
    ids = [a.id for a in arts]
    truth = dict(zip(ids, labels, strict=True))
    return PairSet(np.array(rows), np.array(same), np.array(hand), sim, truth, ids)


def offline_best(data: PairSet) -> tuple[float, float]:
    """BCubed F1 of average-link agglomeration on the events stage's similarity with the best
    single threshold for this set, chosen after the fact (scipy), and that threshold. It tells
    whether the online clusterer or the similarity limits the score."""
    dist = squareform(1.0 - data.sim, checks=False)
    tree = linkage(dist, method="average")
    best = (0.0, 0.0)
    for th in np.arange(0.04, 0.2, 0.005):
        lab = fcluster(tree, 1.0 - th, criterion="distance")
        f1 = scores(data.truth, {i: str(c) for i, c in zip(data.ids, lab, strict=True)})
        best = max(best, (f1["bcubed_f1"], round(float(th), 3)))
    return best


def _boosting() -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, random_state=0)


def main() -> None:
    data = {name: pair_features(name) for name in SETS}
    results: dict[str, Any] = {}
    for test in SETS:
        (train,) = [s for s in SETS if s != test]
        x_tr, y_tr = data[train].x, data[train].same
        x_te, y_te, hand = data[test].x, data[test].same, data[test].hand
        res = {
            "pairs": len(y_te),
            "same_event_pairs": int(y_te.sum()),
            "events_stage": average_precision_score(y_te, hand),
        }
        for label, model in (
            ("logistic_regression_other_set", LogisticRegression(max_iter=2000)),
            ("gradient_boosting_other_set", _boosting()),
        ):
            model.fit(x_tr, y_tr)
            res[label] = average_precision_score(y_te, model.predict_proba(x_te)[:, 1])
        cv = cross_val_predict(_boosting(), x_te, y_te, cv=5, method="predict_proba")[:, 1]
        res["gradient_boosting_5fold_same_set"] = average_precision_score(y_te, cv)
        res["offline_average_link_bcubed_f1"], res["offline_threshold"] = offline_best(data[test])
        results[test] = res
        print(f"{test}: {res['pairs']} candidate pairs, {res['same_event_pairs']} same-event")
        for key, val in res.items():
            if isinstance(val, float):
                print(f"  {key:<36} {val:.4f}")
    OUT.parent.mkdir(exist_ok=True)
    out = {"features": FEATURES, "min_cosine": MIN_COSINE, "machine": platform.platform(),
           "sets": results}  # fmt: skip
    OUT.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"written: {OUT}")


if __name__ == "__main__":
    main()
