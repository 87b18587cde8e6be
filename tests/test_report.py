"""report.md and report.html rendered from contract data of the synthetic story."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest

from newsweave.compare import brief, claims, coverage, figures, quotes, timeline
from newsweave.compare.scopes import source_label
from newsweave.io.report_json import report_to_dict
from newsweave.pipeline import Config
from newsweave.report.html import render_html
from newsweave.report.markdown import render_markdown
from newsweave.stages import DEFAULT_PIPELINE
from tests.test_compare import report as report
from tests.test_compare_data import synthetic_report


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
    cites = [str(a["href"])[1:] for t, a in p.tags if t == "a" and "cite" in (a.get("class") or "")]
    assert cites and all(c in anchors for c in cites)


def test_html_escapes_article_text(data: dict[str, Any]) -> None:
    data["articles"][0]["title"] = "<script>alert(1)</script>"
    data["timeline"][0]["text"] = "A <b>bold</b> claim & more"
    page = render_html(data)
    assert "<script>" not in page
    assert "A &lt;b&gt;bold&lt;/b&gt; claim &amp; more" in page


def _without_outlets(*ids: str) -> dict[str, Any]:
    r = synthetic_report()
    for a in r.articles:
        if a.id in ids:
            a.outlet = None
    for stage in (
        coverage.build_coverage,
        figures.compare_figures,
        quotes.group_quotes,
        claims.find_only_here,
        timeline.build_timeline,
        brief.write_briefs,
    ):
        stage(r, Config())
    return report_to_dict(r)


def test_articles_without_outlet_are_counted_apart_and_labelled() -> None:
    data = _without_outlets("a2", "a3")
    s1 = next(c for c in data["ext"]["coverage"] if c["scope"] == "s1")
    assert s1["outlets_known"] == 3 and s1["no_outlet"] == 2  # harbor, wire, letters
    unknown = next(o for o in s1["outlets"] if o["outlet"] == "a2")
    assert not unknown["known"] and "Port halted" in unknown["label"] and "a2" in unknown["label"]
    md = render_markdown(data)
    assert "5 articles from 3 outlets, 2 with no known outlet" in md
    assert "| “Port halted” (a2) |" in md  # coverage row
    assert "| “Port halted” (a2) [" in md  # figure table row, with its citation
    page = render_html(data)
    assert "5 articles from 3 outlets, 2 with no known outlet" in page
    assert "“Port halted” (a2)" in page


def test_long_titles_are_shortened_in_labels() -> None:
    label = source_label(None, "A very long headline that goes on and on about the strike", "x9")
    assert label.endswith("…” (x9)") and len(label) < 60
    assert source_label("Outlet", "Title", "x9") == "Outlet"
    assert source_label(None, None, "x9") == "x9"
