"""Entities across articles: one :class:`~newsweave.model.Entity` per person, place, group.

Within an article :mod:`newsweave.extract.entities` already linked the mentions to a canonical
name. Here canonical names are linked across articles: equal names (case-insensitive), and for
people a surname-only name ("Lukashenko") joins the full name with that surname that is
mentioned most ("Alexander Lukashenko"), as does a full name with the same surname and a
compatible first name ("V. Putin", "Vladimir Putin"). Every mention gets its entity id and the
entity's name as ``canonical``; every quote gets ``speaker_entity`` and the fullest name as
``speaker``.
"""

from __future__ import annotations

import bisect
from collections import Counter

from ..model import Article, Entity, EntityMention, Report
from ..pipeline import Config, register

STAGE = "newsweave.compare.entities.v1"
PERSON_LABELS = frozenset({"PERSON", "PER"})


def _person_key(name: str) -> tuple[str, str]:
    words = name.split()
    return (
        (words[0].lower().rstrip("."), words[-1].lower()) if len(words) > 1 else ("", name.lower())
    )


def _link_people(counts: Counter[str]) -> dict[str, str]:
    """Person name -> the fullest compatible name the corpus knows."""
    by_surname: dict[str, list[str]] = {}
    for name in counts:
        by_surname.setdefault(name.split()[-1].lower(), []).append(name)
    target: dict[str, str] = {}
    for names in by_surname.values():
        full = sorted(
            (n for n in names if len(n.split()) > 1),
            key=lambda n: (-counts[n], -len(n), n),
        )
        for name in names:
            first, _ = _person_key(name)
            fits = [
                f
                for f in full
                if not first
                or _person_key(f)[0] == first
                or (
                    _person_key(f)[0][:1] == first[:1]
                    and min(len(first), len(_person_key(f)[0])) == 1
                )
            ]
            if fits:
                best = fits[0]
                longer = [
                    f
                    for f in fits
                    if len(f) > len(best) and _person_key(f)[0] == _person_key(best)[0]
                ]
                target[name] = max(longer, key=len) if longer else best
            else:
                target[name] = name
    return target


def _name(m: EntityMention) -> str:
    return m.canonical or m.text


def build(articles: list[Article]) -> list[Entity]:
    """Link mentions across ``articles`` and return the corpus entities (ids ``ent1``...)."""
    people: Counter[str] = Counter()
    for a in articles:
        for m in a.entities:
            if m.label in PERSON_LABELS:
                people[_name(m)] += 1
    person_target = _link_people(people)
    entities: dict[tuple[str, str], Entity] = {}
    labels: dict[tuple[str, str], Counter[str]] = {}
    seen: dict[str, set[str]] = {}  # lower-cased names and aliases per entity id
    for a in articles:
        for m in a.entities:
            if m.label in PERSON_LABELS:
                name = person_target.get(_name(m), _name(m))
                key = ("PERSON", name)
            else:
                name = _name(m)
                key = ("OTHER", name.lower())
            ent = entities.get(key)
            if ent is None:
                ent = Entity(id=f"ent{len(entities) + 1}", name=name, type="PERSON")
                entities[key] = ent
                labels[key] = Counter()
            labels[key][m.label] += 1
            if m.text.lower() not in seen.setdefault(ent.id, {ent.name.lower()}):
                seen[ent.id].add(m.text.lower())
                ent.aliases.append(m.text)
            if m.role and m.role.lower() not in {r.lower() for r in ent.roles}:
                ent.roles.append(m.role)
            if a.id not in ent.articles:
                ent.articles.append(a.id)
            m.entity, m.canonical = ent.id, ent.name
    for key, ent in entities.items():
        ent.type = "PERSON" if key[0] == "PERSON" else labels[key].most_common(1)[0][0]
        if ent.name in ent.aliases:
            ent.aliases.remove(ent.name)
    return list(entities.values())


def link_speakers(article: Article, by_id: dict[str, Entity]) -> None:
    """Give each quote of ``article`` its speaker's entity id and fullest name."""
    linked = sorted((m for m in article.entities if m.entity), key=lambda m: m.start)
    starts = [m.start for m in linked]
    by_name = {m.text: m for m in linked}
    by_name.update({m.canonical: m for m in linked if m.canonical})
    for q in article.quotes:
        mention = None
        if q.speaker_start is not None:
            k = bisect.bisect_right(starts, q.speaker_start) - 1
            if k >= 0 and q.speaker_start < linked[k].end:
                mention = linked[k]
        if mention is None and q.speaker:
            mention = by_name.get(q.speaker)
        if mention is not None and mention.entity:
            q.speaker_entity = mention.entity
            q.speaker = by_id[mention.entity].name


@register(
    STAGE,
    reads={"entities", "quotes"},
    writes={"report.entities", "speaker_entity"},
    scope="report",
)
def link(report: Report, config: Config) -> None:
    """Entities across articles (canonical names, aliases, roles); quote speakers linked."""
    report.entities = build(report.articles)
    by_id = {e.id: e for e in report.entities}
    for a in report.articles:
        link_speakers(a, by_id)
