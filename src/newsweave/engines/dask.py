"""Dask executor: the same per-article stages on a Dask cluster (``newsweave[dask]``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from ..errors import NotInstalledError
from ..model import Article, Problem
from ..pipeline import Config, process_batch


def _run_batch(
    batch: list[Article], names: Sequence[str], config: Config
) -> list[Article | Problem]:
    return process_batch(batch, names, config)


class DaskExecutor:
    """Submits batches of articles to a ``distributed.Client``; results come back in order."""

    def __init__(
        self, address: str | None = None, batch_size: int = 64, client: Any = None
    ) -> None:
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise NotInstalledError("the Dask engine", "dask") from exc
        self.client = client or (Client(address) if address else Client(processes=True))
        self.batch_size = batch_size

    def map_articles(
        self, articles: Iterable[Article], names: Sequence[str], config: Config
    ) -> Iterator[Article | Problem]:
        it = iter(articles)
        futures = []
        while batch := list(islice(it, self.batch_size)):
            futures.append(self.client.submit(_run_batch, batch, list(names), config, pure=False))
        for fut in futures:
            yield from fut.result()
