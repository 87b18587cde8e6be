"""The clustering evaluation runs the grouping stages on the labelled sets and holds its floors."""

from pathlib import Path

import pytest

from newsweave.embed import available
from newsweave.eval import EvalResult, check_floors, data_path, load_floors
from newsweave.eval.clustering import evaluate, evaluate_levels, load, variant_name

#: Each labelled set and the levels it is scored at (both from one grouping of it).
SETS = [
    (("clustering", "giveme5w1h-news-cluster.jsonl"), ("event", "topic")),
    (("clustering", "ecbplus-dev.jsonl"), ("event", "topic")),
    (("multilingual", "ml-crisis", "es"), ("topic",)),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("embeddings", "full"),
    # the default (e5 headlines), TF-IDF and names alone, MiniLM for English (the extra),
    # analyze's path
    [(None, False), ("none", False), ("minilm+e5", False), (None, True)],
    ids=str,
)
@pytest.mark.parametrize(("parts", "levels"), SETS)
def test_floors_hold(
    parts: tuple[str, ...], levels: tuple[str, ...], embeddings: str | None, full: bool
) -> None:
    path = data_path(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    if embeddings and not available(embeddings):  # only the extra's MiniLM can be missing
        pytest.skip(f"the optional 'embeddings' extra ({embeddings}) is not installed")
    for result in evaluate_levels(path, levels, embeddings=embeddings, full=full):
        assert result.variant in load_floors("clustering"), "every evaluated set has floors"
        assert check_floors(result) == []
        assert result.counts["articles"] > 300
        assert result.seconds > 0  # timed, and printed by the CLI; speed is in benchmarks/


#: Sets whose scores as a live feed (12 runs with a saved state) have floors of their own.
FEEDS = [
    (("clustering", "giveme5w1h-news-cluster.jsonl"), ("event", "topic")),
    (("clustering", "ecbplus-dev.jsonl"), ("event",)),
    (("multilingual", "ml-crisis", "es"), ("topic",)),
]


@pytest.mark.slow
@pytest.mark.parametrize(("parts", "levels"), FEEDS)
def test_floors_hold_as_a_live_feed(parts: tuple[str, ...], levels: tuple[str, ...]) -> None:
    path = data_path(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    for result in evaluate_levels(path, levels, runs=12):
        assert result.variant.endswith("@12runs") and result.details["runs"] == 12
        assert check_floors(result) == []
        assert result.counts["articles"] > 300  # the last run holds the whole set


@pytest.mark.slow
@pytest.mark.parametrize(("parts", "levels"), SETS)
def test_floors_hold_in_a_stream_of_all_the_sets(
    parts: tuple[str, ...], levels: tuple[str, ...]
) -> None:
    # The sets grouped together, English and Spanish, dated and undated: alone, the Spanish
    # set's function words weighed little; in the mix they weighed like names (0.479).
    path = data_path(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    alone, _ = load(path)
    for result in evaluate_levels(path, levels, mixed=True):
        assert result.variant.endswith("+mixed")
        assert check_floors(result) == []
        assert result.counts["articles"] == len(alone)  # scored on its own articles only
        assert result.details["mixed_with"] > 800


def test_one_grouping_scores_both_levels() -> None:
    path = data_path("clustering", "giveme5w1h-news-cluster.jsonl")
    if not path.exists():
        pytest.skip("shared data not available")
    event, topic = evaluate_levels(path, ("event", "topic"))
    assert (event.variant, topic.variant) == ("giveme5w1h:event", "giveme5w1h:topic")
    assert event.seconds == topic.seconds  # one run
    assert (event.counts["gold_clusters"], topic.counts["gold_clusters"]) == (69, 9)
    assert event.counts["predicted_clusters"] > topic.counts["predicted_clusters"]
    alone = evaluate(path, level="topic")
    assert alone.metrics["bcubed_f1"] == topic.metrics["bcubed_f1"]


def test_a_feed_needs_a_run() -> None:
    with pytest.raises(ValueError, match="runs must be at least 1"):
        evaluate(None, level="event", runs=0)


def test_default_file_is_giveme5w1h() -> None:
    path = data_path("clustering", "giveme5w1h-news-cluster.jsonl")
    if not path.exists():
        pytest.skip("shared data not available")
    result = evaluate(None, level="event")
    assert result.variant == "giveme5w1h:event"
    assert result.counts["gold_clusters"] == 69


def test_variant_names_the_embedder_only_when_not_the_default() -> None:
    path = Path("giveme5w1h-news-cluster.jsonl")
    default = variant_name(path, "event", False, None)
    assert default == variant_name(path, "event", False, "e5") == "giveme5w1h:event"
    assert variant_name(path, "topic", True, "none") == "giveme5w1h:topic+full+none"
    assert variant_name(path, "event", False, "none", runs=12) == "giveme5w1h:event+none@12runs"


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError):
        evaluate(None, level="galaxy")


def test_folder_set_reads_articles_with_path_dates_and_has_no_events() -> None:
    path = data_path("multilingual", "ml-crisis", "es")
    if not path.exists():
        pytest.skip("shared data not available")
    articles, gold = load(path)
    assert len(articles) == 791 and not gold["event"]  # reference timelines are not articles
    assert set(gold["topic"].values()) == {"egypt", "libya", "syria", "yemen"}
    assert len({a.id for a in articles}) == len(articles)  # names repeat across day folders
    with pytest.raises(ValueError, match="no event labels"):
        evaluate(path, level="event")


def test_a_run_without_pinned_floors_fails_the_check() -> None:
    unpinned = EvalResult(task="clustering", metrics={"bcubed_f1": 1.0}, variant="mine:event")
    assert check_floors(unpinned)[0].endswith(
        "no floors pinned for 'mine:event' (pinned: " + ", ".join(load_floors("clustering")) + ")"
    )
    pinned = EvalResult(task="clustering", metrics={"bcubed_f1": 0.0, "pairwise_f1": 0.0},
                        variant="giveme5w1h:event")  # fmt: skip
    assert len(check_floors(pinned)) == 2
