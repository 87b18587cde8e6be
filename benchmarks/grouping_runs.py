"""Grouping as a live feed: each labelled set fed in K runs by time, with a saved state.

    .venv/bin/python benchmarks/grouping_runs.py [--runs 2,3,4,6,12,24,48]

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
import time
from pathlib import Path
from typing import Any

from grouping import present_sets  # this folder's grouping benchmark: the same labelled sets
from newsweave.eval.clustering import load, run_feed, run_grouping
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


def feed(path: Path, runs: list[int]) -> dict[str, Any]:
    """BCubed F1 per level after each number of ``runs``, and after one batch."""
    articles, gold = load(path)
    out: dict[str, Any] = {"one_batch": _scored(run_grouping(copy.deepcopy(articles)), gold)}
    for k in runs:
        t0 = time.perf_counter()
        report = run_feed(articles, k)
        out[f"{k}_runs"] = {**_scored(report, gold), "seconds": round(time.perf_counter() - t0, 1)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", default="2,3,4,6,12,24,48", help="numbers of runs, comma-separated")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    results: dict[str, Any] = {"machine": f"{platform.machine()}, {platform.python_version()}"}
    for path, name in present_sets():
        runs = [int(k) for k in args.runs.split(",")]
        results[name] = r = feed(path, runs)
        for level in r["one_batch"]:
            fed = "  ".join(f"{k} runs: {r[f'{k}_runs'][level]:.3f}" for k in runs)
            print(f"{name:14} {level:6} one batch: {r['one_batch'][level]:.3f}  {fed}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
