"""Main-text extraction on trafilatura's evaluation set: snippet precision, recall and F1.

Scored as the trafilatura project does (``tests/eval_common.py``): per page, each ``with``
snippet found in the output (whitespace-normalised substring match) is a true positive, each one
missed a false negative; each ``without`` snippet found is a false positive, each one absent a
true negative. Pages whose HTML file is missing are skipped; a page that yields no text counts as
a full miss. The output is what the pipeline's extract + normalize + chrome stages produce for an
:class:`~newsweave.model.Article` holding the page; plain ``trafilatura.extract`` is scored in
the same run for comparison (``details["trafilatura"]``).
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import EvalResult, data_path

STAGES = (
    "newsweave.clean.extract.v1",
    "newsweave.clean.normalize.v1",
    "newsweave.clean.chrome.v1",
)
#: trafilatura's own benchmark settings (``EXTRACT_OPTS`` in its tests/eval_common.py).
BASELINE_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
}


@dataclass
class Counts:
    """Accumulated snippet counts with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, other: tuple[int, int, int, int]) -> None:
        self.tp += other[0]
        self.fp += other[1]
        self.fn += other[2]
        self.tn += other[3]

    def metrics(self) -> dict[str, float]:
        tp, fp, fn, tn = self.tp, self.fp, self.fn, self.tn
        total = tp + fp + fn + tn
        return {
            "precision": tp / (tp + fp) if tp + fp else 0.0,
            "recall": tp / (tp + fn) if tp + fn else 0.0,
            "f1": 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0,
            "accuracy": (tp + tn) / total if total else 0.0,
        }


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def score_item(item: dict[str, Any], output: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) of one page's ``output`` against its ``with``/``without`` snippets."""
    if output:
        out = _norm(output)
        tp = sum(1 for s in item["with"] if _norm(s) in out)
        fp = sum(1 for s in item["without"] if _norm(s) in out)
    else:
        tp = fp = 0
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


def decode_page(raw: bytes) -> str:
    """Decode page bytes the way trafilatura does (declared or detected encoding)."""
    from trafilatura.utils import decode_file

    text = decode_file(raw)
    return text if isinstance(text, str) else text.decode("utf-8", errors="replace")


def run_pipeline(html: str, url: str | None) -> str:
    """Text the pipeline's cleaning stages produce for a page (empty when it is a problem)."""
    from ..model import Article
    from ..pipeline import Config, process_article

    art = Article(id="page", source=url or "page", text="", html=html, url=url)
    res = process_article(art, STAGES, Config())
    return res.text if isinstance(res, Article) else ""


def run_baseline(html: str) -> str:
    """Plain ``trafilatura.extract`` with trafilatura's benchmark settings."""
    import trafilatura

    return trafilatura.extract(html, **BASELINE_OPTIONS) or ""


def _evaluate_page(job: tuple[str, str | None, bool]) -> tuple[str, str | None, float]:
    path, url, baseline = job
    html = decode_page(gzip.decompress(Path(path).read_bytes()))
    t0 = time.perf_counter()
    ours = run_pipeline(html, url)
    seconds = time.perf_counter() - t0
    return ours, run_baseline(html) if baseline else None, seconds


def _jobs(root: Path, data: dict[str, Any], baseline: bool) -> Iterable[tuple[str, Any, bool]]:
    for url, item in data.items():
        path = root / "html" / f"{item['file']}.gz"
        if path.exists():
            yield str(path), url, baseline


def evaluate(
    path: Path | None = None, workers: int = 2, baseline: bool = True, limit: int | None = None
) -> EvalResult:
    """Snippet precision/recall/F1 of the cleaning stages on trafilatura-eval at ``path``."""
    root = Path(path) if path else data_path("extraction", "trafilatura-eval")
    data: dict[str, Any] = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    items = {url: it for url, it in data.items() if (root / "html" / f"{it['file']}.gz").exists()}
    if limit:
        items = dict(list(items.items())[:limit])
    t0 = time.perf_counter()
    jobs = list(_jobs(root, items, baseline))
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_evaluate_page, jobs, chunksize=8))
    else:
        results = [_evaluate_page(j) for j in jobs]
    ours, base = Counts(), Counts()
    pipeline_seconds = 0.0
    empty = 0
    for item, (text, base_text, secs) in zip(items.values(), results, strict=True):
        ours.add(score_item(item, text))
        empty += not text
        pipeline_seconds += secs
        if base_text is not None:
            base.add(score_item(item, base_text))
    details: dict[str, Any] = {"pipeline_cpu_seconds": round(pipeline_seconds, 1)}
    if baseline:
        details["trafilatura"] = {k: round(v, 4) for k, v in base.metrics().items()}
    return EvalResult(
        task="extraction",
        metrics=ours.metrics(),
        counts={
            "pages": len(items),
            "empty": empty,
            "true_positives": ours.tp,
            "false_positives": ours.fp,
            "false_negatives": ours.fn,
            "true_negatives": ours.tn,
        },
        seconds=time.perf_counter() - t0,
        details=details,
    )
