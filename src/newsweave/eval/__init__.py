"""Evaluation on labelled data, with score floors pinned in ``eval/floors/<task>.json``.

Each task module (``extraction``, ``clustering``, ``quotes``, ``figures``, ``dates``) exposes
``evaluate(path: Path | None = None, **options) -> EvalResult``. ``newsweave eval TASK --check``
and the test suite compare the result with the pinned floors, so a quality drop fails CI
(after trafilatura's ``eval_gate.py``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLOORS_DIR = Path(__file__).with_name("floors")


@dataclass
class EvalResult:
    """Metrics of one evaluation run (all in 0..1 unless named otherwise)."""

    task: str
    metrics: dict[str, float]
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    variant: str = ""  # e.g. "event" or "topic" for clustering; selects the floors entry
    details: dict[str, Any] = field(default_factory=dict)

    def key(self) -> str:
        return f"{self.task}:{self.variant}" if self.variant else self.task


def shared_dir() -> Path:
    """The ``shared/`` folder beside the project (override with ``NEWSWEAVE_SHARED``)."""
    env = os.environ.get("NEWSWEAVE_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent.parent / "shared"
        if (cand / "data").is_dir():
            return cand
    return Path.cwd().parent / "shared"


def data_path(*parts: str) -> Path:
    """A path inside ``shared/data``."""
    return shared_dir().joinpath("data", *parts)


def load_floors(task: str) -> dict[str, dict[str, float]]:
    """Pinned floors of ``task``: ``{variant_or_dataset_key: {metric: floor}}``."""
    path = FLOORS_DIR / f"{task}.json"
    if not path.exists():
        return {}
    data: dict[str, dict[str, float]] = json.loads(path.read_text())
    return data


def check_floors(result: EvalResult, key: str | None = None) -> list[str]:
    """Failures of ``result`` against its pinned floors (empty when all floors hold); a run
    with no floors pinned fails too (a check against nothing would pass whatever the scores)."""
    name = key or result.variant or "default"
    pinned = load_floors(result.task)
    if name not in pinned:
        return [f"{result.key()}: no floors pinned for {name!r} (pinned: {', '.join(pinned)})"]
    floors = pinned[name]
    failures = []
    for metric, floor in floors.items():
        got = result.metrics.get(metric)
        if got is None:
            failures.append(f"{result.key()}: metric {metric} missing")
        elif got + 1e-9 < floor:
            failures.append(f"{result.key()}: {metric} = {got:.4f} below floor {floor:.4f}")
    return failures
