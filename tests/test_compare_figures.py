"""Figure comparison on small synthetic stories: time anchors, predicates, verdicts over time."""

from __future__ import annotations

from pathlib import Path

from newsweave.compare import clauses, figures, verdicts
from newsweave.compare.scopes import Scope
from newsweave.model import Article, DateMention, Figure
from tests.test_compare_data import span


def _article(aid: str, text: str, published: str | None, event: str = "e") -> Article:
    return Article(aid, f"{aid}.txt", text, published=published, language="en", event=event)


def _fig(art: Article, needle: str, value: float, unit: str, quantity: str, **kw: object) -> Figure:
    s, e = span(art.text, needle)
    f = Figure(s, e, needle, value, unit, quantity, sentence=art.text, **kw)  # type: ignore[arg-type]
    art.figures.append(f)
    return f


def _date(art: Article, needle: str, value: str) -> None:
    s, e = span(art.text, needle)
    art.dates.append(DateMention(s, e, needle, value, sentence=art.text))


def _compare(*arts: Article) -> list[tuple[str, str, list[float]]]:
    scope = Scope("s", "event", list(arts))
    return [
        (c.quantity, c.verdict, [v.value for v in c.values]) for c in figures.compare_scope(scope)
    ]


# --- 1. figures anchored to another year describe another happening -----------------------


def _outages() -> tuple[Article, Article, Article]:
    past = _article(
        "past",
        "The blackout is the worst since 2009, when a two-day outage cost the region an "
        "estimated $80m.",
        "2030-01-10",
    )
    _fig(past, "an estimated $80m", 80e6, "USD", "cost", approximate="an estimated")
    _date(past, "2009", "2009")
    now = _article(
        "now",
        "Analysts said the blackout cost the region about $150m, more than the 2009 outage.",
        "2030-01-20",
    )
    _fig(now, "about $150m", 150e6, "USD", "cost", approximate="about")
    _date(now, "2009", "2009")
    then = _article("then", "In 2009, the outage cost the region $95m.", "2030-01-12")
    _fig(then, "$95m", 95e6, "USD", "cost")
    _date(then, "2009", "2009")
    return past, now, then


def test_a_date_governing_the_clause_anchors_the_figure() -> None:
    past, now, then = _outages()
    assert clauses.read(past.figures[0], past, 2030, counted=False).anchor == 2009
    assert clauses.read(then.figures[0], then, 2030, counted=False).anchor == 2009
    # a year inside a comparison does not anchor the figure's own clause
    assert clauses.read(now.figures[0], now, 2030, counted=False).anchor is None
    # nor does "since": a count since then runs to the present
    since = _article("since", "Prices have risen by 40% since 2009.", "2030-01-10")
    _fig(since, "40%", 40, "percent", "risen")
    _date(since, "2009", "2009")
    assert clauses.read(since.figures[0], since, 2030, counted=False).anchor is None
    # the reporting year itself is no anchor
    assert clauses.read(then.figures[0], then, 2009, counted=False).anchor is None


def test_figures_of_another_year_are_compared_only_with_the_same_year() -> None:
    past, now, then = _outages()
    assert _compare(past, now) == []  # 2009's cost is not this blackout's cost
    (only,) = _compare(past, now, then)
    quantity, verdict, values = only
    assert values == [80e6, 95e6] and "2009" in quantity
    assert verdict == "conflict"  # one past happening: reported later is no evolution


# --- 2. the counted noun must do the same thing --------------------------------------------


def _nurses() -> tuple[Article, Article, Article]:
    first = _article("first", "About 500 nurses joined the strike on Monday.", "2030-02-03")
    _fig(first, "About 500 nurses", 500, "nurses", "nurses", approximate="about")
    later = _article("later", "Some 700 nurses remained on strike, the union said.", "2030-02-10")
    _fig(later, "Some 700 nurses", 700, "nurses", "remained on strike", approximate="some")
    vote = _article("vote", "Of the 900 nurses who voted, 60% backed the deal.", "2030-02-20")
    _fig(vote, "900 nurses", 900, "nurses", "nurses")
    return first, later, vote


def test_predicate_of_the_counted_noun() -> None:
    first, later, vote = _nurses()
    assert clauses.read(first.figures[0], first, 2030, counted=True).predicate >= {"strike"}
    assert "strike" in clauses.read(later.figures[0], later, 2030, counted=True).predicate
    assert clauses.read(vote.figures[0], vote, 2030, counted=True).predicate == {"voted"}


def test_voters_are_not_compared_with_strikers() -> None:
    (only,) = _compare(*_nurses())
    assert only[2] == [500, 700] and only[1] == "evolving"
    members = _article("members", "The union has 900 nurses.", "2030-02-20")
    _fig(members, "900 nurses", 900, "nurses", "nurses")
    first, later, _ = _nurses()
    assert [c[2] for c in _compare(first, later, members)] == [[500, 700]]


# --- 3. verdicts: approximations and time --------------------------------------------------


def _item(day: str, value: float, approx: str | None = None) -> verdicts.Item:
    art = _article(f"a{day}{value}", "x", f"2030-03-{day}")
    return (Figure(0, 1, "x", value, "ships", "waiting", approximate=approx), art, None)


def _verdict(*items: verdicts.Item) -> str:
    return verdicts.verdict(list(items), Scope("s", "event", [i[1] for i in items]))


def test_overlapping_ranges_at_the_same_time_agree() -> None:
    assert _verdict(_item("03", 30, "at least"), _item("04", 12, "dozens")) == "agree"
    assert _verdict(_item("03", 30), _item("03", 31)) == "agree"  # within 2%
    assert _verdict(_item("03", 30), _item("04", 45)) == "conflict"  # one day apart


def test_values_that_grow_over_time_are_evolving() -> None:
    growing = (_item("03", 30, "at least"), _item("04", 12, "dozens"), _item("10", 45, "more than"))
    assert _verdict(*growing) == "evolving"
    assert _verdict(_item("03", 30, "at least"), _item("10", 30, "at least")) == "agree"


def test_a_vaguer_later_report_agrees_and_a_shrinking_count_conflicts() -> None:
    assert _verdict(_item("10", 45, "more than"), _item("14", 12, "dozens")) == "agree"
    assert _verdict(_item("03", 30), _item("10", 20)) == "conflict"


def test_values_anchored_to_the_same_past_year_do_not_evolve() -> None:
    old, new = _item("03", 30), _item("10", 45)
    assert _verdict(old, new) == "evolving"
    assert _verdict((*old[:2], 2009), (*new[:2], 2009)) == "conflict"


def test_batched_clause_parses_match_the_full_pipeline(seeds_dir: Path) -> None:
    """Sentences parsed ahead in batches, without the entity recogniser, get the tags and the
    dependency tree the whole pipeline gives them one at a time."""
    from newsweave import nlp
    from newsweave.compare.text import sentences

    texts = [s.text for p in sorted(seeds_dir.glob("*.txt")) for s in sentences(p.read_text())]
    texts = [t for t in texts if any(c.isdigit() for c in t)][:40]
    assert len(texts) >= 10
    clauses._DOCS.clear()
    clauses.parse_ahead([("en", t) for t in texts])
    assert all(("en", t) in clauses._DOCS for t in texts)
    full = nlp.load("en")
    for t in texts:
        got, want = clauses._parse("en", t), full(t)
        assert got is not None
        assert [(w.pos_, w.dep_, w.head.i) for w in got] == [
            (w.pos_, w.dep_, w.head.i) for w in want
        ]
