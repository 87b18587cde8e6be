"""The extraction evaluation runs the pipeline's cleaning stages and holds its pinned floor."""

from __future__ import annotations

import pytest

from newsweave.eval import check_floors, data_path
from newsweave.eval.extraction import Counts, score_item

DATA = data_path("extraction", "trafilatura-eval")


def test_score_item_counts_snippets_like_trafilatura() -> None:
    item = {"with": ["main  text", "lost"], "without": ["Impressum", "Share"]}
    assert score_item(item, "The main\ntext here. Share") == (1, 1, 1, 1)
    assert score_item(item, None) == (0, 0, 2, 2)


def test_counts_metrics() -> None:
    c = Counts(tp=8, fp=2, fn=2, tn=8)
    m = c.metrics()
    assert m["precision"] == pytest.approx(0.8)
    assert m["recall"] == pytest.approx(0.8)
    assert m["f1"] == pytest.approx(0.8)
    assert m["accuracy"] == pytest.approx(0.8)


@pytest.mark.skipif(
    not (DATA / "evaldata.json").exists(), reason=f"shared eval data missing at {DATA}"
)
def test_extraction_floor_holds() -> None:
    from newsweave.eval.extraction import evaluate

    result = evaluate(baseline=False)
    assert result.counts["pages"] > 900
    assert check_floors(result) == []
