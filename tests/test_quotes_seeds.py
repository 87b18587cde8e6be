"""Quotes and speakers on the five seed articles, read from their .txt files."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.model import Article, Quote
from newsweave.pipeline import Config, process_article

STAGES = ["newsweave.nlp.parse.v1", "newsweave.extract.entities.v1", "newsweave.extract.quotes.v1"]


@pytest.fixture(scope="module")
def seed_quotes(seeds_dir: Path) -> dict[str, list[Quote]]:
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        art = Article(id=path.stem, source=str(path), text=path.read_text(), language="en")
        result = process_article(art, STAGES, Config())
        assert isinstance(result, Article)
        out[path.stem[:3]] = result.quotes
    return out


def _find(quotes: list[Quote], words: str) -> Quote:
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote containing {words!r} in {[q.text for q in quotes]}"
    return hits[-1]


@pytest.mark.parametrize(
    ("seed", "words", "speaker"),
    [
        ("001", "I will not give up the country", "Alexander Lukashenko"),
        ("001", "We will not follow foreign orders", "Alexander Lukashenko"),
        ("002", "We are ready to provide military assistance to Belarus under", "Vladimir Putin"),
        ("002", "NATO was plotting to overthrow my government", "Alexander Lukashenko"),
        ("003", "For the first time, he threatened", "Valery Karbalevich"),
        ("003", "Freedom of speech that we", "Alexander Lukashenko"),
        ("003", "They seem to seek out our sore spots", "Alexander Lukashenko"),
        ("003", "we won’t hesitate", "Alexander Lukashenko"),
        ("004", "We have of course certain obligations towards Belarus", "Vladimir Putin"),
        ("004", "I told him Russia would fulfil all its obligations", "Vladimir Putin"),
        ("004", "otherwise people wouldn't take to the streets", "Vladimir Putin"),
    ],
)
def test_seed_speakers(
    seed_quotes: dict[str, list[Quote]], seed: str, words: str, speaker: str
) -> None:
    quote = _find(seed_quotes[seed], words)
    assert quote.direct
    assert quote.speaker == speaker


def test_scare_quotes_are_kept_out(seed_quotes: dict[str, list[Quote]]) -> None:
    texts = [q.text for q in seed_quotes["000"]]
    assert "fraternal assistance" not in texts
    assert "sudden appearance of NATO soldiers" not in texts


def test_quote_offsets_and_marks(seeds_dir: Path, seed_quotes: dict[str, list[Quote]]) -> None:
    text = next(seeds_dir.glob("001_*.txt")).read_text()
    for q in seed_quotes["001"]:
        if q.direct and " " not in text[q.start : q.end].replace(q.text, ""):
            assert text[q.start : q.end] == q.text
        assert not q.text.startswith(("“", '"', "‘"))


@pytest.mark.parametrize(
    ("seed", "words", "speaker", "starts", "ends"),
    [
        (
            "003",
            "is possible only after an official request",
            "Dmitry Peskov",
            "Moscow hasn’t received any official requests",
            "to the leadership of other.”",
        ),
        ("003", "there is absolutely no need", "Alexander Lukashenko", "at the moment", "do that"),
        ("004", "sovereign and independent state", "Jens Stoltenberg", "it was a", 'state."'),
        (
            "004",
            "human rights of Belarusian people",
            "Mateusz Morawiecki",
            "any Russian intervention",
            'their own fate"',
        ),
    ],
)
def test_partial_quotes_are_reported_speech(
    seed_quotes: dict[str, list[Quote]], seed: str, words: str, speaker: str, starts: str, ends: str
) -> None:
    """Quoted words inside the reporter's sentence: reported speech spanning the whole clause."""
    quote = _find(seed_quotes[seed], words)
    assert not quote.direct
    assert quote.speaker == speaker
    assert quote.text.startswith(starts)
    assert quote.text.endswith(ends)


def test_indirect_speech_is_not_direct(seed_quotes: dict[str, list[Quote]]) -> None:
    indirect = [q for q in seed_quotes["003"] if not q.direct]
    stressed = _find(indirect, "he had dealt with last year")
    assert stressed.speaker == "Alexander Lukashenko"
    assert stressed.cue == "stressed"


def test_split_quote_is_one_statement(seed_quotes: dict[str, list[Quote]]) -> None:
    quote = _find(seed_quotes["003"], "all Russian armed forces will be brought in")
    assert "we won’t hesitate" in quote.text
    assert quote.speaker == "Alexander Lukashenko"
