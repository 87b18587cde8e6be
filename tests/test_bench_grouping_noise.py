"""benchmarks/grouping_noise.py perturbs e5's vectors reproducibly and puts them back."""

import importlib.util
import sys
from pathlib import Path

import numpy as np

from newsweave.embed import get_embedder

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "grouping_noise.py"


def _module():  # type: ignore[no-untyped-def]
    if str(SCRIPT.parent) not in sys.path:  # it imports its folder's grouping benchmark
        sys.path.insert(0, str(SCRIPT.parent))
    spec = importlib.util.spec_from_file_location("grouping_noise", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_perturbed_is_seeded_small_and_undone() -> None:
    gn = _module()
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
