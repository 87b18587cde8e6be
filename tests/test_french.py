"""French articles: the installed French spaCy pipeline, guillemets, French attributions."""

from __future__ import annotations

import pytest

from newsweave import nlp
from newsweave.model import Article
from newsweave.pipeline import Config, process_article

STAGES = ["newsweave.nlp.parse.v1", "newsweave.extract.entities.v1", "newsweave.extract.quotes.v1"]
TEXT = (
    "Grève au port de Marseille\n\n"
    "Plus de 1.200 dockers ont cessé le travail lundi au port de Marseille, a annoncé la CGT. "
    "« Nous ne reprendrons pas tant que la direction refusera de négocier », a déclaré "
    "Jean Dupont, secrétaire général du syndicat.\n\n"
    "Le président Emmanuel Macron a affirmé que le gouvernement ne céderait pas.\n\n"
    "« La grève est illégale et coûte trop cher au pays », selon la direction du port."
)


@pytest.fixture(scope="module")
def article() -> Article:
    if not nlp.has_model("fr"):
        pytest.skip("no French spaCy pipeline installed (fr_core_news_sm is in the lock)")
    result = process_article(
        Article(id="fr", source="fr", text=TEXT, language="fr"), STAGES, Config()
    )
    assert isinstance(result, Article)
    return result


def test_french_pipeline_is_the_trained_one() -> None:
    if not nlp.has_model("fr"):
        pytest.skip("no French spaCy pipeline installed")
    model = nlp.load("fr")
    assert "ner" in model.pipe_names and "parser" in model.pipe_names


def test_french_entities(article: Article) -> None:
    people = {m.canonical for m in article.entities if m.label in {"PER", "PERSON"}}
    assert {"Jean Dupont", "Emmanuel Macron"} <= people


def test_french_quotes_and_speakers(article: Article) -> None:
    by_speaker = {q.speaker: q for q in article.quotes}
    dupont = by_speaker["Jean Dupont"]
    assert dupont.direct and dupont.text.startswith("Nous ne reprendrons pas")
    assert dupont.cue == "déclaré"
    macron = by_speaker["Emmanuel Macron"]
    assert not macron.direct and macron.text == "le gouvernement ne céderait pas"
    port = next(q for q in article.quotes if q.cue == "selon")
    assert port.direct and port.speaker == "direction du port"
