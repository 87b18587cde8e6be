"""The clustering evaluation runs the grouping stages on the labelled sets and holds its floors."""

import pytest

from newsweave.eval import check_floors, data_path, load_floors
from newsweave.eval.clustering import evaluate

SETS = [
    ("giveme5w1h-news-cluster.jsonl", "event"),
    ("giveme5w1h-news-cluster.jsonl", "topic"),
    ("ecbplus-dev.jsonl", "event"),
    ("ecbplus-dev.jsonl", "topic"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "level"), SETS)
def test_floors_hold(name: str, level: str) -> None:
    path = data_path("clustering", name)
    if not path.exists():
        pytest.skip(f"{path} not available")
    result = evaluate(path, level=level)
    assert result.variant in load_floors("clustering"), "every evaluated set has pinned floors"
    assert check_floors(result) == []
    assert result.counts["articles"] > 300
    assert result.seconds < 60


def test_default_file_is_giveme5w1h() -> None:
    path = data_path("clustering", "giveme5w1h-news-cluster.jsonl")
    if not path.exists():
        pytest.skip("shared data not available")
    result = evaluate(None, level="event")
    assert result.variant == "giveme5w1h:event"
    assert result.counts["gold_clusters"] == 69


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError):
        evaluate(None, level="galaxy")
