"""Local executor: a process pool over both cores, serial for small inputs.

Models are loaded once in the parent (stage warm-up hooks) before the pool forks, so workers
share them copy-on-write instead of each loading its own; the pool lives as long as the
executor, so a long-running service pays for it once.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import islice
from types import TracebackType

from ..model import Article, Problem
from ..pipeline import Config, process_article, process_batch, warm_up

#: Below this many articles a process pool costs more than it saves.
SERIAL_BELOW = 24


def _run_batch(
    batch: list[Article], names: Sequence[str], config: Config
) -> list[Article | Problem]:
    return process_batch(batch, names, config)


class LocalExecutor:
    """Runs article stages in ``workers`` processes, results in input order."""

    def __init__(self, workers: int | None = None, batch_size: int = 8) -> None:
        self.workers = workers or min(2, os.cpu_count() or 1)
        self.batch_size = batch_size
        self._pool: ProcessPoolExecutor | None = None

    def map_articles(
        self, articles: Iterable[Article], names: Sequence[str], config: Config
    ) -> Iterator[Article | Problem]:
        items = list(articles)
        if self.workers <= 1 or len(items) < SERIAL_BELOW:
            for a in items:
                yield process_article(a, names, config)
            return
        pool = self._ensure_pool(names)
        it = iter(items)
        batches = iter(lambda: list(islice(it, self.batch_size)), [])
        for results in pool.map(partial(_run_batch, names=names, config=config), batches):
            yield from results

    def _ensure_pool(self, names: Sequence[str]) -> ProcessPoolExecutor:
        if self._pool is None:
            warm_up(names)  # load models here; forked workers inherit them
            ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        return self._pool

    def close(self) -> None:
        """Shut the worker processes down."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()
