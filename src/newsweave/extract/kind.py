"""Opinion or news: a small, transparent scorer over surface features of the text.

Hand-written on purpose: no maintained library classifies news genre offline, and a linear
score over a handful of countable features is easy to audit (each article keeps its features
and score in ``ext["newsweave.kind"]``). Quoted speech is removed first, so a reporter quoting
"I will not give up" does not make the article first-person. Features, per 100 words:

* ``first_singular`` – I, me, my, mine, myself (the author speaking)
* ``first_plural`` – we, us, our, ours, ourselves
* ``evaluative`` – judging adjectives and intensifiers ("unacceptable", "shameful", "absolutely")
* ``attribution`` – reporting verbs ("said", "told", "according to"), the mark of news

and counts (capped at 3): ``exclamations`` (sentences ending in "!") and ``calls`` (calls to
action and signed declarations: "Hands off ...!", "I call on", "we demand", "I express my
solidarity", "sign this letter").

score = 1.0·first_singular + 0.6·first_plural + 0.5·evaluative + 1.5·exclamations
        + 2.0·calls − 0.8·attribution;  ``opinion`` when score ≥ 3.0, else ``news``.
"""

from __future__ import annotations

import re

from ..model import Article
from ..pipeline import Config, register

STAGE = "newsweave.extract.kind.v1"
THRESHOLD = 3.0
WEIGHTS: dict[str, float] = {
    "first_singular": 1.0,
    "first_plural": 0.6,
    "evaluative": 0.5,
    "exclamations": 1.5,
    "calls": 2.0,
    "attribution": -0.8,
}

_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|„[^“”\n]*[“”]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.U)
_FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
_EVALUATIVE = frozenset(
    {
        "unacceptable",
        "criminal",
        "shameful",
        "disgraceful",
        "outrageous",
        "scandalous",
        "absurd",
        "ridiculous",
        "unjust",
        "unfair",
        "fair",
        "justified",
        "unjustified",
        "legitimate",
        "illegitimate",
        "appalling",
        "horrible",
        "terrible",
        "disgusting",
        "shocking",
        "brutal",
        "cynical",
        "boundless",
        "blatant",
        "shameless",
        "hypocritical",
        "irresponsible",
        "reckless",
        "ashamed",
        "disgrace",
        "shame",
        "absolutely",
        "utterly",
        "totally",
        "truly",
        "clearly",
        "obviously",
        "undoubtedly",
        "categorical",
        "unforgivable",
        "intolerable",
        "inadmissible",
        "heroic",
        "courageous",
        "noble",
        "wonderful",
        "magnificent",
        "pathetic",
        "incompetent",
        "corrupt",
        "",
    }
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|according to|reported|reports|stated|announced|added|"
    r"claimed|declared|explained|noted|wrote|confirmed|denied|insisted|warned|quoted)\b",
    re.I,
)
_CALLS = re.compile(
    r"\bhands off\b|\b(?:I|we)\s+(?:call on|call upon|urge|demand|appeal to|implore)\b|"
    r"\b(?:I|we)\s+(?:express|declare|reaffirm)\s+(?:my|our)\s+(?:solidarity|support)\b|"
    r"\bsign(?:ed)? this (?:letter|statement|appeal)\b|\bstand with\b|\bjoin us\b",
    re.I,
)
_EXCLAMATION = re.compile(r"!\s*(?:\n|$)|!\s+(?=[A-Z])")


def features(text: str) -> dict[str, float]:
    """The scorer's features for ``text`` (rates per 100 words, capped counts)."""
    own = _QUOTED.sub(" ", text)  # the author's own words, quotations removed
    tokens = [w.lower() for w in _WORD.findall(own)]
    per100 = 100.0 / max(len(tokens), 50)  # short texts are not inflated by tiny denominators
    return {
        "first_singular": sum(t in _FIRST_SINGULAR for t in tokens) * per100,
        "first_plural": sum(t in _FIRST_PLURAL for t in tokens) * per100,
        "evaluative": sum(t in _EVALUATIVE for t in tokens) * per100,
        "attribution": len(_ATTRIBUTION.findall(own)) * per100,
        "exclamations": float(min(3, len(_EXCLAMATION.findall(own)))),
        "calls": float(min(3, len(_CALLS.findall(own)))),
    }


def score(feats: dict[str, float]) -> float:
    """The weighted sum of ``feats``."""
    return sum(WEIGHTS[k] * v for k, v in feats.items())


@register(STAGE, reads={"text"}, writes={"kind", "ext"})
def classify(article: Article, config: Config) -> Article:
    """Mark the article ``opinion`` or ``news`` with the transparent feature score."""
    feats = features(article.text)
    s = score(feats)
    threshold = float(config.get(STAGE, "threshold", THRESHOLD))
    article.kind = "opinion" if s >= threshold else "news"
    article.ext["newsweave.kind"] = {
        "score": round(s, 2),
        "features": {k: round(v, 2) for k, v in feats.items()},
    }
    return article
