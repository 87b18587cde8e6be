"""Persisted reports: SQLite (embedded, default) or PostgreSQL (server), one schema.

A store keeps analysed articles and the stories built from them, keyed by their stable ids, so
repeated runs update stories in place and the API server can browse them. Documents are kept as
JSON (``TEXT`` in SQLite, ``JSONB`` in PostgreSQL) beside the columns the API filters on.

    store = open_store("sqlite:///news.db")      # or "postgresql://postgres@127.0.0.1/test"
    store.save_report(report_dict)
    store.storylines()
"""

from __future__ import annotations

from .base import Store, open_store

__all__ = ["Store", "open_store"]
