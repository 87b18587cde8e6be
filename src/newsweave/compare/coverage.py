"""Coverage: which outlets covered a story, when, how many articles, and wire copies folded.

Written to ``report.ext["coverage"]`` (one entry per event and per storyline) as plain data:
per outlet its articles, first and last date and opinion/news count; the wire copies folded
into the article they copy; and article counts per publication day and outlet (the coverage
chart). Articles with no publication date count, but on no day. Articles with no known outlet
each get a row of their own (keyed by article id, labelled by their short title and id) and
are counted apart: ``outlets_known`` counts real outlets, ``no_outlet`` such articles.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import Report
from ..pipeline import Config, register
from .scopes import Scope, all_scopes, outlet_of, source_label

STAGE = "newsweave.compare.coverage.v1"


def coverage(scope: Scope) -> dict[str, Any]:
    """The coverage of one story as plain data."""
    ids = {a.id for a in scope.articles}
    outlets: dict[str, dict[str, Any]] = {}
    by_day: dict[str, Counter[str]] = {}
    for a in scope.articles:
        name = outlet_of(a)
        day = a.published[:10] if a.published else None  # only dates the articles carry
        o = outlets.setdefault(
            name,
            {
                "outlet": name,
                "label": source_label(a.outlet, a.title, a.id),
                "known": bool(a.outlet),
                "articles": [],
                "first": None,
                "last": None,
                "kinds": Counter(),
            },
        )
        o["articles"].append(a.id)
        o["kinds"][a.kind] += 1
        if day:
            o["first"] = min(filter(None, [o["first"], day]))
            o["last"] = max(filter(None, [o["last"], day]))
            by_day.setdefault(day, Counter())[name] += 1
    days = sorted(by_day)
    return {
        "scope": scope.id,
        "kind": scope.kind,
        "articles": len(scope.articles),
        "originals": len(scope.originals),
        "first": days[0] if days else None,
        "last": days[-1] if days else None,
        "outlets": [{**o, "kinds": dict(o["kinds"])} for o in outlets.values()],
        "outlets_known": sum(1 for o in outlets.values() if o["known"]),
        "no_outlet": sum(1 for a in scope.articles if not a.outlet),
        "wire_copies": [
            {"article": a.id, "copy_of": a.duplicate_of, "outlet": outlet_of(a)}
            for a in scope.articles
            if a.duplicate_of and a.duplicate_of in ids
        ],
        "by_day": [{"date": d, "outlets": dict(by_day[d])} for d in days],
        "article_kinds": {a.id: a.kind for a in scope.articles},
    }


@register(STAGE, reads={"text"}, writes={"report.ext"}, scope="report")
def build_coverage(report: Report, config: Config) -> None:
    """Outlets, dates, counts, opinion/news and folded wire copies per event and storyline."""
    report.ext["coverage"] = [coverage(s) for s in all_scopes(report)]
