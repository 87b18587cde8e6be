"""Coarse part-of-speech tags from a model's own attribute-ruler patterns, without the Matcher.

spaCy's English pipelines set ``Token.pos_`` with an ``attribute_ruler``: a ``Matcher`` over
~180 token patterns (tag map, auxiliaries, pronouns, a few dependency rules). It costs more than
the tagger and the parser together on news text, and newsweave needs only ``pos_`` from it (the
lemmatizer is off and nothing reads ``morph``). This module compiles the same patterns, taken
from the loaded model, into lookups indexed by fine tag, so the result is the ruler's own
(``tests/test_fastpos.py`` checks token-for-token equality) at a fraction of the cost. Written by
hand because spaCy offers no compiled form of a ruler.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.parts_of_speech import IDS as _POS_IDS
from spacy.tokens import Doc

#: Token attributes the patterns may test, in the order of :func:`_features`.
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
Feature = tuple[str, str, str, bool]
Test = tuple[int, str, Any]  # (attribute index, "==" | "in" | "not in", value or set)
Hit = tuple[int, str]  # (rule order, POS): later rules win, as in spaCy's ruler


def _features(doc: Doc) -> list[Feature]:
    """Per token (tag, lower, dep, is_space), read in bulk from the doc's arrays."""
    strings = doc.vocab.strings
    arr = doc.to_array(["TAG", "LOWER", "DEP", "IS_SPACE"]).tolist()
    return [(strings[t], strings[w], strings[d], bool(sp)) for t, w, d, sp in arr]


def _tests(token_pattern: dict[str, Any]) -> list[Test]:
    out: list[Test] = []
    for attr, spec in token_pattern.items():
        if attr not in _ATTRS:
            raise ValueError(f"unsupported pattern attribute {attr}")
        idx = _ATTRS.index(attr)
        if isinstance(spec, dict):
            op = "in" if "IN" in spec else "not in"
            values = spec["IN"] if op == "in" else spec["NOT_IN"]
            out.append((idx, op, frozenset(values)))
        else:
            out.append((idx, "==", spec))
    return out


def _ok(feat: Feature, tests: list[Test]) -> bool:
    for idx, op, val in tests:
        v = feat[idx]
        if (op == "==" and v != val) or (op == "in" and v not in val):
            return False
        if op == "not in" and v in val:
            return False
    return True


def _later(a: Hit | None, b: Hit | None) -> Hit | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a[0] >= b[0] else b


@dataclass
class FastPOS:
    """Compiled POS rules: lookups by (tag) and (tag, word), plus the few general rules."""

    by_tag: dict[str, Hit] = field(default_factory=dict)
    by_tag_word: dict[tuple[str, str], Hit] = field(default_factory=dict)
    general: list[tuple[int, list[list[Test]], str, int]] = field(default_factory=list)

    @classmethod
    def from_patterns(cls, patterns: Iterable[dict[str, Any]]) -> FastPOS:
        fp = cls()
        for order, p in enumerate(patterns):
            pos = p.get("attrs", {}).get("POS")
            if pos is None:
                continue
            for pat in p["patterns"]:
                tests = [_tests(tok) for tok in pat]
                keys = set(pat[0]) if len(pat) == 1 else set()
                tag, word = pat[0].get("TAG"), pat[0].get("LOWER")
                hit = (order, pos)
                if keys == {"TAG"} and isinstance(tag, str):
                    fp.by_tag[tag] = _later(fp.by_tag.get(tag), hit) or hit
                elif keys == {"TAG", "LOWER"} and isinstance(tag, str):
                    words = word["IN"] if isinstance(word, dict) and "IN" in word else [word]
                    if all(isinstance(w, str) for w in words):
                        for w in words:
                            key = (tag, w)
                            fp.by_tag_word[key] = _later(fp.by_tag_word.get(key), hit) or hit
                        continue
                    fp.general.append((order, tests, pos, int(p.get("index", 0)) % len(pat)))
                else:
                    fp.general.append((order, tests, pos, int(p.get("index", 0)) % len(pat)))
        return fp

    def __call__(self, doc: Doc) -> Doc:
        feats = _features(doc)
        best: list[Hit | None] = [
            _later(self.by_tag.get(f[0]), self.by_tag_word.get((f[0], f[1]))) for f in feats
        ]
        n = len(feats)
        for order, tests, pos, index in self.general:
            width = len(tests)
            for i in range(n - width + 1):
                if all(_ok(feats[i + k], tests[k]) for k in range(width)):
                    best[i + index] = _later(best[i + index], (order, pos))
        tags = doc.to_array(["POS"])
        for i, hit in enumerate(best):
            if hit is not None:
                tags[i] = _POS_IDS[hit[1]]
        doc.from_array(["POS"], tags)  # type: ignore[arg-type]  # a 1-d uint64 array is accepted
        return doc


@Language.factory("newsweave_fast_pos")
def make_fast_pos(nlp: Language, name: str) -> FastPOS:
    """An empty FastPOS; :func:`install` fills it from the model's attribute ruler."""
    return FastPOS()


def install(nlp: Language) -> bool:
    """Swap the pipeline's ``attribute_ruler`` for the compiled equivalent.

    Returns False, leaving the ruler in place, when the pipeline has none or its patterns test
    attributes the compiled form does not cover (French ``fr_core_news_sm`` tests ``POS`` and
    ``MORPH``): then the model's own ruler runs, as in stock spaCy.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    try:
        compiled = FastPOS.from_patterns(ruler.patterns)
    except ValueError:
        return False
    comp: Any = nlp.add_pipe("newsweave_fast_pos", before="attribute_ruler")
    comp.by_tag, comp.by_tag_word = compiled.by_tag, compiled.by_tag_word
    comp.general = compiled.general
    nlp.disable_pipe("attribute_ruler")
    return True
