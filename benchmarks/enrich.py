"""Enrichment throughput: the full per-article pipeline on 600-word news articles, 2 workers.

Articles are real news texts from ``shared/data/clustering/giveme5w1h-news-cluster.jsonl``, cut
to 600 words (shorter ones are skipped). Prints articles/s and writes
``benchmarks/results/enrich.json``. Target (issue 4): >= 40 articles/s on 2 cores.

    python benchmarks/enrich.py [--n 400] [--workers 2] [--no-reference]

In the same run, on the same articles and the same number of worker processes, it measures two
references that bound what any pipeline built on the required model can reach here: spaCy's
English model alone (``nlp.pipe``, every component newsweave uses, no newsweave stage), and the
tokenizer plus the NER component alone (nothing else). Entities are needed on every sentence,
so the second is a ceiling for the full pipeline.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from multiprocessing import get_context
from pathlib import Path

from newsweave import nlp
from newsweave.engines.local import LocalExecutor
from newsweave.eval import data_path
from newsweave.model import Article, Problem
from newsweave.pipeline import Config, Pipeline

WORDS = 600
OUT = Path(__file__).with_name("results") / "enrich.json"


def load_articles(n: int) -> list[Article]:
    """``n`` articles of exactly 600 words (cycling through the set when n is larger)."""
    path = data_path("clustering", "giveme5w1h-news-cluster.jsonl")
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        words = rec["text"].split()
        if len(words) >= WORDS:
            texts.append((rec, " ".join(words[:WORDS])))
    arts = []
    for i in range(n):
        rec, text = texts[i % len(texts)]
        arts.append(
            Article(
                id=f"{rec['id']}-{i}",
                source="bench",
                text=text,
                title=rec.get("title"),
                published=rec.get("published"),
                language="en",
            )
        )
    return arts


def _spacy_worker(job: tuple[list[str], tuple[str, ...]]) -> int:
    """Run the English model on ``texts`` with only ``components`` enabled; count the docs."""
    texts, components = job
    model = nlp.load("en")  # newsweave's own loading: one BLAS thread, fast POS
    with model.select_pipes(enable=list(components)):
        return sum(1 for _ in model.pipe(texts, batch_size=32))


def reference(texts: list[str], components: tuple[str, ...], workers: int) -> float:
    """Articles/s of the bare spaCy model on ``texts`` over ``workers`` processes."""
    chunks = [texts[i::workers] for i in range(workers)]
    with get_context("fork").Pool(workers) as pool:
        pool.map(_spacy_worker, [(c[:16], components) for c in chunks])  # load the model
        t0 = time.perf_counter()
        done = sum(pool.map(_spacy_worker, [(c, components) for c in chunks]))
        return done / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=400, help="articles to process")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-reference", action="store_true", help="skip the bare-spaCy references")
    args = ap.parse_args()

    config = Config(workers=args.workers)
    pipe = Pipeline(config=config)
    names = [s.name for s in pipe.article_stages]
    executor = LocalExecutor(args.workers)
    # Warm-up: each worker process loads spaCy once; measured separately from steady state.
    t0 = time.perf_counter()
    list(executor.map_articles(load_articles(args.workers * 32), names, config))
    warm = time.perf_counter() - t0

    arts = load_articles(args.n)
    t0 = time.perf_counter()
    results = list(executor.map_articles(arts, names, config))
    secs = time.perf_counter() - t0
    problems = sum(isinstance(r, Problem) for r in results)
    rate = args.n / secs
    refs: dict[str, float] = {}
    if not args.no_reference:
        texts = [a.text for a in arts]
        used = tuple(nlp.load("en").pipe_names)
        refs["spacy_model_alone"] = round(reference(texts, used, args.workers), 1)
        refs["tokenizer_and_ner_alone"] = round(reference(texts, ("ner",), args.workers), 1)
    out = {
        "benchmark": "enrich",
        "articles": args.n,
        "words_per_article": WORDS,
        "workers": args.workers,
        "stages": names,
        "seconds": round(secs, 2),
        "articles_per_second": round(rate, 1),
        "warmup_seconds_incl_model_load": round(warm, 2),
        "problems": problems,
        "reference_articles_per_second": refs,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1))
    print(
        f"{args.n} articles x {WORDS} words, {args.workers} workers: "
        f"{rate:.1f} articles/s ({secs:.1f} s; warm-up {warm:.1f} s); problems {problems}"
    )
    for name, value in refs.items():
        print(f"  reference, same run: {name.replace('_', ' ')}: {value:.1f} articles/s")


if __name__ == "__main__":
    main()
