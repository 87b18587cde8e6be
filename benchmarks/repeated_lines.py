"""Cost of finding the lines sites repeat across pages (the chrome stage's run-wide step).

    .venv/bin/python benchmarks/repeated_lines.py [--sizes 10000,100000]

On synthetic plain-text pages of many sites (each site's pages carry its menu, a teaser list
that changes every few hundred pages, and a footer, around an unrelated story) it times
:func:`newsweave.clean.repeated.mark_repeated` and counts the pages whose chrome was found;
on ML-Crisis's 791 scraped pages it reports the time and the lines dropped. Prints the figures
and writes ``benchmarks/results/repeated_lines.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import time
from pathlib import Path
from typing import Any

from newsweave.clean.repeated import HINT, mark_repeated
from newsweave.eval import data_path
from newsweave.eval.clustering import load
from newsweave.model import Article

OUT = Path(__file__).parent / "results" / "repeated_lines.json"
SITES = 40
_SYL = ["ka", "lo", "mi", "ter", "van", "os", "ru", "bel", "dra", "sen", "pol", "ix", "na", "gor"]


def _words(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4))) for _ in range(n))


def synthetic(n: int, seed: int = 3) -> list[Article]:
    """``n`` pages of ``SITES`` sites; every page's story is its own."""
    rng = random.Random(seed)
    menus = [[f"Section {_words(rng, 2)}" for _ in range(8)] for _ in range(SITES)]
    footers = [[f"Copyright {s} {_words(rng, 6)}" for _ in range(3)] for s in range(SITES)]
    arts = []
    for i in range(n):
        s = i % SITES
        teasers = [f"Teaser {i // 400} {k} {_words(random.Random(s * 7919 + i // 400 * 31 + k), 8)}"
                   for k in range(6)]  # fmt: skip
        body = [_words(rng, rng.randint(20, 60)) + "." for _ in range(rng.randint(4, 12))]
        text = "\n".join([*menus[s], *teasers, _words(rng, 7), *body, *footers[s]])
        arts.append(Article(id=f"p{i}", source=f"p{i}.txt", text=text, outlet=f"site{s}.example"))
    return arts


def _time(articles: list[Article]) -> dict[str, Any]:
    t0 = time.perf_counter()
    noted = mark_repeated(articles)
    seconds = time.perf_counter() - t0
    dropped = sum(len(a.ext.get("newsweave", {}).get(HINT, ())) for a in articles)
    return {
        "articles": len(articles),
        "seconds": round(seconds, 2),
        "ms_per_article": round(1000 * seconds / len(articles), 3),
        "articles_noted": noted,
        "lines_dropped": dropped,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000", help="synthetic sizes, comma-separated")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}",
        "synthetic": [],
    }
    ml = data_path("multilingual", "ml-crisis", "es")
    if ml.exists():
        results["ml_crisis"] = r = _time(load(ml)[0])
        print(f"ML-Crisis {r['articles']} pages: {r['seconds']} s, {r['articles_noted']} pages "
              f"with site chrome, {r['lines_dropped']} lines dropped")  # fmt: skip
    for n in (int(x) for x in args.sizes.split(",")):
        r = _time(synthetic(n))
        results["synthetic"].append(r)
        print(f"{n:>7} pages: {r['ms_per_article']:.3f} ms/page ({r['seconds']} s), "
              f"{r['articles_noted']} pages with site chrome")  # fmt: skip
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(f"peak RSS {results['peak_rss_mb']} MB")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
