"""Write a report to a folder: ``report.json``, ``report.md`` and ``report.html``."""

from __future__ import annotations

from pathlib import Path

from ..model import Report
from .report_json import report_to_dict, write_json


def write_report(report: Report, out_dir: Path) -> dict[str, Path]:
    """Write all report formats into ``out_dir``; returns the written paths by format."""
    from ..report.html import render_html
    from ..report.markdown import render_markdown

    out_dir.mkdir(parents=True, exist_ok=True)
    data = report_to_dict(report)
    paths = {"json": write_json(data, out_dir / "report.json")}
    md = out_dir / "report.md"
    md.write_text(render_markdown(data), encoding="utf-8")
    paths["md"] = md
    html = out_dir / "report.html"
    html.write_text(render_html(data), encoding="utf-8")
    paths["html"] = html
    return paths
