"""The tense of the verb that governs a date expression, read from the spaCy parse.

HeidelTime decides whether "Friday" or "in September" lies before or after the document
creation time from the tense of the sentence; here the governing verb is found through the
dependency tree (head chain from the expression up to the first verb) and classified as past
(``VBD``, perfect, past auxiliaries), future (``will``/``shall``, "going to", "scheduled to",
"is expected to", ...) or present.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .temporal_anchor import Tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
#: Verbs (as participle or adjective) that put their complement in the future.
FUTURE_FRAMES = frozenset(
    {
        "scheduled",
        "expected",
        "set",
        "due",
        "planned",
        "planning",
        "plans",
        "plan",
        "poised",
        "slated",
        "going",
        "intends",
        "intend",
        "to",
    }
)
#: Verbs whose infinitive complement lies ahead ("expect the rain to ease on Thursday").
FORECAST_VERBS = frozenset({"expect", "expects", "forecast", "forecasts", "predict", "predicts"})
#: Modals that put the event after the reported moment ("might come", "would leave").
MODALS = frozenset({"might", "may", "could", "would", "should", "must", "can", "'d", "ca"})
PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})
MAX_HOPS = 8


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The first verb on the head chain above the span ``start:end`` (character offsets)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(MAX_HOPS):
        if tok.pos_ in ("VERB", "AUX") and tok.i not in range(span.start, span.end):
            return tok
        if tok.head is tok:
            break
        tok = tok.head
    root = span.sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def verb_tense(verb: Token) -> Tense:
    """Past, future or present for ``verb`` and its auxiliaries; ``None`` when unknown."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "future"
    framed = verb.lower_ in FUTURE_FRAMES or (
        verb.dep_ == "xcomp" and verb.head.lower_ in FUTURE_FRAMES and verb.head.tag_ != "VBD"
    )
    if framed and verb.tag_ != "VBD" and not any(a.tag_ == "VBD" for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if words & MODALS and not words & {"have", "'ve"}:
        return "future"  # "might come Tuesday", "would be unloaded on Saturday"
    # Tokens are new objects on each access: compare positions, not identity.
    if verb.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes) and verb.head.i != verb.i:
        if verb.head.lower_ in FUTURE_FRAMES | FORECAST_VERBS or verb.head.lower_ in (
            "plan",
            "planned",
            "ready",
        ):
            return "future"  # "planned to leave on Thursday"
        if verb.head.pos_ in ("VERB", "AUX"):
            return verb_tense(verb.head)  # "agreed to sell in October": the agreeing's tense
    if verb.tag_ == "VBN" and not auxes:
        return "past"  # reduced relative: "products introduced in April"
    if verb.tag_ == "VBN" and words & PERFECT_AUX:
        return "past"
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # present progressive with a date: "is meeting on Friday"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"  # weekdays read it as a schedule ("they meet Monday")
    if verb.tag_ == "MD" and verb.lower_ in FUTURE_AUX:
        return "future"
    return None


def tense_at(doc: Doc, start: int, end: int) -> Tense:
    """The tense governing the expression at ``start:end``, or ``None`` when there is no verb."""
    verb = governing_verb(doc, start, end)
    return verb_tense(verb) if verb is not None else None
