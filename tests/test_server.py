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
