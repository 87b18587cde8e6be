"""What a figure measures, in comparable terms: folded concepts, unit families, value ranges.

Quantity words are folded to concepts ("died"/"killed", "arrested"/"detained"); units fall in
families (counts, a currency, durations, percent, measures); and each value stands for the
range its wording allows: "at least 30" is 30–37.5, "dozens" 12–120, "about 700" ±15%, an
exact value ±2%.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Figure
from .text import words


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


@lru_cache(maxsize=8192)
def concepts(text: str | None) -> frozenset[str]:
    """Content words of ``text`` with synonyms folded (``"protesters died"`` → killed, protest)."""
    return frozenset(
        SYNONYMS.get(w, SYNONYMS.get(w.rstrip("s"), w))
        for w in words(text or "")
        if w not in _STOP and not w.isdigit()
    )


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


def in_years(fig: Figure) -> float:
    """A duration in years (other values unchanged)."""
    return fig.value * TIME_UNITS.get((fig.unit or "").lower(), 1.0)


def quantity_words(fig: Figure) -> frozenset[str]:
    """Concepts of what the figure counts: its quantity, and a counted noun that is not generic."""
    q = concepts(fig.quantity)
    unit = (fig.unit or "").lower()
    if unit_family(fig.unit) == "count" and unit not in GENERIC_COUNT:
        q |= concepts(unit)
    return q


def _approx(fig: Figure) -> str:
    return (fig.approximate or "").lower().strip()


def bounds(fig: Figure) -> tuple[float, float]:
    """The range of true values the wording allows ("at least 2" → 2 to 2.5)."""
    v = in_years(fig) if unit_family(fig.unit) == "time" else fig.value
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
    la, ha = bounds(a)
    lb, hb = bounds(b)
    return la <= hb and lb <= ha
