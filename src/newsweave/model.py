"""The data model, in one place.

An :class:`Article` owns its cleaned ``text``; everything extracted from it is a span with
``start``/``end`` character offsets into that text plus typed fields (spaCy's ``Doc``/``Span``
idea). Story-level objects (:class:`Event`, :class:`Storyline`, :class:`Comparison`, ...) refer
to articles by id. Everything here is a plain dataclass: picklable for worker processes and
Dask, and serialised to the report contract by :func:`to_dict`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["news", "opinion", "analysis", "other"]


def base_language(language: str | None) -> str:
    """The lower-case primary subtag of an article's language ("pt-BR" -> "pt"); English when
    unknown."""
    return (language or "en").split("-")[0].lower()


@dataclass
class EntityMention:
    """A named-entity mention in an article's text."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, ...
    canonical: str | None = None  # fullest name the article (or story) links it to
    entity: str | None = None  # story-level entity id, set when the report is built
    role: str | None = None  # e.g. "Kremlin spokesman", from titles and appositions


@dataclass
class Quote:
    """Something a speaker said; ``direct`` quotes have their content in quotation marks."""

    start: int
    end: int
    text: str
    speaker: str | None = None  # fullest canonical name known for the speaker
    speaker_start: int | None = None  # span of the speaker mention or pronoun in the text
    speaker_end: int | None = None
    speaker_entity: str | None = None  # story-level entity id, set when the report is built
    cue: str | None = None  # "said", "told", "according to", ...
    direct: bool = True
    # offsets of the words inside quotation marks: one pair per piece of a quote split by its
    # attribution or run over paragraphs; for a partial quote, the quoted words inside the
    # reported clause; empty for reported speech with no quotation marks
    parts: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Figure:
    """A reported quantity: value, unit and what it counts."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None  # "people", "USD", "percent", "years", ...
    quantity: str | None = None  # what it counts: "detained", "killed", "votes", "years in power"
    approximate: str | None = None  # "more than", "at least", "about", ...
    sentence: str = ""
    subject: str | None = None  # who/what it is about, when the sentence says it
    value_max: float | None = None  # upper bound of a range ("5 to 10")


@dataclass
class DateMention:
    """A date expression normalised against the publication date."""

    start: int
    end: int
    text: str
    value: str  # TIMEX3 value: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-Qn, decade "199", PAST_REF
    sentence: str = ""
    relative: bool = False  # resolved against the publication date ("on Sunday", "last year")
    estimated: bool = False  # no publication date: resolved against an estimated year only


@dataclass
class Article:
    """One news article: metadata, cleaned text and the annotations found in it."""

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date or datetime
    language: str | None = None
    kind: Kind = "news"
    removed: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    event: str | None = None
    storyline: str | None = None
    place: str | None = None  # dateline place, when the text gives one
    author: str | None = None
    entities: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    html: str | None = None  # raw page, dropped once the main text is extracted
    ext: dict[str, Any] = field(default_factory=dict)  # namespaced extension bag for plugins
    order: int = 0  # input order, used when there is no date

    def __getstate__(self) -> dict[str, Any]:
        # The cached spaCy Doc (see newsweave.nlp) and sentences (newsweave.compare.text)
        # never cross process boundaries.
        state = dict(self.__dict__)
        state.pop("_doc", None)
        state.pop("_sents", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


@dataclass
class Problem:
    """An input record or article that could not be analysed, and why."""

    source: str
    reason: str
    record: str | int | None = None  # record id or line number inside the source
    code: str = "E000"  # see newsweave.errors


@dataclass
class BriefSentence:
    text: str
    citations: list[str]


@dataclass
class Event:
    """A tight, time-bounded cluster of articles about one happening."""

    id: str
    articles: list[str]
    storyline: str | None = None
    title: str | None = None
    start: str | None = None
    end: str | None = None
    brief: list[BriefSentence] = field(default_factory=list)
    ext: dict[str, Any] = field(default_factory=dict)


@dataclass
class Storyline:
    """A chain of events about one developing subject."""

    id: str
    events: list[str]
    articles: list[str]
    title: str | None = None
    start: str | None = None
    end: str | None = None
    brief: list[BriefSentence] = field(default_factory=list)
    ext: dict[str, Any] = field(default_factory=dict)


@dataclass
class Entity:
    """A canonical entity across the corpus, with its aliases and the articles that mention it."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass
class ComparedValue:
    article: str
    value: float
    outlet: str | None = None
    published: str | None = None
    text: str = ""
    sentence: str = ""
    unit: str | None = None
    approximate: str | None = None  # "at least", "more than", ... as the article put it
    event: str | None = None  # the event the article belongs to


@dataclass
class Comparison:
    """One quantity reported by several articles, with a verdict."""

    scope: str  # event or storyline id
    quantity: str
    verdict: Literal["agree", "conflict", "evolving"]
    values: list[ComparedValue]
    unit: str | None = None


@dataclass
class TimelineEntry:
    date: str
    text: str
    articles: list[str]
    storyline: str | None = None
    event: str | None = None


@dataclass
class QuoteWording:
    """One outlet's wording of a statement."""

    article: str
    text: str
    outlet: str | None = None
    published: str | None = None
    direct: bool = True
    start: int = 0
    end: int = 0


@dataclass
class QuoteGroup:
    """The same statement by one speaker, as worded by each article that reports it."""

    scope: str  # event or storyline id
    speaker: str | None
    wordings: list[QuoteWording]
    speaker_entity: str | None = None
    outlets: list[str] = field(default_factory=list)


@dataclass
class Claim:
    """A claim (sentence with a figure, a quote or a named actor) only one outlet reports."""

    scope: str
    article: str
    text: str
    start: int
    end: int
    outlet: str | None = None
    reasons: list[str] = field(default_factory=list)  # "figure", "quote", "actor"


@dataclass
class Report:
    """Everything ``newsweave analyze`` produces; serialised as ``report.json``."""

    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    storylines: list[Storyline] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ext: dict[str, Any] = field(default_factory=dict)  # story-view extras (quote groups, ...)
    read: int = 0  # input records seen: read == len(articles) + len(problems)


def to_dict(obj: Any) -> Any:
    """Serialise a model object (or list/dict of them) to plain JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            if f.name.startswith("_"):
                continue
            out[f.name] = to_dict(getattr(obj, f.name))
        return out
    if isinstance(obj, list | tuple):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, float) and obj.is_integer():
        return int(obj)
    return obj


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an :class:`Article` (with its annotations) from :func:`to_dict` output."""
    data = dict(data)
    known = {f.name for f in dataclasses.fields(Article)}
    anns = {
        "entities": EntityMention,
        "quotes": Quote,
        "figures": Figure,
        "dates": DateMention,
    }
    kwargs: dict[str, Any] = {k: v for k, v in data.items() if k in known and k not in anns}
    for name, cls in anns.items():
        fields_ = {f.name for f in dataclasses.fields(cls)}
        kwargs[name] = [
            cls(**{k: v for k, v in item.items() if k in fields_}) for item in data.get(name, [])
        ]
    return Article(**kwargs)
