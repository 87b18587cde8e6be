"""Figures side by side: the same quantity from different articles, aligned, with a verdict.

**Alignment.** Two figures of different articles count the same thing when their units are
compatible (both counts, the same currency, both durations, ...), their quantities share a
concept after folding synonyms ("died"/"killed", "arrested"/"detained"), no subject
contradicts, and their clauses agree (:mod:`.clauses`):

* *time anchor* – a figure whose clause is governed by an explicit date in another year than
  the one its article reports from ("in 2009, an outage cost $80m") describes another
  happening: it is compared only with figures anchored to the same year;
* *predicate* – for counts, what the counted things did must match: "900 nurses who voted"
  and "700 nurses are on strike" count different people. Both predicates must share a
  concept, or both be empty.

Groups are built by complete linkage: a figure joins a group only if it aligns with every
member from another article. One value per article (its first), wire copies left out.

**Verdict.** ``agree``, ``evolving`` or ``conflict`` per group, by the rule stated in
:mod:`.verdicts`: overlapping ranges at the same time agree, values that grow between dates
evolve, anything else conflicts.
"""

from __future__ import annotations

from collections import Counter

from ..model import Article, ComparedValue, Comparison, Figure, Report
from ..pipeline import Config, register
from .clauses import LIGHT, Reading, parse_ahead, read, reference_year, to_parse
from .quantities import (
    ACTIONS,
    GENERIC_COUNT,
    SYNONYMS,
    compatible,
    concepts,
    quantity_words,
    unit_family,
)
from .scopes import Scope, story_scopes
from .verdicts import elapsed_days, over_time, verdict

__all__ = [
    "SYNONYMS",
    "aligned",
    "compare_figures",
    "compare_scope",
    "compatible",
    "concepts",
    "elapsed_days",
    "over_time",
    "reported",
    "unit_family",
    "verdict",
]

STAGE = "newsweave.compare.figures.v1"


def _noun(fig: Figure) -> frozenset[str]:
    unit = (fig.unit or "").lower()
    return concepts(unit) if unit and unit not in GENERIC_COUNT else frozenset()


def predicate(fig: Figure, reading: Reading) -> frozenset[str]:
    """What the counted things did: from the clause, else from the extracted quantity."""
    words = reading.predicate or set((fig.quantity or "").lower().split())
    return concepts(" ".join(sorted(w for w in words if w not in LIGHT))) - _noun(fig)


def _same_predicate(pa: frozenset[str], pb: frozenset[str]) -> bool:
    if not pa or not pb:
        return not pa and not pb
    aa, ab = pa & ACTIONS, pb & ACTIONS
    return bool(pa & pb) and not ((aa or ab) and not aa & ab)


def aligned(a: Figure, b: Figure, ra: Reading | None = None, rb: Reading | None = None) -> bool:
    """Whether figures ``a`` and ``b`` count the same thing.

    With the readings of their clauses (:func:`.clauses.read`), the figures must also share a
    time anchor and, for counts, a predicate (see module docstring).
    """
    if ra is not None and rb is not None and ra.anchor != rb.anchor:
        return False
    return _aligned(a, b, ra, rb, read=ra is not None and rb is not None)


def _aligned(a: Figure, b: Figure, ra: Reading | None, rb: Reading | None, read: bool) -> bool:
    """:func:`aligned`; with ``read`` but no readings, whether they could align once read."""
    fam = unit_family(a.unit)
    if fam != unit_family(b.unit):
        return False
    counted = fam == "count" and read
    qa = quantity_words(a) if counted else concepts(a.quantity)
    qb = quantity_words(b) if counted else concepts(b.quantity)
    if not qa or not qb or not qa & qb:
        return False
    aa, ab = qa & ACTIONS, qb & ACTIONS  # "protesters" vs "protesters killed" differ
    if (aa or ab) and not aa & ab:
        return False
    if fam == "count":  # "protesters killed" vs "police killed": the counted noun must fit
        ua, ub = (a.unit or "").lower(), (b.unit or "").lower()
        if ua not in GENERIC_COUNT and ub not in GENERIC_COUNT and not concepts(ua) & concepts(ub):
            return False
    if counted and ra and rb and not _same_predicate(predicate(a, ra), predicate(b, rb)):
        return False
    sa, sb = concepts(a.subject), concepts(b.subject)
    return not (sa and sb and not sa & sb)


def reported(fig: Figure) -> bool:
    """Whether a figure reports something rather than describes ("the two countries").

    A small count (under 10) whose quantity is only the counted noun itself is descriptive.
    """
    q = concepts(fig.quantity)
    small_noun = unit_family(fig.unit) == "count" and fig.value < 10 and q <= concepts(fig.unit)
    return bool(q) and not small_noun


def _label(figs: list[Figure]) -> str:
    quantity = Counter(f.quantity for f in figs if f.quantity).most_common(1)
    subject = Counter(f.subject for f in figs if f.subject).most_common(1)
    label = quantity[0][0] if quantity else "value"
    counted = Counter(
        f.unit for f in figs if unit_family(f.unit) == "count" and f.unit not in GENERIC_COUNT
    ).most_common(1)
    if counted and counted[0][0] and counted[0][0].lower() not in label.lower():
        label = f"{counted[0][0]} {label}"
    if subject and subject[0][0].lower() not in label.lower():
        label = f"{label} ({subject[0][0]})"
    return label


def _groups(
    items: list[tuple[Figure, Article]], pairs: list[tuple[int, int]], readings: list[Reading]
) -> list[list[int]]:
    """Complete-linkage groups over candidate ``pairs``: every cross-article pair is aligned."""
    candidate = set(pairs)
    ok: dict[tuple[int, int], bool] = {}

    def fits(i: int, j: int) -> bool:
        if items[i][1].id == items[j][1].id:
            return True
        key = (min(i, j), max(i, j))
        if key not in ok:
            ok[key] = key in candidate and aligned(
                items[key[0]][0], items[key[1]][0], readings[key[0]], readings[key[1]]
            )
        return ok[key]

    group_of = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi != gj and all(fits(x, y) for x in members[gi] for y in members[gj]):
            for y in members.pop(gj):
                group_of[y] = gi
                members[gi].append(y)
    return [sorted(m) for m in members.values()]


def _candidates(items: list[tuple[Figure, Article]]) -> list[tuple[int, int]]:
    """Pairs of figures of different articles that align on their own terms (before reading
    their clauses), compared only within a unit family."""
    by_family: dict[str, list[int]] = {}
    for i, (f, _) in enumerate(items):
        by_family.setdefault(unit_family(f.unit), []).append(i)
    return sorted(
        (i, j)
        for idx in by_family.values()
        for k, i in enumerate(idx)
        for j in idx[k + 1 :]
        if items[i][1].id != items[j][1].id
        and _aligned(items[i][0], items[j][0], None, None, read=True)
    )


def compare_scope(scope: Scope) -> list[Comparison]:
    """Comparisons of the figures reported by the scope's original articles."""
    items = [(f, a) for a in scope.originals for f in a.figures if reported(f)]
    refs = {a.id: reference_year(a, scope.when(a)) for a in scope.originals}
    pairs = _candidates(items)
    needed = sorted({i for pair in pairs for i in pair})
    readings = [Reading()] * len(items)
    for start in range(0, len(needed), 1024):  # parsed in batches, then read
        part = [
            (i, *items[i], unit_family(items[i][0].unit) == "count")
            for i in needed[start : start + 1024]
        ]
        parse_ahead([k for _, f, a, c in part if (k := to_parse(f, a, refs[a.id], c)) is not None])
        for i, f, a, counted in part:
            readings[i] = read(f, a, refs[a.id], counted)
    out: list[Comparison] = []
    for group in _groups(items, pairs, readings):
        one_each: dict[str, int] = {}
        for i in group:
            one_each.setdefault(items[i][1].id, i)
        if len(one_each) < 2:
            continue
        chosen = sorted(
            one_each.values(), key=lambda i: (scope.when(items[i][1]) or "9999", items[i][1].order)
        )
        figs = [items[i][0] for i in chosen]
        anchor = readings[chosen[0]].anchor
        label = _label(figs)
        out.append(
            Comparison(
                scope=scope.id,
                quantity=f"{label} (in {anchor})" if anchor is not None else label,
                verdict=verdict([(*items[i], readings[i].anchor) for i in chosen], scope),
                unit=Counter(f.unit for f in figs).most_common(1)[0][0],
                values=[
                    ComparedValue(
                        article=a.id,
                        value=f.value,
                        outlet=a.outlet,
                        published=a.published[:10] if a.published else None,
                        text=f.text,
                        sentence=f.sentence,
                        unit=f.unit,
                        approximate=f.approximate,
                        event=a.event,
                    )
                    for f, a in (items[i] for i in chosen)
                ],
            )
        )
    order = {"conflict": 0, "evolving": 1, "agree": 2}
    return sorted(out, key=lambda c: (order[c.verdict], c.quantity))


@register(STAGE, reads={"text"}, writes={"comparisons"}, scope="report")
def compare_figures(report: Report, config: Config) -> None:
    """Align the same quantity across a story's articles and give each a verdict."""
    report.comparisons = [c for s in story_scopes(report) for c in compare_scope(s)]
