"""The compiled POS rules give exactly the attribute ruler's tags."""

from __future__ import annotations

from pathlib import Path

import spacy

from newsweave import fastpos, nlp


def test_same_pos_as_the_models_attribute_ruler(examples_dir: Path) -> None:
    ref = spacy.load(_package(), disable=["lemmatizer"])
    fast = spacy.load(_package(), disable=["lemmatizer"])
    assert fastpos.install(fast)
    assert "attribute_ruler" not in fast.pipe_names or "attribute_ruler" in fast.disabled
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples_dir.rglob("*.txt"))]
    texts.append("There is nothing we haven't done; I'd say it's theirs, but he didn't.")
    compared = 0
    for text in texts:
        for a, b in zip(ref(text), fast(text), strict=True):
            assert (a.text, a.pos_) == (b.text, b.pos_)
            compared += 1
    assert compared > 500


def _package() -> str:
    for name in nlp.MODEL_CANDIDATES["en"]:
        if spacy.util.is_package(name):
            return name
    raise AssertionError("no English spaCy package installed")
