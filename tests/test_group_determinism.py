"""Grouping gives the same events and storylines in every process (string hashing is salted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newsweave.eval import data_path

_SCRIPT = """
import json, sys
from pathlib import Path
from newsweave.eval.clustering import load, run_grouping
articles, _ = load(Path(sys.argv[1]))
report = run_grouping(articles)
print(json.dumps({a.id: [a.event, a.storyline, a.duplicate_of] for a in report.articles}))
"""


def _groups(path: str, seed: str) -> dict[str, list[str | None]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, path], env=env, capture_output=True, text=True, check=True
    )
    groups: dict[str, list[str | None]] = json.loads(out.stdout)
    return groups


@pytest.mark.slow
def test_same_groups_and_ids_whatever_the_hash_seed() -> None:
    # The Spanish storylines changed with the seed before name ties were broken by the name.
    path = data_path("multilingual", "ml-crisis", "es")
    if not path.exists():
        pytest.skip("shared data not available")
    first = _groups(str(path), "1")
    assert len(first) == 791
    assert _groups(str(path), "2") == first
