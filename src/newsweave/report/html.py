"""``report.html``: a self-contained, offline page (inline CSS and SVG, no external assets)."""

from __future__ import annotations

from typing import Any

from . import charts, view
from .templating import environment


class _Charts:
    """The chart functions, as the template calls them."""

    coverage = staticmethod(charts.coverage_chart)
    figure = staticmethod(charts.figure_chart)
    timeline = staticmethod(charts.timeline_chart)


def render_html(data: dict[str, Any]) -> str:
    """A self-contained HTML page for contract report ``data``."""
    return environment().get_template("report.html.j2").render(charts=_Charts, **view.build(data))
