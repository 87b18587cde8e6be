"""What grouping reads of an article: a page's text that is not its headline's story."""

from __future__ import annotations

from pathlib import Path

from newsweave.errors import Code
from newsweave.group.stages import dedupe, events, storylines
from newsweave.group.text import parts, url_slug
from newsweave.model import Article, EntityMention, Report
from newsweave.pipeline import Config

_FOOTER = (
    "Copyright 1995 - . All rights reserved. The content (including but not limited to text, "
    "photo, multimedia information, etc) published in this site belongs to the publisher. "
    "Browsers with 1024*768 or higher resolution are suggested for this site."
)
_STORY = (
    "A gunman opened fire on a music festival in Las Vegas, killing 59 people and injuring 527. "
    "Police said the gunman fired from the 32nd floor of the Mandalay Bay hotel. The Las Vegas "
    "shooting is the deadliest in modern US history, and the dead and injured were taken to "
    "hospitals across the city."
)


def _art(aid: str, text: str, title: str | None, order: int = 0, **ext: object) -> Article:
    return Article(id=aid, source=f"{aid}.json", text=text, title=title, order=order,
                   published="2017-10-02", ext={"newsweave": dict(ext)} if ext else {})  # fmt: skip


def test_a_headline_over_an_unrelated_text_is_read_alone() -> None:
    p = parts(_art("a", _FOOTER, "59 dead, 527 injured in Las Vegas shooting"))
    assert p.headline_only
    assert p.body == [] and p.lead == []
    assert {"las", "vegas", "shooting", "527"} <= set(p.title)


def test_a_headline_its_text_tells_is_read_with_the_text() -> None:
    p = parts(_art("a", _STORY, "59 dead, 527 injured in Las Vegas shooting"))
    assert not p.headline_only
    assert "mandalay" in p.body


def test_a_first_line_guessed_as_title_never_overrides_the_text() -> None:
    # Plain text: the cleaner guessed the title from the first line; if the text does not
    # support it, the guess (a site name, a caption) is what is wrong, not the text.
    p = parts(_art("a", _STORY, "Mundo | elmundo.es", title_in_text=True))
    assert not p.headline_only
    assert "mandalay" in p.body


def test_a_site_or_section_name_as_title_never_overrides_the_text() -> None:
    # Real pages often carry their site's or section's name as title, over a real story.
    for title in ("Pressemitteilungen", "Press releases | City of Bern", "World news"):
        assert not parts(_art("a", _STORY, title)).headline_only, title


def test_inflected_and_compound_words_support_their_headline() -> None:
    text = (
        "Körperliche Aktivität während der Schwangerschaft hat positive Auswirkungen. Ärztinnen "
        "raten werdenden Müttern, sich regelmässig zu bewegen, und Hebammen motivieren dazu."
    )
    p = parts(_art("a", text, "Schwangere Frauen sollen zu Bewegung motiviert werden"))
    assert not p.headline_only


def test_a_news_url_spells_the_headline_a_site_name_title_lacks() -> None:
    url = "http://abcnews.go.com/Technology/wireStory/russian-experts-regain-control-1st-angola-satellite-52044233"
    assert url_slug(url) == [
        "russian",
        "experts",
        "regain",
        "control",
        "1st",
        "angola",
        "satellite",
    ]
    assert url_slug("https://www.rt.com/on-air/414286-angola-satellite-launch-baikonur/") == [
        "angola", "satellite", "launch", "baikonur",
    ]  # fmt: skip
    assert url_slug("https://www.npr.org/templates/search/index.php?q=x") == []
    assert url_slug(None) == []
    stub = _art("a", "ABC News. Check out the latest videos.", "ABC News")
    stub.url = url
    assert {"angola", "satellite", "regain"} <= set(parts(stub).title)
    titled = _art("b", _STORY, "59 dead, 527 injured in Las Vegas shooting")
    titled.url = url  # an informative headline is not mixed with its URL
    assert "angola" not in parts(titled).title


def _run(arts: list[Article], config: Config) -> Report:
    report = Report(articles=arts)
    for stage in (dedupe, events, storylines):
        stage(report, config)
    return report


def test_headline_only_articles_are_grouped_by_headline_and_reported(tmp_path: Path) -> None:
    def batch() -> list[Article]:
        return [
            _art("story", _STORY, "Las Vegas shooting: 59 dead, 527 injured", order=0),
            _art("stub", _FOOTER, "59 dead, 527 injured in Las Vegas shooting", order=1),
        ]

    config = Config(state_dir=str(tmp_path / "state"))
    report = _run(batch(), config)
    by_id = {a.id: a for a in report.articles}
    assert by_id["stub"].event == by_id["story"].event
    warned = [w for w in report.ext["warnings"] if w["code"] == Code.HEADLINE_ONLY.value]
    assert [w["source"] for w in warned] == ["stub.json"]
    # A rerun over the persisted state reports it again (the same input, the same report).
    again = _run(batch(), config)
    assert [w["source"] for w in again.ext["warnings"]] == ["stub.json"]


def test_short_stubs_with_the_same_boilerplate_are_not_copies_of_each_other() -> None:
    stub = "Chat with us in Facebook Messenger. Find out what's happening in the world."
    arts = [
        _art("vegas", stub, "The first shots fired in Las Vegas", order=0),
        _art("oil", stub, "China accused of letting oil into North Korea", order=1),
        _art("vegas2", stub, "The first shots fired in Las Vegas", order=2),
    ]
    report = _run(arts, Config())
    by_id = {a.id: a for a in report.articles}
    assert by_id["oil"].duplicate_of is None
    assert by_id["vegas2"].duplicate_of == "vegas"  # the same stub under the same title is


def test_names_are_read_from_the_text_whatever_the_entity_stage_found() -> None:
    # One reader of names for every article: the entity stage runs for English only, and its
    # names grouped worse than the capitalised phrases (docs/evaluation.md, session 17).
    plain = _art("a", _STORY, "Las Vegas gunman kills 59 at music festival")
    tagged = _art("b", _STORY, "Las Vegas gunman kills 59 at music festival")
    tagged.entities = [
        EntityMention(_STORY.index("Las Vegas"), _STORY.index("Las Vegas") + 9, "Las Vegas",
                      "GPE", canonical="Las Vegas, Nevada"),
        EntityMention(_STORY.index("Mandalay"), _STORY.index("Mandalay") + 12, "Mandalay Bay",
                      "FAC", canonical="Mandalay Bay Resort"),
    ]  # fmt: skip
    assert parts(tagged).names == parts(plain).names
    assert "mandalay bay" in parts(plain).names and "las vegas, nevada" not in parts(tagged).names
