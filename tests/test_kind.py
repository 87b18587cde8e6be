"""Opinion vs news: the transparent scorer of newsweave.extract.kind."""

from __future__ import annotations

from newsweave.extract import kind
from newsweave.model import Article
from newsweave.pipeline import Config
from tests.test_compare_data import A1, A2, A3, OPINION


def _kind(text: str) -> str:
    return kind.classify(Article("x", "x.txt", text), Config()).kind


def test_signed_statement_with_calls_to_action_is_opinion() -> None:
    assert _kind(OPINION) == "opinion"


def test_reports_are_news() -> None:
    assert [_kind(t) for t in (A1, A2, A3)] == ["news"] * 3


def test_first_person_inside_quotes_does_not_count() -> None:
    text = (
        '"I will not give up, and I will stay," the president said on Sunday. '
        '"We will not follow foreign orders," he told supporters, according to state media.'
    )
    feats = kind.features(text)
    assert feats["first_singular"] == 0 and feats["first_plural"] == 0
    assert feats["attribution"] > 0
    assert _kind(text) == "news"


def test_features_and_score_are_kept_for_audit() -> None:
    art = kind.classify(Article("x", "x.txt", OPINION), Config())
    info = art.ext["newsweave.kind"]
    assert info["score"] >= kind.THRESHOLD
    assert info["features"]["calls"] >= 2 and info["features"]["exclamations"] >= 1


def test_threshold_is_configurable() -> None:
    config = Config(options={kind.STAGE: {"threshold": 100.0}})
    assert kind.classify(Article("x", "x.txt", OPINION), config).kind == "news"
