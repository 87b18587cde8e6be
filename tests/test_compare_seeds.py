"""The story view on the five seed articles, end to end (read from ../shared, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.analyze import analyze
from newsweave.compare.dates import sort_key
from newsweave.model import Article, Event, Report, Storyline


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> Report:
    return analyze([str(seeds_dir)])


def _art(report: Report, prefix: str) -> Article:
    return next(a for a in report.articles if a.id.startswith(prefix))


def test_signed_statement_is_opinion_and_reports_are_news(seeds: Report) -> None:
    assert _art(seeds, "000").kind == "opinion"
    assert [_art(seeds, p).kind for p in ("001", "002", "003", "004")] == ["news"] * 4


def test_conflict_on_how_long_lukashenko_has_ruled(seeds: Report) -> None:
    ruled = [c for c in seeds.comparisons if {v.value for v in c.values} == {20, 26}]
    assert ruled and ruled[0].verdict == "conflict"
    assert {v.article[:3] for v in ruled[0].values} == {"002", "004"}


def test_killed_protesters_agree_across_the_two_outlets(seeds: Report) -> None:
    killed = [c for c in seeds.comparisons if {v.article[:3] for v in c.values} == {"001", "002"}]
    assert any(c.verdict == "agree" and {v.value for v in c.values} == {2} for c in killed)


def test_detentions_after_a_week_and_after_months_are_evolving(seeds: Report) -> None:
    detained = [c for c in seeds.comparisons if {6500, 35000} <= {v.value for v in c.values}]
    assert detained and detained[0].verdict == "evolving"


def test_putins_readiness_to_help_is_one_statement_across_outlets(seeds: Report) -> None:
    groups = [
        g
        for g in seeds.ext["quote_groups"]
        if g.speaker and "Putin" in g.speaker and len(g.outlets) >= 2
    ]
    assert groups
    texts = " ".join(w.text for w in groups[0].wordings).lower()
    assert "ready to provide" in texts
    assert {w.article[:3] for w in groups[0].wordings} >= {"001", "002"}


def test_timeline_orders_election_statements_and_later_threat(seeds: Report) -> None:
    tl = seeds.timeline
    assert [sort_key(e.date) for e in tl] == sorted(sort_key(e.date) for e in tl)
    dates = [e.date for e in tl]
    assert "2020-08-09" in dates
    late_august = [d for d in dates if d.startswith("2020-08-") and d > "2020-08-20"]
    assert late_august and dates.index("2020-08-09") < dates.index(late_august[0])
    # 003 has no publication date: its "last year" + "August 2020" place it in 2021 (estimated).
    assert max(d for d in dates if d.startswith("2021")) > late_august[-1]


def test_brief_and_timeline_cite_articles_that_hold_them(seeds: Report) -> None:
    texts = {a.id: a.text for a in seeds.articles}
    scopes: list[Event | Storyline] = [*seeds.events, *seeds.storylines]
    for obj in scopes:
        assert 3 <= len(obj.brief) <= 7
        for b in obj.brief:
            assert any(b.text in texts[c] for c in b.citations), b.text
    assert seeds.timeline
    for e in seeds.timeline:
        assert any(e.text in texts[c] for c in e.articles), e.text
