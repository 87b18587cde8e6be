"""Entities: canonical names within an article, roles, nominal mentions, and across articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.compare.entities import link
from newsweave.model import Article, Report
from newsweave.pipeline import Config, process_article

STAGES = ["newsweave.nlp.parse.v1", "newsweave.extract.entities.v1", "newsweave.extract.quotes.v1"]


def _run(text: str, id_: str = "t") -> Article:
    result = process_article(
        Article(id=id_, source=id_, text=text, language="en"), STAGES, Config()
    )
    assert isinstance(result, Article)
    return result


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> list[Article]:
    return [_run(p.read_text(), p.stem) for p in sorted(seeds_dir.glob("*.txt"))]


def test_surname_links_to_full_name() -> None:
    art = _run(
        "Prime Minister Laura Kettering arrived in Oslo on Friday. Kettering met the king, "
        "and later Kettering spoke to the press."
    )
    people = [m for m in art.entities if m.label == "PERSON"]
    assert {m.canonical for m in people} == {"Laura Kettering"}
    assert people[0].role == "Prime Minister"


def test_parenthetical_and_nominal_mentions(seeds: list[Article]) -> None:
    art = next(a for a in seeds if a.id.startswith("004"))
    by_text = {m.text: m for m in art.entities}
    assert by_text["Alexander Grigorivich"].canonical == "Alexander Lukashenko"
    assert by_text["Jens Stoltenberg"].role == "NATO chief"
    art3 = next(a for a in seeds if a.id.startswith("003"))
    peskov = next(m for m in art3.entities if m.text == "Dmitry Peskov")
    assert peskov.role == "Kremlin spokesman"
    nominal = next(m for m in art3.entities if m.text.lower() == "the belarusian president")
    assert nominal.canonical == "Alexander Lukashenko"


def test_role_nominal_picks_compatible_person() -> None:
    art = _run(
        "Russian President Vladimir Putin called Belarusian President Alexander Lukashenko "
        "on Sunday. The Russian leader promised help."
    )
    nominal = next(m for m in art.entities if m.text == "The Russian leader")
    assert nominal.canonical == "Vladimir Putin"


def test_possessive_role_after_an_s_name() -> None:
    """ "Belarus’ president": the apostrophe is a possessive, not a closing quotation mark."""
    art = _run(
        "Paris’ popular mayor warned Friday that the city would close its parks during the "
        "heat wave. Mayor Anne Hidalgo said the measure was temporary."
    )
    nominal = next(m for m in art.entities if m.text.startswith("Paris’"))
    assert nominal.text == "Paris’ popular mayor"
    assert nominal.canonical == "Anne Hidalgo"
    assert art.quotes[0].speaker == "Anne Hidalgo"


def test_cross_article_entities(seeds: list[Article]) -> None:
    report = Report(articles=seeds)
    link(report, Config())
    luka = next(e for e in report.entities if e.name == "Alexander Lukashenko")
    assert luka.type == "PERSON"
    assert "Lukashenko" in luka.aliases
    assert len(luka.articles) == 5  # the opinion piece names only "Lukashenko"
    assert any("president" in r.lower() for r in luka.roles)
    assert [e.id for e in report.entities] == [f"ent{i + 1}" for i in range(len(report.entities))]
    for art in seeds:
        for m in art.entities:
            assert m.entity is not None
    quotes = [q for a in seeds for q in a.quotes if q.direct and q.speaker]
    assert all(q.speaker_entity for q in quotes if q.speaker in {e.name for e in report.entities})
    putin = next(e for e in report.entities if e.name == "Vladimir Putin")
    assert any(q.speaker_entity == putin.id for q in quotes)
    # "Lukashenko" alone in the opinion piece is upgraded to the fullest name
    first = next(q for q in seeds[0].quotes if q.speaker)
    assert first.speaker == "Alexander Lukashenko"
