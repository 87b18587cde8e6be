"""benchmarks/grouping_noise.py perturbs e5's vectors reproducibly and puts them back."""

import numpy as np

from newsweave.embed import get_embedder
from tests.bench_scripts import load_benchmark


def test_perturbed_is_seeded_small_and_undone() -> None:
    gn = load_benchmark("grouping_noise")
    texts = ["Quake hits the coast", "Team trades its guard"]
    plain = get_embedder("e5").embed(texts)
    with gn.perturbed(1e-3, 1):
        a = get_embedder("e5").embed(texts)
    with gn.perturbed(1e-3, 1):
        b = get_embedder("e5").embed(texts[::-1])[::-1]  # per text, not per position
    with gn.perturbed(1e-3, 2):
        c = get_embedder("e5").embed(texts)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    moved = np.linalg.norm(a - plain, axis=1)
    assert (moved > 1e-3).all() and (moved < 0.1).all()  # about 1e-3 * sqrt(384) = 0.02
    assert np.array_equal(get_embedder("e5").embed(texts), plain)  # put back, cache cleared
