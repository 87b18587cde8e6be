"""The API and dashboard, in-process (FastAPI's TestClient) over a SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from newsweave.server.app import create_app
from newsweave.store import open_store
from tests.test_store import _report


@pytest.fixture()
def client(tmp_path: Path) -> TestClient:
    store = open_store(f"sqlite:///{tmp_path}/news.db")
    store.save_report(_report())
    return TestClient(create_app(store, state_dir=tmp_path / "state"))


def test_browse_api(client: TestClient) -> None:
    assert client.get("/api/summary").json()["storylines"] == 1
    story = client.get("/api/storylines/s1").json()
    assert [a["id"] for a in story["articles"]] == ["a1", "a2"]
    assert story["quotes"][0]["speaker"] == "Tomas Reyka"
    assert [t["date"] for t in story["timeline"]] == ["2025-03-03", "2025-03-14"]
    assert story["ext"]["quote_groups"][0]["speaker"] == "Tomas Reyka"
    assert client.get("/api/articles/a2").json()["title"] == "Talks resume"
    assert client.get("/api/search", params={"q": "mediator"}).json()[0]["id"] == "a2"
    assert client.get("/api/problems").json()[0]["code"] == "E003"


def test_missing_ids_are_404(client: TestClient) -> None:
    for path in ("/api/storylines/nope", "/api/events/nope", "/api/articles/nope", "/stories/nope"):
        assert client.get(path).status_code == 404, path


def test_dashboard_and_story_page(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "/stories/s1" in page.text and "Port strike" in page.text
    story = client.get("/stories/s1")
    assert story.status_code == 200 and "<html" in story.text.lower()


def test_posted_articles_are_analysed_and_stored(client: TestClient) -> None:
    records = [
        {
            "id": "p1",
            "title": "Floods close the coast road",
            "text": "Heavy rain closed the coast road on Tuesday, the fire service said.",
            "published": "2025-03-11",
            "outlet": "Harbor Ledger",
        },
        {"id": "p2", "text": ""},
    ]
    summary = client.post("/api/analyze", json=records).json()
    assert summary["read"] == 2 and summary["analysed"] == 1 and summary["problems"] == 1
    assert client.get("/api/articles/p1").json()["language"] == "en"


def _story(n: int, day: int, body: str) -> dict:
    return {
        "id": f"port{n}",
        "title": f"Harbor Bay port strike enters day {day}",
        "text": "Dock workers at the Harbor Bay port stayed on strike on Tuesday as talks with "
        "the port authority stalled, leaving container ships waiting outside Harbor Bay. " + body,
        "published": f"2025-03-{day:02d}",
        "outlet": f"Outlet {n}",
    }


def test_posts_add_to_stories_and_keep_what_earlier_posts_brought(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/posts.db")
    client = TestClient(create_app(store, state_dir=tmp_path / "state"))
    quote = '"We will not go back to work without a contract," union leader Marta Kovac said.'
    client.post("/api/analyze", json=[_story(1, 10, quote), _story(2, 10, "")])
    first = client.get("/api/articles/port1").json()
    assert any(m["text"] == "Marta Kovac" for m in first["entities"])  # kept for later runs
    client.post("/api/analyze", json=[_story(3, 11, "The port authority made a new offer.")])
    late = client.get("/api/articles/port3").json()
    assert late["event"] == first["event"] and late["storyline"] == first["storyline"]
    event = client.get(f"/api/events/{late['event']}").json()
    assert sorted(event["articles"]) == ["port1", "port2", "port3"]  # not only the last post's
    story = client.get(f"/api/storylines/{late['storyline']}").json()
    assert sorted(a["id"] for a in story["articles"]) == ["port1", "port2", "port3"]
    # the story-level view is of the whole story: the first post's quote is still in it
    groups = story["ext"]["quote_groups"]
    assert any(g["speaker"] == "Marta Kovac" for g in groups)
    assert client.get("/api/summary").json()["articles"] == 3


def test_posting_needs_a_grouping_state(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/news.db")
    store.save_report(_report())
    client = TestClient(create_app(store))
    resp = client.post("/api/analyze", json=[{"id": "x1", "text": "Talks resume in Geneva."}])
    assert resp.status_code == 409
    assert "--state-dir" in resp.json()["detail"]
    assert client.get("/api/summary").json()["storylines"] == 1  # nothing overwritten
