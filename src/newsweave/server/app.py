"""The REST API and dashboard (FastAPI) over a report store.

The API calls the same library functions as the CLI: ``POST /api/analyze`` runs
:func:`newsweave.analyze.analyze_records` on posted articles and saves the result; the story
pages are the same HTML renderer as ``report.html``, applied to one storyline.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import Annotated, Any

from ..errors import NotInstalledError
from ..store import Store

try:
    from fastapi import Body, FastAPI, HTTPException, Query
    from fastapi.responses import HTMLResponse
except ImportError as exc:  # pragma: no cover - depends on the extra
    raise NotInstalledError("newsweave serve", "server") from exc


def story_report(store: Store, storyline_id: str) -> dict[str, Any] | None:
    """Contract data restricted to one storyline (for its page and its JSON)."""
    story = store.get("storylines", storyline_id)
    if story is None:
        return None
    articles = [a for a in (store.get("articles", i) for i in story["articles"]) if a]
    events = [e for e in (store.get("events", i) for i in story["events"]) if e]
    scopes = {storyline_id, *story["events"]}
    comparisons = [c for s in scopes for c in store.items("comparisons", scope=s, limit=1000)]
    timeline = store.items("timeline", scope=storyline_id, limit=1000)
    return {
        "schema_version": "1",
        "generated_at": "",
        "summary": {
            "read": len(articles),
            "analysed": len(articles),
            "problems": 0,
            "events": len(events),
            "storylines": 1,
        },
        "articles": [
            {k: v for k, v in a.items() if k not in ("quotes", "figures", "dates", "entities")}
            for a in articles
        ],
        "events": events,
        "storylines": [story],
        "entities": [],
        "quotes": [q for a in articles for q in a.get("quotes", [])],
        "figures": [f for a in articles for f in a.get("figures", [])],
        "dates": [d for a in articles for d in a.get("dates", [])],
        "mentions": [m for a in articles for m in a.get("entities", [])],
        "comparisons": comparisons,
        "timeline": timeline,
        "problems": [],
        "warnings": [],
        "ext": {
            section: [x for s in scopes for x in store.items(section, scope=s, limit=1000)]
            for section in ("coverage", "quote_groups", "only_here")
        },
    }


def _found(item: dict[str, Any] | None, kind: str, item_id: str) -> dict[str, Any]:
    """``item``, or a 404 naming what was not found."""
    if item is None:
        raise HTTPException(404, f"no {kind} {item_id!r}")
    return item


def create_app(
    store: Store, state_dir: Path | None = None, embeddings: str | None = None
) -> FastAPI:
    """The API + dashboard app over ``store``; ``state_dir`` keeps grouping state for ingest,
    ``embeddings`` is the events stage's headline embedder for it (``None``: its default)."""
    app = FastAPI(
        title="newsweave",
        description="Stories from many outlets, sources side by side.",
        version="1",
    )
    lock = threading.Lock()  # one analysis at a time: grouping state is sequential by design

    @app.get("/api/summary")
    def summary() -> dict[str, int]:
        """Counts of stored articles, events, storylines and problems."""
        return {s: store.count(s) for s in ("articles", "events", "storylines", "entities")}

    @app.get("/api/storylines")
    def storylines(limit: int = Query(50, le=500), offset: int = 0) -> list[dict[str, Any]]:
        """Storylines, most recently active first."""
        return store.items("storylines", limit=limit, offset=offset)

    @app.get("/api/storylines/{story_id}")
    def storyline(story_id: str) -> dict[str, Any]:
        """One storyline with its events, articles, comparisons and timeline."""
        return _found(story_report(store, story_id), "storyline", story_id)

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict[str, Any]:
        """One event."""
        return _found(store.get("events", event_id), "event", event_id)

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        """One article with its quotes, figures and dates."""
        return _found(store.get("articles", article_id), "article", article_id)

    @app.get("/api/search")
    def search(
        q: str = Query(..., min_length=2), limit: int = Query(50, le=500)
    ) -> list[dict[str, Any]]:
        """Articles whose title or text contains ``q``."""
        return [
            {k: a.get(k) for k in ("id", "title", "outlet", "published", "storyline", "event")}
            for a in store.search(q, limit)
        ]

    @app.get("/api/problems")
    def problems(limit: int = Query(100, le=1000)) -> list[dict[str, Any]]:
        """Input records that could not be analysed, newest first."""
        return store.problems(limit)

    @app.post("/api/analyze")
    def analyze_posted(
        records: Annotated[list[dict[str, Any]], Body(max_length=5000)],
    ) -> dict[str, Any]:
        """Analyse posted articles (contract field names) and store the result."""
        from ..analyze import analyze_records
        from ..group.stages import EVENTS
        from ..io import ReadOptions
        from ..io.formats.records import record_to_article
        from ..io.report_json import report_to_dict
        from ..pipeline import Config
        from ..store.stories import save_run

        if state_dir is None:  # ids would start again each post and overwrite stored stories
            raise HTTPException(
                409,
                "this server keeps no grouping state, so posted articles cannot join stories "
                "with stable ids; start it with --state-dir DIR",
            )
        with lock:
            opts = ReadOptions()
            articles = [
                record_to_article(r, source=f"api#{n}", record_no=n, options=opts, fmt="api")
                for n, r in enumerate(records, start=1)
            ]
            options = {EVENTS: {"embeddings": embeddings}} if embeddings else {}
            config = Config(workers=1, state_dir=state_dir, options=options)
            report = analyze_records(articles, config=config)
            save_run(store, report, config)  # the stories it touches, whole
        return report_to_dict(report)["summary"]

    @app.get("/", response_class=HTMLResponse)
    def dashboard() -> str:
        """The list of storylines."""
        rows = "".join(
            f"<li><a href='/stories/{html.escape(s['id'])}'>"
            f"{html.escape(s.get('title') or s['id'])}</a>"
            f" <small>{len(s['articles'])} articles, {len(s['events'])} events"
            f"{', ' + html.escape(str(s.get('end'))) if s.get('end') else ''}</small></li>"
            for s in store.items("storylines", limit=200)
        )
        counts = summary()
        return (
            "<!doctype html><html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width,initial-scale=1'>"
            "<title>newsweave</title><style>"
            "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}"
            "li{margin:.4rem 0}small{color:#555}</style></head><body>"
            f"<h1>newsweave</h1><p>{counts['articles']} articles, {counts['events']} events, "
            f"{counts['storylines']} storylines</p><form action='/api/search'><input name=q "
            "placeholder='search articles' minlength=2> <button>search</button></form>"
            f"<h2>Storylines</h2><ul id=storylines>{rows}</ul></body></html>"
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str) -> str:
        """One storyline as the report page: sources side by side, timeline, brief, charts."""
        from ..report.html import render_html

        return render_html(_found(story_report(store, story_id), "storyline", story_id))

    return app
