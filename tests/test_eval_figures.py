"""The figures evaluation on the Recognizers-Text English specs holds its pinned floors."""

from __future__ import annotations

import pytest

from newsweave.eval import check_floors, data_path
from newsweave.eval.figures import SPECS, evaluate, load_cases


@pytest.fixture(scope="module")
def specs_present() -> None:
    if not data_path(SPECS).exists():
        pytest.skip(f"specs not found at {data_path(SPECS)}")


def test_cases_are_read_from_the_tar(specs_present: None) -> None:
    cases, skipped = load_cases()
    models = {c.model for c in cases}
    assert models == {"number", "percent", "currency"}
    assert len(cases) > 400
    assert skipped["skipped_cases"] > 0  # the ones the reference (.NET) does not pass


@pytest.mark.slow
def test_figures_eval_meets_floors(specs_present: None) -> None:
    result = evaluate()
    assert result.counts["gold"] > 450
    assert check_floors(result) == []
    assert result.metrics["value_acc"] >= 0.95  # quantulum3 scores 0.728 here
