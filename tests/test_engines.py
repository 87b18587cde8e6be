"""Executors: the process pool and Dask give the serial results, in input order."""

from __future__ import annotations

import pytest

from newsweave.engines.local import SERIAL_BELOW, LocalExecutor
from newsweave.model import Article, Problem
from newsweave.pipeline import Config, Pipeline, process_article

NAMES = [
    "newsweave.clean.normalize.v1",
    "newsweave.clean.language.v1",
    "newsweave.nlp.parse.v1",
    "newsweave.extract.figures.v1",
]


def _articles(n: int) -> list[Article]:
    texts = [
        "More than {n},000 people marched in the capital on Sunday, organisers said.",
        "La police a interpellé {n} personnes dans la nuit, selon le parquet.",
    ]
    return [
        Article(id=f"a{i}", source="mem", text=texts[i % 2].format(n=i + 2), order=i)
        for i in range(n)
    ]


def _summary(results: list[Article | Problem]) -> list[tuple[str, str | None, list[float]]]:
    out = []
    for r in results:
        assert isinstance(r, Article)
        out.append((r.id, r.language, [f.value for f in r.figures]))
    return out


def test_process_pool_matches_serial_and_keeps_order() -> None:
    names = [s.name for s in Pipeline(NAMES).stages]  # the stages exist and line up
    arts = _articles(SERIAL_BELOW + 10)
    serial = [process_article(a, names, Config()) for a in _articles(SERIAL_BELOW + 10)]
    with LocalExecutor(workers=2) as ex:
        pooled = list(ex.map_articles(arts, names, Config()))
        again = list(ex.map_articles(_articles(SERIAL_BELOW + 10), names, Config()))  # pool reused
    assert _summary(pooled) == _summary(serial) == _summary(again)
    assert _summary(pooled)[0] == ("a0", "en", [2000])


def test_dask_executor_matches_serial() -> None:
    distributed = pytest.importorskip("distributed")
    from newsweave.engines.dask import DaskExecutor

    names = ["newsweave.clean.normalize.v1", "newsweave.clean.language.v1"]
    with distributed.Client(
        processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
    ) as client:
        ex = DaskExecutor(client=client, batch_size=4)
        got = list(ex.map_articles(_articles(10), names, Config()))
    serial = [process_article(a, names, Config()) for a in _articles(10)]
    assert [(r.id, r.language) for r in got if isinstance(r, Article)] == [
        (r.id, r.language) for r in serial if isinstance(r, Article)
    ]


def test_unparsed_language_gets_a_safe_flat_tree() -> None:
    """Tree-walking stages must not crash on languages without a parser (spaCy segfaults on
    ``Token.children`` of long unparsed docs)."""
    from newsweave import nlp

    text = " ".join(["Die Regierung hat am Montag 3.500 neue Stellen angekündigt."] * 150)
    doc = nlp.load("de")(text)
    assert doc.has_annotation("DEP") and len(list(doc.sents)) == 150
    assert sum(len(list(t.children)) for t in doc) == len(doc) - 150
    art = Article(id="de", source="mem", text=text, language="de")
    out = process_article(art, [*NAMES[2:], "newsweave.extract.quotes.v1"], Config())
    assert isinstance(out, Article)
