"""Quotation marks, attribution patterns and speaker resolution on small texts."""

from __future__ import annotations

import pytest

from newsweave.extract.quotemarks import find_quotes
from newsweave.model import Article, Quote
from newsweave.pipeline import Config, process_article

STAGES = ["newsweave.nlp.parse.v1", "newsweave.extract.entities.v1", "newsweave.extract.quotes.v1"]


def _contents(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.pieces] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', [["we will win"]]),
        ("He said “we will win” today.", [["we will win"]]),
        ("Il a dit «nous gagnerons» hier.", [["nous gagnerons"]]),
        ("Il a dit « nous gagnerons », puis il est parti.", [["nous gagnerons"]]),
        ("Il a dit\u00a0«\u202fnous gagnerons\u202f» hier.", [["nous gagnerons"]]),
        ("Er sagte „wir gewinnen“ gestern.", [["wir gewinnen"]]),
        ("She called it ‘a disgrace’ on Monday.", [["a disgrace"]]),
        ("She said 'we don't care' and left.", [["we don't care"]]),
        ("Lukashenko’s rule and the countries' borders don't move.", []),
        (
            "“First paragraph goes on\n\n“and the second ends.”",
            [["First paragraph goes on", "and the second ends."]],
        ),
        ("``Old style'' marks.", [["Old style"]]),
    ],
)
def test_quotation_marks(text: str, expected: list[list[str]]) -> None:
    assert _contents(text) == expected


def _quotes(text: str) -> list[Quote]:
    art = Article(id="t", source="t", text=text, language="en")
    result = process_article(art, STAGES, Config())
    assert isinstance(result, Article)
    return result.quotes


def test_pronoun_speaker_resolves_to_person() -> None:
    text = (
        "Senator Maria Lopez spoke in Denver on Monday. "
        "“We are going to fix the roads before winter comes,” she said."
    )
    (quote,) = [q for q in _quotes(text) if q.direct]
    assert quote.speaker == "Maria Lopez"
    assert text[quote.speaker_start : quote.speaker_end] == "she"


def test_according_to_and_told() -> None:
    text = (
        "“The budget will be balanced by the end of next year,” John Smith told reporters.\n\n"
        "According to Anna Berg, “nobody in the ministry has seen the plan so far.”"
    )
    quotes = [q for q in _quotes(text) if q.direct]
    assert [q.speaker for q in quotes] == ["John Smith", "Anna Berg"]
    assert quotes[0].cue == "told"


def test_role_speaker_uses_title() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov met reporters in Moscow. Later, the Kremlin spokesman "
        "said: “No request for troops has been received from anyone so far.”"
    )
    (quote,) = [q for q in _quotes(text) if q.direct]
    assert quote.speaker == "Dmitry Peskov"


def test_short_quote_without_speaker_is_dropped() -> None:
    text = "Only a “special operation” could change the situation in the region this week."
    assert [q for q in _quotes(text) if q.direct] == []


def test_continuation_paragraph_keeps_speaker() -> None:
    text = (
        "“We will rebuild every school in the district,” Mayor Tom Hill said.\n\n"
        "“And we will do it before the next election, with or without help.”"
    )
    quotes = [q for q in _quotes(text) if q.direct]
    assert len(quotes) == 2
    assert {q.speaker for q in quotes} == {"Tom Hill"}


@pytest.mark.parametrize(
    ("text", "words", "direct"),
    [
        # whole statements in quotation marks are direct quotes
        ("“We will rebuild the bridge before the winter,” Mayor Anna Berg said.", "rebuild", True),
        ("Mayor Anna Berg said: “We will rebuild the bridge before the winter.”", "rebuild", True),
        ("Mayor Anna Berg said “We will rebuild the bridge before the winter.”", "rebuild", True),
        (
            "The city can pay for most of it, but “if it is not enough, the state will help,” "
            "Mayor Anna Berg said.",
            "state will help",
            True,
        ),
        # quoted words inside the reporter's own sentence are reported speech
        (
            "Mayor Anna Berg said the council “will rebuild the bridge before the winter.”",
            "rebuild",
            False,
        ),
        (
            "Mayor Anna Berg called the report “a careless piece of work” on Monday.",
            "careless piece",
            False,
        ),
        (
            "Police chief Tom Reyes told reporters that “the exact cause of the fire” "
            "remains under investigation.",
            "exact cause",
            False,
        ),
    ],
)
def test_partial_quotes_are_not_direct(text: str, words: str, direct: bool) -> None:
    quote = next(q for q in _quotes(text) if words in q.text)
    assert quote.direct is direct
    assert quote.speaker is not None


def test_partial_quote_spans_the_reported_clause() -> None:
    text = "Mayor Anna Berg said the council “will rebuild the bridge before the winter.”"
    (quote,) = _quotes(text)
    assert quote.text == "the council “will rebuild the bridge before the winter.”"
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker == "Anna Berg"


def test_quotation_signed_with_a_dash() -> None:
    text = (
        "Readers wrote to us after the debate.\n"
        "“The bridge should have been repaired years ago, and everyone knew it.” ― Maria Lopez\n"
        "“I have never seen the river this high in my whole life.”― Tom Reyes."
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Tom Reyes"]
    assert all(q.direct for q in quotes)


def test_a_date_after_the_verb_is_not_the_speaker() -> None:
    text = (
        "The flood reached the old town on Sunday.\n"
        "“We will rebuild every house that the water took from us,” police Chief Chuck Jordan "
        "said Monday."
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Chuck Jordan"


def test_governing_verb_wins_over_the_next_sentence() -> None:
    text = (
        'Union leader Tomas Reyka said his members would stay out "until the cut is withdrawn, '
        "not one day less.\" He added that the union's strike fund could support workers."
    )
    partial = next(q for q in _quotes(text) if "not one day less" in q.text)
    assert partial.cue == "said" and partial.speaker == "Tomas Reyka"
    assert not partial.direct
    assert partial.text.startswith("his members would stay out")
