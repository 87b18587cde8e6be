"""report.html in headless Chromium: charts drawn, tables and brief citations present."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from newsweave.io.report_json import report_to_dict
from newsweave.report.html import render_html
from tests.test_compare import report as report

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which(CHROMIUM) is None,
        reason=f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)",
    ),
]


def test_report_html_in_headless_chromium(report: Any, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(report_to_dict(report)), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            for width in (1200, 390):  # desktop, then a phone
                page = browser.new_page(viewport={"width": width, "height": 900})
                requests: list[str] = []
                page.on("request", lambda r, seen=requests: seen.append(r.url))
                page.goto(page_file.as_uri())
                shot = tmp_path / f"report-{width}.png"
                page.screenshot(path=str(shot), full_page=True)
                assert shot.stat().st_size > 10_000
                assert requests == [page_file.as_uri()]  # nothing fetched from elsewhere
                for cls in ("timeline-chart", "coverage-chart", "figure-chart"):
                    box = page.locator(f"svg.{cls}").first.bounding_box()
                    assert box and box["width"] > 100 and box["height"] > 20, cls
                    wrap = page.locator(f"figure.chart-wrap:has(svg.{cls})").first.bounding_box()
                    assert wrap and wrap["width"] <= width  # scrolls inside its box on a phone
                assert page.locator("svg.figure-chart rect").count() >= 6
                for table in ("coverage", "figures", "quotes", "only-here", "timeline"):
                    assert page.locator(f"table.{table}").first.is_visible()
                brief = page.locator("ol.brief").first
                assert brief.locator("li").count() >= 3
                assert brief.locator("a.cite").count() >= 3
                # the page does not scroll sideways on a phone (tables scroll inside their box)
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 1
                page.close()
        finally:
            browser.close()
