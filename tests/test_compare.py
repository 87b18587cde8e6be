"""The story view on a synthetic story: coverage, figures, quotes, only-here, timeline, brief."""

from __future__ import annotations

import pytest

from newsweave.compare import brief, claims, coverage, figures, quotes, timeline
from newsweave.compare.dates import sort_key
from newsweave.compare.scopes import all_scopes, in_story_order, story_scopes
from newsweave.model import Article, Event, Figure, Report, Storyline
from newsweave.pipeline import Config
from tests.test_compare_data import span, synthetic_report


@pytest.fixture()
def report() -> Report:
    r = synthetic_report()
    config = Config()
    for stage in (
        coverage.build_coverage,
        figures.compare_figures,
        quotes.group_quotes,
        claims.find_only_here,
        timeline.build_timeline,
        brief.write_briefs,
    ):
        stage(r, config)
    return r


def test_story_scopes_are_storylines_spanning_events() -> None:
    scopes = story_scopes(synthetic_report())
    assert [s.id for s in scopes] == ["s1"]
    assert {a.id for a in scopes[0].originals} == {"a1", "a2", "a3", "op"}  # wire copy folded


def test_story_order_puts_each_storyline_after_its_events() -> None:
    arts = [Article(id=f"a{k}", source="x", text="Some text.") for k in range(5)]
    events = [
        Event(id="e1", articles=["a0"], storyline="s2"),
        Event(id="e2", articles=["a1"], storyline="s1"),
        Event(id="e3", articles=["a2"]),  # in no storyline
        Event(id="e4", articles=["a3", "a4"], storyline="s2"),
    ]
    lines = [
        Storyline(id="s1", events=["e2"], articles=["a1"]),
        Storyline(id="s2", events=["e1", "e4"], articles=["a0", "a3", "a4"]),
    ]
    r = Report(articles=arts, events=events, storylines=lines)
    scopes = all_scopes(r)
    assert [s.id for s in scopes] == ["e1", "e2", "e3", "e4", "s1", "s2"]
    assert [s.id for s in in_story_order(scopes, r)] == ["e2", "s1", "e1", "e4", "s2", "e3"]
    assert [a.id for a in scopes[-1].articles] == ["a0", "a3", "a4"]  # its events' articles


def test_coverage_lists_outlets_dates_kinds_and_wire_copies(report: Report) -> None:
    cov = {c["scope"]: c for c in report.ext["coverage"]}
    s1 = cov["s1"]
    assert s1["articles"] == 5 and s1["originals"] == 4
    assert s1["first"] == "2025-03-03" and s1["last"] == "2025-03-20"
    assert s1["wire_copies"] == [{"article": "a1w", "copy_of": "a1", "outlet": "wire.example"}]
    letters = next(o for o in s1["outlets"] if o["outlet"] == "letters.example")
    assert letters["kinds"] == {"opinion": 1}
    assert cov["e2"]["articles"] == 1


def _verdicts(report: Report) -> dict[tuple[float, ...], str]:
    return {tuple(v.value for v in c.values): c.verdict for c in report.comparisons}


def test_figures_agree_conflict_and_evolving(report: Report) -> None:
    verdicts = _verdicts(report)
    assert verdicts[(2, 2)] == "agree"  # "at least two injured" vs "two hurt"
    assert verdicts[(12, 15)] == "conflict"  # years in office, same week
    assert verdicts[(40, 310)] == "evolving"  # arrests grow over weeks
    assert len(report.comparisons) == 3  # ships, members: reported once, not compared
    injured = next(c for c in report.comparisons if c.verdict == "agree")
    assert {v.outlet for v in injured.values} == {"harbor.example", "tribune.example"}
    assert all(v.sentence and v.published for v in injured.values)


def test_same_time_count_that_shrinks_is_a_conflict() -> None:
    r = synthetic_report()
    a3 = next(a for a in r.articles if a.id == "a3")
    a3.figures[0].value = 20  # fewer arrests weeks later: not a running count
    figures.compare_figures(r, Config())
    assert _verdicts(r)[(40, 20)] == "conflict"


def test_duration_grows_with_the_calendar() -> None:
    old = Figure(0, 1, "20 years", 20, "years", "rule")
    new = Figure(0, 1, "26-year", 26, "years", "ruled")
    assert figures.aligned(old, new)
    assert figures.over_time(old, new, 6 * 365) == "change"
    assert figures.over_time(old, new, 5) == "conflict"  # 20 vs 26 in the same week


def test_alignment_needs_the_same_thing_counted() -> None:
    killed = Figure(0, 1, "2 killed", 2, "protesters", "killed")
    died = Figure(0, 1, "2 died", 2, "people", "died")
    detained = Figure(0, 1, "2 detained", 2, "protesters", "detained")
    usd = Figure(0, 1, "$2", 2, "USD", "loan")
    assert figures.aligned(killed, died)
    assert not figures.aligned(killed, detained)
    assert not figures.aligned(killed, usd)
    assert figures.compatible(
        Figure(0, 1, "at least 2", 2, "people", "killed", approximate="at least"), died
    )


def test_quotes_grouped_by_speaker_and_statement(report: Report) -> None:
    groups = report.ext["quote_groups"]
    assert len(groups) == 1
    g = groups[0]
    assert g.speaker == "Tomas Reyka"  # "Reyka" joins the fuller name
    assert g.outlets == ["harbor.example", "tribune.example"]
    assert len(g.wordings) == 2 and g.wordings[0].text != g.wordings[1].text


def test_different_statements_of_one_speaker_stay_apart() -> None:
    r = synthetic_report()
    a2 = next(a for a in r.articles if a.id == "a2")
    a2.quotes[0].text = "Talks on pensions resume next month."
    quotes.group_quotes(r, Config())
    assert len(r.ext["quote_groups"]) == 2


def test_only_here_keeps_claims_no_other_outlet_reports(report: Report) -> None:
    texts = {(c.outlet, c.text) for c in report.ext["only_here"]}
    assert (
        "tribune.example",
        "Shipping firm Nordlane diverted three container ships to a rival port.",
    ) in texts
    # reported by two outlets, in other words: not only here
    assert not any("injured" in t or "hurt" in t for _, t in texts)
    assert not any("single ship" in t for _, t in texts)
    for c in report.ext["only_here"]:
        art = next(a for a in report.articles if a.id == c.article)
        assert art.text[c.start : c.end] == c.text


def test_timeline_merges_the_same_happening_and_orders_dates(report: Report) -> None:
    tl = report.timeline
    assert [sort_key(e.date) for e in tl] == sorted(sort_key(e.date) for e in tl)
    start = tl[0]
    assert start.date == "2025-03-03" and start.storyline == "s1"
    assert set(start.articles) == {"a1", "a2", "a1w"}  # two outlets + the wire copy
    assert tl[-1].date == "2025-W13"
    assert any(e.event == "e2" for e in tl)


def _texts(report: Report) -> dict[str, str]:
    return {a.id: a.text for a in report.articles}


def test_every_brief_sentence_and_timeline_entry_is_cited_by_a_source(report: Report) -> None:
    texts = _texts(report)
    scopes: list[Event | Storyline] = [*report.events, *report.storylines]
    for obj in scopes:
        assert 3 <= len(obj.brief) <= 7
        for b in obj.brief:
            assert b.citations
            assert any(b.text in texts[c] for c in b.citations)
    for e in report.timeline:
        assert any(e.text in texts[c] for c in e.articles)


def test_brief_spans_outlets_leaves_out_opinion_and_lists_disagreements(report: Report) -> None:
    s1 = report.storylines[0]
    cited = {c for b in s1.brief for c in b.citations}
    assert {"a1", "a2", "a3"} <= cited
    assert "op" not in cited
    assert "a1w" in cited  # the wire copy holds the same sentence
    (d,) = s1.ext["disagreements"]
    assert "12" in d.text and "15" in d.text and set(d.citations) == {"a1", "a2"}
    assert len({b.text for b in s1.brief}) == len(s1.brief)


def test_elapsed_time_in_context_orders_running_counts() -> None:
    text = (
        "Protests have gone on for a week now. More than 6,500 people were detained.\n\n"
        "He faced months of protests. A crackdown saw more than 35,000 people arrested."
    )
    art = Article("x", "x.txt", text)
    week = Figure(*span(text, "6,500"), "6,500", 6500, "people", "detained", "more than")
    months = Figure(*span(text, "35,000"), "35,000", 35000, "people", "arrested", "more than")
    assert figures.elapsed_days(week, art) == 7
    assert figures.elapsed_days(months, art) == pytest.approx(60.8)
    art.figures = [week]
    other = Article("y", "y.txt", text, figures=[months])
    r = Report(articles=[art, other], events=[Event("e", ["x", "y"], start="2020-08-16")])
    figures.compare_figures(r, Config())
    assert [c.verdict for c in r.comparisons] == ["evolving"]


def test_qualifiers_and_descriptive_counts() -> None:
    thousands = Figure(0, 1, "thousands", 1000, None, "detained", approximate="thousands")
    assert figures.compatible(thousands, Figure(0, 1, "6,500", 6500, "people", "detained"))
    assert not figures.compatible(thousands, Figure(0, 1, "35,000", 35000, None, "detained"))
    nearly = Figure(0, 1, "nearly 100", 100, "people", "killed", approximate="nearly")
    assert figures.compatible(nearly, Figure(0, 1, "95", 95, "people", "killed"))
    assert not figures.compatible(nearly, Figure(0, 1, "104", 104, "people", "killed"))
    assert not figures.reported(Figure(0, 1, "two", 2, "countries", "countries"))
    assert figures.reported(Figure(0, 1, "two", 2, "protesters", "killed"))


def test_speaker_names_without_word_characters_do_not_break_grouping() -> None:
    from newsweave.compare.quotes import _speaker_keys
    from newsweave.model import Article, Quote

    art = Article(id="a", source="s", text="x")
    quotes = [(Quote(0, 1, "x", speaker="—"), art), (Quote(0, 1, "y", speaker="Ann Lee"), art)]
    assert _speaker_keys(quotes) == ["name:—", "name:ann lee"]
