"""Figures side by side: the same quantity from different articles, aligned, with a verdict.

Two figures are aligned when they count the same thing: compatible units (both counts, the same
currency, both durations, ...), the same quantity after folding synonyms ("died"/"killed",
"arrested"/"detained") and no contradicting subject. Aligned figures are joined into groups
(union-find), one value per article, wire copies left out. Verdict per group:

* ``agree`` – every pair of values is compatible (equal within 2%, or within the bounds that
  "at least"/"more than"/"about"/"up to" allow);
* ``evolving`` – values that differ were reported at different times (different days or
  different events), and the change runs with time: counts do not shrink as time passes, and a
  duration ("26-year rule") grows by about the time elapsed;
* ``conflict`` – otherwise (values differ for the same time).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ..model import Article, ComparedValue, Comparison, Figure, Report
from ..pipeline import Config, register
from .scopes import Scope, outlet_of, story_scopes
from .text import sentence_at, sentences, words

STAGE = "newsweave.compare.figures.v1"


def _fold(concept: str, members: str) -> dict[str, str]:
    return dict.fromkeys(members.split(), concept)


#: Quantity words folded to one concept (lower case, after light stemming).
SYNONYMS: dict[str, str] = {
    **_fold(
        "killed",
        "killed kill die died dead death deaths fatality fatalities killing killings lives "
        "life toll",
    ),
    **_fold(
        "detained",
        "detained detain detention detentions arrested arrest arrests held jailed jail "
        "imprisoned custody apprehended",
    ),
    **_fold("injured", "injured injury injuries wounded hurt"),
    **_fold(
        "rule",
        "rule ruled ruling reign power president presidency office led leader leadership "
        "governed tenure",
    ),
    **_fold("protest", "protest protests protesters demonstrators rally marched"),
    **_fold("votes", "vote votes voted ballots"),
    **_fold("missing", "missing disappeared"),
    **_fold("displaced", "displaced fled refugees evacuated"),
}
#: Concepts that say what happened to what is counted (as opposed to who is counted).
ACTIONS = frozenset(SYNONYMS.values()) - {"protest"}
#: Units that count things; a bare "people" matches any of them.
GENERIC_COUNT = frozenset({"people", "persons", "person", "individuals", "count", "number"})
TIME_UNITS: dict[str, float] = {
    "year": 1.0,
    "years": 1.0,
    "month": 1 / 12,
    "months": 1 / 12,
    "week": 7 / 365.25,
    "weeks": 7 / 365.25,
    "day": 1 / 365.25,
    "days": 1 / 365.25,
}
#: Qualifier prefixes and the range they allow, as factors of the value (first match wins).
_QUALIFIERS: tuple[tuple[tuple[str, ...], float, float], ...] = (
    (("just over", "just above", "slightly more than"), 1.0, 1.1),
    (("nearly", "almost", "just under", "close to"), 0.9, 1.0),
    (("at least", "more than", "over", "above", "upwards of", "no fewer than"), 1.0, 1.25),
    (("up to", "less than", "fewer than", "under", "below", "at most"), 0.75, 1.0),
    (("thousands", "hundreds", "dozens", "millions", "tens of", "scores"), 1.0, 9.99),
    (("several", "a few"), 2.0, 9.99),  # "several thousand": value 1000
)
_STOP = frozenset(_fold("", "the a an of in on at for to by and or with from as its his her their"))


def concepts(text: str | None) -> set[str]:
    """Content words of ``text`` with synonyms folded (``"protesters died"`` → killed, protest)."""
    out: set[str] = set()
    for w in words(text or ""):
        if w in _STOP or w.isdigit():
            continue
        out.add(SYNONYMS.get(w, SYNONYMS.get(w.rstrip("s"), w)))
    return out


def unit_family(unit: str | None) -> str:
    """``time``, ``percent``, a currency code, or ``count`` for things counted."""
    u = (unit or "").strip().lower()
    if u in TIME_UNITS:
        return "time"
    if u in {"percent", "%", "per cent", "percentage"}:
        return "percent"
    if re.fullmatch(r"[a-z]{3}", u) and unit and unit.isupper():
        return unit.upper()  # ISO currency code
    if u in {"km", "m", "kg", "t", "tonnes", "tons", "miles", "km2", "hectares", "barrels"}:
        return u
    return "count"


def _in_years(fig: Figure) -> float:
    return fig.value * TIME_UNITS.get((fig.unit or "").lower(), 1.0)


def _quantity_words(fig: Figure) -> set[str]:
    q = concepts(fig.quantity)
    unit = (fig.unit or "").lower()
    if unit_family(fig.unit) == "count" and unit not in GENERIC_COUNT:
        q |= concepts(unit)
    return q


def aligned(a: Figure, b: Figure) -> bool:
    """Whether figures ``a`` and ``b`` count the same thing."""
    fam = unit_family(a.unit)
    if fam != unit_family(b.unit):
        return False
    qa, qb = concepts(a.quantity), concepts(b.quantity)
    if not qa or not qb or not qa & qb:
        return False
    aa, ab = qa & ACTIONS, qb & ACTIONS  # "protesters" vs "protesters killed" differ
    if (aa or ab) and not aa & ab:
        return False
    if fam == "count":  # "protesters killed" vs "police killed": the counted noun must fit
        ua, ub = (a.unit or "").lower(), (b.unit or "").lower()
        if ua not in GENERIC_COUNT and ub not in GENERIC_COUNT and not concepts(ua) & concepts(ub):
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


def _approx(fig: Figure) -> str:
    return (fig.approximate or "").lower().strip()


def _bounds(fig: Figure) -> tuple[float, float]:
    """The range of true values the wording allows ("at least 2" → 2 to 2.5)."""
    v = _in_years(fig) if unit_family(fig.unit) == "time" else fig.value
    hi = fig.value_max if fig.value_max is not None else v
    ap = _approx(fig)
    for prefixes, low, high in _QUALIFIERS:
        if ap.startswith(prefixes):
            return v * low, hi * high
    if ap:  # about, around, some, roughly, an estimated ...
        return v * 0.85, hi * 1.15
    return v * 0.98, hi * 1.02


def compatible(a: Figure, b: Figure) -> bool:
    """Whether two aligned figures can both be true at once."""
    la, ha = _bounds(a)
    lb, hb = _bounds(b)
    return la <= hb and lb <= ha


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3,
    "a few": 3, "several": 3,
}  # fmt: skip
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4, "year": 365.25}
_SPAN = re.compile(
    r"\b(a few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|"
    r"several|\d{1,3})\s+(?:full\s+|straight\s+)?(day|week|month|year)s?\b"
    r"|\b(day|week|month|year)s\s+of\b",
    re.I,
)


def elapsed_days(fig: Figure, article: Article) -> float | None:
    """How long the story had run when the figure was given, from its context, in days.

    Read from the figure's sentence and the one before it: "protests have been taking place for
    a week now" → 7, "months of protests" → 61. The longest span mentioned wins; spans inside
    the figure itself ("a 26-year rule") are skipped. None when the context names no span.
    """
    sents = sentences(article.text, article.language)
    here = sentence_at(sents, fig.start)
    if here is None:
        return None
    k = sents.index(here)
    context = sents[max(0, k - 1) : k + 1]
    spans: list[float] = []
    for sent in context:
        for m in _SPAN.finditer(sent.text):
            start = sent.start + m.start()
            if fig.start <= start < fig.end or start <= fig.start < sent.start + m.end():
                continue
            if m.group(3):  # "months of": at least two
                spans.append(2 * _UNIT_DAYS[m.group(3).lower()])
                continue
            word = m.group(1).lower()
            n = float(word) if word.isdigit() else float(_NUMBER_WORDS.get(word, 1))
            spans.append(n * _UNIT_DAYS[m.group(2).lower()])
    return max(spans) if spans else None


def _order_in_time(
    a: tuple[Figure, Article], b: tuple[Figure, Article], scope: Scope
) -> tuple[tuple[Figure, Article], tuple[Figure, Article], float] | None:
    """(older, newer, days apart) when the two were given at different times, else None."""
    da, db = _day(scope.when(a[1])), _day(scope.when(b[1]))
    if da and db and abs((db - da).days) >= 2:
        return (a, b, (db - da).days) if da < db else (b, a, (da - db).days)
    ea, eb = elapsed_days(*a), elapsed_days(*b)
    if ea and eb and max(ea, eb) >= 2 * min(ea, eb) and abs(ea - eb) >= 3:
        return (a, b, eb - ea) if ea < eb else (b, a, ea - eb)
    return None


def verdict(items: list[tuple[Figure, Article]], scope: Scope) -> str:
    """``agree``, ``evolving`` or ``conflict`` for aligned figures with their articles.

    Two incompatible values are a conflict unless they were given at different times: on
    different days (publication date, else event start), or, when the dates do not tell,
    after clearly different spans of the story ("after a week" vs "after months"), or in
    different events. Then the later value must fit the change of time (see module docstring).
    """
    pairs = [(i, j) for i in range(len(items)) for j in range(i + 1, len(items))]
    if all(compatible(items[i][0], items[j][0]) for i, j in pairs):
        return "agree"
    for i, j in pairs:
        a, b = items[i], items[j]
        if compatible(a[0], b[0]):
            continue
        ordered = _order_in_time(a, b, scope)
        if ordered is not None:
            (older, _), (newer, _), days = ordered
            if not _changes_with_time(older, newer, days):
                return "conflict"
        elif not (a[1].event and b[1].event and a[1].event != b[1].event):
            return "conflict"
    return "evolving"


def _changes_with_time(older: Figure, newer: Figure, days: float) -> bool:
    if unit_family(older.unit) == "time":  # a duration grows with the calendar
        grown = _in_years(newer) - _in_years(older)
        return abs(grown - days / 365.25) <= 1.0
    return newer.value >= older.value  # counts of people killed, arrested, ... accumulate


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


def compare_scope(scope: Scope) -> list[Comparison]:
    """Comparisons of the figures reported by the scope's original articles."""
    items = [(f, a) for a in scope.originals for f in a.figures if reported(f)]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i][1].id != items[j][1].id and aligned(items[i][0], items[j][0]):
                parent[find(i)] = find(j)
    groups: dict[int, list[tuple[Figure, Article]]] = {}
    for i, it in enumerate(items):
        groups.setdefault(find(i), []).append(it)
    out: list[Comparison] = []
    for members in groups.values():
        one_each: dict[str, tuple[Figure, Article]] = {}
        for fig, art in members:
            one_each.setdefault(art.id, (fig, art))
        if len(one_each) < 2:
            continue
        chosen = sorted(
            one_each.values(), key=lambda it: (scope.when(it[1]) or "9999", it[1].order)
        )
        figs = [f for f, _ in chosen]
        out.append(
            Comparison(
                scope=scope.id,
                quantity=_label(figs),
                verdict=verdict(chosen, scope),  # type: ignore[arg-type]
                unit=Counter(f.unit for f in figs).most_common(1)[0][0],
                values=[
                    ComparedValue(
                        article=a.id,
                        value=f.value,
                        outlet=outlet_of(a),
                        published=a.published[:10] if a.published else None,
                        text=f.text,
                        sentence=f.sentence,
                        unit=f.unit,
                        approximate=f.approximate,
                        event=a.event,
                    )
                    for f, a in chosen
                ],
            )
        )
    order = {"conflict": 0, "evolving": 1, "agree": 2}
    return sorted(out, key=lambda c: (order[c.verdict], c.quantity))


@register(STAGE, reads={"text"}, writes={"comparisons"}, scope="report")
def compare_figures(report: Report, config: Config) -> None:
    """Align the same quantity across a story's articles and give each a verdict."""
    report.comparisons = [c for s in story_scopes(report) for c in compare_scope(s)]
