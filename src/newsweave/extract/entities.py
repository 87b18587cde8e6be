"""Named entities with canonical names and roles, from the spaCy parse.

Mentions come from the NER of whatever pipeline :func:`newsweave.nlp.load` gives for the
article's language. Within an article, PERSON mentions that name the same person are linked
(surname or first-name containment, a name in parentheses after another) and get the fullest
name as ``canonical``; ORG/GPE mentions are linked by equal text and acronyms. Titles and
appositions give ``role`` ("Kremlin spokesman"), and definite nominal mentions ("the Belarusian
president", "the Russian leader") are added as PERSON mentions of the person whose role fits.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from .. import nlp
from ..model import Article, EntityMention
from ..pipeline import Config, register
from .roles import ROLE_NOUNS, RoleKey, appos_role, compatible, role_key, title_role

STAGE = "newsweave.extract.entities.v1"
#: NER labels that are not entities (numbers and times are handled by figures and dates).
SKIP_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "MISC_NUM"}
)
PERSON_LABELS = frozenset({"PERSON", "PER"})
_STRIP_LEFT = ("the ", "The ")
_STRIP_RIGHT = ("'s", "’s", "'", "’")


def _clean(span: Span) -> tuple[int, int, str] | None:
    """Character span and text of an entity without a leading "the" or trailing possessive."""
    start, end, text = span.start_char, span.end_char, span.text
    for prefix in _STRIP_LEFT:
        if text.startswith(prefix):
            start, text = start + len(prefix), text[len(prefix) :]
    for suffix in _STRIP_RIGHT:
        if text.endswith(suffix):
            end, text = end - len(suffix), text[: -len(suffix)]
    text = text.strip()
    if not text or not any(c.isalpha() for c in text):
        return None
    return start, end, text


class _Names:
    """Union-find over mention indexes, to group mentions that name the same entity."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _acronym(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _link_people(mentions: list[EntityMention], names: _Names) -> None:
    """Link PERSON mentions: a name links to the nearest earlier fuller name containing it."""
    by_word: dict[str, list[int]] = {}  # name word -> indexes of multi-word names using it
    for i, m in enumerate(mentions):
        if m.label not in PERSON_LABELS:
            continue
        words = m.text.split()
        if len(words) > 1:
            for w in (words[0], words[-1]):
                by_word.setdefault(w.lower(), []).append(i)
    for i, m in enumerate(mentions):
        if m.label not in PERSON_LABELS:
            continue
        words = m.text.split()
        key = words[-1].lower()
        cands = [j for j in by_word.get(key, []) if j != i]
        if len(words) == 1:
            cands += [j for j in by_word.get(key, []) if j not in cands and j != i]
        if len(words) > 1:  # "Vladimir Putin" in "Vladimir Vladimirovich Putin"
            first = words[0].lower()
            cands = [j for j in cands if mentions[j].text.split()[0].lower() == first]
        if not cands:
            continue
        before = [j for j in cands if j < i]
        j = before[-1] if before else cands[0]  # nearest earlier, else the first later one
        names.union(i, j)


def _link_others(mentions: list[EntityMention], names: _Names) -> None:
    """Link non-person mentions with equal text or an acronym of a longer name."""
    seen: dict[tuple[str, str], int] = {}
    acronyms: dict[str, int] = {}
    for i, m in enumerate(mentions):
        key = (m.label, m.text.lower())
        if key in seen:
            names.union(i, seen[key])
        else:
            seen[key] = i
        acro = _acronym(m.text)
        if acro:
            acronyms.setdefault(acro, i)
    for i, m in enumerate(mentions):
        if m.text.isupper() and m.text in acronyms:
            names.union(i, acronyms[m.text])


def _link_parentheses(doc: Doc, mentions: list[EntityMention], names: _Names) -> None:
    """ "Alexander Grigorivich (Lukashenko)": a name in parentheses right after another."""
    text = doc.text  # spaCy rebuilds doc.text on every access
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        gap = text[a.end : b.start].strip()
        if a.label in PERSON_LABELS and b.label in PERSON_LABELS and gap == "(":
            names.union(i, i + 1)


def _canonical(mentions: list[EntityMention], names: _Names) -> None:
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(names.find(i), []).append(i)
    for members in groups.values():
        people = [mentions[i] for i in members if "(" not in mentions[i].text]
        best = max(people or [mentions[members[0]]], key=lambda m: (len(m.text.split()), -m.start))
        name = best.text
        if any(mentions[i].label in PERSON_LABELS for i in members) and len(members) > 1:
            # "Alexander Grigorivich (Lukashenko)": first name of one, surname of the other
            words = name.split()
            surnames = {mentions[i].text.split()[-1] for i in members}
            if len(words) > 1 and words[-1] not in surnames:
                single = [mentions[i].text for i in members if len(mentions[i].text.split()) == 1]
                if single:
                    name = f"{words[0]} {single[0]}"
        for i in members:
            mentions[i].canonical = name


def _nominals(
    doc: Doc, mentions: list[EntityMention], role_tokens: dict[int, list[Token]]
) -> list[EntityMention]:
    """Definite role phrases ("the Russian leader") resolved to the person whose role fits."""
    roles = person_roles(mentions, role_tokens)
    if not roles:
        return []
    last_seen = mention_positions(doc, mentions)
    taken = {c for m in mentions for c in range(m.start, m.end)}
    out: list[EntityMention] = []
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.lower_ not in ROLE_NOUNS or head.idx in taken:
            continue
        start = min(head.left_edge.i, chunk.start)
        definite = chunk[0].lower_ in {"the", "this", "that"} or any(
            c.dep_ == "poss" for c in head.children
        )  # "the president", "Russia's president"
        mark = next((i for i in range(chunk.start - 1, head.i) if _bare_possessive(doc, i)), None)
        if mark is not None:
            # "Belarus’ authoritarian president": the parser takes the apostrophe after an
            # -s name for a closing quotation mark and cuts the possessor off the phrase
            definite, start = True, min(start, mark - 1)
        if not definite or any(t.ent_type_ in PERSON_LABELS for t in chunk):
            continue
        if head.dep_ == "attr" or (head.dep_ == "pobj" and head.head.lower_ == "as"):
            continue  # predicative: "he is known as the last dictator" names no one
        phrase = doc[start : head.i + 1]
        best = resolve_role(list(phrase), roles, chunk.start, last_seen)
        if best is None:
            continue
        k = 0
        while k < len(phrase) - 1 and phrase[k].pos_ == "DET":
            k += 1
        role_text = phrase[k:].text
        mention = EntityMention(phrase.start_char, phrase.end_char, phrase.text, "PERSON", best)
        mention.role = role_text
        out.append(mention)
    return out


def _bare_possessive(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the apostrophe of an -s name's possessive ("Belarus’ ...")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in {"’", "'"}
        and doc[i - 1].text[-1:] in {"s", "S"}
        and doc[i - 1].pos_ == "PROPN"
        and not doc[i - 1].whitespace_
    )


Roles = list[tuple[int, RoleKey, str]]


def person_roles(mentions: list[EntityMention], role_tokens: dict[int, list[Token]]) -> Roles:
    """``(token position, role key, canonical name)`` of every person mention with a role."""
    roles: Roles = []
    for i, toks in role_tokens.items():
        key = role_key(toks)
        canonical = mentions[i].canonical
        if key is not None and canonical:
            roles.append((toks[-1].i, key, canonical))
    roles.sort(key=lambda r: r[0])
    return roles


def mention_positions(doc: Doc, mentions: list[EntityMention]) -> dict[str, list[int]]:
    """Token positions of every mention of each canonical person, in order."""
    out: dict[str, list[int]] = {}
    for m in mentions:
        if m.label in PERSON_LABELS and m.canonical:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                out.setdefault(m.canonical, []).append(span.start)
    return out


def resolve_role(
    tokens: list[Token], roles: Roles, position: int, seen: dict[str, list[int]]
) -> str | None:
    """Canonical name of the person a nominal phrase refers to, or None.

    The best-fitting role wins; among equal fits the person mentioned most recently, else the
    one mentioned next (a headline can name the role before the body names the person).
    """
    key = role_key(tokens)
    if key is None:
        return None
    best: tuple[int, int, str] | None = None  # (fit, -distance, canonical)
    for _, rk, canonical in roles:
        fit = compatible(key, rk)
        if not fit:
            continue
        positions = seen.get(canonical, [])
        k = bisect.bisect_left(positions, position)
        pos = positions[k - 1] if k > 0 else (positions[k] if positions else position)
        dist = position - pos if pos <= position else 100_000 + pos - position
        if best is None or (fit, -dist) > best[:2]:
            best = (fit, -dist, canonical)
    return best[2] if best is not None else None


def extract(doc: Doc) -> list[EntityMention]:
    """Entity mentions of a parsed text, linked to canonical names, with roles."""
    mentions: list[EntityMention] = []
    role_tokens: dict[int, list[Token]] = {}
    for ent in doc.ents:
        if ent.label_ in SKIP_LABELS:
            continue
        cleaned = _clean(ent)
        if cleaned is None or "\n" in ent.text:
            continue
        start, end, text = cleaned
        m = EntityMention(start, end, text, ent.label_)
        if ent.label_ in PERSON_LABELS:
            toks = title_role(ent) or appos_role(ent)
            if toks:
                m.role = doc[toks[0].i : toks[-1].i + 1].text
                role_tokens[len(mentions)] = toks
        mentions.append(m)
    names = _Names(len(mentions))
    _link_people(mentions, names)
    _link_others(mentions, names)
    _link_parentheses(doc, mentions, names)
    _canonical(mentions, names)
    mentions += _nominals(doc, mentions, role_tokens)
    mentions.sort(key=lambda m: m.start)
    return mentions


@register(STAGE, reads={"doc"}, writes={"entities"})
def entities(article: Article, config: Config) -> Article:
    """Named entities with canonical names and roles (spaCy NER of the article's language)."""
    article.entities = extract(nlp.doc(article))
    return article
