"""Matrix products of spaCy's CNN layers through numpy's BLAS instead of blis.

thinc's ``NumpyOps.gemm`` multiplies with ``blis``; on this project's machines (x86-64 with
AVX-512) numpy's OpenBLAS runs the same single-thread product about 1.75x faster (130 vs 75
GFLOP/s for the tok2vec shape, 20,000 x 288 @ 288 x 288), which makes a whole English parse
~19% faster with token-identical tags, dependencies and entities (``tests/test_blasops.py``).
Written by hand because thinc ships no ops class for it (``thinc-apple-ops`` does the same for
Apple's Accelerate only); the class changes nothing but ``gemm``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.language import Language
from thinc.backends.numpy_ops import NumpyOps


class BlasOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is ``numpy.matmul``."""

    name = "newsweave_blas"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return np.matmul(x, y)
        np.matmul(x, y, out=out)
        return out


def install(nlp: Language) -> int:
    """Give every model node of ``nlp``'s components :class:`BlasOps`; returns how many."""
    ops = BlasOps()
    count = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
                count += 1
    return count
