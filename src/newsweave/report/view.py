"""The story view of contract report data, shared by the Markdown and HTML renderers.

Everything is read from the ``report.json`` dict (so the dashboard can render stored reports):
stories are storylines, plus events outside any storyline; each story gathers its coverage,
brief, disagreements, figure comparisons, quote groups, only-here claims and timeline from the
top-level lists and ``ext``. Sources are named for people by :func:`label`: the outlet, else
(articles with no known outlet) the short title and id; a story counts only known outlets and
says how many of its articles have none.
"""

from __future__ import annotations

from typing import Any

from ..compare.scopes import source_label

Data = dict[str, Any]
_MAGNITUDES = frozenset({"dozens", "hundreds", "thousands", "tens of thousands", "millions"})


def _by_scope(items: list[Data], scopes: set[str]) -> list[Data]:
    return [x for x in items if x.get("scope") in scopes]


def article_index(data: Data) -> dict[str, Data]:
    """Articles by id, each with a citation number ``n`` (1-based, in report order) and the
    ``label`` that names its source."""
    return {
        a["id"]: {**a, "n": n, "label": source_label(a.get("outlet"), a.get("title"), a["id"])}
        for n, a in enumerate(data.get("articles", []), 1)
    }


def label(articles: dict[str, Data], article_id: str, outlet: str | None = None) -> str:
    """The source of ``article_id`` for people: its outlet, else its short title and id."""
    a = articles.get(article_id)
    if a is None:
        return outlet or article_id
    return str(a["label"])


def _labelled(items: list[Data], key: str, articles: dict[str, Data]) -> list[Data]:
    """Copies of ``items`` whose ``key`` entries (values, wordings) carry a ``label``."""
    return [
        {**x, key: [{**v, "label": label(articles, v["article"])} for v in x.get(key, [])]}
        for x in items
    ]


def _coverage(cov: Data | None, articles: dict[str, Data]) -> Data | None:
    """Coverage with outlet rows labelled and known outlets counted (also for older reports)."""
    if cov is None:
        return None
    rows = []
    for o in cov.get("outlets", []):
        first = articles.get(o["articles"][0]) if o.get("articles") else None
        known = o.get("known", not (first and not first.get("outlet")))
        row_label = o["outlet"] if known or first is None else first["label"]
        rows.append({**o, "known": known, "label": row_label})
    unknown = [a for o in rows if not o["known"] for a in o.get("articles", [])]
    return {
        **cov,
        "outlets": rows,
        "outlets_known": sum(1 for o in rows if o["known"]),
        "no_outlet": len(unknown),
    }


def _story(data: Data, kind: str, obj: Data, events: list[Data], articles: dict[str, Data]) -> Data:
    ext = data.get("ext") or {}
    scopes = {obj["id"]} | {e["id"] for e in events}
    coverage = {c["scope"]: _coverage(c, articles) for c in ext.get("coverage", [])}
    if kind == "storyline":
        timeline = [t for t in data.get("timeline", []) if t.get("storyline") == obj["id"]]
    else:
        timeline = [
            t
            for t in data.get("timeline", [])
            if not t.get("storyline") and t.get("event") == obj["id"]
        ]
    starts = [x for x in [obj.get("start")] + [e.get("start") for e in events] if x]
    ends = [x for x in [obj.get("end")] + [e.get("end") for e in events] if x]
    return {
        "id": obj["id"],
        "kind": kind,
        "title": obj.get("title") or obj["id"],
        "start": min(starts) if starts else None,
        "end": max(ends) if ends else None,
        "articles": obj.get("articles", []),
        "events": [
            {
                **e,
                "coverage": coverage.get(e["id"]),
                "disagreements": (e.get("ext") or {}).get("disagreements", []),
            }
            for e in events
        ],
        "coverage": coverage.get(obj["id"]),
        "brief": obj.get("brief", []),
        "disagreements": (obj.get("ext") or {}).get("disagreements", []),
        "comparisons": _labelled(
            _by_scope(data.get("comparisons", []), scopes), "values", articles
        ),
        "quote_groups": _labelled(
            _by_scope(ext.get("quote_groups", []), scopes), "wordings", articles
        ),
        "only_here": [
            {**c, "label": label(articles, c["article"])}
            for c in _by_scope(ext.get("only_here", []), scopes)
        ],
        "timeline": timeline,
    }


def stories(data: Data) -> list[Data]:
    """Storylines (with their events), then events outside any storyline; biggest first."""
    events = {e["id"]: e for e in data.get("events", [])}
    articles = article_index(data)
    out: list[Data] = []
    covered: set[str] = set()
    for sl in data.get("storylines", []):
        evs = [events[i] for i in sl.get("events", []) if i in events]
        evs.sort(key=lambda e: e.get("start") or "")
        covered |= {e["id"] for e in evs}
        out.append(_story(data, "storyline", sl, evs, articles))
    for ev in data.get("events", []):
        if ev["id"] not in covered:
            out.append(_story(data, "event", ev, [], articles))
    out.sort(key=lambda s: -len(s["articles"]))
    return out


def build(data: Data) -> Data:
    """Everything a renderer needs: summary, stories, sources, problems, citation numbers."""
    return {
        "summary": data.get("summary", {}),
        "generated_at": data.get("generated_at"),
        "stories": stories(data),
        "articles": article_index(data),
        "problems": data.get("problems", []),
        "warnings": data.get("warnings", []),
    }


def fmt_value(value: Any, unit: str | None = None, approximate: str | None = None) -> str:
    """A figure for people: ``at least 2 protesters``, ``1.5bn USD``, ``80%``."""
    if approximate and approximate.lower() in _MAGNITUDES:  # "thousands", not "thousands 1,000"
        return f"{approximate} of {unit}" if unit and unit not in ("percent", "%") else approximate
    if isinstance(value, int | float):
        v = float(value)
        if abs(v) >= 1e9:
            text = f"{v / 1e9:,.3g}bn"
        elif abs(v) >= 1e6:
            text = f"{v / 1e6:,.3g}m"
        elif v.is_integer():
            text = f"{v:,.0f}"
        else:
            text = f"{v:,.2f}".rstrip("0").rstrip(".")
    else:
        text = str(value)
    if unit in ("percent", "%"):
        text += "%"
    elif unit:
        text += f" {unit}"
    return f"{approximate} {text}" if approximate else text
