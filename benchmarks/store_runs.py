"""A live feed saved into a store: each run's new articles only, as the API's POST receives them.

    .venv/bin/python benchmarks/store_runs.py [--runs 12] [--db URL] [--full]

Each labelled set is cut by publication time into ``--runs`` slices; run i analyses slice i
alone with one grouping state (``state_dir``) and saves it with
:func:`newsweave.store.stories.save_run`, which recomputes the stories the run touched over
their stored articles. After the last run the store is checked against the grouping state, the
truth of who is in which story: every article stored once, with the event and storyline the
state gives it, and every stored event and storyline listing exactly the state's members.
Prints the mismatches, the BCubed F1 of the stored groups, and the time of the analyses and of
the saves. ``--full`` runs every stage (spaCy included) instead of cleaning and grouping alone.
Results go to benchmarks/results/store_runs.json.
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from grouping import present_sets  # this folder's grouping benchmark: the same labelled sets
from newsweave.analyze import analyze_records
from newsweave.eval.clustering import CLEAN_STAGES, GROUP_STAGES, load
from newsweave.eval.metrics import scores
from newsweave.group import state as group_state
from newsweave.pipeline import Config
from newsweave.store import open_store
from newsweave.store.base import Store
from newsweave.store.stories import audit, save_run

OUT = Path(__file__).with_name("results") / "store_runs.json"


def _open(db: str | None, tmp: Path) -> tuple[Store, Callable[[], None]]:
    """A fresh store: a SQLite file in ``tmp``, or a new schema of the PostgreSQL database
    ``db`` (dropped by the returned callable)."""
    if not db:
        return open_store(f"sqlite:///{tmp}/store.db"), lambda: None
    import psycopg

    schema = f"nw_bench_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(db, autocommit=True)
    admin.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()

    sep = "&" if "?" in db else "?"
    return open_store(f"{db}{sep}options=-csearch_path%3D{schema}"), drop


def feed(path: Path, runs: int, db: str | None, full: bool) -> dict[str, Any]:
    """Feed one set in ``runs`` runs into a store; timings, scores and the check."""
    articles, gold = load(path)
    ordered = sorted(articles, key=lambda a: (a.published or "", a.order))
    stages = None if full else [*CLEAN_STAGES, *GROUP_STAGES]
    analyse_s, save_s = [], []
    with tempfile.TemporaryDirectory(prefix="newsweave-store-") as tmp:
        store, drop = _open(db, Path(tmp))
        config = Config(workers=2, state_dir=Path(tmp) / "state")
        for i in range(runs):
            part = copy.deepcopy(ordered[len(ordered) * i // runs : len(ordered) * (i + 1) // runs])
            t0 = time.perf_counter()
            report = analyze_records(part, config=config, stages=stages)
            t1 = time.perf_counter()
            save_run(store, report, config)
            analyse_s.append(t1 - t0)
            save_s.append(time.perf_counter() - t1)
        st = group_state.load(config)
        result = audit(store, st)
        stored = {d["id"]: d for d in store.items("articles", limit=10**7)}
        store.close()
        drop()
    for level, attr in (("event", "event"), ("topic", "storyline")):
        if gold[level]:
            pred = {aid: str(d[attr]) for aid, d in stored.items()}
            result[f"{level}_bcubed_f1"] = round(scores(gold[level], pred)["bcubed_f1"], 4)
    result["analyse_seconds"] = round(sum(analyse_s), 2)
    result["save_seconds"] = round(sum(save_s), 2)
    result["save_seconds_last_run"] = round(save_s[-1], 2)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=12)
    ap.add_argument(
        "--db", help="a PostgreSQL URL: each set in a schema of its own (default: SQLite files)"
    )
    ap.add_argument("--full", action="store_true", help="every stage, not cleaning + grouping")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "runs": args.runs,
        "full": args.full,
    }
    for path, name in present_sets():
        results[name] = r = feed(path, args.runs, args.db, args.full)
        print(f"{name:14} {json.dumps(r)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
