"""The story view of contract report data, shared by the Markdown and HTML renderers.

Everything is read from the ``report.json`` dict (so the dashboard can render stored reports):
stories are storylines, plus events outside any storyline; each story gathers its coverage,
brief, disagreements, figure comparisons, quote groups, only-here claims and timeline from the
top-level lists and ``ext``.
"""

from __future__ import annotations

from typing import Any

Data = dict[str, Any]
_MAGNITUDES = frozenset({"dozens", "hundreds", "thousands", "tens of thousands", "millions"})


def _by_scope(items: list[Data], scopes: set[str]) -> list[Data]:
    return [x for x in items if x.get("scope") in scopes]


def article_index(data: Data) -> dict[str, Data]:
    """Articles by id, each with a citation number ``n`` (1-based, in report order)."""
    return {a["id"]: {**a, "n": n} for n, a in enumerate(data.get("articles", []), 1)}


def _story(data: Data, kind: str, obj: Data, events: list[Data]) -> Data:
    ext = data.get("ext") or {}
    scopes = {obj["id"]} | {e["id"] for e in events}
    coverage = {c["scope"]: c for c in ext.get("coverage", [])}
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
        "comparisons": _by_scope(data.get("comparisons", []), scopes),
        "quote_groups": _by_scope(ext.get("quote_groups", []), scopes),
        "only_here": _by_scope(ext.get("only_here", []), scopes),
        "timeline": timeline,
    }


def stories(data: Data) -> list[Data]:
    """Storylines (with their events), then events outside any storyline; biggest first."""
    events = {e["id"]: e for e in data.get("events", [])}
    out: list[Data] = []
    covered: set[str] = set()
    for sl in data.get("storylines", []):
        evs = [events[i] for i in sl.get("events", []) if i in events]
        evs.sort(key=lambda e: e.get("start") or "")
        covered |= {e["id"] for e in evs}
        out.append(_story(data, "storyline", sl, evs))
    for ev in data.get("events", []):
        if ev["id"] not in covered:
            out.append(_story(data, "event", ev, []))
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
        return f"{approximate} {unit}" if unit and unit not in ("percent", "%") else approximate
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
