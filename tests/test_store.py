"""The report store on SQLite and on the real PostgreSQL server (never a mock)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from newsweave.store import Store, open_store
from newsweave.store.base import StoreError

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


def _report(title: str = "Strike at the port") -> dict[str, Any]:
    return {
        "articles": [
            {
                "id": "a1",
                "title": title,
                "text": "Dockworkers walked out.",
                "published": "2025-03-03",
                "storyline": "s1",
                "event": "e1",
            },
            {
                "id": "a2",
                "title": "Talks resume",
                "text": "A mediator was named.",
                "published": "2025-03-14",
                "storyline": "s1",
                "event": "e2",
            },
        ],
        "events": [
            {
                "id": "e1",
                "storyline": "s1",
                "articles": ["a1"],
                "start": "2025-03-03",
                "end": "2025-03-03",
            },
            {
                "id": "e2",
                "storyline": "s1",
                "articles": ["a2"],
                "start": "2025-03-14",
                "end": "2025-03-14",
            },
        ],
        "storylines": [
            {"id": "s1", "title": "Port strike", "events": ["e1", "e2"], "articles": ["a1", "a2"]}
        ],
        "entities": [],
        "quotes": [{"article": "a1", "text": "We will not unload", "speaker": "Tomas Reyka"}],
        "figures": [],
        "dates": [],
        "comparisons": [
            {"scope": "s1", "quantity": "strikers", "verdict": "conflict", "values": []}
        ],
        "ext": {"quote_groups": [{"scope": "s1", "speaker": "Tomas Reyka", "wordings": []}]},
        "timeline": [
            {"storyline": "s1", "date": "2025-03-14", "text": "Mediator named", "articles": ["a2"]},
            {"storyline": "s1", "date": "2025-03-03", "text": "Strike began", "articles": ["a1"]},
        ],
        "problems": [
            {
                "source": "in/bad.gz",
                "reason": "truncated gzip stream",
                "record": None,
                "code": "E003",
            }
        ],
    }


def _postgres() -> Iterator[Store]:
    psycopg = pytest.importorskip("psycopg")
    schema = f"nw_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(PG_URL, autocommit=True)
    except psycopg.OperationalError as exc:  # CI starts the server; a dev box may not have it
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {exc}")
    admin.execute(f"CREATE SCHEMA {schema}")
    store = open_store(f"{PG_URL}?options=-csearch_path%3D{schema}")
    try:
        yield store
    finally:
        store.close()
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Store]:
    if request.param == "sqlite":
        s = open_store(f"sqlite:///{tmp_path}/news.db")
        yield s
        s.close()
    else:
        yield from _postgres()


def test_save_and_browse(store: Store) -> None:
    written = store.save_report(_report())
    assert written["articles"] == 2 and written["timeline"] == 2 and written["problems"] == 1
    assert store.count("articles") == 2
    assert [s["id"] for s in store.items("storylines")] == ["s1"]
    art = store.get("articles", "a1")
    assert art is not None and art["quotes"][0]["speaker"] == "Tomas Reyka"
    assert [t["date"] for t in store.items("timeline", scope="s1")] == ["2025-03-03", "2025-03-14"]
    assert [e["id"] for e in store.items("events", scope="s1")] == ["e2", "e1"]  # newest first
    assert store.problems()[0]["code"] == "E003"
    assert [a["id"] for a in store.search("MEDIATOR")] == ["a2"]


def test_saving_again_updates_in_place(store: Store) -> None:
    store.save_report(_report())
    store.save_report(_report(title="Strike at the port, day two"))
    assert store.count("articles") == 2
    art = store.get("articles", "a1")
    assert art is not None and art["title"] == "Strike at the port, day two"
    assert len(store.items("timeline", scope="s1")) == 2


def test_migrations_are_idempotent(store: Store) -> None:
    assert store.migrate() == store.migrate() == 1


def test_unknown_url_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="unknown store URL"):
        open_store("mysql://x")
