"""Dates in the seed articles, normalised against their publication dates.

Publication dates are test assumptions, since only 004 carries one in its text:

* 004: 2020-08-28, the "Updated: Aug 28, 2020" line (a Friday).
* 001 and 002: 2020-08-16, a Sunday. 002 says Lukashenko "won the election a week ago" (the
  election was Sunday 9 August 2020) and that 200,000 people marched in Minsk "on Sunday"
  (the march of 16 August); 001 reports the same Sunday's demonstrations and Putin's call.
* 003: 2021-09-17, a Friday (Lukashenko's threat to invite Russian troops, reported by AP).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsweave.extract.dates import dates_stage, extract_dates
from newsweave.model import Article, DateMention
from newsweave.nlp import doc, has_model
from newsweave.pipeline import Config

pytestmark = pytest.mark.skipif(not has_model("en"), reason="no English spaCy model")

PUBLISHED = {"001": "2020-08-16", "002": "2020-08-16", "003": "2021-09-17", "004": "2020-08-28"}


def seed(seeds_dir: Path, prefix: str) -> Article:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    article = Article(id=path.stem, source=str(path), text=text, language="en")
    article.published = PUBLISHED[prefix]
    return dates_stage(article, Config())


def find(article: Article, text: str, context: str = "") -> DateMention:
    """The mention reading ``text`` (normalised spaces) whose sentence contains ``context``."""
    for m in article.dates:
        if " ".join(m.text.split()) == text and context in " ".join(m.sentence.split()):
            return m
    raise AssertionError(f"{text!r} ({context!r}) not found in {[m.text for m in article.dates]}")


def test_004_election_and_thursday(seeds_dir: Path) -> None:
    a = seed(seeds_dir, "004")
    assert find(a, "August 9", "an August 9 election").value == "2020-08-09"
    thursday = find(a, "Thursday", "vowed military support")
    assert (thursday.value, thursday.relative) == ("2020-08-27", True)
    assert find(a, "Aug 28, 2020").value == "2020-08-28"


def test_002_history_and_a_week_ago(seeds_dir: Path) -> None:
    a = seed(seeds_dir, "002")
    assert find(a, "August 25, 1991").value == "1991-08-25"
    assert find(a, "June 1994").value == "1994-06"
    assert find(a, "a week ago").value == "2020-W32"  # the week of the 9 August election
    assert find(a, "Sunday", "200,000").value == "2020-08-16"


def test_001_sunday_and_last_week(seeds_dir: Path) -> None:
    a = seed(seeds_dir, "001")
    assert find(a, "Sunday", "telephone call").value == "2020-08-16"
    assert find(a, "last week", "massive demonstrations").value == "2020-W32"


def test_003_last_year_and_september(seeds_dir: Path) -> None:
    a = seed(seeds_dir, "003")
    assert find(a, "last year", "anti-government protests").value == "2020"
    assert find(a, "September", "scheduled").value == "2021-09"  # future, this month
    assert find(a, "August 2020", "sixth term").value == "2020-08"
    assert find(a, "Friday", "warned").value == "2021-09-17"
    assert find(a, "Thursday", "Journalist groups").value == "2021-09-16"


def test_extraction_reads_the_given_parse_and_parses_nothing(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the stage costs beyond the parse is measured in benchmarks/enrich.py; here: it
    # reuses the parse it is given and never runs a spaCy pipeline again.
    a = seed(seeds_dir, "003")  # the longest seed
    parsed = doc(a)
    expected = extract_dates(a.text, a.published, parsed)

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extract_dates parsed the text again")

    monkeypatch.setattr(Language, "__call__", no_parse)
    monkeypatch.setattr(Language, "pipe", no_parse)
    again = extract_dates(a.text, a.published, parsed)
    assert [(d.start, d.value) for d in again] == [(d.start, d.value) for d in expected]
    assert len(again) >= 5
