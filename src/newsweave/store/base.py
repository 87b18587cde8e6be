"""The store: one schema and one set of queries over SQLite or PostgreSQL (DB-API)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import NewsweaveError, NotInstalledError
from .schema import MIGRATIONS

#: Report sections stored as one row per item, keyed by (section, id).
SECTIONS: tuple[str, ...] = ("articles", "events", "storylines", "entities")
#: Report sections stored per scope (story id) as lists; the last three live in ``ext``.
SCOPED: tuple[str, ...] = ("comparisons", "timeline", "coverage", "quote_groups", "only_here")
#: Ids per query of :meth:`Store.get_many` and :meth:`Store.delete` (SQLite allows 32,766
#: parameters, PostgreSQL 65,535).
_CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterator[tuple[list[str], str]]:
    """``ids`` in parts of at most ``_CHUNK``, each with its ``?, ?, …`` placeholders."""
    for start in range(0, len(ids), _CHUNK):
        part = list(ids[start : start + _CHUNK])
        yield part, ", ".join("?" * len(part))


class StoreError(NewsweaveError):
    """The store URL or database could not be used."""


class Store:
    """A report store over a DB-API connection; ``dialect`` is ``sqlite`` or ``postgresql``."""

    def __init__(self, conn: Any, dialect: str) -> None:
        self.conn = conn
        self.dialect = dialect
        self.migrate()

    # -- plumbing -------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        """Queries are written with ``?`` placeholders; PostgreSQL takes ``%s``."""
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        cur = self.conn.cursor()
        try:
            yield cur
            self.conn.commit()
        except Exception:
            self.conn.rollback()
            raise
        finally:
            cur.close()

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.conn.cursor()
        try:
            cur.execute(self._sql(sql), tuple(params))
            rows = list(cur.fetchall())
        finally:
            cur.close()
        self.conn.commit()
        return rows

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        with self._tx() as cur:
            cur.execute("CREATE TABLE IF NOT EXISTS nw_schema (version INTEGER NOT NULL)")
            cur.execute("SELECT version FROM nw_schema")
            row = cur.fetchone()
            version = row[0] if row else 0
            if row is None:
                cur.execute(self._sql("INSERT INTO nw_schema (version) VALUES (?)"), (0,))
            for number, statements in enumerate(MIGRATIONS, start=1):
                if number <= version:
                    continue
                for stmt in statements(self.dialect):
                    cur.execute(stmt)
                cur.execute(self._sql("UPDATE nw_schema SET version = ?"), (number,))
                version = number
        return version

    def close(self) -> None:
        self.conn.close()

    # -- writing --------------------------------------------------------------------------
    def save_report(self, data: dict[str, Any]) -> dict[str, int]:
        """Upsert a contract report (``report.json`` data); returns rows written per section."""
        written: dict[str, int] = {}
        upsert = (
            "INSERT INTO nw_items (section, id, scope, sort_key, doc) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (section, id) DO UPDATE SET scope = excluded.scope, "
            "sort_key = excluded.sort_key, doc = excluded.doc"
        )
        with self._tx() as cur:
            for section in SECTIONS:
                rows = data.get(section, [])
                for item in rows:
                    doc = _annotated(section, item, data)
                    cur.execute(
                        self._sql(upsert),
                        (
                            section,
                            item["id"],
                            _scope(section, item),
                            _sort_key(section, item),
                            json.dumps(doc, ensure_ascii=False),
                        ),
                    )
                written[section] = len(rows)
            for section in SCOPED:
                items = data.get(section, data.get("ext", {}).get(section, []))
                scopes = {_item_scope(section, it) for it in items}
                for scope in scopes:
                    cur.execute(
                        self._sql("DELETE FROM nw_items WHERE section = ? AND scope = ?"),
                        (section, scope),
                    )
                for n, item in enumerate(items):
                    scope = _item_scope(section, item)
                    cur.execute(
                        self._sql(upsert),
                        (
                            section,
                            f"{scope}:{n}",
                            scope,
                            str(item.get("date") or n).zfill(10),
                            json.dumps(item, ensure_ascii=False),
                        ),
                    )
                written[section] = len(items)
            for problem in data.get("problems", []):
                cur.execute(
                    self._sql(
                        "INSERT INTO nw_problems (source, code, reason, record) VALUES (?, ?, ?, ?)"
                    ),
                    (
                        problem["source"],
                        problem.get("code"),
                        problem["reason"],
                        None if problem.get("record") is None else str(problem["record"]),
                    ),
                )
            written["problems"] = len(data.get("problems", []))
        return written

    # -- reading --------------------------------------------------------------------------
    def get(self, section: str, item_id: str) -> dict[str, Any] | None:
        """One stored item, or None."""
        rows = self._query(
            "SELECT doc FROM nw_items WHERE section = ? AND id = ?", (section, item_id)
        )
        return _load(rows[0][0]) if rows else None

    def items(
        self, section: str, scope: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Items of ``section`` (optionally of one story), newest first for dated sections."""
        order = "sort_key ASC" if section in SCOPED else "sort_key DESC, id ASC"
        if scope is None:
            rows = self._query(
                f"SELECT doc FROM nw_items WHERE section = ? ORDER BY {order} LIMIT ? OFFSET ?",
                (section, limit, offset),
            )
        else:
            rows = self._query(
                f"SELECT doc FROM nw_items WHERE section = ? AND scope = ? ORDER BY {order} "
                "LIMIT ? OFFSET ?",
                (section, scope, limit, offset),
            )
        return [_load(r[0]) for r in rows]

    def get_many(self, section: str, ids: Sequence[str]) -> list[dict[str, Any]]:
        """The stored items of ``section`` among ``ids`` (those stored; in no set order)."""
        out: list[dict[str, Any]] = []
        for part, marks in _chunks(ids):
            rows = self._query(
                f"SELECT doc FROM nw_items WHERE section = ? AND id IN ({marks})", (section, *part)
            )
            out += [_load(r[0]) for r in rows]
        return out

    def delete(self, section: str, ids: Sequence[str]) -> None:
        """Remove items of ``section`` (stories a later run merged away); for a story-scoped
        section (:data:`SCOPED`), ``ids`` are the scopes whose rows go."""
        column = "scope" if section in SCOPED else "id"
        with self._tx() as cur:
            for part, marks in _chunks(ids):
                cur.execute(
                    self._sql(f"DELETE FROM nw_items WHERE section = ? AND {column} IN ({marks})"),
                    (section, *part),
                )

    def count(self, section: str) -> int:
        rows = self._query("SELECT COUNT(*) FROM nw_items WHERE section = ?", (section,))
        return int(rows[0][0])

    def problems(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self._query(
            "SELECT source, code, reason, record FROM nw_problems ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [{"source": r[0], "code": r[1], "reason": r[2], "record": r[3]} for r in rows]

    def search(self, text: str, limit: int = 50) -> list[dict[str, Any]]:
        """Articles whose title or text contains ``text`` (case-insensitive)."""
        like = f"%{text.lower()}%"
        rows = self._query(
            "SELECT doc FROM nw_items WHERE section = 'articles' AND lower(search) LIKE ? "
            "ORDER BY sort_key DESC LIMIT ?",
            (like, limit),
        )
        return [_load(r[0]) for r in rows]


def _load(doc: Any) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(doc) if isinstance(doc, str | bytes) else doc
    return out


def _scope(section: str, item: dict[str, Any]) -> str | None:
    if section == "articles":
        return item.get("storyline")
    if section == "events":
        return item.get("storyline")
    return None


def _item_scope(section: str, item: dict[str, Any]) -> str:
    return str(item.get("scope") or item.get("storyline") or item.get("event") or "")


def _sort_key(section: str, item: dict[str, Any]) -> str:
    if section == "articles":
        return str(item.get("published") or "")
    if section in ("events", "storylines"):
        return str(item.get("end") or item.get("start") or "")
    return str(item.get("name") or "")


def _annotated(section: str, item: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """Articles are stored with their own quotes, figures, dates and entity mentions, so one
    row answers the API and a later run can rebuild the article (:mod:`.stories`)."""
    if section != "articles":
        return item
    doc = dict(item)
    for key in ("quotes", "figures", "dates"):
        doc[key] = [x for x in data.get(key, []) if x.get("article") == item["id"]]
    doc["entities"] = [x for x in data.get("mentions", []) if x.get("article") == item["id"]]
    return doc


def open_store(url: str) -> Store:
    """Open ``sqlite:///path.db``, ``sqlite://`` (in memory) or ``postgresql://...``."""
    if url.startswith("sqlite://"):
        path = url.removeprefix("sqlite://").removeprefix("/") or ":memory:"
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return Store(sqlite3.connect(path, check_same_thread=False), "sqlite")
    if url.startswith(("postgresql://", "postgres://")):
        try:
            import psycopg
        except ImportError as exc:
            raise NotInstalledError("the PostgreSQL store", "server") from exc
        try:
            return Store(psycopg.connect(url), "postgresql")
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to {url}: {exc}") from exc
    raise StoreError(f"unknown store URL {url!r}: use sqlite:///PATH or postgresql://HOST/DB")
