"""Docs held to the code (after datasette's test_docs.py)."""

from __future__ import annotations

import re
from pathlib import Path

from newsweave.eval import FLOORS_DIR
from newsweave.pipeline import default_stage_names, registry

ROOT = Path(__file__).resolve().parents[1]


def test_architecture_lists_the_default_pipeline_as_registered() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| (\w+) \| ([^|]*) \| ([^|]*) \|$", text, re.MULTILINE)
    reg = registry()
    assert [r[0] for r in rows] == default_stage_names()
    for name, scope, reads, writes in rows:
        st = reg[name]
        assert scope == st.scope
        assert {x.strip() for x in reads.split(",") if x.strip()} == set(st.reads), name
        assert {x.strip() for x in writes.split(",") if x.strip()} == set(st.writes), name


def test_every_evaluation_has_floors_and_is_documented() -> None:
    text = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    for task in ("extraction", "clustering", "quotes", "figures", "dates"):
        assert (FLOORS_DIR / f"{task}.json").exists(), task
        assert f"newsweave eval {task}" in text, task


def test_readme_gives_the_two_setup_commands_and_every_command() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
    for command in ("analyze", "serve", "stages", "eval"):
        assert f"newsweave {command}" in text, command
