"""Inline SVG charts for ``report.html``: timeline, coverage by outlet over time, figures.

Hand-written SVG on purpose: the page must work offline with no external assets, and no
charting library that renders static SVG ships in the base install (matplotlib, plotly and
altair are not dependencies; altair/plotly also need JavaScript to draw). The charts are simple
enough to draw directly: each returns a ``Markup`` string with a ``viewBox`` so it scales to the
screen, a ``<title>`` for accessibility and tooltips, and only escaped text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup, escape

from ..compare.dates import parse
from .view import fmt_value

WIDTH = 640
VERDICT_COLOURS = {"agree": "#2e7d32", "conflict": "#c62828", "evolving": "#ef6c00"}
PALETTE = ("#1565c0", "#6a1b9a", "#00838f", "#ad1457", "#558b2f", "#4e342e", "#283593", "#ef6c00")


def _svg(height: int, label: str, body: list[str], cls: str) -> Markup:
    return Markup(
        f'<svg class="chart {cls}" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _day(value: str | None) -> dt.date | None:
    p = parse(value) if value else None
    return p[0] if p else None


def _scale(days: list[dt.date], left: int, right: int) -> tuple[dt.date, Any]:
    lo, hi = min(days), max(days)
    span = (hi - lo).days

    def x(d: dt.date) -> float:
        if span == 0:  # a single day: in the middle
            return (left + right) / 2
        return left + (right - left) * (d - lo).days / span

    return lo, x


def _axis(days: list[dt.date], y: int, left: int, right: int, x: Any) -> list[str]:
    lo, hi = min(days), max(days)
    out = [f'<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="#999"/>']
    ticks = [lo, hi] if lo != hi else [lo]
    for d in ticks:
        out.append(
            f'<text x="{x(d):.1f}" y="{y + 16}" font-size="11" text-anchor="middle" '
            f'fill="#555">{d.isoformat()}</text>'
        )
    return out


def _label(cx: float, r: int, cy: int, text: str, middle: float) -> str:
    """A dot's label, right of it on the left half of the chart and left of it on the right."""
    x, anchor = (cx + r + 3, "start") if cx <= middle else (cx - r - 3, "end")
    return (
        f'<text x="{x:.1f}" y="{cy + 4}" font-size="12" text-anchor="{anchor}" '
        f'fill="#222">{escape(text)}</text>'
    )


def timeline_chart(entries: list[dict[str, Any]]) -> Markup:
    """Dated happenings on a time axis: one dot each, bigger when more articles cite it."""
    dated = [(d, e) for e in entries if (d := _day(e.get("date")))]
    if not dated:
        return Markup("")
    left, right = 30, WIDTH - 30
    rows = min(len(dated), 8)
    height = 40 + 22 * rows
    _, x = _scale([d for d, _ in dated], left, right)
    body = _axis([d for d, _ in dated], height - 24, left, right, x)
    for i, (d, e) in enumerate(dated):
        cy = 18 + 22 * (i % rows)
        r = 4 + min(len(e.get("articles", [])), 5)
        label = f"{e['date']}: {e.get('text', '')}"
        body.append(
            f'<line x1="{x(d):.1f}" y1="{cy}" x2="{x(d):.1f}" y2="{height - 24}" '
            f'stroke="#ccc" stroke-dasharray="2 3"/>'
            f'<circle cx="{x(d):.1f}" cy="{cy}" r="{r}" fill="#1565c0" fill-opacity="0.8">'
            f"<title>{escape(label)}</title></circle>"
            + _label(x(d), r, cy, e["date"], (left + right) / 2)
        )
    return _svg(height, "Timeline of dated happenings", body, "timeline-chart")


def coverage_chart(coverage: dict[str, Any] | None) -> Markup:
    """Articles per outlet per day: one row per outlet, a dot per day sized by the count."""
    if not coverage or not coverage.get("by_day"):
        return Markup("")
    outlets = [(o["outlet"], str(o.get("label") or o["outlet"])) for o in coverage["outlets"]]
    days = [d for row in coverage["by_day"] if (d := _day(row["date"]))]
    if not days:
        return Markup("")
    left, right = 170, WIDTH - 30
    height = 40 + 26 * len(outlets)
    _, x = _scale(days, left, right)
    body = _axis(days, height - 24, left, right, x)
    for i, (name, shown) in enumerate(outlets):
        cy = 18 + 26 * i
        colour = PALETTE[i % len(PALETTE)]
        body.append(
            f'<text x="{left - 8}" y="{cy + 4}" font-size="12" text-anchor="end" '
            f'fill="#222">{escape(_short(shown, 22))}</text>'
            f'<line x1="{left}" y1="{cy}" x2="{right}" y2="{cy}" stroke="#eee"/>'
        )
        for row in coverage["by_day"]:
            n = row["outlets"].get(name, 0)
            d = _day(row["date"])
            if n and d:
                tip = f"{shown}, {row['date']}: {n} article(s)"
                body.append(
                    f'<circle cx="{x(d):.1f}" cy="{cy}" r="{4 + 2 * min(n, 5)}" fill="{colour}">'
                    f"<title>{escape(tip)}</title></circle>"
                )
    return _svg(height, "Coverage by outlet over time", body, "coverage-chart")


def figure_chart(comparison: dict[str, Any]) -> Markup:
    """One bar per article's value of a compared quantity, coloured by the verdict."""
    values = comparison.get("values", [])
    if not values:
        return Markup("")
    top = max(abs(float(v["value"])) for v in values) or 1.0
    left, right = 170, WIDTH - 110
    height = 12 + 26 * len(values)
    colour = VERDICT_COLOURS.get(comparison.get("verdict", ""), "#555")
    body: list[str] = []
    for i, v in enumerate(values):
        y = 6 + 26 * i
        w = max(2.0, (right - left) * abs(float(v["value"])) / top)
        who = _short(str(v.get("label") or v.get("outlet") or v["article"]), 22)
        shown = fmt_value(v["value"], v.get("unit"), v.get("approximate"))
        body.append(
            f'<text x="{left - 8}" y="{y + 14}" font-size="12" text-anchor="end" '
            f'fill="#222">{escape(who)}</text>'
            f'<rect x="{left}" y="{y}" width="{w:.1f}" height="18" rx="3" fill="{colour}">'
            f"<title>{escape(v.get('sentence') or shown)}</title></rect>"
            f'<text x="{left + w + 6:.1f}" y="{y + 14}" font-size="12" fill="#222">'
            f"{escape(shown)}</text>"
        )
    return _svg(height, f"Figures for {comparison.get('quantity', '')}", body, "figure-chart")
