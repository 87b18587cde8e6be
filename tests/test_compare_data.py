"""A synthetic story for the compare and report tests (invented outlets and text).

Three outlets cover a port strike over two events of one storyline; a wire copy repeats the
first article; an open letter is opinion. Annotations are filled in by hand, as the extract
stages would, with offsets found in the text.
"""

from __future__ import annotations

from newsweave.model import (
    Article,
    DateMention,
    EntityMention,
    Event,
    Figure,
    Quote,
    Report,
    Storyline,
)

A1 = (
    "Dockworkers strike at Port Valdmora\n\n"
    "Thousands of dockworkers at Port Valdmora walked off the job on Monday after pay talks "
    "with the port authority collapsed.\n\n"
    "At least two workers were injured when police cleared the main gate.\n\n"
    '"We will not unload a single ship until the cut is withdrawn," union leader Tomas Reyka '
    "said.\n\n"
    "Mayor Ilse Brandt, who has led the city for 12 years, called for calm.\n\n"
    "The union said 4,000 members joined the strike on the first day."
)
A2 = (
    "Port Valdmora halted by strike\n\n"
    "Dockworkers at Port Valdmora went on strike on Monday after talks over pay with the port "
    "authority collapsed.\n\n"
    "Two workers were hurt as police cleared the gate of the port.\n\n"
    'Union leader Tomas Reyka said: "No single ship will be unloaded by us until the cut is '
    'withdrawn."\n\n'
    "Mayor Ilse Brandt, in office for 15 years, appealed for calm in the city.\n\n"
    "Police arrested 40 people near the harbour on Monday evening.\n\n"
    "Shipping firm Nordlane diverted three container ships to a rival port."
)
A3 = (
    "Police have arrested 310 people since the strike at Port Valdmora began on March 3, "
    "the interior ministry said on Thursday.\n\n"
    "The strike has now entered its third week, and the port authority said it lost about "
    "€40m in trade.\n\n"
    "Transport minister Karol Dembski said the government would meet the union next week."
)
OPINION = (
    "I have worked on the quays for twenty years and I have never been so ashamed.\n\n"
    "I call on the government to stop hiding behind the port authority. This cut is "
    "unacceptable and shameful.\n\n"
    "Hands off our wages!\n\n"
    "I express my solidarity with every worker on the quays."
)


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def fig(text: str, needle: str, value: float, unit: str, quantity: str, **kw: object) -> Figure:
    s, e = span(text, needle)
    sentence = next(p for p in text.split("\n\n") if needle in p)
    return Figure(s, e, needle, value, unit, quantity, sentence=sentence, **kw)  # type: ignore[arg-type]


def quote(text: str, needle: str, speaker: str | None, direct: bool = True) -> Quote:
    s, e = span(text, needle)
    return Quote(s, e, needle, speaker=speaker, direct=direct, cue="said")


def date(text: str, needle: str, value: str) -> DateMention:
    s, e = span(text, needle)
    sentence = next(p for p in text.split("\n\n") if needle in p)
    return DateMention(s, e, needle, value, sentence=sentence)


def person(text: str, needle: str, canonical: str, label: str = "PERSON") -> EntityMention:
    s, e = span(text, needle)
    return EntityMention(s, e, needle, label, canonical=canonical)


def synthetic_report() -> Report:
    """The port-strike story: storyline s1 with events e1 (day one) and e2 (weeks later)."""
    a1 = Article(
        "a1",
        "a1.txt",
        A1,
        title="Dockworkers strike",
        outlet="harbor.example",
        published="2025-03-03",
        event="e1",
        storyline="s1",
        order=0,
    )
    a1.figures = [
        fig(
            A1, "At least two workers were injured", 2, "workers", "injured", approximate="at least"
        ),
        fig(A1, "led the city for 12 years", 12, "years", "led", subject="Ilse Brandt"),
        fig(A1, "4,000 members joined the strike", 4000, "members", "joined the strike"),
    ]
    a1.quotes = [
        quote(A1, "We will not unload a single ship until the cut is withdrawn", "Tomas Reyka")
    ]
    a1.dates = [date(A1, "on Monday", "2025-03-03")]
    a1.entities = [
        person(A1, "Tomas Reyka", "Tomas Reyka"),
        person(A1, "Ilse Brandt", "Ilse Brandt"),
    ]

    wire = Article(
        "a1w",
        "a1w.txt",
        A1,
        title="Dockworkers strike",
        outlet="wire.example",
        published="2025-03-03",
        event="e1",
        storyline="s1",
        duplicate_of="a1",
        order=1,
    )
    a2 = Article(
        "a2",
        "a2.txt",
        A2,
        title="Port halted",
        outlet="tribune.example",
        published="2025-03-04",
        event="e1",
        storyline="s1",
        order=2,
    )
    a2.figures = [
        fig(A2, "Two workers were hurt", 2, "workers", "hurt"),
        fig(A2, "in office for 15 years", 15, "years", "in office", subject="Ilse Brandt"),
        fig(A2, "arrested 40 people", 40, "people", "arrested"),
        fig(A2, "three container ships", 3, "ships", "diverted"),
    ]
    a2.quotes = [
        quote(A2, "No single ship will be unloaded by us until the cut is withdrawn.", "Reyka")
    ]
    a2.dates = [date(A2, "on Monday", "2025-03-03"), date(A2, "on Monday evening", "2025-03-03")]
    a2.entities = [
        person(A2, "Tomas Reyka", "Tomas Reyka"),
        person(A2, "Ilse Brandt", "Ilse Brandt"),
        person(A2, "Nordlane", "Nordlane", "ORG"),
    ]
    a3 = Article(
        "a3",
        "a3.txt",
        A3,
        title="Hundreds arrested",
        outlet="herald.example",
        published="2025-03-20",
        event="e2",
        storyline="s1",
        order=3,
    )
    a3.figures = [fig(A3, "arrested 310 people", 310, "people", "arrested")]
    a3.dates = [
        date(A3, "on March 3", "2025-03-03"),
        date(A3, "on Thursday", "2025-03-20"),
        date(A3, "next week", "2025-W13"),
    ]
    a3.entities = [person(A3, "Karol Dembski", "Karol Dembski")]
    letter = Article(
        "op",
        "op.txt",
        OPINION,
        title="Hands off our wages",
        outlet="letters.example",
        published="2025-03-05",
        event="e1",
        storyline="s1",
        kind="opinion",
        order=4,
    )
    report = Report(articles=[a1, wire, a2, a3, letter])
    report.events = [
        Event(
            "e1",
            ["a1", "a1w", "a2", "op"],
            storyline="s1",
            title="Strike begins",
            start="2025-03-03",
            end="2025-03-05",
        ),
        Event("e2", ["a3"], storyline="s1", title="Arrests", start="2025-03-20", end="2025-03-20"),
    ]
    report.storylines = [
        Storyline("s1", ["e1", "e2"], ["a1", "a1w", "a2", "op", "a3"], title="Port strike")
    ]
    report.read = len(report.articles)
    return report
