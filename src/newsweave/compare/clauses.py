"""What a figure's own clause says: the predicate of the counted noun, and its time anchor.

Read from a dependency parse of the figure's sentence alone (spaCy, the article's language),
cached per sentence: the article's full parse does not survive worker processes, re-parsing
whole articles in the report process would double the cost, and a sentence parse gives the
same answer whether or not the run used workers. Only figures that might be compared are read.

* **predicate** – what the counted things did or had done to them: the relative clause of the
  counted noun ("nurses *who voted*"), else the verb it is the subject or object of, with the
  complement of a light verb ("nurses *are on strike*" → strike). Words, lower case.
* **anchor** – the year of an explicit date that governs the figure's clause, when it is not
  the year the article reports from: a temporal modifier of the clause ("*in 2009* it cost"),
  the date the clause hangs off ("since 2009, *when* an outage cost"), or a date naming the
  clause's subject ("the 2009 outage cost"). "since 2009" alone is not an anchor (a count
  since then runs to now), nor is a date inside a comparison ("more than the 2009 outage").
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import nlp
from ..model import Article, DateMention, Figure, base_language
from .text import Sentence, sentence_at, sentences_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Verbs that say little on their own: their complement carries the predicate.
LIGHT = frozenset(
    {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "remain", "remains",
     "remained", "remaining", "have", "has", "had", "having", "become", "becomes", "became"}
)  # fmt: skip
_CLAUSE_LINKS = frozenset({"relcl", "advcl", "acl"})
_TIME_MODS = frozenset({"npadvmod", "tmod", "obl", "advmod", "nmod"})
_NOT_ANCHORING = frozenset({"since", "than"})


@dataclass(frozen=True)
class Reading:
    """What a figure's clause adds to the figure."""

    predicate: frozenset[str] = frozenset()
    anchor: int | None = None  # year of a governing date other than the reporting year


#: Parses of figure sentences, by (language, sentence): the latest ``_KEEP``.
_DOCS: OrderedDict[tuple[str, str], Doc | None] = OrderedDict()
_KEEP = 4096
_LOCK = threading.RLock()  # callers on threads share the parses
#: What a clause reading needs: the tags and the dependency parse, not the names.
_UNUSED = ("ner",)


def _keep(key: tuple[str, str], doc: Doc | None) -> None:
    _DOCS[key] = doc
    while len(_DOCS) > _KEEP:
        _DOCS.popitem(last=False)


def _parse(language: str, text: str) -> Doc | None:
    key = (language, text)
    with _LOCK:
        if key in _DOCS:
            _DOCS.move_to_end(key)
            return _DOCS[key]
        pipeline = nlp.load(language)
        doc = None
        if "parser" in pipeline.pipe_names:
            doc = pipeline(text, disable=[n for n in _UNUSED if n in pipeline.pipe_names])
        _keep(key, doc)
        return doc


def parse_ahead(wanted: list[tuple[str, str]]) -> None:
    """Parse the (language, sentence) pairs not yet parsed in batches (``nlp.pipe``: twice as
    fast as one call each), so that :func:`read` finds them; at most ``_KEEP`` at a time."""
    with _LOCK:
        todo: dict[str, list[str]] = {}
        for language, text in dict.fromkeys(wanted[:_KEEP]):
            if (language, text) not in _DOCS:
                todo.setdefault(language, []).append(text)
        for language, texts in todo.items():
            pipeline = nlp.load(language)
            if "parser" not in pipeline.pipe_names:
                continue
            unused = [n for n in _UNUSED if n in pipeline.pipe_names]
            for text, doc in zip(
                texts, pipeline.pipe(texts, batch_size=64, disable=unused), strict=True
            ):
                _keep((language, text), doc)


def _sentence(fig: Figure, article: Article) -> Sentence | None:
    return sentence_at(sentences_of(article), fig.start)


def _number_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(max(0, start), min(len(doc.text), end), alignment_mode="expand")
    if span is None or not len(span):
        return None
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    if nums:
        return nums[0]
    tops = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return tops[-1] if tops else span[0]


def _counted_head(num: Token) -> Token:
    """The head of the noun phrase the number belongs to ("500 of its nurses" → 500)."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in num.children):
        return num
    head = num
    while (
        head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")
        and head.head.i != head.i
        and head.head.pos_ in ("NOUN", "PROPN", "NUM")
    ):
        head = head.head
    return head


def _phrase(verb: Token, skip: Token) -> set[str]:
    """The verb (unless light), its particle and its complements other than ``skip``."""
    light = verb.lower_ in LIGHT
    out = set() if light else {verb.lower_}
    for c in verb.children:
        if c.i == skip.i:
            continue
        if c.dep_ == "prt" or (c.dep_ in ("dobj", "attr", "acomp", "oprd") and c.pos_ != "PRON"):
            out.add(c.lower_)
        elif light and c.dep_ == "prep":
            out.update(p.lower_ for p in c.children if p.dep_ == "pobj")
    return out


def predicate_of(num: Token) -> set[str]:
    """What the things counted by ``num`` did or had done to them (see module docstring)."""
    head = _counted_head(num)
    nouns = [head] + [p for c in head.children if c.lower_ == "of" for p in c.children]
    for noun in nouns:
        for c in noun.children:
            if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX"):
                return _phrase(c, noun)
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.pos_ in ("VERB", "AUX"):
        return _phrase(head.head, head)
    return set()


def _clause(tok: Token) -> Token:
    """The verb heading the clause ``tok`` is in (the root if none)."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _year(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def _governs(date: Token, num: Token) -> bool:
    """Whether the date token ``date`` anchors the clause of the number token ``num``."""
    clause = _clause(num)
    if date.head.i == clause.i and date.dep_ in _TIME_MODS:
        return True  # "it cost $5m last year"
    prep = date.head
    if date.dep_ == "pobj" and prep.head.i == clause.i and prep.lower_ not in _NOT_ANCHORING:
        return True  # "in 2009, the outage cost"
    noun = date.head  # "the 2009 outage cost"
    if date.dep_ in ("compound", "nummod", "amod", "poss") and noun.head.i == clause.i:
        return noun.dep_ in ("nsubj", "nsubjpass")
    return any(
        c.dep_ in _CLAUSE_LINKS and c.left_edge.i <= num.i <= _clause_end(c) for c in date.children
    )  # "since 2009, when an outage cost": the clause hangs off the date


def _clause_end(clause: Token) -> int:
    """The last token of a clause: its subtree, stretched to the next break in the sentence.

    Small parsers often attach a clause's last object to the main verb; the words up to the
    next comma, semicolon or dash still belong to the clause.
    """
    doc, end = clause.doc, clause.right_edge.i
    while end + 1 < len(doc) and doc[end + 1].text not in _BREAKS:
        end += 1
    return end


_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})


def reference_year(article: Article, when: str | None) -> int | None:
    """The year the article reports from: its date (or its event's), else its resolved dates."""
    year = _year(when)
    if year is not None:
        return year
    years = Counter(_year(d.value) for d in article.dates if d.relative)
    years.pop(None, None)
    return years.most_common(1)[0][0] if years else None


def _foreign_dates(
    article: Article, sent: Sentence, reference: int | None
) -> list[tuple[DateMention, int]]:
    if reference is None:
        return []
    out = []
    for d in article.dates:
        year = _year(d.value)
        if year is not None and year != reference and sent.start <= d.start < sent.end:
            out.append((d, year))
    return out


def _language(article: Article) -> str:
    return base_language(article.language)


def _to_read(
    fig: Figure, article: Article, reference: int | None, counted: bool
) -> tuple[Sentence, list[tuple[DateMention, int]]] | None:
    """``fig``'s sentence and its foreign dates, when its clause must be read (a count, or a
    date of another year in the sentence)."""
    sent = _sentence(fig, article)
    if sent is None:
        return None
    foreign = _foreign_dates(article, sent, reference)
    return (sent, foreign) if counted or foreign else None


def to_parse(
    fig: Figure, article: Article, reference: int | None, counted: bool
) -> tuple[str, str] | None:
    """The (language, sentence) :func:`read` parses for ``fig``, if it parses one."""
    found = _to_read(fig, article, reference, counted)
    return (_language(article), found[0].text) if found else None


def read(fig: Figure, article: Article, reference: int | None, counted: bool) -> Reading:
    """The predicate (for counts, when ``counted``) and year anchor of ``fig``'s clause."""
    found = _to_read(fig, article, reference, counted)
    if found is None:
        return Reading()
    sent, foreign = found
    doc = _parse(_language(article), sent.text)
    shift = sent.start
    if doc is None:  # no parser for the language: a foreign date not after "since" anchors
        before = {d.start: article.text[max(0, d.start - 10) : d.start].lower() for d, _ in foreign}
        years = [y for d, y in foreign if not any(w in before[d.start] for w in _NOT_ANCHORING)]
        return Reading(anchor=years[0] if len(set(years)) == 1 else None)
    num = _number_token(doc, fig.start - shift, fig.end - shift)
    if num is None:
        return Reading()
    predicate = frozenset(predicate_of(num)) if counted else frozenset()
    anchor = None
    for d, year in foreign:
        span = doc.char_span(d.start - shift, d.end - shift, alignment_mode="expand")
        if span is not None and len(span) and any(_governs(t, num) for t in span):
            anchor = year
            break
    return Reading(predicate, anchor)
