"""Executors that run per-article stages: local process pool, and Dask at scale."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from ..model import Article, Problem
from ..pipeline import Config


class Executor(Protocol):
    """What the pipeline needs from an engine: run article stages over many articles."""

    def map_articles(
        self, articles: Iterable[Article], names: Sequence[str], config: Config
    ) -> Iterator[Article | Problem]: ...
