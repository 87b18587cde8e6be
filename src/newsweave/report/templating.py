"""The jinja2 environment of the report templates (HTML autoescaped, Markdown filters)."""

from __future__ import annotations

import re
from functools import lru_cache

import jinja2

from .view import fmt_value

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: object) -> str:
    """Escape Markdown syntax in free text."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text or "").split()))


def cell(text: object) -> str:
    """Free text fit for one Markdown table cell (one line, pipes escaped)."""
    return md(text)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Templates from ``newsweave/report/templates``; ``*.html.j2`` are autoescaped."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsweave.report", "templates"),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
        undefined=jinja2.ChainableUndefined,
    )
    env.filters["md"] = md
    env.filters["cell"] = cell
    env.globals["fmt"] = fmt_value
    return env
