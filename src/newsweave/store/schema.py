"""Numbered schema migrations, one list for both dialects (only column types differ)."""

from __future__ import annotations

from collections.abc import Callable


def _v1(dialect: str) -> list[str]:
    doc = "JSONB" if dialect == "postgresql" else "TEXT"
    serial = (
        "BIGSERIAL PRIMARY KEY" if dialect == "postgresql" else "INTEGER PRIMARY KEY AUTOINCREMENT"
    )
    # ``search`` mirrors title + text for LIKE queries; computed by the database on write.
    search = (
        "TEXT GENERATED ALWAYS AS "
        "(coalesce(doc->>'title', '') || ' ' || coalesce(doc->>'text', '')) STORED"
        if dialect == "postgresql"
        else "TEXT GENERATED ALWAYS AS (coalesce(json_extract(doc, '$.title'), '') || ' ' || "
        "coalesce(json_extract(doc, '$.text'), '')) VIRTUAL"
    )
    return [
        f"""CREATE TABLE IF NOT EXISTS nw_items (
            section TEXT NOT NULL,
            id TEXT NOT NULL,
            scope TEXT,
            sort_key TEXT,
            doc {doc} NOT NULL,
            search {search},
            PRIMARY KEY (section, id))""",
        "CREATE INDEX IF NOT EXISTS nw_items_scope ON nw_items (section, scope)",
        "CREATE INDEX IF NOT EXISTS nw_items_sort ON nw_items (section, sort_key)",
        f"""CREATE TABLE IF NOT EXISTS nw_problems (
            id {serial},
            source TEXT NOT NULL,
            code TEXT,
            reason TEXT NOT NULL,
            record TEXT)""",
    ]


#: Migration N (1-based) is ``MIGRATIONS[N-1](dialect)``; never edit one that has shipped.
MIGRATIONS: list[Callable[[str], list[str]]] = [_v1]
