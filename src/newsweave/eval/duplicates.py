"""Wire copies: how many edited copies the copy detector finds, and how often it is wrong.

No labelled set here marks copies, so the two sides are measured in two ways.

* **Recall, on copies made by construction.** Every article of the labelled grouping sets
  (:data:`.clustering.LABELLED`), cleaned as ``newsweave analyze`` cleans it and long enough to
  identify a story (``dedupe.MIN_WORDS``), is run again the ways outlets run agency copy
  (:data:`EDITS`): as it is; cut from the bottom; under another headline; with a paragraph of
  their own on top and one cut from the middle; cut and retitled. A copy is found when the
  detector points it to its article (or to the article that one is a copy of). The other
  headline and the paragraph on top come from another article of the same gold event (ML-Crisis:
  of the same storyline), so they are real text about the same story.
* **Precision, on the real articles.** Two articles of different gold events are not copies of
  each other: ``precision_checked`` is the share of the copies the detector marks among the
  articles of the sets with event labels whose article is of the same event. Marks within one
  event cannot be checked without labels; their number is reported. A storyline is no such
  check: ML-Crisis files one page under several countries' folders ("Revolución en el mundo
  árabe", on Bahrain, Yemen and Libya, under three), and those marks are right.

``exact_agreement`` checks the MinHash LSH against the rule it estimates: of the pairs of real
articles whose exact 5-word-shingle sets meet the copy rule, the share the detector marks as
copies of one another (directly or through a common article).

Each set is run on its own: its articles are indexed in publication order, then each copy made
of them is looked up as a later article would be (``Deduper.find``), without being indexed, so
no made copy is found through another.
"""

from __future__ import annotations

import copy
import itertools
import time
import zlib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from ..analyze import analyze_records
from ..group import dedupe
from ..group.order import stream
from ..group.text import content_lines, title_of, tokens
from ..model import Article
from ..pipeline import Config
from . import EvalResult, data_path
from .clustering import CLEAN_STAGES, LABELLED, dataset_name, load

#: Share of the paragraphs a cut copy keeps (from the top: papers cut agency copy at the end).
KEEP = 0.6

#: A title and paragraphs.
Text = tuple[str | None, list[str]]
#: ``(title, paragraphs, a related article's title and paragraphs, seed) -> the copy``.
Edit = Callable[[str | None, list[str], Text, int], Text]


def _cut(paras: list[str]) -> list[str]:
    return paras[: max(1, round(len(paras) * KEEP))]


def _own_top(paras: list[str], other: list[str], seed: int) -> list[str]:
    """A paragraph of the related article on top, and one paragraph cut from the middle."""
    top = [other[seed % len(other)]] if other else []
    body = list(paras)
    if len(body) > 2:
        del body[1 + seed % (len(body) - 2)]
    return top + body


EDITS: dict[str, Edit] = {
    "reprint": lambda t, p, o, s: (t, p),
    "cut": lambda t, p, o, s: (t, _cut(p)),
    "retitled": lambda t, p, o, s: (o[0], p),
    "own_top": lambda t, p, o, s: (t, _own_top(p, o[1], s)),
    "cut_retitled": lambda t, p, o, s: (o[0], _cut(p)),
}


def _words(a: Article) -> list[str]:
    return dedupe._words(a.text, a.language)


def _groups(articles: list[Article], gold: dict[str, dict[str, str]]) -> dict[str, str]:
    """The gold story of each article: its event, or its topic where a set has no events."""
    labels = gold["event"] or gold["topic"]
    return {a.id: labels[a.id] for a in articles if a.id in labels}


def _related(articles: list[Article], story: dict[str, str]) -> dict[str, Article]:
    """For each article, the next article of its gold story (cyclically; none for an article
    alone in its story)."""
    members: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        if a.id in story:
            members[story[a.id]].append(a)
    out = {}
    for group in members.values():
        if len(group) > 1:
            for i, a in enumerate(group):
                out[a.id] = group[(i + 1) % len(group)]
    return out


def _root(d: dedupe.Deduper, aid: str) -> str:
    return d.original.get(aid, aid)


def _exact_pairs(articles: list[Article]) -> set[frozenset[str]]:
    """Pairs of articles whose exact shingle sets meet the copy rule of :mod:`.group.dedupe`."""
    words = {a.id: _words(a) for a in articles}
    sh = {aid: dedupe.shingles(w) for aid, w in words.items()}
    title = {a.id: set(tokens(title_of(a, content_lines(a.text)), a.language)) for a in articles}
    postings: dict[str, list[str]] = defaultdict(list)
    for aid, s in sh.items():
        for x in s:
            postings[x].append(aid)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in postings.values():
        for a, b in itertools.combinations(sorted(ids), 2):
            shared[a, b] += 1
    out = set()
    for (a, b), n in shared.items():
        jac = n / len(sh[a] | sh[b])
        same_title = dedupe._title_overlap(title[a], title[b]) >= dedupe.TITLE_OVERLAP
        short = min(len(words[a]), len(words[b])) < dedupe.MIN_WORDS
        if dedupe.is_copy(jac, n / min(len(sh[a]), len(sh[b])), same_title, short):
            out.add(frozenset((a, b)))
    return out


def evaluate_set(path: Path, workers: int = 2) -> dict[str, int]:
    """Counts for one labelled set: copies made and found per edit, marks among its articles."""
    raw, gold = load(path)
    config = Config(workers=workers)
    report = analyze_records(copy.deepcopy(raw), config=config, stages=CLEAN_STAGES)
    articles = report.articles
    story = _groups(articles, gold)
    related = _related(articles, story)
    d = dedupe.Deduper()
    for a, _ in stream(articles):
        d.check(a)
    counts: dict[str, int] = defaultdict(int)
    # precision: the marks among the set's own articles, checked where events are labelled
    events = gold["event"]
    for a in articles:
        root = d.original.get(a.id)
        if root is not None:
            counts["marked"] += 1
            if a.id in events and root in events:
                counts["marked_checked"] += 1
                counts["marked_across_events"] += events[a.id] != events[root]
    exact = _exact_pairs(articles)
    counts["exact_pairs"] = len(exact)
    counts["exact_pairs_marked"] = sum(1 for p in exact if len({_root(d, x) for x in p}) == 1)
    # recall: copies made by construction, each looked up as a later article
    for a in articles:
        paras = content_lines(a.text)
        if len(_words(a)) < dedupe.MIN_WORDS or len(paras) < 2:
            continue
        other = related.get(a.id)
        theirs = (other.title, content_lines(other.text)) if other is not None else (None, [])
        seed = zlib.crc32(a.id.encode("utf-8"))
        for name, edit in EDITS.items():
            if name in ("retitled", "cut_retitled", "own_top") and other is None:
                continue
            title, body = edit(a.title, paras, theirs, seed)
            made = Article(
                id=f"{a.id}#{name}",
                source=a.source,
                text="\n".join(body),
                title=title,
                language=a.language,
            )
            counts[f"made_{name}"] += 1
            if d.find(made) == _root(d, a.id):
                counts[f"found_{name}"] += 1
    return dict(counts)


def evaluate(path: Path | None = None, workers: int = 2) -> EvalResult:
    """Recall of made copies per edit, false-copy rate and exact agreement, over the labelled
    grouping sets (or the one at ``path``)."""
    paths = [Path(path)] if path else [data_path(*parts) for parts in LABELLED]
    t0 = time.perf_counter()
    totals: dict[str, int] = defaultdict(int)
    per_set: dict[str, dict[str, int]] = {}
    for p in paths:
        if not p.exists():
            raise FileNotFoundError(f"labelled set not found: {p}")
        per_set[dataset_name(p)] = got = evaluate_set(p, workers)
        for k, v in got.items():
            totals[k] += v
    metrics = {}
    made = found = 0
    for name in EDITS:
        m, f = totals.get(f"made_{name}", 0), totals.get(f"found_{name}", 0)
        metrics[f"recall_{name}"] = f / m if m else 0.0
        made, found = made + m, found + f
    metrics["recall"] = found / made if made else 0.0
    checked = totals.get("marked_checked", 0)
    wrong = totals.get("marked_across_events", 0)
    metrics["precision_checked"] = 1.0 - wrong / checked if checked else 1.0
    exact = totals.get("exact_pairs", 0)
    metrics["exact_agreement"] = totals.get("exact_pairs_marked", 0) / exact if exact else 1.0
    return EvalResult(
        task="duplicates",
        metrics=metrics,
        counts={
            "copies_made": made,
            "marked_among_articles": totals.get("marked", 0),
            "marked_checked": checked,
            "marked_across_events": wrong,
            "exact_pairs": exact,
        },
        seconds=time.perf_counter() - t0,
        variant="" if path is None else dataset_name(Path(path)),
        details={"per_set": {k: dict(v) for k, v in per_set.items()}},
    )
