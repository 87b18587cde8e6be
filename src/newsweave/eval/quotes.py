"""Quote evaluation on PolNeAR (brat standoff): direct-quote content F1 and speaker accuracy.

Gold: every attribution of a text's ``.ann`` file (the alphabetically first annotator's file
when several annotated the text) whose Content span is enclosed in quotation marks: its first
character is a quotation mark or follows one, and its last character is one or precedes one
(a comma or full stop may sit between). Content made of several pieces (a quote split by its
attribution) is one gold quote.

Rules, applied the same way to every article:

* Tokens are ``\\w+`` runs; a predicted quote's tokens are those of its ``parts`` (the words in
  quotation marks, without an attribution that splits them). A predicted direct quote matches
  a gold quote when their shared tokens are at least half of the gold's tokens and at least
  half of the predicted ones; matching is one-to-one, best overlap first.
* A predicted quote that matches no direct gold quote but lies (>= 50% of its tokens) inside the
  content of a gold attribution that is not fully quoted (a partial quote inside reported
  speech, "the move “is possible only ...”") is neither right nor wrong: the gold confirms it
  is attributed speech, only of a class this metric does not count. ``precision_strict``
  counts such quotes as false positives.
* The speaker of a matched quote is right when the predicted speaker mention overlaps the gold
  Source span (same mention; the only check possible for a gold "he", since PolNeAR does not
  resolve pronouns), or when the gold source names someone (a capitalised word, titles and
  determiners aside) and its last such word is a word of the predicted speaker's name, or when
  an unnamed gold source ("a campaign aide") and the predicted speaker share the head noun.

* ``quoted_*`` is the symmetric view, with no neutral class: gold is every direct attribution
  plus every quotation-marked fragment (two tokens or more, double or guillemet marks) inside
  the content of an attribution that is not fully quoted; predicted are the direct quotes plus
  the quotation-marked fragments inside predicted reported speech (newsweave's partial quotes),
  each either matched or a false positive.

The articles run through the same stages as ``newsweave analyze``: ``nlp.parse``,
``extract.entities`` and ``extract.quotes``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..extract.wordlists import words
from ..model import Article, Quote
from ..pipeline import Config, process_article
from . import EvalResult, data_path

STAGES = ("newsweave.nlp.parse.v1", "newsweave.extract.entities.v1", "newsweave.extract.quotes.v1")
MARKS = "\"“”‘’'«»„`"
_TOKEN = re.compile(r"\w+")
_NOT_NAMES = words(
    "The A An Mr Mrs Ms Dr Sen Rep Gov President Secretary He She They It We I His Her"
)


@dataclass
class Gold:
    """One gold attribution: content pieces, source pieces, whether the content is quoted."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    source_text: str
    direct: bool


def _spans(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def is_quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is enclosed in quotation marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 2:
        return False
    left = text[start] in MARKS or (start > 0 and text[start - 1] in MARKS)
    after = text[end : end + 2]
    right = (
        text[end - 1] in MARKS
        or (after[:1] in MARKS and after[:1] != "")
        or (after[:1] in ",." and after[1:2] in MARKS and after[1:2] != "")
    )
    return left and right


def read_ann(ann: Path, text: str) -> list[Gold]:
    """Gold attributions of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            kind, _, where = cols[1].partition(" ")
            spans[cols[0]] = (kind, _spans(where), cols[2] if len(cols) > 2 else "")
        elif line.startswith("E") and len(cols) >= 2:
            args = dict(a.split(":", 1) for a in cols[1].split() if ":" in a)
            events.append(args)
    out = []
    for args in events:
        content = spans.get(args.get("Content", ""))
        if content is None:
            continue
        source = spans.get(args.get("Source", ""))
        pieces = content[1]
        direct = is_quoted(text, pieces[0][0], pieces[-1][1])
        out.append(Gold(pieces, source[1] if source else [], source[2] if source else "", direct))
    return out


def _tokens(text: str, pieces: list[tuple[int, int]]) -> set[int]:
    return {m.start() + s for s, e in pieces for m in _TOKEN.finditer(text[s:e])}


def speaker_matches(text: str, quote: Quote, gold: Gold) -> bool:
    """The speaker rule of the module docstring."""
    if quote.speaker is None:
        return False
    if quote.speaker_start is not None and quote.speaker_end is not None:
        for s, e in gold.source:
            if quote.speaker_start < e and s < quote.speaker_end:
                return True
    pred_words = {w.lower() for w in _TOKEN.findall(quote.speaker)}
    gold_words = _TOKEN.findall(gold.source_text)
    names = [w for w in gold_words if w[:1].isupper() and w not in _NOT_NAMES]
    if names:
        return names[-1].lower() in pred_words
    return bool(gold_words) and gold_words[-1].lower() in pred_words


_FRAGMENT = re.compile(r"[\"“«„]([^\"“”«»„]{3,}?)[\"”»“]")


def quoted_fragments(text: str, gold: Gold) -> list[list[tuple[int, int]]]:
    """Quotation-marked pieces (two tokens or more) inside a not-fully-quoted attribution's
    content."""
    out = []
    for s, e in gold.content:
        lo, hi = max(0, s - 1), min(len(text), e + 1)  # a mark may sit just outside the span
        for m in _FRAGMENT.finditer(text, lo, hi):
            if len(_TOKEN.findall(m.group(1))) >= 2:
                out.append([(m.start(1), m.end(1))])
    return out


def _match(ptok: list[set[int]], gtok: list[set[int]]) -> list[tuple[int, int]]:
    """One-to-one matches (>= 50% of both sides' tokens shared), best overlap first."""
    pairs = []
    for i, pt in enumerate(ptok):
        for j, gt in enumerate(gtok):
            shared = len(pt & gt)
            if shared and shared * 2 >= len(gt) and shared * 2 >= len(pt):
                pairs.append((shared / max(len(pt), len(gt)), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, reverse=True):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


@dataclass
class _Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    neutral: int = 0
    speaker_right: int = 0
    speaker_missing: int = 0
    quoted_gold: int = 0
    quoted_predicted: int = 0
    quoted_matched: int = 0


def score_article(text: str, golds: list[Gold], quotes: list[Quote], counts: _Counts) -> None:
    """Add one article's matches to ``counts``."""
    direct = [g for g in golds if g.direct]
    other = [g for g in golds if not g.direct]
    preds = [q for q in quotes if q.direct]
    counts.gold += len(direct)
    counts.predicted += len(preds)
    gtok = [_tokens(text, g.content) for g in direct]
    ptok = [_tokens(text, q.parts or [(q.start, q.end)]) for q in preds]
    used_p: set[int] = set()
    for i, j in _match(ptok, gtok):
        used_p.add(i)
        counts.matched += 1
        if preds[i].speaker is None:
            counts.speaker_missing += 1
        elif speaker_matches(text, preds[i], direct[j]):
            counts.speaker_right += 1
    fragments = [f for g in other for f in quoted_fragments(text, g)]
    qtok = gtok + [_tokens(text, f) for f in fragments]
    partial = [_tokens(text, [p]) for q in quotes if not q.direct for p in q.parts]
    counts.quoted_gold += len(qtok)
    counts.quoted_predicted += len(ptok) + len(partial)
    counts.quoted_matched += len(_match(ptok + partial, qtok))
    otok = [_tokens(text, g.content) for g in other]
    for i, pt in enumerate(ptok):
        if i not in used_p and pt and any(len(pt & ot) * 2 >= len(pt) for ot in otok):
            counts.neutral += 1


def _prf(prefix: str, matched: int, predicted: int, gold: int) -> dict[str, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return {
        f"{prefix}_precision": p,
        f"{prefix}_recall": r,
        f"{prefix}_f1": 2 * p * r / (p + r) if p + r else 0.0,
    }


def documents(path: Path) -> Iterator[tuple[Path, Path]]:
    """``(text file, annotation file)`` pairs of a PolNeAR split folder."""
    anns: dict[str, Path] = {}
    for ann in sorted((path / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)
    for txt in sorted((path / "text").glob("*.txt")):
        if txt.stem in anns:
            yield txt, anns[txt.stem]


def _run(txt: Path) -> tuple[str, list[Quote]]:
    import_module("newsweave.extract.entities")  # registers the stages in worker processes
    import_module("newsweave.extract.quotes")

    text = txt.read_text(encoding="utf-8")
    article = Article(id=txt.stem, source=str(txt), text=text, language="en")
    result = process_article(article, STAGES, Config())
    if not isinstance(result, Article):
        raise RuntimeError(f"{txt.name}: {result.reason}")
    return txt.stem, result.quotes


def evaluate(path: Path | None = None, workers: int = 2, limit: int | None = None) -> EvalResult:
    """Direct-quote content P/R/F1 and speaker accuracy on a PolNeAR split (default: dev)."""
    path = Path(path) if path else data_path("quotes", "polnear", "data", "dev")
    docs = list(documents(path))[:limit]
    t0 = time.perf_counter()
    texts = [t for t, _ in docs]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = dict(pool.map(_run, texts, chunksize=4))
    else:
        results = dict(map(_run, texts))
    counts = _Counts()
    for txt, ann in docs:
        text = txt.read_text(encoding="utf-8")
        score_article(text, read_ann(ann, text), results[txt.stem], counts)
    seconds = time.perf_counter() - t0
    counted = counts.predicted - counts.neutral
    p = counts.matched / counted if counted else 0.0
    r = counts.matched / counts.gold if counts.gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    p_strict = counts.matched / counts.predicted if counts.predicted else 0.0
    r_strict = r
    metrics = {
        "precision": p,
        "recall": r,
        "f1": f1,
        "precision_strict": p_strict,
        "f1_strict": 2 * p_strict * r_strict / (p_strict + r_strict) if p_strict + r else 0.0,
        "speaker_accuracy": counts.speaker_right / counts.matched if counts.matched else 0.0,
        **_prf("quoted", counts.quoted_matched, counts.quoted_predicted, counts.quoted_gold),
    }
    return EvalResult(
        task="quotes",
        metrics=metrics,
        counts={
            "documents": len(docs),
            "gold": counts.gold,
            "predicted": counts.predicted,
            "matched": counts.matched,
            "neutral": counts.neutral,
            "speaker_right": counts.speaker_right,
            "speaker_missing": counts.speaker_missing,
            "quoted_gold": counts.quoted_gold,
            "quoted_predicted": counts.quoted_predicted,
            "quoted_matched": counts.quoted_matched,
        },
        seconds=seconds,
    )
