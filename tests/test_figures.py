"""The figures stage on the seed articles and on short sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.model import Article, Figure
from newsweave.pipeline import Config, get_stage


def run(text: str) -> list[Figure]:
    article = Article(id="t", source="t", text=text, language="en")
    for name in ("newsweave.nlp.parse.v1", "newsweave.extract.figures.v1"):
        article = get_stage(name).func(article, Config())
    return article.figures


def seed(seeds_dir: Path, prefix: str) -> list[Figure]:
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return run(path.read_text(encoding="utf-8"))


def find(figs: list[Figure], value: float) -> Figure:
    hits = [f for f in figs if f.value == value]
    assert hits, f"no figure {value} in {[(f.text, f.value) for f in figs]}"
    return hits[0]


def test_seed_000_dot_thousands(seeds_dir: Path) -> None:
    fig = find(seed(seeds_dir, "000"), 6500)
    assert (fig.unit, fig.quantity, fig.approximate) == ("people", "detained", "more than")
    assert "6.500" in fig.text and "detained" in fig.sentence


def test_seed_001_votes_and_deaths(seeds_dir: Path) -> None:
    figs = seed(seeds_dir, "001")
    votes = find(figs, 80)
    assert (votes.unit, votes.quantity, votes.approximate) == ("percent", "votes", "just over")
    died = [f for f in figs if f.value == 2 and f.quantity == "died"]
    assert died and died[0].approximate == "at least" and died[0].unit == "protesters"
    several = find(figs, 1000)
    assert several.approximate == "several" and several.unit == "people"


def test_seed_002_crowds_and_tenure(seeds_dir: Path) -> None:
    figs = seed(seeds_dir, "002")
    crowd = find(figs, 200000)
    assert crowd.approximate == "as many as" and crowd.unit == "people"
    killed = [f for f in figs if f.value == 2 and f.quantity == "killed"]
    assert killed and killed[0].unit == "protesters"
    detained = [f for f in figs if f.quantity == "detained"]
    assert detained and detained[0].approximate == "thousands"
    tenure = find(figs, 20)
    assert (tenure.unit, tenure.quantity, tenure.subject) == (
        "years",
        "years in power",
        "Lukashenko",
    )
    assert not any(f.value in (1991, 1994, 25) for f in figs)  # dates are not figures


def test_seed_003_loan_and_arrests(seeds_dir: Path) -> None:
    figs = seed(seeds_dir, "003")
    loan = find(figs, 1_500_000_000)
    assert (loan.unit, loan.quantity) == ("USD", "loan")
    assert find(figs, 500000).unit == "personnel"
    arrested = find(figs, 35000)
    assert (arrested.quantity, arrested.approximate) == ("arrested", "more than")
    assert find(figs, 200).unit == "raids"
    assert find(figs, 28).unit == "journalists"
    assert not any(f.value == 6 or f.value == 2020 for f in figs)  # "sixth term", "August 2020"


def test_seed_004_rule_and_age(seeds_dir: Path) -> None:
    figs = seed(seeds_dir, "004")
    rule = find(figs, 26)
    assert (rule.unit, rule.quantity, rule.subject) == ("years", "years in power", "Lukashenko")
    age = find(figs, 65)
    assert (age.unit, age.quantity) == ("years", "age")
    assert not any(f.value == 9 for f in figs)  # "an August 9 election"


@pytest.mark.parametrize(
    ("text", "value", "unit", "value_max"),
    [
        ("The loan was €200m.", 200e6, "EUR", None),
        ("It cost £3 million.", 3e6, "GBP", None),
        ("Support rose to 80 per cent.", 80, "percent", None),
        ("Between 5 and 10 people were hurt.", 5, "people", 10),
        ("Some 5-10% of voters stayed home.", 5, "percent", 10),
        ("The deal was worth Rs 500 crore.", 5e9, "INR", None),
        ("He paid 1.5 billion dollars.", 1.5e9, "USD", None),
    ],
)
def test_units_and_ranges(text: str, value: float, unit: str, value_max: float | None) -> None:
    fig = find(run(text), value)
    assert fig.unit == unit and fig.value_max == value_max


def test_not_figures() -> None:
    text = "Call +1-222-333-4444 about flight MH17 on 5 August at 07:51 in 1994, his second term."
    assert run(text) == []


def test_offsets_point_into_the_text() -> None:
    text = "Police said more than 6,500 people were detained."
    (fig,) = run(text)
    assert text[fig.start : fig.end] == fig.text == "more than 6,500 people"
    assert fig.value == 6500


def test_odd_digits_and_huge_numbers_do_not_fail_the_stage() -> None:
    from newsweave import nlp
    from newsweave.extract.figures import find_figures

    text = "Emissions of CO₂ fell by 12₁ tonnes; the model gives 1e400 and 10^400 as limits."
    figs = find_figures(text, nlp.load("en")(text))
    assert all(f.text in text for f in figs)
