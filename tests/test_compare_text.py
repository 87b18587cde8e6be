"""The memoised TF-IDF of the story-level stages weighs as scikit-learn's ``TfidfVectorizer``
does, whatever the memo holds (sentences of the real seed articles)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from newsweave.compare import text
from newsweave.compare.text import char_tfidf, sentences, word_tfidf

SKLEARN = {
    char_tfidf: {"analyzer": "char_wb", "ngram_range": (3, 5), "sublinear_tf": True},
    word_tfidf: {"ngram_range": (1, 2), "sublinear_tf": True, "stop_words": "english"},
}


def _sentences(seeds_dir: Path) -> list[str]:
    out = [s.text for p in sorted(seeds_dir.glob("*.txt")) for s in sentences(p.read_text())]
    if len(out) < 50:
        pytest.skip("seed articles missing")
    return out


def _cosines(m: object) -> np.ndarray:
    return np.asarray((m @ m.T).toarray())  # type: ignore[operator]


@pytest.mark.parametrize("fn", list(SKLEARN), ids=lambda f: f.__name__)
def test_weights_match_scikit_learn(fn, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    texts = [*_sentences(seeds_dir), "", "...", "a"]
    want = _cosines(TfidfVectorizer(**SKLEARN[fn]).fit_transform(texts))
    assert np.abs(_cosines(fn(texts)) - want).max() < 1e-9
    part = texts[10:40]  # the IDF is over the texts given, not over what the memo holds
    want = _cosines(TfidfVectorizer(**SKLEARN[fn]).fit_transform(part))
    assert np.abs(_cosines(fn(part)) - want).max() < 1e-9


def test_a_small_memo_forgets_and_still_weighs_the_same(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _sentences(seeds_dir)
    want = _cosines(char_tfidf(texts))
    small = text._Counts(TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)), budget=2000)
    monkeypatch.setattr(text, "_CHARS", small)
    for start in range(0, len(texts), 7):  # the memo fills, evicts, starts its vocabulary again
        char_tfidf(texts[start : start + 7])
        assert small.held <= max(2000, sum(len(small.memo[t][0]) for t in texts[start : start + 7]))
    assert len(small.memo) < len(set(texts))
    assert np.abs(_cosines(char_tfidf(texts)) - want).max() < 1e-9
    assert char_tfidf([]).shape == (0, 1) and char_tfidf(["", " "]).nnz == 0


def test_an_articles_sentences_are_kept_on_it_until_its_text_changes() -> None:
    import pickle

    from newsweave.compare.text import sentences_of
    from newsweave.model import Article

    art = Article(source="a", id="a", text="Talks resumed on Monday. Mr. Smith spoke.")
    first = sentences_of(art)
    assert [s.text for s in first] == ["Talks resumed on Monday.", "Mr. Smith spoke."]
    assert sentences_of(art) is first
    art.text = "One line only."
    assert [s.text for s in sentences_of(art)] == ["One line only."]
    assert "_sents" not in pickle.loads(pickle.dumps(art)).__dict__
