"""report.md and report.html rendered from contract data of the synthetic story."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest

from newsweave.io.report_json import report_to_dict
from newsweave.report.html import render_html
from newsweave.report.markdown import render_markdown
from newsweave.stages import DEFAULT_PIPELINE
from tests.test_compare import report as report


@pytest.fixture()
def data(report: Any) -> dict[str, Any]:
    return report_to_dict(report)


def test_story_stages_are_in_the_default_pipeline() -> None:
    names = [n for n in DEFAULT_PIPELINE if n.startswith("newsweave.compare.")]
    assert names[-1] == "newsweave.compare.brief.v1"
    assert "newsweave.extract.kind.v1" in DEFAULT_PIPELINE


def test_markdown_has_every_section(data: dict[str, Any]) -> None:
    md = render_markdown(data)
    for heading in (
        "## Port strike",
        "### Brief",
        "**Where sources disagree**",
        "### Sources",
        "### Figures side by side",
        "### Who said what",
        "### Only here",
        "### Timeline",
        "## All articles",
    ):
        assert heading in md
    assert "CONFLICT" in md and "EVOLVING" in md and "AGREE" in md
    assert "| 2025-03-03 |" in md
    assert "\n\n\n" not in md


def test_markdown_escapes_table_cells(data: dict[str, Any]) -> None:
    data["articles"][0]["title"] = "Pipes | and *stars*"
    md = render_markdown(data)
    assert "Pipes \\| and \\*stars\\*" in md


def test_markdown_without_stories_still_lists_articles_and_problems() -> None:
    data = {
        "summary": {"read": 2, "analysed": 1, "problems": 1},
        "articles": [{"id": "x", "outlet": "o", "kind": "news", "title": "T"}],
        "events": [],
        "storylines": [],
        "comparisons": [],
        "timeline": [],
        "problems": [{"source": "bad.html", "reason": "truncated", "code": "E101", "record": None}],
        "ext": {},
    }
    md = render_markdown(data)
    assert "| 1 | o |" in md and "bad.html" in md
    assert "bad.html" in render_html(data)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained_with_charts_and_tables(data: dict[str, Any]) -> None:
    page = render_html(data)
    p = _Collect()
    p.feed(page)
    tags = [t for t, _ in p.tags]
    assert "link" not in tags and "script" not in tags and "img" not in tags
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    classes = " ".join(a.get("class") or "" for _, a in p.tags)
    for chart in ("timeline-chart", "coverage-chart", "figure-chart"):
        assert chart in classes
    for table in ("coverage", "figures", "quotes", "only-here", "timeline", "articles"):
        assert f'<table class="{table} stack"' in page
    assert 'class="badge conflict"' in page and 'class="badge evolving"' in page
    assert 'name="viewport"' in page and "@media" in page
    # citations link to the articles table
    anchors = {a["id"] for _, a in p.tags if a.get("id")}
    cites = [a["href"][1:] for t, a in p.tags if t == "a" and "cite" in (a.get("class") or "")]
    assert cites and all(c in anchors for c in cites)


def test_html_escapes_article_text(data: dict[str, Any]) -> None:
    data["articles"][0]["title"] = "<script>alert(1)</script>"
    data["timeline"][0]["text"] = "A <b>bold</b> claim & more"
    page = render_html(data)
    assert "<script>" not in page
    assert "A &lt;b&gt;bold&lt;/b&gt; claim &amp; more" in page
