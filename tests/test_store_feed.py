"""A live feed saved into a store run by run stays whole, and a run with nothing new changes
nothing (real labelled data from ../shared; SQLite)."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from newsweave.analyze import analyze_records
from newsweave.compare.text import best_elsewhere
from newsweave.eval import data_path
from newsweave.eval.clustering import CLEAN_STAGES, GROUP_STAGES, load
from newsweave.group import state as group_state
from newsweave.model import Article
from newsweave.pipeline import Config
from newsweave.store import open_store
from newsweave.store.stories import audit, save_run

SET = data_path("clustering", "giveme5w1h-news-cluster.jsonl")
STAGES = [*CLEAN_STAGES, *GROUP_STAGES]


def _ordered() -> list[Article]:
    if not SET.exists():
        pytest.skip(f"{SET} missing")
    articles, _ = load(SET)
    return sorted(articles, key=lambda a: (a.published or "", a.order))


@pytest.mark.xdist_group("feed")
def test_a_feed_saved_run_by_run_matches_the_grouping_state(tmp_path: Path) -> None:
    ordered = _ordered()
    store = open_store(f"sqlite:///{tmp_path}/news.db")
    config = Config(workers=1, state_dir=tmp_path / "state")
    runs = 4
    for i in range(runs):
        part = ordered[len(ordered) * i // runs : len(ordered) * (i + 1) // runs]
        save_run(store, analyze_records(copy.deepcopy(part), config=config, stages=STAGES), config)
    found = audit(store, group_state.load(config))
    store.close()
    assert found.pop("articles_stored") == len(ordered)
    # later runs moved earlier articles and regrouped storylines; the store follows them
    assert found == dict.fromkeys(found, 0)


@pytest.mark.xdist_group("feed")
def test_a_run_with_nothing_new_keeps_every_group(tmp_path: Path) -> None:
    ordered = _ordered()
    config = Config(workers=1, state_dir=tmp_path / "state")
    half = len(ordered) // 2
    analyze_records(copy.deepcopy(ordered[:half]), config=config, stages=STAGES)
    analyze_records(copy.deepcopy(ordered), config=config, stages=STAGES)
    before = group_state.assignments(group_state.load(config))
    again = analyze_records(copy.deepcopy(ordered), config=config, stages=STAGES)
    assert group_state.assignments(group_state.load(config)) == before
    assert {a.id: (a.event, a.storyline) for a in again.articles} == before


def test_best_elsewhere_ignores_the_askers_own_rows() -> None:
    m = csr_matrix(np.array([[1.0, 0.0], [1.0, 0.0], [0.6, 0.8], [0.0, 1.0]]))
    owners = np.array(["a", "a", "b", "c"])
    # row 0 matches row 1 exactly, but both are a's: the best other match is b's row 2
    got = best_elsewhere(m, [0, 3, 1], ["a", "c", "b"], owners)
    assert got == pytest.approx([0.6, 0.8, 1.0])
    assert best_elsewhere(m, [0], ["a"], np.array(["a", "a", "a", "a"])).tolist() == [0.0]
