"""``report.md``: the story view as Markdown (rendered from contract data)."""

from __future__ import annotations

import re
from typing import Any

from . import view
from .templating import environment


def render_markdown(data: dict[str, Any]) -> str:
    """Markdown for contract report ``data``."""
    text = environment().get_template("report.md.j2").render(**view.build(data))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
