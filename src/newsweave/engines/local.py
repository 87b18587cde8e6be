"""Local executor: a process pool over both cores, serial for small inputs."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import islice

from ..model import Article, Problem
from ..pipeline import Config, process_article

#: Below this many articles a process pool costs more (model loading per worker) than it saves.
SERIAL_BELOW = 24


def _run_batch(
    batch: list[Article], names: Sequence[str], config: Config
) -> list[Article | Problem]:
    return [process_article(a, names, config) for a in batch]


class LocalExecutor:
    """Runs article stages in ``workers`` processes, results in input order."""

    def __init__(self, workers: int | None = None, batch_size: int = 16) -> None:
        self.workers = workers or min(2, os.cpu_count() or 1)
        self.batch_size = batch_size

    def map_articles(
        self, articles: Iterable[Article], names: Sequence[str], config: Config
    ) -> Iterator[Article | Problem]:
        items = list(articles)
        if self.workers <= 1 or len(items) < SERIAL_BELOW:
            for a in items:
                yield process_article(a, names, config)
            return
        it = iter(items)
        batches = iter(lambda: list(islice(it, self.batch_size)), [])
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            for results in pool.map(partial(_run_batch, names=names, config=config), batches):
                yield from results
