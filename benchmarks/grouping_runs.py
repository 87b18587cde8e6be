"""Grouping as a live feed: each labelled set fed in K runs by time, with a saved state.

    .venv/bin/python benchmarks/grouping_runs.py [--runs 3]

Run i analyses the first i/K of the set's articles (sorted by publication date, then input
order) with one ``state_dir``, so the articles of earlier runs keep their events and storylines
and only the new ones are grouped, as ``newsweave analyze`` does on a growing folder. The scores
of the last run (all articles) are printed beside those of one batch. Results go to
benchmarks/results/grouping_runs.json.
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

from grouping import SETS  # this folder's grouping benchmark: the same labelled sets
from newsweave.eval import data_path
from newsweave.eval.clustering import dataset_name, load, run_grouping
from newsweave.eval.metrics import scores
from newsweave.model import Report

OUT = Path(__file__).with_name("results") / "grouping_runs.json"
LEVELS = (("event", "event"), ("topic", "storyline"))


def _scored(report: Report, gold: dict[str, dict[str, str]]) -> dict[str, float]:
    out = {}
    for level, attr in LEVELS:
        if gold[level]:
            pred = {a.id: str(getattr(a, attr)) for a in report.articles}
            out[level] = round(scores(gold[level], pred)["bcubed_f1"], 4)
    return out


def feed(parts: tuple[str, ...], runs: int) -> dict[str, Any]:
    """BCubed F1 per level after ``runs`` runs, and after one batch."""
    articles, gold = load(data_path(*parts))
    articles.sort(key=lambda a: (a.published or "", a.order))
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(1, runs + 1):
            cut = articles[: len(articles) * i // runs]
            report = run_grouping(copy.deepcopy(cut), state_dir=Path(tmp))
    seconds = time.perf_counter() - t0
    return {
        "runs": runs,
        "fed": _scored(report, gold),
        "one_batch": _scored(run_grouping(copy.deepcopy(articles)), gold),
        "seconds": round(seconds, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    results: dict[str, Any] = {"machine": f"{platform.machine()}, {platform.python_version()}"}
    for parts in SETS:
        path = data_path(*parts)
        if not path.exists():
            print(f"{path}: missing, skipped")
            continue
        name = dataset_name(path)
        results[name] = r = feed(parts, args.runs)
        for level in r["one_batch"]:
            print(f"{name:14} {level:6} {args.runs} runs: {r['fed'][level]:.3f}   "
                  f"one batch: {r['one_batch'][level]:.3f}")  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
