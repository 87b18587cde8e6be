"""How high can storylines score on the labelled topic levels when the events are perfect?

    .venv/bin/python benchmarks/topic_bound.py [--no-embeddings]

The topic levels of giveme5w1h and ECB+ are scored against gold topics that hold gold events.
This script takes the gold events as given and links them with one rule at every threshold:
average-, complete- and single-link agglomerative clustering (scipy) of the events' centroids,
on TF-IDF of title and text (as the baseline of ``benchmarks/grouping.py``) and, unless
``--no-embeddings``, on newsweave's default headline embeddings (e5 of the events stage's
text) and on both together.
It prints, per representation and linkage,

* each set's best topic BCubed F1 (its own threshold, chosen after the fact),
* the best giveme5w1h topic F1 at any threshold where ECB+ topics still score at least the
  TF-IDF baseline tuned on ECB+ topics (what newsweave must keep to beat that baseline there),

and two reference answers: every gold event its own topic, and (giveme5w1h) the gold news
category as the topic, with no linking at all. Results go to benchmarks/results/topic_bound.json.

It is an upper bound for linking events by similarity with one setting, not a method: no
grouping stage sees gold labels.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from grouping import (  # this folder's grouping benchmark: its baseline
    tfidf_curve,
    tuned,
    write_result,
)
from newsweave.embed import get_embedder
from newsweave.eval import data_path
from newsweave.eval.clustering import load
from newsweave.eval.metrics import bcubed
from newsweave.group.events import DEFAULT_EMBEDDINGS, embed_text
from newsweave.model import Article

SETS = {
    "giveme5w1h": ("clustering", "giveme5w1h-news-cluster.jsonl"),
    "ecbplus-dev": ("clustering", "ecbplus-dev.jsonl"),
}
#: Cosine distance thresholds the event centroids are cut at.
THRESHOLDS = [round(float(d), 2) for d in np.arange(0.05, 1.0, 0.01)]
LINKAGES = ("average", "complete", "single")
OUT = Path(__file__).with_name("results") / "topic_bound.json"


def read(path: Path) -> list[dict[str, Any]]:
    """The records of a labelled JSONL set."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def event_matrix(rows: list[dict[str, Any]]) -> tuple[list[str], np.ndarray]:
    """Gold event ids and the events x articles membership matrix."""
    events = sorted({str(r["event"]) for r in rows})
    index = {e: i for i, e in enumerate(events)}
    m = np.zeros((len(events), len(rows)))
    for j, r in enumerate(rows):
        m[index[str(r["event"])], j] = 1.0
    return events, m


def representations(
    rows: list[dict[str, Any]], articles: list[Article], embeddings: bool
) -> dict[str, np.ndarray]:
    """Article vectors per representation (rows unit length): TF-IDF of title and text, and
    the events stage's headline embeddings (its text, centred on the set's mean)."""
    texts = [f"{r.get('title') or ''}\n{r.get('text') or ''}" for r in rows]
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    reps = {"tfidf": normalize(x).toarray()}
    if embeddings:
        e = get_embedder(DEFAULT_EMBEDDINGS).embed([embed_text(a) for a in articles])
        e = normalize(e - e.mean(axis=0))
        reps[DEFAULT_EMBEDDINGS] = e
        reps[f"tfidf+{DEFAULT_EMBEDDINGS}"] = np.hstack([reps["tfidf"], e])
    return reps


def curve(
    centroids: np.ndarray, method: str, event_of: list[int], ids: list[str], gold: dict[str, str]
) -> dict[float, float]:
    """Topic BCubed F1 of the event centroids cut at every threshold."""
    tree = linkage(centroids, method=method, metric="cosine")
    out = {}
    for d in THRESHOLDS:
        labels = fcluster(tree, t=d, criterion="distance")
        out[d] = bcubed(gold, {a: str(labels[e]) for a, e in zip(ids, event_of, strict=True)}).f1
    return out


def bound(embeddings: bool = True) -> dict[str, Any]:
    """Every set's reference answers and event-linking curves; the joint bound."""
    sets: dict[str, Any] = {}
    curves: dict[str, dict[str, dict[float, float]]] = {}
    for name, parts in SETS.items():
        path = data_path(*parts)
        if not path.exists():
            print(f"{path}: missing, skipped")
            continue
        rows = read(path)
        articles, _ = load(path)
        ids = [str(r["id"]) for r in rows]
        gold = {str(r["id"]): str(r["topic"]) for r in rows}
        events, m = event_matrix(rows)
        index = {e: i for i, e in enumerate(events)}
        event_of = [index[str(r["event"])] for r in rows]
        own = {a: str(e) for a, e in zip(ids, event_of, strict=True)}
        ref = {
            "events": len(events),
            "topics": len(set(gold.values())),
            "each_event_its_own_topic": bcubed(gold, own).f1,
            "tfidf_average_link_tuned": tuned(tfidf_curve(articles, gold))["bcubed_f1"],
        }
        if all("category" in r for r in rows):
            category = {str(r["id"]): str(r["category"]) for r in rows}
            ref["category_as_topic"] = bcubed(gold, category).f1
        sets[name] = ref
        for rep, vecs in representations(rows, articles, embeddings).items():
            centroids = normalize(m @ vecs)
            for method in LINKAGES:
                curves.setdefault(f"{rep}/{method}", {})[name] = curve(
                    centroids, method, event_of, ids, gold
                )
    return {"sets": sets, "linking": summarise(curves, sets)}


def summarise(
    curves: dict[str, dict[str, dict[float, float]]], sets: dict[str, Any]
) -> dict[str, Any]:
    """Per representation/linkage: each set's best, and giveme5w1h's best where ECB+ topics
    keep at least their tuned baseline."""
    out: dict[str, Any] = {}
    for key, by_set in curves.items():
        row: dict[str, Any] = {f"{name}_best": max(c.values()) for name, c in by_set.items()}
        if {"giveme5w1h", "ecbplus-dev"} <= by_set.keys():
            floor = sets["ecbplus-dev"]["tfidf_average_link_tuned"]
            g5, ecb = by_set["giveme5w1h"], by_set["ecbplus-dev"]
            ok = [d for d in THRESHOLDS if ecb[d] >= floor]
            if ok:
                d = max(ok, key=lambda t: (g5[t], ecb[t]))
                row["giveme5w1h_keeping_ecbplus"] = {
                    "threshold": d, "giveme5w1h": g5[d], "ecbplus-dev": ecb[d]
                }  # fmt: skip
            else:
                row["giveme5w1h_keeping_ecbplus"] = None
        out[key] = row
    return out


def show(result: dict[str, Any]) -> None:
    """Print the figures as a table."""
    for name, ref in result["sets"].items():
        figures = ", ".join(
            f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in ref.items()
        )
        print(f"{name}: {figures}")
    print(f"{'event centroids':24} {'g5 best':>8} {'ECB best':>9}   g5 where ECB >= baseline")
    for key, row in result["linking"].items():
        keep = row.get("giveme5w1h_keeping_ecbplus")
        kept = (
            f"{keep['giveme5w1h']:.3f} (ECB {keep['ecbplus-dev']:.3f} at {keep['threshold']})"
            if keep
            else "none"
        )
        print(
            f"{key:24} {row.get('giveme5w1h_best', float('nan')):8.3f} "
            f"{row.get('ecbplus-dev_best', float('nan')):9.3f}   {kept}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-embeddings", action="store_true", help="TF-IDF centroids only")
    args = ap.parse_args()
    result = bound(embeddings=not args.no_embeddings)
    show(result)
    write_result(OUT, result)


if __name__ == "__main__":
    main()
