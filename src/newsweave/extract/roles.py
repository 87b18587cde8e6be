"""Roles of people ("Kremlin spokesman", "Belarusian President") and nominal mentions.

A role is read from the dependency parse around a PERSON name: the title words before it
("Belarusian President Alexander Lukashenko"), or an apposition ("Jens Stoltenberg, NATO's
secretary general" / "the Belarusian president, Alexander Lukashenko"). A later nominal
mention such as "the Belarusian president" or "the Russian leader" is resolved to the nearest
person whose role has a compatible head noun and whose proper modifiers do not contradict it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .wordlists import words

#: Head nouns that name a person's function. English only: other languages get no roles.
ROLE_NOUNS: frozenset[str] = (
    words("""president leader minister premier chancellor spokesman spokeswoman spokesperson chief
    secretary king queen prince princess emperor governor senator mayor analyst official
    candidate nominee director head chairman chairwoman chair ambassador general commander
    ceo founder strongman dictator envoy adviser advisor representative congressman
    congresswoman lawmaker judge prosecutor attorney lawyer expert professor economist
    journalist activist manager coach pope archbishop bishop deputy aide diplomat politician
    mp legislator speaker counsel administrator superintendent sheriff commissioner
    vice-president businessman businesswoman billionaire tycoon author researcher scientist
    opponent challenger rival incumbent monarch ruler""")
)
#: Head nouns that may stand for one another ("the Russian leader" for a president).
_SYNONYMS: dict[str, frozenset[str]] = {
    "leader": words(
        "president premier chancellor minister king queen monarch ruler strongman dictator "
        "chief head emperor"
    ),
    "strongman": words("president leader dictator ruler"),
    "dictator": words("president leader strongman ruler"),
    "ruler": words("president leader king queen monarch strongman dictator"),
    "head": words("chief director chairman chairwoman chair leader"),
    "chief": words("head director leader chairman chairwoman secretary"),
    "spokesman": frozenset(["spokesperson", "spokeswoman"]),
    "spokeswoman": frozenset(["spokesperson", "spokesman"]),
    "spokesperson": frozenset(["spokesman", "spokeswoman"]),
}
_TITLE_POS = {"PROPN", "NOUN", "ADJ"}
_TITLE_DEPS = {"compound", "amod", "nmod", "npadvmod", "nummod", "poss", "case"}


@dataclass(frozen=True)
class RoleKey:
    """A role reduced for matching: its head noun and the stems of its proper modifiers."""

    head: str
    proper: frozenset[str]  # stems of capitalised modifiers: "russia", "belaru", "kremli"
    words: frozenset[str]  # stems of all words of the role


def _stem(word: str) -> str:
    # "Belarus", "Belarusian" and "Belarussian" share a 6-letter prefix, as do most country
    # names and their adjectives (Russia/Russian, America/American); good enough to match.
    w = word.lower().strip(".'’")
    return w[:6] if len(w) > 6 else w


def role_key(tokens: list[Token]) -> RoleKey | None:
    """The :class:`RoleKey` of a role phrase, or None when its head is no role noun."""
    content = [t for t in tokens if t.pos_ not in {"DET", "PUNCT", "PART", "ADP"}]
    if not content:
        return None
    head = content[-1]
    # "president of Belarus": the head is the first noun when a preposition follows it
    for t in content:
        if t.text.lower() in ROLE_NOUNS:
            head = t
            if t.i + 1 < len(t.doc) and t.nbor(1).pos_ == "ADP":
                break
    head_word = head.text.lower()
    if head_word not in ROLE_NOUNS:
        return None
    proper = frozenset(
        _stem(t.text)
        for t in content
        if t.i != head.i and t.text[:1].isupper() and t.text.lower() not in ROLE_NOUNS
    )
    words = frozenset(_stem(t.text) for t in content)
    return RoleKey(head_word, proper, words)


def compatible(nominal: RoleKey, role: RoleKey) -> int:
    """How well ``nominal`` fits ``role``: 2 full fit, 1 fit without evidence, 0 none."""
    heads_match = (
        nominal.head == role.head
        or role.head in _SYNONYMS.get(nominal.head, frozenset())
        or nominal.head in role.words
    )
    if not heads_match:
        return 0
    if not nominal.proper:
        return 2 if nominal.head == role.head else 1
    if nominal.proper <= role.words:
        return 2
    if role.proper and not (nominal.proper & role.words):
        return 0  # "the Belarusian president" is not the "Russian President"
    return 1


def title_role(ent: Span) -> list[Token]:
    """Title words right before a name: "Kremlin spokesman" in "Kremlin spokesman Dmitry Peskov"."""
    doc = ent.doc
    i = ent.start - 1
    if i < 0 or doc[i].text.lower() not in ROLE_NOUNS or doc[i].pos_ not in _TITLE_POS:
        return []
    tokens: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if tok.pos_ == "DET" or (tok.is_punct and tok.text not in {"-", "'", "’"}):
            break
        if tok.pos_ not in _TITLE_POS | {"NUM", "PART", "PUNCT"}:
            break
        if tok.ent_type_ not in {"", "NORP"} and doc[i + 1].lower_ not in ROLE_NOUNS:
            break  # "Photo: EPA Belarusian President": a name not next to the title noun
        if tok.head.i < tok.i or (tok.head.i >= ent.end + 1 and tok.dep_ not in _TITLE_DEPS):
            break  # the word belongs to something before the title
        tokens.insert(0, tok)
        i -= 1
    while tokens and tokens[0].pos_ in {"PART", "PUNCT"}:
        tokens.pop(0)
    return tokens


def appos_role(ent: Span) -> list[Token]:
    """An apposition naming the person's role, either side of the name."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            toks = [t for t in child.subtree if t.pos_ != "DET" and not t.is_punct]
            if toks and role_key(toks) is not None:
                return toks
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and head.text.lower() in ROLE_NOUNS:
        toks = [t for t in head.subtree if t.i < ent.start and t.pos_ != "DET" and not t.is_punct]
        toks = [t for t in toks if t.i >= head.left_edge.i]
        if toks and role_key(toks) is not None:
            return toks
    return []
