"""Who said it: the subject of a speech verb, resolved to a canonical name.

A speaker token found by :mod:`newsweave.extract.quotes` is mapped to the entity mention that
covers it (its ``canonical`` name, nominal mentions like "the Russian leader" included), or,
for a pronoun, to the nearest compatible earlier person: the most recent person that is the
subject of a sentence within the last two sentences, else the most recent person mentioned
outside quotation marks.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import EntityMention
from .entities import PERSON_LABELS

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PLURAL_PRONOUNS = frozenset({"they", "them"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_NAME_DEPS = frozenset({"appos", "flat:name", "flat", "compound"})


@dataclass
class Speaker:
    """A resolved speaker: display name and the span of the mention in the text."""

    name: str
    start: int
    end: int
    token: int  # index of the speaker's head token


class SpeakerResolver:
    """Maps speaker tokens to canonical names for one article (built once, linear time)."""

    def __init__(self, doc: Doc, mentions: list[EntityMention], quoted: list[bool]) -> None:
        self.doc = doc
        self.quoted = quoted  # per token: inside quotation marks
        self.by_token: list[EntityMention | None] = [None] * len(doc)
        self.people: list[tuple[int, EntityMention, bool]] = []  # (token, mention, is subject)
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                if self.by_token[t.i] is None or m.label in PERSON_LABELS:
                    self.by_token[t.i] = m
            if m.label in PERSON_LABELS and m.canonical:
                root = span.root
                self.people.append((span.start, m, root.dep_ in _SUBJECT_DEPS))
        self.people.sort(key=lambda p: p[0])
        self.starts = [p[0] for p in self.people]

    def is_time(self, tok: Token) -> bool:
        """Whether ``tok`` is part of a date or time expression ("Monday", "Thursday morning")."""
        m = self.by_token[tok.i]
        return tok.ent_type_ in _TIME_LABELS or (m is not None and m.label in _TIME_LABELS)

    def mention(self, tok: Token) -> EntityMention | None:
        """The entity mention covering ``tok``."""
        return self.by_token[tok.i]

    def antecedent(self, tok: Token) -> EntityMention | None:
        """The person a pronoun most likely refers to (see the module docstring)."""
        k = bisect.bisect_left(self.starts, tok.i)
        sent_start = tok.sent.start
        prev_sent = self.doc[sent_start - 1].sent.start if sent_start > 0 else 0
        window = self.doc[prev_sent - 1].sent.start if prev_sent > 0 else 0
        in_quote = self.quoted[tok.i]
        nearest: EntityMention | None = None
        for j in range(k - 1, max(-1, k - 40), -1):
            pos, m, is_subject = self.people[j]
            if self.quoted[pos] and not in_quote:
                continue
            if nearest is None:
                nearest = m
            if pos < window:
                break
            if is_subject:
                return m
        return nearest

    def resolve(self, tok: Token) -> Speaker | None:
        """The speaker named by subject token ``tok`` (None when it names no one usable)."""
        word = tok.lower_
        if word in PERSON_PRONOUNS:
            m = self.antecedent(tok)
            if m is None or m.canonical is None:
                return None
            return Speaker(m.canonical, tok.idx, tok.idx + len(tok), tok.i)
        if tok.pos_ == "PRON" or word in _PLURAL_PRONOUNS:
            return None  # "it", "they", "I", "we", "who": no person to name
        m = self.mention(tok)
        if m is None:  # "le président Emmanuel Macron": the name hangs on the title noun
            m = next(
                (
                    mm
                    for c in tok.children
                    if c.dep_ in _NAME_DEPS
                    for mm in [self.mention(c)]
                    if mm is not None and mm.label in PERSON_LABELS
                ),
                None,
            )
        if m is not None:
            return Speaker(m.canonical or m.text, m.start, m.end, tok.i)
        # an unnamed source: "officials", "a spokesman", "the campaign"
        left = tok.left_edge
        while left.i < tok.i and (left.pos_ in {"DET", "PUNCT", "ADP"} or left.is_space):
            left = left.nbor(1)
        start, end, end_tok = left.idx, tok.idx + len(tok), tok.i
        right = tok.right_edge
        if right.i > tok.i and right.i - tok.i <= 4 and not any(t.is_punct for t in tok.rights):
            end, end_tok = right.idx + len(right), right.i  # "the head of the agency"
        return Speaker(self.doc[left.i : end_tok + 1].text, start, end, tok.i)
