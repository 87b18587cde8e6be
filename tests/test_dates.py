"""Date expressions and their normalisation against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from newsweave.extract import temporal_anchor as anc
from newsweave.extract.dates import extract_dates, is_calendar, parse_published
from newsweave.model import Article, DateMention
from newsweave.nlp import doc, has_model

needs_model = pytest.mark.skipif(not has_model("en"), reason="no English spaCy model")

FRIDAY = dt.date(2013, 3, 22)


def dates(text: str, published: str | None) -> list[DateMention]:
    article = Article(id="t", source="t", text=text, language="en", published=published)
    return extract_dates(text, published, doc(article))


def values(text: str, published: str | None = "2020-08-26") -> dict[str, str]:
    return {m.text: m.value for m in dates(text, published)}


def test_weekday_on_the_creation_day_is_that_day() -> None:
    assert anc.weekday(FRIDAY, 4, "past") == FRIDAY
    assert anc.weekday(FRIDAY, 4, "future") == FRIDAY
    assert anc.weekday(FRIDAY, 3, "past") == dt.date(2013, 3, 21)
    assert anc.weekday(FRIDAY, 3, "future") == dt.date(2013, 3, 28)


def test_month_year_follows_the_tense() -> None:
    assert anc.month_year(FRIDAY, 3, "past") == 2013  # the creation month is this year
    assert anc.month_year(FRIDAY, 8, "past") == 2012
    assert anc.month_year(FRIDAY, 8, "future") == 2013
    assert anc.month_year(FRIDAY, 2, "future") == 2013  # 11 months ahead is too far: nearest
    assert anc.month_year(FRIDAY, 5, None) == 2013  # nearest May


def test_month_day_keeps_the_current_year_when_the_tense_points_a_year_away() -> None:
    nov2 = dt.date(1989, 11, 2)
    assert anc.month_day(nov2, 11, 20, "past") == dt.date(1989, 11, 20)
    assert anc.month_day(dt.date(2021, 1, 5), 12, 28, "past") == dt.date(2020, 12, 28)
    assert anc.month_day(nov2, 1, 15, "future") == dt.date(1990, 1, 15)


def test_values_at_each_granularity() -> None:
    assert anc.value_at(FRIDAY, "week") == "2013-W12"
    assert anc.value_at(FRIDAY, "quarter") == "2013-Q1"
    assert anc.value_at(FRIDAY, "decade") == "201"
    assert anc.season(FRIDAY, 2, -1, None) == "2012-SU"
    assert anc.quarter(FRIDAY, 4, "past") == "2012-Q4"


def test_parse_published_reads_dates_and_datetimes() -> None:
    assert parse_published("2020-08-28T07:51:00+05:30") == dt.date(2020, 8, 28)
    assert parse_published("Aug 28, 2020") == dt.date(2020, 8, 28)
    assert parse_published("not a date") is None
    assert parse_published(None) is None


@needs_model
def test_absolute_dates() -> None:
    got = values(
        "Belarus seceded on August 25, 1991. The vote was on 9 August 2020, the poll in "
        "June 1994 and the count on 2020-08-10. Growth slowed in the 1990s and in 2008."
    )
    assert got["August 25, 1991"] == "1991-08-25"
    assert got["9 August 2020"] == "2020-08-09"
    assert got["June 1994"] == "1994-06"
    assert got["2020-08-10"] == "2020-08-10"
    assert got["the 1990s"] == "199"
    assert got["2008"] == "2008"


@needs_model
def test_relative_dates_against_a_wednesday() -> None:  # 2020-08-26 is a Wednesday
    got = values(
        "Yesterday the minister resigned. Two days ago police arrested him. Last year he won, "
        "and next month he will stand again. Earlier this month prices rose. Talks resume "
        "this week. Today is calm. He left a week ago."
    )
    assert got["Yesterday"] == "2020-08-25"
    assert got["Two days ago"] == "2020-08-24"
    assert got["Last year"] == "2019"
    assert got["next month"] == "2020-09"
    assert got["Earlier this month"] == "2020-08"
    assert got["this week"] == "2020-W35"
    assert got["Today"] == "2020-08-26"
    assert got["a week ago"] == "2020-W34"
    assert all(m.relative for m in dates("Yesterday and last year.", "2020-08-26"))


@needs_model
def test_the_tense_of_the_verb_decides_weekdays_and_months() -> None:
    assert values("He will visit Minsk on Friday.")["Friday"] == "2020-08-28"
    assert values("He visited Minsk on Friday.")["Friday"] == "2020-08-21"
    assert values("He met Putin on Wednesday.")["Wednesday"] == "2020-08-26"
    assert values("The army will hold exercises in March.")["March"] == "2021-03"
    assert values("The army held exercises in March.")["March"] == "2020-03"
    assert values("An Aug. 9 election was held.")["Aug. 9"] == "2020-08-09"


@needs_model
def test_without_publication_date_only_absolute_dates() -> None:
    got = values("On Friday, 25 years after August 25, 1991, he spoke. Yesterday too.", None)
    assert got == {"August 25, 1991": "1991-08-25"}
    assert not any(m.relative for m in dates("In June 1994 and on Sunday.", None))


@needs_model
def test_words_that_only_look_like_dates() -> None:
    got = values("You know we may march. Theresa May said 2000 people came. He paid $1990.")
    assert got == {}


@needs_model
def test_offsets_sentences_and_reference_values() -> None:
    text = "Protests began in August 2020. Lukashenko is now ruling by decree."
    found = dates(text, "2021-09-17")
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.text in m.sentence
    by_text = {m.text: m for m in found}
    assert by_text["August 2020"].sentence == "Protests began in August 2020."
    assert by_text["now"].value == "PRESENT_REF"
    assert not is_calendar("PRESENT_REF") and is_calendar("2020-08")


@needs_model
def test_numeric_dates_and_holidays() -> None:
    got = values(
        "Police detained 50 people on 28.08.2020 and on 8/29/2020. He will be home for "
        "Christmas. On Easter Sunday 2019 bombs exploded. The 2009-2010 season was long.",
        "2020-11-20",
    )
    assert got["28.08.2020"] == "2020-08-28"
    assert got["8/29/2020"] == "2020-08-29"
    assert got["Christmas"] == "2020-12-25"
    assert got["Easter Sunday 2019"] == "2019-04-21"
    assert (got["2009"], got["2010"]) == ("2009", "2010")


def test_undated_text_gets_year_level_dates_from_last_year_and_named_years() -> None:
    from newsweave import nlp
    from newsweave.extract.dates import extract_dates

    text = (
        "The minister said on Friday that last year's floods, which began in March 2019, "
        "had cost the region dearly. Talks resume next week."
    )
    doc = nlp.load("en")(text)
    found = {d.text: d for d in extract_dates(text, None, doc)}
    assert found["March 2019"].value == "2019-03" and not found["March 2019"].estimated
    assert found["last year"].value == "2019" and found["last year"].estimated
    assert found["Friday"].value == "2020" and found["Friday"].estimated


def test_undated_text_without_last_year_keeps_relative_dates_out() -> None:
    from newsweave import nlp
    from newsweave.extract.dates import extract_dates

    text = "The election of June 1994 was the first. Protesters marched on Sunday."
    values = [d.value for d in extract_dates(text, None, nlp.load("en")(text))]
    assert values == ["1994-06"]


def test_modal_passive_and_forecast_infinitive_look_ahead() -> None:
    from newsweave import nlp
    from newsweave.extract.dates import extract_dates

    # 2025-03-21 is a Friday: "would be unloaded on Saturday" is the next day.
    text = "She said the first ships would be unloaded on Saturday."
    found = extract_dates(text, "2025-03-21", nlp.load("en")(text))
    assert [(d.text, d.value) for d in found] == [("Saturday", "2025-03-22")]
    # 2025-03-12 is a Wednesday: the forecast is for the next day, not the week before.
    text = "Forecasters expect the rain to ease on Thursday."
    found = extract_dates(text, "2025-03-12", nlp.load("en")(text))
    assert [(d.text, d.value) for d in found] == [("Thursday", "2025-03-13")]


def test_tense_of_a_root_infinitive_terminates() -> None:
    from newsweave import nlp
    from newsweave.extract.temporal_tense import verb_tense

    doc = nlp.load("en")("To leave on Friday.")  # a root infinitive: its head is itself
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX"):
            verb_tense(tok)  # must return, not recurse forever
