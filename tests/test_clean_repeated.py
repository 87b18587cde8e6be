"""Lines a site repeats across unrelated pages: found over the run, dropped by the chrome stage,
while lines shared by one story's articles (wire copies, a quote) stay."""

from __future__ import annotations

import copy
from pathlib import Path

from newsweave.analyze import analyze, analyze_records
from newsweave.clean.repeated import HINT, mark_repeated
from newsweave.clean.stages import MEMORY_FILE
from newsweave.model import Article
from newsweave.pipeline import Config

STAGES = (
    "newsweave.clean.extract.v1",
    "newsweave.clean.normalize.v1",
    "newsweave.clean.chrome.v1",
    "newsweave.clean.language.v1",
)

#: Six unrelated stories: (headline, body).
STORIES = [
    (
        "Harbour ferries resume after pier repairs",
        "Ferry traffic across the bay resumed on Tuesday after engineers finished repairs to "
        "the main pier.\nThe harbour authority said crossings would run every half hour and "
        "that the old timetable would return in spring.",
    ),
    (
        "Orchestra names a new conductor",
        "The symphony orchestra chose a young Finnish violinist as its principal conductor.\n"
        "She will lead twelve concerts next season, including a cycle of Sibelius symphonies "
        "and two premieres by local composers.",
    ),
    (
        "Drought cuts the wheat harvest",
        "Farmers in the southern plains expect the smallest wheat harvest in a decade after "
        "months without rain.\nGrain prices rose sharply at the commodity exchange as millers "
        "sought supplies abroad.",
    ),
    (
        "Hospital opens a children's cancer ward",
        "A paediatric oncology ward with forty beds opened at the university hospital.\nDoctors "
        "said families would no longer travel to the capital for chemotherapy and radiation "
        "treatment.",
    ),
    (
        "Chess prodigy wins the national title",
        "A fourteen-year-old grandmaster won the national chess championship with a round to "
        "spare.\nHer final game, a sharp Sicilian defence, lasted six hours before her opponent "
        "resigned.",
    ),
    (
        "Volcano eruption closes the airport",
        "Ash from the erupting volcano forced the island's airport to close on Sunday.\n"
        "Seismologists warned that lava flows could reach coastal villages within days, and "
        "residents began to evacuate.",
    ),
]
#: A site's chrome: a header of teasers for other stories, and a footer.
HEADER = [
    "Government approves new budget for public transport",
    "Weather warning issued for heavy rain in the north",
]
FOOTER = [
    "Comments are moderated and will not appear until approved.",
    "Subscribe to our daily newsletter for the latest headlines",
]


def _page(title: str, body: str) -> str:
    return "\n".join([*HEADER, title, body, *FOOTER])


def _folder(tmp_path: Path, texts: list[str]) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"page{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_a_sites_teasers_and_footer_across_unrelated_pages_go(tmp_path: Path) -> None:
    folder = _folder(tmp_path, [_page(t, b) for t, b in STORIES])
    report = analyze([str(folder)], config=Config(workers=1), stages=STAGES)
    assert report.read == len(STORIES) == len(report.articles) and not report.problems
    by_title = {a.title: a for a in report.articles}
    # without the repeated header, the headline is the page's own, not a teaser's
    assert set(by_title) == {t for t, _ in STORIES}
    for title, body in STORIES:
        a = by_title[title]
        assert a.text == body
        assert all(line in a.removed for line in [*HEADER, *FOOTER])
        assert HINT not in a.ext.get("newsweave", {})  # the hint does not reach the report
    assert "newsweave.clean.chrome.v1 (prepare)" in report.ext["timings"]


def test_a_page_keeps_a_repeated_line_its_own_text_tells(tmp_path: Path) -> None:
    """A teaser list names other stories and, on its own page, the page's story."""
    teaser = "Ferry traffic resumes across the bay after pier repairs finished"
    pages = [_page(t, b).replace(HEADER[0], teaser) for t, b in STORIES]
    report = analyze([str(_folder(tmp_path, pages))], config=Config(workers=1), stages=STAGES)
    ferry = next(a for a in report.articles if "ferry" in a.text.lower())
    assert teaser in ferry.text or ferry.title == teaser
    others = [a for a in report.articles if a is not ferry]
    assert all(teaser not in a.text and teaser in a.removed for a in others)


def test_wire_copies_keep_the_lines_they_share() -> None:
    """Five outlets run one agency story under their own first line: the story's lines repeat
    across pages that are all about it, so none of them is chrome."""
    body = STORIES[2][1]
    copies = [
        Article(id=f"c{i}", source=f"c{i}", text=f"Updated {i} hours ago by staff {i}\n{body}")
        for i in range(5)
    ]
    report = analyze_records(copies, config=Config(workers=1), stages=STAGES)
    assert all(body in a.text for a in report.articles)
    assert mark_repeated(copies) == 0


def test_a_quote_several_articles_of_one_story_carry_stays() -> None:
    quote = '"We will rebuild every house the lava destroyed," the governor said on Monday.'
    base = STORIES[5][1]
    variants = [
        base,
        base.replace("Sunday", "Saturday evening"),
        base + "\nTourists were stranded at the terminal overnight.",
        base.replace("residents began to evacuate", "fishermen moved their boats"),
    ]
    arts = [
        Article(id=f"v{i}", source=f"v{i}", outlet=f"outlet{i % 2}", text=f"{v}\n{quote}")
        for i, v in enumerate(variants * 2)
    ]
    assert mark_repeated(arts) == 0


def test_html_pages_and_empty_texts_are_left_to_the_page_extractor() -> None:
    pages = [Article(id=t, source=t, text=_page(t, b)) for t, b in STORIES]
    html = "<html><body><p>" + "</p><p>".join(HEADER) + "</p></body></html>"
    others = [
        *(Article(id=f"h{i}", source=f"h{i}.html", text="", html=html) for i in range(4)),
        Article(id="e", source="e.txt", text="   "),
    ]
    assert mark_repeated([*pages, *others]) == len(pages)
    assert all(HINT in a.ext["newsweave"] for a in pages)
    assert not any(a.ext for a in others)


def test_a_feeds_small_runs_are_judged_with_the_pages_before_them(tmp_path: Path) -> None:
    """Three pages a run: too few alone; with the remembered pages of the first run, the
    second run's pages lose their site's chrome, and reading them again changes nothing."""
    config = Config(workers=1, state_dir=tmp_path / "state")
    plain = {"newsweave": {"title_in_text": True}}  # as the reader marks a .txt file
    pages = [
        Article(
            id=t,
            source=f"{t}.txt",
            text=_page(t, b),
            outlet="site.example",
            ext=copy.deepcopy(plain),
        )
        for t, b in STORIES
    ]
    first = analyze_records(pages[:3], config=config, stages=STAGES)
    assert all(a.title == HEADER[0] for a in first.articles)  # nothing to compare with yet
    assert (tmp_path / "state" / MEMORY_FILE).exists()
    again = [
        Article(id=a.id, source=a.source, text=a.text, outlet=a.outlet, ext=copy.deepcopy(plain))
        for a in pages[3:]
    ]
    second = analyze_records(pages[3:], config=config, stages=STAGES)
    assert {a.title for a in second.articles} == {t for t, _ in STORIES[3:]}
    assert all(HEADER[0] not in a.text and FOOTER[1] in a.removed for a in second.articles)
    third = analyze_records(again, config=config, stages=STAGES)
    assert [a.text for a in third.articles] == [a.text for a in second.articles]


def test_a_broken_memory_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    (state / MEMORY_FILE).write_bytes(b"not gzip at all")
    pages = [Article(id=t, source=t, text=_page(t, b)) for t, b in STORIES]
    report = analyze_records(pages, config=Config(workers=1, state_dir=state), stages=STAGES)
    assert len(report.articles) == len(STORIES) and not report.problems
    (warning,) = report.ext["warnings"]
    assert warning["source"] == "newsweave.clean.chrome.v1"
    assert "prepare step failed" in warning["reason"] and "BadGzipFile" in warning["reason"]
    assert all(HEADER[0] in a.text for a in report.articles)  # cleaned as before, no hint
