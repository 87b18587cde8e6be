"""The grouping stages: wire copies, events, storylines (report scope, persisted state)."""

from __future__ import annotations

from ..errors import Code
from ..model import Report
from ..pipeline import Config, register
from . import state
from .dedupe import Deduper
from .events import (
    EventProfile,
    assign_events,
    build_events,
    headline_only,
    resolve,
)
from .order import stream
from .storylines import assign_storylines, build_storylines

DEDUPE = "newsweave.group.dedupe.v1"
EVENTS = "newsweave.group.events.v1"
STORYLINES = "newsweave.group.storylines.v1"
_PROFILES = "_newsweave_event_profiles"


@register(DEDUPE, reads={"text", "title", "published"}, writes={"duplicate_of"}, scope="report")
def dedupe(report: Report, config: Config) -> None:
    """Mark near-duplicates and wire copies (MinHash LSH + title); duplicate_of = earliest copy."""
    st = state.for_report(report, config)
    known = st["articles"]
    deduper = Deduper(st["minhash"]["recent"])
    for a, _ in stream(report.articles):
        if a.id in known:
            a.duplicate_of = known[a.id].get("duplicate_of")
        else:
            a.duplicate_of = deduper.check(a)
    st["minhash"]["recent"] = deduper.to_json()
    state.save(st, config)


@register(
    EVENTS,
    reads={"text", "title", "published", "duplicate_of"},
    writes={"event", "events"},
    scope="report",
)
def events(report: Report, config: Config) -> None:
    """Group articles into events: online, time-aware clustering with a merge step."""
    st = state.for_report(report, config)
    profiles = assign_events(report.articles, st, embeddings=config.get(EVENTS, "embeddings"))
    for a in report.articles:
        if headline_only(a):
            report.ext.setdefault("warnings", []).append(
                {
                    "source": a.source,
                    "code": Code.HEADLINE_ONLY.value,
                    "reason": f"article {a.id!r}: its text holds few of its headline's words "
                    "(a gallery, a footer or another story under the headline?); "
                    "grouped by its headline",
                }
            )
    central = {m: v for prof in profiles.values() for m, v in prof.central.items()}
    build_events(report, st, central)
    report.__dict__[_PROFILES] = profiles
    state.save(st, config)


@register(STORYLINES, reads={"event", "events"}, writes={"storyline", "storylines"}, scope="report")
def storylines(report: Report, config: Config) -> None:
    """Chain events into storylines by their centroids and names, allowing gaps of months."""
    st = state.for_report(report, config)
    profiles: dict[str, EventProfile] = report.__dict__.get(_PROFILES, {})
    story_of = assign_storylines(profiles, st)
    alias = st.get("storyline_alias", {})
    for ev in report.events:  # events known from earlier runs that did not change
        prev = st["events"].get(ev.id, {}).get("storyline")
        if ev.id not in story_of and prev:
            story_of[ev.id] = resolve(alias, prev)  # its storyline may have merged since
    build_storylines(report, story_of, st)
    state.save(st, config)


STAGES = (DEDUPE, EVENTS, STORYLINES)
