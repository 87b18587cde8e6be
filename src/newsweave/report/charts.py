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


def timeline_chart(entries: list[dict[str, Any]]) -> Markup:
    """Dated happenings in order: one column per distinct date, evenly spaced (a story's dates
    bunch up around its days with a few far-off ones, e.g. an earlier year mentioned for context,
    so a linear axis would pile every label on top of another), one dot per happening stacked in
    its column, bigger when more articles cite it; the table below the chart has the sentences.
    """
    dated = sorted(((d, e) for e in entries if (d := _day(e.get("date")))), key=lambda de: de[0])
    if not dated:
        return Markup("")
    columns = list(dict.fromkeys(str(e["date"]) for _, e in dated))
    left, right = 40, WIDTH - 40
    step = (right - left) / max(1, len(columns) - 1)
    x = {c: (left + step * k if len(columns) > 1 else (left + right) / 2)
         for k, c in enumerate(columns)}  # fmt: skip
    stack: dict[str, int] = {}
    for _, e in dated:
        stack[str(e["date"])] = stack.get(str(e["date"]), 0) + 1
    rows = min(max(stack.values()), 6)
    base = 16 + 20 * rows
    height = base + 78
    body = [f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#999"/>']
    seen: dict[str, int] = {}
    for _, e in dated:
        col = str(e["date"])
        k = seen.get(col, 0)
        seen[col] = k + 1
        if k >= rows:
            continue
        cy = base - 14 - 20 * k
        r = 4 + min(len(e.get("articles", [])), 5)
        tip = f"{col}: {e.get('text', '')}"
        body.append(
            f'<circle cx="{x[col]:.1f}" cy="{cy}" r="{r}" fill="#1565c0" fill-opacity="0.8">'
            f"<title>{escape(tip)}</title></circle>"
        )
    every = max(1, -(-len(columns) // 14))  # at most ~14 date labels
    for k, col in enumerate(columns):
        if k % every and k != len(columns) - 1:
            continue
        body.append(
            f'<text x="{x[col]:.1f}" y="{base + 12}" font-size="11" fill="#555" '
            f'text-anchor="end" transform="rotate(-40 {x[col]:.1f} {base + 12})">'
            f"{escape(col)}</text>"
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
    left, right = 170, WIDTH - 170  # room on the right for the value label
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
