"""benchmarks/topic_bound.py links gold events and bounds what storylines can score."""

import numpy as np
import pytest

from newsweave.eval import data_path
from newsweave.eval.metrics import bcubed
from tests.bench_scripts import load_benchmark


def test_curve_cuts_event_centroids() -> None:
    tb = load_benchmark("topic_bound")
    rows = [
        {"id": "a", "event": "e1", "topic": "t1", "title": "quake", "text": "quake hits city"},
        {"id": "b", "event": "e1", "topic": "t1", "title": "quake", "text": "quake toll rises"},
        {"id": "c", "event": "e2", "topic": "t1", "title": "quake", "text": "second quake hits"},
        {"id": "d", "event": "e3", "topic": "t2", "title": "trade", "text": "team trades guard"},
    ]
    events, m = tb.event_matrix(rows)
    assert events == ["e1", "e2", "e3"] and (m.sum(axis=0) == 1).all()
    vecs = tb.representations(rows, [], embeddings=False)["tfidf"]
    centroids = m @ vecs
    gold = {r["id"]: r["topic"] for r in rows}
    c = tb.curve(centroids, "average", [0, 0, 1, 2], ["a", "b", "c", "d"], gold)
    # at a tight cut every event is its own topic; the quakes join before the trade does
    assert c[tb.THRESHOLDS[0]] == bcubed(gold, {"a": "1", "b": "1", "c": "2", "d": "3"}).f1
    assert max(c.values()) == 1.0


@pytest.mark.slow
def test_bound_on_labelled_sets() -> None:
    if not data_path("clustering", "ecbplus-dev.jsonl").exists():
        pytest.skip("labelled clustering sets not available")
    tb = load_benchmark("topic_bound")
    result = tb.bound(embeddings=False)
    g5, ecb = result["sets"]["giveme5w1h"], result["sets"]["ecbplus-dev"]
    assert g5["each_event_its_own_topic"] < g5["tfidf_average_link_tuned"] < 1.0
    assert 0.0 < ecb["each_event_its_own_topic"] < ecb["tfidf_average_link_tuned"] < 1.0
    for row in result["linking"].values():
        assert 0.0 < row["giveme5w1h_best"] <= 1.0 and 0.0 < row["ecbplus-dev_best"] <= 1.0
        keep = row["giveme5w1h_keeping_ecbplus"]
        if keep is not None:
            assert keep["ecbplus-dev"] >= ecb["tfidf_average_link_tuned"]
            assert keep["giveme5w1h"] <= row["giveme5w1h_best"]
    assert np.isfinite(result["linking"]["tfidf/average"]["giveme5w1h_best"])
