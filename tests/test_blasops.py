"""BlasOps: spaCy's parse through numpy's BLAS is token-identical to the stock one."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc

from newsweave import blasops, nlp


def _signature(docs: list[Doc]) -> list[list[tuple[str, str, int, str, str]]]:
    return [[(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in d] for d in docs]


def test_parse_is_identical(seeds_dir: Path) -> None:
    texts = [p.read_text() for p in sorted(seeds_dir.glob("*.txt"))]
    fast = nlp.load("en")
    stock = spacy.load(f"{fast.meta['lang']}_{fast.meta['name']}", disable=["lemmatizer"])
    assert not isinstance(stock.get_pipe("ner").model.ops, blasops.BlasOps)
    assert _signature(list(fast.pipe(texts))) == _signature(list(stock.pipe(texts)))


def test_installed_on_every_model_node() -> None:
    model = nlp.load("en")
    for name in ("tok2vec", "parser", "ner"):
        nodes = list(model.get_pipe(name).model.walk())
        assert nodes and all(isinstance(n.ops, blasops.BlasOps) for n in nodes)
