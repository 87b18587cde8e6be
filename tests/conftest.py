"""Shared fixtures: paths to the project's example corpus and to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.eval import shared_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = shared_dir() / "corpus" / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed corpus not found at {path}")
    return path
