"""``report.json``: the public contract (``shared/spec/report-contract.md``).

Articles are written without their annotation lists; quotes, figures, dates and entity mentions
are flattened into top-level lists, each item naming its ``article``. Offsets point into
``articles[].text``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..model import Report, to_dict

SCHEMA_VERSION = "1"
_ANNOTATIONS = ("entities", "quotes", "figures", "dates")


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as contract JSON data."""
    articles: list[dict[str, Any]] = []
    flat: dict[str, list[dict[str, Any]]] = {
        "mentions": [],
        "quotes": [],
        "figures": [],
        "dates": [],
    }
    for art in report.articles:
        data = to_dict(art)
        for name in _ANNOTATIONS:
            items = data.pop(name, [])
            key = "mentions" if name == "entities" else name
            flat[key].extend({"article": art.id, **item} for item in items)
        data.pop("html", None)
        data.pop("order", None)
        articles.append(data)
    ext = dict(report.ext)
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "summary": {
            "read": report.read,
            "analysed": len(report.articles),
            "problems": len(report.problems),
            "events": len(report.events),
            "storylines": len(report.storylines),
        },
        "articles": articles,
        "events": to_dict(report.events),
        "storylines": to_dict(report.storylines),
        "entities": to_dict(report.entities),
        "quotes": flat["quotes"],
        "figures": flat["figures"],
        "dates": flat["dates"],
        "mentions": flat["mentions"],
        "comparisons": to_dict(report.comparisons),
        "timeline": to_dict(report.timeline),
        "problems": to_dict(report.problems),
        "warnings": ext.pop("warnings", []),
        "ext": to_dict(ext),
    }


def write_json(data: dict[str, Any], path: Path) -> Path:
    """Write contract data to ``path`` (UTF-8, indented)."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
