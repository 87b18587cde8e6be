"""Grouping a stream of several languages: each language's function words are stop words."""

from __future__ import annotations

import random
from pathlib import Path

from newsweave.group.stages import dedupe, events, storylines
from newsweave.group.text import stop_words, tokens
from newsweave.model import Article, Report
from newsweave.pipeline import Config

_QUAKE = (
    "El terremoto de magnitud 7,1 sacudió la región de Valparaíso en Chile durante la "
    "madrugada. Según los bomberos, las casas de adobe se derrumbaron y los vecinos pasaron la "
    "noche en la calle. El gobierno de Chile envió ayuda a los pueblos de la costa que quedaron "
    "sin luz y sin agua, y los hospitales de la zona atendieron a los heridos."
)
_FINAL = (
    "El Real Madrid ganó la final de la copa por tres goles a uno en el estadio de Sevilla. "
    "Los aficionados celebraron en la plaza de Cibeles hasta la madrugada. El entrenador dijo "
    "que el equipo jugó con la cabeza y que la victoria es de todos los jugadores y de la "
    "afición, que llenó las gradas del estadio desde la mañana."
)
_VOCAB = str.split(
    "council budget school bridge harbour vote mayor road tax rail energy farm court hospital "
    "police festival museum river factory union wage price market storm flood port airline "
    "bank loan housing rent water power grid library park stadium ferry tunnel bus fuel crop"
)


def test_each_language_drops_its_own_function_words() -> None:
    es = tokens(_QUAKE, "es")
    assert not {"de", "la", "los", "que", "en", "el"} & set(es)
    assert {"terremoto", "valparaíso", "chile", "bomberos"} <= set(es)
    # English keeps its list (with the reporting verbs), for any region of the code
    assert tokens("The mayor said that the bridge was closed", "en-GB") == [
        "mayor",
        "bridge",
        "closed",
    ]
    assert stop_words(None) == stop_words("en")
    # a language spaCy has no list for, or a code that is not one, falls back to English
    assert stop_words("ary") == stop_words("en") == stop_words("??")
    assert "não" in stop_words("pt-BR")


def _article(aid: str, text: str, language: str, order: int) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, title=None, order=order,
                   published="2021-03-04", language=language)  # fmt: skip


def test_two_unrelated_articles_of_a_minority_language_stay_apart(tmp_path: Path) -> None:
    # Spanish in a mostly English stream: "de", "la", "los" occur in two documents out of 42,
    # so, kept as words, they weighed as much as rare names and joined an earthquake in Chile
    # with a cup final in Seville.
    rng = random.Random(7)
    arts = [
        _article(f"en{i}", " ".join(rng.choices(_VOCAB, k=80)) + ".", "en", i) for i in range(40)
    ]
    arts += [_article("quake", _QUAKE, "es", 40), _article("final", _FINAL, "es", 41)]
    report = Report(articles=arts)
    config = Config(state_dir=str(tmp_path / "state"))
    for stage in (dedupe, events, storylines):
        stage(report, config)
    by_id = {a.id: a for a in report.articles}
    assert by_id["quake"].event != by_id["final"].event
    assert by_id["quake"].storyline != by_id["final"].storyline
