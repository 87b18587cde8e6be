"""The founding example end to end: `newsweave analyze` on the five seed articles.

One run of the default pipeline through the CLI; each test checks one promise the issues make
about the seeds. The seeds are read from ../shared, never copied into the repo.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.compare.dates import sort_key

SCHEMA = Path(__file__).resolve().parents[1] / "src/newsweave/schema/report.schema.json"


@pytest.fixture(scope="module")
def report(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("seeds-report")
    result = CliRunner().invoke(app, ["analyze", str(seeds_dir), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / "report.json").read_text())
    data["_out"] = str(out)
    return data


def _art(report: dict[str, Any], prefix: str) -> dict[str, Any]:
    return next(a for a in report["articles"] if a["id"].startswith(prefix))


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_contract_and_accounting(report: dict[str, Any]) -> None:
    jsonschema.validate(
        {k: v for k, v in report.items() if k != "_out"}, json.loads(SCHEMA.read_text())
    )
    s = report["summary"]
    assert s["read"] == 5 == s["analysed"] + s["problems"]
    assert {a["language"] for a in report["articles"]} == {"en"}
    for name in ("report.json", "report.md", "report.html"):
        assert (Path(report["_out"]) / name).stat().st_size > 0


def test_titles_dates_and_chrome(report: dict[str, Any]) -> None:
    wion = _art(report, "004")
    assert wion["title"] == "Russian President Putin vows military support for Belarus' Lukashenko"
    assert (wion["published"] or "").startswith("2020-08-28")
    assert (
        _art(report, "001")["title"]
        == "Russia is ready to provide assistance to Belarus ‘if necessary’"
    )
    assert _art(report, "003")["title"] == "Belarus leader threatens to invite Russian troops"
    chrome = [
        "ugc_banner",
        "main img",
        "Load More",
        "Leave a Reply",
        "Similar articles",
        "Story highlights",
        "Your email address",
        "Photograph:(Reuters)",
        "Home Politics",
    ]
    for art in report["articles"]:
        for bit in chrome:
            assert bit not in art["text"], (art["id"], bit)
    assert "Russia goes to polls" not in _art(report, "003")["text"]


def test_every_body_paragraph_and_quote_kept(report: dict[str, Any], seeds_dir: Path) -> None:
    probes = {
        "000": [
            "more than 6.500 people were detained",
            "Hands off Belarus!",
            "I express my solidarity with the Belarusian people",
        ],
        "001": [
            "“I will not give up the country,” said Lukashenko",
            "Belarus is an important crossing point for Russian natural gas and oil.",
        ],
        "002": [
            "As many as 200,000 people took to the streets",
            "Putin is believed to be backing Lukashenko and Belarus for these reasons.",
        ],
        "003": [
            "“For the first time, he threatened with the deployment of Russian troops to Belarus.",
            "A total of 28 Belarusian journalists remain in custody",
        ],
        "004": [
            '"I told him Russia would fulfil all its obligations.',
            "EU nations have also vowed to sanction individuals",
        ],
    }
    for prefix, needles in probes.items():
        text = _norm(_art(report, prefix)["text"])
        for needle in needles:
            assert _norm(needle) in text, (prefix, needle)


def test_events_and_storyline(report: dict[str, Any]) -> None:
    by_id = {a["id"][:3]: a for a in report["articles"]}
    august = {by_id[k]["event"] for k in ("000", "001", "002", "004")}
    assert len(august) == 1 and by_id["003"]["event"] not in august
    assert len({a["storyline"] for a in report["articles"]}) == 1
    assert len(report["events"]) == 2 and len(report["storylines"]) == 1


def test_speakers_are_canonical(report: dict[str, Any]) -> None:
    def speaker(prefix: str, start: str) -> str | None:
        return next(
            q["speaker"]
            for q in report["quotes"]
            if q["article"].startswith(prefix) and q["text"].startswith(start)
        )

    assert speaker("001", "I will not give up the country") == "Alexander Lukashenko"
    assert speaker("002", "We are ready to provide military assistance") == "Vladimir Putin"
    assert speaker("004", "I told him Russia would fulfil") == "Vladimir Putin"
    assert speaker("003", "For the first time, he threatened") == "Valery Karbalevich"
    assert not any(q["text"] == "fraternal assistance" for q in report["quotes"])


def test_figures_and_comparisons(report: dict[str, Any]) -> None:
    def values(prefix: str) -> set[float]:
        return {f["value"] for f in report["figures"] if f["article"].startswith(prefix)}

    assert 6500 in values("000") and 200000 in values("002") and 1_500_000_000 in values("003")
    verdicts = {c["quantity"]: c["verdict"] for c in report["comparisons"]}
    years = [q for q in verdicts if "years" in q]
    assert years and verdicts[years[0]] == "conflict"
    ruled = next(c for c in report["comparisons"] if c["quantity"] == years[0])
    assert sorted(v["value"] for v in ruled["values"]) == [20, 26]
    assert "agree" in verdicts.values()


def test_opinion_timeline_and_citations(report: dict[str, Any]) -> None:
    kinds = {a["id"][:3]: a["kind"] for a in report["articles"]}
    assert kinds == {"000": "opinion", "001": "news", "002": "news", "003": "news", "004": "news"}
    dates = [t["date"] for t in report["timeline"]]
    assert dates == sorted(dates, key=sort_key)  # chronological, coarse before fine
    assert dates.index("2020-08-09") < dates.index("2020-08-27") < dates.index("2021")
    texts = {a["id"]: _norm(a["text"]) for a in report["articles"]}
    for entry in report["timeline"]:
        assert any(_norm(entry["text"]) in texts[c] for c in entry["articles"])
    for story in [*report["events"], *report["storylines"]]:
        for sentence in story["brief"]:
            assert any(_norm(sentence["text"]) in texts[c] for c in sentence["citations"])
