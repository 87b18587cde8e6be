"""Serialisation of the data model and the report.json contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from newsweave.io.report_json import report_to_dict
from newsweave.model import (
    Article,
    ComparedValue,
    Comparison,
    Figure,
    Problem,
    Quote,
    Report,
    article_from_dict,
    to_dict,
)

SCHEMA = Path(__file__).resolve().parents[1] / "src/newsweave/schema/report.schema.json"


def _article() -> Article:
    text = 'More than 6.500 people were detained. "I will not go," he said.'
    return Article(
        id="a1",
        source="in/a1.txt",
        text=text,
        title="T",
        figures=[Figure(start=0, end=36, text=text[:36], value=6500.0, unit="people")],
        quotes=[Quote(start=39, end=52, text="I will not go", speaker="X")],
    )


def test_round_trip_keeps_annotations() -> None:
    art = _article()
    back = article_from_dict(to_dict(art))
    assert back == art


def test_whole_numbers_serialise_as_integers() -> None:
    assert to_dict(_article())["figures"][0]["value"] == 6500


def test_report_json_validates_against_schema_and_flattens_annotations() -> None:
    art = _article()
    report = Report(
        articles=[art],
        problems=[Problem(source="in/bad.gz", reason="truncated gzip stream", code="E003")],
        comparisons=[
            Comparison(
                scope="s1",
                quantity="detained",
                verdict="agree",
                values=[ComparedValue(article="a1", value=6500)],
            )
        ],
        read=2,
    )
    data = report_to_dict(report)
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    assert data["summary"] == {
        "read": 2,
        "analysed": 1,
        "problems": 1,
        "events": 0,
        "storylines": 0,
    }
    assert data["quotes"][0]["article"] == "a1"
    assert "quotes" not in data["articles"][0]
    quote = data["quotes"][0]
    assert art.text[quote["start"] : quote["end"]] == quote["text"]


def test_schema_requires_contract_fields() -> None:
    schema = json.loads(SCHEMA.read_text())
    data = report_to_dict(Report(articles=[_article()], read=1))
    del data["articles"][0]["duplicate_of"]
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as exc:
        assert "duplicate_of" in exc.message
    else:  # pragma: no cover - the assertion is the point
        raise AssertionError("schema accepted an article without duplicate_of")
