"""Publication order: dated articles by date, undated ones by input order."""

from __future__ import annotations

from datetime import UTC, datetime

from ..model import Article


def to_days(published: str | None) -> float | None:
    """Days since the Unix epoch of an ISO date/datetime, or None when absent or unreadable."""
    if not published:
        return None
    try:
        dt = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            from dateutil import parser

            dt = parser.parse(published)
        except (ValueError, OverflowError):
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp() / 86400.0


def article_time(article: Article) -> float | None:
    """When the article was written, in days: its publication date, else the middle of the year
    the dates stage estimated from its text (``ext["newsweave"]["reference_year"]``), else None."""
    t = to_days(article.published)
    if t is not None:
        return t
    year = article.ext.get("newsweave", {}).get("reference_year")
    return to_days(f"{int(year)}-07-01") if year else None


def stream(articles: list[Article]) -> list[tuple[Article, float | None]]:
    """Articles in publication order with their time in days.

    An undated article keeps its place in input order: it sorts as if published at the time of
    the nearest dated article before it (or first, when none is).
    """
    keyed = []
    last = float("-inf")
    for a in sorted(articles, key=lambda a: a.order):
        t = article_time(a)
        if t is not None:
            last = t
        keyed.append(((t if t is not None else last), a.order, a, t))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [(a, t) for _, _, a, t in keyed]
