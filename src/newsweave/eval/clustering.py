"""Story grouping on labelled sets: BCubed and pairwise scores per level (event or topic).

A JSONL set has an article per line (``id``, ``title``, ``text``, ``published``, ``outlet``,
``url``) with gold ``event`` and ``topic`` labels. A folder set is laid out as
``TOPIC/YYYY-MM-DD/NAME.txt`` (ML-Crisis): its files are read by the reader of
``newsweave analyze FOLDER`` (plain text, title in the text, date from the path) and the topic
folder is the gold storyline; it has no event labels.

The articles go through the stages of ``newsweave analyze`` (the cheap cleaning stages, then
dedupe, events and storylines) with a fresh, unpersisted state, and the predicted event or
storyline of every article is scored against the gold label of the chosen level.
By default only the stages whose output grouping reads run before it, for speed; ``full=True``
runs every stage ``newsweave analyze`` runs before grouping (the spaCy parse, entities, quotes,
figures and dates among them), so its scores are the ones ``analyze`` gives. The two paths
differ only where the dates stage dates an undated article by the year its text refers to
(:func:`.group.order.article_time`; 7 of ECB+'s 496 pages). Both have floors.
``embeddings`` names the events stage's headline embedder (default: the stage's, ``e5``;
``"none"``: TF-IDF alone; ``"minilm"`` needs the ``embeddings`` extra, see docs/embeddings.md).
``mixed=True`` groups the set together with the other labelled sets (:data:`LABELLED`), as one
stream of several sources and languages, and scores the set's own articles: a set grouped alone
cannot show what the others' articles do to its groups (the document frequencies, the
candidates).
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from ..embed import get_embedder
from ..group import stages as _group_stages  # noqa: F401  (registers the grouping stages)
from ..group.events import DEFAULT_EMBEDDINGS
from ..io import ReadOptions
from ..io.readers import read_inputs
from ..model import Article, Report
from ..pipeline import Config
from ..stages import DEFAULT_PIPELINE
from . import EvalResult, data_path
from .metrics import scores

DEFAULT_FILE = "giveme5w1h-news-cluster.jsonl"
CLEAN_STAGES = (
    "newsweave.clean.normalize.v1",
    "newsweave.clean.chrome.v1",
    # Spanish text must not go through the English models (spaCy's, MiniLM's)
    "newsweave.clean.language.v1",
)
GROUP_STAGES = (
    "newsweave.group.dedupe.v1",
    "newsweave.group.events.v1",
    "newsweave.group.storylines.v1",
)
#: Every stage ``analyze`` runs before grouping (``full=True``).
ANALYZE_STAGES = DEFAULT_PIPELINE[: DEFAULT_PIPELINE.index(GROUP_STAGES[0])]
LEVELS = ("event", "topic")
#: The labelled grouping sets under ``shared/data`` (``--mixed`` mixes them together).
LABELLED = (
    ("clustering", "giveme5w1h-news-cluster.jsonl"),
    ("clustering", "ecbplus-dev.jsonl"),
    ("multilingual", "ml-crisis", "es"),
)


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def dataset_name(path: Path) -> str:
    """Short name of a labelled set: ``giveme5w1h``, ``ecbplus-dev``, ``ml-crisis-es`` (a folder:
    its parent's name and its own), else the file stem."""
    if path.is_dir():
        return f"{path.parent.name}-{path.name}"
    stem = path.name.split(".")[0]
    return "giveme5w1h" if stem.startswith("giveme5w1h") else stem


def variant_name(
    path: Path,
    level: str,
    full: bool,
    embeddings: str | None,
    runs: int = 1,
    mixed: bool = False,
) -> str:
    """The key of a run in the floors file: ``SET:LEVEL``, plus ``+full``, ``+EMBEDDER`` (an
    embedder other than the default, ``+none`` for TF-IDF alone), ``+mixed`` (grouped with the
    other labelled sets) and ``@Kruns`` (fed as a live feed) when those are on (each has floors
    of its own)."""
    name = f"{dataset_name(path)}:{level}"
    if full:
        name += "+full"
    used = get_embedder(embeddings or DEFAULT_EMBEDDINGS).name
    if used != get_embedder(DEFAULT_EMBEDDINGS).name:
        name += f"+{used}"
    if mixed:
        name += "+mixed"
    if runs > 1:
        name += f"@{runs}runs"
    return name


def load_folder(root: Path) -> tuple[list[Article], dict[str, dict[str, str]]]:
    """Articles of a ``TOPIC/YYYY-MM-DD/NAME.txt`` folder and their gold topics (other files,
    such as ML-Crisis's ``reference/TOPIC.txt`` timelines, are not articles of the set)."""
    articles: list[Article] = []
    topics: dict[str, str] = {}
    for rec in read_inputs([str(root)], ReadOptions()):
        if not isinstance(rec, Article):
            raise ValueError(f"{rec.source}: {rec.reason}")
        rel = Path(rec.source).relative_to(root)
        if len(rel.parts) != 3 or not _DAY.match(rel.parts[1]):
            continue
        rec.id = rel.with_suffix("").as_posix()  # file names repeat across days
        rec.order = len(articles)
        articles.append(rec)
        topics[rec.id] = rel.parts[0]
    return articles, {"event": {}, "topic": topics}


def load(path: Path) -> tuple[list[Article], dict[str, dict[str, str]]]:
    """Articles of a labelled set (JSONL file or folder) and their gold labels per level."""
    if path.is_dir():
        return load_folder(path)
    articles: list[Article] = []
    gold: dict[str, dict[str, str]] = {lv: {} for lv in LEVELS}
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not line.strip():
                continue
            rec: dict[str, Any] = json.loads(line)
            aid = str(rec.get("id", i))
            articles.append(
                Article(
                    id=aid,
                    source=f"{path.name}:{i + 1}",
                    text=rec.get("text") or "",
                    title=rec.get("title"),
                    url=rec.get("url"),
                    outlet=rec.get("outlet"),
                    published=rec.get("published"),
                    order=len(articles),
                )
            )
            for lv in LEVELS:
                gold[lv][aid] = str(rec[lv])
    return articles, gold


def with_others(path: Path, articles: list[Article]) -> list[Article]:
    """``articles`` of the set at ``path`` followed by the articles of the other labelled sets
    that are available (ids prefixed with their set's name, so none collide), numbered anew in
    input order."""
    out = list(articles)
    for parts in LABELLED:
        other = data_path(*parts)
        if other.resolve() == path.resolve() or not other.exists():
            continue
        for a in load(other)[0]:
            a.id = f"{dataset_name(other)}/{a.id}"
            out.append(a)
    for i, a in enumerate(out):
        a.order = i
    return out


def run_grouping(
    articles: list[Article],
    full: bool = False,
    embeddings: str | None = None,
    state_dir: Path | None = None,
) -> Report:
    """Run the analyze pipeline's cleaning (``full``: all its stages before grouping) and
    grouping stages; ``embeddings`` is the events stage's embedder (``None``: its default,
    :data:`~newsweave.group.events.DEFAULT_EMBEDDINGS`), ``state_dir``
    where the grouping state persists between runs (``None``: a fresh state)."""
    from ..analyze import analyze_records

    names = [*(ANALYZE_STAGES if full else CLEAN_STAGES), *GROUP_STAGES]
    options = {GROUP_STAGES[1]: {"embeddings": embeddings}} if embeddings else {}
    config = Config(workers=2, state_dir=state_dir, options=options)
    return analyze_records(articles, config=config, stages=names)


def run_feed(
    articles: list[Article],
    runs: int,
    full: bool = False,
    embeddings: str | None = None,
) -> Report:
    """Group ``articles`` as a live feed: in ``runs`` runs by publication time (undated ones in
    input order), run i analysing the first i/``runs`` of them with one saved state, as
    ``newsweave analyze`` does on a growing folder. Returns the last run's report."""
    ordered = sorted(articles, key=lambda a: (a.published or "", a.order))
    report = Report()
    with tempfile.TemporaryDirectory(prefix="newsweave-feed-") as tmp:
        for i in range(1, runs + 1):
            cut = copy.deepcopy(ordered[: len(ordered) * i // runs])
            report = run_grouping(cut, full=full, embeddings=embeddings, state_dir=Path(tmp))
    return report


def evaluate(
    path: Path | None = None,
    level: str = "event",
    full: bool = False,
    embeddings: str | None = None,
    runs: int = 1,
    mixed: bool = False,
) -> EvalResult:
    """Score the predicted events (``level="event"``) or storylines (``"topic"``); with
    ``runs`` > 1 the set is fed in that many runs (:func:`run_feed`) and the last is scored;
    with ``mixed`` it is grouped together with the other labelled sets (:func:`with_others`)."""
    return evaluate_levels(path, (level,), full, embeddings, runs, mixed)[0]


def evaluate_levels(
    path: Path | None = None,
    levels: tuple[str, ...] = LEVELS,
    full: bool = False,
    embeddings: str | None = None,
    runs: int = 1,
    mixed: bool = False,
) -> list[EvalResult]:
    """:func:`evaluate` at each of ``levels``, from one grouping of the set (events and
    storylines come out of the same run)."""
    for level in levels:
        if level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    if runs < 1:
        raise ValueError(f"runs must be at least 1, got {runs}")
    default = data_path("clustering", DEFAULT_FILE)
    path = Path(path) if path else default
    articles, gold = load(path)
    for level in levels:
        if not gold[level]:
            raise ValueError(f"{path} has no {level} labels (levels here: topic)")
    if mixed:
        articles = with_others(path, articles)
    t0 = time.perf_counter()
    if runs > 1:
        report = run_feed(articles, runs, full=full, embeddings=embeddings)
    else:
        report = run_grouping(articles, full=full, embeddings=embeddings)
    seconds = time.perf_counter() - t0
    results = []
    for level in levels:
        result = _scored(report, gold[level], level, seconds)
        result.variant = variant_name(path, level, full, embeddings, runs, mixed)
        result.details = {
            "path": str(path),
            "full": full,
            "embeddings": embeddings or DEFAULT_EMBEDDINGS,
            "runs": runs,
            "mixed_with": len(articles) - result.counts["articles"],
        }
        results.append(result)
    return results


def _scored(report: Report, gold: dict[str, str], level: str, seconds: float) -> EvalResult:
    """The scores of ``report``'s events (``level="event"``) or storylines against ``gold``,
    on the articles ``gold`` labels (``mixed``: not the other sets')."""
    attr = "event" if level == "event" else "storyline"
    pred = {a.id: str(getattr(a, attr)) for a in report.articles}
    truth = {aid: lab for aid, lab in gold.items() if aid in pred}
    pred = {aid: pred[aid] for aid in truth}
    return EvalResult(
        task="clustering",
        metrics=scores(truth, pred, interval=True),
        counts={
            "articles": len(pred),
            "gold_clusters": len(set(truth.values())),
            "predicted_clusters": len(set(pred.values())),
            "wire_copies": sum(1 for a in report.articles if a.duplicate_of and a.id in truth),
        },
        seconds=seconds,
    )
