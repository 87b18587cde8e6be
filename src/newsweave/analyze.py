"""The main job: read inputs, run the pipeline, build the report.

``analyze()`` is the library call behind ``newsweave analyze``; the CLI, the API server and the
benchmarks all go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .io import ReadOptions
from .model import Article, Problem, Report
from .pipeline import Config, Pipeline


@dataclass
class Hooks:
    """Progress callbacks (the CLI draws rich progress bars with them)."""

    on_record: Callable[[Article | Problem], None] | None = None
    on_stage: Callable[[str], None] | None = None


@dataclass
class RunStats:
    read: int = 0
    analysed: int = 0
    problems: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def analyze(
    inputs: Sequence[str],
    *,
    config: Config | None = None,
    stages: Sequence[str] | None = None,
    read_options: ReadOptions | None = None,
    executor: Any = None,
    hooks: Hooks | None = None,
) -> Report:
    """Analyse the articles in ``inputs`` (paths, folders, ``-`` for JSONL on stdin)."""
    from .io.formats.base import ReadStats
    from .io.readers import read_inputs

    stats = ReadStats()
    report = analyze_records(
        read_inputs(inputs, read_options or ReadOptions(), stats),
        config=config,
        stages=stages,
        executor=executor,
        hooks=hooks,
    )
    if stats.skipped:  # non-records (e.g. WARC request records): shown, not counted as read
        report.ext["skipped"] = stats.skipped
    return report


def analyze_records(
    records: Iterator[Article | Problem] | Sequence[Article | Problem],
    *,
    config: Config | None = None,
    stages: Sequence[str] | None = None,
    executor: Any = None,
    hooks: Hooks | None = None,
) -> Report:
    """Run the pipeline over already-read records (articles, or problems to pass through)."""
    from .engines.local import LocalExecutor

    config = config or Config()
    pipeline = Pipeline(stages, config)
    owned = executor is None
    executor = executor or LocalExecutor(config.workers)
    hooks = hooks or Hooks()
    report = Report()

    articles: list[Article] = []
    for rec in records:
        report.read += 1
        if isinstance(rec, Problem):
            report.problems.append(rec)
            if hooks.on_record:
                hooks.on_record(rec)
        else:
            rec.order = len(articles)
            articles.append(rec)
    _dedupe_ids(articles, report)

    prepared = pipeline.prepare(articles, report)
    names = [s.name for s in pipeline.article_stages]
    try:
        for result in executor.map_articles(articles, names, config):
            if isinstance(result, Problem):
                report.problems.append(result)
            else:
                report.articles.append(result)
            if hooks.on_record:
                hooks.on_record(result)
    finally:
        if owned:
            executor.close()

    report.ext["timings"] = {**prepared, **pipeline.run_report_stages(report, hooks.on_stage)}
    report.ext["pipeline"] = [s.name for s in pipeline.stages]
    return report


def _dedupe_ids(articles: list[Article], report: Report) -> None:
    """Give repeated ids a suffix (``id~2``) so every record stays addressable."""
    from .errors import Code

    seen: dict[str, int] = {}
    for a in articles:
        n = seen.get(a.id, 0) + 1
        seen[a.id] = n
        if n > 1:
            new = f"{a.id}~{n}"
            a.ext.setdefault("newsweave", {})["original_id"] = a.id
            report.ext.setdefault("warnings", []).append(
                {
                    "source": a.source,
                    "code": Code.DUPLICATE_ID.value,
                    "reason": f"id {a.id!r} repeated; renamed {new!r}",
                }
            )
            a.id = new
