"""benchmarks/pair_model.py reads the events stage's own similarity and clusters it offline."""

import numpy as np
import pytest

from newsweave.eval import data_path
from newsweave.group.events import PARAMS
from tests.bench_scripts import load_benchmark


@pytest.mark.slow
def test_pairs_and_offline_clustering_on_ecbplus() -> None:
    if not data_path("clustering", "ecbplus-dev.jsonl").exists():
        pytest.skip("ECB+ dev not available")
    pm = load_benchmark("pair_model")
    data = pm.pair_features("ecbplus-dev.jsonl")
    n = len(data.ids)
    assert data.sim.shape == (n, n) and np.allclose(data.sim, data.sim.T)
    assert len(data.x) == len(data.same) == len(data.hand) > 1000
    assert data.x.shape[1] == len(pm.FEATURES)
    assert (data.x[:, 0] >= pm.MIN_COSINE).all()
    # the events stage's similarity never exceeds the cosine it lowers
    assert (data.hand <= data.x[:, 0] + 1e-12).all()
    # an undated pair is decayed by exactly the undated factor
    undated = data.x[:, pm.FEATURES.index("undated")] == 1.0
    assert undated.any()
    assert np.allclose(data.x[undated, pm.FEATURES.index("decay")], PARAMS.undated_factor)
    assert 0.0 < data.same.mean() < 1.0
    f1, threshold = pm.offline_best(data)
    assert 0.5 < f1 <= 1.0
    assert 0.04 <= threshold < 0.2


def test_clash_is_symmetric() -> None:
    from newsweave.group.signature import Signature

    pm = load_benchmark("pair_model")
    a = Signature(frozenset({"jackson", "chargers"}), frozenset({"jackson"}))
    b = Signature(frozenset({"williams", "chargers"}), frozenset({"williams"}))
    assert pm._clash(a, b) == pm._clash(b, a) > 0
    assert pm._clash(a, a) == 0
