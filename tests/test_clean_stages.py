"""The four cleaning stages: HTML pages, Unicode, language, and the seed articles end to end."""

from __future__ import annotations

import pytest

from newsweave.clean.chrome import clean_text
from newsweave.clean.stages import chrome, extract, language, normalize
from newsweave.clean.unicode import normalize_text
from newsweave.errors import InputError
from newsweave.eval import shared_dir
from newsweave.model import Article
from newsweave.pipeline import Config, process_article

STAGES = (
    "newsweave.clean.extract.v1",
    "newsweave.clean.normalize.v1",
    "newsweave.clean.chrome.v1",
    "newsweave.clean.language.v1",
)
BODY = (
    "The harbour authority said on Tuesday that ferry traffic would resume next week after "
    "repairs to the main pier were completed ahead of schedule. "
)
PAGE = f"""<html><head><title>Ferries return | Coast Gazette</title>
<meta property="og:site_name" content="Coast Gazette">
<meta property="article:published_time" content="2021-06-01T08:00:00Z">
<meta name="author" content="Ana Silva"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferries return</h1><p>{BODY * 3}</p><p>{BODY * 2}</p>
<p>Photo: Coast Agency Workers on the pier</p></article>
<footer>Contact us · Imprint</footer></body></html>"""


def test_html_page_gives_text_and_metadata() -> None:
    art = Article(id="p", source="p.html", text="", html=PAGE, url="https://www.coast.example/a")
    art = chrome(normalize(extract(art, Config()), Config()), Config())
    assert art.text.startswith("The harbour authority said")
    assert "Imprint" not in art.text and "Photo: Coast Agency" not in art.text
    assert art.title == "Ferries return"
    assert art.published == "2021-06-01"
    assert art.outlet == "Coast Gazette"
    assert art.author == "Ana Silva"


def test_page_without_text_is_a_coded_problem() -> None:
    art = Article(id="e", source="e.html", text="", html="<html><body><div></div></body></html>")
    with pytest.raises(InputError) as err:
        extract(art, Config())
    assert err.value.code.value == "E007"
    problem = process_article(art, list(STAGES), Config())
    assert getattr(problem, "code", None) == "E007"


def test_outlet_falls_back_to_url_domain() -> None:
    art = Article(id="t", source="t", text="Some text.", url="https://www.example.org/x")
    assert extract(art, Config()).outlet == "example.org"


def test_unicode_normalisation_keeps_quotes() -> None:
    raw = (
        "Cafe\u0301\u00a0said \u201cyes\u201d \u2018no\u2019 in\u00adter\u200bnal\r\nnext\u2009line"
    )
    assert normalize_text(raw) == "Café said \u201cyes\u201d \u2018no\u2019 internal\nnext line"


def test_language_identified_unless_given() -> None:
    art = Article(id="l", source="l", text="Die Regierung hat am Montag neue Regeln beschlossen.")
    art = language(art, Config())
    assert art.language == "de"
    assert art.ext["newsweave"]["language_confidence"] > 0.5
    given = language(Article(id="g", source="g", text="Hello there.", language="fr"), Config())
    assert given.language == "fr"


SEEDS = shared_dir() / "corpus" / "seeds"


def _seed(prefix: str) -> Article:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    art = Article(
        id=path.stem,
        source=str(path),
        text=path.read_text(),
        ext={"newsweave": {"title_in_text": True}},
    )
    out = process_article(art, list(STAGES), Config())
    assert isinstance(out, Article)
    return out


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles missing at {SEEDS}")
class TestSeeds:
    def test_titles(self) -> None:
        assert _seed("000").title is None
        assert (
            _seed("001").title == "Russia is ready to provide assistance to Belarus ‘if necessary’"
        )
        assert _seed("002").title.startswith("Belarus protests - Russia offers military")  # type: ignore[union-attr]
        assert _seed("003").title == "Belarus leader threatens to invite Russian troops"
        title4 = "Russian President Putin vows military support for Belarus' Lukashenko"
        assert _seed("004").title == title4

    def test_opinion_piece_keeps_first_paragraph(self) -> None:
        art = _seed("000")
        assert art.text.startswith("No matter what Lukashenko may agree with Putin")
        assert art.text.endswith("in their striving for freedom.")
        assert art.language == "en"

    def test_chrome_gone_body_and_quotes_kept_001(self) -> None:
        art = _seed("001")
        for chrome_line in ("Home Politics", "Load More", "Leave a Reply", "email address"):
            assert chrome_line not in art.text
        assert art.text.startswith("Russia is prepared to give military support")
        assert "Lukashenko: ‘I will not give up the country’" in art.text
        assert "“I will not give up the country,” said Lukashenko" in art.text
        assert art.text.endswith("a military buffer between Russia and NATO.")

    def test_bullet_quotes_kept_002(self) -> None:
        art = _seed("002")
        assert art.text.startswith("• Russian President Vladimir Putin has assured Lukashenko")
        assert "“NATO was plotting to overthrow my government" in art.text
        assert art.removed == []

    def test_caption_and_teasers_gone_003(self) -> None:
        art = _seed("003")
        assert "Photo: EPA" not in art.text
        assert "Similar articles" not in art.text and "Russia goes to polls" not in art.text
        assert "\n64" not in art.text and "\n79" not in art.text
        assert art.text.startswith("Belarus’ authoritarian president warned Friday")
        assert art.text.endswith("who has been in pre-trial detention.")
        assert "“If it is necessary, we won’t hesitate.”" in art.text

    def test_metadata_and_highlights_004(self) -> None:
        art = _seed("004")
        assert art.published == "2020-08-28"
        assert art.place == "Moscow"
        assert art.author == "WION Web Team"
        for chrome_line in ("ugc_banner", "main img", "Photograph:", "Story highlights", "Updated"):
            assert chrome_line not in art.text
        assert art.text.count("The remarks were the strongest signal yet") == 1
        assert art.text.startswith("Russian President Vladimir Putin vowed military support")
        assert '"I told him Russia would fulfil all its obligations.' in art.text
        assert {"ugc_banner", "main img", "Story highlights"} <= set(art.removed)


def test_date_in_the_file_path_is_the_last_fallback() -> None:
    from newsweave.clean.stages import chrome
    from newsweave.model import Article
    from newsweave.pipeline import Config

    body = "The council approved the harbour budget on Monday after a long and heated debate."
    txt = {"newsweave": {"format": "txt", "title_in_text": True}}
    arch = Article(id="a", source="archive/2011-01-26/a.txt", text=f"Budget\n\n{body}", ext=txt)
    assert chrome(arch, Config()).published == "2011-01-26"
    dated = Article(
        id="b",
        source="archive/2011-01-26/b.txt",
        text=f"Budget\nPublished Jan 27, 2011\n\n{body}",
        ext={"newsweave": {"format": "txt", "title_in_text": True}},
    )
    assert chrome(dated, Config()).published == "2011-01-27"  # the dateline comes first
    record = Article(id="c", source="news-2011-01-26.jsonl:3", text=body,
                     ext={"newsweave": {"format": "jsonl"}})  # fmt: skip
    assert chrome(record, Config()).published is None  # many articles per file: no path date


def test_a_style_rule_first_line_is_not_the_title() -> None:
    text = (
        ".alogo{display: block;text-indent: -1000px;width: 330px;height: 80px;}\n"
        "Egypt closes the offices of Al Jazeera\n"
        "During the protests in Egypt, the government closed the offices of the channel."
    )
    res = clean_text(text, None, title_in_text=True)
    assert res.title == "Egypt closes the offices of Al Jazeera"
    assert "display" not in res.text
